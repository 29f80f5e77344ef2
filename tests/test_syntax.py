"""``ParseView`` navigation over hand-built parses."""

from __future__ import annotations

import pytest

from claimledger.syntax import ParseView
from claimledger.types import Parse, Sentence, Span, Token

from .docs import parse_rows

TEXT = "The army said that rebels attacked a convoy. It did not deny it."
ROWS = """
0  The       the     DET    DT   det    1
1  army      army    NOUN   NN   nsubj  2
2  said      say     VERB   VBD  ROOT   2
3  that      that    SCONJ  IN   mark   5
4  rebels    rebel   NOUN   NNS  nsubj  5
5  attacked  attack  VERB   VBD  ccomp  2
6  a         a       DET    DT   det    7
7  convoy    convoy  NOUN   NN   dobj   5
8  .         .       PUNCT  .    punct  2
9  It        it      PRON   PRP  nsubj  12
10 did       do      AUX    VBD  aux    12
11 not       not     PART   RB   neg    12
12 deny      deny    VERB   VB   ROOT   12
13 it        it      PRON   PRP  dobj   12
14 .         .       PUNCT  .    punct  12
"""


@pytest.fixture(scope="module")
def view() -> ParseView:
    return ParseView(parse_rows(TEXT, ROWS))


@pytest.mark.parametrize(
    ("i", "children"),
    [(2, [1, 5, 8]), (5, [3, 4, 7]), (7, [6]), (0, []), (12, [9, 10, 11, 13, 14])],
)
def test_children(view: ParseView, i: int, children: list[int]) -> None:
    assert [c.i for c in view.children(i)] == children


def test_children_by_dep_and_head(view: ParseView) -> None:
    assert [c.i for c in view.children_by_dep(5, "nsubj")] == [4]
    assert [c.i for c in view.children_by_dep(2, "nsubj", "ccomp")] == [1, 5]
    assert view.children_by_dep(2, "dobj") == []
    assert view.head(7).i == 5
    assert view.head(2).i == 2  # a root is its own head


@pytest.mark.parametrize(
    ("i", "subtree"),
    [(5, [3, 4, 5, 6, 7]), (7, [6, 7]), (2, list(range(9))), (12, list(range(9, 15))), (3, [3])],
)
def test_subtree(view: ParseView, i: int, subtree: list[int]) -> None:
    assert view.subtree(i) == subtree


def test_subtree_span_with_and_without_exclusions(view: ParseView) -> None:
    assert view.subtree_span(5).text(TEXT) == "that rebels attacked a convoy"
    assert view.subtree_span(5, exclude=[7]).text(TEXT) == "that rebels attacked"
    assert view.subtree_span(7, exclude=[7]).text(TEXT) == "convoy"  # nothing left: the token itself


@pytest.mark.parametrize(("i", "ancestors"), [(6, [7, 5, 2]), (3, [5, 2]), (2, []), (13, [12])])
def test_ancestors(view: ParseView, i: int, ancestors: list[int]) -> None:
    assert [a.i for a in view.ancestors(i)] == ancestors


def test_ancestors_stops_on_a_cycle() -> None:
    # a malformed parse (0 -> 1 -> 0) must not loop forever
    text = "a b"
    toks = tuple(
        Token(
            i=i,
            text=w,
            idx=2 * i,
            whitespace=" " if i == 0 else "",
            lemma=w,
            pos="X",
            tag="X",
            dep="dep",
            head=1 - i,
            ent_type="",
            ent_iob="O",
            morph="",
            sent=0,
        )
        for i, w in enumerate(["a", "b"])
    )
    view = ParseView(Parse(text=text, tokens=toks, sentences=(Sentence(0, 2, Span(0, 3)),), entities=()))
    assert [a.i for a in view.ancestors(0)] == [1]


@pytest.mark.parametrize(
    ("char", "token"),
    [
        (0, 0),  # first character
        (2, 0),  # inside "The"
        (3, 1),  # the space after "The": the next token
        (4, 1),
        (43, 8),  # the full stop right after "convoy"
        (len(TEXT) - 1, 14),
        (len(TEXT), None),  # past the end
        (500, None),
    ],
)
def test_token_at_char(view: ParseView, char: int, token: int | None) -> None:
    assert view.token_at_char(char) == token


