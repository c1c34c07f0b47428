"""``line_features`` writes its columns in place: the rows equal, bit for bit, the straightforward
construction it replaced (one array per block of columns, stacked), kept here as the reference."""

from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from storydesk.steps.clean import line_features as lf
from storydesk.steps.clean.line_overlap import overlaps
from storydesk.steps.clean.plain import analyse_page
from storydesk.steps.clean.unwrap import unwrap_lines

SAMPLES = sorted((Path(lf.__file__).parents[2] / "samples").glob("*.txt"))


def _reference(layout: lf.PageLayout) -> np.ndarray:
    """The feature matrix as ``line_features`` built it before (session 7)."""
    lines = layout.lines
    n = len(lines)
    start, end = layout.region
    keys = [line.key for line in lines]
    key_count = Counter(keys)
    repeats, topic, lead, content = overlaps(lines, start, end)
    shape = np.empty((n, len(lf._SHAPE)))
    shape[:, lf._TEXT_COLUMNS] = np.array([lf.text_columns(line) for line in lines])
    col = lf._COLUMN
    shape[:, col["teaser_heading"]] = [line.teaser_heading for line in lines]
    shape[:, col["comment_heading"]] = [line.comment_heading for line in lines]
    shape[:, col["page_repeats"]] = [key_count[key] > 1 for key in keys]
    shape[:, col["repeats_body"]] = repeats
    shape[:, col["topic_overlap"]] = topic
    shape[:, col["lead_overlap"]] = lead
    words = np.array([line.words for line in lines], dtype=float)
    shape[:, col["content_ratio"]] = np.divide(content, words, out=np.zeros(n), where=words > 0)
    groups = len(lf.REASON_GROUPS)
    one_hot = np.vstack([np.eye(groups + 1), np.zeros(groups + 1)])
    index_of = {reason: i for i, reason in enumerate(lf.REASON_GROUPS)}

    def group(reason: str | None) -> int:
        return -1 if reason is None else index_of.get(reason, groups)

    word_group = np.array([group(r) for r in layout.word_reasons], dtype=np.intp)
    rule_group = np.array([group(line.reason) for line in lines], dtype=np.intp)
    kept = rule_group == -1
    removed = (~kept).astype(float)
    prose = (np.array([line.prose for line in lines]) & kept).astype(float)
    index = np.arange(n, dtype=float)
    prose_words = prose * words
    total = prose_words.sum() or 1.0
    before = np.cumsum(prose_words) - prose_words
    after = total - before - prose_words
    distance = np.where(index < start, start - index, np.where(index >= end, index - end + 1, 0))
    position = np.column_stack([
        index / max(n - 1, 1), ((index >= start) & (index < end)).astype(float),
        (index < start).astype(float), (index >= end).astype(float), np.log1p(distance),
        (index >= layout.tail_at).astype(float), (index >= layout.comment_at).astype(float),
        before / total, after / total, np.full(n, math.log1p(n)),
        np.full(n, math.log1p(prose_words.sum())),
    ])  # fmt: skip
    own = np.column_stack([prose, np.log1p(words), shape[:, 2], removed])
    pad = np.tile([0.0, 0.0, 0.0, 1.0], (2, 1))
    padded = np.vstack([pad, own, pad])
    neighbours = np.hstack([padded[2 + o : 2 + o + n] for o in (-2, -1, 1, 2)])
    runs = np.column_stack([
        np.log1p(lf._run_lengths(words < 8) * (words < 8)),
        np.log1p(lf._run_lengths(prose > 0) * prose),
        lf.window_mean(prose, 3), lf.window_mean(removed, 3),
    ])  # fmt: skip
    return np.column_stack(
        [shape, position, one_hot[word_group], one_hot[rule_group], removed, neighbours, runs]
    )


_SYNTHETIC = [
    "Menu\nHome\nNews\n" + "The council voted on Tuesday to close the old bridge for repairs. " * 3
    + "\nShare this\nMenu\nRelated stories\nA teaser about something else entirely today\n",
    "One line only.",
    "x" * 300 + " " + "y" * 257 + " and then some words that follow the long ones here.",
]


@pytest.mark.parametrize("text", [p.read_text(encoding="utf-8") for p in SAMPLES] + _SYNTHETIC)
def test_clean_features_layout_matches_reference(text: str):
    layout = analyse_page(unwrap_lines(text)).layout
    new = lf.line_features(layout)
    old = _reference(layout)
    assert new.shape == old.shape == (len(layout.lines), len(lf.FEATURE_NAMES))
    assert np.ascontiguousarray(new).tobytes() == old.tobytes()


@pytest.mark.parametrize(
    ("keys", "expected"),
    [([], []), (["a", "b"], [False, False]), (["a", "b", "a", ""], [True, False, True, False]),
     (["", ""], [True, True])],
)  # fmt: skip
def test_clean_features_layout_repeated_keys(keys: list[str], expected: list[bool]):
    assert lf._repeated(keys).tolist() == expected
