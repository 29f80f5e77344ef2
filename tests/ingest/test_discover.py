from __future__ import annotations

import os
from pathlib import Path

import pytest

from claimledger.errors import InputError
from claimledger.ingest.discover import has_glob_chars, is_supported, iter_input_paths


def make_tree(root: Path) -> None:
    for name in (
        "b.txt",
        "a.md",
        "c.html",
        "d.htm",
        "e.jsonl",
        "f.json",
        "g.text",
        "h.TXT",
        "skip.csv",
        "skip.png",
        ".hidden.txt",
        "sub/z.txt",
        "sub/deeper/y.txt",
        "sub/a.txt",
        ".git/config.txt",
        "aa/x.txt",
    ):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("text", encoding="utf-8")


def relative(items: list[Path | InputError], root: Path) -> list[str]:
    return [str(Path(item).relative_to(root)) for item in items if isinstance(item, Path)]


def test_directory_is_walked_recursively_in_name_order(tmp_path: Path) -> None:
    make_tree(tmp_path)
    found = list(iter_input_paths([str(tmp_path)]))
    assert all(isinstance(item, Path) for item in found)
    assert relative(found, tmp_path) == [
        "a.md",
        "aa/x.txt",
        "b.txt",
        "c.html",
        "d.htm",
        "e.jsonl",
        "f.json",
        "g.text",
        "h.TXT",
        "sub/a.txt",
        "sub/deeper/y.txt",
        "sub/z.txt",
    ]


def test_directory_walk_is_lazy(tmp_path: Path) -> None:
    make_tree(tmp_path)
    walker = iter_input_paths([str(tmp_path)])
    first = next(walker)
    assert isinstance(first, Path) and first.name == "a.md"
    (tmp_path / "sub" / "b.txt").write_text("added after the walk began", encoding="utf-8")
    assert "sub/b.txt" in relative(list(walker), tmp_path)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("*.txt", ["b.txt"]),
        ("sub/*.txt", ["sub/a.txt", "sub/z.txt"]),
        ("**/*.txt", ["aa/x.txt", "b.txt", "sub/a.txt", "sub/deeper/y.txt", "sub/z.txt"]),
        ("[cd].ht*", ["c.html", "d.htm"]),
        ("s?b", ["sub/a.txt", "sub/deeper/y.txt", "sub/z.txt"]),  # a matched directory is walked
        ("skip.*", []),  # files matched by a pattern need a supported suffix
    ],
)
def test_globs(tmp_path: Path, pattern: str, expected: list[str]) -> None:
    make_tree(tmp_path)
    found = list(iter_input_paths([str(tmp_path / pattern)]))
    assert relative(found, tmp_path) == expected
    if not expected:
        (error,) = found
        assert isinstance(error, InputError)
        assert error.reason == "no supported files match this pattern"


def test_explicit_file_is_taken_whatever_its_suffix(tmp_path: Path) -> None:
    make_tree(tmp_path)
    paths = [str(tmp_path / "skip.csv"), str(tmp_path / ".hidden.txt"), str(tmp_path / "b.txt")]
    assert [str(p) for p in iter_input_paths(paths)] == paths


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("missing.txt", "no such file or directory"),
        ("nothing-*.txt", "no files match this pattern"),
        ("", "an empty path"),
    ],
)
def test_missing_paths_are_errors(tmp_path: Path, raw: str, reason: str) -> None:
    path = str(tmp_path / raw) if raw else raw
    (error,) = iter_input_paths([path])
    assert isinstance(error, InputError)
    assert error.reason == reason
    if raw:
        assert error.origin == path


def test_errors_and_files_keep_the_given_order(tmp_path: Path) -> None:
    make_tree(tmp_path)
    items = list(iter_input_paths([str(tmp_path / "b.txt"), str(tmp_path / "nope"), str(tmp_path / "sub")]))
    assert [type(item).__name__ for item in items] == [
        "PosixPath",
        "InputError",
        "PosixPath",
        "PosixPath",
        "PosixPath",
    ]


def test_symlink_loop_and_broken_link(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "a.txt").write_text("text", encoding="utf-8")
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    os.symlink(tmp_path / "gone.txt", tmp_path / "d" / "broken.txt")
    assert relative(list(iter_input_paths([str(tmp_path / "d")])), tmp_path) == ["d/a.txt"]
    (error,) = iter_input_paths([str(tmp_path / "d" / "broken.txt")])
    assert isinstance(error, InputError) and error.reason == "a broken symbolic link"


@pytest.mark.parametrize(
    ("name", "expected"),
    [("a.txt", True), ("a.HTML", True), ("a.jsonl", True), ("a.csv", False), ("README", False)],
)
def test_is_supported(name: str, expected: bool) -> None:
    assert is_supported(Path(name)) is expected


@pytest.mark.parametrize(
    ("raw", "expected"), [("*.txt", True), ("a?.md", True), ("[ab].txt", True), ("a.txt", False)]
)
def test_has_glob_chars(raw: str, expected: bool) -> None:
    assert has_glob_chars(raw) is expected
