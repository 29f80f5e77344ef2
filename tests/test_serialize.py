"""claimledger.serialize: the ledger's JSON shape, its exact round trip, and the schema check."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimledger.errors import InputError
from claimledger.serialize import (
    ledger_from_dict,
    ledger_to_dict,
    ledger_to_json,
    validate_ledger_dict,
)
from claimledger.types import (
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

TEXT = (
    "Rebels of the Free Brigade said on Sunday that government forces killed two fighters in Tel Safa. "
    '"We lost our commander," spokesman Omar Haddad told Reuters on Twitter. '
    "The Defence Ministry denied the killings a day later."
)


def at(needle: str, nth: int = 0) -> Span:
    pos = -1
    for _ in range(nth + 1):
        pos = TEXT.index(needle, pos + 1)
    return Span(pos, pos + len(needle))


def sentence(i: int) -> Span:
    bounds = [0, TEXT.index('"We'), TEXT.index("The Defence"), len(TEXT)]
    return Span(bounds[i], bounds[i + 1] - (0 if i == 2 else 1))


def rich_ledger() -> ArticleLedger:
    """Every optional field set somewhere: affiliation, victims, anchored time, quote, channel, errors."""
    brigade = Actor("a1", "Free Brigade", "armed_group", (at("Free Brigade"),), aliases=("Rebels",))
    haddad = Actor("a2", "Omar Haddad", "person", (at("Omar Haddad"),), affiliation="a1", role="spokesman")
    gov = Actor("a3", "Defence Ministry", "state_agency", (at("Defence Ministry"),), country="SY")
    fighters = Actor("a4", "fighters", "armed_group", (at("fighters"),), affiliation="a1")
    reuters = Actor("a5", "Reuters", "media", (at("Reuters"),), component="actors.media")
    place = Place(
        "p1", "Tel Safa", "village", (at("Tel Safa"),), "SY", "Homs", "Tadmur", 34.55, 38.27, 163345, 1
    )
    sunday = TimeExpr("t1", "Sunday", at("Sunday"), dt.date(2021, 9, 5), dt.date(2021, 9, 5), "day")
    later = TimeExpr(
        "t2", "a day later", at("a day later"), dt.date(2021, 9, 6), dt.date(2021, 9, 6), "day", anchor="t1"
    )
    killing = Event(
        "e1",
        "ASSAULT",
        Trigger("killed", at("killed")),
        sentence(0),
        mode="kill",
        acled=AcledCode("Battles", "Armed clash"),
        actor1="a3",
        actor2="a1",
        victims=("a4",),
        place="p1",
        time="t1",
        fatalities=2,
        claims=("c1", "c2", "c3"),
    )
    said = Claim(
        "c1",
        "named",
        "assert",
        Span(at("government").start, sentence(0).end - 1),
        sentence(0),
        event="e1",
        source="a1",
        source_text="Rebels of the Free Brigade",
        source_span=at("Rebels of the Free Brigade"),
        cue="said",
        cue_span=at("said"),
        time="t1",
    )
    quoted = Claim(
        "c2",
        "named",
        "assert",
        at("We lost our commander"),
        sentence(1),
        event="e1",
        source="a2",
        source_text="spokesman Omar Haddad",
        source_span=at("spokesman Omar Haddad"),
        cue="told",
        cue_span=at("told"),
        quote="We lost our commander,",
        channel="Twitter",
        hedged=True,
    )
    denied = Claim(
        "c3",
        "named",
        "deny",
        at("the killings"),
        sentence(2),
        event="e1",
        source="a3",
        source_text="The Defence Ministry",
        source_span=at("The Defence Ministry"),
        cue="denied",
        cue_span=at("denied"),
        time="t2",
    )
    return ArticleLedger(
        article=Article(
            "doc-7",
            TEXT,
            "sha256:abc",
            url="https://example.org/a?b=1&c='2'",
            source="example.org",
            published=dt.datetime(2021, 9, 6, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=4, minutes=30))),
            title="Clashes in Tel Safa",
            language="en",
        ),
        actors=(brigade, haddad, gov, fighters, reuters),
        places=(place,),
        times=(sunday, later),
        events=(killing,),
        claims=(said, quoted, denied),
        contradictions=(Contradiction("e1", ("c1", "c3"), "occurrence", ("assert", "deny")),),
        errors=(StageError("geo", "gazetteer lookup timed out"),),
    )


def minimal_ledger() -> ArticleLedger:
    return ArticleLedger(article=Article("m", "Nothing happened.", "h"))


def date_ledger() -> ArticleLedger:
    return dataclasses.replace(
        rich_ledger(), article=dataclasses.replace(rich_ledger().article, published=dt.date(2021, 9, 6))
    )


LEDGERS = {"rich": rich_ledger, "minimal": minimal_ledger, "published_date": date_ledger}

SCHEMA_KEYS = {
    "article": {"id", "url", "source", "published", "title", "language", "text", "content_hash"},
    "actors": {
        *("id", "name", "kind", "aliases", "affiliation", "role", "country", "mentions"),
        *("component", "canonical"),
    },
    "places": {
        *("id", "name", "kind", "country", "admin1", "admin2", "lat", "lon", "geonames_id", "precision"),
        *("mentions", "component"),
    },
    "times": {"id", "text", "span", "start", "end", "granularity", "anchor", "component"},
    "events": {
        *("id", "type", "mode", "acled", "actor1", "actor2", "victims", "place", "time", "fatalities"),
        *("negated", "hedged", "trigger", "sentence", "claims", "component"),
        *("modality", "denied", "injured", "arrested"),
    },
    "claims": {
        *("id", "event", "source", "source_kind", "source_text", "source_span", "cue", "cue_span"),
        *("stance", "hedged", "quote", "channel", "time", "via", "content", "span", "component"),
    },
    "contradictions": {"event", "claims", "field", "values", "component"},
    "errors": {"stage", "message"},
}


# --------------------------------------------------------------------------- shape


def test_ledger_to_dict_has_exactly_the_schema_keys() -> None:
    d = ledger_to_dict(rich_ledger())
    assert set(d) == set(SCHEMA_KEYS)
    assert set(d["article"]) == SCHEMA_KEYS["article"]
    for key in SCHEMA_KEYS.keys() - {"article"}:
        assert d[key], key
        for record in d[key]:
            assert set(record) == SCHEMA_KEYS[key], key


def test_ledger_to_dict_writes_spans_as_lists_and_nested_objects() -> None:
    d = ledger_to_dict(rich_ledger())
    event = d["events"][0]
    assert event["trigger"] == {"text": "killed", "span": [at("killed").start, at("killed").end]}
    assert event["sentence"] == [0, TEXT.index('"We') - 1]
    assert event["acled"] == {"event_type": "Battles", "sub_event_type": "Armed clash"}
    assert d["actors"][0]["mentions"] == [[at("Free Brigade").start, at("Free Brigade").end]]
    assert d["claims"][0]["source_span"] == [at("Rebels of the Free Brigade").start, at("Free Brigade").end]
    assert d["times"][1]["start"] == "2021-09-06"
    assert d["article"]["published"] == "2021-09-06T14:30:00+04:30"
    assert d["errors"] == [{"stage": "geo", "message": "gazetteer lookup timed out"}]


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("actors", "actors"),
        ("places", "geo"),
        ("times", "dates"),
        ("events", "coding"),
        ("claims", "attribution"),
        ("contradictions", "ledger"),
    ],
)
def test_every_record_carries_its_component(field: str, expected: str) -> None:
    assert ledger_to_dict(rich_ledger())[field][0]["component"] == expected


def test_null_acled_and_spans_are_null_not_missing() -> None:
    ledger = rich_ledger()
    event = dataclasses.replace(ledger.events[0], acled=None)
    claim = dataclasses.replace(ledger.claims[0], source_span=None, cue_span=None)
    d = ledger_to_dict(dataclasses.replace(ledger, events=(event,), claims=(claim, *ledger.claims[1:])))
    assert d["events"][0]["acled"] is None
    assert d["claims"][0]["source_span"] is None
    assert d["claims"][0]["cue_span"] is None


def test_origin_is_not_exported() -> None:
    ledger = rich_ledger()
    with_origin = dataclasses.replace(
        ledger, article=dataclasses.replace(ledger.article, origin="in.jsonl:3")
    )
    assert "origin" not in ledger_to_dict(with_origin)["article"]
    assert ledger_from_dict(ledger_to_dict(with_origin)) == ledger


def test_ledger_to_json_keeps_non_ascii_and_indents() -> None:
    ledger = dataclasses.replace(minimal_ledger(), article=Article("m", "Kaboul — Panjšír", "h"))
    out = ledger_to_json(ledger)
    assert "Kaboul — Panjšír" in out
    assert out.startswith('{\n  "article"')
    assert "\n" not in ledger_to_json(ledger, indent=None)


# --------------------------------------------------------------------------- round trip


@pytest.mark.parametrize("name", sorted(LEDGERS))
def test_round_trip_through_dict_and_json(name: str) -> None:
    ledger = LEDGERS[name]()
    assert ledger_from_dict(ledger_to_dict(ledger)) == ledger
    assert ledger_from_dict(json.loads(ledger_to_json(ledger))) == ledger


@pytest.mark.parametrize("name", sorted(LEDGERS))
def test_hand_built_ledgers_follow_the_schema(name: str) -> None:
    assert validate_ledger_dict(ledger_to_dict(LEDGERS[name]())) == []


_ids = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-:", min_size=1, max_size=5)
_strs = st.text(max_size=12)
_opt_strs = st.none() | _strs
_spans = st.tuples(st.integers(0, 10_000), st.integers(0, 10_000)).map(lambda t: Span(min(t), max(t)))
_coords = st.none() | st.floats(allow_nan=False, allow_infinity=False)
_tz = st.none() | st.integers(-23 * 60, 23 * 60).map(lambda m: dt.timezone(dt.timedelta(minutes=m)))
_published = st.none() | st.dates() | st.builds(lambda d, tz: d.replace(tzinfo=tz), st.datetimes(), _tz)
_tuple = lambda s: st.lists(s, max_size=3).map(tuple)  # noqa: E731

_actors = st.builds(
    Actor, _ids, _strs, _strs, _tuple(_spans), _tuple(_strs), st.none() | _ids, _opt_strs, _opt_strs, _strs
)
_places = st.builds(
    Place,
    *(_ids, _strs, _strs, _tuple(_spans), _opt_strs, _opt_strs, _opt_strs, _coords, _coords),
    st.none() | st.integers(0, 10**9),
    st.integers(1, 3),
    _strs,
)
_times = st.builds(TimeExpr, _ids, _strs, _spans, st.dates(), st.dates(), _strs, _strs, _strs)
_events = st.builds(
    Event,
    *(_ids, _strs, st.builds(Trigger, _strs, _spans), _spans, _opt_strs),
    st.none() | st.builds(AcledCode, _strs, _strs),
    *(st.none() | _ids, st.none() | _ids, _tuple(_ids), st.none() | _ids, st.none() | _ids),
    st.none() | st.integers(0, 10**6),
    *(st.booleans(), st.booleans(), _tuple(_ids), _strs),
)
_claims = st.builds(
    Claim,
    *(_ids, _strs, _strs, _spans, _spans, st.none() | _ids, st.none() | _ids, _opt_strs),
    *(st.none() | _spans, _opt_strs, st.none() | _spans, st.booleans(), _opt_strs, _opt_strs),
    st.none() | _ids,
    _tuple(_ids),
    _strs,
)
_ledgers = st.builds(
    ArticleLedger,
    st.builds(
        Article, _ids, st.text(max_size=60), _strs, _opt_strs, _opt_strs, _published, _opt_strs, _opt_strs
    ),
    _tuple(_actors),
    _tuple(_places),
    _tuple(_times),
    _tuple(_events),
    _tuple(_claims),
    _tuple(st.builds(Contradiction, _ids, _tuple(_ids), _strs, _tuple(_strs), _strs)),
    _tuple(st.builds(StageError, _strs, _strs)),
)


@given(_ledgers)
def test_round_trip_of_generated_ledgers(ledger: ArticleLedger) -> None:
    assert ledger_from_dict(ledger_to_dict(ledger)) == ledger
    assert ledger_from_dict(json.loads(ledger_to_json(ledger))) == ledger


# --------------------------------------------------------------------------- ledger_from_dict


def test_ledger_from_dict_fills_defaults_for_missing_optional_keys() -> None:
    d = ledger_to_dict(rich_ledger())
    for record in d["actors"]:
        del record["component"], record["aliases"], record["role"]
    del d["errors"], d["events"][0]["victims"], d["places"][0]["precision"]
    ledger = ledger_from_dict(d)
    assert ledger.actors[0].component == "actors"
    assert ledger.actors[0].aliases == ()
    assert ledger.events[0].victims == ()
    assert ledger.places[0].precision == 3
    assert ledger.errors == ()


def _set(path: tuple[str | int, ...], value: object) -> Callable[[dict[str, Any]], None]:
    def apply(d: dict[str, Any]) -> None:
        target: Any = d
        for key in path[:-1]:
            target = target[key]
        if value is _DELETE:
            del target[path[-1]]
        else:
            target[path[-1]] = value

    return apply


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("article", "text"), _DELETE, "article: missing key 'text'"),
        (("article", "published"), "6 Sept 2021", "article.published: expected an ISO date or datetime"),
        (("events", 0, "trigger"), _DELETE, "events[0]: missing key 'trigger'"),
        (("events", 0, "sentence"), [5], "events[0].sentence: expected a span"),
        (("events", 0, "sentence"), [9, 2], "events[0].sentence: expected a span with 0 <= start <= end"),
        (("events", 0, "fatalities"), "two", "events[0].fatalities: expected an integer"),
        (("events", 0, "negated"), "no", "events[0].negated: expected true or false"),
        (("claims", 1, "content"), ["1", "2"], "claims[1].content: expected a span"),
        (("actors", 0, "aliases"), "Rebels", "actors[0].aliases: expected a list"),
        (("actors", 0, "aliases"), [1], "actors[0].aliases: expected a list of strings"),
        (("places", 0, "lat"), "north", "places[0].lat: expected a number"),
        (("times", 0, "start"), "Sunday", "times[0].start: expected an ISO date"),
        (("events",), {"e1": {}}, "ledger.events: expected a list"),
        (("events", 0, "acled"), "Battles", "events[0].acled: expected an object"),
    ],
)
def test_ledger_from_dict_names_origin_and_path_of_a_bad_value(
    path: tuple[str | int, ...], value: object, message: str
) -> None:
    d = copy.deepcopy(ledger_to_dict(rich_ledger()))
    _set(path, value)(d)
    with pytest.raises(InputError, match=r"out\.jsonl:4") as info:
        ledger_from_dict(d, origin="out.jsonl:4")
    assert message in str(info.value)


def test_ledger_from_dict_rejects_a_non_object() -> None:
    with pytest.raises(InputError, match="ledger: expected an object, got list"):
        ledger_from_dict([])


# --------------------------------------------------------------------------- validate_ledger_dict


@pytest.mark.parametrize(
    ("path", "value", "problem"),
    [
        # broken references
        (("events", 0, "actor1"), "a9", "events[0].actor1: unknown actor id 'a9'"),
        (("events", 0, "actor2"), "p1", "events[0].actor2: unknown actor id 'p1'"),
        (("events", 0, "victims"), ["a4", "a8"], "events[0].victims[1]: unknown actor id 'a8'"),
        (("events", 0, "place"), "p2", "events[0].place: unknown place id 'p2'"),
        (("events", 0, "time"), "t9", "events[0].time: unknown time id 't9'"),
        (("events", 0, "claims"), ["c1", "c2", "c3", "c7"], "events[0].claims[3]: unknown claim id 'c7'"),
        (("claims", 0, "event"), "e5", "claims[0].event: unknown event id 'e5'"),
        (("claims", 0, "source"), "a6", "claims[0].source: unknown actor id 'a6'"),
        (("claims", 2, "time"), "t3", "claims[2].time: unknown time id 't3'"),
        (("contradictions", 0, "event"), "e2", "contradictions[0].event: unknown event id 'e2'"),
        (("contradictions", 0, "claims"), ["c1", "c4"], "contradictions[0].claims[1]: unknown claim id 'c4'"),
        (("actors", 1, "affiliation"), "a0", "actors[1].affiliation: unknown actor id 'a0'"),
        (
            ("actors", 1, "affiliation"),
            "a2",
            "cannot be affiliated with itself",
        ),
        (("times", 1, "anchor"), "t5", "times[1].anchor: unknown time id 't5'"),
        # enums
        (("actors", 0, "kind"), "militia", "actors[0].kind: 'militia' is not one of person"),
        (("places", 0, "kind"), "town", "places[0].kind: 'town' is not one of country"),
        (("times", 0, "granularity"), "hour", "times[0].granularity: 'hour' is not one of day"),
        (("claims", 0, "source_kind"), "anonymous", "claims[0].source_kind: 'anonymous' is not one of named"),
        (("claims", 0, "stance"), "doubt", "claims[0].stance: 'doubt' is not one of assert, deny"),
        (("events", 0, "type"), "ATTACK", "events[0].type: 'ATTACK' is not one of AGREE"),
        (("places", 0, "precision"), 4, "places[0].precision: 4 is not one of 1, 2, 3"),
        # spans and text
        (("events", 0, "sentence"), [0, len(TEXT) + 1], f"is outside the article text (length {len(TEXT)})"),
        (("actors", 0, "mentions"), [[-1, 3]], "actors[0].mentions[0]: span [-1, 3] is outside"),
        (("claims", 0, "content"), [7, 3], "claims[0].content: span [7, 3] is outside"),
        (("claims", 1, "cue_span"), [1, 2, 3], "claims[1].cue_span: expected a span [start, end]"),
        (
            ("events", 0, "trigger", "text"),
            "shot",
            "trigger.text: 'shot' is not the text at its span",
        ),
        (("times", 0, "text"), "Monday", "times[0].text: 'Monday' is not the text at its span"),
        # keys, types, values
        (("article", "content_hash"), _DELETE, "article: missing key 'content_hash'"),
        (("events", 0, "trigger"), _DELETE, "events[0]: missing key 'trigger'"),
        (("claims", 0, "component"), _DELETE, "claims[0]: missing key 'component'"),
        (("events", 0, "trigger"), {"text": "killed"}, "events[0].trigger: missing key 'span'"),
        (("events", 0, "acled"), {"event_type": "Battles"}, "events[0].acled: missing key 'sub_event_type'"),
        (("events", 0, "hedged"), 0, "events[0].hedged: expected bool"),
        (("events", 0, "fatalities"), -2, "events[0].fatalities: -2 is negative"),
        (("events", 0, "fatalities"), True, "events[0].fatalities: expected an integer"),
        (("article", "published"), "Monday", "article.published: expected an ISO date or datetime"),
        (("times", 0, "end"), "2021-09-04", "times[0]: start 2021-09-05 is after end 2021-09-04"),
        (("places", 0, "lat"), 123.0, "places[0].lat: 123.0 is outside [-90, 90]"),
        (("places", 0, "country"), "Syria", "places[0].country: 'Syria' is not an ISO 3166-1 alpha-2 code"),
        (("actors", 1, "id"), "a1", "actors[1].id: duplicate id 'a1'"),
        (("claims",), {}, "claims: expected a list, got dict"),
        (("errors", 0), {"stage": "geo"}, "errors[0]: missing key 'message'"),
        # consistency between records
        (
            ("contradictions", 0, "claims"),
            ["c1"],
            "contradictions[0].claims: a contradiction links",
        ),
        (("events", 0, "claims"), ["c1", "c2"], "claims[2].event: event 'e1' does not list claim 'c3'"),
        (("claims", 1, "event"), None, "events[0].claims[1]: claim 'c2' names event None"),
    ],
)
def test_validate_ledger_dict_reports_each_problem(
    path: tuple[str | int, ...], value: object, problem: str
) -> None:
    d = copy.deepcopy(ledger_to_dict(rich_ledger()))
    _set(path, value)(d)
    problems = validate_ledger_dict(d)
    assert any(problem in p for p in problems), problems


def test_validate_ledger_dict_reports_a_missing_section_and_a_non_object() -> None:
    d = ledger_to_dict(minimal_ledger())
    del d["contradictions"]
    assert validate_ledger_dict(d) == ["ledger: missing key 'contradictions'"]
    assert validate_ledger_dict("{}") == ["ledger: expected an object, got str"]


def test_validate_ledger_dict_reports_every_problem_not_just_the_first() -> None:
    d = ledger_to_dict(rich_ledger())
    d["events"][0]["actor1"] = "x1"
    d["events"][0]["place"] = "x2"
    d["claims"][0]["stance"] = "maybe"
    assert len(validate_ledger_dict(d)) == 3
