"""Find time-expression candidates in article text that the spaCy model may miss.

Each pattern has a group ``t``: the characters of the expression without a leading preposition.
Matching is case-insensitive (wire text is upper case), but month and weekday names must be
capitalised (so "may" and "march" as verbs are not months).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from claimledger.dates.lexicon import (
    DAY_RE,
    MONTH_ABBR_ALT,
    MONTH_ALT,
    MONTH_RE,
    NUMBER_ALT,
    PART_OF_DAY_RE,
    WEEKDAY_FULL_ALT,
    YEAR4_RE,
)

_WD = rf"(?:{WEEKDAY_FULL_ALT})"
_YEAR_TAIL = rf"(?:,?\s+(?:{YEAR4_RE}|'\d\d)\b)"
_DM = rf"(?:the\s+)?{DAY_RE}(?:\s+of)?\s+{MONTH_RE}{_YEAR_TAIL}?"
_DM_WIRE = rf"{DAY_RE}\s+(?:{MONTH_ABBR_ALT})\b\.?\s+\d\d\b(?!\s*(?:%|percent|per\s+cent))"
_MD = rf"{MONTH_RE}\s+{DAY_RE}\b{_YEAR_TAIL}?"
_MY = rf"{MONTH_RE},?\s+(?:of\s+)?{YEAR4_RE}\b"
_DATE = rf"(?:{_WD},?\s+)?(?:{_DM_WIRE}|{_DM}|{_MD})"
_POINT = rf"(?:{_DATE}|{_MY}|{_WD}|{MONTH_RE}|{YEAR4_RE}\b)"
_COUNT = rf"(?:\d+|{NUMBER_ALT}|an?|(?:a\s+)?couple\s+of|(?:a\s+)?few|several)"
_DECADE = r"(?:1[89]|20)\d0'?s"
_PREP = r"(?:in|during|since|until|till|by|of|from|through|throughout|before|after|for)"

_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        # ranges
        rf"\b(?P<t>(?:between|from)\s+{_POINT}\s+(?:and|to|until|till|through|-|–)\s+{_POINT})",
        rf"\b(?P<t>{DAY_RE}\s*(?:-|–|to|and)\s*{_DM})",
        rf"\b(?P<t>{MONTH_RE}\s+{DAY_RE}\s*(?:-|–|to|and)\s*{DAY_RE}\b{_YEAR_TAIL}?)",
        rf"\b(?P<t>{_DATE}\s*(?:-|–|to|until|till|through)\s*{_DATE})",
        # calendar dates
        rf"\b(?P<t>{_DATE})",
        r"\b(?P<t>\d{4}-\d\d-\d\d)\b",
        rf"\b(?P<t>{_MY})",
        rf"\b(?P<t>(?:early|mid|late)[-\s]+(?:{MONTH_RE}{_YEAR_TAIL}?|{YEAR4_RE}\b(?!'?s\b)))",
        rf"\b(?P<t>(?:early|mid|late)[-\s]+(?:the\s+)?(?:{_DECADE}|(?:this|last|next)\s+(?:week|month|year)))\b",
        rf"\b(?P<t>(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+(?:{MONTH_RE}{_YEAR_TAIL}?|{YEAR4_RE}\b"
        r"|(?:last|this|next)\s+(?:week|month|year)))",
        rf"\b{_PREP}\s+(?P<t>{MONTH_RE})(?!\s*\d)",
        rf"\b{_PREP}\s+(?:the\s+year\s+)?(?P<t>{YEAR4_RE})\b(?!\s*(?:%|percent|per\s+cent))",
        rf"\b(?P<t>(?:the\s+)?{_DECADE})\b",
        rf"\b(?P<t>(?:last|this|next)\s+(?:spring|summer|autumn|winter)|(?:spring|summer|autumn|winter)\s+(?:of\s+)?"
        rf"{YEAR4_RE})\b",
        # weekdays and relative expressions
        rf"\b(?P<t>(?:(?:last|this|next|this\s+past|this\s+coming)\s+)?{_WD}(?:\s+{PART_OF_DAY_RE})?"
        r"(?:,?\s+(?:of\s+)?(?:last|this|next)\s+week)?)\b",
        rf"\b(?P<t>(?:last|this|next)\s+{MONTH_RE})",
        rf"\b(?P<t>(?:(?:early|late)\s+)?(?:yesterday|today|tonight|tomorrow)(?:\s+{PART_OF_DAY_RE})?"
        r"|(?:earlier|later)\s+today|the\s+day\s+(?:before|after)\s+(?:yesterday|tomorrow)"
        r"|(?:late\s+)?last\s+(?:night|evening)|overnight|this\s+(?:morning|afternoon|evening))\b",
        r"\b(?P<t>(?:(?:earlier|later)\s+)?(?:this|last|next|coming)\s+(?:week|month|year|weekend)"
        r"|(?:the\s+)?weekend)\b",
        rf"\b(?P<t>(?:the\s+)?(?:past|last|previous|recent|coming|next)\s+(?:{_COUNT}\s+)?"
        r"(?:hours|days|weeks|months|years)|the\s+(?:past|last|previous|coming|next)\s+(?:week|month|year))\b",
        rf"\b(?P<t>(?:{_COUNT}\s+)?(?:hours?|days?|weeks?|months?|years?)\s+ago)\b",
        rf"\b(?P<t>(?:the\s+)?(?:previous|next|following|same|preceding)\s+(?:day|night|morning|afternoon|evening)"
        r"|the\s+(?:day|night)\s+(?:before|after)(?!\s+(?:yesterday|tomorrow|the|a|an|his|her|their|its)\b)"
        rf"|(?:a|one|{_COUNT})\s+days?\s+(?:earlier|later)"
        r"|that\s+(?:same\s+)?(?:day|night|morning|afternoon|evening))\b",
    )
)

# Wire text ("18 APRIL 89", "JUNE 11 89"): a two-digit year after a full month name, upper case only.
_WIRE = re.compile(
    rf"\b(?P<t>(?:{DAY_RE}\s+{MONTH_RE}|{MONTH_RE}\s+{DAY_RE})\s+\d\d)\b(?!\s*(?:%|PERCENT|PER\s+CENT))"
)

_NAMES = re.compile(rf"\b(?:{MONTH_ALT}|{WEEKDAY_FULL_ALT})\b", re.IGNORECASE)


def _names_capitalised(text: str) -> bool:
    return all(m.group(0)[0].isupper() for m in _NAMES.finditer(text))


# The present: "now", "currently", "at present"; not "until now", "from now on", "now that", "by now".
_NOW = re.compile(r"\b(?P<t>(?:right\s+)?now|currently|at\s+present)\b(?!\s+(?:that|on)\b)", re.IGNORECASE)
_NOT_BEFORE_NOW = re.compile(r"\b(?:until|till|up\s+to|by|from|since|for|than|just)\s+$", re.IGNORECASE)


def scan(text: str) -> Iterator[tuple[int, int]]:
    """Character spans ``[start, end)`` of candidate time expressions (overlapping; unordered)."""
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.span("t")
            if end > start and _names_capitalised(m.group("t")):
                yield start, end
    for m in _WIRE.finditer(text):
        if m.group("t").isupper():
            yield m.span("t")
    for m in _NOW.finditer(text):
        if not _NOT_BEFORE_NOW.search(text[max(0, m.start() - 12) : m.start()]):
            yield m.span("t")
