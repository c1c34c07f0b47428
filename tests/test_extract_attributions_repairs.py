"""Structural recall: speakers reached through participles and infinitives, and repairs for
reporting verbs the parser got wrong (``cue_verbs._speaker``, ``cue_repairs``)."""

from __future__ import annotations

import pytest

from storydesk.steps.extract.attributions import find_attributions


def _found(nlp, text: str) -> list[tuple[str, str, str]]:
    out = []
    for att in find_attributions(nlp(text)):
        source = "" if att.source is None else text[att.source.start : att.source.end]
        out.append(
            (source, text[att.cue.start : att.cue.end], text[att.content.start : att.content.end])
        )
    return out


@pytest.mark.parametrize(
    ("text", "source", "cue", "content_word"),
    [
        # "by saying": the subject of the verb the preposition hangs off
        ("Trump landed himself in hot water last week by saying that the judge was biased.",
         "Trump", "saying", "judge"),
        # purpose infinitive
        ("Tom Emanuel stood at a Bush event here to say he was leaning toward Mr. Trump.",
         "Tom Emanuel", "say", "leaning"),
        # adjective complement
        ("Democratic voters are more likely to say that Clinton represents their positions.",
         "Democratic voters", "say", "Clinton"),
        # a quotation begun in the sentence before the speaker's
        ("“Like Oakland. Or Ferguson,” Trump said. “The crime numbers are worse.”",
         "Trump", "said", "Oakland"),
        # inverted speaker parsed as the object
        ("“Look, Hillary needed to split the first two primaries,” added a South Carolina Democrat.",
         "South Carolina Democrat", "added", "Hillary"),
        # speaker parsed as a conjunct of the clause before
        ("Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said that he "
         "spoke with Mr. Sanders on Tuesday.", "Harry Reid", "said", "Sanders"),
        # object gap of a relative clause
        ("Carson said that his knife was stopped by a belt buckle, something that Trump mocked.",
         "Trump", "mocked", "something"),
    ],
)  # fmt: skip
def test_structural_speaker_is_found(
    nlp, text: str, source: str, cue: str, content_word: str
) -> None:
    found = _found(nlp, text)
    hits = [f for f in found if f[1] == cue and source in f[0]]
    assert hits, found
    assert any(content_word in f[2] for f in hits), found


@pytest.mark.parametrize(
    "text",
    [
        "The weather was mild on Tuesday and the market opened late.",
        "Officials opened the new bridge, which carries four lanes of traffic.",
    ],
)
def test_no_repair_invents_a_speaker(nlp, text: str) -> None:
    assert _found(nlp, text) == []
