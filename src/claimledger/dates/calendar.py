"""Calendar arithmetic for time normalisation: month ends, weeks, choosing among candidate periods."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Literal

Tense = Literal["past", "future", "unknown"]
Period = tuple[dt.date, dt.date]

DAY = dt.timedelta(days=1)


def as_date(value: dt.date | None) -> dt.date | None:
    """A ``datetime`` (a ``date`` subclass) reduced to its date; ``None`` passes through."""
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def month_period(year: int, month: int) -> Period:
    return dt.date(year, month, 1), month_end(year, month)


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    """``(year, month)`` moved by ``by`` months."""
    k = year * 12 + (month - 1) + by
    return k // 12, k % 12 + 1


def shift_months(day: dt.date, by: int) -> dt.date:
    """``day`` moved by ``by`` calendar months, clamped to the end of the target month."""
    y, m = shift_month(day.year, day.month, by)
    return dt.date(y, m, min(day.day, calendar.monthrange(y, m)[1]))


def year_period(year: int) -> Period:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def week_period(day: dt.date) -> Period:
    """The Monday-to-Sunday week containing ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    if not 1 <= year <= 9999 or not 1 <= month <= 12:
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


def distance(period: Period, pivot: dt.date) -> int:
    """Days between ``pivot`` and the nearest day of ``period`` (0 when it contains ``pivot``)."""
    start, end = period
    if start > pivot:
        return (start - pivot).days
    if end < pivot:
        return (pivot - end).days
    return 0


def choose(candidates: list[Period], pivot: dt.date, tense: Tense) -> Period | None:
    """The candidate that a mention in a clause of ``tense`` most plausibly means.

    past: the latest starting on or before ``pivot``; future: the earliest ending on or after it;
    unknown: the nearest to ``pivot`` (a tie goes to the earlier one).
    """
    ordered = sorted(candidates)
    if tense == "past":
        before = [c for c in ordered if c[0] <= pivot]
        return before[-1] if before else None
    if tense == "future":
        after = [c for c in ordered if c[1] >= pivot]
        return after[0] if after else None
    if not ordered:
        return None
    return min(ordered, key=lambda c: (distance(c, pivot), c[0] > pivot))


def weekday_on_or_before(day: dt.date, weekday: int) -> dt.date:
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)


def weekday_after(day: dt.date, weekday: int) -> dt.date:
    return day + dt.timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)


def two_digit_year(yy: int, pivot: dt.date | None) -> int:
    """Century for a two-digit year: the latest not more than a year after ``pivot`` (else 1950-2049)."""
    if pivot is None:
        return 2000 + yy if yy < 50 else 1900 + yy
    year = pivot.year // 100 * 100 + yy
    return year - 100 if year > pivot.year + 1 else year
