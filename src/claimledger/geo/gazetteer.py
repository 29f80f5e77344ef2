"""The packaged gazetteer: countries, first- and second-level divisions and cities, with coordinates.

``load_gazetteer`` reads ``claimledger/data/gazetteer.tsv.gz`` (built by ``tools/build_gazetteer.py``);
``Gazetteer`` indexes the entries by name key (see ``normalize``) and resolves names, with
disambiguation by kind, focus country, co-mentioned countries and population; a name no key finds may
match a close spelling (rapidfuzz) of a division or town in the focus or co-mentioned countries. It also
knows each country's capital and places compass parts of countries (``region``).
"""

from __future__ import annotations

import gzip
import importlib.resources
import logging
import zlib
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from claimledger.errors import GazetteerError
from claimledger.geo.normalize import name_key, variant_key
from claimledger.geo.regions import DIRECTIONS, region_point

log = logging.getLogger(__name__)

GAZ_KINDS: tuple[str, ...] = ("country", "admin1", "admin2", "city")
KIND_RANK = {kind: n for n, kind in enumerate(GAZ_KINDS)}
COLUMNS: tuple[str, ...] = (
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
PACKAGED_NAME = "gazetteer.tsv.gz"

# Trailing (or leading "... of") words naming a kind of place, and the kinds they point to, in order
# of preference.
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "province": ("admin1", "admin2"),
    "governorate": ("admin1", "admin2"),
    "region": ("admin1", "admin2"),
    "state": ("admin1",),
    "oblast": ("admin1",),
    "prefecture": ("admin1", "admin2"),
    "department": ("admin1", "admin2"),
    "district": ("admin2", "admin1"),
    "county": ("admin2", "admin1"),
    "municipality": ("admin2", "city"),
    "city": ("city",),
}
# Seats of government: a city that is one of these for the same-named division is what a bare
# name means ("Kabul" the city, not Kabul province).
_SEATS = {"admin1": frozenset({"PPLC", "PPLA"}), "admin2": frozenset({"PPLC", "PPLA", "PPLA2"})}
_BIG_CITY = 1_000_000

# Preference scores by kind and country tier (0 focus, 1 co-mentioned, 2 other); lower wins.
# A division in the focus country beats a foreign country of the same name ("Georgia" in a US
# story; one that merely mentions the US still means the country), a city in the focus country
# beats a foreign division, but never a country.
_SCORE = {
    "country": (0.0, 1.0, 1.0),
    "admin1": (0.0, 1.2, 2.0),
    "admin2": (1.5, 1.7, 3.0),
    "city": (1.5, 1.7, 3.0),
}
# A city of a million or more is known by its name: a mere co-mentioned country's town of the same
# name does not displace it (the focus country's still does).
_WORLD_CITY_SCORE = 1.65

# Match qualities: a name or an official alternate, a city's other alternate, a romanisation variant,
# a close spelling of a name in the countries the article is about.
_PRIMARY, _ALTERNATE, _VARIANT, _FUZZY = 0, 1, 2, 3
_HOW = ("name", "alternate", "variant", "fuzzy")
_VARIANT_KINDS = frozenset({"country", "admin1", "admin2"})
# A close spelling: keys (without spaces) of at least this many letters, this similar (rapidfuzz's
# ratio, 0-100), beginning with the same letter. "Trinkot" ~ "Tarinkot", "Qalay-I-Zal" ~ "Qal'ah-ye Zal".
FUZZY_MIN_LEN = 5
FUZZY_MIN_RATIO = 85.0
_FUZZY_KINDS = frozenset({"admin1", "admin2", "city"})
REGION_ADJECTIVES = {
    "north": "northern",
    "south": "southern",
    "east": "eastern",
    "west": "western",
    "northeast": "north-eastern",
    "northwest": "north-western",
    "southeast": "south-eastern",
    "southwest": "south-western",
    "central": "central",
}


@dataclass(frozen=True, slots=True)
class GazEntry:
    """One gazetteer row. ``admin1``/``admin2`` name the divisions it lies in (its own name at its level)."""

    geonames_id: int | None
    name: str
    ascii_name: str
    alternates: tuple[str, ...]
    kind: str  # country | admin1 | admin2 | city (| region: a compass part of a country, see ``region``)
    country: str  # ISO 3166-1 alpha-2
    admin1: str | None
    admin2: str | None
    lat: float
    lon: float
    population: int
    feature: str = ""  # GeoNames feature code of a city (PPLC capital, PPLA admin1 seat, ...)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, self.ascii_name, *self.alternates)


