"""Direct quotations: finding them, joining split ones, and finding their cue before or after."""

from __future__ import annotations

import re

from claimledger.actors import ActorResult
from claimledger.attribution.base import Quote
from claimledger.attribution.content import ContentMixin
from claimledger.attribution.words import COMPONENT, QUOTE_PAIRS
from claimledger.syntax import ParseView
from claimledger.types import Claim, Span

_OPENING = re.compile("|".join(re.escape(opening) for opening, _ in QUOTE_PAIRS))
_PAIR_OF = {opening: (opening, closing) for opening, closing in reversed(QUOTE_PAIRS)}


class QuotesMixin(ContentMixin):
    # ------------------------------------------------------------------ quotations
    def _quotes(self, view: ParseView) -> list[Quote]:
        text = view.text
        out: list[Quote] = []
        i = 0
        n = len(text)
        while i < n:
            found = _OPENING.search(text, i)  # the next opening mark (the first of QUOTE_PAIRS that fits)
            if found is None:
                break
            i = found.start()
            pair = _PAIR_OF[found.group()]
            o = len(pair[0])
            j = text.find(pair[1], i + o)
            # a quotation may run over several sentences but not over a paragraph break
            if j == -1 or "\n" in text[i:j]:
                i += o
                continue
            inner = Span(i + o, j)
            first = view.token_at_char(i + o)
            last = view.token_at_char(j - 1)
            if first is not None and last is not None and j - i > o and first <= last:
                out.append(Quote(i, j + len(pair[1]) - 1, inner, (first, last + 1)))
            i = j + len(pair[1])
        return out

    @staticmethod
    def _is_long(view: ParseView, q: Quote) -> bool:
        words = [view[k] for k in range(*q.tokens) if not view[k].is_punct]
        return len(words) >= 5 or any(view[k].pos in ("VERB", "AUX") for k in range(*q.tokens))

    def _join_split_quotes(self, view: ParseView, quotes: list[Quote]) -> list[Quote]:
        """“A,” X said, “B.”: one quotation interrupted by its attribution; its content spans both parts."""
        out: list[Quote] = []
        k = 0
        while k < len(quotes):
            q = quotes[k]
            if k + 1 < len(quotes):
                nxt = quotes[k + 1]
                between = range(q.tokens[1], nxt.tokens[0])
                gap = [view[j] for j in between if view[j].text not in ("”", "“", '"', "''", "``")]
                cue_tok = next(
                    (t.i for t in gap if t.pos in ("VERB", "AUX") and t.lemma in self.cues.verbs), None
                )
                has_cue = cue_tok is not None
                if (
                    has_cue
                    and len(gap) <= 8
                    and gap
                    and gap[-1].text in (",", ".", ":")
                    and view.text[q.inner.end - 1 : q.inner.end] in (",", "?", "!")
                    and "\n" not in view.text[q.close_char : nxt.open_char]
                ):
                    out.append(
                        Quote(
                            q.open_char,
                            nxt.close_char,
                            Span(q.inner.start, nxt.inner.end),
                            (q.tokens[0], nxt.tokens[1]),
                            cue_tok,
                        )
                    )
                    k += 2
                    continue
            out.append(q)
            k += 1
        return out

    @staticmethod
    def _adjacent(view: ParseView, q: Quote, cue_i: int) -> bool:
        """The cue directly follows the quotation (after a comma and the speaker) or introduces it."""
        if cue_i >= q.tokens[1]:
            between = range(q.tokens[1], cue_i)
            return any(view[k].text == "," for k in between) and len(between) <= 6
        return q.tokens[0] - cue_i <= 3

    def _cue_after(self, view: ParseView, q: Quote) -> int | None:
        k = view.token_at_char(q.close_char + 1)
        if k is None:
            return None
        for j in range(k, min(k + 8, len(view))):
            t = view[j]
            if t.text in (".", "!", "?") or t.text in ("“", '"', "``", "''"):
                return None
            if t.pos in ("VERB", "AUX") and t.lemma in self.cues.verbs:
                return None if self._own_complement(view, j, q) else j
        return None

    def _cue_before(self, view: ParseView, q: Quote) -> int | None:
        k = q.tokens[0] - 1
        while k >= 0 and view[k].text in ("“", '"', "«"):
            k -= 1
        if k < 0 or view[k].text not in (":", ","):
            return None
        while k >= 0 and view[k].text in ("``", "''"):
            k -= 1
        for j in range(k - 1, max(k - 10, -1), -1):
            t = view[j]
            if t.text in (".", "!", "?", "”"):
                return None
            if t.pos in ("VERB", "AUX") and t.lemma in self.cues.verbs:
                return None if self._own_complement(view, j, q) else j
        return None

    def _colon_attribution(self, view: ParseView, q: Quote, actors: ActorResult) -> Claim | None:
        """ "X echoed: “...”", "From the report: “...”": a speaker and a colon before a quotation."""
        k = q.tokens[0] - 1
        while k >= 0 and (view[k].text in ("“", '"', "«", "``", "''") or not view[k].text.strip()):
            k -= 1
        if k <= 0 or view[k].text != ":":
            return None
        s = view.sentence_of(k)
        words = [j for j in range(max(s.start, k - 8), k) if not view[j].is_punct]
        if not words:
            return None
        head = max(words, key=lambda j: len(view.subtree(j)) if view[j].head not in words else -1)
        who = next(
            (j for j in reversed(words) if actors.resolve(j) or view[j].pos in ("PROPN", "NOUN")), head
        )
        src = self._classify(view, who, actors)
        colon = view[k].span
        return Claim(
            id="",
            source_kind=src[1],
            stance="assert",
            content=q.inner,
            span=Span(min(view[words[0]].idx, colon.start), q.inner.end),
            source=src[0],
            source_text=src[2],
            source_span=src[3],
            cue=":",
            cue_span=colon,
            quote=view.text[q.inner.start : q.inner.end],
            component=COMPONENT,
        )

    @staticmethod
    def _own_complement(view: ParseView, j: int, q: Quote) -> bool:
        """Whether cue ``j`` has a complement of its own outside the quotation ("vowing to compete")."""
        inside = range(*q.tokens)
        for c in view.children(j):
            if c.dep in ("ccomp", "xcomp", "dobj") and c.i not in inside:
                sub = view.subtree(c.i)
                if not any(k in inside for k in sub) and not all(view[k].is_punct for k in sub):
                    return True
        return False
