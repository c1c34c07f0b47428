"""A "You may also like" heading followed by cards ends the body; other teaser headings don't."""

from __future__ import annotations

import pytest

from storydesk.steps.clean import clean_plain_text

BODY = (
    "Living a true love is one of the greatest pleasures in life, and it asks for patience, "
    "care and the courage to say what we feel to the people we love the most every day."
)
CARD = (
    "Life asks us for optimism and courage to hope for the best and to make the best happen, "
    "because pessimism only freezes the smile and keeps everyone in the same place for years."
)


def _page(heading: str, separator: str = "Whatsapp Facebook Pint Download") -> str:
    cards = []
    for n in range(4):
        cards += [separator, CARD.replace("years", f"years {n}.")]
    return "\n".join(["Home", "Messages", "Only Who Loves", separator, BODY, BODY.replace("day", "week."),
                      heading, *cards, "Themes", "Contact"])  # fmt: skip


@pytest.mark.parametrize(
    "heading", ["You may also like...", "Você pode gostar...", "Das könnte Sie auch interessieren"]
)
def test_clean_recommend_heading_with_cards_ends_the_body(heading: str):
    result = clean_plain_text(_page(heading), model=False)
    assert BODY in result.text
    assert "optimism" not in result.text


@pytest.mark.parametrize(
    ("heading", "separator"),
    [
        ("Related stories", "Whatsapp Facebook Pint Download"),  # an inline box: body goes on
        ("You may also like...", "Only once"),  # no repeated card line
    ],
)
def test_clean_recommend_needs_a_recommendation_heading_and_cards(heading: str, separator: str):
    page = _page(heading, separator)
    if separator == "Only once":
        page = page.replace("\nOnly once\n", "\n", 3)
    result = clean_plain_text(page, model=False)
    assert "optimism" in result.text
