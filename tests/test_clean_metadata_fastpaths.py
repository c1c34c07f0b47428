"""The dateline and byline parsers' screens and shortcuts give exactly the plain parses' results."""

from __future__ import annotations

import random
import re

import pytest

from storydesk.steps.clean import metadata
from tests.clean_references import plain_find_date


def _plain_dateline(text: str) -> object:
    """``parse_dateline`` as it was before its shortcut: times and filler always removed."""
    if len(text) > 120:
        return None
    found = metadata.find_date(text)
    if not found:
        return None
    date, match = found
    rest = text[: match.start()] + " " + text[match.end() :]
    rest = metadata._FILLER.sub(" ", metadata._TIME.sub(" ", rest))
    return date if len(re.findall(r"[^\W\d_]{2,}", rest)) <= 2 else None


def _plain_byline(text: str) -> str | None:
    """``parse_byline`` without its opening-word screen."""
    if len(text.split()) > 14 or text.rstrip().endswith(("?", "!")):
        return None
    match = metadata._BYLINE.match(text.strip())
    if not match:
        return None
    name = match.group("name").strip(" ,")
    return name if name[:1].isupper() else None


_MONTH_NAMES = sorted(metadata._MONTHS)
_PIECES = [
    *_MONTH_NAMES, *(m.upper() for m in _MONTH_NAMES[::3]), *(m.title() for m in _MONTH_NAMES[1::3]),
    "5", "15", "31", "2024", "1999", "2101", "12:30", "8.20", "9h30", "3 pm", "10a.m.", "uhr", "h",
    "Published", "Updated:", "on", "at", "EDT", "Monday", "mis à jour", "le", "de", "del", "utc+2",
    "Jane", "Doe", "said", "the", "bridge", "x", "ı", "İ", "ſ", "Ⅻ", "٣", "st", "th", "er",
    ",", ".", "-", "/", "|", "•", "(", ")", "’", "\u2003", "\t", "_", "2024-10-15", "15.10.2024",
]  # fmt: skip
_JOINS = ["", " ", " ", "  ", ".", ", ", "-", "\xa0"]


def _lines(count: int, seed: int) -> list[str]:
    """Random short lines of month names, numbers, times, filler words and punctuation."""
    rng = random.Random(seed)
    lines = []
    for _ in range(count):
        line = ""
        for _ in range(rng.randrange(1, 12)):
            line += rng.choice(_PIECES) + rng.choice(_JOINS)
        lines.append(line)
    return lines


_AROUND = ["Published", "Updated:", "on", "at", "EDT", "Monday", "mis à jour", "le", "utc+2", "12:30", "8.20 h",
           "3 pm", "10a.m.", "9h30", "Uhr", "Jane", "Doe", "bridge", "amsterdam", "x", "|", "—", "ı", "٣"]  # fmt: skip


def _datelines(count: int, seed: int) -> list[str]:
    """Random dates in each written form with a few times, filler and other words around."""
    rng = random.Random(seed)
    lines = []
    for _ in range(count):
        month, day, year = rng.choice(_MONTH_NAMES), rng.randrange(1, 33), rng.choice([1999, 2024, 2100])
        date = rng.choice([f"{month} {day}, {year}", f"{day} {month} {year}", f"{day}. {month.title()} {year}",
                           f"{year}-{day % 13}-{day}", f"{day}.{day % 13}.{year}", f"{month.upper()}. {day}th {year}"])  # fmt: skip
        words = [rng.choice(_AROUND) for _ in range(rng.randrange(0, 6))]
        words.insert(rng.randrange(len(words) + 1), date)
        lines.append(rng.choice([" ", ", ", " · "]).join(words))
    return lines


TRICKY = [
    "October 15, 2024 8:20 PM", "Published: Monday, October 15, 2024", "Updated 3:45 PM EDT Mon Oct. 7, 2024",
    "15. März 2024, 12:30 Uhr", "le 3 août 2023 à 9h30", "2024-10-15T08:00", "15.10.2024 | Jane Doe",
    "Sept 5 2024 by Jane Doe of the Herald", "May 5, 2024 amsterdam rotterdam", "5 May 2024 3 pmthe end",
    "mis à jour le 4 juin 2024", "Dec 1 1999 onward the council", "ſeptember 5, 2024", "İstanbul 4 Mayıs 2024",
    "ON 5 MAY 2024 AT 10AM EDT", "octobre 15 2024", "junio 5, 2020 — Madrid", "2024-13-40 and 2024-1-2",
]  # fmt: skip


@pytest.mark.parametrize("text", TRICKY + _lines(3000, 5) + _datelines(3000, 6))
def test_clean_metadata_fastpaths_dateline_matches_the_plain_parse(text: str):
    assert metadata.parse_dateline(text) == _plain_dateline(text)
    found = metadata.find_date(text)
    assert ((found[0], found[1].span()) if found else None) == plain_find_date(text)


