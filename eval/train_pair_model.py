"""Train the story clusterer's pair model and measure it out of fold.

``python -m eval.train_pair_model`` fits a logistic regression on article pairs of GVA (gold
story = incident) and ECB+ (gold story = event) and writes
src/storydesk/steps/cluster/pair_model.json; it prints the cross-validated clustering scores.

Pairs: every candidate pair the clusterer would score on a corpus of that size (each article's
top-k body neighbours within the candidate window, pairs sharing rare names), plus every gold
same-story pair (so the model also sees the follow-ups that candidates miss), plus as many random
pairs (what the dense method also scores: mostly unrelated articles), labelled 1 when both
articles belong to one gold story. Features: pair_model.FEATURES, expanded by pair_model.expand
(square roots and pairwise products). The probability threshold is not set by hand either: it
is chosen from THRESHOLDS by B-cubed F1 on training data only (for the shipped model: the mean
over GVA and ECB+ of the in-sample F1; in cross-validation: on the training folds, see below).

Cross-validation (what the evaluations report as the "storydesk" row): GroupKFold by gold story
(GVA incident, ECB+ topic, so both events of a topic are held out together). For each fold a model
is trained on the other folds' pairs of the same data set plus all pairs of the other data set,
the whole data set is clustered with it at each threshold, the threshold with the best F1 on the
training folds' articles is kept, and the held-out fold's articles are scored against that
clustering of all articles (folded_scores: a wrong merge with a training article counts).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from eval.datasets import Doc, load_ecbplus, load_gva
from storydesk.metrics import PRF, bcubed_prf
from storydesk.model import Article
from storydesk.steps.cluster.candidates import shared_key_pairs, top_k_neighbours
from storydesk.steps.cluster.clusterer import PreparedCorpus, StoryClusterer
from storydesk.steps.cluster.pair_model import (
    MODEL_FEATURES,
    MODEL_PATH,
    PairModel,
    expand,
    pair_features,
)
from storydesk.steps.cluster.signals import article_views

FOLDS = 5
THRESHOLD = 0.5
# Probability cuts tried; each fold picks one on its training folds (nested, never on its test fold).
THRESHOLDS = (0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6)
ROOT = Path(__file__).resolve().parents[1]


@dataclass
class PairSet:
    """Labelled pairs of one data set: features, labels, and the articles' row indices."""

    features: np.ndarray
    labels: np.ndarray
    rows: np.ndarray
    cols: np.ndarray

    def subset(self, mask: np.ndarray) -> PairSet:
        return PairSet(self.features[mask], self.labels[mask], self.rows[mask], self.cols[mask])


def prepare(articles: Sequence[Article]) -> PreparedCorpus:
    """StoryClusterer's model-independent preparation of ``articles`` (the placeholder model
    only switches the pair-model method on: the shipped weights may be stale while retraining)."""
    placeholder = PairModel(np.zeros(len(MODEL_FEATURES)), 0.0)
    return StoryClusterer(model=placeholder).prepare(articles)


