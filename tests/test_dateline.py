"""Wire datelines are found, blanked without moving offsets, and their place is resolved."""

from __future__ import annotations

import datetime as dt

import pytest

from claimledger.dateline import (
    blank,
    dateline_country,
    dateline_date,
    dateline_place,
    find_dateline,
    has_place,
)


@pytest.mark.parametrize(
    ("text", "place", "date", "agency"),
    [
        ("BAMAKO, Tuesday - Suspected jihadists ambushed a convoy.", "BAMAKO", "Tuesday", None),
        ("SAN SALVADOR, 3 JAN 90 -- [REPORT] THE ARMY SAID ...", "SAN SALVADOR", "3 JAN 90", None),
        ("KABUL (Reuters) - The Taliban said on Monday ...", "KABUL", None, "Reuters"),
        ("  NEW DELHI — India said ...", "NEW DELHI", None, None),
        # FBIS wire forms: a bracketed country before the date, agencies with hyphens, digits, brackets
        (
            "   PANAMA CITY (PANAMA), 10 MAY 90 (CIRCUITO RPC TELEVISION) -- [TEXT] X",
            "PANAMA CITY",
            "10 MAY 90",
            "CIRCUITO RPC TELEVISION",
        ),
        (
            "   SAN SALVADOR, 23 NOV 89 (ACAN - EFE) -- [TEXT] TODAY ...",
            "SAN SALVADOR",
            "23 NOV 89",
            "ACAN - EFE",
        ),
        (
            "   BOGOTA, 10 MAR 89 (INRAVISION TELEVISION CADENA 1) -- [REPORT]",
            "BOGOTA",
            "10 MAR 89",
            "INRAVISION TELEVISION CADENA 1",
        ),
        (
            "   SAN SALVADOR, 17 NOV 89 (INTERPRESS AGENCY [IPS]) -- [TEXT] X",
            "SAN SALVADOR",
            "17 NOV 89",
            "INTERPRESS AGENCY [IPS]",
        ),
        (
            "   BOGOTA, 27 APR 90 [INRAVISION TELEVISION CADENA 1) -- [SPEECH]",
            "BOGOTA",
            "27 APR 90",
            "INRAVISION TELEVISION CADENA 1",
        ),
        ("   CLANDESTINE, NO DATE (RADIO VENCEREMOS) -- [TEXT] X", "CLANDESTINE", None, "RADIO VENCEREMOS"),
        ("   NO CITY (EL SALVADOR), 5 FEB 89 (FBIS) -- [EDITORIAL REPORT]", "NO CITY", "5 FEB 89", "FBIS"),
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


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("SAN SALVADOR, 3 JAN 90 -- [REPORT] X", None, "1990-01-03"),
        ("SAN SALVADOR, 3 JAN 90 -- [REPORT] X", dt.date(2021, 9, 6), "1990-01-03"),
        ("LIMA, 7 FEB -- X", dt.date(1990, 3, 1), "1990-02-07"),
        ("BAMAKO, Tuesday - Suspected jihadists ambushed a convoy.", dt.date(2021, 9, 8), "2021-09-07"),
        ("BAMAKO, Tuesday - Suspected jihadists ambushed a convoy.", None, None),
        ("CLANDESTINE, NO DATE (RADIO VENCEREMOS) -- [TEXT] X", dt.date(1990, 3, 1), None),
        ("KABUL (Reuters) - The Taliban said on Monday ...", dt.date(2021, 9, 6), None),
        ("Rebels attacked the town.", dt.date(2021, 9, 6), None),
    ],
)
def test_dateline_date(text: str, published: dt.date | None, expected: str | None) -> None:
    got = dateline_date(text, find_dateline(text), published)
    assert got == (dt.date.fromisoformat(expected) if expected else None)


def test_dateline_without_a_place_adds_none_but_its_country_counts() -> None:
    from claimledger.geo.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    text = "   NO CITY (EL SALVADOR), 5 FEB 89 (FBIS) -- [EDITORIAL REPORT] RADIO VENCEREMOS SAID ..."
    d = find_dateline(text)
    assert d is not None and d.country is not None and not has_place(text, d)
    assert dateline_place(text, d, gaz, (), "") == ((), None)
    assert dateline_country(text, d, gaz) == "SV"
    # a place that resolves only outside the bracketed country is no place (better none than a wrong one)
    madrid = "   MADRID (SPAIN), 26 JAN 89 (RNE) -- [TEXT] X"
    places, pid = dateline_place(madrid, find_dateline(madrid), gaz, (), "")
    assert pid == "p1" and places[0].country == "ES"
    assert dateline_country(madrid, find_dateline(madrid), gaz) == "ES"
    wrong = "   MADRID (PERU), 26 JAN 89 (RNE) -- [TEXT] X"
    assert dateline_place(wrong, find_dateline(wrong), gaz, (), "")[1] is None
