"""Outlets' casualty tolls are one claim whatever their wording; parts and deniers are not rivals."""

from __future__ import annotations

import pytest

from storydesk.model import Article, StepStats, Story
from storydesk.steps.compare import ClaimAligner
from storydesk.steps.extract import SpacyExtractor


def _claims(nlp, *texts: str):
    articles = [Article(id=f"a{i}", source=f"a{i}", text=t) for i, t in enumerate(texts)]
    extracted = list(SpacyExtractor(nlp=nlp).run(articles, StepStats("extract"), []))
    by_id = {a.id: a for a in extracted}
    return ClaimAligner().run_story(Story(id="s", article_ids=list(by_id)), by_id).claims


def _by_values(claims) -> dict[frozenset[float], str]:
    return {frozenset(m.value for m in c.mentions): c.status for c in claims}


@pytest.mark.parametrize(
    ("first", "second", "values"),
    [
        # "dead" / "died" / "people were killed": one toll in three wordings
        (
            "2 dead in overnight shooting\n\nTwo men died after a shooting on Main Street late "
            "Friday, police said.",
            "Three people were killed in a shooting on Main Street on Friday night, police said.",
            {2.0, 3.0},
        ),
        # 6 vs 3 wounded is too far apart for two figures of one thing, but not for two tolls
        (
            "2 dead, 6 wounded in Main Street shooting\n\nPolice said the gunman opened fire "
            "outside a bar.",
            "A woman was killed and three men were wounded when a gunman opened fire outside a "
            "bar on Main Street.",
            {6.0, 3.0},
        ),
        # a "one" the casualty reader reads is a count, not the pronoun
        (
            "One injured in Spenard shooting\n\nPolice are looking for a suspect.",
            "Two people were injured in the Spenard shooting on Monday, police said.",
            {1.0, 2.0},
        ),
    ],
)
def test_differing_tolls_are_one_discrepant_claim(nlp, first, second, values):
    assert _by_values(_claims(nlp, first, second)).get(frozenset(values)) == "discrepant"


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # "two of them" is a part of the four, not a rival report of the toll
        (
            "Four people were wounded in a shooting outside a bar on Main Street, police said.",
            "Four people were wounded, two of them critically, in a shooting outside a bar on "
            "Main Street.",
            {frozenset({4.0}): "consistent", frozenset({2.0}): "single_source"},
        ),
        # the hedge allows it: "at least three" admits five
        (
            "At least three people were killed in a shooting at a mall on Saturday, police said.",
            "Five people were killed in a shooting at a mall on Saturday, police said.",
            {frozenset({3.0, 5.0}): "consistent"},
        ),
        # the figure before "denied" belongs to the denier, not to what is denied
        (
            "The man who wounded 16 people at the club has denied firing any shots, his lawyer "
            "said.",
            "Police said 16 people were wounded at the club early Sunday.",
            {frozenset({16.0}): "consistent"},
        ),
    ],
)
def test_parts_hedges_and_deniers_make_no_discrepancy(nlp, first, second, expected):
    assert _by_values(_claims(nlp, first, second)) == expected
