"""Fakes for engine tests: articles and a pipeline that needs no model."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from claimledger.config import Config
from claimledger.ingest.text import article_from_text
from claimledger.types import Article, ArticleLedger, StageError

BOOM = "BOOM"  # an article whose text holds this breaks the fake parser
STAGE_FAIL = "STAGEFAIL"  # an article whose text holds this gets a failed stage in its ledger


def article(n: int, extra: str = "") -> Article:
    text = f"Rebels attacked the town of place {n} on Monday, officials said. {extra}".strip()
    return article_from_text(text, origin=f"doc{n}.txt", config=Config(languages=()))


def articles(count: int, start: int = 0) -> list[Article]:
    return [article(n) for n in range(start, start + count)]


def ledger_of(a: Article) -> ArticleLedger:
    errors = (StageError("geo", "ValueError: odd"),) if STAGE_FAIL in a.text else ()
    return ArticleLedger(article=a, errors=errors)


@dataclass
class FakePipeline:
    """``extract_many``/``extract`` like the real pipeline's; records how far reading runs ahead."""

    config: Config = field(default_factory=Config)
    pulled: int = 0
    yielded: int = 0
    max_ahead: int = 0
    one_by_one: int = 0

    def extract_many(self, source: Iterable[Article]) -> Iterator[ArticleLedger]:
        for a in source:
            self.pulled += 1
            self.max_ahead = max(self.max_ahead, self.pulled - self.yielded)
            if BOOM in a.text:
                raise ValueError(f"the parser broke on {a.id}")
            self.yielded += 1
            yield ledger_of(a)

    def extract(self, a: Article) -> ArticleLedger:
        self.one_by_one += 1
        if BOOM in a.text:
            raise ValueError(f"the parser broke on {a.id}")
        return ledger_of(a)
