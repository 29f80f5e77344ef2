"""The SQLite ledger store (stdlib ``sqlite3``): WAL, foreign keys on, named migrations.

``SQLiteStore(conn)`` only keeps the connection; ``SQLiteStore.open(path)`` connects, configures and
migrates. Writes run in explicit ``BEGIN IMMEDIATE`` transactions: one per article, one per migration.
"""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Self

from claimledger.errors import NotFoundError, StoreError
from claimledger.store import ledger_sql, sqlite_query
from claimledger.store.base import (
    ArticleRow,
    ClaimQuery,
    ClaimRow,
    EventDetail,
    EventQuery,
    EventRow,
)
from claimledger.store.ledger_base import (
    ActorSummary,
    LedgerChange,
    LedgerEventDetail,
    LedgerEventRow,
    LedgerQuery,
    LedgerSnapshot,
    TimelineBucket,
    TimelineStep,
)
from claimledger.store.migrations import MIGRATIONS, Migration
from claimledger.store.rows import check_ledger
from claimledger.store.sqlite_rows import insert_ledger, sqlite_row, sqlite_value
from claimledger.store.views import COUNTED, RECORD_TABLES, article_row, event_detail, ledger_from_rows
from claimledger.types import ArticleLedger

log = logging.getLogger(__name__)


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``; ``ROLLBACK`` on any error, including a failing COMMIT."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def apply_migrations(
    conn: sqlite3.Connection, migrations: Sequence[Migration[sqlite3.Connection]], where: str
) -> list[str]:
    """Apply the migrations not yet recorded in ``schema_migrations``, in order; return their names."""
    with transaction(conn):
        conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
        )
    applied = {row[0] for row in conn.execute("SELECT name FROM schema_migrations")}
    unknown = sorted(applied - {m.name for m in migrations})
    if unknown:
        raise StoreError(
            f"{where}: the database was written by a newer claimledger (unknown migration "
            f"{', '.join(repr(n) for n in unknown)}); upgrade claimledger to open it"
        )
    done = []
    for migration in migrations:
        if migration.name in applied:
            continue
        with transaction(conn):
            if conn.execute("SELECT 1 FROM schema_migrations WHERE name = ?", (migration.name,)).fetchone():
                continue  # applied meanwhile by another connection
            migration.apply(conn)
            conn.execute(
                "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                (migration.name, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
            )
        log.info("%s: applied migration %s", where, migration.name)
        done.append(migration.name)
    return done


class _LedgerDb:
    """The connection as ``claimledger.store.ledger_sql`` uses it (dates as ISO text)."""

    true = "1"
    order = "coalesce(le.date_start, '~'), le.id"
    no_limit: object = -1

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        cur = self._conn.cursor()
        cur.row_factory = sqlite3.Row
        return cur.execute(sql, [sqlite_value(p) for p in params]).fetchall()

    def write(self, sql: str, rows: Sequence[tuple[object, ...]]) -> None:
        self._conn.executemany(sql, [sqlite_row(r) for r in rows])


