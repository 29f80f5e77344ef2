"""Find event triggers and fill their roles from the dependency parse.

Verb triggers ("killed", "attacked") and nominal triggers ("the takeover of Kabul", "a drone strike"), with
light verbs handing their subject to the noun ("made a visit", "providing support", "offering a ceasefire").
Roles: actor1 from the subject or a "by" agent (passives), actor2 from the object, an "on/against/to" target,
or
the owner of a targeted property ("X's home"); victims from the patient; instruments that reveal an actor
("Pakistani drones" → Pakistan, mode drone). Agentless passives leave actor1 empty: it is never guessed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from claimledger.actors import ActorResult
from claimledger.coding.lexicon import (
    BOILERPLATE,
    COMMUNICATION_NOUNS,
    GROUP_HEADS,
    INJURY_LEMMAS,
    INSTRUMENTS,
    KILL_LEMMAS,
    LIGHT_VERBS,
    MATERIAL,
    NUMBER_WORDS,
    PHRASAL_VERBS,
    PROPERTY_NOUNS,
    QUANTITY_HEADS,
    QUARREL_NOUNS,
    SYMMETRIC_VERBS,
    VIOLENT_ADJ,
)
from claimledger.coding.modality import NOUN_PLAN_VERBS, THREAT_VERBS, modality
from claimledger.coding.plover_reading import (
    PloverReading,
    obligation_sense,
    plover_reading,
    reported_speaker,
    stated_target,
)
from claimledger.coding.quantities import QuantityWords, number_value, stated_count
from claimledger.coding.triggers import CURATED, READING, TriggerLexicon, TriggerSense
from claimledger.coding.verb_patterns import verb_sense
from claimledger.syntax import ParseView
from claimledger.types import AcledCode, Place, Span, Trigger

log = logging.getLogger(__name__)

ARMED_CLASH = AcledCode("Battles", "Armed clash")
ARMED_KINDS = frozenset(["state", "state_agency", "armed_group"])
THROW_VERBS = frozenset(["hurl", "throw", "lob", "toss", "plant", "place", "leave", "detonate"])
OUTCOME_VERBS = frozenset(["wound", "injure", "leave", "destroy", "damage"])

# "plans an attack", "threatened an offensive": the planner is the attacker
INTENT_VERBS = NOUN_PLAN_VERBS | THREAT_VERBS

COMPONENT = "coding"


@dataclass(frozen=True, slots=True)
class DraftEvent:
    """An event mention before within-article merging and claim linking."""

    sense: TriggerSense
    trigger: Trigger
    trigger_token: int
    sentence: Span
    mode: str | None
    acled: AcledCode | None
    actor1: str | None
    actor2: str | None
    victims: tuple[str, ...]
    place: str | None
    time: str | None
    fatalities: int | None
    negated: bool
    hedged: bool
    place_soft: bool = False  # the place came from elsewhere in the sentence, not the event's own clause
    outcome_of: int | None = None  # trigger token of the event this one is the outcome of ("..., killing 12")
    anaphoric: bool = (
        False  # "the fighting", "the attack": a definite mention with no participants of its own
    )
    modality: str = "actual"
    injured: int | None = None
    arrested: int | None = None


class EventCoder:
    """Codes the events of one article. Data are passed in; no I/O."""

    def __init__(self, triggers: TriggerLexicon, quantities: QuantityWords) -> None:
        self.triggers = triggers
        self.quantities = quantities

    def code(
        self,
        view: ParseView,
        actors: ActorResult,
        places: dict[int, str],
        place_records: dict[str, Place],
        times: dict[int, str],
    ) -> list[DraftEvent]:
        excluded = self._excluded_sentences(view)
        out: list[DraftEvent] = []
        for t in view.tokens:
            if t.sent in excluded or t.i in places:
                continue
            sense = self._sense(view, t.i)
            if sense is None:
                continue
            ev = self._event(view, t.i, sense, actors, places, place_records, times)
            if ev is not None:
                out.append(ev)
        return out

    # ------------------------------------------------------------------ triggers
    @staticmethod
    def _excluded_sentences(view: ParseView) -> set[int]:
        """Footnotes and wire boilerplate: no events come from them."""
        out: set[int] = set()
        for si, s in enumerate(view.parse.sentences):
            line_start = view.text.rfind("\n", 0, s.span.start) + 1
            line = view.text[line_start : s.span.end]
            if BOILERPLATE.match(line):
                out.add(si)
        return out

    def _sense(self, view: ParseView, i: int) -> TriggerSense | None:
        t = view[i]
        if t.pos in ("VERB",):
            particle = next((c.lower for c in view.children(i) if c.dep == "prt"), None)
            phrasal = PHRASAL_VERBS.get((t.lemma, particle or ""))
            # curated triggers, then CAMEO verb patterns and senses (coding.verb_patterns)
            sense = verb_sense(view, i, self.triggers, phrasal)
            if sense is None and t.lemma in THROW_VERBS and self._thrown_explosive(view, i) is not None:
                return self.triggers.get("bomb", "verb")  # "hurled dynamite at", "threw a grenade into"
            if sense is None:
                # "said that X must cooperate": a demand, whatever the verb
                return obligation_sense(view, i)
            if t.lemma == "fall" and not self._fall_is_capture(view, i):
                return None
            if sense.origin == CURATED and any(
                d.lemma in COMMUNICATION_NOUNS for d in view.children_by_dep(i, "dobj")
            ):
                return None
            return sense
        if t.pos in ("NOUN", "PROPN") and t.tag != "NNP":
            if t.lower == "fire" and view.head(i).lemma == "set":
                return self.triggers.get("burn", "verb")  # "set fire to": arson, not shooting
            if t.lower == "control":
                head = view.head(i)
                if head.lemma in ("take", "seize", "gain", "assume", "wrest") or (
                    head.pos == "ADP"
                    and head.lower == "under"
                    and view.head(head.i).lemma in ("come", "fall")
                ):
                    return self.triggers.get("capture", "verb")
                return None
            if t.lemma in ("fall",) and not view.children_by_dep(i, "prep"):
                return None
            if t.lemma == "strike" and any(c.lower in ("hunger", "general") for c in view.children(i)):
                return self.triggers.get("hunger-strike", "noun")  # a hunger or general strike is a protest
            if t.lemma in QUARREL_NOUNS:
                head = view.head(i)
                if head.lemma == "turn" and any(c.lower in VIOLENT_ADJ for c in view.children(head.i)):
                    return self.triggers.get("clash", "noun")
                return None
            return self.triggers.get(t.lemma, "noun") or self.triggers.get(t.lower, "noun")
        if t.pos == "ADJ" and t.lower in ("violent", "deadly", "bloody") and view.head(i).lemma == "turn":
            return None  # handled at the noun ("an argument ... turned violent") below
        return None

    def _governed_by(self, view: ParseView, i: int, plover: str) -> bool:
        """Whether the verb governing clause ``i`` is itself a trigger of type ``plover``."""
        t = view[i]
        if t.dep not in ("xcomp", "ccomp", "advcl", "conj") or t.head == i:
            return False
        other = self._sense(view, t.head)
        return other is not None and other.plover == plover

    @staticmethod
    def _thrown_explosive(view: ParseView, i: int) -> str | None:
        """The explosive word a throwing verb's object names ("dynamite sticks", "a grenade"), or None."""
        for obj in view.children_by_dep(i, "dobj"):
            for k in (obj.i, *(c.i for c in view.children(obj.i) if c.dep in ("compound", "amod", "nmod"))):
                word = view[k].lower
                if word in INSTRUMENTS and INSTRUMENTS[word][0] == "explosives":
                    return word
        return None

    def _verbal_roles(
        self,
        view: ParseView,
        i: int,
        sense: TriggerSense,
        reading: PloverReading | None,
        actors: ActorResult,
        actor1: str | None,
        actor2: str | None,
    ) -> tuple[str | None, str | None]:
        """Roles the subject and object leave open: the two parties of "X and Y agreed"; the speaker for a
        pronoun subject ("X announced that it has ..."); the source and target of a promise, threat or demand;
        the target named on the object ("threatened action against X") or as the subject of the complement
        clause ("demanded that X withdraw")."""
        t = view[i]
        if t.pos != "VERB":
            return actor1, actor2
        if actor2 is None and (t.lemma in SYMMETRIC_VERBS or sense.plover in ("CONSULT", "COOPERATE")):
            subj = view.subject(i)
            if subj is not None:
                parts = [subj, *[c.i for c in view.children_by_dep(subj, "conj")]]
                found = [a for a in (actors.resolve(k) for k in parts) if a is not None]
                if len(found) > 1:
                    actor1, actor2 = found[0], found[1]
        if actor1 is None:
            speaker = reported_speaker(view, i)
            if speaker is not None:
                actor1 = self._np_actor(view, speaker, actors)[0]
        if reading is not None and reading.source is not None:
            actor1 = self._np_actor(view, reading.source, actors)[0] or actor1
        if reading is not None and reading.target is not None:
            actor2 = self._np_actor(view, reading.target, actors)[0] or actor2
        for o in view.children_by_dep(i, "dobj") if actor2 is None else ():
            for p in view.children_by_dep(o.i, "prep"):
                for po in (
                    view.children_by_dep(p.i, "pobj") if p.lower in ("against", "on", "to", "at") else ()
                ):
                    a = self._np_actor(view, po.i, actors)[0]
                    if a is not None and a != actor1 and actor2 is None:
                        actor2 = a
        if actor2 is None:
            target = stated_target(view, i, sense.plover)
            if target is not None:
                actor2 = self._np_actor(view, target, actors)[0]
        return actor1, actor2

    def _fall_is_capture(self, view: ParseView, i: int) -> bool:
        to = [p for p in view.children_by_dep(i, "prep") if p.lower in ("to", "into", "under")]
        return bool(to)

    # ------------------------------------------------------------------ roles
    def _event(
        self,
        view: ParseView,
        i: int,
        sense: TriggerSense,
        actors: ActorResult,
        places: dict[int, str],
        place_records: dict[str, Place],
        times: dict[int, str],
    ) -> DraftEvent | None:
        t = view[i]
        mood = modality(view, i)
        negated = view.is_negated(i)
        # a promise, threat, demand, refusal or attempt is an event of its own (PLOVER AGREE, THREATEN,
        # REQUEST, REJECT; an attempted act is the act): coding.plover_reading
        reading = (
            plover_reading(view, i, None if sense.origin == READING else sense.plover)
            if t.pos == "VERB"
            else None
        )
        governed = reading is not None and self._governed_by(view, i, reading.plover)
        if reading is not None and reading.plover != reading.act and governed:
            reading = None  # "threatened to bomb": the threat is the governing verb's event; this is the act
        if reading is not None:
            agree = reading.plover == "AGREE"
            sense = TriggerSense(
                sense.lemma,
                sense.pos,
                reading.plover,
                sense.mode if reading.plover == reading.act else None,
                sense.acled_event_type if reading.plover == reading.act else "Strategic developments",
                sense.acled_sub_event_type
                if reading.plover == reading.act
                else ("Agreement" if agree else "Other"),
                sense.origin,
                sense.cameo,
            )
            mood, negated = "actual", False
        actor1: str | None = None
        actor2: str | None = None
        patient: int | None = None
        instruments: list[str] = []
        is_verb = t.pos == "VERB"
        passive = is_verb and (
            bool(view.children_by_dep(i, "auxpass", "nsubjpass")) or (t.tag == "VBN" and t.dep == "acl")
        )

        def agent_of(k: int) -> None:
            nonlocal actor1
            a, inst = self._np_actor(view, k, actors)
            if inst:
                instruments.append(inst)
            if a is not None and actor1 is None:
                actor1 = a

        if is_verb:
            true_subj = view.subject(i)
            subj = (
                [view[true_subj]]
                if (true_subj is not None and view[true_subj].dep == "nsubj")
                or (true_subj is not None and view[true_subj].head != i)
                else []
            )
            subjpass = view.children_by_dep(i, "nsubjpass")
            if subj:
                agent_of(subj[0].i)
            for ag in view.children_by_dep(i, "agent"):
                for p in view.children_by_dep(ag.i, "pobj"):
                    agent_of(p.i)
            if subjpass:
                patient = subjpass[0].i
            elif passive and t.dep == "acl":
                patient = t.head
            dobj = view.children_by_dep(i, "dobj")
            if dobj and patient is None:
                patient = dobj[0].i
            if not subj and not subjpass and t.dep in ("xcomp", "pcomp", "acl", "advcl", "conj"):
                implicit = self._implicit_subject(view, i)
                if implicit is not None:
                    if passive and patient is None:
                        patient = implicit
                    elif not passive:
                        agent_of(implicit)
            if t.lemma == "fall":
                for p in view.children_by_dep(i, "prep"):
                    for o in view.children_by_dep(p.i, "pobj"):
                        agent_of(o.i)
                if subj and self._place_in(view, [subj[0].i], places, place_records) is not None:
                    patient = subj[0].i
                    actor1 = None if actor1 == actors.resolve(subj[0].i) else actor1
                    for p in view.children_by_dep(i, "prep"):
                        for o in view.children_by_dep(p.i, "pobj"):
                            actor1 = None
                            agent_of(o.i)
        else:
            head = view.head(i)
            if t.dep in ("dobj", "attr") and head.lemma in LIGHT_VERBS | INTENT_VERBS:
                negated = negated or view.is_negated(head.i)
                subj = view.children_by_dep(head.i, "nsubj")
                if subj:
                    agent_of(subj[0].i)
                else:
                    implicit = self._implicit_subject(view, head.i)
                    if implicit is not None:
                        agent_of(implicit)
            elif t.dep in ("nsubj",) and head.lemma == "turn":
                pass
            for c in view.children(i):
                if c.dep == "poss":
                    agent_of(c.i)
                elif c.dep in ("compound", "amod", "nmod"):
                    a, inst = self._np_actor(view, c.i, actors)
                    if inst:
                        instruments.append(inst)
                    if a is not None and actor1 is None:
                        actor1 = a
            for p in view.children_by_dep(i, "prep"):
                for o in view.children_by_dep(p.i, "pobj"):
                    if p.lower == "by" or (
                        p.lower == "of" and t.lower == "control" and self._np_actor(view, o.i, actors)[0]
                    ):
                        agent_of(o.i)
                    elif p.lower == "of" and patient is None:
                        patient = o.i
                    elif p.lower == "between":
                        parts = [o.i, *[c.i for c in view.children_by_dep(o.i, "conj")]]
                        ids = [a for a in (self._np_actor(view, k, actors)[0] for k in parts) if a]
                        if ids and actor1 is None:
                            actor1 = ids[0]
                        if len(ids) > 1 and actor2 is None:
                            actor2 = ids[1]
                    elif p.lower == "with" and actor2 is None:
                        a, _ = self._np_actor(view, o.i, actors)
                        actor2 = a
            if head.lemma == "turn" and t.dep == "nsubj":
                outer = view.head(head.i)
                osubj = view.children_by_dep(outer.i, "nsubj", "nsubjpass")
                if osubj:
                    a, _ = self._np_actor(view, osubj[0].i, actors)
                    actor1, actor2 = actor2, a
        # targets: "attacks on X", "support to X", "operations against X"; a light verb's
        # "providing ... to X"; "clashed with X"
        target_preps = view.children_by_dep(i, "prep", "dative")
        if is_verb and actor2 is None:
            for p in target_preps:
                if p.lower == "with" and t.lemma in SYMMETRIC_VERBS:
                    for o in view.children_by_dep(p.i, "pobj"):
                        a, _ = self._np_actor(view, o.i, actors)
                        if a is not None and a != actor1:
                            actor2 = a
        if not is_verb and t.dep == "dobj" and view.head(i).lemma in LIGHT_VERBS:
            target_preps += view.children_by_dep(t.head, "prep", "dative")
        for p in target_preps:
            if p.lower in ("on", "against", "to", "at", "for") and actor2 is None:
                for o in view.children_by_dep(p.i, "pobj"):
                    a, _ = self._np_actor(view, o.i, actors)
                    if a is not None and a != actor1:
                        actor2 = a
        victims: list[str] = []
        fatalities: int | None = None
        injured: int | None = None
        arrested: int | None = None
        quantity: int | None = None
        if patient is not None and view[patient].lower in QUANTITY_HEADS | set(NUMBER_WORDS):
            # "dozens of fighters", "two of the soldiers": the people are the "of" object
            of_obj = [
                o.i
                for p in view.children_by_dep(patient, "prep")
                if p.lower == "of"
                for o in view.children_by_dep(p.i, "pobj")
            ]
            if of_obj:
                quantity = number_value(view[patient].text)
                if quantity is None:
                    quantity = stated_count(view, patient, self.quantities)
                patient = of_obj[0]
        patient_inst: str | None = None
        if patient is not None:
            # an instrument in the patient is what was hit ("shot down 12 drones"), not how
            a2, victims, owner, patient_inst = self._patient(view, patient, actors)
            if actor2 is None:
                actor2 = owner or a2
            people = [v for v in victims if (who := actors.actor(v)) is not None and who.kind == "person"]
            if t.lemma in KILL_LEMMAS or t.lemma in INJURY_LEMMAS or sense.mode == "arrest":
                count = quantity if quantity is not None else self._count(view, patient, people)
                if t.lemma in KILL_LEMMAS:
                    fatalities = count
                elif t.lemma in INJURY_LEMMAS:
                    injured = count
                else:
                    arrested = count
        actor1, actor2 = self._verbal_roles(view, i, sense, reading, actors, actor1, actor2)
        if sense.origin == READING and (actor2 is None or actor2 == actor1):
            return None  # "X said prices must fall": a demand needs a party that is asked to act
        if actor2 is not None and actor2 == actor1:
            actor2 = None
        if actor2 is None and actor1 is not None and sense.plover in ("AGREE", "CONSULT"):
            # "offering a ceasefire ... and saying he was ready to hold talks with X": the counterpart of an
            # agreement or consultation is the party named "with" in its sentence
            s = view.sentence_of(i)
            for k in range(s.start, s.end):
                if view[k].lower == "with" and view[k].dep == "prep":
                    for o in view.children_by_dep(k, "pobj"):
                        a, _ = self._np_actor(view, o.i, actors)
                        if a is not None and a != actor1:
                            actor2 = a
                            break
                if actor2 is not None:
                    break
        place = self._place_in(view, view.subtree(i), places, place_records)
        if place is None and patient is not None:
            place = self._place_in(view, view.subtree(patient), places, place_records)
        place_soft = False
        if place is None:
            s = view.sentence_of(i)
            locative = [
                k
                for k in range(s.start, s.end)
                if not (actors.resolve(k) and view[k].dep in ("nsubj", "nsubjpass", "dobj", "poss", "agent"))
            ]
            place = self._place_in(view, locative, places, place_records)
            place_soft = place is not None
        time = self._time(view, i, times)
        if time is None:
            s = view.sentence_of(i)
            root = next((k for k in range(s.start, s.end) if view[k].head == k), i)
            in_sentence = {
                times[k]
                for k in range(s.start, s.end)
                if k in times and not self._under_other_trigger(view, k, root, i)
            }
            if len(in_sentence) == 1:
                time = in_sentence.pop()
        if sense.plover == "SUPPORT" and not is_verb:
            kinds = [MATERIAL[view[k].lower] for k in view.subtree(i) if view[k].lower in MATERIAL and k < i]
            if kinds:
                sense = self.triggers.get("aid", "noun") or sense
                sense = TriggerSense(
                    sense.lemma,
                    sense.pos,
                    "AID",
                    kinds[0],
                    sense.acled_event_type,
                    sense.acled_sub_event_type,
                )
        mode = sense.mode
        acled = AcledCode(sense.acled_event_type, sense.acled_sub_event_type)
        for inst in instruments:
            m, et, st = INSTRUMENTS[inst]
            # the trigger's own mode ("bombing") wins over an attacker's weapon ("gunmen"), except a
            # remote weapon that changes what the event is ("drone", "artillery")
            specific = st in ("Grenade", "Suicide bomb") and sense.mode == "explosives"
            if sense.plover == "ASSAULT" and (
                sense.mode is None or m in ("drone", "aerial", "shelling") or specific
            ):
                mode = m
                if et:
                    acled = AcledCode(et, st)
        if acled == ARMED_CLASH and self._civilian_target(actor2, victims, actors):
            # ACLED: an attack by an organised armed group on civilians is violence against civilians
            acled = AcledCode("Violence against civilians", "Attack")
        thrown = self._thrown_explosive(view, i) if t.lemma in THROW_VERBS else None
        if thrown is not None:
            mode, et, st = INSTRUMENTS[thrown]
            acled = AcledCode(et, st)
        interception = t.lemma == "intercept" or (
            t.lemma == "shoot" and any(c.dep == "prt" and c.lower == "down" for c in view.children(i))
        )
        if interception and patient_inst is not None:
            # drones, missiles or aircraft shot down: ACLED's disrupted weapons use
            mode = None
            acled = AcledCode("Strategic developments", "Disrupted weapons use")
        if sense.plover == "COERCE" and sense.mode == "seize" and actor1 is not None:
            who = actors.actor(actor1)
            if who is not None and who.kind in ("state", "state_agency"):
                acled = AcledCode("Battles", "Government regains territory")
        # "the attack", "the fighting": a definite mention of a happening told before (merged later)
        anaphoric = (
            not is_verb
            and not (actor1 or actor2 or victims or instruments)
            and (place is None or place_soft)
            and any(d.lower in ("the", "this", "that") for d in view.children_by_dep(i, "det"))
        )
        claimant = self._claimant(view, i)
        if claimant is not None and actor1 is None:
            actor1, _ = self._np_actor(view, claimant, actors)
        has_subject = is_verb and bool(view.children_by_dep(i, "nsubj"))
        anchored = actor1 or actor2 or victims or place or instruments or patient is not None or has_subject
        if not (anchored or anaphoric):
            return None
        if sense.plover not in ("ASSAULT", "COERCE", "PROTEST", "RETREAT") and not (actor1 or actor2):
            return None
        if mood != "actual" and not (actor1 or actor2 or victims):
            return None  # an intended or threatened act is worth a record only with its participants
        sent = view.sentence_of(i)
        return DraftEvent(
            sense=sense,
            trigger=Trigger(text=t.text, span=t.span),
            trigger_token=i,
            sentence=sent.span,
            mode=mode,
            acled=acled,
            actor1=actor1,
            actor2=actor2,
            victims=tuple(dict.fromkeys(victims)),
            place=place,
            time=time,
            fatalities=fatalities,
            injured=injured,
            arrested=arrested,
            negated=negated,
            hedged=self._hedged(view, i),
            modality=mood,
            place_soft=place_soft,
            outcome_of=self._outcome_of(view, i, sense),
            anaphoric=anaphoric,
        )

    @staticmethod
    def _civilian_target(actor2: str | None, victims: Iterable[str], actors: ActorResult) -> bool:
        """Whether the targets include civilians: people of kind ``civilians``, or persons who belong to no
        armed group, state force or agency (a mayor, a judge, a priest)."""
        for target in (actor2, *victims):
            who = actors.actor(target)
            if who is None:
                continue
            if who.kind == "civilians":
                return True
            if who.kind == "person":
                parent = actors.actor(who.affiliation)
                if parent is None or parent.kind not in ARMED_KINDS:
                    return True
        return False

    def _outcome_of(self, view: ParseView, i: int, sense: TriggerSense) -> int | None:
        """A killing or wounding stated as the result of another assault ("strikes on X, killing 12";
        "an attack that killed 12") is part of that happening."""
        t = view[i]
        if sense.plover != "ASSAULT" or t.lemma not in KILL_LEMMAS | OUTCOME_VERBS:
            return None
        for prep in [*view.children_by_dep(i, "prep"), *view.children_by_dep(i, "agent")]:
            # "three soldiers were killed during clashes", "destroyed by a bomb explosion": that assault's
            # outcome
            if prep.lower in ("during", "in", "amid", "after", "following", "by"):
                for o in view.children_by_dep(prep.i, "pobj"):
                    other = self._sense(view, o.i)
                    if other is not None and other.plover == "ASSAULT":
                        return o.i
        for subj in view.children_by_dep(i, "nsubj"):
            # "the blast killed 12", "a suicide bombing wounded 30": the killing is that assault's outcome
            other = self._sense(view, subj.i)
            if other is not None and other.plover == "ASSAULT":
                return subj.i
        if t.dep not in ("advcl", "conj", "xcomp", "relcl", "acl"):
            return None
        head = view.head(i)
        cands = [head, *view.children_by_dep(head.i, "dobj")]  # "carrying out air strikes ..., killing 12"
        if head.dep in ("dobj", "pobj"):
            cands.append(view.head(head.i))
        for cand in cands:
            other = self._sense(view, cand.i)
            if other is not None and other.plover == "ASSAULT" and cand.i != i:
                return cand.i
        if t.dep == "advcl" and t.i > 0 and view[t.i - 1].text == ",":
            # ", killing 70" attached by the parser to the reporting verb: the nearest assault before it
            s = view.sentence_of(i)
            for k in range(i - 1, s.start - 1, -1):
                other = self._sense(view, k)
                if other is not None and other.plover == "ASSAULT":
                    return k
        return None

    def _under_other_trigger(self, view: ParseView, k: int, top: int, own: int) -> bool:
        """Whether the path from token ``k`` up to ``top`` passes through a trigger other than ``own``."""
        cur = k
        while cur != top and view[cur].head != cur:
            cur = view[cur].head
            if cur != own and self._sense(view, cur) is not None:
                return True
        return False

    @staticmethod
    def _claimant(view: ParseView, i: int) -> int | None:
        """The subject of "claimed responsibility for <this event>": the perpetrator by its own claim."""
        head = view.head(i)
        if view[i].dep != "pobj" or head.lower != "for":
            return None
        resp = view.head(head.i)
        if resp.lemma != "responsibility":
            return None
        verb = view.head(resp.i)
        if verb.lemma not in ("claim", "accept", "admit", "take", "assume"):
            return None
        subj = view.children_by_dep(verb.i, "nsubj")
        return subj[0].i if subj else None

    @staticmethod
    def _hedged(view: ParseView, i: int) -> bool:
        """ "may have attacked", "reportedly attacked": an event told with a hedge."""
        auxes = view.children_by_dep(i, "aux")
        modal_perfect = any(a.lower in ("may", "might", "could") for a in auxes) and any(
            a.lemma == "have" for a in auxes
        )
        return modal_perfect or any(
            c.lower in ("reportedly", "allegedly", "purportedly", "apparently") for c in view.children(i)
        )

    @staticmethod
    def _implicit_subject(view: ParseView, i: int) -> int | None:
        """The understood subject of a non-finite verb: "accused X of providing" → X; "allegations of X
        providing"
        → X; "X is said to have suffered" → X; "claim of occupying" → the claim's owner."""
        t = view[i]
        head = view.head(i)
        if t.dep == "pcomp" and head.lower == "of":
            gov = view.head(head.i)
            dobj = view.children_by_dep(gov.i, "dobj")
            if dobj:
                return dobj[0].i
            poss = view.children_by_dep(gov.i, "poss")
            if poss:
                return poss[0].i
        if t.dep == "acl" and head.pos == "NOUN":
            for p in view.children_by_dep(head.i, "prep"):
                if p.lower == "of":
                    pobj = view.children_by_dep(p.i, "pobj")
                    if pobj:
                        return pobj[0].i
            if head.dep in ("dobj",):
                # "X released a statement offering ...": the statement's issuer
                subj = view.children_by_dep(head.head, "nsubj")
                if subj:
                    return subj[0].i
        if t.dep == "conj" and head.pos == "VERB":
            return EventCoder._implicit_subject(view, head.i) or next(
                (c.i for c in view.children_by_dep(head.i, "nsubj")), None
            )
        purpose = t.dep == "advcl" and any(a.lower == "to" for a in view.children_by_dep(i, "aux"))
        if t.dep == "xcomp" or purpose:
            # "vowed to attack", "sent troops to retake the town": the main clause's subject
            subj = view.children_by_dep(head.i, "nsubj", "nsubjpass")
            if subj:
                return subj[0].i
        return None

    def _np_actor(self, view: ParseView, k: int, actors: ActorResult) -> tuple[str | None, str | None]:
        """The actor a noun phrase refers to or reveals, and an instrument word if it names one."""
        t = view[k]
        inst = t.lower if t.lower in INSTRUMENTS else None
        own = actors.resolve(k)
        if own is not None:
            return own, inst
        for c in view.children(k):
            if c.dep in ("compound", "amod", "nmod", "poss"):
                a = actors.resolve(c.i)
                if a is not None:
                    return a, inst
                if c.lower in INSTRUMENTS and inst is None:
                    inst = c.lower
        for c in view.children_by_dep(k, "appos"):
            a = actors.resolve(c.i)
            if a is not None:
                return a, inst
        for c in view.children_by_dep(k, "conj"):
            # "Bosnia and Slovenia agreed": the first conjunct that is an actor
            a = actors.resolve(c.i)
            if a is not None:
                return a, inst
        if t.lower in GROUP_HEADS:
            # "fighters of the TPLF", "members of the Haqqani Network"
            for p in view.children_by_dep(k, "prep"):
                if p.lower == "of":
                    for o in view.children_by_dep(p.i, "pobj"):
                        a = actors.resolve(o.i)
                        if a is not None:
                            return a, inst
        return None, inst

    def _patient(
        self, view: ParseView, k: int, actors: ActorResult
    ) -> tuple[str | None, list[str], str | None, str | None]:
        """(actor, person victims, owner of a targeted property, instrument) of a patient noun phrase."""
        # the patient and everyone coordinated or in apposition with it
        seen: list[int] = []
        stack = [k]
        while stack:
            h = stack.pop(0)
            if h in seen:
                continue
            seen.append(h)
            stack.extend(c.i for c in view.children_by_dep(h, "conj", "appos"))
        victims: list[str] = []
        for x in seen:
            actor = actors.actor(actors.resolve(x))
            described = actor is not None and actor.component.endswith(".described")
            if (
                actor is not None
                and (actor.kind in ("person", "civilians") or described)
                and actor.id not in victims
            ):
                victims.append(actor.id)
        owner = None
        if view[k].lemma in PROPERTY_NOUNS or view[k].lower in PROPERTY_NOUNS:
            for p in view.children_by_dep(k, "poss"):
                owner = actors.resolve(p.i)
        a, inst = self._np_actor(view, k, actors)
        first = a
        if victims:
            affs = {actors.actor(v).affiliation for v in victims if actors.actor(v) is not None}  # type: ignore[union-attr]
            affs.discard(None)
            if len(affs) == 1:
                first = affs.pop()
            elif first is None:
                first = victims[0]
        return first, victims, owner, inst

    def _count(self, view: ParseView, k: int, victims: list[str]) -> int | None:
        """The figure the patient states (ACLED's rules: the lowest figure, vague plurals coded), else the
        number of named victims."""
        stated = stated_count(view, k, self.quantities)
        if stated is not None:
            return stated
        if victims:
            return len(victims)
        return None

    @staticmethod
    def _place_in(
        view: ParseView, indices: Iterable[int], places: dict[int, str], records: dict[str, Place]
    ) -> str | None:
        rank = {"city": 0, "village": 0, "landmark": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4}
        found = [places[k] for k in indices if k in places]
        if not found:
            return None
        return min(found, key=lambda p: rank.get(records[p].kind, 5) if p in records else 9)

    def _time(self, view: ParseView, i: int, times: dict[int, str]) -> str | None:
        """The time in the event's own clause; a time that belongs to another event nested in the clause
        ("his visit after the takeover of Kabul on 15 August") is not this event's."""
        cur = i
        for _ in range(3):
            for c in view.children(cur):
                if c.dep in ("prep", "npadvmod", "tmod", "advmod", "pobj"):
                    for k in view.subtree(c.i):
                        if k in times and not self._under_other_trigger(view, k, c.i, i):
                            return times[k]
            t = view[cur]
            if t.head == cur or t.dep in ("ccomp", "ROOT"):
                break
            cur = t.head
        return None
