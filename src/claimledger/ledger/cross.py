"""The cross-article ledger: reports of one happening in many articles merged into one ledger event.

API (stable):

- ``CrossLedger``: frozen; ``events: tuple[LedgerEvent, ...]`` (sorted by id) and
  ``contradictions: tuple[LedgerContradiction, ...]`` (sorted by event id, field); ``event(id)`` and
  ``event_of(article_id, event_id)`` look-ups.
- ``build_ledger(ledgers: Iterable[ArticleLedger], config: Config) -> CrossLedger``.
- ``LedgerBuilder(config)``: ``add(ledger) -> None`` (an article already added is replaced, so re-ingesting
  changes nothing) and ``result() -> CrossLedger``.

Merging (rules in ``claimledger.ledger.compat``, tolerances ``config.ledger_days`` / ``config.ledger_km``):
reports are taken in a canonical order (date, article id, event id), so the result does not depend on the
order the articles come in. A report joins the existing ledger event it agrees with best, when it is
compatible with every report already there (complete linkage: no chain of near-misses merges two distinct
happenings), at least one of them agrees on some field (place or actor: a shared date and type alone are
not enough), and the event holds no other report of its article (an article's own ledger already told its
happenings apart). Candidates are looked up by (type family, country, day), so the work grows with the
number of reports. A report without a usable date (none, or one spanning more than
``items.MAX_SPAN_DAYS`` days) stays alone. A denied or negated report joins the happening it denies and
makes it contested.

A ledger event's id is ``"L"`` + 12 hex digits of the SHA-1 of its earliest report's
``article_id/event_id`` (earliest by publication date, then article id, then event id): stable when the
same articles are ingested again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from claimledger.config import Config
from claimledger.ledger import contradictions as contra
from claimledger.ledger.compat import Tolerances, agreement
from claimledger.ledger.corroboration import independent_sources, is_contested, outlet_voices
from claimledger.ledger.items import ReportItem, report_items
from claimledger.types import Article, ArticleLedger, LedgerContradiction, LedgerEvent, Report

log = logging.getLogger(__name__)
COMPONENT = "ledger.cross"


@dataclass(frozen=True, slots=True)
class CrossLedger:
    events: tuple[LedgerEvent, ...] = ()
    contradictions: tuple[LedgerContradiction, ...] = ()

    def event(self, event_id: str) -> LedgerEvent | None:
        return next((e for e in self.events if e.id == event_id), None)

    def event_of(self, article_id: str, event_id: str) -> LedgerEvent | None:
        """The ledger event that holds an article's event."""
        for event in self.events:
            if any(r.article_id == article_id and r.event_id == event_id for r in event.reports):
                return event
        return None


@dataclass
class _Cluster:
    index: int
    members: list[ReportItem] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)


def ledger_event_id(article_id: str, event_id: str) -> str:
    return "L" + hashlib.sha1(f"{article_id}/{event_id}".encode()).hexdigest()[:12]


def _order(item: ReportItem) -> tuple[dt.date, str, str]:
    return (item.start or dt.date.max, item.article_id, item.event_id)


def cluster(items: Iterable[ReportItem], tol: Tolerances) -> list[list[ReportItem]]:
    """The reports grouped into happenings (see the module docstring), each group in canonical order."""
    clusters: list[_Cluster] = []
    index: dict[tuple[str, str, int], list[int]] = {}  # (family, country, day) -> cluster indexes
    countries: dict[str, set[str]] = {}  # family -> countries indexed
    for item in sorted(items, key=_order):
        best: tuple[int, int] | None = None  # (-score, cluster index)
        if item.start is not None and item.end is not None:
            country = item.place.country if item.place is not None and item.place.country else ""
            looked = {country, ""} if country else countries.get(item.family, set()) | {""}
            seen: set[int] = set()
            first, last = item.start.toordinal() - tol.days, item.end.toordinal() + tol.days
            for c in sorted(looked):
                for day in range(first, last + 1):
                    seen.update(index.get((item.family, c, day), ()))
            for k in sorted(seen):
                candidate = clusters[k]
                if item.article_id in candidate.articles:
                    continue
                scores = [agreement(item, m, tol) for m in candidate.members]
                if any(s is None for s in scores):
                    continue
                score = max(s for s in scores if s is not None)
                if score >= 1 and (best is None or (-score, k) < best):
                    best = (-score, k)
        if best is None:
            chosen = _Cluster(len(clusters))
            clusters.append(chosen)
        else:
            chosen = clusters[best[1]]
        chosen.members.append(item)
        chosen.articles.add(item.article_id)
        if item.start is not None and item.end is not None:
            country = item.place.country if item.place is not None and item.place.country else ""
            countries.setdefault(item.family, set()).add(country)
            for day in range(item.start.toordinal(), item.end.toordinal() + 1):
                keys = index.setdefault((item.family, country, day), [])
                if not keys or keys[-1] != chosen.index:
                    keys.append(chosen.index)
    return [c.members for c in clusters]


