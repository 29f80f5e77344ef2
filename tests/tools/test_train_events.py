"""tools/train_events.py on a tiny made-up CASE-style file."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from claimledger.coding.classifier import load_event_model
from claimledger.coding.event_features import load_event_keywords

SCRIPT = Path(__file__).resolve().parents[2] / "tools" / "train_events.py"
ROWS = [
    *(
        ("AIR_STRIKE", f"Warplanes bombed the village of Area{k} on Monday, killing {k + 2} people.")
        for k in range(5)
    ),
    *(
        ("PEACE_PROTEST", f"Hundreds of protesters marched peacefully in Town{k} on Friday.")
        for k in range(5)
    ),
    *(("NATURAL_DISASTER", f"A flood swept through District{k} after heavy rain.") for k in range(5)),
]


@pytest.fixture(scope="module")
def trainer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("train_events", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_trains_a_model_file_on_a_tiny_set(
    trainer: ModuleType, pipeline: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tsv = tmp_path / "tiny.tsv"
    tsv.write_text(
        "id\tEventSnippet\tSubType\n" + "".join(f"{k}\t{t}\t{label}\n" for k, (label, t) in enumerate(ROWS)),
        encoding="utf-8",
    )
    out = tmp_path / "model.json"
    assert trainer.main(["--case", str(tsv), "--out", str(out)], pipeline=pipeline) == 0
    printed = capsys.readouterr().out
    assert "5-fold CV (seed 0), through the pipeline stage" in printed
    model = load_event_model(out)
    assert model.classes == ("AIR_STRIKE", "NATURAL_DISASTER", "PEACE_PROTEST")
    assert len(model.training_ids) == len(ROWS)
    assert model.keywords.phrases == load_event_keywords().phrases
    assert model.metrics["cv_pipeline_macro_f1"] >= 0.9
    assert "tiny.tsv" in model.trained_on
    text = out.read_text(encoding="utf-8")
    assert "Warplanes bombed" not in text  # ids of the training texts, never the texts
