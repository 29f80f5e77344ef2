from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.config import Config
from claimledger.ingest import iter_articles
from claimledger.ingest.count import count_inputs, count_lines


@pytest.mark.parametrize(
    ("data", "lines"),
    [(b"", 0), (b"a", 1), (b"a\n", 1), (b"a\nb", 2), (b"a\n\nb\n", 3), (b"\n" * 5, 5)],
)
def test_count_lines(tmp_path: Path, data: bytes, lines: int) -> None:
    path = tmp_path / "f.jsonl"
    path.write_bytes(data)
    assert count_lines(path) == lines


def test_count_inputs_matches_the_results_of_iter_articles(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Rebels attacked the town on Monday, officials said.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("Troops shelled the district, residents said.")
    (tmp_path / "sub" / "recs.jsonl").write_text(
        '{"text": "Police arrested ten protesters."}\n{"text": "Gunmen killed two guards."}\n{"url": "x"}\n'
    )
    (tmp_path / "skip.bin").write_bytes(b"\x00")
    paths = [str(tmp_path), str(tmp_path / "missing.txt")]
    results = list(iter_articles(paths, Config(languages=())))
    assert count_inputs(paths) == len(results) == 6


def test_count_inputs_is_unknown_with_a_json_file(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text('[{"text": "a"}, {"text": "b"}]')
    assert count_inputs([str(tmp_path)]) is None
