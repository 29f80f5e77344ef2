"""Normalise one English time expression to a period of calendar days.

``normalise("on 15 August", date(2021, 9, 6), tense="past")`` gives 2021-08-15. Relative
expressions ("yesterday", "last month", "on Monday") resolve against the publication date;
expressions without a year ("15 August") against a *pivot* date (the publication date, or
another time of the article, see ``claimledger.dates.extract``). Durations ("two weeks"),
ordinals ("first") and vague words give ``None``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace

from claimledger.dates.absolute import (
    PART,
    PART_KEY,
    WEEKDAY,
    Cal,
    decade,
    modified_month,
    narrow,
    parse_cal,
    resolve_cal,
    season,
    weekday,
    weekday_of_week,
)
from claimledger.dates.calendar import DAY, Tense, as_date
from claimledger.dates.lexicon import MONTH_ALT, WEEKDAY_ALT, YEAR4_RE
from claimledger.dates.records import Context, Normalised
from claimledger.dates.relative import anchor_offsets, resolve_relative

__all__ = ["Context", "Normalised", "anchor_offsets", "clean", "normalise", "resolve"]

_Resolver = Callable[[Context], Normalised | None]

# --------------------------------------------------------------------------- cleaning

_TRANSLATE = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "’": "'", "‘": "'", "\u00a0": " "})
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_CLOCK = re.compile(
    r"\b(?:(?:at|around|about|approximately|by|before|after|until|from|shortly|just)\s+)*"
    r"(?:\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?\s?m\b\.?|p\.?\s?m\b\.?|o'clock\b)|\d{1,2}:\d{2}\b"
    r"|[012]\d[0-5]\d\s*(?:gmt|utc|hrs|hours|local\s+time)\b|noon\b|midday\b|midnight\b|dawn\b"
    r"|dusk\b|daybreak\b|nightfall\b|sunrise\b|sunset\b)"
    r"(?:\s*(?:local\s+time|gmt|utc|edt|est|bst|cet|cest|ist|pst|pdt)\b)?"
    r"|\b(?:at|approximately)\s+(?:[01]\d|2[0-3])[0-5]\d\b"  # wire clock: "AT 1940"
)
_EDGE = re.compile(r"^(?:[\s,;:.\-\"]|'(?!\d\d\b))+|[\s,;:\-\"']+$")  # keeps the ' of '89
_LEADING = re.compile(
    r"^(?:on|in|at|during|by|as\s+of|since|until|till|before|after|around|about|approximately|nearly"
    r"|almost|roughly|circa|sometime(?:\s+in)?|some\s+time\s+in|over|throughout|through|for|within\s+the"
    r"|early\s+on|late\s+on|(?:early|late)(?=\s+(?:yesterday|today|tomorrow|tonight|last\s+night|"
    + WEEKDAY_ALT
    + r")\b))\s+"
)
_DAY_HYPHEN_MONTH = re.compile(rf"\b(\d{{1,2}})-({MONTH_ALT})\b")
_NIGHT_OF = re.compile(r"^the\s+(night|(?:early|small|wee)\s+hours|morning|afternoon|evening)\s+of\s+")
_EXPLICIT_YEAR = re.compile(rf"\b{YEAR4_RE}\b|'\d\d\b|\b\d{{4}}-\d\d-\d\d\b|\b(?:{MONTH_ALT})\.?\s+\d\d$")


def clean(text: str) -> str:
    """Lower-cased text of an expression without clock times, parentheses and leading prepositions."""
    s = _PAREN.sub(" ", text.translate(_TRANSLATE).lower())
    s = _CLOCK.sub(" ", s)
    s = _DAY_HYPHEN_MONTH.sub(r"\1 \2", s)  # "3-October" (translated wire text)
    s = " ".join(s.split())
    s = _EDGE.sub("", s)
    if s.endswith("'s") and s[-3:-2] != "0":  # "yesterday's", not "the 1970's"
        s = s[:-2]
    while True:
        stripped = _EDGE.sub("", _LEADING.sub("", s, count=1))
        if stripped == s:
            return s
        s = stripped


# --------------------------------------------------------------------------- ranges

_TWO_DIGITS = re.compile(r"^\d\d$")
_RANGE_PREFIX = re.compile(r"^(between|from)\s+(.+)$")
_CONNECTOR = re.compile(r"\s+(?:and|to|until|till|through|thru)\s+|\s*-\s*")


def _range(s: str, ctx: Context) -> Normalised | None:
    prefixed = _RANGE_PREFIX.match(s)
    body = prefixed.group(2) if prefixed else s
    for m in _CONNECTOR.finditer(body):
        left, right = body[: m.start()].strip(), body[m.end() :].strip()
        if not left or not right:
            continue
        got = _cal_range(left, right, ctx)
        free = prefixed is not None or bool(WEEKDAY.match(left) and WEEKDAY.match(right))
        if got is None and free:
            got = _free_range(left, right, ctx)
        if got is not None:
            return got
    return None


def _cal_range(left: str, right: str, ctx: Context) -> Normalised | None:
    ref = ctx.pivot or ctx.published
    a, b = parse_cal(left, ref, bare_day=True), parse_cal(right, ref, bare_day=True)
    if a is not None and a.year is not None and a.month is None and not a.part and _TWO_DIGITS.match(right):
        b = Cal(year=a.year // 100 * 100 + int(right))  # "2019-20", "1868-74"
    if a is None or b is None:
        return None
    if a.month is None and a.day is not None and b.day is None:
        return None  # "3 - October" is no range
    if a.month is None and a.day is not None:
        a = replace(a, month=b.month)
    if b.month is None and b.day is not None:
        b = replace(b, month=a.month)
    if (a.day is not None and a.month is None) or (b.day is not None and b.month is None):
        return None
    return _ordered(lambda c: resolve_cal(a, c), lambda c: resolve_cal(b, c), ctx, a.year is not None, b.year)


def _free_range(left: str, right: str, ctx: Context) -> Normalised | None:
    return _ordered(lambda c: _resolve_clean(left, c), lambda c: _resolve_clean(right, c), ctx, False, None)


def _ordered(
    first: _Resolver, second: _Resolver, ctx: Context, first_has_year: bool, second_year: int | None
) -> Normalised | None:
    """Resolve the two ends of a range, placing the end without a year relative to the other one."""
    if second_year is None and (first_has_year or ctx.tense == "future"):
        na = first(ctx)
        nb = second(replace(ctx, pivot=na.end, tense="future")) if na else None
    else:
        nb = second(ctx)
        na = first(replace(ctx, pivot=nb.start, tense="past")) if nb else None
    if na is None or nb is None or na.start > nb.end:
        return None
    return Normalised(na.start, nb.end, "range")


# --------------------------------------------------------------------------- entry points


def _resolve_clean(s: str, ctx: Context) -> Normalised | None:
    night = _NIGHT_OF.match(s)
    if night:
        s = s[night.end() :]
    got = resolve_relative(s, ctx.published, ctx.tense)
    if got is not None:
        return Normalised(got[0], got[1], got[2])
    for fn in (weekday, weekday_of_week, modified_month, season, decade):
        if (n := fn(s, ctx)) is not None:
            return _night(n) if night and night.group(1) == "night" else n
    if (c := parse_cal(s, ctx.pivot or ctx.published)) is not None:
        n = resolve_cal(c, ctx)
        return _night(n) if n and night and night.group(1) == "night" else n
    if (part := PART.match(s)) is not None and (n := _relative_part(part, ctx)) is not None:
        return n
    return _range(s, ctx)


def _night(n: Normalised) -> Normalised:
    return Normalised(n.start, n.end + DAY, "range") if n.granularity == "day" else n


def _relative_part(m: re.Match[str], ctx: Context) -> Normalised | None:
    """A part of a relative month, year or week: "early last year", "the end of this month"."""
    key = PART_KEY.get(re.sub(r"^the\s+", "", " ".join(m.group(1).split())))
    got = resolve_relative(m.group(2), ctx.published, "unknown")
    if key is None or got is None or got[2] not in ("week", "month", "year"):
        return None
    start, end = narrow((got[0], got[1]), got[2], key)
    return Normalised(start, end, "range")


def resolve(text: str, ctx: Context) -> Normalised | None:
    """Resolve ``text`` in ``ctx``; past-tense clauses never get a relative date after publication."""
    s = clean(text)
    if not s:
        return None
    n = _resolve_clean(s, ctx)
    if n is None or ctx.published is None or ctx.tense != "past":
        return n
    pub = ctx.published
    if n.start > pub:
        return n if _EXPLICIT_YEAR.search(s) else None
    if n.end > pub:
        return Normalised(n.start, pub, "range")
    return n


def normalise(text: str, published: dt.date | None, *, tense: Tense = "unknown") -> Normalised | None:
    """Resolve one time expression against the publication date ``published``.

    Returns None when ``text`` is no time ("first", "two weeks") or cannot be placed (a relative
    expression with no publication date). ``tense`` is that of the clause: past places a date
    without a year or a weekday on or before publication, future after it.
    """
    pub = as_date(published)
    return resolve(text, Context(pub, pub, tense))
