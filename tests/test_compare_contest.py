"""Disputes, denials and attribution names used by the compare stage."""

from __future__ import annotations

import pytest

from storydesk.model import Article, Attribution, Span
from storydesk.steps.compare.contest import (
    attributed_names,
    covers,
    find_disputed_values,
    flag_contests,
    is_denial,
    is_negated,
    sentence_of,
)


def _article(text: str, sentences: bool = True) -> Article:
    article = Article(id="a1", source="a1.txt", text=text)
    if sentences:
        start = 0
        for part in text.split(". "):
            end = min(len(text), start + len(part) + 1)
            article.sentences.append(Span(start, end))
            start = end + 1
    return article


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The source said there were absolutely nowhere near 3,000.", [3000.0]),
        ("That is not even close to 18 soldiers.", [18.0]),
        ("They were not anywhere near twenty, he said.", [20.0]),
        ("There weren't as many as 500 people there.", [500.0]),
        ("Far more than 3,000 people attended the rally.", []),
        ("The house is nowhere near the border.", []),
        ("It was nowhere near onerous.", []),
    ],
)
def test_find_disputed_values(text, values):
    assert [d.value for d in find_disputed_values(_article(text))] == values


def test_disputed_value_span_covers_cue_and_number():
    text = "There were absolutely nowhere near 3,000."
    (found,) = find_disputed_values(_article(text))
    assert text[found.span.start : found.span.end] == "nowhere near 3,000"


def _attribution(text: str, source: str, cue: str, content: str, **kw) -> Attribution:
    s, c, n = text.index(source), text.index(cue), text.index(content)
    return Attribution(
        Span(s, s + len(source)), Span(c, c + len(cue)), Span(n, n + len(content)), **kw
    )


@pytest.mark.parametrize(
    ("cue", "denial"),
    [("denied", True), ("dismissed", True), ("rejected", True), ("disputes", True),
     ("said", False), ("reported", False), ("confirmed", False)],
)  # fmt: skip
def test_is_denial(cue, denial):
    text = f"The ministry {cue} that 3,000 soldiers were sent."
    article = _article(text)
    attribution = _attribution(text, "The ministry", cue, "3,000 soldiers were sent")
    assert is_denial(attribution, article) is denial


@pytest.mark.parametrize(
    ("verb_phrase", "cue", "negated"),
    [("did not confirm", "confirm", True), ("would not say", "say", True),
     ("hasn't said", "said", True), ("has never claimed", "claimed", True),
     ("said", "said", False), ("confirmed", "confirmed", False),
     ("did confirm", "confirm", False), ("notably said", "said", False)],
)  # fmt: skip
def test_is_negated(verb_phrase, cue, negated):
    text = f"The ministry {verb_phrase} that 3,000 soldiers were sent."
    article = _article(text)
    attribution = _attribution(text, "The ministry", cue, "3,000 soldiers were sent")
    assert is_negated(attribution, article) is negated


def test_covers_content_or_cue_sentence():
    text = "Officials said 18 soldiers deserted. Another 5 were missing. Police said 3 were found."
    article = _article(text)
    said = _attribution(text, "Officials", "said", "18 soldiers deserted")
    eighteen = Span(text.index("18"), text.index("18") + 2)
    five = Span(text.index("5 were"), text.index("5 were") + 1)
    assert covers(said, article, eighteen)
    assert not covers(said, article, five)


def test_attributed_names_use_name_then_source_words_then_via():
    text = "Newsweek, citing Suspilne, said 18 soldiers deserted."
    article = _article(text)
    named = _attribution(text, "Newsweek", "said", "18 soldiers", source_name="Newsweek",
                         via=["Suspilne", " "])  # fmt: skip
    assert attributed_names(named, article) == ["Newsweek", "Suspilne"]
    unnamed = _attribution(text, "Newsweek", "said", "18 soldiers")
    assert attributed_names(unnamed, article) == ["Newsweek"]
    agentless = Attribution(None, named.cue, named.content)
    assert attributed_names(agentless, article) == []


def test_sentence_of_without_sentences_uses_lines_and_full_stops():
    text = "Headline here\nFirst sentence. Then 18 soldiers deserted. Last one."
    article = _article(text, sentences=False)
    at = text.index("18")
    got = sentence_of(article, Span(at, at + 2))
    assert text[got.start : got.end] == "Then 18 soldiers deserted."


@pytest.mark.parametrize(
    ("text", "figure", "contested"),
    [
        ("The ministry denied that 3,000 soldiers were sent.", "3,000", True),
        ("The man who wounded 16 people has denied firing any shots.", "16", False),
        ("Reports of 3,000 soldiers are false, the ministry said.", "3,000", True),
        ("The figure was nowhere near 3,000, he said.", "3,000", True),
    ],
)
def test_flag_contests_only_what_follows_a_denying_verb(text, figure, contested):
    article = Article(id="a", source="a", text=text)
    sentence = Span(0, len(text))
    start = text.index(figure)
    span = Span(start, start + len(figure))
    assert flag_contests(article, sentence, sentence, span) is contested
    # a flag in another sentence contests nothing here
    assert not flag_contests(article, Span(len(text) + 5, len(text) + 9), sentence, span)
