"""What only the PostgreSQL store does: URLs and connection errors, a caller's own connection,
concurrent migrations, native column types."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import psycopg
import pytest

from claimledger.errors import StoreError
from claimledger.store import EventQuery, LedgerStore, open_store
from claimledger.store.migrations import MIGRATIONS, POSTGRES_MIGRATIONS
from claimledger.store.postgres import PostgresStore, redact_url
from claimledger.types import ArticleLedger


@pytest.mark.parametrize("scheme", ["postgresql", "postgres", "postgresql+psycopg"])
def test_open_store_opens_postgresql(pg_url: str, scheme: str) -> None:
    url = scheme + pg_url.removeprefix("postgresql")
    with open_store(url) as store:
        assert isinstance(store, PostgresStore)
        assert isinstance(store, LedgerStore)
        assert store.counts()["articles"] == 0
        assert store.location.startswith("postgresql://postgres@127.0.0.1:")


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://u:s3cret@h:5/db?x=1", "postgresql://u:***@h:5/db?x=1"),
        ("postgresql://:s3cret@h/db", "postgresql://:***@h/db"),
        ("postgresql://u@h/db", "postgresql://u@h/db"),
        ("postgresql:///db?host=/tmp", "postgresql:///db?host=/tmp"),
    ],
)
def test_redact_url_hides_the_password(url: str, shown: str) -> None:
    assert redact_url(url) == shown


def test_a_server_that_cannot_be_reached_is_a_store_error_without_the_password() -> None:
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL") as info:
        open_store("postgresql://someone:s3cret@127.0.0.1:1/ledger?connect_timeout=2")
    assert info.value.code == "E030"
    assert "postgresql://someone:***@127.0.0.1:1/ledger" in str(info.value)
    assert "s3cret" not in str(info.value)


def test_a_malformed_url_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="cannot connect to PostgreSQL"):
        open_store("postgresql://h/db?no_such_option=1")


def test_the_constructor_does_no_io_and_a_callers_connection_works(
    pg_url: str, ledger: ArticleLedger
) -> None:
    conn = psycopg.connect(pg_url)  # psycopg's default: not autocommit
    store = PostgresStore(conn)
    assert conn.autocommit is True
    tables = "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
    assert conn.execute(tables).fetchone() == (0,)
    assert store.migrate() == [m.name for m in MIGRATIONS]
    assert store.add_ledger(ledger) is True
    assert conn.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
    store.close()
    with open_store(pg_url) as reopened:
        assert reopened.get_ledger("art-1") == ledger


def test_concurrent_first_opens_apply_each_migration_once(pg_url: str) -> None:
    def open_and_close(_: int) -> list[str]:
        with PostgresStore.open(pg_url) as store:
            return store.applied_migrations()

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(open_and_close, range(4)))
    assert results == [[m.name for m in POSTGRES_MIGRATIONS]] * 4
    with psycopg.connect(pg_url) as conn:
        rows = conn.execute("SELECT name FROM schema_migrations").fetchall()
    assert sorted(r[0] for r in rows) == [m.name for m in POSTGRES_MIGRATIONS]


def test_columns_have_native_types(pg_url: str, ledger: ArticleLedger) -> None:
    with open_store(pg_url) as store:
        store.add_ledger(ledger)
        assert store.list_events(EventQuery(until=dt.date(2021, 9, 6)))[0].event_id == "art-1:e1"
    with psycopg.connect(pg_url) as conn:
        row: Any = conn.execute(
            "SELECT e.date_start, e.negated, p.lat, a.ingested_at FROM events e"
            " JOIN places p ON p.article_id = e.article_id AND p.id = e.place"
            " JOIN articles a ON a.id = e.article_id WHERE e.id = 'e1'"
        ).fetchone()
    assert row[:3] == (dt.date(2021, 9, 6), False, 32.6)
    assert isinstance(row[3], dt.datetime) and row[3].tzinfo is not None
