"""Every LedgerStore backend (SQLite, PostgreSQL): storing ledgers atomically and idempotently, reading
them back, event details. The ``store`` fixture runs each test on both backends."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Callable

import psycopg
import pytest

from claimledger.errors import NotFoundError, StoreError
from claimledger.store import (
    ClaimQuery,
    EventQuery,
    LedgerStore,
    global_id,
    open_store,
    postgres,
    sqlite_rows,
)
from claimledger.store.rows import TableRows
from claimledger.types import ArticleLedger, StageError

EMPTY = {
    "articles": 0,
    "actors": 0,
    "places": 0,
    "times": 0,
    "events": 0,
    "claims": 0,
    "contradictions": 0,
    "errors": 0,
}
ONE = {
    **EMPTY,
    "articles": 1,
    "actors": 2,
    "places": 1,
    "times": 1,
    "events": 2,
    "claims": 3,
    "contradictions": 1,
}


def test_store_satisfies_the_protocol(store: LedgerStore) -> None:
    assert isinstance(store, LedgerStore)


def test_add_then_get_ledger_round_trips_exactly(store: LedgerStore, ledger: ArticleLedger) -> None:
    with_errors = dataclasses.replace(
        ledger,
        article=dataclasses.replace(ledger.article, origin="feed.jsonl:2"),
        errors=(StageError("geo", "no gazetteer"), StageError("dates", "bad anchor")),
    )
    assert store.add_ledger(with_errors) is True
    assert store.get_ledger("art-1") == with_errors
    assert store.has_article("hash-1")
    assert not store.has_article("hash-2")
    assert store.counts() == {**ONE, "errors": 2}


@pytest.mark.parametrize(
    "published",
    [dt.datetime(2021, 9, 6, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=4, minutes=30))), None],
)
def test_published_datetimes_and_none_round_trip(
    store: LedgerStore, make_ledger: Callable[..., ArticleLedger], published: dt.datetime | None
) -> None:
    ledger = make_ledger(published=published)
    store.add_ledger(ledger)
    assert store.get_ledger("art-1").article.published == published
    assert store.list_articles()[0].published == published


def test_adding_the_same_article_twice_stores_it_once(store: LedgerStore, ledger: ArticleLedger) -> None:
    assert store.add_ledger(ledger) is True
    before = store.counts()
    renamed = dataclasses.replace(ledger, article=dataclasses.replace(ledger.article, id="other-id"))
    assert store.add_ledger(ledger) is False
    assert store.add_ledger(renamed) is False  # same content_hash: the same article
    assert store.counts() == before == ONE
    assert [a.id for a in store.list_articles()] == ["art-1"]


def test_a_stored_article_survives_reopening(store_url: str, ledger: ArticleLedger) -> None:
    with open_store(store_url) as first:
        first.add_ledger(ledger)
    with open_store(store_url) as second:
        assert second.get_ledger("art-1") == ledger
        assert second.add_ledger(ledger) is False


def test_same_id_with_other_content_is_an_error(
    store: LedgerStore, make_ledger: Callable[..., ArticleLedger]
) -> None:
    store.add_ledger(make_ledger("art-1", "hash-1"))
    with pytest.raises(StoreError, match="another article with id 'art-1'"):
        store.add_ledger(make_ledger("art-1", "hash-2"))
    assert store.counts() == ONE


def test_a_ledger_breaking_the_schema_is_refused(store: LedgerStore, ledger: ArticleLedger) -> None:
    broken = dataclasses.replace(ledger.events[1], actor1="a9", place="p7")
    bad = dataclasses.replace(ledger, events=(ledger.events[0], broken))
    with pytest.raises(StoreError, match=r"events\[1\]\.actor1: unknown actor id 'a9'") as info:
        store.add_ledger(bad)
    assert info.value.code == "E030"
    assert "events[1].place: unknown place id 'p7'" in str(info.value)
    assert store.counts() == EMPTY


# --------------------------------------------------------------------------- atomicity


def _assert_nothing_then_next_stores(store: LedgerStore, make_ledger: Callable[..., ArticleLedger]) -> None:
    assert store.counts() == EMPTY
    assert not store.has_article("hash-1")
    with pytest.raises(NotFoundError):
        store.get_ledger("art-1")
    assert store.add_ledger(make_ledger("art-2", "hash-2")) is True
    assert store.counts() == ONE


DB_ERRORS = {"sqlite": sqlite3.IntegrityError("boom"), "postgresql": psycopg.IntegrityError("boom")}


@pytest.mark.parametrize("kind", ["database", "other"])
def test_a_failure_mid_insert_leaves_nothing_of_the_article(
    store: LedgerStore,
    backend: str,
    ledger: ArticleLedger,
    make_ledger: Callable[..., ArticleLedger],
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
) -> None:
    error = DB_ERRORS[backend] if kind == "database" else RuntimeError("boom")
    module, name = (sqlite_rows, "insert_rows") if backend == "sqlite" else (postgres, "_insert_rows")
    real = getattr(module, name)
    tables: list[str] = []

    def failing_on_claims(conn: object, part: TableRows) -> None:
        tables.append(part.table)
        if part.table == "claims":  # after the article, its actors, places, times and events
            raise error
        real(conn, part)

    monkeypatch.setattr(module, name, failing_on_claims)
    with pytest.raises(StoreError if kind == "database" else RuntimeError, match="boom"):
        store.add_ledger(ledger)
    assert "events" in tables and tables[-1] == "claims"
    monkeypatch.setattr(module, name, real)
    _assert_nothing_then_next_stores(store, make_ledger)


def test_a_constraint_violated_by_the_second_event_rolls_back_the_article(
    store: LedgerStore,
    ledger: ArticleLedger,
    make_ledger: Callable[..., ArticleLedger],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Bypass the schema check so that the database's own foreign keys catch the dangling actor.
    monkeypatch.setattr("claimledger.store.rows.validate_ledger_dict", lambda d: [])
    dangling = dataclasses.replace(ledger.events[1], actor1="a9")
    with pytest.raises(StoreError, match=r"(?i)foreign key constraint"):
        store.add_ledger(dataclasses.replace(ledger, events=(ledger.events[0], dangling)))
    _assert_nothing_then_next_stores(store, make_ledger)


# --------------------------------------------------------------------------- untrusted text

HOSTILE = [
    "'); DROP TABLE articles;--",
    'Robert"); DELETE FROM claims WHERE ("1"="1',
    "' OR '1'='1' -- ",
    "100% of _all_ \\ back\\slashes; %s %(x)s {0} $1 ",
    "Kaboul — پنجشیر \x00 ",
    "\uffff0 \uffff\x00\uffff ",  # the PostgreSQL store's own NUL escape
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_and_titles_are_stored_and_returned_verbatim(
    store: LedgerStore, make_ledger: Callable[..., ArticleLedger], hostile: str
) -> None:
    ledger = make_ledger(article_id=hostile, content_hash=hostile, prefix=hostile, title=hostile)
    assert store.add_ledger(ledger) is True
    assert store.get_ledger(hostile) == ledger
    assert store.list_articles()[0].title == hostile
    assert store.has_article(hostile)
    claims = store.list_claims(ClaimQuery(article_id=hostile))
    assert claims[1].content == "the attack"
    assert store.list_events(EventQuery(actor=hostile, place=hostile, type=hostile)) == []
    assert store.list_claims(ClaimQuery(actor=hostile, stance=hostile)) == []
    assert store.get_event(global_id(hostile, "e1")).record == ledger.events[0]
    assert [e.event_id for e in store.list_events(EventQuery(article_id=hostile))] == [
        global_id(hostile, "e1"),
        global_id(hostile, "e2"),
    ]
    assert store.counts() == ONE


# --------------------------------------------------------------------------- reading


def test_list_articles_shows_counts_newest_first(
    store: LedgerStore, make_ledger: Callable[..., ArticleLedger]
) -> None:
    store.add_ledger(make_ledger("old", "h-old", published=dt.date(2020, 1, 1)))
    store.add_ledger(make_ledger("undated", "h-undated", published=None))
    store.add_ledger(make_ledger("new", "h-new", title=None))
    rows = store.list_articles()
    assert [r.id for r in rows] == ["new", "old", "undated"]
    assert (rows[0].events, rows[0].claims, rows[0].errors) == (2, 3, 0)
    assert rows[0].published == dt.date(2021, 9, 6)
    assert rows[0].title is None
    assert rows[0].ingested_at.tzinfo is not None
    assert [r.id for r in store.list_articles(limit=1, offset=1)] == ["old"]


@pytest.mark.parametrize(("limit", "offset"), [(-1, 0), (None, -1)])
def test_list_articles_refuses_a_bad_page(store: LedgerStore, limit: int | None, offset: int) -> None:
    with pytest.raises(StoreError, match="limit and offset must be >= 0"):
        store.list_articles(limit=limit, offset=offset)


def test_get_event_gives_claims_sources_evidence_and_contradictions(
    store: LedgerStore, ledger: ArticleLedger
) -> None:
    store.add_ledger(ledger)
    detail = store.get_event("art-1:e1")
    assert detail.record == ledger.events[0]
    assert detail.row.event_id == "art-1:e1"
    assert detail.row.contested is True
    assert detail.article.id == "art-1"
    assert detail.article.title == "Fighting around Dara"
    assert detail.sentence.startswith("Commanders of the Northern Front accused")
    assert detail.sentence.endswith("killing three civilians.")
    assert [a.name for a in detail.actors] == ["Army", "Northern Front"]
    assert detail.place is not None and detail.place.name == "Dara"
    assert detail.time is not None and detail.time.text == "Monday"
    assert [(c.row.claim_id, c.source_name, c.record.stance) for c in detail.claims] == [
        ("art-1:c1", "Northern Front", "assert"),
        ("art-1:c2", "Army", "deny"),
    ]
    assert detail.claims[1].evidence == "The Army denied the attack in a statement."
    assert detail.claims[1].row.content == "the attack"
    assert len(detail.contradictions) == 1
    contradiction = detail.contradictions[0]
    assert contradiction.event_id == "art-1:e1"
    assert contradiction.claim_ids == ("art-1:c1", "art-1:c2")
    assert (contradiction.field, contradiction.values) == ("occurrence", ("assert", "deny"))


def test_get_event_without_contradictions_or_named_sources(store: LedgerStore, ledger: ArticleLedger) -> None:
    store.add_ledger(ledger)
    detail = store.get_event("art-1:e2")
    assert detail.contradictions == ()
    assert detail.time is None
    assert [a.name for a in detail.actors] == ["Army"]
    assert [(c.source_name, c.row.source) for c in detail.claims] == [(None, "Several sources")]
    assert detail.claims[0].evidence == "Several sources said the Army later captured Dara."


@pytest.mark.parametrize("event_id", ["art-1:e9", "e1", "art-2:e1", ""])
def test_get_event_of_an_unknown_id_is_not_found(
    store: LedgerStore, ledger: ArticleLedger, event_id: str
) -> None:
    store.add_ledger(ledger)
    with pytest.raises(NotFoundError, match="no event with id") as info:
        store.get_event(event_id)
    assert info.value.code == "E031"


def test_get_ledger_of_an_unknown_article_is_not_found(store: LedgerStore) -> None:
    with pytest.raises(NotFoundError, match="no article with id 'nope'"):
        store.get_ledger("nope")


def test_a_closed_store_raises_store_error(store_url: str) -> None:
    store = open_store(store_url)
    store.close()
    with pytest.raises(StoreError, match="cannot count rows") as info:
        store.counts()
    assert info.value.code == "E030"
