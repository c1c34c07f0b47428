"""Real denial and correction wording makes a claim contested, end to end (extract + compare)."""

from __future__ import annotations

import pytest

from storydesk.model import Article, StepStats, Story
from storydesk.steps.compare import ClaimAligner
from storydesk.steps.compare.contest import find_corrections
from storydesk.steps.extract import SpacyExtractor

REPORT = "Officials said 12 people were killed in the attack on the market."


@pytest.mark.parametrize(
    ("text", "spans", "superseded"),
    [
        ("The ministry later corrected the figure to 9 people.", ["corrected the figure to 9"], []),
        ("Police revised the death toll down from 12 to 9 on Friday.",
         ["revised the death toll down from 12 to 9"], [12.0]),
        ("The agency lowered its estimate to 9,000.", ["lowered its estimate to 9,000"], []),
        ("The company updated its app to version 9.", [], []),
        ("Officials said 12 people were killed.", [], []),
    ],
)  # fmt: skip
def test_find_corrections(text, spans, superseded):
    found, old = find_corrections(Article(id="a", source="a", text=text))
    assert [text[s.start : s.end] for s in found] == spans
    assert [d.value for d in old] == superseded


def _status(nlp, *texts: str) -> list[tuple[str, list[float]]]:
    articles = [Article(id=f"a{i}", source=f"a{i}", text=t) for i, t in enumerate(texts)]
    extracted = list(SpacyExtractor(nlp=nlp).run(articles, StepStats("extract"), []))
    by_id = {a.id: a for a in extracted}
    story = ClaimAligner().run_story(Story(id="s", article_ids=list(by_id)), by_id)
    return [(c.status, sorted(m.value for m in c.mentions)) for c in story.claims]


@pytest.mark.parametrize(
    "other",
    [
        "Police denied that 12 people were killed in the attack on the market.",
        "The governor dismissed reports that 12 people were killed in the attack.",
        "Police rejected claims that 12 people died in the attack on the market.",
        "The ministry later corrected the figure to 9 people killed in the attack on the market.",
        "Police revised the toll from 12 to 9 people killed in the attack on the market.",
    ],
)
def test_denial_or_correction_contests_the_claim(nlp, other):
    claims = _status(nlp, REPORT, other)
    assert any(status == "contested" and 12.0 in values for status, values in claims)


def test_plain_confirmation_is_consistent(nlp):
    claims = _status(nlp, REPORT, "Residents said 12 people were killed in the attack on the market.")
    assert ("consistent", [12.0, 12.0]) in claims
    assert all(status != "contested" for status, _ in claims)
