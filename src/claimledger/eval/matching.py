"""Scoring helpers shared by the evaluation datasets.

Name normalisation, precision/recall/F1, great-circle distance and one-to-one assignment. Pure functions,
no I/O.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence

EARTH_RADIUS_KM = 6371.0088

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_POSSESSIVE = re.compile(r"(?<=\w)'s\b")
_JOINING = re.compile(r"[.']")  # "U.S." -> "us", "O'Neill" -> "oneill"
_PUNCT = re.compile(r"[^\w\s]|_")
_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+")


def normalize_name(name: str) -> str:
    """A comparison key for an actor or place name.

    Compatibility-normalised and case-folded, diacritics dropped, possessive ``'s`` removed, periods and
    apostrophes joined (``U.S.`` → ``us``), other punctuation turned into spaces (``Inter-Services`` →
    ``inter services``), whitespace collapsed and a leading ``the`` stripped.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(_APOSTROPHES).casefold()
    text = _POSSESSIVE.sub("", text)
    text = _JOINING.sub("", text)
    text = _PUNCT.sub(" ", text)
    text = _SPACES.sub(" ", text).strip()
    return _LEADING_THE.sub("", text)


def name_keys(names: Iterable[str | None]) -> frozenset[str]:
    """The non-empty normalised forms of ``names`` (``None`` entries are skipped)."""
    keys = (normalize_name(n) for n in names if n)
    return frozenset(k for k in keys if k)


def names_match(left: Iterable[str | None], right: Iterable[str | None]) -> bool:
    """Whether any name of ``left`` equals any name of ``right`` after normalisation."""
    return not name_keys(left).isdisjoint(name_keys(right))


def contains_name(text: str, names: Iterable[str | None]) -> bool:
    """Whether the normalised ``text`` contains one of ``names`` as a whole-word sequence."""
    haystack = f" {normalize_name(text)} "
    return any(f" {key} " in haystack for key in name_keys(names))


def safe_ratio(numerator: float, denominator: float) -> float:
    """``numerator / denominator``, or 0.0 when the denominator is 0."""
    return numerator / denominator if denominator else 0.0


def precision_recall_f1(true_positives: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts; every undefined ratio is 0.0."""
    precision = safe_ratio(true_positives, predicted)
    recall = safe_ratio(true_positives, gold)
    f1 = safe_ratio(2 * precision * recall, precision + recall)
    return precision, recall, f1


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres between two WGS84 points given in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def max_weight_matching(weights: Sequence[Sequence[float | None]]) -> list[tuple[int, int]]:
    """A one-to-one assignment of rows to columns that first maximises the number of pairs, then their weight.

    ``weights[i][j]`` is the weight of pairing gold item ``i`` with predicted item ``j`` (any finite number,
    higher is better), or ``None`` where the pair is not allowed. Returns ``(row, column)`` pairs by row.
    Exact (Hungarian algorithm, O(n³)) and deterministic.
    """
    rows = len(weights)
    cols = max((len(row) for row in weights), default=0)
    allowed = [(i, j, w) for i, row in enumerate(weights) for j, w in enumerate(row) if w is not None]
    if not allowed:
        return []
    low = min(w for _, _, w in allowed)
    high = max(w for _, _, w in allowed)
    spread = high - low
    # Every allowed pair gets a base large enough that one more pair always beats better weights.
    base = (spread + 1.0) * (min(rows, cols) + 1)
    size = max(rows, cols)
    cost = [[0.0] * size for _ in range(size)]
    for i, j, w in allowed:
        cost[i][j] = -(base + (w - low))
    assignment = _hungarian(cost)
    return [
        (i, j)
        for i, j in enumerate(assignment)
        if i < rows and j < len(weights[i]) and weights[i][j] is not None
    ]


def _hungarian(cost: list[list[float]]) -> list[int]:
    """Minimum-cost perfect assignment on a square matrix: ``result[row] = column``."""
    n = len(cost)
    inf = math.inf
    u = [0.0] * (n + 1)
    v = [0.0] * (n + 1)
    match_col = [0] * (n + 1)  # match_col[j] = row (1-based) assigned to column j
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        match_col[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0 = match_col[j0]
            delta = inf
            j1 = 0
            for j in range(1, n + 1):
                if used[j]:
                    continue
                cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                if cur < minv[j]:
                    minv[j] = cur
                    way[j] = j0
                if minv[j] < delta:
                    delta = minv[j]
                    j1 = j
            for j in range(n + 1):
                if used[j]:
                    u[match_col[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match_col[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match_col[j0] = match_col[j1]
            j0 = j1
    result = [0] * n
    for j in range(1, n + 1):
        result[match_col[j] - 1] = j - 1
    return result
