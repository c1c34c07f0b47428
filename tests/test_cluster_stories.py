"""What run_corpus gives a story: representative article, headline, skips, no chaining."""

import pytest

from storydesk.model import Article, StepStats, Story
from storydesk.steps.base import Corpus
from storydesk.steps.cluster import StoryClusterer
from storydesk.steps.cluster.representative import headline
from tests.test_cluster import SHOOTING_A, SHOOTING_A2, SHOOTING_B, SHOOTING_B2

SHOOTING_A3 = (
    "Maria Davis and Sarah Davidson were shot dead in Franklin on Bridlewood Drive on Monday; "
    "police said the 21-year-old gunman then killed himself."
)
ROUNDUP = (
    "Crime roundup. In Franklin a 21-year-old shot Maria Davis and Sarah Davidson on Bridlewood "
    "Drive. In Dayton two men were wounded outside an Oregon District bar on Elm Street."
)


def _article(id, text, title=None):
    return Article(id=id, source=f"{id}.txt", text=text, title=title)


def _run(articles):
    stats = StepStats("cluster")
    corpus = StoryClusterer().run_corpus(Corpus(articles=articles), stats)
    return corpus, stats


def test_cluster_story_gets_representative_and_headline():
    corpus, _ = _run([
        _article("a", SHOOTING_A, "Three dead in Franklin murder-suicide"),
        _article("a2", SHOOTING_A2, "Franklin police name gunman"),
        _article("a3", SHOOTING_A3, None),
        _article("b", SHOOTING_B, "Two wounded in Dayton"),
    ])
    story = next(s for s in corpus.stories if "a" in s.article_ids)
    assert story.representative_article_id in story.article_ids
    rep = next(a for a in corpus.articles if a.id == story.representative_article_id)
    assert story.headline == headline(rep) and story.headline
    single = next(s for s in corpus.stories if s.article_ids == ["b"])
    assert single.headline == "Two wounded in Dayton" and single.representative_article_id == "b"


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("  A   title ", "Body.", "A title"),
        (None, "First sentence here. Second one.", "First sentence here."),
        (None, "word " * 60, ("word " * 24).strip() + "…"),
    ],
)
def test_cluster_headline_falls_back_to_first_sentence(title, text, expected):
    assert headline(_article("x", text, title)) == expected


def test_cluster_skips_articles_without_usable_text():
    corpus, stats = _run([_article("a", SHOOTING_A), _article("empty", "  "),
                          _article("short", "Share this")])
    assert [a.id for a in corpus.articles] == ["a"]
    assert all("empty" not in s.article_ids and "short" not in s.article_ids for s in corpus.stories)
    assert stats.skipped == {"no usable text": 2}
    assert {s.source for s in corpus.skipped} == {"empty.txt", "short.txt"}
    assert all(s.stage == "cluster" for s in corpus.skipped)


def test_cluster_roundup_does_not_chain_two_stories():
    articles = [_article("a", SHOOTING_A), _article("a2", SHOOTING_A2), _article("a3", SHOOTING_A3),
                _article("b", SHOOTING_B), _article("b2", SHOOTING_B2), _article("r", ROUNDUP)]
    assignment = StoryClusterer().assign(articles)
    assert assignment["a"] == assignment["a2"] == assignment["a3"]
    assert assignment["b"] == assignment["b2"]
    assert assignment["a"] != assignment["b"]


def test_story_representative_round_trips_and_stays_optional():
    story = Story(id="s1", representative_article_id="a")
    assert Story.from_dict(story.to_dict()).representative_article_id == "a"
    assert "representative_article_id" not in Story(id="s2").to_dict()
    assert Story.from_dict({"id": "s3"}).representative_article_id is None
