"""Which mentions link into one claim: heads, roles, ages and how far apart figures may be."""

from __future__ import annotations

import pytest

from storydesk.model import Article, Quantity, Span
from storydesk.steps.compare.align import make_item
from storydesk.steps.compare.links import group_items, heads_meet


def items_for(specs):
    """One article per (text, phrase, value, quantity fields) spec, and an Item for each."""
    items = []
    for position, (text, phrase, value, kw) in enumerate(specs):
        article = Article(id=f"a{position}", source="x", text=text)
        start = text.index(phrase)
        if "counted_span" in kw:
            owner = kw.pop("counted_span")
            at = text.index(owner, start)
            kw["counted_span"] = Span(at, at + len(owner))
        kind = kw.pop("kind", "count")
        unit_default = "count" if kind == "count" else ""
        quantity = Quantity(
            span=Span(start, start + len(phrase)),
            value=value,
            kind=kind,
            normalized_value=kw.pop("normalized_value", value),
            normalized_unit=kw.pop("normalized_unit", unit_default),
            **kw,
        )
        items.append(make_item(article, quantity, position, article.id))
    assert all(item is not None for item in items)
    return items


def n_groups(specs) -> int:
    return len(group_items(items_for(specs)))


SHOOTING = "{} were shot at the block party on Saturday night, police said."


@pytest.mark.parametrize(
    ("first", "second", "together"),
    [
        (("at least three people", 3, "at_least"), ("five people", 5, None), True),
        (("at least three people", 3, "at_least"), ("39 people", 39, None), False),
        (("nine people", 9, None), ("22 people", 22, None), False),
        (("one person", 1, None), ("three people", 3, None), True),  # small counts: 2 apart
        (("15 people", 15, None), ("16 people", 16, None), True),
        (("about 20 people", 20, "approximate"), ("18 people", 18, None), True),
    ],
)
def test_how_far_apart_figures_may_be(first, second, together):
    specs = [
        (SHOOTING.format(phrase.capitalize()), phrase.capitalize(), value,
         {"unit": phrase.split()[-1], "hedge": hedge})
        for phrase, value, hedge in (first, second)
    ]  # fmt: skip
    assert (n_groups(specs) == 1) is together


def test_noun_and_verb_of_one_stem_do_not_make_heads_meet():
    t1 = "Witnesses said there were as many as a dozen shots fired at the party."
    t2 = "Six people were shot at the party, witnesses said."
    specs = [
        (t1, "as many as a dozen", 12, {"unit": "shots", "hedge": "at_most", "counted": "shots"}),
        (t2, "Six", 6, {"unit": "people", "counted": "people shot"}),
    ]
    assert n_groups(specs) == 2


def test_collective_noun_meets_its_members():
    t1 = "Russia is building a 3,000-strong unit of North Korean soldiers in the east."
    t2 = "Russia is building a unit of 3,000 North Korean soldiers in the east."
    a, b = items_for(
        [(t1, "3,000-strong", 3000, {"unit": "unit"}), (t2, "3,000", 3000, {"unit": "soldiers"})]
    )
    assert heads_meet(a, b)
    assert len(group_items([a, b])) == 1


@pytest.mark.parametrize(
    ("first", "second", "together"),
    [
        (("44-year-old", 44, "man"), ("44-year-old", 44, "man"), True),
        (("6-year-old", 6, "girl"), ("7-year-old", 7, "girl"), True),  # one girl, two reports
        (("44-year-old", 44, "man"), ("43-year-old", 43, "woman"), False),  # man vs woman
        (("30-year-old", 30, "man"), ("32-year-old", 32, "man"), False),  # two men
        (("19-year-old", 19, "Taylor"), ("20-year-old", 20, "Williams"), False),  # two names
        (("14-year-old", 14, "boy"), ("14-year-old", 14, "Doe"), True),  # may be one boy
    ],
)
def test_ages_belong_to_someone(first, second, together):
    specs = [
        (f"Police said a {quote} {owner} was hit in the shooting on Friday.", quote, value,
         {"kind": "other", "unit": "years", "normalized_unit": "years", "counted": "age",
          "counted_span": owner})
        for quote, value, owner in (first, second)
    ]  # fmt: skip
    assert (n_groups(specs) == 1) is together


def test_different_kinds_or_units_never_link():
    t = "The two towns are 12 miles apart, and 12 people live there."
    specs = [
        (t, "12 miles", 12, {"kind": "distance", "unit": "miles", "normalized_value": 19.3,
                             "normalized_unit": "km"}),
        (t, "12 people", 12, {"unit": "people"}),
    ]  # fmt: skip
    assert n_groups(specs) == 2


def test_one_article_with_two_figures_keeps_them_apart():
    text = "Three people were shot on Friday. Later, five people were shot on Friday."
    article = Article(id="a1", source="x", text=text)
    items = []
    for phrase, value in (("Three people", 3), ("five people", 5)):
        start = text.index(phrase)
        quantity = Quantity(
            span=Span(start, start + len(phrase)),
            value=value,
            kind="count",
            unit="people",
            normalized_value=value,
            normalized_unit="count",
        )
        items.append(make_item(article, quantity, 0, "a1"))
    assert len(group_items(items)) == 2


def test_group_items_of_nothing():
    assert group_items([]) == []


def test_huge_partitions_are_split_by_head_and_still_group(monkeypatch):
    from storydesk.steps.compare import links

    monkeypatch.setattr(links, "MAX_PARTITION", 2)
    text = "{} were killed in the attack on the village, officials said."
    specs = [
        (text.format("Twelve soldiers"), "Twelve soldiers", 12, {"unit": "soldiers"}),
        (text.format("12 soldiers"), "12 soldiers", 12, {"unit": "soldiers"}),
        (text.format("Twelve villagers"), "Twelve villagers", 12, {"unit": "villagers"}),
    ]
    groups = group_items(items_for(specs))
    assert sorted(len(g) for g in groups) == [1, 2]
