"""0002_query_indexes: what keeps the events query fast at millions of events.

- ``events.published_day`` (a copy of its article's), ``events.span_days`` (date_end - date_start),
  ``events.contested`` (a contradiction of its article is about it; both are written together) and
  ``events.actor_search``/``place_search`` (the ``search`` texts of its actors and of its place);
- indexes in the events order (dated first by start date, then publication day, article, position),
  alone, after ``type`` and for contested events, so a page of events is read in order instead of
  sorted; they also hold ``date_end`` (and PostgreSQL's ``uid``), so that rows a filter rejects cost
  no table read;
- ``events_long``: events longer than a month by start date, to find those that began long before a
  ``since`` date yet overlap it;
- ``search_terms``: the distinct ``search`` texts of actors and places, which substring filters scan;
- ``event_terms``: for each event, the ``search`` text of each of its actors and of its place with the
  event's order, type, dates and contested flag, indexed by text and then in the events order: a name's
  events are read a page at a time, in order, filtered without reading the events table.

Every column added here is derived from rows of the same article, written in the same transaction, and
never changes afterwards.
"""

from __future__ import annotations

NAME = "0002_query_indexes"

_SEARCH_OF_EVENT = (
    "SELECT {agg} FROM actors x WHERE x.article_id = {e}.article_id AND (x.id = {e}.actor1"
    " OR x.id = {e}.actor2 OR x.id IN (SELECT v.actor_id FROM event_victims v"
    " WHERE v.article_id = {e}.article_id AND v.event_id = {e}.id))"
)
_TERM_COLUMNS = "kind, term, date_start, published_day, article_id, seq, uid, type, date_end, contested"
_E_COLUMNS = "e.date_start, e.published_day, e.article_id, e.seq, e.uid, e.type, e.date_end, e.contested"
_TERMS = (
    "CREATE TABLE search_terms (kind TEXT NOT NULL, term TEXT NOT NULL, PRIMARY KEY (kind, term))",
    "INSERT INTO search_terms (kind, term) SELECT DISTINCT 'actor', search FROM actors",
    "INSERT INTO search_terms (kind, term) SELECT DISTINCT 'place', search FROM places",
    """CREATE TABLE event_terms (
        kind TEXT NOT NULL,
        term TEXT NOT NULL,
        date_start {date},
        published_day {date},
        article_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        uid TEXT NOT NULL,
        type TEXT NOT NULL,
        date_end {date},
        contested {flag} NOT NULL
    )""",
    f"INSERT INTO event_terms ({_TERM_COLUMNS}) SELECT DISTINCT 'actor', x.search, {_E_COLUMNS}"
    " FROM events e JOIN actors x ON x.article_id = e.article_id AND (x.id = e.actor1 OR x.id = e.actor2"
    " OR x.id IN (SELECT v.actor_id FROM event_victims v"
    " WHERE v.article_id = e.article_id AND v.event_id = e.id))",
    f"INSERT INTO event_terms ({_TERM_COLUMNS}) SELECT 'place', p.search, {_E_COLUMNS}"
    " FROM events e JOIN places p ON p.article_id = e.article_id AND p.id = e.place",
    "CREATE INDEX events_span ON events(span_days)",
    "DROP INDEX events_type",
)

# SQLite sorts NULL first: the order key puts undated events last with coalesce(date_start, '~')
# ('~' sorts after every ISO date); queries use the same expression.
_ORDER = "coalesce(date_start, '~'), published_day, article_id, seq"
_NEWLINE_AGG = "group_concat(x.search, char(10))"
STATEMENTS: tuple[str, ...] = (
    "ALTER TABLE events ADD COLUMN published_day TEXT",
    "ALTER TABLE events ADD COLUMN span_days INTEGER",
    "ALTER TABLE events ADD COLUMN contested INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE events ADD COLUMN actor_search TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE events ADD COLUMN place_search TEXT NOT NULL DEFAULT ''",
    "UPDATE events SET published_day ="
    " (SELECT a.published_day FROM articles a WHERE a.id = events.article_id),"
    " span_days = CAST(julianday(date_end) - julianday(date_start) AS INTEGER),"
    " contested = EXISTS (SELECT 1 FROM contradictions k WHERE k.article_id = events.article_id"
    " AND k.event = events.id),"
    f" actor_search = coalesce(({_SEARCH_OF_EVENT.format(agg=_NEWLINE_AGG, e='events')}), ''),"
    " place_search = coalesce((SELECT p.search FROM places p"
    " WHERE p.article_id = events.article_id AND p.id = events.place), '')",
    *(s.format(date="TEXT", flag="INTEGER") for s in _TERMS),
    f"CREATE INDEX event_terms_order ON event_terms(kind, term, {_ORDER}, uid, type, date_end, contested)",
    f"CREATE INDEX events_order ON events({_ORDER}, date_end)",
    f"CREATE INDEX events_type_order ON events(type, {_ORDER}, date_end)",
    "CREATE INDEX events_long ON events(coalesce(date_start, '~'), date_end) WHERE span_days > 31",
    f"CREATE INDEX events_contested ON events({_ORDER}, date_end) WHERE contested = 1",
)

# PostgreSQL indexes the order as queried (NULLS LAST/FIRST) and carries uid and date_end: a page is an
# index-only scan.
_PG_NEWLINE_AGG = "string_agg(x.search, E'\\n')"
_PG_ORDER = "date_start NULLS LAST, published_day NULLS FIRST, article_id, seq"
POSTGRES_STATEMENTS: tuple[str, ...] = (
    "ALTER TABLE events ADD COLUMN published_day DATE, ADD COLUMN span_days INTEGER,"
    " ADD COLUMN contested BOOLEAN NOT NULL DEFAULT false,"
    """ ADD COLUMN actor_search TEXT COLLATE "C" NOT NULL DEFAULT '',"""
    """ ADD COLUMN place_search TEXT COLLATE "C" NOT NULL DEFAULT ''""",
    "UPDATE events e SET published_day = a.published_day, span_days = e.date_end - e.date_start,"
    " contested = EXISTS (SELECT 1 FROM contradictions k"
    " WHERE k.article_id = e.article_id AND k.event = e.id),"
    f" actor_search = coalesce(({_SEARCH_OF_EVENT.format(agg=_PG_NEWLINE_AGG, e='e')}), ''),"
    " place_search = coalesce((SELECT p.search FROM places p"
    " WHERE p.article_id = e.article_id AND p.id = e.place), '')"
    " FROM articles a WHERE a.id = e.article_id",
    *(
        s.format(date="DATE", flag="BOOLEAN").replace("TEXT NOT NULL", 'TEXT COLLATE "C" NOT NULL')
        for s in _TERMS
    ),
    f"CREATE INDEX event_terms_order ON event_terms(kind, term, {_PG_ORDER})"
    " INCLUDE (uid, type, date_end, contested)",
    f"CREATE INDEX events_order ON events({_PG_ORDER}) INCLUDE (uid, date_end)",
    f"CREATE INDEX events_type_order ON events(type, {_PG_ORDER}) INCLUDE (uid, date_end)",
    "CREATE INDEX events_long ON events(date_start) INCLUDE (uid, date_end) WHERE span_days > 31",
    f"CREATE INDEX events_contested ON events({_PG_ORDER}) INCLUDE (uid, date_end) WHERE contested",
)
