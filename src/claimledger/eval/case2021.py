"""The ``case2021`` dataset: fine-grained event types of short snippets (CASE 2021 shared task 2).

Layout (``--path`` may name any copy in it): ``DIR/task2/test_dataset/*.tsv``; ``DIR`` may also be the
``task2`` folder, the ``test_dataset`` folder or one TSV file. Every TSV file there is scored. A file is
tab-separated UTF-8 with a header naming the columns ``id``, ``EventSnippet`` and ``SubType`` (any order,
any case; other columns are ignored); fields are not quoted (a ``"`` is part of the text).

Each snippet becomes an ``Article`` with no publication date and no language check. Its predicted label
comes from the ledger's *main event* (``main_event``): the first (by trigger position) event that the event
model labelled (component ``coding.model``), else, among the events that are not negated, the first of type
ASSAULT, COERCE or PROTEST, else the first. The event's label (``case_label``, ``coding.labels.rule_label``):
its ACLED sub-event type through ``ACLED_TO_CASE`` (which also holds the model's sub-types for the classes
outside ACLED: organized crime, natural and man-made disasters); where it has none or ACLED's catch-all
``Other``, its PLOVER type through ``PLOVER_TO_CASE`` (DIPLO and ATTRIB come from there). A snippet with no
event (or one that could not be read) gets ``NO_EVENT``, which is no gold label: it counts wrong.

The event model is trained on the shared half of this data. Snippets it was trained on (its file lists their
ids) are scored by 5-fold cross-validation of the pipeline's event-model stage (``eval.case2021_cv``); the
others are scored with the shipped model. ``config.event_model`` says which: ``protocol`` is "5-fold CV",
"shipped model, unseen rows", both, or "no event model".

Metrics: ``accuracy`` and ``macro_f1`` (the mean of per-class F1 over the labels that occur in gold; a
prediction of another label only costs recall). Per-class F1, the confusions and, for cross-validated rows,
the classifier's own figures (its prediction on the snippet's passage, no pipeline around it) go to the
notes.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimledger.coding.labels import (
    ACLED_OTHER,
    ACLED_TO_CASE,
    CASE_LABELS,
    PLOVER_TO_CASE,
    SEEN_LABELS,
    UNSEEN_LABELS,
    rule_label,
)
from claimledger.coding.passages import MAIN_TYPES
from claimledger.coding.passages import main_event as passage_main_event
from claimledger.coding.refine import MODEL_COMPONENT
from claimledger.config import Config
from claimledger.errors import EvalError, InputError
from claimledger.eval.base import Detail, EvalResult, Extractor
from claimledger.eval.case2021_cv import (
    FOLDS,
    SEED,
    ModelHooks,
    classifier_alone,
    cross_validated_ledgers,
    labelled_rows,
    model_hooks,
)
from claimledger.eval.matching import precision_recall_f1, safe_ratio
from claimledger.eval.polnear import extract_all
from claimledger.ingest.text import article_from_text
from claimledger.types import Article, ArticleLedger, Event

log = logging.getLogger(__name__)

TASK_DIR = "task2"
TEST_DIR = "test_dataset"
ID_COLUMN = "id"
TEXT_COLUMN = "eventsnippet"
LABEL_COLUMN = "subtype"

NO_EVENT = "NO_EVENT"

__all__ = [
    "ACLED_OTHER",
    "ACLED_TO_CASE",
    "CASE_LABELS",
    "MAIN_TYPES",
    "NO_EVENT",
    "PLOVER_TO_CASE",
    "SEEN_LABELS",
    "UNPREDICTED_LABELS",
    "UNSEEN_LABELS",
    "Case2021Dataset",
    "Snippet",
    "case_label",
    "classification_scores",
    "load_case2021",
    "main_event",
    "parse_tsv",
    "snippet_article",
    "tsv_files",
]

# Labels no table leads to (none since the event model names crimes and disasters).
UNPREDICTED_LABELS: frozenset[str] = frozenset(CASE_LABELS) - frozenset(
    (*ACLED_TO_CASE.values(), *PLOVER_TO_CASE.values())
)


@dataclass(frozen=True, slots=True)
class Snippet:
    """One labelled snippet: ``origin`` is ``file:line``."""

    id: str
    text: str
    label: str
    origin: str


# --------------------------------------------------------------------------- labels


def main_event(ledger: ArticleLedger) -> Event | None:
    """The event a snippet is about: see the module docstring; ``None`` if no event is asserted."""
    modelled = [e for e in ledger.events if e.component == MODEL_COMPONENT and e.occurred]
    if modelled:
        return min(modelled, key=lambda e: (e.trigger.span.start, e.trigger.span.end))
    return passage_main_event(ledger.events)


def case_label(event: Event | None) -> str:
    """The task's label for ``event`` (``NO_EVENT`` for none)."""
    return rule_label(event) or NO_EVENT


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True, slots=True)
class ClassScores:
    """Accuracy, macro F1 over the gold labels and per-class (precision, recall, F1, support)."""

    accuracy: float
    macro_f1: float
    per_class: dict[str, tuple[float, float, float, int]]


