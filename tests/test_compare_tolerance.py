"""The tolerance unit: which stated amounts admit each other."""

from __future__ import annotations

import math

import pytest

from storydesk.steps.compare.tolerance import (
    APPROXIMATE_TOLERANCE,
    Interval,
    admits,
    admits_matrix,
    all_admissible,
    interval,
    is_round_word_number,
    rounding_slack,
)

MILE_KM = 1.609344
FOUR_MILES = 4 * MILE_KM  # 6.437 km


def test_exact_value_admits_only_itself():
    assert interval(18) == Interval(18, 18)
    assert admits(interval(18), interval(18))
    assert not admits(interval(18), interval(19))


@pytest.mark.parametrize("hedge", ["approximate", "estimated"])
def test_hedged_value_admits_fifteen_percent(hedge):
    got = interval(20, hedge=hedge)
    assert got.low == pytest.approx(20 * (1 - APPROXIMATE_TOLERANCE))
    assert got.high == pytest.approx(20 * (1 + APPROXIMATE_TOLERANCE))


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # the demo: "around twenty" admits 18; an "estimated 18" admits 18
        (interval(20, approximate=True), interval(18), True),
        (interval(20, hedge="approximate"), interval(18), True),
        (interval(18, hedge="estimated"), interval(18), True),
        # "about 6 km" and "around 7 km" both admit 4 miles
        (interval(6, hedge="approximate"), interval(FOUR_MILES), True),
        (interval(7, hedge="approximate"), interval(FOUR_MILES), True),
        # without a hedge 7 km is not 6.44 km ...
        (interval(7), interval(FOUR_MILES), False),
        # ... unless the rounding of the written digits allows it
        (interval(7, slack=0.5), interval(FOUR_MILES, slack=0.5 * MILE_KM), True),
        # plain disagreement
        (interval(3), interval(5), False),
        (interval(20), interval(18), False),
        (interval(4, hedge="approximate"), interval(5), False),  # 4.6 < 5
        # bounds
        (interval(3, hedge="at_least"), interval(5), True),
        (interval(6, hedge="at_least"), interval(5), False),
        (interval(5, hedge="at_most"), interval(3), True),
        (interval(3, hedge="at_most"), interval(5), False),
        (interval(3, hedge="at_least"), interval(5, hedge="at_least"), True),
        (interval(3, hedge="at_most"), interval(5, hedge="at_least"), False),
        # ranges
        (interval(10, 20, hedge="range"), interval(15), True),
        (interval(10, 20, hedge="range"), interval(20), True),
        (interval(10, 20, hedge="range"), interval(25), False),
        (interval(20, 10, hedge="range"), interval(12), True),  # reversed bounds
        (interval(10, 20, hedge="range"), interval(22, hedge="approximate"), True),
    ],
)
def test_admits(a, b, expected):
    assert admits(a, b) is expected
    assert admits(b, a) is expected  # symmetric


def test_range_without_high_is_exact():
    assert interval(10, None, hedge="range") == Interval(10, 10)


def test_at_least_is_unbounded_above():
    assert math.isinf(interval(3, hedge="at_least").high)
    assert admits(interval(3, hedge="at_least"), interval(1e12))


def test_float_noise_of_conversions_still_agrees():
    assert admits(interval(4 * MILE_KM), interval(6.437376000000001))


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ([interval(18), interval(20, approximate=True), interval(18, hedge="estimated")], True),
        ([interval(3, hedge="at_least"), interval(5), interval(4.5, hedge="approximate")], True),
        ([interval(3), interval(5), interval(5)], False),
        ([interval(5)], True),
        ([], True),
    ],
)
def test_all_admissible(values, expected):
    assert all_admissible(values) is expected


@pytest.mark.parametrize(
    ("quote", "value", "expected"),
    [
        ("around twenty", 20, True),
        ("a dozen", 12, True),
        ("two dozen", 24, True),
        ("hundreds", 100, True),
        ("four miles", 4, False),  # small numbers are spelled out by style, not approximation
        ("eighteen", 18, False),
        ("20", 20, False),
        ("20 or so", 20, False),
    ],
)
def test_round_word_numbers(quote, value, expected):
    assert is_round_word_number(quote, value) is expected


@pytest.mark.parametrize(
    ("quote", "value", "normalized", "expected"),
    [
        ("6.4 km", 6.4, 6.4, 0.05),
        ("7 kilometers", 7, 7, 0.5),
        ("4 miles", 4, FOUR_MILES, 0.5 * MILE_KM),
        ("$3.5 million", 3.5e6, 3.5e6, 0.05e6),
        ("four miles", 4, FOUR_MILES, 0.5 * MILE_KM),  # words: whole numbers
        ("3,000 km", 3000, 3000, 0.5),
    ],
)
def test_rounding_slack(quote, value, normalized, expected):
    assert rounding_slack(quote, value, normalized) == pytest.approx(expected, rel=1e-3)


def test_rounding_slack_keeps_neighbours_apart():
    three, four = (interval(v, slack=rounding_slack(f"{v} km", v, v)) for v in (3, 4))
    assert not admits(three, four)


def test_admits_matrix_matches_admits():
    intervals = [
        interval(18),
        interval(20, approximate=True),
        interval(3, hedge="at_least"),
        interval(5, hedge="at_most"),
        interval(10, 20, hedge="range"),
        interval(FOUR_MILES, slack=0.8),
        interval(7, hedge="approximate"),
        interval(6.437376000000001),
        Interval(-math.inf, math.inf),
    ]
    matrix = admits_matrix([i.low for i in intervals], [i.high for i in intervals])
    for x, a in enumerate(intervals):
        for y, b in enumerate(intervals):
            assert bool(matrix[x, y]) is admits(a, b), (a, b)
