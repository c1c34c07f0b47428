"""Everything about one line that depends on its text alone, computed once per distinct text.

A line's shape (``lines.shape_of``), its furniture verdict from the vocabulary
(``vocab.find_furniture``), its dateline date or byline name and its text-only feature columns
(``line_features.text_columns``) are pure functions of the text. The rule pass and the feature
pass both need them, and sites repeat their menus, footers and bylines from page to page, so
they are gathered in one ``LineFacts`` record per text and kept in one bounded cache
(``lines.text_cache``): a line costs one cache look-up, however many passes read it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from itertools import count

from storydesk.steps.clean.line_features import columns_of, pack_row
from storydesk.steps.clean.lines import Line, shape_of, text_cache
from storydesk.steps.clean.metadata import parse_byline, parse_dateline, parse_translator
from storydesk.steps.clean.vocab import find_furniture

_YEAR = re.compile(r"(?:19|20)\d\d")  # the year of every date pattern of ``find_date``
BYLINE_INITIALS = frozenset("bvpdwrt")  # first letters of the words that open a byline
MAX_DATELINE_WORDS = 16  # longer lines are never datelines or bylines


@dataclass(frozen=True, slots=True)
class LineFacts:
    """The text-only facts of one line.

    ``fields`` are the fields of ``Line`` after ``index`` and ``text``, in order, as the word
    rules leave them (the shape, then ``reason`` to ``date`` from the vocabulary, datelines and
    bylines, then ``row``): ``Line(index, text, *facts.fields)`` is the line after the word
    rules, before any rule that looks at the page.
    """

    fields: tuple[object, ...]
    byline: str | None  # the names of a byline line
    translator: str | None  # the translator named by a "metadata" furniture line


def build_lines(texts: list[str]) -> tuple[list[Line], list[LineFacts]]:
    """The stripped lines ``texts`` as ``Line``s numbered from 0, after the word rules, and their
    facts: one cached look-up per text, mapped in C (this runs for every line of every page)."""
    facts = list(map(line_facts, texts))
    lines = [Line(i, t, *f.fields) for i, t, f in zip(count(), texts, facts)]  # type: ignore[arg-type]
    return lines, facts


def compute_facts(text: str) -> LineFacts:
    """``LineFacts`` of one stripped line, computed (``line_facts`` is the cached form)."""
    shape = shape_of(text)
    row = pack_row(*columns_of(text, *shape))
    hit = find_furniture(text)
    if hit:
        translator = parse_translator(text) if hit.reason == "metadata" else None
        verdict = (hit.reason, hit.teaser_heading, hit.comment_heading or hit.reason == "comment",
                   hit.whole_line, None)  # fmt: skip
        return LineFacts((*shape, *verdict, row), None, translator)
    date, byline = dateline_or_byline(text) if shape[0] <= MAX_DATELINE_WORDS else (None, None)
    if date:
        return LineFacts((*shape, "dateline", False, False, False, date, row), None, None)
    if byline:
        return LineFacts((*shape, "byline", False, False, False, None, row), byline, None)
    return LineFacts((*shape, None, False, False, False, None, row), None, None)


# ``compute_facts``, cached (see the module docstring).
line_facts = text_cache(compute_facts)


def dateline_or_byline(text: str) -> tuple[dt.date | None, str | None]:
    """The date of a dateline, else the name of a byline."""
    # Every date pattern has a year, so a line without one skips the parse; every byline starts
    # with one of a few words ("By", "von", "par", "written by", ...), each of whose first letters
    # matches only itself under re.IGNORECASE (tests/test_clean_plain_fastpaths.py checks both).
    # A year holds "19" or "20": two ``in`` scans rule out most lines before the regex call.
    has_year = ("19" in text or "20" in text) and _YEAR.search(text) is not None
    date = parse_dateline(text) if has_year else None
    if date:
        return date, None
    if text.lstrip()[:1].lower() not in BYLINE_INITIALS:
        return None, None
    return None, parse_byline(text)
