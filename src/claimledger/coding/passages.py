"""Passages: the units the event model labels, and what it reads of each.

A passage is a paragraph (sentences not separated by a line break), cut into pieces of at most
``MAX_SENTENCES`` sentences. An article's short paragraphs, a wire story's lead, an ACLED note or a CASE
snippet are one passage each. The model labels a passage once; the label goes to its *main event*
(``main_event``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from claimledger.coding.event_features import KeywordLexicon, RuleEvent, lemma_of, passage_features
from claimledger.coding.labels import rule_label
from claimledger.syntax import ParseView
from claimledger.types import Actor, Claim, Event, Sentence, Span

MAX_SENTENCES = 4
# the PLOVER types of the happenings a passage is most likely about (violence, coercion, protest)
MAIN_TYPES: tuple[str, ...] = ("ASSAULT", "COERCE", "PROTEST")


@dataclass(frozen=True, slots=True)
class Passage:
    """Sentences ``first`` to ``last`` (inclusive) of a parse, their characters and tokens."""

    first: int
    last: int
    span: Span
    token_start: int
    token_end: int


def passages(view: ParseView) -> list[Passage]:
    """The passages of a parse, in text order (see the module docstring)."""
    sents = view.parse.sentences
    paragraphs: list[list[int]] = []
    for k, s in enumerate(sents):
        if not paragraphs or "\n" in view.text[_text_end(view, sents[k - 1]) : _text_start(view, s)]:
            paragraphs.append([k])
        else:
            paragraphs[-1].append(k)
    out: list[Passage] = []
    for para in paragraphs:
        pieces = -(-len(para) // MAX_SENTENCES)
        size = -(-len(para) // pieces)
        for p in range(0, len(para), size):
            first, last = para[p], para[min(p + size, len(para)) - 1]
            out.append(
                Passage(
                    first,
                    last,
                    Span(sents[first].span.start, sents[last].span.end),
                    sents[first].start,
                    sents[last].end,
                )
            )
    return out


def _text_end(view: ParseView, s: Sentence) -> int:
    """Where a sentence's last token that is not white space ends (spaCy leaves a line break in the sentence
    before it)."""
    words = [t for t in view.tokens[s.start : s.end] if t.text.strip()]
    return words[-1].end if words else s.span.start


def _text_start(view: ParseView, s: Sentence) -> int:
    words = [t for t in view.tokens[s.start : s.end] if t.text.strip()]
    return words[0].idx if words else s.span.end


def main_event(events: Sequence[Event]) -> Event | None:
    """The event a passage (or a snippet) is about: among the events that occurred (``Event.occurred``), the
    first by trigger position of type ASSAULT, COERCE or PROTEST, else the first by trigger position."""
    asserted = [e for e in events if e.occurred]
    if not asserted:
        return None
    return min(asserted, key=lambda e: (e.type not in MAIN_TYPES, e.trigger.span.start, e.trigger.span.end))


def labelled_passage(view: ParseView, events: Sequence[Event]) -> Passage | None:
    """The passage a short text's label belongs to (what the model is trained on and a text is scored by):
    the first passage with an event that is not negated, else the first passage (``None``: no sentences)."""
    found = passages(view)
    for p in found:
        if any(not e.negated for e in events_in(p, events)):
            return p
    return found[0] if found else None


def events_in(passage: Passage, events: Sequence[Event]) -> list[Event]:
    return [e for e in events if passage.span.start <= e.trigger.span.start < passage.span.end]


def role_tokens(view: ParseView, i: int) -> tuple[int | None, int | None]:
    """The heads of the agent and the patient of trigger token ``i``: a verb's subject or "by" agent and its
    object or passive subject; a noun's "by" agent (or possessor, compound or modifier) and its "on",
    "against" or "of" object."""
    t = view[i]
    agent: int | None = None
    patient: int | None = None
    if t.pos in ("VERB", "AUX"):
        subj = view.subject(i)
        if subj is not None:
            if view[subj].dep == "nsubjpass":
                patient = subj
            else:
                agent = subj
        for ag in view.children_by_dep(i, "agent"):
            for p in view.children_by_dep(ag.i, "pobj"):
                agent = p.i
        for d in view.children_by_dep(i, "dobj"):
            patient = d.i if patient is None else patient
    else:
        for p in view.children_by_dep(i, "prep"):
            for o in view.children_by_dep(p.i, "pobj"):
                if p.lower == "by" and agent is None:
                    agent = o.i
                elif p.lower in ("on", "against", "of") and patient is None:
                    patient = o.i
        for c in view.children_by_dep(i, "poss", "compound", "amod"):
            if agent is None and c.pos in ("PROPN", "NOUN"):
                agent = c.i
    return agent, patient


def _roles(view: ParseView, i: int) -> tuple[str | None, str | None]:
    """Lemmas of the heads of the agent and the patient of trigger token ``i``."""
    agent, patient = role_tokens(view, i)
    return (
        lemma_of(view[agent]) if agent is not None else None,
        lemma_of(view[patient]) if patient is not None else None,
    )


def rule_events(
    view: ParseView, passage: Passage, events: Sequence[Event], actor_kinds: Mapping[str, str]
) -> list[RuleEvent]:
    """The rule-coded events of a passage as the features read them: its main event first, then the others in
    text order (``focus``: in the main event's sentence)."""
    mine = events_in(passage, events)
    main = main_event(mine)
    ordered = sorted(mine, key=lambda e: (e is not main, e.trigger.span.start))
    main_sent = _sentence_at(view, main.trigger.span.start) if main is not None else None
    out: list[RuleEvent] = []
    for e in ordered:
        i = view.token_at_char(e.trigger.span.start)
        trigger = lemma_of(view[i]) if i is not None else e.trigger.text.lower()
        agent, patient = _roles(view, i) if i is not None else (None, None)
        sent = view[i].sent if i is not None else None
        out.append(
            RuleEvent(
                type=e.type,
                sub_event_type=e.acled.sub_event_type if e.acled is not None else None,
                label=rule_label(e) or "OTHER",
                trigger=trigger,
                negated=e.negated,
                hedged=e.hedged,
                actor1_kind=actor_kinds.get(e.actor1) if e.actor1 else None,
                actor2_kind=actor_kinds.get(e.actor2) if e.actor2 else None,
                victim_kinds=tuple(actor_kinds.get(v, "unknown") for v in e.victims),
                fatalities=e.fatalities,
                agent=agent,
                patient=patient,
                mode=e.mode,
                modality=e.modality,
                denied=e.denied,
                injured=e.injured,
                arrested=e.arrested,
                focus=main_sent is None or sent == main_sent,
            )
        )
    return out


def _sentence_at(view: ParseView, char: int) -> int | None:
    i = view.token_at_char(char)
    return view[i].sent if i is not None else None


def passage_cues(view: ParseView, passage: Passage, claims: Sequence[Claim]) -> list[tuple[str, str]]:
    """``(cue lemma, stance)`` of the attributions whose cue lies in the passage."""
    out: list[tuple[str, str]] = []
    for c in claims:
        if c.cue_span is None or not passage.span.contains(c.cue_span):
            continue
        i = view.token_at_char(c.cue_span.start)
        cue = lemma_of(view[i]) if i is not None else (c.cue or "").lower()
        out.append((cue, c.stance))
    return out


def features_of(
    view: ParseView,
    passage: Passage,
    events: Sequence[Event],
    claims: Sequence[Claim],
    actors: Sequence[Actor],
    keywords: KeywordLexicon,
) -> dict[str, float]:
    """The event model's features of ``passage`` given the rule-coded ledger records of its article."""
    kinds = {a.id: a.kind for a in actors}
    tokens = view.tokens[passage.token_start : passage.token_end]
    return passage_features(
        tokens, rule_events(view, passage, events, kinds), passage_cues(view, passage, claims), keywords
    )
