"""Saved article → expected-ledger files (tests/fixtures/articles): invented reports of other wars.

Each ``NAME.txt`` has a ``NAME.expected.yaml`` listing what a careful analyst would record; every listed item
must be in the extracted ledger (extra records are allowed: precision is scored by ``claimledger eval``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from claimledger.config import Config
from claimledger.ingest.text import read_text_file
from claimledger.types import ArticleLedger, Event

FIXTURES = Path(__file__).parent / "fixtures" / "articles"
CASES = sorted(p.stem for p in FIXTURES.glob("*.txt"))


def _names(ledger: ArticleLedger, actor_id: str | None) -> list[str]:
    for a in ledger.actors:
        if a.id == actor_id:
            return [a.name.lower(), *(x.lower() for x in a.aliases)]
    return []


def _find_event(ledger: ArticleLedger, trigger: str) -> Event:
    for e in ledger.events:
        if e.trigger.text == trigger:
            return e
    # a merged event keeps its first mention's trigger; look through the claims' linked events too
    raise AssertionError(f"no event with trigger {trigger!r}: {[e.trigger.text for e in ledger.events]}")


def _check_event(ledger: ArticleLedger, want: dict[str, Any]) -> None:
    e = _find_event(ledger, want["trigger"])
    assert e.type == want["type"]
    if "mode" in want:
        assert e.mode == want["mode"]
    for role in ("actor1", "actor2"):
        if role in want:
            names = _names(ledger, getattr(e, role))
            assert any(want[role].lower() in n for n in names), f"{role} of {e.id}: {names}"
    if "place" in want:
        place = next(p for p in ledger.places if p.id == e.place)
        assert place.name == want["place"]
    if "date" in want:
        t = next(t for t in ledger.times if t.id == e.time)
        assert t.start <= want["date"] <= t.end
    if "fatalities" in want:
        assert e.fatalities == want["fatalities"]
    if "contested" in want:
        assert (e.id in {k.event for k in ledger.contradictions}) == want["contested"]


def _check_claim(ledger: ArticleLedger, want: dict[str, Any]) -> None:
    found = [c for c in ledger.claims if c.cue == want["cue"]]
    assert found, f"no claim with cue {want['cue']!r}: {[c.cue for c in ledger.claims]}"
    ok = []
    for c in found:
        checks = [c.source_kind == want["source_kind"], c.stance == want["stance"]]
        if "source" in want:
            checks.append(any(want["source"].lower() in n for n in _names(ledger, c.source)))
        if "channel" in want:
            checks.append(c.channel == want["channel"])
        if "hedged" in want:
            checks.append(c.hedged == want["hedged"])
        if "event_trigger" in want:
            ev = next((e for e in ledger.events if e.id == c.event), None)
            checks.append(ev is not None and ev.trigger.text == want["event_trigger"])
        ok.append(all(checks))
    assert any(ok), f"claim {want} not matched by {found}"


@pytest.mark.parametrize("name", CASES)
def test_fixture_article(pipeline, name: str) -> None:  # type: ignore[no-untyped-def]
    expected = yaml.safe_load((FIXTURES / f"{name}.expected.yaml").read_text(encoding="utf-8"))
    published = expected["published"]
    assert isinstance(published, dt.date)
    article = read_text_file(FIXTURES / f"{name}.txt", origin=name, config=Config(), published=published)
    ledger = pipeline.extract(article)
    assert ledger.errors == ()
    for want in expected.get("events", []):
        _check_event(ledger, want)
    for want in expected.get("claims", []):
        _check_claim(ledger, want)
    for want in expected.get("not_claims", []):
        assert not [c for c in ledger.claims if c.cue == want["cue"]]
    for want in expected.get("places", []):
        assert any(
            p.name == want["name"] and p.kind == want["kind"] and p.country == want["country"]
            for p in ledger.places
        ), [(p.name, p.kind, p.country) for p in ledger.places]
    for want in expected.get("actors", []):
        match = [a for a in ledger.actors if a.name == want["name"]]
        assert match, [a.name for a in ledger.actors]
        a = match[0]
        for key in ("kind", "role", "country"):
            if key in want:
                assert getattr(a, key) == want[key]
        if "alias" in want:
            assert want["alias"] in a.aliases
