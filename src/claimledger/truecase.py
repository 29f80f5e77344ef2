"""Truecasing for all-capitals wire text ("THE ARMY SAID THAT GUERRILLAS ATTACKED ...").

spaCy's tagger, parser and NER are trained on mixed case: on all-capitals text they see proper nouns
everywhere and find almost no verbs. ``truecase`` returns a copy of the text for the parser to read: lower
case, with the first word of each sentence, the names the gazetteer knows ("SAN SALVADOR" → "San Salvador"),
demonyms, months, weekdays and bracketed acronyms ("[FMLN]") capitalised again. Every character keeps its
offset (the copy has the same length), so spans found on the copy index the article.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

# share of upper-case letters above which a text is treated as all-capitals
UPPER_SHARE = 0.8
_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
# a sentence starts after final punctuation, a blank line, a dash or "[TEXT]" (wire lines break mid-sentence)
_SENTENCE_START = re.compile(r"(^\s*|[.!?]\s+|\n\s*\n\s*|--\s+|\[TEXT\]\s+)([a-z])")
_CALENDAR = frozenset(
    "january february april june july august september october november december monday tuesday wednesday "
    "thursday friday saturday sunday".split()
)
_NEXT_TO_NUMBER = re.compile(r"(\d\s+(may|march)\b)|(\b(may|march)\s+\d)")
_BRACKETED = re.compile(r"[\[(]([A-Z]{2,8})[\])]")


def is_all_caps(text: str, min_letters: int = 40) -> bool:
    if text.isascii():  # the common case, counted fast (in ASCII only letters are upper case)
        letters = sum(map(str.isalpha, text))
        upper = sum(map(str.isupper, text))
    else:
        cased = [c for c in text if c.isalpha()]
        letters = len(cased)
        upper = sum(c.isupper() for c in cased)
    if letters < min_letters:
        return False
    return upper / letters >= UPPER_SHARE


def _lower_same_length(text: str) -> str:
    if text.isascii():
        return text.lower()
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def truecase(
    text: str,
    is_name: Callable[[str], bool],
    max_name_words: int = 4,
    longest: Callable[[Sequence[str]], int] | None = None,
) -> str:
    """A mixed-case copy of all-capitals ``text`` (unchanged if the text is not all capitals).

    ``is_name(phrase)`` says whether a phrase (in title case, e.g. "San Salvador") is a known name: a place in
    the gazetteer, a demonym. Longer names are tried first. ``longest(words)``, if given, is a fast bound:
    no phrase of more than ``longest(words)`` of the leading ``words`` (title-cased) is a name, so those
    phrases are not asked about (0: none starting there).
    """
    if not is_all_caps(text):
        return text
    acronyms = {m.group(1) for m in _BRACKETED.finditer(text)}
    out = list(_lower_same_length(text))
    words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]
    titled = [w.title() for _, _, w in words]
    # run[i]: words from i on that are separated by single spaces only (a name's words are), at most
    # max_name_words
    run = [1] * len(words)
    for k in range(len(words) - 2, -1, -1):
        if text[words[k][1] : words[k + 1][0]] == " ":
            run[k] = min(run[k + 1] + 1, max_name_words)
    i = 0
    while i < len(words):
        matched = 0
        limit = min(max_name_words, run[i])
        if longest is not None:
            limit = min(limit, longest(titled[i : i + limit]))
        for n in range(limit, 0, -1):
            phrase = " ".join(titled[i : i + n])
            if len(phrase) > 2 and is_name(phrase):
                for start, end, word in words[i : i + n]:
                    _capitalise(out, start, end, word)
                matched = n
                break
        if matched:
            i += matched
            continue
        start, end, word = words[i]
        if word in acronyms:
            out[start:end] = list(word)
        elif word.lower() in _CALENDAR:
            _capitalise(out, start, end, word)
        i += 1
    for m in _NEXT_TO_NUMBER.finditer("".join(out)):
        w = m.group(2) or m.group(4)
        at = m.start(2) if m.group(2) else m.start(4)
        _capitalise(out, at, at + len(w), w)
    cased = "".join(out)
    cased = _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), cased)
    assert len(cased) == len(text)
    return cased


def _capitalise(out: list[str], start: int, end: int, word: str) -> None:
    titled = word.title()
    if len(titled) == end - start:
        out[start:end] = list(titled)
