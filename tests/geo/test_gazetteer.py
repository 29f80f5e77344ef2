"""Gazetteer: indexes, lookup, disambiguation, loading (hand-made entries and the packaged file)."""

from __future__ import annotations

import gzip
import math
from pathlib import Path

import pytest

from claimledger.errors import GazetteerError
from claimledger.geo.gazetteer import COLUMNS, Gazetteer, load_gazetteer, parse_gazetteer
from tests.geo.helpers import SMALL_ENTRIES, entry, small_gazetteer


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2, dl = math.radians(lat1), math.radians(lat2), math.radians(lon2 - lon1)
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


# --------------------------------------------------------------------------- hand-made entries


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Kabul", [("admin1", "AF"), ("admin2", "AF"), ("city", "AF")]),
        ("kabul", [("admin1", "AF"), ("admin2", "AF"), ("city", "AF")]),
        ("  KABUL. ", [("admin1", "AF"), ("admin2", "AF"), ("city", "AF")]),
        ("Cabul", [("city", "AF")]),
        ("Panjshir province", [("admin1", "AF")]),
        ("province of Panjshir", [("admin1", "AF")]),
        ("Georgia", [("country", "GE"), ("admin1", "US")]),
        ("the United States", [("country", "US")]),
        ("U.S.", [("country", "US")]),
        ("Panjsher", [("admin1", "AF")]),  # romanisation variant of a division
        ("Nowhere", []),
        ("", []),
    ],
)
def test_lookup_table(name: str, expected: list[tuple[str, str]]) -> None:
    got = [(e.kind, e.country) for e in small_gazetteer().lookup(name)]
    assert got == expected


@pytest.mark.parametrize(
    ("name", "focus", "context", "kind", "country"),
    [
        ("Georgia", None, (), "country", "GE"),  # a country beats a division
        ("Georgia", "US", (), "admin1", "US"),  # ... unless the focus country holds the division
        ("Georgia", "us", (), "admin1", "US"),  # focus is case-insensitive
        ("Georgia", None, ("US",), "country", "GE"),  # a merely co-mentioned country is not enough
        ("Georgia", "GE", ("US",), "country", "GE"),
        ("Paris", None, (), "city", "FR"),  # same kind: population
        ("Paris", "FR", (), "city", "FR"),
        ("Paris", "US", (), "city", "US"),  # same kind: focus country first
        ("Paris", None, ("US",), "city", "FR"),  # a world city is not displaced by a co-mentioned town
        ("Lebanon", "US", (), "country", "LB"),  # a city never beats a country on focus alone
        ("Kabul", None, (), "city", "AF"),  # a division's seat city is what the bare name means
        ("Kabul province", None, (), "admin1", "AF"),  # the kind word decides
        ("Kabul district", None, (), "admin2", "AF"),
        ("Kabul city", None, (), "city", "AF"),
        ("Balkh", None, (), "admin1", "AF"),  # a same-named city that is not the seat does not
        ("Kiev", None, (), "city", "UA"),  # a city of millions beats its namesake division
        ("Panjshir", None, (), "admin1", "AF"),
        ("Panjsher", None, (), "admin1", "AF"),
    ],
)
def test_best_disambiguation(
    name: str, focus: str | None, context: tuple[str, ...], kind: str, country: str
) -> None:
    got = small_gazetteer().best(name, focus_country=focus, context_countries=context)
    assert got is not None
    assert (got.kind, got.country) == (kind, country)


@pytest.mark.parametrize(
    ("name", "how"),
    [
        ("Kabul", "name"),
        ("Cabul", "alternate"),
        ("Hameed", "alternate"),
        ("Panjsher", "variant"),
        ("U.S.", "name"),  # a country's alternate names are its own names
    ],
)
def test_resolve_reports_how_it_matched(name: str, how: str) -> None:
    m = small_gazetteer().resolve(name)
    assert m is not None and m.how == how


