"""fuzzy: loose comparison of place-name spellings."""

from __future__ import annotations

import pytest

from claimledger.geo.fuzzy import names_match, similarity, squeeze


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Mazari Sharif", "Mazār-e Sharīf", True),  # romanisation variant (e/i, diacritics)
        ("Nahri Sarraj", "Nahr-e Sarāj", True),  # doubled letter
        ("Trinkot", "Tarin Kot", True),  # close spelling, same first letter
        ("Kondoz", "Kunduz", True),
        ("Sangin", "sangīn", True),  # case and accents
        ("Kabul", "Kandahar", False),
        ("Arghandab", "Zharghandab", False),  # close but a different first letter
        ("", "Kabul", False),
    ],
)
def test_names_match(a: str, b: str, expected: bool) -> None:
    assert names_match(a, b) is expected


def test_similarity_ignores_spaces_and_case() -> None:
    assert squeeze("mazar e sharif") == "mazaresharif"
    assert similarity("Tarin Kot", "TARINKOT") == 1.0
    assert similarity("", "Kabul") == 0.0
    assert 0.85 <= similarity("Trinkot", "Tarinkot") < 1.0
