"""``tools/build_plover_lexicon.py`` on a small invented dictionary, and the packaged ``plover_verbs.tsv``."""

from __future__ import annotations

import csv
import importlib.util
import sys
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest

from claimledger.types import PLOVER_TYPES

SCRIPT = Path(__file__).resolve().parents[2] / "tools" / "build_plover_lexicon.py"
SHARED_MAPPING = (
    Path(__file__).resolve().parents[3] / "shared" / "eval" / "plover_gsr" / "CAMEO2PLOVER-2021.txt"
)

# A made-up dictionary in PETRARCH's format: two synonym sets, a coded block, an uncoded one, a member with
# its own code, a phrasal member, comments and the kinds of pattern the tool keeps and skips.
DICTIONARY = """\
# a comment
####### SYNONYM SETS #######

&CURRENCY
+MONEY
+DOLLAR
+CASH_
+EURO_DOLLAR

&FOOD
+FOOD
+GRAIN

####### VERB PATTERNS #######

---  GRANT   [060]  ---
GIVE {GIVES GIVING GAVE GIVEN}  # a general verb
GRANT
DONATE [070]
- * STATEMENT                           [010]         # GIVE
- * &CURRENCY                           [071]         # GIVE
- * {HUMANITARIAN AID}                  [073]         # GRANT
- * &FOOD                               [073]
- * &FOOD                               [071]
- * &FOOD                               [073]
- * &ASYLUM                              [075]         # unknown set: skipped
- * (TO &CURRENCY)                       [071]
- PRESIDENT * AID                       [070]         # a subject: skipped
- * AID $                               [070]         # an actor slot: skipped
- * RECEPTION                           [043:042]
- * ENVOY                               [:043]        # target side: skipped

---  CANCEL   [---]  ---
+CALL_OFF [160]
HALT
- * OFF (FOR)                           [042:043]
- * (ON)                                [020]
- * DOWN &FOOD                          [160]
- * TALKS (WITH NEGOTIATORS)            [164]
- * (IN ^) (WITH)                       [046]

######## TRANSFORMATIONS ##########
~ a (a b ATTACK) SAY = a b 015
"""

MAPPING = """\
# CAMEO to PLOVER conversion table
04: CONSULT
043: CONSULT, visit,   # Host a visit
06: COOPERATE
060: COOPERATE,   ,  # Engage in material cooperation
07: AID
070: AID,   ,  # Provide aid
071: AID,   ,   economic # Provide economic aid
073: AID,   ,   humanitarian # Provide humanitarian aid
08: CONCEDE
082: CONCEDE,   , democracy # Ease political dissent
08: RETREAT
0841: RETREAT, release,   legal # Return, release person(s)
16: SANCTION
160: SANCTION,   ,  # Reduce relations
164: SANCTION, withdraw,   diplomatic # Halt negotiations
"""


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_plover_lexicon", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def rows(tool: ModuleType) -> list[tuple[str, ...]]:
    synsets, blocks = tool.parse_dictionary(DICTIONARY)
    table = tool.parse_cameo2plover(MAPPING)
    built = tool.build_rows(synsets, blocks, table)
    return [(r.lemma, r.pattern, r.cameo, r.plover, r.mode, r.block) for r in built]


@pytest.mark.parametrize(
    ("raw", "code"),
    [("060", "060"), ("042:043", "042"), (":073", None), ("---", "---"), ("080!", "080"), (" 1246 ", "1246")],
)
def test_source_code(tool: ModuleType, raw: str, code: str | None) -> None:
    assert tool.source_code(raw) == code


def test_synonym_sets_keep_one_word_members(tool: ModuleType) -> None:
    synsets, _ = tool.parse_dictionary(DICTIONARY)
    assert synsets == {"CURRENCY": ["money", "dollar", "cash"], "FOOD": ["food", "grain"]}


def test_blocks_members_and_codes(tool: ModuleType) -> None:
    _, blocks = tool.parse_dictionary(DICTIONARY)
    assert [(b.name, b.code) for b in blocks] == [("GRANT", "060"), ("CANCEL", "---")]
    assert blocks[0].members == [("GIVE", None), ("GRANT", None), ("DONATE", "070")]
    assert blocks[1].members[0] == ("+CALL_OFF", "160")


@pytest.mark.parametrize(
    ("body", "encoded"),
    [
        ("* AID", ["obj=aid"]),
        ("* {HUMANITARIAN AID}", ["obj=humanitarian_aid"]),
        ("* &FOOD", ["obj=food", "obj=grain"]),
        ("* (FOR HELP)", ["prep=for:help"]),
        ("* (AGAINST)", ["prep=against"]),
        ("* OFF (FOR)", ["prt=off prep=for"]),
        ("* DOWN &FOOD", ["prt=down obj=food", "prt=down obj=grain"]),
        ("* FIRE (IN PROTEST)", ["obj=fire prep=in:protest"]),
        ("* TO POLICE", ["prep=to:police"]),
        ("* DEBATE ON", ["obj=debate prep=on"]),
        ("- PRESIDENT * AID".lstrip("- "), None),  # a subject before the verb
        ("* AID $", None),
        ("* (IN ^) (WITH)", None),
        ("* (ON STATE) (OF ALERT)", None),  # two prepositional phrases
        ("* MASSIVE LOSSES", None),  # two objects
        ("* &ASYLUM", None),  # a set the dictionary does not define
        ("* SPECIAL_CLAUSE", None),
        ("* (PEACE CONFERENCE)", None),  # no preposition
    ],
)
def test_parse_pattern(tool: ModuleType, body: str, encoded: list[str] | None) -> None:
    synsets, _ = tool.parse_dictionary(DICTIONARY)
    assert tool.parse_pattern(body, synsets) == encoded


