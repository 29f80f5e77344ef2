"""Independent sources of a ledger event: who asserts it, with copies and one outlet's articles counted once.

API (stable):

- ``outlet_voices(articles: Iterable[Article], threshold: float, hasher: MinHasher | None = None)
  -> dict[str, str]``: article id → the key its own voice counts under. Several articles of one outlet share
  ``items.outlet_key`` (``"outlet:<name>"``); near-duplicate texts (syndicated copies, reprints: MinHash
  Jaccard ≥ ``threshold``) take the key of their group's first article (smallest id), whatever outlet
  printed them.
- ``independent_sources(claims: Iterable[LedgerClaim], voices: Mapping[str, str]) -> tuple[str, ...]``:
  the sorted distinct source keys of the asserting claims; an outlet-voice key (``outlet:``/``article:``)
  is replaced by its article's voice. ``corroboration`` is their number.
- ``is_contested(claims, contradictions) -> bool``: some claim denies the event, or a contradiction is
  about it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from claimledger.ledger.items import outlet_key
from claimledger.ledger.minhash import MinHasher, Signature, near_duplicate_groups
from claimledger.types import Article, LedgerClaim, LedgerContradiction

OUTLET_PREFIXES = ("outlet:", "article:")


def outlet_voices(
    articles: Iterable[Article], threshold: float, hasher: MinHasher | None = None
) -> dict[str, str]:
    """Each article's id → the key its own voice counts under (see the module docstring)."""
    hasher = hasher or MinHasher()
    by_id = {a.id: a for a in articles}
    signatures: dict[str, Signature] = {i: hasher.signature(a.text) for i, a in by_id.items()}
    groups = near_duplicate_groups(signatures, threshold)
    return {i: outlet_key(by_id[groups.get(i, i)]) for i in sorted(by_id)}


def voice_of(claim: LedgerClaim, voices: Mapping[str, str]) -> str:
    if claim.source_key.startswith(OUTLET_PREFIXES):
        return voices.get(claim.article_id, claim.source_key)
    return claim.source_key


def independent_sources(claims: Iterable[LedgerClaim], voices: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(sorted({voice_of(c, voices) for c in claims if c.stance == "assert"}))


def is_contested(claims: Iterable[LedgerClaim], contradictions: Sequence[LedgerContradiction]) -> bool:
    return bool(contradictions) or any(c.stance == "deny" for c in claims)
