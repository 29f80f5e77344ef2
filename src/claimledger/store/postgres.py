"""The PostgreSQL ledger store (psycopg 3): the same tables, migrations and behaviour as SQLite.

``PostgresStore(conn)`` only keeps the connection (and puts it in autocommit mode: each call is its own
transaction); ``PostgresStore.open(url)`` connects and migrates. Each article is written in one
transaction whose first statement claims the article row (``INSERT ... ON CONFLICT DO NOTHING``): a
concurrent writer of the same article waits for that transaction and then finds the article stored,
so concurrent ingests neither duplicate nor lose articles. Migrations hold an advisory lock.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import TracebackType
from typing import Any, Self
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from psycopg.rows import DictRow, dict_row

from claimledger.errors import NotFoundError, StoreError
from claimledger.store import ledger_sql, postgres_query
from claimledger.store.base import ArticleRow, ClaimQuery, ClaimRow, EventDetail, EventQuery, EventRow
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
from claimledger.store.migrations import POSTGRES_MIGRATIONS, Migration
from claimledger.store.postgres_text import register_text_adapters
from claimledger.store.rows import TableRows, check_ledger, insert_sql, ledger_rows
from claimledger.store.views import COUNTED, RECORD_TABLES, article_row, event_detail, ledger_from_rows
from claimledger.types import ArticleLedger

log = logging.getLogger(__name__)

PgConnection = psycopg.Connection[Any]
PgMigration = Migration[PgConnection]

_MIGRATION_LOCK = 0x636C6D6967  # pg_advisory_xact_lock key of schema changes ("clmig")
_LEDGER_LOCK = 0x636C6C6467  # pg_advisory_xact_lock key of cross-article ledger rewrites ("clldg")
_CONNECT_TIMEOUT = 10


def redact_url(url: str) -> str:
    """``url`` without its password, for messages."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<postgresql url>"
    if parts.password is None:
        return url
    host = parts.netloc.rpartition("@")[2]
    user = f"{parts.username}:***@" if parts.username else ":***@"
    return urlunsplit(parts._replace(netloc=user + host))


