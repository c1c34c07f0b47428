"""The learned same-story model: a logistic regression over pair features, shipped as JSON.

After Miranda et al. (2018), "Multilingual clustering of streaming news": instead of one cosine
and a hand-set cut, several similarities of two articles (body TF-IDF, names, places, numbers,
title, publication-day gap; stated dates, stated.py; conflicting ages, tolls, magnitudes, sums
and latest years named, conflicts.py) are combined by a logistic regression trained on labelled
pairs, and its probability is the similarity the clusterer links on. Average linkage cut at
``threshold`` (chosen on training data, eval/train_pair_model.py) keeps one article that matches
two stories from chaining them.

The weights live in ``pair_model.json`` beside this module (no pickle: sklearn versions drift);
``eval/train_pair_model.py`` regenerates them from GVA and ECB+.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import sparse

from storydesk.steps.cluster.conflicts import CONFLICT_FEATURES, conflict_features
from storydesk.steps.cluster.signals import VIEWS, ArticleViews

# Stated-date and outlet features (stated.py): some stated days within a day of each other, both
# articles state days, both name years but none in common, one publishing host.
STATED_FEATURES = ("date_match", "dates_both", "years_apart", "same_outlet")
FEATURES: tuple[str, ...] = (
    *VIEWS, "dated", "log_gap", "same_week", *STATED_FEATURES, *CONFLICT_FEATURES
)
MODEL_PATH = Path(__file__).with_name("pair_model.json")
_CHUNK = 20_000  # pairs per sparse row product, bounds the temporary row copies
_SCORE_CHUNK = 100_000  # pairs per expanded block in PairModel.probability (38 float64 each)


# What the products are taken among: the square-rooted cosines, the day gap and the stated-day
# match. Not among the presence flags (dated, same_week, dates_both, ...): their products act as
# intercepts for kinds of corpora and extrapolate badly to unseen ones (with them, 1,000 Reuters
# stories became 182).
_CROSSED = ("log_gap", "date_match")


def _expanded_names() -> tuple[str, ...]:
    roots = tuple(f"sqrt_{view}" for view in VIEWS)
    base = (*roots, *_CROSSED)
    products = tuple(f"{a}*{b}" for i, a in enumerate(base) for b in base[i + 1 :])
    return (*FEATURES, *roots, *products)


# What the logistic regression weighs: the raw FEATURES, the square roots of the cosines, and the
# product of every two of (square-rooted cosines, day gap, stated-day match). Why: a linear model
# on the raw features cannot say "a matching stated day counts for more when the articles are
# weeks apart" (follow-ups) or "names matter more when the bodies differ"; the products let it,
# at the price of 26 more weights, and the square roots spread the many small cosines. Chosen by
# cross-validated B-cubed F1 on GVA and ECB+ (eval/train_pair_model.py).
MODEL_FEATURES: tuple[str, ...] = _expanded_names()
_STATED_AT = FEATURES.index(STATED_FEATURES[0])
_CONFLICT_AT = FEATURES.index(CONFLICT_FEATURES[0])
_CROSSED_INDEX = [FEATURES.index(name) for name in _CROSSED]


def expand(features: np.ndarray) -> np.ndarray:
    """MODEL_FEATURES (float64, pairs × MODEL_FEATURES) from raw pair ``features`` (× FEATURES)."""
    raw = features.astype(np.float64)
    roots = np.sqrt(np.clip(raw[:, : len(VIEWS)], 0.0, None))
    base = np.hstack([roots, raw[:, _CROSSED_INDEX]])
    left, right = np.triu_indices(base.shape[1], k=1)
    return np.hstack([raw, roots, base[:, left] * base[:, right]])


def pair_features(views: ArticleViews, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """Feature matrix (pairs × FEATURES) for the article pairs ``(rows[i], cols[i])``."""
    m = len(rows)
    out = np.zeros((m, len(FEATURES)), dtype=np.float32)
    for start in range(0, m, _CHUNK):
        r, c = rows[start : start + _CHUNK], cols[start : start + _CHUNK]
        for f, view in enumerate(VIEWS):
            matrix = views.matrices[view]
            out[start : start + len(r), f] = _row_products(matrix, matrix, r, c)
        stated = views.stated
        if stated:
            block = out[start : start + len(r)]
            _stated_features(
                block,
                _row_products(stated["days_near"], stated["days"], r, c),
                _row_products(stated["years"], stated["years"], r, c),
                _row_products(stated["outlet"], stated["outlet"], r, c),
                *_has(stated, r), *_has(stated, c),
            )
        if views.facts:
            out[start : start + len(r), _CONFLICT_AT:] = _pair_conflicts(views.facts, r, c)
    _time_features(out, views.days[rows], views.days[cols])
    return out


def _pair_conflicts(facts: dict[str, sparse.csr_matrix], r: np.ndarray, c: np.ndarray) -> np.ndarray:
    """conflicts.conflict_features of the pairs ``(r[i], c[i])``."""
    return conflict_features(facts, lambda a, b: _row_products(a, b, r, c),
                             lambda m: np.diff(m.indptr)[r] > 0, lambda m: np.diff(m.indptr)[c] > 0)


def _row_products(a: sparse.csr_matrix, b: sparse.csr_matrix, r: np.ndarray, c: np.ndarray) -> np.ndarray:
    """``a[r[i]] · b[c[i]]`` for every i."""
    return np.asarray(a[r].multiply(b[c]).sum(axis=1)).ravel()


def _has(stated: dict[str, sparse.csr_matrix], index: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Whether each article in ``index`` states any day, any year."""
    return (np.diff(stated["days"].indptr)[index] > 0, np.diff(stated["years"].indptr)[index] > 0)


