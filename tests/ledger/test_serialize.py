"""The JSON form of ledger events and contradictions: the schema's fields, exact round trips, clear errors."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from claimledger.errors import InputError
from claimledger.ledger.serialize import (
    ledger_contradiction_from_dict,
    ledger_contradiction_to_dict,
    ledger_event_from_dict,
    ledger_event_to_dict,
)
from claimledger.types import AcledCode, LedgerClaim, LedgerContradiction, LedgerEvent, Report

SAYS = LedgerClaim("art-1", "c1", "assert", "group:front", "the Front", dt.date(2021, 9, 6))
DENIES = LedgerClaim("art-2", "c3", "deny", "state:SY", None, None)
FULL = LedgerEvent(
    id="L0123456789ab",
    type="ASSAULT",
    reports=(Report("art-1", "e1", "news", dt.date(2021, 9, 6)), Report("art-2", "e2", None, None, False)),
    mode="artillery",
    acled=AcledCode("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    actor1="state:SY",
    actor2="group:front",
    actor1_name="Army",
    actor2_name="Northern Front",
    place_name="Dara",
    country="SY",
    lat=32.6,
    lon=36.1,
    start=dt.date(2021, 9, 5),
    end=dt.date(2021, 9, 6),
    fatalities=3,
    claims=(SAYS, DENIES),
    sources=("group:front",),
    corroboration=1,
    contested=True,
    component="ledger.cross",
)
BARE = LedgerEvent(id="L1", type="PROTEST", reports=())


@pytest.mark.parametrize("event", [FULL, BARE])
def test_ledger_events_round_trip_through_json(event: LedgerEvent) -> None:
    d = ledger_event_to_dict(event)
    assert ledger_event_from_dict(json.loads(json.dumps(d))) == event


def test_the_ledger_event_dict_has_the_schema_fields() -> None:
    d = ledger_event_to_dict(FULL)
    assert [r["article_id"] for r in d["reports"]] == ["art-1", "art-2"]
    assert d["reports"][1]["occurred"] is False
    assert (d["sources"], d["corroboration"], d["contested"]) == (["group:front"], 1, True)
    assert [(c["article_id"], c["stance"], c["time"]) for c in d["claims"]] == [
        ("art-1", "assert", "2021-09-06"),
        ("art-2", "deny", None),
    ]
    assert (d["start"], d["end"], d["component"]) == ("2021-09-05", "2021-09-06", "ledger.cross")


def test_contradictions_round_trip_through_json() -> None:
    k = LedgerContradiction("L1", "fatalities", (SAYS, DENIES), ("3", "5"))
    d = ledger_contradiction_to_dict(k)
    assert d["values"] == ["3", "5"] and d["event"] == "L1"
    assert ledger_contradiction_from_dict(json.loads(json.dumps(d))) == k


def test_a_report_without_occurred_happened() -> None:
    d = ledger_event_to_dict(FULL)
    del d["reports"][0]["occurred"]
    assert ledger_event_from_dict(d).reports[0].occurred is True


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"id": None}, r"event\.id: expected a string"),
        ({"start": "06/09/2021"}, r"event\.start: expected an ISO date"),
        ({"claims": [{"article_id": "a"}]}, r"event\.claims\[0\]: missing key 'claim_id'"),
        ({"reports": "art-1"}, r"event\.reports: expected a list"),
    ],
)
def test_a_malformed_ledger_event_names_the_input_and_key(change: dict[str, object], message: str) -> None:
    d = {**ledger_event_to_dict(FULL), **change}
    with pytest.raises(InputError, match=message) as caught:
        ledger_event_from_dict(d, origin="store:Lx")
    assert caught.value.origin == "store:Lx"
