"""Honest scores for the event model on CASE 2021: texts it was trained on are scored by cross-validation.

The shipped event model (``coding.classifier``) is trained on the shared half of CASE 2021 task 2 and records
the ids of its training texts. Scoring it on those texts would score it on its own training rows. So, for the
texts of a dataset that the model was trained on, ``claimledger eval case2021`` runs K-fold cross-validation
instead: the texts are dealt into ``FOLDS`` stratified folds (``learn.stratified_folds``, seed ``SEED``); for
each fold a fresh model is fitted, the way the shipped one was (its recipe, keywords and threshold; numpy
only), to the other folds' texts, and the held-out texts are labelled by the pipeline's own event-model stage
(``coding.refine.refine_events``) run with that fold model on their rule-coded ledgers. Texts the model never
saw are scored with the pipeline's output as it is (the shipped model).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Protocol, runtime_checkable

from claimledger.coding.classifier import EventTypeModel, retrained
from claimledger.coding.passages import features_of, labelled_passage
from claimledger.coding.refine import refine_events
from claimledger.eval.base import Extractor
from claimledger.learn import stratified_folds
from claimledger.syntax import ParseView
from claimledger.types import Article, ArticleLedger, Parse

log = logging.getLogger(__name__)

FOLDS = 5
SEED = 0

Analyse = Callable[[Sequence[Article]], Iterator[tuple[Parse, ArticleLedger]]]


@dataclass(frozen=True, slots=True)
class ModelHooks:
    """What cross-validation needs of an extractor: its event model, and its parse and rule-coded ledger (the
    event-model stage left out) of each article."""

    model: EventTypeModel
    analyse: Analyse


@runtime_checkable
class ModelledExtractor(Protocol):
    """An extractor that offers ``ModelHooks`` itself (``None``: it runs no event model)."""

    def event_model_hooks(self) -> ModelHooks | None: ...


def model_hooks(extractor: Extractor) -> ModelHooks | None:
    """The hooks of ``extractor``: a ``Pipeline`` with an event model, or a ``ModelledExtractor``."""
    if isinstance(extractor, ModelledExtractor):
        return extractor.event_model_hooks()
    from claimledger.pipeline import Pipeline

    if not isinstance(extractor, Pipeline):
        return None
    model = getattr(extractor.resources, "event_model", None)
    if model is None:
        return None
    rules = Pipeline(extractor.nlp, replace(extractor.resources, event_model=None), extractor.config)
    return ModelHooks(model, lambda articles: _rule_analyses(rules, articles))


def _rule_analyses(pipeline: object, articles: Sequence[Article]) -> Iterator[tuple[Parse, ArticleLedger]]:
    from claimledger.nlp.convert import doc_to_parse
    from claimledger.pipeline import Pipeline

    assert isinstance(pipeline, Pipeline)
    texts = ((pipeline.parse_text(a), a) for a in articles)
    for doc, article in pipeline.nlp.pipe(texts, as_tuples=True, batch_size=pipeline.config.batch_size):
        parse = doc_to_parse(doc, pipeline.model)
        yield parse, pipeline.from_parse(article, parse)


@dataclass(frozen=True, slots=True)
class Labelled:
    """A text's analysis for cross-validation: parse, rule-coded ledger, features and gold label."""

    parse: Parse
    ledger: ArticleLedger
    features: dict[str, float]
    gold: str


def labelled_rows(
    analyses: Sequence[tuple[Parse, ArticleLedger]], gold: Sequence[str], model: EventTypeModel
) -> list[Labelled]:
    """Each text's features (of its ``labelled_passage``) with its gold label."""
    rows: list[Labelled] = []
    for (parse, ledger), label in zip(analyses, gold, strict=True):
        view = ParseView(parse)
        passage = labelled_passage(view, ledger.events)
        feats = (
            {}
            if passage is None
            else features_of(view, passage, ledger.events, ledger.claims, ledger.actors, model.keywords)
        )
        rows.append(Labelled(parse, ledger, feats, label))
    return rows


def cross_validated_ledgers(
    rows: Sequence[Labelled], model: EventTypeModel, folds: int = FOLDS, seed: int = SEED
) -> tuple[list[ArticleLedger], list[int]]:
    """Each text's ledger after the event-model stage run with a model fitted to the other folds, and the
    text's fold."""
    fold_of = stratified_folds([r.gold for r in rows], folds, seed)
    out: list[ArticleLedger | None] = [None] * len(rows)
    for fold in range(folds):
        train = [r for r, f in zip(rows, fold_of, strict=True) if f != fold]
        held = [k for k, f in enumerate(fold_of) if f == fold]
        if not held:
            continue
        fold_model = retrained(model, [r.features for r in train], [r.gold for r in train])
        log.info("fold %d: trained on %d texts, labelling %d", fold, len(train), len(held))
        for k in held:
            r = rows[k]
            events, claims = refine_events(
                ParseView(r.parse),
                r.ledger.events,
                r.ledger.claims,
                r.ledger.actors,
                fold_model,
                r.ledger.times,
            )
            out[k] = replace(r.ledger, events=events, claims=claims)
    return [ledger for ledger in out if ledger is not None], fold_of


def classifier_alone(
    rows: Sequence[Labelled], model: EventTypeModel, folds: int = FOLDS, seed: int = SEED
) -> list[str]:
    """Cross-validated predictions of the model on each text's labelled passage (no pipeline around it)."""
    fold_of = stratified_folds([r.gold for r in rows], folds, seed)
    out = [""] * len(rows)
    for fold in range(folds):
        train = [r for r, f in zip(rows, fold_of, strict=True) if f != fold]
        fold_model = retrained(model, [r.features for r in train], [r.gold for r in train])
        for k, f in enumerate(fold_of):
            if f == fold:
                out[k] = fold_model.predict(rows[k].features)[0]
    return out
