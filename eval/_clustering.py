"""Shared parts of the clustering evaluations: the TF-IDF baseline, the storydesk adapter and
scoring of one predicted clustering against one or more gold levels."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer

from eval.datasets import Doc
from eval.result import EvalResult, Row, progress, resolve_storydesk
from storydesk.metrics import bcubed_prf, pairwise_prf
from storydesk.model import Article

# Cosine-distance cut of the baseline's average-linkage tree. Fixed, not tuned per data set: 0.8
# is the best of {0.6, 0.7, 0.75, 0.8, 0.85, 0.9} for ECB+ event-level B-cubed F1 and is used
# unchanged on GVA (docs/evaluation.md gives the sweep).
BASELINE_THRESHOLD = 0.8
BASELINE = "TF-IDF + agglomerative baseline"

# Returns one label per doc, or a cross-validated FoldedClustering (eval/train_pair_model.py).
Clusterer = Callable[[Sequence[Doc]], Any]


def baseline_text(doc: Doc) -> str:
    """What the baseline vectorises: the title (when there is one) and the text."""
    return f"{doc.title}\n\n{doc.text}" if doc.title else doc.text


def tfidf_agglomerative(docs: Sequence[Doc], threshold: float = BASELINE_THRESHOLD) -> list[str]:
    """TF-IDF (English stop words, sublinear tf) + average-linkage agglomerative clustering on
    cosine distance, cut at ``threshold``. One label per doc.

    The rows are L2-normalised, so cosine distance is ``1 - X·Xᵀ``: computed once from the sparse
    matrix and passed as a precomputed dense matrix (n² floats: 80 MB at n = 3,000, 320 MB at
    6,335), which gives the same tree as ``metric="cosine"`` without densifying the vocabulary.
    """
    if len(docs) < 2:
        return ["0"] * len(docs)
    vectors = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
        [baseline_text(d) for d in docs]
    )
    distances = 1.0 - (vectors @ vectors.T).toarray()
    np.clip(distances, 0.0, None, out=distances)  # rounding can give -1e-16
    np.fill_diagonal(distances, 0.0)
    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
    )
    return [str(label) for label in model.fit_predict(distances)]


def to_article(doc: Doc) -> Article:
    """The storydesk Article a reader would build from this record."""
    return Article(
        id=doc.id,
        source=doc.url or doc.id,
        raw=doc.text,
        text=doc.text,
        title=doc.title,
        published=doc.published,
        language="en",
    )


def storydesk_clusterer(result: EvalResult) -> Clusterer | None:
    """``StoryClusterer().assign`` wrapped as a Clusterer, or None (noted in ``result.missing``)
    while storydesk has no clusterer yet."""
    cls, reason = resolve_storydesk("storydesk.steps.cluster", "StoryClusterer")
    if cls is None:
        result.missing["storydesk"] = reason
        return None

    def cluster(docs: Sequence[Doc]) -> list[str]:
        assigned = cls().assign([to_article(d) for d in docs])
        unassigned = [d.id for d in docs if d.id not in assigned]
        if unassigned:
            result.notes.append(f"storydesk left {len(unassigned)} articles without a story")
        # An article left out is its own story: a prefix no real story id has keeps it apart.
        return [str(assigned.get(d.id, f"\0unassigned:{d.id}")) for d in docs]

    return cluster


def score_clusterings(
    name: str,
    result: EvalResult,
    docs: Sequence[Doc],
    levels: Sequence[str],
    show_level: bool,
    storydesk: Clusterer | None = None,
) -> None:
    """Run the baseline and storydesk on ``docs`` and add one row per (level, system) to
    ``result``: B-cubed and pairwise P/R/F1 and the number of clusters found.

    ``storydesk`` replaces the default adapter (``StoryClusterer().assign``): the clustering
    evaluations pass the cross-validated one (eval/train_pair_model.py), so the "storydesk" row
    is measured by models that never saw the stories they cluster."""
    systems: list[tuple[str, Clusterer]] = [(BASELINE, tfidf_agglomerative)]
    if storydesk is None:
        storydesk = storydesk_clusterer(result)
    if storydesk is not None:
        systems.append(("storydesk", storydesk))
    predictions: dict[str, tuple[Any, float]] = {}
    for system, clusterer in systems:
        progress(f"{name}: {system} on {len(docs)} articles")
        start = time.perf_counter()
        predictions[system] = (clusterer(docs), time.perf_counter() - start)
    for level in levels:
        gold = [d.labels[level] for d in docs]
        result.notes.append(f"gold {level}s: {len(set(gold))}")
        for system, (labels, seconds) in predictions.items():
            if not isinstance(labels, list):  # cross-validated: scored on held-out articles
                from eval.train_pair_model import folded_scores

                result.rows.append(Row(system, folded_scores(labels, gold),
                                       level if show_level else "", seconds))
                continue
            metrics = {
                **bcubed_prf(labels, gold).as_dict("bcubed_"),
                **pairwise_prf(labels, gold).as_dict("pairwise_"),
                "clusters": float(len(set(labels))),
            }
            result.rows.append(Row(system, metrics, level if show_level else "", seconds))


def cross_validated_clusterer(
    result: EvalResult, gold_key: str, fold_key: str, other: Callable[[], tuple[list[Doc], str]]
) -> Clusterer | None:
    """The "storydesk" row's clusterer: ``StoryClusterer`` with a pair model trained, fold by
    fold (GroupKFold on ``fold_key``), on the other folds of these docs (gold ``gold_key``) and
    all of ``other()`` (docs, gold key), never on the fold it is scored on. Returns a
    ``FoldedClustering`` that score_clusterings scores with ``folded_scores``."""
    if storydesk_clusterer(result) is None:
        return None
    from eval.train_pair_model import FOLDS, labelled_pairs, out_of_fold_clusterings, prepare

    def cluster(docs: Sequence[Doc]):  # type: ignore[no-untyped-def]
        articles = [to_article(d) for d in docs]
        folds = min(FOLDS, len({d.labels[fold_key] for d in docs}))
        if folds < 2:
            result.notes.append("storydesk: too few gold groups to cross-validate; shipped model")
            return _shipped_labels(articles)
        other_docs, other_key = other()
        other_pairs = labelled_pairs([to_article(d) for d in other_docs],
                                     [d.labels[other_key] for d in other_docs])
        # Views, candidates and pair features do not depend on the model: computed once here,
        # reused for the training pairs and by every fold and threshold.
        prepared = prepare(articles)
        pairs = labelled_pairs(articles, [d.labels[gold_key] for d in docs], prepared)
        folded = out_of_fold_clusterings(
            articles, [d.labels[fold_key] for d in docs], [d.labels[gold_key] for d in docs],
            pairs, [other_pairs], folds, prepared=prepared,
        )
        result.notes.append(
            f"storydesk row: {folds}-fold GroupKFold by {fold_key}; each fold's pair model trained "
            f"on the other folds + {len(other_docs)} docs of the other data set, its threshold "
            f"chosen on the training folds ({folded.thresholds}); held-out articles scored against "
            "the clustering of all articles (eval/train_pair_model.py)"
        )
        return folded

    return cluster


def _shipped_labels(articles: Sequence[Article]) -> list[str]:
    from storydesk.steps.cluster import StoryClusterer

    assigned = StoryClusterer().assign(articles)
    return [assigned[a.id] for a in articles]
