"""Records ``{text, url, source, published, title}``: JSONL files (one per line) and JSON files.

A record's ``text`` is kept exactly as given (its spans index it). A record's own ``published``
wins over the ``published`` passed in (the CLI's ``--published``). A bad record gives an error
result for that record and the others go on. JSONL files are read line by line.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from claimledger.config import Config
from claimledger.errors import InputError
from claimledger.ingest.dates import parse_published
from claimledger.ingest.files import decode_bytes, read_file_bytes
from claimledger.ingest.result import IngestResult
from claimledger.ingest.text import article_from_text
from claimledger.types import Article

# JSON escapes can take up to 6 bytes per character ("\u00e9"); metadata fields need some room too.
JSON_BYTES_PER_CHAR = 6
_METADATA_BYTES = 65_536
_CHUNK = 1 << 20
# A JSON file is decoded whole; JSONL is the format for larger collections (it is streamed).
MAX_JSON_FILE_BYTES = 256 << 20
_OPTIONAL_FIELDS = ("url", "source", "title")


def max_record_bytes(config: Config) -> int:
    return JSON_BYTES_PER_CHAR * config.max_chars + _METADATA_BYTES


def _type_name(value: object) -> str:
    if value is None:
        return "null"
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}.get(
        type(value), "a number"
    )


def article_from_record(
    record: object,
    *,
    origin: str,
    config: Config,
    published: dt.date | dt.datetime | None = None,
) -> Article:
    """Build the ``Article`` of one decoded record; raise ``InputError`` for a bad one."""
    if not isinstance(record, dict):
        raise InputError(origin, f"the record is {_type_name(record)}, expected a JSON object")
    if "text" not in record:
        raise InputError(origin, "the record has no 'text' field")
    text = record["text"]
    if not isinstance(text, str):
        raise InputError(origin, f"the record's 'text' is {_type_name(text)}, expected a string")
    fields: dict[str, str | None] = {}
    for name in _OPTIONAL_FIELDS:
        value: Any = record.get(name)
        if value is not None and not isinstance(value, str):
            raise InputError(
                origin, f"the record's {name!r} is {_type_name(value)}, expected a string or null"
            )
        fields[name] = value
    own_date = parse_published(record.get("published"), origin)
    return article_from_text(
        text,
        origin=origin,
        url=fields["url"],
        source=fields["source"],
        published=own_date if own_date is not None else published,
        title=fields["title"],
        config=config,
        normalize=False,
    )


def _result(
    record: object, origin: str, config: Config, published: dt.date | dt.datetime | None
) -> IngestResult:
    try:
        article = article_from_record(record, origin=origin, config=config, published=published)
    except InputError as exc:
        return IngestResult(article=None, error=exc, origin=origin)
    return IngestResult(article=article, error=None, origin=origin)


def _error(origin: str, reason: str) -> IngestResult:
    return IngestResult(article=None, error=InputError(origin, reason), origin=origin)


def _skip_rest_of_line(handle: IO[bytes]) -> int:
    skipped = 0
    while True:
        chunk = handle.readline(_CHUNK)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _decode_line(raw: bytes, origin: str, offset: int) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            origin,
            f"not valid UTF-8: byte 0x{raw[exc.start]:02x} at byte offset {offset + exc.start} of the file; "
            "save the file as UTF-8",
        ) from None


def iter_jsonl(
    path: Path, *, origin: str, config: Config, published: dt.date | dt.datetime | None = None
) -> Iterator[IngestResult]:
    """One result per non-blank line of a JSONL file, with origin ``path:LINE`` (1-based)."""
    limit = max_record_bytes(config)
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below; errors of open are reported
    except IsADirectoryError:
        yield _error(origin, "is a directory, expected a file")
        return
    except OSError as exc:
        yield _error(origin, f"cannot read the file: {exc.strerror or exc}")
        return
    with handle:
        offset = 0
        line_number = 0
        any_line = False
        while True:
            try:
                raw = handle.readline(limit + 1)
            except OSError as exc:
                yield _error(origin, f"cannot read the file after byte {offset}: {exc.strerror or exc}")
                return
            if not raw:
                break
            line_number += 1
            line_origin = f"{origin}:{line_number}"
            start = offset
            offset += len(raw)
            if len(raw) > limit and not raw.endswith(b"\n"):
                offset += _skip_rest_of_line(handle)
                yield _error(
                    line_origin,
                    f"the line has more than {limit:,} bytes, too large for the limit of "
                    f"{config.max_chars:,} characters (max_chars)",
                )
                continue
            if line_number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
                start += len(codecs.BOM_UTF8)
            try:
                line = _decode_line(raw, line_origin, start)
            except InputError as exc:
                yield IngestResult(article=None, error=exc, origin=line_origin)
                continue
            if not line.strip():
                continue
            any_line = True
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield _error(line_origin, f"invalid JSON: {exc.msg} (column {exc.colno})")
                continue
            yield _result(record, line_origin, config, published)
        if not any_line:
            yield _error(origin, "the file is empty (no JSON records)")


def iter_json(
    path: Path, *, origin: str, config: Config, published: dt.date | dt.datetime | None = None
) -> Iterator[IngestResult]:
    """A JSON file holding one record (origin ``path``) or a list of records (``path[INDEX]``).

    A ``.json`` file that is really JSONL (one record per line) is read as JSONL.
    """
    try:
        data = read_file_bytes(
            path,
            origin,
            MAX_JSON_FILE_BYTES,
            "for a JSON file (it is read whole; use JSONL, one record a line)",
        )
        content = decode_bytes(data, origin)
    except InputError as exc:
        yield IngestResult(article=None, error=exc, origin=origin)
        return
    try:
        document = json.loads(content)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            yield from iter_jsonl(path, origin=origin, config=config, published=published)
            return
        yield _error(origin, f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})")
        return
    if isinstance(document, list):
        if not document:
            yield _error(origin, "the file holds an empty list (no JSON records)")
        for index, record in enumerate(document):
            yield _result(record, f"{origin}[{index}]", config, published)
    elif isinstance(document, dict):
        yield _result(document, origin, config, published)
    else:
        yield _error(origin, f"the file holds {_type_name(document)}, expected a record object or a list")