def test_char_span_span_text_and_tokens_in(view: ParseView) -> None:
    assert view.char_span(4, 6) == Span(19, 34)
    assert view.span_text(4, 6) == "rebels attacked"
    assert view.span_text(9, 15) == "It did not deny it."
    assert view.tokens_in(Span(19, 34)) == [4, 5]
    assert view.tokens_in(Span(20, 34)) == [5]  # a token must lie wholly inside


def test_sentence_of_and_len(view: ParseView) -> None:
    assert len(view) == 15
    assert view.sentence_of(3).span.text(TEXT) == "The army said that rebels attacked a convoy."
    assert view.sentence_of(12).start == 9


@pytest.mark.parametrize(("i", "negated"), [(12, True), (2, False), (5, False), (11, False)])
def test_is_negated(view: ParseView, i: int, negated: bool) -> None:
    assert view.is_negated(i) is negated


@pytest.mark.parametrize(("i", "past"), [(2, True), (5, True), (12, False), (1, False)])
def test_is_past(view: ParseView, i: int, past: bool) -> None:
    assert view.is_past(i) is past


def test_entity_at() -> None:
    text = "Jane Doe left."
    view = ParseView(
        parse_rows(
            text,
            """
            0 Jane  jane  PROPN NNP compound 1 B-PERSON
            1 Doe   doe   PROPN NNP nsubj    2 I-PERSON
            2 left  leave VERB  VBD ROOT     2
            3 .     .     PUNCT .   punct    2
            """,
        )
    )
    ent = view.entity_at(1)
    assert ent is not None and ent.text == "Jane Doe" and ent is view.entity_at(0)
    assert view.entity_at(2) is None


# ---------------------------------------------------------------------------------------------- subject()

# The parser's reduced-relative misparse that ``subject`` corrects: "fighting" is made the root and "the
# Justice Front" the subject of "accused", which becomes a ccomp of "fighting".
MISPARSE_TEXT = "The fighters fighting the Justice Front accused Iran."
MISPARSE = """
0 The      the      DET   DT  det      1
1 fighters fighter  NOUN  NNS nsubj    2
2 fighting fight    VERB  VBG ROOT     2
3 the      the      DET   DT  det      5
4 Justice  justice  PROPN NNP compound 5 B-ORG
5 Front    front    PROPN NNP nsubj    6 I-ORG
6 accused  accuse   VERB  VBD ccomp    2
7 Iran     iran     PROPN NNP dobj     6 B-GPE
8 .        .        PUNCT .   punct    2
"""
# The same shape with a finite outer verb: the inner subject is right and is kept.
FINITE_TEXT = "The fighters said the Justice Front accused Iran."
FINITE = MISPARSE.replace("fighting fight    VERB  VBG", "said     say      VERB  VBD")
# The participle's own subject comes after the inner subject: no correction.
PASSIVE_TEXT = "The Justice Front was accused by fighters."
PASSIVE = """
0 The     the     DET   DT  det       2 B-ORG
1 Justice justice PROPN NNP compound  2 I-ORG
2 Front   front   PROPN NNP nsubjpass 4 I-ORG
3 was     be      AUX   VBD auxpass   4
4 accused accuse  VERB  VBN ROOT      4
5 by      by      ADP   IN  agent     4
6 fighters fighter NOUN NNS pobj      5
7 .       .       PUNCT .   punct     4
"""


@pytest.mark.parametrize(
    ("text", "rows", "verb", "subject"),
    [
        (MISPARSE_TEXT, MISPARSE, 6, 1),  # corrected: the participle's subject "fighters"
        (MISPARSE_TEXT, MISPARSE, 2, 1),
        (FINITE_TEXT, FINITE, 6, 5),  # "said" is not a participle: "Front" stays
        (PASSIVE_TEXT, PASSIVE, 4, 2),  # nsubjpass counts as a subject
        (PASSIVE_TEXT, PASSIVE, 5, None),  # no subject at all
        (TEXT, ROWS, 5, 4),
        (TEXT, ROWS, 12, 9),
    ],
)
def test_subject(text: str, rows: str, verb: int, subject: int | None) -> None:
    assert ParseView(parse_rows(text, rows)).subject(verb) == subject


def test_subject_correction_needs_the_outer_subject() -> None:
    # no nsubj on the participle: the inner subject is returned as it is
    rows = MISPARSE.replace("fighters fighter  NOUN  NNS nsubj", "fighters fighter  NOUN  NNS dobj ")
    assert ParseView(parse_rows(MISPARSE_TEXT, rows)).subject(6) == 5
