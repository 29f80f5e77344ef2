"""The ledger store interface every backend offers, its query and row types, and ``open_store``.

Records keep the local ids of their article (``e1``, ``c2`` ...). Events and claims are also addressed
store-wide by ``global_id(article_id, local_id)``: an opaque string, never parsed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from types import TracebackType
from typing import TYPE_CHECKING, Protocol, Self, runtime_checkable

from claimledger.errors import StoreError
from claimledger.store.ledger_base import (
    ActorSummary,
    LedgerChange,
    LedgerEventDetail,
    LedgerEventRow,
    LedgerQuery,
    LedgerSnapshot,
    TimelineBucket,
    TimelineStep,
)
from claimledger.types import Actor, ArticleLedger, Claim, Event, Place, TimeExpr

if TYPE_CHECKING:
    from pathlib import Path


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*")
_POSTGRES_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg", "postgres+psycopg")


def global_id(article_id: str, local_id: str) -> str:
    """The store-wide id of an event or claim ``local_id`` of article ``article_id``."""
    return f"{article_id}:{local_id}"


def _check_common(query: EventQuery | ClaimQuery) -> None:
    name = type(query).__name__
    if query.limit is not None and query.limit < 0:
        raise StoreError(f"{name}: limit must be >= 0, got {query.limit}")
    if query.offset < 0:
        raise StoreError(f"{name}: offset must be >= 0, got {query.offset}")
    if query.since is not None and query.until is not None and query.since > query.until:
        raise StoreError(f"{name}: since {query.since} is after until {query.until}")


@dataclass(frozen=True, slots=True)
class EventQuery:
    """Filters of ``list_events``. Every filter is optional; the given ones combine with AND.

    type: PLOVER type, exact. actor: case-insensitive substring of the name or an alias of actor1,
    actor2 or a victim. place: case-insensitive substring of the place's name, admin1 or admin2.
    since/until: the event's time range overlaps ``[since, until]`` (events without a time are left
    out when either is set). article_id: the article's id. event_id: a store-wide event id.
    contested: only events that some contradiction is about. limit/offset: a page (no limit if None).
    New filters are added as new fields with a default that filters nothing.
    """

    type: str | None = None
    actor: str | None = None
    place: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    article_id: str | None = None
    event_id: str | None = None
    contested: bool = False
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        _check_common(self)


@dataclass(frozen=True, slots=True)
class ClaimQuery:
    """Filters of ``list_claims``; like ``EventQuery`` but about claims.

    type, place, since/until: those of the claim's event (claims without an event are left out when
    one is set). actor: case-insensitive substring of the source actor's name or alias or of the
    claim's ``source_text``. event_id: store-wide id of the claim's event. stance, source_kind:
    exact. contested: only claims that take part in a contradiction.
    """

    type: str | None = None
    actor: str | None = None
    place: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    article_id: str | None = None
    event_id: str | None = None
    stance: str | None = None
    source_kind: str | None = None
    contested: bool = False
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        _check_common(self)


@dataclass(frozen=True, slots=True)
class ArticleRow:
    id: str
    content_hash: str
    url: str | None
    source: str | None
    published: dt.date | dt.datetime | None
    title: str | None
    language: str | None
    ingested_at: dt.datetime
    events: int
    claims: int
    errors: int


@dataclass(frozen=True, slots=True)
class EventRow:
    """One event, display-ready: names instead of ids, its date range, claim count, sources."""

    event_id: str  # store-wide id
    local_id: str  # the id inside its article's ledger
    article_id: str
    type: str
    mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    actor1: str | None  # actor names
    actor2: str | None
    victims: tuple[str, ...]
    place: str | None
    lat: float | None
    lon: float | None
    date_start: dt.date | None
    date_end: dt.date | None
    fatalities: int | None
    negated: bool
    hedged: bool
    claim_count: int
    contested: bool
    sources: tuple[str, ...]  # distinct source labels of its claims, in claim order
    trigger: str


@dataclass(frozen=True, slots=True)
class ClaimRow:
    """One claim, display-ready. ``source`` is the source actor's name, else the source text, else the
    article's outlet for ``outlet`` claims, else the source kind."""

    claim_id: str  # store-wide id
    local_id: str
    article_id: str
    event_id: str | None  # store-wide id of its event
    event_type: str | None
    source: str
    source_kind: str
    stance: str
    cue: str | None
    hedged: bool
    quote: str | None
    channel: str | None
    content: str  # the article text of the claim's content span
    date_start: dt.date | None  # its event's dates
    date_end: dt.date | None
    contested: bool


