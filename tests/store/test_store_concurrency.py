"""Concurrent writers on both backends: every article stored exactly once, none lost."""

from __future__ import annotations

import random
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from claimledger.store import open_store
from claimledger.types import ArticleLedger

WRITERS = 4
ARTICLES = 12


def _ingest(url: str, ledgers: list[ArticleLedger], seed: int) -> list[str]:
    """Open a store of our own, add ``ledgers`` in a shuffled order; the ids this writer stored."""
    order = list(ledgers)
    random.Random(seed).shuffle(order)
    with open_store(url) as store:
        return [ledger.article.id for ledger in order if store.add_ledger(ledger)]


def test_concurrent_writers_store_each_article_once(
    store_url: str, make_ledger: Callable[..., ArticleLedger]
) -> None:
    ledgers = [make_ledger(f"art-{i}", f"hash-{i}") for i in range(ARTICLES)]
    with ThreadPoolExecutor(WRITERS) as pool:  # each writer opens (and migrates) a fresh store at once
        stored = [f.result() for f in [pool.submit(_ingest, store_url, ledgers, s) for s in range(WRITERS)]]
    ids = sorted(i for per_writer in stored for i in per_writer)
    assert ids == sorted(ledger.article.id for ledger in ledgers)  # each stored by exactly one writer
    with open_store(store_url) as store:
        counts = store.counts()
        assert (counts["articles"], counts["events"], counts["claims"]) == (
            ARTICLES,
            2 * ARTICLES,
            3 * ARTICLES,
        )
        assert all(store.get_ledger(ledger.article.id) == ledger for ledger in ledgers)
