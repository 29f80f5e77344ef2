"""What an ingestion run did: counts, failures by reason, throughput."""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field

# Origins kept per failure reason, as examples for the summary (the rest are only counted).
EXAMPLES_PER_REASON = 3


@dataclass(slots=True)
class IngestSummary:
    """Running totals of one ingestion run, updated as batches are written.

    read: inputs read (articles and input errors). stored: ledgers written. already_stored: articles
    whose content was in the store before (skipped without processing; this is how a run resumes).
    skipped: articles left out on purpose, by reason ("language fr"). failed: inputs and articles that
    could not be read, processed or stored, by reason. stage_errors: stored ledgers in which a stage
    failed, by stage (the other stages' records are kept). processed/words: articles (and their
    whitespace-separated words) that went through the pipeline. queued: articles handed to the engine
    (``queued - processed`` are in flight). batches: batches written.
    """

    read: int = 0
    queued: int = 0
    stored: int = 0
    already_stored: int = 0
    processed: int = 0
    words: int = 0
    batches: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    failed: Counter[str] = field(default_factory=Counter)
    stage_errors: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    started: float = field(default_factory=time.perf_counter)
    finished: float | None = None

    def fail(self, reason: str, origin: str | None) -> None:
        self.failed[reason] += 1
        self._example(reason, origin)

    def skip(self, reason: str, origin: str | None) -> None:
        self.skipped[reason] += 1
        self._example(reason, origin)

    def stage_failed(self, stage: str, origin: str | None) -> None:
        self.stage_errors[stage] += 1
        self._example(f"stage {stage}", origin)

    def _example(self, reason: str, origin: str | None) -> None:
        shown = self.examples.setdefault(reason, [])
        if origin and len(shown) < EXAMPLES_PER_REASON:
            shown.append(origin)

    def finish(self) -> None:
        self.finished = time.perf_counter()

    @property
    def done(self) -> int:
        """Inputs dealt with: read, less the articles still in flight."""
        return self.read - self.queued + self.processed

    @property
    def failures(self) -> int:
        return sum(self.failed.values())

    @property
    def seconds(self) -> float:
        end = self.finished if self.finished is not None else time.perf_counter()
        return max(end - self.started, 1e-9)

    @property
    def articles_per_second(self) -> float:
        return self.processed / self.seconds

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds

    def to_dict(self) -> dict[str, object]:
        return {
            "read": self.read,
            "queued": self.queued,
            "stored": self.stored,
            "already_stored": self.already_stored,
            "processed": self.processed,
            "words": self.words,
            "batches": self.batches,
            "skipped": dict(self.skipped),
            "failed": dict(self.failed),
            "stage_errors": dict(self.stage_errors),
            "examples": {k: list(v) for k, v in self.examples.items()},
            "seconds": round(self.seconds, 3),
            "articles_per_second": round(self.articles_per_second, 3),
            "words_per_second": round(self.words_per_second, 1),
        }
