"""find_quantities: values, hedges, ranges, units, what is counted, and what is not a quantity."""

from __future__ import annotations

import pytest

from storydesk.model import CLAIM_KINDS, HEDGES, Quantity
from storydesk.steps.extract import find_quantities


def _quantities(nlp, text: str) -> list[Quantity]:
    found = find_quantities(nlp(text))
    for q in found:  # the invariants every quantity keeps
        assert 0 <= q.span.start < q.span.end <= len(text)
        assert q.kind in CLAIM_KINDS
        assert q.hedge is None or q.hedge in HEDGES
        assert q.sentence is not None and q.sentence.contains(q.span)
    return found


def _quote(text: str, q: Quantity) -> str:
    return text[q.span.start : q.span.end]


# (text, quote, value, high, hedge, kind, normalized value, normalized unit, counted)
DEMO = [
    ("18 North Korean soldiers already deserted positions by Ukraine's border.",
     "18", 18, None, None, "count", 18, "count", "North Korean soldiers deserted"),
    ("Around twenty North Korean soldiers are missing in Ukraine.",
     "Around twenty", 20, None, "approximate", "count", 20, "count",
     "North Korean soldiers missing"),
    ("The soldiers were stationed approximately four miles from the Ukrainian border.",
     "approximately four miles", 4, None, "approximate", "distance", 6.437376, "km",
     "distance from the Ukrainian border"),
    ("They were about six kilometers from the border with Ukraine when they deserted.",
     "about six kilometers", 6, None, "approximate", "distance", 6.0, "km",
     "distance from the border"),
    ("The soldiers deserted around 7 kilometers (4 miles) from the border with Ukraine.",
     "around 7 kilometers", 7, None, "approximate", "distance", 7.0, "km",
     "distance from the border"),
    ("Russia's army is forming a unit of 3,000 North Korean soldiers.",
     "3,000", 3000, None, None, "count", 3000, "count", "unit of North Korean soldiers"),
    ("Putin wants to build a 3,000-strong unit of North Korean soldiers in the east.",
     "3,000-strong", 3000, None, None, "count", 3000, "count", "unit of North Korean soldiers"),
    ("Zelensky said that 10,000 North Korean soldiers were preparing to fight.",
     "10,000", 10000, None, None, "count", 10000, "count", "North Korean soldiers preparing"),
    ("An estimated 18 North Korean soldiers have deserted from their positions.",
     "An estimated 18", 18, None, "estimated", "count", 18, "count",
     "North Korean soldiers deserted"),
    ("Russia claimed it shot down two dozen drones targeting the area.",
     "two dozen", 24, None, None, "count", 24, "count", "drones shot down"),
    ("The stash was hit in Russia just 70 miles from the border with Ukraine.",
     "70 miles", 70, None, None, "distance", 112.65408, "km", "distance from the border"),
    ("Putin visited North Korea in June, the first such visit in 24 years.",
     "24 years", 24, None, None, "duration", 8766.0, "days", "duration"),
]


@pytest.mark.parametrize(
    ("text", "quote", "value", "high", "hedge", "kind", "norm", "base", "counted"), DEMO
)
def test_demo_phrases(nlp, text, quote, value, high, hedge, kind, norm, base, counted) -> None:
    found = _quantities(nlp, text)
    assert [_quote(text, q) for q in found] == [quote]
    q = found[0]
    assert (q.value, q.high, q.hedge, q.kind) == (value, high, hedge, kind)
    assert q.normalized_value == pytest.approx(norm)
    assert q.normalized_unit == base
    assert q.counted == counted


def test_formations_by_strength_and_by_members_count_the_same_thing(nlp) -> None:
    a = _quantities(nlp, "Russia is forming a unit of 3,000 North Korean soldiers.")[0]
    b = _quantities(nlp, "Kim is building a 3,000-strong unit of North Korean soldiers.")[0]
    c = _quantities(nlp, "North Korea has sent 10,000 North Korean soldiers to Russia.")[0]
    assert a.counted == b.counted
    assert c.counted != a.counted


def test_counted_span_points_at_the_counted_words(nlp) -> None:
    text = "An estimated 18 North Korean soldiers have deserted."
    q = _quantities(nlp, text)[0]
    assert q.counted_span is not None
    assert text[q.counted_span.start : q.counted_span.end] == "North Korean soldiers"
    assert q.unit == "soldiers"


