"""Text adapters of the PostgreSQL store: NUL-safe ``str`` in and out.

PostgreSQL text cannot hold U+0000, which untrusted article text (and so ids, titles, names) may contain.
Every string sent is encoded — U+FFFF becomes U+FFFF U+FFFF and U+0000 becomes U+FFFF ``0`` — and every
text value read is decoded, so values round-trip exactly and equal strings stay equal. Substring search
(LIKE) over encoded text is exact unless the text itself contains U+FFFF (a Unicode noncharacter).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from psycopg.types.string import StrDumperUnknown, TextLoader

if TYPE_CHECKING:
    import psycopg
    from psycopg.adapt import Buffer

_ESC = "\uffff"
_ESCAPED = re.compile("\uffff(.)", re.DOTALL)


def encode_text(text: str) -> str:
    if "\x00" not in text and _ESC not in text:
        return text
    return text.replace(_ESC, _ESC + _ESC).replace("\x00", _ESC + "0")


def decode_text(text: str) -> str:
    if _ESC not in text:
        return text
    return _ESCAPED.sub(lambda m: "\x00" if m.group(1) == "0" else m.group(1), text)


class NulSafeStrDumper(StrDumperUnknown):
    """Python ``str`` → text parameter (unknown oid, as psycopg's default), encoded."""

    def dump(self, obj: str) -> Buffer | None:
        return super().dump(encode_text(obj))


class NulSafeTextLoader(TextLoader):
    """text column → Python ``str``, decoded."""

    def load(self, data: Buffer) -> bytes | str:
        value = super().load(data)
        return decode_text(value) if isinstance(value, str) else value


def register_text_adapters(conn: psycopg.Connection[Any]) -> None:
    """Use the NUL-safe adapters for every ``str`` parameter and text result on ``conn``."""
    conn.adapters.register_dumper(str, NulSafeStrDumper)
    conn.adapters.register_loader("text", NulSafeTextLoader)
