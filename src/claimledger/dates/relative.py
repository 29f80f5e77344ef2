"""Relative time words: "yesterday", "last night", "last month", "three days ago", "the next day".

These resolve against the publication date only. Functions take an already cleaned expression
(lower case, no leading preposition: see ``claimledger.dates.normalise.clean``).
"""

from __future__ import annotations

import datetime as dt
import math
import re

from claimledger.dates import calendar as cal
from claimledger.dates.calendar import DAY, Period, Tense
from claimledger.dates.lexicon import NUMBER_ALT, NUMBERS, PART_OF_DAY_RE, VAGUE
from claimledger.types import Granularity

Resolved = tuple[dt.date, dt.date, Granularity]

# Offsets in days from publication (start, end) of fixed deictic phrases.
_DEICTIC: dict[str, tuple[int, int]] = {
    "this morning": (0, 0),
    "this afternoon": (0, 0),
    "this evening": (0, 0),
    "earlier today": (0, 0),
    "later today": (0, 0),
    "last night": (-1, 0),
    "late last night": (-1, 0),
    "last evening": (-1, -1),
    "the day before yesterday": (-2, -2),
    "the day after tomorrow": (2, 2),
    # the present: the day of publication (TimeML's PRESENT_REF)
    "now": (0, 0),
    "right now": (0, 0),
    "currently": (0, 0),
    "present": (0, 0),  # "at present" without its preposition
}
_DAY_WORD = re.compile(rf"^(yesterday|today|tomorrow|tonight)(?:\s+({PART_OF_DAY_RE}))?$")
_DAY_WORD_OFFSET = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}

# Offsets in days from another time of the article (the anchor) of phrases relative to it.
_ANCHORED: dict[str, tuple[int, int]] = {
    **dict.fromkeys(
        (
            "the previous day",
            "the day before",
            "a day earlier",
            "one day earlier",
            "a day before",
            "the preceding day",
            "the eve",
        ),
        (-1, -1),
    ),
    **dict.fromkeys(
        (
            "the next day",
            "the following day",
            "a day later",
            "one day later",
            "the day after",
            "the next morning",
            "the following morning",
        ),
        (1, 1),
    ),
    **dict.fromkeys(
        (
            "that day",
            "the same day",
            "that same day",
            "that morning",
            "the same morning",
            "that afternoon",
            "that evening",
            "the same evening",
        ),
        (0, 0),
    ),
    **dict.fromkeys(("that night", "the same night", "that same night"), (0, 1)),
    **dict.fromkeys(("the previous night", "the night before", "the preceding night"), (-1, 0)),
    **dict.fromkeys(("the following night", "the next night"), (1, 2)),
}

_COUNT = rf"(\d+|{NUMBER_ALT}|an?|(?:a\s+)?couple\s+of|(?:a\s+)?few|several|some)"
_SHIFT = re.compile(
    rf"^(?:(?:about|around|nearly|almost|some|more\s+than|over|just|only)\s+)?(?:{_COUNT}\s+)?"
    r"(hours?|days?|weeks?|months?|years?)\s+(ago|earlier|before|later|after|from\s+now|hence|on)$"
)
_CALENDAR_UNIT = re.compile(
    r"^(?:(earlier|later)\s+)?(?:in\s+)?(this|last|next|previous|past|coming)\s+(week|month|year|weekend)$"
)
_ROLLING = re.compile(
    rf"^(the\s+)?(?:this\s+)?(past|last|previous|recent|coming|next)\s+(?:{_COUNT}\s+)?"
    r"(hours?|days?|weeks?|months?|years?)$"
)
_WEEKEND = re.compile(r"^(?:(last|this|next|the\s+past|this\s+past|the\s+coming)\s+|the\s+)weekend$")


def _count(word: str | None) -> tuple[int, int] | None:
    """(fewest, most) for a count word; exact counts give equal bounds."""
    if word is None:
        return None
    w = " ".join(word.split())
    if w.isdigit():
        return int(w), int(w)
    if w in NUMBERS:
        return NUMBERS[w], NUMBERS[w]
    return VAGUE.get(w.removeprefix("a ") if w.startswith("a ") and w != "a few" else w)


def anchor_offsets(s: str) -> tuple[int, int] | None:
    """Day offsets (start, end) of an expression relative to another time ("the next day": (1, 1))."""
    if s in _ANCHORED:
        return _ANCHORED[s]
    if f"the {s}" in _ANCHORED:  # "next day" in wire text
        return _ANCHORED[f"the {s}"]
    m = _SHIFT.match(s)
    if m is None or m.group(3) not in ("earlier", "before", "later", "after"):
        return None
    bounds = _count(m.group(1))
    unit = m.group(2).rstrip("s")
    if bounds is None or bounds[0] != bounds[1] or unit not in ("day", "week"):
        return None
    days = bounds[0] * (7 if unit == "week" else 1)
    sign = -1 if m.group(3) in ("earlier", "before") else 1
    return sign * days, sign * days


