"""``verb_sense``: curated triggers, CAMEO verb patterns and CAMEO defaults on hand-built parses."""

from __future__ import annotations

import pytest

from claimledger.coding.triggers import (
    CAMEO_DEFAULT,
    CAMEO_PATTERN,
    CURATED,
    CameoVerbs,
    TriggerLexicon,
    TriggerSense,
    VerbPattern,
    load_triggers,
    parse_pattern,
)
from claimledger.coding.verb_patterns import pattern_matches, verb_sense, word_matches
from claimledger.syntax import ParseView

from ..docs import parse_rows


def _sense(lemma: str, plover: str, origin: str = CAMEO_DEFAULT, code: str = "") -> TriggerSense:
    return TriggerSense(lemma, "verb", plover, None, "Strategic developments", "Other", origin, code)


def _pattern(text: str, plover: str | None, code: str, block: str) -> VerbPattern:
    sense = _sense(block.lower(), plover, CAMEO_PATTERN, code) if plover else None
    return parse_pattern(text, sense, "test", block)


# a small lexicon: curated "attack" (violence) and "reject"; CAMEO blocks LIFT (no default), CANCEL (no
# default; "call off" a phrasal member), GRANT (a default; "give" a general member without one), REFUSE
LEXICON = TriggerLexicon(
    verbs={
        "attack": TriggerSense("attack", "verb", "ASSAULT", None, "Battles", "Armed clash"),
        "reject": TriggerSense("reject", "verb", "REJECT", None, "Strategic developments", "Other"),
    },
    nouns={"support": TriggerSense("support", "noun", "SUPPORT", None, "Strategic developments", "Other")},
    cameo=CameoVerbs(
        defaults={
            "grant": _sense("grant", "COOPERATE", code="060"),
            "telephone": _sense("telephone", "CONSULT"),
        },
        blocks={
            "lift": ("LIFT",),
            "halt": ("CANCEL",),
            "grant": ("GRANT",),
            "give": ("GRANT",),
            "provide": ("GRANT",),
            "telephone": ("CALL",),
            "reject": ("REFUSE",),
            "refuse": ("REFUSE",),
        },
        block_patterns={
            "LIFT": (_pattern("obj=curfew", "RETREAT", "0813", "LIFT"),),
            "CANCEL": (_pattern("obj=aid", "SANCTION", "162", "CANCEL"),),
            "GRANT": (
                _pattern("obj=statement", None, "010", "GRANT"),
                _pattern("obj=humanitarian_aid", "AID", "073", "GRANT"),
                _pattern("obj=support", "SUPPORT", "051", "GRANT"),
                _pattern("obj=asylum", "AID", "075", "GRANT"),
            ),
            "CALL": (_pattern("prep=on", None, "020", "CALL"),),
            "REFUSE": (
                _pattern("obj=talk", "REJECT", "125", "REFUSE"),
                _pattern("obj=aid", "AID", "070", "REFUSE"),
            ),
        },
        lemma_patterns={"call": (_pattern("prt=off", "SANCTION", "160", "CANCEL"),)},
    ),
)


def _view(text: str, rows: str) -> ParseView:
    return ParseView(parse_rows(text, rows))


LIFTED = (
    "Serbia lifted the night curfew.",
    """
    0 Serbia  serbia PROPN NNP nsubj    1
    1 lifted  lift   VERB  VBD ROOT     1
    2 the     the    DET   DT  det      4
    3 night   night  NOUN  NN  compound 4
    4 curfew  curfew NOUN  NN  dobj     1
    5 .       .      PUNCT .   punct    1
    """,
)


def test_pattern_gives_the_sense_of_a_verb_without_default() -> None:
    sense = verb_sense(_view(*LIFTED), 1, LEXICON)
    assert sense is not None and (sense.plover, sense.origin, sense.cameo) == (
        "RETREAT",
        CAMEO_PATTERN,
        "0813",
    )
    assert sense.lemma == "lift"


def test_no_pattern_and_no_default_is_no_sense() -> None:
    text = "Serbia lifted the box."
    rows = """
    0 Serbia serbia PROPN NNP nsubj 1
    1 lifted lift   VERB  VBD ROOT  1
    2 the    the    DET   DT  det   3
    3 box    box    NOUN  NN  dobj  1
    4 .      .      PUNCT .   punct 1
    """
    assert verb_sense(_view(text, rows), 1, LEXICON) is None


GRANT_ROWS = """
0 Peru    peru    PROPN NNP nsubj 1
1 granted grant   VERB  VBD ROOT  1
2 {obj}   {lemma} NOUN  NN  dobj  1
3 .       .       PUNCT .   punct 1
"""


