from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from claimledger.errors import EvalError
from claimledger.eval import DATASETS, get_dataset, run_eval
from claimledger.eval.polnear import (
    PolnearDataset,
    gold_files,
    load_polnear,
    parse_ann,
    split_folders,
)
from claimledger.eval.polnear_score import GoldAttribution
from claimledger.types import Article, ArticleLedger, Claim, Span

from .fake_extractor import FakeExtractor

TEXT = 'Officials said the bridge was closed. "Trains will run," the mayor told reporters\non Monday.\n'
SAID = TEXT.index("said")
TOLD = TEXT.index("told")
BRIDGE = TEXT.index("the bridge was closed")
TRAINS = TEXT.index('"Trains will run,"')
MAYOR = TEXT.index("the mayor")

ANN = (
    f"T1\tSource 0 9\tOfficials\n"
    f"T2\tCue {SAID} {SAID + 4}\tsaid\n"
    f"T3\tContent {BRIDGE} {BRIDGE + 21}\tthe bridge was closed\n"
    f"T4\tAttribution {SAID} {SAID + 4}\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
)


def span_line(tid: str, kind: str, start: int, end: int) -> str:
    return f"{tid}\t{kind} {start} {end}\t{TEXT[start:end]}\n"


def write_article(split: Path, name: str, annotations: dict[str, str], text: str = TEXT) -> None:
    (split / "text").mkdir(parents=True, exist_ok=True)
    (split / "attributions").mkdir(parents=True, exist_ok=True)
    (split / "text" / f"{name}.txt").write_text(text, encoding="utf-8", newline="")
    for annotator, ann in annotations.items():
        (split / "attributions" / f"{name}_{annotator}.ann").write_text(ann, encoding="utf-8", newline="")


def parse(ann: str) -> tuple[tuple[GoldAttribution, ...], int]:
    return parse_ann(ann, TEXT, "x.ann")


# --------------------------------------------------------------------------- parse_ann


def test_parse_one_attribution() -> None:
    (gold,), skipped = parse_ann(ANN, TEXT, "x.ann")
    assert skipped == 0
    assert gold.id == "E1"
    assert gold.cue == (Span(SAID, SAID + 4),)
    assert gold.source == (Span(0, 9),)
    assert gold.content == (Span(BRIDGE, BRIDGE + 21),)
    assert [s.text(TEXT) for s in gold.content_tokens] == ["the", "bridge", "was", "closed"]
    assert gold.line == 5


def test_discontinuous_spans_and_missing_source() -> None:
    ann = (
        f"T5\tContent {TRAINS} {TRAINS + 18};{BRIDGE} {BRIDGE + 10}\t"
        f"{TEXT[TRAINS : TRAINS + 18]} the bridge\n"
        + span_line("T6", "Cue", TOLD, TOLD + 4)
        + span_line("T7", "Attribution-no-source", TOLD, TOLD + 4)
        + "E2\tAttribution-no-source:T7 Content:T5 Cue:T6\n"
    )
    (gold,), _ = parse(ann)
    assert gold.source == ()
    assert gold.content == (Span(BRIDGE, BRIDGE + 10), Span(TRAINS, TRAINS + 18))
    assert [s.text(TEXT) for s in gold.content_tokens] == ["the", "bridge", "Trains", "will", "run"]


def test_second_content_argument_and_trigger_as_cue() -> None:
    ann = (
        span_line("T1", "Content", BRIDGE, BRIDGE + 10)
        + span_line("T2", "Content", TRAINS, TRAINS + 18)
        + span_line("T3", "Attribution", SAID, SAID + 4)
        + span_line("T4", "Source", 0, 9)
        + "E1\tAttribution:T3 Source:T4 Content:T1 Content2:T2\n"
    )
    (gold,), _ = parse(ann)
    assert gold.cue == (Span(SAID, SAID + 4),)  # no Cue argument: the trigger's span
    assert gold.content == (Span(BRIDGE, BRIDGE + 10), Span(TRAINS, TRAINS + 18))


def test_event_without_content_is_skipped_and_other_lines_ignored() -> None:
    ann = (
        ANN
        + "E2\tAttribution:T4 \n"
        + "\n"
        + "#1\tAnnotatorNotes T3\tis this one?\n"
        + span_line("T9", "Discard", TOLD, TOLD + 4)
    )
    golds, skipped = parse(ann)
    assert [g.id for g in golds] == ["E1"]
    assert skipped == 1


