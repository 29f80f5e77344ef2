"""Multinomial logistic regression over sparse string features, in numpy alone.

The event model (``coding.classifier``) is trained with this both by ``tools/train_events.py`` and, for
cross-validation, by ``claimledger eval case2021``: the same objective as scikit-learn's
``LogisticRegression(C=c, class_weight=...)`` with the L-BFGS solver — the weighted mean cross-entropy plus
``||W||² / (2 · c · Σ weights)``, the intercepts not penalised — minimised by L-BFGS from zero. Deterministic:
no random numbers are drawn.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

log = logging.getLogger(__name__)

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True, slots=True)
class SparseRows:
    """Rows of feature values in compressed sparse row form over ``n_features`` columns."""

    indptr: IntArray
    indices: IntArray
    values: FloatArray
    n_features: int

    @property
    def n_rows(self) -> int:
        return len(self.indptr) - 1


def vectorize(rows: Sequence[Mapping[str, float]], vocabulary: Mapping[str, int]) -> SparseRows:
    """The rows as sparse vectors over ``vocabulary`` (features outside it are dropped)."""
    indptr = [0]
    indices: list[int] = []
    values: list[float] = []
    for row in rows:
        cols = sorted((vocabulary[f], v) for f, v in row.items() if f in vocabulary and v != 0.0)
        indices.extend(c for c, _ in cols)
        values.extend(v for _, v in cols)
        indptr.append(len(indices))
    return SparseRows(
        np.asarray(indptr, dtype=np.int64),
        np.asarray(indices, dtype=np.int64),
        np.asarray(values, dtype=np.float64),
        len(vocabulary),
    )


@dataclass(frozen=True, slots=True)
class SoftmaxModel:
    """``coef[k, j]``: the weight of feature ``features[j]`` for class ``classes[k]``."""

    classes: tuple[str, ...]
    features: tuple[str, ...]
    coef: FloatArray  # (classes, features)
    intercept: FloatArray  # (classes,)

    def scores(self, rows: Sequence[Mapping[str, float]]) -> FloatArray:
        """Class probabilities, one row per input row."""
        x = vectorize(rows, {f: j for j, f in enumerate(self.features)})
        return softmax(_dot(x, self.coef.T) + self.intercept)

    def predict(self, rows: Sequence[Mapping[str, float]]) -> list[str]:
        return [self.classes[int(k)] for k in np.argmax(self.scores(rows), axis=1)]


def softmax(z: FloatArray) -> FloatArray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    out: FloatArray = e / e.sum(axis=1, keepdims=True)
    return out


def _row_ids(x: SparseRows) -> IntArray:
    return np.repeat(np.arange(x.n_rows, dtype=np.int64), np.diff(x.indptr))


def _dot(x: SparseRows, w: FloatArray) -> FloatArray:
    """``X @ w`` for ``w`` of shape (features, k)."""
    out = np.zeros((x.n_rows, w.shape[1]))
    if len(x.indices):
        np.add.at(out, _row_ids(x), x.values[:, None] * w[x.indices])
    return out


class _Problem:
    """Objective and gradient of the weighted, L2-penalised multinomial log loss over a fixed matrix."""

    def __init__(
        self, x: SparseRows, y: IntArray, n_classes: int, sample_weight: FloatArray, c: float
    ) -> None:
        self.n_classes = n_classes
        self.n_features = x.n_features
        self.rows = _row_ids(x)
        self.cols = x.indices
        self.vals = x.values
        # the transpose's order: entries grouped by column, for X.T @ G by reduceat
        order = np.argsort(self.cols, kind="stable")
        self.t_rows = self.rows[order]
        self.t_vals = self.vals[order]
        cols_sorted = self.cols[order]
        self.t_cols, self.t_starts = np.unique(cols_sorted, return_index=True)
        self.n_rows = x.n_rows
        self.onehot = np.zeros((x.n_rows, n_classes))
        self.onehot[np.arange(x.n_rows), y] = 1.0
        self.sw = sample_weight / sample_weight.sum()  # the mean over weighted samples
        self.alpha = 1.0 / (c * float(sample_weight.sum()))

    def split(self, theta: FloatArray) -> tuple[FloatArray, FloatArray]:
        k, d = self.n_classes, self.n_features
        return theta[: k * d].reshape(d, k), theta[k * d :]

    def value_grad(self, theta: FloatArray) -> tuple[float, FloatArray]:
        w, b = self.split(theta)
        z = np.zeros((self.n_rows, self.n_classes))
        if len(self.cols):
            z = np.add.reduceat(self.vals[:, None] * w[self.cols], self._row_starts(), axis=0)
            z = self._scatter_rows(z)
        z += b
        zmax = z.max(axis=1, keepdims=True)
        logsum = np.log(np.exp(z - zmax).sum(axis=1, keepdims=True)) + zmax
        logp = z - logsum
        loss = float(-(self.sw * (self.onehot * logp).sum(axis=1)).sum())
        loss += 0.5 * self.alpha * float((w * w).sum())
        g = (np.exp(logp) - self.onehot) * self.sw[:, None]  # (rows, classes)
        gw = self.alpha * w
        if len(self.t_rows):
            sums = np.add.reduceat(self.t_vals[:, None] * g[self.t_rows], self.t_starts, axis=0)
            gw[self.t_cols] += sums
        gb = g.sum(axis=0)
        return loss, np.concatenate([gw.ravel(), gb])

    # rows with no entries get no slot from reduceat: compute the slots once
    def _row_starts(self) -> IntArray:
        if not hasattr(self, "_starts"):
            nonempty, starts = np.unique(self.rows, return_index=True)
            self._nonempty = nonempty
            self._starts = starts
        return self._starts

    def _scatter_rows(self, z: FloatArray) -> FloatArray:
        if len(self._nonempty) == self.n_rows:
            return z
        out = np.zeros((self.n_rows, self.n_classes))
        out[self._nonempty] = z
        return out


def _vdot(a: FloatArray, b: FloatArray) -> float:
    """``a · b`` without BLAS (whose threads contend badly on a loaded machine for vectors this small)."""
    return float(np.einsum("i,i->", a, b))


def lbfgs(
    problem: _Problem, theta: FloatArray, max_iter: int, tol: float, memory: int = 10
) -> tuple[FloatArray, int]:
    """Minimise ``problem`` from ``theta`` by L-BFGS with a backtracking (Armijo) line search. Stops when the
    largest gradient entry is below ``tol`` or after ``max_iter`` iterations; returns the point and the number
    of iterations."""
    f, g = problem.value_grad(theta)
    s_list: list[FloatArray] = []
    y_list: list[FloatArray] = []
    iterations = 0
    while iterations < max_iter:
        if float(np.abs(g).max()) < tol:
            break
        iterations += 1
        # two-loop recursion
        q = g.copy()
        alphas: list[float] = []
        rhos = [1.0 / _vdot(yv, sv) for sv, yv in zip(s_list, y_list, strict=True)]
        for sv, yv, rho in reversed(list(zip(s_list, y_list, rhos, strict=True))):
            a = rho * _vdot(sv, q)
            alphas.append(a)
            q -= a * yv
        if y_list:
            q *= _vdot(s_list[-1], y_list[-1]) / _vdot(y_list[-1], y_list[-1])
        else:
            q /= max(1.0, float(np.abs(g).max()))
        for (sv, yv, rho), a in zip(zip(s_list, y_list, rhos, strict=True), reversed(alphas), strict=True):
            bcoef = rho * _vdot(yv, q)
            q += (a - bcoef) * sv
        direction = -q
        slope = _vdot(g, direction)
        if slope >= 0:  # not a descent direction: restart from the gradient
            s_list.clear()
            y_list.clear()
            direction = -g
            slope = -_vdot(g, g)
        step = 1.0
        while True:
            new_theta = theta + step * direction
            new_f, new_g = problem.value_grad(new_theta)
            if new_f <= f + 1e-4 * step * slope or step < 1e-10:
                break
            step *= 0.5
        s = new_theta - theta
        yv = new_g - g
        if _vdot(s, yv) > 1e-12:
            s_list.append(s)
            y_list.append(yv)
            if len(s_list) > memory:
                s_list.pop(0)
                y_list.pop(0)
        converged = abs(f - new_f) <= 1e-10 * max(1.0, abs(f))
        theta, f, g = new_theta, new_f, new_g
        if converged:
            break
    return theta, iterations


def train_softmax(
    rows: Sequence[Mapping[str, float]],
    labels: Sequence[str],
    c: float = 1.0,
    balanced: bool = True,
    max_iter: int = 500,
    tol: float = 1e-5,
    min_count: int = 1,
) -> SoftmaxModel:
    """Fit a multinomial logistic regression to ``rows`` (feature → value maps) and their ``labels``.

    ``balanced`` weights each example by ``n / (classes · count of its class)`` (scikit-learn's
    ``class_weight="balanced"``); features seen in fewer than ``min_count`` rows are left out.
    """
    if len(rows) != len(labels):
        raise ValueError(f"{len(rows)} rows but {len(labels)} labels")
    if not rows:
        raise ValueError("no training rows")
    classes = tuple(sorted(set(labels)))
    counts: dict[str, int] = {}
    for row in rows:
        for feature in row:
            counts[feature] = counts.get(feature, 0) + 1
    features = tuple(sorted(f for f, n in counts.items() if n >= min_count))
    vocabulary = {f: j for j, f in enumerate(features)}
    x = vectorize(rows, vocabulary)
    index = {label: k for k, label in enumerate(classes)}
    y = np.asarray([index[label] for label in labels], dtype=np.int64)
    if balanced:
        per_class = np.bincount(y, minlength=len(classes)).astype(np.float64)
        weight = len(y) / (len(classes) * per_class[y])
    else:
        weight = np.ones(len(y))
    if len(classes) == 1:
        return SoftmaxModel(classes, features, np.zeros((1, len(features))), np.zeros(1))
    problem = _Problem(x, y, len(classes), weight, c)
    theta0 = np.zeros(len(features) * len(classes) + len(classes))
    theta, iterations = lbfgs(problem, theta0, max_iter, tol)
    w, b = problem.split(theta)
    log.debug(
        "trained on %d rows, %d features, %d classes in %d iterations",
        len(y),
        len(features),
        len(classes),
        iterations,
    )
    return SoftmaxModel(classes, features, np.ascontiguousarray(w.T), b.copy())


def stratified_folds(labels: Sequence[str], k: int = 5, seed: int = 0) -> list[int]:
    """A fold number in ``[0, k)`` for each row: each class is shuffled (``numpy.random.default_rng(seed)``,
    classes in sorted order) and dealt round the folds, continuing where the previous class stopped."""
    if k < 2:
        raise ValueError(f"need at least 2 folds, got {k}")
    rng = np.random.default_rng(seed)
    folds = [0] * len(labels)
    offset = 0
    for label in sorted(set(labels)):
        rows = [i for i, x in enumerate(labels) if x == label]
        for r, j in enumerate(rng.permutation(len(rows))):
            folds[rows[int(j)]] = (offset + r) % k
        offset += len(rows)
    return folds
