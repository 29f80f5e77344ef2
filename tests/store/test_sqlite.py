"""SQLiteStore: storing ledgers atomically and idempotently, reading them back, event details."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from claimledger.errors import NotFoundError, StoreError
from claimledger.store import ClaimQuery, EventQuery, LedgerStore, global_id, sqlite_rows
from claimledger.store.sqlite import SQLiteStore
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


def test_store_satisfies_the_protocol(store: SQLiteStore) -> None:
    assert isinstance(store, LedgerStore)


def test_add_then_get_ledger_round_trips_exactly(store: SQLiteStore, ledger: ArticleLedger) -> None:
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


def test_adding_the_same_article_twice_stores_it_once(store: SQLiteStore, ledger: ArticleLedger) -> None:
    assert store.add_ledger(ledger) is True
    before = store.counts()
    renamed = dataclasses.replace(ledger, article=dataclasses.replace(ledger.article, id="other-id"))
    assert store.add_ledger(ledger) is False
    assert store.add_ledger(renamed) is False  # same content_hash: the same article
    assert store.counts() == before == ONE
    assert [a.id for a in store.list_articles()] == ["art-1"]


def test_a_stored_article_survives_reopening(db_path: Path, ledger: ArticleLedger) -> None:
    with SQLiteStore.open(db_path) as first:
        first.add_ledger(ledger)
    with SQLiteStore.open(db_path) as second:
        assert second.get_ledger("art-1") == ledger
        assert second.add_ledger(ledger) is False


def test_same_id_with_other_content_is_an_error(
    store: SQLiteStore, make_ledger: Callable[..., ArticleLedger]
) -> None:
    store.add_ledger(make_ledger("art-1", "hash-1"))
    with pytest.raises(StoreError, match="another article with id 'art-1'"):
        store.add_ledger(make_ledger("art-1", "hash-2"))
    assert store.counts() == ONE


def test_a_ledger_breaking_the_schema_is_refused(store: SQLiteStore, ledger: ArticleLedger) -> None:
    broken = dataclasses.replace(ledger.events[1], actor1="a9", place="p7")
    bad = dataclasses.replace(ledger, events=(ledger.events[0], broken))
    with pytest.raises(StoreError, match=r"events\[1\]\.actor1: unknown actor id 'a9'") as info:
        store.add_ledger(bad)
    assert info.value.code == "E030"
    assert "events[1].place: unknown place id 'p7'" in str(info.value)
    assert store.counts() == EMPTY


# --------------------------------------------------------------------------- atomicity


def _assert_nothing_then_next_stores(store: SQLiteStore, make_ledger: Callable[..., ArticleLedger]) -> None:
    assert store.counts() == EMPTY
    assert not store.has_article("hash-1")
    with pytest.raises(NotFoundError):
        store.get_ledger("art-1")
    assert store.add_ledger(make_ledger("art-2", "hash-2")) is True
    assert store.counts() == ONE


@pytest.mark.parametrize("error", [sqlite3.IntegrityError("boom"), RuntimeError("boom")])
def test_a_failure_mid_insert_leaves_nothing_of_the_article(
    store: SQLiteStore,
    ledger: ArticleLedger,
    make_ledger: Callable[..., ArticleLedger],
    monkeypatch: pytest.MonkeyPatch,
    error: Exception,
) -> None:
    real = sqlite_rows._insert_event
    calls: list[str] = []

    def failing_second_event(*args: object, **kwargs: object) -> None:
        calls.append("event")
        if len(calls) == 2:
            raise error
        real(*args, **kwargs)

    monkeypatch.setattr(sqlite_rows, "_insert_event", failing_second_event)
    expected = StoreError if isinstance(error, sqlite3.Error) else RuntimeError
    with pytest.raises(expected, match="boom"):
        store.add_ledger(ledger)
    assert len(calls) == 2
    _assert_nothing_then_next_stores(store, make_ledger)


def test_a_constraint_violated_by_the_second_event_rolls_back_the_article(
    store: SQLiteStore,
    ledger: ArticleLedger,
    make_ledger: Callable[..., ArticleLedger],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Bypass the schema check so that the database's own foreign keys catch the dangling actor.
    monkeypatch.setattr("claimledger.store.sqlite.validate_ledger_dict", lambda d: [])
    dangling = dataclasses.replace(ledger.events[1], actor1="a9")
    with pytest.raises(StoreError, match="FOREIGN KEY constraint failed"):
        store.add_ledger(dataclasses.replace(ledger, events=(ledger.events[0], dangling)))
    _assert_nothing_then_next_stores(store, make_ledger)


# --------------------------------------------------------------------------- untrusted text

HOSTILE = [
    "'); DROP TABLE articles;--",
    'Robert"); DELETE FROM claims WHERE ("1"="1',
    "' OR '1'='1' -- ",
    "100% of _all_ \\ back\\slashes; ",
    "Kaboul — پنجشیر \x00 ",
]


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_and_titles_are_stored_and_returned_verbatim(
    store: SQLiteStore, make_ledger: Callable[..., ArticleLedger], hostile: str
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
    assert store.counts() == ONE


# --------------------------------------------------------------------------- reading


def test_list_articles_shows_counts_newest_first(
    store: SQLiteStore, make_ledger: Callable[..., ArticleLedger]
) -> None:
    import datetime as dt

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


def test_get_event_gives_claims_sources_evidence_and_contradictions(
    store: SQLiteStore, ledger: ArticleLedger
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


def test_get_event_without_contradictions_or_named_sources(store: SQLiteStore, ledger: ArticleLedger) -> None:
    store.add_ledger(ledger)
    detail = store.get_event("art-1:e2")
    assert detail.contradictions == ()
    assert detail.time is None
    assert [a.name for a in detail.actors] == ["Army"]
    assert [(c.source_name, c.row.source) for c in detail.claims] == [(None, "Several sources")]
    assert detail.claims[0].evidence == "Several sources said the Army later captured Dara."


@pytest.mark.parametrize("event_id", ["art-1:e9", "e1", "art-2:e1", ""])
def test_get_event_of_an_unknown_id_is_not_found(
    store: SQLiteStore, ledger: ArticleLedger, event_id: str
) -> None:
    store.add_ledger(ledger)
    with pytest.raises(NotFoundError, match="no event with id") as info:
        store.get_event(event_id)
    assert info.value.code == "E031"


def test_get_ledger_of_an_unknown_article_is_not_found(store: SQLiteStore) -> None:
    with pytest.raises(NotFoundError, match="no article with id 'nope'"):
        store.get_ledger("nope")


def test_a_closed_store_raises_store_error(db_path: Path) -> None:
    store = SQLiteStore.open(db_path)
    store.close()
    with pytest.raises(StoreError, match="cannot count rows"):
        store.counts()


def test_open_turns_on_wal_and_foreign_keys(store: SQLiteStore) -> None:
    conn = store._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_the_constructor_does_no_io_and_a_callers_connection_works(
    tmp_path: Path, ledger: ArticleLedger
) -> None:
    conn = sqlite3.connect(tmp_path / "x.sqlite")  # Python's default (implicit) transaction handling
    store = SQLiteStore(conn)
    assert conn.execute("SELECT name FROM sqlite_master").fetchall() == []
    assert store.migrate() == ["0001_initial"]
    assert store.add_ledger(ledger) is True
    assert not conn.in_transaction
    conn.close()
    with SQLiteStore.open(tmp_path / "x.sqlite") as reopened:
        assert reopened.get_ledger("art-1") == ledger
