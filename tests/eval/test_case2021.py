from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.coding.refine import MODEL_COMPONENT
from claimledger.errors import EvalError
from claimledger.eval import DATASETS, get_dataset, run_eval
from claimledger.eval.case2021 import (
    ACLED_TO_CASE,
    CASE_LABELS,
    NO_EVENT,
    PLOVER_TO_CASE,
    UNPREDICTED_LABELS,
    Case2021Dataset,
    case_label,
    classification_scores,
    load_case2021,
    main_event,
    parse_tsv,
    tsv_files,
)
from claimledger.types import PLOVER_TYPES, AcledCode, Article, ArticleLedger, Event, Span, Trigger

from .fake_extractor import FakeExtractor

REAL = Path(__file__).resolve().parents[3] / "shared" / "eval" / "case2021_task2"
REAL_NOTE = REAL / "task2" / "Note on EVENT TYPES..txt"
REAL_TSV = REAL / "task2" / "test_dataset" / "test_set_final_release_with_labels.tsv"


def _event(
    eid: str,
    type_: str,
    start: int,
    sub: str | None = None,
    negated: bool = False,
    component: str = "coding",
) -> Event:
    acled = AcledCode("Some type", sub) if sub is not None else None
    return Event(
        id=eid,
        type=type_,
        trigger=Trigger("x", Span(start, start + 1)),
        sentence=Span(0, 200),
        acled=acled,
        negated=negated,
        component=component,
    )


def _ledger(article: Article, *events: Event) -> ArticleLedger:
    return ArticleLedger(article=article, events=events)


def _article(text: str = "Some text about events.") -> Article:
    return Article(id="a", text=text, content_hash="h")


def _write_tsv(folder: Path, rows: list[tuple[str, str, str]], name: str = "test.tsv") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["id\tEventSnippet\tSubType", *("\t".join(r) for r in rows)]
    path = folder / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --------------------------------------------------------------------------- tables


def test_label_set_has_25_seen_and_5_unseen() -> None:
    assert len(CASE_LABELS) == 30
    assert {"ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB"} <= set(CASE_LABELS)


def test_every_table_target_is_a_task_label() -> None:
    assert set(ACLED_TO_CASE.values()) <= set(CASE_LABELS)
    assert set(PLOVER_TO_CASE.values()) <= set(CASE_LABELS)
    assert set(PLOVER_TO_CASE) == set(PLOVER_TYPES)


def test_every_label_is_reached() -> None:
    reached = set(ACLED_TO_CASE.values()) | set(PLOVER_TO_CASE.values())
    assert reached == set(CASE_LABELS)
    assert not UNPREDICTED_LABELS


def test_coder_sub_event_types_all_have_labels() -> None:
    from claimledger.coding.coder import INSTRUMENTS
    from claimledger.coding.triggers import load_triggers

    lexicon = load_triggers()
    subs = {s.acled_sub_event_type for s in (*lexicon.verbs.values(), *lexicon.nouns.values())}
    subs |= {sub for _, _, sub in INSTRUMENTS.values() if sub}
    assert subs - {"Other"} <= set(ACLED_TO_CASE)


@pytest.mark.skipif(not REAL_NOTE.is_file(), reason="shared CASE 2021 data not present")
def test_label_list_matches_the_task_note() -> None:
    lines = {ln.strip() for ln in REAL_NOTE.read_text(encoding="utf-8").splitlines()}
    labels = {ln for ln in lines if ln and " " not in ln and ln == ln.upper() and ln[0].isalpha()}
    assert labels == set(CASE_LABELS)


@pytest.mark.skipif(not REAL_TSV.is_file(), reason="shared CASE 2021 data not present")
def test_every_real_gold_label_is_a_task_label() -> None:
    snippets = load_case2021(REAL)
    assert len(snippets) >= 500
    assert {s.label for s in snippets} <= set(CASE_LABELS)


@pytest.mark.parametrize(
    ("event", "label"),
    [
        (None, NO_EVENT),
        (_event("e", "ASSAULT", 0, "Air/drone strike"), "AIR_STRIKE"),
        (_event("e", "ASSAULT", 0, "Suicide bomb"), "SUIC_BOMB"),
        (_event("e", "PROTEST", 0, "Peaceful protest"), "PEACE_PROTEST"),
        (_event("e", "CONSULT", 0, "Other"), "DIPLO"),
        (_event("e", "ACCUSE", 0, "Other"), "ATTRIB"),
        (_event("e", "MOBILIZE", 0, "Other"), "OTHER"),
        (_event("e", "AGREE", 0, None), "AGREEMENT"),
        (_event("e", "ASSAULT", 0, "Unknown sub-type"), "ATTACK"),
        (_event("e", "ASSAULT", 0, "Natural disaster"), "NATURAL_DISASTER"),
        (_event("e", "COERCE", 0, "Organized crime"), "ORG_CRIME"),
    ],
)
def test_case_label(event: Event | None, label: str) -> None:
    assert case_label(event) == label


# --------------------------------------------------------------------------- main event


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        ((), None),
        ((_event("e1", "ASSAULT", 5, negated=True),), None),
        ((_event("e1", "CONSULT", 3), _event("e2", "ASSAULT", 40)), "e2"),
        ((_event("e1", "ASSAULT", 30), _event("e2", "PROTEST", 10)), "e2"),
        ((_event("e1", "ASSAULT", 5, negated=True), _event("e2", "COERCE", 40)), "e2"),
        ((_event("e1", "REQUEST", 30), _event("e2", "ACCUSE", 10)), "e2"),
        # the event the event model labelled wins, the first of them if several
        ((_event("e1", "ASSAULT", 5), _event("e2", "ACCUSE", 40, component=MODEL_COMPONENT)), "e2"),
        (
            (
                _event("e1", "ACCUSE", 50, component=MODEL_COMPONENT),
                _event("e2", "CONSULT", 40, component=MODEL_COMPONENT),
            ),
            "e2",
        ),
        (
            (_event("e1", "ASSAULT", 5), _event("e2", "ACCUSE", 2, negated=True, component=MODEL_COMPONENT)),
            "e1",
        ),
    ],
)
def test_main_event(events: tuple[Event, ...], expected: str | None) -> None:
    chosen = main_event(_ledger(_article(), *events))
    assert (chosen.id if chosen else None) == expected


