"""Currencies from the CLDR table, finance shorthand, "pounds" as weight or money, units in
brackets and glued units ("m2", "50p")."""

from __future__ import annotations

import pytest

from storydesk.steps.extract import find_quantities
from storydesk.steps.extract.compounds import glued_amount
from storydesk.steps.extract.units import CURRENCY_SYMBOLS, lookup_unit


def _only(nlp, text: str):
    found = find_quantities(nlp(text))
    assert len(found) == 1, [text[q.span.start : q.span.end] for q in found]
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "base"),
    [
        ("He paid 1,000 Kuwaiti dinars.", 1000, "KWD"),
        ("She had 200 Thai baht.", 200, "THB"),
        ("It costs 20 Singapore dollars.", 20, "SGD"),
        ("It costs 100 Egyptian pounds.", 100, "EGP"),
        ("He got 2,000 Norwegian kroner.", 2000, "NOK"),
        ("A loan of 2 billion rand was agreed.", 2e9, "ZAR"),
        ("The price was 15 ringgit.", 15, "MYR"),
        ("It costs S$20.", 20, "SGD"),
        ("They lost 75 USD million last year.", 75e6, "USD"),
        ("Losses in excess of 30 MUSD were reported.", 30e6, "USD"),
        ("It cost 50p.", 0.5, "GBP"),
        ("Earnings were 77m euros.", 77e6, "EUR"),
    ],
)
def test_currencies(nlp, text, value, base):
    q = _only(nlp, text)
    assert (q.normalized_value, q.normalized_unit) == (pytest.approx(value), base)


def test_each_number_keeps_the_currency_after_it(nlp):
    found = find_quantities(nlp("It costs 10 rmb 20 usd"))
    assert [(q.value, q.normalized_unit, q.unit) for q in found] == [(10, "CNY", "rmb"),
                                                                      (20, "USD", "usd")]


def test_cldr_table_never_shadows_units_or_takes_shared_names():
    assert lookup_unit("kgs").base == "kg"  # not the Kyrgyz som's code
    for shared in ("peso", "dinar", "franc", "krone", "real", "sol", "all", "top"):
        unit = lookup_unit(shared)
        assert unit is None or unit.base not in ("ARS", "BHD", "CDF", "DKK", "BRL", "PEN",
                                                 "ALL", "TOP")
    assert "amd" not in CURRENCY_SYMBOLS and "sgd" in CURRENCY_SYMBOLS


@pytest.mark.parametrize(
    ("text", "value", "base"),
    [
        ("He weighs 180 pounds.", 180 * 0.45359237, "kg"),
        ("Police seized 20 pounds of cocaine.", 20 * 0.45359237, "kg"),
        ("The baby weighed seven pounds and eight ounces.", 7 * 0.45359237 + 8 * 0.028349523125,
         "kg"),
        ("The fine was 500 pounds.", 500, "GBP"),
        ("The club paid 30 million pounds for the striker.", 30e6, "GBP"),
        ("He spent 20 pounds of his savings.", 20, "GBP"),
        ("The truck was carrying 12 metric tonnes.", 12_000, "kg"),
        ("The weight is 20 [kg]", 20, "kg"),
        ("The flat is 85m2.", 85e-6, "km²"),
    ],
)
def test_weights_and_measures(nlp, text, value, base):
    q = _only(nlp, text)
    assert (q.normalized_value, q.normalized_unit) == (pytest.approx(value), base)


@pytest.mark.parametrize(
    ("token", "expected"),
    [("50p", (50, "pence", "unit")), ("1080p", None), ("24703m2", (24703, "m2", "unit"))],
)
def test_glued_pence_and_square_units(token, expected):
    assert glued_amount(token) == expected


def test_cents_are_never_read_from_a_compound_word(nlp):
    found = find_quantities(nlp("Fares rose to £10 one-way."))
    assert [q.value for q in found] == [10]
