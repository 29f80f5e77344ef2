"""Streaming, resumable ingestion: read → skip what is stored → batch → engine → one writer.

Inputs are read lazily and cut into batches of ``config.batch_size``; the engine holds only the
batches in flight; the writer stores each ledger as its batch comes back. Memory therefore does not
grow with the corpus.

Resuming: an article whose content hash is already in the store is skipped before any processing,
and each ledger is written in its own transaction (``LedgerStore.add_ledger``). A run killed at any
point leaves every written article complete; run again, it processes only the articles not yet
stored (at most the batches that were in flight), and no article is stored twice.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator

from claimledger.config import Config
from claimledger.engine.base import Engine
from claimledger.engine.batch import BatchOutput, iter_batches
from claimledger.engine.summary import IngestSummary
from claimledger.errors import StoreError
from claimledger.ingest.result import IngestResult
from claimledger.store.base import LedgerStore
from claimledger.types import Article

log = logging.getLogger(__name__)

ProgressCallback = Callable[[IngestSummary], None]
NOT_STORED_REASON = "not stored"
# While reading through stored articles (a resumed run), report progress this often.
_PROGRESS_EVERY = 256


def count_words(text: str) -> int:
    return len(text.split())


def unstored_articles(
    results: Iterable[IngestResult],
    store: LedgerStore,
    summary: IngestSummary,
    on_progress: ProgressCallback | None = None,
) -> Iterator[Article]:
    """The articles among ``results`` that ``store`` does not hold yet; input errors, skipped languages
    and stored articles are counted in ``summary``."""
    for result in results:
        summary.read += 1
        if result.article is None:
            assert result.error is not None
            reason = result.reason or "input error"
            if result.skipped:
                log.info("skipped %s", result.error.message)
                summary.skip(reason, result.origin)
            else:
                log.warning("%s", result.error.message)
                summary.fail(reason, result.origin)
        elif store.has_article(result.article.content_hash):
            summary.already_stored += 1
        else:
            summary.queued += 1
            yield result.article
            continue
        if on_progress is not None and summary.read % _PROGRESS_EVERY == 0:
            on_progress(summary)


def write_batch(store: LedgerStore, output: BatchOutput, summary: IngestSummary) -> None:
    """Store the ledgers of ``output`` (one transaction each) and count what happened."""
    for failure in output.failures:
        log.warning("article %s (%s) failed: %s", failure.article_id, failure.origin, failure.message)
        summary.processed += 1
        summary.fail(failure.reason, failure.origin)
    for ledger in output.ledgers:
        article = ledger.article
        summary.processed += 1
        summary.words += count_words(article.text)
        for error in ledger.errors:
            summary.stage_failed(error.stage, article.origin or article.id)
        try:
            added = store.add_ledger(ledger)
        except StoreError as exc:
            log.warning("article %s (%s) not stored: %s", article.id, article.origin, exc.message)
            summary.fail(NOT_STORED_REASON, article.origin or article.id)
            continue
        if added:
            summary.stored += 1
        else:
            summary.already_stored += 1
    summary.batches += 1


def run_ingest(
    results: Iterable[IngestResult],
    store: LedgerStore,
    engine: Engine,
    config: Config,
    on_progress: ProgressCallback | None = None,
) -> IngestSummary:
    """Ingest ``results`` (see ``claimledger.ingest.iter_articles``) into ``store`` with ``engine``.

    ``on_progress`` is called with the running summary after each batch is written (and now and then
    while stored articles are skipped). Returns the final summary.
    """
    summary = IngestSummary()
    articles = unstored_articles(results, store, summary, on_progress)
    for output in engine.run(iter_batches(articles, config.batch_size)):
        write_batch(store, output, summary)
        if on_progress is not None:
            on_progress(summary)
    summary.finish()
    log.info(
        "ingested %d article(s) in %.1fs (%.1f articles/s): %d stored, %d already stored, %d failed",
        summary.processed,
        summary.seconds,
        summary.articles_per_second,
        summary.stored,
        summary.already_stored,
        summary.failures,
    )
    return summary
