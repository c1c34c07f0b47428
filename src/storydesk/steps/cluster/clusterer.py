"""Group articles into stories (one real-world event each).

Default method (``model`` = the shipped :class:`PairModel`): every candidate pair of articles is
scored by a logistic regression over several similarities (body TF-IDF over lemmas, names,
places, event numbers, titles, publication-day gap: signals.py, pair_model.py), and average
linkage over ``1 − P(same story)`` is cut at the model's probability threshold. Average rather
than single linkage: one round-up article that matches two events must not chain them together;
it ends in the story it matches best.

Up to ``dense_limit`` articles every pair is scored. Above, candidates are each article's top-k
body neighbours within ``candidate_days`` plus pairs sharing rare names (candidates.py), and
linkage runs on each connected component of the pairs with P ≥ threshold (linkage.py): average
linkage never merges two groups whose every cross pair is below the cut, so nothing is lost but
pairs that are not candidates. Near-linear: see docs/benchmarks.md.

``model=None`` gives the earlier method: cosine of event-weighted TF-IDF, cut at ``threshold``
(a cosine distance), pairs more than ``window_days`` apart never merged.

Near-duplicates (``duplicate_of``) follow their original and do not vote. Articles without
usable text (fewer than ``min_words`` words in title and text) are not clustered: ``run_corpus``
skips them with a counted reason, ``assign`` gives each a story of its own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy import sparse

from storydesk.model import Article, Skipped, StepStats, Story
from storydesk.steps.base import Corpus, CorpusStep
from storydesk.steps.cluster.candidates import (
    day_numbers,
    far_apart,
    shared_key_pairs,
    top_k_neighbours,
)
from storydesk.steps.cluster.features import tfidf_matrix
from storydesk.steps.cluster.linkage import (
    bridge_aware_linkage,
    component_linkage,
    dense_average_linkage,
)
from storydesk.steps.cluster.pair_model import (
    PairModel,
    block_features,
    groups_features,
    pair_features,
)
from storydesk.steps.cluster.representative import describe_stories
from storydesk.steps.cluster.signals import ArticleViews, article_views

MIN_WORDS = 5
SKIP_REASON = "no usable text"
_WORD = re.compile(r"\w+")
_SHIPPED = "shipped"


@lru_cache(maxsize=1)
def shipped_model() -> PairModel:
    """The pair model in pair_model.json (loaded once)."""
    return PairModel.load()


@dataclass
class PreparedCorpus:
    """A corpus ready for clustering (:meth:`StoryClusterer.prepare`): the articles, the voters
    among them (usable, not near-duplicates), their views, and the pair features: of every
    ordered pair (k·k rows) when the corpus is small enough for the dense method, else of the
    candidate pairs ``(rows[i], cols[i])``."""

    articles: list[Article]
    voters: list[Article]
    views: ArticleViews | None = None
    features: np.ndarray | None = None
    rows: np.ndarray | None = None
    cols: np.ndarray | None = None


def usable(article: Article, min_words: int = MIN_WORDS) -> bool:
    """True when title and text hold at least ``min_words`` words to cluster on."""
    words = len(_WORD.findall(article.title or "")) + len(_WORD.findall(article.text[:2000]))
    return words >= min_words


class StoryClusterer(CorpusStep):
    """Assign every article to a story (see module docstring for ``model``/``threshold``)."""

    name = "cluster"
    needs = frozenset({"text"})
    adds = frozenset({"stories"})

    def __init__(
        self,
        threshold: float = 0.80,
        window_days: int = 7,
        *,
        model: PairModel | str | None = _SHIPPED,
        dense_limit: int = 2000,
        neighbours: int = 20,
        component_limit: int = 2000,
        candidate_days: int = 30,
        min_words: int = MIN_WORDS,
    ) -> None:
        self.threshold = threshold
        self.window_days = window_days
        self.model: PairModel | None = (
            shipped_model() if model == _SHIPPED else model if isinstance(model, PairModel) else None
        )
        if isinstance(model, str) and model != _SHIPPED:
            raise ValueError(f"model must be a PairModel, None or {_SHIPPED!r}, not {model!r}")
        # Up to dense_limit articles one n×n matrix is cheap (2,000² float64 = 32 MB) and exact.
        self.dense_limit = dense_limit
        self.neighbours = neighbours
        self.component_limit = component_limit
        # Same-incident follow-ups often come weeks later (GVA: a third of same-story pairs are
        # more than 7 days apart): the pair model weighs the gap, candidates look further.
        self.candidate_days = max(candidate_days, window_days)
        self.min_words = min_words

    def assign(self, articles: Sequence[Article]) -> dict[str, str]:
        """Map article id → story id (``s1`` is the largest story)."""
        return self.assign_prepared(self.prepare(articles))

    def prepare(self, articles: Sequence[Article]) -> PreparedCorpus:
        """Everything clustering needs that does not depend on the pair model's weights or
        threshold: the voters, their views, candidate pairs and the pairs' features. Evaluations
        cluster one corpus with many models: prepare once, then :meth:`assign_prepared`."""
        by_id = {a.id: a for a in articles}
        voters = [
            a for a in articles
            if not (a.duplicate_of and a.duplicate_of in by_id) and usable(a, self.min_words)
        ]
        prepared = PreparedCorpus(list(articles), voters)
        if self.model is None or len(voters) < 2:
            return prepared
        views = prepared.views = article_views(voters)
        n = len(voters)
        if n <= self.dense_limit:
            prepared.features = block_features(views, np.arange(n))
            return prepared
        candidates = top_k_neighbours(views.matrices["body"], views.days, k=self.neighbours,
                                      min_similarity=0.05, window_days=self.candidate_days)
        candidates = candidates.maximum(shared_key_pairs(views.matrices["names"]))
        upper = sparse.triu(candidates, 1).tocoo()
        prepared.rows, prepared.cols = upper.row.astype(np.int64), upper.col.astype(np.int64)
        prepared.features = pair_features(views, prepared.rows, prepared.cols)
        return prepared

    def assign_prepared(self, prepared: PreparedCorpus) -> dict[str, str]:
        """:meth:`assign` on a corpus from :meth:`prepare` (of a clusterer with the same
        settings but possibly another model)."""
        return self._assign(prepared)[0]

    def run_corpus(self, corpus: Corpus, stats: StepStats) -> Corpus:
        stats.read += len(corpus.articles)
        kept: list[Article] = []
        for article in corpus.articles:
            if usable(article, self.min_words):
                kept.append(article)
                continue
            stats.skip(SKIP_REASON)
            corpus.skipped.append(
                Skipped(article.source, f"{SKIP_REASON}: fewer than {self.min_words} words",
                        self.name)
            )
        assignment, views = self._assign(self.prepare(kept))
        stories: dict[str, Story] = {}
        for article in kept:
            story_id = assignment[article.id]
            stories.setdefault(story_id, Story(id=story_id)).article_ids.append(article.id)
        corpus.articles = kept
        corpus.stories = sorted(stories.values(), key=lambda s: int(s.id[1:]))
        describe_stories(corpus.stories, kept, views)
        stats.kept += len(kept)
        return corpus

    # ----------------------------------------------------------------------------------------

    def _assign(self, prepared: PreparedCorpus) -> tuple[dict[str, str], ArticleViews | None]:
        articles, voters = prepared.articles, prepared.voters
        by_id = {a.id: a for a in articles}
        views = prepared.views if self.model is not None else None
        labels = self._labels(prepared)
        label_of = {a.id: int(label) for a, label in zip(voters, labels, strict=True)}
        next_label = int(labels.max()) + 1 if len(labels) else 0
        for article in articles:
            if article.id in label_of:
                continue
            root = _root(article, by_id)
            if root in label_of and root != article.id:
                label_of[article.id] = label_of[root]
            else:  # no usable text: a story of its own, never a junk story of many
                label_of[article.id] = next_label
                next_label += 1
        # Stable names: larger stories first, ties by first appearance.
        sizes = Counter(label_of.values())
        first_seen: dict[int, int] = {}
        for position, article in enumerate(articles):
            first_seen.setdefault(label_of[article.id], position)
        order = sorted(sizes, key=lambda lab: (-sizes[lab], first_seen[lab]))
        name = {label: f"s{rank}" for rank, label in enumerate(order, start=1)}
        assignment = {a.id: name[label_of[a.id]] for a in articles}
        if views is not None:
            views.index = {a.id: i for i, a in enumerate(voters)}
        return assignment, views

    def _labels(self, prepared: PreparedCorpus) -> np.ndarray:
        n = len(prepared.voters)
        if n < 2:
            return np.zeros(n, dtype=int)
        views = prepared.views
        if self.model is None or views is None or prepared.features is None:
            return self._cosine_labels(prepared.voters)
        model = self.model
        cut = 1.0 - model.threshold
        if prepared.rows is None:  # dense: features of every pair
            return bridge_aware_linkage(_distance_from(model, prepared.features, n), cut)
        rows, cols = prepared.rows, prepared.cols
        probability = model.probability(prepared.features)
        graph = sparse.coo_matrix((probability, (rows, cols)), shape=(n, n)).tocsr()
        strong = graph.maximum(graph.T).tocsr()
        # Components of the pairs above the cut: average linkage cannot merge across them.
        strong.data[strong.data < model.threshold] = 0.0
        strong.eliminate_zeros()

        def distances(groups: Sequence[np.ndarray]) -> list[np.ndarray]:
            return [_distance_from(model, features, len(group)) for group, features
                    in zip(groups, groups_features(views, groups), strict=True)]

        return component_linkage(strong, cut, distances, self.component_limit,
                                 bridge_aware_linkage)

    def _cosine_labels(self, articles: Sequence[Article]) -> np.ndarray:
        n = len(articles)
        matrix = tfidf_matrix(articles)
        days = day_numbers(articles)
        if n <= self.dense_limit:
            return dense_average_linkage(self._distance(matrix, days, np.arange(n)), self.threshold)
        # The floor equals the cut: average linkage never merges groups whose every cross pair is
        # below it, so components of this graph lose no merge (bar top-k truncation).
        graph = top_k_neighbours(
            matrix, days, k=self.neighbours, min_similarity=1.0 - self.threshold,
            window_days=self.window_days,
        )
        return component_linkage(
            graph, self.threshold,
            lambda groups: [self._distance(matrix, days, members) for members in groups],
            self.component_limit,
        )

    def _distance(self, matrix: sparse.csr_matrix, days: np.ndarray, members: np.ndarray) -> np.ndarray:
        """Dense cosine distances among ``members``; pairs more than ``window_days`` apart get 1."""
        rows = matrix[members]
        similarity = (rows @ rows.T).toarray()
        np.clip(similarity, 0.0, 1.0, out=similarity)
        distance = 1.0 - similarity
        if not np.isnan(days[members]).all():
            distance[far_apart(days[members], days[members], self.window_days)] = 1.0
        np.fill_diagonal(distance, 0.0)
        return distance


def _distance_from(model: PairModel, features: np.ndarray, k: int) -> np.ndarray:
    """Symmetric ``1 − P(same story)`` matrix (zero diagonal) from k·k row-major pair features."""
    probability = model.probability(features).reshape(k, k)
    distance = 1.0 - probability.astype(np.float64)
    distance = (distance + distance.T) / 2.0
    np.fill_diagonal(distance, 0.0)
    return distance


def _root(article: Article, by_id: dict[str, Article]) -> str:
    seen = set()
    current = article
    while current.duplicate_of and current.duplicate_of in by_id and current.id not in seen:
        seen.add(current.id)
        current = by_id[current.duplicate_of]
    return current.id
