"""``doc_to_parse`` on Docs built by hand: offsets, heads, sentences, entities, whitespace."""

from __future__ import annotations

import pytest

from claimledger.nlp.convert import doc_to_parse
from claimledger.types import Span

from ..docs import make_doc, make_parse, parse_rows

TEXT = "Jane Doe met the Justice Front in Herat. It did not attack the town."
ROWS = """
0  Jane     jane     PROPN  NNP  compound  1   B-PERSON
1  Doe      doe      PROPN  NNP  nsubj     2   I-PERSON
2  met      meet     VERB   VBD  ROOT      2
3  the      the      DET    DT   det       5
4  Justice  justice  PROPN  NNP  compound  5   B-ORG
5  Front    front    PROPN  NNP  dobj      2   I-ORG
6  in       in       ADP    IN   prep      2
7  Herat    herat    PROPN  NNP  pobj      6   B-GPE
8  .        .        PUNCT  .    punct     2
9  It       it       PRON   PRP  nsubj     12
10 did      do       AUX    VBD  aux       12
11 not      not      PART   RB   neg       12
12 attack   attack   VERB   VB   ROOT      12
13 the      the      DET    DT   det       14
14 town     town     NOUN   NN   dobj      12
15 .        .        PUNCT  .    punct     12
"""
HEADS = [1, 2, 2, 5, 5, 2, 2, 6, 2, 12, 12, 12, 12, 14, 12, 12]


@pytest.fixture(scope="module")
def parse():  # type: ignore[no-untyped-def]
    return parse_rows(TEXT, ROWS)


def test_token_offsets_index_the_text(parse) -> None:  # type: ignore[no-untyped-def]
    assert parse.text == TEXT
    assert [t.i for t in parse.tokens] == list(range(16))
    for t in parse.tokens:
        assert TEXT[t.idx : t.end] == t.text
        assert t.span == Span(t.idx, t.idx + len(t.text))
    assert [t.idx for t in parse.tokens[:4]] == [0, 5, 9, 13]


def test_whitespace_round_trip(parse) -> None:  # type: ignore[no-untyped-def]
    assert "".join(t.text + t.whitespace for t in parse.tokens) == TEXT
    assert parse.tokens[7].whitespace == ""  # "Herat" before "."
    assert parse.tokens[8].whitespace == " "


def test_heads_deps_and_tags_are_copied(parse) -> None:  # type: ignore[no-untyped-def]
    assert [t.head for t in parse.tokens] == HEADS
    assert [t.dep for t in parse.tokens][:3] == ["compound", "nsubj", "ROOT"]
    roots = [t.i for t in parse.tokens if t.head == t.i]
    assert roots == [2, 12]
    assert parse.tokens[12].tag == "VB" and parse.tokens[12].pos == "VERB"
    assert parse.tokens[12].lemma == "attack"


def test_sentences_and_sentence_indices(parse) -> None:  # type: ignore[no-untyped-def]
    assert [(s.start, s.end) for s in parse.sentences] == [(0, 9), (9, 16)]
    assert [s.span.text(TEXT) for s in parse.sentences] == [
        "Jane Doe met the Justice Front in Herat.",
        "It did not attack the town.",
    ]
    assert [t.sent for t in parse.tokens] == [0] * 9 + [1] * 7


def test_entities_and_their_char_spans(parse) -> None:  # type: ignore[no-untyped-def]
    got = [(e.start, e.end, e.label, e.text, e.span.text(TEXT)) for e in parse.entities]
    assert got == [
        (0, 2, "PERSON", "Jane Doe", "Jane Doe"),
        (4, 6, "ORG", "Justice Front", "Justice Front"),
        (7, 8, "GPE", "Herat", "Herat"),
    ]
    assert all(e.component == "ner" for e in parse.entities)
    assert [t.ent_iob for t in parse.tokens[:3]] == ["B", "I", "O"]
    assert parse.tokens[5].ent_type == "ORG" and parse.tokens[6].ent_type == ""


def test_lexical_flags_and_model_name() -> None:
    parse = make_parse(
        ["Three", "died", "."],
        spaces=[True, False, False],
        heads=[1, 1, 1],
        deps=["nsubj", "ROOT", "punct"],
        pos=["NUM", "VERB", "PUNCT"],
        tags=["CD", "VBD", "."],
        morphs=["NumType=Card", "Tense=Past|VerbForm=Fin", "PunctType=Peri"],
        model="en_hand-1",
    )
    assert parse.model == "en_hand-1"
    assert [t.like_num for t in parse.tokens] == [True, False, False]
    assert [t.is_punct for t in parse.tokens] == [False, False, True]
    assert parse.tokens[1].morph == "Tense=Past|VerbForm=Fin"


