"""Writing one article's ledger as rows of the SQLite store (inside the caller's transaction).

Every value is a bound parameter: article text and titles are untrusted and never part of the SQL.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

from claimledger.serialize import (
    actor_to_dict,
    claim_to_dict,
    contradiction_to_dict,
    event_to_dict,
    place_to_dict,
    time_to_dict,
)
from claimledger.store.base import global_id
from claimledger.types import Actor, Article, ArticleLedger, Claim, Contradiction, Event, Place, TimeExpr


def record_json(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def search_text(*names: str | None) -> str:
    """Case-folded names, one per line: what substring filters match against."""
    return "\n".join(n.casefold() for n in names if n)


def _insert_article(conn: sqlite3.Connection, article: Article, ingested_at: dt.datetime) -> None:
    published = article.published
    day = None
    if published is not None:
        day = (published.date() if isinstance(published, dt.datetime) else published).isoformat()
    conn.execute(
        "INSERT INTO articles (id, content_hash, url, source, published, published_day, title, language,"
        " text, origin, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article.id,
            article.content_hash,
            article.url,
            article.source,
            None if published is None else published.isoformat(),
            day,
            article.title,
            article.language,
            article.text,
            article.origin,
            ingested_at.isoformat(),
        ),
    )


def _insert_actor(conn: sqlite3.Connection, article_id: str, seq: int, actor: Actor) -> None:
    conn.execute(
        "INSERT INTO actors (article_id, id, seq, name, kind, affiliation, country, search, record)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article_id,
            actor.id,
            seq,
            actor.name,
            actor.kind,
            actor.affiliation,
            actor.country,
            search_text(actor.name, *actor.aliases),
            record_json(actor_to_dict(actor)),
        ),
    )


def _insert_place(conn: sqlite3.Connection, article_id: str, seq: int, place: Place) -> None:
    conn.execute(
        "INSERT INTO places (article_id, id, seq, name, kind, country, admin1, admin2, lat, lon, search,"
        " record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article_id,
            place.id,
            seq,
            place.name,
            place.kind,
            place.country,
            place.admin1,
            place.admin2,
            place.lat,
            place.lon,
            search_text(place.name, place.admin1, place.admin2),
            record_json(place_to_dict(place)),
        ),
    )


def _insert_time(conn: sqlite3.Connection, article_id: str, seq: int, time: TimeExpr) -> None:
    conn.execute(
        'INSERT INTO times (article_id, id, seq, start, "end", granularity, record)'
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            article_id,
            time.id,
            seq,
            time.start.isoformat(),
            time.end.isoformat(),
            time.granularity,
            record_json(time_to_dict(time)),
        ),
    )


def _insert_event(
    conn: sqlite3.Connection, article_id: str, seq: int, event: Event, times: dict[str, TimeExpr]
) -> None:
    time = times.get(event.time) if event.time is not None else None
    conn.execute(
        "INSERT INTO events (article_id, id, seq, uid, type, mode, acled_event_type, acled_sub_event_type,"
        " actor1, actor2, place, time, date_start, date_end, fatalities, negated, hedged, trigger_text,"
        " record) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
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
            None if time is None else time.start.isoformat(),
            None if time is None else time.end.isoformat(),
            event.fatalities,
            event.negated,
            event.hedged,
            event.trigger.text,
            record_json(event_to_dict(event)),
        ),
    )
    conn.executemany(
        "INSERT INTO event_victims (article_id, event_id, seq, actor_id) VALUES (?, ?, ?, ?)",
        [(article_id, event.id, i, victim) for i, victim in enumerate(event.victims)],
    )


def _insert_claim(conn: sqlite3.Connection, article_id: str, seq: int, claim: Claim, text: str) -> None:
    conn.execute(
        "INSERT INTO claims (article_id, id, seq, uid, event, source, source_kind, source_text,"
        " source_search, stance, cue, hedged, quote, channel, time, content_text, record)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article_id,
            claim.id,
            seq,
            global_id(article_id, claim.id),
            claim.event,
            claim.source,
            claim.source_kind,
            claim.source_text,
            search_text(claim.source_text),
            claim.stance,
            claim.cue,
            claim.hedged,
            claim.quote,
            claim.channel,
            claim.time,
            claim.content.text(text),
            record_json(claim_to_dict(claim)),
        ),
    )


def _insert_contradiction(
    conn: sqlite3.Connection, article_id: str, seq: int, contradiction: Contradiction
) -> None:
    conn.execute(
        "INSERT INTO contradictions (article_id, seq, event, field, record) VALUES (?, ?, ?, ?, ?)",
        (
            article_id,
            seq,
            contradiction.event,
            contradiction.field,
            record_json(contradiction_to_dict(contradiction)),
        ),
    )
    conn.executemany(
        "INSERT INTO contradiction_claims (article_id, contradiction_seq, seq, claim_id) VALUES (?, ?, ?, ?)",
        [(article_id, seq, i, claim_id) for i, claim_id in enumerate(contradiction.claims)],
    )


def insert_ledger(conn: sqlite3.Connection, ledger: ArticleLedger, ingested_at: dt.datetime) -> None:
    """Insert every row of ``ledger``; the caller owns the transaction (and rolls back on error)."""
    article_id = ledger.article.id
    _insert_article(conn, ledger.article, ingested_at)
    conn.executemany(
        "INSERT INTO article_errors (article_id, seq, stage, message) VALUES (?, ?, ?, ?)",
        [(article_id, i, e.stage, e.message) for i, e in enumerate(ledger.errors)],
    )
    for i, actor in enumerate(ledger.actors):
        _insert_actor(conn, article_id, i, actor)
    for i, place in enumerate(ledger.places):
        _insert_place(conn, article_id, i, place)
    for i, time in enumerate(ledger.times):
        _insert_time(conn, article_id, i, time)
    times = {t.id: t for t in ledger.times}
    for i, event in enumerate(ledger.events):
        _insert_event(conn, article_id, i, event, times)
    for i, claim in enumerate(ledger.claims):
        _insert_claim(conn, article_id, i, claim, ledger.article.text)
    for i, contradiction in enumerate(ledger.contradictions):
        _insert_contradiction(conn, article_id, i, contradiction)
