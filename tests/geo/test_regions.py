"""regions: direction words and the point of a compass part of a country."""

from __future__ import annotations

import pytest

from claimledger.geo.regions import direction_of, region_point

# A made-up country: nine divisions on a 3 x 3 grid around (30, 60), one degree apart.
GRID = [(30.0 + dy, 60.0 + dx) for dy in (-1, 0, 1) for dx in (-1, 0, 1)]


@pytest.mark.parametrize(
    ("word", "abbreviations", "expected"),
    [
        ("southern", False, "south"),
        ("South", False, "south"),
        ("north-eastern", False, "northeast"),
        ("southwestern", False, "southwest"),
        ("centre", False, "central"),
        ("Central", False, "central"),
        ("S.", True, "south"),
        ("NE", True, "northeast"),
        ("S.", False, None),  # abbreviations only when asked for (before a country's name)
        ("ne", True, None),  # a lower-case "ne" is no abbreviation
        ("province", False, None),
        ("Southampton", False, None),
    ],
)
def test_direction_of(word: str, abbreviations: bool, expected: str | None) -> None:
    assert direction_of(word, abbreviations=abbreviations) == expected


@pytest.mark.parametrize(
    ("direction", "expected"),
    [
        ("south", (29.0, 60.0)),  # the bottom row
        ("north", (31.0, 60.0)),
        ("east", (30.0, 61.0)),
        ("west", (30.0, 59.0)),
        ("central", (30.0, 60.0)),  # the middle division alone
    ],
)
def test_region_point_on_a_grid(direction: str, expected: tuple[float, float]) -> None:
    point = region_point(GRID, direction)
    assert point is not None
    assert point == pytest.approx(expected, abs=0.01)


def test_northeast_lies_between_north_and_east() -> None:
    point = region_point(GRID, "northeast")
    assert point is not None
    lat, lon = point
    assert 30.0 < lat <= 31.0 and 60.0 < lon <= 61.0


@pytest.mark.parametrize(
    ("points", "direction"),
    [
        (GRID[:2], "south"),  # too few divisions to speak of parts
        (GRID, "upwards"),  # not a direction
    ],
)
def test_region_point_needs_divisions_and_a_direction(
    points: list[tuple[float, float]], direction: str
) -> None:
    assert region_point(points, direction) is None
