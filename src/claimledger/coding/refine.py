"""The event-model stage: the model's class for each passage goes to an event of that passage.

Runs on an article's assembled ledger records (after ``ledger.article.assemble``): the rule coding, merged
mentions and claims are what the model reads. For each passage (``coding.passages``) with an event that is not
negated, the model's class goes to the passage's main event if its PLOVER type fits the class
(``LABEL_PLOVER``), else to the first other event that fits; the model never changes a PLOVER type. Where the
rules' own label for that event is nearly as probable (``KEEP_RATIO``), the rules' coding is kept. Where no
event fits, and only in a short report (a text of one passage: a snippet, a headline, an ACLED note; in a
longer article a passage with no rule-coded event is mostly background), a new event of the class is added
if the model gives the class at least
``model.create_threshold`` and a keyword of the class (``data/event_keywords.tsv``) names it in the passage
(its trigger). A passage with no event at all gets one on the same terms, except that its trigger may also be
the word the model weighs most for the class (at least ``model.min_support``). A passage whose only events
are negated is left alone. Every event the stage labels or adds carries the component ``MODEL_COMPONENT``;
an added event has the outlet's claim, or the attribution whose content holds its trigger, and the actors
mentioned at its trigger's subject and object.

How a class is written into an event (``coding.labels``): its ACLED code is the class's ACLED event type and
sub-event type; ``Strategic developments / Other`` for OTHER; none for DIPLO and ATTRIB (verbal
interaction, which ACLED does not code); ``Not ACLED / Natural disaster`` (``Man-made disaster``,
``Organized crime``) for the happenings outside ACLED's categories. An added event's PLOVER type is the
class's first fitting type; OTHER and the classes outside ACLED have none (any type fits them) and PLOVER has
no type for a disaster or a crime, so an event added for them gets a stand-in (``STAND_IN_PLOVER``) until the
ledger schema has a type for happenings outside PLOVER.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from claimledger.coding.classifier import EventTypeModel
from claimledger.coding.event_features import lemma_of
from claimledger.coding.labels import LABEL_PLOVER, acled_code, rule_label
from claimledger.coding.passages import Passage, events_in, features_of, main_event, passages, role_tokens
from claimledger.syntax import ParseView
from claimledger.types import AcledCode, Actor, Claim, Event, Span, TimeExpr, Trigger

MODEL_COMPONENT = "coding.model"
# the rules' label stands where the model gives it at least this share of its best class's probability
KEEP_RATIO = 0.8
# PLOVER type of an event created for a class that has none (see the module docstring)
STAND_IN_PLOVER: dict[str, str] = {
    "OTHER": "MOBILIZE",
    "ORG_CRIME": "COERCE",
    "NATURAL_DISASTER": "MOBILIZE",
    "MAN_MADE_DISASTER": "MOBILIZE",
}


@dataclass(frozen=True, slots=True)
class Refinement:
    """The model's reading of one passage: its class, the probability of each class, and the event coding
    the class stands for (``plover`` is ``None`` where any type fits)."""

    label: str
    probability: float
    distribution: dict[str, float]
    acled: AcledCode | None
    plover: tuple[str, ...] | None


def classify(
    view: ParseView,
    passage: Passage,
    events: Sequence[Event],
    claims: Sequence[Claim],
    actors: Sequence[Actor],
    model: EventTypeModel,
) -> Refinement:
    """The model's class for ``passage`` given the rule-coded records of its article (``events`` may hold
    events outside the passage: only those whose trigger lies in it are read)."""
    label, dist = model.predict(features_of(view, passage, events, claims, actors, model.keywords))
    return Refinement(label, dist[label], dist, acled_code(label), LABEL_PLOVER.get(label))


def fits(event: Event, refinement: Refinement) -> bool:
    """Whether the event's PLOVER type fits the refinement's class (the model never changes a type)."""
    return refinement.plover is None or event.type in refinement.plover


def _rules_hold(event: Event, refinement: Refinement) -> bool:
    """Whether the rules' own label for ``event`` is nearly as probable as the model's (then it is kept)."""
    own = rule_label(event)
    if own is None or own == refinement.label:
        return own is not None
    return refinement.distribution.get(own, 0.0) >= KEEP_RATIO * refinement.probability


def relabel(event: Event, refinement: Refinement) -> Event:
    """``event`` with the refinement's ACLED code, marked as the model's (its PLOVER type is kept)."""
    return replace(event, acled=refinement.acled, component=MODEL_COMPONENT)


def created_trigger(
    view: ParseView, passage: Passage, label: str, model: EventTypeModel, keyword_only: bool = False
) -> int | None:
    """The trigger of an event created for class ``label``: the first token of the passage that starts a
    keyword of the class, else (unless ``keyword_only``) the content word whose weight for the class is
    largest, if at least ``model.min_support``; ``None``: no word names the happening."""
    tokens = view.tokens[passage.token_start : passage.token_end]
    lemmas = [lemma_of(t) for t in tokens]
    kw = model.keywords
    for k in range(len(lemmas)):
        for n in range(kw.longest, 0, -1):
            if k + n <= len(lemmas) and label in kw.phrases.get(tuple(lemmas[k : k + n]), ()):
                return passage.token_start + k
    if keyword_only:
        return None
    col = model.classes.index(label)
    best: tuple[float, int] | None = None
    for k, (t, lemma) in enumerate(zip(tokens, lemmas, strict=True)):
        row = model.index.get(f"w={lemma}")
        if row is None or t.pos not in ("NOUN", "VERB", "PROPN", "ADJ"):
            continue
        weight = float(model.coef[row, col])
        if best is None or weight > best[0]:
            best = (weight, k)
    if best is None or best[0] < model.min_support:
        return None
    return passage.token_start + best[1]


def refine_events(
    view: ParseView,
    events: Sequence[Event],
    claims: Sequence[Claim],
    actors: Sequence[Actor],
    model: EventTypeModel,
    times: Sequence[TimeExpr] = (),
    id_prefix: str = "",
) -> tuple[tuple[Event, ...], tuple[Claim, ...]]:
    """The article's events and claims after the stage (see the module docstring): each passage's class on
    one of its events, and the events added where none fits (with their claims)."""
    out = list(events)
    out_claims = list(claims)
    position = {e.id: k for k, e in enumerate(events)}
    published = next((t.id for t in times if t.anchor == "published" and not t.text), None)
    created = 0
    found = passages(view)
    # a short report (one passage: a snippet, a headline, an ACLED note) is about an event, which the model
    # may name where the rules did not; in a longer article a passage with no rule-coded event is mostly
    # background or commentary, and no event is invented there
    may_create = len(found) == 1
    for passage in found:
        mine = events_in(passage, events)
        asserted = [e for e in mine if not e.negated]
        if mine and not asserted:
            continue  # only events the text says did not happen: nothing to label
        refinement = classify(view, passage, events, claims, actors, model)
        if asserted:
            main = main_event(asserted)
            ranked = sorted(asserted, key=lambda e: (e is not main, e.trigger.span.start))
            target = next((e for e in ranked if fits(e, refinement)), None)
            if target is not None and _rules_hold(target, refinement):
                out[position[target.id]] = replace(target, component=MODEL_COMPONENT)
                continue
            if target is not None:
                out[position[target.id]] = relabel(target, refinement)
                continue
        if not may_create or refinement.probability < model.create_threshold:
            continue
        # beside events that do not fit the class, only a keyword of the class makes a new event
        i = created_trigger(view, passage, refinement.label, model, keyword_only=bool(asserted))
        if i is None:
            continue
        event, claim = _created(view, i, refinement, claims, actors, f"{id_prefix}m{created + 1}", published)
        created += 1
        out.append(event)
        if claim is not None:
            out_claims.append(claim)
        else:
            out_claims = [_link(c, event) for c in out_claims]
    out.sort(key=lambda e: e.trigger.span.start)
    out_claims.sort(key=lambda c: (c.content.start, c.id))
    return tuple(out), tuple(out_claims)


def _actor_at(view: ParseView, k: int | None, actors: Sequence[Actor]) -> str | None:
    """The actor with a mention over token ``k``."""
    if k is None:
        return None
    span = view[k].span
    return next((a.id for a in actors if any(m.overlaps(span) for m in a.mentions)), None)


def _created(
    view: ParseView,
    i: int,
    refinement: Refinement,
    claims: Sequence[Claim],
    actors: Sequence[Actor],
    eid: str,
    time: str | None,
) -> tuple[Event, Claim | None]:
    t = view[i]
    agent, patient = role_tokens(view, i)
    sent = view.parse.sentences[t.sent].span
    plover = refinement.plover[0] if refinement.plover else STAND_IN_PLOVER.get(refinement.label, "MOBILIZE")
    holders = [c for c in claims if c.content.contains(t.span) and c.event is None]
    holder = min(holders, key=lambda c: len(c.content)) if holders else None
    claim = None
    claim_id = holder.id if holder is not None else f"{eid}.o"
    if holder is None:
        claim = Claim(
            id=claim_id,
            source_kind="outlet",
            stance="assert",
            content=sent,
            span=sent,
            event=eid,
            component=MODEL_COMPONENT,
        )
    event = Event(
        id=eid,
        type=plover,
        trigger=Trigger(t.text, Span(t.idx, t.end)),
        sentence=sent,
        acled=refinement.acled,
        actor1=_actor_at(view, agent, actors),
        actor2=_actor_at(view, patient, actors),
        time=time,
        claims=(claim_id,),
        component=MODEL_COMPONENT,
        hedged=holder.hedged if holder is not None else False,
        denied=holder is not None and holder.stance == "deny",
    )
    return event, claim


def _link(claim: Claim, event: Event) -> Claim:
    return replace(claim, event=event.id) if claim.id in event.claims and claim.event is None else claim
