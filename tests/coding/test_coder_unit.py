"""``EventCoder`` on hand-built parses with the actors, places and times given by hand."""

from __future__ import annotations

from collections.abc import Mapping

import pytest

from claimledger.coding.coder import DraftEvent, EventCoder
from claimledger.coding.quantities import load_quantities
from claimledger.coding.triggers import load_triggers
from claimledger.syntax import ParseView
from claimledger.types import AcledCode, Place

from ..docs import ActorSpec, make_actors, parse_rows

FRONT = {"a1": ("Justice Front", "armed_group", [(1, 3)])}


@pytest.fixture(scope="module")
def coder() -> EventCoder:
    return EventCoder(load_triggers(), load_quantities())


def code(
    coder: EventCoder,
    text: str,
    rows: str,
    spec: ActorSpec | None = None,
    places: Mapping[int, Place] | None = None,
    times: dict[int, str] | None = None,
) -> list[DraftEvent]:
    parse = parse_rows(text, rows)
    actors = make_actors(parse, spec if spec is not None else FRONT)
    place_of = {k: p.id for k, p in (places or {}).items()}
    records = {p.id: p for p in (places or {}).values()}
    return coder.code(ParseView(parse), actors, place_of, records, times or {})


def only(events: list[DraftEvent]) -> DraftEvent:
    assert len(events) == 1, [e.trigger.text for e in events]
    return events[0]


# ------------------------------------------------------------------------------------------- roles

ACTIVE_TEXT = "The Justice Front attacked the Freedom Brigade."
ACTIVE_ROWS = """
0 The      the     DET   DT  det      2 B-ORG
1 Justice  justice PROPN NNP compound 2 I-ORG
2 Front    front   PROPN NNP nsubj    3 I-ORG
3 attacked attack  VERB  VBD ROOT     3
4 the      the     DET   DT  det      6 B-ORG
5 Freedom  freedom PROPN NNP compound 6 I-ORG
6 Brigade  brigade PROPN NNP dobj     3 I-ORG
7 .        .       PUNCT .   punct    3
"""
TWO_GROUPS = {**FRONT, "a2": ("Freedom Brigade", "armed_group", [(5, 7)])}


def test_active_verb_subject_and_object(coder: EventCoder) -> None:
    ev = only(code(coder, ACTIVE_TEXT, ACTIVE_ROWS, TWO_GROUPS))
    assert (ev.sense.plover, ev.actor1, ev.actor2) == ("ASSAULT", "a1", "a2")
    assert ev.trigger.text == "attacked" and ev.trigger.span.text(ACTIVE_TEXT) == "attacked"
    assert ev.trigger_token == 3
    assert ev.sentence.text(ACTIVE_TEXT) == ACTIVE_TEXT
    assert ev.acled == AcledCode("Battles", "Armed clash")
    assert not ev.negated and not ev.hedged and ev.outcome_of is None
    assert ev.place is None and ev.time is None and ev.fatalities is None


def test_passive_with_by_agent(coder: EventCoder) -> None:
    text = "Two soldiers were killed by the Justice Front."
    rows = """
    0 Two      two     NUM   CD  nummod    1
    1 soldiers soldier NOUN  NNS nsubjpass 3
    2 were     be      AUX   VBD auxpass   3
    3 killed   kill    VERB  VBN ROOT      3
    4 by       by      ADP   IN  agent     3
    5 the      the     DET   DT  det       7 B-ORG
    6 Justice  justice PROPN NNP compound  7 I-ORG
    7 Front    front   PROPN NNP pobj      4 I-ORG
    8 .        .       PUNCT .   punct     3
    """
    ev = only(code(coder, text, rows, {"a1": ("Justice Front", "armed_group", [(6, 8)])}))
    assert (ev.sense.plover, ev.actor1, ev.actor2) == ("ASSAULT", "a1", None)
    assert ev.fatalities == 2


