from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from claimledger.eval.seed_gold import SeedGold, load_seed_gold, parse_seed_gold
from claimledger.eval.seed_score import SEED_METRICS, score_seed
from claimledger.types import Actor, ArticleLedger, Claim, Contradiction

from .seed_helpers import event, line, perfect_ledger, span, write_seed_layout

Mutation = Callable[[ArticleLedger], ArticleLedger]


@pytest.fixture(scope="module")
def gold(tmp_path_factory: pytest.TempPathFactory) -> SeedGold:
    root: Path = tmp_path_factory.mktemp("seed")
    return load_seed_gold(write_seed_layout(root))


def _replace_in(records: tuple[Any, ...], record_id: str, changes: dict[str, Any]) -> tuple[Any, ...]:
    key = "event" if isinstance(records[0], Contradiction) else "id"
    return tuple(replace(r, **changes) if getattr(r, key) == record_id else r for r in records)


def actor(record_id: str, **changes: Any) -> Mutation:
    return lambda led: replace(led, actors=_replace_in(led.actors, record_id, changes))


def place(record_id: str, **changes: Any) -> Mutation:
    return lambda led: replace(led, places=_replace_in(led.places, record_id, changes))


def time(record_id: str, **changes: Any) -> Mutation:
    return lambda led: replace(led, times=_replace_in(led.times, record_id, changes))


def ev(record_id: str, **changes: Any) -> Mutation:
    return lambda led: replace(led, events=_replace_in(led.events, record_id, changes))


def claim(record_id: str, **changes: Any) -> Mutation:
    return lambda led: replace(led, claims=_replace_in(led.claims, record_id, changes))


def add(**records: tuple[Any, ...]) -> Mutation:
    return lambda led: replace(led, **{k: getattr(led, k) + v for k, v in records.items()})


def both(*mutations: Mutation) -> Mutation:
    def apply(led: ArticleLedger) -> ArticleLedger:
        for mutation in mutations:
            led = mutation(led)
        return led

    return apply


def _metrics(gold: SeedGold, ledger: ArticleLedger) -> tuple[float, ...]:
    metrics = score_seed(gold, ledger).metrics
    assert tuple(metrics) == SEED_METRICS
    return tuple(round(metrics[name], 4) for name in SEED_METRICS)


FOOTNOTE_EVENT = event("e3", "ACCUSE", "banned", 3, actor1="a1")
ACTORLESS_EVENT = event("e3", "ASSAULT", "taken", 1)
EXTRA_ACTOR = Actor("a5", "Gamma Group", "armed_group", (span("Beta Army"),))
UNAFFILIATED_PERSON = Actor("a4", "Beta Brigade", "armed_group", (), affiliation="a2")

