"""The ``claimledger`` command: thin Typer wrappers over library functions."""

from __future__ import annotations

import datetime as dt
import json
import logging
import sys
from collections.abc import Iterator
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.logging import RichHandler
from rich.table import Table

from claimledger.config import Config
from claimledger.errors import ClaimledgerError, UnsupportedLanguageError

if TYPE_CHECKING:
    from claimledger.ingest import IngestResult
    from claimledger.pipeline import Pipeline
    from claimledger.store.ledger_base import LedgerEventDetail
    from claimledger.types import ArticleLedger

app = typer.Typer(
    help="claimledger: a sourced, contradiction-aware ledger of conflict events from news text.",
    no_args_is_help=True,
    add_completion=False,
)
# tables stay readable when piped (Rich would fall back to 80 columns)
out = Console(width=None if sys.stdout.isatty() else 200)
err = Console(stderr=True, soft_wrap=True)

DB_OPTION = typer.Option("--db", help="Ledger database: a SQLite file path (or sqlite:///path).")
ACTORS_OPTION = typer.Option(
    "--actors",
    help="A user's actor-base file (TSV, the columns of data/actors.tsv) added to the packaged one",
    exists=True,
    dir_okay=False,
    resolve_path=True,
)


class Format(StrEnum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(message)s",
        handlers=[RichHandler(console=err, show_time=False, show_path=False)],
        force=True,
    )


def _parse_date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)", param_hint=option) from None


def _config(model: str | None, batch_size: int | None = None, actors: Path | None = None) -> Config:
    cfg = Config()
    kwargs: dict[str, object] = {}
    if actors is not None:
        kwargs["actors_file"] = str(actors)
    if model:
        kwargs["model"] = model
    if batch_size:
        kwargs["batch_size"] = batch_size
    return replace(cfg, **kwargs)  # type: ignore[arg-type]


def _pipeline(config: Config) -> Pipeline:
    from claimledger.pipeline import build_pipeline

    with err.status(f"loading model {config.model} ..."):
        return build_pipeline(config)


def _report_input_error(result: IngestResult) -> bool:
    """Print an input's error. Returns True if it is a failure (not a skip)."""
    assert result.error is not None
    if isinstance(result.error, UnsupportedLanguageError):
        err.print(f"[yellow]skipped[/] {result.error.message}")
        return False
    err.print(f"[red]error[/] {result.error.message}")
    return True


def _ledgers(
    pipeline: Pipeline, results: Iterator[IngestResult], failures: list[str]
) -> Iterator[tuple[IngestResult, ArticleLedger | None]]:
    """Run the pipeline over the articles among ``results``, keeping input order and errors."""
    from claimledger.ingest import IngestResult as _IR

    pending: list[_IR] = []

    def flush() -> Iterator[tuple[IngestResult, ArticleLedger | None]]:
        arts = [r.article for r in pending if r.article is not None]
        ledgers = iter(pipeline.extract_many(arts))
        for r in pending:
            if r.article is None:
                yield r, None
            else:
                yield r, next(ledgers)
        pending.clear()

    for r in results:
        if r.error is not None and _report_input_error(r):
            failures.append(r.origin)
        pending.append(r)
        if len(pending) >= pipeline.config.batch_size:
            yield from flush()
    yield from flush()


