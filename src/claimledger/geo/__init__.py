"""Places: the packaged gazetteer (``gazetteer``), name keys (``normalize``), extraction (``extract``)."""

from claimledger.geo.extract import extract_places
from claimledger.geo.gazetteer import GazEntry, Gazetteer, GazMatch, load_gazetteer

__all__ = ["GazEntry", "GazMatch", "Gazetteer", "extract_places", "load_gazetteer"]
