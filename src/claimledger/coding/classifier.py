"""The learned event sub-type model: a multinomial logistic regression over passage features.

The rule-based coder finds events and their participants; its ACLED sub-type comes from the trigger word and
a few instruments. This model reads the whole passage (``coding.passages``) — its words, class keywords
(``data/event_keywords.tsv``) and what the rules coded — and names the passage's event class among the CASE
2021 task 2 labels (``coding.labels``). The rules' coding is one of its inputs, so it keeps the rules' answer
where the words agree and overrides it where they do not.

Trained by ``tools/train_events.py`` with ``claimledger.learn`` and shipped as ``data/event_model.json``:
weights per feature and class, the keyword list it was trained with, the hyper-parameters (so that an
evaluation can retrain it on other rows), and the ids (``content_hash`` prefixes) of the texts it was trained
on, so that no evaluation scores it on them. Inference is a sparse dot product in numpy.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from claimledger.coding.event_features import KeywordLexicon, keyword_lexicon, prototype_rows
from claimledger.errors import DataFileError
from claimledger.learn import FloatArray, SoftmaxModel, train_softmax

log = logging.getLogger(__name__)

MODEL_FORMAT = 1


@dataclass(frozen=True, slots=True)
class TrainingRecipe:
    """How a model is fitted (``learn.train_softmax``): kept in the model file so that an evaluation can fit
    fold models the same way."""

    c: float = 10.0
    balanced: bool = True
    min_count: int = 1
    max_iter: int = 300
    tol: float = 1e-4
    prototypes: bool = True  # add ``event_features.prototype_rows`` to the training rows

    def fit(
        self, rows: Sequence[Mapping[str, float]], labels: Sequence[str], keywords: KeywordLexicon
    ) -> SoftmaxModel:
        extra = prototype_rows(keywords, labels) if self.prototypes else []
        return train_softmax(
            [*rows, *(r for r, _ in extra)],
            [*labels, *(label for _, label in extra)],
            c=self.c,
            balanced=self.balanced,
            max_iter=self.max_iter,
            tol=self.tol,
            min_count=self.min_count,
        )


@dataclass(frozen=True)
class EventTypeModel:
    """Weights (``coef[feature index]`` is a vector over ``classes``), the keyword list and provenance."""

    classes: tuple[str, ...]
    index: dict[str, int]
    coef: FloatArray  # (features, classes)
    intercept: FloatArray  # (classes,)
    keywords: KeywordLexicon
    recipe: TrainingRecipe = TrainingRecipe()
    trained_on: str = ""
    training_ids: frozenset[str] = frozenset()
    # a passage with no rule-coded event gets an event of the predicted class only at this probability or more
    create_threshold: float = 0.5
    # ... and only if a keyword of the class, or a word with at least this weight for it, can be its trigger
    min_support: float = 0.5
    metrics: dict[str, float] = field(default_factory=dict)

    def probabilities(self, features: Mapping[str, float]) -> FloatArray:
        """The distribution over ``classes`` for one passage's features."""
        cols = [(self.index[f], v) for f, v in features.items() if f in self.index]
        z = self.intercept.copy()
        if cols:
            idx = np.fromiter((c for c, _ in cols), dtype=np.int64, count=len(cols))
            val = np.fromiter((v for _, v in cols), dtype=np.float64, count=len(cols))
            z += val @ self.coef[idx]
        z -= z.max()
        e = np.exp(z)
        out: FloatArray = e / e.sum()
        return out

    def predict(self, features: Mapping[str, float]) -> tuple[str, dict[str, float]]:
        """The most probable class and the whole distribution."""
        p = self.probabilities(features)
        return self.classes[int(np.argmax(p))], {c: float(x) for c, x in zip(self.classes, p, strict=True)}

    def support(self, features: Mapping[str, float], label: str) -> dict[str, float]:
        """How much each feature adds to ``label``'s score (weight × value), for explaining a prediction."""
        k = self.classes.index(label)
        return {f: float(self.coef[self.index[f], k] * v) for f, v in features.items() if f in self.index}


def model_from_softmax(
    fitted: SoftmaxModel,
    keywords: KeywordLexicon,
    recipe: TrainingRecipe,
    trained_on: str = "",
    training_ids: frozenset[str] = frozenset(),
    create_threshold: float = 0.5,
    min_support: float = 0.5,
    metrics: Mapping[str, float] | None = None,
) -> EventTypeModel:
    return EventTypeModel(
        classes=fitted.classes,
        index={f: j for j, f in enumerate(fitted.features)},
        coef=np.ascontiguousarray(fitted.coef.T),
        intercept=fitted.intercept.copy(),
        keywords=keywords,
        recipe=recipe,
        trained_on=trained_on,
        training_ids=training_ids,
        create_threshold=create_threshold,
        min_support=min_support,
        metrics=dict(metrics or {}),
    )


