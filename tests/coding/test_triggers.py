"""The trigger lexicon: the packaged ``triggers.tsv`` and ``load_triggers`` on malformed files."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import pytest

from claimledger.coding.triggers import TriggerLexicon, TriggerSense, load_triggers
from claimledger.errors import DataFileError
from claimledger.types import PLOVER_TYPES


def _packaged_rows() -> list[tuple[int, list[str]]]:
    text = resources.files("claimledger.data").joinpath("triggers.tsv").read_text(encoding="utf-8")
    rows = csv.reader(text.splitlines(), delimiter="\t")
    return [(n, r) for n, r in enumerate(rows, start=1) if r and not r[0].startswith("#")]


@pytest.fixture(scope="module")
def lexicon() -> TriggerLexicon:
    return load_triggers()


def test_packaged_file_loads(lexicon: TriggerLexicon) -> None:
    rows = _packaged_rows()
    assert len(lexicon.verbs) + len(lexicon.nouns) == len(rows) > 100


def test_every_row_is_well_formed() -> None:
    seen: dict[tuple[str, str], int] = {}
    for n, row in _packaged_rows():
        assert len(row) == 6, f"line {n}: {row}"
        lemma, pos, plover, _mode, acled_type, acled_sub = row
        assert pos in ("verb", "noun"), f"line {n}"
        assert plover in PLOVER_TYPES, f"line {n}: {plover}"
        assert lemma and lemma == lemma.strip(), f"line {n}"
        assert acled_type and acled_sub, f"line {n}: the ACLED columns are empty"
        assert (lemma, pos) not in seen, f"line {n}: {lemma}/{pos} already on line {seen[(lemma, pos)]}"
        seen[(lemma, pos)] = n


@pytest.mark.parametrize(
    ("lemma", "pos", "plover"),
    [
        ("attack", "verb", "ASSAULT"),
        ("attack", "noun", "ASSAULT"),
        ("kill", "VERB", "ASSAULT"),
        ("capture", "verb", "COERCE"),
        ("withdraw", "AUX", "RETREAT"),
        ("Attack", "verb", "ASSAULT"),  # lemmas are looked up in lower case
    ],
)
def test_get(lexicon: TriggerLexicon, lemma: str, pos: str, plover: str) -> None:
    sense = lexicon.get(lemma, pos)
    assert sense is not None and sense.plover == plover


def test_get_unknown_and_wrong_part_of_speech(lexicon: TriggerLexicon) -> None:
    assert lexicon.get("breakfast", "verb") is None
    assert lexicon.get("withdraw", "noun") is None  # only the verb is listed


def test_empty_mode_is_none_and_set_mode_is_kept(lexicon: TriggerLexicon) -> None:
    assert lexicon.verbs["attack"].mode is None
    assert lexicon.verbs["capture"] == TriggerSense(
        "capture", "verb", "COERCE", "seize", "Battles", "Non-state actor overtakes territory"
    )


GOOD = "attack\tverb\tASSAULT\t\tBattles\tArmed clash\n"


@pytest.mark.parametrize(
    ("body", "line"),
    [
        (GOOD + "fight\tverb\tFIGHT\t\tBattles\tArmed clash\n", 2),  # not a PLOVER type
        ("# header\n\n" + GOOD + "fight\tadj\tASSAULT\t\tBattles\tArmed clash\n", 4),  # bad pos
        (GOOD + GOOD + "fight\tverb\tASSAULT\tBattles\tArmed clash\n", 3),  # five columns
        ("attack verb ASSAULT Battles Armed clash\n", 1),  # spaces, not tabs
    ],
    ids=["plover", "pos", "columns", "spaces"],
)
def test_malformed_file_names_the_line(tmp_path: Path, body: str, line: int) -> None:
    path = tmp_path / "triggers.tsv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"triggers\.tsv:{line}: expected") as info:
        load_triggers(path)
    assert info.value.code == "E060"
    assert str(path) in str(info.value)


def test_temp_file_with_comments_loads(tmp_path: Path) -> None:
    path = tmp_path / "triggers.tsv"
    path.write_text(
        "# lemma\tpos\n\n" + GOOD + "raid\tnoun\tASSAULT\t\tBattles\tArmed clash\n", encoding="utf-8"
    )
    lex = load_triggers(path)
    assert set(lex.verbs) == {"attack"} and set(lex.nouns) == {"raid"}


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read trigger lexicon"):
        load_triggers(tmp_path / "absent.tsv")
