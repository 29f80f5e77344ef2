"""Expanding the paths a user gives (files, directories, globs) into input files, lazily."""

from __future__ import annotations

import glob
import logging
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from claimledger.errors import InputError

log = logging.getLogger(__name__)

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
JSON_SUFFIXES = frozenset({".json"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES
GLOB_CHARS = frozenset("*?[")


def is_supported(path: Path) -> bool:
    return path.suffix.lower() in SUPPORTED_SUFFIXES


def is_hidden(name: str) -> bool:
    return name.startswith(".")


def has_glob_chars(path: str) -> bool:
    return any(char in GLOB_CHARS for char in path)


def iter_input_paths(paths: Sequence[str]) -> Iterator[Path | InputError]:
    """Files to read, in order, or an ``InputError`` for a path that gives none.

    - an existing file is read whatever its suffix (it was named explicitly);
    - a directory is walked recursively in name order, keeping supported files
      (``SUPPORTED_SUFFIXES``) and skipping hidden files and directories;
    - a path that does not exist but has glob characters is a pattern (``**`` recurses): its
      matches, sorted, are taken as above, except that files need a supported suffix;
    - any other path that does not exist is an error naming it.
    """
    for raw in paths:
        if os.path.lexists(raw):
            yield from _expand_existing(Path(raw), explicit=True)
        elif has_glob_chars(raw):
            yield from _expand_glob(raw)
        elif raw == "":
            yield InputError("''", "an empty path")
        else:
            yield InputError(raw, "no such file or directory")


def _expand_existing(path: Path, *, explicit: bool) -> Iterator[Path | InputError]:
    if path.is_dir():
        yield from _walk(path, set())
    elif path.is_symlink() and not path.exists():
        yield InputError(str(path), "a broken symbolic link")
    elif explicit or is_supported(path):
        yield path
    else:
        log.debug("skipping %s: unsupported suffix", path)


def _expand_glob(pattern: str) -> Iterator[Path | InputError]:
    matches = sorted(glob.glob(pattern, recursive=True))
    found = False
    for match in matches:
        for item in _expand_existing(Path(match), explicit=False):
            found = True
            yield item
    if not found:
        reason = "no files match this pattern" if not matches else "no supported files match this pattern"
        yield InputError(pattern, reason)


def _walk(directory: Path, visited: set[tuple[int, int]]) -> Iterator[Path | InputError]:
    """Supported files under ``directory``, depth first in name order; symlink loops are cut."""
    try:
        info = directory.stat()
        key = (info.st_dev, info.st_ino)
        if key in visited:
            log.warning("%s: skipping a directory already visited (symbolic link loop?)", directory)
            return
        visited.add(key)
        with os.scandir(directory) as entries:
            names = sorted(entry.name for entry in entries)
    except OSError as exc:
        yield InputError(str(directory), f"cannot list the directory: {exc.strerror or exc}")
        return
    for name in names:
        if is_hidden(name):
            continue
        child = directory / name
        try:
            is_dir = child.is_dir()
        except OSError as exc:
            yield InputError(str(child), f"cannot access: {exc.strerror or exc}")
            continue
        if is_dir:
            yield from _walk(child, visited)
        elif is_supported(child) and child.exists():
            yield child
