"""Reading input files as bytes and decoding them, with clear errors for bad input."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from claimledger.errors import InputError

# Bytes per character in the worst case of UTF-8: a file larger than this many bytes per allowed
# character cannot be within ``max_chars`` and is rejected from its size alone, without reading it.
MAX_UTF8_BYTES_PER_CHAR = 4

# Characters examined for the share of control characters, and the share that marks binary data.
_CONTROL_SAMPLE = 65_536
_MAX_CONTROL_SHARE = 0.10
# C0 controls other than tab, newline, vertical tab, form feed and carriage return; and DEL.
_CONTROL_CHARS = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\v\f\r") + "\x7f"
_DELETE_CONTROLS = str.maketrans("", "", _CONTROL_CHARS)
_CONTROL_BYTES = _CONTROL_CHARS.encode("ascii")


def read_file_bytes(path: Path, origin: str, max_bytes: int, limit_reason: str) -> bytes:
    """Read a regular file whole, refusing one over ``max_bytes`` from its size before reading it.

    ``limit_reason`` completes the message for a file that is too large, e.g. "for the limit of
    1,000,000 characters (max_chars)".
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(origin, "no such file or directory") from None
    except OSError as exc:
        raise InputError(origin, f"cannot read the file: {exc.strerror or exc}") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(origin, "is a directory, expected a file")
    if not stat.S_ISREG(info.st_mode):
        raise InputError(origin, "is not a regular file")
    if info.st_size > max_bytes:
        raise InputError(origin, f"the file has {info.st_size:,} bytes, too large {limit_reason}")
    try:
        with open(path, "rb") as handle:
            # Read no more than the file holds (a large ``read`` size allocates its buffer up front).
            data = handle.read(min(info.st_size, max_bytes) + 1)
            if len(data) > info.st_size:  # the file grew since ``stat`` (or reports no size)
                data += handle.read(max_bytes + 1 - len(data))
    except IsADirectoryError:
        raise InputError(origin, "is a directory, expected a file") from None
    except OSError as exc:
        raise InputError(origin, f"cannot read the file: {exc.strerror or exc}") from None
    if len(data) > max_bytes:
        raise InputError(origin, f"the file has more than {max_bytes:,} bytes, too large {limit_reason}")
    if not data:
        raise InputError(origin, "the file is empty (0 bytes)")
    return data


def decode_bytes(data: bytes, origin: str) -> str:
    """Decode UTF-8 (a byte order mark is dropped; UTF-16 with a byte order mark is accepted).

    Binary data (NUL bytes, many control characters) and invalid UTF-8 raise ``InputError``;
    invalid UTF-8 is reported with the byte offset (and line) of the first bad byte.
    """
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(
                origin, f"starts with a UTF-16 byte order mark but is not valid UTF-16 at byte {exc.start}"
            ) from None
    check_bytes_not_binary(data, origin)
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        position = exc.start + skip
        line = data.count(b"\n", 0, position) + 1
        raise InputError(
            origin,
            f"not valid UTF-8: byte 0x{data[position]:02x} at byte offset {position} (line {line}); "
            "save the file as UTF-8",
        ) from None


def check_bytes_not_binary(data: bytes, origin: str) -> None:
    """Raise ``InputError`` for bytes that look binary: NUL bytes or many control characters."""
    if b"\x00" in data:
        raise InputError(origin, "looks like a binary file: it contains NUL bytes")
    sample = data[:_CONTROL_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
        raise InputError(
            origin,
            f"looks like a binary file: {controls / len(sample):.0%} of its bytes are control characters",
        )


def check_text_not_binary(text: str, origin: str) -> None:
    """Raise ``InputError`` for text that looks like binary data (NUL or many control characters)."""
    if "\x00" in text:
        raise InputError(origin, "looks like binary data: the text contains NUL characters")
    sample = text[:_CONTROL_SAMPLE]
    controls = len(sample) - len(sample.translate(_DELETE_CONTROLS))
    if sample and controls / len(sample) > _MAX_CONTROL_SHARE:
        raise InputError(
            origin,
            f"looks like binary data: {controls / len(sample):.0%} of the text is control characters",
        )
