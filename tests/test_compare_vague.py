"""A report of a counted claim without a figure ("a group of soldiers ... deserted") is a mention
with no value: it shows one more article carrying the claim and never changes its status."""

from __future__ import annotations

import pytest

from storydesk.model import Article, Quantity, Span, Story
from storydesk.steps.compare import align_claims
from storydesk.steps.compare.align import make_item
from storydesk.steps.compare.vague import vague_spans

T1 = "Eighteen North Korean soldiers deserted their positions, officials said."
T2 = "Around twenty North Korean soldiers have deserted near the border."


def _count(text: str, words: str, value: float, counted: str) -> Quantity:
    start = text.index(words)
    return Quantity(
        span=Span(start, start + len(words)),
        value=value,
        kind="count",
        unit="soldiers",
        normalized_value=value,
        normalized_unit="count",
        counted=counted,
    )


def _article(id_: str, text: str, quantities: list[Quantity]) -> Article:
    return Article(id=id_, source=f"{id_}.txt", text=text, quantities=quantities)


def _story(third: str) -> tuple[Story, dict[str, Article]]:
    a1 = _article(
        "a1",
        T1,
        [_count(T1, "Eighteen North Korean soldiers", 18, "North Korean soldiers deserted")],
    )
    a2 = _article(
        "a2",
        T2,
        [_count(T2, "Around twenty North Korean soldiers", 20, "North Korean soldiers deserted")],
    )
    a3 = _article("a3", third, [])
    articles = {a.id: a for a in (a1, a2, a3)}
    return Story(id="s1", article_ids=list(articles)), articles


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("A group of North Korean soldiers have deserted the frontline.", "A group of North Korean soldiers"),
        ("Several soldiers from the North Korean contingent deserted on Monday.", "Several soldiers"),
        ("A small group of North Korean troops deserted.", "A small group of North Korean troops"),
    ],
)  # fmt: skip
def test_vague_report_joins_the_claim_without_a_value(text, quote):
    story, articles = _story(text)
    claims = align_claims(story, articles)
    claim = next(c for c in claims if "deserted" in c.statement)
    vague = [m for m in claim.mentions if m.article_id == "a3"]
    assert [m.quote for m in vague] == [quote]
    assert vague[0].value is None and vague[0].normalized.value is None
    assert text[vague[0].start : vague[0].end] == quote
    assert claim.status == "consistent"  # the vague report neither agrees nor disagrees


@pytest.mark.parametrize(
    "text",
    [
        "A group of North Korean soldiers arrived in Kursk.",  # another predicate
        "A group of analysts said North Korean soldiers deserted.",  # it counts analysts
        "North Korean soldiers deserted, officials said.",  # no quantifier: not a report of an amount
    ],
)
def test_other_statements_do_not_join(text):
    story, articles = _story(text)
    claims = align_claims(story, articles)
    assert all(m.article_id != "a3" for c in claims for m in c.mentions)


def test_a_single_source_claim_takes_no_vague_mentions():
    story, articles = _story("A group of North Korean soldiers deserted.")
    articles["a2"].quantities = []
    claims = align_claims(story, articles)
    assert all(m.article_id != "a3" for c in claims for m in c.mentions)


def test_vague_spans_need_a_count_group():
    a1 = _article(
        "a1",
        T1,
        [_count(T1, "Eighteen North Korean soldiers", 18, "North Korean soldiers deserted")],
    )
    item = make_item(a1, a1.quantities[0], 0, "a1")
    assert item is not None
    item.kind = "distance"
    other = _article("a3", "A group of North Korean soldiers deserted.", [])
    assert list(vague_spans([item], other)) == []
