"""Ingestion: files, directories, globs and JSON(L) records become ``Article``s.

Every input gives an ``IngestResult`` holding its article or the ``InputError`` that stopped it,
so that one bad file or record never stops the others. Inputs are read one at a time.

Publication dates, in order of precedence: a record's own ``published``; then the ``published``
argument (the CLI's ``--published``); then, for an HTML page, the date in its metadata.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from pathlib import Path

from claimledger.config import Config
from claimledger.errors import InputError
from claimledger.ingest.dates import parse_published
from claimledger.ingest.discover import (
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    SUPPORTED_SUFFIXES,
    iter_input_paths,
)
from claimledger.ingest.html import article_from_html, read_html_file
from claimledger.ingest.jsonl import article_from_record, iter_json, iter_jsonl
from claimledger.ingest.result import IngestResult
from claimledger.ingest.text import article_from_text, content_hash, normalize_text, read_text_file

__all__ = [
    "SUPPORTED_SUFFIXES",
    "IngestResult",
    "article_from_html",
    "article_from_record",
    "article_from_text",
    "content_hash",
    "iter_articles",
    "normalize_text",
    "parse_published",
    "read_path",
]


def iter_articles(
    paths: Sequence[str], config: Config, published: dt.date | dt.datetime | None = None
) -> Iterator[IngestResult]:
    """One result per file (per record for JSON/JSONL) under ``paths``, in order, lazily."""
    for item in iter_input_paths(paths):
        if isinstance(item, InputError):
            yield IngestResult(article=None, error=item, origin=item.origin)
        else:
            yield from read_path(item, config, published)


def read_path(
    path: Path, config: Config, published: dt.date | dt.datetime | None = None
) -> Iterator[IngestResult]:
    """Read one file by its suffix: HTML, JSONL, JSON, or else plain text."""
    origin = str(path)
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from iter_jsonl(path, origin=origin, config=config, published=published)
        return
    if suffix in JSON_SUFFIXES:
        yield from iter_json(path, origin=origin, config=config, published=published)
        return
    try:
        if suffix in HTML_SUFFIXES:
            article = read_html_file(path, origin=origin, config=config, published=published)
        else:
            article = read_text_file(path, origin=origin, config=config, published=published)
    except InputError as exc:
        yield IngestResult(article=None, error=exc, origin=origin)
        return
    yield IngestResult(article=article, error=None, origin=origin)
