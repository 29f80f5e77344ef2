"""Place phrases that are not names: compass parts of a country and references back to a place.

``find_regions`` finds "southern Afghanistan", "S. Afghanistan", "the Afghan south", "Afghanistan's
east", "an eastern province", "the country's east", "in the north"; a country (named, or by a demonym)
or, failing that, the article's focus country is the one they divide. "north of San Salvador" and
"northern Kunduz province" are not regions: the named place is where it happened.

``find_references`` finds definite descriptions that point back to a place: "the valley", "the
mountainous region", "the province", "this capital", "the Salvadoran capital", "the country". The caller
resolves them (the latest place of a fitting kind before them, or the capital of a country).
"""

from __future__ import annotations

from collections.abc import Callable, Container
from dataclasses import dataclass

from claimledger.geo.regions import direction_of
from claimledger.syntax import ParseView

# Nouns after a direction word that name a part of a country, not a named place: "an eastern province".
PART_NOUNS = frozenset(
    {
        "province",
        "provinces",
        "region",
        "regions",
        "district",
        "districts",
        "area",
        "areas",
        "part",
        "parts",
        "town",
        "city",
        "village",
        "villages",
        "state",
        "department",
        "border",
        "countryside",
    }
)
# What a reference's head noun points back to: the kinds of place it may stand for.
REFERENCE_KINDS: dict[str, frozenset[str]] = {
    "valley": frozenset({"admin1", "admin2", "region", "landmark", "city", "village"}),
    "region": frozenset({"admin1", "admin2", "region", "landmark"}),
    "area": frozenset({"admin1", "admin2", "region", "landmark", "city", "village"}),
    "province": frozenset({"admin1"}),
    "governorate": frozenset({"admin1"}),
    "department": frozenset({"admin1"}),
    "district": frozenset({"admin2"}),
    "municipality": frozenset({"admin2", "city"}),
    "town": frozenset({"city", "village"}),
    "city": frozenset({"city"}),
    "village": frozenset({"village", "city"}),
    "country": frozenset({"country"}),
    "nation": frozenset({"country"}),
    "capital": frozenset(),  # the capital city of a country: resolved through the gazetteer
}
_DETERMINERS = frozenset({"the", "this", "that"})
_PREPOSITIONS = frozenset({"in", "across", "throughout", "into", "from", "to"})
_POSSESSIVES = frozenset({"'s", "’s"})
_MAX_MODIFIERS = 3

CountryAt = Callable[[int], tuple[int, str] | None]  # token → (end token, ISO2) of a country name there
DemonymCountry = Callable[[str], str | None]  # a demonym → the one country it names, or None


@dataclass(frozen=True, slots=True)
class RegionPhrase:
    """Tokens ``[start, end)`` name the ``direction`` part of ``country`` (None: the focus country)."""

    start: int
    end: int
    direction: str
    country: str | None


@dataclass(frozen=True, slots=True)
class Reference:
    """Tokens ``[start, end)`` refer back to a place; ``noun`` is the head ("valley", "capital")."""

    start: int
    end: int
    noun: str
    country: str | None = None  # for "the Salvadoran capital": the demonym's country


def find_regions(
    view: ParseView, country_at: CountryAt, demonym: DemonymCountry, taken: Container[int]
) -> list[RegionPhrase]:
    """Compass parts of countries, left to right; ``taken`` tokens (other place names) are not used."""
    out: list[RegionPhrase] = []
    n = len(view)
    i = 0
    while i < n:
        found = _region_at(view, i, country_at, demonym, taken)
        if found is None:
            i += 1
            continue
        out.append(found)
        i = found.end
    return out


def _direction_at(view: ParseView, i: int, abbreviations: bool) -> tuple[str, int] | None:
    """The direction word at ``i`` and the token after it ("south-western" may be three tokens)."""
    if i + 2 < len(view) and view[i + 1].text == "-":
        joined = direction_of(view[i].text + view[i + 2].text)
        if joined is not None:
            return joined, i + 3
    d = direction_of(view[i].text, abbreviations=abbreviations)
    return (d, i + 1) if d is not None else None


