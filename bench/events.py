"""Event-coding benchmark: claimledger and a keyword baseline on MUC-3/4 incidents, in one run.

    python bench/events.py [--path DIR] [--split tst1 --split tst2] [--repeat R] [--json]

Both systems read the same MUC-3/4 documents (by default the scored splits ``tst1`` and ``tst2``; the mixed-
case text where a document has one) and are scored by ``claimledger.eval.muc34_score`` exactly as
``claimledger eval muc34`` scores (one-to-one matching on type plus place, date or perpetrator):

- ``claimledger``: the whole pipeline (``Pipeline.extract_many``), its events that the MUC map and the
  task's relevance rules turn into incidents;
- ``keyword-baseline``: the issue's reference baseline, a dictionary coder in miniature: every sentence (the
  same spaCy sentences) with a violence keyword is an incident of the keyword's type (kidnap → KIDNAPPING;
  bomb, explo, dynamit, blew, detonat → BOMBING; burn, arson, torch → ARSON; kill, murder, attack, shoot,
  assassin, massacre, ambush, machinegun → ATTACK), merged per type and document; each incident gets the
  dateline's date (the publication day) and the dateline's place name, so that it can agree on the fields
  the scorer asks for.

Also reported: articles/s of the whole pipeline and of the **coding stage alone** (``EventCoder.code``
timed inside the pipeline over the same documents; parse excluded), medians of ``--repeat`` runs. With
``--json`` the last line printed is one JSON object, also written to ``bench/results/events-<date>.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from claimledger.config import Config
from claimledger.dateline import find_dateline
from claimledger.eval.base import find_shared
from claimledger.eval.muc34 import Muc34Document, gazetteer_country_code, load_muc34, muc34_article
from claimledger.eval.muc34_score import (
    Muc34Counts,
    PredictedIncident,
    predictions_from_ledger,
    score_document,
)
from claimledger.pipeline import Pipeline, build_pipeline
from claimledger.types import ArticleLedger

KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("KIDNAPPING", ("kidnap", "abduct")),
    ("BOMBING", ("bomb", "explo", "dynamit", "blew", "detonat")),
    ("ARSON", ("burn", "arson", "torch")),
    ("ATTACK", ("kill", "murder", "attack", "shoot", "shot", "assassin", "massacre", "ambush", "machinegun")),
)


def keyword_type(sentence: str) -> str | None:
    low = sentence.lower()
    for kind, stems in KEYWORDS:
        if any(re.search(rf"\b{s}", low) for s in stems):
            return kind
    return None


def keyword_baseline(pipeline: Pipeline, documents: Sequence[Muc34Document]) -> list[list[PredictedIncident]]:
    """One incident per keyword type per document, dated and placed by the dateline."""
    texts = [pipeline.parse_text(muc34_article(d)) for d in documents]
    out: list[list[PredictedIncident]] = []
    for document, doc in zip(documents, pipeline.nlp.pipe(texts, batch_size=32), strict=True):
        kinds: list[str] = []
        for sent in doc.sents:
            kind = keyword_type(sent.text)
            if kind is not None and kind not in kinds:
                kinds.append(kind)
        line = find_dateline(document.text)
        place = document.text[line.place.start : line.place.end].title() if line is not None else None
        days = (document.published, document.published) if document.published is not None else None
        out.append(
            [
                PredictedIncident(
                    event_id=f"k{n + 1}",
                    type=kind,
                    label=f"keyword {kind}",
                    days=days,
                    place_names=(place,) if place else (),
                    country=None,
                    perp_names=(),
                    target_names=(),
                )
                for n, kind in enumerate(kinds)
            ]
        )
    return out


class CodingTimer:
    """Wraps the pipeline's coder to add up the seconds spent in ``EventCoder.code``."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.seconds = 0.0
        coder = pipeline._coder  # the bench measures the stage from inside; the library exposes no timer
        original: Callable[..., Any] = coder.code

        def timed(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - started

        coder.code = timed  # type: ignore[method-assign]


def score(documents: Sequence[Muc34Document], preds: Sequence[list[PredictedIncident]]) -> dict[str, Any]:
    from claimledger.geo.gazetteer import load_gazetteer

    country = gazetteer_country_code(load_gazetteer())
    total = Muc34Counts()
    for document, p in zip(documents, preds, strict=True):
        counts, _ = score_document(document.incidents, p, country)
        total.add(counts)
    precision, recall, f1 = total.prf()
    return {
        "incident_precision": round(precision, 3),
        "incident_recall": round(recall, 3),
        "incident_f1": round(f1, 3),
        "predicted": total.predicted,
        "true_positives": total.true_positives,
        "gold": total.gold,
    }


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "platform": platform.platform()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--path", type=Path, default=None, help="a MUC-3/4 copy (default: ../shared)")
    parser.add_argument(
        "--split", action="append", default=None, help="split(s) to read (default: tst1, tst2)"
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    path = args.path or find_shared() / "eval" / "muc34"
    corpus = load_muc34(path, splits=tuple(args.split or ("tst1", "tst2")))
    documents = corpus.documents
    pipeline = build_pipeline(Config())
    timer = CodingTimer(pipeline)

    ours: list[list[PredictedIncident]] = []
    whole: list[float] = []
    coding: list[float] = []
    for _ in range(args.repeat):
        timer.seconds = 0.0
        started = time.perf_counter()
        ledgers: list[ArticleLedger] = list(pipeline.extract_many(muc34_article(d) for d in documents))
        whole.append(time.perf_counter() - started)
        coding.append(timer.seconds)
        ours = [predictions_from_ledger(ledger) for ledger in ledgers]
    base_times: list[float] = []
    base: list[list[PredictedIncident]] = []
    for _ in range(args.repeat):
        started = time.perf_counter()
        base = keyword_baseline(pipeline, documents)
        base_times.append(time.perf_counter() - started)
    n = len(documents)
    result: dict[str, Any] = {
        "bench": "events",
        "date": dt.date.today().isoformat(),
        "documents": n,
        "splits": list(corpus.splits),
        "repeat": args.repeat,
        "machine": machine(),
        "systems": {
            "claimledger": {
                **score(documents, ours),
                "articles_per_s": round(n / statistics.median(whole), 2),
                "coding_stage_articles_per_s": round(n / max(statistics.median(coding), 1e-9), 1),
            },
            "keyword-baseline": {
                **score(documents, base),
                "articles_per_s": round(n / statistics.median(base_times), 2),
            },
        },
    }
    print(
        f"MUC-3/4 {', '.join(corpus.splits)}: {n} documents, median of {args.repeat} runs, {machine()['cpu']}"
    )
    print(f"{'system':<18} {'P':>6} {'R':>6} {'F1':>6} {'predicted':>9} {'art/s':>7} {'coding art/s':>12}")
    for name, r in result["systems"].items():
        stage = r.get("coding_stage_articles_per_s", "")
        print(
            f"{name:<18} {r['incident_precision']:>6.3f} {r['incident_recall']:>6.3f} "
            f"{r['incident_f1']:>6.3f} {r['predicted']:>9} {r['articles_per_s']:>7} {stage!s:>12}"
        )
    if args.json:
        out = Path(__file__).parent / "results" / f"events-{result['date']}.json"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
