"""Attribution benchmark: claimledger, textacy and a reporting-verb baseline on PolNeAR, in one run.

    python bench/attribution.py [--path DIR] [--limit N] [--repeat R] [--json]

Every system reads the same PolNeAR articles (every split but ``train``; the shared copy: ``dev``), parses
them with the same spaCy model and is scored by ``claimledger.eval.polnear_score`` (cue, source, content and
whole-attribution F1, as ``claimledger eval polnear``):

- ``claimledger``: the real pipeline (``Pipeline.extract_many``), its claims that have a cue;
- ``textacy``: ``textacy.extract.triples.direct_quotations``, run paragraph by paragraph;
- ``reporting-verbs``: a verb from ``REPORTING_VERBS`` with an ``nsubj`` (the source) and a ``ccomp`` or
  following clause (the content);
- ``spacy-parse-only``: ``nlp.pipe`` alone, the timing floor (no scores).

Articles/s is the median over ``--repeat`` runs of the system's whole work on the articles (parse included,
model load excluded). With ``--json`` the last line printed is one JSON object, also written to
``bench/results/attribution-<date>.json``. Needs ``requirements-bench.txt`` (textacy) besides the project.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
import logging
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token
from textacy.extract.triples import direct_quotations

from claimledger.config import Config
from claimledger.eval.base import find_shared
from claimledger.eval.polnear import PolnearDocument, load_polnear, polnear_article
from claimledger.eval.polnear_score import (
    ROLES,
    AttributionScore,
    PredictedAttribution,
    predictions_from_ledger,
    score_attributions,
)
from claimledger.nlp.loader import load_model, model_id
from claimledger.pipeline import build_pipeline
from claimledger.types import Span

RESULTS = Path(__file__).resolve().parent / "results"

# The plain baseline's cue verbs (lemmas): a small say/claim/tell/report list.
REPORTING_VERBS = frozenset(
    {"say", "tell", "claim", "report", "add", "state", "announce", "argue", "insist", "note", "write", "warn"}
)

Predictions = list[list[PredictedAttribution]]

_LINE = re.compile(r"[^\n]+")  # a paragraph: one line of the article text


@dataclass
class SystemRun:
    """What one system predicted on every article, how long each repeat took, and what it noted."""

    name: str
    predictions: Predictions
    seconds: list[float]
    notes: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- the systems


def _token_span(token: Token) -> Span:
    return Span(token.idx, token.idx + len(token.text))


def _subtree_span(token: Token) -> Span:
    return Span(token.left_edge.idx, token.right_edge.idx + len(token.right_edge.text))


def _tokens_span(tokens: Sequence[Token]) -> Span:
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return Span(first.idx, last.idx + len(last.text))


def verb_baseline(doc: Doc) -> list[PredictedAttribution]:
    """A reporting verb with an ``nsubj``: the subject's subtree is the source, the verb the cue, and the
    ``ccomp`` subtree the content, else the rest of the sentence after the verb (its object skipped)."""
    out: list[PredictedAttribution] = []
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in REPORTING_VERBS:
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
        content = _subtree_span(clause) if clause is not None else _following_clause(verb)
        if content is None:
            continue
        out.append(
            PredictedAttribution(
                cue=(_token_span(verb),),
                content=(content,),
                source=(_subtree_span(subject),),
                label=f"v{verb.i}",
            )
        )
    return out


def _following_clause(verb: Token) -> Span | None:
    """The words after ``verb`` (and after its direct or dative object) to the end of its sentence."""
    start = verb.i + 1
    for child in verb.rights:
        if child.dep_ in {"dobj", "dative"} and child.left_edge.i == start:
            start = child.right_edge.i + 1
    words = [t for t in verb.doc[start : verb.sent.end] if not t.is_punct]
    return _tokens_span(words) if words else None


def textacy_quotes(doc: Doc) -> tuple[list[PredictedAttribution], int]:
    """textacy's direct quotations, paragraph by paragraph (each line of the text), and how many paragraphs
    textacy gave up on. ``direct_quotations`` refuses a whole document with an odd number of quote marks;
    one stray quote would otherwise silence every quotation of the article."""
    out: list[PredictedAttribution] = []
    gave_up = 0
    for match in _LINE.finditer(doc.text):
        paragraph = doc.char_span(match.start(), match.end(), alignment_mode="expand")
        if paragraph is None or not len(paragraph):
            continue
        try:
            triples = list(direct_quotations(paragraph.as_doc()))
        except ValueError:
            gave_up += 1
            continue
        shift = paragraph.start_char
        for triple in triples:
            speaker = _tokens_span(triple.speaker)
            out.append(
                PredictedAttribution(
                    cue=tuple(Span(t.idx + shift, t.idx + shift + len(t.text)) for t in triple.cue),
                    content=(Span(triple.content.start_char + shift, triple.content.end_char + shift),),
                    source=(Span(speaker.start + shift, speaker.end + shift),),
                    label=f"q{len(out)}",
                )
            )
    return out, gave_up


def run_spacy_system(
    nlp: Language, texts: Sequence[str], rule: Callable[[Doc], list[PredictedAttribution]], batch_size: int
) -> Predictions:
    return [rule(doc) for doc in nlp.pipe(texts, batch_size=batch_size)]


def timed(work: Callable[[], Predictions], repeat: int) -> tuple[Predictions, list[float]]:
    """Run ``work`` ``repeat`` times; its last predictions and every run's seconds."""
    seconds: list[float] = []
    predictions: Predictions = []
    for _ in range(repeat):
        started = time.perf_counter()
        predictions = work()
        seconds.append(time.perf_counter() - started)
    return predictions, seconds