def test_resolve_without_variants_finds_no_variant() -> None:
    assert small_gazetteer().resolve("Panjsher", variants=False) is None


def test_best_of_unknown_name_is_none() -> None:
    assert small_gazetteer().best("Atlantis") is None


def test_country_by_code_and_name() -> None:
    gaz = small_gazetteer()
    af = gaz.country("af")
    assert af is not None and af.name == "Afghanistan" and af.geonames_id == 1149361
    assert gaz.country("ZZ") is None
    us = gaz.country_by_name("U.S.")
    assert us is not None and us.country == "US"
    assert gaz.country_by_name("Texas") is None  # an admin1, not a country
    ge = gaz.country_by_name("Georgia")
    assert ge is not None and ge.country == "GE"


def test_constructor_takes_any_iterable_and_counts_entries() -> None:
    gaz = Gazetteer(iter(SMALL_ENTRIES))
    assert len(gaz) == len(SMALL_ENTRIES)
    assert gaz.entries == SMALL_ENTRIES


def test_entry_without_latin_name_is_not_indexed_under_an_empty_key() -> None:
    gaz = Gazetteer([entry("Киев", "city", "UA", population=1)])
    assert gaz.lookup("") == []
    assert gaz.lookup("Киев") == []


# --------------------------------------------------------------------------- reading files


def _tsv(*rows: str) -> str:
    return "\t".join(COLUMNS) + "\n" + "".join(r + "\n" for r in rows)


GOOD_ROW = "1138958\tcity\tAF\tKabul\tKabul\tCabul|Kaboul\tKabul\tKabul\t34.5281\t69.1723\t4434550\tPPLC"


def test_load_gzip_file(tmp_path: Path) -> None:
    path = tmp_path / "g.tsv.gz"
    path.write_bytes(gzip.compress(_tsv(GOOD_ROW).encode()))
    gaz = load_gazetteer(path)
    (e,) = gaz.entries
    assert (e.name, e.kind, e.country, e.alternates, e.feature) == (
        "Kabul",
        "city",
        "AF",
        ("Cabul", "Kaboul"),
        "PPLC",
    )
    assert (e.lat, e.lon, e.population, e.geonames_id) == (34.5281, 69.1723, 4434550, 1138958)


