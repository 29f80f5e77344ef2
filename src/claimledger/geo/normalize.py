"""Name keys for gazetteer matching: ASCII folding, case and punctuation normalisation.

``name_key`` is the exact-match key: "Mazār-e Sharīf" and "mazar e sharif" share it.
``variant_key`` is a looser key for romanisation variants of one name (vowel and doubled-letter
spellings such as "Panjsher"/"Panjshir", "Nimroz"/"Nimruz", "Khowst"/"Khost", "Vardak"/"Wardak");
the gazetteer consults it only when the exact key finds nothing.
"""

from __future__ import annotations

import re
import unicodedata

# Letters NFKD does not decompose into an ASCII base letter.
_SPECIAL = str.maketrans(
    {
        "ł": "l",
        "Ł": "L",
        "ø": "o",
        "Ø": "O",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
        "ß": "ss",
        "đ": "d",
        "Đ": "D",
        "ð": "d",
        "Ð": "D",
        "þ": "th",
        "Þ": "TH",
        "ı": "i",
        "ħ": "h",
        "Ħ": "H",
        "ŧ": "t",
        "ŋ": "n",
    }
)
# Apostrophe-like marks vanish ("Ra's" -> "ras", "N'Djamena" -> "ndjamena"); other punctuation splits
# words. One translation table lower-cases ASCII and does both.
_APOSTROPHES = "'\u2018\u2019\u02bc\u02bb\u02be\u02bf`\u00b4"
_ASCII_KEY = str.maketrans(
    {
        **{chr(c): " " for c in range(128) if not chr(c).isalnum()},
        **{chr(c): chr(c).lower() for c in range(ord("A"), ord("Z") + 1)},
        **{a: None for a in _APOSTROPHES},
    }
)
_LEADING_THE = "the "

# Variant key rewrites, applied in order to a key with spaces removed (after dropping a leading
# Arabic article: "Al Hudaydah" ~ "Hudaydah").
_ARTICLES = frozenset({"al", "el", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az"})
_VARIANT_SUBS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?<=[aeiou])h$"), ""),  # Raqqah -> Raqqa
    (re.compile(r"ow(?![aeiou])"), "o"),  # Khowst -> Khost, Ghowr -> Ghor
    (re.compile(r"ou"), "u"),
    (re.compile(r"w"), "v"),
    (re.compile(r"q"), "k"),
    (re.compile(r"[eiy]"), "i"),
    (re.compile(r"o"), "u"),
    (re.compile(r"(.)\1+"), r"\1"),
)
MIN_VARIANT_LEN = 5


def ascii_fold(text: str) -> str:
    """``text`` with diacritics removed and Latin letters spelled in ASCII; other letters dropped."""
    if text.isascii():
        return text
    text = text.translate(_SPECIAL)
    for a in _APOSTROPHES:
        text = text.replace(a, "")
    return "".join(
        c if c.isascii() else "" if unicodedata.combining(c) or c.isalpha() else " "
        for c in unicodedata.normalize("NFKD", text)
    )


def name_key(text: str) -> str:
    """Exact-match key: ASCII-folded, lower-cased, punctuation to single spaces, leading "the" dropped."""
    key = " ".join(ascii_fold(text).translate(_ASCII_KEY).split())
    if key.startswith(_LEADING_THE):
        key = key[len(_LEADING_THE) :]
    return key


def variant_key(key: str, min_len: int = MIN_VARIANT_LEN) -> str:
    """Loose key of a ``name_key`` result for romanisation variants; "" when shorter than ``min_len``
    (short loose keys find false friends)."""
    words = key.split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    v = "".join(words)
    for pattern, repl in _VARIANT_SUBS:
        v = pattern.sub(repl, v)
    return v if len(v) >= min_len else ""


def is_latin_script(text: str) -> bool:
    """True when every letter of ``text`` is a Latin letter (ASCII or accented)."""
    return all(c.isascii() or not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text)
