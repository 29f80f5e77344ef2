"""The ``muc34`` dataset: terrorist incidents in MUC-3/4 wire reports, scored against the answer keys.

Layout (``--path`` may name any copy in it): a folder holding ``muc34_docs.jsonl`` (one document a line:
``doc_id``, ``split``, ``text``, optional ``text_mixed_case``, ``dateline_date``) and
``muc34_templates.jsonl`` (one template a line: the MUC slots verbatim plus ``doc_id``); ``--path`` may also
name the docs file itself (the templates file beside it).

Splits: every split the copy holds except ``dev`` is scored (the shared copy: ``tst1`` and ``tst2``);
``dev`` is for development and is scored only when asked for by name: ``Muc34Dataset(splits=("dev",))``,
registered as ``claimledger eval muc34-dev``, or a copy holding nothing but ``dev`` documents (eval.md: a
copy scores every document it holds).

Each document's article is its ``text_mixed_case`` where it has one, else its ``text``, built with
``article_from_text(text, origin=doc_id, published=..., config=Config(languages=()))``. ``published`` is
the dateline's date (``3 JAN 90`` → 1990-01-03, two-digit years 19xx); a dateline date without a year
(``7 FEB``) takes the year of the closest earlier dated document of the file (the wire is in date order,
noted); ``NO DATE`` leaves it unset.

Gold incidents: the templates of a document whose ``INCIDENT: TYPE`` (any alternative) is ATTACK, BOMBING,
KIDNAPPING or ARSON. The ``*`` templates (irrelevant documents) and the other types (ROBBERY, FORCED WORK
STOPPAGE) are not incidents; their documents are still scored, so a violent event predicted there is a false
positive. Slot parsing: ``claimledger.eval.muc34_gold``.

Predictions: the ledger's events that ``muc34_score.TYPE_MAP`` maps to a MUC type (non-negated ASSAULT:
abduct → KIDNAPPING, explosives / IED / grenade / suicide bomb → BOMBING, a burn/torch/arson trigger →
ARSON, the rest → ATTACK; COERCE and every other PLOVER type → none).

Metrics (all in [0, 1], pooled over documents):

- ``incident_f1``: per document, a one-to-one matching (``max_weight_matching``: most pairs, then most
  agreeing fields, required templates before optional) in which a prediction may pair with a gold incident
  when its MUC type is one of the gold type alternatives AND at least one of: *place* (our place's name,
  admin1 or admin2 equals a gold level below the country, compared by ``place_key``: case- and
  accent-folded, administrative words like "department" dropped; for a gold alternative naming only the
  country, our place's country), *date* (our time, when it spans at most 7 days, overlaps a gold date
  alternative; "- D" = any day up to D) or *perpetrator* (``names_overlap`` of PERP INDIVIDUAL ID /
  ORGANIZATION ID strings with actor1's name, aliases or affiliation's names). True positives = pairs;
  precision = pairs / predicted incidents (every unmatched prediction, a second event for one happening
  included, is a false positive); recall = pairs / (required templates + optional templates that were
  matched: a missed ``(OPTIONAL)`` template costs nothing).
- for matched incidents, each over the pairs whose gold has the slot: ``date_acc`` (date agreement as
  above), ``location_acc`` (place agreement as above), ``location_country_acc`` (our place's country is a
  gold alternative's country, names mapped to ISO codes by the gazetteer), ``perp_acc`` (perpetrator
  agreement as above), ``target_acc`` (HUM TGT NAME / DESCRIPTION strings overlap actor2's or a victim's
  names).

``names_overlap``: after ``normalize_name`` one name contains the other as whole words, or they share a
word of 3+ letters outside ``muc34_score.STOPWORDS`` (function words and generic ones: group, members,
unidentified, individuals, men...). ``cluster_pairwise_f1`` (eval.md) waits for the cross-article ledger
and is not reported.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimledger.config import Config
from claimledger.errors import EvalError, InputError
from claimledger.eval.base import Detail, EvalResult, Extractor
from claimledger.eval.muc34_gold import (
    PLACEHOLDER,
    SCORED_TYPES,
    SLOT_TYPE,
    GoldIncident,
    gold_incident,
    incident_types,
    parse_dateline_date,
    parse_dateline_day_month,
)
from claimledger.eval.muc34_score import (
    CountryCode,
    Muc34Counts,
    PredictedIncident,
    predictions_from_ledger,
    score_document,
    type_map_lines,
)
from claimledger.eval.polnear import extract_all
from claimledger.geo.gazetteer import Gazetteer, load_gazetteer
from claimledger.ingest.text import article_from_text
from claimledger.types import Article, ArticleLedger

log = logging.getLogger(__name__)

DOCS_FILE = "muc34_docs.jsonl"
TEMPLATES_FILE = "muc34_templates.jsonl"
DEV_SPLIT = "dev"


@dataclass(frozen=True, slots=True)
class Muc34Document:
    doc_id: str
    split: str
    text: str
    published: dt.date | None
    dateline_date: str
    incidents: tuple[GoldIncident, ...]
    mixed_case: bool = False


@dataclass(frozen=True, slots=True)
class Muc34Corpus:
    documents: tuple[Muc34Document, ...]
    splits: tuple[str, ...]
    notes: tuple[str, ...] = ()


# --------------------------------------------------------------------------- reading


def resolve_files(path: Path) -> tuple[Path, Path]:
    """The docs and templates files of a copy: ``path`` is their folder or the docs file."""
    folder = path.parent if path.is_file() else path
    docs = path if path.is_file() else path / DOCS_FILE
    templates = folder / TEMPLATES_FILE
    for needed in (docs, templates):
        if not needed.is_file():
            raise EvalError(f"{path}: not a MUC-3/4 copy: {needed} does not exist")
    return docs, templates


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSONL file; ``EvalError`` naming ``path:line`` for a malformed line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise EvalError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise EvalError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    records: list[dict[str, Any]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(f"{path}:{number}: not JSON: {exc.msg}") from exc
        if not isinstance(record, dict) or not record.get("doc_id"):
            raise EvalError(f"{path}:{number}: expected a JSON object with a 'doc_id'")
        records.append(record)
    return records


def choose_splits(present: Iterable[str], wanted: Sequence[str] | None) -> tuple[str, ...]:
    """The splits to score: ``wanted`` if given, else every split but ``dev`` (``dev`` if it is alone)."""
    splits = sorted(set(present))
    if wanted is not None:
        missing = [s for s in wanted if s not in splits]
        if missing:
            raise EvalError(f"split(s) {', '.join(missing)} not in the copy (it holds {', '.join(splits)})")
        return tuple(wanted)
    scored = [s for s in splits if s != DEV_SPLIT]
    return tuple(scored or splits)


def publication_dates(records: Sequence[dict[str, Any]]) -> tuple[list[dt.date | None], int]:
    """Each record's publication day from its ``dateline_date``, and how many took a neighbour's year."""
    out: list[dt.date | None] = []
    borrowed = 0
    last: dt.date | None = None
    for record in records:
        text = str(record.get("dateline_date") or "")
        day = parse_dateline_date(text)
        if day is not None:
            last = day
        elif last is not None and (month_day := parse_dateline_day_month(text)) is not None:
            day = _near(last, *month_day)
            borrowed += day is not None
        out.append(day)
    return out, borrowed


def _near(last: dt.date, month: int, day: int) -> dt.date | None:
    """The date of ``month``/``day`` in ``last``'s year, or the next if that is over 60 days earlier."""
    for year in (last.year, last.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            return None
        if (last - candidate).days <= 60:
            return candidate
    return None


def load_muc34(path: Path, splits: Sequence[str] | None = None) -> Muc34Corpus:
    """The documents of the scored splits of a copy (see the module docstring), with their gold."""
    docs_path, templates_path = resolve_files(path)
    records = read_jsonl(docs_path)
    chosen = choose_splits((str(r.get("split", "")) for r in records), splits)
    published, borrowed = publication_dates(records)
    templates: dict[str, list[dict[str, Any]]] = {}
    for template in read_jsonl(templates_path):
        templates.setdefault(str(template["doc_id"]), []).append(template)
    kept = [(r, p) for r, p in zip(records, published, strict=True) if r.get("split") in chosen]
    type_counts: Counter[str] = Counter()
    documents: list[Muc34Document] = []
    for record, day in kept:
        doc_id = str(record["doc_id"])
        incidents = []
        for template in templates.get(doc_id, []):
            types = incident_types(template.get(SLOT_TYPE, PLACEHOLDER))
            type_counts[" / ".join(sorted(types)) or PLACEHOLDER] += 1
            incident = gold_incident(template, day)
            if incident is not None:
                incidents.append(incident)
        mixed = record.get("text_mixed_case")
        has_mixed = isinstance(mixed, str) and bool(mixed.strip())
        text = str(mixed) if has_mixed else str(record.get("text", ""))
        documents.append(
            Muc34Document(
                doc_id=doc_id,
                split=str(record["split"]),
                text=text,
                published=day,
                dateline_date=str(record.get("dateline_date") or ""),
                incidents=tuple(incidents),
                mixed_case=has_mixed,
            )
        )
    notes = [
        f"templates of the scored documents by type: {dict(sorted(type_counts.items()))}; scored types: "
        f"{', '.join(SCORED_TYPES)} ('{PLACEHOLDER}' placeholders and other types are not incidents)",
        f"publication dates: {sum(d.published is not None for d in documents)}/{len(documents)} documents "
        f"have one (from the dateline; {borrowed} dateline(s) of the whole file without a year took the "
        "year of the closest earlier dated document)",
        f"mixed-case text used for {sum(d.mixed_case for d in documents)} document(s), "
        "upper-case text for the rest",
    ]
    return Muc34Corpus(tuple(documents), chosen, tuple(notes))


def muc34_article(document: Muc34Document) -> Article:
    return article_from_text(
        document.text, origin=document.doc_id, published=document.published, config=Config(languages=())
    )


def gazetteer_country_code(gazetteer: Gazetteer) -> CountryCode:
    """A country name → ISO2 look-up over the gazetteer's countries."""

    def code(name: str) -> str | None:
        entry = gazetteer.country_by_name(name.title())
        return entry.country if entry is not None else None

    return code


# --------------------------------------------------------------------------- dataset


@dataclass(frozen=True, slots=True)
class Muc34Dataset:
    """``claimledger eval muc34``: incident F1 and slot accuracies over the MUC-3/4 answer keys."""

    name: str = "muc34"
    splits: tuple[str, ...] | None = None  # None: every split but dev

    def default_path(self, shared: Path) -> Path:
        return shared / "eval" / "muc34"

    def run(self, path: Path, extractor: Extractor) -> EvalResult:
        started = time.perf_counter()
        corpus = load_muc34(path, self.splits)
        return score_corpus(corpus, extractor, gazetteer_country_code(load_gazetteer()), self.name, started)


def score_corpus(
    corpus: Muc34Corpus,
    extractor: Extractor,
    country_code: CountryCode,
    name: str = "muc34",
    started: float | None = None,
) -> EvalResult:
    """Extract every document of ``corpus`` and score the ledgers (see the module docstring)."""
    started = time.perf_counter() if started is None else started
    incidents = [i for d in corpus.documents for i in d.incidents]
    notes = [
        f"scored split(s): {', '.join(corpus.splits)} ({len(corpus.documents)} documents, {len(incidents)} "
        f"gold incidents, {sum(i.optional for i in incidents)} of them optional); '{DEV_SPLIT}' is for "
        "development and is scored only by name",
        *corpus.notes,
    ]
    articles: dict[int, Article] = {}
    for k, document in enumerate(corpus.documents):
        try:
            articles[k] = muc34_article(document)
        except InputError as exc:  # scored as a document with no predictions
            notes.append(f"not extracted (its incidents are missed): {exc.message}")
    ledgers: dict[int, ArticleLedger] = dict(
        zip(articles, extract_all(extractor, list(articles.values())), strict=True)
    )
    total = Muc34Counts()
    details: list[Detail] = []
    for k, document in enumerate(corpus.documents):
        preds: list[PredictedIncident] = []
        ledger = ledgers.get(k)
        if ledger is not None:
            notes.extend(f"stage error: {document.doc_id}: {e.stage}: {e.message}" for e in ledger.errors)
            preds = predictions_from_ledger(ledger)
        counts, doc_details = score_document(document.incidents, preds, country_code)
        total.add(counts)
        details.extend(_with_doc(document.doc_id, d) for d in doc_details)
    precision, recall, _ = total.prf()
    notes.append(
        f"incidents: precision {precision:.3f} recall {recall:.3f} (tp {total.true_positives}, predicted "
        f"{total.predicted}, gold {total.gold}; {total.optional_missed} optional template(s) missed, "
        "not counted)"
    )
    notes.extend(f"{n}: {hits}/{scored} matched incidents" for n, (hits, scored) in total.slots.items())
    notes.append("type map: " + "; ".join(type_map_lines()))
    notes.append("cluster_pairwise_f1: not reported (needs the cross-article ledger)")
    return EvalResult(
        dataset=name,
        docs=len(corpus.documents),
        metrics=total.metrics(),
        config=extractor.config_dict(),
        model=extractor.model,
        seconds=round(time.perf_counter() - started, 3),
        notes=tuple(notes),
        details=tuple(details),
    )


def _with_doc(doc_id: str, detail: Detail) -> Detail:
    if detail.item.startswith(doc_id):
        return detail
    return Detail(detail.section, f"{doc_id} {detail.item}", detail.matched, detail.info)


def muc34_dev() -> Muc34Dataset:
    """``claimledger eval muc34-dev``: the same scoring on the ``dev`` split (for development only)."""
    return Muc34Dataset(name="muc34-dev", splits=(DEV_SPLIT,))
