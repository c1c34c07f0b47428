"""The per-text facts record gives exactly what the separate computations it replaces give."""

from __future__ import annotations

import re

import numpy as np
import pytest

from storydesk.steps.clean import joins
from storydesk.steps.clean.facts import build_lines, compute_facts, dateline_or_byline, line_facts
from storydesk.steps.clean.line_features import PageLayout, line_features, pack_row, text_columns
from storydesk.steps.clean.lines import CACHED_CHARS, Line, measure
from storydesk.steps.clean.plain import analyse_page
from storydesk.steps.clean.vocab import match_furniture

LINES = [
    "Menu",
    "Share on Facebook",
    "Most popular",
    "12 Comments",
    "By Jane Doe and John Roe",
    "October 15, 2024 8:20 PM",
    "Translated from German by Léa Krejci",
    "Image credits: Jane Roe",
    "The council met on Monday and approved the budget after a long debate in the chamber.",
    "The council met on Monday and " + "approved the budget, " * 12 + "said the mayor.",
    "Demonstrators in the square (AP Photo/Evan Vucci)",
    "東京で会議が開かれた。参加者は百人を超えた。",
    "x",
]


def _reference(index: int, text: str) -> Line:
    """``measure`` plus the word rules as they were written before the facts record."""
    line = measure(index, text)
    hit = match_furniture(text)
    if hit:
        line.reason, line.teaser_heading = hit.reason, hit.teaser_heading
        line.comment_heading = hit.comment_heading or hit.reason == "comment"
        line.furniture_phrase = hit.whole_line
    elif line.words <= 16:
        date, byline = dateline_or_byline(text)
        if date:
            line.reason, line.date = "dateline", date
        elif byline:
            line.reason = "byline"
    return line


@pytest.mark.parametrize("text", LINES)
def test_clean_facts_line_matches_the_separate_computations(text: str):
    lines, all_facts = build_lines(["a", "b", "c", text])
    line, facts = lines[3], all_facts[3]
    expected = _reference(3, text)
    expected.row = pack_row(*text_columns(measure(3, text)))
    assert line == expected
    assert (facts.byline is not None) == (line.reason == "byline")


@pytest.mark.parametrize("text", LINES)
def test_clean_facts_cache_returns_a_fresh_computation(text: str):
    first, second = line_facts(text), line_facts(text)
    assert first == second == compute_facts(text)
    assert (first is second) == (len(text) <= CACHED_CHARS)


def test_clean_facts_translator_and_byline_reach_the_result():
    page = analyse_page(
        "By Jane Doe\n\n" + "The council met on Monday and approved the budget after a debate. " * 3
        + "\n\nTranslated from German by Léa Krejci"
    )  # fmt: skip
    assert page.result.byline == "Jane Doe"
    assert page.result.translator == "Léa Krejci"


def test_clean_facts_packed_rows_give_the_computed_features():
    page = analyse_page("\n".join(LINES))
    lines = page.layout.lines
    assert all(line.row for line in lines)
    unpacked = [measure(line.index, line.text) for line in lines]
    for plain, line in zip(unpacked, lines, strict=True):
        plain.reason, plain.teaser_heading = line.reason, line.teaser_heading
        plain.comment_heading = line.comment_heading
    layout = page.layout
    other = PageLayout(unpacked, layout.word_reasons, layout.region, layout.comment_at,
                       layout.tail_at)  # fmt: skip
    assert np.array_equal(line_features(layout), line_features(other))


_OLD_CAPS = re.compile(r"(?<![\w@#/.])([A-Z]{3,})([A-Z][a-z]{3,})(?![\w@#/])")


@pytest.mark.parametrize(
    "text",
    ["LIGANorth", "x LIGANorth", "xLIGANorth", ".LIGANorth", "@LIGANorth", "1LIGANorth",
     "éLIGANorth", "LIGANorthé", "LIGANorth/x", "AB LIGANorth USAToday", "ABCDEFGHijkl mn"],
)  # fmt: skip
def test_clean_facts_caps_pattern_matches_the_original(text: str):
    assert joins._CAPS.sub(r"\1 \2", text) == _OLD_CAPS.sub(r"\1 \2", text)


def _split_name_without_fast_path(token: str) -> str:
    words = joins.join_words()
    if token.lower() in words or token.lower() in joins._TAIL_FUNCTION:
        return token
    for cut in range(joins.MIN_NAME, len(token) - joins.MIN_TAIL + 1):
        name, tail = token[:cut], token[cut:]
        if (len(tail) >= joins.MIN_VERB and tail in words) or tail in joins._TAIL_FUNCTION:
            if name.lower() in joins._PREFIXES or name.lower() in words:
                return token
            return f"{name} {tail}"
    return token


@pytest.mark.parametrize(
    "token",
    ["Newsweekreferring", "Reuterssaid", "Kyivwhich", "Washington", "Seasoned", "Preoccupied",
     "Suspilnereported", "Presidentsays", "Outnumbered", "Administration"],
)  # fmt: skip
def test_clean_facts_split_name_fast_path_changes_nothing(token: str):
    assert joins._split_name(token) == _split_name_without_fast_path(token)
