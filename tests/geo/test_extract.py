"""extract_places(): candidates, filters, focus country, merging, ids and the token map."""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from claimledger.geo.extract import extract_places
from claimledger.geo.gazetteer import Gazetteer
from claimledger.lexicon import load_demonyms
from claimledger.nlp.convert import doc_to_parse
from claimledger.syntax import ParseView
from claimledger.types import Place
from tests.geo.helpers import build_view, small_gazetteer

if TYPE_CHECKING:
    from spacy.language import Language

FOUNDING = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "000_026596cb75424136.txt"


def places_of(
    words: list[str], ents: list[tuple[int, int, str]], gaz: Gazetteer | None = None
) -> list[Place]:
    view = build_view(words, ents)
    places, _ = extract_places(view, gaz or small_gazetteer(), "")
    return list(places)


def summary(places: list[Place]) -> list[tuple[str, str, str | None]]:
    return [(p.name, p.kind, p.country) for p in places]


def test_possessive_country_and_province_entity() -> None:
    words = ["Fighting", "in", "Afghanistan", "'s", "Panjshir", "province", "."]
    view = build_view(words, [(2, 3, "GPE"), (4, 6, "GPE")])
    places, token_place = extract_places(view, small_gazetteer(), "a1-")
    assert summary(list(places)) == [("Afghanistan", "country", "AF"), ("Panjshir", "admin1", "AF")]
    afg, panj = places
    assert (afg.id, panj.id) == ("a1-p1", "a1-p2")
    assert [m.text(view.text) for m in afg.mentions] == ["Afghanistan"]
    assert [m.text(view.text) for m in panj.mentions] == ["Panjshir province"]
    assert token_place == {2: "a1-p1", 4: "a1-p2", 5: "a1-p2"}  # not the "'s"
    assert (panj.lat, panj.lon, panj.geonames_id, panj.admin1) == (35.31, 69.52, 6957555, "Panjshir")
    assert (afg.precision, panj.precision) == (3, 3)
    assert {afg.component, panj.component} == {"geo"}


def test_mentions_of_one_place_merge_and_ids_follow_first_mention() -> None:
    words = ["Kabul", "fell", ".", "Panjshir", "held", ".", "Kabul", "celebrated", "."]
    places, token_place = extract_places(
        build_view(words, [(0, 1, "GPE"), (3, 4, "LOC"), (6, 7, "GPE")]), small_gazetteer(), ""
    )
    assert [(p.id, p.name, len(p.mentions)) for p in places] == [("p1", "Kabul", 2), ("p2", "Panjshir", 1)]
    kabul = places[0]
    assert (kabul.kind, kabul.precision, kabul.lat, kabul.lon) == ("city", 1, 34.53, 69.17)
    assert token_place == {0: "p1", 3: "p2", 6: "p1"}


@pytest.mark.parametrize(
    ("words", "ents", "expected"),
    [
        # spaCy's small model tags provinces as ORG: a whole-entity match makes them places
        (["Fighters", "in", "Panjshir", "resisted", "."], [(2, 3, "ORG")], [("Panjshir", "admin1", "AF")]),
        # ... but not when an organisation word follows or is inside
        (["The", "Panjshir", "Front", "resisted", "."], [(1, 2, "ORG")], []),
        (["The", "Haqqani", "Network", "attacked", "."], [(1, 3, "ORG")], []),
        (["The", "Haqqani", "Network", "attacked", "."], [(1, 3, "PERSON")], []),
        (["The", "Pakistan", "Army", "denied", "it", "."], [(1, 2, "GPE")], []),
        # a demonym is an actor, not a place
        (["Pakistani", "drones", "struck", "."], [(0, 1, "NORP")], []),
        # an ORG entity matching only a city's alternate name is not a place
        (["Hameed", "visited", "."], [(0, 1, "ORG")], []),
        # a country named by an ORG/NORP entity is
        (["Pakistan", "denied", "it", "."], [(0, 1, "NORP")], [("Pakistan", "country", "PK")]),
        # a possessive country before an organisation stays a place
        (["Pakistan", "'s", "Intelligence", "agency", "."], [(0, 1, "GPE")], [("Pakistan", "country", "PK")]),
    ],
)
def test_candidate_filters(
    words: list[str], ents: list[tuple[int, int, str]], expected: list[tuple[str, str, str | None]]
) -> None:
    assert summary(places_of(words, ents)) == expected