def test_agentless_passive_has_no_actor1(coder: EventCoder) -> None:
    text = "The convoy was attacked on Monday."
    rows = """
    0 The      the    DET   DT  det       1
    1 convoy   convoy NOUN  NN  nsubjpass 3
    2 was      be     AUX   VBD auxpass   3
    3 attacked attack VERB  VBN ROOT      3
    4 on       on     ADP   IN  prep      3
    5 Monday   monday PROPN NNP pobj      4 B-DATE
    6 .        .      PUNCT .   punct     3
    """
    ev = only(code(coder, text, rows, {}, times={5: "t1"}))
    assert ev.actor1 is None and ev.actor2 is None
    assert ev.sense.plover == "ASSAULT" and ev.time == "t1"


def test_light_verb_hands_its_subject_to_the_noun(coder: EventCoder) -> None:
    text = "The Justice Front launched an attack on the Freedom Brigade."
    rows = """
    0  The      the     DET   DT  det      2 B-ORG
    1  Justice  justice PROPN NNP compound 2 I-ORG
    2  Front    front   PROPN NNP nsubj    3 I-ORG
    3  launched launch  VERB  VBD ROOT     3
    4  an       an      DET   DT  det      5
    5  attack   attack  NOUN  NN  dobj     3
    6  on       on      ADP   IN  prep     5
    7  the      the     DET   DT  det      9 B-ORG
    8  Freedom  freedom PROPN NNP compound 9 I-ORG
    9  Brigade  brigade PROPN NNP pobj     6 I-ORG
    10 .        .       PUNCT .   punct    3
    """
    spec = {**FRONT, "a2": ("Freedom Brigade", "armed_group", [(8, 10)])}
    ev = only(code(coder, text, rows, spec))  # "launched" itself is no trigger
    assert ev.trigger.text == "attack" and ev.sense.pos == "noun"
    assert (ev.actor1, ev.actor2) == ("a1", "a2")


def test_instrument_reveals_the_actor_and_the_mode(coder: EventCoder) -> None:
    text = "Iranian drones struck the base."
    rows = """
    0 Iranian iranian ADJ   JJ  amod  1 B-NORP
    1 drones  drone   NOUN  NNS nsubj 2
    2 struck  strike  VERB  VBD ROOT  2
    3 the     the     DET   DT  det   4
    4 base    base    NOUN  NN  dobj  2
    5 .       .       PUNCT .   punct 2
    """
    ev = only(code(coder, text, rows, {"s1": ("Iran", "state", [(0, 1)])}))
    assert ev.actor1 == "s1" and ev.mode == "drone"
    assert ev.acled == AcledCode("Explosions/Remote violence", "Air/drone strike")


def test_place_from_the_event_clause(coder: EventCoder) -> None:
    text = "The Justice Front attacked a convoy in Herat."
    rows = """
    0 The      the     DET   DT  det      2 B-ORG
    1 Justice  justice PROPN NNP compound 2 I-ORG
    2 Front    front   PROPN NNP nsubj    3 I-ORG
    3 attacked attack  VERB  VBD ROOT     3
    4 a        a       DET   DT  det      5
    5 convoy   convoy  NOUN  NN  dobj     3
    6 in       in      ADP   IN  prep     3
    7 Herat    herat   PROPN NNP pobj     6 B-GPE
    8 .        .       PUNCT .   punct    3
    """
    herat = Place(id="p1", name="Herat", kind="city", mentions=(), country="AF")
    ev = only(code(coder, text, rows, places={7: herat}))
    assert ev.place == "p1" and ev.place_soft is False


# ------------------------------------------------------------------------------------------- modality

