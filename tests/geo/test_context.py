"""context (through extract_places): regions, references, generic and foreign names, demonyms."""

from __future__ import annotations

import pytest

from claimledger.geo.extract import extract_places
from claimledger.geo.gazetteer import Gazetteer
from claimledger.types import Place
from tests.geo.helpers import SMALL_ENTRIES, build_view, entry

ENTRIES = (
    *SMALL_ENTRIES,
    entry("Ghana", "country", "GH", population=30_000_000),
    entry("Eastern Region", "admin1", "GH", lat=6.5, lon=-0.5),
    entry("San Fernando", "city", "US", admin1="California", population=24_000, feature="PPL"),
    entry("Helmand", "admin1", "AF", lat=31.6, lon=64.4),
    entry("Kandahar", "admin1", "AF", lat=31.6, lon=65.7),
)
DEMONYMS = {"Afghan": ("AF",), "Afghans": ("AF",), "Pakistani": ("PK",), "Congolese": ("CD", "CG")}


def demonyms(word: str) -> tuple[str, ...]:
    return DEMONYMS.get(word, ())


def run(
    words: list[str],
    ents: list[tuple[int, int, str]],
    arcs: dict[int, tuple[int, str]] | None = None,
    pos_of: dict[int, str] | None = None,
) -> tuple[list[Place], dict[int, str], str]:
    view = build_view(words, ents, arcs, pos_of)
    places, token_place = extract_places(view, Gazetteer(ENTRIES), "", demonyms=demonyms)
    return list(places), token_place, view.text


def names(places: list[Place]) -> list[tuple[str, str, str | None]]:
    return [(p.name, p.kind, p.country) for p in places]


def test_region_of_a_named_country_replaces_the_country_mention() -> None:
    places, token_place, text = run(["Clashes", "in", "southern", "Afghanistan", "."], [(3, 4, "GPE")])
    assert names(places) == [("southern Afghanistan", "region", "AF")]
    (region,) = places
    assert [m.text(text) for m in region.mentions] == ["southern Afghanistan"]
    assert (region.precision, region.component) == (3, "geo")
    assert region.lat is not None and region.lon is not None
    assert token_place == {2: "p1", 3: "p1"}


def test_region_of_the_focus_country_and_of_a_demonym() -> None:
    words = ["Fighting", "in", "Kabul", ";", "police", "killed", "in", "an", "eastern", "province", "."]
    places, _, _ = run(words, [(2, 3, "GPE")])
    assert names(places) == [("Kabul", "city", "AF"), ("eastern Afghanistan", "region", "AF")]
    places, _, _ = run(["Soldiers", "killed", "in", "Afghan", "south", "."], [(3, 4, "NORP")])
    assert names(places) == [("southern Afghanistan", "region", "AF")]


@pytest.mark.parametrize(
    ("words", "ents", "pos_of", "place", "mentions"),
    [
        # "the valley" and "the mountainous region" join the latest fitting place before them
        (
            ["Panjshir", "fell", ".", "Fighters", "remain", "across", "the", "valley", "."],
            [(0, 1, "GPE")],
            {},
            "Panjshir",
            ["Panjshir", "the valley"],
        ),
        (
            ["Panjshir", "fell", ";", "the", "mountainous", "region", "held", "."],
            [(0, 1, "GPE")],
            {4: "ADJ"},
            "Panjshir",
            ["Panjshir", "the mountainous region"],
        ),
        # "this capital": the focus country's capital city
        (
            ["Afghanistan", "mourned", ";", "a", "bomb", "hit", "this", "capital", "."],
            [(0, 1, "GPE")],
            {},
            "Kabul",
            ["this capital"],
        ),
    ],
)
def test_references_join_the_place_they_stand_for(
    words: list[str],
    ents: list[tuple[int, int, str]],
    pos_of: dict[int, str],
    place: str,
    mentions: list[str],
) -> None:
    places, _, text = run(words, ents, pos_of=pos_of)
    by_name = {p.name: p for p in places}
    assert [m.text(text) for m in by_name[place].mentions] == mentions


