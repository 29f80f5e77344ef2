"""An ``Extractor`` for tests: returns a fixed ledger for whatever article it is given."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from claimledger.types import Article, ArticleLedger


class FakeExtractor:
    def __init__(self, build: Callable[[Article], ArticleLedger], model: str = "fake-model") -> None:
        self._build = build
        self._model = model
        self.seen: list[Article] = []

    @property
    def model(self) -> str:
        return self._model

    def extract(self, article: Article) -> ArticleLedger:
        self.seen.append(article)
        ledger = self._build(article)
        return replace(ledger, article=article)

    def config_dict(self) -> dict[str, Any]:
        return {"model": self._model, "batch_size": 1}
