from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from claimledger.config import Config
from claimledger.errors import InputError, UnsupportedLanguageError
from claimledger.ingest.text import (
    article_from_text,
    check_text,
    content_hash,
    normalize_text,
    read_text_file,
)

NEWS = (
    "Government troops retook the northern town on Tuesday after a week of fighting, "
    "the defence ministry said. Rebel commanders denied the report."
)
FRENCH = (
    "Les troupes gouvernementales ont repris la ville du nord mardi après une semaine de combats, "
    "a indiqué le ministère de la Défense."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\r\nb\r\n", "a\nb"),
        ("a\rb", "a\nb"),
        ("  lead kept\n\n  \t\n", "  lead kept"),
        ("line  \nnext", "line  \nnext"),  # only the end of the text is stripped
    ],
)
def test_normalize_text(text: str, expected: str) -> None:
    assert normalize_text(text) == expected


def test_article_from_text_builds_ids_from_the_normalised_text() -> None:
    article = article_from_text(NEWS + "\r\n\r\n", origin="a.txt", config=Config())
    digest = hashlib.sha256(NEWS.encode()).hexdigest()
    assert article.text == NEWS
    assert article.content_hash == digest
    assert article.id == digest[:16]
    assert article.language == "en"
    assert article.origin == "a.txt"


def test_article_from_text_keeps_metadata() -> None:
    article = article_from_text(
        NEWS,
        origin="r.jsonl:2",
        url="https://example.org/a",
        source="Example Wire",
        published=dt.date(2021, 9, 6),
        title="Town retaken",
        config=Config(),
    )
    assert (article.url, article.source, article.published, article.title) == (
        "https://example.org/a",
        "Example Wire",
        dt.date(2021, 9, 6),
        "Town retaken",
    )


def test_record_text_is_kept_exactly_and_hashes_like_the_file() -> None:
    raw = NEWS.replace(". ", ".\r\n") + "  \n"
    record = article_from_text(raw, origin="r.jsonl:1", config=Config(), normalize=False)
    from_file = article_from_text(raw, origin="a.txt", config=Config())
    assert record.text == raw
    assert from_file.text == normalize_text(raw)
    assert record.content_hash == from_file.content_hash == content_hash(raw)
    assert record.id == from_file.id


@pytest.mark.parametrize(
    ("text", "config", "reason"),
    [
        ("", Config(), "the text is empty or whitespace only"),
        (" \n\t\r\n ", Config(), "the text is empty or whitespace only"),
        ("short", Config(min_chars=10), "the text is too short: 5 characters, at least 10 needed"),
        ("x" * 101, Config(max_chars=100), "the text has 101 characters, over the limit of 100 (max_chars)"),
        ("text with a NUL \x00 in it", Config(), "looks like binary data: the text contains NUL characters"),
    ],
    ids=["empty", "whitespace", "too_short", "too_long", "nul"],
)
def test_check_text_rejects(text: str, config: Config, reason: str) -> None:
    with pytest.raises(InputError) as info:
        check_text(text, "in.txt", config)
    assert info.value.origin == "in.txt"
    assert info.value.reason == reason
    assert str(info.value) == f"[E001] in.txt: {reason}"


def test_article_from_text_rejects_other_languages() -> None:
    with pytest.raises(UnsupportedLanguageError, match="language 'fr' is not processed"):
        article_from_text(FRENCH, origin="fr.txt", config=Config())


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (NEWS.encode(), NEWS),
        (b"\xef\xbb\xbf" + NEWS.encode(), NEWS),
        (NEWS.replace(". ", ".\r\n").encode() + b"\r\n", NEWS.replace(". ", ".\n")),
        (NEWS.encode("utf-16"), NEWS),
    ],
    ids=["utf8", "bom", "crlf", "utf16"],
)
def test_read_text_file(tmp_path: Path, data: bytes, expected: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(data)
    article = read_text_file(path, origin=str(path), config=Config(), published=dt.date(2021, 9, 6))
    assert article.text == expected
    assert article.published == dt.date(2021, 9, 6)
    assert article.origin == str(path)


def test_read_text_file_limits_by_characters_not_bytes(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    text = "é" * 60 + " done"  # 65 characters in 125 bytes
    path.write_text(text, encoding="utf-8")
    config = Config(max_chars=100, languages=())
    assert read_text_file(path, origin="a.txt", config=config).text == text
    path.write_text("é" * 101, encoding="utf-8")
    with pytest.raises(InputError, match="the text has 101 characters, over the limit of 100"):
        read_text_file(path, origin="a.txt", config=config)