def resolve_relative(s: str, published: dt.date | None, tense: Tense) -> Resolved | None:
    """A period for a relative expression, or None (not relative, or no publication date)."""
    if published is None:
        return None
    pub = published
    if s in _DEICTIC:
        lo, hi = _DEICTIC[s]
        return pub + lo * DAY, pub + hi * DAY, "range" if lo != hi else "day"
    if s == "overnight":
        return (pub, pub + DAY, "range") if tense == "future" else (pub - DAY, pub, "range")
    if m := _DAY_WORD.match(s):
        day = pub + _DAY_WORD_OFFSET[m.group(1)] * DAY
        return (day, day + DAY, "range") if m.group(2) == "night" else (day, day, "day")
    if (offsets := anchor_offsets(s)) is not None:
        return pub + offsets[0] * DAY, pub + offsets[1] * DAY, "range" if offsets[0] != offsets[1] else "day"
    if m := _SHIFT.match(s):
        return _shift(pub, m)
    if m := _CALENDAR_UNIT.match(s):
        return _calendar_unit(pub, m.group(1), m.group(2), m.group(3), tense)
    if m := _WEEKEND.match(s):
        return _weekend(pub, " ".join((m.group(1) or "this").split()), tense)
    if m := _ROLLING.match(s):
        return _rolling(pub, m)
    return None


def _unit_shift(pub: dt.date, unit: str, n: int) -> dt.date:
    if unit == "hour":
        return pub + (math.floor(n / 24) if n >= 0 else -math.floor(-n / 24)) * DAY
    if unit == "day":
        return pub + n * DAY
    if unit == "week":
        return pub + 7 * n * DAY
    return cal.shift_months(pub, n * (12 if unit == "year" else 1))


def _unit_period(day: dt.date, unit: str) -> tuple[Period, Granularity]:
    if unit in ("hour", "day"):
        return (day, day), "day"
    if unit == "week":
        return cal.week_period(day), "week"
    if unit == "month":
        return cal.month_period(day.year, day.month), "month"
    return cal.year_period(day.year), "year"


def _shift(pub: dt.date, m: re.Match[str]) -> Resolved | None:
    """Counted from publication: "three days ago", "a few weeks ago", "two months from now"."""
    unit, direction = m.group(2).rstrip("s"), " ".join(m.group(3).split())
    if direction not in ("ago", "from now", "hence"):
        return None  # "two days later": relative to another time (see anchor_offsets)
    bounds = _count(m.group(1)) if m.group(1) else ((1, 7) if unit == "day" else (1, 4))
    if bounds is None:
        return None
    sign = -1 if direction == "ago" else 1
    lo, hi = bounds
    if lo == hi:
        (start, end), gran = _unit_period(_unit_shift(pub, unit, sign * lo), unit)
        return start, end, gran
    near, far = _unit_shift(pub, unit, sign * lo), _unit_shift(pub, unit, sign * hi)
    return min(near, far), max(near, far), "range"


def _calendar_unit(pub: dt.date, edge: str | None, mod: str, unit: str, tense: Tense) -> Resolved | None:
    """Calendar units: "last week", "this month", "earlier this year"; "the past week" rolls back."""
    if unit == "weekend":
        return _weekend(pub, mod, tense)
    if mod == "past":
        return _unit_shift(pub, unit, -1), pub, "range"
    if mod == "coming":
        return pub, _unit_shift(pub, unit, 1), "range"
    step = {"this": 0, "last": -1, "previous": -1, "next": 1}[mod]
    (start, end), gran = _unit_period(_unit_shift(pub, unit, step), unit)
    if edge == "earlier" and step == 0:
        return start, pub, "range"
    if edge == "later" and step == 0:
        return pub, end, "range"
    return start, end, gran


def _weekend(pub: dt.date, mod: str, tense: Tense) -> Resolved:
    """Saturday and Sunday of "the weekend", "last weekend", "next weekend"."""
    saturday = cal.weekday_on_or_before(pub, 5)
    if mod in ("last", "the past", "this past"):
        if saturday + DAY >= pub:
            saturday -= 7 * DAY
    elif mod in ("next", "the coming"):
        if saturday <= pub:
            saturday += 7 * DAY
    elif tense == "future" and saturday + DAY < pub:
        saturday += 7 * DAY
    return saturday, saturday + DAY, "range"


def _rolling(pub: dt.date, m: re.Match[str]) -> Resolved | None:
    """Periods ending or starting at publication: "the past few days", "recent weeks", "the coming days"."""
    the, mod, count, unit = m.group(1), m.group(2), m.group(3), m.group(4)
    plural = unit.endswith("s")
    unit = unit.rstrip("s")
    if not the and count is None and not plural:
        return None  # "last week" is a calendar week (see _calendar_unit)
    if count is None:
        n = {"hour": 24, "day": 7, "week": 4, "month": 3, "year": 3}[unit] if plural else 1
    else:
        bounds = _count(count)
        if bounds is None:
            return None
        n = bounds[1]
    if mod in ("coming", "next"):
        return pub, _unit_shift(pub, unit, n), "range"
    if mod == "previous" and the and count is None and not plural:
        (start, end), gran = _unit_period(_unit_shift(pub, unit, -1), unit)
        return start, end, gran
    return _unit_shift(pub, unit, -n), pub, "range"
