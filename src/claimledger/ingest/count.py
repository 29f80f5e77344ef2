"""Counting the inputs under some paths without reading them as articles (for progress bars)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from claimledger.errors import InputError
from claimledger.ingest.discover import JSON_SUFFIXES, JSONL_SUFFIXES, iter_input_paths

log = logging.getLogger(__name__)

_CHUNK = 1 << 20


def count_lines(path: Path) -> int:
    """Lines of a file: its newlines, plus one for a last line that has none."""
    lines = 0
    last = b"\n"
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    return lines + (last != b"\n")


def count_inputs(paths: Sequence[str]) -> int | None:
    """How many results ``iter_articles(paths)`` will give, about: one per file or path error, one per
    line of a JSONL file (blank lines included). None when it cannot be told cheaply (a JSON file may
    hold a list; a file cannot be read)."""
    total = 0
    for item in iter_input_paths(paths):
        if isinstance(item, InputError):
            total += 1
            continue
        suffix = item.suffix.lower()
        if suffix in JSON_SUFFIXES:
            return None
        if suffix in JSONL_SUFFIXES:
            try:
                total += count_lines(item)
            except OSError as exc:
                log.debug("cannot count the lines of %s: %s", item, exc)
                return None
        else:
            total += 1
    return total
