"""Batches of articles, what an engine gives back for each, and cutting a stream into batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from claimledger.errors import ConfigError
from claimledger.types import Article, ArticleLedger


@dataclass(frozen=True, slots=True)
class Batch:
    """Articles processed and written together. ``index`` counts batches from 0 in reading order."""

    index: int
    articles: tuple[Article, ...]


@dataclass(frozen=True, slots=True)
class ArticleFailure:
    """An article the pipeline could not process at all (no ledger): its id, origin and why."""

    article_id: str
    origin: str | None
    reason: str  # a short category for summaries
    message: str


@dataclass(frozen=True, slots=True)
class BatchOutput:
    """An engine's result for one batch: a ledger per article it processed, and the articles it could not.

    ``seconds``: time spent extracting the batch where it ran (a Dask worker, or this process).
    ``worker``: where it ran ("local", or the Dask worker's address).
    """

    index: int
    ledgers: tuple[ArticleLedger, ...]
    failures: tuple[ArticleFailure, ...] = ()
    seconds: float = 0.0
    worker: str = "local"


def iter_batches(articles: Iterable[Article], size: int) -> Iterator[Batch]:
    """Cut ``articles`` into batches of ``size`` (the last may be smaller), lazily: at most one batch
    of articles is held here at a time."""
    if size < 1:
        raise ConfigError(f"batch size must be at least 1, got {size}")
    source = iter(articles)
    index = 0
    while chunk := tuple(islice(source, size)):
        yield Batch(index, chunk)
        index += 1
