"""list_events / list_claims filters of every store backend over two stored articles."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator

import pytest

from claimledger.store import (
    ClaimQuery,
    ClaimRow,
    EventQuery,
    EventRow,
    LedgerStore,
    open_store,
    postgres_query,
    sqlite_query,
)
from claimledger.types import Actor, ArticleLedger, Span
from tests.store.conftest import BACKENDS, build_ledger, new_pg_url


def second_ledger(make_ledger: Callable[..., ArticleLedger]) -> ArticleLedger:
    """The same sentences under other names, a later date, a victim, and no contradiction."""
    base = make_ledger("art-2", "hash-2")
    civilians_at = base.article.text.index("three civilians")
    civilians = Actor("a3", "civilians", "civilians", (Span(civilians_at, civilians_at + 15),))
    front, army = base.actors
    return dataclasses.replace(
        base,
        actors=(
            dataclasses.replace(front, name="Southern Alliance", aliases=()),
            dataclasses.replace(army, name="Police"),
            civilians,
        ),
        places=(dataclasses.replace(base.places[0], name="Harim", admin1="Idlib"),),
        times=(dataclasses.replace(base.times[0], start=dt.date(2021, 10, 1), end=dt.date(2021, 10, 2)),),
        events=(dataclasses.replace(base.events[0], victims=("a3",)), base.events[1]),
        contradictions=(),
    )


@pytest.fixture(scope="module", params=BACKENDS)
def filled(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LedgerStore]:
    """Both articles in a store of each backend, shared by this module's read-only tests."""
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("queries") / "ledger.sqlite")
    else:
        url = new_pg_url(request.getfixturevalue("pg_server"), request.getfixturevalue("pg_admin"))
    with open_store(url) as store:
        assert store.add_ledger(build_ledger())
        assert store.add_ledger(second_ledger(build_ledger))
        yield store


ALL_EVENTS = ["art-1:e1", "art-2:e1", "art-1:e2", "art-2:e2"]  # dated first, by date


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (EventQuery(), ALL_EVENTS),
        (EventQuery(type="ASSAULT"), ["art-1:e1", "art-2:e1"]),
        (EventQuery(type="COERCE"), ["art-1:e2", "art-2:e2"]),
        (EventQuery(type="assault"), []),
        (EventQuery(actor="ARMY"), ["art-1:e1", "art-1:e2"]),
        (EventQuery(actor="nf"), ["art-1:e1"]),  # an alias
        (EventQuery(actor="southern"), ["art-2:e1"]),
        (EventQuery(actor="civilian"), ["art-2:e1"]),  # a victim
        (EventQuery(actor="%"), []),  # LIKE wildcards are literal
        (EventQuery(actor="_"), []),
        (EventQuery(place="dar"), ["art-1:e1", "art-1:e2"]),
        (EventQuery(place="idlib"), ["art-2:e1", "art-2:e2"]),  # admin1
        (EventQuery(since=dt.date(2021, 9, 10)), ["art-2:e1"]),
        (EventQuery(since=dt.date(2021, 10, 2)), ["art-2:e1"]),  # overlaps the range's last day
        (EventQuery(until=dt.date(2021, 9, 10)), ["art-1:e1"]),
        (EventQuery(since=dt.date(2021, 9, 6), until=dt.date(2021, 9, 6)), ["art-1:e1"]),
        (EventQuery(since=dt.date(2021, 10, 3)), []),
        (EventQuery(since=dt.date(2021, 9, 1), limit=1, offset=1), ["art-2:e1"]),
        (EventQuery(since=dt.date(1, 1, 2)), ["art-1:e1", "art-2:e1"]),
        (EventQuery(article_id="art-2"), ["art-2:e1", "art-2:e2"]),
        (EventQuery(event_id="art-2:e2"), ["art-2:e2"]),
        (EventQuery(contested=True), ["art-1:e1"]),
        (EventQuery(type="ASSAULT", actor="police"), ["art-2:e1"]),
        (EventQuery(type="COERCE", place="dara", article_id="art-2"), []),
        (EventQuery(actor="army", place="dara"), ["art-1:e1", "art-1:e2"]),
        (EventQuery(actor="army", contested=True), ["art-1:e1"]),
        (EventQuery(actor="police", article_id="art-2", until=dt.date(2021, 10, 1)), ["art-2:e1"]),
        (EventQuery(actor="army", event_id="art-1:e2"), ["art-1:e2"]),
        (EventQuery(place="harim", type="COERCE"), ["art-2:e2"]),
        (EventQuery(actor="army", place="harim"), []),
        (EventQuery(actor="police", since=dt.date(2021, 10, 2), type="ASSAULT"), ["art-2:e1"]),
        (EventQuery(place="a", until=dt.date(2021, 9, 30)), ["art-1:e1"]),
        (EventQuery(limit=2), ALL_EVENTS[:2]),
        (EventQuery(limit=2, offset=3), ALL_EVENTS[3:]),
        (EventQuery(offset=1), ALL_EVENTS[1:]),
        (EventQuery(limit=0), []),
    ],
)
@pytest.mark.parametrize("names", ["rare", "common"])
def test_list_events_filters(
    filled: LedgerStore, monkeypatch: pytest.MonkeyPatch, names: str, query: EventQuery, expected: list[str]
) -> None:
    # Actor/place filters: "rare" reads the matching names' events from event_terms, "common" walks the
    # events in order checking each (what a substring matching many names gets).
    most = 0 if names == "common" else 10**6
    monkeypatch.setattr(sqlite_query, "_MAX_TERMS", most)
    monkeypatch.setattr(postgres_query, "_MAX_TERMS", most)
    assert [r.event_id for r in filled.list_events(query)] == expected


