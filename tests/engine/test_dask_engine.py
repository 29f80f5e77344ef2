"""The Dask engine on an in-process LocalCluster (threads, no worker processes: fast)."""

from __future__ import annotations

import logging
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import Client, LocalCluster

from claimledger.config import Config
from claimledger.engine.batch import Batch, iter_batches
from claimledger.engine.dask_engine import (
    PLUGIN_NAME,
    WORKER_LOST_REASON,
    DaskEngine,
    PipelinePlugin,
    _lost,
)
from claimledger.engine.local import EXTRACT_REASON
from claimledger.engine.run import run_ingest
from claimledger.ingest.result import IngestResult
from claimledger.serialize import ledger_to_dict
from claimledger.store import open_store

from .helpers import BOOM, FakePipeline, article, articles


def _cluster(workers: int) -> LocalCluster:
    return LocalCluster(
        n_workers=workers,
        threads_per_worker=1,
        processes=False,
        dashboard_address=None,
        silence_logs=logging.WARNING,
    )


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[Config]:
    """Workers build FakePipelines; the configs they were built with are recorded."""
    import claimledger.pipeline

    built: list[Config] = []

    def fake_build(config: Config) -> FakePipeline:
        built.append(config)
        return FakePipeline(config)

    monkeypatch.setattr(claimledger.pipeline, "build_pipeline", fake_build)
    return built


@pytest.fixture
def fake_engine(builds: list[Config]) -> Iterator[DaskEngine]:
    cluster = _cluster(2)
    with DaskEngine(Client(cluster), Config(engine="dask", n_process=3), cluster) as engine:
        yield engine


def test_every_batch_comes_back_once_and_each_worker_builds_once(
    fake_engine: DaskEngine, builds: list[Config]
) -> None:
    arts = articles(20)
    outputs = list(fake_engine.run(iter_batches(arts, 3)))
    assert sorted(o.index for o in outputs) == list(range(7))
    got = sorted(ledger.article.id for o in outputs for ledger in o.ledgers)
    assert got == sorted(a.id for a in arts)
    assert len(builds) == 2  # one pipeline per worker, however many batches
    assert all(c.n_process == 1 and c.engine == "local" for c in builds)  # workers parse in-thread
    assert {o.worker for o in outputs} <= set(fake_engine.client.scheduler_info()["workers"])


def test_submission_is_bounded(builds: list[Config]) -> None:
    pulled = 0

    def source() -> Iterator[Batch]:
        nonlocal pulled
        for index, a in enumerate(articles(40)):
            pulled += 1
            yield Batch(index, (a,))

    cluster = _cluster(1)
    with DaskEngine(Client(cluster), Config(batches_in_flight=2), cluster) as engine:
        outputs = engine.run(source())
        next(outputs)
        assert pulled <= 3  # two in flight, one more after the first came back
        assert len(list(outputs)) == 39


def test_a_broken_article_fails_alone(fake_engine: DaskEngine) -> None:
    arts = [article(0), article(1, extra=BOOM), article(2)]
    [out] = list(fake_engine.run(iter_batches(arts, 3)))
    assert [ledger.article.id for ledger in out.ledgers] == [arts[0].id, arts[2].id]
    assert [(f.article_id, f.reason) for f in out.failures] == [(arts[1].id, EXTRACT_REASON)]


def test_run_ingest_with_dask_stores_everything_once(fake_engine: DaskEngine, tmp_path: Path) -> None:
    arts = articles(11)
    results = [IngestResult(article=a, error=None, origin=a.origin or "") for a in arts + arts[:3]]
    with open_store(tmp_path / "l.db") as store:
        summary = run_ingest(results, store, fake_engine, Config(batch_size=4))
        assert summary.stored == 11 and summary.already_stored == 3
        assert sorted(r.id for r in store.list_articles()) == sorted(a.id for a in arts)


def test_the_plugin_never_ships_a_pipeline() -> None:
    plugin = PipelinePlugin(Config(n_process=4))
    plugin.pipeline = FakePipeline()  # type: ignore[assignment]
    copy = pickle.loads(pickle.dumps(plugin))
    assert copy.pipeline is None and copy.config.n_process == 1 and copy.name == PLUGIN_NAME


def test_a_lost_batch_is_reported_per_article() -> None:
    arts = articles(2)
    out = _lost(Batch(5, tuple(arts)), "KilledWorker: gone")
    assert out.index == 5 and not out.ledgers
    assert [(f.article_id, f.reason) for f in out.failures] == [(a.id, WORKER_LOST_REASON) for a in arts]


@pytest.mark.model
def test_real_pipeline_on_a_worker_matches_local(pipeline, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import claimledger.pipeline

    from ..conftest import make_article

    monkeypatch.setattr(claimledger.pipeline, "build_pipeline", lambda config: pipeline)
    texts = [
        "Rebels attacked an army base near Homs on Sunday, the army said.",
        "Police arrested ten protesters in Minsk on Saturday, witnesses said.",
        "Gunmen killed three police officers in Kano on Friday, police said.",
    ]
    arts = [make_article(t) for t in texts]
    cluster = _cluster(1)
    with DaskEngine(Client(cluster), Config(), cluster) as engine:
        outputs = sorted(engine.run(iter_batches(arts, 2)), key=lambda o: o.index)
    got = [ledger_to_dict(ledger) for o in outputs for ledger in o.ledgers]
    assert got == [ledger_to_dict(pipeline.extract(a)) for a in arts]
