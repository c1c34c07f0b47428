"""Conflicting facts (ages, tolls, magnitudes, money, latest year) as pair-model features
(steps/cluster/conflicts.py)."""

import numpy as np
import pytest

from storydesk.model import Article
from storydesk.steps.cluster.conflicts import CONFLICT_FEATURES, article_facts, fact_matrices
from storydesk.steps.cluster.pair_model import FEATURES, block_features, pair_features
from storydesk.steps.cluster.signals import article_views


def _article(text, id="a", title=None):
    return Article(id=id, source=id, text=text, title=title)


@pytest.mark.parametrize(
    ("text", "kind", "values"),
    [
        ("Mark Felt, Deep Throat, dies at 95.", "age", {"95"}),
        ("The 23-year-old man and a woman, aged 41, were shot.", "age", {"23", "41"}),
        ("He was 75 when he died.", "age", {"75"}),
        ("He was 20 percent richer.", "age", set()),
        ("Ten people were killed and about 50 hurt.", "dead", {"10"}),
        ("Ten people were killed and about 50 hurt.", "hurt", {"50"}),
        ("The blast killed at least 12 and injured 3.", "dead", {"12"}),
        ("A 5.6 magnitude earthquake hit Qeshm.", "magnitude", {"5.6"}),
        ("A quake measuring 5.9 on the Richter scale.", "magnitude", {"5.9"}),
        ("A magnitude-6.1 quake struck.", "magnitude", {"6.1"}),
        ("Red Sox offer Teixeira $200 million.", "money", {"2e+08"}),
        ("In 2005 he fled; in 2008 he was sentenced.", "latest_year", {"2008"}),
        ("No numbers at all.", "latest_year", set()),
        ("", "age", set()),
    ],
)
def test_cluster_conflicts_article_facts(text, kind, values):
    assert article_facts(_article(text))[kind] == values


def _conflicts(features: np.ndarray) -> dict[str, float]:
    return {name: float(features[FEATURES.index(name)]) for name in CONFLICT_FEATURES}


def test_cluster_conflicts_pair_features_conflict_match_and_silence():
    articles = [
        _article("A 5.6 magnitude quake hit the island in 2008, killing five.", "0"),
        _article("The 5.6 magnitude quake of 2008 killed five people on the island.", "1"),
        _article("A 5.9 magnitude quake hit the island in 2005, killing ten.", "2"),
        _article("An earthquake hit the island.", "3"),
    ]
    views = article_views(articles)
    rows, cols = np.array([0, 0, 0]), np.array([1, 2, 3])
    features = pair_features(views, rows, cols)
    # Same magnitude and toll, same year: matches only.
    assert _conflicts(features[0]) == {"numbers_conflict": 0.0, "numbers_match": 2.0,
                                       "years_conflict": 0.0, "years_match": 1.0}
    # Other magnitude, toll and year: conflicts only.
    assert _conflicts(features[1]) == {"numbers_conflict": 2.0, "numbers_match": 0.0,
                                       "years_conflict": 1.0, "years_match": 0.0}
    # One article states nothing: no evidence either way.
    assert set(_conflicts(features[2]).values()) == {0.0}
    # The dense block computes the same features as the pair list.
    block = block_features(views, np.arange(4)).reshape(4, 4, len(FEATURES))
    np.testing.assert_allclose(block[rows, cols], features, rtol=1e-5)


def test_cluster_conflicts_matrices_without_any_fact():
    matrices = fact_matrices([_article("nothing here", "0"), _article("\x00\x01 garbage", "1")])
    assert all(m.shape[0] == 2 and m.nnz == 0 for m in matrices.values())
