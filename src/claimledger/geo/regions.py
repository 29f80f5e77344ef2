"""Parts of a country named by a compass direction: "southern Afghanistan", "the Afghan north".

``direction_of`` reads a direction word ("southern", "S.", "north-eastern", "centre"); ``region_point``
places the part of a country that a direction names, from the points of the country's first-level
divisions: in a local flat projection around their mean, the divisions lying in that direction (within
67.5 degrees of it, and at least a third of the way from the middle to the farthest division that way)
are the part, and its point is their mean. "central" is the divisions within a third of the largest
distance from the middle. Nothing here is specific to a country: the gazetteer's divisions decide.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

DIRECTIONS: dict[str, tuple[float, float]] = {
    "north": (0.0, 1.0),
    "south": (0.0, -1.0),
    "east": (1.0, 0.0),
    "west": (-1.0, 0.0),
    "northeast": (math.sqrt(0.5), math.sqrt(0.5)),
    "northwest": (-math.sqrt(0.5), math.sqrt(0.5)),
    "southeast": (math.sqrt(0.5), -math.sqrt(0.5)),
    "southwest": (-math.sqrt(0.5), -math.sqrt(0.5)),
    "central": (0.0, 0.0),
}
_ADJECTIVES = {f"{d}ern": d for d in ("north", "south", "east", "west")} | {
    f"{a}{b}ern": f"{a}{b}" for a in ("north", "south") for b in ("east", "west")
}
_ABBREVIATIONS = {
    "n": "north",
    "s": "south",
    "e": "east",
    "w": "west",
    "ne": "northeast",
    "nw": "northwest",
    "se": "southeast",
    "sw": "southwest",
}
_CENTRAL = frozenset({"central", "centre", "center", "middle"})
MAX_ANGLE_DEG = 67.5
MIN_SHARE = 1 / 3


def direction_of(word: str, abbreviations: bool = False) -> str | None:
    """The direction a word names: "southern" / "South" / "south-eastern" / "centre" → "south" /
    "south" / "southeast" / "central"; with ``abbreviations`` also "S." / "NE" (only safe before a
    country name). None for any other word."""
    w = word.lower().replace("-", "").rstrip(".")
    if w in DIRECTIONS and w != "central":
        return w
    if w in _ADJECTIVES:
        return _ADJECTIVES[w]
    if w in _CENTRAL:
        return "central"
    if abbreviations and w in _ABBREVIATIONS and (word.endswith(".") or word.isupper()):
        return _ABBREVIATIONS[w]
    return None


def region_point(points: Sequence[tuple[float, float]], direction: str) -> tuple[float, float] | None:
    """The point of the part of a country lying in ``direction``, from its divisions' ``points``
    (lat, lon); None with fewer than three points or an unknown direction."""
    if direction not in DIRECTIONS or len(points) < 3:
        return None
    clat = sum(p[0] for p in points) / len(points)
    clon = sum(p[1] for p in points) / len(points)
    scale = math.cos(math.radians(clat))
    offsets = [((lon - clon) * scale, lat - clat) for lat, lon in points]
    if direction == "central":
        far = max(math.hypot(x, y) for x, y in offsets)
        near = [p for p, (x, y) in zip(points, offsets, strict=True) if math.hypot(x, y) <= far * MIN_SHARE]
        return _mean(near) if near else (round(clat, 4), round(clon, 4))
    ux, uy = DIRECTIONS[direction]
    reach = max(x * ux + y * uy for x, y in offsets)
    if reach <= 0:
        return None
    cos_max = math.cos(math.radians(MAX_ANGLE_DEG))
    members = []
    for p, (x, y) in zip(points, offsets, strict=True):
        along = x * ux + y * uy
        norm = math.hypot(x, y)
        if along >= reach * MIN_SHARE and norm > 0 and along / norm >= cos_max:
            members.append(p)
    return _mean(members) if members else None


def _mean(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    return (
        round(sum(p[0] for p in points) / len(points), 4),
        round(sum(p[1] for p in points) / len(points), 4),
    )
