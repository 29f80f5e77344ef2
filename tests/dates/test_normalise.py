"""normalise(): one time expression against a publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimledger.dates import Normalised, normalise

MON = dt.date(2021, 9, 6)  # a Monday: the founding article's publication date
WED = dt.date(2021, 9, 8)
NEW_YEAR = dt.date(2022, 1, 3)  # a Monday just after a year boundary
D = dt.date.fromisoformat


def day(iso: str) -> Normalised:
    return Normalised(D(iso), D(iso), "day")


def span(start: str, end: str, granularity: str = "range") -> Normalised:
    return Normalised(D(start), D(end), granularity)  # type: ignore[arg-type]


CASES: list[tuple[str, dt.date | None, str, Normalised | None]] = [
    # weekdays: past and unknown take the latest on or before publication (same day included)
    ("Monday", MON, "past", day("2021-09-06")),
    ("on Monday", MON, "unknown", day("2021-09-06")),
    ("Monday", MON, "future", day("2021-09-13")),
    ("Sunday", MON, "past", day("2021-09-05")),
    ("Tuesday", MON, "unknown", day("2021-08-31")),
    ("Friday", MON, "future", day("2021-09-10")),
    ("Monday", WED, "past", day("2021-09-06")),
    ("Wednesday", WED, "past", day("2021-09-08")),
    ("Thursday", WED, "past", day("2021-09-02")),
    ("Thursday", WED, "future", day("2021-09-09")),
    ("last Monday", WED, "unknown", day("2021-09-06")),
    ("last Monday", MON, "unknown", day("2021-08-30")),
    ("next Monday", WED, "unknown", day("2021-09-13")),
    ("this Friday", WED, "unknown", day("2021-09-10")),
    ("this Friday", WED, "past", day("2021-09-03")),
    ("this coming Sunday", WED, "unknown", day("2021-09-12")),
    ("Sunday morning", MON, "past", day("2021-09-05")),
    ("Sunday night", MON, "past", span("2021-09-05", "2021-09-06")),
    ("Monday night", MON, "past", span("2021-09-06", "2021-09-06")),
    ("10 a.m. on Sunday", MON, "past", day("2021-09-05")),
    ("late on Sunday", MON, "past", day("2021-09-05")),
    ("the early hours of Sunday", MON, "past", day("2021-09-05")),
    ("Monday (6 September)", MON, "past", day("2021-09-06")),
    ("Monday", None, "past", None),
    # deictic words
    ("last night", MON, "past", span("2021-09-05", "2021-09-06")),
    ("late last night", WED, "unknown", span("2021-09-07", "2021-09-08")),
    ("overnight", MON, "past", span("2021-09-05", "2021-09-06")),
    ("overnight", MON, "future", span("2021-09-06", "2021-09-07")),
    ("yesterday", MON, "unknown", day("2021-09-05")),
    ("YESTERDAY AFTERNOON", MON, "past", day("2021-09-05")),
    ("yesterday's", MON, "unknown", day("2021-09-05")),
    ("today", MON, "unknown", day("2021-09-06")),
    ("this morning", MON, "past", day("2021-09-06")),
    ("THIS MORNING", NEW_YEAR, "past", day("2022-01-03")),
    ("earlier today", MON, "past", day("2021-09-06")),
    ("tonight", MON, "future", day("2021-09-06")),
    ("tomorrow", MON, "future", day("2021-09-07")),
    ("tomorrow", MON, "past", None),
    ("the day before yesterday", WED, "unknown", day("2021-09-06")),
    ("yesterday", None, "past", None),
    ("yesterday", NEW_YEAR, "past", day("2022-01-02")),
    # weeks, months, years relative to publication
    ("last week", MON, "unknown", span("2021-08-30", "2021-09-05", "week")),
    ("last week", WED, "past", span("2021-08-30", "2021-09-05", "week")),
    ("this week", WED, "unknown", span("2021-09-06", "2021-09-12", "week")),
    ("this week", WED, "past", span("2021-09-06", "2021-09-08")),
    ("earlier this week", WED, "unknown", span("2021-09-06", "2021-09-08")),
    ("earlier this week", MON, "past", span("2021-09-06", "2021-09-06")),
    ("later this week", WED, "future", span("2021-09-08", "2021-09-12")),
    ("next week", MON, "future", span("2021-09-13", "2021-09-19", "week")),
    ("last month", MON, "past", span("2021-08-01", "2021-08-31", "month")),
    ("last month", NEW_YEAR, "past", span("2021-12-01", "2021-12-31", "month")),
    ("earlier this month", MON, "past", span("2021-09-01", "2021-09-06")),
    ("this month", MON, "unknown", span("2021-09-01", "2021-09-30", "month")),
    ("next month", NEW_YEAR, "future", span("2022-02-01", "2022-02-28", "month")),
    ("last year", NEW_YEAR, "past", span("2021-01-01", "2021-12-31", "year")),
    ("this year", MON, "past", span("2021-01-01", "2021-09-06")),
    ("earlier this year", MON, "unknown", span("2021-01-01", "2021-09-06")),
    ("the weekend", MON, "past", span("2021-09-04", "2021-09-05")),
    ("over the weekend", WED, "past", span("2021-09-04", "2021-09-05")),
    ("this weekend", WED, "future", span("2021-09-11", "2021-09-12")),
    ("last weekend", MON, "unknown", span("2021-09-04", "2021-09-05")),
    ("next weekend", MON, "unknown", span("2021-09-11", "2021-09-12")),
    ("the past week", MON, "unknown", span("2021-08-30", "2021-09-06")),
    ("the past few days", WED, "past", span("2021-09-04", "2021-09-08")),
    ("in recent days", MON, "past", span("2021-08-30", "2021-09-06")),
    ("the past 24 hours", MON, "past", span("2021-09-05", "2021-09-06")),
    ("the last 10 years", MON, "unknown", span("2011-09-06", "2021-09-06")),
    ("the coming days", MON, "future", span("2021-09-06", "2021-09-13")),
    ("three days ago", MON, "past", day("2021-09-03")),
    ("two weeks ago", MON, "past", span("2021-08-23", "2021-08-29", "week")),
    ("a month ago", MON, "past", span("2021-08-01", "2021-08-31", "month")),
    ("two years ago", MON, "past", span("2019-01-01", "2019-12-31", "year")),
    ("several days ago", MON, "past", span("2021-08-30", "2021-09-03")),
    ("a few weeks ago", MON, "past", span("2021-08-09", "2021-08-23")),
    ("the end of last year", MON, "unknown", span("2020-09-01", "2020-12-31")),
    ("early next month", MON, "future", span("2021-10-01", "2021-10-10")),
    # days and months without a year: nearest on or before publication in the past, next in the future
    ("on 15 August", MON, "past", day("2021-08-15")),
    ("15 August", MON, "unknown", day("2021-08-15")),
    ("August 15", MON, "past", day("2021-08-15")),
    ("the 15th of August", MON, "past", day("2021-08-15")),
    ("3 September", MON, "past", day("2021-09-03")),
    ("3 Sept.", MON, "past", day("2021-09-03")),
    ("Sept. 3", MON, "unknown", day("2021-09-03")),
    ("6 September", MON, "past", day("2021-09-06")),
    ("8 September", MON, "past", day("2020-09-08")),
    ("8 September", MON, "unknown", day("2021-09-08")),
    ("8 September", MON, "future", day("2021-09-08")),
    ("15 August", MON, "future", day("2022-08-15")),
    ("on 28 December", NEW_YEAR, "past", day("2021-12-28")),
    ("28 December", NEW_YEAR, "unknown", day("2021-12-28")),
    ("5 January", dt.date(2021, 12, 30), "future", day("2022-01-05")),
    ("10 October", MON, "future", day("2021-10-10")),
    ("Monday, September 6", MON, "unknown", day("2021-09-06")),
    ("Saturday 28 August", MON, "unknown", day("2021-08-28")),
    ("the 19th", MON, "past", day("2021-08-19")),
    ("the 3rd", MON, "past", day("2021-09-03")),
    ("in August", MON, "past", span("2021-08-01", "2021-08-31", "month")),
    ("December", NEW_YEAR, "past", span("2021-12-01", "2021-12-31", "month")),
    ("in September", MON, "unknown", span("2021-09-01", "2021-09-30", "month")),
    ("in September", MON, "past", span("2021-09-01", "2021-09-06")),
    ("October", MON, "past", span("2020-10-01", "2020-10-31", "month")),
    ("mid-August", MON, "past", span("2021-08-11", "2021-08-20")),
    ("late September", MON, "past", span("2020-09-21", "2020-09-30")),
    ("early December", NEW_YEAR, "past", span("2021-12-01", "2021-12-10")),
    ("15 August", None, "past", None),
    # explicit years, two-digit wire years, ISO dates
    ("in 2019", MON, "unknown", span("2019-01-01", "2019-12-31", "year")),
    ("2019", None, "unknown", span("2019-01-01", "2019-12-31", "year")),
    ("15 August 2021", None, "unknown", day("2021-08-15")),
    ("August 15, 2021", None, "unknown", day("2021-08-15")),
    ("Monday, September 6, 2021", None, "unknown", day("2021-09-06")),
    ("3 JAN 90", None, "unknown", day("1990-01-03")),
    ("3 JAN 90", MON, "past", day("1990-01-03")),
    ("30 DECEMBER 1989", None, "unknown", day("1989-12-30")),
    ("3 Jan '21", None, "unknown", day("2021-01-03")),
    ("2021-09-06", None, "unknown", day("2021-09-06")),
    ("August 2021", None, "unknown", span("2021-08-01", "2021-08-31", "month")),
    ("December of 2020", None, "unknown", span("2020-12-01", "2020-12-31", "month")),
    ("late 2019", None, "unknown", span("2019-09-01", "2019-12-31")),
    ("mid-2019", None, "unknown", span("2019-05-01", "2019-08-31")),
    ("the first half of 2020", None, "unknown", span("2020-01-01", "2020-06-30")),
    ("the 1990s", None, "unknown", span("1990-01-01", "1999-12-31")),
    ("summer 2019", None, "unknown", span("2019-06-01", "2019-08-31")),
    ("last summer", MON, "past", span("2021-06-01", "2021-08-31")),
    ("in 2022", MON, "past", span("2022-01-01", "2022-12-31", "year")),
    # ranges
    ("between January 4 and February 7", MON, "past", span("2021-01-04", "2021-02-07")),
    ("between 28 December and 3 January", dt.date(2022, 1, 5), "past", span("2021-12-28", "2022-01-03")),
    ("from 28 December 2021 to 3 January 2022", None, "unknown", span("2021-12-28", "2022-01-03")),
    ("4-7 January", NEW_YEAR, "past", span("2021-01-04", "2021-01-07")),
    ("4-7 January", dt.date(2022, 1, 10), "past", span("2022-01-04", "2022-01-07")),
    ("January 4-7, 2020", None, "unknown", span("2020-01-04", "2020-01-07")),
    ("15 August to 3 September", MON, "past", span("2021-08-15", "2021-09-03")),
    ("2019-2020", None, "unknown", span("2019-01-01", "2020-12-31")),
    ("from 2019 to 2021", None, "unknown", span("2019-01-01", "2021-12-31")),
    ("from Friday to Sunday", MON, "past", span("2021-09-03", "2021-09-05")),
    ("between Monday and Wednesday", WED, "past", span("2021-09-06", "2021-09-08")),
    ("from Monday to Friday", WED, "future", span("2021-09-13", "2021-09-17")),
    ("between last night and this morning", MON, "past", span("2021-09-05", "2021-09-06")),
    ("the night of 5 September", MON, "past", span("2021-09-05", "2021-09-06")),
    # relative to another time; without one, to publication
    ("the next day", MON, "unknown", day("2021-09-07")),
    ("the next day", MON, "past", None),
    ("the previous day", MON, "past", day("2021-09-05")),
    # not times
    ("first", MON, "unknown", None),
    ("only several days", MON, "unknown", None),
    ("two weeks", MON, "unknown", None),
    ("several days", MON, "past", None),
    ("30 minutes", MON, "unknown", None),
    ("10 a.m.", MON, "past", None),
    ("APPROXIMATELY 1940", MON, "past", None),
    ("at 2130 GMT", MON, "past", None),
    ("around 1990", MON, "past", span("1990-01-01", "1990-12-31", "year")),
    ("last January", MON, "past", span("2021-01-01", "2021-01-31", "month")),
    ("last September", MON, "unknown", span("2020-09-01", "2020-09-30", "month")),
    ("next May", MON, "unknown", span("2022-05-01", "2022-05-31", "month")),
    ("Tuesday last week", WED, "past", day("2021-08-31")),
    ("FRIDAY OF NEXT WEEK", MON, "future", day("2021-09-17")),
    ("1868-74", None, "unknown", span("1868-01-01", "1874-12-31")),
    ("JUNE 11 89", None, "unknown", day("1989-06-11")),
    ("18 APRIL 89", None, "unknown", day("1989-04-18")),
    ("NEXT DAY", MON, "unknown", day("2021-09-07")),
    ("annual", MON, "unknown", None),
    ("33 years old", MON, "unknown", None),
    ("decades", MON, "unknown", None),
    ("", MON, "unknown", None),
    ("the", MON, "unknown", None),
    ("31 February", MON, "unknown", None),
    ("4", MON, "unknown", None),
    # the present, decades and parts of them, hyphenated wire dates
    ("now", MON, "past", day("2021-09-06")),
    ("currently", MON, "unknown", day("2021-09-06")),
    ("at present", MON, "unknown", day("2021-09-06")),
    ("now", None, "unknown", None),
    ("the 1970's", None, "unknown", span("1970-01-01", "1979-12-31")),
    ("EARLY 1980'S", None, "unknown", span("1980-01-01", "1983-12-31")),
    ("the late 1990s", None, "unknown", span("1997-01-01", "1999-12-31")),
    ("mid-1980s", None, "unknown", span("1983-01-01", "1986-12-31")),
    ("3-OCTOBER", dt.date(1989, 12, 20), "past", day("1989-10-03")),
    ("3 - October", MON, "unknown", None),
    ("late this month", MON, "unknown", span("2021-09-21", "2021-09-30")),
]


@pytest.mark.parametrize(
    ("text", "published", "tense", "expected"),
    CASES,
    ids=[f"{c[0] or '<empty>'}|{c[1]}|{c[2]}" for c in CASES],
)
def test_normalise_table(
    text: str, published: dt.date | None, tense: str, expected: Normalised | None
) -> None:
    assert normalise(text, published, tense=tense) == expected  # type: ignore[arg-type]


def test_normalise_accepts_a_datetime_and_returns_dates() -> None:
    got = normalise("yesterday", dt.datetime(2021, 9, 6, 14, 30))
    assert got == day("2021-09-05")
    assert got is not None and type(got.start) is dt.date


def test_past_tense_never_gives_a_relative_date_after_publication() -> None:
    for text in (
        "Tuesday",
        "8 September",
        "next week",
        "this month",
        "this week",
        "tomorrow night",
        "Monday night",
    ):
        got = normalise(text, MON, tense="past")
        assert got is None or got.end <= MON, text


def test_normalised_is_frozen() -> None:
    got = day("2021-09-06")
    with pytest.raises(AttributeError):
        got.start = D("2021-09-07")  # type: ignore[misc]


_WORDS: list[str] = [
    "August",
    "Sept.",
    "JAN",
    "May",
    "Monday",
    "Sunday",
    "last",
    "next",
    "this",
    "the",
    "of",
    "and",
    "to",
    "-",
    "between",
    "from",
    "night",
    "morning",
    "ago",
    "days",
    "week",
    "year",
    "2019",
    "'90",
    "90",
    "31",
    "29",
    "15th",
    "early",
    "mid",
    "late",
    "end",
    "a",
    "few",
    "yesterday",
    "overnight",
    "(",
    ")",
    ",",
    "at",
    "10",
    "a.m.",
    "1940",
    "in",
    "on",
    "weekend",
    "summer",
    "1990s",
    "previous",
    "day",
    "same",
    "that",
    "hours",
    "recent",
    "first",
]


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(_WORDS), min_size=1, max_size=7),
    published=st.sampled_from([MON, WED, NEW_YEAR, dt.date(2020, 2, 29), None]),
    tense=st.sampled_from(["past", "future", "unknown"]),
)
def test_normalise_never_fails_and_orders_its_period(
    words: list[str], published: dt.date | None, tense: str
) -> None:
    got = normalise(" ".join(words), published, tense=tense)  # type: ignore[arg-type]
    if got is not None:
        assert got.start <= got.end
        assert got.granularity in ("day", "week", "month", "year", "range")