def _region_at(
    view: ParseView, i: int, country_at: CountryAt, demonym: DemonymCountry, taken: Container[int]
) -> RegionPhrase | None:
    n = len(view)
    if i in taken and country_at(i) is None:
        return None
    # "Afghanistan's east" / "the Afghan south"
    lead = _country_or_demonym(view, i, country_at, demonym)
    if lead is not None:
        after, iso = lead
        if after < n and view[after].text in _POSSESSIVES:
            after += 1
        d = _direction_at(view, after, abbreviations=False) if after < n else None
        if d is not None and view[after].lower in DIRECTION_NOUNS and not _followed_by_of(view, d[1]):
            return RegionPhrase(i, d[1], d[0], iso)
        return None
    d = _direction_at(view, i, abbreviations=True)
    if d is None or i in taken:
        return None
    direction, j = d
    # "southern Afghanistan", "S. Afghanistan"
    if j < n and (hit := country_at(j)) is not None:
        return RegionPhrase(i, hit[0], direction, hit[1])
    if view[i].text.endswith(".") or (view[i].text.isupper() and len(view[i].text) <= 2):
        return None  # an abbreviation only before a country's name
    # "an eastern province", "southern Afghan provinces", "Afghan southern town" (not "... of Kandahar")
    country: str | None = None
    k = j
    if k < n and (dem := _country_or_demonym(view, k, lambda _: None, demonym)) is not None:
        k, country = dem
    if k < n and view[k].lower in PART_NOUNS and k not in taken and not _followed_by_of(view, k + 1):
        start = i
        if country is None and i > 0 and (prev := demonym(view[i - 1].text)) is not None:
            start, country = i - 1, prev
        return RegionPhrase(start, k + 1, direction, country)
    # "the country's east", "in the south", "in south"
    if view[i].lower in DIRECTION_NOUNS and not _followed_by_of(view, j) and _introduces(view, i):
        return RegionPhrase(i, j, direction, None)
    return None


DIRECTION_NOUNS = frozenset(
    {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "centre", "center"}
)


def _country_or_demonym(
    view: ParseView, i: int, country_at: CountryAt, demonym: DemonymCountry
) -> tuple[int, str] | None:
    hit = country_at(i)
    if hit is not None:
        return hit
    iso = demonym(view[i].text)
    return (i + 1, iso) if iso is not None else None


def _followed_by_of(view: ParseView, k: int) -> bool:
    return k < len(view) and view[k].lower == "of"


def _introduces(view: ParseView, i: int) -> bool:
    """A bare direction noun is a part of the country after "the", a possessive or a preposition."""
    if i == 0:
        return False
    prev = view[i - 1]
    return prev.lower in _DETERMINERS or prev.lower in _PREPOSITIONS or prev.text in _POSSESSIVES


def find_references(view: ParseView, demonym: DemonymCountry, taken: Container[int]) -> list[Reference]:
    """Definite descriptions of a place: "the valley", "the restive province", "this capital"."""
    out: list[Reference] = []
    n = len(view)
    for t in view.tokens:
        if t.lower not in _DETERMINERS or t.i in taken:
            continue
        country: str | None = None
        k = t.i + 1
        while k < n and k - t.i <= _MAX_MODIFIERS and view[k].lower not in REFERENCE_KINDS:
            tok = view[k]
            iso = demonym(tok.text)
            if iso is not None:
                country = iso
            elif not (tok.pos == "ADJ" or tok.tag.startswith("JJ") or tok.text == "-"):
                break
            k += 1
        if k >= n or view[k].lower not in REFERENCE_KINDS or k in taken:
            continue
        noun = view[k].lower
        if _followed_by_of(view, k + 1) or _named_after(view, k + 1):
            continue  # "the province of Panjshir", "the capital Kabul": the name is the place
        out.append(Reference(t.i, k + 1, noun, country))
    return out


def _named_after(view: ParseView, k: int) -> bool:
    """A proper name right after the noun ("the capital Kabul", "the city Mosul")."""
    if k >= len(view):
        return False
    tok = view[k]
    return tok.text[:1].isupper() and (tok.pos == "PROPN" or tok.ent_type in ("GPE", "LOC", "FAC"))
