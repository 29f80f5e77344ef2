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
# Apostrophe-like marks vanish ("Ra's" -> "ras", "N'Djamena" -> "ndjamena"); other punctuation splits words.
_APOSTROPHES = re.compile(r"['\u2018\u2019\u02bc\u02bb\u02be\u02bf`\u00b4]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_LEADING_THE = "the "

# Variant key rewrites, applied in order to a key with spaces removed.
_VARIANT_SUBS: tuple[tuple[re.Pattern[str], str], ...] = (
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
    """``text`` with diacritics removed and special Latin letters spelled in ASCII."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def name_key(text: str) -> str:
    """Exact-match key: ASCII-folded, lower-cased, punctuation to single spaces, leading "the" dropped."""
    folded = _APOSTROPHES.sub("", ascii_fold(text)).lower()
    key = _NON_ALNUM.sub(" ", folded).strip()
    if key.startswith(_LEADING_THE):
        key = key[len(_LEADING_THE) :]
    return key


def variant_key(key: str) -> str:
    """Loose key of a ``name_key`` result for romanisation variants; "" when too short to be safe."""
    v = key.replace(" ", "")
    for pattern, repl in _VARIANT_SUBS:
        v = pattern.sub(repl, v)
    return v if len(v) >= MIN_VARIANT_LEN else ""


def is_latin_script(text: str) -> bool:
    """True when every letter of ``text`` is a Latin letter (ASCII or accented)."""
    for c in text:
        if c.isalpha() and not c.isascii() and "LATIN" not in unicodedata.name(c, ""):
            return False
    return True
