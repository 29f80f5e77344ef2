"""Calendar expressions ("15 August", "3 JAN 90", "mid-2019", "the 1990s"), weekdays and seasons.

A date without a year and a weekday are placed relative to ``Context.pivot`` by the clause's tense.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from claimledger.dates import calendar as cal
from claimledger.dates.calendar import DAY, Period, Tense
from claimledger.dates.lexicon import (
    MONTH_ALT,
    MONTHS,
    PART_OF_DAY_RE,
    SEASONS,
    WEEKDAY_ALT,
    WEEKDAYS,
    YEAR4_RE,
)
from claimledger.dates.records import Context, Normalised
from claimledger.types import Granularity


@dataclass(frozen=True, slots=True)
class Cal:
    """A calendar expression with possibly missing fields ("15 August", "2019", "the 19th")."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    part: str | None = None  # early | mid | late ... narrows a month or year


_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])"
_WD_PREFIX = rf"(?:({WEEKDAY_ALT})\.?,?\s+)?"
_YEAR_ANY = rf"({YEAR4_RE}|'\d\d|\d\d)"
_ISO = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_DMY = re.compile(
    rf"^{_WD_PREFIX}(?:the\s+)?({_DAYNUM})(?:st|nd|rd|th)?(?:\s+of)?\s+({MONTH_ALT})\b\.?(?:,?\s+{_YEAR_ANY})?$"
)
_MDY = re.compile(
    rf"^{_WD_PREFIX}({MONTH_ALT})\b\.?\s+(?:the\s+)?({_DAYNUM})(?:st|nd|rd|th)?(?:,?\s+({YEAR4_RE}|'\d\d|\d\d))?$"
)
# a bare two-digit year only where it cannot be a day ("JAN 90", not "JAN 20")
_MY = re.compile(rf"^({MONTH_ALT})\b\.?,?\s+(?:of\s+)?({YEAR4_RE}|'\d\d|3[2-9]|[4-9]\d|00)$")
_M = re.compile(rf"^({MONTH_ALT})\b\.?$")
_Y = re.compile(rf"^(?:the\s+year\s+)?({YEAR4_RE}|'\d\d)$")
_DAY_ONLY = re.compile(rf"^(the\s+)?({_DAYNUM})(st|nd|rd|th)?$")
_DAY_YEAR = re.compile(rf"^({_DAYNUM})(?:st|nd|rd|th)?,?\s+({YEAR4_RE})$")  # "7, 2020" in "January 4-7, 2020"
_DECADE = re.compile(
    r"^(?:the\s+)?(?:(early|mid|middle|late)[-\s]+)?(?:the\s+)?(?:(1[89]\d|20\d)0|'(\d)0)'?s$"
)
_DECADE_PARTS = {"early": (0, 3), "mid": (3, 6), "middle": (3, 6), "late": (7, 9)}
_SEASON = re.compile(
    rf"^(?:(last|this|next|past)\s+)?(?:the\s+)?(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?({YEAR4_RE}))?$"
)
PART = re.compile(
    r"^(early|mid|middle|late|end|beginning|start|the\s+(?:end|beginning|start|middle)"
    r"|the\s+(?:first|second|latter)\s+half|the\s+(?:first|last)\s+(?:week|days|few\s+days))"
    r"(?:\s*-\s*|\s+of\s+the\s+|\s+of\s+|\s+)(.+)$"
)
PART_KEY = {
    "early": "early",
    "beginning": "early",
    "start": "early",
    "mid": "mid",
    "middle": "mid",
    "late": "late",
    "end": "late",
    "first half": "first half",
    "second half": "second half",
    "latter half": "second half",
    "first week": "first week",
    "last week": "last week",
    "first days": "early",
    "first few days": "early",
    "last days": "late",
    "last few days": "late",
}


def _year(token: str, pivot: dt.date | None) -> int:
    if token.startswith("'") or len(token) == 2:
        return cal.two_digit_year(int(token.lstrip("'")), pivot)
    return int(token)


