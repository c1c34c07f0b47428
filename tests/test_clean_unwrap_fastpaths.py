"""The fast paths of ``unwrap``: each finds exactly what the plain form it replaces finds."""

from __future__ import annotations

import random
import re
import textwrap

import pytest

from storydesk.steps.clean import unwrap
from storydesk.steps.clean.unwrap import _row, unwrap_lines, wrap_width

# The screen as it was written before: every line start tried by ``^`` under re.MULTILINE.
_CONTINUED_PLAIN = re.compile(r"^[^\n]{20,}\n(?=\s*[^\W\d_A-Z])", re.MULTILINE)

_TRICKY = [
    "",
    "\n",
    "x" * 19 + "\nabc",
    "x" * 20 + "\nabc",
    "x" * 21 + "\nabc",
    "x" * 20 + "\n\n\n   abc",
    "x" * 20 + "\r\nabc",
    "x" * 20 + "\nAbc",
    "x" * 20 + "\n1bc",
    "x" * 20 + "\n_bc",
    "x" * 20 + "\nébc",
    "x" * 20 + "\nÉbc",
    "\n" + "y" * 25 + "\nzz\n" + "q" * 30 + "\n\tlow",
    "a\tb\nc" * 30,
    ("The quick brown fox jumps over the\nlazy dog. " * 8),
]


def _random_texts(count: int) -> list[str]:
    rng = random.Random(7)
    alphabet = ["a", "A", "é", "É", "1", "_", " ", "\t", "\r", ".", "\n", "\n", "x" * 18]
    return [
        "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 80))) for _ in range(count)
    ]


@pytest.mark.parametrize("text", _TRICKY + _random_texts(400))
def test_screen_counts_the_breaks_the_multiline_pattern_counts(text: str):
    assert len(unwrap._CONTINUED.findall(text)) == len(_CONTINUED_PLAIN.findall(text))


@pytest.mark.parametrize(
    "line",
    ["a  b", "a\tb", "a   b", "a. Two  spaces", "no gaps here", "x:  y", "  lead", "end  ", "a \t b",
     "tab\there", "| a | b |", "one two  three"],
)  # fmt: skip
def test_table_gap_screen_agrees_with_the_pattern(line: str):
    screened = ("\t" in line or "  " in line) and bool(unwrap._TABLE_GAP.search(line))
    assert screened == bool(unwrap._TABLE_GAP.search(line))


def _plain_details(text: str) -> tuple[bool, int, bool]:
    """``blocked``, ``words`` and ``last_lower`` as ``_row`` computed them for every line."""
    words = unwrap._WORD.findall(text)
    end = text.rstrip(unwrap._CLOSERS + " ")
    blocked = (
        not text
        or bool(unwrap._LIST.match(text))
        or bool(unwrap._TABLE_GAP.search(text))
        or text.count("|") >= 2
        or bool(unwrap._BYLINE.match(text) and len(words) <= 6)
        or unwrap._heading(text, words)
        or (text.endswith(":") and len(text.split()) <= 3)
    )
    return blocked, len(words), bool(words) and words[-1].islower() and end == text


_LINES = [
    "", "- item", "1. first", "(a) option", "# Heading", "Name   Value", "a | b | c", "By Jane Doe",
    "By the time the rain stopped the river had risen over the banks of the town",
    "Kate Henshaw Is Looking Stunning In New Photos", "Tags:", "sammievee says:",
    "the sentence goes on and on until the", "It ended.", "Two  spaces inside", "\tindented line",
    'Is It Over? Experts Say "Not Yet"', "Kate Henshaw Is Looking Stunning In New Photos.",
    "By Jane Doe, with reporting from the wire desk and many other people.", "By Jane Doe.",
    "Kate Henshaw Is Looking Stunning In New Photos,", "Über Die Stadt Und Das Land Heute",
]  # fmt: skip


@pytest.mark.parametrize("line", _LINES)
def test_lazy_row_details_equal_the_eager_ones(line: str):
    row = _row(line)
    assert (row.blocked, row.words, row.last_lower) == _plain_details(line.strip())


_PARAGRAPH = (
    "Officials said on Tuesday that the bridge, which was built in 1931 and carries more than "
    "forty thousand vehicles a day, would close for repairs after inspectors found cracks in "
    "two of its supporting piers during a routine check last month."
)


@pytest.mark.parametrize("width", [50, 60, 72])
def test_wrap_width_is_the_same_with_every_row_completed_first(width: int):
    text = "\n".join(
        ["Home", "News", *textwrap.wrap(_PARAGRAPH * 3, width), "- a list item", "Share"]
    )
    lazy = [_row(line) for line in text.splitlines()]
    eager = [_row(line) for line in text.splitlines()]
    for row in eager:
        assert row.blocked in (True, False)  # computes the details now
    assert wrap_width(lazy) == wrap_width(eager) is not None
    assert "\n" in unwrap_lines(text)  # the menu lines stay lines of their own


@pytest.mark.parametrize(
    "line", ["", "one", "a b c d", "a b c d e", "a b c d e f g h", "a\tb c  d e"]
)
def test_row_tokens_answer_the_minimum_as_a_full_count(line: str):
    assert (_row(line).tokens < unwrap.MIN_TOKENS) == (len(line.split()) < unwrap.MIN_TOKENS)