def test_person_tokens_never_become_places() -> None:
    # "Kabul" is a city, but here it is part of a person's name; "Kabul" alone later is a surname.
    words = ["Mohammad", "Kabul", "met", "Faiz", "Hameed", ".", "Kabul", "said", "Hameed", "left", "."]
    ents = [(0, 2, "PERSON"), (3, 5, "PERSON"), (6, 7, "PERSON"), (8, 9, "ORG")]
    places, token_place = extract_places(build_view(words, ents), small_gazetteer(), "")
    assert places == ()
    assert token_place == {}


def test_kind_word_patterns_resolve_and_unresolved_ones_are_kept() -> None:
    words = ["Clashes", "in", "Rukha", "district", "and", "the", "province", "of", "Kandahar", "."]
    places = places_of(words, [(8, 9, "GPE")])
    assert [(p.name, p.kind, p.country, p.lat, p.precision) for p in places] == [
        ("Rukha district", "admin2", None, None, 2),  # not in the gazetteer: kept, unresolved
        ("Kandahar province", "admin1", None, None, 3),
    ]


@pytest.mark.parametrize(
    ("words", "ents"),
    [
        # an organisation's name that contains a kind word is not a place
        (["The", "Rukha", "District", "Council", "met", "."], []),
        # nor is an organisation's name before a kind word, unless the pair resolves
        (["The", "Taliban", "district", "chief", "spoke", "."], [(1, 2, "ORG")]),
    ],
)
def test_kind_word_patterns_skip_organisations(words: list[str], ents: list[tuple[int, int, str]]) -> None:
    assert places_of(words, ents) == []


def test_kind_word_pattern_over_an_org_entity_that_resolves() -> None:
    (p,) = places_of(["Fighting", "in", "Panjshir", "province", "."], [(2, 3, "ORG")])
    assert (p.name, p.kind, p.country) == ("Panjshir", "admin1", "AF")
    assert len(p.mentions) == 1


def test_kind_word_pattern_resolves_against_gazetteer() -> None:
    words = ["Troops", "left", "Kabul", "province", "."]
    (p,) = places_of(words, [])
    assert (p.name, p.kind, p.country, p.precision) == ("Kabul", "admin1", "AF", 3)


def test_unresolved_place_entities_keep_their_text() -> None:
    words = ["Ships", "crossed", "the", "Red", "Sea", "near", "Atlantis", "."]
    places = places_of(words, [(2, 5, "LOC"), (6, 7, "GPE")])
    assert summary(places) == [("Red Sea", "region", None), ("Atlantis", "unknown", None)]
    assert all(p.lat is None and p.geonames_id is None for p in places)


def test_focus_country_decides_an_ambiguous_city() -> None:
    # The United States is mentioned most: "Paris" is the Texan one.
    words = [
        "In",
        "the",
        "United",
        "States",
        ",",
        "Texas",
        "and",
        "U.S.",
        "officials",
        "visited",
        "Paris",
        ".",
    ]
    places = places_of(words, [(1, 4, "GPE"), (5, 6, "GPE"), (7, 8, "GPE"), (10, 11, "GPE")])
    assert summary(places) == [
        ("United States", "country", "US"),
        ("Texas", "admin1", "US"),
        ("Paris", "city", "US"),
    ]
    assert len(places[0].mentions) == 2


def test_without_focus_the_populous_city_wins() -> None:
    places = places_of(["Officials", "visited", "Paris", "."], [(2, 3, "GPE")])
    assert summary(places) == [("Paris", "city", "FR")]


def test_place_comma_container_reads_the_pair_together() -> None:
    words = ["A", "shooting", "in", "Paris", ",", "Texas", "and", "Lebanon", "."]
    places = places_of(words, [(3, 4, "GPE"), (5, 6, "GPE"), (7, 8, "GPE")])
    assert summary(places) == [
        ("Paris", "city", "US"),
        ("Texas", "admin1", "US"),
        ("Lebanon", "country", "LB"),
    ]


