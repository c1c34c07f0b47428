"""``shape_of`` on ASCII lines (``bytes.translate`` and ``split``) equals the regular-expression path."""

from __future__ import annotations

import random

import pytest

from storydesk.steps.clean import lines
from storydesk.steps.clean.lines import shape_of


def _word_fields_by_expressions(text: str) -> tuple[object, ...]:
    """Words, function and capital ratios, tokens and key of ``text`` by ``_WORD`` and
    ``_WORDISH``: the expression path, taken by appending an em space (whitespace, no word, not
    in ``onebyte.CHARS``)."""
    shape = shape_of(text + "\u2003")
    assert tuple(map(str.lower, lines._WORD.findall(text))) == shape[4]
    assert " ".join(lines._WORDISH.findall(text.lower())) == shape[5]
    return shape[0], shape[1], shape[2], shape[4], shape[5]


_TRICKY = [
    "", "a", "A", "1", "_", "'", ".", "-", "3rd", "'quoted'", "U.S.", "--abc", "a1b", "1-a",
    "don't", "e-mail.", "x_y z__", "..a..b", "ab'.-cd", "snake_case_name", "The end.",
    "\x00a\x1fb\x7fc", "tab\tsep", "By Jane Doe | 12:30", "#hash @handle http://x.com/a_b",
    "Mixed CASE Words 42 times", "a-b-c d.e.f 'g' \"h\"", "____", "9to5", "x" * 300,
]  # fmt: skip


def _random_lines(count: int) -> list[str]:
    rng = random.Random(11)
    alphabet = [chr(c) for c in range(128)] + ["the ", "Of ", "and ", "3", "'", "."]
    return [
        "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 60))) for _ in range(count)
    ]


@pytest.mark.parametrize("text", _TRICKY + _random_lines(300))
def test_ascii_shape_equals_the_expression_shape(text: str):
    text = text.strip()
    assert text.isascii()
    shape = shape_of(text)
    assert (shape[0], shape[1], shape[2], shape[4], shape[5]) == _word_fields_by_expressions(text)


@pytest.mark.parametrize("code", range(128))
def test_ascii_tables_agree_with_the_expressions_on_every_character(code: int):
    char = chr(code)
    in_word = lines._WORD.fullmatch("a" + char) is not None
    # A character is kept, or becomes a space (which ``split`` drops like any whitespace).
    assert (lines._TOKENS[code] != 32) == in_word
    assert (lines._WORDISH_LOWER[code] != 32) == (lines._WORDISH.fullmatch(char) is not None)
    lower = ord(char.lower())
    assert lines._TOKENS[code] in (lower, 32) and lines._WORDISH_LOWER[code] in (lower, 32)
    # A word starts at a letter: exactly the word-class characters not in ``_NOT_FIRST``.
    starts = lines._WORD.fullmatch(char) is not None
    assert starts == (in_word and char not in lines._NOT_FIRST)
