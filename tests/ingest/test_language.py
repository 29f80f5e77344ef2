from __future__ import annotations

from pathlib import Path

import pytest

from claimledger.config import Config
from claimledger.errors import UnsupportedLanguageError
from claimledger.ingest.language import (
    check_language,
    count_letters,
    guess_language,
    without_capitalised_words,
)

FOUNDING = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "000_026596cb75424136.txt"

ENGLISH = {
    "names_and_quote": (
        "Houthi spokesman Yahya Saree said Ansar Allah forces struck Jizan and Abha. "
        "Saudi-led coalition spokesman Turki al-Maliki denied the claim."
    ),
    "names_only_sentence": (
        "Lieutenant-General Faiz Hameed met Abdul Ghani Baradar and Anas Haqqani in Kabul on Tuesday."
    ),
    "dateline": (
        "KABUL, Afghanistan (AP) — Taliban fighters seized Panjshir. Ahmad Massoud fled to "
        "Tajikistan, officials in Dushanbe said."
    ),
    "ministry": (
        "Sergei Shoigu and Valery Gerasimov visited Donetsk, Luhansk and Mariupol on Monday, "
        "the Russian Defence Ministry said."
    ),
    "army_spokesman": (
        "Boko Haram fighters attacked Maiduguri in Borno State, Nigerian Army spokesman "
        "Onyema Nwachukwu said on Sunday."
    ),
    "all_caps_wire": (
        "SAN SALVADOR, 3 JAN 90 -- THE ARMED FORCES HAVE REPORTED THAT REBELS ATTACKED A "
        "GARRISON IN USULUTAN DEPARTMENT."
    ),
}

FOREIGN = {
    "fr": (
        "Les forces de la résistance ont affirmé lundi que le Pakistan fournissait un soutien aérien "
        "aux talibans. Les autorités pakistanaises ont démenti ces accusations et appelé au calme."
    ),
    "es": (
        "Las fuerzas de la resistencia afirmaron el lunes que Pakistán proporcionaba apoyo aéreo a los "
        "talibanes. Las autoridades paquistaníes negaron las acusaciones."
    ),
    "de": (
        "Die Widerstandskräfte erklärten am Montag, Pakistan habe die Taliban aus der Luft unterstützt. "
        "Die pakistanischen Behörden wiesen die Vorwürfe zurück."
    ),
    "ru": (
        "Силы сопротивления заявили в понедельник, что Пакистан оказывал воздушную поддержку талибам. "
        "Власти Пакистана опровергли эти обвинения."
    ),
}


def test_founding_article_is_english() -> None:
    guess = guess_language(FOUNDING.read_text(encoding="utf-8"), Config())
    assert guess.accepted
    assert guess.language == "en"


@pytest.mark.parametrize("text", list(ENGLISH.values()), ids=list(ENGLISH))
def test_name_heavy_english_is_accepted(text: str) -> None:
    assert guess_language(text, Config()).accepted
    assert check_language(text, origin="x.txt", config=Config()) in ("en", None)


@pytest.mark.parametrize(("code", "text"), list(FOREIGN.items()), ids=list(FOREIGN))
def test_foreign_paragraph_is_rejected_with_its_code(code: str, text: str) -> None:
    guess = guess_language(text, Config())
    assert not guess.accepted
    assert guess.language == code
    with pytest.raises(UnsupportedLanguageError) as info:
        check_language(text, origin="news/a.txt", config=Config())
    assert info.value.origin == "news/a.txt"
    assert info.value.reason == f"language '{code}' is not processed (expected one of: en)"
    assert info.value.code == "E002"


@pytest.mark.parametrize(("code", "text"), list(FOREIGN.items()), ids=list(FOREIGN))
def test_configured_language_is_accepted(code: str, text: str) -> None:
    assert check_language(text, origin="a.txt", config=Config(languages=("en", code))) == code


@pytest.mark.parametrize(
    ("text", "config"),
    [
        ("Le gouvernement a démenti.", Config()),  # fewer letters than min_language_chars
        (FOREIGN["fr"], Config(min_language_chars=10_000)),
        (FOREIGN["ru"], Config(languages=())),  # no languages configured: no check
    ],
    ids=["short", "high_minimum", "no_languages"],
)
def test_unchecked_text_is_accepted_without_a_language(text: str, config: Config) -> None:
    guess = guess_language(text, config)
    assert guess.accepted
    assert guess.language is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ahmad Massoud said the NRF would fight on.", "said the would fight on."),
        ("«Le Monde» a écrit", "a écrit"),
        ("Die Armee bestritt den Angriff", "bestritt den"),
        ("", ""),
    ],
)
def test_without_capitalised_words(text: str, expected: str) -> None:
    assert without_capitalised_words(text) == expected


@pytest.mark.parametrize(("text", "expected"), [("a1 b-2 é", 3), ("", 0), ("Пакистан 42", 8)])
def test_count_letters(text: str, expected: int) -> None:
    assert count_letters(text) == expected
