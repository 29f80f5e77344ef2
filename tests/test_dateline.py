"""Wire datelines are found, blanked without moving offsets, and their place is resolved."""

from __future__ import annotations

import pytest

from claimledger.dateline import blank, dateline_place, find_dateline


@pytest.mark.parametrize(
    ("text", "place", "date", "agency"),
    [
        ("BAMAKO, Tuesday - Suspected jihadists ambushed a convoy.", "BAMAKO", "Tuesday", None),
        ("SAN SALVADOR, 3 JAN 90 -- [REPORT] THE ARMY SAID ...", "SAN SALVADOR", "3 JAN 90", None),
        ("KABUL (Reuters) - The Taliban said on Monday ...", "KABUL", None, "Reuters"),
        ("  NEW DELHI — India said ...", "NEW DELHI", None, None),
    ],
)
def test_find_dateline(text: str, place: str, date: str | None, agency: str | None) -> None:
    d = find_dateline(text)
    assert d is not None
    assert text[d.place.start : d.place.end] == place
    assert (text[d.date.start : d.date.end] if d.date else None) == date
    assert (text[d.agency.start : d.agency.end] if d.agency else None) == agency
    blanked = blank(text, d)
    assert len(blanked) == len(text)
    assert blanked[d.span.end :] == text[d.span.end :]
    assert not blanked[d.span.start : d.span.end].strip()


@pytest.mark.parametrize(
    "text",
    [
        "The army said on Monday - without giving details - that ...",
        "Rebels attacked the town.",
        "US - China talks resumed.",
        "",
    ],
)
def test_no_dateline(text: str) -> None:
    assert find_dateline(text) is None
    assert blank(text, None) == text


def test_dateline_place_resolves_and_is_added() -> None:
    from claimledger.geo.gazetteer import load_gazetteer

    text = "KABUL (Reuters) - The Taliban said on Monday that fighting continued."
    d = find_dateline(text)
    places, pid = dateline_place(text, d, load_gazetteer(), (), "")
    assert pid == "p1"
    (kabul,) = places
    assert kabul.name == "Kabul" and kabul.country == "AF" and kabul.component == "geo.dateline"
    assert kabul.mentions[0].start == 0
