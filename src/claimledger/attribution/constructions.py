"""Special constructions: hedging passives and adverbs, "according to", noun cues, "X's claim is false"."""

from __future__ import annotations

from dataclasses import replace

from claimledger.actors import ActorResult
from claimledger.attribution.base import Quote
from claimledger.attribution.quotes import QuotesMixin
from claimledger.attribution.words import COMPONENT, FALSE_WORDS
from claimledger.syntax import ParseView
from claimledger.types import Claim


class ConstructionsMixin(QuotesMixin):
    # ------------------------------------------------------------------ special constructions
    def _passive(
        self,
        view: ParseView,
        i: int,
        actors: ActorResult,
        time_of: dict[int, str],
        drafts: list[tuple[Claim, tuple[int, int], bool]],
    ) -> None:
        """ "X is said to have ...", "X is reported to ...", "it is believed that ..."."""
        xcomp = view.children_by_dep(i, "xcomp", "ccomp")
        if not xcomp:
            return
        subj = view.children_by_dep(i, "nsubjpass")
        sub = view.subtree(xcomp[0].i)
        if subj and view[subj[0].i].lower != "it":
            sub = sorted(set(sub) | set(view.subtree(subj[0].i)))
        agent = [a for a in view.children_by_dep(i, "agent")]
        if agent and view.children_by_dep(agent[0].i, "pobj"):
            src = self._classify(view, view.children_by_dep(agent[0].i, "pobj")[0].i, actors)
        else:
            src = (None, "unnamed", None, None)
        aux = [a for a in view.children_by_dep(i, "auxpass")]
        to = [c for c in view.children(xcomp[0].i) if c.lower == "to" and c.i < xcomp[0].i]
        cue_words = [view[aux[0].i].text] if aux else []
        cue_words.append(view[i].text)
        if to:
            cue_words.append("to")
        content = view.char_span(sub[0], sub[-1] + 1)
        claim = self._make(view, i, src, content, actors, time_of, cue_text=" ".join(cue_words), hedged=True)
        drafts.append((claim, (sub[0], sub[-1] + 1), False))

    def _adverb(
        self,
        view: ParseView,
        i: int,
        actors: ActorResult,
        time_of: dict[int, str],
        drafts: list[tuple[Claim, tuple[int, int], bool]],
    ) -> None:
        t = view[i]
        if t.lower not in self.cues.adverbs or t.dep != "advmod":
            return
        head = t.head
        sub = view.subtree(head)
        content = view.char_span(sub[0], sub[-1] + 1)
        claim = Claim(
            id="",
            source_kind="unnamed",
            stance="assert",
            content=content,
            span=content,
            cue=t.text,
            cue_span=t.span,
            hedged=True,
            component=COMPONENT,
        )
        drafts.append((claim, (sub[0], sub[-1] + 1), False))

    def _according_to(
        self,
        view: ParseView,
        i: int,
        actors: ActorResult,
        time_of: dict[int, str],
        drafts: list[tuple[Claim, tuple[int, int], bool]],
    ) -> None:
        """ "according to X, ..." and "as per X, ..."."""
        t = view[i]
        if t.lower == "according":
            preps = [c for c in view.children(i) if c.lower == "to"]
            cue_text = "according to"
        elif t.lower == "as" and i + 1 < len(view) and view[i + 1].lower == "per":
            preps = [view[i + 1]]
            cue_text = "as per"
        else:
            return
        if not preps:
            return
        pobj = view.children_by_dep(preps[0].i, "pobj")
        if not pobj:
            return
        src = self._classify(view, pobj[0].i, actors)
        # the content is the clause the phrase modifies, minus the phrase itself
        anchor = t.i
        while view[anchor].dep in ("prep", "pcomp", "advmod") and view[anchor].head != anchor:
            anchor = view[anchor].head
            if view[anchor].pos in ("VERB", "AUX"):
                break
        phrase = set(view.subtree(t.i))
        sub = [k for k in view.subtree(anchor) if k not in phrase and not view[k].is_punct]
        if not sub:
            return
        content = view.char_span(sub[0], sub[-1] + 1)
        claim = self._make(view, i, src, content, actors, time_of, cue_text=cue_text)
        drafts.append((claim, (sub[0], sub[-1] + 1), False))

    def _noun_cue(
        self,
        view: ParseView,
        i: int,
        actors: ActorResult,
        time_of: dict[int, str],
        drafts: list[tuple[Claim, tuple[int, int], bool]],
    ) -> None:
        """ "the NRF's allegations of foreign support", "X's claim that ...", "a statement by X that"."""
        t = view[i]
        learned = self.cues.nouns.get(t.lemma) is None
        comp = [
            k
            for c in view.children(i)
            if (
                c.dep in ("acl", "ccomp")
                or (c.dep == "prep" and c.lower in ("of", "about", "on", "that", "to"))
            )
            and c.i > i
            for k in view.subtree(c.i)
        ]
        if not comp:
            return  # no content: nothing to attribute (checked first: it is cheaper than the cue model)
        if learned and (self.model is None or not self.model.is_cue(view, i)):
            return
        owner = [c for c in view.children_by_dep(i, "poss") if c.pos != "PRON" or actors.resolve(c.i)]
        by = [
            o
            for p in view.children_by_dep(i, "prep")
            if p.lower in ("by", "from")
            for o in view.children_by_dep(p.i, "pobj")
        ]
        speakers = owner or by
        if not speakers and learned and t.dep in ("dobj", "pobj"):
            # "Trump raised questions about X": the one who voices it
            gov = t.head if t.dep == "dobj" else view[t.head].head
            subj = self._subject(view, gov)
            speakers = [view[subj]] if subj is not None else []
        if not speakers and not learned:
            return
        src = self._classify(view, speakers[0].i, actors) if speakers else (None, "unnamed", None, None)
        content = view.char_span(min(comp), max(comp) + 1)
        claim = self._make(view, i, src, content, actors, time_of)
        drafts.append((claim, (min(comp), max(comp) + 1), False))

    def _deny_by_falsehood(
        self,
        view: ParseView,
        i: int,
        drafts: list[tuple[Claim, tuple[int, int], bool]],
        quotes: list[Quote],
        actors: ActorResult,
        time_of: dict[int, str],
    ) -> bool:
        """ "X's claim of/that Y is false": a denial of Y by whoever says it. Returns whether it matched."""
        t = view[i]
        if t.pos != "NOUN" or t.lemma not in self.cues.nouns or t.dep not in ("nsubj", "nsubjpass"):
            return False
        head = view.head(i)
        if head.lemma != "be" or not any(
            c.lower in FALSE_WORDS for c in view.children_by_dep(head.i, "acomp", "attr")
        ):
            return False
        comp = [
            k
            for c in view.children(i)
            if c.dep in ("prep", "acl", "ccomp") and c.i > i
            for k in view.subtree(c.i)
        ]
        if not comp:
            return False
        content = view.char_span(min(comp), max(comp) + 1)
        # the speaker: the source of the quotation this sentence is in
        speaker = None
        for claim, rng, _ in drafts:
            if claim.quote is not None and rng[0] <= i < rng[1]:
                speaker = claim
        if speaker is None:
            return False
        falsity = next(c for c in view.children_by_dep(head.i, "acomp", "attr") if c.lower in FALSE_WORDS)
        src = (speaker.source, speaker.source_kind, speaker.source_text, speaker.source_span)
        claim = self._make(
            view,
            i,
            src,
            content,
            actors,
            time_of,
            cue_text=f"{t.text} ... {head.text} {falsity.text}",
            stance="deny",
        )
        claim = replace(claim, channel=speaker.channel, time=speaker.time)
        drafts.append((claim, (min(comp), max(comp) + 1), False))
        return True
