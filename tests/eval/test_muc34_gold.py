from __future__ import annotations

import datetime as dt

import pytest

from claimledger.eval.muc34_gold import (
    DateRange,
    GoldLocation,
    gold_incident,
    incident_types,
    month_number,
    parse_dateline_date,
    parse_dateline_day_month,
    parse_day,
    parse_gold_date,
    parse_gold_location,
    slot_strings,
    split_top_level,
)

D = dt.date
REF = D(1990, 1, 3)


def day(y: int, m: int, d: int) -> DateRange:
    return DateRange(D(y, m, d), D(y, m, d))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("30 DEC 89", (day(1989, 12, 30),)),
        ("03 JAN 90", (day(1990, 1, 3),)),
        ("- 26 AUG 89", (DateRange(None, D(1989, 8, 26)),)),
        ("-26 AUG 89", (DateRange(None, D(1989, 8, 26)),)),
        ("10 - 15 JAN 90", (DateRange(D(1990, 1, 10), D(1990, 1, 15)),)),
        ("30 DEC 89 - 2 JAN 90", (DateRange(D(1989, 12, 30), D(1990, 1, 2)),)),
        ("30 DEC - 2 JAN 90", (DateRange(D(1989, 12, 30), D(1990, 1, 2)),)),
        ("(2 JAN 90)", (day(1990, 1, 2),)),
        ("OCT 89", (DateRange(D(1989, 10, 1), D(1989, 10, 31)),)),
        ("9 MARCH 89", (day(1989, 3, 9),)),
        ("9 Feb 89", (day(1989, 2, 9),)),
        ("9 DEC", (day(1989, 12, 9),)),  # no year: the latest on or before the reference
        ("2 JAN", (day(1990, 1, 2),)),
        ("- 9 JAN", (DateRange(None, D(1989, 1, 9)),)),
        ("(9 DEC 89) / (- 9 DEC 89)", (day(1989, 12, 9), DateRange(None, D(1989, 12, 9)))),
        (
            "- 5 SEP 89 / (1 AUG 89 - 5 SEP 89)",
            (DateRange(None, D(1989, 9, 5)), DateRange(D(1989, 8, 1), D(1989, 9, 5))),
        ),
        (["1 JAN 90", "2 JAN 90"], (day(1990, 1, 1), day(1990, 1, 2))),
        ("-", ()),
        ("*", ()),
        ("31 FEB 90", ()),
        ("15 - 10 JAN 90", ()),
    ],
)
def test_parse_gold_date(value: object, expected: tuple[DateRange, ...]) -> None:
    assert parse_gold_date(value, REF) == expected


def test_gold_date_without_year_or_reference_is_dropped() -> None:
    assert parse_gold_date("9 DEC", None) == ()
    assert parse_gold_date("9 DEC 89", None) == (day(1989, 12, 9),)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 JAN 90", D(1990, 1, 3)),
        ("18 APRIL 89", D(1989, 4, 18)),
        ("JUNE 11 89", D(1989, 6, 11)),
        ("4 SEPT 89", D(1989, 9, 4)),
        ("22 AUGUST 1989", D(1989, 8, 22)),
        ("27 APR 90 [INRAVISION TELEVISION CADENA 1)", D(1990, 4, 27)),
        ("NO DATE", None),
        ("7 FEB", None),
        ("12 NOV", None),
        ("", None),
        ("OCT 89", None),
    ],
)
def test_parse_dateline_date(text: str, expected: dt.date | None) -> None:
    assert parse_dateline_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("7 FEB", (2, 7)), ("12 NOV", (11, 12)), ("3 JAN 90", None), ("NO DATE", None)],
)
def test_parse_dateline_day_month(text: str, expected: tuple[int, int] | None) -> None:
    assert parse_dateline_day_month(text) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("JAN", 1), ("JANUARY", 1), ("SEPT", 9), ("sep.", 9), ("MA", None), ("MAY", 5), ("FOO", None)],
)
def test_month_number(word: str, expected: int | None) -> None:
    assert month_number(word) == expected


