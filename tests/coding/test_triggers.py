"""The trigger lexicons: the packaged ``triggers.tsv`` and CAMEO ``plover_verbs.tsv``, and their loaders on
malformed files."""

from __future__ import annotations

import csv
from importlib import resources
from pathlib import Path

import pytest

from claimledger.coding.triggers import (
    TriggerLexicon,
    TriggerSense,
    acled_of,
    block_head,
    load_cameo_verbs,
    load_triggers,
)
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


# ------------------------------------------------------------------------- CAMEO verbs (plover_verbs.tsv)

CAMEO_GOOD = (
    "# lemma\tpattern\tcameo\tplover\tmode\tblock\n"
    "telephone\t\t041\tCONSULT\tphone\tCALL\n"
    "call\t\t\t\t\tCALL\n"
    "\tprep=on\t020\t\t\tCALL\n"
    "\tprep=for:talks\t036\tAGREE\t\tCALL\n"
    "call\tprt=off\t160\tSANCTION\t\tCANCEL\n"
)


def test_cameo_file_loads_defaults_blocks_and_patterns(tmp_path: Path) -> None:
    path = tmp_path / "plover_verbs.tsv"
    path.write_text(CAMEO_GOOD, encoding="utf-8")
    cameo = load_triggers(cameo_path=path).cameo
    phone = cameo.default("Telephone")
    assert phone is not None and (phone.plover, phone.mode, phone.cameo, phone.origin) == (
        "CONSULT",
        "phone",
        "041",
        "cameo",
    )
    assert (phone.acled_event_type, phone.acled_sub_event_type) == ("Strategic developments", "Other")
    assert cameo.default("call") is None and cameo.blocks["call"] == ("CALL",)
    patterns = cameo.patterns("call")
    assert [p.prt or p.prep for p in patterns] == ["off", "on", "for"]
    assert patterns[0].sense is not None and patterns[0].sense.plover == "SANCTION"
    assert patterns[1].sense is None  # a blocker: appeals have no PLOVER type
    assert patterns[2].prep_obj == ("talks",) and patterns[2].sense is not None
    assert patterns[2].sense.acled_sub_event_type == "Agreement"


def test_own_block_patterns_only(tmp_path: Path) -> None:
    path = tmp_path / "plover_verbs.tsv"
    path.write_text(CAMEO_GOOD + "phone\t\t041\tCONSULT\tphone\tCALL\n", encoding="utf-8")
    cameo = load_triggers(cameo_path=path).cameo
    assert len(cameo.patterns("call", own_only=True)) == 3  # its own phrasal pattern and CALL's
    assert [p.prt for p in cameo.patterns("phone", own_only=True)] == []  # CALL is not named after it
    assert len(cameo.patterns("phone")) == 2


@pytest.mark.parametrize(
    ("block", "head"), [("CALL", "call"), ("REVOKE_", "revoke"), ("GO_SOMEWHERE", "go"), ("RE_ARREST", "re")]
)
def test_block_head(block: str, head: str) -> None:
    assert block_head(block) == head


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("telephone\t\t041\tCONSULT\tphone\n", "expected lemma, pattern"),  # five columns
        ("telephone\t\t041\tTALK\tphone\tCALL\n", "expected lemma, pattern"),  # not a PLOVER type
        ("\t\t041\tCONSULT\tphone\tCALL\n", "a lemma or a pattern"),
        ("\tobj\t041\tCONSULT\t\tCALL\n", "is not key=value"),
        ("\tverb=go\t041\tCONSULT\t\tCALL\n", "unknown pattern element"),
    ],
    ids=["columns", "plover", "empty", "no-value", "unknown-key"],
)
def test_malformed_cameo_file_names_the_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "plover_verbs.tsv"
    path.write_text(CAMEO_GOOD + line, encoding="utf-8")
    with pytest.raises(DataFileError, match=rf"plover_verbs\.tsv:7: .*{message}") as info:
        load_cameo_verbs(path)
    assert info.value.code == "E060"


def test_cameo_can_be_left_out_and_missing_file_is_an_error(tmp_path: Path) -> None:
    assert load_triggers(cameo=False).cameo.defaults == {}
    with pytest.raises(DataFileError, match="cannot read CAMEO verb lexicon"):
        load_cameo_verbs(tmp_path / "absent.tsv")


@pytest.mark.parametrize(
    ("plover", "code", "acled"),
    [
        ("AGREE", "036", ("Strategic developments", "Agreement")),
        ("RETREAT", "0871", ("Strategic developments", "Agreement")),
        ("RETREAT", "0874", ("Strategic developments", "Non-violent transfer of territory")),
        ("PROTEST", "1451", ("Riots", "Violent demonstration")),
        ("PROTEST", "141", ("Protests", "Peaceful protest")),
        ("COERCE", "173", ("Strategic developments", "Arrests")),
        ("COERCE", "192", ("Battles", "Non-state actor overtakes territory")),
        ("ASSAULT", "1831", ("Explosions/Remote violence", "Suicide bomb")),
        ("ASSAULT", "190", ("Battles", "Armed clash")),
        ("SANCTION", "161", ("Strategic developments", "Other")),
    ],
)
def test_acled_of(plover: str, code: str, acled: tuple[str, str]) -> None:
    assert acled_of(plover, code) == acled
