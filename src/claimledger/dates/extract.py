"""Time expressions of an article: candidates from the parse and our own patterns, resolved.

``extract_times`` returns ``TimeExpr`` records in text order and a map from token index to time id.
"""

from __future__ import annotations

import datetime as dt
import logging
import re

from claimledger.dates.calendar import DAY, Tense, as_date
from claimledger.dates.normalise import Context, Normalised, anchor_offsets, clean, resolve
from claimledger.dates.scan import scan
from claimledger.syntax import ParseView
from claimledger.types import Granularity, TimeExpr

log = logging.getLogger(__name__)

COMPONENT = "dates"
_TIME_LABELS = frozenset({"DATE", "TIME"})
# A candidate from our patterns inside one of these entities is a name ("the Sunday Times").
_NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
)
_FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "ll"})
_FUTURE_HEADS = frozenset(
    {"expect", "plan", "schedule", "due", "intend", "set", "aim", "prepare", "vow", "pledge"}
)
_SCHEDULING = frozenset({"plan", "schedule", "slate", "expect"})
_MODALS = frozenset({"would", "could", "might", "may", "should", "must", "can", "ca"})
_MAX_ANCHOR_SENTENCES = 2
_HHMM = re.compile(r"^(?:[01]\d|2[0-3])[0-5]\d$")
_CLOCK_BEFORE = frozenset({"at", "approximately"})
_CLOCK_AFTER = frozenset({"gmt", "utc", "hours", "hrs", "local"})
_NOUN_MONTHS = frozenset({"march", "may"})
_ORDINAL = re.compile(r"^(?:the\s+)?\d{1,2}(?:st|nd|rd|th)$", re.IGNORECASE)
# Any date will do to test whether a candidate is a time at all when there is no publication date.
_PROBE = dt.date(2000, 6, 15)


def extract_times(
    view: ParseView, published: dt.date | None, id_prefix: str
) -> tuple[tuple[TimeExpr, ...], dict[int, str]]:
    """The article's time expressions, resolved against ``published``.

    Ids are ``f"{id_prefix}t{n}"`` (n from 1, in text order). ``anchor`` is "published", or the id
    of an earlier time that a "the next day" or a date without a year (when there is no
    publication date) was placed relative to. The map gives every token of every expression.
    """
    pub = as_date(published)
    spans = _select(view, _candidates(view), pub)
    times: list[TimeExpr] = []
    token_map: dict[int, str] = {}
    for start, end in spans:
        text = view.span_text(start, end)
        tense = tense_of(view, start, end)
        got = _resolve_in_article(text, view, start, times, pub, tense)
        if got is None:
            log.debug("time %r at token %d not resolved (published %s)", text, start, pub)
            continue
        norm, anchor = got
        time_id = f"{id_prefix}t{len(times) + 1}"
        times.append(
            TimeExpr(
                id=time_id,
                text=text,
                span=view.char_span(start, end),
                start=norm.start,
                end=norm.end,
                granularity=norm.granularity,
                anchor=anchor,
                component=COMPONENT,
            )
        )
        for i in range(start, end):
            token_map[i] = time_id
    return tuple(times), token_map


# --------------------------------------------------------------------------- candidates


def _candidates(view: ParseView) -> list[tuple[int, int]]:
    """Token ranges ``[start, end)`` of DATE/TIME entities and of our pattern matches."""
    found: set[tuple[int, int]] = set()
    for ent in view.parse.entities:
        if ent.label in _TIME_LABELS:
            found.add(_trim(view, ent.start, ent.end))
    for char_start, char_end in scan(view.text):
        rng = _snap(view, char_start, char_end)
        if rng is None:
            continue
        if any((e := view.entity_at(i)) is not None and e.label in _NAME_LABELS for i in range(*rng)):
            continue
        found.add(rng)
    return sorted(r for r in found if r[0] < r[1] and not _not_a_time(view, *r))


def _not_a_time(view: ParseView, start: int, end: int) -> bool:
    return _clock(view, start, end) or _noun_month(view, start, end) or _ordinal_modifier(view, start, end)


def _ordinal_modifier(view: ParseView, start: int, end: int) -> bool:
    """ "the 13th Brigade", "its 25th anniversary": an ordinal before a noun is no day of the month."""
    if not _ORDINAL.match(view.span_text(start, end)) or end >= len(view):
        return False
    return view[end].pos in ("NOUN", "PROPN")


def _clock(view: ParseView, start: int, end: int) -> bool:
    """A wire clock time read as a year: "AT 2030", "2132 GMT" (nobody says "at 1984")."""
    if end - start != 1 or not _HHMM.match(view[start].text):
        return False
    before = view[start - 1].lower if start > 0 else ""
    after = view[end].lower if end < len(view) else ""
    return before in _CLOCK_BEFORE or after in _CLOCK_AFTER


def _noun_month(view: ParseView, start: int, end: int) -> bool:
    """ "the march", "a march": the noun, not the month (a month name alone after an article)."""
    if end - start != 1 or view[start].lower not in _NOUN_MONTHS or start == 0:
        return False
    if end < len(view) and (view[end].like_num or view[end].text[:1].isdigit()):
        return False  # "the May 1990 elections"
    return view[start - 1].lower in ("the", "a", "this", "that", "their", "his", "her", "its", "our")


