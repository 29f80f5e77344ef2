"""MUC-3/4 answer keys: the slot-value parsers and the gold incidents of a document.

Pure functions over the strings of ``muc34_templates.jsonl`` (no I/O; ``claimledger.eval.muc34`` reads the
files). MUC slot conventions handled here:

- ``-`` empty, ``*`` not applicable, a list = several fillers, ``A / B`` = alternatives, a leading ``?`` =
  an optional filler (kept: any alternative may match);
- dates (``INCIDENT: DATE``): ``30 DEC 89`` one day; ``- 26 AUG 89`` (or ``-26 AUG 89``) on or before that
  day (no lower bound); ``10 - 15 JAN 90`` / ``30 DEC 89 - 2 JAN 90`` a range (a left end without month or
  year takes them from the right end, a year back if that would put it after the right end); ``OCT 89`` the
  whole month; ``(2 JAN 90)`` brackets are dropped; ``A / B`` alternatives. A date without a year takes the
  latest year that puts it on or before the reference day (the dateline); without a reference it is
  unresolvable and dropped. Two-digit years are 19xx;
- locations (``INCIDENT: LOCATION``): ``COUNTRY: NAME (KIND): NAME (KIND) ...``; top-level ``/`` (outside
  brackets) separates alternatives, each possibly bracketed; ``A (CITY) - B (CITY)`` at one level names
  both places (from–to); the ``(KIND)`` suffixes are dropped (``(CITY / DEPARTMENT)`` too); the first level
  is the country;
- strings (perpetrators, targets): every double-quoted string of every filler (``\\"`` unescaped), so
  ``"MAYOR OF ACHI": "RICARDO ALFONSO CASTELLAR"`` gives both strings.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

# The incident types eval.md scores; other types (ROBBERY, FORCED WORK STOPPAGE) and the '*' placeholder
# templates of irrelevant documents are not gold incidents.
SCORED_TYPES: tuple[str, ...] = ("ATTACK", "BOMBING", "KIDNAPPING", "ARSON")
PLACEHOLDER = "*"
EMPTY_VALUES = frozenset({"", "-", "*"})

SLOT_ID = "MESSAGE: TEMPLATE"
SLOT_TYPE = "INCIDENT: TYPE"
SLOT_DATE = "INCIDENT: DATE"
SLOT_LOCATION = "INCIDENT: LOCATION"
PERP_SLOTS = ("PERP: INDIVIDUAL ID", "PERP: ORGANIZATION ID")
TARGET_SLOTS = ("HUM TGT: NAME", "HUM TGT: DESCRIPTION")

_MONTHS: dict[str, int] = {name.upper(): k for k, name in enumerate(calendar.month_name) if name}
_QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')
_KIND_SUFFIX = re.compile(r"\s*\([^()]*\)\s*$")
_DAY_MONTH_YEAR = re.compile(r"^(?:(?P<day>\d{1,2})\s+)?(?P<month>[A-Z]+)\.?(?:\s+(?P<year>\d{2}|\d{4}))?$")
_MONTH_DAY_YEAR = re.compile(r"^(?P<month>[A-Z]+)\.?\s+(?P<day>\d{1,2}),?(?:\s+(?P<year>\d{2}|\d{4}))?$")
_DAY_ONLY = re.compile(r"^(?P<day>\d{1,2})$")
_LEADING_DATE = re.compile(r"^\s*([A-Za-z0-9 .,]+?)\s*(?:[\[(]|$)")


@dataclass(frozen=True, slots=True)
class DateRange:
    """Days ``start``..``end`` inclusive; ``start`` None = any day on or before ``end``."""

    start: dt.date | None
    end: dt.date

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        return start <= self.end and (self.start is None or end >= self.start)


@dataclass(frozen=True, slots=True)
class GoldLocation:
    """One alternative of a location: its country and the names of its levels below the country."""

    country: str | None
    names: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GoldIncident:
    """One scored template of a document."""

    doc_id: str
    template: str  # MESSAGE: TEMPLATE, e.g. "2" or "3 (OPTIONAL)"
    types: frozenset[str]  # the scored types among its type alternatives
    optional: bool
    dates: tuple[DateRange, ...]  # alternatives; empty = no usable date
    locations: tuple[GoldLocation, ...]  # alternatives; empty = no location
    perps: tuple[str, ...]
    targets: tuple[str, ...]
    date_text: str = ""
    location_text: str = ""

    @property
    def label(self) -> str:
        return f"{self.doc_id}#{self.template} {'/'.join(sorted(self.types))}"


# --------------------------------------------------------------------------- generic slot values


def fillers(value: object) -> tuple[str, ...]:
    """The fillers of a slot value (a string or a list of strings), empty ones (``-``, ``*``) dropped."""
    items = value if isinstance(value, list) else [value]
    out = []
    for item in items:
        text = str(item).strip()
        if text not in EMPTY_VALUES:
            out.append(text)
    return tuple(out)


def slot_strings(value: object) -> tuple[str, ...]:
    """Every quoted string of every filler, unescaped, in order, without repeats."""
    found: list[str] = []
    for filler in fillers(value):
        for match in _QUOTED.finditer(filler):
            text = match.group(1).replace('\\"', '"').strip().strip('"').strip()
            if text and text not in found:
                found.append(text)
    return tuple(found)


def split_top_level(value: str, separator: str = "/") -> list[str]:
    """``value`` split on ``separator`` where it stands outside brackets and quotes; parts stripped."""
    parts: list[str] = []
    depth = 0
    quoted = False
    current: list[str] = []
    for ch in value:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch == "(":
            depth += 1
        elif not quoted and ch == ")":
            depth = max(0, depth - 1)
        if ch == separator and depth == 0 and not quoted:
            parts.append("".join(current).strip())
            current = []
        else:
            current.append(ch)
    parts.append("".join(current).strip())
    return [p for p in parts if p]


def _unwrap(text: str) -> str:
    """``text`` without a leading ``?`` and without brackets that enclose all of it."""
    text = text.strip().removeprefix("?").strip()
    while text.startswith("(") and text.endswith(")") and _closing_bracket(text) == len(text) - 1:
        text = text[1:-1].strip().removeprefix("?").strip()
    return text


def _closing_bracket(text: str) -> int:
    depth = 0
    for k, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0:
            return k
    return -1


# --------------------------------------------------------------------------- dates


def month_number(word: str) -> int | None:
    """1..12 for a month name or a prefix of one of at least three letters (``JAN``, ``SEPT``), else None."""
    word = word.upper().rstrip(".")
    if len(word) < 3:
        return None
    return next((number for name, number in _MONTHS.items() if name.startswith(word)), None)


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    year = int(text)
    return 1900 + year if year < 100 else year


def _with_year(year: int | None, month: int, day: int | None, reference: dt.date | None) -> DateRange | None:
    """The day (or the whole month without a day); a missing year from ``reference`` (on or before it)."""
    if year is None:
        if reference is None:
            return None
        year = reference.year
        first = dt.date(year, month, 1)
        if first > reference or (
            day is not None
            and day <= calendar.monthrange(year, month)[1]
            and dt.date(year, month, day) > reference
        ):
            year -= 1
    last_day = calendar.monthrange(year, month)[1]
    if day is None:
        return DateRange(dt.date(year, month, 1), dt.date(year, month, last_day))
    if not 1 <= day <= last_day:
        return None
    return DateRange(dt.date(year, month, day), dt.date(year, month, day))


def parse_day(text: str, reference: dt.date | None = None) -> DateRange | None:
    """``3 JAN 90``, ``JUNE 11 89``, ``18 APRIL 89``, ``OCT 89``, ``9 DEC`` → its days; None if not a date."""
    text = " ".join(text.upper().replace(",", " ").split())
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        match = pattern.match(text)
        if match is None:
            continue
        month = month_number(match["month"])
        if month is None:
            continue
        day = int(match["day"]) if match["day"] else None
        return _with_year(_year(match["year"]), month, day, reference)
    return None


def parse_dateline_date(text: str) -> dt.date | None:
    """The publication day of a dateline's date (``3 JAN 90`` → 1990-01-03); None without a full date.

    Text after a bracket is ignored (``27 APR 90 [INRAVISION ...``); ``NO DATE`` and dates without a year
    give None.
    """
    match = _LEADING_DATE.match(text or "")
    if match is None:
        return None
    words = " ".join(match.group(1).upper().replace(",", " ").split())
    if not re.search(r"\d{2,4}$", words) or _DAY_ONLY.match(words):
        return None
    days = parse_day(words)
    if days is None or days.start is None or days.start != days.end:
        return None
    return days.start


def parse_dateline_day_month(text: str) -> tuple[int, int] | None:
    """``(month, day)`` of a dateline date without a year (``7 FEB``), else None."""
    match = _LEADING_DATE.match(text or "")
    if match is None:
        return None
    words = " ".join(match.group(1).upper().split())
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        found = pattern.match(words)
        if found and found["day"] and not found["year"]:
            month = month_number(found["month"])
            return (month, int(found["day"])) if month else None
    return None


def parse_gold_date(value: object, reference: dt.date | None = None) -> tuple[DateRange, ...]:
    """The alternatives of an ``INCIDENT: DATE`` value (see the module docstring); empty if none."""
    out: list[DateRange] = []
    for filler in fillers(value):
        for alternative in split_top_level(filler):
            days = _parse_date_alternative(_unwrap(alternative), reference)
            if days is not None and days not in out:
                out.append(days)
    return tuple(out)


def _parse_date_alternative(text: str, reference: dt.date | None) -> DateRange | None:
    text = text.strip()
    if text.startswith("-"):
        end = parse_day(text[1:].strip(), reference)
        return DateRange(None, end.end) if end is not None else None
    parts = [p.strip() for p in re.split(r"\s*-\s*", text) if p.strip()]
    if len(parts) == 1:
        return parse_day(parts[0], reference)
    if len(parts) != 2:
        return None
    right = parse_day(parts[1], reference)
    if right is None:
        return None
    left = _range_start(parts[0], right.end, reference)
    if left is None or left > right.end:
        return None
    return DateRange(left, right.end)


def _range_start(text: str, end: dt.date, reference: dt.date | None) -> dt.date | None:
    """The first day of a range's left end, taking a missing month or year from the right end."""
    only_day = _DAY_ONLY.match(text.upper())
    if only_day:
        day = int(only_day["day"])
        if day > calendar.monthrange(end.year, end.month)[1]:
            return None
        return dt.date(end.year, end.month, day)
    days = parse_day(text, end)  # a missing year: the latest putting it on or before the right end
    if days is None or days.start is None:
        days = parse_day(text, reference)
    return days.start if days is not None else None


# --------------------------------------------------------------------------- locations


def parse_gold_location(value: object) -> tuple[GoldLocation, ...]:
    """The alternatives of an ``INCIDENT: LOCATION`` value (see the module docstring); empty if none."""
    out: list[GoldLocation] = []
    for filler in fillers(value):
        for alternative in split_top_level(filler):
            location = _parse_location_alternative(_unwrap(alternative))
            if location is not None and location not in out:
                out.append(location)
    return tuple(out)


def _parse_location_alternative(text: str) -> GoldLocation | None:
    levels = [level.strip() for level in text.split(":")]
    levels = [level for level in levels if level]
    if not levels:
        return None
    country = _strip_kind(levels[0]) or None
    names: list[str] = []
    for level in levels[1:]:
        for part in re.split(r"\s+-\s+", level):
            name = _strip_kind(part)
            if name and name not in names:
                names.append(name)
    return GoldLocation(country, tuple(names))


def _strip_kind(text: str) -> str:
    """``SAN MIGUEL (DEPARTMENT)`` → ``SAN MIGUEL``."""
    previous = None
    text = text.strip().removeprefix("?").strip()
    while previous != text:
        previous = text
        text = _KIND_SUFFIX.sub("", text).strip()
    return text


# --------------------------------------------------------------------------- templates


def incident_types(value: object) -> frozenset[str]:
    """The type alternatives of ``INCIDENT: TYPE`` (``BOMBING / ATTACK`` → both)."""
    return frozenset(_unwrap(a).upper() for f in fillers(value) for a in split_top_level(f))


def gold_incident(template: Mapping[str, object], reference: dt.date | None) -> GoldIncident | None:
    """The gold incident of one template, or None for a placeholder or a type eval.md does not score."""
    types = incident_types(template.get(SLOT_TYPE, PLACEHOLDER)) & frozenset(SCORED_TYPES)
    if not types:
        return None
    template_id = str(template.get(SLOT_ID, "?")).strip()
    return GoldIncident(
        doc_id=str(template.get("doc_id", "")),
        template=template_id,
        types=types,
        optional="OPTIONAL" in template_id.upper(),
        dates=parse_gold_date(template.get(SLOT_DATE, "-"), reference),
        locations=parse_gold_location(template.get(SLOT_LOCATION, "-")),
        perps=_strings(template, PERP_SLOTS),
        targets=_strings(template, TARGET_SLOTS),
        date_text=_as_text(template.get(SLOT_DATE, "-")),
        location_text=_as_text(template.get(SLOT_LOCATION, "-")),
    )


def _strings(template: Mapping[str, object], slots: Sequence[str]) -> tuple[str, ...]:
    out: list[str] = []
    for slot in slots:
        out.extend(s for s in slot_strings(template.get(slot, "-")) if s not in out)
    return tuple(out)


def _as_text(value: object) -> str:
    return " | ".join(str(v) for v in value) if isinstance(value, list) else str(value)
