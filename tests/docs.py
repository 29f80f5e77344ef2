"""Hand-built spaCy Docs for unit tests (no model): "construct Docs by hand where a model is not the point".

``make_doc`` mirrors ``spacy.tokens.Doc``'s own constructor (absolute ``heads``, entities as
``(start, end, label)`` token ranges); ``make_parse`` converts the Doc with ``doc_to_parse``, as the
pipeline does. ``parse_rows`` is the readable form most tests use: the article text plus one row per token,

    i  word      lemma    POS    TAG  dep     head  [ENT]
    0  The       the      DET    DT   det     1
    1  army      army     NOUN   NN   nsubj   2     B-ORG

where ``head`` is the absolute index of the head (== i for a root), ``lemma`` ``_`` means the lower-cased
word, the optional last column is a BIO entity tag, and the word ``\\n`` stands for a newline token. The
words are aligned to ``text`` to find each token's trailing space, so the Parse's offsets index ``text``.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from functools import cache

from spacy.lang.en import English
from spacy.lang.lex_attrs import LEX_ATTRS
from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimledger.actors import ActorResult
from claimledger.nlp.convert import doc_to_parse
from claimledger.syntax import ParseView
from claimledger.types import Actor, Parse

MODEL = "en_test-0"


@cache
def _vocab() -> Vocab:
    # the English lexical attributes, so that ``is_punct`` and ``like_num`` are what a real model gives
    return Vocab(lex_attr_getters={**LEX_ATTRS, **English.Defaults.lex_attr_getters})


def _bio(n: int, ents: Sequence[tuple[int, int, str]]) -> list[str]:
    tags = ["O"] * n
    for start, end, label in ents:
        if not 0 <= start < end <= n:
            raise ValueError(f"entity ({start}, {end}, {label}) is outside the {n} tokens")
        tags[start] = f"B-{label}"
        for k in range(start + 1, end):
            tags[k] = f"I-{label}"
    return tags


def make_doc(
    words: Sequence[str],
    *,
    spaces: Sequence[bool] | None = None,
    heads: Sequence[int] | None,
    deps: Sequence[str] | None,
    pos: Sequence[str],
    tags: Sequence[str],
    lemmas: Sequence[str] | None = None,
    ents: Sequence[tuple[int, int, str]] = (),
    sent_starts: Sequence[bool] | None = None,
    morphs: Sequence[str] | None = None,
) -> Doc:
    """A Doc with the given annotation. ``spaces=None``: a space after every token but the last."""
    n = len(words)
    if spaces is None:
        spaces = [True] * (n - 1) + [False] if n else []
    for name, seq in (("spaces", spaces), ("heads", heads), ("deps", deps), ("pos", pos), ("tags", tags)):
        if seq is not None and len(seq) != n:
            raise ValueError(f"{name} has {len(seq)} items for {n} words")
    return Doc(
        _vocab(),
        words=list(words),
        spaces=list(spaces),
        heads=list(heads) if heads is not None else None,
        deps=list(deps) if deps is not None else None,
        pos=list(pos),
        tags=list(tags),
        lemmas=list(lemmas) if lemmas is not None else [w.lower() for w in words],
        ents=_bio(n, ents) if ents else None,
        sent_starts=list(sent_starts) if sent_starts is not None else None,
        morphs=list(morphs) if morphs is not None else None,
    )


def make_parse(
    words: Sequence[str],
    *,
    spaces: Sequence[bool] | None = None,
    heads: Sequence[int] | None,
    deps: Sequence[str] | None,
    pos: Sequence[str],
    tags: Sequence[str],
    lemmas: Sequence[str] | None = None,
    ents: Sequence[tuple[int, int, str]] = (),
    sent_starts: Sequence[bool] | None = None,
    morphs: Sequence[str] | None = None,
    model: str = MODEL,
) -> Parse:
    """``make_doc`` converted with ``claimledger.nlp.convert.doc_to_parse``."""
    doc = make_doc(
        words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=lemmas,
        ents=ents,
        sent_starts=sent_starts,
        morphs=morphs,
    )
    return doc_to_parse(doc, model)


def _spaces_for(text: str, words: Sequence[str]) -> list[bool]:
    """Trailing-space flags that make ``words`` spell ``text`` exactly (single spaces only)."""
    spaces: list[bool] = []
    pos = 0
    for k, w in enumerate(words):
        if not text.startswith(w, pos):
            raise ValueError(
                f"word {k} {w!r} is not at character {pos} of the text: {text[pos : pos + 20]!r}"
            )
        pos += len(w)
        space = pos < len(text) and text[pos] == " "
        spaces.append(space)
        pos += int(space)
    if pos != len(text):
        raise ValueError(f"the words end at character {pos}, the text has {len(text)}: {text[pos:]!r}")
    return spaces


def parse_rows(text: str, rows: str, *, model: str = MODEL) -> Parse:
    """A Parse of ``text`` from a table of token rows (see the module docstring)."""
    words: list[str] = []
    lemmas: list[str] = []
    pos: list[str] = []
    tags: list[str] = []
    deps: list[str] = []
    heads: list[int] = []
    bio: list[str] = []
    for line in rows.strip().splitlines():
        cells = line.split()
        if not cells:
            continue
        if len(cells) not in (7, 8):
            raise ValueError(f"row {line!r}: expected 'i word lemma pos tag dep head [ent]'")
        i, word, lemma, p, tag, dep, head = cells[:7]
        if int(i) != len(words):
            raise ValueError(f"row {line!r}: index {i}, expected {len(words)}")
        word = "\n" if word == "\\n" else word
        words.append(word)
        lemmas.append(word.lower() if lemma == "_" else lemma.replace("\\n", "\n"))
        pos.append(p)
        tags.append(tag)
        deps.append(dep)
        heads.append(int(head))
        bio.append(cells[7] if len(cells) == 8 else "O")
    ents: list[tuple[int, int, str]] = []
    for k, tag in enumerate(bio):
        if tag.startswith("B-"):
            ents.append((k, k + 1, tag[2:]))
        elif tag.startswith("I-"):
            if not ents or ents[-1][1] != k or ents[-1][2] != tag[2:]:
                raise ValueError(f"token {k}: {tag} does not continue an entity")
            ents[-1] = (ents[-1][0], k + 1, ents[-1][2])
        elif tag != "O":
            raise ValueError(f"token {k}: bad entity tag {tag!r}")
    parse = make_parse(
        words,
        spaces=_spaces_for(text, words),
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=lemmas,
        ents=ents,
        model=model,
    )
    if parse.text != text:
        raise ValueError(f"the Doc's text {parse.text!r} differs from {text!r}")
    return parse


# actor id -> (name, kind, token ranges [start, end))
ActorSpec = Mapping[str, tuple[str, str, Sequence[tuple[int, int]]]]


def make_actors(parse: Parse, spec: ActorSpec, described: Collection[str] = ()) -> ActorResult:
    """An ``ActorResult`` given by hand, for stages that take the actors as input (attribution, coding).

    ``described``: ids of actors that the actor stage would make from a description ("gunmen")."""
    view = ParseView(parse)
    actors: list[Actor] = []
    token_actor: dict[int, str] = {}
    for aid, (name, kind, ranges) in spec.items():
        actors.append(
            Actor(
                id=aid,
                name=name,
                kind=kind,
                mentions=tuple(view.char_span(s, e) for s, e in ranges),
                component="actors.described" if aid in described else "actors",
            )
        )
        for s, e in ranges:
            token_actor.update(dict.fromkeys(range(s, e), aid))
    return ActorResult(actors=tuple(actors), token_actor=token_actor, resolve=token_actor.get)
