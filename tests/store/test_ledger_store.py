"""The cross-article ledger in both stores: ``replace_ledger`` writes only what changed, the ledger
queries filter and order, event details, actor summaries and timelines. Ledgers are built by hand."""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from claimledger.errors import NotFoundError, StoreError
from claimledger.store import LedgerStore, open_store
from claimledger.store.ledger_base import LedgerChange, LedgerQuery
from claimledger.store.sqlite import SQLiteStore
from claimledger.types import (
    AcledCode,
    ArticleLedger,
    LedgerClaim,
    LedgerContradiction,
    LedgerEvent,
    Report,
)


@dataclass(frozen=True)
class Ledger:
    """What ``replace_ledger`` needs of a ``CrossLedger``."""

    events: tuple[LedgerEvent, ...] = ()
    contradictions: tuple[LedgerContradiction, ...] = ()


def claim(article: str, cid: str, stance: str, key: str, text: str | None, day: int) -> LedgerClaim:
    return LedgerClaim(article, cid, stance, key, text, dt.date(2021, 9, day))


FRONT_SAYS = claim("art-1", "c1", "assert", "group:front", "Commanders of the Northern Front", 6)
ARMY_DENIES = claim("art-1", "c2", "deny", "state:SY", "The Army", 6)
WIRE_SAYS = claim("art-2", "c1", "assert", "outlet:wire", None, 7)
SOURCES_SAY = claim("art-1", "c3", "assert", "unnamed:several sources", "Several sources", 6)

SHELLING = LedgerEvent(
    id="Laaa",
    type="ASSAULT",
    reports=(
        Report("art-1", "e1", "news.example.org", dt.date(2021, 9, 6)),
        Report("art-2", "e4", "wire", dt.date(2021, 9, 7)),
    ),
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
    start=dt.date(2021, 9, 6),
    end=dt.date(2021, 9, 6),
    fatalities=3,
    claims=(FRONT_SAYS, ARMY_DENIES, WIRE_SAYS),
    sources=("group:front", "outlet:wire"),
    corroboration=2,
    contested=True,
)
CAPTURE = LedgerEvent(
    id="Lbbb",
    type="COERCE",
    reports=(Report("art-1", "e2", "news.example.org", dt.date(2021, 9, 6)),),
    actor1="state:SY",
    actor1_name="Army",
    place_name="Dara",
    country="SY",
    start=dt.date(2021, 9, 8),
    end=dt.date(2021, 9, 9),
    claims=(SOURCES_SAY,),
    sources=("unnamed:several sources",),
    corroboration=1,
)
PROTEST = LedgerEvent(
    id="Lccc",
    type="PROTEST",
    reports=(Report("art-3", "e1", "daily", dt.date(2021, 9, 20)),),
    actor1="name:students|civilians|IQ",
    actor1_name="Students",
    place_name="Basra",
    country="IQ",
    start=dt.date(2021, 9, 14),
    end=dt.date(2021, 9, 14),
    claims=(claim("art-3", "c1", "assert", "outlet:daily", None, 20),),
    sources=("outlet:daily",),
    corroboration=1,
)
UNDATED = LedgerEvent(id="L000", type="ASSAULT", reports=(Report("art-4", "e1"),))
OCCURRENCE = LedgerContradiction("Laaa", "occurrence", (FRONT_SAYS, ARMY_DENIES), ("assert", "deny"))
LEDGER = Ledger((SHELLING, CAPTURE, PROTEST, UNDATED), (OCCURRENCE,))


@pytest.fixture
def stored(store: LedgerStore) -> LedgerStore:
    assert store.replace_ledger(LEDGER) == LedgerChange(inserted=4)
    return store


def test_replacing_with_the_same_ledger_changes_nothing(stored: LedgerStore) -> None:
    before = stored.list_ledger_events(LedgerQuery())
    change = stored.replace_ledger(LEDGER)
    assert change == LedgerChange(unchanged=4)
    assert not change.changed
    assert stored.list_ledger_events(LedgerQuery()) == before


def test_replace_inserts_updates_and_deletes_by_id(stored: LedgerStore) -> None:
    moved = dataclasses.replace(CAPTURE, place_name="Dara al-Balad")
    new = dataclasses.replace(PROTEST, id="Lddd")
    change = stored.replace_ledger(Ledger((SHELLING, moved, new, UNDATED), (OCCURRENCE,)))
    assert change == LedgerChange(inserted=1, updated=1, deleted=1, unchanged=2)
    assert [r.id for r in stored.list_ledger_events(LedgerQuery())] == ["Laaa", "Lbbb", "Lddd", "L000"]
    assert stored.get_ledger_event("Lbbb").record == moved
    with pytest.raises(NotFoundError, match="Lccc"):
        stored.get_ledger_event("Lccc")


