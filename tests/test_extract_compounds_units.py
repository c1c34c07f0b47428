"""Amounts in two parts ("5 feet 2 inches", "3 dollars 50 cents") or glued ("HK$10", "200lbs")."""

from __future__ import annotations

import pytest

from storydesk.steps.extract import find_quantities
from storydesk.steps.extract.compounds import glued_amount


@pytest.mark.parametrize(
    ("text", "value", "base"),
    [
        ("He is 5 feet 2 inches tall.", 0.0015748, "km"),
        ("He is 5 feet and 2 inches.", 0.0015748, "km"),
        ("The board is 12 ft 2 in long.", 0.0037084, "km"),
        ("It only cost 3 dollars 50 cents.", 3.5, "USD"),
        ("It only cost thirteen dollars and forty-five cents.", 13.45, "USD"),
        ("It costs only 15 dollars 50.", 15.5, "USD"),
        ("It cost HK$10 in the shop.", 10, "HKD"),
        ("The charge was C $ 300 million.", 3e8, "CAD"),
        ("They won a $48.2 million contract.", 4.82e7, "USD"),
        ("You weigh 200lbs.", 90.718474, "kg"),
        ("It was 10 $ only.", 10, "USD"),
        ("on my four-mile drive to work", 6.437376, "km"),
        ("It costs three quarters billion us dollars.", 7.5e8, "USD"),
        ("Rates rose by half a percent.", 0.5, "percent"),
        ("He is an 87 yo man.", 87, "years"),
        ("a 1/4 mile paved oval", 0.402336, "km"),
    ],
)  # fmt: skip
def test_compound_amounts(nlp, text, value, base):
    found = find_quantities(nlp(text))
    assert len(found) == 1, [text[q.span.start : q.span.end] for q in found]
    assert found[0].normalized_value == pytest.approx(value, rel=1e-4)
    assert found[0].normalized_unit == base


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("HK$10", (10.0, "hk$", "currency")),
        ("USD115", (115.0, "usd", "currency")),
        ("200lbs", (200.0, "lbs", "unit")),
        ("5k", None),  # a multiplier, read by numbers.py
        ("abc12", None),
        ("12", None),
    ],
)
def test_glued_amount(token, expected):
    assert glued_amount(token) == expected


def test_cents_need_no_noun_after(nlp):
    found = find_quantities(nlp("He paid 5 dollars 3 people came."))
    assert found[0].value == 5
