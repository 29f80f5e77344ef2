from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest

from claimledger.config import Config
from claimledger.errors import UnsupportedLanguageError
from claimledger.ingest import iter_articles

NEWS = (
    "Troops shelled the rebel-held district overnight, residents said, and at least four people were killed."
)
NEWS2 = "The rebels said they had repelled the assault and captured two armoured vehicles near the bridge."
SPANISH = (
    "Las tropas bombardearon durante la noche el distrito controlado por los rebeldes, según los vecinos."
)
PAGE = (
    "<html><head><title>Assault repelled</title>"
    '<meta property="article:published_time" content="2021-09-05"></head>'
    f"<body><article><p>{NEWS}</p><p>{NEWS2}</p></article></body></html>"
)
EMPTY_PAGE = "<html><head><title>Menu</title></head><body><div></div></body></html>"


def build(root: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


BAD_FILES: list[tuple[str, bytes, str]] = [
    ("empty.txt", b"", "the file is empty (0 bytes)"),
    ("blank.txt", b"  \r\n\t\n", "the text is empty or whitespace only"),
    ("binary.txt", b"GIF89a\x00\x01\x00\x00\xff", "looks like a binary file: it contains NUL bytes"),
    ("controls.md", b"\x01\x02\x03\x04\x05\x06 text", "looks like a binary file: 55% of its bytes"),
    ("latin1.txt", b"El ej\xe9rcito", "not valid UTF-8: byte 0xe9 at byte offset 5 (line 1)"),
    ("nobody.html", EMPTY_PAGE.encode(), "no article body could be extracted from the HTML"),
    ("spanish.txt", SPANISH.encode(), "language 'es' is not processed (expected one of: en)"),
    ("norecord.jsonl", b'{"url": "x"}\n', "the record has no 'text' field"),
]


@pytest.mark.parametrize(("name", "data", "reason"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_is_reported_and_the_others_go_on(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    build(tmp_path, {"a.txt": NEWS.encode(), name: data, "z.txt": NEWS2.encode()})
    results = list(iter_articles([str(tmp_path)], Config()))
    origins = [Path(r.origin).name.split(":")[0] for r in results]
    assert origins == sorted(["a.txt", name, "z.txt"])
    bad = next(r for r in results if Path(r.origin).name.startswith(name))
    assert bad.article is None and bad.error is not None
    assert reason in bad.error.reason
    assert str(tmp_path / name) in bad.error.origin
    assert [r.article.text for r in results if r.article] == [NEWS, NEWS2]


def test_twenty_megabyte_file_is_rejected_quickly(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.write(NEWS.encode())
        handle.truncate(20_000_000)
    started = time.perf_counter()
    (result,) = iter_articles([str(big)], Config())
    assert time.perf_counter() - started < 0.5
    assert result.error is not None
    assert result.error.reason == (
        "the file has 20,000,000 bytes, too large for the limit of 1,000,000 characters (max_chars)"
    )


def test_mixed_inputs_keep_their_order_and_origins(tmp_path: Path) -> None:
    build(
        tmp_path,
        {
            "dir/b.html": PAGE.encode(),
            "dir/a.txt": b"\xef\xbb\xbf" + NEWS.replace(", ", ",\r\n").encode() + b"\r\n",
            "dir/.hidden.txt": NEWS.encode(),
            "dir/notes.csv": b"a,b",
            "records.jsonl": (
                json.dumps({"text": NEWS}) + "\n\n" + json.dumps({"text": NEWS2}) + "\n"
            ).encode(),
            "list.json": json.dumps([{"text": NEWS2}]).encode(),
        },
    )
    paths = [
        str(tmp_path / "records.jsonl"),
        str(tmp_path / "dir"),
        str(tmp_path / "missing.txt"),
        str(tmp_path / "*.json"),
    ]
    results = list(iter_articles(paths, Config()))
    assert [r.origin for r in results] == [
        f"{tmp_path}/records.jsonl:1",
        f"{tmp_path}/records.jsonl:3",
        f"{tmp_path}/dir/a.txt",
        f"{tmp_path}/dir/b.html",
        f"{tmp_path}/missing.txt",
        f"{tmp_path}/list.json[0]",
    ]
    assert [r.ok for r in results] == [True, True, True, True, False, True]
    text_article = results[2].article
    assert text_article is not None and text_article.text == NEWS.replace(", ", ",\n")
    html_article = results[3].article
    assert html_article is not None and html_article.title == "Assault repelled"


@pytest.mark.parametrize(
    ("argument", "expected"),
    [
        # (record with its own date, record without, HTML page with a date in its metadata, plain text)
        (None, [dt.date(2021, 9, 1), None, dt.date(2021, 9, 5), None]),
        (
            dt.date(2021, 9, 6),
            [dt.date(2021, 9, 1), dt.date(2021, 9, 6), dt.date(2021, 9, 6), dt.date(2021, 9, 6)],
        ),
    ],
    ids=["no_published", "published_given"],
)
def test_published_precedence_across_formats(
    tmp_path: Path, argument: dt.date | None, expected: list[dt.date | None]
) -> None:
    build(
        tmp_path,
        {
            "1.jsonl": (
                json.dumps({"text": NEWS, "published": "2021-09-01"})
                + "\n"
                + json.dumps({"text": NEWS2})
                + "\n"
            ).encode(),
            "2.html": PAGE.encode(),
            "3.txt": NEWS.encode(),
        },
    )
    results = list(iter_articles([str(tmp_path)], Config(), published=argument))
    assert [r.article.published if r.article else "error" for r in results] == expected


def test_unsupported_language_is_marked_as_skipped(tmp_path: Path) -> None:
    build(tmp_path, {"es.txt": SPANISH.encode()})
    (result,) = iter_articles([str(tmp_path / "es.txt")], Config())
    assert result.skipped
    assert isinstance(result.error, UnsupportedLanguageError)
    assert (
        str(result.error) == f"[E002] {tmp_path}/es.txt: language 'es' is not processed (expected one of: en)"
    )
    (accepted,) = iter_articles([str(tmp_path / "es.txt")], Config(languages=("en", "es")))
    assert accepted.article is not None and accepted.article.language == "es"


def test_iter_articles_is_lazy(tmp_path: Path) -> None:
    build(tmp_path, {"a.txt": NEWS.encode()})
    results = iter_articles([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], Config())
    first = next(results)
    assert first.ok
    build(tmp_path, {"b.txt": NEWS2.encode()})  # created after the first result was taken
    second = next(results)
    assert second.article is not None and second.article.text == NEWS2


def test_founding_article_file() -> None:
    path = str(Path(__file__).resolve().parents[3] / "shared" / "corpus" / "000_026596cb75424136.txt")
    (result,) = iter_articles([path], Config(), published=dt.date(2021, 9, 6))
    article = result.article
    assert article is not None
    assert article.language == "en"
    assert article.published == dt.date(2021, 9, 6)
    assert article.text.startswith("The National Resistance Front (NRF)")
    assert article.id == article.content_hash[:16]
