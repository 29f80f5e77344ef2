from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimledger.config import Config
from claimledger.errors import InputError
from claimledger.ingest.html import article_from_html, read_html_file

HEAD = """<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>Rebels seize border town | Example News</title>
<meta property="og:title" content="Rebels seize border town">
<meta property="og:url" content="https://news.example.org/2021/09/rebels-seize-town">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2021-09-06T08:30:00Z">
</head>"""
BODY = """<body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Rebels seize border town</h1>
<p>Rebel fighters took control of the border town on Monday after two days of clashes with government
troops, local officials said.</p>
<p>The army denied that the town had fallen, saying its soldiers still held the main checkpoint.</p>
<table><tr><td>Casualties reported</td><td>twelve</td></tr></table>
<p>Aid groups said hundreds of families had fled across the river since the fighting began.</p>
</article>
<div class="comments"><p>Great article! Thanks for the coverage.</p></div>
<footer>Copyright Example News</footer>
</body></html>"""
PAGE = HEAD.format(charset="utf-8") + BODY


def test_html_body_and_metadata() -> None:
    article = article_from_html(PAGE.encode(), origin="page.html", config=Config())
    assert article.title == "Rebels seize border town"
    assert article.url == "https://news.example.org/2021/09/rebels-seize-town"
    assert article.source == "Example News"
    assert article.published == dt.date(2021, 9, 6)
    assert article.language == "en"
    assert "Rebel fighters took control of the border town on Monday" in article.text
    assert "Aid groups said hundreds of families had fled" in article.text
    for left_out in ("Home", "Great article", "Casualties reported", "Copyright"):
        assert left_out not in article.text


def test_published_argument_wins_over_the_page_date() -> None:
    article = article_from_html(
        PAGE.encode(), origin="page.html", config=Config(), published=dt.date(2021, 9, 7)
    )
    assert article.published == dt.date(2021, 9, 7)


def test_page_without_metadata() -> None:
    page = "<html><head><title>x</title></head>" + BODY.replace("Copyright", "")
    article = article_from_html(page, origin="plain.html", config=Config())
    assert article.published is None
    assert article.url is None
    assert "Rebel fighters took control" in article.text


def test_legacy_encoding_declared_in_the_page() -> None:
    page = HEAD.format(charset="windows-1252") + BODY.replace("border town on", "border town – Café on")
    article = article_from_html(page.encode("windows-1252"), origin="old.html", config=Config())
    assert "border town – Café on Monday" in article.text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"<html><head><title>Nothing</title></head><body><div></div></body></html>", "no article body"),
        (b"<html><body><script>var a = 1;</script></body></html>", "no article body"),
        (b"<html>\x00\x01\x02\x00</html>", "looks like a binary file"),
    ],
    ids=["empty_body", "script_only", "binary"],
)
def test_html_without_a_body_is_an_error(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as info:
        article_from_html(data, origin="bad.html", config=Config())
    assert info.value.origin == "bad.html"
    assert reason in info.value.reason


def test_read_html_file(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    path.write_bytes(b"\xef\xbb\xbf" + PAGE.replace("\n", "\r\n").encode())
    article = read_html_file(path, origin=str(path), config=Config())
    assert article.title == "Rebels seize border town"
    assert "\r" not in article.text


def test_oversized_html_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    path.write_bytes(PAGE.encode())
    with pytest.raises(InputError, match="too large for an HTML page"):
        read_html_file(path, origin=str(path), config=Config(max_chars=10))
