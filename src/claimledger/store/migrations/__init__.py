"""Named schema migrations of the stores, in the order they apply: one list per backend, same names.

A migration is never edited once released: change the schema by adding the next one (``0002_...``)
to both lists. Each runs in its own transaction and is recorded by name in ``schema_migrations``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from claimledger.store.migrations import m0001_initial, m0002_query_indexes, m0003_ledger

if TYPE_CHECKING:
    import psycopg

C = TypeVar("C")


@dataclass(frozen=True, slots=True)
class Migration(Generic[C]):
    """One named schema step; ``apply`` runs inside the transaction that records it."""

    name: str
    apply: Callable[[C], None]


def sql_migration(name: str, statements: tuple[str, ...]) -> Migration[sqlite3.Connection]:
    """A SQLite migration that executes ``statements`` one by one (never ``executescript``, which commits)."""

    def apply(conn: sqlite3.Connection) -> None:
        for statement in statements:
            conn.execute(statement)

    return Migration(name, apply)


def postgres_migration(name: str, statements: tuple[str, ...]) -> Migration[psycopg.Connection[Any]]:
    """A PostgreSQL migration that executes ``statements`` one by one (DDL is transactional there)."""

    def apply(conn: psycopg.Connection[Any]) -> None:
        for statement in statements:
            conn.execute(statement)  # fixed DDL, no parameters

    return Migration(name, apply)


MIGRATIONS: tuple[Migration[sqlite3.Connection], ...] = (
    sql_migration(m0001_initial.NAME, m0001_initial.STATEMENTS),
    sql_migration(m0002_query_indexes.NAME, m0002_query_indexes.STATEMENTS),
    sql_migration(m0003_ledger.NAME, m0003_ledger.STATEMENTS),
)
POSTGRES_MIGRATIONS: tuple[Migration[psycopg.Connection[Any]], ...] = (
    postgres_migration(m0001_initial.NAME, m0001_initial.POSTGRES_STATEMENTS),
    postgres_migration(m0002_query_indexes.NAME, m0002_query_indexes.POSTGRES_STATEMENTS),
    postgres_migration(m0003_ledger.NAME, m0003_ledger.POSTGRES_STATEMENTS),
)
