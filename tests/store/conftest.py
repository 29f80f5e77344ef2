"""Hand-built article ledgers for the store tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from claimledger.store.sqlite import SQLiteStore
from claimledger.types import (
    AcledCode,
    Actor,
    Article,
    ArticleLedger,
    Claim,
    Contradiction,
    Event,
    Place,
    Span,
    TimeExpr,
    Trigger,
)

SENTENCES = (
    "Commanders of the Northern Front accused the Army of shelling Dara on Monday, killing three civilians.",
    "The Army denied the attack in a statement.",
    "Several sources said the Army later captured Dara.",
)


def build_ledger(
    article_id: str = "art-1",
    content_hash: str = "hash-1",
    prefix: str = "",
    title: str | None = "Fighting around Dara",
    published: dt.date | None = dt.date(2021, 9, 6),
) -> ArticleLedger:
    """2 actors, a place, a time, two events, claims asserting and denying, one contradiction.

    ``prefix`` goes before the three sentences; every span accounts for it.
    """
    text = prefix + " ".join(SENTENCES)
    starts = [len(prefix)]
    for sentence in SENTENCES[:-1]:
        starts.append(starts[-1] + len(sentence) + 1)
    sent = [Span(s, s + len(x)) for s, x in zip(starts, SENTENCES, strict=True)]

    def at(needle: str, sentence: int, nth: int = 0) -> Span:
        pos = sent[sentence].start - 1
        for _ in range(nth + 1):
            pos = text.index(needle, pos + 1, sent[sentence].end)
        return Span(pos, pos + len(needle))

    front = Actor(
        "a1", "Northern Front", "armed_group", (at("Northern Front", 0),), aliases=("NF",), role=None
    )
    army = Actor("a2", "Army", "state", (at("Army", 0), at("Army", 1), at("Army", 2)), country="SY")
    dara = Place(
        "p1", "Dara", "village", (at("Dara", 0), at("Dara", 2)), "SY", "Daraa Governorate", None, 32.6, 36.1
    )
    monday = TimeExpr("t1", "Monday", at("Monday", 0), dt.date(2021, 9, 6), dt.date(2021, 9, 6), "day")
    shelling = Event(
        "e1",
        "ASSAULT",
        Trigger("shelling", at("shelling", 0)),
        sent[0],
        mode="artillery",
        acled=AcledCode("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        actor1="a2",
        actor2="a1",
        place="p1",
        time="t1",
        fatalities=3,
        claims=("c1", "c2"),
    )
    capture = Event(
        "e2",
        "COERCE",
        Trigger("captured", at("captured", 2)),
        sent[2],
        actor1="a2",
        place="p1",
        hedged=True,
        claims=("c3",),
    )
    accuse = Claim(
        "c1",
        "named",
        "assert",
        Span(at("the Army", 0).start, sent[0].end - 1),
        sent[0],
        event="e1",
        source="a1",
        source_text="Commanders of the Northern Front",
        source_span=at("Commanders of the Northern Front", 0),
        cue="accused",
        cue_span=at("accused", 0),
    )
    deny = Claim(
        "c2",
        "named",
        "deny",
        at("the attack", 1),
        sent[1],
        event="e1",
        source="a2",
        source_text="The Army",
        source_span=at("The Army", 1),
        cue="denied",
        cue_span=at("denied", 1),
        channel="statement",
    )
    said = Claim(
        "c3",
        "unnamed",
        "assert",
        Span(at("the Army", 2).start, sent[2].end - 1),
        sent[2],
        event="e2",
        source_text="Several sources",
        source_span=at("Several sources", 2),
        cue="said",
        cue_span=at("said", 2),
        hedged=True,
    )
    return ArticleLedger(
        article=Article(
            article_id,
            text,
            content_hash,
            url=f"https://news.example.org/{article_id}",
            source="news.example.org",
            published=published,
            title=title,
            language="en",
        ),
        actors=(front, army),
        places=(dara,),
        times=(monday,),
        events=(shelling, capture),
        claims=(accuse, deny, said),
        contradictions=(Contradiction("e1", ("c1", "c2"), "occurrence", ("assert", "deny")),),
    )


@pytest.fixture
def ledger() -> ArticleLedger:
    return build_ledger()


@pytest.fixture
def make_ledger() -> Callable[..., ArticleLedger]:
    return build_ledger


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "ledger.sqlite"


@pytest.fixture
def store(db_path: Path) -> Iterator[SQLiteStore]:
    with SQLiteStore.open(db_path) as opened:
        yield opened
