"""Query and row types of the cross-article ledger in a store (``LedgerStore.replace_ledger`` and friends)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from claimledger.errors import StoreError
from claimledger.types import LedgerClaim, LedgerContradiction, LedgerEvent, Report

TimelineStep = Literal["day", "week"]


class LedgerSnapshot(Protocol):
    """A whole cross-article ledger, as ``claimledger.ledger.cross.CrossLedger`` holds it."""

    @property
    def events(self) -> Sequence[LedgerEvent]: ...

    @property
    def contradictions(self) -> Sequence[LedgerContradiction]: ...


@dataclass(frozen=True, slots=True)
class LedgerQuery:
    """Filters of ``list_ledger_events`` (and ``timeline``). Every filter is optional; given ones AND.

    type: PLOVER type, exact. actor: an actor key (``LedgerEvent.actor1``/``actor2``, e.g. a BaseActor
    id), or a case-insensitive substring of actor1's or actor2's key or name, or of a name or alias of
    an actor of one of its reports' article events. place: case-insensitive substring of the place
    name or the country code. since/until: the event's dates overlap ``[since, until]`` (undated events
    are left out when either is set). contested: only contested events. min_corroboration: at least
    this many independent sources. limit/offset: a page (no limit if None).
    """

    type: str | None = None
    actor: str | None = None
    place: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    contested: bool = False
    min_corroboration: int = 0
    limit: int | None = None
    offset: int = 0

    def __post_init__(self) -> None:
        if self.limit is not None and self.limit < 0:
            raise StoreError(f"LedgerQuery: limit must be >= 0, got {self.limit}")
        if self.offset < 0:
            raise StoreError(f"LedgerQuery: offset must be >= 0, got {self.offset}")
        if self.min_corroboration < 0:
            raise StoreError(f"LedgerQuery: min_corroboration must be >= 0, got {self.min_corroboration}")
        if self.since is not None and self.until is not None and self.since > self.until:
            raise StoreError(f"LedgerQuery: since {self.since} is after until {self.until}")


@dataclass(frozen=True, slots=True)
class LedgerEventRow:
    """One ledger event, display-ready."""

    id: str
    type: str
    mode: str | None
    acled_event_type: str | None
    acled_sub_event_type: str | None
    actor1: str | None  # actor keys
    actor2: str | None
    actor1_name: str | None
    actor2_name: str | None
    place: str | None
    country: str | None
    lat: float | None
    lon: float | None
    date_start: dt.date | None
    date_end: dt.date | None  # the start date when the event has no end date
    fatalities: int | None
    corroboration: int
    contested: bool
    reports: int  # how many article events were merged into it
    claims: int


@dataclass(frozen=True, slots=True)
class LedgerEventDetail:
    """A ledger event with its reports, every article's claims about it and its contradictions."""

    row: LedgerEventRow
    record: LedgerEvent
    reports: tuple[Report, ...]
    claims: tuple[LedgerClaim, ...]  # source key and text, stance, article, date of each
    contradictions: tuple[LedgerContradiction, ...]


@dataclass(frozen=True, slots=True)
class LedgerChange:
    """What ``replace_ledger`` did, in ledger events (an event's reports, claims and contradictions go
    with it)."""

    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.inserted or self.updated or self.deleted)


@dataclass(frozen=True, slots=True)
class ActorSummary:
    """How an actor fares in the ledger. ``name`` is matched as ``LedgerQuery.actor`` for events, and
    against claims' source keys (exactly) and source keys and texts (substring, case-insensitive)."""

    name: str
    keys: tuple[str, ...]  # the actor and source keys that matched, sorted
    claims: int  # claims it made
    asserts: int
    denies: int
    events: int  # ledger events it takes part in (actor1 or actor2)
    events_claimed: int  # distinct ledger events its claims are about
    contradicted: int  # its claims named by a contradiction
    corroborated: int  # its asserting claims about events another independent source asserts too


@dataclass(frozen=True, slots=True)
class TimelineBucket:
    """Ledger events starting in one day or ISO week (``start`` is then its Monday)."""

    start: dt.date
    events: int
    contested: int
    reports: int
    fatalities: int  # sum of the events' (lowest reported) figures
