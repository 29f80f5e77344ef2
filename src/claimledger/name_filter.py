"""A fast test that a phrase cannot be a known name, for truecasing.

Truecasing asks of every run of 1-4 words whether it is a name (``Pipeline._is_name``): a demonym or a
gazetteer entry, looked up with ``Gazetteer.lookup`` (exact name key, name key without a kind word, or
romanisation variant). Hundreds of phrases per article are asked, nearly all new and nearly all not names.
``NameFilter.may_be_name`` answers False for most of them from a few set lookups; when it answers False,
neither ``Demonyms.lookup`` nor ``Gazetteer.lookup`` can find the phrase, so the caller may skip them. It
is a necessary condition only: True means "look it up".

How each way of matching is covered (supersets of what the lookups can match):

- exact key: the phrase's ``name_key`` is among the name keys of every name of every entry;
- kind word ("Panjshir Province", "Province of Panjshir"): the key without it is among them;
- romanisation variant (``variant_key``, countries and divisions only): ``skeleton`` maps a key, spaces
  removed, to a coarser form: every vowel (and ``y``) as ``a``, ``q`` as ``k``, ``w`` and ``v`` dropped, a
  run of one letter as one, a last ``h`` dropped. Every rewrite of ``variant_key`` keeps the skeleton, so
  two keys with the same variant key have the same skeleton. A leading Arabic article (``ARTICLES``) may
  be dropped on either side, as ``variant_key`` does, so skeletons are kept with and without it;
- demonyms: the phrase's ``lexicon.normalize`` key is among the demonym forms' keys, or the phrase could
  be an upper-case acronym form.

``NameFilter.longest`` bounds how many words starting at a position can make a name, so that truecasing
skips the longer phrases there: the one-word phrase is tested whole, a longer one needs its leading key
words to begin some name key (``KEY_PREFIX_WORDS``) or its skeleton to begin some skeleton.

Keys and skeletons of words are memoised (bounded caches): a phrase's key is the join of its words'. If
``Gazetteer.lookup`` learns a new way of matching, this filter must learn it too (its tests compare the two).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from claimledger.geo.gazetteer import KIND_WORDS, Gazetteer
from claimledger.geo.normalize import name_key
from claimledger.lexicon import Demonyms, normalize

# Kinds whose names the gazetteer matches by romanisation variant (its variant index leaves cities out).
VARIANT_KINDS = frozenset({"country", "admin1", "admin2"})
# Leading words ``variant_key`` drops (Arabic articles: "Al Hudaydah" ~ "Hudaydah"); at least its own set.
ARTICLES = frozenset({"al", "el", "ad", "adh", "an", "ar", "as", "ash", "at", "ath", "az"})
WORD_CACHE_SIZE = 100_000
# Leading key words of a phrase tested against the keys' leading words.
KEY_PREFIX_WORDS = 4

_SKELETON = str.maketrans({"q": "k", **dict.fromkeys("eiouy", "a"), **dict.fromkeys("wv ")})
_RUNS = re.compile(r"(.)\1+")
_DASH = re.compile(r"-")


def _word_skeleton(key: str) -> str:
    return _RUNS.sub(r"\1", key.translate(_SKELETON))


def skeleton(key: str) -> str:
    """The skeleton of a name key (spaces ignored); equal for keys with equal ``variant_key``."""
    return _finish(_word_skeleton(key))


def _finish(joined: str) -> str:
    return joined[:-1] if joined.endswith("h") else joined


def _join_raw(parts: Iterable[str]) -> str:
    out = ""
    for part in parts:
        if part:
            out += part[1:] if out and out[-1] == part[0] else part
    return out


def _join_skeletons(parts: Iterable[str]) -> str:
    """``skeleton`` of the concatenation of keys, from their word skeletons (a run may cross a boundary)."""
    return _finish(_join_raw(parts))


def _fast_normalize(phrase: str) -> str:
    """``lexicon.normalize`` (the demonym key); a shortcut for ASCII, where it is the same."""
    if phrase.isascii():
        return " ".join(_DASH.sub(" ", phrase).lower().split())
    return normalize(phrase)


@dataclass(slots=True)
class NameFilter:
    """Sets built from the gazetteer and demonyms by ``build_name_filter``; see the module docstring."""

    keys: frozenset[str]
    skeletons: frozenset[str]
    demonym_keys: frozenset[str]
    kind_words: frozenset[str] = frozenset(KIND_WORDS)
    _key_prefixes: frozenset[str] = field(init=False)
    _sorted_skeletons: tuple[str, ...] = field(init=False)
    _first_demonym_words: frozenset[str] = field(init=False)
    _words: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = field(init=False, default_factory=dict)
    _starts: dict[str, bool] = field(init=False, default_factory=dict)
    _pairs: dict[tuple[str, str], bool] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self._key_prefixes = frozenset(
            " ".join(words[:n])
            for words in (k.split() for k in self.keys)
            for n in range(2, min(len(words), KEY_PREFIX_WORDS) + 1)
        )
        self._sorted_skeletons = tuple(sorted(self.skeletons))
        self._first_demonym_words = frozenset(k.split()[0] for k in self.demonym_keys if k)

    def _word(self, word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The key words of ``word`` and their skeletons."""
        known = self._words.get(word)
        if known is None:
            parts = tuple(name_key(word).split())
            known = (parts, tuple(_word_skeleton(p) for p in parts))
            if len(self._words) >= WORD_CACHE_SIZE:
                self._words.clear()
            self._words[word] = known
        return known

    def longest(self, words: Sequence[str]) -> int:
        """An upper bound on the number of leading ``words`` that make a name (0: no phrase starting
        with ``words[0]`` can be matched). The one-word phrase is tested whole (``may_be_name``); a
        longer one needs its leading words to begin some name key or skeleton."""
        if not words:
            return 0
        first = words[0]
        alone = self._starts.get(first)
        if alone is None:
            alone = self.may_be_name(first)
            if len(self._starts) >= WORD_CACHE_SIZE:
                self._starts.clear()
            self._starts[first] = alone
        if len(words) < 2:
            return 1 if alone else 0
        pair = (first, words[1])
        two = self._pairs.get(pair)
        if two is None:
            parts0, skels0 = self._word(first)
            parts1, skels1 = self._word(words[1])
            two = self._prefix_may_match(parts0 + parts1, skels0 + skels1, first)
            if len(self._pairs) >= WORD_CACHE_SIZE:
                self._pairs.clear()
            self._pairs[pair] = two
        if not two:
            return 1 if alone else 0
        parts: list[str] = []
        skels: list[str] = []
        longest = 2
        for n, word in enumerate(words):
            word_parts, word_skels = self._word(word)
            parts.extend(word_parts)
            skels.extend(word_skels)
            if n >= 2:
                if not self._prefix_may_match(parts, skels, first):
                    break
                longest = n + 1
        return longest

    def _prefix_may_match(self, parts: Sequence[str], skels: Sequence[str], first: str) -> bool:
        """Whether a phrase of two or more words whose key words begin with ``parts`` (``first`` its first
        word) could be matched."""
        if not parts or parts[0] == "the" or parts[0] in ARTICLES:
            return True  # a leading "the" or article is dropped on lookup: not followed here
        if any(p in self.kind_words for p in parts):
            return True  # a kind word changes what is looked up
        if " ".join(parts[:KEY_PREFIX_WORDS]) in self._key_prefixes:
            return True
        prefix = _join_raw(skels)
        prefix = prefix[:-1] if prefix.endswith("h") else prefix
        at = bisect_left(self._sorted_skeletons, prefix)
        if at < len(self._sorted_skeletons) and self._sorted_skeletons[at].startswith(prefix):
            return True
        pieces = _fast_normalize(first).split()
        if pieces and pieces[0] in self._first_demonym_words:
            return True
        letters = first.replace(".", "")
        return letters.isalpha() and letters.isupper()  # an acronym form: look it up

    def may_be_name(self, phrase: str) -> bool:
        """False when neither the gazetteer nor the demonyms can match ``phrase``."""
        key_words: list[str] = []
        skeletons: list[str] = []
        for word in phrase.split():
            parts, skels = self._word(word)
            key_words.extend(parts)
            skeletons.extend(skels)
        if len(key_words) > 1 and key_words[0] == "the":  # name_key drops a leading "the"
            del key_words[0], skeletons[0]
        if key_words and self._gazetteer_may_match(key_words, skeletons):
            return True
        return self._demonym_may_match(phrase)

    def _gazetteer_may_match(self, words: Sequence[str], skels: Sequence[str]) -> bool:
        if " ".join(words) in self.keys:
            return True
        candidates = [(words, skels)]
        n = len(words)
        if n >= 2 and words[-1] in self.kind_words:
            candidates.append((words[:-1], skels[:-1]))
        if n >= 3 and words[0] in self.kind_words and words[1] == "of":
            candidates.append((words[2:], skels[2:]))
        for base, _ in candidates[1:]:
            if " ".join(base) in self.keys:
                return True
        for base, base_skels in candidates:
            if _join_skeletons(base_skels) in self.skeletons:
                return True
            if len(base) > 1 and base[0] in ARTICLES and _join_skeletons(base_skels[1:]) in self.skeletons:
                return True
        return False

    def _demonym_may_match(self, phrase: str) -> bool:
        if _fast_normalize(phrase) in self.demonym_keys:
            return True
        letters = phrase.replace(".", "").replace(" ", "")
        return letters.isalpha() and letters.isupper()  # an acronym form ("US"): look it up


def build_name_filter(gazetteer: Gazetteer, demonyms: Demonyms) -> NameFilter:
    """The filter for ``gazetteer`` and ``demonyms`` (about a second: every name of every entry)."""
    keys: set[str] = set()
    skeletons: set[str] = set()
    for entry in gazetteer.entries:
        variant = entry.kind in VARIANT_KINDS
        for name in entry.names:
            key = name_key(name)
            if not key:
                continue
            keys.add(key)
            if variant:
                words = key.split()
                skeletons.add(skeleton("".join(words)))
                if len(words) > 1 and words[0] in ARTICLES:
                    skeletons.add(skeleton("".join(words[1:])))
    demonym_keys = frozenset(normalize(form) for form in demonyms.forms())
    return NameFilter(frozenset(keys), frozenset(skeletons), demonym_keys)
