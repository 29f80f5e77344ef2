"""HTML pages: the article body and metadata (title, date, url, site name) via trafilatura."""

from __future__ import annotations

import codecs
import datetime as dt
import logging
from pathlib import Path

from claimledger.config import Config
from claimledger.errors import InputError
from claimledger.ingest.dates import parse_published
from claimledger.ingest.files import check_bytes_not_binary, decode_bytes, read_file_bytes
from claimledger.ingest.text import article_from_text
from claimledger.types import Article

log = logging.getLogger(__name__)

# An HTML page is much larger than its text: allow this many bytes of HTML per allowed character.
HTML_BYTES_PER_CHAR = 20


def _decode_html(data: bytes, origin: str) -> str | bytes:
    """UTF-8 (or UTF-16 with a byte order mark) as text; other bytes go to trafilatura's detection."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode_bytes(data, origin)
    check_bytes_not_binary(data, origin)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data  # a legacy encoding, declared in the page or guessed by trafilatura


def article_from_html(
    data: bytes | str,
    *,
    origin: str,
    config: Config,
    published: dt.date | dt.datetime | None = None,
) -> Article:
    """Extract the article of an HTML page (no comments, no tables) and build its ``Article``.

    ``published`` (the CLI's ``--published``) wins over the date found in the page's metadata,
    which trafilatura guesses and which may be wrong.
    """
    import trafilatura
    from lxml.etree import LxmlError

    html = _decode_html(data, origin) if isinstance(data, bytes) else data
    try:
        tree = trafilatura.load_html(html)
        if tree is None:
            raise InputError(origin, "not a parseable HTML document")
        metadata = trafilatura.extract_metadata(tree)
        body = trafilatura.extract(tree, include_comments=False, include_tables=False)
    except (LxmlError, ValueError, TypeError) as exc:
        raise InputError(origin, f"the HTML could not be parsed: {exc}") from None
    if body is None or not body.strip():
        raise InputError(origin, "no article body could be extracted from the HTML")
    if published is None and metadata.date:
        try:
            published = parse_published(metadata.date, origin)
        except InputError as exc:
            log.debug("ignoring the page's date: %s", exc)
    return article_from_text(
        body,
        origin=origin,
        url=metadata.url or None,
        source=metadata.sitename or metadata.hostname or None,
        published=published,
        title=metadata.title or None,
        config=config,
    )


def read_html_file(
    path: Path, *, origin: str, config: Config, published: dt.date | dt.datetime | None = None
) -> Article:
    """Read an HTML file and extract its article."""
    max_bytes = HTML_BYTES_PER_CHAR * config.max_chars
    data = read_file_bytes(
        path, origin, max_bytes, f"for an HTML page ({HTML_BYTES_PER_CHAR} bytes per character of max_chars)"
    )
    return article_from_html(data, origin=origin, config=config, published=published)
