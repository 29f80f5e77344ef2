"""The JSON form of an :class:`ArticleLedger` (``shared/spec/ledger-schema.md``).

``ledger_to_dict`` / ``ledger_from_dict`` are exact inverses for everything the schema carries (the
article's ``origin`` is not exported). Spans become ``[start, end]`` lists; every record carries its
``component``. Per-record functions (``event_to_dict`` ...) are public so stores can keep single
records in the same shape. ``validate_ledger_dict`` checks a dict against the schema.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Mapping
from typing import Any, NoReturn

from claimledger.errors import InputError
from claimledger.types import (
    ACTOR_KINDS,
    MODALITIES,
    PLACE_KINDS,
    PLOVER_TYPES,
    AcledCode,
    Actor,
    Article,
    ArticleLedger,
    Claim,
    Contradiction,
    Event,
    Place,
    Span,
    StageError,
    TimeExpr,
    Trigger,
)

__all__ = [
    "actor_from_dict",
    "actor_to_dict",
    "article_from_dict",
    "article_to_dict",
    "claim_from_dict",
    "claim_to_dict",
    "contradiction_from_dict",
    "contradiction_to_dict",
    "event_from_dict",
    "event_to_dict",
    "ledger_from_dict",
    "ledger_to_dict",
    "ledger_to_json",
    "parse_published",
    "place_from_dict",
    "place_to_dict",
    "time_from_dict",
    "time_to_dict",
    "validate_ledger_dict",
]

JsonDict = dict[str, Any]


# --------------------------------------------------------------------------- to dict


def _span(span: Span) -> list[int]:
    return [span.start, span.end]


def _opt_span(span: Span | None) -> list[int] | None:
    return None if span is None else _span(span)


def article_to_dict(article: Article) -> JsonDict:
    return {
        "id": article.id,
        "url": article.url,
        "source": article.source,
        "published": None if article.published is None else article.published.isoformat(),
        "title": article.title,
        "language": article.language,
        "text": article.text,
        "content_hash": article.content_hash,
    }


def actor_to_dict(actor: Actor) -> JsonDict:
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "aliases": list(actor.aliases),
        "affiliation": actor.affiliation,
        "role": actor.role,
        "country": actor.country,
        "mentions": [_span(s) for s in actor.mentions],
        "canonical": actor.canonical,
        "component": actor.component,
    }


def place_to_dict(place: Place) -> JsonDict:
    return {
        "id": place.id,
        "name": place.name,
        "kind": place.kind,
        "country": place.country,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "lat": place.lat,
        "lon": place.lon,
        "geonames_id": place.geonames_id,
        "precision": place.precision,
        "mentions": [_span(s) for s in place.mentions],
        "component": place.component,
    }


def time_to_dict(time: TimeExpr) -> JsonDict:
    return {
        "id": time.id,
        "text": time.text,
        "span": _span(time.span),
        "start": time.start.isoformat(),
        "end": time.end.isoformat(),
        "granularity": time.granularity,
        "anchor": time.anchor,
        "component": time.component,
    }


def event_to_dict(event: Event) -> JsonDict:
    acled = None
    if event.acled is not None:
        acled = {"event_type": event.acled.event_type, "sub_event_type": event.acled.sub_event_type}
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "acled": acled,
        "actor1": event.actor1,
        "actor2": event.actor2,
        "victims": list(event.victims),
        "place": event.place,
        "time": event.time,
        "fatalities": event.fatalities,
        "injured": event.injured,
        "arrested": event.arrested,
        "negated": event.negated,
        "hedged": event.hedged,
        "modality": event.modality,
        "denied": event.denied,
        "trigger": {"text": event.trigger.text, "span": _span(event.trigger.span)},
        "sentence": _span(event.sentence),
        "claims": list(event.claims),
        "component": event.component,
    }


def claim_to_dict(claim: Claim) -> JsonDict:
    return {
        "id": claim.id,
        "event": claim.event,
        "source": claim.source,
        "source_kind": claim.source_kind,
        "source_text": claim.source_text,
        "source_span": _opt_span(claim.source_span),
        "cue": claim.cue,
        "cue_span": _opt_span(claim.cue_span),
        "stance": claim.stance,
        "hedged": claim.hedged,
        "quote": claim.quote,
        "channel": claim.channel,
        "time": claim.time,
        "via": list(claim.via),
        "content": _span(claim.content),
        "span": _span(claim.span),
        "component": claim.component,
    }


def contradiction_to_dict(contradiction: Contradiction) -> JsonDict:
    return {
        "event": contradiction.event,
        "claims": list(contradiction.claims),
        "field": contradiction.field,
        "values": list(contradiction.values),
        "component": contradiction.component,
    }


def ledger_to_dict(ledger: ArticleLedger) -> JsonDict:
    """The ledger in the exact shape of ``ledger-schema.md`` (plus ``component`` on every record)."""
    return {
        "article": article_to_dict(ledger.article),
        "actors": [actor_to_dict(a) for a in ledger.actors],
        "places": [place_to_dict(p) for p in ledger.places],
        "times": [time_to_dict(t) for t in ledger.times],
        "events": [event_to_dict(e) for e in ledger.events],
        "claims": [claim_to_dict(c) for c in ledger.claims],
        "contradictions": [contradiction_to_dict(c) for c in ledger.contradictions],
        "errors": [{"stage": e.stage, "message": e.message} for e in ledger.errors],
    }


def ledger_to_json(ledger: ArticleLedger, indent: int | None = 2) -> str:
    """``ledger_to_dict`` as JSON text (non-ASCII kept as is; NaN/inf rejected with ValueError)."""
    return json.dumps(ledger_to_dict(ledger), indent=indent, ensure_ascii=False, allow_nan=False)


# --------------------------------------------------------------------------- from dict


def parse_published(value: str) -> dt.date | dt.datetime:
    """An ISO date (``2021-09-06``) or datetime (``2021-09-06T10:00:00+00:00``); ValueError if neither."""
    if len(value) > 10 or "T" in value:
        return dt.datetime.fromisoformat(value)
    return dt.date.fromisoformat(value)


def _component_default(cls: type) -> str:
    for f in dataclasses.fields(cls):
        if f.name == "component" and isinstance(f.default, str):
            return f.default
    raise TypeError(f"{cls.__name__} has no default component")  # pragma: no cover - types.py invariant


class _Fields:
    """Typed access to one JSON object; every failure is an InputError naming origin and path."""

    __slots__ = ("_obj", "origin", "path")

    def __init__(self, obj: object, path: str, origin: str) -> None:
        if not isinstance(obj, Mapping):
            raise InputError(origin, f"{path}: expected an object, got {type(obj).__name__}")
        self._obj: Mapping[str, Any] = obj
        self.path = path
        self.origin = origin

    def _fail(self, key: str, expected: str) -> NoReturn:
        got = repr(self._obj.get(key))
        raise InputError(self.origin, f"{self.path}.{key}: expected {expected}, got {got[:60]}")

    def _get(self, key: str, required: bool) -> Any:
        if key not in self._obj:
            if required:
                raise InputError(self.origin, f"{self.path}: missing key {key!r}")
            return None
        return self._obj[key]

    def req_str(self, key: str) -> str:
        value = self._get(key, True)
        if not isinstance(value, str):
            self._fail(key, "a string")
        return value

    def opt_str(self, key: str, default: str | None = None) -> str | None:
        value = self._get(key, False)
        if value is None:
            return default
        if not isinstance(value, str):
            self._fail(key, "a string or null")
        return value

    def str_or(self, key: str, default: str) -> str:
        value = self.opt_str(key, default)
        return default if value is None else value

    def flag(self, key: str) -> bool:
        value = self._get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self._fail(key, "true or false")
        return value

    def opt_int(self, key: str) -> int | None:
        value = self._get(key, False)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self._fail(key, "an integer or null")
        return value

    def opt_float(self, key: str) -> float | None:
        value = self._get(key, False)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self._fail(key, "a number or null")
        return float(value)

    def date(self, key: str) -> dt.date:
        value = self.req_str(key)
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self._fail(key, "an ISO date")

    def published(self, key: str) -> dt.date | dt.datetime | None:
        value = self.opt_str(key)
        if value is None:
            return None
        try:
            return parse_published(value)
        except ValueError:
            self._fail(key, "an ISO date or datetime")

    def _as_span(self, key: str, value: object) -> Span:
        if (
            not isinstance(value, list | tuple)
            or len(value) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        ):
            self._fail(key, "a span [start, end]")
        try:
            return Span(value[0], value[1])
        except ValueError:
            self._fail(key, "a span with 0 <= start <= end")

    def span(self, key: str) -> Span:
        return self._as_span(key, self._get(key, True))

    def opt_span(self, key: str) -> Span | None:
        value = self._get(key, False)
        return None if value is None else self._as_span(key, value)

    def items(self, key: str) -> list[Any]:
        value = self._get(key, False)
        if value is None:
            return []
        if not isinstance(value, list | tuple):
            self._fail(key, "a list")
        return list(value)

    def spans(self, key: str) -> tuple[Span, ...]:
        return tuple(self._as_span(key, v) for v in self.items(key))

    def strs(self, key: str) -> tuple[str, ...]:
        values = self.items(key)
        if not all(isinstance(v, str) for v in values):
            self._fail(key, "a list of strings")
        return tuple(values)

    def obj(self, key: str) -> Mapping[str, Any]:
        return self.sub(key)._obj

    def sub(self, key: str) -> _Fields:
        return _Fields(self._get(key, True), f"{self.path}.{key}", self.origin)

    def opt_sub(self, key: str) -> _Fields | None:
        value = self._get(key, False)
        return None if value is None else _Fields(value, f"{self.path}.{key}", self.origin)


def article_from_dict(d: object, origin: str = "<ledger>", path: str = "article") -> Article:
    f = _Fields(d, path, origin)
    return Article(
        id=f.req_str("id"),
        text=f.req_str("text"),
        content_hash=f.req_str("content_hash"),
        url=f.opt_str("url"),
        source=f.opt_str("source"),
        published=f.published("published"),
        title=f.opt_str("title"),
        language=f.opt_str("language"),
    )


def actor_from_dict(d: object, origin: str = "<ledger>", path: str = "actor") -> Actor:
    f = _Fields(d, path, origin)
    return Actor(
        id=f.req_str("id"),
        name=f.req_str("name"),
        kind=f.req_str("kind"),
        mentions=f.spans("mentions"),
        aliases=f.strs("aliases"),
        affiliation=f.opt_str("affiliation"),
        role=f.opt_str("role"),
        country=f.opt_str("country"),
        component=f.str_or("component", _component_default(Actor)),
        canonical=f.opt_str("canonical"),
    )


def place_from_dict(d: object, origin: str = "<ledger>", path: str = "place") -> Place:
    f = _Fields(d, path, origin)
    precision = f.opt_int("precision")
    return Place(
        id=f.req_str("id"),
        name=f.req_str("name"),
        kind=f.req_str("kind"),
        mentions=f.spans("mentions"),
        country=f.opt_str("country"),
        admin1=f.opt_str("admin1"),
        admin2=f.opt_str("admin2"),
        lat=f.opt_float("lat"),
        lon=f.opt_float("lon"),
        geonames_id=f.opt_int("geonames_id"),
        precision=3 if precision is None else precision,
        component=f.str_or("component", _component_default(Place)),
    )


def time_from_dict(d: object, origin: str = "<ledger>", path: str = "time") -> TimeExpr:
    f = _Fields(d, path, origin)
    return TimeExpr(
        id=f.req_str("id"),
        text=f.req_str("text"),
        span=f.span("span"),
        start=f.date("start"),
        end=f.date("end"),
        granularity=f.req_str("granularity"),
        anchor=f.str_or("anchor", "published"),
        component=f.str_or("component", _component_default(TimeExpr)),
    )


def _acled(f: _Fields | None) -> AcledCode | None:
    return None if f is None else AcledCode(f.req_str("event_type"), f.req_str("sub_event_type"))


def event_from_dict(d: object, origin: str = "<ledger>", path: str = "event") -> Event:
    f = _Fields(d, path, origin)
    trigger = f.sub("trigger")
    acled = f.opt_sub("acled")
    return Event(
        id=f.req_str("id"),
        type=f.req_str("type"),
        trigger=Trigger(text=trigger.req_str("text"), span=trigger.span("span")),
        sentence=f.span("sentence"),
        mode=f.opt_str("mode"),
        acled=_acled(acled),
        actor1=f.opt_str("actor1"),
        actor2=f.opt_str("actor2"),
        victims=f.strs("victims"),
        place=f.opt_str("place"),
        time=f.opt_str("time"),
        fatalities=f.opt_int("fatalities"),
        negated=f.flag("negated"),
        hedged=f.flag("hedged"),
        claims=f.strs("claims"),
        component=f.str_or("component", _component_default(Event)),
        modality=f.str_or("modality", "actual"),
        denied=f.flag("denied"),
        injured=f.opt_int("injured"),
        arrested=f.opt_int("arrested"),
    )


def claim_from_dict(d: object, origin: str = "<ledger>", path: str = "claim") -> Claim:
    f = _Fields(d, path, origin)
    return Claim(
        id=f.req_str("id"),
        source_kind=f.req_str("source_kind"),
        stance=f.req_str("stance"),
        content=f.span("content"),
        span=f.span("span"),
        event=f.opt_str("event"),
        source=f.opt_str("source"),
        source_text=f.opt_str("source_text"),
        source_span=f.opt_span("source_span"),
        cue=f.opt_str("cue"),
        cue_span=f.opt_span("cue_span"),
        hedged=f.flag("hedged"),
        quote=f.opt_str("quote"),
        channel=f.opt_str("channel"),
        time=f.opt_str("time"),
        via=f.strs("via") if isinstance(d, Mapping) and "via" in d else (),
        component=f.str_or("component", _component_default(Claim)),
    )


def contradiction_from_dict(
    d: object, origin: str = "<ledger>", path: str = "contradiction"
) -> Contradiction:
    f = _Fields(d, path, origin)
    return Contradiction(
        event=f.req_str("event"),
        claims=f.strs("claims"),
        field=f.req_str("field"),
        values=f.strs("values"),
        component=f.str_or("component", _component_default(Contradiction)),
    )


def _error_from_dict(d: object, origin: str, path: str) -> StageError:
    f = _Fields(d, path, origin)
    return StageError(stage=f.req_str("stage"), message=f.req_str("message"))


def ledger_from_dict(d: object, origin: str = "<ledger>") -> ArticleLedger:
    """Rebuild a ledger from ``ledger_to_dict``'s shape.

    Keys with a default in ``types.py`` may be missing (the default is used); unknown keys are ignored.
    Raises InputError naming ``origin`` and the path of the first bad value. References between
    records are not checked here: see ``validate_ledger_dict``.
    """
    f = _Fields(d, "ledger", origin)

    def each(key: str) -> list[tuple[object, str]]:
        return [(item, f"{key}[{i}]") for i, item in enumerate(f.items(key))]

    return ArticleLedger(
        article=article_from_dict(f.obj("article"), origin),
        actors=tuple(actor_from_dict(x, origin, p) for x, p in each("actors")),
        places=tuple(place_from_dict(x, origin, p) for x, p in each("places")),
        times=tuple(time_from_dict(x, origin, p) for x, p in each("times")),
        events=tuple(event_from_dict(x, origin, p) for x, p in each("events")),
        claims=tuple(claim_from_dict(x, origin, p) for x, p in each("claims")),
        contradictions=tuple(contradiction_from_dict(x, origin, p) for x, p in each("contradictions")),
        errors=tuple(_error_from_dict(x, origin, p) for x, p in each("errors")),
    )


# --------------------------------------------------------------------------- schema check

GRANULARITIES: tuple[str, ...] = ("day", "week", "month", "year", "range")
SOURCE_KINDS: tuple[str, ...] = ("named", "described", "unnamed", "media", "outlet")
STANCES: tuple[str, ...] = ("assert", "deny")

_RECORD_KEYS = ("actors", "places", "times", "events", "claims", "contradictions", "errors")
_C = {"component": "str"}
# Value kinds: str, int, bool, span, date, obj, list; "?" allows null; "spans"/"strs" are lists of them.
_SHAPES: dict[str, dict[str, str]] = {
    "article": {
        "id": "str",
        "url": "str?",
        "source": "str?",
        "published": "published?",
        "title": "str?",
        "language": "str?",
        "text": "str",
        "content_hash": "str",
    },
    "actors": {
        "id": "str",
        "name": "str",
        "kind": "str",
        "aliases": "strs",
        "affiliation": "str?",
        "role": "str?",
        "country": "str?",
        "mentions": "spans",
        **_C,
    },
    "places": {
        "id": "str",
        "name": "str",
        "kind": "str",
        "country": "str?",
        "admin1": "str?",
        "admin2": "str?",
        "lat": "num?",
        "lon": "num?",
        "geonames_id": "int?",
        "precision": "int",
        "mentions": "spans",
        **_C,
    },
    "times": {
        "id": "str",
        "text": "str",
        "span": "span",
        "start": "date",
        "end": "date",
        "granularity": "str",
        "anchor": "str",
        **_C,
    },
    "events": {
        "id": "str",
        "type": "str",
        "mode": "str?",
        "acled": "obj?",
        "actor1": "str?",
        "actor2": "str?",
        "victims": "strs",
        "place": "str?",
        "time": "str?",
        "fatalities": "int?",
        "injured": "int?",
        "arrested": "int?",
        "negated": "bool",
        "hedged": "bool",
        "modality": "str",
        "denied": "bool",
        "trigger": "obj",
        "sentence": "span",
        "claims": "strs",
        **_C,
    },
    "claims": {
        "id": "str",
        "event": "str?",
        "source": "str?",
        "source_kind": "str",
        "source_text": "str?",
        "source_span": "span?",
        "cue": "str?",
        "cue_span": "span?",
        "stance": "str",
        "hedged": "bool",
        "quote": "str?",
        "channel": "str?",
        "time": "str?",
        "via": "strs",
        "content": "span",
        "span": "span",
        **_C,
    },
    "contradictions": {"event": "str", "claims": "strs", "field": "str", "values": "strs", **_C},
    "errors": {"stage": "str", "message": "str"},
    "acled": {"event_type": "str", "sub_event_type": "str"},
    "trigger": {"text": "str", "span": "span"},
}

Rec = tuple[str, Mapping[str, Any]]


class _Checker:
    """Collects schema problems as ``"path: what is wrong"`` strings."""

    def __init__(self, text: str | None) -> None:
        self.text = text
        self.problems: list[str] = []

    def add(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")

    def _span_ok(self, path: str, value: object) -> bool:
        if (
            not isinstance(value, list)
            or len(value) != 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        ):
            self.add(path, f"expected a span [start, end], got {value!r:.60}")
            return False
        start, end = value
        if start < 0 or end < start or (self.text is not None and end > len(self.text)):
            limit = "?" if self.text is None else len(self.text)
            self.add(path, f"span [{start}, {end}] is outside the article text (length {limit})")
            return False
        return True

    def _value_ok(self, path: str, kind: str, value: object) -> bool:
        if kind.endswith("?"):
            if value is None:
                return True
            kind = kind[:-1]
        if kind == "spans" or kind == "strs":
            if not isinstance(value, list):
                self.add(path, f"expected a list, got {value!r:.60}")
                return False
            return all([self._value_ok(f"{path}[{i}]", kind[:-1], v) for i, v in enumerate(value)])
        if kind == "span":
            return self._span_ok(path, value)
        if kind in ("int", "num"):
            ok = isinstance(value, int | float) if kind == "num" else isinstance(value, int)
            if ok and not isinstance(value, bool):
                return True
            self.add(path, f"expected {'a number' if kind == 'num' else 'an integer'}, got {value!r:.60}")
            return False
        if kind in ("date", "published"):
            parse = dt.date.fromisoformat if kind == "date" else parse_published
            try:
                parse(value if isinstance(value, str) else "")
            except ValueError:
                what = "an ISO date" if kind == "date" else "an ISO date or datetime"
                self.add(path, f"expected {what}, got {value!r:.60}")
                return False
            return True
        expected = {"str": str, "bool": bool, "obj": Mapping}[kind]
        if isinstance(value, expected):
            return True
        self.add(path, f"expected {kind if kind != 'obj' else 'an object'}, got {value!r:.60}")
        return False

    def record(self, path: str, value: object, shape: Mapping[str, str]) -> bool:
        """True when ``value`` is an object whose every schema key is present and well typed."""
        if not isinstance(value, Mapping):
            self.add(path, f"expected an object, got {type(value).__name__}")
            return False
        ok = True
        for key, kind in shape.items():
            if key not in value:
                self.add(path, f"missing key {key!r}")
                ok = False
            elif not self._value_ok(f"{path}.{key}", kind, value[key]):
                ok = False
        return ok

    def ids(self, recs: list[Rec]) -> dict[str, Mapping[str, Any]]:
        seen: dict[str, Mapping[str, Any]] = {}
        for path, rec in recs:
            if rec["id"] in seen:
                self.add(f"{path}.id", f"duplicate id {rec['id']!r}")
            seen.setdefault(rec["id"], rec)
        return seen

    def enum(self, path: str, value: object, allowed: tuple[object, ...]) -> None:
        if value not in allowed:
            self.add(path, f"{value!r} is not one of {', '.join(map(str, allowed))}")

    def ref(self, path: str, value: object, ids: Mapping[str, object], what: str) -> None:
        if isinstance(value, str) and value not in ids:
            self.add(path, f"unknown {what} id {value!r}")

    def country(self, path: str, value: object) -> None:
        if isinstance(value, str) and not (len(value) == 2 and value.isascii() and value.isupper()):
            self.add(path, f"{value!r} is not an ISO 3166-1 alpha-2 code")

    def text_matches(self, path: str, text: str, span: list[int]) -> None:
        if self.text is not None and self.text[span[0] : span[1]] != text:
            self.add(path, f"{text!r:.40} is not the text at its span {span}")


def validate_ledger_dict(d: object) -> list[str]:
    """Problems with ``d`` as an article ledger (``ledger-schema.md``); an empty list when it is valid.

    Checks required keys and value types, the enums (actor/place kind, granularity, source_kind, stance,
    PLOVER type), that spans lie within ``article.text``, that ``trigger.text`` and ``time.text`` are
    the text at their spans, that ids are unique, that every referenced id exists, and that
    ``event.claims`` and ``claim.event`` agree.
    """
    if not isinstance(d, Mapping):
        return [f"ledger: expected an object, got {type(d).__name__}"]
    article = d.get("article")
    text = article.get("text") if isinstance(article, Mapping) else None
    c = _Checker(text if isinstance(text, str) else None)
    for key in ("article", *_RECORD_KEYS):
        if key not in d:
            c.add("ledger", f"missing key {key!r}")
    if "article" in d:
        c.record("article", article, _SHAPES["article"])
    recs: dict[str, list[Rec]] = {}
    for key in _RECORD_KEYS:
        items = d.get(key, [])
        if not isinstance(items, list):
            c.add(key, f"expected a list, got {type(items).__name__}")
            items = []
        paths = [f"{key}[{i}]" for i in range(len(items))]
        recs[key] = [(p, r) for p, r in zip(paths, items, strict=True) if c.record(p, r, _SHAPES[key])]
    actors, places, times, events, claims = (
        c.ids(recs[k]) for k in ("actors", "places", "times", "events", "claims")
    )

    for path, a in recs["actors"]:
        c.enum(f"{path}.kind", a["kind"], ACTOR_KINDS)
        c.country(f"{path}.country", a["country"])
        c.ref(f"{path}.affiliation", a["affiliation"], actors, "actor")
        if a["affiliation"] is not None and a["affiliation"] == a["id"]:
            c.add(f"{path}.affiliation", "an actor cannot be affiliated with itself")
    for path, p in recs["places"]:
        c.enum(f"{path}.kind", p["kind"], PLACE_KINDS)
        c.country(f"{path}.country", p["country"])
        c.enum(f"{path}.precision", p["precision"], (1, 2, 3))
        for key, bound in (("lat", 90), ("lon", 180)):
            if p[key] is not None and not -bound <= p[key] <= bound:
                c.add(f"{path}.{key}", f"{p[key]} is outside [-{bound}, {bound}]")
    for path, t in recs["times"]:
        c.enum(f"{path}.granularity", t["granularity"], GRANULARITIES)
        if dt.date.fromisoformat(t["start"]) > dt.date.fromisoformat(t["end"]):
            c.add(path, f"start {t['start']} is after end {t['end']}")
        if t["anchor"] != "published":
            c.ref(f"{path}.anchor", t["anchor"], times, "time")
        c.text_matches(f"{path}.text", t["text"], t["span"])
    for path, e in recs["events"]:
        c.enum(f"{path}.type", e["type"], PLOVER_TYPES)
        if e["acled"] is not None:
            c.record(f"{path}.acled", e["acled"], _SHAPES["acled"])
        if c.record(f"{path}.trigger", e["trigger"], _SHAPES["trigger"]):
            c.text_matches(f"{path}.trigger.text", e["trigger"]["text"], e["trigger"]["span"])
        c.enum(f"{path}.modality", e["modality"], MODALITIES)
        for key in ("fatalities", "injured", "arrested"):
            if e[key] is not None and e[key] < 0:
                c.add(f"{path}.{key}", f"{e[key]} is negative")
        c.ref(f"{path}.actor1", e["actor1"], actors, "actor")
        c.ref(f"{path}.actor2", e["actor2"], actors, "actor")
        for i, victim in enumerate(e["victims"]):
            c.ref(f"{path}.victims[{i}]", victim, actors, "actor")
        c.ref(f"{path}.place", e["place"], places, "place")
        c.ref(f"{path}.time", e["time"], times, "time")
        for i, claim_id in enumerate(e["claims"]):
            c.ref(f"{path}.claims[{i}]", claim_id, claims, "claim")
            if claim_id in claims and claims[claim_id]["event"] != e["id"]:
                c.add(f"{path}.claims[{i}]", f"claim {claim_id!r} names event {claims[claim_id]['event']!r}")
    for path, cl in recs["claims"]:
        c.enum(f"{path}.source_kind", cl["source_kind"], SOURCE_KINDS)
        c.enum(f"{path}.stance", cl["stance"], STANCES)
        c.ref(f"{path}.event", cl["event"], events, "event")
        if cl["event"] in events and cl["id"] not in events[cl["event"]]["claims"]:
            c.add(f"{path}.event", f"event {cl['event']!r} does not list claim {cl['id']!r}")
        c.ref(f"{path}.source", cl["source"], actors, "actor")
        c.ref(f"{path}.time", cl["time"], times, "time")
        for i, claim_id in enumerate(cl.get("via", [])):
            c.ref(f"{path}.via[{i}]", claim_id, claims, "claim")
    for path, k in recs["contradictions"]:
        c.ref(f"{path}.event", k["event"], events, "event")
        if len(k["claims"]) < 2:
            c.add(f"{path}.claims", "a contradiction links at least two claims")
        for i, claim_id in enumerate(k["claims"]):
            c.ref(f"{path}.claims[{i}]", claim_id, claims, "claim")
    return c.problems
