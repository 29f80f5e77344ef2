from __future__ import annotations

import pytest

from claimledger.errors import InputError, UnsupportedLanguageError
from claimledger.ingest.result import IngestResult
from claimledger.types import Article

ARTICLE = Article(id="0" * 16, text="text", content_hash="0" * 64)


@pytest.mark.parametrize(
    ("article", "error", "ok", "skipped"),
    [
        (ARTICLE, None, True, False),
        (None, InputError("a.txt", "bad"), False, False),
        (None, UnsupportedLanguageError("a.txt", "language 'fr' is not processed"), False, True),
    ],
)
def test_result_flags(article: Article | None, error: InputError | None, ok: bool, skipped: bool) -> None:
    result = IngestResult(article=article, error=error, origin="a.txt")
    assert (result.ok, result.skipped) == (ok, skipped)


@pytest.mark.parametrize(("article", "error"), [(None, None), (ARTICLE, InputError("a.txt", "bad"))])
def test_exactly_one_of_article_and_error(article: Article | None, error: InputError | None) -> None:
    with pytest.raises(ValueError, match="exactly one of article and error"):
        IngestResult(article=article, error=error, origin="a.txt")
