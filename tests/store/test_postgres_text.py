"""The PostgreSQL store's NUL-safe text encoding."""

from __future__ import annotations

import pytest

from claimledger.store.postgres_text import decode_text, encode_text

CASES = [
    ("plain text", "plain text"),
    ("", ""),
    ("a\x00b", "a\uffff0b"),
    ("\uffff", "\uffff\uffff"),
    ("\uffff0", "\uffff\uffff0"),
    ("\x00\x00\uffff\x00", "\uffff0\uffff0\uffff\uffff\uffff0"),
]


@pytest.mark.parametrize(("text", "encoded"), CASES)
def test_encode_then_decode_round_trips(text: str, encoded: str) -> None:
    assert encode_text(text) == encoded
    assert "\x00" not in encoded
    assert decode_text(encoded) == text


@pytest.mark.parametrize("text", ["x\x00", "\x00x", "a\uffffb"])
def test_encoding_keeps_distinct_texts_distinct(text: str) -> None:
    others = {encode_text(t) for t in ("x", "x0", "\uffff0", "ab", "a\x00b", text)}
    assert len(others) == 6