def classification_scores(gold: Sequence[str], predicted: Sequence[str]) -> ClassScores:
    """Scores of ``predicted`` labels against ``gold`` (same length, same order)."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold labels but {len(predicted)} predictions")
    correct = sum(g == p for g, p in zip(gold, predicted, strict=True))
    gold_counts = Counter(gold)
    predicted_counts = Counter(predicted)
    hits = Counter(g for g, p in zip(gold, predicted, strict=True) if g == p)
    per_class: dict[str, tuple[float, float, float, int]] = {}
    for label in sorted(gold_counts):
        precision, recall, f1 = precision_recall_f1(hits[label], predicted_counts[label], gold_counts[label])
        per_class[label] = (precision, recall, f1, gold_counts[label])
    macro = safe_ratio(sum(v[2] for v in per_class.values()), len(per_class))
    return ClassScores(safe_ratio(correct, len(gold)), macro, per_class)


# --------------------------------------------------------------------------- reader


def tsv_files(path: Path) -> list[Path]:
    """The TSV files to score under ``path`` (see the module docstring)."""
    if path.is_file():
        return [path]
    for folder in (path / TASK_DIR / TEST_DIR, path / TEST_DIR, path):
        if folder.is_dir():
            files = sorted(folder.glob("*.tsv"))
            if files:
                return files
    raise EvalError(f"{path}: no CASE 2021 task 2 file (expected {TASK_DIR}/{TEST_DIR}/*.tsv)")


def parse_tsv(text: str, origin: str) -> list[Snippet]:
    """The snippets of one TSV text; ``EvalError`` naming ``origin`` and the line for a malformed one."""
    lines = text.removeprefix("\ufeff").split("\n")
    header = [h.strip().lower() for h in lines[0].removesuffix("\r").split("\t")]
    missing = [c for c in (ID_COLUMN, TEXT_COLUMN, LABEL_COLUMN) if c not in header]
    if missing:
        raise EvalError(
            f"{origin}:1: header lacks column(s) {', '.join(missing)} (expected id, EventSnippet, SubType)"
        )
    col_id, col_text, col_label = (header.index(c) for c in (ID_COLUMN, TEXT_COLUMN, LABEL_COLUMN))
    snippets: list[Snippet] = []
    for number, raw in enumerate(lines[1:], start=2):
        line = raw.removesuffix("\r")
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != len(header):
            raise EvalError(
                f"{origin}:{number}: {len(fields)} tab-separated fields, the header has {len(header)}"
            )
        label = fields[col_label].strip()
        if not label:
            raise EvalError(f"{origin}:{number}: snippet {fields[col_id]!r} has no label")
        snippets.append(Snippet(fields[col_id].strip(), fields[col_text], label, f"{origin}:{number}"))
    return snippets


def load_case2021(path: Path) -> list[Snippet]:
    """Every labelled snippet of every TSV file under ``path``."""
    snippets: list[Snippet] = []
    for file in tsv_files(path):
        try:
            text = file.read_bytes().decode("utf-8")
        except OSError as exc:
            raise EvalError(f"{file}: cannot read: {exc.strerror or exc}") from exc
        except UnicodeDecodeError as exc:
            raise EvalError(f"{file}: not UTF-8 text (byte {exc.start})") from exc
        snippets.extend(parse_tsv(text, str(file)))
    if not snippets:
        raise EvalError(f"{path}: the CASE 2021 files hold no snippet")
    return snippets


def snippet_article(snippet: Snippet) -> Article:
    """The snippet as an article: no publication date, no language check."""
    return article_from_text(snippet.text, origin=snippet.origin, config=Config(languages=()))


# --------------------------------------------------------------------------- dataset


@dataclass(frozen=True, slots=True)
class Case2021Dataset:
    """``claimledger eval case2021``: the main event's label against each snippet's gold label."""

    name: str = "case2021"

    def default_path(self, shared: Path) -> Path:
        return shared / "eval" / "case2021_task2"

    def run(self, path: Path, extractor: Extractor) -> EvalResult:
        started = time.perf_counter()
        snippets = load_case2021(path)
        notes: list[str] = []
        articles: dict[int, Article] = {}
        for k, snippet in enumerate(snippets):
            try:
                articles[k] = snippet_article(snippet)
            except InputError as exc:
                notes.append(f"not extracted (counted {NO_EVENT}): {exc.message}")
        hooks = model_hooks(extractor)
        seen = [k for k in articles if hooks is not None and articles[k].id in hooks.model.training_ids]
        unseen = [k for k in articles if k not in set(seen)]
        ledgers = dict(zip(unseen, extract_all(extractor, [articles[k] for k in unseen]), strict=True))
        cv_info: dict[int, str] = {}
        if hooks is not None and seen:
            cv_ledgers, folds, alone = _cross_validate(
                hooks, [articles[k] for k in seen], [snippets[k].label for k in seen]
            )
            ledgers.update(zip(seen, cv_ledgers, strict=True))
            cv_info = {k: f" (fold {f})" for k, f in zip(seen, folds, strict=True)}
            alone_scores = classification_scores([snippets[k].label for k in seen], alone)
            notes.append(
                f"classifier alone, {FOLDS}-fold CV on {len(seen)} snippets: "
                f"accuracy {alone_scores.accuracy:.3f} macro_f1 {alone_scores.macro_f1:.3f}"
            )
        predicted: list[str] = []
        details: list[Detail] = []
        for k, snippet in enumerate(snippets):
            ledger = ledgers.get(k)
            event = main_event(ledger) if ledger is not None else None
            if ledger is not None:
                notes.extend(f"stage error: {snippet.origin}: {e.stage}: {e.message}" for e in ledger.errors)
            label = case_label(event)
            predicted.append(label)
            info = f"predicted {label}" + (f" from {_describe(event)}" if event is not None else "")
            info += cv_info.get(k, "")
            details.append(Detail("label", f"{snippet.id} {snippet.label}", label == snippet.label, info))
        gold = [s.label for s in snippets]
        scores = classification_scores(gold, predicted)
        notes.extend(_notes(gold, predicted, scores))
        config: dict[str, Any] = {
            **extractor.config_dict(),
            "event_model": _protocol(hooks, len(seen), len(unseen)),
        }
        return EvalResult(
            dataset=self.name,
            docs=len(snippets),
            metrics={"accuracy": scores.accuracy, "macro_f1": scores.macro_f1},
            config=config,
            model=extractor.model,
            seconds=round(time.perf_counter() - started, 3),
            notes=tuple(notes),
            details=tuple(details),
        )


def _cross_validate(
    hooks: ModelHooks, articles: Sequence[Article], gold: Sequence[str]
) -> tuple[list[ArticleLedger], list[int], list[str]]:
    """Ledgers of the texts the model was trained on, labelled by fold models; the folds; and the classifier's
    own cross-validated predictions."""
    analyses = list(hooks.analyse(articles))
    rows = labelled_rows(analyses, gold, hooks.model)
    ledgers, folds = cross_validated_ledgers(rows, hooks.model, FOLDS, SEED)
    return ledgers, folds, classifier_alone(rows, hooks.model, FOLDS, SEED)


def _protocol(hooks: ModelHooks | None, seen: int, unseen: int) -> dict[str, Any]:
    """What ``config.event_model`` says: the model's provenance and how each snippet was scored."""
    if hooks is None:
        return {"protocol": "no event model", "trained_on": None}
    parts = []
    if seen:
        parts.append(f"{FOLDS}-fold CV")
    if unseen:
        parts.append("shipped model, unseen rows")
    return {
        "protocol": " + ".join(parts) or "no rows",
        "trained_on": hooks.model.trained_on,
        "cv_rows": seen,
        "shipped_model_rows": unseen,
        "folds": FOLDS,
        "seed": SEED,
    }