def test_event_rows_are_display_ready(filled: LedgerStore) -> None:
    rows = {r.event_id: r for r in filled.list_events(EventQuery())}
    assert rows["art-1:e1"] == EventRow(
        event_id="art-1:e1",
        local_id="e1",
        article_id="art-1",
        type="ASSAULT",
        mode="artillery",
        acled_event_type="Explosions/Remote violence",
        acled_sub_event_type="Shelling/artillery/missile attack",
        actor1="Army",
        actor2="Northern Front",
        victims=(),
        place="Dara",
        lat=32.6,
        lon=36.1,
        date_start=dt.date(2021, 9, 6),
        date_end=dt.date(2021, 9, 6),
        fatalities=3,
        negated=False,
        hedged=False,
        claim_count=2,
        contested=True,
        sources=("Northern Front", "Army"),
        trigger="shelling",
    )
    second = rows["art-2:e1"]
    assert (second.actor1, second.actor2, second.victims) == ("Police", "Southern Alliance", ("civilians",))
    assert (second.place, second.contested, second.date_end) == ("Harim", False, dt.date(2021, 10, 2))
    undated = rows["art-1:e2"]
    assert (undated.date_start, undated.actor2, undated.hedged) == (None, None, True)
    assert undated.sources == ("Several sources",)


