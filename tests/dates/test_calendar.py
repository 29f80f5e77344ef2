"""Calendar helpers of the dates package."""

from __future__ import annotations

import datetime as dt

import pytest

from claimledger.dates import calendar as cal

D = dt.date.fromisoformat
PIVOT = D("2021-09-06")
AUG = (D("2021-08-15"), D("2021-08-15"))
SEP = (D("2021-09-08"), D("2021-09-08"))
NEXT_AUG = (D("2022-08-15"), D("2022-08-15"))


@pytest.mark.parametrize(
    ("candidates", "tense", "expected"),
    [
        ([AUG, SEP, NEXT_AUG], "past", AUG),
        ([AUG, SEP, NEXT_AUG], "future", SEP),
        ([AUG, SEP, NEXT_AUG], "unknown", SEP),
        ([AUG, NEXT_AUG], "unknown", AUG),
        ([SEP, NEXT_AUG], "past", None),
        ([], "unknown", None),
        ([(D("2021-09-01"), D("2021-09-30")), AUG], "past", (D("2021-09-01"), D("2021-09-30"))),
    ],
)
def test_choose(candidates: list[cal.Period], tense: cal.Tense, expected: cal.Period | None) -> None:
    assert cal.choose(candidates, PIVOT, tense) == expected


def test_choose_breaks_a_tie_towards_the_past() -> None:
    before, after = (D("2021-09-04"), D("2021-09-04")), (D("2021-09-08"), D("2021-09-08"))
    assert cal.choose([after, before], PIVOT, "unknown") == before


@pytest.mark.parametrize(
    ("yy", "pivot", "expected"),
    [
        (90, None, 1990),
        (21, None, 2021),
        (90, PIVOT, 1990),
        (21, PIVOT, 2021),
        (22, PIVOT, 2022),
        (23, PIVOT, 1923),
    ],
)
def test_two_digit_year(yy: int, pivot: dt.date | None, expected: int) -> None:
    assert cal.two_digit_year(yy, pivot) == expected


def test_weekday_helpers() -> None:
    assert cal.weekday_on_or_before(PIVOT, 0) == PIVOT
    assert cal.weekday_on_or_before(PIVOT, 6) == D("2021-09-05")
    assert cal.weekday_after(PIVOT, 0) == D("2021-09-13")
    assert cal.weekday_after(PIVOT, 1) == D("2021-09-07")
    assert cal.week_period(D("2021-09-08")) == (PIVOT, D("2021-09-12"))


def test_month_helpers() -> None:
    assert cal.shift_month(2021, 12, 1) == (2022, 1)
    assert cal.shift_month(2022, 1, -13) == (2020, 12)
    assert cal.shift_months(D("2021-03-31"), -1) == D("2021-02-28")
    assert cal.month_end(2024, 2) == D("2024-02-29")
    assert cal.safe_date(2021, 2, 29) is None
    assert cal.as_date(dt.datetime(2021, 9, 6, 23, 59)) == PIVOT