def labelled_pairs(
    articles: Sequence[Article], stories: Sequence[str], prepared: PreparedCorpus | None = None
) -> PairSet:
    """Candidate pairs ∪ gold pairs of ``articles`` with their features and 0/1 labels
    (``prepared``: the clusterer's preparation of the same articles, whose views are reused
    when every article is a voter)."""
    clusterer = StoryClusterer(model=None)
    if prepared is not None and prepared.views is not None and prepared.voters == list(articles):
        views = prepared.views
    else:
        views = article_views(articles)
    graph = top_k_neighbours(views.matrices["body"], views.days, k=clusterer.neighbours,
                             min_similarity=0.05, window_days=clusterer.candidate_days)
    graph = graph.maximum(shared_key_pairs(views.matrices["names"]))
    gold = np.asarray(stories)
    _, codes = np.unique(gold, return_inverse=True)
    members = sparse.csr_matrix((np.ones(len(codes)), (codes, np.arange(len(codes)))))
    graph = graph.maximum(sparse.csr_matrix(members.T @ members, dtype=np.float32))
    graph = graph.maximum(_random_pairs(len(articles), graph.nnz // 2))
    upper = sparse.triu(graph, 1).tocoo()
    rows, cols = upper.row.astype(np.int64), upper.col.astype(np.int64)
    labels = (codes[rows] == codes[cols]).astype(np.int8)
    return PairSet(pair_features(views, rows, cols), labels, rows, cols)


def _random_pairs(n: int, count: int, seed: int = 0) -> sparse.csr_matrix:
    """About ``count`` pairs drawn uniformly from all pairs of ``n`` articles (a symmetric 0/1
    graph). Why: up to dense_limit articles the clusterer scores *every* pair, most of them
    unrelated (all cosines near 0, same week); candidates and gold pairs alone leave that region
    to the gold follow-ups, and a model with products of features then calls such pairs the
    same story (1,000 Reuters stories became 101)."""
    if n < 2 or count <= 0:
        return sparse.csr_matrix((n, n), dtype=np.float32)
    rng = np.random.default_rng(seed)
    a, b = rng.integers(0, n, size=count), rng.integers(0, n, size=count)
    keep = a != b
    a, b = a[keep], b[keep]
    graph = sparse.csr_matrix((np.ones(len(a), dtype=np.float32), (a, b)), shape=(n, n))
    graph = graph.maximum(graph.T)
    graph.data[:] = 1.0
    return graph


def fit(pairs: Sequence[PairSet], threshold: float = THRESHOLD) -> PairModel:
    """Logistic regression on the expanded features (pair_model.expand) of the union of ``pairs``
    (standardised for the solver, weights mapped back to unscaled features so the JSON needs no
    scaler)."""
    x = expand(np.vstack([p.features for p in pairs]))
    y = np.concatenate([p.labels for p in pairs])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=1.0, max_iter=2000).fit((x - mean) / scale, y)
    coef = model.coef_[0] / scale
    intercept = float(model.intercept_[0] - (coef * mean).sum())
    return PairModel(coef, intercept, threshold)


def select_threshold(
    model: PairModel, articles: Sequence[Article], stories: Sequence[str], scored: np.ndarray,
    thresholds: Sequence[float] = THRESHOLDS, prepared: PreparedCorpus | None = None,
) -> tuple[PairModel, dict[str, str]]:
    """The model with the threshold whose clustering of ``articles`` has the best B-cubed F1 on
    the articles in ``scored`` (indices), and that clustering (``prepared``: the articles'
    StoryClusterer.prepare, reused for every threshold)."""
    prepared = prepared or prepare(articles)
    best: tuple[float, PairModel, dict[str, str]] | None = None
    for threshold in thresholds:
        candidate = replace(model, threshold=threshold)
        assigned = StoryClusterer(model=candidate).assign_prepared(prepared)
        f1 = bcubed_prf([assigned[articles[i].id] for i in scored],
                        [stories[i] for i in scored]).f1
        if best is None or f1 > best[0]:
            best = (f1, candidate, assigned)
    assert best is not None
    return best[1], best[2]


@dataclass
class FoldedClustering:
    """Cross-validated clusterings: fold k's clustering of *all* articles (by a model that never
    saw fold k's stories) is scored on fold k's articles only, with every article as a possible
    wrong partner (see :func:`folded_scores`)."""

    assignments: list[list[str]]  # per fold: story label of every article
    tests: list[np.ndarray]  # per fold: indices of the articles it is scored on
    thresholds: list[float]  # per fold: the threshold chosen on its training folds


def out_of_fold_clusterings(
    articles: Sequence[Article], groups: Sequence[str], stories: Sequence[str], pairs: PairSet,
    other: Sequence[PairSet], folds: int = FOLDS, thresholds: Sequence[float] = THRESHOLDS,
    prepared: PreparedCorpus | None = None,
) -> FoldedClustering:
    """Fold by fold: train on the other folds' pairs and ``other``, choose the threshold on the
    training folds' gold stories, cluster every article. Views, candidate pairs and their
    features do not depend on the model: prepared once (``prepared``), reused by every fold."""
    prepared = prepared or prepare(articles)
    result = FoldedClustering([], [], [])
    splitter = GroupKFold(n_splits=folds)
    for train, test in splitter.split(np.zeros(len(articles)), groups=groups):
        in_train = np.zeros(len(articles), dtype=bool)
        in_train[train] = True
        model = fit([pairs.subset(in_train[pairs.rows] & in_train[pairs.cols]), *other])
        model, assigned = select_threshold(model, articles, stories, train, thresholds, prepared)
        result.assignments.append([assigned[a.id] for a in articles])
        result.tests.append(test)
        result.thresholds.append(model.threshold)
    return result


def folded_scores(folded: FoldedClustering, gold: Sequence[str]) -> dict[str, float]:
    """B-cubed and pairwise P/R/F1 of held-out articles. B-cubed per held-out article i uses its
    fold's predicted story C (over all articles) and gold story G: precision |C∩G|/|C|, recall
    |C∩G|/|G|, averaged over all held-out articles. Pairwise counts the pairs (i, j) with i held
    out. So a held-out article wrongly merged with a training article is penalised: scoring only
    the held-out articles among themselves would hide most false merges."""
    gold_arr = np.asarray(gold)
    precision, recall = [], []
    tp = predicted = actual = 0
    clusters = set()
    for fold, (labels, test) in enumerate(zip(folded.assignments, folded.tests, strict=True)):
        pred = np.asarray(labels)
        for i in test:
            in_pred = pred == pred[i]
            in_gold = gold_arr == gold_arr[i]
            both = int((in_pred & in_gold).sum())
            precision.append(both / in_pred.sum())
            recall.append(both / in_gold.sum())
            tp += both - 1
            predicted += int(in_pred.sum()) - 1
            actual += int(in_gold.sum()) - 1
            clusters.add((fold, pred[i]))
    bcubed = PRF.from_pr(float(np.mean(precision)), float(np.mean(recall)))
    pairwise = PRF.from_counts(tp, predicted - tp, actual - tp)
    return {**bcubed.as_dict("bcubed_"), **pairwise.as_dict("pairwise_"),
            "clusters": float(len(clusters))}


def to_article(doc: Doc) -> Article:
    """The Article the evaluations build from a dataset record."""
    from eval._clustering import to_article as convert  # _clustering imports this module lazily

    return convert(doc)


def gva_data(datasets_dir: Path, limit: int | None = None) -> tuple[list[Doc], list[Article]]:
    docs = load_gva(datasets_dir, limit)
    return docs, [to_article(d) for d in docs]


def ecbplus_data(datasets_dir: Path, limit: int | None = None) -> tuple[list[Doc], list[Article]]:
    docs = load_ecbplus(datasets_dir, limit)
    return docs, [to_article(d) for d in docs]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--datasets", type=Path, default=ROOT.parent / "shared" / "datasets")
    parser.add_argument("--output", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    sets, corpora = [], []
    for loader, key in ((gva_data, "incident"), (ecbplus_data, "event")):
        docs, articles = loader(args.datasets)
        stories = [d.labels[key] for d in docs]
        prepared = prepare(articles)
        sets.append(labelled_pairs(articles, stories, prepared))
        corpora.append((articles, stories, prepared))
    model = fit(sets)
    scores = {}
    for threshold in THRESHOLDS:
        candidate = replace(model, threshold=threshold)
        f1s = []
        for articles, stories, prepared in corpora:
            assigned = StoryClusterer(model=candidate).assign_prepared(prepared)
            f1s.append(bcubed_prf([assigned[a.id] for a in articles], stories).f1)
        scores[threshold] = float(np.mean(f1s))
        print(f"threshold {threshold}: in-sample B3 F1 {f1s}", file=sys.stderr)
    model = replace(model, threshold=max(scores, key=lambda t: scores[t]))
    args.output.write_text(json.dumps(model.to_dict(), indent=2) + "\n", encoding="utf-8")
    print(json.dumps({"pairs": [len(s.labels) for s in sets],
                      "positives": [int(s.labels.sum()) for s in sets], **model.to_dict()}, indent=2))


if __name__ == "__main__":
    main()
