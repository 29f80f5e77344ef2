"""Throughput benchmark: claimledger against bare spaCy ``nlp.pipe``, same model, batch size and processes.

    python bench/throughput.py [--articles N] [--repeat R] [--batch-size B] [--model M]
                               [--memory 1000,10000 | --no-memory] [--json]

Articles: the MUC-3/4 documents (``shared/eval/muc34/muc34_docs.jsonl``, ``text_mixed_case`` where a document
has it, else ``text``) and then ``shared/corpus/*.txt``, repeated when N is larger. Words are whitespace-
separated words of the article texts, the same count for both systems.

- ``spacy``: ``nlp.pipe(texts, batch_size=B, n_process=P)`` over the article texts, every Doc consumed;
- ``claimledger``: ``Pipeline.extract_many`` (dateline blanking and truecasing, the same ``nlp.pipe`` call,
  conversion, every stage) with the same model, ``batch_size`` and ``n_process``; nothing is stored.

Each is run ``--repeat`` times per process count (1 and 2) after a warm-up; at 1 process the two take turns
every ``CHUNK`` articles (so that both meet the same load on a shared machine), at 2 processes they
alternate whole runs; words/s is the median over repeats. ``ratio`` = claimledger ÷ spaCy words/s at 1
process; ``ratio_2proc_vs_1proc`` = claimledger's words/s at 2 processes ÷ at 1 (spaCy's own is
``spacy_2proc_vs_1proc``); ``ratio_cpu`` is ``ratio`` from the CPU seconds of the (single) process. With
``--dask``, ``dask_2workers_vs_1proc`` = the Dask engine on a local cluster of 2 worker processes (each runs
the whole pipeline; started and warmed up before timing) ÷ claimledger at 1 process.

Memory: for each size in ``--memory`` a fresh process runs the real ``claimledger ingest`` path (JSONL read
lazily → ``run_ingest`` → local engine → SQLite, batch size B, 1 process) over that many articles, each copy
made unique so that none is skipped as already stored, and reports its peak RSS; ``rss_ratio`` = the largest
size's peak ÷ the smallest's.

With ``--json`` the last line printed is one JSON object, also written to
``bench/results/throughput-<date>[-<label>].json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import json
import logging
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from claimledger.config import Config
from claimledger.eval.base import find_shared
from claimledger.ingest.text import article_from_text
from claimledger.nlp.loader import model_id
from claimledger.pipeline import Pipeline, build_pipeline
from claimledger.types import Article

RESULTS = Path(__file__).resolve().parent / "results"
WARMUP = 30
# Done when (issue 8): claimledger ≥ 0.90 of spaCy's words/s; 2 processes ≥ 1.6 × 1; peak RSS flat.
TARGETS = {"ratio": 0.90, "ratio_2proc_vs_1proc": 1.6, "rss_ratio": 1.2}


# --------------------------------------------------------------------------- articles


def source_texts(shared: Path) -> list[tuple[str, str]]:
    """(origin, text) of the MUC documents, then the shared corpus, in a fixed order."""
    out: list[tuple[str, str]] = []
    with open(shared / "eval" / "muc34" / "muc34_docs.jsonl", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                doc = json.loads(line)
                out.append((doc["doc_id"], doc.get("text_mixed_case") or doc["text"]))
    for path in sorted((shared / "corpus").glob("*.txt")):
        out.append((path.name, path.read_text(encoding="utf-8")))
    return out


def texts_for(sources: Sequence[tuple[str, str]], n: int, unique: bool = False) -> list[tuple[str, str]]:
    """``n`` (origin, text), the sources repeated; with ``unique``, copies after the first round get a
    numbered last line so that each has its own content hash."""
    out = []
    for k in range(n):
        origin, text = sources[k % len(sources)]
        rnd = k // len(sources)
        if rnd and unique:
            origin, text = f"{origin}#{rnd}", f"{text.rstrip()}\n\n{rnd:05d}"
        out.append((origin, text))
    return out


def make_articles(texts: Sequence[tuple[str, str]]) -> list[Article]:
    config = Config(languages=())
    return [article_from_text(text, origin=origin, config=config) for origin, text in texts]


def count_words(articles: Sequence[Article]) -> int:
    return sum(len(a.text.split()) for a in articles)


# --------------------------------------------------------------------------- timing


Timing = tuple[float, float]  # wall seconds, CPU seconds of this process
# 1-process runs alternate the two systems every CHUNK articles, so that both see the same load.
CHUNK = 50


def time_spacy(pipeline: Pipeline, articles: Sequence[Article]) -> Timing:
    texts = [a.text for a in articles]
    config = pipeline.config
    started, cpu = time.perf_counter(), time.process_time()
    for _doc in pipeline.nlp.pipe(texts, batch_size=config.batch_size, n_process=config.n_process):
        pass
    return time.perf_counter() - started, time.process_time() - cpu


def time_claimledger(pipeline: Pipeline, articles: Sequence[Article]) -> Timing:
    started, cpu = time.perf_counter(), time.process_time()
    for _ledger in pipeline.extract_many(articles):
        pass
    return time.perf_counter() - started, time.process_time() - cpu


def time_dask(config: Config, articles: Sequence[Article], repeat: int) -> list[float]:
    """Wall seconds of ``repeat`` runs of the Dask engine (a local cluster of ``config.workers`` processes,
    started and warmed up before timing) over ``articles``; nothing is stored."""
    from claimledger.engine import iter_batches
    from claimledger.engine.dask_engine import DaskEngine

    logging.getLogger("distributed").setLevel(logging.WARNING)  # (distributed sets it when imported)
    out = []
    with DaskEngine.start(config) as engine:
        for _output in engine.run(iter_batches(articles[:WARMUP], config.batch_size)):
            pass  # every worker has loaded the model
        for _ in range(repeat):
            started = time.perf_counter()
            for _output in engine.run(iter_batches(articles, config.batch_size)):
                pass
            out.append(time.perf_counter() - started)
    return out


SYSTEMS: dict[str, Callable[[Pipeline, Sequence[Article]], Timing]] = {
    "spacy": time_spacy,
    "claimledger": time_claimledger,
}


def throughput(pipeline: Pipeline, articles: Sequence[Article], repeat: int) -> dict[str, Any]:
    """Words/s of both systems at 1 and 2 processes. Each process count has its own ``Pipeline`` (same
    model, resources and batch size), built and warmed up before any timing."""
    words = count_words(articles)
    pipelines = {
        p: Pipeline(pipeline.nlp, pipeline.resources, replace(pipeline.config, n_process=p)) for p in (1, 2)
    }
    for p, pipe in pipelines.items():
        for name, run in SYSTEMS.items():
            run(pipe, articles[:WARMUP])
            logging.info("warmed up %s at %d process(es)", name, p)
    seconds: dict[str, list[float]] = {f"{name}_{p}proc": [] for p in (1, 2) for name in SYSTEMS}
    cpu: dict[str, list[float]] = {key: [] for key in seconds}
    for r in range(repeat):
        # 1 process: the systems take turns on each chunk of articles
        totals = {name: [0.0, 0.0] for name in SYSTEMS}
        for c, at in enumerate(range(0, len(articles), CHUNK)):
            chunk = articles[at : at + CHUNK]
            order = list(SYSTEMS.items()) if (r + c) % 2 == 0 else list(reversed(SYSTEMS.items()))
            for name, run in order:
                took, used = run(pipelines[1], chunk)
                totals[name][0] += took
                totals[name][1] += used
        for name, (took, used) in totals.items():
            seconds[f"{name}_1proc"].append(took)
            cpu[f"{name}_1proc"].append(used)
            print(f"  run {r + 1}/{repeat} {name:12s} 1 proc: {took:7.1f}s {words / took:8.0f} words/s")
        # 2 processes: whole runs (each call starts its parser processes), the order alternating
        order = list(SYSTEMS.items()) if r % 2 == 0 else list(reversed(SYSTEMS.items()))
        for name, run in order:
            took, used = run(pipelines[2], articles)
            seconds[f"{name}_2proc"].append(took)
            cpu[f"{name}_2proc"].append(used)
            print(f"  run {r + 1}/{repeat} {name:12s} 2 proc: {took:7.1f}s {words / took:8.0f} words/s")
    runs: dict[str, dict[str, Any]] = {
        key: {
            "seconds": [round(s, 2) for s in secs],
            "cpu_seconds_main_process": [round(s, 2) for s in cpu[key]],
            "words_per_s": round(words / statistics.median(secs), 1),
            "articles_per_s": round(len(articles) / statistics.median(secs), 2),
        }
        for key, secs in seconds.items()
    }

    def wps(key: str) -> float:
        return float(runs[key]["words_per_s"])

    return {
        "runs": runs,
        "ratio": round(wps("claimledger_1proc") / wps("spacy_1proc"), 3),
        # the same from CPU time (1 process: all the work is in this process)
        "ratio_cpu": round(
            statistics.median(cpu["spacy_1proc"]) / statistics.median(cpu["claimledger_1proc"]), 3
        ),
        "ratio_2proc": round(wps("claimledger_2proc") / wps("spacy_2proc"), 3),
        "ratio_2proc_vs_1proc": round(wps("claimledger_2proc") / wps("claimledger_1proc"), 3),
        "spacy_2proc_vs_1proc": round(wps("spacy_2proc") / wps("spacy_1proc"), 3),
    }


# --------------------------------------------------------------------------- memory


def memory_child(n: int, batch_size: int, model: str) -> None:
    """Ingest ``n`` unique articles into a fresh SQLite store the way ``claimledger ingest`` does; print
    one JSON line with the peak RSS (MiB)."""
    from claimledger.engine import LocalEngine, run_ingest
    from claimledger.ingest import iter_articles
    from claimledger.store import open_store

    config = Config(model=model, batch_size=batch_size, languages=())
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "articles.jsonl"
        with open(source, "w", encoding="utf-8") as handle:
            for origin, text in texts_for(source_texts(find_shared()), n, unique=True):
                handle.write(json.dumps({"text": text, "url": origin}) + "\n")
        with open_store(Path(tmp) / "ledger.db") as store:
            engine = LocalEngine(factory=lambda: build_pipeline(config))
            summary = run_ingest(iter_articles([str(source)], config), store, engine, config)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(
        json.dumps(
            {
                "articles": n,
                "stored": summary.stored,
                "peak_rss_mib": round(peak, 1),
                "seconds": round(summary.seconds, 1),
                "words_per_s": round(summary.words_per_second, 1),
            }
        )
    )


def memory(sizes: Sequence[int], batch_size: int, model: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for n in sizes:
        cmd = [sys.executable, __file__, "--memory-child", str(n), "--batch-size", str(batch_size)]
        done = subprocess.run([*cmd, "--model", model], capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"memory run of {n} articles failed:\n{done.stderr[-3000:]}")
        result = json.loads(done.stdout.strip().splitlines()[-1])
        print(
            f"  ingest {n} articles: peak RSS {result['peak_rss_mib']} MiB, {result['words_per_s']} words/s"
        )
        out[str(n)] = result
    small, large = out[str(min(sizes))], out[str(max(sizes))]
    return {"ingest": out, "rss_ratio": round(large["peak_rss_mib"] / small["peak_rss_mib"], 3)}


# --------------------------------------------------------------------------- report


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
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    memory_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "memory_gib": round(memory_gib, 1),
        "load_average_at_start": load,
        "platform": platform.platform(),
    }


def versions(pipeline: Pipeline) -> dict[str, str]:
    out = {"python": platform.python_version(), "model": model_id(pipeline.nlp)}
    for package in ("claimledger", "spacy", "numpy"):
        try:
            out[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            out[package] = "not installed"
    repo = Path(__file__).resolve().parents[1]
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=repo, capture_output=True, text=True
        )
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "src"], cwd=repo, capture_output=True, text=True
        )
    except OSError:
        return out
    if head.returncode == 0:
        out["claimledger_commit"] = head.stdout.strip() + ("+modified" if dirty.stdout.strip() else "")
    return out


def verdicts(result: dict[str, Any]) -> dict[str, bool]:
    out = {
        "ratio": result["ratio"] >= TARGETS["ratio"],
        "ratio_2proc_vs_1proc": result["ratio_2proc_vs_1proc"] >= TARGETS["ratio_2proc_vs_1proc"],
    }
    if "rss_ratio" in result:
        out["rss_ratio"] = result["rss_ratio"] <= TARGETS["rss_ratio"]
    return out


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles per timed run (default 1000)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per system and process count")
    parser.add_argument("--batch-size", type=int, default=Config().batch_size)
    parser.add_argument("--model", default=Config().model)
    parser.add_argument("--memory", default="1000,10000", help="article counts of the peak-RSS runs")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak-RSS runs")
    parser.add_argument("--dask", action="store_true", help="also time the Dask engine with 2 workers")
    parser.add_argument(
        "--json", action="store_true", help="print one JSON object last; write bench/results/"
    )
    parser.add_argument("--label", help="results file bench/results/throughput-<date>-<label>.json")
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("distributed").setLevel(logging.WARNING)
    if args.memory_child:
        memory_child(args.memory_child, args.batch_size, args.model)
        return

    shared = find_shared()
    config = Config(model=args.model, batch_size=args.batch_size, languages=())
    pipeline = build_pipeline(config)
    articles = make_articles(texts_for(source_texts(shared), args.articles))
    m = machine()
    load = m["load_average_at_start"]
    print(f"machine: {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable), load {load}")
    words = count_words(articles)
    print(f"{len(articles)} articles, {words:,} words, batch size {args.batch_size}, {args.model}")
    result: dict[str, Any] = {
        "date": dt.date.today().isoformat(),
        "articles": len(articles),
        "words": count_words(articles),
        "batch_size": args.batch_size,
        "repeat": args.repeat,
        "machine": m,
        "versions": versions(pipeline),
    }
    result.update(throughput(pipeline, articles, args.repeat))
    if args.dask:
        dask_config = replace(config, engine="dask", workers=2)
        secs = time_dask(dask_config, articles, args.repeat)
        for took in secs:
            print(f"  dask engine, 2 workers: {took:7.1f}s {result['words'] / took:8.0f} words/s")
        dask_wps = result["words"] / statistics.median(secs)
        result["runs"]["claimledger_dask_2workers"] = {
            "seconds": [round(x, 2) for x in secs],
            "words_per_s": round(dask_wps, 1),
        }
        result["dask_2workers_vs_1proc"] = round(
            dask_wps / result["runs"]["claimledger_1proc"]["words_per_s"], 3
        )
    if not args.no_memory:
        sizes = sorted({int(x) for x in args.memory.split(",") if x.strip()})
        result.update(memory(sizes, args.batch_size, args.model))
    result["targets"] = TARGETS
    result["passed"] = verdicts(result)
    print(
        f"claimledger / spaCy words/s, 1 process: {result['ratio']:.3f} (target ≥ {TARGETS['ratio']}); "
        f"by CPU time: {result['ratio_cpu']:.3f}; 2 processes: {result['ratio_2proc']:.3f}"
    )
    print(
        f"claimledger 2 processes / 1: {result['ratio_2proc_vs_1proc']:.3f} "
        f"(target ≥ {TARGETS['ratio_2proc_vs_1proc']}; spaCy's own: {result['spacy_2proc_vs_1proc']:.3f})"
    )
    if "dask_2workers_vs_1proc" in result:
        print(f"claimledger Dask engine, 2 workers / local 1 process: {result['dask_2workers_vs_1proc']:.3f}")
    if "rss_ratio" in result:
        print(f"peak RSS largest / smallest run: {result['rss_ratio']:.3f} (target ≤ {TARGETS['rss_ratio']})")
    if args.json:
        RESULTS.mkdir(exist_ok=True)
        suffix = f"-{args.label}" if args.label else ""
        path = RESULTS / f"throughput-{result['date']}{suffix}.json"
        path.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(json.dumps(result))


if __name__ == "__main__":
    main()