@pytest.mark.parametrize(
    ("text", "quote", "value", "high", "hedge"),
    [
        ("Between 5 and 7 people died in the fire.", "Between 5 and 7", 5, 7, "range"),
        ("Officials said 5-7 people died.", "5-7", 5, 7, "range"),
        ("Officials said 5 to 7 people died.", "5 to 7", 5, 7, "range"),
        ("Five or six people died.", "Five or six", 5, 6, "range"),
        ("At least 5 people were killed.", "At least 5", 5, None, "at_least"),
        ("More than 50 people were hurt.", "More than 50", 50, None, "at_least"),
        ("Upwards of 200 people marched.", "Upwards of 200", 200, None, "at_least"),
        ("Up to 300 troops were sent.", "Up to 300", 300, None, "at_most"),
        ("Fewer than 100 people came.", "Fewer than 100", 100, None, "at_most"),
        ("No more than 20 people came.", "No more than 20", 20, None, "at_most"),
        ("Nearly 1,000 troops were sent.", "Nearly 1,000", 1000, None, "approximate"),
        ("Some 300 people fled.", "Some 300", 300, None, "approximate"),
        ("Close to 40 people fled.", "Close to 40", 40, None, "approximate"),
        ("Roughly 40 people fled.", "Roughly 40", 40, None, "approximate"),
        ("They saw ~300 people.", "~300", 300, None, "approximate"),
        ("Tens of thousands of people marched.", "Tens of thousands", 10000, None, "at_least"),
        ("Half a million people fled.", "Half a million", 500000, None, None),
        ("A dozen drones were launched.", "A dozen", 12, None, None),
        ("Officials counted 10 000 people.", "10 000", 10000, None, None),
        ("Twenty-one people were killed.", "Twenty-one", 21, None, None),
    ],
)
def test_hedges_and_ranges(nlp, text, quote, value, high, hedge) -> None:
    found = _quantities(nlp, text)
    assert [_quote(text, q) for q in found] == [quote]
    assert (found[0].value, found[0].high, found[0].hedge) == (value, high, hedge)


@pytest.mark.parametrize(
    ("text", "quote", "norm", "base", "kind"),
    [
        ("The package is worth $350 billion.", "$350 billion", 3.5e11, "USD", "money"),
        ("It lost $3bn last year.", "$3bn", 3e9, "USD", "money"),
        ("It cost €5 million.", "€5 million", 5e6, "EUR", "money"),
        ("It cost £30m.", "£30m", 3e7, "GBP", "money"),
        ("They paid 200 hryvnias.", "200 hryvnias", 200, "UAH", "money"),
        ("They paid 5,000 roubles.", "5,000 roubles", 5000, "RUB", "money"),
        ("Turnout was 40%.", "40%", 40, "percent", "percent"),
        ("Turnout fell 12 per cent.", "12 per cent", 12, "percent", "percent"),
        ("The curfew lasted 48 hours.", "48 hours", 2, "days", "duration"),
        ("A 10-kilometre stretch was closed.", "10-kilometre", 10, "km", "distance"),
        ("The wall is 500 metres long.", "500 metres", 0.5, "km", "distance"),
        ("They seized 3 tonnes of cocaine.", "3 tonnes", 3000, "kg", "other"),
    ],
)
def test_units_are_normalised(nlp, text, quote, norm, base, kind) -> None:
    found = _quantities(nlp, text)
    assert [_quote(text, q) for q in found] == [quote]
    assert found[0].normalized_value == pytest.approx(norm)
    assert (found[0].normalized_unit, found[0].kind) == (base, kind)


@pytest.mark.parametrize(
    ("text", "quote", "age"),
    [("A 12-year-old boy was hurt.", "12-year-old", 12),
     ("Police named 19-year-old Maria as the driver.", "19-year-old", 19),
     ("The suspect, who is 35 years old, fled.", "35 years old", 35),
     ("A one-year old infant was hurt.", "one-year old", 1),
     ("John Smith, 24, was shot.", "24", 24)],
)
def test_ages_are_other_with_counted_age(nlp, text, quote, age) -> None:
    found = _quantities(nlp, text)
    assert [_quote(text, q) for q in found] == [quote]
    assert (found[0].value, found[0].kind, found[0].counted) == (age, "other", "age")


def test_parenthetical_conversion_is_one_quantity(nlp) -> None:
    text = "They deserted around 7 kilometers (4 miles) from the border."
    assert [_quote(text, q) for q in _quantities(nlp, text)] == ["around 7 kilometers"]


@pytest.mark.parametrize(
    "text",
    [
        "A group of North Korean soldiers deserted the frontline.",
        "Several people were hurt and a few fled.",
        "The vote took place in 2024.",
        "Suspilne reported on Oct. 15, 2024 at 8:20 PM.",
        "It was the first visit; the war is in its third year.",
        "He cited Article 5 of the treaty.",
        "One of the soldiers fled.",
        "Call +1 555-123-4567 for details.",
        "See https://t.co/nIUmhg7Rn4 and pic.twitter.com/wmTNU03yIO or @user99.",
        "1 / 13",
        "The F-16 jets and Covid-19 were discussed.",
        "Putin left 24 years ago.",
        "He unveiled his five-point plan.",
        "He was shot in the 5500 block of Main Street.",
        "It happened at 1200 West Madison Street.",
        "",
        "No numbers here at all.",
    ],
)
def test_texts_without_quantities_give_none(nlp, text) -> None:
    assert _quantities(nlp, text) == []


def test_list_numbers_at_line_start_are_not_counts(nlp) -> None:
    text = "Steps:\n1. Open the box.\n2. Count 12 apples."
    assert [_quote(text, q) for q in _quantities(nlp, text)] == ["12"]
