"""The plain-text cleaner's fast paths give exactly what the plain computations they replace give."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pytest

from storydesk.steps.clean import metadata, vocab
from storydesk.steps.clean.facts import _YEAR, BYLINE_INITIALS
from storydesk.steps.clean.line_features import _run_lengths
from storydesk.steps.clean.line_overlap import overlaps
from storydesk.steps.clean.lines import CACHED_CHARS, Line, measure, text_cache
from storydesk.steps.clean.plain import _LongerLines
from storydesk.steps.clean.stopwords import FUNCTION_WORDS
from tests.clean_references import slow_furniture

LINES = [
    "View this post on Instagram",
    "— Jane Roe (@janeroe) October 17, 2024",
    "pic.twitter.com/abc123",
    "A video shared by City News",
    "Image credits: Jane Roe",
    "Source: www.example.com images",
    "(afp/dpa)",
    "Translated from German by Léa Krejci",
    "Übersetzt von Jane",
    "This audio was generated with AI tools",
    "5 min read",
    "Reading time: 4 minutes",
    "Photo 3 of 12",
    "© 2024 Example Media",
    "Skip to main content",
    "https://example.com/a/b",
    "Share on Facebook",
    "Advertisement - scroll to continue",
    "Sign up for our free daily newsletter",
    "We use cookies to improve your experience",
    "Permalink | 3 comments",
    "Jane on May 2 said:",
    "This article is only available to subscribers",
    "Demonstrators in the square (AP Photo/Evan Vucci)",
    "PHOTO: İmage by Jane",
    "The council met on Monday and approved the budget.",
    "Photos of the bridge were shown to the committee",
    "Menu",
    "Você pode gostar...",
    "Readers wrote: the share of the vote fell",
]


@pytest.mark.parametrize("line", LINES + [f"  {line}  " for line in LINES])
def test_clean_fastpaths_furniture_precheck_changes_no_verdict(line: str):
    assert vocab.match_furniture(line) == slow_furniture(line)


def _anchored(pattern: re.Pattern[str]) -> bool:
    """Whether every top-level branch of ``pattern`` starts with ``^``."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    items = list(_parser.parse(pattern.pattern, pattern.flags))
    if len(items) == 1 and items[0][0] is c.BRANCH:
        return all(_starts_at_beginning(list(branch), c) for branch in items[0][1][1])
    return _starts_at_beginning(items, c)


def _starts_at_beginning(items: list, c: object) -> bool:
    return bool(items) and items[0] == (c.AT, c.AT_BEGINNING)  # type: ignore[attr-defined]


def test_clean_fastpaths_patterns_without_literals_are_anchored():
    # The anchored alternation tries those patterns at the line's start only.
    checked = [pattern for _, pattern, needs in vocab._PATTERNS if not needs]
    assert checked
    for pattern in checked:
        assert _anchored(pattern), pattern.pattern
    assert not _anchored(re.compile("a|^b"))


@pytest.mark.parametrize("line", ["İstanbul said:", "ſtory", "ıstanbul", "PLAIN ASCII", "Ünïcode"])
def test_clean_fastpaths_fold_matches_translate(line: str):
    assert vocab._fold(line) == line.translate(vocab._FOLD).lower()


def test_clean_fastpaths_byline_initials_cover_every_opening_word():
    opening = re.match(r"\^\((?P<words>[^)]*)\)", metadata._BYLINE.pattern)
    assert opening is not None
    initials = {word[0] for word in opening.group("words").split("|")}
    assert initials <= BYLINE_INITIALS


def test_clean_fastpaths_every_date_pattern_needs_a_year():
    for pattern in metadata._DATE_PATTERNS:
        assert r"(?P<year>(19|20)\d\d)" in pattern.pattern
    assert _YEAR.search("on 12 March 2019") and not _YEAR.search("on 12 March")
    # dateline_or_byline skips the search on lines holding neither "19" nor "20": every match
    # opens with one of them.
    assert _YEAR.pattern.startswith("(?:19|20)")


@pytest.mark.parametrize(
    "line", ["March 2019", "1920s", "12.09.2021", "Jan 1 1899", "at 19:20", "no digits", "2 0 1 9"]
)
def test_clean_fastpaths_year_screen_agrees_with_the_search(line: str):
    assert (("19" in line or "20" in line) and _YEAR.search(line) is not None) == bool(
        _YEAR.search(line)
    )


