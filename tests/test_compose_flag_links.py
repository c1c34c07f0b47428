"""Which claims a verification flag qualifies: same sentence, same paragraph, a shared figure, or
the claim's source named in the marker; never a claim its article does not state."""

from __future__ import annotations

import pytest

from storydesk.model import Claim, FlagMention, Mention, Span, Story
from storydesk.steps.compose import FlagCollector

TEXT = (
    "About 18 soldiers deserted, according to Ukrainian spies. Officials said 3,000 troops arrived.\n"
    "Separately, the harbour reopened after 2 days.\n"
    "The information provided by the Ukrainian intelligence agent has not been confirmed.\n"
    "A spokesman dismissed claims of 3,000 troops.\n"
    "Nothing has been confirmed about the weather."
)


def _sentences(text: str) -> list[Span]:
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch in ".\n" and i + 1 <= len(text):
            if text[start : i + 1].strip():
                spans.append(Span(start, i + 1))
            start = i + 1
    return spans


def _mention(article_id: str, words: str, value: float, *names: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return Mention(
        article_id, words, start, start + len(words), value=value, attributed_to=list(names)
    )


def _claims(article_id: str = "a1") -> list[Claim]:
    return [
        Claim(
            "c1",
            "Soldiers deserted: 18",
            "count",
            "consistent",
            [_mention(article_id, "18", 18, "Ukrainian spies")],
        ),
        Claim(
            "c2",
            "Troops arrived: 3,000",
            "count",
            "consistent",
            [_mention(article_id, "3,000", 3000, "Officials")],
        ),
        Claim(
            "c3",
            "Harbour closed: 2 days",
            "duration",
            "single_source",
            [_mention(article_id, "2", 2)],
        ),
    ]


def _run(make_article, marker: str, kind: str, claims_article: str = "a1") -> list[str]:
    article = make_article(TEXT, id="a1")
    article.sentences = _sentences(TEXT)
    start = TEXT.index(marker)
    article.flags = [FlagMention(Span(start, start + len(marker)), kind)]
    story = Story(id="s", article_ids=["a1"], claims=_claims(claims_article))
    FlagCollector().run_story(story, {"a1": article})
    assert len(story.flags) == 1
    return story.flags[0].claim_ids


@pytest.mark.parametrize(
    ("marker", "kind", "expected"),
    [
        # The claim's source is named in the marker (spies = intelligence).
        ("has not been confirmed", "unconfirmed", ["c1"]),
        # The marker repeats a claim's figure.
        ("dismissed claims", "denied", ["c2"]),
        # Same sentence as the duration claim.
        ("reopened", "update", ["c3"]),
        # Same sentence as the 3,000 claim, same paragraph (line) as the 18 claim.
        ("Officials said", "update", ["c1", "c2"]),
        # About something no claim measures.
        ("Nothing has been confirmed", "unconfirmed", []),
    ],
)
def test_flag_links_the_claims_it_qualifies(make_article, marker, kind, expected) -> None:
    assert _run(make_article, marker, kind) == expected


def test_flag_qualifies_nothing_in_an_article_that_does_not_state_the_claim(make_article) -> None:
    assert _run(make_article, "has not been confirmed", "unconfirmed", claims_article="a2") == []


def test_flag_claim_ids_round_trip_through_the_dossier(make_article) -> None:
    from storydesk.model import Story as S

    article = make_article(TEXT, id="a1")
    article.sentences = _sentences(TEXT)
    start = TEXT.index("dismissed claims")
    article.flags = [FlagMention(Span(start, start + 16), "denied")]
    story = Story(id="s", article_ids=["a1"], claims=_claims())
    FlagCollector().run_story(story, {"a1": article})
    again = S.from_dict(story.to_dict())
    assert again.flags[0].claim_ids == ["c2"]