def apply_migrations(conn: PgConnection, migrations: Sequence[PgMigration], where: str) -> list[str]:
    """Apply the migrations not yet recorded in ``schema_migrations``, in order; return their names."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
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
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            if conn.execute("SELECT 1 FROM schema_migrations WHERE name = %s", (migration.name,)).fetchone():
                continue  # applied meanwhile by another connection
            migration.apply(conn)
            conn.execute(
                "INSERT INTO schema_migrations (name, applied_at) VALUES (%s, %s)",
                (migration.name, dt.datetime.now(dt.UTC).isoformat(timespec="seconds")),
            )
        log.info("%s: applied migration %s", where, migration.name)
        done.append(migration.name)
    return done


def _insert_rows(conn: PgConnection, part: TableRows) -> None:
    if part.rows:
        with conn.cursor() as cur:
            cur.executemany(insert_sql(part.table, part.columns, "%s"), part.rows)


class _LedgerDb:
    """The connection as ``claimledger.store.ledger_sql`` uses it (``?`` placeholders become ``%s``)."""

    true = "true"
    order = "le.date_start NULLS LAST, le.id"
    no_limit: object = None

    def __init__(self, conn: PgConnection) -> None:
        self._conn = conn

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[DictRow]:
        with self._conn.cursor(row_factory=dict_row) as cur:
            return cur.execute(sql.replace("?", "%s"), params).fetchall()

    def write(self, sql: str, rows: Sequence[tuple[object, ...]]) -> None:
        with self._conn.cursor() as cur:
            cur.executemany(sql.replace("?", "%s"), rows)


class PostgresStore:
    """A ``LedgerStore`` in one PostgreSQL database (its tables in the connection's ``search_path``)."""

    def __init__(
        self,
        conn: PgConnection,
        migrations: Sequence[PgMigration] = POSTGRES_MIGRATIONS,
        location: str = "<postgresql connection>",
    ) -> None:
        conn.autocommit = True
        register_text_adapters(conn)
        self._conn = conn
        self._migrations = tuple(migrations)
        self.location = location

    @classmethod
    def open(cls, url: str, migrations: Sequence[PgMigration] = POSTGRES_MIGRATIONS) -> PostgresStore:
        """Connect to ``url`` (``postgresql://user:password@host:port/dbname?options``) and migrate."""
        location = redact_url(url)
        try:
            params = conninfo_to_dict(url)
            params.setdefault("connect_timeout", _CONNECT_TIMEOUT)
            params.setdefault("application_name", "claimledger")
            conn = psycopg.connect(make_conninfo("", **params), autocommit=True)
        except psycopg.Error as exc:
            raise StoreError(f"{location}: cannot connect to PostgreSQL: {exc}") from exc
        info = conn.info
        store = cls(conn, migrations, f"postgresql://{info.user}@{info.host}:{info.port}/{info.dbname}")
        try:
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
        except psycopg.Error as exc:
            raise StoreError(f"{self.location}: cannot {doing}: {exc}") from exc

    def _rows(self, sql: str, params: Sequence[object] = ()) -> list[DictRow]:
        with self._conn.cursor(row_factory=dict_row) as cur:
            return cur.execute(sql, params).fetchall()

    def migrate(self) -> list[str]:
        """Apply pending migrations; return the names applied."""
        with self._errors("migrate the database"):
            return apply_migrations(self._conn, self._migrations, self.location)

    def applied_migrations(self) -> list[str]:
        with self._errors("read schema_migrations"):
            return [r[0] for r in self._conn.execute("SELECT name FROM schema_migrations ORDER BY name")]

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
        article_part, *parts = ledger_rows(ledger, dt.datetime.now(dt.UTC))
        claim = (
            insert_sql(article_part.table, article_part.columns, "%s")
            + " ON CONFLICT DO NOTHING RETURNING id"
        )
        with self._errors(f"store article {article.id!r}"), self._conn.transaction():
            if self._conn.execute(claim, article_part.rows[0]).fetchone() is None:
                if self.has_article(article.content_hash):
                    log.debug("article %s already stored (content hash %s)", article.id, article.content_hash)
                    return False
                raise StoreError(
                    f"{self.location}: another article with id {article.id!r} and different content is stored"
                )
            for part in parts:
                _insert_rows(self._conn, part)
        return True

    # ----------------------------------------------------------------- reading

    def has_article(self, content_hash: str) -> bool:
        with self._errors("look up an article"):
            return bool(self._rows("SELECT 1 FROM articles WHERE content_hash = %s", (content_hash,)))

    def get_ledger(self, article_id: str) -> ArticleLedger:
        with self._errors(f"read article {article_id!r}"):
            rows = self._rows("SELECT * FROM articles WHERE id = %s", (article_id,))
            if not rows:
                raise NotFoundError(f"no article with id {article_id!r} in {self.location}")
            records = {
                # ``table`` is one of our fixed table names, never user input.
                table: [
                    r[0]
                    for r in self._conn.execute(
                        f"SELECT record FROM {table} WHERE article_id = %s ORDER BY seq", (article_id,)
                    )
                ]
                for table in RECORD_TABLES
            }
            errors = self._conn.execute(
                "SELECT stage, message FROM article_errors WHERE article_id = %s ORDER BY seq", (article_id,)
            ).fetchall()
            return ledger_from_rows(rows[0], records, errors, f"{self.location}:{article_id}")

    def list_articles(self, limit: int | None = None, offset: int = 0) -> list[ArticleRow]:
        if (limit is not None and limit < 0) or offset < 0:
            raise StoreError(f"list_articles: limit and offset must be >= 0, got {limit}, {offset}")
        with self._errors("list articles"):
            rows = self._rows(_ARTICLES_SQL + _ARTICLES_PAGE, (limit, offset))
        return [article_row(r) for r in rows]

    def _article_row(self, article_id: str) -> ArticleRow:
        with self._errors(f"read article {article_id!r}"):
            rows = self._rows(_ARTICLES_SQL + " WHERE a.id = %s", (article_id,))
        if not rows:
            raise NotFoundError(f"no article with id {article_id!r} in {self.location}")
        return article_row(rows[0])

    def list_events(self, query: EventQuery) -> list[EventRow]:
        with self._errors("list events"):
            return postgres_query.list_events(self._conn, query)

    def list_claims(self, query: ClaimQuery) -> list[ClaimRow]:
        with self._errors("list claims"):
            return postgres_query.list_claims(self._conn, query)

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
                name: self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # type: ignore[index]
                for name, table in COUNTED.items()
            }

    # ----------------------------------------------------------------- the cross-article ledger

    def replace_ledger(self, ledger: LedgerSnapshot) -> LedgerChange:
        """One transaction; concurrent rewrites of the ledger wait for each other (an advisory lock)."""
        with self._errors("store the cross-article ledger"), self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LEDGER_LOCK,))
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
_ARTICLES_PAGE = " ORDER BY a.published_day DESC NULLS LAST, a.id LIMIT %s OFFSET %s"
