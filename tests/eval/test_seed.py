from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimledger.errors import EvalError
from claimledger.eval.base import EvalResult
from claimledger.eval.seed import SeedDataset, resolve_seed_paths
from claimledger.eval.seed_score import SEED_METRICS
from claimledger.ingest.text import content_hash
from claimledger.types import ArticleLedger, StageError

from .fake_extractor import FakeExtractor
from .seed_helpers import ARTICLE_TEXT, perfect_ledger, write_seed_layout


def _run(path: Path) -> tuple[EvalResult, FakeExtractor]:
    extractor = FakeExtractor(perfect_ledger)
    return SeedDataset().run(path, extractor), extractor


@pytest.mark.parametrize(
    ("layout", "article_dirs"),
    [
        ("root", ["root"]),  # DIR/spec/seed-ledger.yaml, article DIR/corpus/...
        ("root/spec", ["root", "root/spec"]),  # DIR is the spec folder
        ("root/spec/seed-ledger.yaml", ["root", "root/spec"]),  # the YAML itself
    ],
)
def test_layouts(tmp_path: Path, layout: str, article_dirs: list[str]) -> None:
    gold = write_seed_layout(tmp_path / "root")
    paths = resolve_seed_paths(tmp_path / layout)
    assert paths.gold == gold
    assert paths.article_dirs == tuple(tmp_path / d for d in article_dirs)
    result, _ = _run(tmp_path / layout)
    assert result.metrics == dict.fromkeys(SEED_METRICS, 1.0)


def test_article_beside_the_yaml_is_found(tmp_path: Path) -> None:
    # A flat copy: the YAML and corpus/ in one folder.
    write_seed_layout(tmp_path / "root")
    flat = tmp_path / "flat"
    (flat / "corpus").mkdir(parents=True)
    (flat / "seed-ledger.yaml").write_bytes((tmp_path / "root/spec/seed-ledger.yaml").read_bytes())
    (flat / "corpus/tiny.txt").write_text(ARTICLE_TEXT, encoding="utf-8")
    result, extractor = _run(flat)
    assert extractor.seen[0].origin == str(flat / "corpus/tiny.txt")
    assert result.metrics["events_recall"] == 1.0


def test_run_reports_the_contract(tmp_path: Path) -> None:
    write_seed_layout(tmp_path)
    result, extractor = _run(tmp_path)
    article = extractor.seen[0]
    assert article.text == ARTICLE_TEXT
    assert article.published == dt.date(2024, 5, 6)
    assert article.content_hash == content_hash(ARTICLE_TEXT)
    out = result.to_dict()
    assert list(out) == ["dataset", "docs", "metrics", "config", "model", "seconds", "notes"]
    assert (out["dataset"], out["docs"], out["model"]) == ("seed", 1, "fake-model")
    assert out["config"] == {"model": "fake-model", "batch_size": 1}
    assert list(out["metrics"]) == list(SEED_METRICS)
    assert out["seconds"] >= 0
    assert "events_recall: 2/2" in out["notes"]
    assert f"gold: {tmp_path / 'spec/seed-ledger.yaml'}" in out["notes"]
    detailed = result.to_dict(include_details=True)
    assert {"section": "events_recall", "item": "attack", "matched": True}.items() <= detailed["details"][
        3
    ].items()


def test_stage_errors_are_noted(tmp_path: Path) -> None:
    write_seed_layout(tmp_path)
    extractor = FakeExtractor(
        lambda a: ArticleLedger(article=a, errors=(StageError("coding", "boom"),)), model="m"
    )
    result = SeedDataset().run(tmp_path, extractor)
    assert "stage error: coding: boom" in result.notes
    assert result.metrics["events_recall"] == 0.0


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("missing", "no such seed dataset"),
        ("empty", "not a seed dataset"),
        ("no-article", "article file 'corpus/tiny.txt' not found; tried"),
        ("empty-article", "seed article"),
    ],
)
def test_bad_layouts(tmp_path: Path, setup: str, message: str) -> None:
    root = tmp_path / "root"
    if setup != "missing":
        root.mkdir()
    if setup in ("no-article", "empty-article"):
        write_seed_layout(root)
        article = root / "corpus/tiny.txt"
        if setup == "no-article":
            article.unlink()
        else:
            article.write_text("   \n", encoding="utf-8")
    with pytest.raises(EvalError, match=message):
        _run(root)
