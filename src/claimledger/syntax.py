"""Navigation over a ``Parse``: children, subtrees, sentence lookup. Pure functions of our types."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from claimledger.types import Entity, Parse, Sentence, Span, Token


class ParseView:
    """Indexes over a ``Parse`` that the extraction stages share (built once per article)."""

    __slots__ = ("_children", "_ent_at", "parse", "text", "tokens")

    def __init__(self, parse: Parse) -> None:
        self.parse = parse
        self.text = parse.text
        self.tokens = parse.tokens
        children: list[list[int]] = [[] for _ in parse.tokens]
        for t in parse.tokens:
            if t.head != t.i:
                children[t.head].append(t.i)
        self._children = children
        ent_at: dict[int, Entity] = {}
        for e in parse.entities:
            for i in range(e.start, e.end):
                ent_at[i] = e
        self._ent_at = ent_at

    # ---------------------------------------------------------------- tokens
    def __len__(self) -> int:
        return len(self.tokens)

    def __getitem__(self, i: int) -> Token:
        return self.tokens[i]

    def children(self, i: int) -> list[Token]:
        return [self.tokens[c] for c in self._children[i]]

    def children_by_dep(self, i: int, *deps: str) -> list[Token]:
        return [self.tokens[c] for c in self._children[i] if self.tokens[c].dep in deps]

    def head(self, i: int) -> Token:
        return self.tokens[self.tokens[i].head]

    def ancestors(self, i: int) -> Iterator[Token]:
        seen = {i}
        cur = self.tokens[i]
        while cur.head != cur.i and cur.head not in seen:
            seen.add(cur.head)
            cur = self.tokens[cur.head]
            yield cur

    def subtree(self, i: int) -> list[int]:
        """Token indices of the subtree rooted at ``i``, sorted."""
        out: list[int] = []
        stack = [i]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(self._children[j])
        return sorted(out)

    def subtree_span(self, i: int, exclude: Iterable[int] = ()) -> Span:
        """Characters covered by the subtree of ``i`` (its extent), minus excluded subtrees."""
        excl: set[int] = set()
        for x in exclude:
            excl.update(self.subtree(x))
        idx = [j for j in self.subtree(i) if j not in excl]
        if not idx:
            t = self.tokens[i]
            return t.span
        return self.char_span(min(idx), max(idx) + 1)

    def char_span(self, start: int, end: int) -> Span:
        """Characters of tokens ``[start, end)``."""
        return Span(self.tokens[start].idx, self.tokens[end - 1].end)

    def span_text(self, start: int, end: int) -> str:
        sp = self.char_span(start, end)
        return self.text[sp.start : sp.end]

    # ---------------------------------------------------------------- sentences and entities
    def sentence_of(self, i: int) -> Sentence:
        return self.parse.sentences[self.tokens[i].sent]

    def entity_at(self, i: int) -> Entity | None:
        return self._ent_at.get(i)

    def token_at_char(self, char: int) -> int | None:
        """Index of the token covering character ``char`` (or the first token after it)."""
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid].end <= char:
                lo = mid + 1
            else:
                hi = mid
        return lo if lo < len(self.tokens) else None

    def tokens_in(self, span: Span) -> list[int]:
        return [t.i for t in self.tokens if t.idx >= span.start and t.end <= span.end]

    def is_past(self, i: int) -> bool:
        t = self.tokens[i]
        return "Tense=Past" in t.morph or t.tag in ("VBD", "VBN")

    def is_negated(self, i: int) -> bool:
        return any(c.dep == "neg" for c in self.children(i))

    def subject(self, i: int) -> int | None:
        """The subject of verb ``i``, correcting a common misparse of reduced relatives: in "The X fighting
        the Y accused Z" the parser makes "fighting" the root and "the Y" the subject of "accused"; the real
        subject is the participle's own subject."""
        subj = self.children_by_dep(i, "nsubj", "nsubjpass")
        if not subj:
            return None
        head = self.head(i)
        if self.tokens[i].dep == "ccomp" and head.tag == "VBG" and head.i < subj[0].i:
            outer = self.children_by_dep(head.i, "nsubj")
            if outer:
                return outer[0].i
        return subj[0].i
