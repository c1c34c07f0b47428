"""Source spans that must not swallow the content's subject, active "claimed to" with its own
speaker, noun-modifying participle cues, clause-only verbs and a bare "X said." sentence."""

from __future__ import annotations

import pytest

from storydesk.steps.extract.attributions import find_attributions


def _spans(text: str, att) -> tuple[str | None, str, str]:
    source = None if att.source is None else text[att.source.start : att.source.end]
    return source, text[att.cue.start : att.cue.end], text[att.content.start : att.content.end]


SWALLOWED = [
    # a join repair ("LIGANorth" -> "LIGA North") left the clause's subject after the source
    ("According to the source cited by LIGA North Korean soldiers were to form a battalion.",
     "LIGA", "North Korean soldiers were to form a battalion"),
    ("According to Reuters, the soldiers were missing.", "Reuters", "the soldiers were missing"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "source", "content"), SWALLOWED, ids=["joined", "comma"])
def test_source_never_swallows_the_content_subject(nlp, text, source, content) -> None:
    found = [_spans(text, a) for a in find_attributions(nlp(text))]
    assert (source, "According to", content) in found
    assert all(s is None or "soldiers" not in s for s, _, _ in found)


CASES = [
    # text, source, cue, content
    ("Christie was begging a woman who claimed to be undecided to cast her ballot.", "who",
     "claimed", "to be undecided to cast her ballot"),
    ("Richard Gaby gave $50,000 to a super PAC backing Marco Rubio.", "a super PAC", "backing",
     "Marco Rubio"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "source", "cue", "content"), CASES, ids=["claimed", "backing"])
def test_found(nlp, text, source, cue, content) -> None:
    assert (source, cue, content) in [_spans(text, a) for a in find_attributions(nlp(text))]


@pytest.mark.parametrize(
    "text",
    ["The two countries maintained close ties for decades.", "He gave a long speech in Ohio."],
)
def test_clause_only_verbs_need_a_clause(nlp, text) -> None:
    assert find_attributions(nlp(text)) == []


def test_clause_only_verb_with_a_clause(nlp) -> None:
    text = "Sanders maintained that the deal was a mistake."
    found = [_spans(text, a) for a in find_attributions(nlp(text))]
    assert ("Sanders", "maintained", "that the deal was a mistake") in found


def test_are_said_to_stays_agentless(nlp) -> None:
    text = "The troops are said to have left."
    found = find_attributions(nlp(text))
    assert found and all(a.source is None for a in found)
