"""Named schema migrations of the SQLite store, in the order they apply.

A migration is never edited once released: change the schema by adding the next one (``0002_...``)
to ``MIGRATIONS``. Each runs in its own transaction and is recorded by name in ``schema_migrations``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from claimledger.store.migrations import m0001_initial


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    apply: Callable[[sqlite3.Connection], None]


def sql_migration(name: str, statements: tuple[str, ...]) -> Migration:
    """A migration that executes ``statements`` one by one (never ``executescript``, which commits)."""

    def apply(conn: sqlite3.Connection) -> None:
        for statement in statements:
            conn.execute(statement)

    return Migration(name, apply)


MIGRATIONS: tuple[Migration, ...] = (sql_migration(m0001_initial.NAME, m0001_initial.STATEMENTS),)