@dataclass(frozen=True, slots=True)
class GazMatch:
    """A resolved name: the entry, how the name matched it, and the kinds a kind word pointed to.

    ``how``: "name" (its name, ASCII name, or for countries and divisions an official alternate),
    "alternate" (one of a city's or admin2's other names), "variant" (a romanisation variant of a
    country's or division's name) or "fuzzy" (a close spelling of a division's or city's name in the
    focus or a co-mentioned country; the least certain).
    """

    entry: GazEntry
    how: str
    kind_hint: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Hit:
    entry: GazEntry
    quality: int


class Gazetteer:
    """Name indexes over gazetteer entries. No I/O: build it from ``load_gazetteer`` or a list."""

    __slots__ = ("_by_iso", "_capitals", "_entries", "_fuzzy", "_index", "_regions", "_variants")

    def __init__(self, entries: Iterable[GazEntry]) -> None:
        self._entries = tuple(entries)
        index: dict[str, list[_Hit]] = defaultdict(list)
        by_iso: dict[str, GazEntry] = {}
        for e in self._entries:
            if e.kind == "country":
                by_iso.setdefault(e.country, e)
            primary = _Hit(e, _PRIMARY)
            alternate = _Hit(e, _ALTERNATE) if e.kind in ("city", "admin2") else primary
            key = name_key(e.name)
            seen = {"", key}
            if key:
                index[key].append(primary)
            if e.ascii_name != e.name and (key := name_key(e.ascii_name)) not in seen:
                seen.add(key)
                index[key].append(primary)
            for text in e.alternates:
                if (key := name_key(text)) not in seen:
                    seen.add(key)
                    index[key].append(alternate)
        self._index = dict(index)
        self._by_iso = by_iso
        self._capitals = {e.country: e for e in self._entries if e.kind == "city" and e.feature == "PPLC"}
        self._variants: dict[str, list[_Hit]] | None = None
        self._fuzzy: dict[str, tuple[list[str], list[GazEntry]]] | None = None
        self._regions: dict[tuple[str, str], GazEntry | None] = {}

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def entries(self) -> tuple[GazEntry, ...]:
        return self._entries

    # ---------------------------------------------------------------- lookups
    def lookup(self, name: str) -> list[GazEntry]:
        """Entries named ``name``, by exact key, else without a kind word ("Panjshir province"),
        else by romanisation variant; most prominent first (countries, then divisions, then cities
        by population)."""
        return [m.entry for m in self.matches(name)]

    def matches(self, name: str, variants: bool = True) -> list[GazMatch]:
        """Every reading of ``name`` with how it matched, in ``lookup`` order."""
        hits, hint = self._hits(name, variants)
        hits.sort(key=lambda h: (KIND_RANK[h.entry.kind], -h.entry.population, h.entry.name, h.quality))
        seen: set[int] = set()
        out: list[GazMatch] = []
        for h in hits:
            if id(h.entry) not in seen:
                seen.add(id(h.entry))
                out.append(GazMatch(h.entry, _HOW[h.quality], hint))
        return out

    def best(
        self,
        name: str,
        focus_country: str | None = None,
        context_countries: Collection[str] = (),
    ) -> GazEntry | None:
        """The entry ``name`` most likely means, or None (see ``resolve``)."""
        m = self.resolve(name, focus_country, context_countries)
        return m.entry if m else None

    def resolve(
        self,
        name: str,
        focus_country: str | None = None,
        context_countries: Collection[str] = (),
        variants: bool = True,
    ) -> GazMatch | None:
        """The entry ``name`` most likely means and how it matched, or None.

        A kind word in the name decides first ("Kabul province" is the province); then how the name
        matched (an entry's own name before a city's alternate); then kind and country: a country
        beats a division beats a city, unless the focus or co-mentioned countries hold the
        division or city (see ``_SCORE``); then population. A bare name shared by a division and
        its seat city ("Kabul") means the city. ``variants=False`` skips romanisation variants.
        """
        focus = focus_country.upper() if focus_country else None
        context = {c.upper() for c in context_countries}
        hits, hint = self._hits(name, variants)
        if not hits and variants:
            hits, hint = self._fuzzy_hits(name, {c for c in (focus, *context) if c})
        if not hits:
            return None

        def tier(e: GazEntry) -> int:
            return 0 if e.country == focus else 1 if e.country in context else 2

        def score(e: GazEntry) -> float:
            t = tier(e)
            if t == 2 and e.kind == "city" and e.population >= _BIG_CITY:
                return _WORLD_CITY_SCORE
            return _SCORE[e.kind][t]

        def key(h: _Hit) -> tuple[int, int, float, int, int, str, int]:
            e = h.entry
            return (
                hint.index(e.kind) if e.kind in hint else len(hint),
                h.quality,
                score(e),
                KIND_RANK[e.kind],
                -e.population,
                e.name,
                e.geonames_id or 0,
            )

        hits.sort(key=key)
        winner = hits[0]
        if winner.entry.kind in _SEATS and not hint:
            seat = _seat_city(winner.entry, [h for h in hits if h.quality != _VARIANT])
            if seat is not None:
                winner = seat
        return GazMatch(winner.entry, _HOW[winner.quality], hint)

    def country(self, iso2: str) -> GazEntry | None:
        return self._by_iso.get(iso2.upper())

    def capital(self, iso2: str) -> GazEntry | None:
        """The capital city of a country (GeoNames feature PPLC), if the gazetteer has it."""
        return self._capitals.get(iso2.upper())

    def region(self, iso2: str, direction: str) -> GazEntry | None:
        """The ``direction`` part of a country ("south" → "southern Afghanistan") as an entry of kind
        ``region`` placed by ``regions.region_point`` over the country's first-level divisions; None if
        the country or its divisions are unknown."""
        iso = iso2.upper()
        key = (iso, direction)
        if key not in self._regions:
            self._regions[key] = self._make_region(iso, direction)
        return self._regions[key]

    def _make_region(self, iso: str, direction: str) -> GazEntry | None:
        country = self._by_iso.get(iso)
        if country is None or direction not in DIRECTIONS:
            return None
        points = [(e.lat, e.lon) for e in self._entries if e.kind == "admin1" and e.country == iso]
        point = region_point(points, direction)
        if point is None:
            return None
        name = f"{REGION_ADJECTIVES[direction]} {country.name}"
        return GazEntry(None, name, name, (), "region", iso, None, None, point[0], point[1], 0)

    def country_by_name(self, name: str) -> GazEntry | None:
        hits, _ = self._hits(name)
        countries = [h.entry for h in hits if h.entry.kind == "country"]
        return countries[0] if countries else None

    # ---------------------------------------------------------------- internals
    def _hits(self, name: str, variants: bool = True) -> tuple[list[_Hit], tuple[str, ...]]:
        """Matching entries and the kinds a stripped kind word points to (empty if none)."""
        key = name_key(name)
        if not key:
            return [], ()
        if hits := self._index.get(key):
            return list(hits), ()
        base, hint = _strip_kind_word(key)
        if hint and (hits := self._index.get(base)):
            return list(hits), hint
        if not variants:
            return [], ()
        index = self._variant_index()
        for k, h in ((key, ()), (base, hint)):
            v = variant_key(k) if k else ""
            if v and (vhits := index.get(v)):
                return [_Hit(x.entry, _VARIANT) for x in vhits], h
        return [], ()

    def _fuzzy_hits(self, name: str, countries: set[str]) -> tuple[list[_Hit], tuple[str, ...]]:
        """Divisions and cities of ``countries`` whose name is a close spelling of ``name`` (or of
        ``name`` without its kind word), the closest first."""
        if not countries:
            return [], ()
        key = name_key(name)
        base, hint = _strip_kind_word(key)
        for k, h in ((key, ()), (base, hint)) if hint else ((key, ()),):
            query = k.replace(" ", "")
            if len(query) < FUZZY_MIN_LEN:
                continue
            found: list[tuple[float, GazEntry]] = []
            for iso in sorted(countries):
                keys, entries = self._fuzzy_index().get(iso, ([], []))
                for _, score, n in process.extract(
                    query, keys, scorer=fuzz.ratio, score_cutoff=FUZZY_MIN_RATIO, limit=5
                ):
                    if keys[n][:1] == query[:1]:
                        found.append((score, entries[n]))
            if found:
                best = max(score for score, _ in found)
                return [_Hit(e, _FUZZY) for score, e in found if score == best], h
        return [], ()

    def _fuzzy_index(self) -> dict[str, tuple[list[str], list[GazEntry]]]:
        """Country → (squeezed name keys, entries) of its divisions and cities, built on first use."""
        if self._fuzzy is None:
            index: dict[str, tuple[list[str], list[GazEntry]]] = {}
            for e in self._entries:
                if e.kind not in _FUZZY_KINDS:
                    continue
                keys, entries = index.setdefault(e.country, ([], []))
                for text in {e.name, e.ascii_name}:
                    if len(k := name_key(text).replace(" ", "")) >= FUZZY_MIN_LEN:
                        keys.append(k)
                        entries.append(e)
            self._fuzzy = index
        return self._fuzzy

    def _variant_index(self) -> dict[str, list[_Hit]]:
        """Variant key -> countries and divisions by their names, built on first use (only misses
        of the exact index need it). Cities are left out: their GeoNames alternates already list
        their spellings, and loose matches against 30,000 small towns find false friends."""
        if self._variants is None:
            variants: dict[str, list[_Hit]] = defaultdict(list)
            for key, hits in self._index.items():
                primary = [h for h in hits if h.quality == _PRIMARY and h.entry.kind in _VARIANT_KINDS]
                if primary and (v := variant_key(key)):
                    variants[v].extend(primary)
            self._variants = dict(variants)
        return self._variants


