"""SQL of ``list_events`` and ``list_claims``: each query field adds one parameterised clause.

To add a filter: add a field to the query dataclass in ``base.py`` and one ``where.add`` line here.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence

from claimledger.store.base import ClaimQuery, ClaimRow, EventQuery, EventRow

_CHUNK = 500  # bound parameters per IN (...) list


class _Where:
    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[object] = []

    def add(self, clause: str, *params: object) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.clauses) if self.clauses else ""


def like_pattern(text: str) -> str:
    """A LIKE pattern (``ESCAPE '\\'``) matching ``text`` case-folded as a substring."""
    escaped = text.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _day(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


def source_label(actor_name: str | None, source_text: str | None, kind: str, outlet: str | None) -> str:
    if actor_name:
        return actor_name
    if source_text:
        return source_text
    if kind == "outlet":
        return outlet or "the article"
    return kind


def _page(limit: int | None, offset: int) -> tuple[str, list[object]]:
    return " LIMIT ? OFFSET ?", [-1 if limit is None else limit, offset]


_CONTESTED_EVENT = (
    "EXISTS (SELECT 1 FROM contradictions k WHERE k.article_id = e.article_id AND k.event = e.id)"
)
_ACTOR_OF_EVENT = (
    "EXISTS (SELECT 1 FROM actors x WHERE x.article_id = e.article_id AND x.search LIKE ? ESCAPE '\\'"
    " AND (x.id = e.actor1 OR x.id = e.actor2 OR x.id IN (SELECT v.actor_id FROM event_victims v"
    " WHERE v.article_id = e.article_id AND v.event_id = e.id)))"
)


def _event_where(q: EventQuery | ClaimQuery, where: _Where) -> None:
    """Clauses on the event ``e`` and its place ``p`` shared by both queries."""
    if q.type is not None:
        where.add("e.type = ?", q.type)
    if q.place is not None:
        where.add("p.search LIKE ? ESCAPE '\\'", like_pattern(q.place))
    if q.since is not None:
        where.add("e.date_end >= ?", q.since.isoformat())
    if q.until is not None:
        where.add("e.date_start <= ?", q.until.isoformat())
    if q.event_id is not None:
        where.add("e.uid = ?", q.event_id)


_EVENTS_SQL = f"""
SELECT e.uid, e.id, e.article_id, e.type, e.mode, e.acled_event_type, e.acled_sub_event_type,
       a1.name AS actor1, a2.name AS actor2, p.name AS place, p.lat, p.lon, e.date_start, e.date_end,
       e.fatalities, e.negated, e.hedged, e.trigger_text,
       (SELECT count(*) FROM claims c WHERE c.article_id = e.article_id AND c.event = e.id) AS claim_count,
       {_CONTESTED_EVENT} AS contested
