"""Bounds and ranges around amounts: comparatives, "X or more", joined bounds, range words."""

from __future__ import annotations

import pytest

from storydesk.steps.extract import find_quantities
from storydesk.steps.extract.bounds import prefix_bound


def _only(nlp, text: str):
    found = find_quantities(nlp(text))
    assert len(found) == 1, [text[q.span.start : q.span.end] for q in found]
    return found[0]


@pytest.mark.parametrize(
    ("before", "hedge"),
    [
        ("greater than ", "at_least"),
        ("less than or equal to ", "at_most"),
        ("higher or equal than ", "at_least"),
        ("no fewer than ", "at_least"),
        ("no more than ", "at_most"),
        ("losses exceeded ", "at_least"),
        ("the price of ", None),
    ],
)
def test_prefix_bound(before, hedge):
    found = prefix_bound(before)
    assert (found[0] if found else None) == hedge


@pytest.mark.parametrize(
    ("text", "value", "high", "hedge"),
    [
        ("His score is 200 or more.", 200, None, "at_least"),
        ("Children aged 12 and over may enter.", 12, None, "at_least"),
        ("Groups of 40 or fewer were allowed.", 40, None, "at_most"),
        ("Sales greater than 30 and less than 40 were flagged.", 30, 40, "range"),
        ("There were at most 100 and at least 20 apples.", 20, 100, "range"),
        ("The range is 20 through 100.", 20, 100, "range"),
        ("Salaries of 5k-20k were offered.", 5000, 20000, "range"),
        ("The number range is 1000 - 5000.", 1000, 5000, "range"),
        ("Tickets cost from 10 to 20 dollars.", 10, 20, "range"),
        ("about 20~100 apples", 20, 100, "range"),
    ],
)  # fmt: skip
def test_bounds_and_ranges(nlp, text, value, high, hedge):
    q = _only(nlp, text)
    assert (q.value, q.high, q.hedge) == (value, high, hedge)


@pytest.mark.parametrize(
    "text",
    [
        "Prices rose from 10 to 20 dollars.",  # a change: two values, not a range
        "The score was 3 - 1 at half time.",  # a score, not a range
    ],
)
def test_changes_and_scores_are_no_ranges(nlp, text):
    assert all(q.high is None for q in find_quantities(nlp(text)))


def test_or_between_counts_is_no_conversion(nlp):
    found = find_quantities(nlp("His score is equal to 5000 or less than 6000."))
    assert [(q.value, q.hedge) for q in found] == [(5000, None), (6000, "at_most")]
