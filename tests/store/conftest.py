"""Hand-built article ledgers and stores of both backends for the store tests.

``store``/``store_url`` are parametrized over SQLite and PostgreSQL. PostgreSQL is a throwaway server
(``pg_server.py``) that each test process (each pytest-xdist worker) starts once; every test gets a
fresh schema of its database. If the server cannot be started, the PostgreSQL tests fail, never skip.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from claimledger.store import LedgerStore, open_store
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
from tests.store.pg_server import PgServer, PgServerError, start_server

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


# --------------------------------------------------------------------------- PostgreSQL

BACKENDS = ["sqlite", "postgresql"]
PG_DATABASE = "claimledger_test"
_schemas = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    try:
        server = start_server()
    except PgServerError as exc:
        pytest.fail(
            f"cannot start a throwaway PostgreSQL server for the store tests: {exc}\n"
            "These tests need Debian's postgresql (initdb, pg_ctl); .ci/run installs it.",
            pytrace=False,
        )
    try:
        with psycopg.connect(server.url("postgres"), autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {PG_DATABASE}")
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_admin(pg_server: PgServer) -> Iterator[psycopg.Connection[Any]]:
    with psycopg.connect(pg_server.url(PG_DATABASE), autocommit=True) as conn:
        yield conn


def new_pg_url(server: PgServer, admin: psycopg.Connection[Any]) -> str:
    """A URL whose ``search_path`` is a new, empty schema of the test database."""
    schema = f"t{next(_schemas)}"
    admin.execute(f"CREATE SCHEMA {schema}")
    return server.url(PG_DATABASE, schema)


@pytest.fixture
def pg_url(pg_server: PgServer, pg_admin: psycopg.Connection[Any]) -> str:
    return new_pg_url(pg_server, pg_admin)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture
def store_url(backend: str, db_path: Path, request: pytest.FixtureRequest) -> str:
    """An empty store of ``backend``: a SQLite path or a PostgreSQL URL."""
    if backend == "sqlite":
        return str(db_path)
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture
def store(store_url: str) -> Iterator[LedgerStore]:
    with open_store(store_url) as opened:
        yield opened
