from __future__ import annotations

from collections.abc import Iterator

import pytest

from claimledger.engine.batch import iter_batches
from claimledger.errors import ConfigError
from claimledger.types import Article

from .helpers import articles


@pytest.mark.parametrize(
    ("count", "size", "sizes"),
    [(0, 4, []), (1, 4, [1]), (4, 4, [4]), (5, 4, [4, 1]), (9, 3, [3, 3, 3]), (3, 1, [1, 1, 1])],
)
def test_batches_cut_in_order(count: int, size: int, sizes: list[int]) -> None:
    arts = articles(count)
    batches = list(iter_batches(arts, size))
    assert [len(b.articles) for b in batches] == sizes
    assert [b.index for b in batches] == list(range(len(sizes)))
    assert [a for b in batches for a in b.articles] == arts


def test_batches_are_read_lazily() -> None:
    pulled = 0

    def source() -> Iterator[Article]:
        nonlocal pulled
        for a in articles(100):
            pulled += 1
            yield a

    batches = iter_batches(source(), 10)
    next(batches)
    assert pulled == 10


@pytest.mark.parametrize("size", [0, -1])
def test_batch_size_must_be_positive(size: int) -> None:
    with pytest.raises(ConfigError, match="batch size"):
        list(iter_batches(articles(2), size))