def test_mapping_exact_prefix_and_ambiguous_root(tool: ModuleType) -> None:
    table = tool.parse_cameo2plover(MAPPING)
    assert tool.plover_of("0841", table) == tool.PloverCode("RETREAT", "release")
    assert tool.plover_of("1641", table) == tool.PloverCode("SANCTION", "withdraw")  # its first three digits
    assert tool.plover_of("061", table) == tool.PloverCode("COOPERATE", "")  # the root
    assert tool.plover_of("083", table) is None  # 08 is CONCEDE or RETREAT: no root default
    assert tool.plover_of("010", table) is None and tool.plover_of("---", table) is None


def test_member_defaults(rows: list[tuple[str, ...]]) -> None:
    members = {(r[0], r[5]): r for r in rows if r[0] and not r[1]}
    assert members[("grant", "GRANT")][2:5] == ("060", "COOPERATE", "")
    assert members[("donate", "GRANT")][2:4] == ("070", "AID")  # its own code
    assert members[("give", "GRANT")][2:4] == ("", "")  # a general verb: patterns only
    assert members[("halt", "CANCEL")][2:4] == ("", "")  # an uncoded block


def test_patterns_blockers_and_duplicates(rows: list[tuple[str, ...]]) -> None:
    patterns = {(r[0], r[1]): r for r in rows if r[1]}
    assert patterns[("", "obj=statement")][2:4] == ("010", "")  # a blocker: no PLOVER type
    assert patterns[("", "obj=money")][2:5] == ("071", "AID", "")  # "economic" is a context, not a mode
    assert patterns[("", "obj=food")][2] == "073"  # the most frequent of the codes given
    assert patterns[("", "prep=to:dollar")][3] == "AID"
    assert patterns[("", "obj=reception")][2] == "043"  # the source side of 043:042
    assert patterns[("call", "prt=off")][2:4] == ("160", "SANCTION")  # a phrasal member
    assert ("call", "prt=off obj=talk prep=with:negotiators") not in patterns  # the block has HALT too
    assert patterns[("", "prt=off prep=for")][3] == "CONSULT"  # 042 through the root 04
    assert ("", "obj=envoy") not in patterns and ("", "obj=asylum") not in patterns
    assert not any(p.startswith("obj=aid") and len(p.split()) > 1 for _, p in patterns)


def test_phrasal_only_block_gets_its_patterns_with_the_particle(tool: ModuleType) -> None:
    block = "---  IRON_OUT   [---]  ---\n+IRON_OUT\n- * &FOOD [030]\n\n"
    text = DICTIONARY.replace("######## TRANSFORMATIONS", block + "######## TRANSFORMATIONS", 1)
    synsets, blocks = tool.parse_dictionary(text)
    rows = tool.build_rows(synsets, blocks, tool.parse_cameo2plover(MAPPING + "03: AGREE\n"))
    assert {(r.lemma, r.pattern, r.plover) for r in rows if r.block == "IRON_OUT"} == {
        ("iron", "prt=out", ""),
        ("", "obj=food", "AGREE"),
        ("", "obj=grain", "AGREE"),
        ("iron", "prt=out obj=food", "AGREE"),
        ("iron", "prt=out obj=grain", "AGREE"),
    }


def test_write_and_reload(tool: ModuleType, tmp_path: Path) -> None:
    from claimledger.coding.triggers import load_cameo_verbs

    synsets, blocks = tool.parse_dictionary(DICTIONARY)
    out = tmp_path / "plover_verbs.tsv"
    n = tool.write_rows(tool.build_rows(synsets, blocks, tool.parse_cameo2plover(MAPPING)), out)
    cameo = load_cameo_verbs(out)
    assert n > 10 and cameo.default("grant") is not None and cameo.default("give") is None
    assert len(cameo.patterns("give")) == len(cameo.patterns("grant")) > 5


@pytest.mark.skipif(not SHARED_MAPPING.exists(), reason="../shared is not beside the checkout")
def test_the_published_mapping(tool: ModuleType) -> None:
    table = tool.parse_cameo2plover(SHARED_MAPPING.read_text(encoding="utf-8"))
    assert tool.plover_of("041", table) == tool.PloverCode("CONSULT", "phone")
    assert tool.plover_of("163", table).plover == "COERCE"  # embargo and sanctions: COERCE in 2021
    assert tool.plover_of("1712", table).plover == "ASSAULT"
    assert tool.plover_of("0874", table).plover == "RETREAT"
    assert tool.plover_of("020", table) is None  # appeals: no PLOVER type


# ----------------------------------------------------------------------------------- packaged file


def _packaged() -> list[list[str]]:
    text = resources.files("claimledger.data").joinpath("plover_verbs.tsv").read_text(encoding="utf-8")
    reader = csv.reader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [r for r in reader if r and not r[0].startswith("#")]


def test_packaged_rows_are_well_formed() -> None:
    rows = _packaged()
    assert len(rows) > 5000
    blocks_with_members = {r[5] for r in rows if r[0]}
    for row in rows:
        assert len(row) == 6, row
        lemma, pattern, cameo, plover, _mode, block = row
        assert lemma or pattern, row
        assert plover == "" or plover in PLOVER_TYPES, row
        assert not plover or cameo, row
        if pattern and not lemma:
            assert block in blocks_with_members, row


def test_packaged_file_covers_every_type() -> None:
    types = {r[3] for r in _packaged() if r[3]}
    assert types == set(PLOVER_TYPES)