FUTURE_TEXT = "The Justice Front will attack the town."
FUTURE_ROWS = """
0 The     the     DET   DT  det      2 B-ORG
1 Justice justice PROPN NNP compound 2 I-ORG
2 Front   front   PROPN NNP nsubj    4 I-ORG
3 will    will    AUX   MD  aux      4
4 attack  attack  VERB  VB  ROOT     4
5 the     the     DET   DT  det      6
6 town    town    NOUN  NN  dobj     4
7 .       .       PUNCT .   punct    4
"""
PURPOSE_TEXT = "The Justice Front plans to attack the town."
PURPOSE_ROWS = """
0 The     the     DET   DT  det      2 B-ORG
1 Justice justice PROPN NNP compound 2 I-ORG
2 Front   front   PROPN NNP nsubj    3 I-ORG
3 plans   plan    VERB  VBZ ROOT     3
4 to      to      PART  TO  aux      5
5 attack  attack  VERB  VB  xcomp    3
6 the     the     DET   DT  det      7
7 town    town    NOUN  NN  dobj     5
8 .       .       PUNCT .   punct    3
"""
FUTURE_NOUN_TEXT = "The Justice Front will launch an attack on the town."
FUTURE_NOUN_ROWS = """
0  The     the     DET   DT  det      2 B-ORG
1  Justice justice PROPN NNP compound 2 I-ORG
2  Front   front   PROPN NNP nsubj    4 I-ORG
3  will    will    AUX   MD  aux      4
4  launch  launch  VERB  VB  ROOT     4
5  an      an      DET   DT  det      6
6  attack  attack  NOUN  NN  dobj     4
7  on      on      ADP   IN  prep     6
8  the     the     DET   DT  det      9
9  town    town    NOUN  NN  pobj     7
10 .       .       PUNCT .   punct    4
"""


@pytest.mark.parametrize(
    ("text", "rows", "plover", "modality"),
    [
        # an announced hostile act is PLOVER's THREATEN, which happened; the attack itself is no event
        (FUTURE_TEXT, FUTURE_ROWS, "THREATEN", "actual"),
        (
            FUTURE_TEXT.replace("will", "may"),
            FUTURE_ROWS.replace("will    will", "may     may "),
            "ASSAULT",
            "conditional",
        ),
        (PURPOSE_TEXT, PURPOSE_ROWS, "THREATEN", "actual"),
        (FUTURE_NOUN_TEXT, FUTURE_NOUN_ROWS, "ASSAULT", "future"),
    ],
    ids=["will-attack", "may-attack", "plans-to-attack", "will-launch-an-attack"],
)
def test_non_realis_is_flagged(coder: EventCoder, text: str, rows: str, plover: str, modality: str) -> None:
    drafts = code(coder, text, rows)
    assert [(d.sense.plover, d.modality) for d in drafts] == [(plover, modality)]


NEG_TEXT = "The Justice Front did not attack the town."
NEG_ROWS = """
0 The     the     DET   DT  det      2 B-ORG
1 Justice justice PROPN NNP compound 2 I-ORG
2 Front   front   PROPN NNP nsubj    5 I-ORG
3 did     do      AUX   VBD aux      5
4 not     not     PART  RB  neg      5
5 attack  attack  VERB  VB  ROOT     5
6 the     the     DET   DT  det      7
7 town    town    NOUN  NN  dobj     5
8 .       .       PUNCT .   punct    5
"""


def test_negation_is_flagged(coder: EventCoder) -> None:
    ev = only(code(coder, NEG_TEXT, NEG_ROWS))  # "did" + bare verb is realis
    assert ev.negated is True and ev.actor1 == "a1"


def test_negated_light_verb_negates_the_noun(coder: EventCoder) -> None:
    text = "The Justice Front did not launch an attack on the town."
    rows = """
    0  The     the     DET   DT  det      2 B-ORG
    1  Justice justice PROPN NNP compound 2 I-ORG
    2  Front   front   PROPN NNP nsubj    5 I-ORG
    3  did     do      AUX   VBD aux      5
    4  not     not     PART  RB  neg      5
    5  launch  launch  VERB  VB  ROOT     5
    6  an      an      DET   DT  det      7
    7  attack  attack  NOUN  NN  dobj     5
    8  on      on      ADP   IN  prep     7
    9  the     the     DET   DT  det      10
    10 town    town    NOUN  NN  pobj     8
    11 .       .       PUNCT .   punct    5
    """
    ev = only(code(coder, text, rows))
    assert ev.trigger.text == "attack" and ev.negated is True and ev.actor1 == "a1"


