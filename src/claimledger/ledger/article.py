"""Within one article: one event per happening, claims linked to the events they assert, contradictions.

- Event mentions of one happening merge: same PLOVER type, no conflicting actor, victims or place (a place and
  the place it lies in are compatible; the merged event keeps the more specific one).
- A claim is linked to every event whose trigger lies in its content (the innermost claim wins); a denial of
  "the claims" is linked to the events of the latest earlier claim by another source.
- An event with no claim gets an ``outlet`` claim: every event has at least one source.
- Assert and deny of one event by different sources make a contradiction (field ``occurrence``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace

from claimledger.attribution import DraftClaim
from claimledger.coding.coder import DraftEvent
from claimledger.geo.eventplace import article_place
from claimledger.types import Claim, Contradiction, Event, Place, Span, TimeExpr

COMPONENT = "ledger.article"
OUTCOME_LEMMAS = frozenset({"kill", "killing", "wound", "injure", "destroy", "damage"})
ACCUSATION_NOUNS = frozenset({"accusation", "allegation", "charge"})
ACCUSING_CUES = ("accus", "alleg", "blam", "charg")
# characters between the latest mention of a happening and a detail that may elaborate it (a sentence or two)
ELABORATION_GAP = 300
_PLACE_RANK = {"city": 0, "village": 0, "landmark": 0, "admin2": 1, "admin1": 2, "region": 3, "country": 4}


def _place_compatible(a: str | None, b: str | None, places: dict[str, Place]) -> bool:
    if a is None or b is None or a == b:
        return True
    pa, pb = places.get(a), places.get(b)
    if pa is None or pb is None:
        return False
    # one lies in the other: same country, and the wider one is a country or the admin1 of the narrower
    if pa.country != pb.country or pa.country is None:
        return False
    wide, narrow = (pa, pb) if _PLACE_RANK.get(pa.kind, 5) > _PLACE_RANK.get(pb.kind, 5) else (pb, pa)
    if wide.kind == "country":
        return True
    return wide.kind == "admin1" and narrow.admin1 is not None and narrow.admin1 == wide.name


def _more_specific(a: str | None, b: str | None, places: dict[str, Place]) -> str | None:
    if a is None or b is None:
        return a or b
    ra = _PLACE_RANK.get(places[a].kind, 5) if a in places else 9
    rb = _PLACE_RANK.get(places[b].kind, 5) if b in places else 9
    return a if ra <= rb else b


def _same(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _violence_family(d: DraftEvent) -> str | None:
    """The kind of assault a mention names: abduction, explosion or arson; ``None`` for a generic assault or
    a bare outcome ("attacked", "killed", "wounded"), which may belong to any of them."""
    if d.sense.lemma in OUTCOME_LEMMAS or d.sense.lemma in ("murder", "die", "death"):
        return None
    if d.mode in ("abduct", "explosives", "burn"):
        return d.mode
    sub = d.acled.sub_event_type if d.acled is not None else ""
    if sub in ("Remote explosive/landmine/IED", "Grenade", "Suicide bomb"):
        return "explosives"
    if sub == "Abduction/forced disappearance":
        return "abduct"
    return None  # "attack", "destroyed": a generic assault may be told of any of them


def _families_agree(members: Sequence[DraftEvent], d: DraftEvent) -> bool:
    mine = _violence_family(d)
    theirs = {f for f in (_violence_family(m) for m in members) if f is not None}
    return mine is None or not theirs or mine in theirs


def merge_mentions(
    drafts: Sequence[DraftEvent],
    places: dict[str, Place],
    days: dict[str, tuple[dt.date, dt.date]] | None = None,
) -> list[list[int]]:
    """Group event mentions into happenings. Returns lists of indices into ``drafts``.

    ``days`` maps time ids to their (start, end) days: two assault mentions with the same day-level time,
    compatible places and no conflicting actor are one happening even when told with other words ("the
    attack on the bus", "killed six passengers", "the bombing" on one date in one town).
    """
    days = days or {}
    groups: list[list[int]] = []
    for i, d in enumerate(drafts):
        placed = False
        # "three soldiers were killed during clashes": the clash comes after the killing told as its outcome
        told_before = [g for g in groups if any(drafts[k].outcome_of == d.trigger_token for k in g)]
        if told_before:
            told_before[0].append(i)
            continue
        if d.outcome_of is not None:
            # the outcome of another assault mention ("..., killing 12 civilians") joins it
            for g in groups:
                if any(drafts[k].trigger_token == d.outcome_of for k in g):
                    g.append(i)
                    placed = True
                    break
            if placed:
                continue
        if d.sense.lemma in OUTCOME_LEMMAS and not d.negated and d.modality == "actual" and groups:
            # "Guerrillas attacked a bus. Three people were killed.": deaths told right after an assault,
            # with nothing that contradicts it, are that assault's outcome
            g = groups[-1]
            last = drafts[g[-1]]
            rep = drafts[g[0]]
            near = last.sentence == d.sentence or 0 <= d.sentence.start - last.sentence.end <= 3
            a1 = next((drafts[k].actor1 for k in g if drafts[k].actor1), None)
            pl = next((drafts[k].place for k in g if drafts[k].place and not drafts[k].place_soft), None)
            d_place = None if d.place_soft else d.place
            if (
                near
                and rep.sense.plover == "ASSAULT"
                and not rep.negated
                and rep.modality == "actual"
                and _same(a1, d.actor1)
                and _place_compatible(pl, d_place, places)
            ):
                g.append(i)
                continue
        if _elaborates(drafts, groups, d, places):
            groups[-1].append(i)
            continue
        if d.anaphoric:
            # "the fighting", "the attack": the latest earlier happening of the same type
            for g in reversed(groups):
                if drafts[g[0]].sense.plover == d.sense.plover and not drafts[g[0]].negated:
                    g.append(i)
                    placed = True
                    break
            own_setting = d.time is not None or (d.place is not None and not d.place_soft)
            if placed or not (d.actor1 or d.actor2 or d.victims or own_setting):
                continue  # nothing to refer back to and nothing of its own: no event
        for g in groups:
            rep = drafts[g[0]]
            if rep.sense.plover != d.sense.plover or (rep.negated, rep.modality) != (d.negated, d.modality):
                continue
            # the same kind of happening: the same trigger word, or the same mode ("fell", "captured",
            # "occupying" are all seizures); two assaults by one actor are not one assault
            members = [drafts[k] for k in g]
            same_word = any(m.sense.lemma == d.sense.lemma or (m.mode and m.mode == d.mode) for m in members)
            same_day = _same_day(members, d, days)
            retold = (
                d.sense.plover == "ASSAULT"
                and same_day
                and _families_agree(members, d)
                and not _summary(members[0])
            )
            if not same_word and not retold:
                continue
            a1 = next((m.actor1 for m in members if m.actor1), None)
            a2 = next((m.actor2 for m in members if m.actor2), None)
            pl = next((m.place for m in members if m.place and not m.place_soft), None)
            d_place = None if d.place_soft else d.place
            vic = {v for m in members for v in m.victims}
            if not (_same(a1, d.actor1) and _same(a2, d.actor2) and _place_compatible(pl, d_place, places)):
                continue
            if vic and d.victims and not vic & set(d.victims):
                continue
            # something must tie them: a shared actor, or a shared place where one side names no actor
            shared = (a1 is not None and a1 == d.actor1) or (a2 is not None and a2 == d.actor2)
            no_actors = not (a1 or a2) or not (d.actor1 or d.actor2)
            shared = shared or (pl is not None and d_place is not None and no_actors)
            if not shared and not (same_day and d.sense.plover == "ASSAULT"):
                continue
            g.append(i)
            placed = True
            break
        if not placed:
            groups.append([i])
    return groups


def _elaborates(
    drafts: Sequence[DraftEvent], groups: list[list[int]], d: DraftEvent, places: dict[str, Place]
) -> bool:
    """An assault mention that names neither its own place nor its own time, told within a few sentences
    of the latest assault and conflicting with none of its participants, is a detail of that happening
    ("Guerrillas attacked the town of X on Monday. They destroyed the mayor's office.")."""
    if not groups or d.sense.plover != "ASSAULT" or d.negated or d.modality != "actual":
        return False
    if (d.place and not d.place_soft) or d.time:
        return False
    g = groups[-1]
    members = [drafts[k] for k in g]
    rep = members[0]
    if rep.sense.plover != "ASSAULT" or rep.negated or rep.modality != "actual" or _summary(rep):
        return False
    if not _families_agree(members, d):
        return False
    last = members[-1]
    if d.sentence.start - last.sentence.end > ELABORATION_GAP:
        return False  # details follow what they elaborate: in its sentence, or a sentence or two on
    a1 = next((m.actor1 for m in members if m.actor1), None)
    a2 = next((m.actor2 for m in members if m.actor2), None)
    vic = {v for m in members for v in m.victims}
    if vic and d.victims and not vic & set(d.victims):
        return False
    return _same(a1, d.actor1) and _same(a2, d.actor2)


def _summary(d: DraftEvent) -> bool:
    """A plural noun trigger ("several attacks", "clashes") sums up several happenings: a single one told
    after it is one of them, not a detail of one."""
    word = d.trigger.text.lower()
    return d.sense.pos == "noun" and word != d.sense.lemma and word.endswith("s")


def _same_day(members: Sequence[DraftEvent], d: DraftEvent, days: dict[str, tuple[dt.date, dt.date]]) -> bool:
    """Whether ``d`` and the group share a time told in the text, at most a day long, on the same day."""
    mine = days.get(d.time or "")
    if mine is None or mine[0] != mine[1]:
        return False
    return any(days.get(m.time or "") == mine for m in members)


def assemble(
    drafts: Sequence[DraftEvent],
    claims: Sequence[DraftClaim],
    places: Sequence[Place],
    times: Sequence[TimeExpr],
    id_prefix: str,
    published_time: TimeExpr | None,
) -> tuple[tuple[Event, ...], tuple[Claim, ...], tuple[Contradiction, ...], tuple[TimeExpr, ...]]:
    place_by_id = {p.id: p for p in places}
    fallback_place = article_place(places)
    days = {t.id: (t.start, t.end) for t in times if t.text}  # not the publication date itself
    groups = merge_mentions(drafts, place_by_id, days)
    groups.sort(key=lambda g: drafts[g[0]].trigger.span.start)
    event_of_draft: dict[int, str] = {}
    base_events: list[Event] = []
    for n, g in enumerate(groups):
        eid = f"{id_prefix}e{n + 1}"
        members = [drafts[k] for k in g]
        first = members[0]
        place: str | None = None
        for m in members:
            if not m.place_soft:
                place = _more_specific(place, m.place, place_by_id)
        if place is None:
            place = next((m.place for m in members if m.place), None)
        if place is None:
            place = fallback_place  # no place in its text: where the article is about (geo.eventplace)
        fat = [m.fatalities for m in members if m.fatalities is not None]
        injured = [m.injured for m in members if m.injured is not None]
        arrested = [m.arrested for m in members if m.arrested is not None]
        base_events.append(
            Event(
                id=eid,
                type=first.sense.plover,
                trigger=first.trigger,
                sentence=first.sentence,
                mode=next((m.mode for m in members if m.mode), None),
                acled=first.acled,
                actor1=next((m.actor1 for m in members if m.actor1), None),
                actor2=next((m.actor2 for m in members if m.actor2), None),
                victims=tuple(dict.fromkeys(v for m in members for v in m.victims)),
                place=place,
                time=next((m.time for m in members if m.time), None),
                fatalities=min(fat) if fat else None,
                injured=min(injured) if injured else None,
                arrested=min(arrested) if arrested else None,
                modality=first.modality,
                negated=all(m.negated for m in members),
                hedged=any(m.hedged for m in members),
                component=COMPONENT if len(g) > 1 else "coding",
            )
        )
        for k in g:
            event_of_draft[k] = eid

    # link claims: each event mention to the innermost claim whose content holds its trigger
    links: dict[int, list[str]] = {ci: [] for ci in range(len(claims))}
    for k, d in enumerate(drafts):
        if k not in event_of_draft:
            continue  # a mention that was dropped (an anaphor with nothing to refer to)
        holders = [ci for ci, c in enumerate(claims) if c.claim.content.contains(d.trigger.span)]
        if not holders:
            continue
        inner = min(holders, key=lambda ci: len(claims[ci].claim.content))
        if event_of_draft[k] not in links[inner]:
            links[inner].append(event_of_draft[k])
    order = sorted(range(len(claims)), key=lambda ci: claims[ci].claim.content.start)
    for pos, ci in enumerate(order):
        c = claims[ci]
        if not c.refers_back or links[ci]:
            continue
        nested = [p for p in order if p != ci and links[p] and c.claim.content.contains(claims[p].claim.span)]
        if nested:
            # "rejected Kyiv's claim that X": the denial is of the claim it contains
            links[ci] = [e for p in nested for e in links[p]]
            continue
        earlier = [
            p
            for p in reversed(order[:pos])
            if links[p] and claims[p].claim.source != c.claim.source and claims[p].claim.stance == "assert"
        ]
        if c.refers_to in ACCUSATION_NOUNS:
            # "denied the accusation": the accusation, not whatever was said last
            accusations = [
                p for p in earlier if (claims[p].claim.cue or "").lower().startswith(ACCUSING_CUES)
            ]
            earlier = accusations or earlier
        if earlier:
            links[ci] = list(links[earlier[0]])

    out_claims: list[Claim] = []
    claims_of_event: dict[str, list[str]] = {e.id: [] for e in base_events}
    for ci in order:
        draft = claims[ci].claim
        evs: list[str | None] = list(links[ci]) or [None]
        for j, ev_id in enumerate(evs):
            claim_id = draft.id if j == 0 else f"{draft.id}.{j + 1}"
            out_claims.append(replace(draft, id=claim_id, event=ev_id))
            if ev_id is not None:
                claims_of_event[ev_id].append(claim_id)

    # every event has a source: the outlet when nobody is quoted
    n_outlet = 0
    for e in base_events:
        if claims_of_event[e.id]:
            continue
        n_outlet += 1
        cid = f"{id_prefix}o{n_outlet}"
        out_claims.append(
            Claim(
                id=cid,
                source_kind="outlet",
                stance="assert",
                content=e.sentence,
                span=e.sentence,
                event=e.id,
                cue=None,
                component=COMPONENT,
            )
        )
        claims_of_event[e.id].append(cid)

    claim_by_id = {c.id: c for c in out_claims}
    time_ids = {t.id for t in times}
    out_times = list(times)
    used_published = False
    events: list[Event] = []
    contradictions: list[Contradiction] = []
    for e in base_events:
        cids = claims_of_event[e.id]
        linked = [claim_by_id[c] for c in cids]
        time = e.time
        if time is None:
            time = next((c.time for c in linked if c.time in time_ids), None)
        if time is None and published_time is not None:
            time = published_time.id
            used_published = True
        asserted = [c for c in linked if c.stance == "assert"]
        hedged = e.hedged or (bool(asserted) and all(c.hedged for c in asserted))
        denied = bool(linked) and all(c.stance == "deny" for c in linked)
        events.append(replace(e, claims=tuple(cids), time=time, hedged=hedged, denied=denied))
        asserts = [c for c in linked if c.stance == "assert" and c.source_kind != "outlet"]
        denies = [c for c in linked if c.stance == "deny"]
        if asserts and denies and {c.source for c in asserts} != {c.source for c in denies}:
            contradictions.append(
                Contradiction(
                    event=e.id,
                    claims=tuple(c.id for c in (*asserts, *denies)),
                    field="occurrence",
                    values=tuple(c.stance for c in (*asserts, *denies)),
                    component=COMPONENT,
                )
            )
    if used_published and published_time is not None:
        out_times.append(published_time)
    out_claims.sort(key=lambda c: (c.content.start, c.id))
    return tuple(events), tuple(out_claims), tuple(contradictions), tuple(out_times)


def publication_time(published_date: object, id_prefix: str) -> TimeExpr | None:
    """A time record standing for the publication date (empty span: it is not in the text)."""
    import datetime as dt

    if isinstance(published_date, dt.datetime):
        day = published_date.date()
    elif isinstance(published_date, dt.date):
        day = published_date
    else:
        return None
    return TimeExpr(
        id=f"{id_prefix}t0",
        text="",
        span=Span(0, 0),
        start=day,
        end=day,
        granularity="day",
        anchor="published",
        component="dates.publication",
    )