def test_a_reference_with_nothing_to_refer_to_is_no_place() -> None:
    places, _, _ = run(["Fighters", "remain", "across", "the", "valley", "."], [])
    assert places == []


@pytest.mark.parametrize(
    ("words", "ents", "expected"),
    [
        # a generic division name abroad is not read abroad (Ghana's Eastern Region in an Afghan
        # story): it is the eastern part of the story's country
        (
            ["Kabul", "and", "the", "Eastern", "Region", "."],
            [(0, 1, "GPE"), (3, 5, "LOC")],
            [("Kabul", "city", "AF"), ("eastern Afghanistan", "region", "AF")],
        ),
        # ... but it is in a story about that country
        (
            ["Ghana", "'s", "Eastern", "Region", "."],
            [(0, 1, "GPE"), (2, 4, "LOC")],
            [("Ghana", "country", "GH"), ("Eastern Region", "admin1", "GH")],
        ),
        # a small foreign town sharing a name with a place in the story stays unresolved
        (
            ["Afghanistan", ":", "clashes", "in", "San", "Fernando", "."],
            [(0, 1, "GPE"), (4, 6, "GPE")],
            [("Afghanistan", "country", "AF"), ("San Fernando", "unknown", None)],
        ),
        # a direction before a place's name (one entity) is a part of that place
        (["Blast", "in", "Northern", "Kabul", "."], [(2, 4, "GPE")], [("Kabul", "city", "AF")]),
        (["Blast", "North", "of", "Kabul", "."], [(1, 4, "LOC")], [("Kabul", "city", "AF")]),
        # unresolved junk: lower-case, a lone direction, a one-word facility, a demonym
        (
            ["Kabul", ":", "la", "West", "Highway", "Afghan", "."],
            [(0, 1, "GPE"), (2, 3, "GPE"), (3, 4, "LOC"), (4, 5, "FAC"), (5, 6, "GPE")],
            [("Kabul", "city", "AF")],
        ),
    ],
)
def test_names_the_context_unmakes(
    words: list[str], ents: list[tuple[int, int, str]], expected: list[tuple[str, str, str | None]]
) -> None:
    places, _, _ = run(words, ents)
    assert names(places) == expected


def test_a_country_as_a_noun_modifier_is_whose_not_where() -> None:
    # "U.S. troops killed in Afghanistan": U.S. modifies "troops"
    words = ["U.S.", "troops", "killed", "in", "Afghanistan", "."]
    places, _, _ = run(words, [(0, 1, "GPE"), (4, 5, "GPE")], arcs={0: (1, "compound"), 1: (2, "nsubjpass")})
    assert names(places) == [("Afghanistan", "country", "AF")]
    # ... but "near the Pakistan border" is a place
    words = ["near", "the", "Pakistan", "border", "."]
    places, _, _ = run(words, [(2, 3, "GPE")], arcs={2: (3, "compound")})
    assert names(places) == [("Pakistan", "country", "PK")]


def test_demonyms_alone_give_the_country_but_no_token() -> None:
    words = ["Afghan", "police", "killed", "in", "clash", "."]
    places, token_place, text = run(words, [(0, 1, "NORP")])
    assert names(places) == [("Afghanistan", "country", "AF")]
    assert [m.text(text) for m in places[0].mentions] == ["Afghan"]
    assert places[0].component == "geo.demonym"
    assert token_place == {}  # "Afghan" stays an actor's affiliation
    # an ambiguous demonym names no country
    places, _, _ = run(["Congolese", "troops", "advanced", "."], [(0, 1, "NORP")])
    assert places == []


def test_without_demonyms_the_old_behaviour_holds() -> None:
    view = build_view(["Afghan", "police", "killed", "."], [(0, 1, "NORP")])
    places, _ = extract_places(view, Gazetteer(ENTRIES), "")
    assert places == ()
