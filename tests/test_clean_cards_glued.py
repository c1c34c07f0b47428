"""Teaser cards glued into one line (headline run into summary) are told from body sentences."""

from __future__ import annotations

import pytest

from storydesk.steps.clean import clean_plain_text
from storydesk.steps.clean.cards import glued_card


@pytest.mark.parametrize(
    "text",
    [
        "Customers Leave Without Paying $690 Bill At Troy SteakhouseA party of six left the "
        "restaurant without paying their bill after a fight.",
        "Michigan To Mail Redistricting Panel Applications To 250,000The state of Michigan will "
        "mail applications encouraging voters to apply.",
        "Is Violence In Sports On The Rise?Violence is part of the game in many sports but some "
        "players cross a line.",
        "Heading To An NFL Game? Be Sure To Check Out Our Stadium GuidesIf you and your family are "
        "headed to a game this season, we have you covered.",
    ],
)
def test_clean_cards_glued_headline_and_summary_is_a_card(text: str):
    assert glued_card(text)


@pytest.mark.parametrize(
    "text",
    [
        # Camel-case brands join two lower-case letters to a capital.
        "Following the 16-inch MacBook Pro, Apple plans to release a new 13-inch model next year.",
        "Even with Apple's AirPower project canceled, wireless charging moved forward this year.",
        # A dateline's agency joins after a closing parenthesis.
        "Hong Kong (CNN Business)A muddled view of US-China trade talks is weighing on investors.",
        # A sentence before the join: hover-card text glued inside a body paragraph.
        "South Dakota Gov. Kristi NoemKristi Lynn Noem doubled down on the campaign this week.",
        # The part after the join is title case too: a repeated headline, not a summary.
        "Michigan Couple Finds Old Newspapers During RenovationMichigan Couple Finds Old Newspapers",
        "The mayor opened the bridge on Monday, the city said.",
        "",
        "\x00\x01 garbage ÿþ",
    ],
)
def test_clean_cards_body_sentences_are_not_cards(text: str):
    assert not glued_card(text)


BODY = (
    "The county health department said on Monday that a sixth person had died of the virus, "
    "which is spread by mosquitoes and has been found in ten counties this year."
)


def test_clean_cards_menu_of_cards_does_not_outweigh_a_short_article():
    menu = [
        f"Story Number {n} Makes The Local HeadlinesA short summary of story {n} tells the reader "
        "what happened in the city yesterday and why it matters to them."
        for n in range(12)
    ]
    page = "\n".join(["Menu", "News", *menu, "Weather", "Sports", "Health Officials Report Death", BODY,
                      BODY.replace("sixth", "seventh"), "Comments"])  # fmt: skip
    result = clean_plain_text(page, model=False)
    assert BODY in result.text
    assert "Story Number" not in result.text
    assert sum(r.reason == "teaser" for r in result.removed) >= 12
