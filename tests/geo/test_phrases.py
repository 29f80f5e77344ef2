"""phrases: compass parts of countries and references back to places, found in hand-built parses."""

from __future__ import annotations

import pytest

from claimledger.geo.phrases import Reference, RegionPhrase, find_references, find_regions
from tests.geo.helpers import build_view

DEMONYMS = {"Afghan": "AF", "Salvadoran": "SV"}


def demonym(word: str) -> str | None:
    return DEMONYMS.get(word)


def regions(
    words: list[str], countries: dict[int, tuple[int, str]], taken: set[int] | None = None
) -> list[RegionPhrase]:
    view = build_view(words)
    return find_regions(view, countries.get, demonym, taken if taken is not None else set())


@pytest.mark.parametrize(
    ("words", "countries", "expected"),
    [
        # a direction adjective (or abbreviation) before a country's name
        (
            ["fighting", "in", "southern", "Afghanistan", "."],
            {3: (4, "AF")},
            [RegionPhrase(2, 4, "south", "AF")],
        ),
        (["clashes", "in", "S.", "Afghanistan", "."], {3: (4, "AF")}, [RegionPhrase(2, 4, "south", "AF")]),
        (
            ["in", "north", "-", "western", "Afghanistan"],
            {4: (5, "AF")},
            [RegionPhrase(1, 5, "northwest", "AF")],
        ),
        # a demonym or a country's possessive before a direction noun
        (["clash", "in", "Afghan", "south", "."], {}, [RegionPhrase(2, 4, "south", "AF")]),
        (["in", "Afghanistan", "'s", "east", "."], {1: (2, "AF")}, [RegionPhrase(1, 4, "east", "AF")]),
        # a part noun: the country is the demonym's, or (None) the article's focus
        (["in", "an", "eastern", "province", "."], {}, [RegionPhrase(2, 4, "east", None)]),
        (["in", "Afghan", "southern", "province"], {}, [RegionPhrase(1, 4, "south", "AF")]),
        (["southern", "Afghan", "provinces", "."], {}, [RegionPhrase(0, 3, "south", "AF")]),
        # a bare direction noun after "the", a possessive or a preposition
        (["in", "the", "country", "'s", "east", "."], {}, [RegionPhrase(4, 5, "east", None)]),
        (["killed", "in", "south", "."], {}, [RegionPhrase(2, 3, "south", None)]),
        # not regions: a named place follows ("north of X", "city of X"), or a direction that is no part
        (["north", "of", "Kabul"], {}, []),
        (["southern", "Afghan", "city", "of", "Kandahar"], {}, []),
        (["they", "moved", "south", "."], {}, []),
        (["S.", "Smith", "said"], {}, []),  # an initial, not a direction
    ],
)
def test_find_regions(
    words: list[str], countries: dict[int, tuple[int, str]], expected: list[RegionPhrase]
) -> None:
    assert regions(words, countries) == expected


def test_find_regions_leaves_other_place_names_alone() -> None:
    # "Northern Province" resolved as a name: its tokens are taken
    assert regions(["in", "Northern", "Province"], {}, taken={1, 2}) == []


@pytest.mark.parametrize(
    ("words", "pos_of", "expected"),
    [
        (["across", "the", "valley", "."], {}, [Reference(1, 3, "valley")]),
        (["the", "mountainous", "region", "."], {1: "ADJ"}, [Reference(0, 3, "region")]),
        (["in", "this", "capital", "."], {}, [Reference(1, 3, "capital")]),
        (["the", "Salvadoran", "capital", "."], {}, [Reference(0, 3, "capital", "SV")]),
        (["the", "province", "."], {}, [Reference(0, 2, "province")]),
        # the name is the place: "the province of X", "the capital Kabul"
        (["the", "province", "of", "Panjshir"], {}, []),
        (["the", "capital", "Kabul"], {}, []),
        # a noun that is not a kind of place, or a non-adjective in between
        (["the", "fighters", "."], {}, []),
        (["the", "rebels", "region"], {1: "NOUN"}, []),
    ],
)
def test_find_references(words: list[str], pos_of: dict[int, str], expected: list[Reference]) -> None:
    view = build_view(words, pos_of=pos_of)
    assert find_references(view, demonym, set()) == expected
