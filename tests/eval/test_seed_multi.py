"""A copy of the seed dataset may hold several articles: every one is scored and the metrics pooled."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.errors import EvalError
from claimledger.eval import run_eval

from .fake_extractor import FakeExtractor
from .seed_helpers import SEED_YAML, perfect_ledger, write_seed_layout


def _empty(article):  # type: ignore[no-untyped-def]
    from claimledger.types import ArticleLedger

    return ArticleLedger(article=article)


@pytest.mark.parametrize("form", ["stream", "list"])
def test_several_articles_are_all_scored(tmp_path: Path, form: str) -> None:
    gold = write_seed_layout(tmp_path)
    if form == "stream":
        gold.write_text(SEED_YAML + "\n---\n" + SEED_YAML, encoding="utf-8")
    else:
        import yaml

        doc = yaml.safe_load(SEED_YAML)
        gold.write_text(yaml.safe_dump([doc, doc]), encoding="utf-8")
    extractor = FakeExtractor(lambda a: perfect_ledger(a))
    result = run_eval("seed", extractor, path=tmp_path)
    assert result.docs == 2
    assert len(extractor.seen) == 2
    assert result.metrics["events_recall"] == 1.0


def test_pooled_metrics_are_micro_averages(tmp_path: Path) -> None:
    gold = write_seed_layout(tmp_path)
    gold.write_text(SEED_YAML + "\n---\n" + SEED_YAML, encoding="utf-8")
    calls = {"n": 0}

    def half(article):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        return perfect_ledger(article) if calls["n"] == 1 else _empty(article)

    result = run_eval("seed", FakeExtractor(half), path=tmp_path)
    assert result.metrics["events_recall"] == 0.5
    assert result.metrics["actors_recall"] == 0.5


def test_empty_yaml_is_an_error(tmp_path: Path) -> None:
    gold = write_seed_layout(tmp_path)
    gold.write_text("", encoding="utf-8")
    with pytest.raises(EvalError, match="no seed ledger"):
        run_eval("seed", FakeExtractor(_empty), path=tmp_path)