@app.command()
def extract(
    files: Annotated[list[str], typer.Argument(help="Files, directories, globs; .txt .html .jsonl .json")],
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs without one")
    ] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="json, jsonl or table")] = Format.json,
    model: Annotated[str | None, typer.Option(help="spaCy model package name")] = None,
    actors: Annotated[Path | None, ACTORS_OPTION] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Extract the ledger of each article and print it (nothing is stored)."""
    from claimledger.ingest import iter_articles
    from claimledger.serialize import ledger_to_dict

    _setup_logging(verbose)
    config = _config(model, actors=actors)
    pub = _parse_date(published, "--published")
    try:
        pipeline = _pipeline(config)
    except ClaimledgerError as exc:
        err.print(f"[red]error[/] {exc.message}")
        raise typer.Exit(2) from None
    failures: list[str] = []
    docs: list[dict[str, object]] = []
    for result, ledger in _ledgers(pipeline, iter_articles(files, config, pub), failures):
        if ledger is None:
            if format is Format.jsonl and result.error is not None:
                # a record that fails still gets its line, with errors filled
                line = {
                    "article": {"url": None, "origin": result.origin},
                    "errors": [{"stage": "ingest", "message": result.error.message}],
                }
                sys.stdout.write(json.dumps(line) + "\n")
            continue
        if format is Format.table:
            _print_ledger_table(ledger)
        elif format is Format.jsonl:
            sys.stdout.write(json.dumps(ledger_to_dict(ledger), ensure_ascii=False) + "\n")
        else:
            docs.append(ledger_to_dict(ledger))
    if format is Format.json:
        payload: object = docs[0] if len(docs) == 1 else docs
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    raise typer.Exit(1 if failures else 0)


class EngineName(StrEnum):
    local = "local"
    dask = "dask"


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, directories, globs; .txt .html .jsonl .json")],
    db: Annotated[str, DB_OPTION] = "ledger.db",
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for inputs without one")
    ] = None,
    model: Annotated[str | None, typer.Option(help="spaCy model package name")] = None,
    batch_size: Annotated[int | None, typer.Option(help="Articles per batch (nlp.pipe and writes)")] = None,
    processes: Annotated[
        int | None, typer.Option("--processes", "-p", help="Parser processes of the local engine (n_process)")
    ] = None,
    engine: Annotated[
        EngineName, typer.Option("--engine", help="local: this machine; dask: Dask workers")
    ] = EngineName.local,
    scheduler: Annotated[
        str | None, typer.Option(help="Dask scheduler address (tcp://host:8786); default: a local cluster")
    ] = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes of the local Dask cluster")] = None,
    actors: Annotated[Path | None, ACTORS_OPTION] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Extract and store articles in the ledger, in batches.

    Idempotent and resumable: an article already stored is skipped, so a run that was stopped
    (even killed) continues where it stopped when run again.
    """
    from claimledger.engine import check_config, make_engine, run_ingest
    from claimledger.ingest import iter_articles
    from claimledger.ingest.count import count_inputs
    from claimledger.ledger.refresh import refresh_ledger
    from claimledger.progress import IngestProgress, print_summary
    from claimledger.store import open_store

    _setup_logging(verbose)
    if engine is EngineName.dask:
        import distributed  # noqa: F401  (it sets up its own loggers when imported)

        logging.getLogger("distributed").setLevel(logging.WARNING)  # Dask's own chatter, even with -v
    options: dict[str, object] = {"engine": engine.value}
    for name, value in (("n_process", processes), ("scheduler", scheduler), ("workers", workers)):
        if value is not None:
            options[name] = value
    config = replace(_config(model, batch_size, actors), **options)  # type: ignore[arg-type]
    try:
        check_config(config)
    except ClaimledgerError as exc:
        err.print(f"[red]error[/] {exc.message}")
        raise typer.Exit(2) from None
    pub = _parse_date(published, "--published")
    try:
        with (
            open_store(db) as store,
            make_engine(config, lambda: _pipeline(config)) as runner,
            IngestProgress(err, count_inputs(paths)) as progress,
        ):
            summary = run_ingest(iter_articles(paths, config, pub), store, runner, config, progress)
            refreshed = refresh_ledger(store, config)
    except ClaimledgerError as exc:
        err.print(f"[red]error[/] {exc.message}")
        raise typer.Exit(2) from None
    print_summary(err, summary)
    change = refreshed.change
    err.print(
        f"ledger: {refreshed.events} event(s), {refreshed.contradictions} contradiction(s) from "
        f"{refreshed.articles} article(s); {change.inserted} new, {change.updated} updated, "
        f"{change.deleted} removed ({refreshed.seconds:.1f}s)"
    )
    raise typer.Exit(1 if summary.failures else 0)


