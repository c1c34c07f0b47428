"""units.normalize: one base unit per dimension, currencies kept apart."""

from __future__ import annotations

import pytest

from storydesk.model import CLAIM_KINDS
from storydesk.steps.extract.units import UNITS, lookup_unit, normalize


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (4, "miles", (6.437376, "km", "distance")),
        (1, "mile", (1.609344, "km", "distance")),
        (6, "kilometers", (6.0, "km", "distance")),
        (7, "kilometres", (7.0, "km", "distance")),
        (7, "km", (7.0, "km", "distance")),
        (500, "metres", (0.5, "km", "distance")),
        (500, "m", (0.5, "km", "distance")),
        (1000, "feet", (0.3048, "km", "distance")),
        (100, "yards", (0.09144, "km", "distance")),
        (3, "$", (3.0, "USD", "money")),
        (3, "dollars", (3.0, "USD", "money")),
        (3, "billion dollars", (3e9, "USD", "money")),
        (5, "€", (5.0, "EUR", "money")),
        (5, "£", (5.0, "GBP", "money")),
        (200, "hryvnias", (200.0, "UAH", "money")),
        (5000, "roubles", (5000.0, "RUB", "money")),
        (5000, "rubles", (5000.0, "RUB", "money")),
        (40, "%", (40.0, "percent", "percent")),
        (40, "percent", (40.0, "percent", "percent")),
        (40, "per cent", (40.0, "percent", "percent")),
        (48, "hours", (2.0, "days", "duration")),
        (2, "weeks", (14.0, "days", "duration")),
        (24, "years", (8766.0, "days", "duration")),
        (3, "tonnes", (3000.0, "kg", "other")),
        (2, "square miles", (5.179976, "km²", "other")),
        (18, "soldiers", (18.0, "count", "count")),
        (18, "", (18.0, "count", "count")),
    ],
)
def test_normalize_to_base_units(value: float, unit: str, expected: tuple) -> None:
    got = normalize(value, unit)
    assert got[0] == pytest.approx(expected[0], rel=1e-6)
    assert got[1:] == expected[1:]


def test_every_unit_kind_is_a_claim_kind() -> None:
    assert {u.kind for u in UNITS.values()} <= set(CLAIM_KINDS)


def test_currencies_are_never_converted_into_each_other() -> None:
    assert normalize(10, "euros")[1] == "EUR"
    assert normalize(10, "dollars")[1] == "USD"


@pytest.mark.parametrize("word", ["soldiers", "group", "in", "border", ""])
def test_lookup_unit_ignores_words_that_are_not_units(word: str) -> None:
    assert lookup_unit(word) is None


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (50, "cents", (0.5, "USD", "money")),
        (210, "pence", (2.1, "GBP", "money")),
        (300, "C$", (300.0, "CAD", "money")),
        (10, "hk$", (10.0, "HKD", "money")),
        (100, "chinese yuan", (100.0, "CNY", "money")),
        (40, "rmb", (40.0, "CNY", "money")),
        (5, "australian dollars", (5.0, "AUD", "money")),
        (20, "USD", (20.0, "USD", "money")),
        (7.62, "mm", (7.62e-6, "km", "distance")),
        (68, "ounces", (1.927767573, "kg", "other")),
        (150, "micrograms", (1.5e-7, "kg", "other")),
        (100, "percents", (100.0, "percent", "percent")),
    ],
)
def test_normalize_currencies_subunits_and_small_units(value, unit, expected) -> None:
    got = normalize(value, unit)
    assert got[0] == pytest.approx(expected[0], rel=1e-6)
    assert got[1:] == expected[1:]


def test_currency_prefixes_are_single_lowercase_tokens_and_never_english_words() -> None:
    from storydesk.steps.extract.units import CURRENCY_SYMBOLS

    assert {"$", "c$", "hk$", "usd", "eur", "gbp", "₹"} <= set(CURRENCY_SYMBOLS)
    assert not {"rub", "try", "gel", "cad", "real"} & set(CURRENCY_SYMBOLS)
    assert all(form == form.lower() and " " not in form for form in CURRENCY_SYMBOLS)
    assert lookup_unit("gel") is None and lookup_unit("real") is None


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("GBP 350", 350.0, "GBP"), ("C$ 300 million", 3e8, "CAD"), ("about 50 cents", 0.5, "USD"),
     ("a 7 mm bullet", 7e-6, "km")],
)
def test_quantities_read_new_currencies_and_units(nlp, text, value, unit) -> None:
    from storydesk.steps.extract import find_quantities

    found = find_quantities(nlp(text))
    assert [(q.normalized_value, q.normalized_unit) for q in found] == [
        (pytest.approx(value), unit)
    ]
