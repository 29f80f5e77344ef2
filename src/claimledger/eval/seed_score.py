"""Scoring one extracted ledger against the ``seed`` gold picture (see ``shared/spec/eval.md``).

Rules, each per gold item:

- actors: found when some extracted actor's name or an alias equals the gold name or a gold alias
  (after ``normalize_name``).
- places: an extracted place whose name or a mention text matches the gold name, within ``within_km`` of
  ``near`` when given (a place without coordinates then fails) and in ``country`` when given.
- events: one-to-one between gold and extracted events (exact assignment that maximises the number of
  matches, then the gold claims and contradictions they carry). A pair matches when the extracted type is in
  the gold type set; actor1/actor2, where gold gives them, resolve to one of the gold actors (the extracted
  actor's name/aliases, or those of the actor it is affiliated with, one step); the place, where given,
  matches as for places; the event's time ``[start, end]`` lies inside the gold date or range, where given.
- claims: per gold ``claimed_by`` entry of a matched event, a distinct extracted claim linked to the matched
  event with the same stance and source (``unnamed`` ↔ ``source_kind == "unnamed"``; otherwise the claim's
  source actor, its affiliation, or its ``source_text`` — equal to or containing a gold name — matches).
- contradictions: an extracted contradiction on the matched event whose claims include distinct claims from
  every named source.
- precision: share of extracted events a reviewer would accept — its sentence or trigger does not overlap a
  ``not_events`` text found in the article, and at least one of actor1/actor2 resolves to an extracted actor.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from claimledger.eval.base import Detail
from claimledger.eval.ledger_view import LedgerView
from claimledger.eval.matching import (
    contains_name,
    haversine_km,
    max_weight_matching,
    names_match,
    safe_ratio,
)
from claimledger.eval.seed_gold import (
    UNNAMED_SOURCE,
    GoldClaim,
    GoldContradiction,
    GoldEvent,
    GoldPlace,
    SeedGold,
)
from claimledger.types import ArticleLedger, Claim, Contradiction, Event, Place, Span

SEED_METRICS = (
    "actors_recall",
    "places_recall",
    "events_recall",
    "claims_recall",
    "contradictions_recall",
    "precision",
)


@dataclass(frozen=True, slots=True)
class SeedScore:
    metrics: dict[str, float]
    counts: dict[str, tuple[int, int]]  # metric -> (hits, total)
    details: tuple[Detail, ...]
    notes: tuple[str, ...] = ()


def score_seed(gold: SeedGold, ledger: ArticleLedger) -> SeedScore:
    """Score ``ledger`` against ``gold``; every metric of ``SEED_METRICS`` is in [0, 1]."""
    scorer = _SeedScorer(gold, LedgerView(ledger))
    return scorer.score()


class _SeedScorer:
    def __init__(self, gold: SeedGold, view: LedgerView) -> None:
        self.gold = gold
        self.view = view

    # ----------------------------------------------------------------- predicates

    def place_failure(self, gold: GoldPlace, place: Place) -> str | None:
        """Why ``place`` is not ``gold`` (None when it is)."""
        if not names_match(self.view.place_names(place), [gold.name]):
            return f"{place.id} {place.name!r} is not named {gold.name!r}"
        if gold.country and (place.country or "").upper() != gold.country.upper():
            return f"{place.id} {place.name!r} country {place.country!r} is not {gold.country!r}"
        if gold.near is not None:
            if place.lat is None or place.lon is None:
                return f"{place.id} {place.name!r} has no coordinates"
            km = haversine_km(gold.near[0], gold.near[1], place.lat, place.lon)
            if km > gold.within_km:
                return f"{place.id} {place.name!r} is {km:.0f} km from {gold.near} (> {gold.within_km:g})"
        return None

    def actor_failure(self, role: str, gold_names: tuple[str, ...], actor_id: str | None) -> str | None:
        if not gold_names:
            return None
        wanted = [n for name in gold_names for n in self.gold.actor(name).names]
        if names_match(self.view.actor_names(actor_id), wanted):
            return None
        return f"{role} {self.view.describe_actor(actor_id)} is not {' / '.join(gold_names)}"

    def event_failures(self, gold: GoldEvent, event: Event) -> list[str]:
        reasons: list[str] = []
        if event.type.upper() not in gold.types:
            reasons.append(f"type {event.type} not in {sorted(gold.types)}")
        for role, names, actor_id in (
            ("actor1", gold.actor1, event.actor1),
            ("actor2", gold.actor2, event.actor2),
        ):
            reason = self.actor_failure(role, names, actor_id)
            if reason:
                reasons.append(reason)
        if gold.place is not None:
            place = self.view.places.get(event.place) if event.place else None
            if place is None:
                reasons.append(f"place {event.place or 'none'} is not {gold.place!r}")
            else:
                reason = self.place_failure(self.gold.place(gold.place), place)
                if reason:
                    reasons.append(f"place {reason}")
        if gold.dates is not None:
            reason = self.date_failure(gold.dates, event)
            if reason:
                reasons.append(reason)
        return reasons

    def date_failure(self, dates: tuple[dt.date, dt.date], event: Event) -> str | None:
        first, last = dates
        time = self.view.times.get(event.time) if event.time else None
        if time is None:
            return f"time {event.time or 'none'} is not within {first}..{last}"
        if first <= time.start and time.end <= last:
            return None
        return f"time {time.id} {time.start}..{time.end} is not within {first}..{last}"

    def source_matches(self, source: str, claim: Claim) -> bool:
        if source == UNNAMED_SOURCE:
            return claim.source_kind == UNNAMED_SOURCE
        names = self.gold.actor(source).names
        if names_match(self.view.actor_names(claim.source), names):
            return True
        return bool(claim.source_text) and contains_name(claim.source_text or "", names)

    def claim_matches(self, gold: GoldClaim, claim: Claim) -> bool:
        return claim.stance == gold.stance and self.source_matches(gold.source, claim)

    # ----------------------------------------------------------------- pairings

    def match_claims(self, gold: GoldEvent, event: Event) -> list[tuple[GoldClaim, Claim | None]]:
        linked = self.view.claims_of(event)
        weights = [[1.0 if self.claim_matches(g, c) else None for c in linked] for g in gold.claimed_by]
        pairs = dict(max_weight_matching(weights))
        return [(g, linked[pairs[i]] if i in pairs else None) for i, g in enumerate(gold.claimed_by)]

    def contradiction_found(self, gold: GoldContradiction, event: Event) -> Contradiction | None:
        for contradiction in self.view.ledger.contradictions:
            if contradiction.event != event.id:
                continue
            claims = [self.view.claims[c] for c in contradiction.claims if c in self.view.claims]
            weights = [[1.0 if self.source_matches(s, c) else None for c in claims] for s in gold.between]
            if len(max_weight_matching(weights)) == len(gold.between):
                return contradiction
        return None

    def pair_bonus(self, gold: GoldEvent, event: Event) -> float:
        claims = sum(1 for _, c in self.match_claims(gold, event) if c is not None)
        contradictions = sum(
            1
            for g in self.gold.contradictions
            if g.event == gold.id and self.contradiction_found(g, event) is not None
        )
        return float(claims + contradictions)

    def match_events(self) -> dict[str, Event]:
        events = self.view.ledger.events
        weights = [
            [None if self.event_failures(g, e) else self.pair_bonus(g, e) for e in events]
            for g in self.gold.events
        ]
        return {self.gold.events[i].id: events[j] for i, j in max_weight_matching(weights)}

    # ----------------------------------------------------------------- metrics

    def score(self) -> SeedScore:
        details: list[Detail] = []
        counts: dict[str, tuple[int, int]] = {}
        counts["actors_recall"] = self.score_actors(details)
        counts["places_recall"] = self.score_places(details)
        matched = self.match_events()
        counts["events_recall"] = self.score_events(matched, details)
        counts["claims_recall"] = self.score_claims(matched, details)
        counts["contradictions_recall"] = self.score_contradictions(matched, details)
        notes: list[str] = []
        counts["precision"] = self.score_precision(matched, details, notes)
        metrics = {name: safe_ratio(*counts[name]) for name in SEED_METRICS}
        return SeedScore(metrics=metrics, counts=counts, details=tuple(details), notes=tuple(notes))

    def score_actors(self, details: list[Detail]) -> tuple[int, int]:
        hits = 0
        for gold in self.gold.actors:
            found = [a for a in self.view.ledger.actors if names_match((a.name, *a.aliases), gold.names)]
            hits += bool(found)
            info = ", ".join(self.view.describe_actor(a.id) for a in found) or "no extracted actor so named"
            details.append(Detail("actors_recall", gold.name, bool(found), info))
        return hits, len(self.gold.actors)

    def score_places(self, details: list[Detail]) -> tuple[int, int]:
        hits = 0
        for gold in self.gold.places:
            failures: list[str] = []
            found: Place | None = None
            for place in self.view.ledger.places:
                reason = self.place_failure(gold, place)
                if reason is None:
                    found = place
                    break
                if names_match(self.view.place_names(place), [gold.name]):
                    failures.append(reason)
            hits += found is not None
            if found is not None:
                info = f"{found.id} {found.name!r} {found.country} ({found.lat}, {found.lon})"
            else:
                info = "; ".join(failures) or "no extracted place by that name"
            details.append(Detail("places_recall", gold.name, found is not None, info))
        return hits, len(self.gold.places)

    def score_events(self, matched: dict[str, Event], details: list[Detail]) -> tuple[int, int]:
        for gold in self.gold.events:
            event = matched.get(gold.id)
            if event is not None:
                details.append(Detail("events_recall", gold.id, True, self.view.describe_event(event)))
                continue
            details.append(Detail("events_recall", gold.id, False, self.closest_event(gold, matched)))
        return len(matched), len(self.gold.events)

    def closest_event(self, gold: GoldEvent, matched: dict[str, Event]) -> str:
        taken = {e.id for e in matched.values()}
        best: tuple[int, Event, list[str]] | None = None
        for event in self.view.ledger.events:
            reasons = self.event_failures(gold, event)
            if not reasons:
                reasons = ["a match, but assigned to another gold event"]
            elif event.id in taken:
                reasons = [*reasons, "(assigned to another gold event)"]
            if best is None or len(reasons) < best[0]:
                best = (len(reasons), event, reasons)
        if best is None:
            return "no extracted events"
        return f"closest {self.view.describe_event(best[1])}: " + "; ".join(best[2])

    def score_claims(self, matched: dict[str, Event], details: list[Detail]) -> tuple[int, int]:
        hits = total = 0
        for gold in self.gold.events:
            event = matched.get(gold.id)
            for index, gold_claim in enumerate(gold.claimed_by):
                total += 1
                item = f"{gold.id}: {gold_claim.source} {gold_claim.stance}"
                if event is None:
                    details.append(Detail("claims_recall", item, False, "its event is not matched"))
                    continue
                claim = self.match_claims(gold, event)[index][1]
                hits += claim is not None
                if claim is not None:
                    info = self.view.describe_claim(claim)
                else:
                    linked = [self.view.describe_claim(c) for c in self.view.claims_of(event)]
                    info = f"linked to {event.id}: " + ("; ".join(linked) or "no claims")
                details.append(Detail("claims_recall", item, claim is not None, info))
        return hits, total

    def score_contradictions(self, matched: dict[str, Event], details: list[Detail]) -> tuple[int, int]:
        hits = 0
        for gold in self.gold.contradictions:
            item = f"{gold.event}: " + " vs ".join(gold.between)
            event = matched.get(gold.event)
            found = self.contradiction_found(gold, event) if event is not None else None
            hits += found is not None
            if found is not None:
                info = f"on {found.event} field={found.field} claims={list(found.claims)}"
            elif event is None:
                info = "its event is not matched"
            else:
                on_event = [list(c.claims) for c in self.view.ledger.contradictions if c.event == event.id]
                info = f"contradictions on {event.id}: {on_event or 'none'}"
            details.append(Detail("contradictions_recall", item, found is not None, info))
        return hits, len(self.gold.contradictions)

    def not_event_spans(self, notes: list[str]) -> list[Span]:
        """Where the ``not_events`` texts occur in the article (case and runs of whitespace ignored)."""
        spans: list[Span] = []
        for needle in self.gold.not_events:
            pattern = r"\s+".join(re.escape(part) for part in needle.split())
            found = [Span(m.start(), m.end()) for m in re.finditer(pattern, self.view.text, re.IGNORECASE)]
            if not found:
                notes.append(f"not_events text not found in the article: {needle!r}")
            spans.extend(found)
        return spans

    def score_precision(
        self, matched: dict[str, Event], details: list[Detail], notes: list[str]
    ) -> tuple[int, int]:
        forbidden = self.not_event_spans(notes)
        gold_of = {e.id: g for g, e in matched.items()}
        accepted = 0
        for event in self.view.ledger.events:
            reasons: list[str] = []
            if any(event.sentence.overlaps(s) or event.trigger.span.overlaps(s) for s in forbidden):
                reasons.append("its sentence is a not_events text")
            if self.view.actor(event.actor1) is None and self.view.actor(event.actor2) is None:
                reasons.append("no actor1 and no actor2")
            accepted += not reasons
            info = "; ".join(reasons) or (f"matches gold {gold_of[event.id]}" if event.id in gold_of else "")
            details.append(Detail("precision", self.view.describe_event(event), not reasons, info))
        if not self.view.ledger.events:
            notes.append("no extracted events: precision is 0")
        return accepted, len(self.view.ledger.events)
