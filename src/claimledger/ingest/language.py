"""Language check of article texts with py3langid (its model ships inside the package).

The model is loaded on first use (``load_identifier``), never at import time.

News about conflicts is dense with proper names (people, groups, places) that pull a short English
text towards unrelated languages with a low score. The check therefore scores two views of the
text: the text itself, and the text without its capitalised words (names). A text is rejected only
when every view points with confidence to a language that is not processed; an uncertain text is
accepted, as is any text shorter than ``config.min_language_chars`` letters.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from typing import Any

from claimledger.config import Config
from claimledger.errors import UnsupportedLanguageError

log = logging.getLogger(__name__)

# Probability (py3langid's normalised score) from which a non-processed language is trusted.
MIN_CONFIDENCE = 0.5
# Combined probability of the processed languages from which a text is accepted anyway.
MIN_ACCEPTED_SHARE = 0.15
# Characters of a long text that are scored (the language does not change after that).
SAMPLE_CHARS = 20_000


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The verdict on one text: ``accepted`` and its language (``None`` when not determined)."""

    accepted: bool
    language: str | None
    confidence: float = 0.0


@functools.cache
def load_identifier() -> Any:
    """Load py3langid's packaged model once (about half a second), with normalised probabilities."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    log.debug("loading the py3langid model")
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def count_letters(text: str) -> int:
    return sum(1 for char in text if char.isalpha())


def _starts_upper(word: str) -> bool:
    for char in word:
        if char.isalpha():
            return char.isupper()
    return False


def without_capitalised_words(text: str) -> str:
    """The text without words that start with a capital letter (mostly names)."""
    return " ".join(word for word in text.split() if not _starts_upper(word))


def guess_language(text: str, config: Config) -> LanguageGuess:
    """Decide whether ``text`` is in one of ``config.languages`` (see the module docstring)."""
    accepted = set(config.languages)
    sample = text[:SAMPLE_CHARS]
    if not accepted or count_letters(sample) < config.min_language_chars:
        return LanguageGuess(accepted=True, language=None)
    views = [sample]
    if not sample.isupper():
        names_removed = without_capitalised_words(sample)
        if count_letters(names_removed) >= max(1, config.min_language_chars // 2):
            views.append(names_removed)
    identifier = load_identifier()
    rejection: LanguageGuess | None = None
    uncertain = False
    for view in views:
        ranking: list[tuple[str, float]] = identifier.rank(view)
        top, confidence = ranking[0]
        if top in accepted:
            return LanguageGuess(accepted=True, language=top, confidence=confidence)
        share = sum(score for lang, score in ranking if lang in accepted)
        if share >= MIN_ACCEPTED_SHARE:
            best = next(lang for lang, _ in ranking if lang in accepted)
            return LanguageGuess(accepted=True, language=best, confidence=share)
        if confidence < MIN_CONFIDENCE:
            uncertain = True
        elif rejection is None:
            rejection = LanguageGuess(accepted=False, language=top, confidence=confidence)
    if uncertain or rejection is None:
        return LanguageGuess(accepted=True, language=None)
    return rejection


def check_language(text: str, *, origin: str, config: Config) -> str | None:
    """The language of ``text`` if known; raise ``UnsupportedLanguageError`` if it is not processed."""
    guess = guess_language(text, config)
    if not guess.accepted:
        expected = ", ".join(config.languages)
        raise UnsupportedLanguageError(
            origin, f"language '{guess.language}' is not processed (expected one of: {expected})"
        )
    return guess.language
