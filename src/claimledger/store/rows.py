"""One article's ledger as table rows, for every backend: which tables, which columns, which values.

The values are plain Python (str, int, float, bool, None, ``dt.date``, ``dt.datetime``); each backend
adapts them (SQLite stores dates as ISO text) and writes them with bound parameters only: article text
and titles are untrusted and never part of the SQL. Table and column names here are fixed identifiers.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from claimledger.errors import StoreError
from claimledger.serialize import (
    actor_to_dict,
    claim_to_dict,
    contradiction_to_dict,
    event_to_dict,
    ledger_to_dict,
    place_to_dict,
    time_to_dict,
    validate_ledger_dict,
)
from claimledger.store.base import global_id
from claimledger.types import ArticleLedger, Event, TimeExpr

_MAX_PROBLEMS = 5

Row = tuple[object, ...]

# Every table one article writes, in insert order, with its columns in the order of the row tuples.
COLUMNS: dict[str, tuple[str, ...]] = {
    "articles": (
        "id",
        "content_hash",
        "url",
        "source",
        "published",
        "published_day",
        "title",
        "language",
        "text",
        "origin",
        "ingested_at",
    ),
    "article_errors": ("article_id", "seq", "stage", "message"),
    "actors": ("article_id", "id", "seq", "name", "kind", "affiliation", "country", "search", "record"),
    "places": (
        "article_id",
        "id",
        "seq",
        "name",
        "kind",
        "country",
        "admin1",
        "admin2",
        "lat",
        "lon",
        "search",
        "record",
    ),
    "times": ("article_id", "id", "seq", "start", "end", "granularity", "record"),
    "events": (
        "article_id",
        "id",
        "seq",
        "uid",
        "type",
        "mode",
        "acled_event_type",
        "acled_sub_event_type",
        "actor1",
        "actor2",
        "place",
        "time",
        "date_start",
        "date_end",
        "fatalities",
        "negated",
        "hedged",
        "trigger_text",
        "record",
        "published_day",
        "span_days",
        "contested",
        "actor_search",
        "place_search",
    ),
    "event_victims": ("article_id", "event_id", "seq", "actor_id"),
    "claims": (
        "article_id",
        "id",
        "seq",
        "uid",
        "event",
        "source",
        "source_kind",
        "source_text",
        "source_search",
        "stance",
        "cue",
        "hedged",
        "quote",
        "channel",
        "time",
        "content_text",
        "record",
    ),
    "contradictions": ("article_id", "seq", "event", "field", "record"),
    "contradiction_claims": ("article_id", "contradiction_seq", "seq", "claim_id"),
    "event_terms": (
        "kind",
        "term",
        "date_start",
        "published_day",
        "article_id",
        "seq",
        "uid",
        "type",
        "date_end",
        "contested",
    ),
    "search_terms": ("kind", "term"),  # shared by all articles: existing terms are kept
}
_SHARED = frozenset({"search_terms"})


# event_terms repeats these columns of the event's row after (kind, term)
_EVENT_COLUMN = {name: i for i, name in enumerate(COLUMNS["events"])}


@dataclass(frozen=True, slots=True)
class TableRows:
    """The rows of one table for one article (``rows`` may be empty)."""

    table: str
    columns: tuple[str, ...]
    rows: list[Row]


def insert_sql(table: str, columns: tuple[str, ...], mark: str) -> str:
    """``INSERT INTO table ("c1", ...) VALUES (mark, ...)`` for one of our fixed tables (rows of shared
    tables that exist already are skipped: ``ON CONFLICT DO NOTHING``, in SQLite and PostgreSQL)."""
    if table not in COLUMNS:
        raise ValueError(f"not a ledger table: {table!r}")
    names = ", ".join(f'"{c}"' for c in columns)
    sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join([mark] * len(columns))})"
    return sql + " ON CONFLICT DO NOTHING" if table in _SHARED else sql


def record_json(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def search_text(*names: str | None) -> str:
    """Case-folded names, one per line: what substring filters match against."""
    return "\n".join(n.casefold() for n in names if n)


def check_ledger(ledger: ArticleLedger) -> None:
    """StoreError naming the article and the first problems if ``ledger`` breaks the ledger schema."""
    problems = validate_ledger_dict(ledger_to_dict(ledger))
    if not problems:
        return
    shown = "; ".join(problems[:_MAX_PROBLEMS])
    more = len(problems) - _MAX_PROBLEMS
    raise StoreError(
        f"article {ledger.article.id!r}: ledger does not follow the schema: {shown}"
        + (f" (and {more} more)" if more > 0 else "")
    )


def _event_row(
    article_id: str,
    seq: int,
    event: Event,
    times: dict[str, TimeExpr],
    published_day: dt.date | None,
    contested: bool,
    searches: dict[str, str],
) -> Row:
    time = times.get(event.time) if event.time is not None else None
    involved = dict.fromkeys(a for a in (event.actor1, event.actor2, *event.victims) if a is not None)
    return (
        article_id,
        event.id,
        seq,
        global_id(article_id, event.id),
        event.type,
        event.mode,
        None if event.acled is None else event.acled.event_type,
        None if event.acled is None else event.acled.sub_event_type,
        event.actor1,
        event.actor2,
        event.place,
        event.time,
        None if time is None else time.start,
        None if time is None else time.end,
        event.fatalities,
        event.negated,
        event.hedged,
        event.trigger.text,
        record_json(event_to_dict(event)),
        published_day,
        None if time is None else (time.end - time.start).days,
        contested,
        "\n".join(searches[a] for a in involved if a in searches),
        "" if event.place is None else searches.get(event.place, ""),
    )


def _event_terms(event: Event, searches: dict[str, str]) -> list[tuple[str, str]]:
    """(kind, search text) of the event's actors (actor1, actor2, victims) and place, without repeats."""
    actors = (a for a in (event.actor1, event.actor2, *event.victims) if a is not None and a in searches)
    terms = dict.fromkeys(("actor", searches[a]) for a in actors)
    if event.place is not None and event.place in searches:
        terms[("place", searches[event.place])] = None
    return list(terms)