def _line(index: int, text: str) -> Line:
    return measure(index, text)


PAGES = [
    [
        "Home",
        "The mayor opened the new bridge over the river on Monday, the city said in a statement.",
        "The bridge cost the city twelve million dollars and took three years to build in the end.",
        "The mayor opened the new bridge over the river on Monday",
        "Critics said the bridge was too expensive for a city of its size and should not be built.",
        "More stories",
        "Storm hits the coast of the northern region with heavy rain and strong winds all night.",
    ],
    ["Menu", "Search", "Short line"],
    ["One paragraph only, with enough words to count as prose in this page of text here."],
]


def _reference_overlaps(lines: list[Line], start: int, end: int) -> tuple[list[float], ...]:
    """The overlap columns with sets and counters, as first written."""

    def content(line: Line) -> list[str]:
        return [t for t in line.tokens if len(t) > 3 and t not in FUNCTION_WORDS]

    def bigrams(line: Line) -> set[tuple[str, str]]:
        return set(zip(line.tokens, line.tokens[1:], strict=False)) if line.words >= 4 else set()

    pairs: Counter[tuple[str, str]] = Counter()
    for line in lines:
        if line.words >= 15:
            pairs.update(bigrams(line))
    body = [i for i in range(start, min(end, len(lines))) if lines[i].prose]
    topic: Counter[str] = Counter()
    for i in body:
        topic.update(content(lines[i]))
    lead: set[str] = set()
    seen, total = 0, sum(lines[i].words for i in body)
    for i in body:
        if seen and seen >= 0.4 * total:
            break
        lead.update(content(lines[i]))
        seen += lines[i].words
    repeats, overlap, lead_overlap, counts = [], [], [], []
    for line in lines:
        grams, words = bigrams(line), content(line)
        own = 1 if line.words >= 15 else 0
        repeats.append(sum(1 for g in grams if pairs[g] > own) / len(grams) if grams else 0.0)
        counts.append(float(len(words)))
        if not words:
            overlap.append(0.0)
            lead_overlap.append(0.0)
            continue
        mine = Counter(words) if line.index in body else Counter()
        overlap.append(sum(1 for w in words if topic[w] > mine[w]) / len(words))
        lead_overlap.append(sum(1 for w in words if w in lead) / len(words))
    return repeats, overlap, lead_overlap, counts


@pytest.mark.parametrize("texts", PAGES)
@pytest.mark.parametrize("region", [(0, 7), (1, 5), (0, 1)])
def test_clean_fastpaths_overlaps_match_the_set_counts(texts: list[str], region: tuple[int, int]):
    lines = [_line(i, text) for i, text in enumerate(texts)]
    start, end = region
    fast = overlaps(lines, start, end)
    expected = _reference_overlaps(lines, start, end)
    for got, want in zip((fast.repeats, fast.topic, fast.lead, fast.content), expected, strict=True):
        assert list(got) == want


def test_clean_fastpaths_overlaps_see_a_repeated_sentence():
    lines = [_line(i, text) for i, text in enumerate(PAGES[0])]
    fast = overlaps(lines, 1, 5)
    assert fast.repeats[3] == 1.0  # the caption repeats the first paragraph's words
    assert fast.repeats[4] < 0.1  # one shared pair ("the bridge") of seventeen


@pytest.mark.parametrize(
    "flags", [[], [True], [True, True, False], [False, True, False, False, True], [1, 1, 1, 0, 0, 1]]
)
def test_clean_fastpaths_run_lengths(flags: list[bool]):
    expected = []
    i = 0
    while i < len(flags):
        j = i
        while j < len(flags) and flags[j] == flags[i]:
            j += 1
        expected += [j - i] * (j - i)
        i = j
    assert list(_run_lengths(np.array(flags, dtype=bool))) == expected


@pytest.mark.parametrize("short", ["the bridge over the river", "river on Monday", "not here at all"])
def test_clean_fastpaths_longer_lines_match_the_scan(short: str):
    body = [_line(i, text) for i, text in enumerate(PAGES[0]) if i in (1, 2, 4)]
    line = _line(9, short)
    expected = any(
        other.words > line.words + 5 and line.key in other.key for other in body
    ) and bool(line.key)
    assert _LongerLines(body).contains(line) == expected


