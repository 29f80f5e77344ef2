"""Map a spaCy ``Doc`` to claimledger's own ``Parse`` type."""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimledger.types import Entity, Parse, Sentence, Span, Token

if TYPE_CHECKING:
    from spacy.tokens import Doc


def doc_to_parse(doc: Doc, model: str = "") -> Parse:
    """Copy what the downstream stages need out of ``doc``; spans index ``doc.text``."""
    sent_of: dict[int, int] = {}
    sentences: list[Sentence] = []
    has_sents = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
    sents = list(doc.sents) if has_sents else [doc[:]]
    for si, sent in enumerate(sents):
        for t in sent:
            sent_of[t.i] = si
        sentences.append(
            Sentence(
                start=sent.start,
                end=sent.end,
                span=Span(sent.start_char, sent.end_char),
            )
        )
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
    entities = tuple(
        Entity(
            start=e.start,
            end=e.end,
            label=e.label_,
            span=Span(e.start_char, e.end_char),
            text=e.text,
        )
        for e in doc.ents
    )
    return Parse(text=doc.text, tokens=tokens, sentences=tuple(sentences), entities=entities, model=model)
