"""parse_number on fractions, mixed numbers, numerals with several scale words and Indian scales."""

from __future__ import annotations

import pytest

from storydesk.steps.extract.fractions import ordinal_value
from storydesk.steps.extract.numbers import parse_number


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("half", 0.5),
        ("a third", 1 / 3),
        ("two thirds", 2 / 3),
        ("two-thirds", 2 / 3),
        ("three quarters", 0.75),
        ("one-eighth", 0.125),
        ("five - eighths", 0.625),
        ("a hundredth", 0.01),
        ("1/4", 0.25),
        ("2 1/2", 2.5),
        ("- 1 4/5", -1.8),
        ("⅔", 2 / 3),
        ("2½", 2.5),
        ("one and a half", 1.5),
        ("three and one fourth", 3.25),
        ("3 million and a half", 3_500_000),
        ("six million and two thirds", 6_666_666.67),
        ("a quarter million", 250_000),
        ("half million", 500_000),
        ("4 thousand 3 hundred and 21", 4321),
        ("1 crore", 10_000_000),
        ("10 lakh", 1_000_000),
        ("three lakh crore", 3e12),
    ],
)
def test_parse_number_reads_fractions_and_mixed_numbers(text: str, expected: float) -> None:
    assert parse_number(text) == pytest.approx(expected, rel=1e-6)


@pytest.mark.parametrize(
    "text",
    ["9/11", "24/7", "1 / 13", "third", "twenty-first", "one hundred twenty fifth",
     "3 hundred 2 thousand", "one over three", "two out of five"],
)
def test_parse_number_refuses_dates_ordinals_and_ratios(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("word", "value"),
    [("thirds", 3), ("quarter", 4), ("fifth", 5), ("twenty-fifth", 25), ("hundredths", 100),
     ("sixteenth", 16), ("twentieth", 20), ("soldiers", None), ("", None)],
)
def test_ordinal_value(word: str, value: int | None) -> None:
    assert ordinal_value(word) == value
