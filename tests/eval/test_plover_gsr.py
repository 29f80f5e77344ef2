from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimledger.errors import EvalError
from claimledger.eval import DATASETS, get_dataset, run_eval
from claimledger.eval.ledger_view import LedgerView
from claimledger.eval.plover_gsr import (
    GSR_TO_PLOVER,
    GoldActor,
    GsrRecord,
    PloverGsrDataset,
    actor_agrees,
    iso2_of,
    load_plover_gsr,
    parse_records,
    record_files,
    score_record,
)
from claimledger.types import PLOVER_TYPES, Actor, Article, ArticleLedger, Event, Span, Trigger

from .fake_extractor import FakeExtractor

REAL = Path(__file__).resolve().parents[3] / "shared" / "eval" / "plover_gsr"
REAL_FILE = REAL / "gold_standard_records" / "PLOVER_GSR_CAMEO.txt"
REAL_TABLE = REAL / "CAMEO2PLOVER-2021.txt"

TEXT = "Hungarian officials accused the UN of delays in Budapest."


def _actor(
    aid: str, name: str, start: int, country: str | None = None, affiliation: str | None = None
) -> Actor:
    return Actor(
        id=aid,
        name=name,
        kind="state",
        mentions=(Span(start, start + len(name)),),
        country=country,
        affiliation=affiliation,
    )


def _ledger(text: str, actors: tuple[Actor, ...], events: tuple[Event, ...]) -> ArticleLedger:
    return ArticleLedger(Article(id="a", text=text, content_hash="h"), actors=actors, events=events)


def _event(type_: str, actor1: str | None = None, actor2: str | None = None, start: int = 20) -> Event:
    return Event(
        id="e1",
        type=type_,
        trigger=Trigger("accused", Span(start, start + 7)),
        sentence=Span(0, len(TEXT)),
        actor1=actor1,
        actor2=actor2,
    )


def _record(
    event: str = "DISAPPROVE", sources: tuple[GoldActor, ...] = (), targets: tuple[GoldActor, ...] = ()
) -> GsrRecord:
    return GsrRecord("R1", event, TEXT, sources, targets, "f[1]")


def _raw(rid: str, event: str, text: str, **extra: Any) -> dict[str, Any]:
    return {"id": rid, "event": event, "text": text, **extra}


# --------------------------------------------------------------------------- tables


def test_type_table_covers_our_types_and_old_names() -> None:
    assert set(GSR_TO_PLOVER.values()) <= set(PLOVER_TYPES)
    assert {GSR_TO_PLOVER[t] for t in PLOVER_TYPES} == set(PLOVER_TYPES)
    assert GSR_TO_PLOVER["FIGHT"] == "ASSAULT"
    assert GSR_TO_PLOVER["DEMAND"] == "REQUEST"
    assert GSR_TO_PLOVER["DISAPPROVE"] == "ACCUSE"
    assert GSR_TO_PLOVER["INVESTIGATE"] == "ACCUSE"


@pytest.mark.skipif(not REAL_TABLE.is_file(), reason="shared PLOVER data not present")
def test_our_types_are_the_2021_conversion_targets() -> None:
    lines = [
        ln for ln in REAL_TABLE.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")
    ]
    targets = {ln.split(":", 1)[1].split(",")[0].split("#")[0].strip() for ln in lines if ":" in ln}
    assert targets == set(PLOVER_TYPES)


@pytest.mark.skipif(not REAL_FILE.is_file(), reason="shared PLOVER data not present")
def test_every_real_gold_class_and_country_code_maps() -> None:
    records = load_plover_gsr(REAL)
    assert len(records) >= 300
    assert {r.event for r in records} <= set(GSR_TO_PLOVER)
    codes = {a.code for r in records for a in (*r.sources, *r.targets)}
    unmapped = {c for c in codes if iso2_of(c) is None}
    assert unmapped <= {"IGO", "NGO", "IMG", "ISM", ""}


@pytest.mark.parametrize(
    ("code", "iso2"),
    [("HUN", "HU"), ("usa", "US"), ("PSE", "PS"), ("GBR", "GB"), ("JAP", "JP"), ("IGO", None), ("", None)],
)
def test_iso2_of(code: str, iso2: str | None) -> None:
    assert iso2_of(code) == iso2


# --------------------------------------------------------------------------- reader


def test_parse_records_skips_the_header_and_reads_roles() -> None:
    data = [
        {"id": "DOC", "event": "DOCUMENT", "eventText": "header"},
        _raw(
            "R1",
            "demand",
            "A and B agreed.",
            source=[{"actorText": "A", "code": "USA", "sector": "GOV"}, {"actorText": "B", "code": "JOR"}],
            target="",
            textInfo={"markup": "(SRC/TAR: A) and (SRC/TAR: B) (EVT: agreed)."},
        ),
        _raw("R2", "FIGHT", "X hit Y.", source=[{"actorText": "X", "code": "IRQ"}], target="stray"),
        _raw("R3", "ACCUSE", "Z blamed.", source=[{"actorText": "Z", "code": "IGO"}]),
    ]
    records = parse_records(data, "f.txt")
    assert [r.id for r in records] == ["R1", "R2", "R3"]
    assert records[0].event == "DEMAND"
    assert records[0].sources == (GoldActor("A", "USA", "GOV"), GoldActor("B", "JOR"))
    assert records[0].targets == records[0].sources  # reciprocal
    assert records[1].targets == ()  # a stray string without SRC/TAR markup
    assert records[2].targets == ()
    assert records[2].origin == "f.txt[3] (R3)"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"id": "x"}, "expected a JSON array"),
        ([_raw("R1", "DANCE", "t")], r"f.txt\[0\] \(R1\): event class 'DANCE'"),
        ([_raw("R1", "AGREE", "t", source={"actorText": "A"})], "source: expected a list of actors"),
        ([_raw("R1", "AGREE", "t", source=[{"code": "USA"}])], "'actorText' string"),
        (["text"], "must be a JSON object"),
    ],
)
def test_parse_records_errors(data: Any, message: str) -> None:
    with pytest.raises(EvalError, match=message):
        parse_records(data, "f.txt")


