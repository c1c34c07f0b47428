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
