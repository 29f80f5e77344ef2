"""Shared fixtures: the packaged model and pipeline are loaded once per test session."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from claimledger.config import Config

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FOUNDING = SHARED / "corpus" / "000_026596cb75424136.txt"


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from claimledger.nlp.loader import load_model

    return load_model(Config().model)


@pytest.fixture(scope="session")
def pipeline(nlp):  # type: ignore[no-untyped-def]
    from claimledger.pipeline import Pipeline, load_resources

    return Pipeline(nlp, load_resources(), Config())


@pytest.fixture(scope="session")
def founding_ledger(pipeline):  # type: ignore[no-untyped-def]
    from claimledger.ingest.text import read_text_file

    if not FOUNDING.exists():
        pytest.fail(f"the founding article is missing: {FOUNDING} (tests read ../shared beside the repo)")
    article = read_text_file(FOUNDING, origin=str(FOUNDING), config=Config(), published=dt.date(2021, 9, 6))
    return pipeline.extract(article)


def make_article(text: str, published: dt.date | None = dt.date(2021, 9, 6)):  # type: ignore[no-untyped-def]
    from claimledger.ingest.text import article_from_text

    return article_from_text(text, origin="<test>", published=published, config=Config(languages=()))
