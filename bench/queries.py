"""Ledger query latency at scale: p50/p95 of the main store queries on SQLite and PostgreSQL.

    python bench/queries.py [--events N] [--backends sqlite,postgresql] [--pg-url URL] [--repeat R]
                            [--rounds K] [--concurrency C] [--workdir DIR] [--reuse] [--json]

Generates ``--events`` events (default 1,000,000) as synthetic but valid article ledgers (8 events,
4 actors, 2 places, 3 times, 12 claims per article; Zipf-like actor and place names, 16 PLOVER types,
11 years of dates, 5% contested events), loads them in bulk (executemany for SQLite, COPY for
PostgreSQL) into stores migrated as ``open_store`` does, then times through the store API:

- the filtered events query (``list_events``, page of 200 as ``claimledger events``): no filter, by
  type, actor, place, since-date, contested, and type+actor+since together; each repetition draws a
  new filter value (every type, actor and place name equally likely, so rare and common values both);
- event detail (``get_event``) and the claims of an event (``list_claims(event_id=...)``) of random events.

Each query runs ``--repeat`` times per round; p50/p95 are the medians over ``--rounds`` rounds.
``--concurrency C`` also runs the whole mix from C threads at once (own connections) and reports the
latencies under that load. PostgreSQL: ``--pg-url`` or, by default, a throwaway server started like
the test suite's (``tests/store/pg_server.py``). Prints a table; ``--json`` also writes
``bench/results/queries-<date>.json`` with the machine (CPU model, cores, RAM) and versions.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import datetime as dt
import importlib.metadata
import json
import os
import platform
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # for tests.store.pg_server

from claimledger.store import ClaimQuery, EventQuery, LedgerStore, open_store  # noqa: E402
from claimledger.store.rows import insert_sql, ledger_rows  # noqa: E402
from claimledger.store.sqlite_rows import sqlite_row  # noqa: E402
from claimledger.types import (  # noqa: E402
    AcledCode,
    Actor,
    Article,
    ArticleLedger,
    Claim,
    Contradiction,
    Event,
    Place,
    Span,
    TimeExpr,
    Trigger,
)

RESULTS = REPO / "bench" / "results"
PAGE = 200  # `claimledger events` shows 200 rows by default
TYPES = (
    "ASSAULT", "FIGHT", "COERCE", "PROTEST", "ACCUSE", "THREATEN", "MOBILIZE", "SANCTION",
    "REQUEST", "AID", "AGREE", "CONSULT", "SUPPORT", "RETREAT", "REJECT", "CONCEDE",
)  # fmt: skip
TYPE_WEIGHTS = (30, 18, 10, 8, 7, 5, 4, 3, 3, 3, 2, 2, 2, 1, 1, 1)
KINDS = ("state", "armed_group", "civilians", "person", "organization")
GRANULARITY = (("day", 0, 80), ("week", 6, 5), ("month", 30, 10), ("year", 364, 5))
FIRST_DAY = dt.date(2015, 1, 1)
DAYS = 11 * 365
SYLLABLES = ("ka", "ra", "an", "ol", "mi", "zu", "dar", "hel", "qa", "ber", "sin", "tor", "vel", "ma")
ACTOR_WORDS = ("Army", "Police", "Front", "Brigade", "Movement", "Council", "Forces", "Militia", "Party")


def pseudo_word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


@dataclasses.dataclass(frozen=True)
class Pools:
    actors: list[str]
    places: list[tuple[str, str]]  # name, admin1
    actor_weights: list[float]
    place_weights: list[float]


def make_pools(rng: random.Random, actors: int = 3000, places: int = 5000) -> Pools:
    actor_names = list(dict.fromkeys(f"{pseudo_word(rng)} {rng.choice(ACTOR_WORDS)}" for _ in range(actors)))
    regions = [pseudo_word(rng) + " Province" for _ in range(60)]
    place_names = list(dict.fromkeys(pseudo_word(rng) + pseudo_word(rng).lower() for _ in range(places)))
    return Pools(
        actors=actor_names,
        places=[(p, rng.choice(regions)) for p in place_names],
        actor_weights=[1 / (i + 1) for i in range(len(actor_names))],
        place_weights=[1 / (i + 1) for i in range(len(place_names))],
    )


def make_ledger(n: int, rng: random.Random, pools: Pools, events: int) -> ArticleLedger:
    """Article ``n``: ``events`` events with actors, places, times, claims; spans index its text."""
    published = FIRST_DAY + dt.timedelta(days=rng.randrange(DAYS))
    parts: list[str] = []
    pos = 0

    def put(text: str) -> Span:
        nonlocal pos
        parts.append(text + " ")
        span = Span(pos, pos + len(text))
        pos += len(text) + 1
        return span

    actor_names = rng.choices(pools.actors, pools.actor_weights, k=4)
    actors = []
    for i, name in enumerate(dict.fromkeys(actor_names)):
        actors.append(Actor(f"a{i + 1}", name, KINDS[i % len(KINDS)], (put(name),)))
    places = []
    for i, (name, admin1) in enumerate(dict.fromkeys(rng.choices(pools.places, pools.place_weights, k=2))):
        places.append(Place(f"p{i + 1}", name, "village", (put(name),), "XX", admin1, None, 34.5, 69.1))
    times = []
    for i in range(3):
        gran, span_days, _ = rng.choices(GRANULARITY, [g[2] for g in GRANULARITY])[0]
        start = published - dt.timedelta(days=rng.randrange(10) + span_days)
        times.append(
            TimeExpr(
                f"t{i + 1}", f"time {i}", put(f"on day {i}"), start, start + dt.timedelta(span_days), gran
            )
        )
    evs: list[Event] = []
    claims: list[Claim] = []
    contradictions: list[Contradiction] = []
    for i in range(events):
        trigger = put("attacked")
        sentence = Span(trigger.start, trigger.end)
        a1, a2 = rng.sample(actors, 2) if len(actors) > 1 else (actors[0], None)
        eid = f"e{i + 1}"
        cids = (f"c{len(claims) + 1}", f"c{len(claims) + 2}") if i % 2 == 0 else (f"c{len(claims) + 1}",)
        evs.append(
            Event(
                eid,
                rng.choices(TYPES, TYPE_WEIGHTS)[0],
                Trigger("attacked", trigger),
                sentence,
                acled=AcledCode("Battles", "Armed clash"),
                actor1=a1.id,
                actor2=None if a2 is None else a2.id,
                victims=(a2.id,) if a2 is not None and rng.random() < 0.2 else (),
                place=rng.choice(places).id if rng.random() < 0.9 else None,
                time=rng.choice(times).id if rng.random() < 0.85 else None,
                fatalities=rng.randrange(20) if rng.random() < 0.3 else None,
                claims=cids,
            )
        )
        for j, cid in enumerate(cids):
            content = put("the forces attacked the village")
            claims.append(
                Claim(
                    cid,
                    "named",
                    "deny" if j == 1 else "assert",
                    content,
                    content,
                    event=eid,
                    source=a1.id if j == 0 else (None if a2 is None else a2.id),
                    source_text="officials said",
                    cue="said",
                )
            )
        if len(cids) == 2 and rng.random() < 0.1:
            contradictions.append(Contradiction(eid, cids, "occurrence", ("assert", "deny")))
    text = "".join(parts)
    return ArticleLedger(
        article=Article(
            f"bench-{n:07d}",
            text,
            f"hash-{n:07d}",
            url=f"https://news.example.org/{n}",
            source="news.example.org",
            published=published,
            title=f"Report {n}",
            language="en",
        ),
        actors=tuple(actors),
        places=tuple(places),
        times=tuple(times),
        events=tuple(evs),
        claims=tuple(claims),
        contradictions=tuple(contradictions),
    )


def batches(
    total_events: int, per_article: int, seed: int, size: int = 2000
) -> Iterator[list[ArticleLedger]]:
    rng = random.Random(seed)
    pools = make_pools(random.Random(seed))
    articles = total_events // per_article
    for first in range(0, articles, size):
        yield [make_ledger(n, rng, pools, per_article) for n in range(first, min(first + size, articles))]


# --------------------------------------------------------------------------- loading

INGESTED = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def table_rows(batch: list[ArticleLedger]) -> dict[str, tuple[tuple[str, ...], list[tuple[object, ...]]]]:
    out: dict[str, tuple[tuple[str, ...], list[tuple[object, ...]]]] = {}
    for ledger in batch:
        for part in ledger_rows(ledger, INGESTED):
            out.setdefault(part.table, (part.columns, []))[1].extend(part.rows)
    return out


def load_sqlite(path: Path, total: int, per_article: int, seed: int) -> None:
    open_store(str(path)).close()  # create and migrate
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    for batch in batches(total, per_article, seed):
        conn.execute("BEGIN")
        for table, (columns, rows) in table_rows(batch).items():
            conn.executemany(insert_sql(table, columns, "?"), [sqlite_row(r) for r in rows])
        conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()


def load_postgres(url: str, total: int, per_article: int, seed: int) -> None:
    import psycopg

    from claimledger.store.postgres_text import register_text_adapters

    open_store(url).close()  # create and migrate
    with psycopg.connect(url, autocommit=True) as conn:
        register_text_adapters(conn)
        with contextlib.suppress(psycopg.Error):  # superuser only: no foreign-key triggers while loading
            conn.execute("SET session_replication_role = replica")
        for batch in batches(total, per_article, seed):
            with conn.transaction(), conn.cursor() as cur:
                for table, (columns, rows) in table_rows(batch).items():
                    if table == "search_terms":  # shared by articles: skip those already there
                        cur.executemany(insert_sql(table, columns, "%s"), sorted(set(rows)))
                        continue
                    names = ", ".join(f'"{c}"' for c in columns)
                    with cur.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                        for row in rows:
                            copy.write_row(row)
        conn.execute("VACUUM ANALYZE")


# --------------------------------------------------------------------------- timing


@dataclasses.dataclass(frozen=True)
class Workload:
    types: list[str]
    actors: list[str]
    actor_weights: list[float]
    places: list[str]
    event_ids: list[str]
    first_day: dt.date
    days: int


def workload(total: int, per_article: int, seed: int) -> Workload:
    pools = make_pools(random.Random(seed))
    rng = random.Random(seed + 1)
    articles = total // per_article
    ids = [f"bench-{rng.randrange(articles):07d}:e{rng.randrange(per_article) + 1}" for _ in range(500)]
    places = [p for p, _ in pools.places]
    return Workload(list(TYPES), pools.actors, pools.actor_weights, places, ids, FIRST_DAY, DAYS)


Query = Callable[[LedgerStore, random.Random], object]


def queries(w: Workload) -> dict[str, Query]:
    def day(rng: random.Random) -> dt.date:
        return w.first_day + dt.timedelta(days=rng.randrange(w.days))

    def frequent(rng: random.Random) -> str:  # a name as often as it occurs in articles
        return rng.choices(w.actors, w.actor_weights)[0]

    return {
        "events: no filter": lambda s, r: s.list_events(EventQuery(limit=PAGE)),
        "events: type": lambda s, r: s.list_events(EventQuery(type=r.choice(w.types), limit=PAGE)),
        "events: actor": lambda s, r: s.list_events(EventQuery(actor=r.choice(w.actors), limit=PAGE)),
        "events: actor, by frequency": lambda s, r: s.list_events(EventQuery(actor=frequent(r), limit=PAGE)),
        "events: place": lambda s, r: s.list_events(EventQuery(place=r.choice(w.places), limit=PAGE)),
        "events: since": lambda s, r: s.list_events(EventQuery(since=day(r), limit=PAGE)),
        "events: contested": lambda s, r: s.list_events(EventQuery(contested=True, limit=PAGE)),
        "events: type+actor+since": lambda s, r: s.list_events(
            EventQuery(type=r.choices(w.types, TYPE_WEIGHTS)[0], actor=frequent(r), since=day(r), limit=PAGE)
        ),
        "event detail": lambda s, r: s.get_event(r.choice(w.event_ids)),
        "claims of an event": lambda s, r: s.list_claims(ClaimQuery(event_id=r.choice(w.event_ids))),
    }


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def time_queries(
    url: str, qs: dict[str, Query], repeat: int, rounds: int, seed: int
) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    with open_store(url) as store:
        for name, query in qs.items():
            query(store, random.Random(seed))  # warm-up
            p50s, p95s = [], []
            for k in range(rounds):
                rng = random.Random(seed * 1000 + k)
                times = []
                for _ in range(repeat):
                    started = time.perf_counter()
                    query(store, rng)
                    times.append((time.perf_counter() - started) * 1000)
                p50s.append(percentile(times, 0.50))
                p95s.append(percentile(times, 0.95))
            out[name] = {
                "p50_ms": round(statistics.median(p50s), 2),
                "p95_ms": round(statistics.median(p95s), 2),
            }
            print(
                f"  {name:<26} p50 {out[name]['p50_ms']:8.2f} ms   p95 {out[name]['p95_ms']:8.2f} ms",
                flush=True,
            )
    return out


def time_concurrent(
    url: str, qs: dict[str, Query], threads: int, per_thread: int, seed: int
) -> dict[str, float]:
    """Every thread runs the whole mix ``per_thread`` times on its own store; latencies of all queries."""
    latencies: list[float] = []
    lock = threading.Lock()

    def worker(i: int) -> None:
        rng = random.Random(seed + i)
        mine = []
        with open_store(url) as store:
            for _ in range(per_thread):
                for query in qs.values():
                    started = time.perf_counter()
                    query(store, rng)
                    mine.append((time.perf_counter() - started) * 1000)
        with lock:
            latencies.extend(mine)

    started = time.perf_counter()
    pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    wall = time.perf_counter() - started
    return {
        "threads": threads,
        "queries": len(latencies),
        "qps": round(len(latencies) / wall, 1),
        "p50_ms": round(percentile(latencies, 0.5), 2),
        "p95_ms": round(percentile(latencies, 0.95), 2),
    }


# --------------------------------------------------------------------------- machine


def machine() -> dict[str, Any]:
    cpu = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                ram = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gib": ram,
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "psycopg": importlib.metadata.version("psycopg"),
        "platform": platform.platform(),
    }


def git_commit() -> str | None:
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True
        )
    except OSError:
        return None
    return done.stdout.strip() or None


def _sqlite_target(args: argparse.Namespace, workdir: Path) -> tuple[str, Callable[[], None] | None]:
    """The SQLite file and how to fill it (None: already filled, with --reuse)."""
    path = workdir / f"bench-{args.events}.sqlite"
    if args.reuse and path.exists():
        return str(path), None
    path.unlink(missing_ok=True)
    return str(path), lambda: load_sqlite(path, args.events, args.per_article, args.seed)


def _postgres_target(args: argparse.Namespace, servers: list[Any]) -> tuple[str, Callable[[], None] | None]:
    """The PostgreSQL database (--pg-url, else a new throwaway server's) and how to fill it."""
    import psycopg

    if args.pg_url:
        url = str(args.pg_url)
    else:
        from tests.store.pg_server import start_server

        server = start_server()
        servers.append(server)
        with psycopg.connect(server.url("postgres"), autocommit=True) as conn:
            conn.execute("CREATE DATABASE bench")
        url = server.url("bench")
    with open_store(url) as probe:
        counts = probe.counts()
    if args.reuse and counts["events"] == args.events // args.per_article * args.per_article:
        return url, None
    if counts["articles"]:
        raise SystemExit(f"{url}: not empty; give an empty database or --reuse")
    return url, lambda: load_postgres(url, args.events, args.per_article, args.seed)


def _server_version(url: str) -> str | None:
    import psycopg

    with psycopg.connect(url) as conn:
        row = conn.execute("SHOW server_version").fetchone()
    return None if row is None else str(row[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--per-article", type=int, default=8)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument(
        "--pg-url", help="an existing, empty PostgreSQL database (default: a throwaway server)"
    )
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--concurrency", type=int, default=0, help="threads for the concurrent run (0: none)")
    parser.add_argument(
        "--workdir",
        type=Path,
        help="where the SQLite file goes and stays (default: a temporary folder, removed)",
    )
    parser.add_argument("--reuse", action="store_true", help="keep and reuse already loaded data")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so that a throwaway server is stopped
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    scratch = None if args.workdir else tempfile.TemporaryDirectory(prefix="claimledger-bench-")
    workdir = args.workdir or Path(scratch.name if scratch else ".")
    workdir.mkdir(parents=True, exist_ok=True)
    qs = queries(workload(args.events, args.per_article, args.seed))
    results: dict[str, Any] = {}
    servers: list[Any] = []
    try:
        for backend in backends:
            if backend == "sqlite":
                url, load = _sqlite_target(args, workdir)
            elif backend == "postgresql":
                url, load = _postgres_target(args, servers)
            else:
                raise SystemExit(f"unknown backend {backend!r}")
            print(f"{backend}:", flush=True)
            entry: dict[str, Any] = {"load_s": None}
            if backend == "postgresql":
                entry["server_version"] = _server_version(url)
            if load is not None:
                started = time.perf_counter()
                load()
                entry["load_s"] = round(time.perf_counter() - started, 1)
                print(f"  loaded {args.events:,} events in {entry['load_s']} s", flush=True)
            with open_store(url) as store:
                entry["counts"] = store.counts()
            entry["queries"] = time_queries(url, qs, args.repeat, args.rounds, args.seed)
            if args.concurrency:
                per_thread = max(2, args.repeat // 4)
                c = entry["concurrent"] = time_concurrent(url, qs, args.concurrency, per_thread, args.seed)
                print(
                    f"  {c['threads']} threads: {c['qps']} queries/s, p50 {c['p50_ms']}, p95 {c['p95_ms']} ms"
                )
            results[backend] = entry
    finally:
        for server in servers:
            server.stop()
        if scratch is not None:
            scratch.cleanup()
    report = {
        "benchmark": "queries",
        "date": dt.date.today().isoformat(),
        "commit": git_commit(),
        "events": args.events,
        "per_article": args.per_article,
        "page": PAGE,
        "repeat": args.repeat,
        "rounds": args.rounds,
        "load_average_at_end": os.getloadavg(),
        "machine": machine(),
        "results": results,
    }
    print_table(report)
    if args.json:
        RESULTS.mkdir(parents=True, exist_ok=True)
        out = RESULTS / f"queries-{report['date']}.json"
        out.write_text(json.dumps(report, indent=2) + "\n")
        print(json.dumps(report))
    return 0


def print_table(report: dict[str, Any]) -> None:
    backends = list(report["results"])
    names = list(next(iter(report["results"].values()))["queries"]) if backends else []
    rounds, repeat = report["rounds"], report["repeat"]
    print(f"\n{report['events']:,} events; p50 / p95 in ms (median of {rounds} rounds of {repeat})")
    print("| query | " + " | ".join(f"{b} p50 | {b} p95" for b in backends) + " |")
    print("|---|" + "---:|---:|" * len(backends))
    for name in names:
        timings = [report["results"][b]["queries"][name] for b in backends]
        cells = [f"{t['p50_ms']:.1f} | {t['p95_ms']:.1f}" for t in timings]
        print(f"| {name} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    raise SystemExit(main())