class SQLiteStore:
    """A ``LedgerStore`` in one SQLite database."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        migrations: Sequence[Migration[sqlite3.Connection]] = MIGRATIONS,
        location: str = "<sqlite connection>",
    ) -> None:
        self._conn = conn
        self._migrations = tuple(migrations)
        self.location = location

    @classmethod
    def open(
        cls, path: str | Path, migrations: Sequence[Migration[sqlite3.Connection]] = MIGRATIONS
    ) -> SQLiteStore:
        """Connect to ``path`` (``:memory:`` works), turn on WAL and foreign keys, and migrate."""
        location = str(path)
        try:
            conn = sqlite3.connect(location, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"{location}: cannot open SQLite database: {exc}") from exc
        store = cls(conn, migrations, location)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA busy_timeout = 5000")
            store.migrate()
        except BaseException:
            conn.close()
            raise
        return store

    # ----------------------------------------------------------------- plumbing

    @contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise StoreError(f"{self.location}: cannot {doing}: {exc}") from exc

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[sqlite3.Row]:
        cur = self._conn.cursor()
        cur.row_factory = sqlite3.Row
        return cur.execute(sql, params).fetchall()

    def migrate(self) -> list[str]:
        """Turn foreign keys on and apply pending migrations; return the names applied."""
        with self._errors("migrate the database"):
            self._conn.execute("PRAGMA foreign_keys = ON")
            return apply_migrations(self._conn, self._migrations, self.location)

    def applied_migrations(self) -> list[str]:
        with self._errors("read schema_migrations"):
            return [r[0] for r in self._conn.execute("SELECT name FROM schema_migrations ORDER BY rowid")]

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ----------------------------------------------------------------- writing

    def add_ledger(self, ledger: ArticleLedger) -> bool:
        """Store ``ledger`` atomically; False (and nothing written) if its content_hash is stored."""
        article = ledger.article
        check_ledger(ledger)
        with self._errors(f"store article {article.id!r}"), transaction(self._conn):
            if self.has_article(article.content_hash):
                log.debug("article %s already stored (content hash %s)", article.id, article.content_hash)
                return False
            if self._rows("SELECT 1 FROM articles WHERE id = ?", (article.id,)):
                raise StoreError(
                    f"{self.location}: another article with id {article.id!r} and different content is stored"
                )
            insert_ledger(self._conn, ledger, dt.datetime.now(dt.UTC))
        return True

    # ----------------------------------------------------------------- reading

    def has_article(self, content_hash: str) -> bool:
        with self._errors("look up an article"):
            return bool(self._rows("SELECT 1 FROM articles WHERE content_hash = ?", (content_hash,)))

    def get_ledger(self, article_id: str) -> ArticleLedger:
        with self._errors(f"read article {article_id!r}"):
            rows = self._rows("SELECT * FROM articles WHERE id = ?", (article_id,))
            if not rows:
                raise NotFoundError(f"no article with id {article_id!r} in {self.location}")
            records = {
                # ``table`` is one of our fixed table names, never user input.
                table: [
                    r[0]
                    for r in self._conn.execute(
                        f"SELECT record FROM {table} WHERE article_id = ? ORDER BY seq", (article_id,)
                    )
                ]
                for table in RECORD_TABLES
            }
            errors = self._conn.execute(
                "SELECT stage, message FROM article_errors WHERE article_id = ? ORDER BY seq", (article_id,)
            ).fetchall()
            return ledger_from_rows(rows[0], records, errors, f"{self.location}:{article_id}")

    def list_articles(self, limit: int | None = None, offset: int = 0) -> list[ArticleRow]:
        if (limit is not None and limit < 0) or offset < 0:
            raise StoreError(f"list_articles: limit and offset must be >= 0, got {limit}, {offset}")
        with self._errors("list articles"):
            rows = self._rows(_ARTICLES_SQL + _ARTICLES_PAGE, (-1 if limit is None else limit, offset))
        return [article_row(r) for r in rows]

    def _article_row(self, article_id: str) -> ArticleRow:
        with self._errors(f"read article {article_id!r}"):
            rows = self._rows(_ARTICLES_SQL + " WHERE a.id = ?", (article_id,))
        if not rows:
            raise NotFoundError(f"no article with id {article_id!r} in {self.location}")
        return article_row(rows[0])

    def list_events(self, query: EventQuery) -> list[EventRow]:
        with self._errors("list events"):
            return sqlite_query.list_events(self._conn, query)

    def list_claims(self, query: ClaimQuery) -> list[ClaimRow]:
        with self._errors("list claims"):
            return sqlite_query.list_claims(self._conn, query)

    def get_event(self, event_id: str) -> EventDetail:
        rows = self.list_events(EventQuery(event_id=event_id))
        if not rows:
            raise NotFoundError(f"no event with id {event_id!r} in {self.location}")
        row = rows[0]
        claims = self.list_claims(ClaimQuery(event_id=event_id))
        return event_detail(row, self.get_ledger(row.article_id), claims, self._article_row(row.article_id))

    def counts(self) -> dict[str, int]:
        with self._errors("count rows"):
            return {
                name: self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for name, table in COUNTED.items()
            }

    # ----------------------------------------------------------------- the cross-article ledger

    def replace_ledger(self, ledger: LedgerSnapshot) -> LedgerChange:
        with self._errors("store the cross-article ledger"), transaction(self._conn):
            return ledger_sql.replace_ledger(_LedgerDb(self._conn), ledger.events, ledger.contradictions)

    def list_ledger_events(self, query: LedgerQuery) -> list[LedgerEventRow]:
        with self._errors("list ledger events"):
            return ledger_sql.list_ledger_events(_LedgerDb(self._conn), query)

    def get_ledger_event(self, event_id: str) -> LedgerEventDetail:
        with self._errors(f"read ledger event {event_id!r}"):
            detail = ledger_sql.get_ledger_event(_LedgerDb(self._conn), event_id, self.location)
        if detail is None:
            raise NotFoundError(f"no ledger event with id {event_id!r} in {self.location}")
        return detail

    def actor_summary(self, name: str) -> ActorSummary:
        with self._errors(f"summarise actor {name!r}"):
            return ledger_sql.actor_summary(_LedgerDb(self._conn), name)

    def timeline(self, query: LedgerQuery | None = None, by: TimelineStep = "day") -> list[TimelineBucket]:
        with self._errors("count ledger events over time"):
            return ledger_sql.timeline(_LedgerDb(self._conn), query or LedgerQuery(), by)


_ARTICLES_SQL = (
    "SELECT a.id, a.content_hash, a.url, a.source, a.published, a.title, a.language, a.ingested_at,"
    " (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS events,"
    " (SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claims,"
    " (SELECT count(*) FROM article_errors r WHERE r.article_id = a.id) AS errors"
    " FROM articles a"
)
_ARTICLES_PAGE = " ORDER BY a.published_day IS NULL, a.published_day DESC, a.id LIMIT ? OFFSET ?"
