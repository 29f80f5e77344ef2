"""SQL of ``list_events`` and ``list_claims`` on PostgreSQL: each query field adds one parameterised clause.

The same steps, filters and orderings as ``sqlite_query`` (SQLite sorts NULL first in ascending order:
``NULLS FIRST``/``NULLS LAST`` say so here); rows are built by ``claimledger.store.views``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import psycopg
from psycopg.rows import DictRow, dict_row

from claimledger.store.base import ClaimQuery, ClaimRow, EventQuery, EventRow
from claimledger.store.views import claim_row, event_row, like_pattern, source_label


class _Where:
    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[object] = []

    def add(self, clause: str, *params: object) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.clauses) if self.clauses else ""


_PAGE = " LIMIT %s OFFSET %s"  # LIMIT NULL: no limit


def _claim_event_where(q: EventQuery | ClaimQuery, where: _Where) -> None:
    """Clauses of the claims query on the claim's event ``e`` and its place ``p``."""
    if q.type is not None:
        where.add("e.type = %s", q.type)
    if q.place is not None:
        where.add("p.search LIKE %s ESCAPE '\\'", like_pattern(q.place))
    if q.since is not None:
        where.add("e.date_end >= %s", q.since)
    if q.until is not None:
        where.add("e.date_start <= %s", q.until)
    if q.event_id is not None:
        where.add("e.uid = %s", q.event_id)


# The rows of a page of events. Scalar and ARRAY subqueries, not EXISTS or joins: they are evaluated for
# the page's rows only (PostgreSQL may otherwise hash a whole table to answer them).
_EVENTS_SQL = """
SELECT e.uid, e.id, e.article_id, e.type, e.mode, e.acled_event_type, e.acled_sub_event_type,
       a1.name AS actor1, a2.name AS actor2, p.name AS place, p.lat, p.lon, e.date_start, e.date_end,
       e.fatalities, e.negated, e.hedged, e.trigger_text,
       (SELECT count(*) FROM claims c WHERE c.article_id = e.article_id AND c.event = e.id) AS claim_count,
       e.contested,
       ARRAY(SELECT a.name FROM event_victims v
             JOIN actors a ON a.article_id = v.article_id AND a.id = v.actor_id
             WHERE v.article_id = e.article_id AND v.event_id = e.id ORDER BY v.seq) AS victims
FROM events e
LEFT JOIN actors a1 ON a1.article_id = e.article_id AND a1.id = e.actor1
LEFT JOIN actors a2 ON a2.article_id = e.article_id AND a2.id = e.actor2
LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place
WHERE e.uid = ANY(%s)
"""
# The events order (dated first by start date, then publication day, article, position), as indexed
# by events_order / events_type_order.
_EVENTS_ORDER = " ORDER BY e.date_start NULLS LAST, e.published_day NULLS FIRST, e.article_id, e.seq"
# Substring filters on actors and places: the matching ``search`` texts are looked up in the small
# search_terms table. Up to _MAX_TERMS of them: each one's events are read from event_terms already in
# the events order with the other filters' columns (a page per term, merged). More terms (a short,
# common substring): the events are read in order and each one's actor_search/place_search is checked,
# which fills a page after a short walk.
_MAX_TERMS = 40
_TERMS = "SELECT term FROM search_terms WHERE kind = %s AND term LIKE %s ESCAPE '\\' LIMIT %s"
_TERM_ORDER = " ORDER BY t.date_start NULLS LAST, t.published_day NULLS FIRST, t.article_id, t.seq"
_TKEYS = "t.uid, t.date_start, t.published_day, t.article_id, t.seq"
_OF_EVENT = {"actor": "e.actor_search LIKE %s ESCAPE '\\'", "place": "e.place_search LIKE %s ESCAPE '\\'"}
_MAX_SPAN = "(SELECT coalesce(max(span_days), 0) FROM events)"
# Events overlapping [since, ...) in two parts: those starting at most _SHORT days before ``since``,
# read along the ordered index from there, and longer ones that started earlier (events_long, from
# ``since`` minus the longest span); each part gives at most a page, the union is ordered again.
_SHORT = 31
_SINCE_SHORT = "e.date_end >= %s AND e.date_start >= %s"
_SINCE_LONG = (
    f"e.span_days > {_SHORT} AND e.date_end >= %s AND e.date_start < %s"
    f" AND e.date_start >= %s::date - {_MAX_SPAN}"
)
_KEYS = "e.uid, e.date_start, e.published_day, e.article_id, e.seq"
_KEYS_ORDER = " ORDER BY date_start NULLS LAST, published_day NULLS FIRST, article_id, seq"


def _days_before(day: dt.date, days: int) -> dt.date:
    return day - dt.timedelta(days=days) if day.toordinal() > days else dt.date.min


def _terms(conn: psycopg.Connection[Any], kind: str, pattern: str) -> list[str] | None:
    """The matching search texts of ``kind``; None if more than _MAX_TERMS."""
    terms = [r[0] for r in conn.execute(_TERMS, (kind, pattern, _MAX_TERMS + 1))]
    return None if len(terms) > _MAX_TERMS else terms


def _by_terms(kind: str, terms: list[str], where: _Where, q: EventQuery) -> tuple[str, list[object]]:
    """The page of events having one of ``terms``: each term's events in order, merged. ``where`` holds
    clauses on event_terms ``t``."""
    n = None if q.limit is None else q.limit + q.offset
    clauses = ["t.kind = %s", "t.term = %s", *where.clauses]
    since: list[object] = []
    if q.since is not None:
        clauses += ["t.date_end >= %s", f"t.date_start >= %s::date - {_MAX_SPAN}"]
        since = [q.since, q.since]
    where_t = " AND ".join(clauses)
    part = f"(SELECT {_TKEYS} FROM event_terms t WHERE {where_t}{_TERM_ORDER} LIMIT %s)"
    params: list[object] = []
    for term in terms:
        params += [kind, term, *where.params, *since, n]
    union = " UNION ALL ".join([part] * len(terms))
    keys = "date_start, published_day, article_id, seq, uid"
    sql = f"SELECT DISTINCT {keys} FROM ({union}) u{_KEYS_ORDER}{_PAGE}"
    return sql, [*params, q.limit, q.offset]


