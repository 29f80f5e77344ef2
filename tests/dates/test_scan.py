"""scan(): candidate time expressions found by our own patterns."""

from __future__ import annotations

import pytest

from claimledger.dates.scan import scan


def found(text: str) -> set[str]:
    return {text[s:e] for s, e in scan(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fighting raged last night.", "last night"),
        ("Shelling continued overnight.", "overnight"),
        ("The town fell on Monday.", "Monday"),
        ("The capital fell on 15 August.", "15 August"),
        ("The capital fell on August 15.", "August 15"),
        ("He was rushed to hospital on 3 Sept. after the clash.", "3 Sept."),
        ("The clashes in 2019 killed 40.", "2019"),
        ("He was held between January 4 and February 7.", "between January 4 and February 7"),
        ("Rebels attacked earlier this week.", "earlier this week"),
        ("Prices rose last month.", "last month"),
        ("SAN SALVADOR, 3 JAN 90 -- [TEXT]", "3 JAN 90"),
        ("THE MASS KIDNAPPING TOOK PLACE ON 30 DECEMBER IN SAN LUIS.", "30 DECEMBER"),
        ("A CLASH YESTERDAY AFTERNOON NEAR LA ESPERANZA.", "YESTERDAY AFTERNOON"),
        ("Talks were held 4-7 January in Doha.", "4-7 January"),
        ("The army retook it the next day.", "the next day"),
        ("It happened three days ago.", "three days ago"),
        ("Talks collapsed in May.", "May"),
        ("It is better to take precautions now than later.", "now"),
        ("The town is currently held by rebels.", "currently"),
        ("At present, 30 remain.", "At present"),
        ("KIDNAPPINGS IN THE EARLY 1980'S.", "EARLY 1980'S"),
        ("A meeting late this month was mentioned.", "late this month"),
        ("THE ELN EMERGED IN THE 1960'S.", "THE 1960'S"),
    ],
)
def test_scan_finds(text: str, expected: str) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Troops may march on the capital.",
        "Only several days after his first visit, it took two weeks.",
        "About 2019 people were displaced.",
        "They killed 15 people.",
        "Until now nobody knew.",
        "From now on, talks will be held.",
        "Now that the war is over, they left.",
        "The group, which by now controls it, left.",
    ],
)
def test_scan_ignores(text: str) -> None:
    assert found(text) == set()


def test_scan_does_not_take_a_decade_for_a_year() -> None:
    assert "EARLY 1980" not in found("KIDNAPPINGS IN THE EARLY 1980'S.")
