"""Ledger stores: the ``LedgerStore`` interface, its query/row types, ``open_store`` and SQLite.

``claimledger.store.sqlite`` is imported only when a SQLite store is opened.
"""

from claimledger.store.base import (
    ArticleRow,
    ClaimDetail,
    ClaimQuery,
    ClaimRow,
    ContradictionRow,
    EventDetail,
    EventQuery,
    EventRow,
    LedgerStore,
    global_id,
    open_store,
)

__all__ = [
    "ArticleRow",
    "ClaimDetail",
    "ClaimQuery",
    "ClaimRow",
    "ContradictionRow",
    "EventDetail",
    "EventQuery",
    "EventRow",
    "LedgerStore",
    "global_id",
    "open_store",
]