@pytest.mark.parametrize("where", ["root", "records", "file"])
def test_record_files_layouts(tmp_path: Path, where: str) -> None:
    folder = tmp_path / "gold_standard_records"
    folder.mkdir()
    file = folder / "GSR.txt"
    file.write_text("[]", encoding="utf-8")
    (folder / "readme.tex").write_text("x", encoding="utf-8")
    path = {"root": tmp_path, "records": folder, "file": file}[where]
    assert record_files(path) == [file]


def test_load_reports_bad_json(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("[{", encoding="utf-8")
    with pytest.raises(EvalError, match=r"bad.json:1: not JSON"):
        load_plover_gsr(tmp_path)


# --------------------------------------------------------------------------- agreement and scoring


@pytest.mark.parametrize(
    ("actor", "gold", "agrees"),
    [
        (_actor("a1", "Hungarian officials", 0, country="HU"), GoldActor("Hungary", "HUN"), True),
        (_actor("a1", "Hungarian officials", 0, country="RO"), GoldActor("Hungary", "HUN"), False),
        (_actor("a1", "Hungarian officials", 0), GoldActor("Hungarian", "HUN"), True),  # text overlap
        (_actor("a2", "UN", 32), GoldActor("the UN", "IGO"), True),  # name inside actorText
        (_actor("a2", "UN", 32, country="US"), GoldActor("United Nations", "IGO"), False),
        (_actor("a3", "officials", 10, affiliation="a0"), GoldActor("Budapest", "HUN"), True),
    ],
)
def test_actor_agrees(actor: Actor, gold: GoldActor, agrees: bool) -> None:
    boss = _actor("a0", "Hungary", 49, country="HU")
    view = LedgerView(_ledger(TEXT, (boss, actor), ()))
    assert actor_agrees(view, actor.id, gold, TEXT) is agrees


def test_score_record_type_source_target() -> None:
    actors = (_actor("a1", "Hungarian officials", 0, country="HU"), _actor("a2", "UN", 32))
    ledger = _ledger(TEXT, actors, (_event("ACCUSE", "a1", "a2"),))
    record = _record(sources=(GoldActor("Hungarian", "HUN"),), targets=(GoldActor("UN", "IGO"),))
    score, event = score_record(record, ledger)
    assert event is not None
    assert (score.type_ok, score.source_ok, score.target_ok, score.predicted) == (True, True, True, "ACCUSE")


def test_score_record_wrong_type_and_swapped_roles() -> None:
    actors = (_actor("a1", "Hungarian officials", 0, country="HU"), _actor("a2", "UN", 32))
    ledger = _ledger(TEXT, actors, (_event("THREATEN", "a2", "a1"),))
    record = _record(sources=(GoldActor("Hungarian", "HUN"),), targets=(GoldActor("UN", "IGO"),))
    score, _ = score_record(record, ledger)
    assert (score.type_ok, score.source_ok, score.target_ok) == (False, False, False)


@pytest.mark.parametrize("ledger", [None, _ledger(TEXT, (), ())])
def test_score_record_without_event(ledger: ArticleLedger | None) -> None:
    score, event = score_record(_record(sources=(GoldActor("Hungarian", "HUN"),)), ledger)
    assert event is None
    assert (score.type_ok, score.source_ok, score.target_ok, score.predicted) == (False, False, None, "none")


# --------------------------------------------------------------------------- dataset


def _fake(article: Article) -> ArticleLedger:
    text = article.text
    if "accused" not in text:
        return _ledger(text, (), ())
    actors = (_actor("a1", "Hungarian officials", 0, country="HU"), _actor("a2", "UN", text.index("UN")))
    return _ledger(text, actors, (_event("ACCUSE", "a1", "a2", start=text.index("accused")),))


def test_run_scores_every_record(tmp_path: Path) -> None:
    folder = tmp_path / "copy" / "gold_standard_records"
    folder.mkdir(parents=True)
    data = [
        {"id": "DOC", "event": "DOCUMENT"},
        _raw(
            "R1",
            "DISAPPROVE",
            TEXT,
            source=[{"actorText": "Hungarian officials", "code": "HUN"}],
            target=[{"actorText": "UN", "code": "IGO"}],
        ),
        _raw("R2", "AGREE", "Nobody did anything at all.", source=[{"actorText": "Nobody", "code": "USA"}]),
    ]
    (folder / "GSR.txt").write_text(json.dumps(data), encoding="utf-8")
    extractor = FakeExtractor(_fake)
    result = run_eval("plover_gsr", extractor, path=tmp_path / "copy")
    assert result.dataset == "plover_gsr"
    assert result.docs == 2
    assert result.metrics == {"type_acc": 0.5, "source_acc": 0.5, "target_acc": 1.0}
    assert all(a.published is None for a in extractor.seen)
    assert any("no event: 1 of 2" in n for n in result.notes)


def test_registered() -> None:
    assert {"case2021", "plover_gsr"} <= set(DATASETS)
    dataset = get_dataset("plover_gsr")
    assert isinstance(dataset, PloverGsrDataset)
    assert dataset.default_path(Path("/x/shared")) == Path("/x/shared/eval/plover_gsr")
