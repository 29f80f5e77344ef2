"""Wire datelines: "BAMAKO, Tuesday -", "SAN SALVADOR, 3 JAN 90 --", "KABUL (Reuters) -".

A dateline is metadata, not a sentence: left in, it breaks the parse of the first sentence (its place and
date become subjects and modifiers). ``find_dateline`` locates it; ``blank`` replaces it with spaces of the
same length so that the parse sees clean text while every character offset still indexes the article.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from claimledger.dates import normalise
from claimledger.geo.extract import place_from_entry
from claimledger.types import Place, Span

if TYPE_CHECKING:
    from claimledger.geo.gazetteer import Gazetteer

# An upper-case place (letters, spaces, dots, apostrophes, hyphens), optionally "(COUNTRY)" before a comma,
# ", <date words>" and/or "(Agency)", then a dash or two. At the very start of the text (after blank lines).
_DATELINE = re.compile(
    r"""\A\s*
    (?P<place>[A-Z][A-Z.'’\- ]{1,40}[A-Z.])                   # BAMAKO / SAN SALVADOR / NEW DELHI
    (?:\s*\((?P<country>[A-Z][A-Za-z.'’\- ]{1,40})\)(?=\s*,))?  # (PANAMA), only before the date's comma
    (?:\s*,\s*(?P<date>[A-Za-z0-9 .]{1,30}?))?                # , Tuesday / , 3 JAN 90
    \s*(?:[(\[](?P<agency>[A-Za-z0-9 .&'’\-\[\]]{1,40})[)\]]\s*)?  # (Reuters) / (ACAN-EFE) / (IPS [X])
    (?P<dash>--|[-—–])\s""",
    re.VERBOSE,
)
# Wire conventions for a dateline without a place: not a place name.
_NO_PLACE = frozenset({"NO CITY", "NO PLACE", "CLANDESTINE", "UNKNOWN"})
_DATE_WORDS = re.compile(r"^(?:NO\s+DATE|UNDATED)$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Dateline:
    span: Span  # the whole dateline, up to and including the dash
    place: Span  # the place name
    date: Span | None  # the date words, if any
    agency: Span | None  # the agency in brackets, if any
    country: Span | None = None  # the bracketed country after the place: "PANAMA CITY (PANAMA), ..."


def find_dateline(text: str) -> Dateline | None:
    """The dateline at the start of ``text``, or None."""
    m = _DATELINE.match(text[:200])
    if m is None:
        return None
    place = m.group("place").strip()
    if len(place) < 3 or not any(c.isalpha() for c in place):
        return None
    date = Span(m.start("date"), m.end("date")) if m.group("date") else None
    if date is not None and _DATE_WORDS.match(m.group("date")):
        date = None
    agency = Span(m.start("agency"), m.end("agency")) if m.group("agency") else None
    country = Span(m.start("country"), m.end("country")) if m.group("country") else None
    return Dateline(
        span=Span(m.start("place"), m.end("dash")),
        place=Span(m.start("place"), m.end("place")),
        date=date,
        agency=agency,
        country=country,
    )


def dateline_date(text: str, dateline: Dateline | None, published: dt.date | None = None) -> dt.date | None:
    """The day the dateline names: "3 JAN 90" → 1990-01-03; "Tuesday" only with ``published`` (the latest
    Tuesday on or before it). None without a dateline, without date words ("NO DATE") or when they name
    no single day.
    """
    if dateline is None or dateline.date is None:
        return None
    got = normalise(dateline.date.text(text), published, tense="past")
    return got.start if got is not None and got.granularity == "day" else None


def has_place(text: str, dateline: Dateline) -> bool:
    """Whether the dateline names a place (not "NO CITY" or "CLANDESTINE")."""
    return " ".join(dateline.place.text(text).split()).upper() not in _NO_PLACE


def blank(text: str, dateline: Dateline | None) -> str:
    """``text`` with the dateline replaced by spaces (same length: offsets are unchanged)."""
    if dateline is None:
        return text
    s = dateline.span
    return text[: s.start] + " " * (s.end - s.start) + text[s.end :]


def dateline_country(text: str, dateline: Dateline | None, gaz: Gazetteer) -> str | None:
    """The country of the dateline's place, if it resolves on its own ("SAN SALVADOR" → SV)."""
    if dateline is None:
        return None
    if dateline.country is not None:
        country = gaz.country_by_name(dateline.country.text(text).title())
        if country is not None:
            return country.country
    if not has_place(text, dateline):
        return None
    entry = gaz.best(text[dateline.place.start : dateline.place.end].title())
    return entry.country if entry is not None else None


def dateline_place(
    text: str,
    dateline: Dateline | None,
    gaz: Gazetteer,
    places: tuple[Place, ...],
    id_prefix: str,
) -> tuple[tuple[Place, ...], str | None]:
    """Add the dateline's place to ``places`` (or its mention to the same place already found).

    Returns the places and the id of the dateline's place (None if there is no dateline, it names no place
    or it does not resolve, in the bracketed country where there is one). A bracketed country ("SAN CARLOS
    (NICARAGUA)") or else the countries already mentioned break ties ("SAN MIGUEL" in a Salvadoran story).
    """
    if dateline is None or not has_place(text, dateline):
        return places, None
    name = text[dateline.place.start : dateline.place.end].title()
    countries = [p.country for p in places if p.country]
    focus = max(set(countries), key=countries.count) if countries else None
    named = gaz.country_by_name(dateline.country.text(text).title()) if dateline.country else None
    if named is not None:
        focus = named.country  # "SAN CARLOS (NICARAGUA)": the bracketed country decides
    entry = gaz.best(name, focus_country=focus, context_countries=set(countries))
    if entry is None or (named is not None and entry.country != named.country):
        return places, None
    for i, p in enumerate(places):
        if p.geonames_id is not None and p.geonames_id == entry.geonames_id:
            updated = replace(p, mentions=tuple(sorted({*p.mentions, dateline.place})))
            return (*places[:i], updated, *places[i + 1 :]), p.id
    pid = f"{id_prefix}p{len(places) + 1}"
    place = place_from_entry(pid, entry, entry.ascii_name or entry.name, (dateline.place,), "geo.dateline")
    return (*places, place), pid
