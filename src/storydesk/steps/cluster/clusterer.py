"""Group articles into stories (one real-world event each).

Batch method: cosine similarity of event-weighted TF-IDF vectors (features.py), pairs published more
than ``window_days`` apart never merged, then average-linkage agglomerative clustering cut at a
distance threshold. Average linkage rather than single: one round-up article that mentions two events
must not chain them together.

Near-duplicates (``duplicate_of``) follow their original and do not vote, so a wire story carried by
ten sites does not pull unrelated articles into its story by sheer weight.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
from sklearn.cluster import AgglomerativeClustering

from storydesk.model import Article, StepStats, Story
from storydesk.steps.base import Corpus, CorpusStep
from storydesk.steps.cluster.features import tfidf_matrix

# Largest corpus clustered with one dense similarity matrix (n² float32: 8,000 → 256 MB).
_DENSE_LIMIT = 8000


class StoryClusterer(CorpusStep):
    """Assign every article to a story. ``threshold`` is a cosine *distance* (1 − similarity)."""

    name = "cluster"
    needs = frozenset({"text"})
    adds = frozenset({"stories"})

    def __init__(self, threshold: float = 0.80, window_days: int = 7) -> None:
        self.threshold = threshold
        self.window_days = window_days

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
        if n > _DENSE_LIMIT:
            from storydesk.errors import UsageError

            raise UsageError(
                f"{n} articles exceed the batch clusterer's limit of {_DENSE_LIMIT}",
                hint="split the input into shards, or use `storydesk ingest` (streaming)",
            )
        matrix = tfidf_matrix(articles)
        similarity = (matrix @ matrix.T).toarray()
        np.clip(similarity, 0.0, 1.0, out=similarity)
        distance = 1.0 - similarity
        self._apply_time_window(articles, distance)
        np.fill_diagonal(distance, 0.0)
        model = AgglomerativeClustering(
            n_clusters=None,
            metric="precomputed",
            linkage="average",
            distance_threshold=self.threshold,
        )
        return model.fit_predict(distance)

    def _apply_time_window(self, articles: Sequence[Article], distance: np.ndarray) -> None:
        """Articles published more than ``window_days`` apart are never the same story."""
        days = np.array(
            [a.published.toordinal() if a.published else np.nan for a in articles], dtype=float
        )
        if np.isnan(days).all():
            return
        gap = np.abs(days[:, None] - days[None, :])
        far = np.nan_to_num(gap, nan=0.0) > self.window_days
        distance[far] = 1.0


def _root(article: Article, by_id: dict[str, Article]) -> str:
    seen = set()
    current = article
    while current.duplicate_of and current.duplicate_of in by_id and current.id not in seen:
        seen.add(current.id)
        current = by_id[current.duplicate_of]
    return current.id
