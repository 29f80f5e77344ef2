"""Ledger stores: the ``LedgerStore`` interface, its query/row types, ``open_store``, SQLite and PostgreSQL.

They keep each article's ledger and the cross-article ledger (``replace_ledger``, ``list_ledger_events`` ...).

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
from claimledger.store.ledger_base import (
    ActorSummary,
    LedgerChange,
    LedgerEventDetail,
    LedgerEventRow,
    LedgerQuery,
    TimelineBucket,
)

__all__ = [
    "ActorSummary",
    "ArticleRow",
    "ClaimDetail",
    "ClaimQuery",
    "ClaimRow",
    "ContradictionRow",
    "EventDetail",
    "EventQuery",
    "EventRow",
    "LedgerChange",
    "LedgerEventDetail",
    "LedgerEventRow",
    "LedgerQuery",
    "LedgerStore",
    "TimelineBucket",
    "global_id",
    "open_store",
]
