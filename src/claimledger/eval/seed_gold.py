"""The gold picture of the ``seed`` dataset: ``spec/seed-ledger.yaml`` read into plain records.

Only ``load_seed_gold`` touches the file system; ``parse_seed_gold`` validates already-loaded YAML data and
raises ``EvalError`` naming the file and the offending entry.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from claimledger.errors import EvalError
from claimledger.types import PLOVER_TYPES

DEFAULT_WITHIN_KM = 25.0
UNNAMED_SOURCE = "unnamed"
_QUOTED = re.compile(r"\"([^\"]+)\"|“([^”]+)”")


@dataclass(frozen=True, slots=True)
class GoldActor:
    name: str
    aliases: tuple[str, ...] = ()
    kind: str | None = None
    affiliation: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class GoldPlace:
    name: str
    kind: str | None = None
    country: str | None = None
    near: tuple[float, float] | None = None
    within_km: float = DEFAULT_WITHIN_KM


@dataclass(frozen=True, slots=True)
class GoldClaim:
    source: str  # a gold actor name, or "unnamed"
    stance: str
    cue: str | None = None


@dataclass(frozen=True, slots=True)
class GoldEvent:
    id: str
    types: frozenset[str]
    actor1: tuple[str, ...] = ()  # any of these; empty when not given
    actor2: tuple[str, ...] = ()
    place: str | None = None
    dates: tuple[dt.date, dt.date] | None = None  # inclusive range
    claimed_by: tuple[GoldClaim, ...] = ()
    what: str = ""


@dataclass(frozen=True, slots=True)
class GoldContradiction:
    event: str
    between: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SeedGold:
    origin: str  # the YAML file, for messages
    article_file: str
    published: dt.date | None
    language: str | None
    actors: tuple[GoldActor, ...]
    places: tuple[GoldPlace, ...]
    events: tuple[GoldEvent, ...]
    contradictions: tuple[GoldContradiction, ...]
    not_events: tuple[str, ...]  # the texts (quoted in the YAML) that must yield no event

    def actor(self, name: str) -> GoldActor:
        """The gold actor called ``name`` (or one with only that name, if the list lacks it)."""
        for actor in self.actors:
            if actor.name == name:
                return actor
        return GoldActor(name=name)

    def place(self, name: str) -> GoldPlace:
        for place in self.places:
            if place.name == name:
                return place
        return GoldPlace(name=name)


def load_seed_gold(path: Path) -> SeedGold:
    """Read and validate a seed-ledger YAML file."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise EvalError(f"{path}: cannot read the seed ledger: {exc.strerror or exc}") from exc
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise EvalError(f"{path}: not valid YAML: {exc}") from exc
    return parse_seed_gold(data, origin=str(path))