ALL_CLAIMS = [f"art-{a}:c{c}" for a in (1, 2) for c in (1, 2, 3)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (ClaimQuery(), ALL_CLAIMS),
        (ClaimQuery(stance="deny"), ["art-1:c2", "art-2:c2"]),
        (ClaimQuery(source_kind="unnamed"), ["art-1:c3", "art-2:c3"]),
        (ClaimQuery(actor="several"), ["art-1:c3", "art-2:c3"]),  # source text
        (ClaimQuery(actor="alliance"), ["art-2:c1"]),  # source actor name
        (ClaimQuery(actor="NF"), ["art-1:c1"]),  # source actor alias
        (ClaimQuery(actor="northern"), ["art-1:c1", "art-2:c1"]),  # name in art-1, source text in both
        (ClaimQuery(type="COERCE"), ["art-1:c3", "art-2:c3"]),
        (ClaimQuery(place="harim"), ["art-2:c1", "art-2:c2", "art-2:c3"]),
        (ClaimQuery(since=dt.date(2021, 9, 10)), ["art-2:c1", "art-2:c2"]),
        (ClaimQuery(until=dt.date(2021, 9, 30)), ["art-1:c1", "art-1:c2"]),
        (ClaimQuery(contested=True), ["art-1:c1", "art-1:c2"]),
        (ClaimQuery(event_id="art-1:e1"), ["art-1:c1", "art-1:c2"]),
        (ClaimQuery(article_id="art-2", stance="assert"), ["art-2:c1", "art-2:c3"]),
        (ClaimQuery(limit=2, offset=2), ["art-1:c3", "art-2:c1"]),
        (ClaimQuery(actor="%"), []),
    ],
)
def test_list_claims_filters(filled: LedgerStore, query: ClaimQuery, expected: list[str]) -> None:
    assert [r.claim_id for r in filled.list_claims(query)] == expected


def test_claim_rows_are_display_ready(filled: LedgerStore) -> None:
    rows = filled.list_claims(ClaimQuery(article_id="art-1"))
    assert rows[1] == ClaimRow(
        claim_id="art-1:c2",
        local_id="c2",
        article_id="art-1",
        event_id="art-1:e1",
        event_type="ASSAULT",
        source="Army",
        source_kind="named",
        stance="deny",
        cue="denied",
        hedged=False,
        quote=None,
        channel="statement",
        content="the attack",
        date_start=dt.date(2021, 9, 6),
        date_end=dt.date(2021, 9, 6),
        contested=True,
    )
    assert rows[2].content == "the Army later captured Dara"
    assert (rows[2].source, rows[2].date_start, rows[2].contested) == ("Several sources", None, False)


def test_claims_without_event_or_source(
    store: LedgerStore, make_ledger: Callable[..., ArticleLedger]
) -> None:
    base = make_ledger()
    outlet = dataclasses.replace(base.claims[2], event=None, source_kind="outlet", source_text=None)
    ledger = dataclasses.replace(
        base,
        events=(base.events[0], dataclasses.replace(base.events[1], claims=())),
        claims=(*base.claims[:2], outlet),
    )
    store.add_ledger(ledger)
    row = store.list_claims(ClaimQuery(source_kind="outlet"))[0]
    assert (row.event_id, row.event_type, row.source) == (None, None, "news.example.org")
    assert store.list_claims(ClaimQuery(source_kind="outlet", type="COERCE")) == []
    assert store.list_events(EventQuery(event_id="art-1:e2"))[0].claim_count == 0


def test_long_spans_and_undated_articles_keep_their_place(
    store: LedgerStore, make_ledger: Callable[..., ArticleLedger]
) -> None:
    """An event spanning two years overlaps a late ``since``; undated events come last, and among them
    those of articles without a publication day first (as SQLite orders NULL)."""
    store.add_ledger(make_ledger())
    base = make_ledger("art-3", "hash-3", published=None)
    long = dataclasses.replace(
        base.times[0], start=dt.date(2020, 1, 1), end=dt.date(2021, 12, 31), granularity="range"
    )
    store.add_ledger(dataclasses.replace(base, times=(long,)))
    assert [r.event_id for r in store.list_events(EventQuery())] == [
        "art-3:e1",
        "art-1:e1",
        "art-3:e2",
        "art-1:e2",
    ]
    since = EventQuery(since=dt.date(2021, 12, 31))
    assert [r.event_id for r in store.list_events(since)] == ["art-3:e1"]
    assert [r.event_id for r in store.list_events(EventQuery(since=dt.date(2021, 6, 1), limit=1))] == [
        "art-3:e1"
    ]
    assert store.list_events(EventQuery(since=dt.date(2022, 1, 1))) == []
