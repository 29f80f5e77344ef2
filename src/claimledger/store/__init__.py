"""Ledger stores: the ``LedgerStore`` interface, its query/row types, ``open_store``, SQLite and PostgreSQL.

``claimledger.store.sqlite`` and ``claimledger.store.postgres`` (psycopg) are imported only when a store
of theirs is opened.
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