def _strip_kind_word(key: str) -> tuple[str, tuple[str, ...]]:
    """("panjshir", kinds) for "panjshir province" or "province of panjshir"; (key, ()) otherwise."""
    words = key.split()
    if len(words) >= 2 and words[-1] in KIND_WORDS:
        return " ".join(words[:-1]), KIND_WORDS[words[-1]]
    if len(words) >= 3 and words[0] in KIND_WORDS and words[1] == "of":
        return " ".join(words[2:]), KIND_WORDS[words[0]]
    return key, ()


def _seat_city(division: GazEntry, candidates: list[_Hit]) -> _Hit | None:
    """A same-named city of ``division``'s country that is its seat, or a city of a million or more
    ("New York", "Kiev"); None if there is none."""
    for h in candidates:
        e = h.entry
        if e.kind != "city" or e.country != division.country:
            continue
        inside = e.admin1 == division.name if division.kind == "admin1" else e.admin2 == division.name
        if (inside and e.feature in _SEATS[division.kind]) or e.population >= _BIG_CITY:
            return h
    return None


# --------------------------------------------------------------------------- loading


def load_gazetteer(path: Path | None = None) -> Gazetteer:
    """Read the gazetteer TSV (default: the packaged ``claimledger/data/gazetteer.tsv.gz``)."""
    if path is None:
        resource = importlib.resources.files("claimledger").joinpath("data", PACKAGED_NAME)
        where = str(resource)
        try:
            raw = resource.read_bytes()
        except OSError as exc:
            raise GazetteerError(f"{where}: cannot read the packaged gazetteer: {exc}") from exc
    else:
        where = str(path)
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise GazetteerError(f"{where}: cannot read gazetteer: {exc}") from exc
    try:
        text = (gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw).decode("utf-8")
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
        raise GazetteerError(f"{where}: not a gzip UTF-8 TSV: {exc}") from exc
    entries = parse_gazetteer(text, where)
    log.debug("loaded %d gazetteer entries from %s", len(entries), where)
    return Gazetteer(entries)