def _describe(event: Event) -> str:
    acled = f" / {event.acled.sub_event_type}" if event.acled is not None else ""
    return f"{event.type}{acled} {event.trigger.text!r}@{event.trigger.span.start}"


def _notes(gold: Sequence[str], predicted: Sequence[str], scores: ClassScores) -> list[str]:
    unknown = sorted(set(gold) - set(CASE_LABELS))
    out = [
        "labels from the ledger's main event: its ACLED sub-event type, else its PLOVER type",
        f"no event: {sum(p == NO_EVENT for p in predicted)} of {len(predicted)} snippets (counted wrong)",
    ]
    if UNPREDICTED_LABELS:
        out.append(
            f"never predicted (no counterpart among our types): {', '.join(sorted(UNPREDICTED_LABELS))}"
        )
    if unknown:
        out.append(f"gold labels outside the task's list: {', '.join(unknown)}")
    for label, (precision, recall, f1, support) in scores.per_class.items():
        out.append(f"{label}: precision {precision:.3f} recall {recall:.3f} f1 {f1:.3f} (gold {support})")
    confusions = Counter((g, p) for g, p in zip(gold, predicted, strict=True) if g != p)
    out.extend(f"confusion {g} -> {p}: {n}" for (g, p), n in confusions.most_common(15))
    return out
