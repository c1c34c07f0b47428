"""Broad attribution cues (stance verbs, nouns, adjectives, light verbs), relative-pronoun and
quoted-speaker sources, "according to" any document, and the univocal ``outermost`` view."""

from __future__ import annotations

import pytest

from storydesk.steps.extract.attributions import find_attributions, outermost

CASES = [
    # text, source as written, cue, content, resolved name
    ("Clinton praised her effort on the bill.", "Clinton", "praised", "her effort on the bill",
     "Clinton"),
    ("Cruz opposes the nuclear deal with Iran.", "Cruz", "opposes", "the nuclear deal with Iran",
     "Cruz"),
    ("The senator, who said the plan would fail, left early.", "who", "said",
     "the plan would fail", "senator"),
    ("Sanders leads by six points, according to the results.", "the results", "according to",
     "Sanders leads by six points", "results"),
    ("Clinton's claim that Trump is unfit drew applause.", "Clinton's", "claim",
     "that Trump is unfit", "Clinton"),
    ("Trump is confident that he will win Florida.", "Trump", "is confident",
     "that he will win Florida", "Trump"),
    ("''We will win this state,'' Mr. Trump said.", "Mr. Trump", "said", "We will win this state",
     "Trump"),
    ("Rubio made the case that the deal is dangerous.", "Rubio", "made",
     "the case that the deal is dangerous", "Rubio"),
]  # fmt: skip


def _spans(text: str, att) -> tuple[str | None, str, str]:
    source = None if att.source is None else text[att.source.start : att.source.end]
    return source, text[att.cue.start : att.cue.end], text[att.content.start : att.content.end]


@pytest.mark.parametrize(("text", "source", "cue", "content", "name"), CASES,
                         ids=[c[0][:30] for c in CASES])  # fmt: skip
def test_broad_cues(nlp, text, source, cue, content, name) -> None:
    found = find_attributions(nlp(text))
    assert (source, cue, content) in [_spans(text, a) for a in found]
    att = next(a for a in found if _spans(text, a)[1] == cue)
    assert att.source_name == name


@pytest.mark.parametrize(
    "text", ["Clinton visited Ohio on Tuesday.", "The rally was praised.", "Sen. Smith is tall."]
)
def test_no_attribution_without_speaker_or_stance(nlp, text) -> None:
    assert find_attributions(nlp(text)) == []


def test_outermost_drops_nested_cues(nlp) -> None:
    text = "Trump said he thinks the election is rigged."
    found = find_attributions(nlp(text))
    cues = [_spans(text, a)[1] for a in found]
    assert cues == ["said", "thinks"]  # nested attributions are kept for chaining
    assert [_spans(text, a)[1] for a in outermost(found)] == ["said"]


def test_quote_cue_inside_typewriter_quotes_is_not_an_attribution(nlp) -> None:
    text = "''I think we will win this state easily,'' she said."
    found = find_attributions(nlp(text))
    assert [_spans(text, a)[:2] for a in found] == [("she", "said")]
