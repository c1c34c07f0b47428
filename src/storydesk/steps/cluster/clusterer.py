"""Group articles into stories (one real-world event each).

Batch method: cosine similarity of event-weighted TF-IDF vectors (features.py), pairs published more
than ``window_days`` apart never merged, then average-linkage agglomerative clustering cut at a
distance threshold. Average linkage rather than single: one round-up article that mentions two events
must not chain them together.

Above ``dense_limit`` articles no n×n matrix is built: candidates.py keeps each article's top-k
neighbours (sparse products in row blocks), and linkage.py clusters each connected component of
that graph (exactly when it is small enough). No size limit; see docs/benchmarks.md for timings.

Near-duplicates (``duplicate_of``) follow their original and do not vote, so a wire story carried by
ten sites does not pull unrelated articles into its story by sheer weight.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
from scipy import sparse

from storydesk.model import Article, StepStats, Story
from storydesk.steps.base import Corpus, CorpusStep
from storydesk.steps.cluster.candidates import day_numbers, far_apart, top_k_neighbours
from storydesk.steps.cluster.features import tfidf_matrix
from storydesk.steps.cluster.linkage import component_linkage, dense_average_linkage


class StoryClusterer(CorpusStep):
    """Assign every article to a story. ``threshold`` is a cosine *distance* (1 − similarity)."""

    name = "cluster"
    needs = frozenset({"text"})
    adds = frozenset({"stories"})

    def __init__(
        self,
        threshold: float = 0.80,
        window_days: int = 7,
        *,
        dense_limit: int = 2000,
        neighbours: int = 20,
        component_limit: int = 2000,
    ) -> None:
        self.threshold = threshold
        self.window_days = window_days
        # Up to dense_limit articles one n×n matrix is cheap (2,000² float64 = 32 MB) and exact.
        self.dense_limit = dense_limit
        self.neighbours = neighbours
        self.component_limit = component_limit

    def assign(self, articles: Sequence[Article]) -> dict[str, str]:
        """Map article id → story id (``s1`` is the largest story)."""
        by_id = {a.id: a for a in articles}
        voters = [a for a in articles if not (a.duplicate_of and a.duplicate_of in by_id)]
        labels = self._labels(voters)
        label_of = {a.id: int(label) for a, label in zip(voters, labels, strict=True)}
        for article in articles:
            if article.id not in label_of:
                label_of[article.id] = label_of[_root(article, by_id)]
        # Stable names: larger stories first, ties by first appearance.
        sizes = Counter(label_of.values())
        first_seen: dict[int, int] = {}
        for position, article in enumerate(articles):
            first_seen.setdefault(label_of[article.id], position)
        order = sorted(sizes, key=lambda lab: (-sizes[lab], first_seen[lab]))
        name = {label: f"s{rank}" for rank, label in enumerate(order, start=1)}
        return {a.id: name[label_of[a.id]] for a in articles}

    def run_corpus(self, corpus: Corpus, stats: StepStats) -> Corpus:
        stats.read += len(corpus.articles)
        assignment = self.assign(corpus.articles)
        stories: dict[str, Story] = {}
        for article in corpus.articles:
            story_id = assignment[article.id]
            stories.setdefault(story_id, Story(id=story_id)).article_ids.append(article.id)
        corpus.stories = sorted(stories.values(), key=lambda s: int(s.id[1:]))
        stats.kept += len(corpus.articles)
        return corpus

    # ----------------------------------------------------------------------------------------

    def _labels(self, articles: Sequence[Article]) -> np.ndarray:
        n = len(articles)
        if n == 0:
            return np.zeros(0, dtype=int)
        if n == 1:
            return np.zeros(1, dtype=int)
        matrix = tfidf_matrix(articles)
        days = day_numbers(articles)
        if n <= self.dense_limit:
            return dense_average_linkage(self._distance(matrix, days, np.arange(n)), self.threshold)
        # The floor equals the cut: average linkage never merges groups whose every cross pair is
        # below it, so components of this graph lose no merge (bar top-k truncation).
        graph = top_k_neighbours(
            matrix,
            days,
            k=self.neighbours,
            min_similarity=1.0 - self.threshold,
            window_days=self.window_days,
        )
        return component_linkage(
            graph,
            self.threshold,
            lambda members: self._distance(matrix, days, members),
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


def _root(article: Article, by_id: dict[str, Article]) -> str:
    seen = set()
    current = article
    while current.duplicate_of and current.duplicate_of in by_id and current.id not in seen:
        seen.add(current.id)
        current = by_id[current.duplicate_of]
    return current.id