FROM events e
JOIN articles art ON art.id = e.article_id
LEFT JOIN actors a1 ON a1.article_id = e.article_id AND a1.id = e.actor1
LEFT JOIN actors a2 ON a2.article_id = e.article_id AND a2.id = e.actor2
LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place
"""
_EVENTS_ORDER = " ORDER BY e.date_start IS NULL, e.date_start, art.published_day, e.article_id, e.seq"


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _per_event(conn: sqlite3.Connection, sql: str, uids: Sequence[str]) -> dict[str, list[sqlite3.Row]]:
    """Rows of ``sql`` (whose first column is the event uid, with ``{marks}`` for the IN list) by uid."""
    out: dict[str, list[sqlite3.Row]] = {}
    for chunk in _chunks(uids):
        cur = conn.cursor()
        cur.row_factory = sqlite3.Row
        for row in cur.execute(sql.format(marks=", ".join("?" * len(chunk))), list(chunk)):
            out.setdefault(row[0], []).append(row)
    return out


_VICTIMS_SQL = """
SELECT e.uid, a.name FROM event_victims v
JOIN events e ON e.article_id = v.article_id AND e.id = v.event_id
JOIN actors a ON a.article_id = v.article_id AND a.id = v.actor_id
WHERE e.uid IN ({marks}) ORDER BY e.uid, v.seq
"""
_SOURCES_SQL = """
SELECT e.uid, a.name, c.source_text, c.source_kind, art.source FROM claims c
JOIN events e ON e.article_id = c.article_id AND e.id = c.event
JOIN articles art ON art.id = c.article_id
LEFT JOIN actors a ON a.article_id = c.article_id AND a.id = c.source
WHERE e.uid IN ({marks}) ORDER BY e.uid, c.seq
"""


def list_events(conn: sqlite3.Connection, q: EventQuery) -> list[EventRow]:
    where = _Where()
    _event_where(q, where)
    if q.actor is not None:
        where.add(_ACTOR_OF_EVENT, like_pattern(q.actor))
    if q.article_id is not None:
        where.add("e.article_id = ?", q.article_id)
    if q.contested:
        where.add(_CONTESTED_EVENT)
    page_sql, page_params = _page(q.limit, q.offset)
    cur = conn.cursor()
    cur.row_factory = sqlite3.Row
    rows = cur.execute(_EVENTS_SQL + where.sql() + _EVENTS_ORDER + page_sql, where.params + page_params)
    rows_list = rows.fetchall()
    uids = [r["uid"] for r in rows_list]
    victims = _per_event(conn, _VICTIMS_SQL, uids)
    sources = _per_event(conn, _SOURCES_SQL, uids)
    out = []
    for r in rows_list:
        labels = [source_label(s[1], s[2], s[3], s[4]) for s in sources.get(r["uid"], [])]
        out.append(
            EventRow(
                event_id=r["uid"],
                local_id=r["id"],
                article_id=r["article_id"],
                type=r["type"],
                mode=r["mode"],
                acled_event_type=r["acled_event_type"],
                acled_sub_event_type=r["acled_sub_event_type"],
                actor1=r["actor1"],
                actor2=r["actor2"],
                victims=tuple(v[1] for v in victims.get(r["uid"], [])),
                place=r["place"],
                lat=r["lat"],
                lon=r["lon"],
                date_start=_day(r["date_start"]),
                date_end=_day(r["date_end"]),
                fatalities=r["fatalities"],
                negated=bool(r["negated"]),
                hedged=bool(r["hedged"]),
                claim_count=r["claim_count"],
                contested=bool(r["contested"]),
                sources=tuple(dict.fromkeys(labels)),
                trigger=r["trigger_text"],
            )
        )
    return out


_CONTESTED_CLAIM = (
    "EXISTS (SELECT 1 FROM contradiction_claims kc WHERE kc.article_id = c.article_id AND kc.claim_id = c.id)"
)
_CLAIMS_SQL = f"""
SELECT c.uid, c.id, c.article_id, e.uid AS event_uid, e.type AS event_type, a.name AS actor_name,
       c.source_text, c.source_kind, art.source AS outlet, c.stance, c.cue, c.hedged, c.quote, c.channel,
       c.content_text AS content,
       e.date_start, e.date_end, {_CONTESTED_CLAIM} AS contested
FROM claims c
JOIN articles art ON art.id = c.article_id
LEFT JOIN events e ON e.article_id = c.article_id AND e.id = c.event
LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place
LEFT JOIN actors a ON a.article_id = c.article_id AND a.id = c.source
"""
_CLAIMS_ORDER = " ORDER BY art.published_day IS NULL, art.published_day, c.article_id, c.seq"


def list_claims(conn: sqlite3.Connection, q: ClaimQuery) -> list[ClaimRow]:
    where = _Where()
    _event_where(q, where)
    if q.actor is not None:
        pattern = like_pattern(q.actor)
        where.add("(a.search LIKE ? ESCAPE '\\' OR c.source_search LIKE ? ESCAPE '\\')", pattern, pattern)
    if q.article_id is not None:
        where.add("c.article_id = ?", q.article_id)
    if q.stance is not None:
        where.add("c.stance = ?", q.stance)
    if q.source_kind is not None:
        where.add("c.source_kind = ?", q.source_kind)
    if q.contested:
        where.add(_CONTESTED_CLAIM)
    page_sql, page_params = _page(q.limit, q.offset)
    cur = conn.cursor()
    cur.row_factory = sqlite3.Row
    rows = cur.execute(_CLAIMS_SQL + where.sql() + _CLAIMS_ORDER + page_sql, where.params + page_params)
    return [
        ClaimRow(
            claim_id=r["uid"],
            local_id=r["id"],
            article_id=r["article_id"],
            event_id=r["event_uid"],
            event_type=r["event_type"],
            source=source_label(r["actor_name"], r["source_text"], r["source_kind"], r["outlet"]),
            source_kind=r["source_kind"],
            stance=r["stance"],
            cue=r["cue"],
            hedged=bool(r["hedged"]),
            quote=r["quote"],
            channel=r["channel"],
            content=r["content"],
            date_start=_day(r["date_start"]),
            date_end=_day(r["date_end"]),
            contested=bool(r["contested"]),
        )
        for r in rows
    ]