def test_clean_fastpaths_text_cache_keeps_short_lines_only():
    calls: list[str] = []

    @text_cache
    def upper(text: str) -> str:
        calls.append(text)
        return text.upper()

    short, long = "short line", "x" * (CACHED_CHARS + 1)
    assert [upper(short), upper(short), upper(long), upper(long)] == [
        "SHORT LINE", "SHORT LINE", long.upper(), long.upper(),
    ]  # fmt: skip
    assert calls == [short, long, long]


@pytest.mark.parametrize("size", [0, 1, 2, 50, 3000])
def test_clean_fastpaths_distinct_is_numpy_unique(size: int):
    from storydesk.steps.clean.line_overlap import distinct

    values = np.random.default_rng(size).integers(-50, 50, size=size, dtype=np.int64)
    assert np.array_equal(distinct(values), np.unique(values))


@pytest.mark.parametrize(
    "text",
    ["Ocasio-CortezSanders", "StudentA 24-year-old", "abCdEf", "abCdeFg", "aBcd", "ABcd", "abC",
     "plain words only", "McDonald", "iPhone", "xxYyZz", ""],
)  # fmt: skip
def test_clean_fastpaths_glued_precheck_agrees_with_the_count(text: str):
    from storydesk.steps.clean.line_features import _GLUED, _GLUED_AT

    assert bool(_GLUED.findall(text)) == bool(_GLUED_AT.search(text))


@pytest.mark.parametrize(
    "text",
    ["Price: $12 | 3/4 • ©2024 @home", "٣ أيام", "x² and ½ are not decimals", "[a]{b}<c>=d+e*f#g_h",
     "https://example.com/a", "mail me@x", "no marks at all", ""],
)  # fmt: skip
def test_clean_fastpaths_one_scan_columns_match_the_separate_ones(text: str):
    from storydesk.steps.clean import line_features as lf

    line = measure(0, text)
    row = lf.text_columns(line)
    chars = len(text) or 1
    assert row[8] == len(lf._DIGIT.findall(text)) / chars if text else row[8] == 0.0
    assert row[9] == len(lf._SYMBOL.findall(text)) / chars if text else row[9] == 0.0
    assert row[19] == float(lf._URL.search(text) is not None)


def test_clean_fastpaths_lower_case_adds_no_whitespace():
    # ``find_furniture`` counts the words of its normalised line by its spaces.
    import sys

    assert not [
        code for code in range(sys.maxunicode + 1)
        if not chr(code).isspace() and any(ch.isspace() for ch in chr(code).lower())
    ]  # fmt: skip


def _ascii_columns_by_expressions(text: str) -> tuple[float, float, float, float]:
    """Digit and symbol ratios, quote and glued count of an ASCII line by the expressions."""
    from storydesk.steps.clean import line_features as lf

    chars = len(text) or 1
    return (
        len(lf._DIGIT.findall(text)) / chars if text else 0.0,
        len(lf._SYMBOL.findall(text)) / chars if text else 0.0,
        float(lf._QUOTE.search(text) is not None),
        float(len(lf._GLUED.findall(text))),
    )


def _random_ascii(count: int) -> list[str]:
    import random

    rng = random.Random(5)
    alphabet = [chr(c) for c in range(128)] + ["ab", "Cd", "xY", "aaBb", "12", '"']
    return ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 50))) for _ in range(count)]


@pytest.mark.parametrize(
    "text",
    [chr(code) for code in range(128)]
    + [f"ab{chr(code)}d" for code in range(128)]
    + ["abCdeFg", "abCdEfGh", "aaBbCcDd", "xxYyyZz", 'say "hi"', "Price: $12 | 3/4 @home #x"]
    + _random_ascii(300),
)  # fmt: skip
def test_clean_fastpaths_ascii_class_columns_match_the_expressions(text: str):
    from storydesk.steps.clean import line_features as lf

    row = lf.text_columns(measure(0, text))
    assert (row[8], row[9], row[17], row[18]) == _ascii_columns_by_expressions(text)
