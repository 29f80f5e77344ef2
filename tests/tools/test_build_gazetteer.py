"""tools/build_gazetteer.py on a tiny hand-made copy of the shared extracts."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from claimledger.geo.gazetteer import GazEntry, Gazetteer, parse_gazetteer

SCRIPT = Path(__file__).resolve().parents[2] / "tools" / "build_gazetteer.py"


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_gazetteer", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def _write(path: Path, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def _tab(*cells: object) -> str:
    return "\t".join(str(c) for c in cells)


# (geonameid, name, ascii name, alternates, lat, lon, feature code, country, admin1 code, admin2 code, pop.)
CityRow = tuple[int, str, str, str, float, float, str, str, str, str, int]
CITIES: list[CityRow] = [
    (
        1138958,
        "Kabul",
        "Kabul",
        "KBL,Cabul,Kaboul,كابل,kabwl,Kabul 2",
        34.528,
        69.172,
        "PPLC",
        "AF",
        "13",
        "",
        4434550,
    ),
    (1131316, "Paghmān", "Paghman", "Pagman", 34.5879, 68.9509, "PPLA2", "AF", "13", "108", 49157),
    (1429434, "Bāzārak", "Bazarak", "", 35.31292, 69.51519, "PPLA", "AF", "42", "", 65000),
    (1135689, "Kunduz", "Kunduz", "Kondoz", 36.72896, 68.857, "PPLA", "AF", "24", "", 259809),
    (4180439, "Atlanta", "Atlanta", "", 33.749, -84.38798, "PPLA", "US", "GA", "", 498715),
    (9999999, "Oldtown", "Oldtown", "", 34.0, 69.0, "PPLH", "AF", "13", "", 20000),  # historical: dropped
]


def _city(row: CityRow) -> str:
    gid, name, ascii_name, alts, lat, lon, feat, cc, a1, a2, pop = row
    tail = ("", "", pop, "", 1800, "Asia/Kabul", "2024-01-01")
    return _tab(gid, name, ascii_name, alts, lat, lon, "P", feat, cc, "", a1, a2, *tail)


def _country_info(iso: str, name: str, population: int, geonameid: int) -> str:
    return _tab(iso, "", "", "", name, "", 0, population, "", "", "", "", "", "", "", "", geonameid, "", "")


def make_shared(root: Path) -> Path:
    """A miniature ``shared/gazetteer``: Afghanistan and the United States."""
    geo, csc = root / "geonames", root / "countries_states_cities"
    _write(
        geo / "countryInfo.tsv",
        [
            "# comment lines are skipped",
            _country_info("AF", "Afghanistan", 37172386, 1149361),
            _country_info("US", "United States", 327167434, 6252001),
        ],
    )
    admin1 = [
        _tab("AF.13", "Kabul", "Kabul", 1138957),
        _tab("AF.42", "Panjshir", "Panjshir", 6957555),
        _tab("AF.24", "Kunduz", "Kunduz", 1135690),
        _tab("AF.27", "Vardak", "Vardak", 1121863),  # no point anywhere: left out
        _tab("US.GA", "Georgia", "Georgia", 4197000),
    ]
    _write(geo / "admin1CodesASCII.txt", admin1)
    _write(geo / "regionInfo_admin1.tsv", ["#region_code\tname\tname_ascii\tgeoname_id", *admin1])
    _write(
        geo / "admin2Codes.txt",
        [
            _tab("AF.13.108", "Paghmān", "Paghman", 7053080),  # placed at its city
            _tab("AF.42.3303", "Khinj", "Khinj", 7054339),  # placed at a same-named dr5hn city
            _tab("AF.42.3309", "Nowhere", "Nowhere", 7054999),  # no point: left out
        ],
    )
    _write(geo / "cities15000.txt", [_city(row) for row in CITIES])
    countries = {
        "AF": {"name": "Afghanistan", "native": "افغانستان", "latitude": "33.00000000", "longitude": "65.0"},
        "US": {"name": "United States", "native": "United States", "latitude": "38.0", "longitude": "-97.0"},
    }
    csc.mkdir(parents=True, exist_ok=True)
    (csc / "AllCountries.json").write_text(json.dumps(countries), encoding="utf-8")
    _write(
        csc / "admin1_with_coords.tsv",
        [
            "iso2\tcountry\tadmin1_name\tstate_code\ttype\tlatitude\tlongitude",
            _tab("AF", "Afghanistan", "Kabul", "KAB", "province", "34.55534940", "69.20748600"),
            # far off (in Virginia): replaced by its cities' median
            _tab("AF", "Afghanistan", "Panjshir", "PAN", "province", "38.88023910", "-77.17172380"),
            # joined without the word "Province"
            _tab("AF", "Afghanistan", "Kunduz Province", "KDZ", "province", "36.72855110", "68.86789820"),
            _tab("AF", "Afghanistan", "Leste", "L", "province", "None", "None"),  # no point: skipped
            _tab(
                "US", "United States", "Georgia", "", "GA", "state", "32.16562210", "-82.90007510"
            ),  # stray tab
        ],
    )
    _write(
        csc / "cities_with_admin1.tsv",
        [
            "iso2\tcountry\tadmin1_name\tcity_name\tlatitude\tlongitude",
            _tab("AF", "Afghanistan", "Panjshir", "Bāzārak", "35.31292000", "69.51519000"),
            _tab("AF", "Afghanistan", "Panjshir", "Khinj", "35.44", "69.73"),
            _tab("AF", "Afghanistan", "Kabul", "Kabul", "34.52813", "69.17233"),
        ],
    )
    return root


def build(builder: ModuleType, shared: Path, out: Path) -> list[GazEntry]:
    assert builder.main(["--shared", str(shared), "--out", str(out)]) == 0
    return parse_gazetteer(gzip.decompress(out.read_bytes()).decode("utf-8"), str(out))


@pytest.fixture
def built(builder: ModuleType, tmp_path: Path) -> list[GazEntry]:
    return build(builder, make_shared(tmp_path / "shared"), tmp_path / "out" / "gaz.tsv.gz")


def _one(entries: list[GazEntry], name: str, kind: str) -> GazEntry:
    (e,) = [e for e in entries if e.name == name and e.kind == kind]
    return e


def test_rows_by_kind(built: list[GazEntry]) -> None:
    rows = sorted((e.kind, e.country, e.name) for e in built)
    assert rows == [
        ("admin1", "AF", "Kabul"),
        ("admin1", "AF", "Kunduz"),
        ("admin1", "AF", "Panjshir"),
        ("admin1", "US", "Georgia"),
        ("admin2", "AF", "Khinj"),
        ("admin2", "AF", "Paghmān"),
        ("city", "AF", "Bāzārak"),
        ("city", "AF", "Kabul"),
        ("city", "AF", "Kunduz"),
        ("city", "AF", "Paghmān"),
        ("city", "US", "Atlanta"),
        ("country", "AF", "Afghanistan"),
        ("country", "US", "United States"),
    ]


def test_admin1_points_are_checked_against_their_cities(built: list[GazEntry]) -> None:
    kabul = _one(built, "Kabul", "admin1")
    assert (kabul.lat, kabul.lon) == (34.5553, 69.2075)  # dr5hn's point agrees with the cities: kept
    panj = _one(built, "Panjshir", "admin1")
    assert 35.0 < panj.lat < 36.0 and 69.0 < panj.lon < 70.0  # dr5hn's point is in Virginia: replaced
    assert panj.geonames_id == 6957555 and panj.admin1 == "Panjshir"


def test_admin1_join_ignores_administrative_words(built: list[GazEntry]) -> None:
    kunduz = _one(built, "Kunduz", "admin1")
    assert (kunduz.lat, kunduz.lon) == (36.7286, 68.8679)
    assert kunduz.alternates == ("Kunduz Province",)
    georgia = _one(built, "Georgia", "admin1")
    assert (georgia.lat, georgia.lon, georgia.country) == (32.1656, -82.9001, "US")


def test_admin2_points(built: list[GazEntry]) -> None:
    pag = _one(built, "Paghmān", "admin2")
    assert (pag.lat, pag.lon, pag.admin1, pag.admin2) == (34.5879, 68.9509, "Kabul", "Paghmān")
    khinj = _one(built, "Khinj", "admin2")
    assert (khinj.lat, khinj.lon, khinj.admin1) == (35.44, 69.73, "Panjshir")


def test_city_rows_and_alternate_filter(built: list[GazEntry]) -> None:
    kabul = _one(built, "Kabul", "city")
    # codes, other scripts, machine transliterations and names with digits are dropped
    assert kabul.alternates == ("Cabul", "Kaboul")
    assert (kabul.feature, kabul.population, kabul.admin1) == ("PPLC", 4434550, "Kabul")
    assert kabul.geonames_id == 1138958
    assert _one(built, "Atlanta", "city").admin1 == "Georgia"
    assert _one(built, "Paghmān", "city").admin2 == "Paghmān"
    assert not [e for e in built if e.name == "Oldtown"]


def test_country_rows_carry_english_short_forms(built: list[GazEntry]) -> None:
    us = _one(built, "United States", "country")
    assert {"USA", "U.S.", "America"} <= set(us.alternates)
    assert (us.lat, us.lon, us.population, us.geonames_id) == (38.0, -97.0, 327167434, 6252001)
    afg = _one(built, "Afghanistan", "country")
    assert afg.alternates == ()  # the native name is not Latin script


def test_built_file_resolves_names(built: list[GazEntry]) -> None:
    gaz = Gazetteer(built)
    kabul = gaz.best("Kabul")
    assert kabul is not None and kabul.kind == "city"
    panj = gaz.best("Panjshir province")
    assert panj is not None and panj.kind == "admin1"
    assert gaz.best("Kondoz") == _one(built, "Kunduz", "city")


def test_output_is_deterministic(builder: ModuleType, tmp_path: Path) -> None:
    shared = make_shared(tmp_path / "shared")
    build(builder, shared, tmp_path / "a.tsv.gz")
    build(builder, shared, tmp_path / "b" / "other-name.tsv.gz")
    a, b = (tmp_path / "a.tsv.gz").read_bytes(), (tmp_path / "b" / "other-name.tsv.gz").read_bytes()
    assert a == b
    assert a[4:8] == b"\x00\x00\x00\x00"  # gzip mtime 0
    lines = gzip.decompress(a).decode("utf-8").splitlines()
    assert lines[0].split("\t") == list(builder.COLUMNS)
    assert lines[1:] == sorted(lines[1:], key=lambda line: builder.KIND_ORDER[line.split("\t")[1]])


def _remove_cities(root: Path) -> None:
    (root / "geonames" / "cities15000.txt").unlink()


def _break_json(root: Path) -> None:
    (root / "countries_states_cities" / "AllCountries.json").write_text("{", encoding="utf-8")


def _short_admin1_row(root: Path) -> None:
    _write(root / "geonames" / "admin1CodesASCII.txt", [_tab("AF.13", "Kabul")])


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (_remove_cities, "missing input file"),
        (_break_json, "invalid JSON"),
        (_short_admin1_row, "at least 4 columns"),
    ],
)
def test_bad_input_fails_with_a_message(
    builder: ModuleType,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    damage: Callable[[Path], None],
    message: str,
) -> None:
    shared = make_shared(tmp_path / "shared")
    damage(shared)
    out = tmp_path / "gaz.tsv.gz"
    assert builder.main(["--shared", str(shared), "--out", str(out)]) == 1
    assert message in capsys.readouterr().err
    assert not out.exists()


# --------------------------------------------------------------------------- cities1000 towns


def test_read_towns_gzip_json(builder: ModuleType, tmp_path: Path) -> None:
    items = [
        {
            "country_code": "AF",
            "city": "Maydanshakhr",
            "latitude": 34.4,
            "longitude": 68.9,
            "population": 1600,
            "state": "Maidan Wardak Province",
            "county": "Maīdān Shahr",
        },
        {"country_code": "AF", "city": "Nowhere", "latitude": 34.0, "longitude": 68.0, "population": 0},
    ]
    path = tmp_path / "geocode.gz"
    path.write_bytes(gzip.compress(json.dumps(items).encode()))
    towns = builder.read_towns(path)
    assert [(t.name, t.state, t.county, t.population) for t in towns] == [
        ("Maydanshakhr", "Maidan Wardak Province", "Maīdān Shahr", 1600),
        ("Nowhere", "", "", 0),
    ]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"not json", r"not a \(gzip\) JSON list"),
        (b'{"a": 1}', "expected a JSON list"),
        (b'[{"city": "X"}]', "item 0"),
    ],
)
def test_read_towns_rejects_bad_files(
    builder: ModuleType, tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "geocode.json"
    path.write_bytes(content)
    with pytest.raises(builder.BuildError, match=reason):
        builder.read_towns(path)


def test_place_by_towns_places_only_divisions_without_a_point(builder: ModuleType) -> None:
    Division, Town = builder.Division, builder.Town
    admin1 = {
        "AF.27": Division("AF.27", "Vardak", "Vardak", 1, alternates=["Maidan Wardak Province"]),
        "AF.13": Division("AF.13", "Kabul", "Kabul", 2, point=(34.5, 69.2)),
    }
    admin2 = {
        "AF.27.401": Division("AF.27.401", "Maīdān Shahr", "Maidan Shahr", 3),
        "AF.27.402": Division("AF.27.402", "Jalrayz", "Jalrayz", 4),
        "AF.13.1": Division("AF.13.1", "Paghmān", "Paghman", 5, point=(34.6, 68.9)),
    }
    towns = [
        Town("AF", "Maydanshakhr", 34.40, 68.87, 1600, "Maidan Wardak Province", "Maīdān Shahr"),
        Town("AF", "Small", 34.30, 68.80, 100, "Maidan Wardak Province", "Maīdān Shahr"),
        Town("AF", "Elsewhere", 34.00, 68.00, 5000, "Maidan Wardak Province", ""),
        Town("AF", "Paghman", 34.58, 68.95, 9000, "Kabul", "Paghmān"),
    ]
    stats = builder.Stats()
    builder.place_by_towns(towns, admin1, admin2, stats)
    assert admin1["AF.27"].point == (34.30, 68.80)  # the median of its three towns
    assert admin1["AF.13"].point == (34.5, 69.2)  # had one: kept
    assert admin2["AF.27.401"].point == (34.40, 68.87)  # its most populous town
    assert admin2["AF.27.402"].point is None  # no town names it
    assert admin2["AF.13.1"].point == (34.6, 68.9)
    assert stats.counts["admin1 placed by its cities1000 towns"] == 1


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        (["Maidan Wardak Province"], ["Maidan Wardak"]),
        (["Kunduz Province", "Kunduz"], ["Kunduz"]),
        (["Province"], []),  # nothing left: no short form
        (["Nangarhar"], []),
    ],
)
def test_without_admin_words(builder: ModuleType, names: list[str], expected: list[str]) -> None:
    assert builder.without_admin_words(names) == expected