def _stated_features(
    out: np.ndarray, near_days: np.ndarray, shared_years: np.ndarray, same_outlet: np.ndarray,
    days_a: np.ndarray, years_a: np.ndarray, days_b: np.ndarray, years_b: np.ndarray,
) -> None:
    base = _STATED_AT
    out[:, base] = near_days > 0
    out[:, base + 1] = days_a & days_b
    out[:, base + 2] = years_a & years_b & (shared_years == 0)
    out[:, base + 3] = same_outlet > 0


def block_features(views: ArticleViews, members: np.ndarray) -> np.ndarray:
    """Features of every pair among ``members``: array (k·k × FEATURES), row-major pairs."""
    k = len(members)
    out = np.zeros((k * k, len(FEATURES)), dtype=np.float32)
    for f, view in enumerate(VIEWS):
        sub = views.matrices[view][members]
        out[:, f] = sparse.csr_matrix(sub @ sub.T).toarray().ravel()
    stated = views.stated
    if stated:
        def products(a: sparse.csr_matrix, b: sparse.csr_matrix) -> np.ndarray:
            return sparse.csr_matrix(a[members] @ b[members].T).toarray().ravel()

        days_any, years_any = _has(stated, members)
        _stated_features(
            out, products(stated["days_near"], stated["days"]),
            products(stated["years"], stated["years"]), products(stated["outlet"], stated["outlet"]),
            np.repeat(days_any, k), np.repeat(years_any, k), np.tile(days_any, k),
            np.tile(years_any, k),
        )
    if views.facts:
        def block(a: sparse.csr_matrix, b: sparse.csr_matrix) -> np.ndarray:
            return sparse.csr_matrix(a[members] @ b[members].T).toarray().ravel()

        def has(m: sparse.csr_matrix) -> np.ndarray:
            return np.diff(m.indptr)[members] > 0

        out[:, _CONFLICT_AT:] = conflict_features(
            views.facts, block, lambda m: np.repeat(has(m), k), lambda m: np.tile(has(m), k))
    days = views.days[members]
    _time_features(out, np.repeat(days, k), np.tile(days, k))
    return out


def groups_features(views: ArticleViews, groups: Sequence[np.ndarray]) -> list[np.ndarray]:
    """:func:`block_features` of each group of members, computed in one vectorised pass over
    all their pairs (many small groups: one sparse product per group and view cost more than
    the clustering)."""
    if not groups:
        return []
    rows = np.concatenate([np.repeat(g, len(g)) for g in groups]).astype(np.int64)
    cols = np.concatenate([np.tile(g, len(g)) for g in groups]).astype(np.int64)
    features = pair_features(views, rows, cols)
    bounds = np.cumsum([0] + [len(g) ** 2 for g in groups])
    return [features[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)]


def _time_features(out: np.ndarray, day_a: np.ndarray, day_b: np.ndarray) -> None:
    gap = np.abs(day_a - day_b)
    dated = ~np.isnan(gap)
    base = len(VIEWS)
    out[:, base] = dated
    out[:, base + 1] = np.where(dated, np.log1p(np.nan_to_num(gap)), 0.0)
    out[:, base + 2] = dated & (np.nan_to_num(gap, nan=1e9) <= 7)


@dataclass(frozen=True)
class PairModel:
    """Logistic regression on the expanded features (:func:`expand`, MODEL_FEATURES):
    P(same story) = σ(intercept + coef · expand(features))."""

    coef: np.ndarray
    intercept: float
    threshold: float = 0.5
    features: tuple[str, ...] = MODEL_FEATURES

    def probability(self, features: np.ndarray) -> np.ndarray:
        """P(same story) per row of raw ``features`` (pairs × FEATURES), expanded in chunks so
        that a dense 2,000-article block never holds all its expanded rows at once."""
        out = np.empty(len(features), dtype=np.float32)
        for start in range(0, len(features), _SCORE_CHUNK):
            block = features[start : start + _SCORE_CHUNK]
            z = expand(block) @ self.coef + self.intercept
            out[start : start + len(block)] = 1.0 / (1.0 + np.exp(-np.clip(z, -40, 40)))
        return out

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form, as stored in pair_model.json."""
        return {
            "features": list(self.features),
            "coef": [round(float(c), 6) for c in self.coef],
            "intercept": round(float(self.intercept), 6),
            "threshold": self.threshold,
        }

    @classmethod
    def from_dict(cls, data: dict) -> PairModel:
        """Load from the JSON form; refuses weights trained on other features."""
        features = tuple(data["features"])
        if features != MODEL_FEATURES:
            raise ValueError(
                f"pair model was trained on features {features}, this version computes "
                f"{MODEL_FEATURES}: regenerate it with `python -m eval.train_pair_model`"
            )
        return cls(np.asarray(data["coef"], dtype=np.float64), float(data["intercept"]),
                   float(data.get("threshold", 0.5)), features)

    @classmethod
    def load(cls, path: Path | None = None) -> PairModel:
        """The shipped model (or the one at ``path``)."""
        return cls.from_dict(json.loads((path or MODEL_PATH).read_text(encoding="utf-8")))
