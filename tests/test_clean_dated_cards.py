"""Cards of other stories, each with its own dateline, end the body (``dated_cards``)."""

from __future__ import annotations

import pytest

from storydesk.steps.clean import clean_plain_text
from storydesk.steps.clean.dated_cards import dated_cards_cut
from storydesk.steps.clean.facts import build_lines

BODY = [
    "The council voted on Tuesday to close the old bridge for repairs that will take most of "
    "the coming year, and the mayor said the detour would add ten minutes to every commute.",
    "Engineers found cracks in two of the supports during an inspection last spring, and the "
    "state agreed in the summer to pay for most of the work on the structure and the roads.",
]
EXCERPT = "The city's {n} new parks will open in the spring after a long delay over the budget."


def _page(cards: int, gap_lines: int, head: str = "Parks story number {n} opens soon") -> str:
    lines = ["Home", *BODY, "More from the Gazette"]
    for n in range(cards):
        lines += [head.format(n=n + 1), "Jane Smith", f"Tuesday November {n + 10}, 2019"]
        lines += [EXCERPT.format(n=n + 1)] + ["Share"] * gap_lines
    return "\n".join([*lines, "Privacy Policy"])


@pytest.mark.parametrize(("cards", "gap_lines"), [(3, 0), (5, 1)])
def test_clean_dated_cards_after_the_body_are_teasers(cards: int, gap_lines: int):
    result = clean_plain_text(_page(cards, gap_lines), model=False)
    assert all(paragraph in result.text for paragraph in BODY)
    assert "new parks will open" not in result.text
    assert "Parks story number 1 opens soon" not in result.text


@pytest.mark.parametrize(
    ("cards", "gap_lines", "head", "cut"),
    [
        (3, 0, "Parks story number {n} opens soon", 4),
        (2, 0, "Parks story number {n} opens soon", None),  # two cards are chance
        (3, 6, "Parks story number {n} opens soon", None),  # dates too far apart
        (3, 0, "Reader {n}", None),  # names over dates: a table or a timeline, no headlines
    ],
)
def test_clean_dated_cards_cut_needs_three_close_headed_dates(
    cards: int, gap_lines: int, head: str, cut: int | None
):
    page = _page(cards, gap_lines, head)
    lines, _ = build_lines(page.splitlines())
    expected = len(lines) if cut is None else cut
    assert dated_cards_cut(lines, 1, len(lines)) == expected