@pytest.mark.parametrize(
    ("verb", "lemma", "obj", "plover"),
    [
        ("granted", "grant", "asylum", "AID"),  # the pattern over the default
        ("granted", "grant", "visas", "COOPERATE"),  # the block's default
        ("granted", "grant", "statement", None),  # a blocker: the CAMEO code has no PLOVER type
        ("gave", "give", "asylum", "AID"),  # a general verb codes through its block's patterns
        ("gave", "give", "money", None),  # ... and only through them
        ("provided", "provide", "support", None),  # a light verb with an event noun: the noun is the event
    ],
)
def test_defaults_patterns_blockers_and_light_verbs(
    verb: str, lemma: str, obj: str, plover: str | None
) -> None:
    text = f"Peru {verb} {obj}."
    rows = (
        GRANT_ROWS.replace("{obj}", obj)
        .replace("{lemma}", obj.rstrip("s"))
        .replace("granted grant", f"{verb} {lemma}")
    )
    sense = verb_sense(_view(text, rows), 1, LEXICON)
    assert (sense.plover if sense else None) == plover


def test_curated_violence_is_kept_and_curated_verbs_take_their_own_block_only() -> None:
    text = "Rebels attacked talks."
    rows = """
    0 Rebels   rebel  NOUN  NNS nsubj 1
    1 attacked attack VERB  VBD ROOT  1
    2 talks    talk   NOUN  NNS dobj  1
    3 .        .      PUNCT .   punct 1
    """
    sense = verb_sense(_view(text, rows), 1, LEXICON)
    assert sense is not None and (sense.plover, sense.origin) == ("ASSAULT", CURATED)
    # "reject" is curated and a member of REFUSE (named after "refuse"): REFUSE's patterns do not apply
    reject = verb_sense(
        _view(text.replace("attacked", "rejected"), rows.replace("attacked attack", "rejected reject")),
        1,
        LEXICON,
    )
    assert reject is not None and reject.origin == CURATED


@pytest.mark.parametrize(
    ("text", "rows", "plover"),
    [
        (
            "Ankara called on Cairo.",
            """
            0 Ankara ankara PROPN NNP nsubj 1
            1 called call   VERB  VBD ROOT  1
            2 on     on     ADP   IN  prep  1
            3 Cairo  cairo  PROPN NNP pobj  2
            4 .      .      PUNCT .   punct 1
            """,
            None,  # "call on": an appeal (no PLOVER type)
        ),
        (
            "Ankara telephoned Cairo on Tuesday.",
            """
            0 Ankara     ankara    PROPN NNP nsubj 1
            1 telephoned telephone VERB  VBD ROOT  1
            2 Cairo      cairo     PROPN NNP dobj  1
            3 on         on        ADP   IN  prep  1
            4 Tuesday    tuesday   PROPN NNP pobj  3
            5 .          .         PUNCT .   punct 1
            """,
            "CONSULT",  # a bare preposition counts only right after the verb: "on Tuesday" is no "call on"
        ),
        (
            "The union called off the strike.",
            """
            0 The    the    DET   DT  det   1
            1 union  union  NOUN  NN  nsubj 2
            2 called call   VERB  VBD ROOT  2
            3 off    off    ADP   RP  prt   2
            4 the    the    DET   DT  det   5
            5 strike strike NOUN  NN  dobj  2
            6 .      .      PUNCT .   punct 2
            """,
            "SANCTION",  # a phrasal member's own pattern
        ),
    ],
    ids=["call-on", "telephone-on-tuesday", "call-off"],
)
def test_particles_and_prepositions(text: str, rows: str, plover: str | None) -> None:
    k = next(i for i, w in enumerate(text.split()) if w in ("called", "telephoned"))
    sense = verb_sense(_view(text, rows), k, LEXICON)
    assert (sense.plover if sense else None) == plover


def test_partitive_and_coordinated_objects() -> None:
    text = "Japan halted part of the aid."
    rows = """
    0 Japan  japan PROPN NNP nsubj 1
    1 halted halt  VERB  VBD ROOT  1
    2 part   part  NOUN  NN  dobj  1
    3 of     of    ADP   IN  prep  2
    4 the    the   DET   DT  det   5
    5 aid    aid   NOUN  NN  pobj  3
    6 .      .     PUNCT .   punct 1
    """
    view = _view(text, rows)
    assert pattern_matches(view, 1, parse_pattern("obj=aid", None))
    assert not pattern_matches(view, 1, parse_pattern("obj=humanitarian_aid", None))  # a missing modifier
    sense = verb_sense(view, 1, LEXICON)
    assert sense is not None and sense.plover == "SANCTION"


@pytest.mark.parametrize(
    ("word", "lemma", "lower", "ok"),
    [
        ("talks", "talk", "talks", True),
        ("sanctions", "sanction", "sanctions", True),
        ("policies", "policy", "policies", True),
        ("aid", "aide", "aide", False),
    ],
)
def test_word_matches(word: str, lemma: str, lower: str, ok: bool) -> None:
    from claimledger.types import Token

    token = Token(0, lower, 0, "", lemma, "NOUN", "NN", "dobj", 0, "", "O", "", 0)
    assert word_matches(word, token) is ok


def test_packaged_lexicon_codes_general_cameo_uses() -> None:
    lexicon = load_triggers()
    view = _view(*LIFTED)
    sense = verb_sense(view, 1, lexicon)
    assert sense is not None and sense.plover == "RETREAT" and sense.cameo == "0813"
    assert lexicon.cameo.default("telephone") is not None
    assert lexicon.cameo.default("give") is None  # a general verb
