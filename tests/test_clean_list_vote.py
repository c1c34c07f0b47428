"""One verdict per list inside the body, and lists introduced by a kept colon line."""

from __future__ import annotations

import numpy as np
import pytest

from storydesk.steps.clean.line_features import PageLayout
from storydesk.steps.clean.list_vote import (
    LIST_FLOOR,
    introduced_lists,
    list_items,
    vote_lists,
)
from storydesk.steps.clean.plain import analyse_page, model_decides

PROSE = [
    "The band said on Monday that it would tour North America next summer for the first time in "
    "many years, with all four founding members on stage together again.",
    "Tickets for the shows go on sale on Friday morning, and the band said more dates could be "
    "added later in the year if the demand for them is strong enough.",
]
DATES = [
    f"June {day} -- {venue} Amphitheatre, {city}"
    for day, venue, city in [
        (9, "Coral Sky", "West Palm Beach, FL"),
        (10, "Credit Union", "Tampa, FL"),
        (14, "Ameris Bank", "Alpharetta, GA"),
        (17, "Bridgestone", "Nashville, TN"),
        (19, "PNC Music", "Charlotte, NC"),
    ]
]
INTRO = "The full list of the tour dates announced so far:"
FOODS = ["any fish", "any poultry", "any seafood", "hard cheese"]
CLOSING = (
    "The singer told the audience that the tour would be a celebration of the band's fifty "
    "years together, and of the fans who have followed it all that time."
)


def _layout(lines: list[str]) -> tuple[PageLayout, list[bool]]:
    layout = analyse_page("\n".join(lines)).layout
    return layout, model_decides(layout)


def _index(layout: PageLayout, text: str) -> int:
    return next(line.index for line in layout.lines if line.text == text)


def test_list_items_finds_the_dated_items_inside_the_body() -> None:
    layout, free = _layout([*PROSE, INTRO, *DATES, CLOSING])
    items = list_items(layout, free)
    assert [[layout.lines[i].text for i in group] for group in items] == [DATES]


@pytest.mark.parametrize(
    ("probabilities", "kept"),
    [
        ([0.6, 0.35, 0.4, 0.7, 0.3], True),  # scattered around the threshold: the rules stand
        ([0.9, 0.1, 0.1, 0.1, 0.1], False),  # the model is clearly against the list
        ([0.1, 0.2, 0.1, 0.9, 0.9], True),
    ],
)
def test_vote_lists_gives_every_item_one_verdict(probabilities: list[float], kept: bool) -> None:
    layout, free = _layout([*PROSE, INTRO, *DATES, CLOSING])
    probability = np.full(len(layout.lines), 0.9)
    rows = [_index(layout, text) for text in DATES]
    probability[rows] = probabilities
    keep = probability >= 0.5
    voted = vote_lists(layout, free, probability, keep)
    assert voted[rows].tolist() == [kept] * len(rows)
    others = [i for i in range(len(keep)) if i not in rows]
    assert voted[others].tolist() == keep[others].tolist()


def test_vote_lists_leaves_a_page_without_lists_alone() -> None:
    layout, free = _layout([*PROSE, CLOSING])
    probability = np.array([0.9, 0.2, 0.8])[: len(layout.lines)]
    keep = probability >= 0.5
    assert vote_lists(layout, free, probability, keep, LIST_FLOOR).tolist() == keep.tolist()


@pytest.mark.parametrize(
    ("intro", "intro_kept", "foods_kept"),
    [
        ("Foods allowed in the first phase of the diet:", True, True),
        ("Foods allowed in the first phase of the diet:", False, False),  # no kept introduction
        ("Related links:", True, False),  # a label, not a clause
    ],
)
def test_introduced_lists_keeps_the_list_under_a_kept_colon_line(
    intro: str, intro_kept: bool, foods_kept: bool
) -> None:
    layout, free = _layout([*PROSE, intro, *FOODS, CLOSING])
    keep = np.ones(len(layout.lines), dtype=bool)
    foods = [_index(layout, text) for text in FOODS]
    keep[foods] = False
    keep[_index(layout, intro)] = intro_kept
    out = introduced_lists(layout, free, keep)
    assert out[foods].tolist() == [foods_kept] * len(foods)
    assert bool(out[_index(layout, intro)]) is intro_kept
