"""Ranges whose bounds share a currency symbol or a scale word, negated bounds, and mixed numbers
(a whole number and a fraction) inside sentences."""

from __future__ import annotations

import pytest

from storydesk.steps.extract import find_quantities


def _only(nlp, text: str):
    found = find_quantities(nlp(text))
    assert len(found) == 1, [text[q.span.start : q.span.end] for q in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "high", "base"),
    [
        ("He earns between $50,000 and $60,000 a year.", 50_000, 60_000, "USD"),
        ("The project will cost 2 to 3 billion dollars.", 2e9, 3e9, "USD"),
        ("Between one and two million people fled.", 1e6, 2e6, "count"),
        ("The project will cost $2bn-$3bn.", 2e9, 3e9, "USD"),
        ("From 1.5 to 2 million barrels were lost.", 1.5e6, 2e6, "count"),
        # a bare lower bound above the upper bound's own figure keeps its value
        ("Between 500 and 1 million people came.", 500, 1e6, "count"),
    ],
)
def test_range_bounds_share_symbol_and_scale(nlp, text, value, high, base):
    q = _only(nlp, text)
    assert q.hedge == "range"
    assert (q.normalized_value, q.high, q.normalized_unit) == (pytest.approx(value),
                                                               pytest.approx(high), base)


def test_a_change_with_currency_symbols_is_two_values(nlp):
    found = find_quantities(nlp("It increased this from £6 to £10 one-way for all flights."))
    assert [(q.value, q.hedge) for q in found] == [(6, None), (10, None)]


@pytest.mark.parametrize(
    ("text", "hedge"),
    [("Not more than 20 people came.", "at_most"), ("The number is not less than 5.", "at_least")],
)
def test_not_flips_the_bound(nlp, text, hedge):
    assert _only(nlp, text).hedge == hedge


@pytest.mark.parametrize(
    ("text", "value", "base"),
    [
        ("It took 2 1/2 hours.", 2.5 / 24, "days"),
        ("It is 2 ½ miles away.", 2.5 * 1.609344, "km"),
        ("It is 2½ miles away.", 2.5 * 1.609344, "km"),
        ("The pipe is 1-1/2 inches wide.", 1.5 * 2.54e-5, "km"),
        ("Some two and a half million people were displaced.", 2.5e6, "count"),
        ("About 1 1/2 million people live there.", 1.5e6, "count"),
    ],
)
def test_mixed_numbers_in_sentences(nlp, text, value, base):
    q = _only(nlp, text)
    assert (q.normalized_value, q.normalized_unit) == (pytest.approx(value), base)


def test_a_hyphenated_mixed_number_needs_a_unit(nlp):
    assert find_quantities(nlp("The score was 3-1/2 today.")) == []


@pytest.mark.parametrize(
    ("text", "value", "high", "hedge"),
    [
        ("The value should not exceed 100.", 100, None, "at_most"),
        ("Costs don't exceed 100 dollars.", 100, None, "at_most"),
        ("Losses exceeded 300.", 300, None, "at_least"),
        ("The number is from 20 up to 30.", 20, 30, "range"),
    ],
)
def test_negated_verbs_and_up_to_ranges(nlp, text, value, high, hedge):
    q = _only(nlp, text)
    assert (q.value, q.high, q.hedge) == (value, high, hedge)


def test_from_up_to_at_the_end_never_crashes(nlp):
    assert [q.value for q in find_quantities(nlp("It went from 20 up to"))] == [20]
