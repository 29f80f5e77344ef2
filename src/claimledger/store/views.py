"""Query results of any backend → the store's row and detail types, and the shared query helpers.

A result row is anything indexable by column name (``sqlite3.Row``, a psycopg dict row). SQLite gives
dates as ISO text and flags as 0/1, PostgreSQL as ``dt.date`` and booleans: both are accepted.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from claimledger.serialize import (
    actor_from_dict,
    claim_from_dict,
    contradiction_from_dict,
    event_from_dict,
    parse_published,
    place_from_dict,
    time_from_dict,
)
from claimledger.store.base import (
    ArticleRow,
    ClaimDetail,
    ClaimRow,
    ContradictionRow,
    EventDetail,
    EventRow,
    global_id,
)
from claimledger.types import Actor, Article, ArticleLedger, StageError

# Tables counted by ``counts()``: fixed identifiers, never user input.
COUNTED = {
    "articles": "articles",
    "actors": "actors",
    "places": "places",
    "times": "times",
    "events": "events",
    "claims": "claims",
    "contradictions": "contradictions",
    "errors": "article_errors",
}
RECORD_TABLES = ("actors", "places", "times", "events", "claims", "contradictions")


class ResultRow(Protocol):
    def __getitem__(self, key: str, /) -> Any: ...


def like_pattern(text: str) -> str:
    """A LIKE pattern (``ESCAPE '\\'``) matching ``text`` case-folded as a substring."""
    escaped = text.casefold().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def source_label(actor_name: str | None, source_text: str | None, kind: str, outlet: str | None) -> str:
    if actor_name:
        return actor_name
    if source_text:
        return source_text
    if kind == "outlet":
        return outlet or "the article"
    return kind


def as_date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def as_datetime(value: object) -> dt.datetime:
    return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))


def event_row(r: ResultRow, victims: Sequence[str], sources: Sequence[str]) -> EventRow:
    """An event of the events query; ``sources`` are its claims' source labels in claim order."""
    return EventRow(
        event_id=r["uid"],
        local_id=r["id"],
        article_id=r["article_id"],
        type=r["type"],
        mode=r["mode"],
        acled_event_type=r["acled_event_type"],
        acled_sub_event_type=r["acled_sub_event_type"],
        actor1=r["actor1"],
        actor2=r["actor2"],
        victims=tuple(victims),
        place=r["place"],
        lat=r["lat"],
        lon=r["lon"],
        date_start=as_date(r["date_start"]),
        date_end=as_date(r["date_end"]),
        fatalities=r["fatalities"],
        negated=bool(r["negated"]),
        hedged=bool(r["hedged"]),
        claim_count=r["claim_count"],
        contested=bool(r["contested"]),
        sources=tuple(dict.fromkeys(sources)),
        trigger=r["trigger_text"],
    )


def claim_row(r: ResultRow) -> ClaimRow:
    return ClaimRow(
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
        date_start=as_date(r["date_start"]),
        date_end=as_date(r["date_end"]),
        contested=bool(r["contested"]),
    )


def article_row(r: ResultRow) -> ArticleRow:
    return ArticleRow(
        id=r["id"],
        content_hash=r["content_hash"],
        url=r["url"],
        source=r["source"],
        published=None if r["published"] is None else parse_published(r["published"]),
        title=r["title"],
        language=r["language"],
        ingested_at=as_datetime(r["ingested_at"]),
        events=r["events"],
        claims=r["claims"],
        errors=r["errors"],
    )


def ledger_from_rows(
    a: ResultRow,
    records: Mapping[str, Sequence[str]],
    errors: Sequence[tuple[str, str]],
    origin: str,
) -> ArticleLedger:
    """The ledger of article row ``a`` with its records' JSON by table (``RECORD_TABLES``), in order."""

    def parsed(table: str) -> list[Any]:
        return [json.loads(r) for r in records[table]]

    return ArticleLedger(
        article=Article(
            id=a["id"],
            text=a["text"],
            content_hash=a["content_hash"],
            url=a["url"],
            source=a["source"],
            published=None if a["published"] is None else parse_published(a["published"]),
            title=a["title"],
            language=a["language"],
            origin=a["origin"],
        ),
        actors=tuple(actor_from_dict(d, origin) for d in parsed("actors")),
        places=tuple(place_from_dict(d, origin) for d in parsed("places")),
        times=tuple(time_from_dict(d, origin) for d in parsed("times")),
        events=tuple(event_from_dict(d, origin) for d in parsed("events")),
        claims=tuple(claim_from_dict(d, origin) for d in parsed("claims")),
        contradictions=tuple(contradiction_from_dict(d, origin) for d in parsed("contradictions")),
        errors=tuple(StageError(stage, message) for stage, message in errors),
    )


def event_detail(
    row: EventRow, ledger: ArticleLedger, claim_rows: Sequence[ClaimRow], article: ArticleRow
) -> EventDetail:
    """Event ``row`` of ``ledger`` with its claims (``claim_rows``, from the claims query) and evidence."""
    text = ledger.article.text
    event = next(e for e in ledger.events if e.id == row.local_id)
    actors = {a.id: a for a in ledger.actors}
    involved = dict.fromkeys(a for a in (event.actor1, event.actor2, *event.victims) if a is not None)
    claims = {c.id: c for c in ledger.claims}
    details = []
    for claim_row_ in claim_rows:
        claim = claims[claim_row_.local_id]
        source: Actor | None = actors.get(claim.source) if claim.source is not None else None
        details.append(
            ClaimDetail(
                row=claim_row_,
                record=claim,
                source_name=None if source is None else source.name,
                evidence=claim.span.text(text),
            )
        )
    return EventDetail(
        row=row,
        record=event,
        article=article,
        sentence=event.sentence.text(text),
        actors=tuple(actors[a] for a in involved),
        place=next((p for p in ledger.places if p.id == event.place), None),
        time=next((t for t in ledger.times if t.id == event.time), None),
        claims=tuple(details),
        contradictions=tuple(
            ContradictionRow(
                event_id=row.event_id,
                claim_ids=tuple(global_id(row.article_id, c) for c in k.claims),
                field=k.field,
                values=k.values,
            )
            for k in ledger.contradictions
            if k.event == event.id
        ),
    )
