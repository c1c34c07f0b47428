"""StreamingStoryClusterer: joins, opens, closes, bounded memory, empty texts, fixed IDF."""

import datetime as dt

import numpy as np
import pytest

from storydesk.model import Article
from storydesk.steps.cluster import StreamingStoryClusterer, estimate_idf
from tests.test_cluster import SHOOTING_A, SHOOTING_A2, SHOOTING_B, SHOOTING_B2

DAY = dt.date(2020, 3, 2)


def _article(id, text, day=DAY):
    return Article(id=id, source=id, text=text, published=day)


def _small(**kwargs):
    return StreamingStoryClusterer(n_features=2**16, **kwargs)


@pytest.mark.parametrize("fixed_idf", [False, True])
def test_streaming_joins_same_event_and_opens_for_another(fixed_idf):
    articles = [
        _article("a", SHOOTING_A), _article("b", SHOOTING_B),
        _article("a2", SHOOTING_A2), _article("b2", SHOOTING_B2),
    ]
    idf = estimate_idf(articles, n_features=2**16) if fixed_idf else None
    clusterer = _small(idf=idf)
    assignment = clusterer.assign(articles)
    assert assignment["a"] == assignment["a2"]
    assert assignment["b"] == assignment["b2"]
    assert assignment["a"] != assignment["b"]
    assert clusterer.open_stories == 2


def test_streaming_story_closes_after_window():
    clusterer = _small(window_days=7)
    first = clusterer.add(_article("a", SHOOTING_A, DAY))
    later = clusterer.add(_article("a2", SHOOTING_A2, DAY + dt.timedelta(days=30)))
    assert first != later
    assert clusterer.closed == 1 and clusterer.open_stories == 1


def test_streaming_story_stays_open_within_window():
    clusterer = _small(window_days=7)
    first = clusterer.add(_article("a", SHOOTING_A, DAY))
    assert clusterer.add(_article("a2", SHOOTING_A2, DAY + dt.timedelta(days=5))) == first
    assert clusterer.closed == 0


def test_streaming_memory_bounded_over_long_stream():
    # 3,000 unrelated articles over 300 days: only about a window's worth of stories stays open.
    clusterer = _small(window_days=3)
    rng = np.random.default_rng(0)
    for i in range(3000):
        words = " ".join(f"term{w}" for w in rng.integers(0, 100_000, 12))
        clusterer.add(_article(str(i), words, DAY + dt.timedelta(days=i // 10)))
    assert clusterer.open_stories <= 10 * 5
    assert clusterer.closed >= 2900
    assert len(clusterer._story_of) <= 10 * 5 * 2  # article ids of closed stories are dropped


def test_streaming_max_open_caps_undated_stream():
    clusterer = _small(max_open=20)
    for i in range(200):
        clusterer.add(_article(str(i), f"Zanzibar{i} Quixote{i} report{i}", None))
    assert clusterer.open_stories == 20


def test_streaming_empty_texts_do_not_form_a_junk_story():
    clusterer = _small()
    ids = [clusterer.add(_article(f"e{i}", text)) for i, text in enumerate(["", "  ", "...", "\n"])]
    assert len(set(ids)) == 4
    assert clusterer.open_stories == 0  # nothing for later articles to join
    assert clusterer.add(_article("a", SHOOTING_A)) not in ids


def test_streaming_duplicate_follows_original():
    clusterer = _small()
    original = clusterer.add(_article("a", SHOOTING_A))
    copy = _article("copy", SHOOTING_B)
    copy.duplicate_of = "a"
    assert clusterer.add(copy) == original


def test_streaming_rejects_idf_of_wrong_shape():
    with pytest.raises(ValueError, match="idf"):
        StreamingStoryClusterer(idf=np.ones(10), n_features=2**16)