def ledger_rows(ledger: ArticleLedger, ingested_at: dt.datetime) -> list[TableRows]:
    """Every row of ``ledger``, table by table in insert order (the ``articles`` row first)."""
    a = ledger.article
    aid = a.id
    published = a.published
    day = None if published is None else published.date() if isinstance(published, dt.datetime) else published
    times = {t.id: t for t in ledger.times}
    contested = {k.event for k in ledger.contradictions}
    # the search texts of actors and places by id (ids are unique across both within a ledger)
    searches = {x.id: search_text(x.name, *x.aliases) for x in ledger.actors}
    searches |= {p.id: search_text(p.name, p.admin1, p.admin2) for p in ledger.places}
    event_rows = [
        _event_row(aid, i, e, times, day, e.id in contested, searches) for i, e in enumerate(ledger.events)
    ]
    text = a.text
    rows: dict[str, list[Row]] = {
        "articles": [
            (
                aid,
                a.content_hash,
                a.url,
                a.source,
                None if published is None else published.isoformat(),
                day,
                a.title,
                a.language,
                text,
                a.origin,
                ingested_at,
            )
        ],
        "article_errors": [(aid, i, e.stage, e.message) for i, e in enumerate(ledger.errors)],
        "actors": [
            (
                aid,
                x.id,
                i,
                x.name,
                x.kind,
                x.affiliation,
                x.country,
                search_text(x.name, *x.aliases),
                record_json(actor_to_dict(x)),
            )
            for i, x in enumerate(ledger.actors)
        ],
        "places": [
            (
                aid,
                p.id,
                i,
                p.name,
                p.kind,
                p.country,
                p.admin1,
                p.admin2,
                p.lat,
                p.lon,
                search_text(p.name, p.admin1, p.admin2),
                record_json(place_to_dict(p)),
            )
            for i, p in enumerate(ledger.places)
        ],
        "times": [
            (aid, t.id, i, t.start, t.end, t.granularity, record_json(time_to_dict(t)))
            for i, t in enumerate(ledger.times)
        ],
        "events": event_rows,
        "event_victims": [
            (aid, e.id, i, victim) for e in ledger.events for i, victim in enumerate(e.victims)
        ],
        "claims": [
            (
                aid,
                c.id,
                i,
                global_id(aid, c.id),
                c.event,
                c.source,
                c.source_kind,
                c.source_text,
                search_text(c.source_text),
                c.stance,
                c.cue,
                c.hedged,
                c.quote,
                c.channel,
                c.time,
                c.content.text(text),
                record_json(claim_to_dict(c)),
            )
            for i, c in enumerate(ledger.claims)
        ],
        "contradictions": [
            (aid, i, k.event, k.field, record_json(contradiction_to_dict(k)))
            for i, k in enumerate(ledger.contradictions)
        ],
        "contradiction_claims": [
            (aid, i, j, claim_id)
            for i, k in enumerate(ledger.contradictions)
            for j, claim_id in enumerate(k.claims)
        ],
        "event_terms": [
            (kind, term, *(r[_EVENT_COLUMN[c]] for c in COLUMNS["event_terms"][2:]))
            for e, r in zip(ledger.events, event_rows, strict=True)
            for kind, term in _event_terms(e, searches)
        ],
        # sorted, so that concurrent writers take the shared rows' locks in one order
        "search_terms": sorted(
            {("actor", search_text(x.name, *x.aliases)) for x in ledger.actors}
            | {("place", search_text(p.name, p.admin1, p.admin2)) for p in ledger.places}
        ),
    }
    return [TableRows(table, COLUMNS[table], rows[table]) for table in COLUMNS]
