from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.errors import EvalError
from claimledger.eval.base import Detail, EvalResult, find_shared


def _result(**changes: object) -> EvalResult:
    fields: dict[str, object] = {
        "dataset": "seed",
        "docs": 1,
        "metrics": {"precision": 0.5},
        "config": {"model": "m"},
        "model": "m",
        "seconds": 1.25,
    }
    fields.update(changes)
    return EvalResult(**fields)


@pytest.mark.parametrize(
    ("changes", "keys"),
    [
        ({}, ["dataset", "docs", "metrics", "config", "model", "seconds"]),
        ({"notes": ("n",)}, ["dataset", "docs", "metrics", "config", "model", "seconds", "notes"]),
        (
            {"details": (Detail("precision", "e1", True),)},
            ["dataset", "docs", "metrics", "config", "model", "seconds"],
        ),
    ],
)
def test_to_dict_keys(changes: dict[str, object], keys: list[str]) -> None:
    out = _result(**changes).to_dict()
    assert list(out) == keys
    assert out["metrics"] == {"precision": 0.5}
    assert out["seconds"] == 1.25


def test_to_dict_with_details() -> None:
    out = _result(details=(Detail("events_recall", "attack", False, "closest e2: type"),)).to_dict(
        include_details=True
    )
    assert out["details"] == [
        {"section": "events_recall", "item": "attack", "matched": False, "info": "closest e2: type"}
    ]


@pytest.mark.parametrize(
    ("detail", "text"),
    [
        (Detail("events_recall", "attack", True, "e1"), "events_recall   ok   attack: e1"),
        (Detail("claims_recall", "x", False), "claims_recall   MISS x"),
    ],
)
def test_detail_str(detail: Detail, text: str) -> None:
    assert str(detail) == text


@pytest.mark.parametrize(
    ("shared_at", "cwd"),
    [
        ("shared", "main"),  # beside the repository
        ("shared", "main/src/pkg"),  # from deeper inside it
        ("main/shared", "main"),  # inside the checkout (as on a device copy)
    ],
)
def test_find_shared_from_cwd(tmp_path: Path, shared_at: str, cwd: str) -> None:
    (tmp_path / shared_at / "spec").mkdir(parents=True)
    (tmp_path / cwd).mkdir(parents=True, exist_ok=True)
    found = find_shared(cwd=tmp_path / cwd, package_dir=tmp_path / "elsewhere")
    assert found == (tmp_path / shared_at).resolve()


def test_find_shared_falls_back_to_package_location(tmp_path: Path) -> None:
    (tmp_path / "repo/shared/eval").mkdir(parents=True)
    (tmp_path / "repo/src/claimledger/eval").mkdir(parents=True)
    (tmp_path / "cwd").mkdir()
    found = find_shared(cwd=tmp_path / "cwd", package_dir=tmp_path / "repo/src/claimledger/eval")
    assert found == (tmp_path / "repo/shared").resolve()


def test_find_shared_ignores_unrelated_shared_folders(tmp_path: Path) -> None:
    (tmp_path / "a/shared").mkdir(parents=True)  # no spec/, eval/ or corpus/ inside
    with pytest.raises(EvalError, match="cannot find the shared data folder"):
        find_shared(cwd=tmp_path / "a", package_dir=tmp_path / "a")
