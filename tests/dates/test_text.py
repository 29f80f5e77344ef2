"""extract_times_text(): time expressions of plain text, without a parse."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimledger.dates.text import extract_times_text

MON = dt.date(2021, 9, 6)
FOUNDING = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "000_026596cb75424136.txt"
WIRE = (
    "SAN SALVADOR, 3 JAN 90 -- THE KIDNAPPING TOOK PLACE ON 30 DECEMBER. TROOPS CLASHED AT 2030 AND "
    "AGAIN THE NEXT DAY. ELECTIONS WILL BE HELD ON 6 JANUARY."
)


def got(text: str, published: dt.date | None) -> list[tuple[str, str, str, str]]:
    return [
        (t.text, t.start.isoformat(), t.end.isoformat(), t.anchor)
        for t in extract_times_text(text, published)
    ]


def test_founding_article_as_the_parse_based_extraction() -> None:
    text = FOUNDING.read_text(encoding="utf-8")
    times = extract_times_text(text, MON, "a:")
    assert [(t.text, t.start.isoformat(), t.end.isoformat()) for t in times] == [
        ("Monday", "2021-09-06", "2021-09-06"),
        ("overnight", "2021-09-05", "2021-09-06"),
        ("last night", "2021-09-05", "2021-09-06"),
        ("last night", "2021-09-05", "2021-09-06"),
        ("Monday", "2021-09-06", "2021-09-06"),
        ("6 September", "2021-09-06", "2021-09-06"),
        ("15 August", "2021-08-15", "2021-08-15"),
        ("3 September", "2021-09-03", "2021-09-03"),
    ]
    assert [t.id for t in times] == [f"a:t{n}" for n in range(1, 9)]
    assert all(text[t.span.start : t.span.end] == t.text for t in times)
    assert all(t.component == "dates.text" and t.granularity in ("day", "range") for t in times)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        (
            WIRE,
            dt.date(1990, 1, 3),
            [
                ("3 JAN 90", "1990-01-03", "1990-01-03", "published"),
                ("30 DECEMBER", "1989-12-30", "1989-12-30", "published"),
                ("THE NEXT DAY", "1989-12-31", "1989-12-31", "t2"),
                ("6 JANUARY", "1990-01-06", "1990-01-06", "published"),
            ],
        ),
        (
            WIRE,
            None,
            [
                ("3 JAN 90", "1990-01-03", "1990-01-03", "published"),
                ("30 DECEMBER", "1989-12-30", "1989-12-30", "t1"),
                ("THE NEXT DAY", "1989-12-31", "1989-12-31", "t2"),
                ("6 JANUARY", "1990-01-06", "1990-01-06", "t3"),
            ],
        ),
        # a future marker before the expression: the next such day
        ("Talks will resume on Friday.", MON, [("Friday", "2021-09-10", "2021-09-10", "published")]),
        ("Talks resumed on Friday.", MON, [("Friday", "2021-09-03", "2021-09-03", "published")]),
        (
            "Elections are scheduled for 3 September.",
            MON,
            [("3 September", "2022-09-03", "2022-09-03", "published")],
        ),
        # not times: a clock, a noun, durations
        (
            "THE ATTACK BEGAN AT 2100 (0300 GMT) ON 1 MAY.",
            dt.date(1990, 5, 2),
            [("1 MAY", "1990-05-01", "1990-05-01", "published")],
        ),
        (
            "Peasants participated in the march yesterday.",
            MON,
            [("yesterday", "2021-09-05", "2021-09-05", "published")],
        ),
        ("Two weeks of fighting followed.", MON, []),
        ("", MON, []),
    ],
    ids=[
        "wire",
        "wire-no-published",
        "future",
        "past",
        "scheduled",
        "clock",
        "noun-march",
        "duration",
        "empty",
    ],
)
def test_extract_times_text(
    text: str, published: dt.date | None, expected: list[tuple[str, str, str, str]]
) -> None:
    assert got(text, published) == expected
