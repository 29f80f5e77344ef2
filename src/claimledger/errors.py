"""claimledger's exception types. Each carries a stable code (``E###``) and a clear message.

Codes are stable: users and tests may match on them. Add new codes at the end.
"""

from __future__ import annotations


class ClaimledgerError(Exception):
    """Base class of every error claimledger raises on purpose."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class InputError(ClaimledgerError):
    """An input (file, record, text) that cannot be turned into an article.

    ``origin`` names the input (a path, or ``path:line`` for a JSONL record), ``reason`` says why.
    """

    code = "E001"

    def __init__(self, origin: str, reason: str) -> None:
        self.origin = origin
        self.reason = reason
        super().__init__(f"{origin}: {reason}")


class UnsupportedLanguageError(InputError):
    """The article is not in a language the pipeline handles (it is skipped, not failed)."""

    code = "E002"


class ModelLoadError(ClaimledgerError):
    """The spaCy model could not be loaded."""

    code = "E010"


class GazetteerError(ClaimledgerError):
    """The packaged gazetteer is missing or malformed."""

    code = "E020"


class StoreError(ClaimledgerError):
    """A ledger store could not be opened, migrated, read or written."""

    code = "E030"


class NotFoundError(StoreError):
    """A record asked for by id does not exist."""

    code = "E031"


class EvalError(ClaimledgerError):
    """An evaluation dataset is missing or malformed."""

    code = "E040"


class ConfigError(ClaimledgerError):
    """A configuration value is invalid."""

    code = "E050"


class DataFileError(ClaimledgerError):
    """A packaged data file (lexicon, actor base) is missing or malformed."""

    code = "E060"
