from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from claimledger.learn import SparseRows, stratified_folds, train_softmax, vectorize

ROWS = [
    {"w=jet": 1.0, "w=strike": 1.0},
    {"w=warplane": 1.0, "w=strike": 1.0},
    {"w=jet": 1.0, "w=bomb": 1.0},
    {"w=protest": 1.0, "w=march": 1.0},
    {"w=rally": 1.0, "w=protest": 1.0},
    {"w=march": 1.0, "w=crowd": 2.0},
    {"w=talk": 1.0, "w=minister": 1.0},
    {"w=meet": 1.0, "w=minister": 1.0},
]
LABELS = ["AIR", "AIR", "AIR", "PROTEST", "PROTEST", "PROTEST", "DIPLO", "DIPLO"]


def test_vectorize_keeps_known_features_in_column_order() -> None:
    x = vectorize([{"b": 2.0, "a": 1.0, "zz": 5.0}, {}], {"a": 0, "b": 1})
    assert isinstance(x, SparseRows)
    assert x.indptr.tolist() == [0, 2, 2]
    assert x.indices.tolist() == [0, 1]
    assert x.values.tolist() == [1.0, 2.0]
    assert (x.n_rows, x.n_features) == (2, 2)


def test_fits_and_predicts_the_training_rows() -> None:
    model = train_softmax(ROWS, LABELS, c=10.0)
    assert model.classes == ("AIR", "DIPLO", "PROTEST")
    assert model.predict(ROWS) == LABELS
    probs = model.scores([{"w=jet": 1.0}, {"unknown": 1.0}])
    assert probs.shape == (2, 3)
    assert np.allclose(probs.sum(axis=1), 1.0)
    assert probs[0].argmax() == 0


def test_reaches_the_optimum_of_scikit_learns_objective() -> None:
    """At the fitted weights the gradient of scikit-learn's objective for ``LogisticRegression(C,
    class_weight="balanced")`` (multinomial: C times the weighted cross-entropy plus half the squared norm
    of the coefficients, intercepts not penalised) vanishes: the same model, without needing scikit-learn."""
    rng = np.random.default_rng(3)
    words = [f"w{k}" for k in range(40)]
    rows = [{w: 1.0 for w in rng.choice(words, size=6, replace=False)} for _ in range(90)]
    labels = [("A", "B", "C")[sum(int(w[1:]) for w in r) % 3] for r in rows]
    c = 2.0
    model = train_softmax(rows, labels, c=c, tol=1e-8, max_iter=2000)
    x = np.array([[r.get(f, 0.0) for f in model.features] for r in rows])
    y = np.array([[lab == k for k in model.classes] for lab in labels], dtype=float)
    counts = Counter(labels)
    weight = np.array([len(labels) / (len(counts) * counts[lab]) for lab in labels])
    logits = x @ model.coef.T + model.intercept
    p = np.exp(logits - logits.max(axis=1, keepdims=True))
    p /= p.sum(axis=1, keepdims=True)
    residual = (p - y) * weight[:, None]
    grad_coef = model.coef + c * residual.T @ x
    grad_intercept = c * residual.sum(axis=0)
    assert np.abs(grad_coef).max() < 1e-3
    assert np.abs(grad_intercept).max() < 1e-3


def test_balanced_weights_lift_the_small_class() -> None:
    rows = [{"x": 1.0}] * 9 + [{"x": 1.0, "y": 0.2}]
    labels = ["BIG"] * 9 + ["SMALL"]
    plain = train_softmax(rows, labels, c=1.0, balanced=False)
    balanced = train_softmax(rows, labels, c=1.0, balanced=True)
    small = plain.classes.index("SMALL")
    assert balanced.scores([{"x": 1.0}])[0, small] > plain.scores([{"x": 1.0}])[0, small]


def test_min_count_drops_rare_features() -> None:
    model = train_softmax(ROWS, LABELS, min_count=2)
    assert "w=bomb" not in model.features
    assert "w=jet" in model.features


def test_one_class_and_bad_input() -> None:
    model = train_softmax([{"a": 1.0}, {"b": 1.0}], ["X", "X"])
    assert model.predict([{"a": 1.0}]) == ["X"]
    with pytest.raises(ValueError, match="2 rows but 1 labels"):
        train_softmax([{"a": 1.0}, {"b": 1.0}], ["X"])
    with pytest.raises(ValueError, match="no training rows"):
        train_softmax([], [])


@pytest.mark.parametrize("k", [2, 5])
def test_stratified_folds_deal_each_class_evenly(k: int) -> None:
    labels = ["A"] * 10 + ["B"] * 7 + ["C"] * 3
    folds = stratified_folds(labels, k, seed=0)
    assert folds == stratified_folds(labels, k, seed=0)
    assert set(folds) <= set(range(k))
    for label in "ABC":
        counts = Counter(f for f, x in zip(folds, labels, strict=True) if x == label)
        assert max(counts.values()) - min(counts.get(f, 0) for f in range(k)) <= 1
    sizes = Counter(folds)
    assert max(sizes.values()) - min(sizes.values()) <= 1


def test_stratified_folds_depend_on_the_seed_and_need_two_folds() -> None:
    labels = ["A"] * 20
    assert stratified_folds(labels, 5, 0) != stratified_folds(labels, 5, 1)
    with pytest.raises(ValueError, match="at least 2 folds"):
        stratified_folds(labels, 1)
