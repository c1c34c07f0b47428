"""Page choice: the model's confidence in what it keeps, the learned floor, and the switch to
the rules' output on pages where the model is unsure."""

from __future__ import annotations

import numpy as np
import pytest

from storydesk.steps.clean import clean_plain_text
from storydesk.steps.clean.line_model import LineModel, load_line_model
from storydesk.steps.clean.page_choice import (
    NO_FLOOR,
    confidence_floor,
    learn_floor,
    page_confidence,
)

MENU = ["Home", "World", "Sports", "Weather"]
BODY = [
    "The city council approved the new budget on Monday after a debate of six hours.",
    "Officials said the money would go to schools, roads and the new public library.",
]


@pytest.mark.parametrize(
    ("probability", "words", "keep", "expected"),
    [
        ([0.9, 0.6], [10, 30], [True, True], (9 + 18) / 40),
        ([0.9, 0.6], [10, 30], [True, False], 0.9),
        ([0.2, 0.3], [5, 5], [False, False], 1.0),  # keeps nothing: nothing to doubt
        ([0.8, 0.8], [0, 0], [True, True], 1.0),  # kept lines without words
        ([], [], [], 1.0),
    ],
)
def test_page_confidence_is_word_weighted_mean_of_kept(probability, words, keep, expected):
    got = page_confidence(np.array(probability), np.array(words), np.array(keep, dtype=bool))
    assert got == pytest.approx(expected)


@pytest.mark.parametrize(
    ("meta", "expected"),
    [({}, NO_FLOOR), ({"page_floor": 0.9}, 0.9), ({"page_floor": "x"}, NO_FLOOR),
     ({"page_floor": None}, NO_FLOOR), ({"page_floor": float("nan")}, NO_FLOOR)],
)  # fmt: skip
def test_confidence_floor_reads_meta_safely(meta, expected):
    assert confidence_floor(meta) == expected


@pytest.mark.parametrize(
    ("confidence", "model_f1", "rules_f1", "floor"),
    [
        # Rules win on the two unsure pages: the floor sits just above them.
        ([0.6, 0.7, 0.95, 0.99], [0.2, 0.5, 0.9, 1.0], [0.8, 0.9, 0.5, 0.6], 0.71),
        # The model always wins: no floor.
        ([0.6, 0.95], [0.9, 0.9], [0.5, 0.5], NO_FLOOR),
        ([], [], [], NO_FLOOR),
    ],
)
def test_learn_floor_maximises_mean_f1(confidence, model_f1, rules_f1, floor):
    learned, f1 = learn_floor(confidence, model_f1, rules_f1)
    assert learned == pytest.approx(floor)
    if confidence:
        switched = np.where(np.array(confidence) < learned, rules_f1, model_f1)
        assert f1 == pytest.approx(switched.mean()) and f1 >= np.mean(model_f1)


def _unsure_menu_model(floor: float) -> LineModel:
    """A model that keeps every line, the menu with probability 0.55 and body lines with 0.65:
    an unsure page (confidence about 0.63)."""
    words = 0  # feature 0 is log words: menu items have one word, body lines many
    tree = {"feature": [words, 0, 0], "threshold": [1.0, 0, 0], "left": [1, -1, -1],
            "right": [2, -1, -1], "value": [0.0, 0.2, 0.62]}  # fmt: skip
    return LineModel([tree], baseline=0.0, meta={"page_floor": floor})


@pytest.mark.parametrize(("floor", "menu_kept"), [(NO_FLOOR, True), (0.6, True), (0.9, False)])
def test_unsure_page_takes_rules_output(floor, menu_kept):
    text = "\n".join(MENU + BODY)
    result = clean_plain_text(text, model=_unsure_menu_model(floor))
    assert all(line in result.text for line in BODY)
    assert ("Weather" in result.text) is menu_kept
    if not menu_kept:  # the rules' verdicts, with their reasons
        assert result.text == clean_plain_text(text, model=False).text


def test_shipped_model_carries_a_floor_in_range():
    model = load_line_model()
    assert model is not None
    assert 0.5 <= confidence_floor(model.meta) < 1.0
