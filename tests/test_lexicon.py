from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from claimledger.errors import DataFileError
from claimledger.lexicon import (
    CHANNELS_FILE,
    DEMONYMS_FILE,
    ChannelRow,
    Channels,
    DemonymRow,
    Demonyms,
    load_channels,
    load_demonyms,
    normalize,
)

DEMONYM_HEADER = "iso2\tcountry\tadjectives\tnouns\n"
CHANNEL_HEADER = "pattern\tchannel\n"


@pytest.fixture(scope="module")
def demonyms() -> Demonyms:
    return load_demonyms()


@pytest.fixture(scope="module")
def channels() -> Channels:
    return load_channels()


def _packaged_lines(name: str) -> list[str]:
    text = (resources.files("claimledger") / "data" / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


# --- demonyms: lookup -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("Pakistani", ("PK",)),
        ("Pakistanis", ("PK",)),
        ("pakistani", ("PK",)),
        ("Afghan", ("AF",)),
        ("Afghans", ("AF",)),
        ("American", ("US",)),
        ("AMERICAN", ("US",)),
        ("Americans", ("US",)),
        ("U.S.", ("US",)),
        ("US", ("US",)),
        ("us", ()),
        ("Us", ()),
        ("British", ("GB",)),
        ("Britons", ("GB",)),
        ("U.K.", ("GB",)),
        ("Congolese", ("CD", "CG")),
        ("Korean", ("KP", "KR")),
        ("North Korean", ("KP",)),
        ("north  korean", ("KP",)),
        ("Dominican", ("DM", "DO")),
        ("Sudanese", ("SD",)),
        ("South Sudanese", ("SS",)),
        ("Nigerien", ("NE",)),
        ("Nigerian", ("NG",)),
        ("Burkinabe", ("BF",)),
        ("Burkinabé", ("BF",)),
        ("Bissau Guinean", ("GW",)),
        ("Spaniards", ("ES",)),
        ("Palestinian", ("PS",)),
        ("Kosovar", ("XK",)),
        ("Taiwanese", ("TW",)),
        ("Sahrawi", ("EH",)),
        ("Martian", ()),
        ("Pakistan", ()),
        ("", ()),
    ],
)
def test_demonym_lookup(demonyms: Demonyms, word: str, expected: tuple[str, ...]) -> None:
    assert demonyms.lookup(word) == expected


@pytest.mark.parametrize(
    ("word", "ambiguous"),
    [
        ("Congolese", True),
        ("Korean", True),
        ("Koreans", True),
        ("Dominican", True),
        ("Pakistani", False),
        ("South Korean", False),
        ("Martian", False),
    ],
)
def test_demonym_is_ambiguous(demonyms: Demonyms, word: str, ambiguous: bool) -> None:
    assert demonyms.is_ambiguous(word) is ambiguous


@pytest.mark.parametrize(
    ("iso2", "name"),
    [
        ("PK", "Pakistan"),
        ("cd", "Democratic Republic of the Congo"),
        ("GB", "United Kingdom"),
        ("ZZ", None),
    ],
)
def test_country_name(demonyms: Demonyms, iso2: str, name: str | None) -> None:
    assert demonyms.country_name(iso2) == name


def test_every_form_finds_its_own_state(demonyms: Demonyms) -> None:
    for row in demonyms.rows:
        for form in (*row.adjectives, *row.nouns):
            assert row.iso2 in demonyms.lookup(form), (row.iso2, form)


def test_forms_are_unique_and_longest_first(demonyms: Demonyms) -> None:
    forms = demonyms.forms()
    assert len(forms) == len(set(forms))
    assert [len(f) for f in forms] == sorted((len(f) for f in forms), reverse=True)
    assert "Pakistanis" in forms


def test_demonyms_constructor_takes_rows_without_io() -> None:
    lexicon = Demonyms((DemonymRow("PK", "Pakistan", ("Pakistani",), ("Pakistanis",)),))
    assert lexicon.lookup("pakistanis") == ("PK",)
    assert lexicon.country_name("PK") == "Pakistan"


# --- demonyms: the packaged file ------------------------------------------------------------------


def test_packaged_demonyms_every_row_parses(demonyms: Demonyms) -> None:
    data_lines = _packaged_lines(DEMONYMS_FILE)
    assert len(demonyms.rows) == len(data_lines) - 1  # minus the header
    assert len(demonyms.rows) >= 197  # 193 UN members + Palestine, Kosovo, Taiwan, Western Sahara


def test_packaged_demonyms_iso2_codes_are_upper_case_and_unique(demonyms: Demonyms) -> None:
    codes = [row.iso2 for row in demonyms.rows]
    assert all(len(code) == 2 and code.isascii() and code.isalpha() and code.isupper() for code in codes)
    assert len(codes) == len(set(codes))
    assert {"PS", "XK", "TW", "EH", "PK", "AF", "US", "GB"} <= set(codes)


