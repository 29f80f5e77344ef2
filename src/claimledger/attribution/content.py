"""What is said: the content of a cue (complements, interposed and trailing reporting clauses)."""

from __future__ import annotations

from claimledger.attribution.cues import Cue
from claimledger.attribution.sources import SourcesMixin
from claimledger.syntax import ParseView


class ContentMixin(SourcesMixin):
    # ------------------------------------------------------------------ content
    @staticmethod
    def _interposed(view: ParseView, i: int) -> tuple[int, int] | None:
        """ "The industry, she said, is doing better": the cue sits between commas inside its content."""
        t = view[i]
        if (
            view.children_by_dep(i, "ccomp")
            or t.dep not in ("parataxis", "ccomp", "advcl", "conj")
            or t.head == i
        ):
            return None
        own = view.subtree(i)
        lo, hi = own[0], own[-1]
        if lo == 0 or hi + 1 >= len(view) or view[lo - 1].text != "," or view[hi + 1].text != ",":
            return None
        if any(view[k].dep in ("dobj", "xcomp") for k in own if k != i and view[k].head == i):
            return None
        head_tree = [k for k in view.subtree(t.head) if k not in own]
        if not head_tree or head_tree[0] >= lo:
            return None
        return head_tree[0], head_tree[-1] + 1

    def _trailing_attribution(self, view: ParseView, start: int, end: int, cue_i: int) -> int | None:
        """Where, inside ``[start, end)``, a trailing ", X reports" begins (the comma's index), if any."""
        for k in range(start, end):
            t = view[k]
            if k == cue_i or t.pos not in ("VERB", "AUX") or t.lemma not in self.cues.verbs:
                continue
            subj = view.children_by_dep(k, "nsubj")
            if not subj:
                continue
            first = min(view.subtree(subj[0].i))
            rest = [j for j in range(k + 1, end) if not view[j].is_punct]
            if first > start and view[first - 1].text == "," and not rest:
                return first - 1
        return None

    def _content(self, view: ParseView, i: int, cue: Cue) -> tuple[tuple[int, int], bool] | None:
        comps = view.children_by_dep(i, "ccomp")
        if comps:
            sub = view.subtree(comps[0].i)
            start, end = sub[0], sub[-1] + 1
            if end <= i:
                # "..., Reuters reports": the content is everything before the reporting clause
                s = view.sentence_of(i)
                subj = view.children_by_dep(i, "nsubj")
                first = min(view.subtree(subj[0].i)) if subj else i
                if first > s.start and view[first - 1].text == ",":
                    start, end = s.start, first - 1
            cut = self._trailing_attribution(view, start, end, i)
            if cut is not None and cut > start:
                end = cut
            while start < end and (view[start].is_punct or not view[start].text.strip()):
                start += 1
            return (start, end), False
        dobj = view.children_by_dep(i, "dobj")
        as_saying = [p for p in view.children_by_dep(i, "prep") if p.lower == "as"]
        if dobj and as_saying and cue.lemma in ("quote", "cite", "describe", "report"):
            sub = sorted(set(view.subtree(dobj[0].i)) | set(view.subtree(as_saying[0].i)))
            start, end = sub[0], sub[-1] + 1
            cut = self._trailing_attribution(view, start, end, i)
            return (start, cut if cut is not None and cut > start else end), False
        if dobj and dobj[0].lemma == "responsibility":
            # "X claimed responsibility for the attack": X asserts it did it
            fors = [p for p in view.children_by_dep(dobj[0].i, "prep") if p.lower == "for"]
            if fors:
                sub = view.subtree(fors[0].i)
                return (sub[0], sub[-1] + 1), False
        if cue.lemma in ("accuse", "blame", "charge", "suspect") and dobj:
            preps = [p for p in view.children_by_dep(i, "prep") if p.lower in ("of", "for")]
            if preps:
                sub = view.subtree(dobj[0].i) + view.subtree(preps[0].i)
                return (min(sub), max(sub) + 1), False
        if cue.stance == "deny" and dobj:
            sub = view.subtree(dobj[0].i)
            back = any(view[k].lemma in self.cues.nouns for k in sub) or (
                len(sub) == 1 and view[sub[0]].lower in ("it", "this", "that", "them", "these", "those")
            )
            return (sub[0], sub[-1] + 1), back
        t = view[i]
        interposed = self._interposed(view, i)
        if interposed is not None:
            return interposed, False
        if cue.stance == "deny" and not dobj and t.dep == "relcl" and view.head(i).lemma in self.cues.nouns:
            # "..., an accusation the Kremlin denies"
            return (t.head, t.head + 1), True
        if t.dep in ("conj", "parataxis") and t.head < i:
            # "Militants stormed a hotel ..., police officer Ahmed Ali told Reuters."
            subj = view.children_by_dep(i, "nsubj")
            if subj:
                first = min(view.subtree(subj[0].i))
                if first > 0 and view[first - 1].text == ",":
                    start = view.sentence_of(i).start
                    while start < first - 1 and (view[start].is_punct or not view[start].text.strip()):
                        start += 1
                    if start < first - 1:
                        return (start, first - 1), False
        xcomp = view.children_by_dep(i, "xcomp")
        if xcomp and cue.lemma in (
            "claim",
            "deny",
            "confirm",
            "report",
            "threaten",
            "vow",
            "promise",
            "pledge",
        ):
            sub = view.subtree(xcomp[0].i)
            return (sub[0], sub[-1] + 1), False
        if cue.stance == "assert":
            return self._general_content(view, i)
        return None

    @staticmethod
    def _general_content(view: ParseView, i: int) -> tuple[tuple[int, int], bool] | None:
        """What a broad cue ("criticized X for Y", "called for Y", "wants to Y") says: its clausal or object
        complements, up to the end of its own clause."""
        parts = [
            c
            for c in view.children(i)
            if c.i > i
            and (
                c.dep in ("xcomp", "dobj", "oprd", "attr", "acomp")
                or (
                    c.dep == "prep"
                    and c.lower in ("for", "about", "on", "over", "against", "of", "that", "as")
                )
            )
        ]
        if not parts:
            # no complement: whatever follows the cue in its own clause ("seemed eager to ...")
            parts = [c for c in view.children(i) if c.i > i and c.dep not in ("punct", "cc", "conj", "mark")]
        if not parts:
            return None
        sub = sorted({k for c in parts for k in view.subtree(c.i)})
        return (sub[0], sub[-1] + 1), False
