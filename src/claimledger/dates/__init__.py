"""Time expressions normalised against the publication date.

``normalise`` resolves one expression; ``extract_times`` finds and resolves those of an article (from its
parse); ``extract_times_text`` does the same from plain text, without a parse.
"""

from __future__ import annotations

from claimledger.dates.extract import extract_times
from claimledger.dates.normalise import Normalised, normalise
from claimledger.dates.text import extract_times_text

__all__ = ["Normalised", "extract_times", "extract_times_text", "normalise"]