# --------------------------------------------------------------------------- metrics


def test_classification_scores_by_hand() -> None:
    gold = ["A", "A", "B", "C"]
    predicted = ["A", "B", "B", NO_EVENT]
    scores = classification_scores(gold, predicted)
    assert scores.accuracy == pytest.approx(0.5)
    # A: p 1, r .5, f .667; B: p .5, r 1, f .667; C: 0
    assert scores.per_class["A"][2] == pytest.approx(2 / 3)
    assert scores.per_class["B"][2] == pytest.approx(2 / 3)
    assert scores.per_class["C"] == (0.0, 0.0, 0.0, 1)
    assert scores.macro_f1 == pytest.approx((2 / 3 + 2 / 3) / 3)
    assert NO_EVENT not in scores.per_class


def test_classification_scores_length_mismatch() -> None:
    with pytest.raises(ValueError, match="2 gold labels but 1"):
        classification_scores(["A", "B"], ["A"])


# --------------------------------------------------------------------------- reader


def test_parse_tsv_keeps_quotes_and_reorders_columns() -> None:
    text = 'SubType\tid\tEventSnippet\r\nATTACK\t7\tA "quoted" attack on a village\r\n\nDIPLO\t9\tTalks\n'
    snippets = parse_tsv(text, "f.tsv")
    assert [(s.id, s.text, s.label) for s in snippets] == [
        ("7", 'A "quoted" attack on a village', "ATTACK"),
        ("9", "Talks", "DIPLO"),
    ]
    assert snippets[0].origin == "f.tsv:2"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id\tEventSnippet\n1\tx\n", r"f.tsv:1: header lacks column\(s\) subtype"),
        ("id\tEventSnippet\tSubType\n1\tx\n", r"f.tsv:2: 2 tab-separated fields, the header has 3"),
        ("id\tEventSnippet\tSubType\n1\tx\t \n", r"f.tsv:2: snippet '1' has no label"),
    ],
)
def test_parse_tsv_errors(text: str, message: str) -> None:
    with pytest.raises(EvalError, match=message):
        parse_tsv(text, "f.tsv")


@pytest.mark.parametrize("where", ["root", "task2", "test_dataset", "file"])
def test_tsv_files_layouts(tmp_path: Path, where: str) -> None:
    tsv = _write_tsv(tmp_path / "task2" / "test_dataset", [("1", "text", "ATTACK")])
    path = {
        "root": tmp_path,
        "task2": tmp_path / "task2",
        "test_dataset": tmp_path / "task2" / "test_dataset",
        "file": tsv,
    }[where]
    assert tsv_files(path) == [tsv]


def test_tsv_files_missing(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="no CASE 2021 task 2 file"):
        tsv_files(tmp_path)


# --------------------------------------------------------------------------- dataset


def _extract_by_keyword(article: Article) -> ArticleLedger:
    text = article.text
    events: list[Event] = []
    if "bombed" in text:
        events.append(_event("e1", "ASSAULT", text.index("bombed"), "Air/drone strike"))
    if "met" in text:
        events.append(_event("e2", "CONSULT", text.index("met"), "Other"))
    return _ledger(article, *events)


def test_run_scores_every_snippet(tmp_path: Path) -> None:
    folder = tmp_path / "copy" / "task2" / "test_dataset"
    _write_tsv(
        folder,
        [
            ("1", "Jets bombed the town and the ministers met.", "AIR_STRIKE"),
            ("2", "The ministers met in the capital.", "DIPLO"),
            ("3", "Flood waters rose overnight.", "NATURAL_DISASTER"),
        ],
    )
    _write_tsv(folder, [("4", "Jets bombed a market.", "ARMED_CLASH")], name="more.tsv")
    extractor = FakeExtractor(_extract_by_keyword)
    result = run_eval("case2021", extractor, path=tmp_path / "copy")
    assert result.dataset == "case2021"
    assert result.docs == 4
    assert len(extractor.seen) == 4
    assert all(a.published is None for a in extractor.seen)
    assert result.metrics["accuracy"] == pytest.approx(0.5)
    # AIR_STRIKE p .5 r 1 → .667; DIPLO 1; NATURAL_DISASTER 0; ARMED_CLASH 0
    assert result.metrics["macro_f1"] == pytest.approx((2 / 3 + 1.0) / 4)
    assert any("no event: 1 of 4" in n for n in result.notes)
    assert result.config["event_model"] == {"protocol": "no event model", "trained_on": None}
    # files in name order: more.tsv, then test.tsv
    assert [(d.item, d.matched) for d in result.details] == [
        ("4 ARMED_CLASH", False),
        ("1 AIR_STRIKE", True),
        ("2 DIPLO", True),
        ("3 NATURAL_DISASTER", False),
    ]


def test_registered() -> None:
    assert "case2021" in DATASETS
    assert "plover_gsr" in DATASETS
    dataset = get_dataset("case2021")
    assert isinstance(dataset, Case2021Dataset)
    assert dataset.default_path(Path("/x/shared")) == Path("/x/shared/eval/case2021_task2")
