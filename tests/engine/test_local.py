from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from claimledger.config import Config
from claimledger.engine.batch import Batch, iter_batches
from claimledger.engine.local import EXTRACT_REASON, LocalEngine, extract_batch
from claimledger.serialize import ledger_to_dict

from .helpers import BOOM, FakePipeline, article, articles


def _ids(outputs) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [[ledger.article.id for ledger in out.ledgers] for out in outputs]


@pytest.mark.parametrize(("count", "size"), [(1, 4), (8, 4), (10, 3), (7, 1)])
def test_outputs_are_the_batches_in_order(count: int, size: int) -> None:
    arts = articles(count)
    batches = list(iter_batches(arts, size))
    outputs = list(LocalEngine(FakePipeline()).run(batches))  # type: ignore[arg-type]
    assert [o.index for o in outputs] == [b.index for b in batches]
    assert _ids(outputs) == [[a.id for a in b.articles] for b in batches]
    assert all(not o.failures and o.worker == "local" for o in outputs)


def test_one_stream_runs_over_all_batches() -> None:
    fake = FakePipeline()
    outputs = list(LocalEngine(fake).run(iter_batches(articles(12), 4)))  # type: ignore[arg-type]
    assert len(outputs) == 3
    assert fake.one_by_one == 0 and fake.pulled == 12


def test_batches_are_pulled_lazily() -> None:
    pulled = 0

    def endless() -> Iterator[Batch]:
        nonlocal pulled
        for index in itertools.count():
            pulled += 1
            yield Batch(index, (article(index),))

    outputs = LocalEngine(FakePipeline()).run(endless())  # type: ignore[arg-type]
    first = list(itertools.islice(outputs, 3))
    assert [o.index for o in first] == [0, 1, 2]
    assert pulled <= 4


def test_a_broken_article_fails_alone_and_the_stream_goes_on() -> None:
    arts = articles(9)
    arts[4] = article(4, extra=BOOM)
    fake = FakePipeline()
    outputs = list(LocalEngine(fake).run(iter_batches(arts, 3)))  # type: ignore[arg-type]
    assert [o.index for o in outputs] == [0, 1, 2]
    assert _ids(outputs) == [[a.id for a in arts[0:3]], [arts[3].id, arts[5].id], [a.id for a in arts[6:9]]]
    [failure] = outputs[1].failures
    assert (failure.article_id, failure.origin, failure.reason) == (arts[4].id, "doc4.txt", EXTRACT_REASON)
    assert "ValueError" in failure.message and fake.one_by_one == 3  # only the broken batch, one by one


def test_empty_batches_are_dropped() -> None:
    batches = [Batch(0, ()), Batch(1, tuple(articles(2)))]
    outputs = list(LocalEngine(FakePipeline()).run(batches))  # type: ignore[arg-type]
    assert [o.index for o in outputs] == [1]


def test_extract_batch_falls_back_to_one_by_one() -> None:
    arts = [article(0), article(1, extra=BOOM), article(2)]
    out = extract_batch(FakePipeline(), Batch(7, tuple(arts)), worker="w1")  # type: ignore[arg-type]
    assert out.index == 7 and out.worker == "w1"
    assert [ledger.article.id for ledger in out.ledgers] == [arts[0].id, arts[2].id]
    assert [f.article_id for f in out.failures] == [arts[1].id]


def test_the_factory_runs_only_when_a_batch_comes() -> None:
    built: list[FakePipeline] = []

    def factory() -> FakePipeline:
        built.append(FakePipeline())
        return built[-1]

    engine = LocalEngine(factory=factory)  # type: ignore[arg-type]
    assert list(engine.run([])) == [] and built == []
    list(engine.run(iter_batches(articles(3), 2)))
    list(engine.run(iter_batches(articles(3), 2)))
    assert len(built) == 1


def test_an_engine_needs_a_pipeline_or_a_factory() -> None:
    with pytest.raises(ValueError, match="pipeline or a factory"):
        LocalEngine()


# ------------------------------------------------------------------ the real pipeline

TEXTS = [
    "Rebels attacked an army base near Homs on Sunday, the army said.",
    "Police arrested ten protesters in Minsk on Saturday, witnesses said.",
    "Gunmen killed three police officers in Kano on Friday, police said.",
    "The ministry said troops had repelled an attack on the town of Bamako.",
    "Militants fired rockets at the airport in Kabul, officials said on Monday.",
]


@pytest.mark.model
@pytest.mark.parametrize("n_process", [1, 2])
def test_real_pipeline_gives_the_ledgers_of_extract(pipeline, n_process: int) -> None:  # type: ignore[no-untyped-def]
    from claimledger.pipeline import Pipeline

    from ..conftest import make_article

    arts = [make_article(t) for t in TEXTS]
    config = Config(batch_size=2, n_process=n_process)
    engine = LocalEngine(Pipeline(pipeline.nlp, pipeline.resources, config))
    outputs = list(engine.run(iter_batches(arts, 2)))
    got = [ledger_to_dict(ledger) for out in outputs for ledger in out.ledgers]
    assert got == [ledger_to_dict(pipeline.extract(a)) for a in arts]
    assert [len(o.ledgers) for o in outputs] == [2, 2, 1]
