"""MinHash signatures of article texts and near-duplicate grouping (syndication, reprints).

API (stable):

- ``shingles(text: str, k: int = SHINGLE_WORDS) -> frozenset[str]``: the word ``k``-grams of a text
  (case-folded words of letters and digits); a text of fewer than ``k`` words is one shingle.
- ``MinHasher(num_perm: int = NUM_PERM, seed: int = SEED)``: ``signature(text) -> np.ndarray`` (uint64,
  ``num_perm`` values) and ``signature_of(shingle_set)``; deterministic for a given seed.
- ``jaccard_estimate(a, b) -> float``: the share of agreeing signature positions.
- ``near_duplicate_groups(signatures: Mapping[str, np.ndarray], threshold: float, bands: int = BANDS)
  -> dict[str, str]``: every key mapped to its group's representative (the smallest key of the group);
  keys of one group are near-duplicates (estimated Jaccard ≥ ``threshold``, joined transitively). Candidate
  pairs come from LSH bands, so the work grows with the number of texts, not its square.

Hashing uses BLAKE2b of each shingle (stable across processes, unlike ``hash``) and the universal family
``(a·h + b) mod (2^61 − 1)`` with ``a, b`` drawn from ``numpy.random.default_rng(seed)``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping

import numpy as np
from numpy.typing import NDArray

SHINGLE_WORDS = 5
NUM_PERM = 128
BANDS = 32
SEED = 20211
_PRIME = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)
_WORD = re.compile(r"\w+")

Signature = NDArray[np.uint64]


def shingles(text: str, k: int = SHINGLE_WORDS) -> frozenset[str]:
    """The word ``k``-grams of ``text`` (case-folded ``\\w+`` words); fewer than ``k`` words: one shingle."""
    words = _WORD.findall(text.casefold())
    if not words:
        return frozenset()
    if len(words) < k:
        return frozenset({" ".join(words)})
    return frozenset(" ".join(words[i : i + k]) for i in range(len(words) - k + 1))


def _shingle_hashes(items: Iterable[str]) -> NDArray[np.uint64]:
    values = [
        int.from_bytes(hashlib.blake2b(s.encode("utf-8"), digest_size=4).digest(), "little") for s in items
    ]
    return np.array(sorted(values), dtype=np.uint64)


class MinHasher:
    """MinHash over ``num_perm`` hash functions drawn deterministically from ``seed``."""

    def __init__(self, num_perm: int = NUM_PERM, seed: int = SEED) -> None:
        if num_perm < 1:
            raise ValueError(f"num_perm must be positive, got {num_perm}")
        rng = np.random.default_rng(seed)
        self.num_perm = num_perm
        self._a = rng.integers(1, int(_PRIME), size=num_perm, dtype=np.uint64)
        self._b = rng.integers(0, int(_PRIME), size=num_perm, dtype=np.uint64)

    def signature_of(self, items: Iterable[str]) -> Signature:
        """The signature of a set of shingles; an empty set gives all ``2^32 − 1`` (matches nothing real)."""
        hashes = _shingle_hashes(set(items))
        if hashes.size == 0:
            return np.full(self.num_perm, _MAX_HASH, dtype=np.uint64)
        # uint64 products wrap around: deterministic, as in the usual MinHash implementations
        with np.errstate(over="ignore"):
            values = (np.outer(hashes, self._a) + self._b) % _PRIME
        out: Signature = (values & _MAX_HASH).min(axis=0).astype(np.uint64)
        return out

    def signature(self, text: str, k: int = SHINGLE_WORDS) -> Signature:
        return self.signature_of(shingles(text, k))


def jaccard_estimate(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures of one ``MinHasher``."""
    if a.shape != b.shape:
        raise ValueError(f"signatures of different lengths: {a.shape[0]} and {b.shape[0]}")
    return float(np.count_nonzero(a == b)) / float(a.shape[0])


def _is_empty(signature: Signature) -> bool:
    return bool(np.all(signature == _MAX_HASH))


def near_duplicate_groups(
    signatures: Mapping[str, Signature], threshold: float, bands: int = BANDS
) -> dict[str, str]:
    """Each key → the smallest key of its near-duplicate group (itself when it has no near-duplicate).

    Keys whose signatures share a whole LSH band are candidates; a candidate pair is a near-duplicate when
    ``jaccard_estimate`` ≥ ``threshold``; groups are the connected components. Empty texts (all-max
    signatures) are never near-duplicates. The result does not depend on the mapping's order.
    """
    keys = sorted(signatures)
    parent = {k: k for k in keys}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    if not keys:
        return {}
    width = next(iter(signatures.values())).shape[0]
    rows = max(1, width // max(1, bands))
    buckets: dict[tuple[int, bytes], list[str]] = {}
    for key in keys:
        signature = signatures[key]
        if _is_empty(signature):
            continue
        for band in range(0, width - rows + 1, rows):
            buckets.setdefault((band, signature[band : band + rows].tobytes()), []).append(key)
    checked: set[tuple[str, str]] = set()
    for members in buckets.values():
        for i, first in enumerate(members):
            for second in members[i + 1 :]:
                pair = (first, second)
                if pair in checked:
                    continue
                checked.add(pair)
                if jaccard_estimate(signatures[first], signatures[second]) >= threshold:
                    a, b = find(first), find(second)
                    if a != b:
                        parent[max(a, b)] = min(a, b)
    return {k: find(k) for k in keys}
