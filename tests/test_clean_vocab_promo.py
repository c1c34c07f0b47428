"""Newsletter and magazine prompts are advertisement furniture; prose about mail is not."""

from __future__ import annotations

import pytest

from storydesk.steps.clean.vocab import _PATTERNS, _fold, _has_needs, match_furniture


@pytest.mark.parametrize(
    "line",
    [
        "Get the latest updates right in your inbox. Subscribe to NJ.com's newsletters.",
        'Need more space? Subscribe to our sister title "All About Space" Magazine for the news!',
        "Get Motor Cycle Monthly delivered through your letterbox every month.",
        "Sign up today to get the free daily newsletter delivered to your inbox daily.",
        "Like this story? Share it with a friend!",
        "WANT MORE STORIES LIKE THIS?",
    ],
)
def test_clean_vocab_promo_prompt_is_advertisement(line: str):
    hit = match_furniture(line)
    assert hit is not None and hit.reason == "advertisement"
    folded = _fold(line)
    for _, pattern, needs in _PATTERNS:  # the literal pre-check never hides a match
        if pattern.search(line):
            assert _has_needs(folded, needs), pattern.pattern


@pytest.mark.parametrize(
    "line",
    [
        "The city said residents will receive the notice by mail next week.",
        "Investors who subscribe to the offering will be paid in March.",
        "She said she would like this story to be told.",
        # A long paragraph of the article that also asks readers to follow or subscribe.
        "At Appen, we provide high-quality training data for machine learning and artificial "
        "intelligence. Follow us to stay up to date on industry trends. In this edition of our "
        "roundup, news on: AI in Patient Care and Operations, AI as a Preventive Tool, and How "
        "Major Hospitals are Already Using AI. Check back for regular news roundups and subscribe "
        "to our YouTube channel for video updates.",
    ],
)
def test_clean_vocab_promo_prose_is_not_advertisement(line: str):
    hit = match_furniture(line)
    assert hit is None or hit.reason != "advertisement"
