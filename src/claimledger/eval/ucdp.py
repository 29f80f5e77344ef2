"""The ``ucdp`` dataset: UCDP GED events (Afghanistan, partial) → point, date and deaths from the headlines.

Layout (``--path`` may name any copy in it): a folder holding one GeoJSON ``FeatureCollection`` file
(``*.geojson``; the shared copy: ``clean_conflicts.geojson``), or that file itself. Each feature is one UCDP
event: ``geometry`` its point (lon, lat) and ``properties`` with ``id``, ``source_art`` (the sources it was
coded from: outlets, dates and quoted headlines, often cut short), ``source_dat`` (the sources' dates, where
present), ``adm_2`` (the district, e.g. ``Nad Ali district (Marja)``; may be null), ``date_start``,
``date_end``, ``deaths_a`` and ``deaths_b``.

Each event's article is its headlines (``ucdp_sources.parse_sources``), one paragraph each, published on the
earliest source date (a source's own date is metadata of the news item, not UCDP's coding). The outlets'
names and places are left out. An event whose sources quote no headline has no article and counts as
missed in every metric. The predicted event is the ledger's main event (``case2021.main_event``). Metrics,
every one over all events (the ones with no article included) unless said otherwise:

- ``geo_within_25km``, ``geo_within_100km``: the main event's place has coordinates within 25 / 100 km
  (great circle) of UCDP's point;
- ``admin_match`` (over the events whose ``adm_2`` names a district): the district of our place (its
  ``admin2``, or its name when it is a second-level division) is UCDP's district: the name before any
  bracket, or the bracketed alternative, compared after dropping "district" by ``names_match`` (equal
  ASCII-folded keys, equal romanisation-variant keys, or a close string match, ``DISTRICT_SIMILARITY``);
- ``date_acc``: our event's time, a range of at most 7 days, overlaps UCDP's ``date_start``–``date_end``;
- ``deaths_exact``: our fatality figure (none counts as 0) equals ``deaths_a + deaths_b`` (this partial copy
  keeps the two sides' deaths only, not the civilian and unknown ones of UCDP's best estimate).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimledger.config import Config
from claimledger.errors import EvalError, InputError
from claimledger.eval.base import Detail, EvalResult, Extractor
from claimledger.eval.case2021 import main_event
from claimledger.eval.matching import haversine_km, safe_ratio
from claimledger.eval.polnear import extract_all
from claimledger.eval.ucdp_sources import parse_sources
from claimledger.geo.fuzzy import names_match
from claimledger.ingest.text import article_from_text
from claimledger.types import Article, ArticleLedger, Event, Place, TimeExpr

log = logging.getLogger(__name__)

METRICS: tuple[str, ...] = ("geo_within_25km", "geo_within_100km", "admin_match", "date_acc", "deaths_exact")
NEAR_KM = 25.0
FAR_KM = 100.0
MAX_RANGE_DAYS = 7
DISTRICT_SIMILARITY = 0.8
_DISTRICT_WORD = re.compile(r"\bdistrict\b", re.IGNORECASE)
_BRACKETED = re.compile(r"\(([^)]*)\)")


@dataclass(frozen=True, slots=True)
class UcdpEvent:
    """One gold UCDP event and the text it was coded from."""

    event_id: str
    headlines: tuple[str, ...]
    published: dt.date | None
    lat: float
    lon: float
    districts: tuple[str, ...]  # UCDP's adm_2: the name and any bracketed alternative; empty if none
    date_start: dt.date
    date_end: dt.date
    deaths: int


# --------------------------------------------------------------------------- reading


def geojson_file(path: Path) -> Path:
    """The GeoJSON file of a copy: ``path`` itself, or the one ``*.geojson`` file in the folder ``path``."""
    if path.is_file():
        return path
    found = sorted(path.glob("*.geojson"))
    if len(found) != 1:
        raise EvalError(f"{path}: expected one *.geojson file in a UCDP copy, found {len(found)}")
    return found[0]


def load_ucdp(path: Path) -> list[UcdpEvent]:
    """The events of a UCDP GeoJSON copy (see the module docstring)."""
    where = geojson_file(path)
    try:
        data = json.loads(where.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvalError(f"{where}: cannot read the GeoJSON: {exc}") from exc
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise EvalError(f"{where}: not a GeoJSON FeatureCollection (no 'features' list)")
    return [parse_feature(f, f"{where}#{n}") for n, f in enumerate(features)]


def parse_feature(feature: Any, where: str) -> UcdpEvent:
    """One feature as a ``UcdpEvent``; ``EvalError`` naming ``where`` if a needed field is missing or bad."""
    try:
        props = feature["properties"]
        lon, lat = (float(v) for v in feature["geometry"]["coordinates"][:2])
        sources = parse_sources(str(props.get("source_art") or ""), props.get("source_dat"))
        return UcdpEvent(
            event_id=str(props["id"]),
            headlines=sources.headlines,
            published=sources.earliest,
            lat=lat,
            lon=lon,
            districts=district_names(props.get("adm_2")),
            date_start=dt.date.fromisoformat(str(props["date_start"])),
            date_end=dt.date.fromisoformat(str(props["date_end"])),
            deaths=int(float(props.get("deaths_a") or 0)) + int(float(props.get("deaths_b") or 0)),
        )
    except (KeyError, TypeError, ValueError, IndexError) as exc:
        raise EvalError(f"{where}: not a UCDP event feature: {type(exc).__name__}: {exc}") from exc


def district_names(adm_2: object) -> tuple[str, ...]:
    """ "Nad Ali district (Marja)" → ("Nad Ali", "Marja"); None or "" → ()."""
    if not isinstance(adm_2, str) or not adm_2.strip():
        return ()
    names = [_BRACKETED.sub(" ", adm_2), *_BRACKETED.findall(adm_2)]
    out = [" ".join(_DISTRICT_WORD.sub(" ", n).split()) for n in names]
    return tuple(dict.fromkeys(n for n in out if n))


def event_article(event: UcdpEvent) -> Article:
    """The headlines as an article, one paragraph each, published on the earliest source date."""
    paragraphs = [h if h[-1] in ".!?" else f"{h}." for h in event.headlines]
    return article_from_text(
        "\n\n".join(paragraphs),
        origin=f"ucdp:{event.event_id}",
        published=event.published,
        config=Config(languages=()),
    )


# --------------------------------------------------------------------------- scoring


class _Tally:
    def __init__(self) -> None:
        self.hits = dict.fromkeys(METRICS, 0)
        self.totals = dict.fromkeys(METRICS, 0)

    def add(self, metric: str, ok: bool) -> None:
        self.totals[metric] += 1
        self.hits[metric] += ok

    def metrics(self) -> dict[str, float]:
        return {m: safe_ratio(self.hits[m], self.totals[m]) for m in METRICS}


def _place(ledger: ArticleLedger, event: Event | None) -> Place | None:
    if event is None or event.place is None:
        return None
    return next((p for p in ledger.places if p.id == event.place), None)


def _time(ledger: ArticleLedger, event: Event | None) -> TimeExpr | None:
    if event is None or event.time is None:
        return None
    return next((t for t in ledger.times if t.id == event.time), None)


def our_district(place: Place | None) -> str | None:
    """The second-level division our place is (or lies in), if known."""
    if place is None:
        return None
    return place.name if place.kind == "admin2" else place.admin2


def score_event(gold: UcdpEvent, ledger: ArticleLedger | None, tally: _Tally) -> Detail:
    """Adds the event's agreements to ``tally``; the event's detail line."""
    event = main_event(ledger) if ledger is not None else None
    place = _place(ledger, event) if ledger is not None else None
    km: float | None = None
    if place is not None and place.lat is not None and place.lon is not None:
        km = haversine_km(place.lat, place.lon, gold.lat, gold.lon)
    tally.add("geo_within_25km", km is not None and km <= NEAR_KM)
    tally.add("geo_within_100km", km is not None and km <= FAR_KM)
    district = our_district(place)
    if gold.districts:
        tally.add(
            "admin_match",
            district is not None
            and any(names_match(district, d, DISTRICT_SIMILARITY) for d in gold.districts),
        )
    when = _time(ledger, event) if ledger is not None else None
    tally.add(
        "date_acc",
        when is not None
        and (when.end - when.start).days <= MAX_RANGE_DAYS
        and when.start <= gold.date_end
        and gold.date_start <= when.end,
    )
    ours_deaths = event.fatalities if event is not None and event.fatalities is not None else 0
    tally.add("deaths_exact", ours_deaths == gold.deaths)
    gold_text = (
        f"point ({gold.lat:.3f}, {gold.lon:.3f}) district {'/'.join(gold.districts) or '-'} "
        f"{gold.date_start}..{gold.date_end} deaths {gold.deaths}"
    )
    if ledger is None:
        return Detail("event", gold.event_id, False, f"no headline; gold {gold_text}")
    if event is None:
        return Detail("event", gold.event_id, False, f"no event; gold {gold_text}")
    where = (
        f"{place.name} ({place.kind}, {km:.0f} km)" if place is not None and km is not None else "no point"
    )
    span = f"{when.start}..{when.end}" if when is not None else "no time"
    return Detail(
        "event",
        gold.event_id,
        km is not None and km <= FAR_KM,
        f"{event.type} {event.trigger.text!r} at {where}, district {district or '-'}, {span}, "
        f"deaths {ours_deaths}; gold {gold_text}",
    )


@dataclass(frozen=True, slots=True)
class UcdpDataset:
    """``claimledger eval ucdp``: geocoding, dates and deaths of UCDP GED events from their headlines."""

    name: str = "ucdp"

    def default_path(self, shared: Path) -> Path:
        return shared / "eval" / "ucdp_ged_afghanistan_partial"

    def run(self, path: Path, extractor: Extractor) -> EvalResult:
        started = time.perf_counter()
        events = load_ucdp(path)
        notes: list[str] = []
        articles: dict[int, Article] = {}
        for k, event in enumerate(events):
            if not event.headlines:
                continue
            try:
                articles[k] = event_article(event)
            except InputError as exc:
                notes.append(f"{event.event_id}: not extracted (scored as missed): {exc.message}")
        ledgers = dict(zip(articles, extract_all(extractor, list(articles.values())), strict=True))
        tally = _Tally()
        details = [score_event(e, ledgers.get(k), tally) for k, e in enumerate(events)]
        notes.insert(
            0,
            f"{len(articles)}/{len(events)} events have headlines to read; the others count as missed. "
            "Each article is published on its earliest source date; outlets' names and places are left out",
        )
        notes.extend(f"{m}: {tally.hits[m]}/{tally.totals[m]}" for m in METRICS)
        return EvalResult(
            dataset=self.name,
            docs=len(events),
            metrics=tally.metrics(),
            config=extractor.config_dict(),
            model=extractor.model,
            seconds=round(time.perf_counter() - started, 3),
            notes=tuple(notes),
            details=tuple(details),
        )
