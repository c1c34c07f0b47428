"""The learned line classifier: gradient-boosted trees stored as JSON, evaluated with numpy.

The model is trained by ``eval/train_line_model.py`` on the article-extraction-benchmark (a line
is body when its words are in the hand-made gold body) and shipped as ``line_model.json`` beside
this module: plain numbers, no pickle, so it loads under any scikit-learn version or none.

All trees are evaluated at once for all lines of a page: the trees are padded into arrays
(``feature``, ``threshold``, ``left``, ``right``, ``value``; a leaf points to itself) and every
line walks every tree one level per numpy step, so a page costs ``depth`` array operations.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from storydesk.steps.clean.line_features import FEATURE_NAMES

FORMAT = "storydesk.line_model/1"
MODEL_PATH = Path(__file__).with_name("line_model.json")


class LineModel:
    """A binary classifier over ``FEATURE_NAMES`` rows: the probability that a line is body."""

    def __init__(
        self,
        trees: Sequence[Mapping[str, Sequence[float]]],
        baseline: float,
        threshold: float = 0.5,
        features: Sequence[str] = FEATURE_NAMES,
        meta: Mapping[str, Any] | None = None,
    ) -> None:
        if tuple(features) != FEATURE_NAMES:
            raise ValueError(
                "the line model was trained on other features than line_features computes; "
                "regenerate it with eval/train_line_model.py"
            )
        self.trees = [dict(tree) for tree in trees]
        self.baseline = float(baseline)
        self.threshold = float(threshold)
        self.meta = dict(meta or {})
        self._pack()

    def _pack(self) -> None:
        width = max((len(t["value"]) for t in self.trees), default=1)
        count = len(self.trees)
        self._feature = np.zeros((count, width), dtype=np.intp)
        self._threshold = np.full((count, width), np.inf)
        self._left = np.tile(np.arange(width, dtype=np.intp), (count, 1))
        self._right = self._left.copy()
        self._value = np.zeros((count, width))
        depth = 0
        for t, tree in enumerate(self.trees):
            size = len(tree["value"])
            left = np.asarray(tree["left"], dtype=np.intp)
            right = np.asarray(tree["right"], dtype=np.intp)
            leaf = left < 0
            nodes = np.arange(size)
            self._feature[t, :size] = np.where(leaf, 0, tree["feature"])
            self._threshold[t, :size] = np.where(leaf, np.inf, tree["threshold"])
            self._left[t, :size] = np.where(leaf, nodes, left)
            self._right[t, :size] = np.where(leaf, nodes, right)
            self._value[t, :size] = tree["value"]
            depth = max(depth, _depth(left, right))
        self._depth = depth
        # Flat views: node (t, n) is t * width + n, so a walk step is a few 1-d gathers.
        offset = (np.arange(count) * width)[:, None]
        self._flat_feature = self._feature.ravel()
        self._flat_threshold = self._threshold.ravel()
        self._flat_left = (self._left + offset).ravel()
        self._flat_right = (self._right + offset).ravel()
        self._flat_value = self._value.ravel()
        self._roots = offset

    def decision(self, features: np.ndarray) -> np.ndarray:
        """The raw score (log-odds of "body") of each row."""
        x = np.asarray(features, dtype=float)
        if x.ndim != 2 or x.shape[1] != len(FEATURE_NAMES):
            raise ValueError(f"expected rows of {len(FEATURE_NAMES)} features, got {x.shape}")
        if not len(x) or not self.trees:
            return np.full(len(x), self.baseline)
        flat_x = np.ascontiguousarray(x).ravel()
        row_start = (np.arange(len(x)) * x.shape[1])[None, :]
        node = np.repeat(self._roots, len(x), axis=1)
        for _ in range(self._depth):
            value = flat_x[row_start + self._flat_feature[node]]
            go_left = value <= self._flat_threshold[node]
            node = np.where(go_left, self._flat_left[node], self._flat_right[node])
        return self.baseline + self._flat_value[node].sum(axis=0)

    def probability(self, features: np.ndarray) -> np.ndarray:
        """The probability that each row is a body line."""
        return 1.0 / (1.0 + np.exp(-self.decision(features)))

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form that ``from_dict`` reads back."""
        return {
            "format": FORMAT,
            "features": list(FEATURE_NAMES),
            "baseline": self.baseline,
            "threshold": self.threshold,
            "meta": self.meta,
            "trees": self.trees,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LineModel:
        """Build from ``to_dict`` output; a wrong format or feature list raises ``ValueError``."""
        if data.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} model: format={data.get('format')!r}")
        return cls(
            data["trees"], data["baseline"], data.get("threshold", 0.5), data["features"],
            data.get("meta"),
        )  # fmt: skip


def _depth(left: np.ndarray, right: np.ndarray) -> int:
    depth, frontier = 0, [0]
    while frontier:
        children = [c for n in frontier for c in (left[n], right[n]) if c >= 0]
        if not children:
            break
        depth += 1
        frontier = children
    return depth


@lru_cache(maxsize=1)
def load_line_model(path: Path = MODEL_PATH) -> LineModel | None:
    """The shipped model, loaded once; ``None`` when the file is missing (rules alone then)."""
    if not path.exists():
        return None
    return LineModel.from_dict(json.loads(path.read_text(encoding="utf-8")))