def _event_page(conn: psycopg.Connection[Any], q: EventQuery) -> tuple[str, list[object]] | None:
    """SQL and parameters of the page of event uids that ``q`` asks for, in the events order (None:
    no event can match). The uid is the last column."""
    on_e, on_t = _Where(), _Where()  # the same filters on events ``e`` and on event_terms ``t``
    for column, value in (("type", q.type), ("uid", q.event_id), ("article_id", q.article_id)):
        if value is not None:
            on_e.add(f"e.{column} = %s", value)
            on_t.add(f"t.{column} = %s", value)
    if q.until is not None:
        on_e.add("e.date_start <= %s", q.until)
        on_t.add("t.date_start <= %s", q.until)
    if q.contested:
        on_e.add("e.contested")
        on_t.add("t.contested")
    names = {k: like_pattern(v) for k, v in (("actor", q.actor), ("place", q.place)) if v is not None}
    drive = None
    for kind, pattern in names.items():
        terms = _terms(conn, kind, pattern)
        if terms == []:
            return None
        if terms is not None and drive is None:
            drive = (kind, terms)
        else:
            on_e.add(_OF_EVENT[kind], pattern)
            on_t.add(f"EXISTS (SELECT 1 FROM events e WHERE e.uid = t.uid AND {_OF_EVENT[kind]})", pattern)
    if drive is not None:
        return _by_terms(*drive, on_t, q)
    return _in_order(on_e, q)


def _in_order(where: _Where, q: EventQuery) -> tuple[str, list[object]]:
    """The page of events along the events order (``where``: clauses on events ``e``)."""
    if q.since is None:
        sql = f"SELECT e.uid FROM events e{where.sql()}{_EVENTS_ORDER}{_PAGE}"
        return sql, [*where.params, q.limit, q.offset]
    short = _days_before(q.since, _SHORT)
    n = None if q.limit is None else q.limit + q.offset
    parts = []
    for extra in (_SINCE_SHORT, _SINCE_LONG):
        clauses = " AND ".join([*where.clauses, extra])
        parts.append(f"(SELECT {_KEYS} FROM events e WHERE {clauses}{_EVENTS_ORDER} LIMIT %s)")
    sql = f"SELECT uid FROM ({' UNION ALL '.join(parts)}) u{_KEYS_ORDER}{_PAGE}"
    f = where.params
    return sql, [*f, q.since, short, n, *f, q.since, short, q.since, n, q.limit, q.offset]


_SOURCES_SQL = """
SELECT e.uid, a.name, c.source_text, c.source_kind, art.source FROM claims c
JOIN events e ON e.article_id = c.article_id AND e.id = c.event
JOIN articles art ON art.id = c.article_id
LEFT JOIN actors a ON a.article_id = c.article_id AND a.id = c.source
WHERE e.uid = ANY(%s) ORDER BY e.uid, c.seq
"""


def _rows(conn: psycopg.Connection[Any], sql: str, params: Sequence[object]) -> list[DictRow]:
    with conn.cursor(row_factory=dict_row) as cur:
        return cur.execute(sql, params).fetchall()


def _per_event(conn: psycopg.Connection[Any], sql: str, uids: list[str]) -> dict[str, list[tuple[Any, ...]]]:
    """Rows of ``sql`` (first column: the event uid; one ``= ANY(%s)`` parameter) by uid."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    if uids:
        for row in conn.execute(sql, (uids,)):
            out.setdefault(row[0], []).append(row)
    return out


def list_events(conn: psycopg.Connection[Any], q: EventQuery) -> list[EventRow]:
    """Two steps: the page of uids (filtered and ordered along an index), then the rows of that page."""
    page = _event_page(conn, q)
    uids = [] if page is None else [r[-1] for r in conn.execute(*page)]
    if not uids:
        return []
    found = {r["uid"]: r for r in _rows(conn, _EVENTS_SQL, (uids,))}
    sources = _per_event(conn, _SOURCES_SQL, uids)
    out = []
    for uid in uids:
        labels = [source_label(s[1], s[2], s[3], s[4]) for s in sources.get(uid, [])]
        out.append(event_row(found[uid], found[uid]["victims"], labels))
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
_CLAIMS_ORDER = " ORDER BY art.published_day NULLS LAST, c.article_id, c.seq"


def list_claims(conn: psycopg.Connection[Any], q: ClaimQuery) -> list[ClaimRow]:
    where = _Where()
    _claim_event_where(q, where)
    if q.actor is not None:
        pattern = like_pattern(q.actor)
        where.add("(a.search LIKE %s ESCAPE '\\' OR c.source_search LIKE %s ESCAPE '\\')", pattern, pattern)
    if q.article_id is not None:
        where.add("c.article_id = %s", q.article_id)
    if q.stance is not None:
        where.add("c.stance = %s", q.stance)
    if q.source_kind is not None:
        where.add("c.source_kind = %s", q.source_kind)
    if q.contested:
        where.add(_CONTESTED_CLAIM)
    rows = _rows(conn, _CLAIMS_SQL + where.sql() + _CLAIMS_ORDER + _PAGE, [*where.params, q.limit, q.offset])
    return [claim_row(r) for r in rows]
