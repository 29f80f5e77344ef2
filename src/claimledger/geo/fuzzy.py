"""Loose name comparison for spellings the exact and variant keys miss ("Qalay-I-Zal" ~ "Qal'ah-ye Zal").

``similarity`` is rapidfuzz's normalised Indel similarity of two ``name_key`` results with the spaces
removed; ``names_match`` also accepts equal keys and equal romanisation-variant keys (see ``normalize``).
"""

from __future__ import annotations

from rapidfuzz.distance import Indel

from claimledger.geo.normalize import name_key, variant_key

DEFAULT_SIMILARITY = 0.85


def squeeze(key: str) -> str:
    """A name key without its spaces ("mazar e sharif" → "mazaresharif")."""
    return key.replace(" ", "")


def similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two names, compared by their keys without spaces."""
    ka, kb = squeeze(name_key(a)), squeeze(name_key(b))
    if not ka or not kb:
        return 0.0
    return float(Indel.normalized_similarity(ka, kb))


def names_match(a: str, b: str, threshold: float = DEFAULT_SIMILARITY) -> bool:
    """Whether ``a`` and ``b`` spell one name: equal keys, equal variant keys, or keys at least
    ``threshold`` similar that begin with the same letter."""
    ka, kb = name_key(a), name_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    va, vb = variant_key(ka, min_len=1), variant_key(kb, min_len=1)
    if va and va == vb:
        return True
    sa, sb = squeeze(ka), squeeze(kb)
    return sa[0] == sb[0] and Indel.normalized_similarity(sa, sb) >= threshold
