"""Named migrations of the SQLite store: recorded, applied in order once, each in its own transaction."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from claimledger.errors import StoreError
from claimledger.store.migrations import MIGRATIONS, Migration, sql_migration
from claimledger.store.sqlite import SQLiteStore


def _names(db_path: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT name, applied_at FROM schema_migrations ORDER BY rowid").fetchall()
    finally:
        conn.close()


def _counting(calls: list[str], name: str) -> Migration:
    def apply(conn: sqlite3.Connection) -> None:
        calls.append(name)
        conn.execute(f"CREATE TABLE t_{name} (x INTEGER)")

    return Migration(name, apply)


def test_the_shipped_migrations_are_named_in_order() -> None:
    names = [m.name for m in MIGRATIONS]
    assert names[0] == "0001_initial"
    assert names == sorted(set(names))
    assert all(re.fullmatch(r"\d{4}_[a-z0-9_]+", n) for n in names)


def test_migrations_are_recorded_and_not_reapplied_on_reopen(db_path: Path) -> None:
    with SQLiteStore.open(db_path) as store:
        assert store.applied_migrations() == [m.name for m in MIGRATIONS]
    first = _names(db_path)
    with SQLiteStore.open(db_path) as store:
        assert store.migrate() == []
    assert _names(db_path) == first


def test_only_new_migrations_run_in_order(db_path: Path) -> None:
    calls: list[str] = []
    one = (_counting(calls, "0001_a"),)
    with SQLiteStore.open(db_path, migrations=one):
        pass
    with SQLiteStore.open(db_path, migrations=one):
        pass
    both = (*one, _counting(calls, "0002_b"), _counting(calls, "0003_c"))
    with SQLiteStore.open(db_path, migrations=both) as store:
        assert store.applied_migrations() == ["0001_a", "0002_b", "0003_c"]
    with SQLiteStore.open(db_path, migrations=both):
        pass
    assert calls == ["0001_a", "0002_b", "0003_c"]


def test_a_failing_migration_rolls_back_alone(db_path: Path) -> None:
    good = sql_migration("0001_good", ("CREATE TABLE kept (x INTEGER)",))
    bad = sql_migration("0002_bad", ("CREATE TABLE half (x INTEGER)", "CREATE TABLE broken (x INTEGER"))
    with pytest.raises(StoreError, match="cannot migrate the database"):
        SQLiteStore.open(db_path, migrations=(good, bad))
    conn = sqlite3.connect(db_path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert "kept" in tables
    assert "half" not in tables
    assert [n for n, _ in _names(db_path)] == ["0001_good"]


@pytest.mark.parametrize("unknown", ["0002_future_columns", "9999_x"])
def test_a_database_from_a_newer_version_is_refused(db_path: Path, unknown: str) -> None:
    SQLiteStore.open(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO schema_migrations (name, applied_at) VALUES (?, 'later')", (unknown,))
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match=f"unknown migration '{unknown}'") as info:
        SQLiteStore.open(db_path)
    assert info.value.code == "E030"
    assert str(db_path) in str(info.value)


@pytest.mark.parametrize(
    "make",
    [
        lambda p: SQLiteStore.open(p),
        lambda p: SQLiteStore.open(str(p)),
    ],
)
def test_open_creates_every_table(db_path: Path, make: Callable[[Path], SQLiteStore]) -> None:
    with make(db_path) as store:
        tables = {r[0] for r in store._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"articles", "actors", "places", "times", "events", "claims", "contradictions"} <= tables
    assert {"schema_migrations", "event_victims", "contradiction_claims", "article_errors"} <= tables
