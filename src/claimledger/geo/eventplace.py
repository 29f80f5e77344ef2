"""Where an event happened when its own clause names no place.

The coder takes the place of the event's own clause, then of its sentence; a dateline's place comes
next (``pipeline``). Failing those, ``article_place`` is the place the article is about: of the country
mentioned most (counting the mentions of the places in it), the place below the country level mentioned
most often (ties: the first mentioned), else the country itself. ACLED codes such an event at the most
precise place the report supports; the place's own ``precision`` says how precise that is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from claimledger.types import Place


def article_place(places: Sequence[Place]) -> str | None:
    """The id of the place the article is about, or None when it names no place with a country."""
    placed = [p for p in places if p.country]
    if not placed:
        return None
    by_country: Counter[str] = Counter()
    for p in placed:
        by_country[p.country or ""] += len(p.mentions)
    top = max(by_country.values())
    first = {p.country: n for n, p in reversed(list(enumerate(placed)))}
    focus = min((c for c, n in by_country.items() if n == top), key=lambda c: first[c])
    inside = [(n, p) for n, p in enumerate(placed) if p.country == focus and p.kind != "country"]
    if inside:
        return max(inside, key=lambda np: (len(np[1].mentions), -np[0]))[1].id
    return next(p.id for p in placed if p.country == focus)
