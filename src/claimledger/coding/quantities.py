"""Figures of people killed, injured or arrested, as ACLED codes them.

- Numerals ("12", "1,200") and number words ("twelve", "twenty-five", "two hundred", "a dozen");
- the lowest figure of a range or of alternatives ("between 10 and 15", "10 to 15", "10 or 12");
- "at least 12", "more than 12", "some 12" → 12;
- vague plurals by the table in ``data/quantities.tsv`` (ACLED: "several"/"many" → 10, "dozens" → 12,
  "hundreds" → 100), as a head ("dozens of people") or a modifier ("several civilians").
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from claimledger.errors import DataFileError
from claimledger.syntax import ParseView

UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
}
MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "dozen": 12}


@dataclass(frozen=True, slots=True)
class QuantityWords:
    """Vague plural words and the figure each is coded as."""

    vague: dict[str, int]


def load_quantities(path: Path | None = None) -> QuantityWords:
    if path is None:
        text = resources.files("claimledger.data").joinpath("quantities.tsv").read_text(encoding="utf-8")
        name = "claimledger/data/quantities.tsv"
    else:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise DataFileError(f"{path}: cannot read quantity words: {exc}") from exc
        name = str(path)
    vague: dict[str, int] = {}
    for lineno, row in enumerate(csv.reader(io.StringIO(text), delimiter="\t"), start=1):
        if not row or row[0].startswith("#"):
            continue
        if len(row) != 3 or not row[1].isdigit():
            raise DataFileError(f"{name}:{lineno}: expected word, a whole number, the rule's source")
        vague[row[0].lower()] = int(row[1])
    return QuantityWords(vague)


def number_value(word: str) -> int | None:
    """The value of one numeral token: "12", "1,200", "twelve", "twenty-five"; None if it is none."""
    w = word.lower().replace(",", "")
    if w.isdigit():
        return int(w)
    if w in UNITS:
        return UNITS[w]
    if w in MULTIPLIERS:
        return MULTIPLIERS[w]
    if "-" in w:
        parts = [UNITS.get(p) for p in w.split("-")]
        if all(p is not None for p in parts) and len(parts) == 2:
            return sum(p for p in parts if p is not None)
    return None


def _numeral(view: ParseView, k: int) -> int | None:
    """A numeral token with its multiplier structure ("two hundred", "a dozen", "1.5 million" → 1)."""
    value = number_value(view[k].text)
    if value is None:
        return None
    if view[k].lower in MULTIPLIERS:
        factors = [
            number_value(c.text)
            for c in view.children(k)
            if c.dep in ("nummod", "compound", "quantmod") and number_value(c.text) is not None
        ]
        if factors and factors[0] is not None:
            return factors[0] * MULTIPLIERS[view[k].lower]
    return value


def stated_count(view: ParseView, k: int, words: QuantityWords) -> int | None:
    """The lowest figure the noun phrase headed by token ``k`` states for its number, or None."""
    values: list[int] = []
    for c in view.children(k):
        if c.dep == "nummod" or (c.dep == "amod" and number_value(c.text) is not None):
            v = _numeral(view, c.i)
            if v is not None:
                values.append(v)
            # a range or alternatives: "between 10 and 15", "10 to 15", "10 or 12"
            for d in view.subtree(c.i):
                if d != c.i and view[d].dep in ("quantmod", "conj", "nummod", "pobj"):
                    w = _numeral(view, d)
                    if w is not None and view[d].lower not in MULTIPLIERS:
                        values.append(w)
    if values:
        return min(values)
    head = view[k]
    if head.lower in words.vague and head.tag in ("NNS", "NNPS"):
        return words.vague[head.lower]
    for c in view.children(k):
        if c.dep in ("amod", "det") and c.lower in words.vague and head.tag in ("NNS", "NNPS"):
            return words.vague[c.lower]
    return None
