"""The interface every engine offers, and ``make_engine`` to build the configured one."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Protocol, Self

from claimledger.config import Config
from claimledger.engine.batch import Batch, BatchOutput
from claimledger.errors import ConfigError

if TYPE_CHECKING:
    from claimledger.pipeline import Pipeline

ENGINES: tuple[str, ...] = ("local", "dask")


class Engine(Protocol):
    """Runs batches through the pipeline somewhere and gives back one ``BatchOutput`` per batch."""

    def run(self, batches: Iterable[Batch]) -> Iterator[BatchOutput]: ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...


def check_config(config: Config) -> None:
    """Raise ``ConfigError`` for engine options that cannot work."""
    if config.engine not in ENGINES:
        raise ConfigError(f"unknown engine {config.engine!r}: expected one of {', '.join(ENGINES)}")
    if config.batch_size < 1:
        raise ConfigError(f"batch size must be at least 1, got {config.batch_size}")
    if config.n_process < 1:
        raise ConfigError(f"n_process must be at least 1, got {config.n_process}")
    if config.workers < 1:
        raise ConfigError(f"workers must be at least 1, got {config.workers}")
    if config.batches_in_flight < 0:
        raise ConfigError(f"batches_in_flight must be 0 (automatic) or more, got {config.batches_in_flight}")


def make_engine(config: Config, pipeline: Callable[[], Pipeline]) -> Engine:
    """The engine ``config.engine`` names. ``pipeline`` builds (or returns) the pipeline of a local
    engine, when its first batch comes; the Dask engine's workers build their own."""
    check_config(config)
    if config.engine == "dask":
        from claimledger.engine.dask_engine import DaskEngine

        return DaskEngine.start(config)
    from claimledger.engine.local import LocalEngine

    return LocalEngine(factory=pipeline)
