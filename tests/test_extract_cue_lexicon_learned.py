"""The learned cue lexicon: shipped lemmas widen the hand lists; overrides and the open mode."""

from __future__ import annotations

import pytest

from storydesk.steps.extract import attr_filter, cue_lexicon
from storydesk.steps.extract.attributions import attribution_candidates, find_attributions

TEXT = "The senator chided the governor for the delay in the vote."


@pytest.mark.parametrize(
    ("pos", "lemma"), [("VERB", "say"), ("NOUN", "claim"), ("ADJ", "confident")]
)
def test_hand_listed_lemmas_stay_cues(pos: str, lemma: str) -> None:
    with cue_lexicon.using({}):
        assert cue_lexicon.is_cue(pos, lemma)


@pytest.mark.parametrize(("data", "expected"), [({}, False), ({"cues": {"VERB": ["chide"]}}, True)])
def test_override_decides_learned_lemmas(data: dict[str, object], expected: bool) -> None:
    with cue_lexicon.using(data):
        assert cue_lexicon.is_cue("VERB", "chide") is expected
    assert "chide" in cue_lexicon.learned("VERB")  # the shipped lexicon is back after the block


@pytest.mark.parametrize("data", [{}, {"cues": "garbage", "lemmas": [1, 2]}])
def test_missing_or_malformed_lexicon_falls_back_to_hand_lists(data: dict[str, object]) -> None:
    with cue_lexicon.using(data):
        assert cue_lexicon.learned("VERB") == frozenset()
        assert cue_lexicon.prior("VERB", "say") == 0.5
        assert not cue_lexicon.is_cue("VERB", "walk")


def test_open_lexicon_admits_any_lemma_only_inside_the_block() -> None:
    with cue_lexicon.open_lexicon():
        assert cue_lexicon.is_cue("VERB", "walk")
    assert not cue_lexicon.is_cue("VERB", "walk")


@pytest.mark.parametrize(("data", "found"), [({}, False), ({"cues": {"VERB": ["chide"]}}, True)])
def test_learned_verb_cues_an_attribution(nlp, data: dict[str, object], found: bool) -> None:
    with cue_lexicon.using(data):
        atts = find_attributions(nlp(TEXT))
    sources = [TEXT[a.source.start : a.source.end] for a in atts if a.source is not None]
    assert ("The senator" in sources) is found


def test_candidates_carry_their_rule(nlp) -> None:
    pairs = attribution_candidates(nlp("Officials said the bridge was closed."))
    assert [(c.rule, c.cue_lemma) for _, c in pairs] == [("verb", "say")]


@pytest.mark.parametrize("model", [{}, {"weights": "garbage"}])
def test_filter_without_a_model_keeps_everything(model: dict[str, object]) -> None:
    assert attr_filter.probability({"bias": 1.0}, model) == 1.0


def test_learned_filter_keeps_a_plain_report(nlp) -> None:
    text = "Officials said the bridge was closed after the storm."
    atts = find_attributions(nlp(text), learned_filter=True)
    assert [text[a.cue.start : a.cue.end] for a in atts] == ["said"]
