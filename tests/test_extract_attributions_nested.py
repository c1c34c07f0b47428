"""Negated cues and the PolNeAR reduction ``outermost`` (nested attributions, one per cue)."""

from __future__ import annotations

import pytest

from storydesk.steps.extract.attributions import find_attributions, outermost


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Clinton, a Democrat, did not mention Donald Trump by name.", "Clinton"),
        ("Trump's campaign did not respond to emailed questions about his investments.", "campaign"),
    ],
)
def test_active_negated_cue_keeps_its_speaker(nlp, text: str, source: str) -> None:
    atts = find_attributions(nlp(text))
    negated = [a for a in atts if "not" in text[a.cue.start - 8 : a.cue.start]]
    assert negated, [text[a.cue.start : a.cue.end] for a in atts]
    assert source in text[negated[0].source.start : negated[0].source.end]


@pytest.mark.parametrize(
    "text",
    [
        "The report has not been confirmed by independent sources.",
        "The weather was mild on Tuesday and the market opened late.",
    ],
)
def test_no_attribution_without_a_speaking_source(nlp, text: str) -> None:
    assert [a for a in find_attributions(nlp(text)) if a.source is not None] == []


def test_outermost_keeps_one_attribution_per_cue(nlp) -> None:
    text = 'Kerry said that 100,000 would be accepted. "That adds up to 185,000," he said.'
    doc = nlp(text)
    kept = outermost(find_attributions(doc), doc)
    cues = [(a.cue.start, a.cue.end) for a in kept]
    assert len(cues) == len(set(cues))


def test_outermost_without_doc_drops_every_nested_attribution(nlp) -> None:
    text = "Suspilne reported that officials said the soldiers had fled."
    doc = nlp(text)
    atts = find_attributions(doc)
    kept = outermost(atts)
    assert all(
        not (o.content.start <= a.cue.start and a.cue.end <= o.content.end)
        for a in kept
        for o in atts
        if o is not a
    )