def parse_gazetteer(text: str, where: str = "<gazetteer>") -> list[GazEntry]:
    """Parse the gazetteer TSV text (header row, then ``COLUMNS``)."""
    lines = text.split("\n")
    header = tuple(lines[0].rstrip("\r").split("\t")) if lines else ()
    if header != COLUMNS:
        raise GazetteerError(f"{where}: header is {header!r}, expected {COLUMNS!r}")
    ncols = len(COLUMNS)
    entries: list[GazEntry] = []
    for lineno, line in enumerate(lines[1:], 2):
        if not line:
            continue
        c = line.split("\t")
        if len(c) != ncols:
            raise GazetteerError(f"{where}:{lineno}: expected {ncols} columns, got {len(c)}")
        if c[1] not in KIND_RANK or len(c[2]) != 2 or not c[3]:
            raise GazetteerError(f"{where}:{lineno}: bad kind {c[1]!r}, country {c[2]!r} or empty name")
        try:
            entries.append(
                GazEntry(
                    geonames_id=int(c[0]) if c[0] else None,
                    name=c[3],
                    ascii_name=c[4] or c[3],
                    alternates=tuple(c[5].split("|")) if c[5] else (),
                    kind=c[1],
                    country=c[2],
                    admin1=c[6] or None,
                    admin2=c[7] or None,
                    lat=float(c[8]),
                    lon=float(c[9]),
                    population=int(c[10]) if c[10] else 0,
                    feature=c[11],
                )
            )
        except ValueError as exc:
            raise GazetteerError(f"{where}:{lineno}: bad number: {exc}") from exc
    if not entries:
        raise GazetteerError(f"{where}: no entries")
    return entries
