"""Blocks of lines with a recurring shape: the list items and table rows of a body.

A body that is a calendar ("1a etapa: 10 de março – Interlagos", "2a etapa: …"), a standings
table (a name, then numbers, again and again), a numbered list of products with their links or a
menu of meals ("Meal 1", "Eat every 2–3 hours", a recipe, "Portion Fix Containers: …") is made
of short lines that a prose detector takes for labels. What tells them from a site menu is that
an *informative* shape recurs every few lines: an enumerated item, a "Name: value" line, a number
cell. A menu repeats only capitalised words, and a teaser list repeats headlines, bylines and
times, which never count.

Every line gets a coarse shape code (``shape_code``); ``recurring_blocks`` chains the lines of
one informative code that follow each other within ``GAP`` lines, and a chain of
``MIN_REPEATS`` or more is a block, with the lines between its members. One pass over the lines.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storydesk.steps.clean.lines import Line

MIN_REPEATS = 3  # a shape seen three times is a pattern, twice is chance
GAP = 8  # lines between two recurrences of a shape in one block, at most
# An enumerated item: "1)", "2.", "(3)", "#4", "5º …", "1a etapa: …", "2nd round: …".
_NUMBERED = re.compile(
    r"^(?:[#(]?\d{1,3}[a-zºª°]?[.)\]:]|\(\d{1,3}\)|\d{1,3}[ºª°]\s|\d{1,3}[a-zºª°]{0,2}\s[^\W\d]\w*:\s)"
)
# An item led by a date without a year ("June 9 – Tampa, FL @ …", "Jan. 5: …"): a tour or a
# timeline. English month names and their common abbreviations.
_DATED = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s\d{1,2}(?:st|nd|rd|th)?\b"
    r"(?!,?\s*\d{4})",
    re.IGNORECASE,
)
# A parenthesised number alone on a line is the post count of an archive or tag widget
# ("Aaron Kwok", "(13)", "Adam Cheng", "(1)"), not an enumerated item (those carry text).
_COUNT_BADGE = re.compile(r"^\(\d{1,6}\)$")
_BULLETS = frozenset("•·-–—*»›>▪■●◦✓✔►▶→+")
# "Name: value" with a short name ("Portion Fix Containers: 1 Green", "Rockledge (0-1): …").
_KEY_COLON = re.compile(r"^[^\W\d][^:]{0,39}?:\s")
# A time or date stamp ("11/20/2019 01:14 PM", "14:48", "2 hours ago"): teaser lists carry one
# per item, so these lines never seed a block.
_TIMESTAMP = re.compile(
    r"\b\d{1,2}:\d\d\b|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|\bago\b", re.IGNORECASE
)
_LISTING_REASONS = frozenset({"byline", "dateline"})
_MONTH_INITIALS = frozenset("JFMASONDjfmasond")
# The first three letters of ``_DATED``'s months, lower-cased: a line led by a month initial
# whose first three characters lower-case to none of these cannot match it (its months' other
# letters match only themselves under re.IGNORECASE; tests/test_clean_plain_structure.py).
_MONTH_PREFIXES = frozenset(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
)


def _size(words: int) -> int:
    """A coarse length class: 0 no words (a number), 1 one to three, 2 four to twelve, 3 more."""
    if words == 0:
        return 0
    if words <= 3:
        return 1
    return 2 if words <= 12 else 3


def shape_code(line: Line) -> str:
    """The coarse shape of a line: its kind of opening and its length class.

    The opening is ``N`` (enumerated, or led by a day of a month), ``B`` (bullet), ``K`` ("key:
    value"), ``D`` (opens with a digit), ``C`` (a capital letter), ``L`` (a lower-case letter)
    or ``O`` (anything else).
    """
    text = line.text
    first = text[:1]
    if _NUMBERED.match(text) or _DATED.match(text):
        lead = "N"
    elif first in _BULLETS:
        lead = "B"
    elif ":" in text[:42] and _KEY_COLON.match(text):
        lead = "K"
    elif first.isdigit():
        lead = "D"
    elif first.isupper():
        lead = "C"
    elif first.islower():
        lead = "L"
    else:
        lead = "O"
    return f"{lead}{_size(line.words)}"


def seed_code(line: Line) -> str | None:
    """``shape_code`` of a line that can seed a block, else ``None``.

    Seeds have an informative opening (``N``, ``B``, ``K``, or ``D`` on a number or a short
    value: a longer line led by a digit is a headline, "16 ways to …"); a capitalised label or
    a long unpunctuated line recurs in menus and teaser lists as much as in bodies. Never a
    seed: a headline quoting someone ("Schiff: Republicans are only upset"), which teaser lists
    are full of, and a time or date stamp, which every teaser carries. The first character
    decides which patterns can match, so most lines cost no regular expression at all.
    """
    text = line.text
    first = text[:1]
    if first.isdigit() or first in "#(":
        if _COUNT_BADGE.match(text):
            return None
        if _NUMBERED.match(text):
            lead = "N"
        elif first.isdigit() and line.words <= 3:
            lead = "D"
        else:
            return None
    elif first in _BULLETS:
        lead = "B"
    elif first.isalpha():
        if first in _MONTH_INITIALS and text[:3].lower() in _MONTH_PREFIXES and _DATED.match(text):
            lead = "N"
        elif ":" in text[:42] and _KEY_COLON.match(text):
            if line.headline_like and line.words > 5:
                return None
            lead = "K"
        else:
            return None
    else:
        return None
    if _TIMESTAMP.search(text):
        return None
    return f"{lead}{_size(line.words)}"


def recurring_blocks(
    lines: Sequence[Line], reasons: Sequence[str | None] | None = None, gap: int = GAP
) -> list[bool]:
    """Per line, whether it lies in a block where one informative shape recurs.

    A block runs from the first to the last of at least ``MIN_REPEATS`` lines of one seed code
    (``seed_code``), each within ``gap`` lines of the previous: the "Portion Fix Containers: …"
    line of every meal, the number cells of every table row, the numbered items of a list. What
    lies between them (a meal's name, a player's name) belongs to the block too. The same text
    again and again ("6", the photo count of every gallery slide) is page furniture, not a list.

    ``reasons`` are the lines' furniture verdicts (default: each line's ``reason``); furniture
    and prose never seed a block (paragraphs recur in any body), and two bylines or datelines
    inside one make it a list of other stories, each with its author and time: teasers.
    """
    n = len(lines)
    out = [False] * n
    if reasons is None:
        reasons = [line.reason for line in lines]
    chains: list[tuple[int, int]] = []
    # code -> [chain start, last position, count, whether the texts differ]
    open_chains: dict[str, list[int]] = {}
    for i, line in enumerate(lines):
        if line.prose or reasons[i]:
            continue
        code = seed_code(line)
        if code is None:
            continue
        chain = open_chains.get(code)
        if chain is not None and i - chain[1] <= gap:
            chain[3] = chain[3] or line.text != lines[chain[1]].text
            chain[1] = i
            chain[2] += 1
            continue
        if chain is not None and chain[2] >= MIN_REPEATS and chain[3]:
            chains.append((chain[0], chain[1]))
        open_chains[code] = [i, i, 1, 0]
    chains += [(c[0], c[1]) for c in open_chains.values() if c[2] >= MIN_REPEATS and c[3]]
    for lo, hi in chains:
        out[lo : hi + 1] = [True] * (hi + 1 - lo)
    for lo, hi in _true_runs(out):
        if sum(reasons[k] in _LISTING_REASONS for k in range(lo, hi)) >= 2:
            out[lo:hi] = [False] * (hi - lo)
    return out


def _true_runs(flags: Sequence[bool]) -> list[tuple[int, int]]:
    """The maximal ``[lo, hi)`` runs of True."""
    runs: list[tuple[int, int]] = []
    start = -1
    for i, flag in enumerate(flags):
        if flag and start < 0:
            start = i
        elif not flag and start >= 0:
            runs.append((start, i))
            start = -1
    if start >= 0:
        runs.append((start, len(flags)))
    return runs
