"""Percentages in their many spellings, ranges of them, and bounded fractions read as shares."""

from __future__ import annotations

import pytest

from storydesk.steps.extract import find_quantities


def _only(nlp, text: str):
    found = find_quantities(nlp(text))
    assert len(found) == 1, [text[q.span.start : q.span.end] for q in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "quote", "value", "high", "hedge"),
    [
        ("Unemployment rose to 5 per cent last year.", "5 per cent", 5.0, None, None),
        ("Turnout was 62 pct in the city.", "62 pct", 62.0, None, None),
        ("Rates rose by 0.25 percentage points.", "0.25 percentage points", 0.25, None, None),
        ("It was a 3.5 percentage-point rise.", "3.5 percentage-point", 3.5, None, None),
        ("Prices rose 12 % in March.", "12 %", 12.0, None, None),
        ("Growth slowed to one and a half percent.", "one and a half percent", 1.5, None, None),
        ("Inflation was two point five percent.", "two point five percent", 2.5, None, None),
        ("The index fell -5% on the day.", "-5%", -5.0, None, None),
        ("The rate was thirty percentage at the time.", "thirty percentage", 30.0, None, None),
        ("It rose 5%-10% last year.", "5%-10%", 5.0, 10.0, "range"),
        ("Prices rose by between 5% and 10% this year.", "between 5% and 10%", 5.0, 10.0,
         "range"),
        ("Support stands at 40 per cent to 45 per cent.", "40 per cent to 45 per cent", 40.0,
         45.0, "range"),
        ("More than half of the residents left.", "More than half", 50.0, None, "at_least"),
        ("About two-thirds of voters agreed.", "About two-thirds", 200 / 3, None, "approximate"),
        ("Two thirds of voters agreed.", "Two thirds", 200 / 3, None, None),
    ],
)
def test_percent_readings(nlp, text, quote, value, high, hedge):
    q = _only(nlp, text)
    assert text[q.span.start : q.span.end] == quote
    assert q.kind == "percent" and q.normalized_unit == "percent"
    assert q.value == pytest.approx(value, rel=1e-5)
    assert q.high == (None if high is None else pytest.approx(high))
    assert q.hedge == hedge


@pytest.mark.parametrize(
    "text",
    [
        "Rates rose from 5% to 7% in May.",  # a change: two values, not a range
        "It fell 0.5 per cent to 2 per cent.",  # fell by, to
    ],
)
def test_changes_are_not_ranges(nlp, text):
    found = find_quantities(nlp(text))
    assert [q.hedge for q in found] == [None, None]


@pytest.mark.parametrize(
    "text",
    [
        "In the second half of the year, sales slowed.",
        "A third term is likely for the mayor.",
    ],
)
def test_unhedged_fractions_are_not_shares(nlp, text):
    assert [q for q in find_quantities(nlp(text)) if q.kind == "percent"] == []


def test_hedged_half_of_a_measure_is_the_measure(nlp):
    q = _only(nlp, "It took more than half an hour.")
    assert q.kind == "duration" and q.hedge == "at_least"
