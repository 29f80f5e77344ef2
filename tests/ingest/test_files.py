from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest

from claimledger.errors import InputError
from claimledger.ingest import files
from claimledger.ingest.files import (
    check_bytes_not_binary,
    check_text_not_binary,
    decode_bytes,
    read_file_bytes,
)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"plain", "plain"),
        (codecs.BOM_UTF8 + "café".encode(), "café"),
        ("Kaboul à l'aube".encode("utf-16"), "Kaboul à l'aube"),  # with its byte order mark
        (b"a\r\nb", "a\r\nb"),  # decoding leaves line endings alone
    ],
    ids=["ascii", "utf8_bom", "utf16_bom", "crlf"],
)
def test_decode_bytes(data: bytes, expected: str) -> None:
    assert decode_bytes(data, "a.txt") == expected


@pytest.mark.parametrize(
    ("data", "offset", "line"),
    [
        (b"abc\xffdef", 3, 1),
        (b"line one\nline two \xe9t\xe9\n", 18, 2),
        (codecs.BOM_UTF8 + b"ok\n\x80", 6, 2),  # the offset counts the byte order mark
    ],
)
def test_invalid_utf8_names_the_byte_offset(data: bytes, offset: int, line: int) -> None:
    with pytest.raises(InputError) as info:
        decode_bytes(data, "bad.txt")
    assert info.value.origin == "bad.txt"
    assert (
        f"not valid UTF-8: byte 0x{data[offset]:02x} at byte offset {offset} (line {line})"
        in info.value.reason
    )


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "contains NUL bytes"),
        (bytes(range(1, 9)) * 20 + b"some text", "control characters"),
    ],
)
def test_binary_bytes_are_rejected(data: bytes, fragment: str) -> None:
    with pytest.raises(InputError, match="looks like a binary file") as info:
        check_bytes_not_binary(data, "image.txt")
    assert fragment in info.value.reason


def test_binary_detected_before_invalid_utf8() -> None:
    with pytest.raises(InputError, match="binary file: it contains NUL bytes"):
        decode_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "photo.txt")


@pytest.mark.parametrize(
    ("text", "binary"),
    [
        ("ordinary text\twith tabs\nand lines\f", False),
        ("one escape \x1b[0m in a long enough line of ordinary text", False),
        ("nul \x00 inside", True),
        ("\x01\x02\x03\x04 ab", True),
    ],
)
def test_check_text_not_binary(text: str, binary: bool) -> None:
    if binary:
        with pytest.raises(InputError, match="looks like binary data"):
            check_text_not_binary(text, "r.jsonl:1")
    else:
        check_text_not_binary(text, "r.jsonl:1")


def test_read_file_bytes_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"hello")
    assert read_file_bytes(path, "a.txt", 100, "") == b"hello"


def test_large_file_is_rejected_from_its_size_without_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.txt"
    with open(path, "wb") as handle:
        handle.truncate(20_000_000)

    def no_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file must not be opened")

    monkeypatch.setattr(files, "open", no_open, raising=False)
    with pytest.raises(InputError) as info:
        read_file_bytes(path, "big.txt", 4_000_003, "for the limit of 1,000,000 characters (max_chars)")
    assert info.value.reason == (
        "the file has 20,000,000 bytes, too large for the limit of 1,000,000 characters (max_chars)"
    )


@pytest.mark.parametrize(
    ("kind", "fragment"),
    [
        ("empty", "the file is empty (0 bytes)"),
        ("directory", "is a directory, expected a file"),
        ("missing", "no such file or directory"),
        ("fifo", "is not a regular file"),
    ],
)
def test_unreadable_inputs(tmp_path: Path, kind: str, fragment: str) -> None:
    path = tmp_path / f"{kind}.txt"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "directory":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    with pytest.raises(InputError) as info:
        read_file_bytes(path, str(path), 100, "")
    assert info.value.origin == str(path)
    assert info.value.reason == fragment


def test_permission_denied_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_bytes(b"text")

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(files, "open", denied, raising=False)  # tests may run as root
    with pytest.raises(InputError) as info:
        read_file_bytes(path, "secret.txt", 100, "")
    assert info.value.reason == "cannot read the file: Permission denied"
