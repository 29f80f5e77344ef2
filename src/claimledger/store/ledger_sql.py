"""The cross-article ledger in a store (tables of migration ``0003_ledger``), for both backends.

Each backend passes a ``LedgerDb``: its connection behind ``rows``/``write`` (SQL written with ``?``
placeholders) and the few spellings that differ. Callers own the transaction. Every value is a bound
parameter; names and texts from articles are never part of the SQL.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from claimledger.errors import StoreError
from claimledger.ledger.serialize import (
    ledger_contradiction_from_dict,
    ledger_contradiction_to_dict,
    ledger_event_from_dict,
    ledger_event_to_dict,
)
from claimledger.store.ledger_base import (
    ActorSummary,
    LedgerChange,
    LedgerEventDetail,
    LedgerEventRow,
    LedgerQuery,
    TimelineBucket,
    TimelineStep,
)
from claimledger.store.rows import record_json, search_text
from claimledger.store.views import ResultRow, like_pattern
from claimledger.types import LedgerContradiction, LedgerEvent

Row = tuple[object, ...]


class LedgerDb(Protocol):
    """A backend's connection as the ledger queries need it."""

    true: str  # the SQL literal of a true flag (partial indexes are on ``contested = <true>``)
    order: str  # the ledger order over ``le``: dated first by start date, then by id
    no_limit: object  # the LIMIT parameter meaning "no limit"

    def rows(self, sql: str, params: Sequence[object] = ()) -> Sequence[ResultRow]: ...

    def write(self, sql: str, rows: Sequence[Row]) -> None: ...


_EVENT_COLUMNS = (
    "id",
    "type",
    "mode",
    "acled_event_type",
    "acled_sub_event_type",
    "actor1",
    "actor2",
    "actor1_name",
    "actor2_name",
    "place_name",
    "country",
    "lat",
    "lon",
    "date_start",
    "date_end",
    "fatalities",
    "corroboration",
    "contested",
    "report_count",
    "claim_count",
    "actor_search",
    "place_search",
    "digest",
    "record",
)
_REPORT_COLUMNS = ("ledger_event", "seq", "article_id", "event_id", "outlet", "published", "occurred")
_CLAIM_COLUMNS = (
    "ledger_event",
    "seq",
    "article_id",
    "claim_id",
    "stance",
    "source_key",
    "source_text",
    "source_search",
    "time",
    "contradicted",
    "corroborated",
)
_CONTRADICTION_COLUMNS = ("ledger_event", "seq", "field", "record")


