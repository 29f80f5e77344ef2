"""The date expressions of issue 5, each against several publication dates and clause tenses.

Weekdays (past: the latest such day on or before publication; future: the next one after it), "yesterday",
"last night", "overnight", "earlier this week/month", a day and month without a year (past: the nearest
on or before publication), "last month", "in 2019", ranges, wire datelines and upper-case wire text,
two-digit years. Publication dates are picked to cross week, month, year and leap-day boundaries.
"""

from __future__ import annotations

import datetime as dt

import pytest

from claimledger.dates import Normalised, normalise

D = dt.date.fromisoformat
MON = D("2021-09-06")  # the founding article
SUN = D("2021-09-05")
FIRST = D("2021-09-01")  # a Wednesday, first of a month
NEW_YEAR = D("2022-01-01")  # a Saturday, first of a year
MUC = D("1990-01-03")  # a Wednesday: "SAN SALVADOR, 3 JAN 90 --"
LEAP = D("2020-02-29")  # a Saturday, a leap day


def day(iso: str) -> Normalised:
    return Normalised(D(iso), D(iso), "day")


def rng(start: str, end: str) -> Normalised:
    return Normalised(D(start), D(end), "range")


def unit(start: str, end: str, granularity: str) -> Normalised:
    return Normalised(D(start), D(end), granularity)  # type: ignore[arg-type]


Case = tuple[str, dt.date | None, str, Normalised | None]

WEEKDAYS: list[Case] = [
    ("Friday", MON, "past", day("2021-09-03")),
    ("Friday", MON, "future", day("2021-09-10")),
    ("Sunday", SUN, "past", day("2021-09-05")),
    ("Sunday", SUN, "future", day("2021-09-12")),
    ("Saturday", SUN, "past", day("2021-09-04")),
    ("Monday", SUN, "future", day("2021-09-06")),
    ("Tuesday", FIRST, "past", day("2021-08-31")),
    ("Friday", NEW_YEAR, "past", day("2021-12-31")),
    ("Monday", NEW_YEAR, "future", day("2022-01-03")),
    ("SUNDAY", MUC, "past", day("1989-12-31")),
    ("ON TUESDAY", MUC, "past", day("1990-01-02")),
    ("Wednesday", MUC, "unknown", day("1990-01-03")),
    ("THURSDAY", MUC, "future", day("1990-01-04")),
    ("on Friday", LEAP, "past", day("2020-02-28")),
    ("Saturday", LEAP, "past", day("2020-02-29")),
    ("LAST SATURDAY", MUC, "past", day("1989-12-30")),
    ("Thursday night", MON, "past", rng("2021-09-02", "2021-09-03")),
]

DEICTIC: list[Case] = [
    ("yesterday", FIRST, "past", day("2021-08-31")),
    ("YESTERDAY", MUC, "past", day("1990-01-02")),
    ("yesterday", NEW_YEAR, "unknown", day("2021-12-31")),
    ("yesterday", LEAP, "past", day("2020-02-28")),
    ("YESTERDAY MORNING", MUC, "past", day("1990-01-02")),
    ("last night", NEW_YEAR, "past", rng("2021-12-31", "2022-01-01")),
    ("LAST NIGHT", MUC, "past", rng("1990-01-02", "1990-01-03")),
    ("overnight", FIRST, "past", rng("2021-08-31", "2021-09-01")),
    ("OVERNIGHT", MUC, "unknown", rng("1990-01-02", "1990-01-03")),
    ("earlier this week", SUN, "past", rng("2021-08-30", "2021-09-05")),
    ("EARLIER THIS WEEK", MUC, "past", rng("1990-01-01", "1990-01-03")),
    ("earlier this month", FIRST, "past", rng("2021-09-01", "2021-09-01")),
    ("EARLIER THIS MONTH", MUC, "past", rng("1990-01-01", "1990-01-03")),
    ("earlier this month", LEAP, "past", rng("2020-02-01", "2020-02-29")),
    ("last month", MON, "past", unit("2021-08-01", "2021-08-31", "month")),
    ("last month", NEW_YEAR, "past", unit("2021-12-01", "2021-12-31", "month")),
    ("LAST MONTH", MUC, "past", unit("1989-12-01", "1989-12-31", "month")),
    ("last month", D("2021-03-31"), "past", unit("2021-02-01", "2021-02-28", "month")),
    ("LAST WEEK", MUC, "past", unit("1989-12-25", "1989-12-31", "week")),
]

