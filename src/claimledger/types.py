"""Core record types of claimledger.

Frozen dataclasses with slots and no I/O. Every record that claimledger extracts
carries character offsets into its article (``Span``) and the name of the
component that made it (``component``): no evidence, no record.

Field names follow ``shared/spec/ledger-schema.md``; ``claimledger.serialize``
maps these types to and from that JSON shape.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

ActorKind = Literal[
    "person",
    "armed_group",
    "state",
    "state_agency",
    "political_party",
    "media",
    "international_org",
    "civilians",
    "organization",
    "unknown",
]
PlaceKind = Literal["country", "admin1", "admin2", "city", "village", "landmark", "region", "unknown"]
Granularity = Literal["day", "week", "month", "year", "range"]
SourceKind = Literal["named", "described", "unnamed", "media", "outlet"]
Stance = Literal["assert", "deny"]
PloverType = Literal[
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
]

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
# an event's modality: "actual" happened (by its sources' account); the others did not (yet)
MODALITIES: tuple[str, ...] = ("actual", "future", "planned", "threatened", "conditional")
ACTOR_KINDS: tuple[str, ...] = (
    "person",
    "armed_group",
    "state",
    "state_agency",
    "political_party",
    "media",
    "international_org",
    "civilians",
    "organization",
    "unknown",
)
PLACE_KINDS: tuple[str, ...] = (
    "country",
    "admin1",
    "admin2",
    "city",
    "village",
    "landmark",
    "region",
    "unknown",
)


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` of an article's text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span [{self.start}, {self.end})")

    def text(self, source: str) -> str:
        return source[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Article:
    """One input document. ``text`` is what every span indexes."""

    id: str
    text: str
    content_hash: str
    url: str | None = None
    source: str | None = None
    published: dt.date | dt.datetime | None = None
    title: str | None = None
    language: str | None = None
    origin: str | None = None  # the file or record this came from, for error messages


# --------------------------------------------------------------------------- parse
# A spaCy Doc never leaves ``claimledger.nlp``: ``nlp.convert`` maps it to these.


@dataclass(frozen=True, slots=True)
class Token:
    i: int  # index in the document
    text: str
    idx: int  # character offset of the token in the article text
    whitespace: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int  # index of the syntactic head (== i for a root)
    ent_type: str  # "" when outside an entity
    ent_iob: str  # "B", "I", "O" or ""
    morph: str  # spaCy's morphology string, e.g. "Number=Sing|Tense=Past"
    sent: int  # index of the sentence this token is in
    like_num: bool = False
    is_punct: bool = False

    @property
    def end(self) -> int:
        return self.idx + len(self.text)

    @property
    def span(self) -> Span:
        return Span(self.idx, self.end)

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # first token index
    end: int  # one past the last token index
    span: Span  # characters


@dataclass(frozen=True, slots=True)
class Entity:
    start: int  # first token index
    end: int  # one past the last token index
    label: str  # spaCy label: PERSON, ORG, GPE, NORP, LOC, DATE, TIME, CARDINAL, ...
    span: Span
    text: str
    component: str = "ner"


@dataclass(frozen=True, slots=True)
class Parse:
    """A linguistic analysis of one article, as plain data."""

    text: str
    tokens: tuple[Token, ...]
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    model: str = ""


# --------------------------------------------------------------------------- ledger records


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    kind: str  # one of ACTOR_KINDS
    mentions: tuple[Span, ...]
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None  # actor id
    role: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    component: str = "actors"
    # the actor-base entry this mention resolves to (``BaseActor.id``), or None for an article-local actor
    canonical: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    kind: str  # one of PLACE_KINDS
    mentions: tuple[Span, ...]
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    precision: int = 3  # ACLED geo_precision: 1 exact, 2 near/part of, 3 admin1 or wider
    component: str = "geo"


@dataclass(frozen=True, slots=True)
class TimeExpr:
    id: str
    text: str
    span: Span
    start: dt.date
    end: dt.date
    granularity: str  # day | week | month | year | range
    anchor: str = "published"  # "published" or the id of the time it is relative to
    component: str = "dates"


@dataclass(frozen=True, slots=True)
class AcledCode:
    event_type: str
    sub_event_type: str


@dataclass(frozen=True, slots=True)
class Trigger:
    text: str
    span: Span


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    type: str  # PLOVER type
    trigger: Trigger
    sentence: Span
    mode: str | None = None
    acled: AcledCode | None = None
    actor1: str | None = None
    actor2: str | None = None
    victims: tuple[str, ...] = ()
    place: str | None = None
    time: str | None = None
    fatalities: int | None = None
    negated: bool = False
    hedged: bool = False
    claims: tuple[str, ...] = ()
    component: str = "coding"
    # "actual", or what the text says of an event that has not happened: "future" ("will attack"),
    # "planned" ("plans to attack", "to take control": purpose), "threatened" ("threatened to attack"),
    # "conditional" ("would attack if ...", "could attack")
    modality: str = "actual"
    # every claim about the event denies it (set when claims are linked)
    denied: bool = False
    injured: int | None = None
    arrested: int | None = None

    @property
    def occurred(self) -> bool:
        """Whether the ledger counts the event as having happened (by its sources' account)."""
        return self.modality == "actual" and not self.negated and not self.denied


@dataclass(frozen=True, slots=True)
class Claim:
    id: str
    source_kind: str  # named | described | unnamed | media | outlet
    stance: str  # assert | deny
    content: Span
    span: Span  # the whole attribution
    event: str | None = None
    source: str | None = None  # actor id
    source_text: str | None = None
    source_span: Span | None = None
    cue: str | None = None
    cue_span: Span | None = None
    hedged: bool = False
    quote: str | None = None
    channel: str | None = None
    time: str | None = None
    # the claims that relay this one, outermost first ("State TV quoted the army as saying ..., Reuters
    # reports": the army's claim is via Reuters' and state TV's claims); ``source`` is the innermost source
    via: tuple[str, ...] = ()
    component: str = "attribution"


@dataclass(frozen=True, slots=True)
class Contradiction:
    event: str
    claims: tuple[str, ...]
    field: str  # "occurrence" for assert vs deny, else the field whose values differ
    values: tuple[str, ...] = ()
    component: str = "ledger"


@dataclass(frozen=True, slots=True)
class StageError:
    stage: str
    message: str


@dataclass(frozen=True, slots=True)
class ArticleLedger:
    """Everything claimledger records from one article."""

    article: Article
    actors: tuple[Actor, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeExpr, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    contradictions: tuple[Contradiction, ...] = ()
    errors: tuple[StageError, ...] = field(default_factory=tuple)


# --------------------------------------------------------------------------- actor base


@dataclass(frozen=True, slots=True)
class BaseActor:
    """One curated entry of the actor base (``data/actors.tsv`` or a user's ``--actors`` file)."""

    id: str  # stable, e.g. "state:PK", "group:taliban"
    name: str
    kind: str  # one of ACTOR_KINDS
    aliases: tuple[str, ...] = ()  # other names, acronyms and demonyms that resolve to this actor
    country: str | None = None  # ISO 3166-1 alpha-2
    parent: str | None = None  # BaseActor.id of the organisation or state it belongs to
    source: str = ""  # where the entry's facts come from


# --------------------------------------------------------------------------- cross-article ledger


@dataclass(frozen=True, slots=True)
class Report:
    """One article's event as merged into a ledger event."""

    article_id: str
    event_id: str  # the event's local id in its article
    outlet: str | None = None  # the article's source (outlet)
    published: dt.date | None = None
    occurred: bool = True  # Event.occurred of that article's event


@dataclass(frozen=True, slots=True)
class LedgerClaim:
    """A claim about a ledger event, from one of its reports."""

    article_id: str
    claim_id: str  # local id in its article
    stance: str  # assert | deny
    source_key: str  # who is speaking: a BaseActor id, a normalised name, "outlet:<outlet>", ...
    source_text: str | None = None
    time: dt.date | None = None  # the utterance date (or the article's publication date)


@dataclass(frozen=True, slots=True)
class LedgerEvent:
    """One happening, merged across the articles that report it.

    ``sources`` are the distinct independent sources asserting it (syndicated copies and several
    articles of one outlet count once); ``corroboration`` is their number; ``contested`` is True
    when some source denies it or a ``LedgerContradiction`` is about it.
    """

    id: str  # stable: derived from the earliest report's (article_id, event_id)
    type: str  # PLOVER type
    reports: tuple[Report, ...]
    mode: str | None = None
    acled: AcledCode | None = None
    actor1: str | None = None  # BaseActor id, or a normalised article-local name
    actor2: str | None = None
    actor1_name: str | None = None
    actor2_name: str | None = None
    place_name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    fatalities: int | None = None  # the lowest figure reported, as ACLED
    claims: tuple[LedgerClaim, ...] = ()
    sources: tuple[str, ...] = ()
    corroboration: int = 0
    contested: bool = False
    component: str = "ledger"


@dataclass(frozen=True, slots=True)
class LedgerContradiction:
    """Claims about one ledger event that cannot all be true."""

    event: str  # LedgerEvent.id
    field: str  # "occurrence" (assert vs deny), "fatalities", "control", ...
    claims: tuple[LedgerClaim, ...]
    values: tuple[str, ...] = ()
    component: str = "ledger"
