"""Rebuilding the stored cross-article ledger from the stored article ledgers.

``refresh_ledger(store, config)`` reads every stored article ledger (a page of articles at a time),
merges them with ``claimledger.ledger.cross.build_ledger`` and stores the result with
``LedgerStore.replace_ledger``, which rewrites only the ledger events that changed: refreshing a store
whose articles did not change changes no row.

It is a full rebuild: its time grows with the number of stored articles (see ``RefreshResult``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from claimledger.config import Config
from claimledger.store.base import LedgerStore
from claimledger.store.ledger_base import LedgerChange, LedgerSnapshot
from claimledger.types import ArticleLedger

log = logging.getLogger(__name__)

Builder = Callable[[Iterable[ArticleLedger], Config], LedgerSnapshot]
PAGE = 500


@dataclass(frozen=True, slots=True)
class RefreshResult:
    """What ``refresh_ledger`` did: the articles read, the ledger's size, its row changes, the time."""

    articles: int
    events: int
    contradictions: int
    change: LedgerChange
    seconds: float


def stored_ledgers(store: LedgerStore, page: int = PAGE) -> Iterator[ArticleLedger]:
    """Every article ledger in ``store``, read ``page`` articles at a time."""
    offset = 0
    while True:
        rows = store.list_articles(limit=page, offset=offset)
        for row in rows:
            yield store.get_ledger(row.id)
        if len(rows) < page:
            return
        offset += page


def _default_builder() -> Builder:
    from claimledger.ledger.cross import build_ledger

    return build_ledger


def refresh_ledger(store: LedgerStore, config: Config, build: Builder | None = None) -> RefreshResult:
    """Rebuild the cross-article ledger of ``store`` from its article ledgers and store it.

    ``build`` merges article ledgers into a ledger (default: ``claimledger.ledger.cross.build_ledger``).
    Raises StoreError if the store cannot be read or written.
    """
    started = time.perf_counter()
    builder = build or _default_builder()
    counted = 0

    def counting() -> Iterator[ArticleLedger]:
        nonlocal counted
        for ledger in stored_ledgers(store):
            counted += 1
            yield ledger

    ledger = builder(counting(), config)
    change = store.replace_ledger(ledger)
    result = RefreshResult(
        articles=counted,
        events=len(ledger.events),
        contradictions=len(ledger.contradictions),
        change=change,
        seconds=time.perf_counter() - started,
    )
    log.info(
        "ledger of %d article(s): %d event(s), %d contradiction(s); +%d ~%d -%d event rows (%.2fs)",
        result.articles,
        result.events,
        result.contradictions,
        change.inserted,
        change.updated,
        change.deleted,
        result.seconds,
    )
    return result
