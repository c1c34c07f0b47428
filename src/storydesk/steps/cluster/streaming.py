"""Streaming story clustering: one pass over articles in time order, bounded memory.

Each article becomes a hashed TF-IDF vector (sklearn ``HashingVectorizer`` over the same event
tokens as the batch clusterer, so the vocabulary never has to be known in advance), and joins the
open story whose members it is most similar to on average, when that average similarity exceeds
``1 - threshold`` (the batch clusterer's average-linkage criterion, with the same ``threshold``);
otherwise it opens a new story.

A story keeps only the *sum* of its members' unit vectors: the average similarity of an article
to the members is ``v · sum / size``. A story closes when no article arrived for ``window_days``
(publication dates; undated articles count as published on the last date seen) or when more than
``max_open`` stories are open (the least recently updated closes). A closed story is evicted:
nothing about it is kept but the count, so memory is bounded by ``max_open`` sums.

IDF: either given (``idf=``, e.g. from :func:`estimate_idf` on a first batch) or estimated
incrementally from the document frequencies seen so far (each article counted before it is
vectorised). Sums are not re-weighted when the IDF moves on: the early members of a story are
scored with the IDF of their day, a drift that is small once a few hundred articles have passed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer

from storydesk.model import Article
from storydesk.steps.cluster.features import article_document, event_tokens

N_FEATURES = 2**20
# As the batch TF-IDF's max_df=0.5: words in more than half the documents carry no event identity.
_MAX_DF = 0.5
_MIN_DOCS_FOR_MAX_DF = 20


def _vectorizer(n_features: int) -> HashingVectorizer:
    return HashingVectorizer(
        analyzer=event_tokens,
        n_features=n_features,
        alternate_sign=False,
        norm=None,
        dtype=np.float32,
    )


def _term_counts(article: Article, vectorizer: HashingVectorizer) -> sparse.csr_matrix:
    counts = vectorizer.transform([article_document(article)]).tocsr()
    counts.data = 1.0 + np.log(counts.data)  # sublinear tf, as in the batch features
    return counts


def estimate_idf(articles: Iterable[Article], n_features: int = N_FEATURES) -> np.ndarray:
    """Smoothed IDF per hash bucket from a batch of articles (terms in more than half of them
    get weight 0), to pass as ``StreamingStoryClusterer(idf=...)``."""
    vectorizer = _vectorizer(n_features)
    df = np.zeros(n_features, dtype=np.float64)
    n = 0
    for article in articles:
        df[_term_counts(article, vectorizer).indices] += 1
        n += 1
    return _idf(df, n)


def _idf(df: np.ndarray, n: int) -> np.ndarray:
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    if n >= _MIN_DOCS_FOR_MAX_DF:
        idf[df > _MAX_DF * n] = 0.0
    return idf.astype(np.float32)


@dataclass
class _OpenStory:
    id: str
    total: sparse.csr_matrix  # sum of the members' unit vectors
    size: int
    last_day: float
    last_seen: int  # arrival counter, for closing the least recently updated
    members: list[str] = field(default_factory=list)


class StreamingStoryClusterer:
    """Assign articles, arriving in time order, to stories one at a time (see module docstring).

    ``threshold`` is a cosine distance as in :class:`StoryClusterer`; ``idf`` an array of
    ``n_features`` weights, or None to estimate it incrementally.
    """

    def __init__(
        self,
        threshold: float = 0.80,
        window_days: int = 7,
        *,
        idf: np.ndarray | None = None,
        n_features: int = N_FEATURES,
        max_open: int = 5000,
    ) -> None:
        if idf is not None and idf.shape != (n_features,):
            raise ValueError(f"idf must have shape ({n_features},), got {idf.shape}")
        self.threshold = threshold
        self.window_days = window_days
        self.max_open = max_open
        self._vectorizer = _vectorizer(n_features)
        self._fixed_idf = idf
        self._df = None if idf is not None else np.zeros(n_features, dtype=np.float32)
        self._seen = 0
        self._open: dict[str, _OpenStory] = {}
        self._story_of: dict[str, str] = {}  # article id → story id, open stories only
        self._next = 1
        self._today = np.nan
        self.closed = 0

    @property
    def open_stories(self) -> int:
        """Number of stories still accepting articles (what memory grows with)."""
        return len(self._open)

    def add(self, article: Article) -> str:
        """Assign ``article`` to an open story or open a new one; returns the story id."""
        self._seen += 1
        if article.published is not None:
            day = float(article.published.toordinal())
            self._today = day if np.isnan(self._today) else max(self._today, day)
        else:
            day = self._today
        self._close_stale()
        if article.duplicate_of and article.duplicate_of in self._story_of:
            story = self._open[self._story_of[article.duplicate_of]]
            self._remember(story, article.id, day)
            return story.id
        vector = self._vector(article)
        if vector.nnz == 0:
            # Nothing to compare: a story of its own, never opened for others to join, so empty
            # or garbage texts cannot gather into one junk story.
            return self._new_id()
        best = self._best_story(vector)
        if best is None:
            story = _OpenStory(self._new_id(), vector, 0, day, self._seen)
            self._open[story.id] = story
        else:
            story = best
            story.total = story.total + vector
        story.size += 1
        self._remember(story, article.id, day)
        if len(self._open) > self.max_open:
            oldest = min(self._open.values(), key=lambda s: s.last_seen)
            self._close(oldest)
        return story.id

    def assign(self, articles: Iterable[Article]) -> dict[str, str]:
        """Add ``articles`` (already in time order) and map article id → story id."""
        return {article.id: self.add(article) for article in articles}

    # ----------------------------------------------------------------------------------------

    def _vector(self, article: Article) -> sparse.csr_matrix:
        counts = _term_counts(article, self._vectorizer)
        if self._df is not None:
            self._df[counts.indices] += 1
            idf = _idf(self._df[counts.indices], self._seen)
        else:
            assert self._fixed_idf is not None
            idf = self._fixed_idf[counts.indices]
        counts.data = counts.data * idf
        counts.eliminate_zeros()
        norm = float(np.sqrt(counts.multiply(counts).sum()))
        if norm > 0:
            counts.data /= norm
        return counts

    def _best_story(self, vector: sparse.csr_matrix) -> _OpenStory | None:
        if not self._open:
            return None
        stories = list(self._open.values())
        totals = sparse.vstack([s.total for s in stories], format="csr")
        sizes = np.array([s.size for s in stories], dtype=np.float64)
        # Only the article's own buckets matter: never densify a 2^20-wide vector per article.
        average = np.asarray(totals[:, vector.indices] @ vector.data).ravel() / sizes
        best = int(np.argmax(average))
        return stories[best] if average[best] > 1.0 - self.threshold else None

    def _remember(self, story: _OpenStory, article_id: str, day: float) -> None:
        story.members.append(article_id)
        self._story_of[article_id] = story.id
        story.last_seen = self._seen
        if not np.isnan(day):
            story.last_day = day if np.isnan(story.last_day) else max(story.last_day, day)

    def _close_stale(self) -> None:
        if np.isnan(self._today):
            return
        stale = [
            s for s in self._open.values()
            if not np.isnan(s.last_day) and self._today - s.last_day > self.window_days
        ]
        for story in stale:
            self._close(story)

    def _close(self, story: _OpenStory) -> None:
        del self._open[story.id]
        for article_id in story.members:
            self._story_of.pop(article_id, None)
        self.closed += 1

    def _new_id(self) -> str:
        story_id = f"s{self._next}"
        self._next += 1
        return story_id
