"""The ``case2021`` dataset: fine-grained event types of short snippets (CASE 2021 shared task 2).

Layout (``--path`` may name any copy in it): ``DIR/task2/test_dataset/*.tsv``; ``DIR`` may also be the
``task2`` folder, the ``test_dataset`` folder or one TSV file. Every TSV file there is scored. A file is
tab-separated UTF-8 with a header naming the columns ``id``, ``EventSnippet`` and ``SubType`` (any order,
any case; other columns are ignored); fields are not quoted (a ``"`` is part of the text).

Each snippet becomes an ``Article`` with no publication date and no language check. Its predicted label comes
from the ledger's *main event* (``main_event``): among the events that occurred (``Event.occurred``: not
negated, denied, future, planned, threatened or conditional), the first by trigger position of type ASSAULT,
COERCE or PROTEST (the happenings ACLED codes as political violence and demonstrations, which make up the
task's seen classes), else the first by trigger position. The event's label (``case_label``): its ACLED sub-
event type through ``ACLED_TO_CASE``; where it has none or ACLED's catch-all ``Other``, its PLOVER type
through ``PLOVER_TO_CASE`` (this is where the unseen classes DIPLO and ATTRIB come from). A snippet with no
event (or one that could not be read) gets ``NO_EVENT``, which is no gold label: it counts wrong. ORG_CRIME,
NATURAL_DISASTER and MAN_MADE_DISASTER have no counterpart among our types (``UNPREDICTED_LABELS``) and are
never predicted. Nothing here is fitted to the data: the tables follow the label names and the ACLED codebook.

Metrics: ``accuracy`` and ``macro_f1`` (the mean of per-class F1 over the labels that occur in gold; a
prediction of another label only costs recall). Per-class F1 and the confusions go to the notes.
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from claimledger.config import Config
from claimledger.errors import EvalError, InputError
from claimledger.eval.base import Detail, EvalResult, Extractor
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

# ACLED sub-event types (as the coder writes them) → the task's label names. "Other" is not here: an
# event coded "Strategic developments / Other" is labelled by its PLOVER type instead.
ACLED_TO_CASE: dict[str, str] = {
    "Abduction/forced disappearance": "ABDUCT_DISSAP",
    "Agreement": "AGREEMENT",
    "Air/drone strike": "AIR_STRIKE",
    "Armed clash": "ARMED_CLASH",
    "Arrests": "ARREST",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK",
    "Attack": "ATTACK",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT",
    "Chemical weapon": "CHEM_WEAP",
    "Disrupted weapons use": "DISR_WEAP",
    "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Government regains territory": "GOV_REGAINS_TERIT",
    "Grenade": "GRENADE",
    "Headquarters or base established": "HQ_ESTABLISHED",
    "Mob violence": "MOB_VIOL",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER",
    "Peaceful protest": "PEACE_PROTEST",
    "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Protest with intervention": "PROTEST_WITH_INTER",
    "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Sexual violence": "SEX_VIOL",
    "Suicide bomb": "SUIC_BOMB",
    "Violent demonstration": "VIOL_DEMONSTR",
}
ACLED_OTHER = "Other"

# PLOVER type → label, for events without a specific ACLED sub-event type. Verbal and diplomatic
# interaction is the unseen class DIPLO; an accusation (blame, a claim or denial of responsibility) is
# ATTRIB; the remaining strategic moves are ACLED's OTHER.
PLOVER_TO_CASE: dict[str, str] = {
    "AGREE": "AGREEMENT",
    "CONSULT": "DIPLO",
    "SUPPORT": "DIPLO",
    "CONCEDE": "DIPLO",
    "COOPERATE": "DIPLO",
    "AID": "DIPLO",
    "REQUEST": "DIPLO",
    "REJECT": "DIPLO",
    "THREATEN": "DIPLO",
    "SANCTION": "DIPLO",
    "ACCUSE": "ATTRIB",
    "RETREAT": "OTHER",
    "MOBILIZE": "OTHER",
    "COERCE": "OTHER",
    "ASSAULT": "ATTACK",
    "PROTEST": "PEACE_PROTEST",
}

# The task's labels ("Note on EVENT TYPES"): 25 seen (ACLED) and 5 unseen.
SEEN_LABELS: tuple[str, ...] = (*sorted(ACLED_TO_CASE.values()), "OTHER")
UNSEEN_LABELS: tuple[str, ...] = ("ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB")
CASE_LABELS: tuple[str, ...] = tuple(sorted((*SEEN_LABELS, *UNSEEN_LABELS)))
# Labels no table leads to: we extract no crime or disaster events.
UNPREDICTED_LABELS: frozenset[str] = frozenset(CASE_LABELS) - frozenset(
    (*ACLED_TO_CASE.values(), *PLOVER_TO_CASE.values())
)

MAIN_TYPES: tuple[str, ...] = ("ASSAULT", "COERCE", "PROTEST")


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
    events = [e for e in ledger.events if e.occurred]
    if not events:
        return None
    return min(events, key=lambda e: (e.type not in MAIN_TYPES, e.trigger.span.start, e.trigger.span.end))


def case_label(event: Event | None) -> str:
    """The task's label for ``event`` (``NO_EVENT`` for none)."""
    if event is None:
        return NO_EVENT
    if event.acled is not None and event.acled.sub_event_type != ACLED_OTHER:
        label = ACLED_TO_CASE.get(event.acled.sub_event_type)
        if label is not None:
            return label
        log.debug("ACLED sub-event type %r has no task label", event.acled.sub_event_type)
    return PLOVER_TO_CASE.get(event.type, "OTHER")


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
        ledgers = dict(zip(articles, extract_all(extractor, list(articles.values())), strict=True))
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
            details.append(Detail("label", f"{snippet.id} {snippet.label}", label == snippet.label, info))
        gold = [s.label for s in snippets]
        scores = classification_scores(gold, predicted)
        notes.extend(_notes(gold, predicted, scores))
        return EvalResult(
            dataset=self.name,
            docs=len(snippets),
            metrics={"accuracy": scores.accuracy, "macro_f1": scores.macro_f1},
            config=extractor.config_dict(),
            model=extractor.model,
            seconds=round(time.perf_counter() - started, 3),
            notes=tuple(notes),
            details=tuple(details),
        )


def _describe(event: Event) -> str:
    acled = f" / {event.acled.sub_event_type}" if event.acled is not None else ""
    return f"{event.type}{acled} {event.trigger.text!r}@{event.trigger.span.start}"


def _notes(gold: Sequence[str], predicted: Sequence[str], scores: ClassScores) -> list[str]:
    unknown = sorted(set(gold) - set(CASE_LABELS))
    out = [
        "nothing fitted: labels come from fixed tables (ACLED sub-event type, else PLOVER type)",
        f"no event: {sum(p == NO_EVENT for p in predicted)} of {len(predicted)} snippets (counted wrong)",
        f"never predicted (no counterpart among our types): {', '.join(sorted(UNPREDICTED_LABELS))}",
    ]
    if unknown:
        out.append(f"gold labels outside the task's list: {', '.join(unknown)}")
    for label, (precision, recall, f1, support) in scores.per_class.items():
        out.append(f"{label}: precision {precision:.3f} recall {recall:.3f} f1 {f1:.3f} (gold {support})")
    confusions = Counter((g, p) for g, p in zip(gold, predicted, strict=True) if g != p)
    out.extend(f"confusion {g} -> {p}: {n}" for (g, p), n in confusions.most_common(15))
    return out
