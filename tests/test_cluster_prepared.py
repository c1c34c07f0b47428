"""The model-independent preparation (views, candidates, pair features) and the batched paths
give the clusterings of the plain ones."""

import datetime as dt
from dataclasses import replace

import numpy as np
import pytest

from storydesk.model import Article
from storydesk.steps.cluster import StoryClusterer
from storydesk.steps.cluster.candidates import _zero_far, far_apart
from storydesk.steps.cluster.features import event_tokens
from storydesk.steps.cluster.linkage import component_linkage, dense_average_linkage
from storydesk.steps.cluster.pair_model import block_features, groups_features
from storydesk.steps.cluster.signals import article_views
from tests.test_cluster import SHOOTING_A, SHOOTING_A2, SHOOTING_B, SHOOTING_B2

TEXTS = [SHOOTING_A, SHOOTING_B, SHOOTING_A2, SHOOTING_B2, SHOOTING_A + " Vigil held Tuesday.",
         SHOOTING_B + " A suspect was arrested."]


def _articles() -> list[Article]:
    return [Article(id=f"x{i}", source=f"x{i}", text=text,
                    published=dt.date(2014, 2, 1) + dt.timedelta(days=3 * i))
            for i, text in enumerate(TEXTS)]


@pytest.mark.parametrize("dense_limit", [100, 2])  # dense method, then candidates + components
@pytest.mark.parametrize("threshold", [0.2, 0.5, 0.9])
def test_cluster_assign_prepared_equals_assign(dense_limit, threshold):
    articles = _articles()
    base = StoryClusterer(dense_limit=dense_limit)
    model = replace(base.model, threshold=threshold)
    prepared = base.prepare(articles)
    direct = StoryClusterer(model=model, dense_limit=dense_limit).assign(articles)
    reused = StoryClusterer(model=model, dense_limit=dense_limit).assign_prepared(prepared)
    assert reused == direct


def test_cluster_groups_features_equal_block_features():
    views = article_views(_articles())
    groups = [np.array([0, 2]), np.array([1, 3, 5]), np.array([4])]
    for group, features in zip(groups, groups_features(views, groups), strict=True):
        np.testing.assert_allclose(features, block_features(views, group), rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize("row_days", [[0.0, 5.0, 40.0], [np.nan, 10.0, 100.0]])
def test_cluster_zero_far_matches_far_apart(row_days):
    rows = np.array(row_days)
    columns = np.array([0.0, 3.0, 10.0, 35.0, 70.0, np.nan, np.nan])  # dated sorted, undated last
    block = np.ones((len(rows), len(columns)))
    _zero_far(block, rows, columns, 7)
    np.testing.assert_array_equal(block == 0.0, far_apart(rows, columns, 7))


@pytest.mark.parametrize("distance, merged", [(0.29, True), (0.3, False), (0.8, False)])
def test_cluster_two_point_linkage_follows_the_threshold(distance, merged):
    matrix = np.array([[0.0, distance], [distance, 0.0]])
    labels = dense_average_linkage(matrix, 0.3)
    assert bool(labels[0] == labels[1]) is merged
    # The shortcut for two points decides as sklearn's tree does.
    three = np.pad(matrix, (0, 1), constant_values=1.0)
    three[2, 2] = 0.0
    expected = dense_average_linkage(three, 0.3)
    assert bool(expected[0] == expected[1]) is merged


def test_cluster_component_linkage_batches_distances():
    from scipy import sparse

    # Two components {0, 1, 2} and {3, 4}: the distance callback gets both in one call.
    graph = sparse.csr_matrix((np.ones(3), ([0, 1, 3], [1, 2, 4])), shape=(5, 5))
    calls = []

    def distances(groups):
        calls.append([list(g) for g in groups])
        return [np.where(np.eye(len(g)), 0.0, 0.1) for g in groups]

    labels = component_linkage(graph, 0.5, distances, component_limit=10)
    assert calls == [[[0, 1, 2], [3, 4]]]
    assert len(set(labels[:3])) == 1 and len(set(labels[3:])) == 1 and labels[0] != labels[3]


def test_cluster_event_tokens_cached_words_keep_sentence_position():
    # "Davis" is a name mid-sentence (weighted up) but not sentence-initially; the cache of the
    # word must not carry one occurrence's position over to the other.
    assert event_tokens("Davis left. Police met Davis.").count("@davis") == 1
    assert event_tokens("Police met Davis. Davis left.").count("@davis") == 1
    assert event_tokens("Shootings 1,200") == ["shoot", "#1200", "#1200"]