# (actors, places, events, claims, contradictions, precision) -- gold: 2 actors, 1 place, 2 events, 3 claims.
CASES: list[tuple[str, Mutation, tuple[float, ...]]] = [
    ("perfect", lambda led: led, (1, 1, 1, 1, 1, 1)),
    ("actor found by gold alias", actor("a2", name="Beta Militia", aliases=("BA",)), (1, 1, 1, 1, 1, 1)),
    ("actor name normalised", actor("a1", name="the Alpha-Front's"), (1, 1, 1, 1, 1, 1)),
    ("actor unknown name", actor("a2", name="Beta Militia"), (0.5, 1, 0, 0, 0, 1)),
    ("place without coordinates", place("p1", lat=None, lon=None), (1, 0, 0.5, 0.3333, 0, 1)),
    ("place too far", place("p1", lat=35.0), (1, 0, 0.5, 0.3333, 0, 1)),
    ("place in another country", place("p1", country="PK"), (1, 0, 0.5, 0.3333, 0, 1)),
    ("place named by its mention", place("p1", name="Gamma Town District"), (1, 1, 1, 1, 1, 1)),
    ("event place missing", ev("e1", place=None), (1, 1, 0.5, 0.3333, 0, 1)),
    ("actor2 via affiliation", ev("e1", actor2="a3"), (1, 1, 1, 1, 1, 1)),
    (
        "affiliation followed one step only",
        both(add(actors=(UNAFFILIATED_PERSON,)), actor("a3", affiliation="a4"), ev("e1", actor2="a3")),
        (1, 1, 0.5, 0.3333, 0, 1),
    ),
    ("actor1 swapped", ev("e1", actor1="a2", actor2="a1"), (1, 1, 0.5, 0.3333, 0, 1)),
    (
        "actor1 any of a gold list",
        both(add(actors=(EXTRA_ACTOR,)), ev("e2", actor1="a5")),
        (1, 1, 1, 1, 1, 1),
    ),
    ("type outside the gold set", ev("e2", type="PROTEST"), (1, 1, 0.5, 0.6667, 1, 1)),
    ("second gold type accepted", ev("e1", type="COERCE"), (1, 1, 1, 1, 1, 1)),
    ("date inside range", time("t2", start=dt.date(2024, 5, 1), end=dt.date(2024, 5, 3)), (1, 1, 1, 1, 1, 1)),
    ("date straddles range", time("t2", end=dt.date(2024, 5, 4)), (1, 1, 0.5, 0.6667, 1, 1)),
    (
        "date outside the day",
        time("t1", start=dt.date(2024, 5, 5), end=dt.date(2024, 5, 5)),
        (1, 1, 0.5, 0.3333, 0, 1),
    ),
    ("no time where gold has a date", ev("e2", time=None), (1, 1, 0.5, 0.6667, 1, 1)),
    ("dangling time id", ev("e2", time="t9"), (1, 1, 0.5, 0.6667, 1, 1)),
    ("claim stance wrong", claim("c2", stance="assert"), (1, 1, 1, 0.6667, 1, 1)),
    ("claim unlinked", both(claim("c3", event=None), ev("e2", claims=())), (1, 1, 1, 0.6667, 1, 1)),
    ("claim linked from the event only", claim("c3", event=None), (1, 1, 1, 1, 1, 1)),
    ("claim linked from the claim only", ev("e2", claims=()), (1, 1, 1, 1, 1, 1)),
    ("described is not unnamed", claim("c3", source_kind="described"), (1, 1, 1, 0.6667, 1, 1)),
    (
        "source by source_text",
        claim("c1", source=None, source_kind="described", source_text="Alpha Front commanders"),
        (1, 1, 1, 1, 1, 1),
    ),
    ("source wrong", claim("c1", source="a2"), (1, 1, 1, 0.6667, 0, 1)),
    ("no contradiction", lambda led: replace(led, contradictions=()), (1, 1, 1, 1, 0, 1)),
    (
        "contradiction with one side",
        lambda led: replace(led, contradictions=(Contradiction("e1", ("c1",), "occurrence"),)),
        (1, 1, 1, 1, 0, 1),
    ),
    (
        "contradiction on another event",
        lambda led: replace(led, contradictions=(Contradiction("e2", ("c1", "c2"), "occurrence"),)),
        (1, 1, 1, 1, 0, 1),
    ),
    ("footnote event rejected", add(events=(FOOTNOTE_EVENT,)), (1, 1, 1, 1, 1, 0.6667)),
    ("event without actors rejected", add(events=(ACTORLESS_EVENT,)), (1, 1, 1, 1, 1, 0.6667)),
    (
        "dangling actor ids count as missing",
        add(events=(replace(ACTORLESS_EVENT, actor1="a9"),)),
        (1, 1, 1, 1, 1, 0.6667),
    ),
    (
        "victim-only event rejected",
        add(events=(replace(ACTORLESS_EVENT, victims=("a3",)),)),
        (1, 1, 1, 1, 1, 0.6667),
    ),
    ("no events", lambda led: replace(led, events=()), (1, 1, 0, 0, 0, 0)),
    ("empty ledger", lambda led: ArticleLedger(article=led.article), (0, 0, 0, 0, 0, 0)),
]


