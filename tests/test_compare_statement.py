"""Claim statements and the word normaliser behind alignment."""

from __future__ import annotations

import pytest

from storydesk.model import Article, Quantity, Span
from storydesk.steps.compare.align import make_item
from storydesk.steps.compare.statement import format_value, make_statement
from storydesk.steps.compare.words import content_stems, stem


@pytest.mark.parametrize(
    ("value", "unit", "expected"),
    [
        (3000, "count", "3,000"),
        (6.437376, "km", "6.44 km"),
        (12.0, "percent", "12%"),
        (2_500_000, "USD", "2.5 million USD"),
        (3e9, "USD", "3 billion USD"),
        (24, "years", "24 years"),
        (5000, "$", "$5,000"),
    ],
)
def test_format_value(value, unit, expected):
    assert format_value(value, unit) == expected


def _items(texts_and_quantities):
    articles, items = {}, []
    for position, (text, phrase, kw) in enumerate(texts_and_quantities):
        article = Article(id=f"a{position}", source="x", text=text)
        start = text.index(phrase)
        quantity = Quantity(span=Span(start, start + len(phrase)), **kw)
        articles[article.id] = article
        items.append(make_item(article, quantity, position, article.id))
    return items, articles


@pytest.mark.parametrize(
    ("values", "unit", "expected"),
    [
        ([5000, 10000], "$", "$5,000–$10,000"),
        ([6.0, 6.437376, 7.0], "km", "6–7 km"),
        ([10, 12], "percent", "10–12%"),
        ([18, 20, 18], "count", "18–20"),
        ([3000], "count", "3,000"),
    ],
)
def test_value_ranges(values, unit, expected):
    from storydesk.steps.compare.statement import _range

    assert _range(values, unit) == expected


def test_statement_uses_counted_words_and_value_range():
    items, articles = _items(
        [
            ("18 North Korean soldiers have deserted their posts.", "18 North Korean soldiers",
             {"value": 18, "kind": "count", "unit": "soldiers", "normalized_value": 18,
              "normalized_unit": "count", "counted": "North Korean soldiers deserted"}),
            ("Around twenty North Korean soldiers deserted their posts.", "Around twenty",
             {"value": 20, "kind": "count", "normalized_value": 20, "normalized_unit": "count",
              "hedge": "approximate", "counted": "North Korean soldiers deserted"}),
        ]
    )  # fmt: skip
    assert make_statement(items, articles) == "North Korean soldiers deserted: 18–20"


def test_statement_without_counted_uses_following_words_and_normalised_unit():
    items, articles = _items(
        [
            ("They were about six kilometers from the border with Ukraine when they left.",
             "about six kilometers",
             {"value": 6, "kind": "distance", "unit": "kilometers", "normalized_value": 6,
              "normalized_unit": "km", "hedge": "approximate"}),
            ("They were four miles from the border with Ukraine when they left.", "four miles",
             {"value": 4, "kind": "distance", "unit": "miles", "normalized_value": 6.437376,
              "normalized_unit": "km"}),
        ]
    )  # fmt: skip
    assert make_statement(items, articles) == "Distance from the border with Ukraine: 6–6.44 km"


def test_statement_keeps_a_shared_written_unit_and_falls_back_to_words_before():
    items, articles = _items(
        [
            ("Putin visited in June, the first such visit in 24 years.", "24 years",
             {"value": 24, "kind": "duration", "unit": "years", "normalized_value": 8766,
              "normalized_unit": "days"}),
        ]
    )  # fmt: skip
    assert make_statement(items, articles) == "The first such visit in 24 years"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("deserted", "deserting"),
        ("desertion", "deserted"),
        ("preparing", "prepare"),
        ("soldiers", "troops"),
        ("died", "killed"),
        ("deaths", "dead"),
        ("injured", "wounded"),
        ("injuries", "hurt"),
        ("arrested", "detained"),
        ("people", "persons"),
    ],
)
def test_stems_meet(a, b):
    assert stem(a) == stem(b)


@pytest.mark.parametrize(("a", "b"), [("killed", "injured"), ("soldiers", "civilians")])
def test_stems_stay_apart(a, b):
    assert stem(a) != stem(b)


def test_names_fold_people_and_place():
    assert content_stems("near the Ukrainian border") == content_stems("near the Ukraine border")
    assert content_stems("a Russian unit") == content_stems("a Russia unit")


def test_content_stems_drop_stop_number_and_reporting_words():
    assert content_stems("about twenty of the soldiers were reportedly killed, police said") == [
        "soldier",
        "kill",
        "polic",
    ]
