"""Rebuilding the stored cross-article ledger from the stored article ledgers."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from claimledger.config import Config
from claimledger.ledger.cross import CrossLedger, build_ledger
from claimledger.ledger.refresh import refresh_ledger, stored_ledgers
from claimledger.store import LedgerStore, open_store
from claimledger.store.ledger_base import LedgerChange, LedgerQuery
from claimledger.types import ArticleLedger, LedgerEvent, Report
from tests.store.conftest import build_ledger as article_ledger

CONFIG = Config()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[LedgerStore]:
    with open_store(tmp_path / "ledger.db") as opened:
        yield opened


def two_reports() -> list[ArticleLedger]:
    """One outlet's article and another outlet's report of the same fighting, a day later."""
    first = article_ledger()
    second = article_ledger("art-2", "hash-2", prefix="DARA (Wire) - ", published=dt.date(2021, 9, 7))
    second = dataclasses.replace(
        second, article=dataclasses.replace(second.article, source="wire.example.com")
    )
    return [first, second]


def test_refresh_stores_the_ledger_built_from_the_stored_articles(store: LedgerStore) -> None:
    ledgers = two_reports()
    for ledger in ledgers:
        store.add_ledger(ledger)
    result = refresh_ledger(store, CONFIG)
    expected = build_ledger(ledgers, CONFIG)
    assert result.articles == 2
    assert (result.events, result.contradictions) == (len(expected.events), len(expected.contradictions))
    assert result.change == LedgerChange(inserted=len(expected.events))
    rows = store.list_ledger_events(LedgerQuery())
    assert sorted(r.id for r in rows) == sorted(e.id for e in expected.events)
    for event in expected.events:
        detail = store.get_ledger_event(event.id)
        assert detail.record == event
        assert detail.contradictions == tuple(k for k in expected.contradictions if k.event == event.id)
    assert any(r.reports == 2 for r in rows)  # the two articles' reports of one happening are merged


def test_refreshing_again_changes_no_row(store: LedgerStore) -> None:
    for ledger in two_reports():
        store.add_ledger(ledger)
    first = refresh_ledger(store, CONFIG)
    before = store.list_ledger_events(LedgerQuery())
    for ledger in two_reports():  # re-ingesting the same articles stores nothing
        assert store.add_ledger(ledger) is False
    again = refresh_ledger(store, CONFIG)
    assert again.change == LedgerChange(unchanged=first.events)
    assert store.list_ledger_events(LedgerQuery()) == before


def test_a_new_article_changes_the_ledger(store: LedgerStore) -> None:
    store.add_ledger(two_reports()[0])
    refresh_ledger(store, CONFIG)
    store.add_ledger(two_reports()[1])
    result = refresh_ledger(store, CONFIG)
    assert result.articles == 2
    assert result.change.changed
    assert max(r.reports for r in store.list_ledger_events(LedgerQuery())) == 2


def test_refresh_of_an_empty_store(store: LedgerStore) -> None:
    result = refresh_ledger(store, CONFIG)
    assert (result.articles, result.events, result.change) == (0, 0, LedgerChange())


def test_refresh_passes_every_stored_ledger_to_the_builder(store: LedgerStore) -> None:
    seen: list[str] = []

    def build(ledgers: Iterable[ArticleLedger], config: Config) -> CrossLedger:
        assert config is CONFIG
        seen.extend(sorted(x.article.id for x in ledgers))
        return CrossLedger((LedgerEvent("Lx", "ASSAULT", tuple(Report(a, "e1") for a in seen)),))

    for ledger in two_reports():
        store.add_ledger(ledger)
    result = refresh_ledger(store, CONFIG, build)
    assert seen == ["art-1", "art-2"]
    assert (result.articles, result.events) == (2, 1)
    assert [r.id for r in store.list_ledger_events(LedgerQuery())] == ["Lx"]


@pytest.mark.parametrize("page", [1, 2, 3])
def test_stored_ledgers_reads_every_article_page_by_page(store: LedgerStore, page: int) -> None:
    ledgers = [*two_reports(), article_ledger("art-3", "hash-3", prefix="x ")]
    for ledger in ledgers:
        store.add_ledger(ledger)
    assert sorted(x.article.id for x in stored_ledgers(store, page)) == ["art-1", "art-2", "art-3"]
    assert {x.article.id: x for x in stored_ledgers(store, page)} == {x.article.id: x for x in ledgers}