@pytest.mark.parametrize(("mutation", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_seed_metrics(gold: SeedGold, mutation: Mutation, expected: tuple[float, ...]) -> None:
    assert _metrics(gold, mutation(perfect_ledger())) == pytest.approx(expected, abs=1e-4)


TWIN_GOLD: dict[str, Any] = {
    "article": {"file": "corpus/tiny.txt"},
    "actors": [{"name": "Alpha Front"}],
    "events": [
        {
            "id": "first",
            "type": "ASSAULT",
            "actor1": "Alpha Front",
            "claimed_by": [{"source": "unnamed", "stance": "assert"}],
        },
        {"id": "second", "type": "ASSAULT", "actor1": "Alpha Front"},
    ],
}


@pytest.mark.parametrize(("n_events", "expected"), [(0, 0.0), (1, 0.5), (2, 1.0), (3, 1.0)])
def test_events_are_matched_one_to_one(n_events: int, expected: float) -> None:
    gold = parse_seed_gold(TWIN_GOLD, origin="twin")
    base = perfect_ledger()
    events = tuple(replace(base.events[0], id=f"e{i}", place=None, time=None) for i in range(n_events))
    score = score_seed(gold, replace(base, events=events, claims=(), contradictions=()))
    assert score.metrics["events_recall"] == expected
    assert score.counts["events_recall"] == (min(n_events, 2), 2)


@pytest.mark.parametrize(("n_claims", "expected"), [(0, (0, 2)), (1, (1, 2)), (2, (2, 2)), (3, (2, 2))])
def test_claims_are_matched_one_to_one(n_claims: int, expected: tuple[int, int]) -> None:
    twin = {
        **TWIN_GOLD,
        "events": [{**TWIN_GOLD["events"][0], "claimed_by": [{"source": "unnamed", "stance": "assert"}] * 2}],
    }
    gold = parse_seed_gold(twin, origin="twin")
    base = perfect_ledger()
    claims = tuple(Claim(f"c{i}", "unnamed", "assert", line(0), line(0), event="e1") for i in range(n_claims))
    score = score_seed(gold, replace(base, claims=claims, contradictions=()))
    assert score.counts["claims_recall"] == expected


def test_assignment_prefers_the_event_carrying_the_claims(gold: SeedGold) -> None:
    # A duplicate of e1 without claims, listed first, must not steal the gold event from e1.
    duplicate = replace(perfect_ledger().events[0], id="e0", claims=())
    ledger = perfect_ledger()
    ledger = replace(ledger, events=(duplicate, *ledger.events))
    score = score_seed(gold, ledger)
    assert score.metrics["claims_recall"] == 1.0
    assert score.metrics["contradictions_recall"] == 1.0
    assert score.metrics["precision"] == 1.0


def test_details_explain_misses(gold: SeedGold) -> None:
    ledger = both(time("t2", end=dt.date(2024, 5, 4)), claim("c2", stance="assert"))(perfect_ledger())
    details = {(d.section, d.item): d for d in score_seed(gold, ledger).details}
    shelling = details[("events_recall", "shelling")]
    assert not shelling.matched
    assert "closest e2" in shelling.info
    assert "2024-05-02..2024-05-04 is not within 2024-05-01..2024-05-03" in shelling.info
    assert details[("events_recall", "attack")].matched
    assert not details[("claims_recall", "attack: Beta Army deny")].matched
    assert "c2 assert" in details[("claims_recall", "attack: Beta Army deny")].info
    assert details[("claims_recall", "attack: Alpha Front assert")].matched
    assert details[("claims_recall", "shelling: unnamed assert")].info == "its event is not matched"
    assert details[("actors_recall", "Beta Army")].info == "a2 'Beta Army'"


def test_precision_details_name_the_reason(gold: SeedGold) -> None:
    ledger = add(events=(FOOTNOTE_EVENT,))(perfect_ledger())
    rejected = [d for d in score_seed(gold, ledger).details if d.section == "precision" and not d.matched]
    assert [(d.item, d.info) for d in rejected] == [
        ("e3 ACCUSE 'banned'@" + str(span("banned").start), "its sentence is a not_events text")
    ]


def test_not_events_text_absent_from_article_is_noted(gold: SeedGold) -> None:
    ledger = perfect_ledger()
    text = ledger.article.text.replace("*Alpha Front is banned", "Alpha Front is banned")
    ledger = replace(ledger, article=replace(ledger.article, text=text))
    score = score_seed(gold, ledger)
    assert any("not_events text not found" in note for note in score.notes)
    assert score.metrics["precision"] == 1.0