def run_systems(
    nlp: Language, documents: Sequence[PolnearDocument], repeat: int, batch_size: int
) -> list[SystemRun]:
    texts = [d.text for d in documents]
    config = Config(batch_size=batch_size)
    pipeline = build_pipeline(config, nlp=nlp)
    articles = [polnear_article(d, config) for d in documents]
    stage_errors: list[str] = []

    def claimledger_work() -> Predictions:
        ledgers = list(pipeline.extract_many(articles))
        stage_errors[:] = [f"{x.article.origin}: {e.stage}: {e.message}" for x in ledgers for e in x.errors]
        return [predictions_from_ledger(ledger) for ledger in ledgers]

    gave_up: list[int] = []

    def textacy_rule(doc: Doc) -> list[PredictedAttribution]:
        found, bailed = textacy_quotes(doc)
        gave_up.append(bailed)
        return found

    runs: list[SystemRun] = []
    predictions, seconds = timed(claimledger_work, repeat)
    runs.append(SystemRun("claimledger", predictions, seconds, [f"stage error: {e}" for e in stage_errors]))
    predictions, seconds = timed(lambda: run_spacy_system(nlp, texts, textacy_rule, batch_size), repeat)
    bailed = sum(gave_up[-len(texts) :])
    note = f"run per paragraph; gave up on {bailed} paragraph(s) with an odd number of quote marks"
    runs.append(SystemRun("textacy", predictions, seconds, [note]))
    predictions, seconds = timed(lambda: run_spacy_system(nlp, texts, verb_baseline, batch_size), repeat)
    runs.append(SystemRun("reporting-verbs", predictions, seconds))
    _, seconds = timed(lambda: run_spacy_system(nlp, texts, lambda doc: [], batch_size), repeat)
    runs.append(SystemRun("spacy-parse-only", [], seconds, ["timing reference: nlp.pipe alone, no scores"]))
    return runs


# --------------------------------------------------------------------------- scoring and report


def score_run(documents: Sequence[PolnearDocument], predictions: Predictions) -> AttributionScore:
    total = AttributionScore({})
    for document, predicted in zip(documents, predictions, strict=True):
        total = total + score_attributions(document.attributions, predicted)
    return total


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {"cpu": cpu, "cores": os.cpu_count(), "usable_cores": usable, "platform": platform.platform()}


