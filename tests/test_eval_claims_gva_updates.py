"""claims-gva's "really disagreeing" side is time-aware: a later total explains an earlier figure."""

from __future__ import annotations

import datetime as dt

import pytest

from eval._casualties import dossier_figures
from eval.claims_gva import _disagree
from storydesk.model import Article, StepStats
from storydesk.steps.extract import SpacyExtractor

MONDAY, TUESDAY = dt.date(2024, 3, 4), dt.date(2024, 3, 5)
FOUR = "Four people were killed in the shooting on Main Street, police said."
FIVE = "Five people were killed in the shooting on Main Street, police said."
ROSE = "Police said the death toll rose to 5 after the shooting on Main Street."


@pytest.mark.parametrize(
    ("first", "second", "disagree"),
    [
        ((FOUR, MONDAY), (ROSE, TUESDAY), False),  # a later update explains it
        ((FOUR, MONDAY), (ROSE, None), False),  # unknown dates do not order
        ((FOUR, TUESDAY), (ROSE, MONDAY), True),  # the update is older than the 4
        ((FOUR, MONDAY), (FIVE, TUESDAY), True),  # two plain figures
        ((FOUR, MONDAY), (FOUR, TUESDAY), False),
    ],
)
def test_time_aware_disagreement(nlp, first, second, disagree):
    articles = [
        Article(id=f"a{i}", source=f"a{i}", text=text, published=day)
        for i, (text, day) in enumerate((first, second))
    ]
    annotated = list(SpacyExtractor(nlp=nlp).run(articles, StepStats("extract"), []))
    read = {a.id: dossier_figures(a) for a in annotated}
    assert read["a0"]["killed"] == 4 and read["a1"]["killed"] in (4, 5)
    assert _disagree(annotated, read, "killed") is disagree
