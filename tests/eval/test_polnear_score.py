from __future__ import annotations

import pytest

from claimledger.eval.polnear_score import (
    POLNEAR_METRICS,
    GoldAttribution,
    PredictedAttribution,
    RoleCounts,
    agrees,
    content_coverage,
    predictions_from_ledger,
    score_attributions,
    word_spans,
)
from claimledger.types import Article, ArticleLedger, Claim, Span

TEXT = (
    "Officials said the old bridge was closed on Monday night, and the mayor told reporters that trains run."
)


def at(phrase: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(phrase, start + 1)
    return Span(start, start + len(phrase))


def gold(cue: str, content: str, source: str | None, gid: str = "E1") -> GoldAttribution:
    spans = (at(content),)
    return GoldAttribution(
        id=gid,
        cue=(at(cue),),
        content=spans,
        source=(at(source),) if source else (),
        content_tokens=word_spans(TEXT, spans),
    )


def pred(cue: str, content: str, source: str | None = None, label: str = "p") -> PredictedAttribution:
    return PredictedAttribution(
        cue=(at(cue),), content=(at(content),), source=(at(source),) if source else (), label=label
    )


OFFICIALS = gold("said", "the old bridge was closed on Monday night", "Officials")  # 8 tokens
MAYOR = gold("told", "that trains run", "the mayor", gid="E2")
NO_SOURCE = gold("said", "the old bridge was closed on Monday night", None)
TWO_THIRDS = 2 / 3


def test_word_spans_split_at_whitespace_and_punctuation() -> None:
    spans = word_spans(TEXT, [at("Monday night, and the")])
    assert [s.text(TEXT) for s in spans] == ["Monday", "night", "and", "the"]


@pytest.mark.parametrize(
    ("content", "coverage", "agree"),
    [
        ("the old bridge was closed on Monday night", 1.0, True),
        ("the old bridge was", 0.5, True),  # exactly half of the 8 tokens
        ("old bridge was closed on", 5 / 8, True),  # just above
        ("the old bridge", 3 / 8, False),  # just below
        ("Monday night, and the mayor", 2 / 8, False),
        ("trains run", 0.0, False),
        ("ld bridge was clos", 0.5, True),  # a token counts when any of its characters is covered
    ],
)
def test_content_half_of_the_gold_tokens(content: str, coverage: float, agree: bool) -> None:
    p = pred("said", content, "Officials")
    assert content_coverage(OFFICIALS, p) == pytest.approx(coverage)
    assert agrees(OFFICIALS, p) is agree


@pytest.mark.parametrize(
    ("gold_item", "prediction", "agree"),
    [
        (OFFICIALS, pred("said", "the old bridge was closed", "Officials"), True),
        (OFFICIALS, pred("said", "the old bridge was closed", "Offic"), True),  # source overlaps
        (OFFICIALS, pred("said", "the old bridge was closed", None), False),  # gold has a source
        (OFFICIALS, pred("said", "the old bridge was closed", "the mayor"), False),
        (OFFICIALS, pred("told", "the old bridge was closed", "Officials"), False),  # cue
        (NO_SOURCE, pred("said", "the old bridge was closed", None), True),
        (NO_SOURCE, pred("said", "the old bridge was closed", "the mayor"), True),  # ignored: no gold source
    ],
)
def test_agreement(gold_item: GoldAttribution, prediction: PredictedAttribution, agree: bool) -> None:
    assert agrees(gold_item, prediction) is agree


def test_discontinuous_gold_content_counts_tokens_of_every_fragment() -> None:
    spans = (at("the old bridge"), at("trains run"))  # 5 tokens
    g = GoldAttribution("E1", (at("said"),), spans, (), word_spans(TEXT, spans))
    assert agrees(g, pred("said", "the old bridge")) is True  # 3 of 5
    assert agrees(g, pred("said", "trains run")) is False  # 2 of 5


# (gold, predictions, expected {role: (tp, predicted, gold)})
SCORE_TABLE = [
    pytest.param(
        [OFFICIALS, MAYOR],
        [
            pred("said", "the old bridge was closed on Monday night", "Officials"),
            pred("told", "that trains run", "the mayor"),
        ],
        {"cue": (2, 2, 2), "source": (2, 2, 2), "content": (2, 2, 2), "attribution": (2, 2, 2)},
        id="perfect",
    ),
    pytest.param(
        [OFFICIALS],
        [pred("said", "the old bridge", "Officials")],  # 3 of 8 tokens: roles right, attribution wrong
        {"cue": (1, 1, 1), "source": (1, 1, 1), "content": (1, 1, 1), "attribution": (0, 1, 1)},
        id="content-below-half",
    ),
    pytest.param(
        [OFFICIALS],
        [pred("said", "the old bridge was", "Officials")],  # 4 of 8 tokens
        {"cue": (1, 1, 1), "source": (1, 1, 1), "content": (1, 1, 1), "attribution": (1, 1, 1)},
        id="content-half",
    ),
    pytest.param(
        [NO_SOURCE],
        [pred("said", "the old bridge was closed", "Officials")],
        {"cue": (1, 1, 1), "source": (0, 1, 0), "content": (1, 1, 1), "attribution": (1, 1, 1)},
        id="no-gold-source-predicted-one",
    ),
    pytest.param(
        [NO_SOURCE],
        [pred("said", "the old bridge was closed")],
        {"cue": (1, 1, 1), "source": (0, 0, 0), "content": (1, 1, 1), "attribution": (1, 1, 1)},
        id="no-source-either-side",
    ),
    pytest.param(
        [OFFICIALS],
        [pred("said", "the old bridge was closed")],
        {"cue": (1, 1, 1), "source": (0, 0, 1), "content": (1, 1, 1), "attribution": (0, 1, 1)},
        id="gold-source-not-predicted",
    ),
    pytest.param(
        [OFFICIALS],
        [
            pred("said", "the old bridge was closed", "Officials"),
            pred("told", "that trains run", "the mayor"),  # nothing in gold: FP everywhere
        ],
        {"cue": (1, 2, 1), "source": (1, 2, 1), "content": (1, 2, 1), "attribution": (1, 2, 1)},
        id="unmatched-prediction",
    ),
    pytest.param(
        [OFFICIALS, MAYOR],
        [],
        {"cue": (0, 0, 2), "source": (0, 0, 2), "content": (0, 0, 2), "attribution": (0, 0, 2)},
        id="nothing-predicted",
    ),
    pytest.param(
        [OFFICIALS],
        [
            pred("said", "the old bridge was closed", "Officials", label="a"),
            pred("said", "the old bridge was closed", "Officials", label="b"),  # a duplicate is an FP
        ],
        {"cue": (1, 2, 1), "source": (1, 2, 1), "content": (1, 2, 1), "attribution": (1, 2, 1)},
        id="duplicate-predictions",
    ),
    pytest.param(
        [OFFICIALS],
        [pred("said", "trains run", "the mayor")],  # paired by cue; content and source miss
        {"cue": (1, 1, 1), "source": (0, 1, 1), "content": (0, 1, 1), "attribution": (0, 1, 1)},
        id="cue-only",
    ),
    pytest.param(
        [OFFICIALS],
        [pred("told", "the old bridge was closed", "Officials")],  # content right, cue wrong: not paired
        {"cue": (0, 1, 1), "source": (0, 1, 1), "content": (0, 1, 1), "attribution": (0, 1, 1)},
        id="wrong-cue",
    ),
]


@pytest.mark.parametrize(("gold_items", "predicted", "expected"), SCORE_TABLE)
def test_score_table(
    gold_items: list[GoldAttribution],
    predicted: list[PredictedAttribution],
    expected: dict[str, tuple[int, int, int]],
) -> None:
    score = score_attributions(gold_items, predicted)
    assert {role: (c.tp, c.predicted, c.gold) for role, c in score.counts.items()} == expected
    metrics = score.metrics()
    assert set(metrics) == set(POLNEAR_METRICS)
    for role, (tp, n_pred, n_gold) in expected.items():
        assert metrics[f"{role}_f1"] == pytest.approx(2 * tp / (n_pred + n_gold) if tp else 0.0)
        assert 0.0 <= metrics[f"{role}_f1"] <= 1.0


def test_one_prediction_matches_one_gold_attribution() -> None:
    # Two gold attributions share the cue "said"; one prediction agrees with both but counts once.
    g1 = gold("said", "the old bridge was closed on Monday night", "Officials", gid="E1")
    g2 = gold("said", "the old bridge", "Officials", gid="E2")
    wide = pred("said", "the old bridge was closed on Monday night", "Officials")
    assert agrees(g1, wide) and agrees(g2, wide)
    score = score_attributions([g1, g2], [wide])
    assert score.counts["attribution"] == RoleCounts(1, 1, 2)
    assert score.counts["cue"] == RoleCounts(1, 1, 2)
    assert score.gold_matched.count(True) == 1
    assert score.predicted_matched == (True,)


def test_maximum_matching_beats_greedy() -> None:
    g1 = gold("said", "the old bridge was closed on Monday night", "Officials", gid="E1")
    g2 = gold("said", "the old bridge", "Officials", gid="E2")
    # first prediction agrees with both gold items, the second only with g2: a greedy pass in order that
    # gave the first to g2 would lose g1; the maximum matching pairs first-g1 and second-g2.
    both = pred("said", "the old bridge was closed", "Officials", label="both")
    only_g2 = pred("said", "the old", "Officials", label="only-g2")
    assert agrees(g1, both) and agrees(g2, both) and agrees(g2, only_g2) and not agrees(g1, only_g2)
    score = score_attributions([g2, g1], [both, only_g2])
    assert score.counts["attribution"] == RoleCounts(2, 2, 2)


def test_sums_over_articles() -> None:
    first = score_attributions([OFFICIALS], [pred("said", "the old bridge was closed", "Officials")])
    second = score_attributions([MAYOR], [])
    total = first + second
    assert total.counts["attribution"] == RoleCounts(1, 1, 2)
    assert total.metrics()["attribution_f1"] == pytest.approx(TWO_THIRDS)


def _claim(cid: str, cue: str | None, content: str, source: str | None, kind: str = "named") -> Claim:
    return Claim(
        id=cid,
        source_kind=kind,
        stance="assert",
        content=at(content),
        span=Span(0, len(TEXT)),
        source_span=at(source) if source else None,
        cue=cue,
        cue_span=at(cue) if cue else None,
    )


def test_predictions_from_ledger_merge_duplicates_and_drop_outlet_claims() -> None:
    claims = (
        _claim("c1", "said", "the old bridge was closed", "Officials"),
        _claim("c1.2", "said", "the old bridge was closed", "Officials"),  # same claim, second event
        _claim(
            "c2", "said", "the old bridge was closed", "the mayor"
        ),  # same cue and content: sources pooled
        _claim("c3", "told", "that trains run", None, kind="unnamed"),
        _claim("o1", None, "the old bridge was closed on Monday night", None, kind="outlet"),
    )
    ledger = ArticleLedger(article=Article(id="a", text=TEXT, content_hash="h"), claims=claims)
    predicted = predictions_from_ledger(ledger)
    assert predicted == [
        PredictedAttribution(
            (at("said"),), (at("the old bridge was closed"),), (at("Officials"), at("the mayor")), "c1"
        ),
        PredictedAttribution((at("told"),), (at("that trains run"),), (), "c3"),
    ]
    score = score_attributions([OFFICIALS, MAYOR], predicted)
    assert score.counts["attribution"] == RoleCounts(1, 2, 2)  # the mayor's gold source is not predicted
    assert score.counts["source"] == RoleCounts(1, 1, 2)


def test_nested_claims_are_not_polnear_predictions() -> None:
    """PolNeAR is univocal: an attribution inside another's content is not annotated, so a relayed claim
    (``via``) is not a prediction; the outermost claim is."""
    import datetime as dt

    from claimledger.eval.polnear_score import predictions_from_ledger
    from claimledger.types import Article, ArticleLedger, Claim, Span

    text = "Reuters reported that the army said rebels attacked."
    outer = Claim(
        id="c1",
        source_kind="media",
        stance="assert",
        content=Span(17, 51),
        span=Span(0, 51),
        cue="reported",
        cue_span=Span(8, 16),
    )
    inner = Claim(
        id="c2",
        source_kind="named",
        stance="assert",
        content=Span(36, 51),
        span=Span(22, 51),
        cue="said",
        cue_span=Span(31, 35),
        via=("c1",),
    )
    art = Article(id="x", text=text, content_hash="0", published=dt.date(2020, 1, 1))
    preds = predictions_from_ledger(ArticleLedger(article=art, claims=(outer, inner)))
    assert [p.label for p in preds] == ["c1"]
