"""Teaser lists one after another at the tail are all cut; an inline box in the body is not."""

from __future__ import annotations

import pytest

from storydesk.steps.clean import clean_plain_text

BODY = [
    f"Paragraph {n} of the article tells at length what happened in the city on Tuesday, "
    f"who was there, what the officials said and what the witnesses saw during the protest."
    for n in range(6)
]
CARDS = [
    "Urartu relics unearthed in Iran",
    "Archaeological relics of the ancient kingdom have recently been found on a mountain.",
    "Pentagon announces a new equipment deal",
    "Work will be performed in Virginia and is expected to be completed next September.",
]
# Three short paragraphs in a row: the body going on after an inline box.
MORE_BODY = [
    "The police said they arrested six people on Tuesday.",
    "The mayor asked the residents to stay calm at home.",
    "The next hearing in the case is set for the spring.",
]
LATEST = [
    f"Latest story {n} is a long teaser sentence that reads much like prose on its own line here."
    for n in range(4)
]


@pytest.mark.parametrize(
    ("between", "removed"),
    [
        (CARDS, True),  # cards between the two headings: both lists are teasers
        (MORE_BODY, False),  # three paragraphs in a row: the body goes on after the first
    ],
)
def test_clean_region_tail_cut_chains_teaser_lists(between: list[str], removed: bool):
    text = "\n".join(["Home", *BODY, "Top stories", *between, "Latest news", *LATEST, "About"])
    result = clean_plain_text(text, model=False)
    assert BODY[-1] in result.text
    assert "Latest story 2" not in result.text
    assert (between[1] not in result.text) is removed