def _snap(view: ParseView, char_start: int, char_end: int) -> tuple[int, int] | None:
    """Tokens overlapping the characters, without punctuation at the edges."""
    first = view.token_at_char(char_start)
    if first is None:
        return None
    last = first
    while last + 1 < len(view) and view[last + 1].idx < char_end:
        last += 1
    return _trim(view, first, last + 1)


def _trim(view: ParseView, start: int, end: int) -> tuple[int, int]:
    while start < end and view[start].is_punct and view[start].text != "'":
        start += 1
    while end > start and view[end - 1].is_punct and view[end - 1].text not in ("'", "."):
        end -= 1
    if end > start + 1 and view[end - 1].text == "." and view[end - 2].whitespace == "":
        end -= 1  # a sentence full stop split off after "August"
    return start, end


def _select(view: ParseView, candidates: list[tuple[int, int]], pub: dt.date | None) -> list[tuple[int, int]]:
    """Non-overlapping candidates that are times, the longest first; returned in text order."""
    probe = Context(pub or _PROBE, pub or _PROBE, "unknown")
    usable = [c for c in candidates if resolve(view.span_text(*c), probe) is not None]
    usable.sort(key=lambda c: (-(view[c[1] - 1].end - view[c[0]].idx), c[0]))
    taken: set[int] = set()
    chosen: list[tuple[int, int]] = []
    for start, end in usable:
        if taken.isdisjoint(range(start, end)):
            chosen.append((start, end))
            taken.update(range(start, end))
    return sorted(chosen)


# --------------------------------------------------------------------------- resolution in context


def _resolve_in_article(
    text: str, view: ParseView, start: int, earlier: list[TimeExpr], pub: dt.date | None, tense: Tense
) -> tuple[Normalised, str] | None:
    offsets = anchor_offsets(clean(text))
    if offsets is not None and (anchor := _day_anchor(view, start, earlier)) is not None:
        lo, hi = offsets
        gran: Granularity = "day" if lo == hi else "range"
        return Normalised(anchor.start + lo * DAY, anchor.start + hi * DAY, gran), anchor.id
    norm = resolve(text, Context(pub, pub, tense))
    if norm is not None:
        return norm, "published"
    if pub is None and earlier:
        # No publication date: place a date without a year near the previous time of the article.
        prev = earlier[-1]
        norm = resolve(text, Context(None, prev.start, tense))
        if norm is not None:
            return norm, prev.id
    return None


def _day_anchor(view: ParseView, start: int, earlier: list[TimeExpr]) -> TimeExpr | None:
    """The latest earlier single-day time in this sentence or the ones just before it."""
    sent = view[start].sent
    for t in reversed(earlier):
        first = view.token_at_char(t.span.start)
        if first is None or sent - view[first].sent > _MAX_ANCHOR_SENTENCES:
            return None
        if t.granularity == "day":
            return t
    return None


# --------------------------------------------------------------------------- tense


def tense_of(view: ParseView, start: int, end: int) -> Tense:
    """Tense of the verb that governs tokens ``[start, end)``: the first verb up the tree that has one.

    Unknown when the way up passes through a subject noun ("a meeting late this month was mentioned").
    """
    root = next((i for i in range(start, end) if not start <= view[i].head < end or view[i].head == i), start)
    seen = {root}
    cur = view[root]
    while cur.head != cur.i and cur.head not in seen:
        if cur.pos in ("NOUN", "PROPN") and cur.dep in ("nsubj", "nsubjpass") and cur.i != root:
            # "a meeting late this month has been mentioned": the subject's own time, not the predicate's
            return "unknown"
        seen.add(cur.head)
        cur = view[cur.head]
        if cur.pos in ("VERB", "AUX"):
            tense = _verb_tense(view, cur.i)
            if tense is not None:
                return tense
    return "unknown"


def _verb_tense(view: ParseView, i: int) -> Tense | None:
    """Tense of verb ``i``; None for a form without one (infinitive, participle without auxiliary)."""
    tok = view[i]
    auxes = view.children_by_dep(i, "aux", "auxpass")
    if not auxes and tok.tag == "VBN" and tok.dep in ("acl", "amod"):
        return None  # "individuals involved in the 19 March elections": a participle, no tense of its own
    if any(a.lower in _FUTURE_AUX or a.lemma in ("will", "shall") for a in auxes):
        return "future"
    if any(a.lower in _MODALS for a in auxes):
        return "unknown"
    head = view.head(i)
    if tok.dep == "xcomp" and (head.lemma in _FUTURE_HEADS or head.lower == "going"):
        return "unknown" if _is_past(view, head.i) else "future"
    if tok.lemma in _SCHEDULING:  # "elections are planned for 10 October"
        return "unknown" if _is_past(view, i) else "future"
    if _is_past(view, i):
        return "past"
    if tok.tag in ("VBZ", "VBP") or any(a.tag in ("VBZ", "VBP") for a in auxes):
        return "unknown"
    if tok.tag == "VB" and any(a.lower == "to" for a in auxes):
        # "decided to call a session on 22 December": the infinitive's time is not bound by the
        # governing verb's tense (it is often after it)
        return "unknown"
    return None


def _is_past(view: ParseView, i: int) -> bool:
    """Past or perfect: "attacked", "was attacked", "has attacked"; not "is expected"."""
    auxes = view.children_by_dep(i, "aux", "auxpass")
    if auxes:
        return any("Tense=Past" in a.morph or a.tag == "VBD" or a.lemma == "have" for a in auxes)
    return view.is_past(i)
