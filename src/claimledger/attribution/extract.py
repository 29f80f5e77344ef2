"""The attribution stage: who claims what, how firmly, and through which channel.

Finds reporting cues (verbs, nouns, "according to", hedging passives and adverbs; a curated lexicon, verbs
mined from PolNeAR train, and a learned detector for the long tail), their sources and contents, and direct
quotations, including a quotation whose attribution follows it ("...," X said on Twitter). Claims are linked
to events later (``ledger.article``); this stage only knows text and parse.
"""

from __future__ import annotations

from dataclasses import replace

from claimledger.actors import ActorResult
from claimledger.attribution.base import DraftClaim
from claimledger.attribution.constructions import ConstructionsMixin
from claimledger.attribution.cues import Cue
from claimledger.attribution.words import COMPONENT, MINED_VETO
from claimledger.syntax import ParseView
from claimledger.types import Claim, Span


class AttributionExtractor(ConstructionsMixin):
    """Extracts claims from one article's parse. Data (cues, channels, the cue model) are passed in."""

    def extract(
        self, view: ParseView, actors: ActorResult, time_of: dict[int, str], id_prefix: str
    ) -> list[DraftClaim]:
        quotes = self._quotes(view)
        inside_quote = {i for q in quotes for i in range(*q.tokens)}
        drafts: list[tuple[Claim, tuple[int, int], bool]] = []
        used_cues: set[int] = set()

        # 1. direct quotations with their attribution before or after
        speaker: tuple[str | None, str, str | None, Span | None, int] | None = None
        quotes = self._join_split_quotes(view, quotes)
        for q in quotes:
            cue_i = q.cue or self._cue_after(view, q) or self._cue_before(view, q)
            if cue_i is None and self._is_long(view, q):
                colon = self._colon_attribution(view, q, actors)
                if colon is not None:
                    drafts.append((colon, q.tokens, False))
                    speaker = (
                        colon.source,
                        colon.source_kind,
                        colon.source_text,
                        colon.source_span,
                        view[q.tokens[0]].sent,
                    )
                    continue
            if not self._is_long(view, q) and (cue_i is None or not self._adjacent(view, q, cue_i)):
                continue  # a scare quote ("Pakistani drones") or a mixed quote inside another claim
            if cue_i is not None:
                used_cues.add(cue_i)
                src = self._source(view, cue_i, actors)
                if src is None:
                    continue
                claim = self._make(
                    view, cue_i, src, q.inner, actors, time_of, quote=view.text[q.inner.start : q.inner.end]
                )
                drafts.append((claim, q.tokens, False))
                speaker = (
                    claim.source,
                    claim.source_kind,
                    claim.source_text,
                    claim.source_span,
                    view[q.tokens[0]].sent,
                )
            elif speaker is not None and view[q.tokens[0]].sent - speaker[4] <= 2:
                # a quotation with no cue continues the current speaker
                src_id, kind, stext, sspan, _ = speaker
                drafts.append(
                    (
                        Claim(
                            id="",
                            source_kind=kind,
                            stance="assert",
                            content=q.inner,
                            span=q.inner,
                            source=src_id,
                            source_text=stext,
                            source_span=sspan,
                            quote=view.text[q.inner.start : q.inner.end],
                            component=COMPONENT,
                        ),
                        q.tokens,
                        False,
                    )
                )

        # 2. cue verbs, passives and nouns outside quotations
        for t in view.tokens:
            if t.i in used_cues or t.i in inside_quote:
                if t.i in inside_quote:
                    self._deny_by_falsehood(view, t.i, drafts, quotes, actors, time_of)
                continue
            if t.lower in ("according", "as"):
                self._according_to(view, t.i, actors, time_of, drafts)
                continue
            if t.pos not in ("VERB", "AUX", "NOUN", "ADJ"):
                self._adverb(view, t.i, actors, time_of, drafts)
                continue
            if t.pos == "NOUN":
                if not self._deny_by_falsehood(view, t.i, drafts, quotes, actors, time_of):
                    self._noun_cue(view, t.i, actors, time_of, drafts)
                continue
            if t.pos == "ADJ":
                continue
            if view.is_negated(t.i):
                continue
            if t.lemma in self.cues.passives and view.children_by_dep(t.i, "auxpass"):
                self._passive(view, t.i, actors, time_of, drafts)
                continue
            cue = self.cues.verbs.get(t.lemma)
            if cue is None and self.model is not None and self.model.is_cue(view, t.i):
                cue = Cue(t.lemma, "verb", "assert", "learned")
            if (
                cue is not None
                and cue.strength == "mined"
                and self.model is not None
                and self.model.probability(view, t.i) < MINED_VETO
            ):
                cue = None  # a mined verb ("release", "call") used here in its ordinary, non-reporting sense
            if cue is None:
                continue
            relayed = self._quoted_as_saying(view, t.i)
            if relayed is not None:
                # "State TV quoted the army as saying that ...": the army is the source of the saying
                content = self._content(view, t.i, cue)
                if content is not None:
                    src = self._classify(view, relayed, actors)
                    (cs, ce), back = content
                    drafts.append(
                        (self._make(view, t.i, src, view.char_span(cs, ce), actors, time_of), (cs, ce), back)
                    )
                continue
            content = self._content(view, t.i, cue)
            if content is None:
                continue
            src = self._source(view, t.i, actors)
            if src is None:
                agent = [
                    o for a in view.children_by_dep(t.i, "agent") for o in view.children_by_dep(a.i, "pobj")
                ]
                if agent:
                    src = self._classify(view, agent[0].i, actors)
                elif cue.strength in ("learned", "mined") or t.tag == "VBN":
                    src = (None, "unnamed", None, None)
            if src is None:
                continue
            (cs, ce), refers_back = content
            claim = self._make(view, t.i, src, view.char_span(cs, ce), actors, time_of)
            drafts.append((claim, (cs, ce), refers_back))

        drafts.sort(key=lambda d: (d[0].content.start, d[0].content.end))
        out: list[DraftClaim] = []
        seen: set[tuple[int, int, str | None]] = set()
        for n, (claim, rng, back) in enumerate(drafts):
            key = (claim.content.start, claim.content.end, claim.source)
            if key in seen:
                continue
            seen.add(key)
            noun = next((view[k].lemma for k in range(*rng) if view[k].lemma in self.cues.nouns), None)
            out.append(DraftClaim(_with_id(claim, f"{id_prefix}c{n + 1}"), rng, back, noun if back else None))
        return _with_chains(out)


def _with_chains(drafts: list[DraftClaim]) -> list[DraftClaim]:
    """Nesting: a claim whose whole attribution lies in another claim's content is relayed by it
    (``via``, outermost first)."""
    out: list[DraftClaim] = []
    for d in drafts:
        outer = [
            o.claim
            for o in drafts
            if o.claim.id != d.claim.id
            and o.claim.content.contains(d.claim.span)
            and len(o.claim.content) > len(d.claim.span) - 1
            and o.claim.cue is not None
        ]
        outer.sort(key=lambda c: -len(c.content))
        out.append(replace(d, claim=replace(d.claim, via=tuple(c.id for c in outer))) if outer else d)
    return out


def _with_id(c: Claim, cid: str) -> Claim:
    return replace(c, id=cid)
