import datetime as dt

import numpy as np
import pytest

from storydesk.model import Article, StepStats
from storydesk.steps.base import Corpus
from storydesk.steps.cluster import StoryClusterer
from storydesk.steps.cluster.features import event_tokens
from storydesk.steps.cluster.pair_model import PairModel, pair_features
from storydesk.steps.cluster.signals import article_views

SHOOTING_A = (
    "Police in Franklin said a 21-year-old man shot his ex-girlfriend Maria Davis and her friend "
    "Sarah Davidson on Bridlewood Drive on Monday night before killing himself. Three people died."
)
SHOOTING_A2 = (
    "Franklin police: Andy Parish, 21, killed Maria Davis and Sarah Davidson in a house on "
    "Bridlewood Drive Monday, then turned the gun on himself. Three dead in murder-suicide."
)
SHOOTING_B = (
    "Two men were wounded in a drive-by shooting outside a bar on Elm Street in Dayton early "
    "Saturday, police said. Officers found shell casings near the Oregon District."
)
SHOOTING_B2 = (
    "Dayton police are searching for the driver after two men were shot and wounded outside an "
    "Oregon District bar on Elm Street early Saturday morning."
)


def _article(id, text, day=None):
    return Article(id=id, source=id, text=text, published=day)


def test_cluster_separates_two_events_of_the_same_kind():
    articles = [
        _article("a", SHOOTING_A),
        _article("b", SHOOTING_B),
        _article("a2", SHOOTING_A2),
        _article("b2", SHOOTING_B2),
    ]
    assignment = StoryClusterer().assign(articles)
    assert assignment["a"] == assignment["a2"]
    assert assignment["b"] == assignment["b2"]
    assert assignment["a"] != assignment["b"]


def test_cluster_cosine_method_never_merges_articles_far_apart_in_time():
    articles = [
        _article("a", SHOOTING_A, dt.date(2014, 2, 4)),
        _article("a2", SHOOTING_A2, dt.date(2015, 2, 4)),
    ]
    assignment = StoryClusterer(window_days=7, model=None).assign(articles)
    assert assignment["a"] != assignment["a2"]


def test_cluster_pair_model_weighs_the_day_gap():
    # Follow-ups come weeks later, so the gap is a feature, not a wall: it lowers the probability.
    articles = [
        _article("a", SHOOTING_A, dt.date(2014, 2, 4)),
        _article("a2", SHOOTING_A2, dt.date(2014, 2, 4)),
        _article("a3", SHOOTING_A2, dt.date(2015, 2, 4)),
    ]
    views = article_views(articles)
    features = pair_features(views, np.array([0, 0]), np.array([1, 2]))
    same_day, year_apart = PairModel.load().probability(features)
    assert same_day > year_apart


def test_cluster_duplicates_follow_their_original():
    copy = _article("copy", SHOOTING_B)
    copy.duplicate_of = "a"
    assignment = StoryClusterer().assign([_article("a", SHOOTING_A), copy])
    assert assignment["copy"] == assignment["a"]


@pytest.mark.parametrize("model", ["shipped", None])
@pytest.mark.parametrize("n", [0, 1])
def test_cluster_handles_tiny_inputs(n, model):
    articles = [_article(f"x{i}", SHOOTING_A) for i in range(n)]
    assert len(set(StoryClusterer(model=model).assign(articles).values())) == n


@pytest.mark.parametrize("model", ["shipped", None])
def test_cluster_both_methods_separate_two_events(model):
    articles = [_article("a", SHOOTING_A), _article("b", SHOOTING_B),
                _article("a2", SHOOTING_A2), _article("b2", SHOOTING_B2)]
    assignment = StoryClusterer(model=model).assign(articles)
    assert assignment["a"] == assignment["a2"] != assignment["b"] == assignment["b2"]


def test_cluster_empty_texts_do_not_crash():
    articles = [_article("a", ""), _article("b", "   ")]
    assignment = StoryClusterer().assign(articles)
    assert set(assignment) == {"a", "b"}


def test_cluster_run_corpus_names_stories_largest_first():
    articles = [
        _article("b", SHOOTING_B),
        _article("a", SHOOTING_A),
        _article("a2", SHOOTING_A2),
    ]
    stats = StepStats("cluster")
    corpus = StoryClusterer().run_corpus(Corpus(articles=articles), stats)
    assert corpus.stories[0].id == "s1"
    assert sorted(corpus.stories[0].article_ids) == ["a", "a2"]
    assert stats.read == stats.kept == 3


def test_cluster_event_tokens_weight_names_and_numbers():
    tokens = event_tokens("The police said 3 people died in Franklin.")
    assert tokens.count("#3") == 2
    assert tokens.count("@franklin") == 1
    assert "@the" not in tokens and "@police" not in tokens