DAY_MONTH: list[Case] = [
    ("on 15 August", MON, "past", day("2021-08-15")),
    ("on 15 August", D("2021-08-15"), "past", day("2021-08-15")),
    ("on 15 August", D("2021-08-14"), "past", day("2020-08-15")),
    ("on 15 August", D("2021-08-14"), "unknown", day("2021-08-15")),  # unknown tense: the nearest
    ("on 15 August", NEW_YEAR, "past", day("2021-08-15")),
    ("15 August", MON, "future", day("2022-08-15")),
    ("ON 30 DECEMBER", MUC, "past", day("1989-12-30")),
    ("30 DECEMBER", MUC, "unknown", day("1989-12-30")),
    ("3 September", MON, "past", day("2021-09-03")),
    ("3 September", FIRST, "past", day("2020-09-03")),
    ("3 September", FIRST, "future", day("2021-09-03")),
    ("3 September", FIRST, "unknown", day("2021-09-03")),
    ("3 SEPTEMBER", MUC, "past", day("1989-09-03")),
    ("September 3", MON, "past", day("2021-09-03")),
    ("29 February", LEAP, "past", day("2020-02-29")),
    ("29 February", D("2021-03-01"), "past", day("2020-02-29")),
    ("LATE DECEMBER", MUC, "past", rng("1989-12-21", "1989-12-31")),
    ("IN MID-DECEMBER", MUC, "past", rng("1989-12-11", "1989-12-20")),
    ("in December", MUC, "past", unit("1989-12-01", "1989-12-31", "month")),
]

YEARS: list[Case] = [
    ("in 2019", MON, "past", unit("2019-01-01", "2019-12-31", "year")),
    ("IN 1989", MUC, "past", unit("1989-01-01", "1989-12-31", "year")),
    ("in 2019", None, "unknown", unit("2019-01-01", "2019-12-31", "year")),
    ("DECEMBER 1989", None, "unknown", unit("1989-12-01", "1989-12-31", "month")),
    # two-digit years
    ("3 JAN 90", None, "unknown", day("1990-01-03")),
    ("3 JAN 90", MON, "past", day("1990-01-03")),
    ("11 OCT 89", None, "unknown", day("1989-10-11")),
    ("30 DEC 89", MUC, "past", day("1989-12-30")),
    ("5 MAR 21", MON, "past", day("2021-03-05")),
    ("JUNE 11 89", None, "unknown", day("1989-06-11")),
    ("JAN 90", None, "unknown", unit("1990-01-01", "1990-01-31", "month")),
    ("JAN 90", MUC, "past", rng("1990-01-01", "1990-01-03")),  # a past clause: not after publication
    ("JAN 20", MUC, "past", day("1989-01-20")),  # a day, not a year
    ("Jan '90", None, "unknown", unit("1990-01-01", "1990-01-31", "month")),
    ("in '89", MUC, "past", unit("1989-01-01", "1989-12-31", "year")),
]

RANGES: list[Case] = [
    ("between January 4 and February 7", MON, "past", rng("2021-01-04", "2021-02-07")),
    ("between January 4 and February 7", D("2021-01-20"), "past", rng("2020-01-04", "2020-02-07")),
    ("between January 4 and February 7, 2020", None, "unknown", rng("2020-01-04", "2020-02-07")),
    ("between 28 December and 3 January", D("2022-01-05"), "past", rng("2021-12-28", "2022-01-03")),
    ("BETWEEN 4 AND 7 JANUARY", D("1990-01-10"), "past", rng("1990-01-04", "1990-01-07")),
    ("FROM 10 TO 15 JANUARY 1990", None, "unknown", rng("1990-01-10", "1990-01-15")),
    ("DECEMBER 28-30", MUC, "past", rng("1989-12-28", "1989-12-30")),
    ("from Friday to Sunday", MON, "past", rng("2021-09-03", "2021-09-05")),
]

CASES = WEEKDAYS + DEICTIC + DAY_MONTH + YEARS + RANGES


@pytest.mark.parametrize(
    ("text", "published", "tense", "expected"), CASES, ids=[f"{c[0]}|{c[1]}|{c[2]}" for c in CASES]
)
def test_issue_expression(
    text: str, published: dt.date | None, tense: str, expected: Normalised | None
) -> None:
    assert normalise(text, published, tense=tense) == expected  # type: ignore[arg-type]
