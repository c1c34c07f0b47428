"""TimelineBuilder: resolved dates only, one entry per event across outlets, sorted by date."""

from __future__ import annotations

import datetime as dt

import pytest

from storydesk.model import DateMention, Span, Story
from storydesk.steps.compose import TimelineBuilder
from storydesk.steps.compose.timeline import sentence_spans, trim_span


def _date(text: str, words: str, resolved: dt.date | None, granularity: str = "day"):
    start = text.index(words)
    return DateMention(Span(start, start + len(words)), resolved, granularity)


OCT15 = dt.date(2024, 10, 15)


@pytest.fixture
def story_articles(make_article):
    t1 = ("On Oct. 15 a group of 18 North Korean soldiers deserted near the border. "
          "Talks may resume next spring.")  # fmt: skip
    a1 = make_article(t1, id="a1", outlet="Kyiv Independent", title="Soldiers desert",
                      published=dt.date(2024, 10, 16))  # fmt: skip
    a1.dates = [_date(t1, "Oct. 15", OCT15), _date(t1, "next spring", None)]
    t2 = "Eighteen North Korean soldiers deserted near the Ukrainian border on Tuesday."
    a2 = make_article(t2, id="a2", outlet="Newsweek", published=dt.date(2024, 10, 17))
    a2.dates = [_date(t2, "Tuesday", OCT15)]
    t3 = ("In 2023, Kim Jong Un met Vladimir Putin. "
          "On October 15 Moscow announced new grain export quotas for the winter. "
          "In September the two sides signed a treaty.")  # fmt: skip
    a3 = make_article(t3, id="a3", outlet="Express", published=dt.date(2024, 10, 18),
                      title="Kim and Putin")  # fmt: skip
    a3.dates = [
        _date(t3, "2023", dt.date(2023, 1, 1), "year"),
        _date(t3, "October 15", OCT15),
        _date(t3, "September", dt.date(2024, 9, 1), "month"),
    ]
    articles = [a1, a2, a3]
    return Story(id="s", article_ids=[a.id for a in articles]), {a.id: a for a in articles}


def test_one_event_reported_by_two_outlets_is_one_entry(story_articles) -> None:
    story, articles = story_articles
    TimelineBuilder().run_story(story, articles)
    oct15 = [e for e in story.timeline if e.date == "2024-10-15"]
    assert len(oct15) == 2  # the desertion (two outlets) and the unrelated grain quotas
    assert oct15[0].article_ids == ["a1", "a2"]
    assert (
        oct15[0].text == "On Oct. 15 a group of 18 North Korean soldiers deserted near the border."
    )
    assert oct15[1].article_ids == ["a3"]


def test_entries_sorted_with_granularity_and_publications(story_articles) -> None:
    story, articles = story_articles
    TimelineBuilder().run_story(story, articles)
    dates = [e.date for e in story.timeline]
    assert dates == sorted(dates)
    assert dates[:2] == ["2023", "2024-09"]
    assert "Kyiv Independent publishes: Soldiers desert" in [e.text for e in story.timeline]
    assert (
        "Newsweek publishes: Eighteen North Korean soldiers deserted near the Ukrainian border on Tuesday."
        in [e.text for e in story.timeline]
    )  # no title: the first sentence


def test_unresolved_dates_are_left_out_and_texts_are_exact(story_articles) -> None:
    story, articles = story_articles
    TimelineBuilder().run_story(story, articles)
    assert not any("spring" in e.text for e in story.timeline)
    for entry in story.timeline:
        if "publishes:" not in entry.text:
            assert all(entry.text in articles[i].text for i in entry.article_ids[:1])


def test_bare_dateline_is_not_an_event(make_article) -> None:
    text = "October 15, 2024 8:20 PM\nSoldiers deserted."
    article = make_article(text, id="a1")
    article.dates = [_date(text, "October 15, 2024", OCT15)]
    story = Story(id="s", article_ids=["a1"])
    assert TimelineBuilder().run_story(story, {"a1": article}).timeline == []


def test_long_sentence_is_trimmed_to_exact_words() -> None:
    text = ("Officials said, after a long meeting that went on for hours and hours with no end, "
            "that the soldiers left their base on Oct. 15, and that nobody has seen them since, "
            "which worries commanders a great deal in the region.")  # fmt: skip
    focus = Span(text.index("Oct. 15"), text.index("Oct. 15") + 7)
    span = trim_span(text, Span(0, len(text)), focus, limit=90)
    piece = text[span.start : span.end]
    assert len(piece) <= 90
    assert "Oct. 15" in piece and piece in text
    assert piece == piece.strip(" ,")


def test_fallback_sentence_split(make_article) -> None:
    article = make_article('He said: "It is over." Then they left.\nA headline')
    texts = [article.text[s.start : s.end] for s in sentence_spans(article)]
    assert texts == ['He said: "It is over."', "Then they left.", "A headline"]


def test_story_vocabulary_does_not_merge_different_events(make_article) -> None:
    texts = {
        "b1": "On Tuesday LIGA wrote that Russia deployed North Korean soldiers in the southwest.",
        "b2": "On Tuesday 18 North Korean soldiers deserted near Bryansk, Suspilne reported.",
        "b3": "Eighteen North Korean soldiers deserted near Bryansk on Tuesday, officials said.",
    }
    articles = {i: make_article(t, id=i) for i, t in texts.items()}
    for article in articles.values():
        article.dates = [_date(article.text, "Tuesday", OCT15)]
    story = Story(id="s", article_ids=list(texts))
    TimelineBuilder().run_story(story, articles)
    assert [e.article_ids for e in story.timeline] == [["b1"], ["b2", "b3"]]


def test_embedded_post_date_line_is_not_an_event(make_article) -> None:
    text = "https://t.co/abc pic.twitter.com/xyz — Newsweek (@Newsweek) October 17, 2024"
    article = make_article(text, id="a1")
    article.dates = [_date(text, "October 17, 2024", OCT15)]
    story = Story(id="s", article_ids=["a1"])
    assert TimelineBuilder().run_story(story, {"a1": article}).timeline == []


def test_publication_without_outlet_names_the_site(make_article) -> None:
    article = make_article("Storm hits the coast.", id="u1", published=dt.date(2024, 1, 2))
    article.source = "https://www.example.com/news/storm"
    article.title = "Storm"
    story = Story(id="s", article_ids=["u1"])
    timeline = TimelineBuilder().run_story(story, {"u1": article}).timeline
    assert [(e.date, e.text) for e in timeline] == [("2024-01-02", "example.com publishes: Storm")]