@dataclass(frozen=True, slots=True)
class ContradictionRow:
    event_id: str  # store-wide ids
    claim_ids: tuple[str, ...]
    field: str
    values: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ClaimDetail:
    row: ClaimRow
    record: Claim
    source_name: str | None  # the source actor's name, if the claim names an actor
    evidence: str  # the article text of the whole attribution (``claim.span``)


@dataclass(frozen=True, slots=True)
class EventDetail:
    """An event with everything needed to show and check it."""

    row: EventRow
    record: Event
    article: ArticleRow
    sentence: str  # the article text of the event's evidence sentence
    actors: tuple[Actor, ...]  # actor1, actor2 and victims, in that order, without repeats
    place: Place | None
    time: TimeExpr | None
    claims: tuple[ClaimDetail, ...]
    contradictions: tuple[ContradictionRow, ...]


@runtime_checkable
class LedgerStore(Protocol):
    """Where article ledgers are kept. Every method raises StoreError (NotFoundError for unknown ids)."""

    def add_ledger(self, ledger: ArticleLedger) -> bool:
        """Store one article's ledger in one transaction; False if its content_hash is already stored."""
        ...

    def has_article(self, content_hash: str) -> bool: ...

    def get_ledger(self, article_id: str) -> ArticleLedger: ...

    def list_articles(self, limit: int | None = None, offset: int = 0) -> list[ArticleRow]: ...

    def list_events(self, query: EventQuery) -> list[EventRow]: ...

    def list_claims(self, query: ClaimQuery) -> list[ClaimRow]: ...

    def get_event(self, event_id: str) -> EventDetail: ...

    def counts(self) -> dict[str, int]: ...

    # The cross-article ledger (``claimledger.ledger.cross``), rebuilt as a whole by ``replace_ledger``.

    def replace_ledger(self, ledger: LedgerSnapshot) -> LedgerChange:
        """Make ``ledger`` (a ``claimledger.ledger.cross.CrossLedger``) the stored cross-article ledger,
        in one transaction. Rows are keyed by the stable ledger event ids: an event whose record and
        contradictions are unchanged is not rewritten, so storing an identical ledger changes no row.
        StoreError if two events share an id or a contradiction is about no event of ``ledger``."""
        ...

    def list_ledger_events(self, query: LedgerQuery) -> list[LedgerEventRow]: ...

    def get_ledger_event(self, event_id: str) -> LedgerEventDetail: ...

    def actor_summary(self, name: str) -> ActorSummary: ...

    def timeline(self, query: LedgerQuery | None = None, by: TimelineStep = "day") -> list[TimelineBucket]:
        """Dated ledger events matching ``query`` (its page is ignored) per day or ISO week."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


def open_store(url: str | Path) -> LedgerStore:
    """Open (creating and migrating if needed) the store at ``url``.

    A plain path or ``sqlite:///path`` (``sqlite:////abs/path``, ``sqlite:///:memory:``) opens SQLite;
    ``postgresql://...`` (also ``postgres://``, ``postgresql+psycopg://``) opens PostgreSQL; any other
    scheme is a StoreError.
    """
    text = str(url)
    if not text:
        raise StoreError("no store given: pass a path or a sqlite:/// URL")
    scheme, sep, rest = text.partition("://")
    sep = sep if _SCHEME.fullmatch(scheme) else ""
    if sep and scheme in _POSTGRES_SCHEMES:
        from claimledger.store.postgres import PostgresStore

        return PostgresStore.open(f"postgresql://{rest}")
    if sep and scheme == "sqlite":
        if not rest.startswith("/") or rest == "/":
            raise StoreError(f"{text}: expected sqlite:///PATH")
        text = rest[1:]
    elif sep:
        raise StoreError(
            f"{scheme}://...: unsupported store scheme {scheme!r} (use a path, sqlite:///PATH or postgresql://...)"
        )
    from claimledger.store.sqlite import SQLiteStore

    return SQLiteStore.open(text)
