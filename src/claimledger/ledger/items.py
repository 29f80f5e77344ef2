"""One article's events as plain items for the cross-article ledger (``claimledger.ledger.cross``).

API (stable):

- ``normalise(name: str) -> str``: a comparison key for a name (case- and accent-folded, punctuation to
  spaces, a leading "the" dropped).
- ``actor_key(actor: Actor) -> str``: ``actor.canonical`` (the actor-base id) where set, else
  ``"name:<normalised name>|<kind>|<country>"``.
- ``outlet_key(article: Article) -> str``: ``"outlet:<normalised source>"`` or ``"article:<id>"``.
- ``report_items(ledger: ArticleLedger) -> list[ReportItem]``: one item per event of the article, with its
  resolved actors, place, dates and claims (``LedgerClaim`` with the claim's stance toward the event's
  happening: a claim asserting a negated event denies it).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

from claimledger.types import Actor, Article, ArticleLedger, Claim, Event, LedgerClaim, Place, TimeExpr

# a time of more than this many days says too little to tell one happening from another
MAX_SPAN_DAYS = 8
_PUNCT = re.compile(r"[^\w\s]+")
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+")
# a place's rank: lower is more specific
PLACE_RANK = {"city": 0, "village": 0, "landmark": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4}


def normalise(name: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("’", "'").replace("'s ", " ").removesuffix("'s")
    text = _SPACES.sub(" ", _PUNCT.sub(" ", text)).strip()
    return _LEADING_THE.sub("", text)


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An event's actor as the cross-article ledger compares it."""

    key: str  # actor_key
    name: str
    names: frozenset[str]  # normalised name and aliases
    kind: str
    country: str | None
    canonical: str | None


@dataclass(frozen=True, slots=True)
class PlaceRef:
    name: str
    kind: str
    country: str | None
    admin1: str | None  # normalised
    admin2: str | None  # normalised
    lat: float | None
    lon: float | None

    @property
    def rank(self) -> int:
        return PLACE_RANK.get(self.kind, 5)


@dataclass(frozen=True, slots=True)
class ReportItem:
    """One article's event with everything the cross-article merge looks at."""

    article_id: str
    event_id: str
    outlet: str | None
    outlet_key: str
    published: dt.date | None
    type: str
    mode: str | None
    event: Event
    actor1: ActorRef | None
    actor2: ActorRef | None
    place: PlaceRef | None
    start: dt.date | None  # None: no usable date (none, or one too vague)
    end: dt.date | None
    claims: tuple[LedgerClaim, ...]

    @property
    def sort_key(self) -> tuple[dt.date, str, str]:
        return (self.published or dt.date.max, self.article_id, self.event_id)

    @property
    def family(self) -> str:
        """The merge family: every ASSAULT sub-kind together, else the PLOVER type."""
        return self.type


def actor_key(actor: Actor) -> str:
    if actor.canonical:
        return actor.canonical
    return f"name:{normalise(actor.name)}|{actor.kind}|{actor.country or ''}"


def outlet_key(article: Article) -> str:
    if article.source and normalise(article.source):
        return f"outlet:{normalise(article.source)}"
    return f"article:{article.id}"


def _day(value: dt.date | dt.datetime | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def _actor_ref(actor_id: str | None, actors: dict[str, Actor]) -> ActorRef | None:
    actor = actors.get(actor_id) if actor_id is not None else None
    if actor is None or (actor.kind == "unknown" and not actor.canonical):
        return None
    names = frozenset(n for n in (normalise(x) for x in (actor.name, *actor.aliases)) if n)
    if not names and not actor.canonical:
        return None
    return ActorRef(actor_key(actor), actor.name, names, actor.kind, actor.country, actor.canonical)


def _place_ref(place_id: str | None, places: dict[str, Place]) -> PlaceRef | None:
    place = places.get(place_id) if place_id is not None else None
    if place is None:
        return None
    return PlaceRef(
        name=place.name,
        kind=place.kind,
        country=place.country.upper() if place.country else None,
        admin1=normalise(place.admin1) if place.admin1 else None,
        admin2=normalise(place.admin2) if place.admin2 else None,
        lat=place.lat,
        lon=place.lon,
    )


def _dates(
    event: Event, times: dict[str, TimeExpr], published: dt.date | None
) -> tuple[dt.date | None, dt.date | None]:
    time = times.get(event.time) if event.time is not None else None
    if time is not None:
        if (time.end - time.start).days >= MAX_SPAN_DAYS:
            return None, None
        return time.start, time.end
    return published, published


def _source_key(claim: Claim, actors: dict[str, Actor], outlet: str) -> str:
    """Who speaks: the source actor's key; the outlet for its own voice and for unnamed sources (which only
    it vouches for); a described source without an actor by its normalised description."""
    actor = actors.get(claim.source) if claim.source is not None else None
    if actor is not None:
        return actor_key(actor)
    if claim.source_kind in ("outlet", "unnamed") or not claim.source_text:
        return outlet
    return f"{claim.source_kind}:{normalise(claim.source_text)}"


def _ledger_claims(
    event: Event,
    claims: dict[str, Claim],
    actors: dict[str, Actor],
    times: dict[str, TimeExpr],
    article: Article,
    outlet: str,
) -> tuple[LedgerClaim, ...]:
    published = _day(article.published)
    ids = list(event.claims) + sorted(c.id for c in claims.values() if c.event == event.id)
    out: list[LedgerClaim] = []
    seen: set[str] = set()
    for claim_id in ids:
        claim = claims.get(claim_id)
        if claim is None or claim_id in seen:
            continue
        seen.add(claim_id)
        denies = (claim.stance == "deny") != event.negated
        time = times.get(claim.time) if claim.time is not None else None
        out.append(
            LedgerClaim(
                article_id=article.id,
                claim_id=claim.id,
                stance="deny" if denies else "assert",
                source_key=_source_key(claim, actors, outlet),
                source_text=claim.source_text,
                time=time.start if time is not None else published,
            )
        )
    if not out:  # every event has a source: the article itself
        out.append(
            LedgerClaim(
                article.id,
                f"{event.id}:outlet",
                "deny" if event.negated else "assert",
                outlet,
                None,
                published,
            )
        )
    return tuple(out)


def report_items(ledger: ArticleLedger) -> list[ReportItem]:
    """One ``ReportItem`` per event of ``ledger``, in the ledger's event order."""
    article = ledger.article
    actors = {a.id: a for a in ledger.actors}
    places = {p.id: p for p in ledger.places}
    times = {t.id: t for t in ledger.times}
    claims = {c.id: c for c in ledger.claims}
    published = _day(article.published)
    outlet = outlet_key(article)
    items: list[ReportItem] = []
    for event in ledger.events:
        start, end = _dates(event, times, published)
        items.append(
            ReportItem(
                article_id=article.id,
                event_id=event.id,
                outlet=article.source,
                outlet_key=outlet,
                published=published,
                type=event.type,
                mode=event.mode,
                event=event,
                actor1=_actor_ref(event.actor1, actors),
                actor2=_actor_ref(event.actor2, actors),
                place=_place_ref(event.place, places),
                start=start,
                end=end,
                claims=_ledger_claims(event, claims, actors, times, article, outlet),
            )
        )
    return items
