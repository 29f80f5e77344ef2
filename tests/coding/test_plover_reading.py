"""``plover_reading``: promises, threats, demands, refusals and attempts on hand-built parses."""

from __future__ import annotations

import pytest

from claimledger.coding.plover_reading import (
    PloverReading,
    obligation_sense,
    plover_reading,
    reported_speaker,
    stated_target,
)
from claimledger.syntax import ParseView

from ..docs import parse_rows


def _view(text: str, rows: str) -> ParseView:
    return ParseView(parse_rows(text, rows))


WILL = (
    "Portugal will support Turkey.",
    """
    0 Portugal portugal PROPN NNP nsubj 2
    1 will     will     AUX   MD  aux   2
    2 support  support  VERB  VB  ROOT  2
    3 Turkey   turkey   PROPN NNP dobj  2
    4 .        .        PUNCT .   punct 2
    """,
)


@pytest.mark.parametrize(
    ("plover", "reading"),
    [
        ("SUPPORT", "AGREE"),  # a cooperative act announced: an agreement
        ("AID", "AGREE"),
        ("RETREAT", "AGREE"),
        ("COERCE", "THREATEN"),  # a conflictual act announced: a threat
        ("SANCTION", "THREATEN"),
        ("ACCUSE", None),  # a verbal act in the future is none of these
    ],
)
def test_future_act(plover: str, reading: str | None) -> None:
    got = plover_reading(_view(*WILL), 2, plover)
    assert (got.plover if got else None) == reading
    if got is not None:
        assert got.act == plover and got.source is None and got.target is None


def test_speculation_and_plain_past_are_no_reading() -> None:
    text, rows = WILL
    assert (
        plover_reading(
            _view(text.replace("will", "could"), rows.replace("will     will", "could    could")),
            2,
            "SUPPORT",
        )
        is None
    )
    past = """
    0 Portugal  portugal PROPN NNP nsubj 1
    1 supported support  VERB  VBD ROOT  1
    2 Turkey    turkey   PROPN NNP dobj  1
    3 .         .        PUNCT .   punct 1
    """
    assert plover_reading(_view("Portugal supported Turkey.", past), 1, "SUPPORT") is None


def test_commitment_adjective_with_pronoun_subject_takes_the_speaker() -> None:
    text = "Bouteflika said he is prepared to lift the ban."
    rows = """
    0 Bouteflika bouteflika PROPN NNP nsubj 1
    1 said       say        VERB  VBD ROOT  1
    2 he         he         PRON  PRP nsubj 3
    3 is         be         AUX   VBZ ccomp 1
    4 prepared   prepared   ADJ   JJ  acomp 3
    5 to         to         PART  TO  aux   6
    6 lift       lift       VERB  VB  xcomp 4
    7 the        the        DET   DT  det   8
    8 ban        ban        NOUN  NN  dobj  6
    9 .          .          PUNCT .   punct 1
    """
    view = _view(text, rows)
    assert plover_reading(view, 6, "RETREAT") == PloverReading("AGREE", "RETREAT", 0)
    assert reported_speaker(view, 6) == 0


def test_threat_verb_infinitive() -> None:
    text = "Iran threatened to shell the towns."
    rows = """
    0 Iran       iran     PROPN NNP nsubj 1
    1 threatened threaten VERB  VBD ROOT  1
    2 to         to       PART  TO  aux   3
    3 shell      shell    VERB  VB  xcomp 1
    4 the        the      DET   DT  det   5
    5 towns      town     NOUN  NNS dobj  3
    6 .          .        PUNCT .   punct 1
    """
    assert plover_reading(_view(text, rows), 3, "ASSAULT") == PloverReading("THREATEN", "ASSAULT", None)


MUST = (
    "Russia said that Sudan must return the helicopter.",
    """
    0 Russia     russia     PROPN NNP nsubj 1
    1 said       say        VERB  VBD ROOT  1
    2 that       that       SCONJ IN  mark  5
    3 Sudan      sudan      PROPN NNP nsubj 5
    4 must       must       AUX   MD  aux   5
    5 return     return     VERB  VB  ccomp 1
    6 the        the        DET   DT  det   7
    7 helicopter helicopter NOUN  NN  dobj  5
    8 .          .          PUNCT .   punct 1
    """,
)