def load_seed_golds(path: Path) -> list[SeedGold]:
    """Read every article's gold ledger in a seed YAML file: one document, a YAML stream of several
    (``---``), or a top-level list of documents."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise EvalError(f"{path}: cannot read the seed ledger: {exc.strerror or exc}") from exc
    try:
        docs = [d for d in yaml.safe_load_all(text) if d is not None]
    except yaml.YAMLError as exc:
        raise EvalError(f"{path}: not valid YAML: {exc}") from exc
    if len(docs) == 1 and isinstance(docs[0], list):
        docs = docs[0]
    if not docs:
        raise EvalError(f"{path}: holds no seed ledger")
    many = len(docs) > 1
    return [parse_seed_gold(d, origin=f"{path}[{i}]" if many else str(path)) for i, d in enumerate(docs)]


def parse_seed_gold(data: Any, origin: str) -> SeedGold:
    """Turn loaded YAML data into a ``SeedGold``."""
    root = _mapping(data, origin, "the document")
    article = _mapping(root.get("article"), origin, "article")
    article_file = article.get("file")
    if not isinstance(article_file, str) or not article_file:
        raise EvalError(f"{origin}: article.file must name the article's text file")
    raw_published = article.get("published")
    published = _date(raw_published, origin, "article.published") if raw_published is not None else None
    actors = tuple(_actor(a, origin, i) for i, a in enumerate(_list(root.get("actors"), origin, "actors")))
    places = tuple(_place(p, origin, i) for i, p in enumerate(_list(root.get("places"), origin, "places")))
    events = tuple(_event(e, origin, i) for i, e in enumerate(_list(root.get("events"), origin, "events")))
    ids = [e.id for e in events]
    if len(set(ids)) != len(ids):
        twice = sorted(i for i in set(ids) if ids.count(i) > 1)
        raise EvalError(f"{origin}: event ids are not unique: {twice}")
    contradictions = tuple(
        _contradiction(c, origin, i, set(ids))
        for i, c in enumerate(_list(root.get("contradictions"), origin, "contradictions"))
    )
    not_events = tuple(
        text
        for i, n in enumerate(_list(root.get("not_events"), origin, "not_events"))
        for text in _not_event_texts(n, origin, i)
    )
    language = article.get("language")
    return SeedGold(
        origin=origin,
        article_file=article_file,
        published=published,
        language=str(language) if language is not None else None,
        actors=actors,
        places=places,
        events=events,
        contradictions=contradictions,
        not_events=not_events,
    )


def _mapping(value: Any, origin: str, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise EvalError(f"{origin}: {where} must be a mapping, got {type(value).__name__}")
    return value


def _list(value: Any, origin: str, where: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise EvalError(f"{origin}: {where} must be a list, got {type(value).__name__}")
    return value


def _names(value: Any, origin: str, where: str) -> tuple[str, ...]:
    """A name or a list of names (empty when absent)."""
    if value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(v, str) and v for v in items):
        raise EvalError(f"{origin}: {where} must be a name or a list of names, got {value!r}")
    return tuple(items)


def _date(value: Any, origin: str, where: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise EvalError(f"{origin}: {where} must be an ISO date (YYYY-MM-DD), got {value!r}")


def _date_range(value: Any, origin: str, where: str) -> tuple[dt.date, dt.date]:
    if isinstance(value, list):
        if len(value) != 2:
            raise EvalError(f"{origin}: {where} must be a date or a [first, last] range, got {value!r}")
        first, last = _date(value[0], origin, where), _date(value[1], origin, where)
        if last < first:
            raise EvalError(f"{origin}: {where} ends before it starts: {value!r}")
        return first, last
    day = _date(value, origin, where)
    return day, day


def _actor(value: Any, origin: str, index: int) -> GoldActor:
    where = f"actors[{index}]"
    entry = _mapping(value, origin, where)
    name = _names(entry.get("name"), origin, f"{where}.name")
    if len(name) != 1:
        raise EvalError(f"{origin}: {where}.name must be one name")
    affiliation = entry.get("affiliation")
    return GoldActor(
        name=name[0],
        aliases=_names(entry.get("aliases"), origin, f"{where}.aliases"),
        kind=str(entry["kind"]) if entry.get("kind") is not None else None,
        affiliation=str(affiliation) if affiliation is not None else None,
    )


def _place(value: Any, origin: str, index: int) -> GoldPlace:
    where = f"places[{index}]"
    entry = _mapping(value, origin, where)
    name = _names(entry.get("name"), origin, f"{where}.name")
    if len(name) != 1:
        raise EvalError(f"{origin}: {where}.name must be one name")
    near = entry.get("near")
    point: tuple[float, float] | None = None
    if near is not None:
        if not (isinstance(near, list) and len(near) == 2 and all(isinstance(x, int | float) for x in near)):
            raise EvalError(f"{origin}: {where}.near must be [lat, lon], got {near!r}")
        point = (float(near[0]), float(near[1]))
    within = entry.get("within_km", DEFAULT_WITHIN_KM)
    if not isinstance(within, int | float) or within < 0:
        raise EvalError(f"{origin}: {where}.within_km must be a non-negative number, got {within!r}")
    country = entry.get("country")
    return GoldPlace(
        name=name[0],
        kind=str(entry["kind"]) if entry.get("kind") is not None else None,
        country=str(country) if country is not None else None,
        near=point,
        within_km=float(within),
    )


def _claim(value: Any, origin: str, where: str) -> GoldClaim:
    entry = _mapping(value, origin, where)
    source, stance = entry.get("source"), entry.get("stance")
    if not isinstance(source, str) or not source:
        raise EvalError(f"{origin}: {where}.source must be an actor name or {UNNAMED_SOURCE!r}")
    if stance not in ("assert", "deny"):
        raise EvalError(f"{origin}: {where}.stance must be 'assert' or 'deny', got {stance!r}")
    cue = entry.get("cue")
    return GoldClaim(source=source, stance=stance, cue=str(cue) if cue is not None else None)


def _event(value: Any, origin: str, index: int) -> GoldEvent:
    entry = _mapping(value, origin, f"events[{index}]")
    event_id = entry.get("id")
    if not isinstance(event_id, str) or not event_id:
        raise EvalError(f"{origin}: events[{index}].id must be a non-empty string")
    where = f"event {event_id!r}"
    types = _names(entry.get("type"), origin, f"{where}.type")
    if not types:
        raise EvalError(f"{origin}: {where} needs a type (a PLOVER type or a list of them)")
    unknown = sorted(t for t in types if t.upper() not in PLOVER_TYPES)
    if unknown:
        raise EvalError(f"{origin}: {where}.type has unknown PLOVER types {unknown}")
    place = entry.get("place")
    if place is not None and not isinstance(place, str):
        raise EvalError(f"{origin}: {where}.place must be a place name, got {place!r}")
    claims = _list(entry.get("claimed_by"), origin, f"{where}.claimed_by")
    return GoldEvent(
        id=event_id,
        types=frozenset(t.upper() for t in types),
        actor1=_names(entry.get("actor1"), origin, f"{where}.actor1"),
        actor2=_names(entry.get("actor2"), origin, f"{where}.actor2"),
        place=place,
        dates=_date_range(entry["date"], origin, f"{where}.date") if entry.get("date") is not None else None,
        claimed_by=tuple(_claim(c, origin, f"{where}.claimed_by[{i}]") for i, c in enumerate(claims)),
        what=str(entry.get("what") or ""),
    )


def _contradiction(value: Any, origin: str, index: int, event_ids: set[str]) -> GoldContradiction:
    where = f"contradictions[{index}]"
    entry = _mapping(value, origin, where)
    event = entry.get("event")
    if event not in event_ids:
        raise EvalError(f"{origin}: {where}.event {event!r} names no gold event")
    between = _names(entry.get("between"), origin, f"{where}.between")
    if len(between) < 2:
        raise EvalError(f"{origin}: {where}.between must name at least two sources")
    return GoldContradiction(event=str(event), between=between)


def _not_event_texts(value: Any, origin: str, index: int) -> tuple[str, ...]:
    """The texts a ``not_events`` entry quotes (``"..."`` or “...”), or the whole entry if it quotes none."""
    if not isinstance(value, str) or not value.strip():
        raise EvalError(f"{origin}: not_events[{index}] must be a text")
    quoted = tuple(m.group(1) or m.group(2) for m in _QUOTED.finditer(value))
    return quoted or (value.strip(),)
