from __future__ import annotations

import pytest

from claimledger.eval.matching import (
    contains_name,
    haversine_km,
    max_weight_matching,
    names_match,
    normalize_name,
    precision_recall_f1,
    safe_ratio,
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("National Resistance Front", "national resistance front"),
        ("the Taliban", "taliban"),
        ("THE  Times of India", "times of india"),
        ("Taliban's", "taliban"),
        ("Taliban’s", "taliban"),
        ("Inter-Services Intelligence", "inter services intelligence"),
        ("U.S.", "us"),
        ("Taliban*", "taliban"),
        ("Panjshēr", "panjsher"),
        ("  (NRF) ", "nrf"),
        ("Theodore Roosevelt", "theodore roosevelt"),
        ("the", "the"),
        ("", ""),
    ],
)
def test_normalize_name(name: str, expected: str) -> None:
    assert normalize_name(name) == expected


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        (["NRF"], ["National Resistance Front", "NRF"], True),
        (["The Islamic Emirate"], ["Taliban", "Islamic Emirate"], True),
        (["Pakistani"], ["Pakistan"], False),
        ([None, ""], ["Pakistan"], False),
        ([], [], False),
    ],
)
def test_names_match(left: list[str | None], right: list[str], expected: bool) -> None:
    assert names_match(left, right) is expected


@pytest.mark.parametrize(
    ("text", "names", "expected"),
    [
        ("The NRF military commanders", ["NRF"], True),
        ("Taliban's spokesman", ["Taliban"], True),
        ("Talibanesque forces", ["Taliban"], False),
        ("several sources", ["NRF"], False),
    ],
)
def test_contains_name(text: str, names: list[str], expected: bool) -> None:
    assert contains_name(text, names) is expected


@pytest.mark.parametrize(
    ("counts", "expected"),
    [
        ((2, 4, 8), (0.5, 0.25, 1 / 3)),
        ((0, 0, 5), (0.0, 0.0, 0.0)),
        ((0, 3, 0), (0.0, 0.0, 0.0)),
        ((3, 3, 3), (1.0, 1.0, 1.0)),
    ],
)
def test_precision_recall_f1(counts: tuple[int, int, int], expected: tuple[float, float, float]) -> None:
    assert precision_recall_f1(*counts) == pytest.approx(expected)


def test_safe_ratio_of_zero_denominator() -> None:
    assert safe_ratio(3, 0) == 0.0
    assert safe_ratio(3, 4) == 0.75


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((34.53, 69.17), (34.53, 69.17), 0.0),
        ((0.0, 0.0), (0.0, 1.0), 111.195),
        ((34.53, 69.17), (35.4, 69.7), 108.0),  # Kabul to central Panjshir, about 108 km
    ],
)
def test_haversine_km(a: tuple[float, float], b: tuple[float, float], km: float) -> None:
    assert haversine_km(*a, *b) == pytest.approx(km, abs=1.0)


@pytest.mark.parametrize(
    ("weights", "expected"),
    [
        ([], []),
        ([[None, None]], []),
        ([[1.0]], [(0, 0)]),
        # More pairs beat heavier pairs: row 0 gives up its best column so that row 1 gets one.
        ([[5.0, 1.0], [0.0, None]], [(0, 1), (1, 0)]),
        # Among equally many pairs, the heavier assignment wins.
        ([[1.0, 2.0], [2.0, 1.0]], [(0, 1), (1, 0)]),
        # More rows than columns, ragged rows.
        ([[1.0], [3.0], [2.0, None]], [(1, 0)]),
        ([[None, 1.0, None], [None, 1.0, 1.0], [1.0, None, None]], [(0, 1), (1, 2), (2, 0)]),
        # Negative weights are still allowed pairs.
        ([[-4.0, None], [None, -1.0]], [(0, 0), (1, 1)]),
    ],
)
def test_max_weight_matching(weights: list[list[float | None]], expected: list[tuple[int, int]]) -> None:
    assert max_weight_matching(weights) == expected
