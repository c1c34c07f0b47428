"""Stated dates, years and outlets as pair-model features (steps/cluster/stated.py)."""

import datetime as dt

import numpy as np
import pytest

from storydesk.model import Article
from storydesk.steps.cluster.pair_model import FEATURES, block_features, pair_features
from storydesk.steps.cluster.signals import article_views
from storydesk.steps.cluster.stated import outlet, stated_dates, stated_matrices


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("http://web.archive.org/web/20160617212336/http://fox59.com:80/2014/02/04/x", "fox59.com"),
        ("https://www.chicagotribune.com/news/local/story.html", "chicagotribune.com"),
        ("http://web.archive.org/web/2016/www.nwitimes.com/news/", "nwitimes.com"),
        ("1_10ecb.xml", ""),
        ("", ""),
        ("http://[broken", ""),
    ],
)
def test_cluster_stated_outlet(source, expected):
    assert outlet(source) == expected


def _article(text, published=None, source="a", title=None, id="a"):
    return Article(id=id, source=source, text=text, title=title, published=published)


@pytest.mark.parametrize(
    ("text", "published", "days", "years"),
    [
        # A bare weekday is the most recent one on or before publication (a Sunday here).
        ("Two men were shot on Saturday night.", dt.date(2016, 5, 29), {dt.date(2016, 5, 28)},
         {2016}),
        ("The July 4 shooting left four hurt.", dt.date(2016, 9, 19), {dt.date(2016, 7, 4)},
         {2016}),
        # No publication date: only dates that carry their year resolve.
        ("The quake struck on March 13, 2009, and again on Friday.", None,
         {dt.date(2009, 3, 13)}, {2009}),
        # A court date after publication is not the event's.
        ("He will appear in court on Dec. 20.", dt.date(2016, 12, 1), set(), set()),
        ("", dt.date(2016, 1, 1), set(), set()),
    ],
)
def test_cluster_stated_dates(text, published, days, years):
    found_days, found_years = stated_dates(_article(text, published))
    assert found_days == {d.toordinal() for d in days}
    assert found_years == years


def test_cluster_stated_matrices_shape_without_any_signal():
    matrices = stated_matrices([_article("no dates here"), _article("none either")])
    assert all(m.shape[0] == 2 and m.nnz == 0 for m in matrices.values())


def _stated(features: np.ndarray) -> dict[str, float]:
    return {name: float(features[FEATURES.index(name)]) for name in
            ("date_match", "dates_both", "years_apart", "same_outlet")}


def test_cluster_stated_pair_features_match_and_clash():
    articles = [
        # Sunday report of Saturday night; a September follow-up naming the day; another
        # outlet's story of a different day; an undated text naming another year.
        _article("A man was shot Saturday night in Gary.", dt.date(2016, 5, 29),
                 "http://a.com/1", id="0"),
        _article("The man shot on May 28 has died.", dt.date(2016, 9, 19), "http://a.com/2",
                 id="1"),
        _article("A woman was shot Tuesday in Gary.", dt.date(2016, 5, 25), "http://b.com/1",
                 id="2"),
        _article("The 2011 earthquake in Gary.", None, "x", id="3"),
    ]
    views = article_views(articles)
    rows, cols = np.array([0, 0, 0]), np.array([1, 2, 3])
    features = pair_features(views, rows, cols)
    assert _stated(features[0]) == {"date_match": 1.0, "dates_both": 1.0, "years_apart": 0.0,
                                    "same_outlet": 1.0}
    assert _stated(features[1]) == {"date_match": 0.0, "dates_both": 1.0, "years_apart": 0.0,
                                    "same_outlet": 0.0}
    assert _stated(features[2]) == {"date_match": 0.0, "dates_both": 0.0, "years_apart": 1.0,
                                    "same_outlet": 0.0}
    # The dense block computes the same features as the pair list.
    block = block_features(views, np.arange(4)).reshape(4, 4, len(FEATURES))
    np.testing.assert_allclose(block[rows, cols], features, rtol=1e-5)
