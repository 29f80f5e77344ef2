"""SQL of ``list_events`` and ``list_claims`` on SQLite: each query field adds one parameterised clause.

``list_events`` takes two steps: the page of event uids, filtered and read in order along an index (those
of migration 0002), then the display rows of that page only. To add a filter: add a field to the query
dataclass in ``base.py``; for events, its clause on ``events e`` and on ``event_terms t`` in
``_event_page`` (an ``EXISTS`` on events where event_terms lacks the column); for claims, one
``where.add`` line in ``list_claims``. ``postgres_query`` mirrors this module.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence

from claimledger.store.base import ClaimQuery, ClaimRow, EventQuery, EventRow
from claimledger.store.views import claim_row, event_row, like_pattern, source_label

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


def _page(limit: int | None, offset: int) -> tuple[str, list[object]]:
    return " LIMIT ? OFFSET ?", [-1 if limit is None else limit, offset]


def _claim_event_where(q: EventQuery | ClaimQuery, where: _Where) -> None:
    """Clauses of the claims query on the claim's event ``e`` and its place ``p``."""
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


_EVENTS_SQL = """
SELECT e.uid, e.id, e.article_id, e.type, e.mode, e.acled_event_type, e.acled_sub_event_type,
       a1.name AS actor1, a2.name AS actor2, p.name AS place, p.lat, p.lon, e.date_start, e.date_end,
       e.fatalities, e.negated, e.hedged, e.trigger_text,
       (SELECT count(*) FROM claims c WHERE c.article_id = e.article_id AND c.event = e.id) AS claim_count,
       e.contested
FROM events e
LEFT JOIN actors a1 ON a1.article_id = e.article_id AND a1.id = e.actor1
LEFT JOIN actors a2 ON a2.article_id = e.article_id AND a2.id = e.actor2
LEFT JOIN places p ON p.article_id = e.article_id AND p.id = e.place
WHERE e.uid IN ({marks})
"""
# The events order (dated first by start date, then publication day, article, position), as indexed
# by events_order / events_type_order ('~' sorts after every ISO date: undated events last).
_DAY = "coalesce(e.date_start, '~')"
_EVENTS_ORDER = f" ORDER BY {_DAY}, e.published_day, e.article_id, e.seq"
# Substring filters on actors and places: the matching ``search`` texts are looked up in the small
# search_terms table. Up to _MAX_TERMS of them: each one's events are read from event_terms already in
# the events order with the other filters' columns (a page per term, merged). More terms (a short,
# common substring): the events are read in order and each one's actor_search/place_search is checked,
# which fills a page after a short walk.
_MAX_TERMS = 40
_TERMS = "SELECT term FROM search_terms WHERE kind = ? AND term LIKE ? ESCAPE '\\' LIMIT ?"
_TDAY = "coalesce(t.date_start, '~')"
_TERM_ORDER = f" ORDER BY {_TDAY}, t.published_day, t.article_id, t.seq"
_TKEYS = f"t.uid, {_TDAY} AS k1, t.published_day AS k2, t.article_id AS k3, t.seq AS k4"
_OF_EVENT = {"actor": "e.actor_search LIKE ? ESCAPE '\\'", "place": "e.place_search LIKE ? ESCAPE '\\'"}
_MAX_SPAN = "(SELECT coalesce(max(span_days), 0) FROM events)"
# Events overlapping [since, ...) in two parts: those starting at most _SHORT days before ``since``,
# read along the ordered index from there, and longer ones that started earlier (events_long, from
# ``since`` minus the longest span); each part gives at most a page, the union is ordered again.
_SHORT = 31
_SINCE_SHORT = f"e.date_end >= ? AND {_DAY} >= ?"
_SINCE_LONG = (
    f"e.span_days > {_SHORT} AND e.date_end >= ? AND {_DAY} < ? AND {_DAY} >="
    f" date(?, '-' || {_MAX_SPAN} || ' days')"
)
_KEYS = f"e.uid, {_DAY} AS k1, e.published_day AS k2, e.article_id AS k3, e.seq AS k4"


def _days_before(day: dt.date, days: int) -> dt.date:
    return day - dt.timedelta(days=days) if day.toordinal() > days else dt.date.min


