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


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n", "empty"),
        ("nul.txt", b"GIF89a\x00\x01\x00", "binary data"),
        ("latin1.txt", b"Rebels attacked \xff the town.", "not UTF-8"),
        ("bad.jsonl", b"{not json}\n", "bad JSON record"),
        ("notext.jsonl", b'{"url": "u"}\n', "bad JSON record"),
        ("list.json", b"[]", "empty"),
        ("page.html", b"<html><head><title>x</title></head><body></body></html>", "no article in the HTML"),
        ("huge.txt", b"Rebels attacked the town. " * 40, "too large"),
        (
            "french.txt",
            "Les troupes ont bombardé le district pendant la nuit, selon les habitants.".encode(),
            "language fr",
        ),
    ],
)
def test_reason_names_the_kind_of_failure(tmp_path, name: str, data: bytes, reason: str) -> None:  # type: ignore[no-untyped-def]
    from claimledger.config import Config
    from claimledger.ingest import iter_articles

    (tmp_path / name).write_bytes(data)
    config = Config(max_chars=500)
    [result] = list(iter_articles([str(tmp_path / name)], config))
    assert result.reason == reason


@pytest.mark.parametrize(
    ("path", "reason"),
    [("/nonexistent/file.txt", "cannot read"), ("/nonexistent/*.txt", "cannot read"), ("", "cannot read")],
)
def test_reason_of_path_errors(path: str, reason: str) -> None:
    from claimledger.config import Config
    from claimledger.ingest import iter_articles

    [result] = list(iter_articles([path], Config()))
    assert result.reason == reason


def test_reason_is_none_for_an_article_and_other_for_unknown_wording() -> None:
    from claimledger.ingest.result import OTHER_REASON, input_error_reason

    assert IngestResult(article=ARTICLE, error=None, origin="a").reason is None
    assert input_error_reason(InputError("a", "something new went wrong")) == OTHER_REASON