def test_missing_lemma_falls_back_to_lower_case_text() -> None:
    parse = make_parse(
        ["Rebels", "fled"],
        heads=[1, 1],
        deps=["nsubj", "ROOT"],
        pos=["NOUN", "VERB"],
        tags=["NNS", "VBD"],
        lemmas=["", "flee"],
    )
    assert [t.lemma for t in parse.tokens] == ["rebels", "flee"]


@pytest.mark.parametrize(
    ("sent_starts", "expected"),
    [
        (None, [(0, 4)]),  # no parse and no boundaries: the whole Doc is one sentence
        ([True, False, True, False], [(0, 2), (2, 4)]),
    ],
)
def test_sentences_without_a_parse(sent_starts, expected) -> None:  # type: ignore[no-untyped-def]
    doc = make_doc(
        ["Fighting", "resumed", "Troops", "withdrew"],
        heads=None,
        deps=None,
        pos=["NOUN", "VERB", "NOUN", "VERB"],
        tags=["NN", "VBD", "NNS", "VBD"],
        sent_starts=sent_starts,
    )
    parse = doc_to_parse(doc)
    assert [(s.start, s.end) for s in parse.sentences] == expected
    assert [t.sent for t in parse.tokens] == [si for si, (s, e) in enumerate(expected) for _ in range(s, e)]
    assert parse.sentences[-1].span.end == len(parse.text)


def test_newline_tokens_keep_offsets() -> None:
    text = "Calm.\n*Note"
    parse = make_parse(
        ["Calm", ".", "\n", "*", "Note"],
        spaces=[False] * 5,
        heads=[0, 0, 1, 4, 4],
        deps=["ROOT", "punct", "dep", "punct", "ROOT"],
        pos=["ADJ", "PUNCT", "SPACE", "PUNCT", "NOUN"],
        tags=["JJ", ".", "_SP", "NFP", "NN"],
    )
    assert parse.text == text
    assert [t.idx for t in parse.tokens] == [0, 4, 5, 6, 7]
    assert [s.span.text(text) for s in parse.sentences] == ["Calm.\n", "*Note"]


def _reference_parse(doc):  # type: ignore[no-untyped-def]
    """The conversion done token by token through spaCy's own attributes (what ``doc_to_parse`` reads in
    bulk)."""
    from claimledger.types import Entity, Parse, Sentence, Token

    has_sents = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
    sents = list(doc.sents) if has_sents else [doc[:]]
    sent_of = {t.i: si for si, s in enumerate(sents) for t in s}
    tokens = tuple(
        Token(
            i=t.i,
            text=t.text,
            idx=t.idx,
            whitespace=t.whitespace_,
            lemma=t.lemma_ or t.text.lower(),
            pos=t.pos_,
            tag=t.tag_,
            dep=t.dep_,
            head=t.head.i,
            ent_type=t.ent_type_,
            ent_iob=t.ent_iob_,
            morph=str(t.morph),
            sent=sent_of.get(t.i, 0),
            like_num=bool(t.like_num),
            is_punct=bool(t.is_punct),
        )
        for t in doc
    )
    sentences = tuple(Sentence(s.start, s.end, Span(s.start_char, s.end_char)) for s in sents)
    ents = tuple(Entity(e.start, e.end, e.label_, Span(e.start_char, e.end_char), e.text) for e in doc.ents)
    return Parse(text=doc.text, tokens=tokens, sentences=sentences, entities=ents, model="m")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked an army base near Homs on Sunday, the army said.  It denied it.\n\nCalm returned.",
        "SAN SALVADOR, 3 JAN 90 -- [TEXT] THE ARMY HAS REPORTED THAT ABOUT 50 PEASANTS WERE KIDNAPPED.",
        "  Leading spaces, a “quote,” ünïcödé and 3.5 million dollars; (brackets) - dashes -- too\n",
        "x",
        "",
    ],
)
def test_bulk_conversion_equals_token_by_token(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    assert doc_to_parse(doc, "m") == _reference_parse(doc)
