"""The local engine: this process runs the pipeline (``nlp.pipe`` with the configured ``n_process``).

One ``nlp.pipe`` stream runs over the articles of every batch in turn (parser processes, when
``n_process`` > 1, start once per run, not once per batch), and its ledgers are regrouped by batch.
If the stream fails, the batches it held are redone one article at a time, so that one article that
breaks the parser costs only itself, and the stream goes on with the next batches.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from types import TracebackType
from typing import TYPE_CHECKING, Self

from claimledger.engine.batch import ArticleFailure, Batch, BatchOutput
from claimledger.errors import ClaimledgerError

if TYPE_CHECKING:
    from claimledger.pipeline import Pipeline
    from claimledger.types import Article, ArticleLedger

log = logging.getLogger(__name__)

# What processing one article may raise on odd input (the stages record their own failures; these
# come from the parser or the conversion of its output).
EXTRACT_FAILURES = (ClaimledgerError, ValueError, IndexError, KeyError, TypeError, AttributeError)
EXTRACT_REASON = "extraction failed"


def extract_one(pipeline: Pipeline, article: Article) -> ArticleLedger | ArticleFailure:
    """The ledger of ``article``, or an ``ArticleFailure`` if the pipeline raised on it."""
    try:
        return pipeline.extract(article)
    except EXTRACT_FAILURES as exc:
        log.warning("article %s (%s) failed: %s", article.id, article.origin, exc, exc_info=True)
        return ArticleFailure(article.id, article.origin, EXTRACT_REASON, f"{type(exc).__name__}: {exc}")


def extract_batch_one_by_one(pipeline: Pipeline, batch: Batch, worker: str = "local") -> BatchOutput:
    """``batch`` processed one article at a time (``pipeline.extract``), failures kept per article."""
    started = time.perf_counter()
    ledgers: list[ArticleLedger] = []
    failures: list[ArticleFailure] = []
    for article in batch.articles:
        result = extract_one(pipeline, article)
        if isinstance(result, ArticleFailure):
            failures.append(result)
        else:
            ledgers.append(result)
    return BatchOutput(batch.index, tuple(ledgers), tuple(failures), time.perf_counter() - started, worker)


def extract_batch(pipeline: Pipeline, batch: Batch, worker: str = "local") -> BatchOutput:
    """``batch`` through ``pipeline.extract_many`` (one ``nlp.pipe`` call); one by one if that fails."""
    started = time.perf_counter()
    try:
        ledgers = tuple(pipeline.extract_many(batch.articles))
    except EXTRACT_FAILURES as exc:
        log.warning("batch %d failed (%s); processing its articles one by one", batch.index, exc)
        return extract_batch_one_by_one(pipeline, batch, worker)
    return BatchOutput(batch.index, ledgers, (), time.perf_counter() - started, worker)


class LocalEngine:
    """Runs a pipeline in this process (and its ``n_process`` parser processes).

    Give the ``pipeline``, or a ``factory`` that builds it when the first batch comes (a run that
    finds every article stored then loads no model).
    """

    def __init__(
        self, pipeline: Pipeline | None = None, factory: Callable[[], Pipeline] | None = None
    ) -> None:
        if pipeline is None and factory is None:
            raise ValueError("LocalEngine needs a pipeline or a factory")
        self._pipeline = pipeline
        self._factory = factory

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            assert self._factory is not None
            self._pipeline = self._factory()
        return self._pipeline

    def run(self, batches: Iterable[Batch]) -> Iterator[BatchOutput]:
        """A ``BatchOutput`` per batch, in order. Batches are read lazily: at most the parser's own
        read-ahead (a few batches) is in memory."""
        source = iter(batches)
        first = next(source, None)
        if first is None:
            return  # nothing to do: the pipeline is not even built
        source = chain([first], source)
        while True:
            in_flight: deque[Batch] = deque()
            try:
                yield from self._stream(source, in_flight)
                return
            except EXTRACT_FAILURES as exc:
                log.warning(
                    "the parser stream failed (%s: %s); redoing %d batch(es) one article at a time",
                    type(exc).__name__,
                    exc,
                    len(in_flight),
                )
            for batch in in_flight:
                yield extract_batch_one_by_one(self.pipeline, batch)

    def _stream(self, source: Iterator[Batch], in_flight: deque[Batch]) -> Iterator[BatchOutput]:
        def articles() -> Iterator[Article]:
            for batch in source:
                if batch.articles:  # an empty batch has nothing to process or write
                    in_flight.append(batch)
                    yield from batch.articles

        done: list[ArticleLedger] = []
        started = time.perf_counter()
        for ledger in self.pipeline.extract_many(articles()):
            done.append(ledger)
            if len(done) == len(in_flight[0].articles):
                batch = in_flight.popleft()
                now = time.perf_counter()
                yield BatchOutput(batch.index, tuple(done), (), now - started)
                done = []
                started = now

    def close(self) -> None:
        """Nothing to release: the pipeline belongs to the caller."""

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