def parse_cal(s: str, pivot: dt.date | None, *, bare_day: bool = False) -> Cal | None:
    """Parse a calendar expression (no relative words); ``pivot`` only places two-digit years."""
    if m := _ISO.match(s):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        return Cal(y, mo, d) if cal.safe_date(y, mo, d) else None
    if m := _DMY.match(s):
        wd, day, mon, yr = m.groups()
        return _cal(yr, MONTHS[mon], int(day), wd, pivot)
    if m := _MDY.match(s):
        wd, mon, day, yr = m.groups()
        return _cal(yr, MONTHS[mon], int(day), wd, pivot)
    if m := _MY.match(s):
        return Cal(_year(m.group(2), pivot), MONTHS[m.group(1)])
    if m := _M.match(s):
        return Cal(None, MONTHS[m.group(1)])
    if m := _Y.match(s):
        return Cal(_year(m.group(1), pivot))
    if (m := _DAY_ONLY.match(s)) and (bare_day or m.group(1) or m.group(3)):
        return Cal(day=int(m.group(2)))
    if bare_day and (m := _DAY_YEAR.match(s)):
        return Cal(year=int(m.group(2)), day=int(m.group(1)))
    if m := PART.match(s):
        key = PART_KEY.get(re.sub(r"^the\s+", "", " ".join(m.group(1).split())))
        inner = parse_cal(m.group(2), pivot)
        if key and inner and inner.day is None and inner.part is None and (inner.month or inner.year):
            return replace(inner, part=key)
    return None


def _cal(yr: str | None, month: int, day: int, wd: str | None, pivot: dt.date | None) -> Cal | None:
    year = _year(yr, pivot) if yr else None
    if year is not None and cal.safe_date(year, month, day) is None:
        return None
    if year is None and cal.safe_date(2000, month, day) is None:  # 2000 is a leap year
        return None
    return Cal(year, month, day, WEEKDAYS[wd] if wd else None)


_YEAR_PARTS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12), "first half": (1, 6), "second half": (7, 12)}


def narrow(period: Period, unit: str, part: str) -> Period:
    """The ``part`` ("early", "mid", "first half"...) of a month, year or week."""
    start, end = period
    if unit == "month":
        last = end.day
        days = {
            "early": (1, 10),
            "mid": (11, 20),
            "late": (21, last),
            "first half": (1, 15),
            "second half": (16, last),
            "first week": (1, 7),
            "last week": (last - 6, last),
        }[part]
        return start.replace(day=days[0]), start.replace(day=days[1])
    if unit == "year":
        if part in ("first week", "last week"):
            return (start, start + 6 * DAY) if part == "first week" else (end - 6 * DAY, end)
        lo, hi = _YEAR_PARTS[part]
        return dt.date(start.year, lo, 1), cal.month_end(start.year, hi)
    offsets = {"early": (0, 2), "mid": (1, 3), "late": (3, 6), "first half": (0, 3), "second half": (3, 6)}
    lo, hi = offsets.get(part, (0, 6))
    return start + lo * DAY, start + hi * DAY


def _cal_period(c: Cal, year: int, month: int | None) -> tuple[Period, Granularity] | None:
    if month is None:
        period = cal.year_period(year)
        return (narrow(period, "year", c.part), "range") if c.part else (period, "year")
    if c.day is None:
        period = cal.month_period(year, month)
        return (narrow(period, "month", c.part), "range") if c.part else (period, "month")
    day = cal.safe_date(year, month, c.day)
    return ((day, day), "day") if day else None


def resolve_cal(c: Cal, ctx: Context) -> Normalised | None:
    got = _cal_period(c, c.year, c.month) if c.year is not None else _choose_cal(c, ctx)
    if got is None:
        return None
    (start, end), gran = got
    return Normalised(start, end, gran)


def _choose_cal(c: Cal, ctx: Context) -> tuple[Period, Granularity] | None:
    pivot = ctx.pivot
    if pivot is None:
        return None
    found: list[tuple[Period, Granularity]] = []
    if c.month is not None:
        for y in range(pivot.year - 1, pivot.year + 2):
            if got := _cal_period(c, y, c.month):
                found.append(got)
        if c.weekday is not None and c.day is not None:
            matching = [f for f in found if f[0][0].weekday() == c.weekday]
            found = matching or found
    elif c.day is not None:
        for k in range(-2, 3):
            y, m = cal.shift_month(pivot.year, pivot.month, k)
            if got := _cal_period(c, y, m):
                found.append(got)
    chosen = cal.choose([f[0] for f in found], pivot, ctx.tense)
    return next((f for f in found if f[0] == chosen), None)


# --------------------------------------------------------------------------- weekdays, seasons, decades

WEEKDAY = re.compile(
    rf"^(?:(last|this|next|past|coming|this\s+past|this\s+coming)\s+)?({WEEKDAY_ALT})\.?(?:\s+({PART_OF_DAY_RE}))?$"
)


