from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from claimledger.config import Config
from claimledger.engine.batch import ArticleFailure, BatchOutput
from claimledger.engine.local import EXTRACT_REASON, LocalEngine
from claimledger.engine.run import NOT_STORED_REASON, run_ingest, write_batch
from claimledger.engine.summary import IngestSummary
from claimledger.errors import InputError, StoreError, UnsupportedLanguageError
from claimledger.ingest.result import IngestResult
from claimledger.store import LedgerStore, open_store
from claimledger.types import Article, ArticleLedger

from .helpers import BOOM, STAGE_FAIL, FakePipeline, article, articles


def ok(a: Article) -> IngestResult:
    return IngestResult(article=a, error=None, origin=a.origin or a.id)


def bad(origin: str, reason: str, error: type[InputError] = InputError) -> IngestResult:
    return IngestResult(article=None, error=error(origin, reason), origin=origin)


def stored_ids(store: LedgerStore) -> list[str]:
    return sorted(row.id for row in store.list_articles())


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LedgerStore]:
    with open_store(tmp_path / "ledger.db") as s:
        yield s


def ingest(store: LedgerStore, results: list[IngestResult], size: int = 3, fake: FakePipeline | None = None):  # type: ignore[no-untyped-def]
    config = Config(batch_size=size)
    return run_ingest(results, store, LocalEngine(fake or FakePipeline()), config)  # type: ignore[arg-type]


def test_every_article_is_stored_once_and_a_second_run_processes_nothing(store: LedgerStore) -> None:
    arts = articles(7)
    first = ingest(store, [ok(a) for a in arts])
    assert (first.stored, first.processed, first.batches, first.already_stored) == (7, 7, 3, 0)
    assert first.words == sum(len(a.text.split()) for a in arts)
    fake = FakePipeline()
    again = ingest(store, [ok(a) for a in arts], fake=fake)
    assert (again.stored, again.processed, again.already_stored, again.batches) == (0, 0, 7, 0)
    assert fake.pulled == 0
    assert stored_ids(store) == sorted(a.id for a in arts)


def test_a_resumed_run_processes_only_what_is_missing(store: LedgerStore) -> None:
    arts = articles(10)
    ingest(store, [ok(a) for a in arts[:4]])  # an earlier run that stopped after 4 articles
    fake = FakePipeline()
    summary = ingest(store, [ok(a) for a in arts], fake=fake)
    assert (summary.already_stored, summary.stored, fake.pulled) == (4, 6, 6)
    assert stored_ids(store) == sorted(a.id for a in arts)


@pytest.mark.parametrize(
    ("size", "processed"),
    [(1, 2), (3, 3)],  # the copy is found stored when read (size 1) or when written (same batch)
)
def test_the_same_content_twice_in_one_run_is_stored_once(
    store: LedgerStore, size: int, processed: int
) -> None:
    a = article(1)
    summary = ingest(store, [ok(a), ok(article(2)), ok(a)], size=size)
    assert (summary.stored, summary.already_stored, summary.processed) == (2, 1, processed)


def test_failures_and_skips_are_counted_by_reason(store: LedgerStore) -> None:
    results = [
        ok(article(0)),
        bad("a.txt", "the file is empty (0 bytes)"),
        bad("b.txt", "the text is empty or whitespace only"),
        bad("c.txt", "not valid UTF-8: byte 0xff at byte offset 3 (line 1)"),
        bad("d.txt", "language 'fr' is not processed (expected one of: en)", UnsupportedLanguageError),
        ok(article(1, extra=BOOM)),
        ok(article(2, extra=STAGE_FAIL)),
    ]
    summary = ingest(store, results)
    assert summary.failed == {"empty": 2, "not UTF-8": 1, EXTRACT_REASON: 1}
    assert summary.skipped == {"language fr": 1}
    assert summary.stage_errors == {"geo": 1}
    assert summary.examples["empty"] == ["a.txt", "b.txt"]
    assert summary.examples["stage geo"] == ["doc2.txt"]
    assert (summary.read, summary.stored, summary.failures, summary.done) == (7, 2, 4, 7)


class _RefusingStore:
    """A store that refuses one article (as a schema check would)."""

    def __init__(self, inner: LedgerStore, refuse: str) -> None:
        self.inner = inner
        self.refuse = refuse

    def has_article(self, content_hash: str) -> bool:
        return self.inner.has_article(content_hash)

    def add_ledger(self, ledger: ArticleLedger) -> bool:
        if ledger.article.id == self.refuse:
            raise StoreError(f"article {ledger.article.id!r}: ledger does not follow the schema")
        return self.inner.add_ledger(ledger)


def test_an_article_the_store_refuses_fails_alone(store: LedgerStore) -> None:
    arts = articles(3)
    refusing = _RefusingStore(store, arts[1].id)
    summary = ingest(refusing, [ok(a) for a in arts])  # type: ignore[arg-type]
    assert summary.failed == {NOT_STORED_REASON: 1} and summary.stored == 2
    assert stored_ids(store) == sorted([arts[0].id, arts[2].id])


def test_write_batch_counts_engine_failures(store: LedgerStore) -> None:
    a, b = articles(2)
    out = BatchOutput(0, (ArticleLedger(article=a),), (ArticleFailure(b.id, "b.txt", "worker lost", "gone"),))
    summary = IngestSummary()
    write_batch(store, out, summary)
    assert (summary.stored, summary.processed, summary.batches) == (1, 2, 1)
    assert summary.failed == {"worker lost": 1} and summary.examples["worker lost"] == ["b.txt"]


def test_progress_is_reported_per_batch_and_memory_holds_one_batch(store: LedgerStore) -> None:
    seen: list[tuple[int, int]] = []
    fake = FakePipeline()

    def progress(summary: IngestSummary) -> None:
        seen.append((summary.done, summary.queued - summary.processed))

    results = (ok(a) for a in articles(50))
    run_ingest(results, store, LocalEngine(fake), Config(batch_size=8), progress)  # type: ignore[arg-type]
    assert [done for done, _ in seen] == [8, 16, 24, 32, 40, 48, 50]
    assert all(in_flight == 0 for _, in_flight in seen)
    assert fake.max_ahead == 1  # articles reach the engine one by one, as it asks for them


def test_summary_rates_and_dict() -> None:
    summary = IngestSummary(processed=10, words=1000, started=0.0, finished=2.0)
    assert summary.articles_per_second == 5.0 and summary.words_per_second == 500.0
    d = summary.to_dict()
    assert d["processed"] == 10 and d["seconds"] == 2.0 and d["failed"] == {}