def test_parse_day_without_a_month_is_none() -> None:
    assert parse_day("15", REF) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "EL SALVADOR: SAN MIGUEL (DEPARTMENT): SAN LUIS DE LA REINA (TOWN)",
            (GoldLocation("EL SALVADOR", ("SAN MIGUEL", "SAN LUIS DE LA REINA")),),
        ),
        ("EL SALVADOR", (GoldLocation("EL SALVADOR", ()),)),
        ("? HONDURAS", (GoldLocation("HONDURAS", ()),)),
        ("PERU : LIMA (CITY)", (GoldLocation("PERU", ("LIMA",)),)),
        ("COLOMBIA: URABA (REGION / CITY)", (GoldLocation("COLOMBIA", ("URABA",)),)),
        (
            "COLOMBIA: CUCUTA (CITY) - CAMPANARIO (RURAL AREA)",
            (GoldLocation("COLOMBIA", ("CUCUTA", "CAMPANARIO")),),
        ),
        (
            "(COLOMBIA: BARRANQUILLA (CITY)) / (COLOMBIA)",
            (GoldLocation("COLOMBIA", ("BARRANQUILLA",)), GoldLocation("COLOMBIA", ())),
        ),
        ("COLOMBIA / VENEZUELA", (GoldLocation("COLOMBIA", ()), GoldLocation("VENEZUELA", ()))),
        ("UNITED STATES: WASHINGTON D.C. (CITY)", (GoldLocation("UNITED STATES", ("WASHINGTON D.C.",)),)),
        ("-", ()),
    ],
)
def test_parse_gold_location(value: str, expected: tuple[GoldLocation, ...]) -> None:
    assert parse_gold_location(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            '"FARABUNDO MARTI NATIONAL LIBERATION FRONT" / "FMLN"',
            ("FARABUNDO MARTI NATIONAL LIBERATION FRONT", "FMLN"),
        ),
        ('? "TERRORIST"', ("TERRORIST",)),
        ('"MAYOR OF ACHI": "RICARDO ALFONSO CASTELLAR"', ("MAYOR OF ACHI", "RICARDO ALFONSO CASTELLAR")),
        (['"\\"ARMED FORCES\\"" / "ARMED FORCES"', '"TWO GROUPS"'], ("ARMED FORCES", "TWO GROUPS")),
        ('"REPORTED AS FACT": "FMLN"', ("REPORTED AS FACT", "FMLN")),
        ("-", ()),
        ("*", ()),
        (["-", "*"], ()),
    ],
)
def test_slot_strings(value: object, expected: tuple[str, ...]) -> None:
    assert slot_strings(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("A / B", ["A", "B"]),
        ("(A / B) / C", ["(A / B)", "C"]),
        ('"X / Y" / Z', ['"X / Y"', "Z"]),
        ("A", ["A"]),
    ],
)
def test_split_top_level(value: str, expected: list[str]) -> None:
    assert split_top_level(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [("BOMBING / ATTACK", {"BOMBING", "ATTACK"}), ("KIDNAPPING", {"KIDNAPPING"}), ("*", set())],
)
def test_incident_types(value: str, expected: set[str]) -> None:
    assert incident_types(value) == expected


TEMPLATE = {
    "doc_id": "TST1-MUC3-0001",
    "MESSAGE: TEMPLATE": "2 (OPTIONAL)",
    "INCIDENT: DATE": "- 3 JAN 90",
    "INCIDENT: LOCATION": "EL SALVADOR: APOPA (CITY)",
    "INCIDENT: TYPE": "BOMBING / ROBBERY",
    "PERP: INDIVIDUAL ID": '"URBAN COMMANDOS"',
    "PERP: ORGANIZATION ID": '"FMLN"',
    "HUM TGT: NAME": "-",
    "HUM TGT: DESCRIPTION": ['"GUARDS"', '"MAYOR": "JUAN PEREZ"'],
}


def test_gold_incident_reads_the_scored_slots() -> None:
    incident = gold_incident(TEMPLATE, REF)
    assert incident is not None
    assert incident.types == {"BOMBING"}
    assert incident.optional
    assert incident.dates == (DateRange(None, D(1990, 1, 3)),)
    assert incident.locations == (GoldLocation("EL SALVADOR", ("APOPA",)),)
    assert incident.perps == ("URBAN COMMANDOS", "FMLN")
    assert incident.targets == ("GUARDS", "MAYOR", "JUAN PEREZ")
    assert incident.label == "TST1-MUC3-0001#2 (OPTIONAL) BOMBING"


@pytest.mark.parametrize("kind", ["*", "ROBBERY", "FORCED WORK STOPPAGE"])
def test_placeholder_and_unscored_types_are_not_incidents(kind: str) -> None:
    assert gold_incident({**TEMPLATE, "INCIDENT: TYPE": kind}, REF) is None
