"""Within-article assembly (``ledger.article``) on hand-built draft events and claims, and one whole ledger
from a hand-built Doc through ``Pipeline.from_parse``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest

from claimledger.attribution import DraftClaim
from claimledger.coding.coder import DraftEvent
from claimledger.coding.triggers import TriggerSense
from claimledger.config import Config
from claimledger.ledger.article import (
    _place_compatible,
    assemble,
    merge_mentions,
    publication_time,
)
from claimledger.pipeline import Pipeline, load_resources
from claimledger.types import AcledCode, Article, Claim, Contradiction, Place, Span, TimeExpr, Trigger

from ..docs import parse_rows

ASSAULT = TriggerSense("attack", "verb", "ASSAULT", None, "Battles", "Armed clash")
COERCE = TriggerSense("arrest", "verb", "COERCE", "arrest", "Protests", "Arrests")
SENTENCE = Span(0, 200)

PLACES = {
    p.id: p
    for p in (
        Place(id="af", name="Afghanistan", kind="country", mentions=(), country="AF"),
        Place(id="herat1", name="Herat", kind="admin1", mentions=(), country="AF", admin1="Herat"),
        Place(id="herat", name="Herat", kind="city", mentions=(), country="AF", admin1="Herat"),
        Place(id="kabul", name="Kabul", kind="city", mentions=(), country="AF", admin1="Kabul"),
        Place(id="ir", name="Iran", kind="country", mentions=(), country="IR"),
    )
}


def draft(
    start: int,
    *,
    sense: TriggerSense = ASSAULT,
    actor1: str | None = None,
    actor2: str | None = None,
    victims: tuple[str, ...] = (),
    place: str | None = None,
    time: str | None = None,
    fatalities: int | None = None,
    negated: bool = False,
    hedged: bool = False,
    place_soft: bool = False,
    outcome_of: int | None = None,
    sentence: Span = SENTENCE,
) -> DraftEvent:
    """A draft event whose trigger is the 8 characters from ``start`` (its trigger token is ``start``)."""
    return DraftEvent(
        sense=sense,
        trigger=Trigger(text="attacked", span=Span(start, start + 8)),
        trigger_token=start,
        sentence=sentence,
        mode=sense.mode,
        acled=AcledCode(sense.acled_event_type, sense.acled_sub_event_type),
        actor1=actor1,
        actor2=actor2,
        victims=victims,
        place=place,
        time=time,
        fatalities=fatalities,
        negated=negated,
        hedged=hedged,
        place_soft=place_soft,
        outcome_of=outcome_of,
    )


def claim(
    cid: str,
    content: tuple[int, int],
    *,
    source: str | None = None,
    stance: str = "assert",
    refers_back: bool = False,
    hedged: bool = False,
    time: str | None = None,
) -> DraftClaim:
    span = Span(*content)
    return DraftClaim(
        Claim(
            id=cid,
            source_kind="named" if source else "unnamed",
            stance=stance,
            content=span,
            span=span,
            source=source,
            hedged=hedged,
            time=time,
        ),
        content_tokens=(content[0], content[1]),
        refers_back=refers_back,
    )


def run(
    drafts: Sequence[DraftEvent],
    claims: Sequence[DraftClaim] = (),
    times: Sequence[TimeExpr] = (),
    published: TimeExpr | None = None,
) -> tuple[tuple, tuple, tuple, tuple]:  # type: ignore[type-arg]
    return assemble(drafts, claims, list(PLACES.values()), times, "", published)


def time_expr(tid: str) -> TimeExpr:
    day = dt.date(2021, 9, 1)
    return TimeExpr(id=tid, text="Wednesday", span=Span(150, 159), start=day, end=day, granularity="day")


# ------------------------------------------------------------------------------------------- merging


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        ({"actor1": "a1"}, {"actor1": "a1"}, True),
        ({"actor1": "a1", "actor2": "a2"}, {"actor1": "a1"}, True),
        ({"actor1": "a1"}, {"actor1": "a2"}, False),  # conflicting actor1
        ({"actor1": "a1", "actor2": "a2"}, {"actor1": "a1", "actor2": "a3"}, False),
        ({"actor1": "a1"}, {"actor1": "a1", "sense": COERCE}, False),  # another type
        ({"actor1": "a1"}, {"actor1": "a1", "negated": True}, False),
        # nothing ties them (told far apart; an assault on a2 right after a1's would elaborate it)
        ({"actor1": "a1"}, {"actor2": "a2", "sentence": Span(900, 1000)}, False),
        ({"place": "herat"}, {"place": "herat"}, True),  # no actors: a shared place ties them
        # a soft place ties nothing
        ({"place": "herat"}, {"place": "herat", "place_soft": True, "sentence": Span(900, 1000)}, False),
        ({"actor1": "a1", "victims": ("v1",)}, {"actor1": "a1", "victims": ("v2",)}, False),
        ({"actor1": "a1", "victims": ("v1",)}, {"actor1": "a1", "victims": ("v1", "v2")}, True),
        ({"actor1": "a1", "place": "herat"}, {"actor1": "a1", "place": "af"}, True),  # city in its country
        ({"actor1": "a1", "place": "herat"}, {"actor1": "a1", "place": "kabul"}, False),
        ({"actor1": "a1", "place": "herat"}, {"actor1": "a1", "place": "ir"}, False),
        ({"actor1": "a1"}, {"actor1": "a2", "outcome_of": 10}, True),  # "..., killing 12" joins its attack
    ],
)
def test_merge_mentions(first: dict, second: dict, merged: bool) -> None:  # type: ignore[type-arg]
    groups = merge_mentions([draft(10, **first), draft(50, **second)], PLACES)
    assert groups == ([[0, 1]] if merged else [[0], [1]])


@pytest.mark.parametrize(
    ("a", "b", "compatible"),
    [
        ("herat", "af", True),  # a city and its country
        ("af", "herat", True),
        ("herat", "herat1", True),  # a city in its admin1
        ("kabul", "herat1", False),  # a city in another admin1
        ("herat", "kabul", False),  # two cities
        ("herat", "ir", False),  # another country
        ("herat", None, True),
        ("herat", "unknown-id", False),
        ("herat", "herat", True),
    ],
)
def test_place_compatible(a: str | None, b: str | None, compatible: bool) -> None:
    assert _place_compatible(a, b, PLACES) is compatible


def test_merged_event_keeps_the_more_specific_place() -> None:
    drafts = [
        draft(10, actor1="a1", place="af", fatalities=5),
        draft(50, actor1="a1", actor2="a2", place="herat", fatalities=3, hedged=True),
    ]
    (ev,), _, _, _ = run(drafts)
    assert ev.id == "e1" and ev.component == "ledger.article"
    assert (ev.place, ev.actor1, ev.actor2) == ("herat", "a1", "a2")
    assert ev.fatalities == 3 and ev.hedged is True
    assert ev.trigger.span == Span(10, 18)  # the first mention


def test_conflicting_actors_make_two_events() -> None:
    events, _, _, _ = run([draft(50, actor1="a2"), draft(10, actor1="a1")])
    assert [(e.id, e.actor1, e.component) for e in events] == [("e1", "a1", "coding"), ("e2", "a2", "coding")]


def test_negated_only_when_every_mention_is() -> None:
    (ev,), _, _, _ = run([draft(10, actor1="a1", negated=True), draft(50, actor1="a1", negated=True)])
    assert ev.negated is True


# ------------------------------------------------------------------------------------------- claims


def test_claim_links_to_the_innermost_containing_claim() -> None:
    events, claims, _, _ = run([draft(30, actor1="a1")], [claim("c1", (0, 100)), claim("c2", (20, 60))])
    assert [(c.id, c.event) for c in claims] == [("c1", None), ("c2", "e1")]
    assert events[0].claims == ("c2",)


def test_claim_over_two_events_is_split() -> None:
    drafts = [draft(10, actor1="a1"), draft(50, actor1="a2")]
    events, claims, _, _ = run(drafts, [claim("c1", (0, 100), source="s1")])
    assert [(c.id, c.event) for c in claims] == [("c1", "e1"), ("c1.2", "e2")]
    assert [e.claims for e in events] == [("c1",), ("c1.2",)]


def test_denial_of_the_claims_refers_back_and_contradicts() -> None:
    claims = [
        claim("c1", (0, 50), source="a1"),
        claim("c2", (60, 70), source="a2", stance="deny", refers_back=True),
    ]
    events, out, contradictions, _ = run([draft(10, actor1="a1")], claims)
    assert [(c.id, c.event, c.stance) for c in out] == [("c1", "e1", "assert"), ("c2", "e1", "deny")]
    assert events[0].claims == ("c1", "c2")
    assert contradictions == (
        Contradiction(
            event="e1",
            claims=("c1", "c2"),
            field="occurrence",
            values=("assert", "deny"),
            component="ledger.article",
        ),
    )


def test_refers_back_skips_claims_by_the_same_source() -> None:
    claims = [
        claim("c1", (0, 50), source="a1"),
        claim("c2", (60, 70), source="a1", stance="deny", refers_back=True),
    ]
    _, out, contradictions, _ = run([draft(10, actor1="a1")], claims)
    assert [(c.id, c.event) for c in out] == [("c1", "e1"), ("c2", None)]
    assert contradictions == ()


def test_event_without_a_claim_gets_an_outlet_claim() -> None:
    sentence = Span(0, 40)
    (ev,), (oc,), _, _ = run([draft(10, actor1="a1", sentence=sentence)])
    assert ev.claims == ("o1",)
    assert (oc.id, oc.source_kind, oc.stance, oc.event, oc.source) == ("o1", "outlet", "assert", "e1", None)
    assert oc.content == sentence and oc.span == sentence and oc.component == "ledger.article"


def test_outlet_claims_do_not_contradict() -> None:
    claims = [claim("c2", (60, 70), source="a2", stance="deny")]
    _, _, contradictions, _ = run([draft(10, actor1="a1")], claims)
    assert contradictions == ()


def test_hedged_when_every_asserting_claim_is() -> None:
    (ev,), _, _, _ = run([draft(10, actor1="a1")], [claim("c1", (0, 50), hedged=True)])
    assert ev.hedged is True
    (ev,), _, _, _ = run([draft(10, actor1="a1")], [claim("c1", (0, 50))])
    assert ev.hedged is False


# ------------------------------------------------------------------------------------------- times


def test_publication_time_is_the_fallback() -> None:
    published = publication_time(dt.date(2021, 9, 6), "")
    (ev,), _, _, times = run([draft(10, actor1="a1")], published=published)
    assert ev.time == "t0"
    assert times == (published,)


def test_own_time_beats_the_publication_time() -> None:
    t1 = time_expr("t1")
    published = publication_time(dt.date(2021, 9, 6), "")
    (ev,), _, _, times = run([draft(10, actor1="a1", time="t1")], times=[t1], published=published)
    assert ev.time == "t1" and times == (t1,)


def test_claim_time_beats_the_publication_time() -> None:
    t2 = time_expr("t2")
    published = publication_time(dt.date(2021, 9, 6), "")
    (ev,), _, _, times = run(
        [draft(10, actor1="a1")], [claim("c1", (0, 50), time="t2")], times=[t2], published=published
    )
    assert ev.time == "t2" and times == (t2,)


def test_no_time_without_a_publication_date() -> None:
    (ev,), _, _, times = run([draft(10, actor1="a1")])
    assert ev.time is None and times == ()


@pytest.mark.parametrize(
    ("published", "day"),
    [
        (dt.date(2021, 9, 6), dt.date(2021, 9, 6)),
        (dt.datetime(2021, 9, 6, 23, 30), dt.date(2021, 9, 6)),
        (None, None),
        ("2021-09-06", None),
    ],
)
def test_publication_time(published: object, day: dt.date | None) -> None:
    t = publication_time(published, "x")
    if day is None:
        assert t is None
        return
    assert t is not None
    assert (t.id, t.start, t.end, t.granularity, t.anchor) == ("xt0", day, day, "day", "published")
    assert t.span == Span(0, 0) and t.text == "" and t.component == "dates.publication"


# ------------------------------------------------------------------------------------------- a whole ledger


class _StubNlp:
    """Stands in for the spaCy pipeline: ``from_parse`` needs only its ``meta``."""

    def __init__(self) -> None:
        self.meta = {"lang": "en", "name": "test", "version": "0"}


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(_StubNlp(), load_resources(), Config())  # type: ignore[arg-type]


LEDGER_TEXT = (
    "The Justice Front said that it attacked the Freedom Brigade. The Freedom Brigade denied the claims."
)
LEDGER_ROWS = """
0  The      the     DET   DT  det      2  B-ORG
1  Justice  justice PROPN NNP compound 2  I-ORG
2  Front    front   PROPN NNP nsubj    3  I-ORG
3  said     say     VERB  VBD ROOT     3
4  that     that    SCONJ IN  mark     6
5  it       it      PRON  PRP nsubj    6
6  attacked attack  VERB  VBD ccomp    3
7  the      the     DET   DT  det      9  B-ORG
8  Freedom  freedom PROPN NNP compound 9  I-ORG
9  Brigade  brigade PROPN NNP dobj     6  I-ORG
10 .        .       PUNCT .   punct    3
11 The      the     DET   DT  det      13 B-ORG
12 Freedom  freedom PROPN NNP compound 13 I-ORG
13 Brigade  brigade PROPN NNP nsubj    14 I-ORG
14 denied   deny    VERB  VBD ROOT     14
15 the      the     DET   DT  det      16
16 claims   claim   NOUN  NNS dobj     14
17 .        .       PUNCT .   punct    14
"""


def test_whole_ledger_from_a_hand_built_parse(pipeline: Pipeline) -> None:
    article = Article(id="hand", text=LEDGER_TEXT, content_hash="0", published=dt.date(2021, 9, 6))
    ledger = pipeline.from_parse(article, parse_rows(LEDGER_TEXT, LEDGER_ROWS))
    assert ledger.errors == ()
    names = {a.id: a.name for a in ledger.actors}
    assert sorted(names.values()) == ["Freedom Brigade", "Justice Front"]
    (ev,) = ledger.events
    assert (ev.type, ev.trigger.text) == ("ASSAULT", "attacked")
    assert (names[ev.actor1 or ""], names[ev.actor2 or ""]) == ("Justice Front", "Freedom Brigade")
    assert ev.time == "t0" and [t.id for t in ledger.times] == ["t0"]
    said, denied = ledger.claims
    assert (said.cue, said.stance, said.event, names[said.source or ""]) == (
        "said",
        "assert",
        ev.id,
        "Justice Front",
    )
    assert (denied.cue, denied.stance, denied.event) == ("denied", "deny", ev.id)
    assert names[denied.source or ""] == "Freedom Brigade"
    assert ev.claims == (said.id, denied.id)
    (contra,) = ledger.contradictions
    assert (contra.event, contra.claims, contra.field) == (ev.id, (said.id, denied.id), "occurrence")


def test_anaphor_with_no_antecedent_is_dropped_without_breaking_claim_links() -> None:
    """Regression: an anaphoric mention ("the attack") with nothing before it and no participants is dropped,
    and linking claims to the remaining events must not fail on it."""
    from dataclasses import replace as _replace

    from claimledger.coding.coder import DraftEvent
    from claimledger.coding.triggers import TriggerSense
    from claimledger.ledger.article import assemble
    from claimledger.types import AcledCode, Claim, Span, Trigger

    sense = TriggerSense("attack", "noun", "ASSAULT", None, "Battles", "Armed clash")
    lone = DraftEvent(
        sense=sense,
        trigger=Trigger("attack", Span(4, 10)),
        trigger_token=1,
        sentence=Span(0, 20),
        mode=None,
        acled=AcledCode("Battles", "Armed clash"),
        actor1=None,
        actor2=None,
        victims=(),
        place=None,
        time=None,
        fatalities=None,
        negated=False,
        hedged=False,
        anaphoric=True,
    )
    real = _replace(
        lone, trigger=Trigger("attacked", Span(30, 38)), trigger_token=6, actor1="a1", anaphoric=False
    )
    from claimledger.attribution import DraftClaim

    claim = Claim(
        id="c1", source_kind="named", stance="assert", content=Span(0, 40), span=Span(0, 45), cue="said"
    )
    events, claims, _, _ = assemble([lone, real], [DraftClaim(claim, (0, 8))], (), (), "", None)
    assert [e.trigger.text for e in events] == ["attacked"]
    assert claims[0].event == events[0].id


def test_deaths_told_right_after_an_assault_are_its_outcome() -> None:
    """ "Guerrillas attacked a bus. Three people were killed." is one happening; a killing by another
    actor, or one far away in the text, is not merged."""
    from dataclasses import replace as _replace

    from claimledger.coding.coder import DraftEvent
    from claimledger.coding.triggers import TriggerSense
    from claimledger.ledger.article import merge_mentions
    from claimledger.types import AcledCode, Span, Trigger

    attack = DraftEvent(
        sense=TriggerSense("attack", "verb", "ASSAULT", None, "Battles", "Armed clash"),
        trigger=Trigger("attacked", Span(11, 19)),
        trigger_token=1,
        sentence=Span(0, 26),
        mode=None,
        acled=AcledCode("Battles", "Armed clash"),
        actor1="a1",
        actor2=None,
        victims=(),
        place=None,
        time=None,
        fatalities=None,
        negated=False,
        hedged=False,
    )
    kill_sense = TriggerSense("kill", "verb", "ASSAULT", None, "Battles", "Armed clash")
    killed = _replace(
        attack,
        sense=kill_sense,
        trigger=Trigger("killed", Span(45, 51)),
        trigger_token=8,
        sentence=Span(27, 52),
        actor1=None,
        fatalities=3,
    )
    assert merge_mentions([attack, killed], {}) == [[0, 1]]
    by_other = _replace(killed, actor1="a2")
    assert merge_mentions([attack, by_other], {}) == [[0], [1]]
    far = _replace(killed, sentence=Span(400, 430), trigger=Trigger("killed", Span(410, 416)))
    assert merge_mentions([attack, far], {}) == [[0], [1]]


BOMB = TriggerSense(
    "bomb", "verb", "ASSAULT", "explosives", "Explosions/Remote violence", "Remote explosive/landmine/IED"
)
KIDNAP = TriggerSense(
    "kidnap", "verb", "ASSAULT", "abduct", "Violence against civilians", "Abduction/forced disappearance"
)
DESTROY = TriggerSense("destroy", "verb", "ASSAULT", None, "Battles", "Armed clash")
MONDAY = {"t1": (dt.date(2021, 9, 6), dt.date(2021, 9, 6)), "t2": (dt.date(2021, 9, 6), dt.date(2021, 9, 6))}


@pytest.mark.parametrize(
    ("first", "second", "merged"),
    [
        # "Guerrillas attacked the town on Monday. They destroyed the mayor's office.": a detail
        ({"actor1": "a1", "place": "herat", "time": "t1"}, {"sense": DESTROY}, True),
        # a detail by another actor is another happening
        ({"actor1": "a1", "place": "herat"}, {"sense": DESTROY, "actor1": "a2"}, False),
        # a detail with its own place is told as its own happening
        ({"actor1": "a1", "place": "herat"}, {"sense": DESTROY, "place": "kabul"}, False),
        # a kidnapping is no detail of a bombing
        ({"sense": BOMB, "place": "herat"}, {"sense": KIDNAP}, False),
        # a detail told far later is not merged
        ({"actor1": "a1", "place": "herat"}, {"sense": DESTROY, "sentence": Span(900, 1000)}, False),
        # other words, the same day and town: one happening
        ({"sense": BOMB, "place": "herat", "time": "t1"}, {"place": "herat", "time": "t2"}, True),
    ],
)
def test_details_and_retellings_merge(first: dict, second: dict, merged: bool) -> None:  # type: ignore[type-arg]
    second.setdefault("sentence", Span(201, 300))
    groups = merge_mentions([draft(10, **first), draft(250, **second)], PLACES, MONDAY)
    assert (groups == [[0, 1]]) is merged