@pytest.mark.parametrize(
    ("words", "ents", "expected"),
    [
        # a romanisation variant is trusted inside a country the article names ...
        (
            ["Afghanistan", "lost", "Panjsher", "."],
            [(0, 1, "GPE"), (2, 3, "GPE")],
            [("Afghanistan", "country", "AF"), ("Panjshir", "admin1", "AF")],
        ),
        # ... and left unresolved elsewhere
        (
            ["France", "watched", "Panjsher", "."],
            [(0, 1, "GPE"), (2, 3, "GPE")],
            [("France", "country", "FR"), ("Panjsher", "unknown", None)],
        ),
    ],
)
def test_variants_need_a_country_context(
    words: list[str], ents: list[tuple[int, int, str]], expected: list[tuple[str, str, str | None]]
) -> None:
    assert summary(places_of(words, ents)) == expected


def test_no_entities_no_places() -> None:
    places, token_place = extract_places(build_view(["Nothing", "happened", "."]), small_gazetteer(), "")
    assert (places, token_place) == ((), {})


# --------------------------------------------------------------------------- the founding article


Founding = tuple[ParseView, tuple[Place, ...], dict[int, str]]


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


@pytest.fixture(scope="module")
def founding_places(nlp: Language, packaged_gazetteer: Gazetteer) -> Founding:
    if not FOUNDING.exists():
        pytest.fail(f"the founding article is missing: {FOUNDING}")
    text = FOUNDING.read_text(encoding="utf-8")
    view = ParseView(doc_to_parse(nlp(text)))
    demonyms = load_demonyms()
    places, token_place = extract_places(view, packaged_gazetteer, "", demonyms=demonyms.lookup)
    return view, places, token_place


@pytest.mark.model
def test_founding_article_places(founding_places: Founding) -> None:
    view, places, _ = founding_places
    text = view.text
    by_name = {p.name: p for p in places}
    assert set(by_name) == {"Afghanistan", "Panjshir", "Pakistan", "Kabul", "Russia"}
    panj, kabul = by_name["Panjshir"], by_name["Kabul"]
    assert (panj.kind, panj.country, panj.precision) == ("admin1", "AF", 3)
    assert panj.lat is not None and panj.lon is not None
    assert _km(panj.lat, panj.lon, 35.4, 69.7) <= 60
    assert (kabul.kind, kabul.country, kabul.precision) == ("city", "AF", 1)
    assert kabul.lat is not None and kabul.lon is not None
    assert _km(kabul.lat, kabul.lon, 34.53, 69.17) <= 25
    for name, iso in [("Afghanistan", "AF"), ("Pakistan", "PK"), ("Russia", "RU")]:
        assert (by_name[name].kind, by_name[name].country) == ("country", iso)
    # every Panjshir mention merged into one place, "Panjshir province" spans included
    panj_texts = [m.text(text) for m in panj.mentions]
    assert panj_texts.count("Panjshir province") == 3
    assert len(panj_texts) >= 8
    assert [p.id for p in places] == [f"p{n}" for n in range(1, len(places) + 1)]


@pytest.mark.model
def test_founding_article_no_place_from_demonym_or_person(founding_places: Founding) -> None:
    view, places, _ = founding_places
    text = view.text
    mentioned = {m.text(text) for p in places for m in p.mentions}
    assert "Pakistani" not in mentioned
    for person in ("Ahmad Shah Massoud", "Ahmad Massoud", "Amrullah Saleh", "Faiz Hameed"):
        start = text.index(person)
        assert not any(m.start < start + len(person) and start < m.end for p in places for m in p.mentions)


@pytest.mark.model
def test_founding_article_token_map_covers_exactly_the_mentions(founding_places: Founding) -> None:
    view, places, token_place = founding_places
    expected = {i: p.id for p in places for m in p.mentions for i in view.tokens_in(m)}
    assert token_place == expected


@pytest.mark.model
def test_founding_article_valley_and_region_are_panjshir(founding_places: Founding) -> None:
    view, places, _ = founding_places
    panj = next(p for p in places if p.name == "Panjshir")
    texts = [m.text(view.text) for m in panj.mentions]
    # "the mountainous region", "in the region" (twice) and "across the valley" stand for Panjshir
    assert "the valley" in texts
    assert "the mountainous region" in texts
    assert texts.count("the region") == 2
    # "the capital Kabul" names Kabul itself; "the country" is Afghanistan
    afg = next(p for p in places if p.name == "Afghanistan")
    assert "the country" in [m.text(view.text) for m in afg.mentions]
