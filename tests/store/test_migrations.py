"""Named migrations of both stores: recorded, applied in order once, each in its own transaction."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psycopg
import pytest

from claimledger.errors import StoreError
from claimledger.store import EventQuery, open_store
from claimledger.store.migrations import (
    MIGRATIONS,
    POSTGRES_MIGRATIONS,
    Migration,
    postgres_migration,
    sql_migration,
)
from claimledger.store.postgres import PostgresStore
from claimledger.store.postgres_text import register_text_adapters
from claimledger.store.rows import insert_sql, ledger_rows
from claimledger.store.sqlite import SQLiteStore
from claimledger.store.sqlite_rows import sqlite_row
from claimledger.types import ArticleLedger

Store = SQLiteStore | PostgresStore


class Backend:
    """Opens ``url`` with chosen migrations and reads it behind the store's back."""

    def __init__(self, name: str, url: str) -> None:
        self.name = name
        self.url = url

    def open(self, migrations: tuple[Migration[Any], ...] | None = None) -> Store:
        if self.name == "sqlite":
            return SQLiteStore.open(self.url, *([] if migrations is None else [migrations]))
        return PostgresStore.open(self.url, *([] if migrations is None else [migrations]))

    def sql_migration(self, name: str, statements: tuple[str, ...]) -> Migration[Any]:
        return (sql_migration if self.name == "sqlite" else postgres_migration)(name, statements)

    def execute(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        if self.name == "sqlite":
            conn = sqlite3.connect(self.url)
            try:
                rows = conn.execute(sql, params).fetchall()
                conn.commit()
                return rows
            finally:
                conn.close()
        with psycopg.connect(self.url, autocommit=True) as pg:
            cur = pg.execute(sql.replace("?", "%s"), params)
            return cur.fetchall() if cur.description else []

    def names(self) -> list[tuple[str, str]]:
        order = "rowid" if self.name == "sqlite" else "name"
        return [
            (r[0], r[1])
            for r in self.execute(f"SELECT name, applied_at FROM schema_migrations ORDER BY {order}")
        ]

    def tables(self) -> set[str]:
        if self.name == "sqlite":
            return {r[0] for r in self.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        sql = "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
        return {r[0] for r in self.execute(sql)}


@pytest.fixture
def db(backend: str, store_url: str) -> Backend:
    return Backend(backend, store_url)


def _counting(calls: list[str], name: str) -> Migration[Any]:
    def apply(conn: Any) -> None:
        calls.append(name)
        conn.execute(f"CREATE TABLE t_{name} (x INTEGER)")

    return Migration(name, apply)


@pytest.mark.parametrize("migrations", [MIGRATIONS, POSTGRES_MIGRATIONS])
def test_the_shipped_migrations_are_named_in_order(migrations: tuple[Migration[Any], ...]) -> None:
    names = [m.name for m in migrations]
    assert names[0] == "0001_initial"
    assert names == sorted(set(names))
    assert all(re.fullmatch(r"\d{4}_[a-z0-9_]+", n) for n in names)


def test_both_backends_have_the_same_migrations() -> None:
    assert [m.name for m in MIGRATIONS] == [m.name for m in POSTGRES_MIGRATIONS]


def test_migrations_are_recorded_and_not_reapplied_on_reopen(db: Backend) -> None:
    shipped = MIGRATIONS if db.name == "sqlite" else POSTGRES_MIGRATIONS
    with db.open() as store:
        assert store.applied_migrations() == [m.name for m in shipped]
    first = db.names()
    with db.open() as store:
        assert store.migrate() == []
    assert db.names() == first


def test_only_new_migrations_run_in_order(db: Backend) -> None:
    calls: list[str] = []
    one = (_counting(calls, "0001_a"),)
    with db.open(one):
        pass
    with db.open(one):
        pass
    both = (*one, _counting(calls, "0002_b"), _counting(calls, "0003_c"))
    with db.open(both) as store:
        assert store.applied_migrations() == ["0001_a", "0002_b", "0003_c"]
    with db.open(both):
        pass
    assert calls == ["0001_a", "0002_b", "0003_c"]


def test_a_failing_migration_rolls_back_alone(db: Backend) -> None:
    good = db.sql_migration("0001_good", ("CREATE TABLE kept (x INTEGER)",))
    bad = db.sql_migration("0002_bad", ("CREATE TABLE half (x INTEGER)", "CREATE TABLE broken (x INTEGER"))
    with pytest.raises(StoreError, match="cannot migrate the database"):
        db.open((good, bad))
    tables = db.tables()
    assert "kept" in tables
    assert "half" not in tables
    assert [n for n, _ in db.names()] == ["0001_good"]


@pytest.mark.parametrize("unknown", ["0002_future_columns", "9999_x"])
def test_a_database_from_a_newer_version_is_refused(db: Backend, unknown: str) -> None:
    db.open().close()
    db.execute("INSERT INTO schema_migrations (name, applied_at) VALUES (?, 'later')", (unknown,))
    with pytest.raises(StoreError, match=f"unknown migration '{unknown}'") as info:
        db.open()
    assert info.value.code == "E030"


def test_the_refusal_names_the_sqlite_file(db_path: Path) -> None:
    SQLiteStore.open(db_path).close()
    Backend("sqlite", str(db_path)).execute("INSERT INTO schema_migrations VALUES ('9999_x', 'later')")
    with pytest.raises(StoreError, match=re.escape(str(db_path))):
        SQLiteStore.open(db_path)


def test_open_creates_every_table(db: Backend) -> None:
    db.open().close()
    tables = db.tables()
    assert {"articles", "actors", "places", "times", "events", "claims", "contradictions"} <= tables
    assert {"schema_migrations", "event_victims", "contradiction_claims", "article_errors"} <= tables


def test_sqlite_open_takes_a_path_or_text(db_path: Path) -> None:
    SQLiteStore.open(db_path).close()
    SQLiteStore.open(str(db_path)).close()
    assert "events" in Backend("sqlite", str(db_path)).tables()


NEW_EVENT_COLUMNS = ("published_day", "span_days", "contested", "actor_search", "place_search")


def _write_as_0001(db: Backend, ledgers: list[ArticleLedger]) -> None:
    """Rows of ``ledgers`` as claimledger wrote them before 0002 (no new columns or tables)."""
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    parts = [
        p
        for ledger in ledgers
        for p in ledger_rows(ledger, now)
        if p.table not in ("search_terms", "event_terms")
    ]
    if db.name == "sqlite":
        conn = sqlite3.connect(db.url)
        for p in parts:
            keep = [i for i, c in enumerate(p.columns) if p.table != "events" or c not in NEW_EVENT_COLUMNS]
            cols = tuple(p.columns[i] for i in keep)
            conn.executemany(
                insert_sql(p.table, cols, "?"), [sqlite_row(tuple(r[i] for i in keep)) for r in p.rows]
            )
        conn.commit()
        conn.close()
        return
    with psycopg.connect(db.url, autocommit=True) as pg:
        register_text_adapters(pg)
        with pg.transaction(), pg.cursor() as cur:
            for p in parts:
                keep = [
                    i for i, c in enumerate(p.columns) if p.table != "events" or c not in NEW_EVENT_COLUMNS
                ]
                cols = tuple(p.columns[i] for i in keep)
                if p.rows:
                    cur.executemany(
                        insert_sql(p.table, cols, "%s"), [tuple(r[i] for i in keep) for r in p.rows]
                    )


def _derived(db: Backend) -> tuple[list[tuple[Any, ...]], ...]:
    events = db.execute(f"SELECT uid, {', '.join(NEW_EVENT_COLUMNS)} FROM events ORDER BY uid")
    # actor_search: the same lines, in any order
    events = [(*r[:4], sorted(r[4].split("\n")), r[5]) for r in events]
    terms = sorted(db.execute("SELECT kind, term FROM search_terms"))
    return events, terms, sorted(db.execute("SELECT * FROM event_terms"), key=repr)


def test_0002_fills_in_what_the_write_path_writes(
    backend: str, store_url: str, make_ledger: Callable[..., ArticleLedger], request: pytest.FixtureRequest
) -> None:
    from tests.store.test_store_queries import second_ledger

    ledgers = [make_ledger(), second_ledger(make_ledger), make_ledger("art-3", "hash-3", published=None)]
    old = Backend(backend, store_url)
    first = (MIGRATIONS if backend == "sqlite" else POSTGRES_MIGRATIONS)[:1]
    old.open(first).close()
    _write_as_0001(old, ledgers)
    with old.open() as migrated:
        assert migrated.applied_migrations()[1] == "0002_query_indexes"
        assert [r.event_id for r in migrated.list_events(EventQuery(actor="civilian"))] == ["art-2:e1"]
        assert [r.event_id for r in migrated.list_events(EventQuery(contested=True))] == [
            "art-3:e1",  # undated article first at the same date
            "art-1:e1",
        ]
    fresh_url = (
        str(Path(store_url).with_name("fresh.sqlite"))
        if backend == "sqlite"
        else request.getfixturevalue("pg_url")
    )
    with open_store(fresh_url) as fresh:
        for ledger in ledgers:
            fresh.add_ledger(ledger)
    assert _derived(old) == _derived(Backend(backend, fresh_url))
