"""Parses and events built by hand for the event-model tests (no spaCy model needed).

``hand_parse`` tokenises on words and punctuation; every token is its own root; a sentence ends after ".", and
a line break between sentences starts a new paragraph. Lemmas are the lower-cased words unless given.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from claimledger.types import AcledCode, Event, Parse, Sentence, Span, Token, Trigger

_TOKEN = re.compile(r"\w+(?:-\w+)*|[^\w\s]")


def hand_parse(
    text: str, lemmas: Mapping[str, str] | None = None, pos: Mapping[str, str] | None = None
) -> Parse:
    lemmas = lemmas or {}
    pos = pos or {}
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    start = 0
    matches = list(_TOKEN.finditer(text))
    for i, m in enumerate(matches):
        word = m.group()
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        punct = not word[0].isalnum()
        tokens.append(
            Token(
                i=i,
                text=word,
                idx=m.start(),
                whitespace=text[m.end() : end],
                lemma=lemmas.get(word, word.lower()),
                pos=pos.get(word, "PUNCT" if punct else "NOUN"),
                tag="",
                dep="ROOT",
                head=i,
                ent_type="",
                ent_iob="O",
                morph="",
                sent=len(sentences),
                is_punct=punct,
            )
        )
        if word == "." or i == len(matches) - 1:
            first = tokens[start]
            sentences.append(Sentence(start, i + 1, Span(first.idx, m.end())))
            start = i + 1
    return Parse(text=text, tokens=tuple(tokens), sentences=tuple(sentences), entities=())


def event_at(
    parse: Parse,
    word: str,
    type_: str,
    sub: str | None = None,
    eid: str = "e1",
    negated: bool = False,
) -> Event:
    """An event whose trigger is the first token ``word``, in that token's sentence."""
    token = next(t for t in parse.tokens if t.text == word)
    sentence = parse.sentences[token.sent].span
    acled = AcledCode("Some type", sub) if sub is not None else None
    return Event(
        id=eid,
        type=type_,
        trigger=Trigger(word, Span(token.idx, token.end)),
        sentence=sentence,
        acled=acled,
        negated=negated,
    )