def _report(item: ReportItem) -> Report:
    return Report(item.article_id, item.event_id, item.outlet, item.published, item.event.occurred)


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], v))


def assemble(
    members: list[ReportItem], voices: dict[str, str]
) -> tuple[LedgerEvent, list[LedgerContradiction]]:
    """One ledger event from a group of reports, with the contradictions about it."""
    reports = sorted(members, key=lambda m: m.sort_key)
    first = reports[0]
    event_id = ledger_event_id(first.article_id, first.event_id)
    happened = [m for m in reports if m.event.occurred] or reports
    claims = tuple(c for m in reports for c in m.claims)
    actor1 = next((m.actor1 for m in happened if m.actor1 is not None), None)
    actor2 = next((m.actor2 for m in happened if m.actor2 is not None), None)
    placed = sorted(
        (m for m in happened if m.place is not None), key=lambda m: (m.place.rank if m.place else 9,)
    )
    place = placed[0].place if placed else None
    dated = sorted(
        (m for m in happened if m.start is not None and m.end is not None),
        key=lambda m: ((m.end - m.start).days if m.end and m.start else 0, m.sort_key),
    )
    figures = [(m.event.fatalities, m.claims) for m in happened if m.event.fatalities is not None]
    acled_of = {
        f"{m.event.acled.event_type}|{m.event.acled.sub_event_type}": m.event.acled
        for m in happened
        if m.event.acled is not None
    }
    acled_key = _most_common(
        f"{m.event.acled.event_type}|{m.event.acled.sub_event_type}"
        for m in happened
        if m.event.acled is not None
    )
    found: list[LedgerContradiction] = []
    occurrence = contra.occurrence(event_id, claims, voices)
    found.extend([occurrence] if occurrence is not None else [])
    fatal = contra.fatalities(event_id, [(f, c) for f, c in figures if f is not None], voices)
    found.extend([fatal] if fatal is not None else [])
    acled = acled_of[acled_key] if acled_key is not None else None
    if acled is not None and acled.sub_event_type in contra.TERRITORY_SUBTYPES:
        held = contra.control(event_id, actor1.name if actor1 else None, claims, voices)
        found.extend([held] if held is not None else [])
    sources = independent_sources(claims, voices)
    event = LedgerEvent(
        id=event_id,
        type=first.type,
        reports=tuple(_report(m) for m in reports),
        mode=_most_common(m.mode for m in happened),
        acled=acled,
        actor1=actor1.key if actor1 else None,
        actor2=actor2.key if actor2 else None,
        actor1_name=actor1.name if actor1 else None,
        actor2_name=actor2.name if actor2 else None,
        place_name=place.name if place else None,
        country=place.country if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        start=dated[0].start if dated else None,
        end=dated[0].end if dated else None,
        fatalities=min((f for f, _ in figures if f is not None), default=None),
        claims=claims,
        sources=sources,
        corroboration=len(sources),
        contested=is_contested(claims, found),
        component=COMPONENT,
    )
    return event, found


class LedgerBuilder:
    """Builds a ``CrossLedger`` from article ledgers added one at a time (in any order)."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self._items: dict[str, list[ReportItem]] = {}
        self._articles: dict[str, Article] = {}

    def add(self, ledger: ArticleLedger) -> None:
        """Add (or replace) one article's ledger."""
        self._items[ledger.article.id] = report_items(ledger)
        self._articles[ledger.article.id] = ledger.article

    def __len__(self) -> int:
        return len(self._articles)

    def result(self) -> CrossLedger:
        tol = Tolerances.of(self.config)
        voices = outlet_voices(self._articles.values(), self.config.near_duplicate)
        items = [i for k in sorted(self._items) for i in self._items[k]]
        events: list[LedgerEvent] = []
        found: list[LedgerContradiction] = []
        for members in cluster(items, tol):
            event, contradictions = assemble(members, voices)
            events.append(event)
            found.extend(contradictions)
        events.sort(key=lambda e: e.id)
        found.extend(contra.control_conflicts(events, tol.days, tol.km))
        if found:
            contested = {c.event for c in found}
            events = [e if e.contested or e.id not in contested else _contested(e) for e in events]
        found.sort(key=lambda c: (c.event, c.field, tuple((x.article_id, x.claim_id) for x in c.claims)))
        log.debug("cross-article ledger: %d reports -> %d events", len(items), len(events))
        return CrossLedger(tuple(events), tuple(found))


def _contested(event: LedgerEvent) -> LedgerEvent:
    return replace(event, contested=True)


def build_ledger(ledgers: Iterable[ArticleLedger], config: Config) -> CrossLedger:
    """The cross-article ledger of ``ledgers`` (see the module docstring)."""
    builder = LedgerBuilder(config)
    for ledger in ledgers:
        builder.add(ledger)
    return builder.result()
