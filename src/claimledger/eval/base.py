"""The evaluation contract: what an extractor offers, what a dataset does, what a run reports.

A dataset is a reader plus a scorer: ``run(path, extractor)`` reads every document under ``path``, asks the
extractor for a ledger of each, and scores the ledgers against the gold records into an ``EvalResult``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from claimledger.errors import EvalError
from claimledger.types import Article, ArticleLedger


class Extractor(Protocol):
    """Anything that turns an article into its ledger (``claimledger.pipeline.Pipeline`` is one)."""

    @property
    def model(self) -> str:
        """The model the extractor runs (reported as ``model``)."""
        ...

    def extract(self, article: Article) -> ArticleLedger: ...

    def config_dict(self) -> dict[str, Any]:
        """The configuration of the run as JSON-ready data (reported as ``config``)."""
        ...


@dataclass(frozen=True, slots=True)
class Detail:
    """How one gold item (or one extracted item, for precision) fared, for a developer to read.

    ``section`` names the metric it counts towards, ``item`` the gold item, ``matched`` whether it was found
    and ``info`` what matched it or, if nothing did, what came closest and why it failed.
    """

    section: str
    item: str
    matched: bool
    info: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"section": self.section, "item": self.item, "matched": self.matched, "info": self.info}

    def __str__(self) -> str:
        mark = "ok  " if self.matched else "MISS"
        return f"{self.section:<15} {mark} {self.item}" + (f": {self.info}" if self.info else "")


@dataclass(frozen=True)
class EvalResult:
    """The outcome of scoring one dataset. Every metric is in [0, 1]."""

    dataset: str
    docs: int
    metrics: dict[str, float]
    config: dict[str, Any]
    model: str
    seconds: float
    notes: tuple[str, ...] = ()
    details: tuple[Detail, ...] = ()

    def to_dict(self, include_details: bool = False) -> dict[str, Any]:
        """``{dataset, docs, metrics, config, model, seconds}``, plus ``notes`` (and ``details``) if any."""
        out: dict[str, Any] = {
            "dataset": self.dataset,
            "docs": self.docs,
            "metrics": dict(self.metrics),
            "config": dict(self.config),
            "model": self.model,
            "seconds": self.seconds,
        }
        if self.notes:
            out["notes"] = list(self.notes)
        if include_details and self.details:
            out["details"] = [d.to_dict() for d in self.details]
        return out


class Dataset(Protocol):
    """An evaluation dataset: a reader of its raw files and a scorer of ledgers against them."""

    @property
    def name(self) -> str: ...

    def default_path(self, shared: Path) -> Path:
        """Where the dataset lives inside the shared folder."""
        ...

    def run(self, path: Path, extractor: Extractor) -> EvalResult:
        """Extract every document under ``path`` and score the ledgers."""
        ...


SHARED_DIR_NAME = "shared"
_SHARED_MARKERS = ("spec", "eval", "corpus")


def _is_shared_dir(path: Path) -> bool:
    return path.is_dir() and any((path / marker).is_dir() for marker in _SHARED_MARKERS)


def _shared_candidates(start: Path) -> Iterator[Path]:
    for folder in (start, *start.parents):
        yield folder / SHARED_DIR_NAME


def find_shared(cwd: Path | None = None, package_dir: Path | None = None) -> Path:
    """Locate the ``shared`` folder that sits beside the repository.

    Looks for a folder named ``shared`` holding ``spec/``, ``eval/`` or ``corpus/`` in the working directory
    and each of its parents (``/work/main`` → ``/work/main/shared``, ``/work/shared``), then the same from
    this package's location. Raises ``EvalError`` naming every place tried.
    """
    starts = [
        (cwd or Path(os.getcwd())).resolve(),
        (package_dir or Path(__file__).parent).resolve(),
    ]
    tried: list[str] = []
    for start in starts:
        for candidate in _shared_candidates(start):
            if _is_shared_dir(candidate):
                return candidate
            tried.append(str(candidate))
    raise EvalError(
        "cannot find the shared data folder (a 'shared' folder holding spec/, eval/ or corpus/) "
        f"beside the repository; tried {', '.join(dict.fromkeys(tried))}. Pass the dataset with --path."
    )
