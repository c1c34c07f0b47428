"""Line-initial colon cues ("Trump: ‘...’", "TAPPER: ...") and what they must not catch."""

from __future__ import annotations

import pytest

from storydesk.steps.extract.attributions import find_attributions


def _colon(nlp, text: str) -> list[tuple[str, str]]:
    out = []
    for att in find_attributions(nlp(text)):
        if text[att.cue.start : att.cue.end] == ":" and att.source is not None:
            out.append((text[att.source.start : att.source.end], att.source_name))
    return out


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Trump: ‘I’m the Worst Thing That Ever Happened to Them’\nHe spoke on Monday.", "Trump"),
        ("Clinton camp: Trump’s rhetoric threatens national security.\nMore text here.",
         "Clinton camp"),
        ("TAPPER: Do you think Donald Trump has campaigned as a healer?", "TAPPER"),
        ("Gillibrand on Hillary Releasing Her Speeches: ‘I Think She Will.’", "Gillibrand"),
    ],
)  # fmt: skip
def test_line_initial_speaker_colon(nlp, text: str, source: str) -> None:
    assert [s for s, _ in _colon(nlp, text)] == [source]


@pytest.mark.parametrize(
    "text",
    [
        "Editor’s Note: The following is part 3 of an exclusive series of excerpts.",
        "Follow AWR Hawkins on Twitter: @AWRHawkins for more news on this topic.",
        "UPDATE: The story has been updated with new figures from the ministry.",
        "The plan has three parts: taxes, spending and new rules for banks.",
        "But beware, Republicans: the opposition is stronger than it looks today.",
        "Meeting at 10:30 with the full committee and several guests.",
        "Trump: yes.",
    ],
)
def test_labels_and_lists_are_not_speakers(nlp, text: str) -> None:
    assert _colon(nlp, text) == []
