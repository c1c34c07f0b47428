"""FlagCollector: verification markers with exact quotes, deduplicated."""

from __future__ import annotations

import pytest

from storydesk.model import FlagMention, Span, Story
from storydesk.steps.compose import FlagCollector


def _flag(text: str, words: str, kind: str) -> FlagMention:
    start = text.index(words)
    return FlagMention(Span(start, start + len(words)), kind)


TEXT = (
    "The report has not yet been confirmed by independent sources. "
    "No picture or video evidence has emerged. Moscow denied the report."
)


def test_flags_keep_exact_quotes_and_drop_repeats(make_article) -> None:
    a1 = make_article(TEXT, id="a1")
    a1.flags = [
        _flag(TEXT, "has not yet been confirmed by independent sources", "unconfirmed"),
        _flag(TEXT, "not yet been confirmed", "unconfirmed"),  # nested in the one above
        _flag(TEXT, "No picture or video evidence has emerged", "no_evidence"),
        _flag(TEXT, "denied", "denied"),
        _flag(TEXT, "denied", "denied"),  # same marker twice
        FlagMention(Span(0, 5), "rumour"),  # not a flag type
        FlagMention(Span(10, 999), "denied"),  # out of range
    ]
    copy = make_article(TEXT, id="a2", duplicate_of="a1")
    copy.flags = [_flag(TEXT, "denied", "denied")]
    other = make_article(TEXT, id="a3")
    other.flags = [_flag(TEXT, "denied", "denied")]
    story = Story(id="s", article_ids=["a2", "a1", "a3"])
    FlagCollector().run_story(story, {"a1": a1, "a2": copy, "a3": other})
    got = [(f.type, f.quote, f.article_id) for f in story.flags]
    assert got == [
        ("unconfirmed", "has not yet been confirmed by independent sources", "a1"),
        ("no_evidence", "No picture or video evidence has emerged", "a1"),
        ("denied", "denied", "a1"),
        ("denied", "denied", "a3"),  # an independent article says it for itself
    ]
    for flag in story.flags:
        assert TEXT[flag.start : flag.end] == flag.quote


@pytest.mark.parametrize("ids", [[], ["missing"]])
def test_no_articles_no_flags(ids: list[str]) -> None:
    story = Story(id="s", article_ids=ids)
    assert FlagCollector().run_story(story, {}).flags == []
