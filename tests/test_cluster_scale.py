"""Batch clustering above the dense limit: candidate graph, sparse average linkage, components."""

import datetime as dt

import numpy as np
import pytest
from scipy import sparse
from sklearn.preprocessing import normalize

from storydesk.model import Article
from storydesk.steps.cluster import StoryClusterer
from storydesk.steps.cluster.candidates import brute_force_neighbours, top_k_neighbours
from storydesk.steps.cluster.linkage import (
    bridge_aware_linkage,
    dense_average_linkage,
    sparse_average_linkage,
)
from tests.test_cluster import SHOOTING_A, SHOOTING_A2, SHOOTING_B, SHOOTING_B2


def _random_rows(seed: int, n: int, dim: int = 40) -> sparse.csr_matrix:
    matrix = sparse.random(n, dim, density=0.25, random_state=seed, format="csr", dtype=np.float32)
    return normalize(matrix).astype(np.float32)


def _pairs(graph: sparse.csr_matrix) -> set[tuple[int, int]]:
    upper = sparse.triu(graph, 1).tocoo()
    return {(int(i), int(j)) for i, j in zip(upper.row, upper.col, strict=True)}


def _same_partition(a, b) -> bool:
    pairs_a = {(i, j) for i in range(len(a)) for j in range(len(a)) if a[i] == a[j]}
    pairs_b = {(i, j) for i in range(len(b)) for j in range(len(b)) if b[i] == b[j]}
    return pairs_a == pairs_b


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("dated", [False, True])
@pytest.mark.parametrize("k", [1, 3, 50])
def test_candidates_match_brute_force(seed, dated, k):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(5, 70))
    matrix = _random_rows(seed, n)
    days = None
    if dated:
        days = rng.integers(0, 40, n).astype(float)
        days[rng.random(n) < 0.2] = np.nan  # undated articles are compared with every one
    graph = top_k_neighbours(matrix, days, k=k, min_similarity=0.1, window_days=5, block_rows=8)
    expected = brute_force_neighbours(matrix, days, k=k, min_similarity=0.1, window_days=5)
    assert _pairs(graph) == expected
    assert (graph != graph.T).nnz == 0
    assert graph.diagonal().sum() == 0


def test_candidates_respect_floor_and_window():
    matrix = normalize(np.array([[1.0, 0.0], [1.0, 0.05], [0.0, 1.0]], dtype=np.float32))
    graph = top_k_neighbours(sparse.csr_matrix(matrix), np.array([0.0, 30.0, 0.0]),
                             k=5, min_similarity=0.5, window_days=7)
    assert graph.nnz == 0  # 0–1 similar but a month apart; 2 is orthogonal to both


@pytest.mark.parametrize("n", [0, 1])
def test_candidates_tiny(n):
    assert top_k_neighbours(_random_rows(0, n) if n else sparse.csr_matrix((0, 4)), None).shape == (n, n)


@pytest.mark.parametrize("seed", range(5))
def test_sparse_linkage_on_complete_graph_equals_dense(seed):
    matrix = _random_rows(seed, 30, dim=12)
    similarity = np.clip((matrix @ matrix.T).toarray().astype(np.float64), 0.0, 1.0)
    np.fill_diagonal(similarity, 0.0)
    sparse_labels = sparse_average_linkage(sparse.csr_matrix(similarity), threshold=0.7)
    distance = 1.0 - similarity
    np.fill_diagonal(distance, 0.0)
    dense_labels = dense_average_linkage(distance, threshold=0.7)
    assert _same_partition(list(sparse_labels), list(dense_labels))
    assert len(set(sparse_labels)) < 30  # something was merged: the comparison is not vacuous


def test_sparse_linkage_average_not_single():
    # 0–1 and 1–2 are close, 0–2 unrelated: average linkage keeps one pair and leaves the third.
    graph = sparse.csr_matrix(np.array([[0, .9, 0], [.9, 0, .9], [0, .9, 0]], dtype=np.float32))
    labels = sparse_average_linkage(graph, threshold=0.5)  # merge while average > 0.5 (0.45 after)
    assert len(set(labels)) == 2


ARTICLES = [SHOOTING_A, SHOOTING_B, SHOOTING_A2, SHOOTING_B2]


@pytest.mark.parametrize("component_limit", [0, 100])
def test_sparse_path_gives_the_dense_clustering(component_limit):
    articles = [Article(id=f"x{i}", source="s", text=t) for i, t in enumerate(ARTICLES)]
    dense = StoryClusterer().assign(articles)
    large = StoryClusterer(dense_limit=0, component_limit=component_limit).assign(articles)
    assert dense == large
    assert dense["x0"] == dense["x2"] != dense["x1"] == dense["x3"]


def test_sparse_path_applies_time_window():
    articles = [
        Article(id="a", source="s", text=SHOOTING_A, published=dt.date(2014, 2, 4)),
        Article(id="a2", source="s", text=SHOOTING_A2, published=dt.date(2015, 2, 4)),
    ]
    assignment = StoryClusterer(dense_limit=0, model=None).assign(articles)
    assert assignment["a"] != assignment["a2"]


@pytest.mark.parametrize("dense_limit", [0, 2000])
def test_empty_texts_do_not_form_a_junk_story(dense_limit):
    articles = [Article(id=f"e{i}", source="s", text=t) for i, t in enumerate(["", " ", "\n", "..."])]
    articles.append(Article(id="a", source="s", text=SHOOTING_A))
    assignment = StoryClusterer(dense_limit=dense_limit).assign(articles)
    assert len(set(assignment.values())) == len(articles)


def test_no_size_limit_any_more():
    # Above the old 8,000 limit used to raise UsageError; short synthetic texts keep this fast.
    rng = np.random.default_rng(1)
    words = [f"w{i}" for i in range(3000)]
    articles = [
        Article(id=str(i), source="s", text=" ".join(rng.choice(words, 8)),
                published=dt.date(2020, 1, 1) + dt.timedelta(days=int(i // 100)))
        for i in range(8100)
    ]
    assignment = StoryClusterer().assign(articles)
    assert len(assignment) == 8100


def test_bridge_aware_linkage_keeps_a_roundup_from_chaining():
    # 0,1 one story, 2,3 another, 4 a round-up near-certain with all four.
    similarity = np.array([[1, .9, 0, 0, .95], [.9, 1, 0, 0, .95], [0, 0, 1, .9, .95],
                           [0, 0, .9, 1, .9], [.95, .95, .95, .9, 1]])
    labels = bridge_aware_linkage(1.0 - similarity, threshold=0.7)
    assert labels[0] == labels[1] != labels[2] == labels[3]
    assert labels[4] in (labels[0], labels[2])
    plain = dense_average_linkage(1.0 - similarity, threshold=0.7)
    assert len(set(plain)) == 1  # what the bridge does to plain average linkage
