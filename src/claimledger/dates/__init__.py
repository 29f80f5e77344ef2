"""Time expressions normalised against the publication date.

``normalise`` resolves one expression; ``extract_times`` finds and resolves those of an article.
"""

from __future__ import annotations

from claimledger.dates.extract import extract_times
from claimledger.dates.normalise import Normalised, normalise

__all__ = ["Normalised", "extract_times", "normalise"]
