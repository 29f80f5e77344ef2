"""Engines that run the pipeline over a stream of articles, in bounded batches, and the ingest loop.

- ``LocalEngine``: this process (``nlp.pipe`` with ``config.n_process`` parser processes);
- ``DaskEngine`` (``claimledger.engine.dask_engine``, imported on demand): Dask workers that each load
  the model once;
- ``run_ingest``: read → skip stored articles → batches → engine → one writer, resumable.
"""

from claimledger.engine.base import ENGINES, Engine, check_config, make_engine
from claimledger.engine.batch import ArticleFailure, Batch, BatchOutput, iter_batches
from claimledger.engine.local import LocalEngine, extract_batch
from claimledger.engine.run import ProgressCallback, run_ingest, unstored_articles, write_batch
from claimledger.engine.summary import IngestSummary

__all__ = [
    "ENGINES",
    "ArticleFailure",
    "Batch",
    "BatchOutput",
    "Engine",
    "IngestSummary",
    "LocalEngine",
    "ProgressCallback",
    "check_config",
    "extract_batch",
    "iter_batches",
    "make_engine",
    "run_ingest",
    "unstored_articles",
    "write_batch",
]
