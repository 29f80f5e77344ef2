"""Writing one article's ledger as rows of the SQLite store (inside the caller's transaction).

The rows come from ``claimledger.store.rows`` (shared with PostgreSQL); here dates become ISO text.
Every value is a bound parameter: article text and titles are untrusted and never part of the SQL.
"""

from __future__ import annotations

import datetime as dt
import sqlite3

from claimledger.store.rows import Row, TableRows, insert_sql, ledger_rows
from claimledger.types import ArticleLedger


def sqlite_value(value: object) -> object:
    """Dates and datetimes as ISO text (how the SQLite schema keeps them); anything else as is."""
    return value.isoformat() if isinstance(value, dt.date) else value


def sqlite_row(row: Row) -> Row:
    return tuple(sqlite_value(v) for v in row)


def insert_rows(conn: sqlite3.Connection, part: TableRows) -> None:
    if part.rows:
        conn.executemany(insert_sql(part.table, part.columns, "?"), [sqlite_row(r) for r in part.rows])


def insert_ledger(conn: sqlite3.Connection, ledger: ArticleLedger, ingested_at: dt.datetime) -> None:
    """Insert every row of ``ledger``; the caller owns the transaction (and rolls back on error)."""
    for part in ledger_rows(ledger, ingested_at):
        insert_rows(conn, part)