def test_reportedly_hedges_the_event(coder: EventCoder) -> None:
    text = "The Justice Front reportedly attacked the town."
    rows = """
    0 The        the        DET   DT  det      2 B-ORG
    1 Justice    justice    PROPN NNP compound 2 I-ORG
    2 Front      front      PROPN NNP nsubj    4 I-ORG
    3 reportedly reportedly ADV   RB  advmod   4
    4 attacked   attack     VERB  VBD ROOT     4
    5 the        the        DET   DT  det      6
    6 town       town       NOUN  NN  dobj     4
    7 .          .          PUNCT .   punct    4
    """
    assert only(code(coder, text, rows)).hedged is True


# ------------------------------------------------------------------------------------------- boilerplate

FOOTNOTE_TEXT = "The town was quiet.\n*The Justice Front attacked a convoy."
FOOTNOTE_ROWS = """
0  The      the     DET   DT  det      1
1  town     town    NOUN  NN  nsubj    2
2  was      be      AUX   VBD ROOT     2
3  quiet    quiet   ADJ   JJ  acomp    2
4  .        .       PUNCT .   punct    2
5  \\n      \\n     SPACE _SP dep      4
6  *        *       PUNCT NFP punct    10
7  The      the     DET   DT  det      9  B-ORG
8  Justice  justice PROPN NNP compound 9  I-ORG
9  Front    front   PROPN NNP nsubj    10 I-ORG
10 attacked attack  VERB  VBD ROOT     10
11 a        a       DET   DT  det      12
12 convoy   convoy  NOUN  NN  dobj     10
13 .        .       PUNCT .   punct    10
"""
# the same text without the footnote mark (the rows renumbered): the second sentence is coded
PLAIN_TEXT = FOOTNOTE_TEXT.replace("*", "")
PLAIN_ROWS = FOOTNOTE_ROWS.replace("6  *        *       PUNCT NFP punct    10\n", "")


def _renumber(rows: str) -> str:
    out = []
    for k, line in enumerate(r for r in rows.strip().splitlines() if r.strip()):
        cells = line.split()
        head = int(cells[6])
        cells[0], cells[6] = str(k), str(head - 1 if head > 6 else head)
        out.append(" ".join(cells))
    return "\n".join(out)


@pytest.mark.parametrize(
    ("text", "rows", "triggers"),
    [
        (FOOTNOTE_TEXT, FOOTNOTE_ROWS, []),
        (PLAIN_TEXT, _renumber(PLAIN_ROWS), ["attacked"]),
    ],
    ids=["footnote", "plain-line"],
)
def test_footnote_line_gives_no_event(coder: EventCoder, text: str, rows: str, triggers: list[str]) -> None:
    spec_start = 7 if "*" in text else 6
    spec = {"a1": ("Justice Front", "armed_group", [(spec_start + 1, spec_start + 3)])}
    assert [e.trigger.text for e in code(coder, text, rows, spec)] == triggers


@pytest.mark.parametrize(
    ("obj", "lemma", "tag", "plover"),
    # releasing prisoners: CAMEO 0841 "return, release person(s)" is RETREAT in CAMEO2PLOVER-2021
    [("statement", "statement", "NN", None), ("prisoners", "prisoner", "NNS", "RETREAT")],
)
def test_communication_object_is_not_an_event(
    coder: EventCoder, obj: str, lemma: str, tag: str, plover: str | None
) -> None:
    text = f"The Justice Front released the {obj}."
    rows = f"""
    0 The      the     DET   DT  det      2 B-ORG
    1 Justice  justice PROPN NNP compound 2 I-ORG
    2 Front    front   PROPN NNP nsubj    3 I-ORG
    3 released release VERB  VBD ROOT     3
    4 the      the     DET   DT  det      5
    5 {obj} {lemma} NOUN {tag} dobj 3
    6 .        .       PUNCT .   punct    3
    """
    assert [e.sense.plover for e in code(coder, text, rows)] == ([plover] if plover else [])
