"""Contradictions about ledger events: claims from different sources that cannot all be true.

API (stable):

- ``TERRITORY_SUBTYPES``: the ACLED sub-event types of a change of territorial control.
- ``occurrence(event_id, claims, voices) -> LedgerContradiction | None``: some source asserts the event and
  another denies it (field ``"occurrence"``, values = each claim's stance).
- ``fatalities(event_id, figures, voices) -> LedgerContradiction | None``: ``figures`` pairs each report's
  fatality figure with its asserting claims; two different figures from different sources (field
  ``"fatalities"``, values = each claim's figure).
- ``control(event_id, actor_name, claims, voices) -> LedgerContradiction | None``: a change of territorial
  control that one source asserts and another denies — the other side says it still holds the ground
  (field ``"control"``, values ``"taken by <actor>"`` / ``"not taken"``).
- ``control_conflicts(events: Sequence[LedgerEvent], days: int, km: float) -> list[LedgerContradiction]``:
  two ledger events that each give control of one place, at overlapping dates, to different actors (field
  ``"control"`` on the earlier id, values ``"taken by <actor>"`` per claim) when no source asserts both (one
  source telling both takes the two actors for one); blocked by country and day.

A contradiction lists its claims (``LedgerClaim``: article, claim, source key and date) in a stable order.
Every rule reads the coder's codes and the claims' stances; none names words of any article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from claimledger.ledger.compat import km_between
from claimledger.ledger.corroboration import voice_of
from claimledger.types import LedgerClaim, LedgerContradiction, LedgerEvent

TERRITORY_SUBTYPES = frozenset({"Non-state actor overtakes territory", "Government regains territory"})
COMPONENT = "ledger.cross"


def _claim_order(claim: LedgerClaim) -> tuple[dt.date, str, str]:
    return (claim.time or dt.date.max, claim.article_id, claim.claim_id)


def _sides(
    claims: Iterable[LedgerClaim], voices: Mapping[str, str]
) -> tuple[list[LedgerClaim], list[LedgerClaim]] | None:
    """The asserting and denying claims, when the two sides have a source the other lacks."""
    asserting = sorted((c for c in claims if c.stance == "assert"), key=_claim_order)
    denying = sorted((c for c in claims if c.stance == "deny"), key=_claim_order)
    yes = {voice_of(c, voices) for c in asserting}
    no = {voice_of(c, voices) for c in denying}
    if not yes or not no or yes == no:
        return None
    return asserting, denying


def occurrence(
    event_id: str, claims: Iterable[LedgerClaim], voices: Mapping[str, str]
) -> LedgerContradiction | None:
    sides = _sides(claims, voices)
    if sides is None:
        return None
    asserting, denying = sides
    return LedgerContradiction(
        event=event_id,
        field="occurrence",
        claims=(*asserting, *denying),
        values=("assert",) * len(asserting) + ("deny",) * len(denying),
        component=COMPONENT,
    )


def fatalities(
    event_id: str, figures: Iterable[tuple[int, Sequence[LedgerClaim]]], voices: Mapping[str, str]
) -> LedgerContradiction | None:
    by_claim: dict[tuple[str, str], tuple[LedgerClaim, int]] = {}
    for figure, claims in figures:
        for claim in claims:
            if claim.stance == "assert":
                by_claim[(claim.article_id, claim.claim_id)] = (claim, figure)
    sources: dict[int, set[str]] = {}
    for claim, figure in by_claim.values():
        sources.setdefault(figure, set()).add(voice_of(claim, voices))
    if len(sources) < 2 or len(set().union(*sources.values())) < 2:
        return None
    ordered = sorted(by_claim.values(), key=lambda cf: (cf[1], *_claim_order(cf[0])))
    return LedgerContradiction(
        event=event_id,
        field="fatalities",
        claims=tuple(c for c, _ in ordered),
        values=tuple(str(f) for _, f in ordered),
        component=COMPONENT,
    )


def control(
    event_id: str, actor_name: str | None, claims: Iterable[LedgerClaim], voices: Mapping[str, str]
) -> LedgerContradiction | None:
    sides = _sides(claims, voices)
    if sides is None:
        return None
    asserting, denying = sides
    taken = f"taken by {actor_name or 'an unnamed actor'}"
    return LedgerContradiction(
        event=event_id,
        field="control",
        claims=(*asserting, *denying),
        values=(taken,) * len(asserting) + ("not taken",) * len(denying),
        component=COMPONENT,
    )


def is_territorial(event: LedgerEvent) -> bool:
    return event.acled is not None and event.acled.sub_event_type in TERRITORY_SUBTYPES


def _same_place(a: LedgerEvent, b: LedgerEvent, km: float) -> bool:
    if a.country != b.country:
        return False
    if a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None:
        return km_between(a.lat, a.lon, b.lat, b.lon) <= km
    return a.place_name is not None and a.place_name == b.place_name


def _overlap(a: LedgerEvent, b: LedgerEvent, days: int) -> bool:
    if a.start is None or a.end is None or b.start is None or b.end is None:
        return False
    return (a.start - b.end).days <= days and (b.start - a.end).days <= days


def control_conflicts(events: Sequence[LedgerEvent], days: int, km: float) -> list[LedgerContradiction]:
    """Territorial events giving one place to different actors at overlapping dates."""
    blocks: dict[tuple[str, int], list[LedgerEvent]] = {}
    for event in sorted(
        (e for e in events if is_territorial(e) and e.actor1 and e.start), key=lambda e: e.id
    ):
        assert event.start is not None and event.end is not None
        for day in range(event.start.toordinal(), event.end.toordinal() + 1):
            blocks.setdefault((event.country or "", day), []).append(event)
    pairs: set[tuple[str, str]] = set()
    found: dict[tuple[str, str], tuple[LedgerEvent, LedgerEvent]] = {}
    for (country, day), members in sorted(blocks.items()):
        nearby = [e for d in range(day - days, day + days + 1) for e in blocks.get((country, d), ())]
        for a in members:
            for b in nearby:
                if a.id >= b.id or a.actor1 == b.actor1 or (a.id, b.id) in pairs:
                    continue
                pairs.add((a.id, b.id))
                if _same_place(a, b, km) and _overlap(a, b, days) and not set(a.sources) & set(b.sources):
                    found[(a.id, b.id)] = (a, b)
    out: list[LedgerContradiction] = []
    for (first, _), (a, b) in sorted(found.items()):
        claims: list[LedgerClaim] = []
        values: list[str] = []
        for event in (a, b):
            for claim in sorted((c for c in event.claims if c.stance == "assert"), key=_claim_order):
                claims.append(claim)
                values.append(f"taken by {event.actor1_name or event.actor1}")
        if claims:
            out.append(LedgerContradiction(first, "control", tuple(claims), tuple(values), COMPONENT))
    return out
