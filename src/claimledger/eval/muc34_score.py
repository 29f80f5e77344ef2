"""Scoring extracted ledgers against MUC-3/4 incidents (definitions: ``claimledger.eval.muc34``).

Pure functions: the type map, the predicted incidents of a ledger, the agreement tests, the per-document
one-to-one matching and the pooled counts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from claimledger.eval.base import Detail
from claimledger.eval.ledger_view import LedgerView
from claimledger.eval.matching import max_weight_matching, normalize_name, precision_recall_f1, safe_ratio
from claimledger.eval.muc34_gold import GoldIncident
from claimledger.types import ArticleLedger, Event

# A country name (as gold writes it, e.g. "EL SALVADOR") → ISO 3166-1 alpha-2, or None if unknown.
CountryCode = Callable[[str], str | None]

MAX_DATE_DAYS = 7  # our time counts as a date only if it spans at most this many days


@dataclass(frozen=True, slots=True)
class TypeRule:
    """One row of the type map: an event matching every given field gets ``muc`` (None: not an incident).

    ``mode`` / ``acled`` None match any value; ``triggers`` (lower-case prefixes of the trigger text) empty
    matches any trigger.
    """

    plover: str
    mode: str | None
    acled: str | None
    triggers: tuple[str, ...]
    muc: str | None


# Our PLOVER type + mode + ACLED sub-event type (+ trigger) → MUC incident type; the first matching row wins.
# The trigger rows catch events whose trigger names the act but whose mode was not set (upper-case wire text
# often defeats the lemma look-up).
# COERCE is never an incident: its modes are seize (territory, goods), arrest, curfew, deport — state or
# battlefield actions that MUC does not score (abductions are ASSAULT/abduct in our coding).
TYPE_MAP: tuple[TypeRule, ...] = (
    TypeRule("ASSAULT", None, "Disrupted weapons use", (), None),  # an intercepted attack did not happen
    TypeRule("ASSAULT", "abduct", None, (), "KIDNAPPING"),
    TypeRule("ASSAULT", None, "Abduction/forced disappearance", (), "KIDNAPPING"),
    TypeRule("ASSAULT", None, None, ("kidnap", "abduct"), "KIDNAPPING"),
    TypeRule("ASSAULT", "explosives", None, (), "BOMBING"),
    TypeRule("ASSAULT", None, "Remote explosive/landmine/IED", (), "BOMBING"),
    TypeRule("ASSAULT", None, "Grenade", (), "BOMBING"),
    TypeRule("ASSAULT", None, "Suicide bomb", (), "BOMBING"),
    TypeRule("ASSAULT", None, None, ("bomb", "explo", "dynamit", "blew", "blow", "detonat"), "BOMBING"),
    TypeRule("ASSAULT", None, None, ("burn", "torch", "arson", "set fire", "incendiar"), "ARSON"),
    TypeRule("ASSAULT", None, None, (), "ATTACK"),
)

# Words too common or too generic to make two names overlap on their own.
STOPWORDS = frozenset(
    (
        "the and of for from with in on at to by a an its their his her who which that "
        "group groups member members unidentified unknown individual individuals people persons person "
        "men man several some other others number alleged suspected presumed"
    ).split()
)
MIN_TOKEN = 3

# Administrative words around a place name ("San Miguel Department", "Departamento de Cabanas").
_PLACE_WORDS = re.compile(
    r"^(?:departamento|department|provincia|province|municipio|municipality|distrito|district|region|"
    r"estado|state|canton|ciudad|city)\s+(?:del?\s+)?|\s+(?:department|departamento|province|"
    r"municipality|district|region|state|canton|city)$"
)


def muc_type(event: Event) -> str | None:
    """The MUC type of an event by ``TYPE_MAP``; None for an event that did not occur (negated, denied,
    future, planned, threatened or conditional) or a non-violent one."""
    if not event.occurred:
        return None
    trigger = event.trigger.text.lower()
    sub_type = event.acled.sub_event_type if event.acled is not None else None
    for rule in TYPE_MAP:
        if rule.plover != event.type:
            continue
        if rule.mode is not None and rule.mode != event.mode:
            continue
        if rule.acled is not None and rule.acled != sub_type:
            continue
        if rule.triggers and not trigger.startswith(rule.triggers):
            continue
        return rule.muc
    return None


def type_map_lines() -> list[str]:
    """The type map as readable lines (for the run's notes)."""
    out = []
    for rule in TYPE_MAP:
        when = [rule.plover]
        when += [f"mode={rule.mode}"] if rule.mode else []
        when += [f"acled={rule.acled!r}"] if rule.acled else []
        when += [f"trigger~{'|'.join(rule.triggers)}"] if rule.triggers else []
        out.append(f"{' '.join(when)} -> {rule.muc or 'not an incident'}")
    return [*out, "other PLOVER types (COERCE included), events that did not occur -> not an incident"]


# --------------------------------------------------------------------------- predictions


@dataclass(frozen=True, slots=True)
class PredictedIncident:
    event_id: str
    type: str
    label: str
    days: tuple[dt.date, dt.date] | None  # our time if it spans at most MAX_DATE_DAYS days
    place_names: tuple[str, ...]  # the place's name, admin1, admin2
    country: str | None  # ISO2
    perp_names: tuple[str, ...]  # actor1 (name, aliases, affiliation's)
    target_names: tuple[str, ...]  # actor2 and victims


# MUC-3/4 task definition (TASKDOC template-doc-part1, section 1.0): which violent acts are relevant.
# Rule 1(b): a guerrilla act against a military or police force or installation is not relevant ("clashes
# between guerrilla groups and the military"); rule 4: only incidents whose perpetrator, target or location
# belongs to one of nine Latin American countries; rule 6: only recent incidents.
MUC_COUNTRIES = frozenset(["SV", "GT", "HN", "AR", "BO", "CL", "CO", "EC", "PE"])
ARMED_KINDS = frozenset(["state", "state_agency", "armed_group"])
RECENT_DAYS = 62  # rule 6: "within two months of the date of the article"
COMBAT_WORDS = ("clash", "fight", "fought", "battl", "combat", "skirmish", "confront", "offensive")


def military_only(event: Event, view: LedgerView) -> bool:
    """Rule 1(b): an armed clash (our ACLED coding) whose targets are all armed forces or groups, or a
    combat between parties ("clashes", "fighting") that names no other target."""
    if event.acled is None or event.acled.sub_event_type != "Armed clash":
        return False
    targets = [view.actors.get(a) for a in (event.actor2, *event.victims) if a is not None]
    known = [a for a in targets if a is not None]
    if not known:
        return event.trigger.text.lower().startswith(COMBAT_WORDS)

    def armed(actor_id: str) -> bool:
        actor = view.actors.get(actor_id)
        if actor is None:
            return False
        return actor.kind in ARMED_KINDS or (actor.affiliation is not None and armed(actor.affiliation))

    return all(armed(a.id) for a in known)


def outside_scope(event: Event, view: LedgerView) -> bool:
    """Rule 4: the event's place lies outside the nine countries, and none of its actors belongs to them."""
    place = view.places.get(event.place) if event.place is not None else None
    if place is None or place.country is None or place.country in MUC_COUNTRIES:
        return False
    for actor_id in (event.actor1, event.actor2, *event.victims):
        actor = view.actors.get(actor_id) if actor_id is not None else None
        if actor is not None and actor.country in MUC_COUNTRIES:
            return False
    return True


def not_recent(event: Event, view: LedgerView, published: dt.date | None) -> bool:
    """Rule 6: an incident told with a date more than two months before the article is history."""
    time = view.times.get(event.time) if event.time is not None else None
    if published is None or time is None or not time.text:
        return False
    return (published - time.end).days > RECENT_DAYS


def predictions_from_ledger(ledger: ArticleLedger) -> list[PredictedIncident]:
    """The ledger's violent events (see ``TYPE_MAP``) that the MUC task counts relevant, as predicted
    incidents, in ledger order."""
    view = LedgerView(ledger)
    published = ledger.article.published
    if isinstance(published, dt.datetime):
        published = published.date()
    out: list[PredictedIncident] = []
    for event in ledger.events:
        kind = muc_type(event)
        if kind is None or military_only(event, view) or outside_scope(event, view):
            continue
        if not_recent(event, view, published):
            continue
        place = view.places.get(event.place) if event.place is not None else None
        time = view.times.get(event.time) if event.time is not None else None
        days = None
        if time is not None and (time.end - time.start).days < MAX_DATE_DAYS:
            days = (time.start, time.end)
        targets: list[str] = list(view.actor_names(event.actor2))
        for victim in event.victims:
            targets.extend(view.actor_names(victim))
        out.append(
            PredictedIncident(
                event_id=event.id,
                type=kind,
                label=f"{view.describe_event(event)} -> {kind}",
                days=days,
                place_names=tuple(n for n in (place.name, place.admin1, place.admin2) if n) if place else (),
                country=place.country if place is not None else None,
                perp_names=view.actor_names(event.actor1),
                target_names=tuple(targets),
            )
        )
    return out


# --------------------------------------------------------------------------- agreement


def place_key(name: str) -> str:
    """A comparison key for a place name: ``normalize_name`` without administrative words."""
    key = normalize_name(name)
    previous = None
    while previous != key:
        previous = key
        key = _PLACE_WORDS.sub("", key).strip()
    return key


def _tokens(key: str) -> set[str]:
    return {t for t in key.split() if len(t) >= MIN_TOKEN and t not in STOPWORDS}


def names_overlap(gold: Iterable[str], ours: Iterable[str]) -> bool:
    """Whether a gold string and one of our names overlap.

    After ``normalize_name`` (case-folded, ASCII-folded, punctuation dropped): one contains the other as
    whole words, or they share a word of at least ``MIN_TOKEN`` letters that is not in ``STOPWORDS``.
    """
    ours_keys = [k for k in (normalize_name(n) for n in ours) if k]
    for gold_key in (normalize_name(g) for g in gold):
        if not gold_key:
            continue
        for key in ours_keys:
            if f" {key} " in f" {gold_key} " or f" {gold_key} " in f" {key} ":
                return True
            if _tokens(key) & _tokens(gold_key):
                return True
    return False


def country_agrees(gold: GoldIncident, pred: PredictedIncident, country_code: CountryCode) -> bool:
    """Our place's country is the country of a gold location alternative."""
    if pred.country is None:
        return False
    codes = {country_code(loc.country) for loc in gold.locations if loc.country}
    return pred.country.upper() in {c.upper() for c in codes if c}


def place_agrees(gold: GoldIncident, pred: PredictedIncident, country_code: CountryCode) -> bool:
    """Our place, its admin1 or admin2 is named by a gold level below the country (of any alternative);
    for an alternative naming only the country, the country agrees."""
    ours = {place_key(n) for n in pred.place_names} - {""}
    for location in gold.locations:
        if location.names:
            if ours & {place_key(n) for n in location.names}:
                return True
        elif location.country and pred.country is not None:
            code = country_code(location.country)
            if code is not None and code.upper() == pred.country.upper():
                return True
    return False


def date_agrees(gold: GoldIncident, pred: PredictedIncident) -> bool:
    """Our time (at most ``MAX_DATE_DAYS`` days) overlaps a gold date alternative."""
    if pred.days is None:
        return False
    start, end = pred.days
    if (end - start).days >= MAX_DATE_DAYS:
        return False
    return any(days.overlaps(start, end) for days in gold.dates)


def perp_agrees(gold: GoldIncident, pred: PredictedIncident) -> bool:
    return names_overlap(gold.perps, pred.perp_names)


def target_agrees(gold: GoldIncident, pred: PredictedIncident) -> bool:
    return names_overlap(gold.targets, pred.target_names)


# --------------------------------------------------------------------------- matching and counts

SLOT_METRICS = ("date_acc", "location_acc", "location_country_acc", "perp_acc", "target_acc")


@dataclass
class Muc34Counts:
    """Pooled counts over documents; ``slots[name] = [hits, scored]`` over matched incidents."""

    true_positives: int = 0
    predicted: int = 0
    gold: int = 0  # required incidents plus the optional ones matched
    optional_missed: int = 0
    slots: dict[str, list[int]] = field(default_factory=lambda: {name: [0, 0] for name in SLOT_METRICS})

    def add(self, other: Muc34Counts) -> None:
        self.true_positives += other.true_positives
        self.predicted += other.predicted
        self.gold += other.gold
        self.optional_missed += other.optional_missed
        for name, (hits, scored) in other.slots.items():
            self.slots[name][0] += hits
            self.slots[name][1] += scored

    def prf(self) -> tuple[float, float, float]:
        return precision_recall_f1(self.true_positives, self.predicted, self.gold)

    def metrics(self) -> dict[str, float]:
        out = {"incident_f1": self.prf()[2]}
        out.update({name: safe_ratio(hits, scored) for name, (hits, scored) in self.slots.items()})
        return out


def incident_weight(gold: GoldIncident, pred: PredictedIncident, country_code: CountryCode) -> float | None:
    """None if the pair may not match; else a weight: agreeing fields, a required incident first."""
    if pred.type not in gold.types:
        return None
    agree = [
        place_agrees(gold, pred, country_code),
        date_agrees(gold, pred),
        perp_agrees(gold, pred),
    ]
    if not any(agree):
        return None
    return (0.0 if gold.optional else 10.0) + sum(agree) + 0.5 * target_agrees(gold, pred)


def score_document(
    golds: Sequence[GoldIncident], preds: Sequence[PredictedIncident], country_code: CountryCode
) -> tuple[Muc34Counts, list[Detail]]:
    """One-to-one matching of one document's predictions to its gold incidents, with counts and details."""
    weights = [[incident_weight(g, p, country_code) for p in preds] for g in golds]
    pairs = dict(max_weight_matching(weights))
    counts = Muc34Counts(predicted=len(preds))
    details: list[Detail] = []
    for k, gold in enumerate(golds):
        j = pairs.get(k)
        if j is None:
            if gold.optional:
                counts.optional_missed += 1
            else:
                counts.gold += 1
                details.append(Detail("incident", _gold_item(gold), False, _why_missed(gold, preds)))
            continue
        pred = preds[j]
        counts.gold += 1
        counts.true_positives += 1
        info = _slot_info(gold, pred, counts, country_code)
        details.append(Detail("incident", _gold_item(gold), True, info))
    matched = set(pairs.values())
    details.extend(
        Detail("prediction", p.label, False, "no gold incident")
        for j, p in enumerate(preds)
        if j not in matched
    )
    return counts, details


def _slot_info(
    gold: GoldIncident, pred: PredictedIncident, counts: Muc34Counts, country_code: CountryCode
) -> str:
    """Count the slot accuracies of a matched pair (each only where gold has the slot) and describe them."""
    checks: dict[str, bool | None] = {
        "date_acc": date_agrees(gold, pred) if gold.dates else None,
        "location_acc": place_agrees(gold, pred, country_code) if gold.locations else None,
        "location_country_acc": (
            country_agrees(gold, pred, country_code) if any(loc.country for loc in gold.locations) else None
        ),
        "perp_acc": perp_agrees(gold, pred) if gold.perps else None,
        "target_acc": target_agrees(gold, pred) if gold.targets else None,
    }
    parts = [f"by {pred.label}"]
    for name, ok in checks.items():
        if ok is None:
            continue
        counts.slots[name][1] += 1
        counts.slots[name][0] += ok
        parts.append(f"{name.removesuffix('_acc')} {'ok' if ok else 'wrong'}")
    return ", ".join(parts)


def _gold_item(gold: GoldIncident) -> str:
    return f"{gold.label} date={gold.date_text!r} location={gold.location_text!r}"


def _why_missed(gold: GoldIncident, preds: Sequence[PredictedIncident]) -> str:
    same_type = [p for p in preds if p.type in gold.types]
    if not preds:
        return "no violent event predicted in the document"
    if not same_type:
        return f"no predicted event of type {'/'.join(sorted(gold.types))} ({len(preds)} of other types)"
    return f"{len(same_type)} event(s) of the type, none agreeing on place, date or perpetrator (or taken)"