def weekday(s: str, ctx: Context) -> Normalised | None:
    m = WEEKDAY.match(s)
    if m is None or ctx.pivot is None or ctx.published is None:
        return None
    mod, name, part = m.group(1), m.group(2), m.group(3)
    wd, pivot = WEEKDAYS[name], ctx.pivot
    mod = " ".join(mod.split()) if mod else None
    if mod in ("last", "past", "this past"):
        day = cal.weekday_on_or_before(pivot - DAY, wd)
    elif mod in ("next", "coming", "this coming"):
        day = cal.weekday_after(pivot, wd)
    elif mod == "this" and ctx.tense == "unknown":
        day = cal.week_period(pivot)[0] + wd * DAY
    elif ctx.tense == "future":
        day = cal.weekday_after(pivot - DAY, wd) if mod == "this" else cal.weekday_after(pivot, wd)
    else:
        day = cal.weekday_on_or_before(pivot, wd)
    if part == "night":
        return Normalised(day, day + DAY, "range")
    return Normalised(day, day, "day")


def season(s: str, ctx: Context) -> Normalised | None:
    m = _SEASON.match(s)
    if m is None:
        return None
    mod, name, year = m.group(1), m.group(2), m.group(3)
    first, length = SEASONS[name]

    def period(y: int) -> Period:
        ey, em = cal.shift_month(y, first, length - 1)
        return dt.date(y, first, 1), cal.month_end(ey, em)

    if year:
        start, end = period(int(year))
        return Normalised(start, end, "range")
    if ctx.pivot is None or (mod and ctx.published is None):
        return None
    pivot = ctx.pivot
    chosen = _pick([period(y) for y in range(pivot.year - 2, pivot.year + 2)], pivot, mod, ctx.tense)
    return Normalised(chosen[0], chosen[1], "range") if chosen else None


def _pick(cands: list[Period], pivot: dt.date, mod: str | None, tense: Tense) -> Period | None:
    """One of yearly recurring periods: "last summer", "this January", "next spring", "in May"."""
    if mod in ("last", "past"):
        return max((c for c in cands if c[1] < pivot), default=None)
    if mod == "next":
        return min((c for c in cands if c[0] > pivot), default=None)
    if mod == "this":
        within = [c for c in cands if c[0] <= pivot <= c[1]] or [c for c in cands if c[0].year == pivot.year]
        return within[0] if within else None
    return cal.choose(cands, pivot, tense)


_MODIFIED_MONTH = re.compile(rf"^(last|this|next|past)\s+({MONTH_ALT})\b\.?$")
_WEEKDAY_OF_WEEK = re.compile(
    rf"^({WEEKDAY_ALT})\.?(?:\s+({PART_OF_DAY_RE}))?,?\s+(?:of\s+)?(last|this|next|the\s+previous)\s+week$"
)


def modified_month(s: str, ctx: Context) -> Normalised | None:
    """ "last January", "next May": the month before or after publication."""
    m = _MODIFIED_MONTH.match(s)
    if m is None or ctx.pivot is None or ctx.published is None:
        return None
    pivot, month = ctx.pivot, MONTHS[m.group(2)]
    cands = [cal.month_period(y, month) for y in range(pivot.year - 1, pivot.year + 2)]
    chosen = _pick(cands, pivot, m.group(1), ctx.tense)
    return Normalised(chosen[0], chosen[1], "month") if chosen else None


def weekday_of_week(s: str, ctx: Context) -> Normalised | None:
    """ "Tuesday last week", "Friday of next week"."""
    m = _WEEKDAY_OF_WEEK.match(s)
    if m is None or ctx.published is None:
        return None
    step = {"last": -7, "the previous": -7, "this": 0, "next": 7}[" ".join(m.group(3).split())]
    monday = cal.week_period(ctx.published + step * DAY)[0]
    day = monday + WEEKDAYS[m.group(1)] * DAY
    return Normalised(day, day + DAY, "range") if m.group(2) == "night" else Normalised(day, day, "day")


def decade(s: str, ctx: Context) -> Normalised | None:
    m = _DECADE.match(s)
    if m is None:
        return None
    if m.group(2):
        first = int(m.group(2)) * 10
    else:
        first = cal.two_digit_year(int(m.group(3)) * 10, ctx.pivot or ctx.published)
    lo, hi = _DECADE_PARTS[m.group(1)] if m.group(1) else (0, 9)
    return Normalised(dt.date(first + lo, 1, 1), dt.date(first + hi, 12, 31), "range")
