"""Truecasing all-capitals wire text keeps every offset and restores the names the gazetteer knows."""

from __future__ import annotations

import pytest

from claimledger.truecase import is_all_caps, truecase

NAMES = {"San Salvador", "El Salvador", "Salvadoran", "Usulutan"}


def is_name(phrase: str) -> bool:
    return phrase in NAMES


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "SAN SALVADOR, 3 JAN 90 -- THE ARMY SAID THAT THE FMLN [FMLN] ATTACKED A POST IN USULUTAN ON 30 "
            "DECEMBER.",
            "San Salvador, 3 jan 90 -- The army said that the FMLN [FMLN] attacked a post in Usulutan on 30 "
            "December.",
        ),
        (
            "SALVADORAN TROOPS CLASHED WITH GUERRILLAS\nNEAR THE CAPITAL ON MONDAY, 2 MAY 1990.\n\n"
            "THE REBELS FLED.",
            "Salvadoran troops clashed with guerrillas\nnear the capital on Monday, 2 May 1990.\n\n"
            "The rebels fled.",
        ),
    ],
)
def test_truecase(text: str, expected: str) -> None:
    out = truecase(text, is_name)
    assert len(out) == len(text)
    assert out == expected


@pytest.mark.parametrize(
    ("text", "caps"),
    [
        ("THE ARMY SAID THAT GUERRILLAS ATTACKED A POST IN THE NORTH OF THE COUNTRY.", True),
        ("The army said that guerrillas attacked a post in the north of the country.", False),
        ("NATO AND THE UN met on Monday to discuss the war.", False),
        ("SHORT", False),
    ],
)
def test_is_all_caps(text: str, caps: bool) -> None:
    assert is_all_caps(text) == caps


def test_mixed_case_text_is_unchanged() -> None:
    text = "The army said that guerrillas attacked a post near San Salvador on Monday."
    assert truecase(text, is_name) is text


def test_pipeline_parses_all_caps_text(pipeline) -> None:  # type: ignore[no-untyped-def]
    from .conftest import make_article

    text = (
        "GUERRILLAS OF THE FARABUNDO MARTI FRONT ATTACKED AN ARMY POST IN USULUTAN DEPARTMENT YESTERDAY, "
        "KILLING THREE SOLDIERS."
    )
    ledger = pipeline.extract(make_article(text))
    attack = [e for e in ledger.events if e.trigger.text == "ATTACKED"]
    assert attack and attack[0].type == "ASSAULT"
    assert any(p.name.lower().startswith("usulut") for p in ledger.places)
    # spans index the original upper-case text, and the ledger is valid against the schema
    assert text[attack[0].trigger.span.start : attack[0].trigger.span.end] == "ATTACKED"
    from claimledger.serialize import ledger_to_dict, validate_ledger_dict

    assert validate_ledger_dict(ledger_to_dict(ledger)) == []
