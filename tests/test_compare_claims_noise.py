"""Words that look like amounts but state nothing make no claims."""

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


@pytest.mark.parametrize(
    "text",
    [
        "The pact says that an attack on one member is an attack on all.",
        "One of the officers said the street was quiet again.",
        "The minister spoke to reporters after the meeting in the capital.",
        "No one knows what happened next, the neighbours said.",
        "Earlier this year, the two countries signed a mutual defence pact.",
        "The two leaders had signed an agreement, pledging to help each other.",
    ],
)
def test_no_claim(nlp, text):
    assert _claims(nlp, text, text) == []


def test_one_casualty_is_a_claim(nlp):
    text = "Police said one person was killed in the shooting on Monday."
    claims = _claims(nlp, text, "One person was killed in the shooting, police said.")
    assert [(c.status, [m.value for m in c.mentions]) for c in claims] == [
        ("consistent", [1.0, 1.0])
    ]


def test_zero_and_two_injured_disagree(nlp):
    claims = _claims(nlp, "Police said no one was injured in the shooting on Monday.",
                     "Two people were injured in the shooting on Monday, police said.")
    statuses = {c.status for c in claims if any(m.value == 0 for m in c.mentions)}
    assert statuses == {"discrepant"}


def test_definite_casualty_group_is_still_a_claim(nlp):
    text = "The two victims were killed in the shooting on Monday, police said."
    claims = _claims(nlp, text, "Two people were killed in the shooting on Monday.")
    assert [m.value for c in claims for m in c.mentions] == [2.0, 2.0]


def test_definite_large_group_is_a_claim(nlp):
    claims = _claims(nlp, "The 18 soldiers deserted their unit.", "Officials said 18 soldiers deserted their unit.")
    assert [m.value for c in claims for m in c.mentions] == [18.0, 18.0]
