"""Who speaks: subjects, source kinds, and the assembly of a claim with its channel and time."""

from __future__ import annotations

from claimledger.actors import ActorResult
from claimledger.attribution.base import Base
from claimledger.attribution.words import (
    COMPONENT,
    INSTITUTION_NOUNS,
    MEDIA_NOUNS,
    PRESS_NOUNS,
    ROLE_NOUNS,
    UNNAMED_NOUNS,
    VAGUE_MODIFIERS,
)
from claimledger.syntax import ParseView
from claimledger.types import Claim, Span


class SourcesMixin(Base):
    @staticmethod
    def _role_antecedent(view: ParseView, s: int, actors: ActorResult) -> str | None:
        """ "the spokesman", "the minister": the person named before in that role (or the one person named
        in the last three sentences, when only one was)."""
        head = view[s]
        if not any(d.lower == "the" for d in view.children_by_dep(s, "det")):
            return None
        role = head.lower
        if role not in ROLE_NOUNS:
            return None
        sent = head.sent
        people = [
            a
            for a in actors.actors
            if a.kind == "person"
            and any(
                m.start < head.idx and view[view.token_at_char(m.start) or 0].sent >= sent - 3
                for m in a.mentions
            )
        ]
        same_role = [a for a in people if a.role and (a.role == role or a.role.startswith(role[:5]))]
        if same_role:
            return max(same_role, key=lambda a: max(m.start for m in a.mentions if m.start < head.idx)).id
        return people[0].id if len(people) == 1 else None

    @staticmethod
    def _quoted_as_saying(view: ParseView, i: int) -> int | None:
        """For "saying" in "X quoted Y as saying ...": the token of Y."""
        t = view[i]
        head = view.head(i)
        if t.dep != "pcomp" or head.lower != "as":
            return None
        verb = view.head(head.i)
        if verb.lemma not in ("quote", "cite", "describe", "report"):
            return None
        dobj = view.children_by_dep(verb.i, "dobj")
        return dobj[0].i if dobj else None

    # ------------------------------------------------------------------ sources
    def _subject(self, view: ParseView, i: int) -> int | None:
        cur = i
        for _ in range(4):
            subj = view.subject(cur)
            if subj is not None:
                return subj
            t = view[cur]
            if t.dep in ("advcl", "conj", "xcomp", "acl", "relcl", "dobj", "pcomp") and t.head != cur:
                cur = t.head
                continue
            break
        return None

    def _source(
        self, view: ParseView, cue_i: int, actors: ActorResult
    ) -> tuple[str | None, str, str | None, Span | None] | None:
        """(actor id, source kind, source text, source span) of the cue's speaker."""
        s = self._subject(view, cue_i)
        if s is None:
            return None
        return self._classify(view, s, actors)

    def _classify(
        self, view: ParseView, s: int, actors: ActorResult
    ) -> tuple[str | None, str, str | None, Span | None]:
        sub = [k for k in view.subtree(s) if view[k].dep not in ("relcl",)]
        rel = set()
        for r in view.children_by_dep(s, "relcl", "acl"):
            rel.update(view.subtree(r.i))
        sub = [k for k in sub if k not in rel]
        span = view.char_span(sub[0], sub[-1] + 1)
        text = view.text[span.start : span.end]
        head = view[s]
        own = actors.resolve(s)
        if own is None or (actors.actor(own) is not None and actors.actor(own).kind != "person"):  # type: ignore[union-attr]
            # a person named inside the subject ("NRF's leader Massoud") is the speaker
            for k in sub:
                a = actors.actor(actors.resolve(k))
                if a is not None and a.kind == "person" and view[k].dep in ("appos", "compound", "nsubj"):
                    return a.id, "named", text, span
        if own is not None:
            actor = actors.actor(own)
            kind = "media" if actor is not None and actor.kind == "media" else "named"
            if actor is not None and actor.component.endswith(".described"):
                mods = [view[k] for k in sub if k != s and not view[k].is_punct]
                vague = all(m.lower in VAGUE_MODIFIERS or m.like_num for m in mods)
                kind = "unnamed" if vague else "described"
                # "the army", "the ministry", "police": an institution speaking is a named source
                if (
                    actor.kind == "state_agency"
                    and head.tag in ("NN", "NNS", "NNP")
                    and (not mods or all(m.lower in ("the",) for m in mods))
                ):
                    kind = "named"
            if head.pos == "PRON" and actor is None:
                kind = "unnamed"
            return own, kind, text, span
        inner = next((a for a in (actors.resolve(k) for k in sub) if a is not None), None)
        low = head.lower
        mods = [view[k] for k in sub if k != s and not view[k].is_punct]
        if low in MEDIA_NOUNS or head.lemma in MEDIA_NOUNS:
            return inner, "media", text, span
        person = self._role_antecedent(view, s, actors)
        if person is not None:
            return person, "named", text, span
        if inner is not None and head.lemma in INSTITUTION_NOUNS:
            # "Russia's defence ministry", "the Ethiopian government": an institution of a named actor
            return inner, "named", text, span
        if low in UNNAMED_NOUNS and all(m.lower in VAGUE_MODIFIERS or m.like_num for m in mods):
            return None, "unnamed", text, span
        if head.pos == "PRON":
            return None, "unnamed", text, span
        return inner, "described", text, span

    # ------------------------------------------------------------------ claim assembly
    def _make(
        self,
        view: ParseView,
        cue_i: int,
        src: tuple[str | None, str, str | None, Span | None],
        content: Span,
        actors: ActorResult,
        time_of: dict[int, str],
        quote: str | None = None,
        cue_text: str | None = None,
        hedged: bool = False,
        stance: str | None = None,
    ) -> Claim:
        t = view[cue_i]
        cue = self.cues.verbs.get(t.lemma) or self.cues.nouns.get(t.lemma) or self.cues.passives.get(t.lemma)
        source, kind, stext, sspan = src
        parts = [content, t.span] + ([sspan] if sspan else [])
        return Claim(
            id="",
            source_kind=kind,
            stance=stance or (cue.stance if cue else "assert"),
            content=content,
            span=Span(min(p.start for p in parts), max(p.end for p in parts)),
            source=source,
            source_text=stext,
            source_span=sspan,
            cue=cue_text or t.text,
            cue_span=t.span,
            hedged=hedged or (cue is not None and cue.strength == "hedge"),
            quote=quote,
            channel=self._channel(view, cue_i),
            time=self._time(view, cue_i, time_of),
            component=COMPONENT,
        )

    def _channel(self, view: ParseView, i: int) -> str | None:
        nodes = [i]
        if view[i].dep in ("acl", "conj", "advcl") and view[i].head != i:
            nodes.append(view[i].head)
            h = view.head(i)
            if h.dep in ("acl", "dobj") and h.head != h.i:
                nodes.append(h.head)
        for n in nodes:
            if self.channels.lookup(view[n].lower):
                return self.channels.lookup(view[n].lower)
            for c in view.children(n):
                if c.dep == "prep" and c.lower in ("on", "via", "in", "through", "during", "at"):
                    for p in view.children_by_dep(c.i, "pobj"):
                        words = [view[k].text for k in view.subtree(p.i) if view[k].dep != "det"]
                        ch = self.channels.lookup(" ".join(words)) or self.channels.lookup(p.text)
                        if ch:
                            return ch
                if c.dep in ("dobj", "dative") and self.channels.lookup(c.text):
                    return self.channels.lookup(c.text)
                if c.dep in ("dobj", "dative") and c.lemma in PRESS_NOUNS:
                    return "reporters"  # "told reporters", "told journalists"
        return None

    @staticmethod
    def _time(view: ParseView, i: int, time_of: dict[int, str]) -> str | None:
        for c in view.children(i):
            for k in view.subtree(c.i):
                if k in time_of and c.dep in ("prep", "npadvmod", "advmod", "tmod"):
                    return time_of[k]
        return None
