"""The outcome of ingesting one input: an article, or the reason there is none."""

from __future__ import annotations

from dataclasses import dataclass

from claimledger.errors import InputError, UnsupportedLanguageError
from claimledger.types import Article

# Short, stable names of why inputs fail, for run summaries ("failures by reason"): the first entry
# whose words occur in the error's reason wins. ``InputError.reason`` itself names the details.
REASONS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("empty path", "regular file"), "cannot read"),
    (("too large", "over the limit", "more than"), "too large"),
    (("binary",), "binary data"),
    (("utf-8", "utf-16"), "not UTF-8"),
    (("empty", "too short"), "empty"),
    (("invalid json", "record"), "bad JSON record"),
    (("html",), "no article in the HTML"),
    (
        ("no such file", "no files match", "no supported files", "symbolic link", "cannot", "directory"),
        "cannot read",
    ),
)
OTHER_REASON = "other input error"


@dataclass(frozen=True, slots=True)
class IngestResult:
    """One file or record turned into an ``Article``, or the ``InputError`` that stopped it.

    Exactly one of ``article`` and ``error`` is set. ``origin`` names the input: the path, or
    ``path:LINE`` for a JSONL record (``path[INDEX]`` for a record of a JSON list).
    """

    article: Article | None
    error: InputError | None
    origin: str

    def __post_init__(self) -> None:
        if (self.article is None) == (self.error is None):
            raise ValueError(f"{self.origin}: an IngestResult holds exactly one of article and error")

    @property
    def ok(self) -> bool:
        return self.article is not None

    @property
    def reason(self) -> str | None:
        """A short category of the error for summaries ("too large", "not UTF-8", "language fr" ...);
        None for an article."""
        if self.error is None:
            return None
        return input_error_reason(self.error)

    @property
    def skipped(self) -> bool:
        """True for an article that was skipped on purpose (its language is not processed)."""
        return isinstance(self.error, UnsupportedLanguageError)


def input_error_reason(error: InputError) -> str:
    """A short category of ``error`` for summaries: one of ``REASONS``, "language XX" for a skipped
    language, else ``OTHER_REASON``."""
    text = error.reason.lower()
    if isinstance(error, UnsupportedLanguageError):
        language = text.split("'")[1] if text.count("'") >= 2 else "unknown"
        return f"language {language}"
    for words, label in REASONS:
        if any(word in text for word in words):
            return label
    return OTHER_REASON