def test_text_with_a_line_break_runs_on() -> None:
    start, end = TEXT.index("reporters"), TEXT.index("Monday") + 6
    ann = (
        f"T1\tContent {start} {end}\treporters\non Monday\n"
        + span_line("T2", "Cue", TOLD, TOLD + 4)
        + "E1\tAttribution:T2 Content:T1 Cue:T2\n"
    )
    (gold,), _ = parse(ann)
    assert gold.content == (Span(start, end),)


@pytest.mark.parametrize(
    ("ann", "message"),
    [
        ("T1\tCue 5\tsaid\n", r"x\.ann:1: malformed text-bound line"),
        ("T1\tCue 5 9 said\n", r"x\.ann:1: malformed text-bound line"),
        (ANN + "E2\tAttribution:T4 Cue\n", r"x\.ann:6: malformed event argument 'Cue'"),
        (ANN + "E2\t\n", r"x\.ann:6: event E2 has no trigger"),
        (
            ANN + "E2\tAttribution:T4 Content:T9\n",
            r"x\.ann:6: event E2 refers to T9, which no T line defines",
        ),
        ("T1\tCue 10 9999\tsaid\n", r"x\.ann:1: span 10-9999 of T1 lies outside the article"),
        ("T1\tCue 10 5\tsaid\n", r"x\.ann:1: span 10-5 of T1 lies outside the article"),
        (ANN + "said the officials\n", r"x\.ann:6: not a brat annotation line: 'said the officials'"),
    ],
)
def test_malformed_input_names_file_and_line(ann: str, message: str) -> None:
    with pytest.raises(EvalError, match=message):
        parse(ann)


# --------------------------------------------------------------------------- layout


@pytest.mark.parametrize(
    ("annotators", "chosen"),
    [
        (["ef2d", "4b22", "5fec"], "4b22"),
        (["4e07"], "4e07"),
        (["10", "9"], "9"),  # a shorter id is lower
    ],
)
def test_lowest_annotator_is_gold(tmp_path: Path, annotators: list[str], chosen: str) -> None:
    split = tmp_path / "dev"
    write_article(split, "pub_2016-09-01_slug", dict.fromkeys(annotators, ANN))
    assert gold_files(split) == [
        ("pub_2016-09-01_slug", chosen, split / f"attributions/pub_2016-09-01_slug_{chosen}.ann")
    ]


def test_lowest_annotators_file_is_read(tmp_path: Path) -> None:
    other = ANN.replace("Source:T1", "")
    write_article(tmp_path / "data/dev", "a_b", {"ef2d": ANN, "4b22": other})
    (document,) = load_polnear(tmp_path).documents
    assert document.annotator == "4b22"
    assert document.attributions[0].source == ()
    assert document.text == TEXT


def test_splits_train_excluded(tmp_path: Path) -> None:
    data = tmp_path / "data"
    write_article(data / "dev", "d_1", {"4b22": ANN})
    write_article(data / "test", "t_1", {"4b22": ANN})
    write_article(data / "train", "r_1", {"4b22": "garbage that is never read\n"})
    (data / "parc3-replication" / "attributions").mkdir(parents=True)
    corpus = load_polnear(tmp_path)
    assert corpus.splits == ("dev", "test")
    assert [(d.split, d.name) for d in corpus.documents] == [("dev", "d_1"), ("test", "t_1")]
    assert corpus.notes == (f"skipped {data / 'parc3-replication'}: no text/ and attributions/ folders",)
    # the data folder itself and one split folder are accepted too
    assert split_folders(data)[0] == [data / "dev", data / "test"]
    assert split_folders(data / "test")[0] == [data / "test"]