def test_parse_fills_empty_optional_cells() -> None:
    (e,) = parse_gazetteer(_tsv("\tadmin1\tAF\tPanjshir\t\t\tPanjshir\t\t35.3\t69.5\t\t"))
    assert e.geonames_id is None
    assert e.ascii_name == "Panjshir"
    assert e.alternates == ()
    assert e.admin2 is None
    assert e.population == 0


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "header"),
        (_tsv().encode(), "no entries"),
        (b"name\tkind\n" + GOOD_ROW.encode(), "header"),
        (_tsv("1\tcity\tAF\tKabul").encode(), "expected 12 columns"),
        (_tsv(GOOD_ROW.replace("34.5281", "north")).encode(), "bad number"),
        (_tsv(GOOD_ROW.replace("\tcity\t", "\tvillage\t")).encode(), "bad kind"),
        (b"\x1f\x8b\x08\x00garbage", "not a gzip"),
        ("\t".join(COLUMNS).encode("utf-16"), "not a gzip UTF-8"),
    ],
)
def test_malformed_file_raises_gazetteer_error(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.tsv.gz"
    path.write_bytes(content)
    with pytest.raises(GazetteerError) as info:
        load_gazetteer(path)
    assert str(path) in str(info.value)
    assert reason in str(info.value)
    assert info.value.code == "E020"


def test_missing_file_raises_gazetteer_error(tmp_path: Path) -> None:
    path = tmp_path / "absent.tsv.gz"
    with pytest.raises(GazetteerError, match=r"absent\.tsv\.gz: cannot read"):
        load_gazetteer(path)


# --------------------------------------------------------------------------- the packaged file


def test_packaged_file_loads() -> None:
    # load time is a benchmark matter (bench/), not a timed test
    assert len(load_gazetteer()) > 60_000


@pytest.mark.parametrize(
    ("name", "focus", "kind", "country", "near", "within_km"),
    [
        ("Kabul", None, "city", "AF", (34.53, 69.17), 25),
        ("Kabul", "AF", "city", "AF", (34.53, 69.17), 25),
        ("Panjshir", None, "admin1", "AF", (35.4, 69.7), 60),
        ("Panjshir province", None, "admin1", "AF", (35.4, 69.7), 60),
        ("Panjsher", None, "admin1", "AF", (35.4, 69.7), 60),
        ("Panjsher province", "AF", "admin1", "AF", (35.4, 69.7), 60),
        ("Helmand", None, "admin1", "AF", (31.6, 64.4), 150),  # dr5hn's point is in the US; replaced
        ("Paris", "FR", "city", "FR", (48.85, 2.35), 25),
        ("Paris", "US", "city", "US", (33.66, -95.56), 25),
        ("Paris", None, "city", "FR", (48.85, 2.35), 25),
        ("Georgia", None, "country", "GE", (42.0, 43.5), 300),
        ("Georgia", "US", "admin1", "US", (32.7, -83.4), 300),
        ("Afghanistan", None, "country", "AF", (33.9, 67.7), 500),
        ("Pakistan", None, "country", "PK", (30.4, 69.3), 500),
        ("Russia", None, "country", "RU", (61.5, 105.3), 1500),
        ("U.S.", None, "country", "US", (39.8, -98.6), 1000),
        ("Mazar-i-Sharif", None, "city", "AF", (36.71, 67.11), 25),
        ("Kandahar", None, "city", "AF", (31.61, 65.71), 25),
    ],
)
def test_packaged_best(
    packaged_gazetteer: Gazetteer,
    name: str,
    focus: str | None,
    kind: str,
    country: str,
    near: tuple[float, float],
    within_km: float,
) -> None:
    got = packaged_gazetteer.best(name, focus_country=focus)
    assert got is not None, name
    assert (got.kind, got.country) == (kind, country)
    assert km(got.lat, got.lon, *near) <= within_km


@pytest.mark.parametrize("demonym", ["Pakistani", "Afghan", "Afghans", "Russian", "Islamist"])
def test_packaged_has_no_demonyms(packaged_gazetteer: Gazetteer, demonym: str) -> None:
    assert packaged_gazetteer.lookup(demonym) == []


@pytest.mark.parametrize(
    ("iso", "name"), [("AF", "Afghanistan"), ("pk", "Pakistan"), ("GB", "United Kingdom")]
)
def test_packaged_country_by_code(packaged_gazetteer: Gazetteer, iso: str, name: str) -> None:
    got = packaged_gazetteer.country(iso)
    assert got is not None and got.name == name and got.kind == "country"


@pytest.mark.parametrize(
    ("name", "iso"),
    [("Britain", "GB"), ("USA", "US"), ("Burma", "MM"), ("Ivory Coast", "CI"), ("the Netherlands", "NL")],
)
def test_packaged_country_by_name(packaged_gazetteer: Gazetteer, name: str, iso: str) -> None:
    got = packaged_gazetteer.country_by_name(name)
    assert got is not None and got.country == iso


def test_packaged_entries_are_well_formed(packaged_gazetteer: Gazetteer) -> None:
    kinds = {"country", "admin1", "admin2", "city"}
    for e in packaged_gazetteer.entries:
        assert e.kind in kinds
        assert -90 <= e.lat <= 90 and -180 <= e.lon <= 180, e
        assert len(e.country) == 2 and e.country.isupper(), e
    counts = {k: sum(e.kind == k for e in packaged_gazetteer.entries) for k in kinds}
    assert counts["country"] >= 240
    assert counts["admin1"] >= 3000
    assert counts["city"] >= 30_000


# --------------------------------------------------------------------------- capitals, regions, fuzzy

_GRID_COUNTRY = (
    entry("Gridland", "country", "GL", population=1_000_000, lat=30.0, lon=60.0),
    *(
        entry(f"Div{n}", "admin1", "GL", lat=30.0 + dy, lon=60.0 + dx)
        for n, (dy, dx) in enumerate((dy, dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1))
    ),
    entry("Tarin Kot", "admin2", "GL", admin1="Div0", lat=29.0, lon=59.0),
    entry("Gridtown", "city", "GL", admin1="Div4", population=50_000, feature="PPLC", lat=30.0, lon=60.0),
)


def test_capital_is_the_pplc_city() -> None:
    gaz = Gazetteer(_GRID_COUNTRY)
    capital = gaz.capital("gl")
    assert capital is not None and capital.name == "Gridtown"
    assert small_gazetteer().capital("AF") is not None
    assert gaz.capital("AF") is None


def test_region_is_a_synthetic_entry_in_that_part_of_the_country() -> None:
    gaz = Gazetteer(_GRID_COUNTRY)
    south = gaz.region("GL", "south")
    assert south is not None
    assert (south.name, south.kind, south.country, south.geonames_id) == (
        "southern Gridland",
        "region",
        "GL",
        None,
    )
    assert (south.lat, south.lon) == pytest.approx((29.0, 60.0), abs=0.01)
    assert gaz.region("GL", "south") is south  # built once
    assert gaz.region("XX", "south") is None  # unknown country
    assert gaz.region("GL", "upwards") is None


@pytest.mark.parametrize(
    ("focus", "context", "expected"),
    [
        ("GL", (), "Tarin Kot"),  # a close spelling in the focus country
        (None, ("GL",), "Tarin Kot"),  # ... or in a co-mentioned one
        (None, (), None),  # not without a country to look in
        ("AF", (), None),  # nor in another country
    ],
)
def test_fuzzy_match_only_within_the_article_countries(
    focus: str | None, context: tuple[str, ...], expected: str | None
) -> None:
    m = Gazetteer(_GRID_COUNTRY).resolve("Trinkot", focus, context)
    assert (m.entry.name if m else None) == expected
    if m is not None:
        assert m.how == "fuzzy"


def test_fuzzy_needs_five_letters_and_the_same_first_letter() -> None:
    gaz = Gazetteer(_GRID_COUNTRY)
    assert gaz.resolve("Trin", "GL") is None
    assert gaz.resolve("Darinkot", "GL") is None
    assert gaz.resolve("Trinkot", "GL", variants=False) is None


@pytest.mark.parametrize(
    ("name", "focus", "expected", "kind"),
    [
        ("Maidan Wardak", None, "Vardak", "admin1"),  # the division's name without "Province"
        ("Wardak", "AF", "Vardak", "admin1"),  # romanisation variant
        ("Panjsher", "AF", "Panjshir", "admin1"),
        ("Kondoz", "AF", "Kunduz", "city"),
        ("Trinkot", "AF", "Tarīn Kōṯ", "admin2"),  # close spelling of a district placed by its towns
        ("Sangin district", "AF", "Sangīn", "admin2"),
    ],
)
def test_packaged_variant_spellings(
    packaged_gazetteer: Gazetteer, name: str, focus: str | None, expected: str, kind: str
) -> None:
    m = packaged_gazetteer.resolve(name, focus)
    assert m is not None
    assert (m.entry.name, m.entry.kind, m.entry.country) == (expected, kind, "AF")


def test_packaged_capital_and_region(packaged_gazetteer: Gazetteer) -> None:
    capital = packaged_gazetteer.capital("SV")
    assert capital is not None and capital.name == "San Salvador"
    south = packaged_gazetteer.region("AF", "south")
    north = packaged_gazetteer.region("AF", "north")
    assert south is not None and north is not None
    assert south.name == "southern Afghanistan"
    assert 29.0 < south.lat < north.lat < 38.5 and 60.5 < south.lon < 75.0