def test_a_new_contradiction_rewrites_its_event(stored: LedgerStore) -> None:
    figures = LedgerContradiction("Laaa", "fatalities", (FRONT_SAYS, WIRE_SAYS), ("3", "5"))
    change = stored.replace_ledger(dataclasses.replace(LEDGER, contradictions=(OCCURRENCE, figures)))
    assert change == LedgerChange(updated=1, unchanged=3)
    assert stored.get_ledger_event("Laaa").contradictions == (OCCURRENCE, figures)
    stored.replace_ledger(Ledger())
    assert stored.list_ledger_events(LedgerQuery()) == []


@pytest.mark.parametrize(
    ("ledger", "message"),
    [
        (Ledger((SHELLING, SHELLING)), "two events have the id 'Laaa'"),
        (Ledger((CAPTURE,), (OCCURRENCE,)), "about 'Laaa', which is not an event"),
    ],
)
def test_a_bad_ledger_is_refused_and_nothing_changes(
    stored: LedgerStore, ledger: Ledger, message: str
) -> None:
    before = stored.list_ledger_events(LedgerQuery())
    with pytest.raises(StoreError, match=message):
        stored.replace_ledger(ledger)
    assert stored.list_ledger_events(LedgerQuery()) == before


def test_rows_carry_the_filterable_columns(stored: LedgerStore) -> None:
    row = stored.list_ledger_events(LedgerQuery(type="ASSAULT", limit=1))[0]
    assert (row.id, row.type, row.mode, row.acled_sub_event_type) == (
        "Laaa",
        "ASSAULT",
        "artillery",
        "Shelling/artillery/missile attack",
    )
    assert (row.actor1, row.actor1_name, row.actor2, row.actor2_name) == (
        "state:SY",
        "Army",
        "group:front",
        "Northern Front",
    )
    assert (row.place, row.country, row.lat, row.lon) == ("Dara", "SY", 32.6, 36.1)
    assert (row.date_start, row.date_end, row.fatalities) == (dt.date(2021, 9, 6), dt.date(2021, 9, 6), 3)
    assert (row.corroboration, row.contested, row.reports, row.claims) == (2, True, 2, 3)


@pytest.mark.parametrize(
    ("query", "ids"),
    [
        (LedgerQuery(), ["Laaa", "Lbbb", "Lccc", "L000"]),  # by start date, undated last
        (LedgerQuery(contested=True), ["Laaa"]),
        (LedgerQuery(type="ASSAULT"), ["Laaa", "L000"]),
        (LedgerQuery(actor="state:SY"), ["Laaa", "Lbbb"]),  # an actor-base id
        (LedgerQuery(actor="northern"), ["Laaa"]),  # a name, as a case-insensitive substring
        (LedgerQuery(actor="STUDENT"), ["Lccc"]),
        (LedgerQuery(actor="nobody"), []),
        (LedgerQuery(place="dara"), ["Laaa", "Lbbb"]),
        (LedgerQuery(place="IQ"), ["Lccc"]),  # a country code
        (LedgerQuery(since=dt.date(2021, 9, 9)), ["Lbbb", "Lccc"]),  # overlapping, undated left out
        (LedgerQuery(until=dt.date(2021, 9, 8)), ["Laaa", "Lbbb"]),
        (LedgerQuery(since=dt.date(2021, 9, 7), until=dt.date(2021, 9, 13)), ["Lbbb"]),
        (LedgerQuery(min_corroboration=2), ["Laaa"]),
        (LedgerQuery(place="dara", min_corroboration=1, type="COERCE"), ["Lbbb"]),
        (LedgerQuery(limit=2), ["Laaa", "Lbbb"]),
        (LedgerQuery(limit=2, offset=2), ["Lccc", "L000"]),
        (LedgerQuery(limit=0), []),
    ],
)
def test_list_ledger_events_filters_and_orders(
    stored: LedgerStore, query: LedgerQuery, ids: list[str]
) -> None:
    assert [r.id for r in stored.list_ledger_events(query)] == ids


def test_the_actor_filter_matches_aliases_of_the_reported_events(
    stored: LedgerStore, ledger: ArticleLedger
) -> None:
    # art-1's event e1 (a report of Laaa) has the Northern Front, alias "NF", as its actor2
    assert stored.list_ledger_events(LedgerQuery(actor="nf")) == []
    stored.add_ledger(ledger)
    assert [r.id for r in stored.list_ledger_events(LedgerQuery(actor="nf"))] == ["Laaa"]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"limit": -1},
        {"offset": -1},
        {"min_corroboration": -2},
        {"since": dt.date(2021, 9, 9), "until": dt.date(2021, 9, 1)},
    ],
)
def test_a_bad_ledger_query_is_a_store_error(kwargs: dict[str, object]) -> None:
    with pytest.raises(StoreError, match="LedgerQuery"):
        LedgerQuery(**kwargs)  # type: ignore[arg-type]


