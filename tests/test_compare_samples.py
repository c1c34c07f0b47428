"""Compare stage on the five demo articles, with the real extractor (skipped until it exists)."""

from __future__ import annotations

import pytest

from storydesk.model import Article, StepStats, Story
from storydesk.steps.compare import ClaimAligner


@pytest.fixture(scope="module")
def demo_claims(samples_dir):
    extract = pytest.importorskip("storydesk.steps.extract")
    if not hasattr(extract, "SpacyExtractor"):
        pytest.skip("storydesk.steps.extract.SpacyExtractor is not there yet")
    articles = []
    for path in sorted(samples_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        articles.append(Article(id=path.stem, source=str(path), raw=text, text=text))
    extracted = list(extract.SpacyExtractor().run(articles, StepStats("extract"), []))
    story = Story(id="s1", article_ids=[a.id for a in extracted])
    by_id = {a.id: a for a in extracted}
    return ClaimAligner().run_story(story, by_id).claims, by_id


def _count_claims_with(claims, value):
    return [
        c for c in claims
        if c.kind == "count" and any(m.normalized.value == value for m in c.mentions)
    ]  # fmt: skip


def test_desertion_count_is_one_consistent_claim(demo_claims):
    claims, _ = demo_claims
    desertion = _count_claims_with(claims, 18)
    assert len(desertion) == 1
    assert len({m.article_id for m in desertion[0].mentions}) >= 3
    assert desertion[0].status == "consistent"


def test_desertion_is_carried_by_all_five_outlets(demo_claims):
    # four give a figure (18, around twenty, an estimated 18, around 18); one says "a group"
    claims, by_id = demo_claims
    (desertion,) = _count_claims_with(claims, 18)
    assert {m.article_id for m in desertion.mentions} == set(by_id)
    vague = [m for m in desertion.mentions if m.value is None]
    assert [m.quote.lower() for m in vague] == ["a group of north korean soldiers"]


def test_unit_of_3000_and_10000_sent_are_apart(demo_claims):
    claims, _ = demo_claims
    three = _count_claims_with(claims, 3000)
    ten = _count_claims_with(claims, 10000)
    assert three and ten
    assert not {c.id for c in three} & {c.id for c in ten}


def test_every_quote_is_the_exact_text(demo_claims):
    claims, articles = demo_claims
    for claim in claims:
        for mention in claim.mentions:
            assert mention.quote == articles[mention.article_id].text[mention.start : mention.end]
