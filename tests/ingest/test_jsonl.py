from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from claimledger.config import Config
from claimledger.errors import InputError, UnsupportedLanguageError
from claimledger.ingest.jsonl import article_from_record, iter_json, iter_jsonl

NEWS = "Militants attacked a police post near the border on Sunday, killing two officers, police said."
NEWS2 = "The interior ministry denied that any officers had been killed in the attack on the post."
FRENCH = (
    "Des militants ont attaqué un poste de police près de la frontière dimanche, "
    "tuant deux agents, selon la police."
)


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_record_fields_and_exact_text() -> None:
    text = "  " + NEWS.replace(", ", ",\r\n") + "\n\n"
    record = {
        "text": text,
        "url": "https://example.org/1",
        "source": "Wire",
        "published": "2021-09-06T10:00:00Z",
        "title": "Post attacked",
        "extra": "ignored",
    }
    article = article_from_record(record, origin="r.jsonl:1", config=Config())
    assert article.text == text
    assert article.url == "https://example.org/1"
    assert article.source == "Wire"
    assert article.title == "Post attacked"
    assert article.published == dt.datetime(2021, 9, 6, 10, tzinfo=dt.UTC)
    assert article.origin == "r.jsonl:1"


@pytest.mark.parametrize(
    ("record_date", "argument", "expected"),
    [
        ("2021-09-06", dt.date(2020, 1, 1), dt.date(2021, 9, 6)),  # the record's own date wins
        (None, dt.date(2020, 1, 1), dt.date(2020, 1, 1)),
        ("", dt.date(2020, 1, 1), dt.date(2020, 1, 1)),
        (None, None, None),
    ],
)
def test_record_date_wins_over_the_argument(
    record_date: str | None, argument: dt.date | None, expected: object
) -> None:
    record = {"text": NEWS, "published": record_date}
    article = article_from_record(record, origin="r.jsonl:1", config=Config(), published=argument)
    assert article.published == expected


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"url": "https://example.org"}, "the record has no 'text' field"),
        ({"text": None}, "the record's 'text' is null, expected a string"),
        ({"text": 42}, "the record's 'text' is a number, expected a string"),
        ({"text": NEWS, "url": 7}, "the record's 'url' is a number, expected a string or null"),
        ({"text": NEWS, "title": ["a"]}, "the record's 'title' is a list, expected a string or null"),
        ({"text": NEWS, "published": "06/09/2021"}, "invalid 'published' date '06/09/2021'"),
        ({"text": "   "}, "the text is empty or whitespace only"),
        ([NEWS], "the record is a list, expected a JSON object"),
        ("just a string", "the record is a string, expected a JSON object"),
    ],
)
def test_bad_record(record: object, reason: str) -> None:
    with pytest.raises(InputError) as info:
        article_from_record(record, origin="r.jsonl:4", config=Config())
    assert info.value.origin == "r.jsonl:4"
    assert reason in info.value.reason


def test_jsonl_lines_are_numbered_and_bad_lines_do_not_stop_the_others(tmp_path: Path) -> None:
    path = write_lines(
        tmp_path / "records.jsonl",
        [
            json.dumps({"text": NEWS, "url": "u1"}),
            "",
            json.dumps({"url": "u3"}),
            "{not json",
            json.dumps({"text": FRENCH}),
            "   ",
            json.dumps({"text": NEWS2, "published": "2021-09-07"}),
        ],
    )
    results = list(iter_jsonl(path, origin=str(path), config=Config(), published=dt.date(2021, 9, 6)))
    assert [r.origin for r in results] == [f"{path}:{n}" for n in (1, 3, 4, 5, 7)]
    first, missing, invalid, french, last = results
    assert first.article is not None and first.article.text == NEWS
    assert first.article.published == dt.date(2021, 9, 6)
    assert missing.error is not None and missing.error.reason == "the record has no 'text' field"
    assert invalid.error is not None and invalid.error.reason.startswith("invalid JSON: ")
    assert isinstance(french.error, UnsupportedLanguageError) and french.skipped
    assert last.article is not None and last.article.published == dt.date(2021, 9, 7)


def test_jsonl_with_bom_crlf_and_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    good = json.dumps({"text": NEWS}).encode()
    path.write_bytes(b"\xef\xbb\xbf" + good + b"\r\n" + b'{"text": "caf\xe9"}\r\n' + good + b"\r\n")
    results = list(iter_jsonl(path, origin="r.jsonl", config=Config()))
    assert [r.ok for r in results] == [True, False, True]
    error = results[1].error
    assert error is not None and error.origin == "r.jsonl:2"
    offset = 3 + len(good) + 2 + len(b'{"text": "caf')
    assert f"not valid UTF-8: byte 0xe9 at byte offset {offset} of the file" in error.reason


def test_overlong_jsonl_line_is_skipped_without_stopping(tmp_path: Path) -> None:
    config = Config(max_chars=10, languages=())
    path = write_lines(
        tmp_path / "r.jsonl",
        [json.dumps({"text": "x" * 200_000}), json.dumps({"text": "short"})],
    )
    results = list(iter_jsonl(path, origin="r.jsonl", config=config))
    assert [r.origin for r in results] == ["r.jsonl:1", "r.jsonl:2"]
    assert results[0].error is not None and "the line has more than" in results[0].error.reason
    assert results[1].article is not None and results[1].article.text == "short"


@pytest.mark.parametrize(
    ("content", "reason"),
    [("", "the file is empty (no JSON records)"), ("\n  \n", "the file is empty (no JSON records)")],
    ids=["empty", "blank_lines"],
)
def test_empty_jsonl(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "e.jsonl"
    path.write_text(content, encoding="utf-8")
    (result,) = iter_jsonl(path, origin="e.jsonl", config=Config())
    assert result.error is not None and result.error.reason == reason


def test_jsonl_directory_is_an_error(tmp_path: Path) -> None:
    (result,) = iter_jsonl(tmp_path, origin="dir.jsonl", config=Config())
    assert result.error is not None and result.error.reason == "is a directory, expected a file"


@pytest.mark.parametrize(
    ("document", "origins", "ok"),
    [
        ({"text": NEWS}, ["{p}"], [True]),
        (
            [{"text": NEWS}, {"title": "no text"}, {"text": NEWS2}],
            ["{p}[0]", "{p}[1]", "{p}[2]"],
            [True, False, True],
        ),
        ([], ["{p}"], [False]),
        ("text", ["{p}"], [False]),
    ],
    ids=["object", "list", "empty_list", "string"],
)
def test_json_file(tmp_path: Path, document: object, origins: list[str], ok: list[bool]) -> None:
    path = tmp_path / "r.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    results = list(iter_json(path, origin="r.json", config=Config()))
    assert [r.origin for r in results] == [o.format(p="r.json") for o in origins]
    assert [r.ok for r in results] == ok


def test_json_file_holding_jsonl_is_read_as_jsonl(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "r.json", [json.dumps({"text": NEWS}), json.dumps({"text": NEWS2})])
    results = list(iter_json(path, origin="r.json", config=Config()))
    assert [r.origin for r in results] == ["r.json:1", "r.json:2"]
    assert all(r.ok for r in results)


def test_invalid_json_file(tmp_path: Path) -> None:
    path = tmp_path / "r.json"
    path.write_text('{"text": "unterminated', encoding="utf-8")
    (result,) = iter_json(path, origin="r.json", config=Config())
    assert result.error is not None
    assert result.error.reason.startswith("invalid JSON: Unterminated string")