def retrained(
    model: EventTypeModel, rows: Sequence[Mapping[str, float]], labels: Sequence[str]
) -> EventTypeModel:
    """A model fitted to ``rows`` the way ``model`` was (same recipe, keywords and threshold)."""
    return model_from_softmax(
        model.recipe.fit(rows, labels, model.keywords),
        model.keywords,
        model.recipe,
        trained_on=f"{len(rows)} rows (retrained)",
        create_threshold=model.create_threshold,
        min_support=model.min_support,
    )


# --------------------------------------------------------------------------- file


# weights smaller than this are not stored (three quarters of them; cross-validated scores do not change)
PRUNE = 0.01
DIGITS = 3


def model_to_dict(model: EventTypeModel) -> dict[str, Any]:
    """The JSON form of ``model``: per feature, the weights of at least ``PRUNE`` by class index, rounded to
    ``DIGITS`` places (features left with none are left out)."""
    weights: dict[str, dict[str, float]] = {}
    for f in sorted(model.index):
        row = {
            str(k): round(float(w), DIGITS)
            for k, w in enumerate(model.coef[model.index[f]])
            if abs(w) >= PRUNE
        }
        if row:
            weights[f] = row
    r = model.recipe
    return {
        "format": MODEL_FORMAT,
        "trained_on": model.trained_on,
        "recipe": {
            "prototypes": r.prototypes,
            "c": r.c,
            "balanced": r.balanced,
            "min_count": r.min_count,
            "max_iter": r.max_iter,
            "tol": r.tol,
        },
        "create_threshold": model.create_threshold,
        "min_support": model.min_support,
        "metrics": dict(sorted(model.metrics.items())),
        "classes": list(model.classes),
        "intercept": [round(float(b), DIGITS) for b in model.intercept],
        "keywords": model.keywords.to_rows(),
        "training_ids": sorted(model.training_ids),
        "weights": weights,
    }


def model_from_dict(data: Mapping[str, Any], name: str) -> EventTypeModel:
    """Build a model from its JSON form; ``DataFileError`` naming ``name`` if it is malformed."""
    try:
        if data["format"] != MODEL_FORMAT:
            raise ValueError(f"format {data['format']!r}, expected {MODEL_FORMAT}")
        classes = tuple(str(c) for c in data["classes"])
        weights = data["weights"]
        features = sorted(weights)
        coef = np.zeros((len(features), len(classes)))
        for j, f in enumerate(features):
            for k, w in weights[f].items():
                if not 0 <= int(k) < len(classes):
                    raise ValueError(f"feature {f!r} has a weight for class {k}, of {len(classes)}")
                coef[j, int(k)] = float(w)
        intercept = np.asarray([float(b) for b in data["intercept"]], dtype=np.float64)
        if len(intercept) != len(classes):
            raise ValueError(f"{len(intercept)} intercepts for {len(classes)} classes")
        r = data["recipe"]
        recipe = TrainingRecipe(
            c=float(r["c"]),
            balanced=bool(r["balanced"]),
            min_count=int(r["min_count"]),
            max_iter=int(r["max_iter"]),
            tol=float(r["tol"]),
            prototypes=bool(r.get("prototypes", False)),
        )
        return EventTypeModel(
            classes=classes,
            index={f: j for j, f in enumerate(features)},
            coef=coef,
            intercept=intercept,
            keywords=keyword_lexicon((str(label), str(phrase)) for label, phrase in data["keywords"]),
            recipe=recipe,
            trained_on=str(data.get("trained_on", "")),
            training_ids=frozenset(str(i) for i in data.get("training_ids", ())),
            create_threshold=float(data.get("create_threshold", 0.5)),
            min_support=float(data.get("min_support", 0.5)),
            metrics={str(k): float(v) for k, v in data.get("metrics", {}).items()},
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataFileError(f"{name}: malformed event model: {exc}") from exc


def load_event_model(path: Path | None = None) -> EventTypeModel:
    """Read the packaged model (``data/event_model.json``) or ``path``."""
    name = str(path) if path is not None else "claimledger/data/event_model.json"
    try:
        if path is None:
            text = (
                resources.files("claimledger.data").joinpath("event_model.json").read_text(encoding="utf-8")
            )
        else:
            text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{name}: cannot read the event model: {exc}") from exc
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise DataFileError(f"{name}: not JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise DataFileError(f"{name}: malformed event model: not a JSON object")
    return model_from_dict(data, name)


def save_event_model(model: EventTypeModel, path: Path) -> None:
    """Write ``model`` as JSON: the header fields indented, one line per feature's weights."""
    data = model_to_dict(model)
    weights = data.pop("weights")
    head = json.dumps(data, indent=1)[:-2]
    lines = [f"{json.dumps(f)}:{json.dumps(w, separators=(',', ':'))}" for f, w in weights.items()]
    path.write_text(head + ',\n "weights": {\n' + ",\n".join(lines) + "\n }\n}\n", encoding="utf-8")
