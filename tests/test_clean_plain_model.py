"""The learned line model: JSON round trip, tree arithmetic, the shipped model, rules fallback."""

from __future__ import annotations

import numpy as np
import pytest

from storydesk.steps.clean import clean_plain_text
from storydesk.steps.clean.line_features import FEATURE_NAMES, PageLayout, line_features
from storydesk.steps.clean.line_model import LineModel, load_line_model
from storydesk.steps.clean.lines import measure
from storydesk.steps.clean.plain import analyse_page

# One stump on feature 0 (log words): short lines score -2, long ones +3.
STUMP = {"feature": [0, 0, 0], "threshold": [1.5, 0, 0], "left": [1, -1, -1],
         "right": [2, -1, -1], "value": [0.0, -2.0, 3.0]}  # fmt: skip
DEEP = {"feature": [2, 0, 0, 0, 0], "threshold": [0.5, 1.0, 0, 0, 0], "left": [1, 3, -1, -1, -1],
        "right": [2, 4, -1, -1, -1], "value": [0.0, 0.0, 5.0, -1.0, 1.0]}  # fmt: skip


def _rows(*columns: tuple[int, float]) -> np.ndarray:
    x = np.zeros((len(columns), len(FEATURE_NAMES)))
    for i, (feature, value) in enumerate(columns):
        x[i, feature] = value
    return x


@pytest.mark.parametrize(
    ("trees", "x", "expected"),
    [
        ([STUMP], _rows((0, 1.0), (0, 2.0)), [-1.5, 3.5]),
        ([STUMP, STUMP], _rows((0, 1.0), (0, 2.0)), [-3.5, 6.5]),
        ([DEEP], _rows((2, 1.0), (0, 0.5), (0, 2.0)), [5.5, -0.5, 1.5]),
        ([STUMP, DEEP], _rows((2, 1.0)), [-2.0 + 5.0 + 0.5]),
    ],
)
def test_line_model_scores_trees(trees, x, expected):
    model = LineModel(trees, baseline=0.5)
    assert model.decision(x) == pytest.approx(expected)
    assert LineModel.from_dict(model.to_dict()).decision(x) == pytest.approx(expected)


def test_line_model_rejects_other_features_and_formats():
    with pytest.raises(ValueError, match="other features"):
        LineModel([STUMP], 0.0, features=("words",))
    with pytest.raises(ValueError, match="format"):
        LineModel.from_dict({"format": "pickle"})
    with pytest.raises(ValueError, match="features"):
        LineModel([STUMP], 0.0).decision(np.zeros((2, 3)))


def test_shipped_model_loads_and_scores_pages():
    model = load_line_model()
    assert model is not None and model.trees
    layout = analyse_page("Menu\n\n" + "A sentence with enough words to be read as body text. " * 3)
    probability = model.probability(line_features(layout.layout))
    assert probability.shape == (2,) and probability[1] > probability[0]


@pytest.mark.parametrize("lines", [[], ["x"], ["Menu", "Search"], ["a " * 40 + "."] * 9])
def test_line_features_shape(lines):
    parsed = [measure(i, text) for i, text in enumerate(lines)]
    layout = PageLayout(parsed, [None] * len(parsed), (0, len(parsed)), len(parsed), len(parsed))
    x = line_features(layout)
    assert x.shape == (len(lines), len(FEATURE_NAMES)) and np.isfinite(x).all()


def test_model_never_overrides_metadata_lines():
    body = (
        "The city council approved the new budget on Monday after a debate that lasted "
        "more than six hours, officials said."
    )
    text = "\n".join(["Translated and adapted from German by Léa Krejci", body, body + " Again."])
    keep_all = LineModel([], baseline=10.0)  # a model that calls every line body
    result = clean_plain_text(text, model=keep_all)
    assert "Translated" not in result.text
    assert result.translator == "Léa Krejci"


def test_rules_body_kept_when_model_keeps_nothing():
    drop_all = LineModel([], baseline=-10.0)
    assert clean_plain_text("Meeting moved to Friday.", model=drop_all).text == (
        "Meeting moved to Friday."
    )


def _random_tree(rng: np.random.Generator, leaves: int) -> dict[str, list[float]]:
    """A random binary tree with ``leaves`` leaves in scikit-learn's node-array layout."""
    feature, threshold, left, right, value = [0], [0.0], [-1], [-1], [0.0]
    open_leaves = [0]
    while len(open_leaves) < leaves:
        node = open_leaves.pop(int(rng.integers(len(open_leaves))))
        feature[node] = int(rng.integers(len(FEATURE_NAMES)))
        threshold[node] = float(rng.choice([0.0, 0.5, 1.0]))
        for side in (left, right):
            side[node] = len(value)
            open_leaves.append(len(value))
            feature.append(0), threshold.append(0.0), left.append(-1), right.append(-1)
            value.append(float(rng.normal()))
    return {
        "feature": feature,
        "threshold": threshold,
        "left": left,
        "right": right,
        "value": value,
    }


def _walk(tree: dict[str, list[float]], row: np.ndarray) -> float:
    node = 0
    while tree["left"][node] >= 0:
        go_left = row[tree["feature"][node]] <= tree["threshold"][node]
        node = tree["left"][node] if go_left else tree["right"][node]
    return tree["value"][node]


@pytest.mark.parametrize("leaves", [1, 2, 7, 8, 9, 40, 64])
def test_line_model_bit_masks_score_as_a_walk(leaves):
    # Up to eight leaves a tree's masks are bytes; wider trees take 64-bit masks.
    rng = np.random.default_rng(leaves)
    trees = [_random_tree(rng, leaves) for _ in range(5)] + [_random_tree(rng, 3)]
    x = rng.choice([0.0, 0.5, 1.0, 2.0, np.nan], size=(60, len(FEATURE_NAMES)))
    expected = [0.25 + sum(_walk(t, row) for t in trees) for row in x]
    assert LineModel(trees, baseline=0.25).decision(x) == pytest.approx(expected)


def test_line_model_rejects_trees_past_64_leaves():
    with pytest.raises(ValueError, match="65 leaves"):
        LineModel([_random_tree(np.random.default_rng(0), 65)], 0.0)


def test_rules_body_kept_when_model_keeps_only_what_rules_removed():
    # A model that keeps only the lines outside the rules' body region (here: the menu) has
    # kept nothing of the rules' body: the page keeps the rules' verdicts, not the menu.
    region = FEATURE_NAMES.index("in_region")
    outside = {"feature": [region, 0, 0], "threshold": [0.5, 0, 0], "left": [1, -1, -1],
               "right": [2, -1, -1], "value": [0.0, 10.0, -10.0]}  # fmt: skip
    body = [
        "The city council approved the new budget on Monday after a debate of six hours.",
        "Officials said the money would go to schools, roads and the new public library.",
        "The opposition voted against the plan and said it would raise local taxes again.",
    ]
    text = "\n".join(["Home", "World News", "Sport", *body])
    result = clean_plain_text(text, model=LineModel([outside], baseline=0.0))
    assert result.text.split("\n\n") == body
