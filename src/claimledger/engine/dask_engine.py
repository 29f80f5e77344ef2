"""The Dask engine: batches go to Dask workers; each worker loads the pipeline once; ledgers come back.

``DaskEngine.start(config)`` connects to ``config.scheduler`` or starts a ``LocalCluster`` of
``config.workers`` single-threaded worker processes. A ``PipelinePlugin`` is registered on every
worker: it builds the pipeline (model and resources) when the worker starts, and every batch that
worker runs reuses it. At most ``batches_in_flight`` batches are submitted ahead of the writer, so
memory stays bounded however long the input. Ledgers are returned as they complete (not in input
order); the caller writes them (one writer).

This module imports ``distributed``: ``claimledger.engine`` imports it only when a Dask engine is asked for.
"""

from __future__ import annotations

import logging
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import replace
from types import TracebackType
from typing import TYPE_CHECKING, Any, Self

from distributed import WorkerPlugin

from claimledger.config import Config
from claimledger.engine.batch import ArticleFailure, Batch, BatchOutput
from claimledger.engine.local import extract_batch
from claimledger.errors import ConfigError

if TYPE_CHECKING:
    from distributed import Client, Future, LocalCluster

    from claimledger.pipeline import Pipeline

log = logging.getLogger(__name__)

PLUGIN_NAME = "claimledger-pipeline"
WORKER_LOST_REASON = "worker lost"


class PipelinePlugin(WorkerPlugin):
    """A Dask worker plugin holding the worker's pipeline, built once in ``setup``.

    Only ``config`` travels to the workers; the model is loaded there (an installed package).
    """

    name = PLUGIN_NAME

    def __init__(self, config: Config) -> None:
        self.config = replace(config, n_process=1, engine="local")
        self.pipeline: Pipeline | None = None

    def setup(self, worker: Any) -> None:
        from claimledger.pipeline import build_pipeline

        self.pipeline = build_pipeline(self.config)
        log.info("worker %s: loaded model %s", getattr(worker, "address", "?"), self.config.model)

    def teardown(self, worker: Any) -> None:
        self.pipeline = None

    def __getstate__(self) -> dict[str, object]:
        return {"config": self.config}  # never ship a loaded pipeline

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.config = state["config"]
        self.pipeline = None


def run_batch_on_worker(batch: Batch) -> BatchOutput:
    """The Dask task: ``batch`` through the pipeline of the worker it runs on."""
    from distributed import get_worker

    worker = get_worker()
    plugin = worker.plugins.get(PLUGIN_NAME)
    pipeline = getattr(plugin, "pipeline", None)
    if pipeline is None:
        raise ConfigError(f"Dask worker {worker.address} has no claimledger pipeline (plugin not set up)")
    return extract_batch(pipeline, batch, worker=str(worker.address))


class DaskEngine:
    """Runs batches on the workers of ``client``; closes the client (and ``cluster``) it was given."""

    def __init__(
        self, client: Client, config: Config, cluster: LocalCluster | None = None, own_client: bool = True
    ) -> None:
        self.client = client
        self.config = config
        self.cluster = cluster
        self._own_client = own_client
        self._registered = False

    @classmethod
    def start(cls, config: Config) -> DaskEngine:
        """Connect to ``config.scheduler``, or start a local cluster of ``config.workers`` processes."""
        from distributed import Client, LocalCluster

        if config.scheduler:
            log.info("connecting to the Dask scheduler at %s", config.scheduler)
            try:
                client = Client(config.scheduler, timeout="30s")
            except OSError as exc:
                raise ConfigError(f"cannot reach the Dask scheduler at {config.scheduler}: {exc}") from exc
            return cls(client, config)
        if config.workers < 1:
            raise ConfigError(f"workers must be at least 1, got {config.workers}")
        log.info("starting a local Dask cluster of %d worker process(es)", config.workers)
        cluster = LocalCluster(
            n_workers=config.workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.WARNING,
        )
        return cls(Client(cluster), config, cluster)

    def _in_flight(self) -> int:
        if self.config.batches_in_flight > 0:
            return self.config.batches_in_flight
        workers = len(self.client.scheduler_info(n_workers=-1).get("workers", {})) or self.config.workers
        return 2 * max(workers, 1)

    def register(self) -> None:
        """Install the pipeline on every worker (each loads the model once); done by ``run`` if needed."""
        if not self._registered:
            self.client.register_plugin(PipelinePlugin(self.config), name=PLUGIN_NAME)
            self._registered = True

    def run(self, batches: Iterable[Batch]) -> Iterator[BatchOutput]:
        """A ``BatchOutput`` per batch, as batches complete. A batch whose worker died is reported as
        failed articles (reason ``WORKER_LOST_REASON``); the others go on."""
        from distributed import as_completed
        from distributed.client import FutureCancelledError
        from distributed.scheduler import KilledWorker

        self.register()
        source = iter(batches)
        limit = self._in_flight()
        pending: dict[Hashable, Batch] = {}
        completed = as_completed()

        def submit_next() -> bool:
            batch = next(source, None)
            if batch is None:
                return False
            future: Future = self.client.submit(run_batch_on_worker, batch, pure=False)
            pending[future.key] = batch
            completed.add(future)
            return True

        for _ in range(limit):
            if not submit_next():
                break
        for future in completed:
            batch = pending.pop(future.key)
            try:
                output: BatchOutput = future.result()
            except (KilledWorker, FutureCancelledError) as exc:
                log.warning("batch %d lost its worker: %s", batch.index, exc)
                output = _lost(batch, f"{type(exc).__name__}: {exc}")
            finally:
                future.release()
            submit_next()
            yield output

    def close(self) -> None:
        if self._own_client:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _lost(batch: Batch, message: str) -> BatchOutput:
    failures = tuple(ArticleFailure(a.id, a.origin, WORKER_LOST_REASON, message) for a in batch.articles)
    return BatchOutput(batch.index, (), failures, 0.0, "?")
