"""eventplace.article_place: the place an article is about."""

from __future__ import annotations

import pytest

from claimledger.geo.eventplace import article_place
from claimledger.types import Place, Span


def _place(pid: str, kind: str, country: str | None, mentions: int) -> Place:
    spans = tuple(Span(10 * n, 10 * n + 3) for n in range(mentions))
    return Place(id=pid, name=pid, kind=kind, mentions=spans, country=country)


@pytest.mark.parametrize(
    ("places", "expected"),
    [
        # the most mentioned place below the country level in the country mentioned most
        (
            [
                _place("af", "country", "AF", 1),
                _place("hel", "admin1", "AF", 2),
                _place("kbl", "city", "AF", 1),
            ],
            "hel",
        ),
        # ties: the first mentioned
        ([_place("af", "country", "AF", 1), _place("a", "city", "AF", 1), _place("b", "city", "AF", 1)], "a"),
        # the country's places count towards it: Pakistan's two mentions lose to Afghanistan's three
        (
            [
                _place("pk", "country", "PK", 2),
                _place("af", "country", "AF", 1),
                _place("kbl", "city", "AF", 2),
            ],
            "kbl",
        ),
        # nothing below the country level: the country
        ([_place("af", "country", "AF", 1)], "af"),
        # a place without a country (unresolved) says nothing
        ([_place("x", "unknown", None, 3)], None),
        ([], None),
    ],
)
def test_article_place(places: list[Place], expected: str | None) -> None:
    assert article_place(places) == expected
