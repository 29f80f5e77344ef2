"""Time expressions of plain text, without a parse: for callers with no spaCy model, and fast.

``extract_times_text(text, published)`` uses the same patterns (``claimledger.dates.scan``) and the same
normalisation as ``claimledger.dates.extract.extract_times``; what the parse gives there is approximated:

- candidates are our patterns' matches only (no DATE/TIME entities of the model, so no names are excluded:
  "The Sunday Times" gives a Sunday);
- a clause's tense is *future* when a future marker ("will", "is to", "expected to", "scheduled") comes
  shortly before the expression in its sentence, else *unknown* (a weekday or a date without a year is then
  the nearest one: see ``claimledger.dates.calendar.choose``);
- "the next day" is placed after the latest earlier one-day time of its sentence or the two before it.

The pipeline uses ``extract_times`` (it parses anyway, and the parse gives tense and names).
"""

from __future__ import annotations

import datetime as dt
import re

from claimledger.dates.calendar import DAY, Tense, as_date
from claimledger.dates.normalise import Context, Normalised, anchor_offsets, clean, resolve
from claimledger.dates.scan import scan
from claimledger.types import Granularity, Span, TimeExpr

COMPONENT = "dates.text"
_PROBE = dt.date(2000, 6, 15)
_MAX_ANCHOR_SENTENCES = 2
_SENTENCE_END = re.compile(r"[.!?][\"'’”)\]]*\s+|\n\s*\n")
_FUTURE = re.compile(
    r"\b(?:will|shall|won't|wo\s+not|'ll|(?:is|are|am)\s+(?:to|going\s+to|expected\s+to|due\s+to|scheduled)"
    r"|expected\s+to|scheduled|planned|plans?\s+to|to\s+be\s+held)\b",
    re.IGNORECASE,
)
_BEFORE_WORDS = 8
# A wire clock time ("AT 2030") is no year; a month name alone after an article ("the march") is a noun.
_CLOCK = re.compile(r"^(?:[01]\d|2[0-3])[0-5]\d$")
_CLOCK_BEFORE = re.compile(r"\b(?:at|approximately)\s+$", re.IGNORECASE)
_NOUN_MONTH = re.compile(r"^(?:march|may)$", re.IGNORECASE)
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|this|that|their|his|her|its|our)\s+$", re.IGNORECASE)


def extract_times_text(text: str, published: dt.date | None, id_prefix: str = "") -> tuple[TimeExpr, ...]:
    """The time expressions of ``text`` resolved against ``published``, in text order.

    Ids are ``f"{id_prefix}t{n}"`` (n from 1); ``anchor`` is "published" or the id of the earlier time a
    "the next day" (or, with no publication date, a date without a year) was placed relative to.
    """
    pub = as_date(published)
    sentence_starts = [0, *(m.end() for m in _SENTENCE_END.finditer(text))]
    times: list[TimeExpr] = []
    for start, end in _select(text, pub):
        expr = text[start:end]
        sentence = _sentence(sentence_starts, start)
        tense = _tense(text, sentence_starts[sentence], start)
        got = _resolve(expr, sentence, sentence_starts, times, pub, tense)
        if got is None:
            continue
        norm, anchor = got
        times.append(
            TimeExpr(
                id=f"{id_prefix}t{len(times) + 1}",
                text=expr,
                span=Span(start, end),
                start=norm.start,
                end=norm.end,
                granularity=norm.granularity,
                anchor=anchor,
                component=COMPONENT,
            )
        )
    return tuple(times)


def _select(text: str, pub: dt.date | None) -> list[tuple[int, int]]:
    """Non-overlapping candidates that are times, the longest first; returned in text order."""
    probe = Context(pub or _PROBE, pub or _PROBE, "unknown")
    candidates = sorted({_trim(text, s, e) for s, e in scan(text)}, key=lambda c: (c[0] - c[1], c[0]))
    chosen: list[tuple[int, int]] = []
    for start, end in candidates:
        if end <= start or any(start < e and s < end for s, e in chosen) or _not_a_time(text, start, end):
            continue
        if resolve(text[start:end], probe) is not None:
            chosen.append((start, end))
    return sorted(chosen)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in ' \t\n,;:("':
        start += 1
    while end > start and text[end - 1] in ' \t\n,;:)"':
        end -= 1
    return start, end


def _not_a_time(text: str, start: int, end: int) -> bool:
    expr, before = text[start:end], text[max(0, start - 16) : start]
    if _CLOCK.match(expr) and _CLOCK_BEFORE.search(before):
        return True
    following = text[end : end + 3].strip()
    return bool(_NOUN_MONTH.match(expr) and _ARTICLE_BEFORE.search(before) and not following[:1].isdigit())


def _sentence(starts: list[int], char: int) -> int:
    """Index of the sentence holding character ``char``."""
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= char:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _tense(text: str, sentence_start: int, start: int) -> Tense:
    before = text[sentence_start:start].split()[-_BEFORE_WORDS:]
    return "future" if _FUTURE.search(" ".join(before)) else "unknown"


def _resolve(
    expr: str,
    sentence: int,
    sentence_starts: list[int],
    earlier: list[TimeExpr],
    pub: dt.date | None,
    tense: Tense,
) -> tuple[Normalised, str] | None:
    offsets = anchor_offsets(clean(expr))
    if offsets is not None:
        for t in reversed(earlier):
            if sentence - _sentence(sentence_starts, t.span.start) > _MAX_ANCHOR_SENTENCES:
                break
            if t.granularity == "day":
                lo, hi = offsets
                gran: Granularity = "day" if lo == hi else "range"
                return Normalised(t.start + lo * DAY, t.start + hi * DAY, gran), t.id
    norm = resolve(expr, Context(pub, pub, tense))
    if norm is not None:
        return norm, "published"
    if pub is None and earlier:
        prev = earlier[-1]
        norm = resolve(expr, Context(None, prev.start, tense))
        if norm is not None:
            return norm, prev.id
    return None