def _insert(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"


@dataclass(frozen=True, slots=True)
class _EventRows:
    event: Row
    reports: list[Row]
    claims: list[Row]
    contradictions: list[Row]
    digest: str


def _event_rows(event: LedgerEvent, contradictions: Sequence[LedgerContradiction]) -> _EventRows:
    record = record_json(ledger_event_to_dict(event))
    against = [record_json(ledger_contradiction_to_dict(k)) for k in contradictions]
    digest = hashlib.sha256("\n".join([record, *against]).encode("utf-8")).hexdigest()
    named = {(c.article_id, c.claim_id) for k in contradictions for c in k.claims}
    row: Row = (
        event.id,
        event.type,
        event.mode,
        None if event.acled is None else event.acled.event_type,
        None if event.acled is None else event.acled.sub_event_type,
        event.actor1,
        event.actor2,
        event.actor1_name,
        event.actor2_name,
        event.place_name,
        event.country,
        event.lat,
        event.lon,
        event.start,
        event.end if event.end is not None else event.start,
        event.fatalities,
        event.corroboration,
        event.contested,
        len(event.reports),
        len(event.claims),
        search_text(event.actor1, event.actor1_name, event.actor2, event.actor2_name),
        search_text(event.place_name, event.country),
        digest,
        record,
    )
    reports: list[Row] = [
        (event.id, i, r.article_id, r.event_id, r.outlet, r.published, r.occurred)
        for i, r in enumerate(event.reports)
    ]
    claims: list[Row] = [
        (
            event.id,
            i,
            c.article_id,
            c.claim_id,
            c.stance,
            c.source_key,
            c.source_text,
            search_text(c.source_key, c.source_text),
            c.time,
            (c.article_id, c.claim_id) in named,
            c.stance == "assert" and any(s != c.source_key for s in event.sources),
        )
        for i, c in enumerate(event.claims)
    ]
    against_rows: list[Row] = [
        (event.id, i, k.field, a) for i, (k, a) in enumerate(zip(contradictions, against, strict=True))
    ]
    return _EventRows(row, reports, claims, against_rows, digest)


def _by_event(
    events: Sequence[LedgerEvent], contradictions: Iterable[LedgerContradiction]
) -> dict[str, list[LedgerContradiction]]:
    by_event: dict[str, list[LedgerContradiction]] = {}
    for event in events:
        if event.id in by_event:
            raise StoreError(f"ledger: two events have the id {event.id!r}")
        by_event[event.id] = []
    for k in contradictions:
        if k.event not in by_event:
            raise StoreError(
                f"ledger: a contradiction on {k.field!r} is about {k.event!r}, which is not an event"
            )
        by_event[k.event].append(k)
    return by_event


def replace_ledger(
    db: LedgerDb, events: Sequence[LedgerEvent], contradictions: Iterable[LedgerContradiction]
) -> LedgerChange:
    """Make the stored ledger ``events`` and ``contradictions``: insert new events, rewrite changed ones,
    delete the others; an event whose record and contradictions are unchanged is not touched."""
    by_event = _by_event(events, contradictions)
    stored = {str(r["id"]): str(r["digest"]) for r in db.rows("SELECT id, digest FROM ledger_events")}
    wanted = {e.id: _event_rows(e, by_event[e.id]) for e in events}
    gone = [i for i in stored if i not in wanted]
    changed = [i for i, rows in wanted.items() if i in stored and stored[i] != rows.digest]
    new = [i for i in wanted if i not in stored]
    if gone or changed:
        db.write("DELETE FROM ledger_events WHERE id = ?", [(i,) for i in (*gone, *changed)])
    written = [wanted[i] for i in (*changed, *new)]
    if written:
        db.write(_insert("ledger_events", _EVENT_COLUMNS), [w.event for w in written])
        for table, columns, attr in (
            ("ledger_reports", _REPORT_COLUMNS, "reports"),
            ("ledger_claims", _CLAIM_COLUMNS, "claims"),
            ("ledger_contradictions", _CONTRADICTION_COLUMNS, "contradictions"),
        ):
            rows = [r for w in written for r in getattr(w, attr)]
            if rows:
                db.write(_insert(table, columns), rows)
    return LedgerChange(
        inserted=len(new),
        updated=len(changed),
        deleted=len(gone),
        unchanged=len(wanted) - len(new) - len(changed),
    )


# --------------------------------------------------------------------------- reading


def as_date(value: object) -> dt.date | None:
    """A date column's value (ISO text in SQLite, a date in PostgreSQL)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


_ALIAS_OF_REPORT = (
    "EXISTS (SELECT 1 FROM ledger_reports r"
    " JOIN events e ON e.article_id = r.article_id AND e.id = r.event_id"
    " WHERE r.ledger_event = le.id AND e.actor_search LIKE ? ESCAPE '\\')"
)


def _where(db: LedgerDb, q: LedgerQuery) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if q.type is not None:
        clauses.append("le.type = ?")
        params.append(q.type)
    if q.actor is not None:
        pattern = like_pattern(q.actor)
        clauses.append(
            f"(le.actor1 = ? OR le.actor2 = ? OR le.actor_search LIKE ? ESCAPE '\\' OR {_ALIAS_OF_REPORT})"
        )
        params.extend([q.actor, q.actor, pattern, pattern])
    if q.place is not None:
        clauses.append("le.place_search LIKE ? ESCAPE '\\'")
        params.append(like_pattern(q.place))
    if q.since is not None:
        clauses.append("le.date_end >= ?")
        params.append(q.since)
    if q.until is not None:
        clauses.append("le.date_start <= ?")
        params.append(q.until)
    if q.contested:
        clauses.append(f"le.contested = {db.true}")
    if q.min_corroboration:
        clauses.append("le.corroboration >= ?")
        params.append(q.min_corroboration)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


_ROW_SQL = (
    "SELECT le.id, le.type, le.mode, le.acled_event_type, le.acled_sub_event_type, le.actor1, le.actor2,"
    " le.actor1_name, le.actor2_name, le.place_name, le.country, le.lat, le.lon, le.date_start, le.date_end,"
    " le.fatalities, le.corroboration, le.contested, le.report_count, le.claim_count FROM ledger_events le"
)


def _row(r: ResultRow) -> LedgerEventRow:
    return LedgerEventRow(
        id=r["id"],
        type=r["type"],
        mode=r["mode"],
        acled_event_type=r["acled_event_type"],
        acled_sub_event_type=r["acled_sub_event_type"],
        actor1=r["actor1"],
        actor2=r["actor2"],
        actor1_name=r["actor1_name"],
        actor2_name=r["actor2_name"],
        place=r["place_name"],
        country=r["country"],
        lat=r["lat"],
        lon=r["lon"],
        date_start=as_date(r["date_start"]),
        date_end=as_date(r["date_end"]),
        fatalities=r["fatalities"],
        corroboration=r["corroboration"],
        contested=bool(r["contested"]),
        reports=r["report_count"],
        claims=r["claim_count"],
    )


def list_ledger_events(db: LedgerDb, q: LedgerQuery) -> list[LedgerEventRow]:
    where, params = _where(db, q)
    limit = db.no_limit if q.limit is None else q.limit
    sql = f"{_ROW_SQL}{where} ORDER BY {db.order} LIMIT ? OFFSET ?"
    return [_row(r) for r in db.rows(sql, [*params, limit, q.offset])]


def get_ledger_event(db: LedgerDb, event_id: str, where: str) -> LedgerEventDetail | None:
    """The event ``event_id`` with its contradictions, or None; ``where`` names the store in errors."""
    rows = db.rows(f"{_ROW_SQL.replace(' FROM', ', le.record FROM')} WHERE le.id = ?", [event_id])
    if not rows:
        return None
    origin = f"{where}:ledger:{event_id}"
    record = ledger_event_from_dict(json.loads(rows[0]["record"]), origin)
    against = db.rows(
        "SELECT record FROM ledger_contradictions WHERE ledger_event = ? ORDER BY seq", [event_id]
    )
    contradictions = tuple(ledger_contradiction_from_dict(json.loads(r["record"]), origin) for r in against)
    return LedgerEventDetail(_row(rows[0]), record, record.reports, record.claims, contradictions)


def actor_summary(db: LedgerDb, name: str) -> ActorSummary:
    pattern = like_pattern(name)
    claims = db.rows(
        "SELECT lc.ledger_event, lc.stance, lc.source_key, lc.contradicted, lc.corroborated"
        " FROM ledger_claims lc WHERE lc.source_key = ? OR lc.source_search LIKE ? ESCAPE '\\'",
        [name, pattern],
    )
    where, params = _where(db, LedgerQuery(actor=name))
    events = db.rows(
        f"SELECT le.actor1, le.actor1_name, le.actor2, le.actor2_name FROM ledger_events le{where}", params
    )
    keys = {str(c["source_key"]) for c in claims}
    folded = name.casefold()
    for e in events:
        for key, label in ((e["actor1"], e["actor1_name"]), (e["actor2"], e["actor2_name"])):
            if key is not None and (key == name or folded in search_text(key, label)):
                keys.add(str(key))
    return ActorSummary(
        name=name,
        keys=tuple(sorted(keys)),
        claims=len(claims),
        asserts=sum(1 for c in claims if c["stance"] == "assert"),
        denies=sum(1 for c in claims if c["stance"] == "deny"),
        events=len(events),
        events_claimed=len({c["ledger_event"] for c in claims}),
        contradicted=sum(1 for c in claims if c["contradicted"]),
        corroborated=sum(1 for c in claims if c["corroborated"]),
    )


def _bucket_start(day: dt.date, by: TimelineStep) -> dt.date:
    return day if by == "day" else day - dt.timedelta(days=day.weekday())


def timeline(db: LedgerDb, q: LedgerQuery, by: TimelineStep) -> list[TimelineBucket]:
    """Dated events matching ``q`` (its page is ignored) per day or ISO week of their start, in order."""
    if by not in ("day", "week"):
        raise StoreError(f"timeline: by must be 'day' or 'week', got {by!r}")
    where, params = _where(db, q)
    dated = "le.date_start IS NOT NULL"
    where = f"{where} AND {dated}" if where else f" WHERE {dated}"
    sql = (
        f"SELECT le.date_start AS day, count(*) AS events,"
        f" sum(CASE WHEN le.contested = {db.true} THEN 1 ELSE 0 END) AS contested,"
        " sum(le.report_count) AS reports, sum(coalesce(le.fatalities, 0)) AS fatalities"
        f" FROM ledger_events le{where} GROUP BY le.date_start ORDER BY le.date_start"
    )
    buckets: dict[dt.date, list[int]] = {}
    for r in db.rows(sql, params):
        day = as_date(r["day"])
        assert day is not None
        counts = buckets.setdefault(_bucket_start(day, by), [0, 0, 0, 0])
        for i, column in enumerate(("events", "contested", "reports", "fatalities")):
            counts[i] += int(r[column])
    return [TimelineBucket(start, *counts) for start, counts in buckets.items()]


def ledger_counts(db: LedgerDb) -> dict[str, Any]:
    """Rows of each ledger table."""
    return {
        name: int(db.rows(f"SELECT count(*) AS n FROM {table}")[0]["n"])
        for name, table in (
            ("ledger_events", "ledger_events"),
            ("ledger_reports", "ledger_reports"),
            ("ledger_claims", "ledger_claims"),
            ("ledger_contradictions", "ledger_contradictions"),
        )
    }
