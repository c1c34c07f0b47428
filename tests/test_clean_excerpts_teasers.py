"""Cut-off excerpts of other stories and the headlines of an inline "Related" box are teasers."""

from __future__ import annotations

import pytest

from storydesk.steps.clean import clean_plain_text
from storydesk.steps.clean.excerpts import cut_off
from storydesk.steps.clean.lines import measure

BODY = [
    "NEW DELHI: Nearly 150 Indians returned home on Wednesday after being deported from the "
    "United States for violating visa norms, officials at the airport said in a statement.",
    "The special aircraft carrying the deportees landed at the terminal of the Delhi airport at "
    "six in the morning, and the passengers came out one after the other over the next hours.",
    "Many of them said that they had paid agents large sums of money for the journey, and that "
    "they would now have to start again from nothing in the villages they had left behind.",
]
EXCERPT = (
    "WASHINGTON: An independent government body has said that close to two million long-time "
    "residents of the state may soon{end}"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (EXCERPT.format(end="..."), True),
        (EXCERPT.format(end="…"), True),
        (EXCERPT.format(end="."), False),  # a finished sentence
        ("Wait for it...", False),  # a short quip
        (EXCERPT.format(end=". Then he paused ... and left."), False),  # an ellipsis mid-line
    ],
)
def test_clean_excerpts_cut_off_needs_a_long_line_ending_in_an_ellipsis(text: str, expected: bool):
    assert cut_off(measure(0, text)) is expected


@pytest.mark.parametrize(("count", "removed"), [(3, True), (2, False)])
def test_clean_excerpts_several_cut_off_lines_are_teasers(count: int, removed: bool):
    cards = []
    for n in range(count):
        cards += [f"Story number {n} makes news today", EXCERPT.format(end=f" {n}...")]
    text = "\n".join(["Home", "News", *cards, *BODY, "Contact us"])
    result = clean_plain_text(text, model=False)
    assert all(paragraph in result.text for paragraph in BODY)
    assert ("residents of the state may soon" not in result.text) is removed


@pytest.mark.parametrize(
    ("heading", "removed"), [("Related articles", True), ("Quarterly results in detail", False)]
)
def test_clean_excerpts_headlines_under_an_inline_teaser_heading(heading: str, removed: bool):
    box = ["Plague outbreak: China hit by contagious plague", "Horror as mosquitos head to Britain"]
    after = [BODY[2], BODY[0].replace("NEW DELHI", "LATER"), BODY[1].replace("six", "seven")]
    text = "\n".join(["Home", BODY[0], BODY[1], heading, *box, *after, "About"])
    result = clean_plain_text(text, model=False)
    assert BODY[2] in result.text
    assert all((line not in result.text) is removed for line in box)
