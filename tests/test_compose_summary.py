"""SummaryWriter: extractive, every sentence exact and citing every article that says it."""

from __future__ import annotations

import pytest

from storydesk.model import Claim, Mention, Story
from storydesk.steps.compose import SummaryWriter
from storydesk.steps.compose.summary import summary_worthy

SHARED = "A group of 18 North Korean soldiers deserted their positions near the Ukrainian border."
EDITED = (
    "A group of 18 North Korean soldiers deserted their positions near the border with Ukraine."
)

TEXTS = {
    "a1": f"""{SHARED} Russian commanders are trying to hide the desertion from their superiors.
ADVERTISEMENT
Share this article on Facebook and subscribe to our newsletter today please.
"This is not only British intelligence, it is also American intelligence, they report it," he said.
The Kremlin has dismissed reports that North Korea is joining the war in Ukraine.""",
    "a2": f"""{EDITED} The soldiers were stationed about four miles from the border in Kursk.
Ukrainian intelligence officials said the Russian military is searching for the North Korean soldiers.
The information has not yet been confirmed by independent sources, the outlet noted.""",
    "a3": f"""{SHARED} The unit of North Korean soldiers was stationed in the Kursk and Bryansk oblasts.
Seoul says North Korea has sent thousands of soldiers to Russia to help in the war in Ukraine.""",
    "a4": """The weather in Kyiv was mild on Tuesday, with temperatures around fifteen degrees.
The North Korean soldiers deserted near the border, according to Ukrainian intelligence officials.""",
}


@pytest.fixture
def story_and_articles(make_article):
    articles = {i: make_article(t, id=i, title=f"Title {i}") for i, t in TEXTS.items()}
    articles["a3"].title = "North Korean soldiers desert Russian positions near Ukraine"
    mentions = [
        Mention(i, "18 North Korean soldiers", t.index("18 North"), t.index("18 North") + 24)
        for i, t in TEXTS.items()
        if "18 North" in t
    ]
    claim = Claim("c1", "soldiers deserted", "count", "consistent", mentions=mentions)
    story = Story(id="s", article_ids=list(TEXTS), claims=[claim])
    return story, articles


def test_summary_cites_every_article_carrying_a_sentence(story_and_articles) -> None:
    story, articles = story_and_articles
    SummaryWriter().run_story(story, articles)
    assert 3 <= len(story.summary) <= 5
    first = story.summary[0]
    assert first.text in (SHARED, EDITED)  # the sentence three outlets share, lightly edited
    assert first.article_ids == ["a1", "a2", "a3"]


def test_summary_texts_are_exact_sentences_of_cited_articles(story_and_articles) -> None:
    story, articles = story_and_articles
    SummaryWriter().run_story(story, articles)
    for sentence in story.summary:
        assert sentence.article_ids
        assert any(sentence.text in articles[i].text for i in sentence.article_ids)
        assert summary_worthy(sentence.text)
    texts = " ".join(s.text for s in story.summary)
    assert "ADVERTISEMENT" not in texts and "subscribe" not in texts
    assert "British intelligence" not in texts  # a quote fragment is never chosen
    assert len({s.text for s in story.summary}) == len(story.summary)


def test_headline_is_the_most_central_title_unless_set(story_and_articles) -> None:
    story, articles = story_and_articles
    SummaryWriter().run_story(story, articles)
    assert story.headline in {a.title for a in articles.values()}
    assert story.headline != "Title a4"  # the off-topic weather article is not central
    story.headline = "Kept"
    assert SummaryWriter().run_story(story, articles).headline == "Kept"


def test_headline_falls_back_to_first_summary_sentence(story_and_articles) -> None:
    story, articles = story_and_articles
    for article in articles.values():
        article.title = None
    SummaryWriter().run_story(story, articles)
    assert story.headline
    assert story.summary[0].text.startswith(story.headline.rstrip("…"))


@pytest.mark.parametrize(
    ("text", "worthy"),
    [
        (SHARED, True),
        ('"They report it all the time, they don’t provide any evidence," he said.', False),
        ("This audio is created with AI assistance and may contain errors, sorry.", False),
        ("Suspilne reported that eighteen soldiers deserted on Oct.", False),
        ("15, citing unnamed intelligence officials who spoke to the broadcaster.", False),
        ("North Korean Troops Desert Russian Frontline Positions in Ukraine", False),
        ("He said the soldiers “were absolutely nowhere near 3,000” at that base.", True),
    ],
)
def test_summary_worthy(text: str, worthy: bool) -> None:
    assert summary_worthy(text) is worthy


def test_empty_story_gets_empty_summary(make_article) -> None:
    story = Story(id="s", article_ids=["x", "missing"])
    SummaryWriter().run_story(story, {"x": make_article("ADVERTISEMENT", id="x")})
    assert story.summary == []
    assert story.headline == ""