@pytest.mark.parametrize(
    ("layout", "message"),
    [
        ("train-only", r"no split folder to score"),
        ("train-itself", r"'train' split is for building lexicons and is never scored"),
        ("text-without-ann", r"t_2\.txt: no annotation file"),
        ("ann-without-text", r"its article text .*t_3\.txt does not exist"),
        ("bad-ann-name", r"annotation file name lacks the annotator id"),
        ("missing", r"not a PolNeAR folder"),
    ],
)
def test_layout_errors(tmp_path: Path, layout: str, message: str) -> None:
    data = tmp_path / "data"
    write_article(data / "train", "r_1", {"4b22": ANN})
    path = tmp_path
    if layout == "train-itself":
        path = data / "train"
    elif layout == "text-without-ann":
        write_article(data / "dev", "t_2", {})
    elif layout == "ann-without-text":
        write_article(data / "dev", "t_1", {"4b22": ANN})
        (data / "dev/attributions/t_3_4b22.ann").write_text(ANN, encoding="utf-8")
    elif layout == "bad-ann-name":
        write_article(data / "dev", "t_1", {"4b22": ANN})
        (data / "dev/attributions/noid.ann").write_text(ANN, encoding="utf-8")
    elif layout == "missing":
        path = tmp_path / "absent"
    with pytest.raises(EvalError, match=message):
        load_polnear(path)


# --------------------------------------------------------------------------- the dataset


def _ledger(article: Article) -> ArticleLedger:
    claim = Claim(
        id="c1",
        source_kind="named",
        stance="assert",
        content=Span(BRIDGE, BRIDGE + 21),
        span=Span(0, BRIDGE + 21),
        source_span=Span(0, 9),
        cue="said",
        cue_span=Span(SAID, SAID + 4),
    )
    return ArticleLedger(article=article, claims=(claim,))


class BatchFake(FakeExtractor):
    def __init__(self) -> None:
        super().__init__(_ledger)
        self.batches = 0

    def extract_many(self, articles: Iterable[Article]) -> Iterator[ArticleLedger]:
        self.batches += 1
        return (self.extract(a) for a in articles)


def _copy(tmp_path: Path) -> Path:
    mayor_ann = ANN + (
        span_line("T5", "Source", MAYOR, MAYOR + 9)
        + span_line("T6", "Cue", TOLD, TOLD + 4)
        + span_line("T7", "Content", TRAINS, TRAINS + 18)
        + span_line("T8", "Attribution", TOLD, TOLD + 4)
        + "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5\n"
    )
    write_article(tmp_path / "data/dev", "a_1", {"4b22": ANN})
    write_article(tmp_path / "data/dev", "a_2", {"5fec": mayor_ann, "6b86": ANN})
    return tmp_path


@pytest.mark.parametrize("extractor_kind", ["single", "batch"])
def test_run_scores_every_article(tmp_path: Path, extractor_kind: str) -> None:
    extractor = FakeExtractor(_ledger) if extractor_kind == "single" else BatchFake()
    result = PolnearDataset().run(_copy(tmp_path), extractor)
    assert result.dataset == "polnear"
    assert result.docs == 2
    # 3 gold attributions, 2 predictions (one per article), both right: P 1, R 2/3
    assert result.metrics == {
        "cue_f1": pytest.approx(0.8),
        "source_f1": pytest.approx(0.8),
        "content_f1": pytest.approx(0.8),
        "attribution_f1": pytest.approx(0.8),
    }
    assert [a.text for a in extractor.seen] == [TEXT, TEXT]  # the exact text: offsets index it
    assert extractor.seen[0].origin == str(tmp_path / "data/dev/text/a_1.txt")
    assert result.notes[0].startswith(
        "scored split(s): dev (2 articles); 'train' is for building lexicons only"
    )
    assert "attribution: precision 1.000 recall 0.667 (tp 2, predicted 2, gold 3)" in result.notes
    missed = [d for d in result.details if not d.matched]
    assert [(d.section, d.item) for d in missed] == [("attribution", "a_2 E2 cue 'told'")]
    assert missed[0].info == "no predicted cue overlaps"
    if isinstance(extractor, BatchFake):
        assert extractor.batches == 1


def test_registered(tmp_path: Path) -> None:
    assert "polnear" in DATASETS
    dataset = get_dataset("polnear")
    assert isinstance(dataset, PolnearDataset)
    assert dataset.default_path(Path("/x/shared")) == Path("/x/shared/eval/polnear")
    (tmp_path / "shared/eval").mkdir(parents=True)
    _copy(tmp_path / "shared/eval/polnear")
    result = run_eval("polnear", FakeExtractor(_ledger), shared=tmp_path / "shared")
    assert result.docs == 2
