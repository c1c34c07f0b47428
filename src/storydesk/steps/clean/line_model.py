"""The learned line classifier: gradient-boosted trees stored as JSON, evaluated with numpy.

The model is trained by ``eval/train_line_model.py`` on the article-extraction-benchmark (a line
is body when its words are in the hand-made gold body) and shipped as ``line_model.json`` beside
this module: plain numbers, no pickle, so it loads under any scikit-learn version or none.

All trees are evaluated at once for all lines of a page: every split of every tree is tested on
every line in one array comparison, and each tree's leaf is found with bit masks (see
``LineModel._pack``), so a page costs a handful of array operations per split of the largest tree.
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
MAX_LEAVES = 64  # per tree: one bit each in ``decision``
# The number of the lowest set bit of each byte (a byte with none never occurs: a leaf is reached).
_LOWEST_BIT = np.array([(b & -b).bit_length() - 1 for b in range(256)], dtype=np.intp)


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
        """Lay the trees out for ``decision``: every split of every tree as one row of tests.

        Scoring follows QuickScorer (Lucchese et al., 2015): a tree's leaves are numbered left to
        right and each is one bit. A split whose test fails (the row goes right) rules out the
        leaves of its left subtree, so its row holds a mask with those bits cleared. AND-ing
        the masks of the failed splits leaves the reached leaf as the lowest set bit: no walk
        from node to node, only whole-array comparisons and ANDs.
        """
        tests: list[list[tuple[int, float, int]]] = []  # per tree: (feature, threshold, mask)
        values: list[list[float]] = []  # per tree: leaf values, left to right
        for tree in self.trees:
            leaves: list[float] = []
            splits: list[tuple[int, float, int]] = []
            _number_leaves(tree, 0, leaves, splits)
            if len(leaves) > MAX_LEAVES:
                raise ValueError(
                    f"a tree has {len(leaves)} leaves; at most {MAX_LEAVES} are scored"
                )
            tests.append(splits)
            values.append(leaves)
        count = len(self.trees)
        width = max((len(t) for t in tests), default=0) or 1
        widest = max((len(v) for v in values), default=1)
        # Eight leaves fit a byte, whose lowest set bit is a table look-up; wider trees take 64 bits.
        self._dtype = np.uint8 if widest <= 8 else np.uint64
        full = int(np.iinfo(self._dtype).max)
        # Row k * count + t is split k of tree t; trees with fewer splits are padded with tests
        # that never fail (threshold +inf on a finite value) and masks that rule nothing out.
        split = np.zeros((width, count), dtype=np.intp)  # the split's test, in ``_tests``
        masks = np.full((width, count), full, dtype=self._dtype)
        leaf_value = np.zeros((count, 8 if self._dtype == np.uint8 else widest))
        distinct: dict[tuple[int, float], int] = {(0, np.inf): 0}
        for t, (splits, leaves) in enumerate(zip(tests, values, strict=True)):
            for k, (f, limit, mask) in enumerate(splits):
                split[k, t] = distinct.setdefault((f, limit), len(distinct))
                masks[k, t] = mask & full
            leaf_value[t, : len(leaves)] = leaves
        # Trees share tests (the shipped model: 285 distinct among 897 splits): each is run once.
        self._test_feature = np.array([f for f, _ in distinct], dtype=np.intp)
        self._test_threshold = np.array([limit for _, limit in distinct])[:, None]
        self._split = split.ravel()
        self._masks = masks.reshape(width * count, 1)
        self._full = masks.dtype.type(full)
        self._width = width
        self._leaf_value = leaf_value
        if self._dtype == np.uint8:
            # The value of the leaf whose bit is the lowest set bit of each byte, per tree: tree
            # t's table starts at t * 256, so ``(t << 8) | byte`` is the index. A 16-bit index
            # (up to 256 trees) is cheaper to build and to read than a pointer-sized one.
            self._byte_value = leaf_value[:, _LOWEST_BIT].ravel()
            index_type = np.uint16 if count <= 256 else np.uint32
            self._tree_offset = (np.arange(count) * 256).astype(index_type)[:, None]

    def decision(self, features: np.ndarray) -> np.ndarray:
        """The raw score (log-odds of "body") of each row."""
        x = np.asarray(features, dtype=float)
        if x.ndim != 2 or x.shape[1] != len(FEATURE_NAMES):
            raise ValueError(f"expected rows of {len(FEATURE_NAMES)} features, got {x.shape}")
        if not len(x) or not self.trees:
            return np.full(len(x), self.baseline)
        count = len(self.trees)
        # Lines along the last axis throughout: each step works on contiguous runs of lines
        # (``take`` along axis 0 copies whole rows; fancy indexing goes element by element).
        passed = np.ascontiguousarray(x.T).take(self._test_feature, axis=0) <= self._test_threshold
        # A passed test rules nothing out (all bits set): ``mask | -passed`` in unsigned
        # arithmetic, which is np.where(passed, full, mask) without its broadcasting cost. On
        # bytes, the bools are negated as bytes (0 or 255) once per distinct test, before the
        # split rows are gathered; on 64 bits they are widened after the gather.
        if self._dtype == np.uint8:
            ruled_out = np.negative(passed.view(np.uint8)).take(self._split, axis=0)
        else:
            ruled_out = np.negative(passed.take(self._split, axis=0).astype(self._dtype))
        ruled_out |= self._masks
        # The AND over each tree's splits, one in-place AND per split rank (a handful).
        by_rank = ruled_out.reshape(self._width, count, len(x))
        alive = by_rank[0]
        for rank in by_rank[1:]:
            alive &= rank
        if self._dtype == np.uint8:
            scores = self._byte_value.take(self._tree_offset | alive)
        else:  # the lowest set bit alone, a power of two, whose exponent float64 holds exactly
            leaf = np.log2((alive & (~alive + np.uint64(1))).astype(float)).astype(np.intp)
            scores = np.take_along_axis(self._leaf_value, leaf, axis=1)
        # Summed tree by tree, in order (rows of a C-contiguous trees x lines array): the same
        # floating-point sums as a walk that adds one tree at a time.
        return self.baseline + scores.sum(axis=0)

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


def _number_leaves(
    tree: Mapping[str, Sequence[float]],
    node: int,
    leaves: list[float],
    splits: list[tuple[int, float, int]],
) -> tuple[int, int]:
    """Number the leaves under ``node`` left to right (appending their values to ``leaves``) and
    append each split's (feature, threshold, mask of the leaves outside its left subtree) to
    ``splits``; returns the range of leaf numbers under ``node``."""
    left, right = int(tree["left"][node]), int(tree["right"][node])
    if left < 0:
        leaves.append(float(tree["value"][node]))
        return len(leaves) - 1, len(leaves)
    first, middle = _number_leaves(tree, left, leaves, splits)
    _, last = _number_leaves(tree, right, leaves, splits)
    left_bits = ((1 << middle) - 1) ^ ((1 << first) - 1)
    splits.append((int(tree["feature"][node]), float(tree["threshold"][node]),
                   ((1 << MAX_LEAVES) - 1) ^ left_bits))  # fmt: skip
    return first, last


@lru_cache(maxsize=1)
def load_line_model(path: Path = MODEL_PATH) -> LineModel | None:
    """The shipped model, loaded once; ``None`` when the file is missing (rules alone then)."""
    if not path.exists():
        return None
    return LineModel.from_dict(json.loads(path.read_text(encoding="utf-8")))
