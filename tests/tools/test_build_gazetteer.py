"""tools/build_gazetteer.py on a tiny hand-made copy of the shared extracts."""

from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from claimledger.geo.gazetteer import Gazetteer, GazEntry, parse_gazetteer

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


def _city(gid: int, name: str, ascii_name: str, alts: str, lat: float, lon: float, feat: str, cc: str, a1: str,
          a2: str, pop: int) -> str:  # fmt: skip
    cols = [str(gid), name, ascii_name, alts, str(lat), str(lon), "P", feat, cc, "", a1, a2, "", "", str(pop)]
    return "\t".join([*cols, "", "1800", "Asia/Kabul", "2024-01-01"])


def make_shared(root: Path) -> Path:
    """A miniature ``shared/gazetteer``: Afghanistan and the United States."""
    geo, csc = root / "geonames", root / "countries_states_cities"
    info_header = "#ISO\tISO3\tISO-Numeric\tfips\tCountry\tCapital\tArea\tPopulation\tContinent\ttld\tCurrencyCode"
    info_header += "\tCurrencyName\tPhone\tPostal Code Format\tPostal Code Regex\tLanguages\tgeonameid\tneighbours\tEq"
    _write(
        geo / "countryInfo.tsv",
        [
            "# comment lines are skipped",
            info_header,
            "AF\tAFG\t004\tAF\tAfghanistan\tKabul\t647500\t37172386\tAS\t.af\tAFN\tAfghani\t93\t\t\tps\t1149361\tPK\t",
            "US\tUSA\t840\tUS\tUnited States\tWashington\t9629091\t327167434\tNA\t.us\tUSD\tDollar\t1\t\t\ten\t6252001\tCA\t",
        ],
    )
    admin1 = [
        "AF.13\tKabul\tKabul\t1138957",
        "AF.42\tPanjshir\tPanjshir\t6957555",
        "AF.24\tKunduz\tKunduz\t1135690",
        "AF.27\tVardak\tVardak\t1121863",  # no point anywhere: left out
        "US.GA\tGeorgia\tGeorgia\t4197000",
    ]
    _write(geo / "admin1CodesASCII.txt", admin1)
    _write(geo / "regionInfo_admin1.tsv", ["#region_code\tname\tname_ascii\tgeoname_id", *admin1])
    _write(
        geo / "admin2Codes.txt",
        [
            "AF.13.108\tPaghmān\tPaghman\t7053080",  # placed at its city
            "AF.42.3303\tKhinj\tKhinj\t7054339",  # placed at a same-named dr5hn city
            "AF.42.3309\tNowhere\tNowhere\t7054999",  # no point: left out
        ],
    )
    _write(
        geo / "cities15000.txt",
        [
            _city(1138958, "Kabul", "Kabul", "KBL,Cabul,Kaboul,كابل,kabwl,Kabul 2", 34.52813, 69.17233, "PPLC", "AF",
                  "13", "", 4434550),  # fmt: skip
            _city(1131316, "Paghmān", "Paghman", "Pagman", 34.5879, 68.9509, "PPLA2", "AF", "13", "108", 49157),
            _city(1429434, "Bāzārak", "Bazarak", "", 35.31292, 69.51519, "PPLA", "AF", "42", "", 65000),
            _city(1135689, "Kunduz", "Kunduz", "Kondoz", 36.72896, 68.857, "PPLA", "AF", "24", "", 259809),
            _city(4180439, "Atlanta", "Atlanta", "", 33.749, -84.38798, "PPLA", "US", "GA", "", 498715),
            _city(9999999, "Oldtown", "Oldtown", "", 34.0, 69.0, "PPLH", "AF", "13", "", 20000),  # historical
        ],
    )
    countries = {
        "AF": {"name": "Afghanistan", "native": "افغانستان", "latitude": "33.00000000", "longitude": "65.00000000"},
        "US": {"name": "United States", "native": "United States", "latitude": "38.0", "longitude": "-97.0"},
    }
    csc.mkdir(parents=True, exist_ok=True)
    (csc / "AllCountries.json").write_text(json.dumps(countries), encoding="utf-8")
    _write(
        csc / "admin1_with_coords.tsv",
        [
            "iso2\tcountry\tadmin1_name\tstate_code\ttype\tlatitude\tlongitude",
            "AF\tAfghanistan\tKabul\tKAB\tprovince\t34.55534940\t69.20748600",
            "AF\tAfghanistan\tPanjshir\tPAN\tprovince\t38.88023910\t-77.17172380",  # far off: replaced
            "AF\tAfghanistan\tKunduz Province\tKDZ\tprovince\t36.72855110\t68.86789820",  # joined without "Province"
            "AF\tAfghanistan\tLeste\tL\tprovince\tNone\tNone",  # no point: skipped
            "US\tUnited States\tGeorgia\t\tGA\tstate\t32.16562210\t-82.90007510",  # stray tab in the name
        ],
    )
    _write(
        csc / "cities_with_admin1.tsv",
        [
            "iso2\tcountry\tadmin1_name\tcity_name\tlatitude\tlongitude",
            "AF\tAfghanistan\tPanjshir\tBāzārak\t35.31292000\t69.51519000",
            "AF\tAfghanistan\tPanjshir\tKhinj\t35.44\t69.73",
            "AF\tAfghanistan\tKabul\tKabul\t34.52813\t69.17233",
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
    paghman = _one(built, "Paghmān", "admin2")
    assert (paghman.lat, paghman.lon, paghman.admin1, paghman.admin2) == (34.5879, 68.9509, "Kabul", "Paghmān")
    khinj = _one(built, "Khinj", "admin2")
    assert (khinj.lat, khinj.lon, khinj.admin1) == (35.44, 69.73, "Panjshir")


def test_city_rows_and_alternate_filter(built: list[GazEntry]) -> None:
    kabul = _one(built, "Kabul", "city")
    # codes, other scripts, machine transliterations and names with digits are dropped
    assert kabul.alternates == ("Cabul", "Kaboul")
    assert (kabul.feature, kabul.population, kabul.admin1, kabul.geonames_id) == ("PPLC", 4434550, "Kabul", 1138958)
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


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda root: (root / "geonames" / "cities15000.txt").unlink(), "missing input file"),
        (lambda root: (root / "countries_states_cities" / "AllCountries.json").write_text("{"), "invalid JSON"),
        (lambda root: _write(root / "geonames" / "admin1CodesASCII.txt", ["AF.13\tKabul"]), "at least 4 columns"),
    ],
)
def test_bad_input_fails_with_a_message(
    builder: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str], damage: object, message: str
) -> None:
    shared = make_shared(tmp_path / "shared")
    assert callable(damage)
    damage(shared)
    out = tmp_path / "gaz.tsv.gz"
    assert builder.main(["--shared", str(shared), "--out", str(out)]) == 1
    assert message in capsys.readouterr().err
    assert not out.exists()
