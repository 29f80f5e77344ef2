"""A tiny seed dataset of our own (article, gold YAML) and a hand-built ledger that matches it fully."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from claimledger.types import (
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

ARTICLE_FILE = "corpus/tiny.txt"
ARTICLE_TEXT = (
    "Alpha Front fighters attacked Beta Army positions in Gammatown on Monday, the Alpha Front said.\n"
    "Beta Army spokesman John Doe denied that the attack had taken place at all.\n"
    "Several officials claimed that Beta Army shelled the town on 2 May.\n"
    "*Alpha Front is banned in several countries."
)

SEED_YAML = """\
article:
  file: corpus/tiny.txt
  published: 2024-05-06
  language: en
actors:
  - name: Alpha Front
    aliases: [AF fighters]
    kind: armed_group
  - {name: Beta Army, aliases: [BA], kind: armed_group}
places:
  - {name: Gammatown, kind: city, country: AF, near: [34.5, 69.2], within_km: 25}
events:
  - id: attack
    type: [ASSAULT, COERCE]
    actor1: Alpha Front
    actor2: Beta Army
    place: Gammatown
    date: 2024-05-06
    claimed_by:
      - {source: Alpha Front, stance: assert, cue: said}
      - {source: Beta Army, stance: deny, cue: denied}
  - id: shelling
    type: [ASSAULT]
    actor1: [Beta Army, Gamma Group]
    date: [2024-05-01, 2024-05-03]
    claimed_by: [{source: unnamed, stance: assert, cue: claimed}]
contradictions:
  - event: attack
    between: [Alpha Front, Beta Army]
not_events:
  - the footnote "*Alpha Front is banned in several countries." is the outlet's
    designation, and no event
"""


def span(needle: str, text: str = ARTICLE_TEXT) -> Span:
    start = text.index(needle)
    return Span(start, start + len(needle))


def line(index: int, text: str = ARTICLE_TEXT) -> Span:
    start = 0
    for _ in range(index):
        start = text.index("\n", start) + 1
    end = text.find("\n", start)
    return Span(start, len(text) if end < 0 else end)


def write_seed_layout(root: Path, yaml_text: str = SEED_YAML) -> Path:
    """``root/spec/seed-ledger.yaml`` and ``root/corpus/tiny.txt``; returns the YAML path."""
    (root / "spec").mkdir(parents=True, exist_ok=True)
    (root / "corpus").mkdir(parents=True, exist_ok=True)
    (root / ARTICLE_FILE).write_text(ARTICLE_TEXT, encoding="utf-8")
    gold = root / "spec" / "seed-ledger.yaml"
    gold.write_text(yaml_text, encoding="utf-8")
    return gold


def make_article(text: str = ARTICLE_TEXT) -> Article:
    return Article(id="tiny", text=text, content_hash="0" * 64, published=dt.date(2024, 5, 6), language="en")


def event(event_id: str, type_: str, trigger: str, sentence: int, **fields: object) -> Event:
    return Event(
        id=event_id,
        type=type_,
        trigger=Trigger(trigger, span(trigger)),
        sentence=line(sentence),
        **fields,
    )


def perfect_ledger(article: Article | None = None) -> ArticleLedger:
    """Every gold item of ``SEED_YAML`` found, nothing else."""
    actors = (
        Actor("a1", "Alpha Front", "armed_group", (span("Alpha Front"),)),
        Actor("a2", "Beta Army", "armed_group", (span("Beta Army"),)),
        Actor("a3", "John Doe", "person", (span("John Doe"),), affiliation="a2", role="spokesman"),
    )
    places = (Place("p1", "Gammatown", "city", (span("Gammatown"),), country="AF", lat=34.52, lon=69.18),)
    times = (
        TimeExpr("t1", "Monday", span("Monday"), dt.date(2024, 5, 6), dt.date(2024, 5, 6), "day"),
        TimeExpr("t2", "2 May", span("2 May"), dt.date(2024, 5, 2), dt.date(2024, 5, 2), "day"),
    )
    events = (
        event(
            "e1",
            "ASSAULT",
            "attacked",
            0,
            actor1="a1",
            actor2="a2",
            place="p1",
            time="t1",
            claims=("c1", "c2"),
        ),
        event("e2", "ASSAULT", "shelled", 2, actor1="a2", time="t2", claims=("c3",)),
    )
    claims = (
        Claim("c1", "named", "assert", line(0), line(0), event="e1", source="a1", cue="said"),
        Claim("c2", "named", "deny", line(1), line(1), event="e1", source="a3", source_text="John Doe"),
        Claim("c3", "unnamed", "assert", line(2), line(2), event="e2", source_text="Several officials"),
    )
    contradictions = (Contradiction("e1", ("c1", "c2"), "occurrence"),)
    return ArticleLedger(
        article=article or make_article(),
        actors=actors,
        places=places,
        times=times,
        events=events,
        claims=claims,
        contradictions=contradictions,
    )