def _terms(conn: sqlite3.Connection, kind: str, pattern: str) -> list[str] | None:
    """The matching search texts of ``kind``; None if more than _MAX_TERMS."""
    terms = [r[0] for r in conn.execute(_TERMS, (kind, pattern, _MAX_TERMS + 1))]
    return None if len(terms) > _MAX_TERMS else terms


def _by_terms(kind: str, terms: list[str], where: _Where, q: EventQuery) -> tuple[str, list[object]]:
    """The page of events having one of ``terms``: each term's events in order, merged. ``where`` holds
    clauses on event_terms ``t``."""
    n = -1 if q.limit is None else q.limit + q.offset
    clauses = ["t.kind = ?", "t.term = ?", *where.clauses]
    since: list[object] = []
    if q.since is not None:
        clauses += ["t.date_end >= ?", f"{_TDAY} >= date(?, '-' || {_MAX_SPAN} || ' days')"]
        since = [q.since.isoformat(), q.since.isoformat()]
    where_t = " AND ".join(clauses)
    part = f"SELECT * FROM (SELECT {_TKEYS} FROM event_terms t WHERE {where_t}{_TERM_ORDER} LIMIT ?)"
    params: list[object] = []
    for term in terms:
        params += [kind, term, *where.params, *since, n]
    page_sql, page_params = _page(q.limit, q.offset)
    union = " UNION ALL ".join([part] * len(terms))
    sql = f"SELECT DISTINCT k1, k2, k3, k4, uid FROM ({union}) ORDER BY k1, k2, k3, k4{page_sql}"
    return sql, [*params, *page_params]


def _event_page(conn: sqlite3.Connection, q: EventQuery) -> tuple[str, list[object]] | None:
    """SQL and parameters of the page of event uids that ``q`` asks for, in the events order (None:
    no event can match). The uid is the last column."""
    on_e, on_t = _Where(), _Where()  # the same filters on events ``e`` and on event_terms ``t``
    for e_clause, t_clause, value in (
        ("e.type = ?", "t.type = ?", q.type),
        (f"{_DAY} <= ?", f"{_TDAY} <= ?", None if q.until is None else q.until.isoformat()),
        ("e.uid = ?", "t.uid = ?", q.event_id),
        ("e.article_id = ?", "t.article_id = ?", q.article_id),
    ):
        if value is not None:
            on_e.add(e_clause, value)
            on_t.add(t_clause, value)
    if q.contested:
        on_e.add("e.contested = 1")
        on_t.add("t.contested = 1")
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
    page_sql, page_params = _page(q.limit, q.offset)
    if q.since is None:
        return f"SELECT e.uid FROM events e{where.sql()}{_EVENTS_ORDER}{page_sql}", where.params + page_params
    since = q.since.isoformat()
    short = _days_before(q.since, _SHORT).isoformat()
    filters = where.params
    n = -1 if q.limit is None else q.limit + q.offset
    parts = []
    for extra in (_SINCE_SHORT, _SINCE_LONG):
        clauses = " AND ".join([*where.clauses, extra])
        parts.append(f"SELECT * FROM (SELECT {_KEYS} FROM events e WHERE {clauses}{_EVENTS_ORDER} LIMIT ?)")
    sql = f"SELECT uid FROM ({' UNION ALL '.join(parts)}) ORDER BY k1, k2, k3, k4{page_sql}"
    params = [*filters, since, short, n, *filters, since, short, since, n, *page_params]
    return sql, params


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
    """Two steps: the page of uids (filtered and ordered along an index), then the rows of that page."""
    page = _event_page(conn, q)
    if page is None:
        return []
    uids = [r[-1] for r in conn.execute(*page)]
    found = {r["uid"]: r for rows in _per_event(conn, _EVENTS_SQL, uids).values() for r in rows}
    victims = _per_event(conn, _VICTIMS_SQL, uids)
    sources = _per_event(conn, _SOURCES_SQL, uids)
    out = []
    for uid in uids:
        labels = [source_label(s[1], s[2], s[3], s[4]) for s in sources.get(uid, [])]
        out.append(event_row(found[uid], [v[1] for v in victims.get(uid, [])], labels))
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
    _claim_event_where(q, where)
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
    return [claim_row(r) for r in rows]
