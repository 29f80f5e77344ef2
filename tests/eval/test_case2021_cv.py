"""``claimledger eval case2021`` with an event model: cross-validation for its training rows, the shipped
model for the rest, and the protocol said in the output."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from claimledger.coding.classifier import EventTypeModel, TrainingRecipe, model_from_softmax
from claimledger.coding.event_features import keyword_lexicon
from claimledger.coding.refine import MODEL_COMPONENT, refine_events
from claimledger.eval import run_eval
from claimledger.eval.case2021 import Snippet as CaseSnippet
from claimledger.eval.case2021 import snippet_article
from claimledger.eval.case2021_cv import (
    ModelHooks,
    classifier_alone,
    cross_validated_ledgers,
    labelled_rows,
    model_hooks,
)
from claimledger.syntax import ParseView
from claimledger.types import Article, ArticleLedger, Parse

from ..coding.hand_parse import hand_parse
from .fake_extractor import FakeExtractor

KEYWORDS = keyword_lexicon([("AIR_STRIKE", "warplane"), ("PEACE_PROTEST", "protester")])
LEMMAS = {
    "warplanes": "warplane",
    "Warplanes": "warplane",
    "protesters": "protester",
    "Protesters": "protester",
}
AIR = [f"Warplanes struck target {k}." for k in range(5)]
PROTEST = [f"Protesters gathered at square {k}." for k in range(5)]
UNSEEN = [
    ("u1", "Warplanes hit the depot.", "AIR_STRIKE"),
    ("u2", "Protesters filled road one.", "PEACE_PROTEST"),
]


def _model(training_ids: frozenset[str]) -> EventTypeModel:
    recipe = TrainingRecipe(c=10.0)
    fitted = recipe.fit(
        [{"w=warplane": 1.0}, {"w=protester": 1.0}], ["AIR_STRIKE", "PEACE_PROTEST"], KEYWORDS
    )
    return model_from_softmax(fitted, KEYWORDS, recipe, trained_on="made-up rows", training_ids=training_ids)


def _analyse(articles: Sequence[Article]) -> Iterator[tuple[Parse, ArticleLedger]]:
    for article in articles:
        yield hand_parse(article.text, LEMMAS), ArticleLedger(article=article)


class ModelledFake(FakeExtractor):
    """A fake pipeline: no rule events; its own output runs the shipped model (the event-model stage)."""

    def __init__(self, model: EventTypeModel) -> None:
        self.event_model = model
        self.analysed: list[str] = []
        super().__init__(self._ledger)

    def _ledger(self, article: Article) -> ArticleLedger:
        parse = hand_parse(article.text, LEMMAS)
        events, claims = refine_events(ParseView(parse), (), (), (), self.event_model)
        return ArticleLedger(article=article, events=events, claims=claims)

    def event_model_hooks(self) -> ModelHooks:
        def analyse(articles: Sequence[Article]) -> Iterator[tuple[Parse, ArticleLedger]]:
            self.analysed.extend(a.text for a in articles)
            return _analyse(articles)

        return ModelHooks(self.event_model, analyse)


def _write(folder: Path, rows: list[tuple[str, str, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["id\tEventSnippet\tSubType", *("\t".join(r) for r in rows)]
    (folder / "test.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def _seen_rows() -> list[tuple[str, str, str]]:
    return [(f"a{k}", t, "AIR_STRIKE") for k, t in enumerate(AIR)] + [
        (f"p{k}", t, "PEACE_PROTEST") for k, t in enumerate(PROTEST)
    ]


def _ids(texts: Sequence[str]) -> frozenset[str]:
    return frozenset(snippet_article(CaseSnippet("x", t, "L", "o")).id for t in texts)


def test_training_rows_are_cross_validated_and_unseen_rows_use_the_shipped_model(tmp_path: Path) -> None:
    folder = _write(tmp_path / "task2" / "test_dataset", _seen_rows() + UNSEEN)
    extractor = ModelledFake(_model(_ids(AIR + PROTEST)))
    result = run_eval("case2021", extractor, path=tmp_path)
    assert sorted(extractor.analysed) == sorted(AIR + PROTEST)  # only the training rows are cross-validated
    assert sorted(a.text for a in extractor.seen) == sorted(t for _, t, _ in UNSEEN)
    protocol = result.config["event_model"]
    assert protocol["protocol"] == "5-fold CV + shipped model, unseen rows"
    assert (protocol["cv_rows"], protocol["shipped_model_rows"], protocol["trained_on"]) == (
        10,
        2,
        "made-up rows",
    )
    assert result.metrics == {"accuracy": 1.0, "macro_f1": 1.0}
    assert any(n.startswith("classifier alone, 5-fold CV on 10 snippets") for n in result.notes)
    assert all("(fold " in d.info for d in result.details if d.item[0] in "ap")
    assert folder.exists()


@pytest.mark.parametrize(("ids", "protocol"), [(frozenset(), "shipped model, unseen rows")])
def test_a_model_never_trained_on_the_rows_is_scored_directly(
    tmp_path: Path, ids: frozenset[str], protocol: str
) -> None:
    _write(tmp_path, UNSEEN)
    extractor = ModelledFake(_model(ids))
    result = run_eval("case2021", extractor, path=tmp_path)
    assert result.config["event_model"]["protocol"] == protocol
    assert extractor.analysed == []
    assert result.metrics["accuracy"] == 1.0


def test_cross_validation_helpers_label_through_the_stage() -> None:
    texts = AIR + PROTEST
    gold = ["AIR_STRIKE"] * 5 + ["PEACE_PROTEST"] * 5
    pairs = enumerate(zip(texts, gold, strict=True))
    articles = [snippet_article(CaseSnippet(str(k), t, g, "o")) for k, (t, g) in pairs]
    model = _model(frozenset())
    rows = labelled_rows(list(_analyse(articles)), gold, model)
    assert rows[0].features["kw=AIR_STRIKE"] > 0
    ledgers, folds = cross_validated_ledgers(rows, model)
    assert sorted(folds) == [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]
    labels = [ledger.events[0].acled.sub_event_type if ledger.events[0].acled else None for ledger in ledgers]
    assert labels == ["Air/drone strike"] * 5 + ["Peaceful protest"] * 5
    assert all(ledger.events[0].component == MODEL_COMPONENT for ledger in ledgers)
    assert classifier_alone(rows, model) == gold


def test_model_hooks_of_an_extractor_without_a_model() -> None:
    assert model_hooks(FakeExtractor(lambda a: ArticleLedger(article=a))) is None