def versions(nlp: Language) -> dict[str, str]:
    out = {"python": platform.python_version(), "model": model_id(nlp)}
    for package in ("claimledger", "spacy", "textacy", "numpy"):
        try:
            out[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            out[package] = "not installed"
    commit = _git_commit()
    if commit:
        out["claimledger_commit"] = commit
    return out


def _git_commit() -> str | None:
    """The checkout's short commit, ``+modified`` when tracked files under ``src/`` differ from it."""
    repo = Path(__file__).resolve().parents[1]
    commit = _git(repo, "rev-parse", "--short", "HEAD")
    if not commit:
        return None
    changed = _git(repo, "status", "--porcelain", "--untracked-files=all", "--", "src")
    return commit + ("+modified" if changed else "")


def _git(repo: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False)
    except OSError:
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def report(
    documents: Sequence[PolnearDocument], runs: Iterable[SystemRun], splits: Sequence[str]
) -> dict[str, Any]:
    systems: dict[str, Any] = {}
    for run in runs:
        median = statistics.median(run.seconds)
        entry: dict[str, Any] = {
            "articles_per_s": round(len(documents) / median, 3) if median else None,
            "seconds": [round(s, 3) for s in run.seconds],
            "notes": run.notes,
        }
        if run.predictions:
            score = score_run(documents, run.predictions)
            entry["metrics"] = {k: round(v, 4) for k, v in score.metrics().items()}
            entry["counts"] = {
                role: {"tp": c.tp, "predicted": c.predicted, "gold": c.gold}
                for role, c in score.counts.items()
            }
            entry["precision_recall"] = {
                role: [round(x, 4) for x in score.counts[role].prf()[:2]] for role in ROLES
            }
        systems[run.name] = entry
    return {
        "splits": list(splits),
        "docs": len(documents),
        "gold_attributions": sum(len(d.attributions) for d in documents),
        "systems": systems,
    }


def print_table(result: dict[str, Any]) -> None:
    print(
        f"PolNeAR {'+'.join(result['splits'])}: {result['docs']} articles, "
        f"{result['gold_attributions']} gold attributions; repeat {result['repeat']}"
    )
    header = f"{'system':<18}" + "".join(f"{role + '_f1':>17}" for role in ROLES) + f"{'articles/s':>12}"
    print(header)
    print("-" * len(header))
    for name, entry in result["systems"].items():
        metrics = entry.get("metrics")
        cells = "".join(f"{metrics[role + '_f1']:>17.3f}" if metrics else f"{'-':>17}" for role in ROLES)
        print(f"{name:<18}{cells}{entry['articles_per_s']:>12.2f}")
    for name, entry in result["systems"].items():
        if "precision_recall" in entry:
            pr = entry["precision_recall"]["attribution"]
            print(f"{name}: attribution precision {pr[0]:.3f} recall {pr[1]:.3f}")
        for note in entry["notes"]:
            print(f"{name}: {note}")
    m = result["machine"]
    print(f"machine: {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable), {m['platform']}")
    print("versions: " + ", ".join(f"{k} {v}" for k, v in result["versions"].items()))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", type=Path, help="a PolNeAR copy (default: shared/eval/polnear)")
    parser.add_argument("--limit", type=int, help="only the first N articles")
    parser.add_argument("--repeat", type=int, default=1, help="timed runs per system (median reported)")
    parser.add_argument("--batch-size", type=int, default=Config().batch_size, help="nlp.pipe batch size")
    parser.add_argument("--model", default=Config().model, help="spaCy model package")
    parser.add_argument("--json", action="store_true", help="print one JSON object last and save it")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")

    logging.basicConfig(level=logging.ERROR)  # stage failures are reported in the notes, not as tracebacks
    path = args.path or find_shared() / "eval" / "polnear"
    corpus = load_polnear(path)
    documents = corpus.documents[: args.limit] if args.limit is not None else corpus.documents
    nlp = load_model(args.model)
    runs = run_systems(nlp, documents, args.repeat, args.batch_size)
    result: dict[str, Any] = {
        "benchmark": "attribution",
        "dataset": "polnear",
        "path": str(path),
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "repeat": args.repeat,
        "batch_size": args.batch_size,
        **report(documents, runs, corpus.splits),
        "machine": machine(),
        "versions": versions(nlp),
    }
    print_table(result)
    if args.json:
        RESULTS.mkdir(parents=True, exist_ok=True)
        out = RESULTS / f"attribution-{dt.date.today().isoformat()}.json"
        out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(f"written to {out}", file=sys.stderr)
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
