"""The literal pre-check of the furniture patterns never hides a line a pattern would match."""

from __future__ import annotations

import re

import pytest

from storydesk.steps.clean.vocab import _PATTERNS, _fold, _has_needs, match_furniture

# One line per pattern that carries literals (and some in odd case), each matched by its regex.
MATCHING = [
    "View this post on Instagram",
    "A post shared by City News (@citynews)",
    "This audio was generated with AI tools",
    "Text narrated by an automated voice",
    "© 2024 Example Media",
    "COPYRIGHT EXAMPLE MEDIA",
    "Sign up for our free daily newsletter",
    "We use cookies to improve your experience",
    "By continuing to use this site you agree",
    "Cookies help us run this website",
    "Permalink | 3 comments",
    "Jane on May 2 said:",
    "PHOTO: Jane Roe",
    "A crowd gathers (AP Photo/Evan Vucci) via Getty Images",
    "Demonstrators in the square. thomsonreuters/JANE ROE",
    "PHOTO: İmage by Jane",
]


@pytest.mark.parametrize("line", MATCHING)
def test_clean_vocab_precheck_keeps_every_matching_pattern(line: str):
    folded = _fold(line)
    hits = [reason for reason, pattern, _ in _PATTERNS if pattern.search(line)]
    assert hits, "the example must match some pattern"
    for _, pattern, needs in _PATTERNS:
        if pattern.search(line):
            assert _has_needs(folded, needs), pattern.pattern
    assert match_furniture(line) is not None


@pytest.mark.parametrize("line", ["The council met on Monday.", "Photos of the bridge were shown"])
def test_clean_vocab_precheck_plain_prose_gets_no_hit(line: str):
    assert match_furniture(line) is None


def test_clean_vocab_fold_covers_ignorecase_letters():
    # Every code point that re.IGNORECASE matches to an ASCII letter or a letter of a literal
    # must fold to that letter, or the ``in`` pre-check would skip a line the regex matches.
    letters = sorted({c for _, _, needs in _PATTERNS for g in needs for lit in g for c in lit if c.isalpha()})
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for letter in letters:
        for match in re.finditer(re.escape(letter), every, re.I):
            assert _fold(match.group()) == letter, (letter, match.group())
