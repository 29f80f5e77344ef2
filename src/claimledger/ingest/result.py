"""The outcome of ingesting one input: an article, or the reason there is none."""

from __future__ import annotations

from dataclasses import dataclass

from claimledger.errors import InputError, UnsupportedLanguageError
from claimledger.types import Article


@dataclass(frozen=True, slots=True)
class IngestResult:
    """One file or record turned into an ``Article``, or the ``InputError`` that stopped it.

    Exactly one of ``article`` and ``error`` is set. ``origin`` names the input: the path, or
    ``path:LINE`` for a JSONL record (``path[INDEX]`` for a record of a JSON list).
    """

    article: Article | None
    error: InputError | None
    origin: str

    def __post_init__(self) -> None:
        if (self.article is None) == (self.error is None):
            raise ValueError(f"{self.origin}: an IngestResult holds exactly one of article and error")

    @property
    def ok(self) -> bool:
        return self.article is not None

    @property
    def skipped(self) -> bool:
        """True for an article that was skipped on purpose (its language is not processed)."""
        return isinstance(self.error, UnsupportedLanguageError)