def test_obligation_is_a_request_from_the_speaker_to_the_subject() -> None:
    view = _view(*MUST)
    assert plover_reading(view, 5, None) == PloverReading("REQUEST", None, 0, 3)
    assert plover_reading(view, 5, "RETREAT") == PloverReading("REQUEST", "RETREAT", 0, 3)
    sense = obligation_sense(view, 5)
    assert sense is not None and (sense.plover, sense.origin) == ("REQUEST", "reading")


def test_obligation_needs_a_speaker_and_an_active_verb() -> None:
    alone = _view(
        "Sudan must return the helicopter.",
        """
    0 Sudan      sudan      PROPN NNP nsubj 2
    1 must       must       AUX   MD  aux   2
    2 return     return     VERB  VB  ROOT  2
    3 the        the        DET   DT  det   4
    4 helicopter helicopter NOUN  NN  dobj  2
    5 .          .          PUNCT .   punct 2
    """,
    )
    assert plover_reading(alone, 2, None) is None
    passive = """
    0 Russia   russia   PROPN NNP nsubj     1
    1 said     say      VERB  VBD ROOT      1
    2 he       he       PRON  PRP nsubjpass 5
    3 must     must     AUX   MD  aux       5
    4 be       be       AUX   VB  auxpass   5
    5 released release  VERB  VBN ccomp     1
    6 .        .        PUNCT .   punct     1
    """
    view = _view("Russia said he must be released.", passive)
    assert plover_reading(view, 5, None) is None


def test_negated_cooperation_is_a_refusal() -> None:
    text = "Syria will not accept refugees."
    rows = """
    0 Syria     syria    PROPN NNP nsubj 3
    1 will      will     AUX   MD  aux   3
    2 not       not      PART  RB  neg   3
    3 accept    accept   VERB  VB  ROOT  3
    4 refugees  refugee  NOUN  NNS dobj  3
    5 .         .        PUNCT .   punct 3
    """
    assert plover_reading(_view(text, rows), 3, "AGREE") == PloverReading("REJECT", "AGREE", None)
    assert plover_reading(_view(text, rows), 3, "COERCE") is None  # a conflictual act not done: nothing


def test_attempt_is_the_act_and_unless_makes_a_threat() -> None:
    text = "Rebels tried to hack the network."
    rows = """
    0 Rebels  rebel   NOUN  NNS nsubj 1
    1 tried   try     VERB  VBD ROOT  1
    2 to      to      PART  TO  aux   3
    3 hack    hack    VERB  VB  xcomp 1
    4 the     the     DET   DT  det   5
    5 network network NOUN  NN  dobj  3
    6 .       .       PUNCT .   punct 1
    """
    assert plover_reading(_view(text, rows), 3, "COERCE") == PloverReading("COERCE", "COERCE", None)
    text = "Nigeria will withdraw unless Chad agrees."
    rows = """
    0 Nigeria  nigeria  PROPN NNP nsubj 2
    1 will     will     AUX   MD  aux   2
    2 withdraw withdraw VERB  VB  ROOT  2
    3 unless   unless   SCONJ IN  mark  5
    4 Chad     chad     PROPN NNP nsubj 5
    5 agrees   agree    VERB  VBZ advcl 2
    6 .        .        PUNCT .   punct 2
    """
    assert plover_reading(_view(text, rows), 2, "RETREAT") == PloverReading("THREATEN", "RETREAT", None)


def test_stated_target_of_a_demand() -> None:
    text = "China demanded that Washington cancel the sale."
    rows = """
    0 China      china      PROPN NNP nsubj 1
    1 demanded   demand     VERB  VBD ROOT  1
    2 that       that       SCONJ IN  mark  4
    3 Washington washington PROPN NNP nsubj 4
    4 cancel     cancel     VERB  VB  ccomp 1
    5 the        the        DET   DT  det   6
    6 sale       sale       NOUN  NN  dobj  4
    7 .          .          PUNCT .   punct 1
    """
    view = _view(text, rows)
    assert stated_target(view, 1, "REQUEST") == 3
    assert stated_target(view, 1, "COERCE") is None
