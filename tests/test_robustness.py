"""Property-based: the extractors never crash on arbitrary text, and what they return is well-formed."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimledger.errors import InputError
from claimledger.serialize import ledger_to_dict, validate_ledger_dict

from .conftest import make_article

WORDS = st.sampled_from(
    [
        "The",
        "army",
        "said",
        "rebels",
        "attacked",
        "Kabul",
        "“",
        "”",
        '"',
        "(",
        ")",
        "NRF",
        "claimed",
        "denied",
        "on",
        "Monday",
        "killed",
        "by",
        "the",
        "Taliban",
        "*",
        ",",
        ".",
        "is",
        "said",
        "to",
        "according",
        "Pakistani",
        "drones",
        "15",
        "August",
        "last",
        "night",
        "\n",
        "'s",
        "its",
        "he",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(min_size=1, max_size=300), st.lists(WORDS, min_size=1, max_size=60).map(" ".join)))
def test_pipeline_never_crashes(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    try:
        article = make_article(text)
    except InputError:
        return  # ingest rejects it with a reason (tested in tests/ingest)
    ledger = pipeline.extract(article)
    assert ledger.errors == ()
    assert validate_ledger_dict(ledger_to_dict(ledger)) == []
