"""Whether two reports (``ReportItem``) may tell of one happening, and how strongly they agree.

API (stable):

- ``Tolerances(days: int, km: float)`` (``Tolerances.of(config)``).
- ``agreement(a: ReportItem, b: ReportItem, tol: Tolerances) -> int | None``: None when the two cannot be
  one happening; else the number of agreeing fields (0 = nothing conflicts but nothing positively agrees).

Rules: same merge family (ASSAULT sub-kinds together; other PLOVER types must be equal, and their modes
when both have one); same modality ("actual" with "actual": a denied or negated report still joins the
happening it denies); dates overlapping within ``days``; places: countries equal, and coordinates within
``km`` — or, without coordinates, the same admin2/admin1 name — unless one place contains the other (a
country or an admin1 holding the other); actors: canonical ids or normalised names agree (in either
role order, since "A clashed with B" and "B clashed with A" tell one happening); an unknown actor is
compatible with anything.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from claimledger.config import Config
from claimledger.ledger.items import ActorRef, PlaceRef, ReportItem

EARTH_KM = 6371.0088


@dataclass(frozen=True, slots=True)
class Tolerances:
    days: int
    km: float

    @classmethod
    def of(cls, config: Config) -> Tolerances:
        return cls(days=config.ledger_days, km=config.ledger_km)


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def actors_agree(a: ActorRef, b: ActorRef) -> bool:
    if a.canonical and b.canonical:
        return a.canonical == b.canonical
    if a.country and b.country and a.country != b.country:
        return False
    return bool(a.names & b.names)


def _role(a: ActorRef | None, b: ActorRef | None) -> int | None:
    """1 agree, 0 unknown on a side, None conflict."""
    if a is None or b is None:
        return 0
    return 1 if actors_agree(a, b) else None


def actor_agreement(a: ReportItem, b: ReportItem) -> int | None:
    straight = [_role(a.actor1, b.actor1), _role(a.actor2, b.actor2)]
    swapped = [_role(a.actor1, b.actor2), _role(a.actor2, b.actor1)]
    scores = [sum(x for x in straight if x is not None)] if None not in straight else []
    if None not in swapped and sum(x for x in swapped if x is not None) > 0:
        scores.append(sum(x for x in swapped if x is not None))  # swapped roles only where an actor agrees
    return max(scores) if scores else None


def place_agreement(a: PlaceRef | None, b: PlaceRef | None, km: float) -> int | None:
    """1 the places agree, 0 one is unknown or only a country, None they conflict."""
    if a is None or b is None:
        return 0
    if a.country and b.country and a.country != b.country:
        return None
    wide, narrow = (a, b) if a.rank >= b.rank else (b, a)
    if wide.kind == "country":
        return 0 if not narrow.country or wide.country == narrow.country else None
    if wide.kind == "admin1" and narrow.admin1 is not None and wide.admin1 == narrow.admin1:
        return 1
    if wide.kind == "admin2" and narrow.admin2 is not None and wide.admin2 == narrow.admin2:
        return 1
    if a.lat is not None and a.lon is not None and b.lat is not None and b.lon is not None:
        return 1 if km_between(a.lat, a.lon, b.lat, b.lon) <= km else None
    for level in ("admin2", "admin1"):
        x, y = getattr(a, level), getattr(b, level)
        if x is not None and y is not None:
            return 1 if x == y else None
    return 1 if a.name.casefold() == b.name.casefold() else None


def dates_agree(a: ReportItem, b: ReportItem, days: int) -> bool:
    if a.start is None or a.end is None or b.start is None or b.end is None:
        return False
    return (a.start - b.end).days <= days and (b.start - a.end).days <= days


def family_agrees(a: ReportItem, b: ReportItem) -> bool:
    if a.family != b.family:
        return False
    if a.type == "ASSAULT" or a.mode is None or b.mode is None:
        return True
    return a.mode == b.mode


def agreement(a: ReportItem, b: ReportItem, tol: Tolerances) -> int | None:
    """None when ``a`` and ``b`` cannot be one happening, else their number of agreeing fields."""
    if a.article_id == b.article_id and a.event_id != b.event_id:
        return None  # the article's own ledger already told its happenings apart
    if not family_agrees(a, b) or a.event.modality != b.event.modality:
        return None
    if not dates_agree(a, b, tol.days):
        return None
    place = place_agreement(a.place, b.place, tol.km)
    if place is None:
        return None
    actors = actor_agreement(a, b)
    if actors is None:
        return None
    return place + actors
