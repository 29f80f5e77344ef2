"""Figures of killed, injured and arrested people by ACLED's rules (``coding/quantities.py``)."""

from __future__ import annotations

import pytest

from claimledger.coding.quantities import QuantityWords, load_quantities, number_value
from claimledger.errors import DataFileError
from claimledger.types import Event

from ..conftest import make_article


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("12", 12),
        ("1,200", 1200),
        ("twelve", 12),
        ("Twenty-five", 25),
        ("dozen", 12),
        ("hundred", 100),
        ("several", None),
        ("twenty-something", None),
    ],
)
def test_number_value(word: str, value: int | None) -> None:
    assert number_value(word) == value


def test_vague_words_follow_acled() -> None:
    words = load_quantities()
    assert words.vague["several"] == 10
    assert words.vague["many"] == 10
    assert words.vague["dozens"] == 12
    assert words.vague["hundreds"] == 100


def test_bad_quantity_file_names_the_line(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "q.tsv"
    bad.write_text("# header\nseveral\tten\tACLED\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"q\.tsv:2"):
        load_quantities(bad)
    assert isinstance(load_quantities(), QuantityWords)


def _trigger_event(pipeline, text: str, trigger: str) -> Event:  # type: ignore[no-untyped-def]
    ledger = pipeline.extract(make_article(text))
    return next(e for e in ledger.events if e.trigger.text == trigger)


@pytest.mark.parametrize(
    ("text", "trigger", "field", "value"),
    [
        ("Gunmen killed 12 villagers in the town of Gao.", "killed", "fatalities", 12),
        ("Gunmen killed twelve villagers in the town of Gao.", "killed", "fatalities", 12),
        ("Gunmen killed at least 12 villagers in the town of Gao.", "killed", "fatalities", 12),
        ("Gunmen killed between 10 and 15 villagers in the town of Gao.", "killed", "fatalities", 10),
        ("Gunmen killed dozens of villagers in the town of Gao.", "killed", "fatalities", 12),
        ("Gunmen killed several villagers in the town of Gao.", "killed", "fatalities", 10),
        ("Gunmen killed hundreds of villagers in the town of Gao.", "killed", "fatalities", 100),
        ("Gunmen killed two hundred villagers in the town of Gao.", "killed", "fatalities", 200),
        ("Gunmen wounded 7 villagers in the town of Gao.", "wounded", "injured", 7),
        ("Police arrested 30 protesters in Lagos on Monday.", "arrested", "arrested", 30),
        ("Police detained dozens of protesters in Lagos on Monday.", "detained", "arrested", 12),
    ],
)
def test_counts(pipeline, text: str, trigger: str, field: str, value: int) -> None:  # type: ignore[no-untyped-def]
    event = _trigger_event(pipeline, text, trigger)
    assert getattr(event, field) == value


def test_outcome_counts_join_the_attack(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen attacked a bus in the town of Gao on Monday, killing 9 passengers and wounding 14 others."
    ledger = pipeline.extract(make_article(text))
    attack = next(e for e in ledger.events if e.trigger.text == "attacked")
    assert attack.fatalities == 9
    assert attack.injured == 14
