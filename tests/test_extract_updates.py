"""Update language is read from the parse: the update words must govern the very number."""

from __future__ import annotations

import pytest

from storydesk.steps.extract.updates import find_updates


def _cues(nlp, text: str) -> list[tuple[str, str, str, str, bool]]:
    out = []
    for cue in find_updates(nlp(text)):
        assert 0 <= cue.words.start < cue.words.end <= len(text)
        assert cue.words.start <= cue.number.start < cue.number.end <= cue.words.end
        number, words = (
            text[cue.number.start : cue.number.end],
            text[cue.words.start : cue.words.end],
        )
        out.append((number, words, cue.direction, cue.role, cue.tally))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The death toll has risen to five.",
         ("five", "The death toll has risen to five", "up", "killed", True)),
        ("The death toll from the blast rose from 4 to 5 on Tuesday.",
         ("5", "The death toll from the blast rose from 4 to 5", "up", "killed", True)),
        ("One of the injured later died, raising the death toll to five.",
         ("five", "raising the death toll to five", "up", "killed", True)),
        ("Police said the attack left 5 dead, bringing the total to 5.",
         ("5", "bringing the total to 5", "up", "", True)),
        ("The number of dead now stands at 12.",
         ("12", "The number of dead now stands at 12", "either", "killed", True)),
        ("The toll reached 12 on Friday.", ("12", "The toll reached 12", "up", "killed", True)),
        ("The number of injured climbed to 7.",
         ("7", "The number of injured climbed to 7", "up", "injured", True)),
        ("Authorities revised the death toll upward to 12.",
         ("12", "revised the death toll upward to 12", "up", "killed", True)),
        ("The updated death toll is 12.",
         ("12", "The updated death toll is 12", "either", "killed", True)),
        ("Two more victims have since died.",
         ("Two", "Two more victims have since died", "up", "killed", False)),
        ("Fuel prices rose to $5 after the blast.",
         ("5", "Fuel prices rose to $5", "up", "", False)),
        ("Attendance fell to 300 on the second day.",
         ("300", "Attendance fell to 300", "down", "", False)),
    ],
)  # fmt: skip
def test_update_words_govern_the_number(nlp, text, expected):
    assert expected in _cues(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Four people were killed in the blast.",
        "The gunman hit 3 people outside the bar.",
        "Rescuers reached 12 survivors before dawn.",
        "He was taken to 3 hospitals.",
        "The company updated its app to version 9.",
        # a downward revision is a correction (contested), not a development
        "Police revised the death toll down from 12 to 9 on Friday.",
        # a death that is not later than the report is no update
        "Two people died at the scene.",
        "",
    ],
)
def test_no_update_without_update_grammar(nlp, text):
    assert _cues(nlp, text) == []


def test_update_words_on_another_number_leave_the_count_alone(nlp):
    text = "Prices rose to $5 after 5 people were killed."
    cues = _cues(nlp, text)
    assert [c[0] for c in cues] == ["5"]
    assert cues[0][1] == "Prices rose to $5"
