"""The learned cue detector: loading, errors, and that it scores parse features as documented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimledger.cue_model import CueModel, cue_features, is_candidate, load_cue_model
from claimledger.errors import DataFileError
from claimledger.syntax import ParseView

from .docs import parse_rows

TEXT = "Officials said rebels attacked."
ROWS = """
0 Officials official NOUN NNS nsubj 1
1 said say VERB VBD ROOT 1
2 rebels rebel NOUN NNS nsubj 3
3 attacked attack VERB VBD ccomp 1
4 . . PUNCT . punct 1
"""


def test_packaged_model_loads_and_says_said_is_a_cue() -> None:
    model = load_cue_model()
    assert 0.0 < model.threshold < 1.0
    assert "PolNeAR" in model.trained_on and "train" in model.trained_on
    view = ParseView(parse_rows(TEXT, ROWS))
    assert model.is_cue(view, 1)
    assert 0.0 <= model.probability(view, 3) <= 1.0


def test_features_describe_the_token() -> None:
    view = ParseView(parse_rows(TEXT, ROWS))
    feats = cue_features(view, 1)
    assert "lemma=say" in feats and "child=ccomp" in feats and "subj_pos=NOUN" in feats
    assert is_candidate(view, 1) and not is_candidate(view, 4)


def test_a_hand_made_model_scores_by_its_weights(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    path.write_text(
        json.dumps({"weights": {"bias": -2.0, "lemma=say": 5.0}, "threshold": 0.5}), encoding="utf-8"
    )
    model = load_cue_model(path)
    assert isinstance(model, CueModel)
    view = ParseView(parse_rows(TEXT, ROWS))
    assert model.is_cue(view, 1)
    assert not model.is_cue(view, 3)


@pytest.mark.parametrize("content", ["not json", '{"threshold": 0.5}', '{"weights": [], "threshold": "x"}'])
def test_malformed_model_is_a_clear_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match=r"bad\.json"):
        load_cue_model(path)