# --- demonyms: malformed files --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "line", "reason"),
    [
        (DEMONYM_HEADER + "PK\tPakistan\tPakistani\n", 2, "expected 4 tab-separated columns"),
        (DEMONYM_HEADER + "PK\tPakistan\tPakistani\tPakistanis\npk\tX\tY\tZ\n", 3, "not a two-letter"),
        (DEMONYM_HEADER + "PAK\tPakistan\tPakistani\tPakistanis\n", 2, "not a two-letter"),
        (DEMONYM_HEADER + "PK\tPakistan\tPakistani\t\nPK\tPakistan\tPak\t\n", 3, "already given on line 2"),
        (DEMONYM_HEADER + "# comment\n\nAF\tAfghanistan\t\tAfghans\n", 4, "adjectives column is empty"),
        (DEMONYM_HEADER + "AF\tAfghanistan\tAfghan||Afghani\tAfghans\n", 2, "empty item"),
        (DEMONYM_HEADER + "AF\t\tAfghan\tAfghans\n", 2, "country column is empty"),
        ("code\tcountry\tadjectives\tnouns\n", 1, "expected the header"),
    ],
)
def test_malformed_demonyms_name_file_and_line(tmp_path: Path, content: str, line: int, reason: str) -> None:
    path = tmp_path / "demonyms.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_demonyms(path)
    message = str(info.value)
    assert message.startswith("[E060]")
    assert f"{path}:{line}:" in message
    assert reason in message


def test_demonyms_empty_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.tsv"
    path.write_text("\n# nothing\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="empty data file"):
        load_demonyms(path)


def test_missing_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "absent.tsv"
    with pytest.raises(DataFileError, match=r"absent\.tsv: cannot read"):
        load_demonyms(path)


def test_non_utf8_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "latin1.tsv"
    path.write_bytes(DEMONYM_HEADER.encode() + "CI\tC\xf4te d'Ivoire\tIvorian\t\n".encode("latin-1"))
    with pytest.raises(DataFileError, match=r"latin1\.tsv: not UTF-8"):
        load_demonyms(path)


def test_crlf_and_comments_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "crlf.tsv"
    path.write_bytes(
        b"# demonyms\r\n"
        + DEMONYM_HEADER.replace("\n", "\r\n").encode()
        + b"PK\tPakistan\tPakistani\tPakistanis\r\n"
    )
    assert load_demonyms(path).lookup("Pakistanis") == ("PK",)


# --- channels -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("Twitter", "Twitter"),
        ("tweet", "Twitter"),
        ("a tweet", "Twitter"),
        ("his Twitter account", "Twitter"),
        ("X", "X"),
        ("Facebook", "Facebook"),
        ("a Facebook post", "Facebook"),
        ("Telegram channel", "Telegram"),
        ("WhatsApp", "WhatsApp"),
        ("YouTube", "YouTube"),
        ("Instagram", "Instagram"),
        ("TikTok", "TikTok"),
        ("its website", "website"),
        ("statement", "statement"),
        ("a written statement.", "statement"),
        ("press release", "statement"),
        ("press conference", "press conference"),
        ("a news conference", "press conference"),
        ("a briefing", "press conference"),
        ("state television", "television"),
        ("State TV", "television"),
        ("state-run television", "television"),
        ("radio", "radio"),
        ("an interview", "interview"),
        ("a video message", "video"),
        ("video", "video"),
        ("a post", "post"),
        ("an open letter", "letter"),
        ("communique", "communique"),
        ("Communiqué", "communique"),
        ("a speech", "speech"),
        ("conference", None),
        ("the ministry", None),
        ("", None),
    ],
)
def test_channel_lookup(channels: Channels, phrase: str, expected: str | None) -> None:
    assert channels.lookup(phrase) == expected


def test_packaged_channels_every_row_parses(channels: Channels) -> None:
    assert len(channels.rows) == len(_packaged_lines(CHANNELS_FILE)) - 1
    for row in channels.rows:
        assert row.pattern == row.pattern.lower()
        assert channels.lookup(row.pattern) == row.channel


def test_packaged_channels_cover_the_channel_set(channels: Channels) -> None:
    assert set(channels.channels()) == {
        "Twitter",
        "X",
        "Facebook",
        "Telegram",
        "WhatsApp",
        "YouTube",
        "Instagram",
        "TikTok",
        "website",
        "statement",
        "press conference",
        "television",
        "radio",
        "interview",
        "video",
        "post",
        "letter",
        "communique",
        "speech",
    }


def test_channels_constructor_takes_rows_without_io() -> None:
    lexicon = Channels((ChannelRow("state television", "television"),))
    assert lexicon.lookup("Syrian state television") == "television"
    assert lexicon.lookup("television") is None


@pytest.mark.parametrize(
    ("content", "line", "reason"),
    [
        (CHANNEL_HEADER + "tweet\n", 2, "expected 2 tab-separated columns"),
        (CHANNEL_HEADER + "Twitter\tTwitter\n", 2, "not in normalized lower case"),
        (CHANNEL_HEADER + "tweet\tTwitter\ntweet\tX\n", 3, "already given on line 2"),
        (CHANNEL_HEADER + "tweet\t\n", 2, "empty pattern or channel"),
        ("pattern\tname\n", 1, "expected the header"),
    ],
)
def test_malformed_channels_name_file_and_line(tmp_path: Path, content: str, line: int, reason: str) -> None:
    path = tmp_path / "channels.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_channels(path)
    message = str(info.value)
    assert f"{path}:{line}:" in message
    assert reason in message


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Burkinabé", "burkinabe"),
        ("Bissau-Guinean", "bissau guinean"),
        ("  North\tKorean ", "north korean"),
        ("Côte d'Ivoire", "cote d'ivoire"),
    ],
)
def test_normalize(text: str, key: str) -> None:
    assert normalize(text) == key