def test_get_ledger_event_has_reports_claims_and_contradictions(stored: LedgerStore) -> None:
    detail = stored.get_ledger_event("Laaa")
    assert detail.record == SHELLING
    assert detail.reports == SHELLING.reports
    assert [(c.article_id, c.claim_id, c.stance, c.source_text, c.time) for c in detail.claims] == [
        ("art-1", "c1", "assert", "Commanders of the Northern Front", dt.date(2021, 9, 6)),
        ("art-1", "c2", "deny", "The Army", dt.date(2021, 9, 6)),
        ("art-2", "c1", "assert", None, dt.date(2021, 9, 7)),
    ]
    assert detail.contradictions == (OCCURRENCE,)
    assert detail.row == stored.list_ledger_events(LedgerQuery(limit=1))[0]
    assert stored.get_ledger_event("L000").record == UNDATED
    with pytest.raises(NotFoundError, match="no ledger event with id 'Lzzz'"):
        stored.get_ledger_event("Lzzz")


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # keys, claims, asserts, denies, events, events_claimed, contradicted, corroborated
        ("state:SY", (("state:SY",), 1, 0, 1, 2, 1, 1, 0)),
        ("army", (("state:SY",), 1, 0, 1, 2, 1, 1, 0)),
        ("Northern Front", (("group:front",), 1, 1, 0, 1, 1, 1, 1)),
        ("several sources", (("unnamed:several sources",), 1, 1, 0, 0, 1, 0, 0)),
        ("outlet:wire", (("outlet:wire",), 1, 1, 0, 0, 1, 0, 1)),
        ("nobody", ((), 0, 0, 0, 0, 0, 0, 0)),
    ],
)
def test_actor_summary_counts_claims_events_and_their_fate(
    stored: LedgerStore, name: str, expected: tuple[object, ...]
) -> None:
    s = stored.actor_summary(name)
    assert s.name == name
    got = (s.keys, s.claims, s.asserts, s.denies, s.events, s.events_claimed, s.contradicted, s.corroborated)
    assert got == expected


def test_timeline_counts_events_per_day_and_week(stored: LedgerStore) -> None:
    days = [(b.start, b.events, b.contested, b.reports, b.fatalities) for b in stored.timeline()]
    assert days == [
        (dt.date(2021, 9, 6), 1, 1, 2, 3),
        (dt.date(2021, 9, 8), 1, 0, 1, 0),
        (dt.date(2021, 9, 14), 1, 0, 1, 0),
    ]
    weeks = [(b.start, b.events, b.contested, b.reports) for b in stored.timeline(by="week")]
    assert weeks == [(dt.date(2021, 9, 6), 2, 1, 3), (dt.date(2021, 9, 13), 1, 0, 1)]
    only = stored.timeline(LedgerQuery(place="dara", limit=1, offset=5), by="week")
    assert [(b.start, b.events) for b in only] == [(dt.date(2021, 9, 6), 2)]
    with pytest.raises(StoreError, match="by must be 'day' or 'week'"):
        stored.timeline(by="month")  # type: ignore[arg-type]


def test_the_ledger_survives_reopening(store_url: str) -> None:
    with open_store(store_url) as store:
        store.replace_ledger(LEDGER)
    with open_store(store_url) as store:
        assert store.replace_ledger(LEDGER) == LedgerChange(unchanged=4)
        assert store.get_ledger_event("Lccc").record == PROTEST


def test_an_identical_ledger_rewrites_no_postgresql_row(pg_url: str) -> None:
    with open_store(pg_url) as store:
        store.replace_ledger(LEDGER)
    with psycopg.connect(pg_url) as conn:
        tables = ("ledger_events", "ledger_reports", "ledger_claims", "ledger_contradictions")
        versions = {t: conn.execute(f"SELECT xmin::text FROM {t} ORDER BY 1").fetchall() for t in tables}
        with open_store(pg_url) as store:
            store.replace_ledger(LEDGER)
        conn.rollback()
        assert {
            t: conn.execute(f"SELECT xmin::text FROM {t} ORDER BY 1").fetchall() for t in tables
        } == versions
        assert all(versions[t] for t in tables)


def test_an_identical_ledger_rewrites_no_sqlite_row(db_path: Path) -> None:
    with SQLiteStore.open(db_path) as store:
        store.replace_ledger(LEDGER)
        written = store._conn.total_changes
        assert written > 0
        store.replace_ledger(LEDGER)
        assert store._conn.total_changes == written