def test_clean_metadata_fastpaths_removing_times_and_filler_never_adds_a_word():
    # The shortcut: a rest with at most two words stays at most two words after the removals.
    # Every removed span opens with a digit or with a word character after a word boundary and
    # ends at one or inside a word, so it never splits a word in two.
    rng = random.Random(9)
    for text in TRICKY + _lines(4000, 21) + _datelines(4000, 22):
        for _ in range(2):
            rest = text[rng.randrange(len(text) + 1) :]
            removed = metadata._FILLER.sub(" ", metadata._TIME.sub(" ", rest))
            assert len(metadata._WORD.findall(removed)) <= len(metadata._WORD.findall(rest)), rest


def _mandatory_literals(pattern: re.Pattern[str]) -> set[str]:
    """The characters the pattern's top-level sequence holds as plain literals (every match has them)."""
    from re import _constants as c  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    return {chr(av) for op, av in _parser.parse(pattern.pattern, pattern.flags) if op is c.LITERAL}


def test_clean_metadata_fastpaths_date_needs_are_in_every_match():
    assert len(metadata._DATE_NEEDS) == len(metadata._DATE_PATTERNS)
    for pattern, needs in zip(metadata._DATE_PATTERNS_FOLDED, metadata._DATE_NEEDS, strict=True):
        assert needs == "" or needs in _mandatory_literals(pattern), (pattern.pattern, needs)
    assert metadata._DATE_NEEDS.count("") == 2  # the month-name patterns need no single character


@pytest.mark.parametrize("index", range(len(metadata._DATE_PATTERNS)))
def test_clean_metadata_fastpaths_grouped_months_match_like_the_plain_alternation(index: int):
    # The folded patterns spell the month alternation grouped by first letter; the plain one
    # without re.IGNORECASE must find the same matches, with the same groups, on folded text.
    source = metadata._DATE_PATTERNS[index]
    plain = re.compile(source.pattern, source.flags & ~re.IGNORECASE)
    grouped = metadata._DATE_PATTERNS_FOLDED[index]
    assert grouped.pattern.replace(metadata._MONTH_GROUPED, metadata._MONTH) == source.pattern
    texts = [metadata._fold(t) for t in TRICKY + _lines(2000, 33) + _datelines(2000, 34)]
    shifted = _MONTH_NAMES[1:] + _MONTH_NAMES[:1]
    texts += [f"{a} {b} 5, 2024 {c}." for a, b, c in zip(_MONTH_NAMES, shifted, _MONTH_NAMES[::-1], strict=True)]
    texts += [f"5 {name} 2024 {name}. 6, 1999" for name in _MONTH_NAMES]
    for text in texts:
        expected = [(m.span(), m.groupdict()) for m in plain.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in grouped.finditer(text)] == expected, text


@pytest.mark.parametrize(
    "text",
    ["By Jane Doe", "by jane doe", "BY JANE DOE", "  By Jane Doe and John Roe |", "\u2003By Jane", "Written by Jane Doe",
     "WRITTEN BY Jane", "written  by Jane", "Reporting by Jane Roe; Editing by Tom", "Text: Jane Doe", "text:Jane",
     "Von Max Muster", "Par Léa Krejci", "Por María López", "di Mario Rossi", "Door Jan de Vries", "dı Mario Rossi",
     "wrıtten by Jane", "İ by Jane", "Bypass road closed", "By", "by ", "Byline: Jane", "The bridge by Jane",
     "By Jane Doe?", "Bу Jane (Cyrillic у)", "", "   ", "b", "By 2024 Jane", "By jane Doe"],
)  # fmt: skip
def test_clean_metadata_fastpaths_byline_matches_the_plain_parse(text: str):
    assert metadata.parse_byline(text) == _plain_byline(text)


def test_clean_metadata_fastpaths_byline_random_lines_match_the_plain_parse():
    rng = random.Random(17)
    words = ["by", "By", "BY", "von", "par", "por", "di", "door", "written", "reporting", "text:", "Text:",
             "Jane", "doe", "and", "&", ",", "ı", "İ", "Ⅻ", "2024", "the", "?", "!", "|", "\u2003", "\t"]  # fmt: skip
    for _ in range(5000):
        text = rng.choice(["", " ", "  "]) + rng.choice([" ", "  ", "\t"]).join(
            rng.choice(words) for _ in range(rng.randrange(0, 18))
        )
        assert metadata.parse_byline(text) == _plain_byline(text), text


def test_clean_metadata_fastpaths_byline_openers_are_the_expression_s():
    opening = re.match(r"\^\((?P<words>[^)]*)\)\\s\+", metadata._BYLINE.pattern)
    assert opening is not None and metadata._BYLINE.flags & re.IGNORECASE
    assert tuple(opening.group("words").split("|")) == metadata._BYLINE_OPENERS
    # The screen looks at the first twelve characters: every opener fits, and all are ASCII, so
    # lower() on an ASCII head agrees with re.IGNORECASE.
    assert max(map(len, metadata._BYLINE_OPENERS)) <= 12
    assert all(opener.isascii() and opener == opener.lower() for opener in metadata._BYLINE_OPENERS)
