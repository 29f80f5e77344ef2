"""Rich output for ingestion runs (used by the CLI only; library code logs and calls back).

``IngestProgress`` is a progress callback for ``claimledger.engine.run_ingest``: a bar with the inputs
done, articles/s and words/s. ``print_summary`` prints the totals and a table of failures by reason.
"""

from __future__ import annotations

from types import TracebackType
from typing import Self

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from claimledger.engine.summary import IngestSummary


class IngestProgress:
    """A transient progress bar on ``console``; ``total`` inputs if known (else it counts up)."""

    def __init__(self, console: Console, total: int | None = None) -> None:
        self.total = total
        self._progress = Progress(
            TextColumn("[bold]ingest"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        )
        self._task: TaskID | None = None

    def __enter__(self) -> Self:
        self._progress.start()
        self._task = self._progress.add_task("ingest", total=self.total, rate="")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._progress.stop()

    def __call__(self, summary: IngestSummary) -> None:
        if self._task is None:
            return
        rate = f"{summary.articles_per_second:.1f} articles/s, {summary.words_per_second:,.0f} words/s"
        self._progress.update(self._task, completed=summary.done, rate=rate)


def print_summary(console: Console, summary: IngestSummary) -> None:
    """The run's totals on one line, then, if any input failed or was skipped, a table by reason."""
    console.print(
        f"stored {summary.stored} article(s), {summary.already_stored} already in the ledger, "
        f"{summary.failures} failed"
        + (f", {sum(summary.skipped.values())} skipped" if summary.skipped else "")
        + f" ({summary.processed} processed in {summary.seconds:.1f}s, "
        f"{summary.articles_per_second:.1f} articles/s, {summary.words_per_second:,.0f} words/s)",
        highlight=False,
    )
    rows = [("failed", r, n) for r, n in summary.failed.most_common()]
    rows += [("skipped", r, n) for r, n in summary.skipped.most_common()]
    rows += [("stage failed", f"stage {stage}", n) for stage, n in summary.stage_errors.most_common()]
    if not rows:
        return
    table = Table(title="by reason", title_justify="left")
    table.add_column("outcome")
    table.add_column("reason")
    table.add_column("count", justify="right")
    table.add_column("e.g.", overflow="fold")
    for outcome, reason, n in rows:
        table.add_row(outcome, reason, str(n), ", ".join(summary.examples.get(reason, [])))
    console.print(table)
