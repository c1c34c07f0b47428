"""The packed tree scoring gives a node-by-node walk's sums, for byte- and 64-bit-wide trees."""

from __future__ import annotations

import random

import numpy as np
import pytest

from storydesk.steps.clean.line_features import FEATURE_NAMES
from storydesk.steps.clean.line_model import LineModel


def _random_tree(rng: random.Random, leaves: int) -> dict[str, list[float]]:
    """A tree with ``leaves`` leaves, split on random features and thresholds."""
    tree: dict[str, list[float]] = {"feature": [], "threshold": [], "left": [], "right": [],
                                    "value": []}  # fmt: skip

    def grow(count: int) -> int:
        node = len(tree["value"])
        for key in tree:
            tree[key].append(0)
        if count == 1:
            tree["left"][node] = tree["right"][node] = -1
            tree["value"][node] = rng.uniform(-2, 2)
            return node
        left = rng.randint(1, count - 1)
        tree["feature"][node] = rng.randrange(len(FEATURE_NAMES))
        tree["threshold"][node] = rng.uniform(0, 1)
        tree["left"][node] = grow(left)
        tree["right"][node] = grow(count - left)
        return node

    grow(leaves)
    return tree


def _walk(tree: dict[str, list[float]], row: np.ndarray) -> float:
    node = 0
    while tree["left"][node] >= 0:
        go_left = row[int(tree["feature"][node])] <= tree["threshold"][node]
        node = int(tree["left"][node] if go_left else tree["right"][node])
    return tree["value"][node]


@pytest.mark.parametrize("leaves", [2, 8, 9, 40])
def test_clean_model_scoring_matches_a_walk(leaves: int):
    rng = random.Random(leaves)
    trees = [_random_tree(rng, rng.randint(2, leaves)) for _ in range(7)]
    x = np.random.default_rng(leaves).uniform(0, 1, size=(30, len(FEATURE_NAMES)))
    model = LineModel(trees, baseline=0.25)
    expected = [0.25 + sum(_walk(tree, row) for tree in trees) for row in x]
    assert model.decision(x) == pytest.approx(expected)


@pytest.mark.parametrize(("leaves", "count"), [(8, 1), (8, 256), (8, 300), (40, 3)])
def test_clean_model_scoring_sums_trees_in_order(leaves: int, count: int):
    # The scores are summed tree by tree, as the walk adds them: equal floats, not just close.
    # 300 byte-wide trees take a 32-bit table index, 256 the 16-bit one.
    rng = random.Random(count)
    trees = [_random_tree(rng, rng.randint(2, leaves)) for _ in range(count)]
    x = np.random.default_rng(count).uniform(0, 1, size=(25, len(FEATURE_NAMES)))
    model = LineModel(trees, baseline=-0.5)
    expected = [-0.5 + sum(_walk(tree, row) for tree in trees) for row in x]
    assert model.decision(x).tolist() == expected
