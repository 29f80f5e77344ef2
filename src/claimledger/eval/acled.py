"""The ``acled`` dataset: an ACLED export's notes → our coded fields, against ACLED's own coding.

No ACLED data ships with us (its licence); ``claimledger eval acled --path FILE.csv`` scores any export
that has the codebook's standard columns: ``event_date``, ``event_type``, ``sub_event_type``, ``actor1``,
``actor2``, ``admin1``, ``location``, ``latitude``, ``longitude``, ``fatalities``, ``notes`` (``admin2``,
``geo_precision`` and ``source`` where present). Column names are matched without regard to case; other
columns (an unnamed index column included) and the column order do not matter. ``event_date`` may be in
any of ACLED's export forms: ``28 September 2019``, ``28-September-2019``, ``2019-09-28``,
``2019-09-28T00:00:00Z``, ``28/09/2019``.

Each row's ``notes`` is the article text, extracted with **no publication date**: passing ``event_date`` or
any other gold column to the pipeline would score ACLED's coding against itself. A row without notes is
skipped with a note; a row whose gold value of a field cannot be read (a date in no known form, a
non-numeric coordinate) is left out of that field's metric, with a note.

The row's predicted event is the ledger's main event (``case2021.main_event``: among the events that
occurred, the first political violence or demonstration event, else the first). Metrics:

- ``event_type_acc``, ``sub_event_type_acc``: our ACLED event type / sub-event type equals ACLED's (case-
  insensitive); no event counts wrong;
- ``actor1_acc``, ``actor2_acc``: over the rows where ACLED names the actor: our actor's name or one of its
  aliases, or its affiliation's, matches ACLED's name with text in parentheses removed ("Military Forces of
  Nigeria (2015-2023)" → "Military Forces of Nigeria"): equal after folding case, accents and punctuation,
  or one contains the other as whole words;
- ``admin1_acc``: our place's first-level division (or the place itself when it is one) equals ACLED's
  ``admin1`` after folding;
- ``geo_within_25km``: our place has coordinates within 25 km of ACLED's point;
- ``date_acc``: ACLED's day lies within our event's time, a range of at most 7 days;
- ``fatalities_exact``: our figure equals ACLED's, no figure counting as 0.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import math
import re
import time
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from claimledger.config import Config
from claimledger.errors import EvalError, InputError
from claimledger.eval.base import Detail, EvalResult, Extractor
from claimledger.eval.case2021 import main_event
from claimledger.eval.matching import safe_ratio
from claimledger.eval.polnear import extract_all
from claimledger.ingest.text import article_from_text
from claimledger.types import Actor, Article, ArticleLedger, Event, Place, TimeExpr

log = logging.getLogger(__name__)

REQUIRED_COLUMNS: tuple[str, ...] = (
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "actor2",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "fatalities",
    "notes",
)
OPTIONAL_COLUMNS: tuple[str, ...] = ("admin2", "geo_precision", "source")
METRICS: tuple[str, ...] = (
    "event_type_acc",
    "sub_event_type_acc",
    "actor1_acc",
    "actor2_acc",
    "admin1_acc",
    "geo_within_25km",
    "date_acc",
    "fatalities_exact",
)
MAX_RANGE_DAYS = 7
GEO_KM = 25.0
_DATE_FORMATS = ("%d %B %Y", "%d-%B-%Y", "%d %b %Y", "%d-%b-%Y", "%d/%m/%Y", "%d-%m-%Y", "%B %d, %Y")


@dataclass(frozen=True, slots=True)
class AcledRow:
    """One export row; ``origin`` is ``file:line`` (the row's first line)."""

    origin: str
    notes: str
    event_date: str
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    admin1: str
    location: str
    latitude: str
    longitude: str
    fatalities: str


def parse_event_date(value: str) -> dt.date:
    """ACLED's ``event_date`` in any of its export forms; ``ValueError`` naming the value otherwise."""
    text = value.strip()
    iso = re.match(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$", text)
    if iso:
        return dt.date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(f"event_date {value!r} is in no ACLED export form")


def fold(name: str) -> str:
    """Case-, accent- and punctuation-folded name with text in parentheses removed."""
    name = re.sub(r"\([^)]*\)", " ", name)
    name = unicodedata.normalize("NFKD", name)
    name = "".join(c for c in name if not unicodedata.combining(c)).lower()
    return " ".join(re.sub(r"[^\w]+", " ", name).split())


def names_match(ours: str, gold: str) -> bool:
    """Equal after ``fold``, or one contains the other as whole words."""
    a, b = fold(ours), fold(gold)
    if not a or not b:
        return False
    if a == b:
        return True
    return f" {a} " in f" {b} " or f" {b} " in f" {a} "


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius 6,371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def parse_csv(text: str, origin: str) -> list[AcledRow]:
    """The rows of one export; ``EvalError`` naming ``origin`` when a required column is missing."""
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    try:
        header = next(reader)
    except StopIteration as exc:
        raise EvalError(f"{origin}: empty file (expected an ACLED export with a header row)") from exc
    names = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    if missing:
        raise EvalError(f"{origin}:1: header lacks ACLED column(s) {', '.join(missing)}")
    col = {c: names.index(c) for c in REQUIRED_COLUMNS}
    rows: list[AcledRow] = []
    for fields in reader:
        line = reader.line_num
        if not any(f.strip() for f in fields):
            continue
        if len(fields) < len(names):
            fields = [*fields, *[""] * (len(names) - len(fields))]
        rows.append(AcledRow(f"{origin}:{line}", **{c: fields[i].strip() for c, i in col.items()}))
    return rows


def load_acled(path: Path) -> list[AcledRow]:
    """Every row of the export ``path`` (a CSV file)."""
    if not path.is_file():
        raise EvalError(f"{path}: not a file (claimledger eval acled --path names an ACLED export CSV)")
    try:
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise EvalError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise EvalError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    return parse_csv(text, str(path))


class _Tally:
    def __init__(self) -> None:
        self.hits = dict.fromkeys(METRICS, 0)
        self.totals = dict.fromkeys(METRICS, 0)

    def add(self, metric: str, ok: bool) -> None:
        self.totals[metric] += 1
        self.hits[metric] += ok

    def metrics(self) -> dict[str, float]:
        return {m: safe_ratio(self.hits[m], self.totals[m]) for m in METRICS}


def _actor_names(ledger: ArticleLedger, actor_id: str | None) -> list[str]:
    by_id: dict[str, Actor] = {a.id: a for a in ledger.actors}
    actor = by_id.get(actor_id or "")
    if actor is None:
        return []
    names = [actor.name, *actor.aliases]
    parent = by_id.get(actor.affiliation or "")
    if parent is not None:
        names.extend([parent.name, *parent.aliases])
    return names


def _place(ledger: ArticleLedger, event: Event | None) -> Place | None:
    if event is None or event.place is None:
        return None
    return next((p for p in ledger.places if p.id == event.place), None)


def _time(ledger: ArticleLedger, event: Event | None) -> TimeExpr | None:
    if event is None or event.time is None:
        return None
    return next((t for t in ledger.times if t.id == event.time), None)


def score_row(row: AcledRow, ledger: ArticleLedger | None, tally: _Tally, notes: list[str]) -> Detail:
    """Adds the row's agreements to ``tally``; the row's detail line."""
    event = main_event(ledger) if ledger is not None else None
    acled = event.acled if event is not None else None
    tally.add("event_type_acc", acled is not None and fold(acled.event_type) == fold(row.event_type))
    tally.add(
        "sub_event_type_acc", acled is not None and fold(acled.sub_event_type) == fold(row.sub_event_type)
    )
    for metric, gold, ours in (
        ("actor1_acc", row.actor1, event.actor1 if event else None),
        ("actor2_acc", row.actor2, event.actor2 if event else None),
    ):
        if gold:
            names = _actor_names(ledger, ours) if ledger is not None else []
            tally.add(metric, any(names_match(n, gold) for n in names))
    place = _place(ledger, event) if ledger is not None else None
    if row.admin1:
        ours_admin1 = None
        if place is not None:
            ours_admin1 = place.name if place.kind == "admin1" else place.admin1
        tally.add("admin1_acc", ours_admin1 is not None and fold(ours_admin1) == fold(row.admin1))
    try:
        lat, lon = float(row.latitude), float(row.longitude)
    except ValueError:
        notes.append(f"{row.origin}: latitude/longitude {row.latitude!r}, {row.longitude!r} not numbers")
    else:
        near = (
            place is not None
            and place.lat is not None
            and place.lon is not None
            and km_between(place.lat, place.lon, lat, lon) <= GEO_KM
        )
        tally.add("geo_within_25km", near)
    try:
        day = parse_event_date(row.event_date)
    except ValueError as exc:
        notes.append(f"{row.origin}: {exc}")
    else:
        when = _time(ledger, event) if ledger is not None else None
        tally.add(
            "date_acc",
            when is not None
            and (when.end - when.start).days <= MAX_RANGE_DAYS
            and when.start <= day <= when.end,
        )
    try:
        gold_fat = int(float(row.fatalities or "0"))
    except ValueError:
        notes.append(f"{row.origin}: fatalities {row.fatalities!r} is not a number")
    else:
        ours_fat = event.fatalities if event is not None and event.fatalities is not None else 0
        tally.add("fatalities_exact", ours_fat == gold_fat)
    if event is None:
        return Detail("row", row.origin, False, "no event")
    sub = acled.sub_event_type if acled else "-"
    ok = acled is not None and fold(sub) == fold(row.sub_event_type)
    return Detail(
        "row", row.origin, ok, f"{event.type} / {sub} {event.trigger.text!r}; gold {row.sub_event_type}"
    )


def row_article(row: AcledRow) -> Article:
    """The row's notes as an article: no publication date, no language check."""
    return article_from_text(row.notes, origin=row.origin, config=Config(languages=()))


@dataclass(frozen=True, slots=True)
class AcledDataset:
    """``claimledger eval acled --path EXPORT.csv``."""

    name: str = "acled"

    def default_path(self, shared: Path) -> Path:
        return shared / "eval" / "acled" / "acled.csv"

    def run(self, path: Path, extractor: Extractor) -> EvalResult:
        started = time.perf_counter()
        rows = load_acled(path)
        notes: list[str] = []
        articles: dict[int, Article] = {}
        for k, row in enumerate(rows):
            if not row.notes:
                notes.append(f"{row.origin}: no notes: row skipped")
                continue
            try:
                articles[k] = row_article(row)
            except InputError as exc:
                notes.append(f"{row.origin}: not extracted (scored as no event): {exc.message}")
        ledgers = dict(zip(articles, extract_all(extractor, list(articles.values())), strict=True))
        tally = _Tally()
        details: list[Detail] = []
        scored = 0
        for k, row in enumerate(rows):
            if not row.notes:
                continue
            scored += 1
            details.append(score_row(row, ledgers.get(k), tally, notes))
        notes.insert(0, "no publication date is passed: every date comes from the notes' own words")
        notes.extend(f"{m}: {tally.hits[m]}/{tally.totals[m]}" for m in METRICS)
        return EvalResult(
            dataset=self.name,
            docs=scored,
            metrics=tally.metrics(),
            config=extractor.config_dict(),
            model=extractor.model,
            seconds=round(time.perf_counter() - started, 3),
            notes=tuple(notes),
            details=tuple(details),
        )
