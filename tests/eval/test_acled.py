"""The ACLED export reader and scorer (``eval/acled.py``) on made-up rows (no ACLED data ships)."""

from __future__ import annotations

import datetime as dt

import pytest

from claimledger.errors import EvalError
from claimledger.eval.acled import (
    AcledDataset,
    fold,
    km_between,
    names_match,
    parse_csv,
    parse_event_date,
)

HEADER = (
    ",event_id_cnty,event_date,year,event_type,sub_event_type,actor1,assoc_actor_1,actor2,country,admin1,"
    "admin2,location,latitude,longitude,geo_precision,source,notes,fatalities"
)
ROWS = [
    "0,XYZ1,14 March 2021,2021,Violence against civilians,Attack,Unidentified Armed Group (Mali),,"
    "Civilians (Mali),Mali,Mopti,Bandiagara,Bandiagara,14.3500,-3.6100,1,Local source,"
    '"On 14 March 2021, gunmen killed 12 villagers in the town of Bandiagara in Mali.",12',
    "1,XYZ2,2021-03-15,2021,Protests,Peaceful protest,Protesters (Mali),,,Mali,Bamako,Bamako,Bamako,"
    '12.6500,-8.0000,1,Local source,"On 15 March 2021, hundreds of students protested in Bamako.",0',
    "2,XYZ3,2021-03-16T00:00:00Z,2021,Battles,Armed clash,Military Forces of Mali (2021-),,JNIM,Mali,"
    "Mopti,Djenne,Djenne,13.9000,-4.5500,2,Local source,,0",
]


@pytest.mark.parametrize(
    ("value", "day"),
    [
        ("28 September 2019", dt.date(2019, 9, 28)),
        ("28-September-2019", dt.date(2019, 9, 28)),
        ("2019-09-28", dt.date(2019, 9, 28)),
        ("2019-09-28T00:00:00Z", dt.date(2019, 9, 28)),
        ("28/09/2019", dt.date(2019, 9, 28)),
    ],
)
def test_event_date_forms(value: str, day: dt.date) -> None:
    assert parse_event_date(value) == day


def test_event_date_in_no_form_names_the_value() -> None:
    with pytest.raises(ValueError, match="Sept 28th"):
        parse_event_date("Sept 28th")


@pytest.mark.parametrize(
    ("ours", "gold", "match"),
    [
        ("Military Forces of Nigeria", "Military Forces of Nigeria (2015-2023)", True),
        ("Boko Haram", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", True),
        ("Al-Shabaab", "Al Shabaab", True),
        ("Taliban", "Islamic State (Afghanistan)", False),
        ("", "Taliban", False),
    ],
)
def test_actor_names(ours: str, gold: str, match: bool) -> None:
    assert names_match(ours, gold) is match


def test_fold_drops_parentheses_accents_and_case() -> None:
    assert fold("Côte d'Ivoire (2011-)") == "cote d ivoire"


def test_km_between() -> None:
    assert km_between(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.2, abs=0.2)


def test_reader_ignores_extra_columns_and_order() -> None:
    rows = parse_csv("\n".join([HEADER, *ROWS]), "export.csv")
    assert [r.sub_event_type for r in rows] == ["Attack", "Peaceful protest", "Armed clash"]
    assert rows[0].origin == "export.csv:2"
    assert rows[2].notes == ""


def test_reader_names_missing_columns() -> None:
    with pytest.raises(EvalError, match=r"export\.csv:1: header lacks ACLED column\(s\) notes"):
        parse_csv(HEADER.replace(",notes", ",text"), "export.csv")


@pytest.mark.model
def test_scores_made_up_export(pipeline, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "export.csv"
    path.write_text("\n".join([HEADER, *ROWS]) + "\n", encoding="utf-8")
    result = AcledDataset().run(path, pipeline)
    assert result.docs == 2  # the row without notes is skipped, with a note
    assert any("no notes" in n for n in result.notes)
    m = result.metrics
    assert set(m) >= {
        "event_type_acc",
        "sub_event_type_acc",
        "date_acc",
        "fatalities_exact",
        "geo_within_25km",
    }
    # row 1: an attack on villagers by gunmen, 12 killed, on 14 March 2021
    assert m["fatalities_exact"] == 1.0
    assert m["date_acc"] == 1.0
    assert m["event_type_acc"] == 1.0
