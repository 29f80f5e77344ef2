"""Building and validating articles from text; reading plain-text files.

``article_from_text`` is the single place that checks a text and builds an ``Article``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from claimledger.config import Config
from claimledger.errors import InputError
from claimledger.ingest.files import (
    MAX_UTF8_BYTES_PER_CHAR,
    check_text_not_binary,
    decode_bytes,
    read_file_bytes,
)
from claimledger.ingest.language import check_language
from claimledger.types import Article

ID_LENGTH = 16


def normalize_text(text: str) -> str:
    """Line endings become ``\\n`` (``\\r\\n`` and a lone ``\\r``); trailing whitespace is removed."""
    return text.replace("\r\n", "\n").replace("\r", "\n").rstrip()


def content_hash(text: str) -> str:
    """SHA-256 (hex) of the normalised text: the same content gives the same hash and article id."""
    return hashlib.sha256(normalize_text(text).encode("utf-8", errors="surrogatepass")).hexdigest()


def check_text(text: str, origin: str, config: Config) -> None:
    """Raise ``InputError`` for a text that is empty, too short, too long or binary."""
    stripped = len(text.strip())
    if stripped == 0:
        raise InputError(origin, "the text is empty or whitespace only")
    if stripped < config.min_chars:
        raise InputError(
            origin, f"the text is too short: {stripped} characters, at least {config.min_chars} needed"
        )
    if len(text) > config.max_chars:
        raise InputError(
            origin,
            f"the text has {len(text):,} characters, over the limit of {config.max_chars:,} (max_chars)",
        )
    check_text_not_binary(text, origin)


def article_from_text(
    text: str,
    *,
    origin: str,
    url: str | None = None,
    source: str | None = None,
    published: dt.date | dt.datetime | None = None,
    title: str | None = None,
    config: Config,
    normalize: bool = True,
) -> Article:
    """Check ``text`` and build its ``Article``; raise ``InputError`` / ``UnsupportedLanguageError``.

    With ``normalize`` (files), ``Article.text`` is the normalised text (see ``normalize_text``);
    without it (JSONL/JSON records), ``Article.text`` is ``text`` exactly as given. Either way
    ``content_hash`` is the SHA-256 of the normalised text and ``id`` its first 16 hex characters,
    so a record and a file with the same content get the same id.
    """
    body = normalize_text(text) if normalize else text
    check_text(body, origin, config)
    language = check_language(body, origin=origin, config=config)
    digest = content_hash(text)
    return Article(
        id=digest[:ID_LENGTH],
        text=body,
        content_hash=digest,
        url=url,
        source=source,
        published=published,
        title=title,
        language=language,
        origin=origin,
    )


def read_text_file(
    path: Path, *, origin: str, config: Config, published: dt.date | dt.datetime | None = None
) -> Article:
    """Read a plain-text (or Markdown) file as one article: UTF-8, a byte order mark dropped."""
    max_bytes = MAX_UTF8_BYTES_PER_CHAR * config.max_chars + len("\ufeff".encode())
    data = read_file_bytes(
        path, origin, max_bytes, f"for the limit of {config.max_chars:,} characters (max_chars)"
    )
    text = decode_bytes(data, origin)
    return article_from_text(text, origin=origin, published=published, config=config)
