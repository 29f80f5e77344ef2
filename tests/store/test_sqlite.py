"""What only the SQLite store does: WAL, foreign keys, a caller's own connection (the behaviour both
backends share is in test_store_contract.py)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimledger.store import EventQuery
from claimledger.store.migrations import MIGRATIONS
from claimledger.store.sqlite import SQLiteStore
from claimledger.types import ArticleLedger


@pytest.fixture
def sqlite_store(db_path: Path) -> Iterator[SQLiteStore]:
    with SQLiteStore.open(db_path) as opened:
        yield opened


def test_open_turns_on_wal_and_foreign_keys(sqlite_store: SQLiteStore) -> None:
    conn = sqlite_store._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_dates_are_stored_as_iso_text(sqlite_store: SQLiteStore, ledger: ArticleLedger) -> None:
    sqlite_store.add_ledger(ledger)
    row = sqlite_store._conn.execute("SELECT date_start, date_end FROM events WHERE id = 'e1'").fetchone()
    assert row == ("2021-09-06", "2021-09-06")
    assert sqlite_store.list_events(EventQuery(since=dt.date(2021, 9, 6)))[0].date_start == dt.date(
        2021, 9, 6
    )


def test_the_constructor_does_no_io_and_a_callers_connection_works(
    tmp_path: Path, ledger: ArticleLedger
) -> None:
    conn = sqlite3.connect(tmp_path / "x.sqlite")  # Python's default (implicit) transaction handling
    store = SQLiteStore(conn)
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == []
    assert store.migrate() == [m.name for m in MIGRATIONS]
    assert store.add_ledger(ledger) is True
    assert not conn.in_transaction
    conn.close()
    with SQLiteStore.open(tmp_path / "x.sqlite") as reopened:
        assert reopened.get_ledger("art-1") == ledger
