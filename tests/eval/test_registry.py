from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.errors import EvalError
from claimledger.eval import DATASETS, get_dataset, run_eval
from claimledger.eval.seed import SeedDataset

from .fake_extractor import FakeExtractor
from .seed_helpers import perfect_ledger, write_seed_layout


def test_seed_is_registered() -> None:
    assert "seed" in DATASETS
    dataset = get_dataset("seed")
    assert isinstance(dataset, SeedDataset)
    assert dataset.name == "seed"
    assert dataset.default_path(Path("/x/shared")) == Path("/x/shared")


def test_unknown_dataset_lists_the_known_ones() -> None:
    with pytest.raises(EvalError, match=r"unknown dataset 'nope'; known datasets: .*seed"):
        run_eval("nope", FakeExtractor(perfect_ledger))


@pytest.mark.parametrize("how", ["shared", "path"])
def test_run_eval_reads_shared_or_path(tmp_path: Path, how: str) -> None:
    write_seed_layout(tmp_path / "copy")
    extractor = FakeExtractor(perfect_ledger)
    if how == "shared":
        result = run_eval("seed", extractor, shared=tmp_path / "copy")
    else:
        result = run_eval("seed", extractor, path=tmp_path / "copy", shared=tmp_path / "unused")
    assert result.dataset == "seed"
    assert result.metrics["claims_recall"] == 1.0


def test_run_eval_missing_path(tmp_path: Path) -> None:
    with pytest.raises(EvalError, match="dataset 'seed' not found there"):
        run_eval("seed", FakeExtractor(perfect_ledger), path=tmp_path / "absent")
