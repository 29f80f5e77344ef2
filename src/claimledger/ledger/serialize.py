"""The JSON form of the cross-article ledger: ``LedgerEvent`` and ``LedgerContradiction`` as dicts.

Per merged event (``shared/spec/ledger-schema.md``): its ``reports`` (article ids with the local event
ids), ``sources`` (the distinct independent sources asserting it), ``corroboration`` (their count),
``contested`` and the ``claims`` of every article. Dates are ISO strings; ``*_to_dict`` and
``*_from_dict`` are exact inverses (stores keep each event's dict as its ``record``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from claimledger.serialize import _Fields
from claimledger.types import AcledCode, LedgerClaim, LedgerContradiction, LedgerEvent, Report

__all__ = [
    "ledger_claim_from_dict",
    "ledger_claim_to_dict",
    "ledger_contradiction_from_dict",
    "ledger_contradiction_to_dict",
    "ledger_event_from_dict",
    "ledger_event_to_dict",
]

JsonDict = dict[str, Any]


def _iso(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def report_to_dict(report: Report) -> JsonDict:
    return {
        "article_id": report.article_id,
        "event_id": report.event_id,
        "outlet": report.outlet,
        "published": _iso(report.published),
        "occurred": report.occurred,
    }


def ledger_claim_to_dict(claim: LedgerClaim) -> JsonDict:
    return {
        "article_id": claim.article_id,
        "claim_id": claim.claim_id,
        "stance": claim.stance,
        "source_key": claim.source_key,
        "source_text": claim.source_text,
        "time": _iso(claim.time),
    }


def ledger_event_to_dict(event: LedgerEvent) -> JsonDict:
    acled = None
    if event.acled is not None:
        acled = {"event_type": event.acled.event_type, "sub_event_type": event.acled.sub_event_type}
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "acled": acled,
        "actor1": event.actor1,
        "actor2": event.actor2,
        "actor1_name": event.actor1_name,
        "actor2_name": event.actor2_name,
        "place_name": event.place_name,
        "country": event.country,
        "lat": event.lat,
        "lon": event.lon,
        "start": _iso(event.start),
        "end": _iso(event.end),
        "fatalities": event.fatalities,
        "reports": [report_to_dict(r) for r in event.reports],
        "sources": list(event.sources),
        "corroboration": event.corroboration,
        "contested": event.contested,
        "claims": [ledger_claim_to_dict(c) for c in event.claims],
        "component": event.component,
    }


def ledger_contradiction_to_dict(contradiction: LedgerContradiction) -> JsonDict:
    return {
        "event": contradiction.event,
        "field": contradiction.field,
        "claims": [ledger_claim_to_dict(c) for c in contradiction.claims],
        "values": list(contradiction.values),
        "component": contradiction.component,
    }


# --------------------------------------------------------------------------- from dict


def _opt_date(f: _Fields, key: str) -> dt.date | None:
    return None if f.opt_str(key) is None else f.date(key)


def _count(f: _Fields, key: str) -> int:
    value = f.opt_int(key)
    return 0 if value is None else value


def _acled(f: _Fields) -> AcledCode:
    return AcledCode(f.req_str("event_type"), f.req_str("sub_event_type"))


def report_from_dict(d: object, origin: str = "<ledger>", path: str = "report") -> Report:
    f = _Fields(d, path, origin)
    return Report(
        article_id=f.req_str("article_id"),
        event_id=f.req_str("event_id"),
        outlet=f.opt_str("outlet"),
        published=_opt_date(f, "published"),
        occurred=f.flag("occurred") if isinstance(d, dict) and "occurred" in d else True,
    )


def ledger_claim_from_dict(d: object, origin: str = "<ledger>", path: str = "claim") -> LedgerClaim:
    f = _Fields(d, path, origin)
    return LedgerClaim(
        article_id=f.req_str("article_id"),
        claim_id=f.req_str("claim_id"),
        stance=f.req_str("stance"),
        source_key=f.req_str("source_key"),
        source_text=f.opt_str("source_text"),
        time=_opt_date(f, "time"),
    )


def ledger_event_from_dict(d: object, origin: str = "<ledger>", path: str = "event") -> LedgerEvent:
    """The ``LedgerEvent`` of ``d``; InputError naming ``origin`` and the key path if it is malformed."""
    f = _Fields(d, path, origin)
    acled = f.opt_sub("acled")
    reports = f.items("reports")
    claims = f.items("claims")
    return LedgerEvent(
        id=f.req_str("id"),
        type=f.req_str("type"),
        reports=tuple(report_from_dict(r, origin, f"{path}.reports[{i}]") for i, r in enumerate(reports)),
        mode=f.opt_str("mode"),
        acled=None if acled is None else _acled(acled),
        actor1=f.opt_str("actor1"),
        actor2=f.opt_str("actor2"),
        actor1_name=f.opt_str("actor1_name"),
        actor2_name=f.opt_str("actor2_name"),
        place_name=f.opt_str("place_name"),
        country=f.opt_str("country"),
        lat=f.opt_float("lat"),
        lon=f.opt_float("lon"),
        start=_opt_date(f, "start"),
        end=_opt_date(f, "end"),
        fatalities=f.opt_int("fatalities"),
        claims=tuple(ledger_claim_from_dict(c, origin, f"{path}.claims[{i}]") for i, c in enumerate(claims)),
        sources=f.strs("sources"),
        corroboration=_count(f, "corroboration"),
        contested=f.flag("contested"),
        component=f.str_or("component", "ledger"),
    )


def ledger_contradiction_from_dict(
    d: object, origin: str = "<ledger>", path: str = "contradiction"
) -> LedgerContradiction:
    f = _Fields(d, path, origin)
    claims = f.items("claims")
    return LedgerContradiction(
        event=f.req_str("event"),
        field=f.req_str("field"),
        claims=tuple(ledger_claim_from_dict(c, origin, f"{path}.claims[{i}]") for i, c in enumerate(claims)),
        values=f.strs("values"),
        component=f.str_or("component", "ledger"),
    )