@app.command()
def events(
    db: Annotated[str, DB_OPTION] = "ledger.db",
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type")] = None,
    actor: Annotated[
        str | None, typer.Option(help="actor name or alias (substring) or actor-base id")
    ] = None,
    place: Annotated[str | None, typer.Option(help="place name or country code (substring)")] = None,
    since: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    contested: Annotated[bool, typer.Option("--contested", help="only contested events")] = False,
    min_corroboration: Annotated[
        int, typer.Option("--min-corroboration", help="at least this many independent sources")
    ] = 0,
    per_article: Annotated[
        bool, typer.Option("--per-article", help="each article's own events instead of the merged ledger")
    ] = False,
    limit: Annotated[int, typer.Option(help="at most this many rows")] = 200,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table")] = False,
) -> None:
    """List the events of the cross-article ledger: merged across articles, with their corroboration."""
    from claimledger.store import open_store
    from claimledger.store.ledger_base import LedgerQuery

    if per_article:
        _article_events(db, type, actor, place, since, until, contested, limit, as_json)
        return
    query = LedgerQuery(
        type=type.upper() if type else None,
        actor=actor,
        place=place,
        since=_parse_date(since, "--since"),
        until=_parse_date(until, "--until"),
        contested=contested,
        min_corroboration=min_corroboration,
        limit=limit,
    )
    with open_store(db) as store:
        rows = store.list_ledger_events(query)
        if as_json:
            for r in rows:
                line = _ledger_event_dict(store.get_ledger_event(r.id))
                sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
            return
    table = Table(title=f"ledger events ({len(rows)})", show_lines=False)
    for col in ("id", "type", "ACLED", "actor1", "actor2", "place", "date", "deaths", "sources", "reports"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(
            r.id,
            r.type + (f"/{r.mode}" if r.mode else ""),
            r.acled_sub_event_type or "",
            r.actor1_name or r.actor1 or "",
            r.actor2_name or r.actor2 or "",
            ", ".join(x for x in (r.place, r.country) if x),
            _dates(r.date_start, r.date_end),
            "" if r.fatalities is None else str(r.fatalities),
            str(r.corroboration) + (" contested" if r.contested else ""),
            f"{r.reports} ({r.claims} claims)",
        )
    out.print(table)


def _ledger_event_dict(detail: LedgerEventDetail) -> dict[str, object]:
    """A ledger event as JSON: its record (reports, sources, corroboration, contested, claims) and its
    contradictions."""
    from claimledger.ledger.serialize import ledger_contradiction_to_dict, ledger_event_to_dict

    return {
        **ledger_event_to_dict(detail.record),
        "contradictions": [ledger_contradiction_to_dict(k) for k in detail.contradictions],
    }


def _dates(start: dt.date | None, end: dt.date | None) -> str:
    if start is None:
        return ""
    return str(start) if end is None or start == end else f"{start}..{end}"


def _article_events(
    db: str,
    type: str | None,
    actor: str | None,
    place: str | None,
    since: str | None,
    until: str | None,
    contested: bool,
    limit: int,
    as_json: bool,
) -> None:
    """``claimledger events --per-article``: each article's own events."""
    from claimledger.store import EventQuery, open_store

    query = EventQuery(
        type=type.upper() if type else None,
        actor=actor,
        place=place,
        since=_parse_date(since, "--since"),
        until=_parse_date(until, "--until"),
        contested=contested,
        limit=limit,
    )
    with open_store(db) as store:
        rows = store.list_events(query)
    if as_json:
        for r in rows:
            sys.stdout.write(json.dumps(_row_dict(r), default=str) + "\n")
        return
    table = Table(title=f"events ({len(rows)})", show_lines=False)
    for col in ("id", "type", "ACLED", "actor1", "actor2", "place", "date", "deaths", "claims", "flags"):
        table.add_column(col, overflow="fold")
    for r in rows:
        flags = " ".join(
            f for f, on in (("contested", r.contested), ("hedged", r.hedged), ("negated", r.negated)) if on
        )
        date = (
            ""
            if r.date_start is None
            else (str(r.date_start) if r.date_start == r.date_end else f"{r.date_start}..{r.date_end}")
        )
        table.add_row(
            r.event_id,
            r.type + (f"/{r.mode}" if r.mode else ""),
            r.acled_sub_event_type or "",
            r.actor1 or "",
            r.actor2 or (", ".join(r.victims) if r.victims else ""),
            r.place or "",
            date,
            "" if r.fatalities is None else str(r.fatalities),
            f"{r.claim_count}: " + "; ".join(r.sources),
            flags,
        )
    out.print(table)


@app.command()
def claims(
    db: Annotated[str, DB_OPTION] = "ledger.db",
    actor: Annotated[str | None, typer.Option(help="source name (substring)")] = None,
    event: Annotated[str | None, typer.Option(help="store-wide event id")] = None,
    stance: Annotated[str | None, typer.Option(help="assert or deny")] = None,
    contested: Annotated[bool, typer.Option("--contested", help="only claims in a contradiction")] = False,
    limit: Annotated[int, typer.Option(help="at most this many rows")] = 200,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table")] = False,
) -> None:
    """List the claims in the ledger: who said what, how firmly."""
    from claimledger.store import ClaimQuery, open_store

    query = ClaimQuery(actor=actor, event_id=event, stance=stance, contested=contested, limit=limit)
    with open_store(db) as store:
        rows = store.list_claims(query)
    if as_json:
        for r in rows:
            sys.stdout.write(json.dumps(_row_dict(r), default=str) + "\n")
        return
    table = Table(title=f"claims ({len(rows)})")
    for col in ("id", "event", "source", "kind", "cue", "stance", "channel", "content"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(
            r.claim_id,
            (r.event_id or "") + (f" {r.event_type}" if r.event_type else ""),
            r.source,
            r.source_kind,
            r.cue or "",
            r.stance + (" (hedged)" if r.hedged else ""),
            r.channel or "",
            _short(r.content, 120),
        )
    out.print(table)


@app.command()
def show(
    event_id: Annotated[
        str,
        typer.Argument(help="event id, as `claimledger events` (ledger) or `events --per-article` print it"),
    ],
    db: Annotated[str, DB_OPTION] = "ledger.db",
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """One event (an article's, or a ledger event): its evidence, who said it, and any contradiction."""
    from claimledger.errors import NotFoundError
    from claimledger.store import open_store

    with open_store(db) as store:
        try:
            d = store.get_event(event_id)
        except NotFoundError as exc:
            try:
                ledger_event = store.get_ledger_event(event_id)
            except NotFoundError:
                err.print(f"[red]error[/] {exc.message}, nor a ledger event with that id")
                raise typer.Exit(1) from None
            _show_ledger_event(ledger_event, as_json)
            return
    if as_json:
        sys.stdout.write(json.dumps(_row_dict(d.row), default=str, indent=2) + "\n")
        return
    r = d.row
    out.print(
        f"[bold]{r.event_id}[/]  {r.type}{'/' + r.mode if r.mode else ''}  "
        f"ACLED: {r.acled_event_type or '-'} / {r.acled_sub_event_type or '-'}"
    )
    out.print(
        f"actor1: {r.actor1 or '-'}   actor2: {r.actor2 or '-'}   victims: {', '.join(r.victims) or '-'}"
    )
    out.print(
        f"place: {r.place or '-'}   date: {r.date_start or '-'}..{r.date_end or '-'}   "
        f"fatalities: {r.fatalities if r.fatalities is not None else '-'}"
    )
    out.print(f"article: {d.article.id} {d.article.title or ''} {d.article.url or ''}")
    out.print(f"[dim]evidence:[/] {d.sentence}", markup=True, highlight=False)
    for c in d.claims:
        label = c.source_name or c.row.source
        out.print(
            f"  [bold]{c.row.claim_id}[/] {label} ({c.row.source_kind}) [italic]{c.row.cue or ''}[/] "
            f"{c.row.stance}{' hedged' if c.row.hedged else ''}"
            f"{' on ' + c.row.channel if c.row.channel else ''}"
        )
        out.print(f"      {_short(c.evidence, 300)}", markup=False, highlight=False)
    for k in d.contradictions:
        out.print(
            f"[red]contradiction[/] on {k.field}: "
            + ", ".join(f"{cid} {v}" for cid, v in zip(k.claim_ids, k.values, strict=False))
        )


def _show_ledger_event(d: LedgerEventDetail, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(json.dumps(_ledger_event_dict(d), ensure_ascii=False, indent=2) + "\n")
        return
    r = d.row
    out.print(
        f"{r.id}  {r.type}{'/' + r.mode if r.mode else ''}  ACLED: {r.acled_sub_event_type or '-'}",
        markup=False,
    )
    out.print(
        f"actor1: {r.actor1_name or r.actor1 or '-'}   actor2: {r.actor2_name or r.actor2 or '-'}   "
        f"place: {', '.join(x for x in (r.place, r.country) if x) or '-'}   "
        f"date: {_dates(r.date_start, r.date_end) or '-'}   "
        f"fatalities: {r.fatalities if r.fatalities is not None else '-'}",
        markup=False,
    )
    out.print(
        f"corroboration: {r.corroboration} ({', '.join(d.record.sources) or 'no asserting source'})"
        f"{'   CONTESTED' if r.contested else ''}",
        markup=False,
    )
    for rep in d.reports:
        out.print(
            f"  report {rep.article_id}:{rep.event_id} {rep.outlet or ''} {rep.published or ''}"
            f"{'' if rep.occurred else ' (denied or negated)'}",
            markup=False,
        )
    for c in d.claims:
        out.print(
            f"  claim {c.article_id}:{c.claim_id} {c.source_text or c.source_key} [{c.source_key}] {c.stance}"
            f"{' on ' + str(c.time) if c.time else ''}",
            markup=False,
        )
    for k in d.contradictions:
        out.print(
            f"contradiction on {k.field}: {' vs '.join(k.values)}; claims "
            + ", ".join(f"{c.article_id}:{c.claim_id}" for c in k.claims),
            markup=False,
        )


@app.command()
def actor(
    name: Annotated[str, typer.Argument(help="actor name or alias (substring) or actor-base id")],
    db: Annotated[str, DB_OPTION] = "ledger.db",
    as_json: Annotated[bool, typer.Option("--json", help="one JSON object")] = False,
) -> None:
    """How an actor fares in the ledger: claims it made, events it took part in, contradicted or
    corroborated claims."""
    from claimledger.store import open_store

    with open_store(db) as store:
        summary = store.actor_summary(name)
    if as_json:
        sys.stdout.write(json.dumps(_row_dict(summary)) + "\n")
        return
    table = Table(title=f"actor {name!r}: {', '.join(summary.keys) or 'not found'}")
    table.add_column("")
    table.add_column("count", justify="right")
    for label, value in (
        ("events it took part in", summary.events),
        ("claims it made", summary.claims),
        ("  asserting", summary.asserts),
        ("  denying", summary.denies),
        ("  events its claims are about", summary.events_claimed),
        ("  contradicted", summary.contradicted),
        ("  corroborated by another source", summary.corroborated),
    ):
        table.add_row(label, str(value))
    out.print(table)


class Step(StrEnum):
    day = "day"
    week = "week"


@app.command()
def timeline(
    db: Annotated[str, DB_OPTION] = "ledger.db",
    by: Annotated[Step, typer.Option("--by", help="day or week (ISO weeks, from Monday)")] = Step.day,
    type: Annotated[str | None, typer.Option("--type", help="PLOVER type")] = None,
    actor: Annotated[
        str | None, typer.Option(help="actor name or alias (substring) or actor-base id")
    ] = None,
    place: Annotated[str | None, typer.Option(help="place name or country code (substring)")] = None,
    since: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    contested: Annotated[bool, typer.Option("--contested", help="only contested events")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines instead of a table")] = False,
) -> None:
    """Ledger events per day or week: how many, how many contested, their reports and fatalities."""
    from claimledger.store import open_store
    from claimledger.store.ledger_base import LedgerQuery

    query = LedgerQuery(
        type=type.upper() if type else None,
        actor=actor,
        place=place,
        since=_parse_date(since, "--since"),
        until=_parse_date(until, "--until"),
        contested=contested,
    )
    with open_store(db) as store:
        buckets = store.timeline(query, by.value)
    if as_json:
        for b in buckets:
            sys.stdout.write(json.dumps(_row_dict(b), default=str) + "\n")
        return
    table = Table(title=f"ledger events per {by.value} ({len(buckets)})")
    for col in (by.value, "events", "contested", "reports", "fatalities"):
        table.add_column(col, justify="left" if col == by.value else "right")
    for b in buckets:
        table.add_row(str(b.start), str(b.events), str(b.contested), str(b.reports), str(b.fatalities))
    out.print(table)


@app.command()
def serve(
    db: Annotated[str, DB_OPTION] = "ledger.db",
    host: Annotated[
        str, typer.Option(help="address to listen on (reads are open to loopback clients)")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port to listen on")] = 8000,
    token: Annotated[
        str | None, typer.Option(envvar="CLAIMLEDGER_TOKEN", help="API token that writes (ingest) need")
    ] = None,
    public_reads: Annotated[bool, typer.Option("--public-reads", help="let any client read")] = False,
    model: Annotated[str | None, typer.Option(help="spaCy model package name (for ingest)")] = None,
) -> None:
    """Serve the ledger: web pages at /, the HTTP API at /api (OpenAPI at /openapi.json)."""
    import uvicorn

    from claimledger.api import ApiConfig, create_app, lazy_pipeline

    config = _config(model)
    api = create_app(
        db, ApiConfig(token=token, public_reads=public_reads, pipeline=config), lazy_pipeline(config)
    )
    uvicorn.run(api, host=host, port=port)


@app.command("eval")
def eval_(
    dataset: Annotated[str, typer.Argument(help="seed or polnear (see shared/spec/eval.md)")],
    path: Annotated[Path | None, typer.Option(help="another copy of the dataset, same layout")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="one JSON object")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="per-item details")] = False,
    model: Annotated[str | None, typer.Option(help="spaCy model package name")] = None,
) -> None:
    """Score claimledger on an annotated dataset."""
    from claimledger.eval import run_eval

    _setup_logging(False)
    config = _config(model)
    pipeline = _pipeline(config)
    try:
        result = run_eval(dataset, pipeline, path=path)
    except ClaimledgerError as exc:
        err.print(f"[red]error[/] {exc.message}")
        raise typer.Exit(2) from None
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), default=str) + "\n")
        return
    table = Table(title=f"eval {result.dataset}: {result.docs} doc(s), {result.seconds:.1f}s, {result.model}")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for k, v in result.metrics.items():
        table.add_row(k, f"{v:.3f}")
    out.print(table)
    if verbose:
        for d in result.details:
            out.print(str(d), markup=False, highlight=False)
        for n in result.notes:
            out.print(f"[dim]{n}[/]")


# ---------------------------------------------------------------------- output helpers


def _short(text: str, n: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _row_dict(row: object) -> dict[str, object]:
    return {f: getattr(row, f) for f in row.__slots__}  # type: ignore[attr-defined]


def _print_ledger_table(ledger: ArticleLedger) -> None:
    actors = {a.id: a.name for a in ledger.actors}
    places = {p.id: p.name for p in ledger.places}
    times = {t.id: t for t in ledger.times}
    claims = {c.id: c for c in ledger.claims}
    table = Table(title=f"{ledger.article.origin or ledger.article.id}: {len(ledger.events)} event(s)")
    for col in ("id", "type", "actor1", "actor2 / victims", "place", "date", "according to", "flags"):
        table.add_column(col, overflow="fold")
    contested = {k.event for k in ledger.contradictions}
    for e in ledger.events:
        t = times.get(e.time) if e.time else None
        srcs = []
        for cid in e.claims:
            c = claims[cid]
            who = actors.get(c.source or "") or c.source_text or c.source_kind
            srcs.append(f"{who} ({c.stance})" if c.stance == "deny" else who)
        flags = " ".join(
            f
            for f, on in (("contested", e.id in contested), ("hedged", e.hedged), ("negated", e.negated))
            if on
        )
        table.add_row(
            e.id,
            f"{e.type}" + (f"/{e.mode}" if e.mode else ""),
            actors.get(e.actor1 or "", ""),
            actors.get(e.actor2 or "", "") or ", ".join(actors.get(v, v) for v in e.victims),
            places.get(e.place or "", ""),
            "" if t is None else (str(t.start) if t.start == t.end else f"{t.start}..{t.end}"),
            "; ".join(dict.fromkeys(srcs)),
            flags,
        )
    out.print(table)
    for err_ in ledger.errors:
        err.print(f"[red]stage {err_.stage} failed[/]: {err_.message}")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
