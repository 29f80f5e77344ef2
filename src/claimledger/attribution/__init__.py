"""Attribution: every claim in an article, who makes it, and how firmly."""

from claimledger.attribution.base import DraftClaim
from claimledger.attribution.cues import Cue, CueLexicon, load_cues
from claimledger.attribution.extract import AttributionExtractor

__all__ = ["AttributionExtractor", "Cue", "CueLexicon", "DraftClaim", "load_cues"]
