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

import numpy as np

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
_BULLETS = frozenset("•·-–—*»›>▪■●◦✓✔►▶→+")
# "Name: value" with a short name ("Portion Fix Containers: 1 Green", "Rockledge (0-1): …").
_KEY_COLON = re.compile(r"^[^\W\d][^:]{0,39}?:\s")
# Openings whose recurrence marks a list, not a menu: enumerated, bulleted, "key: value", digits.
_STRONG_LEADS = frozenset("NBKD")
# A time or date stamp ("11/20/2019 01:14 PM", "14:48", "2 hours ago"): teaser lists carry one
# per item, so these lines never seed a block.
_TIMESTAMP = re.compile(
    r"\b\d{1,2}:\d\d\b|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|\bago\b", re.IGNORECASE
)
_LISTING_REASONS = frozenset({"byline", "dateline"})


def _size(words: int) -> int:
    """A coarse length class: 0 no words (a number), 1 one to three, 2 four to twelve, 3 more."""
    if words == 0:
        return 0
    if words <= 3:
        return 1
    return 2 if words <= 12 else 3


def shape_code(line: Line) -> str:
    """The coarse shape of a line: its kind of opening and its length class.

    The opening is ``N`` (enumerated, or led by a day of a month), ``B`` (bullet), ``K`` ("key: value"), ``D`` (opens with a
    digit), ``C`` (a capital letter), ``L`` (a lower-case letter) or ``O`` (anything else).
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


def _strong(code: str) -> bool:
    """A code whose recurrence marks a list: an informative opening (a capitalised label or a
    long unpunctuated line recurs in menus and teaser lists as much as in bodies)."""
    if code[0] == "D":
        return code[1] in "01"  # a number or a short value; a longer one is a headline ("16 …")
    return code[0] in _STRONG_LEADS


def recurring_blocks(
    lines: Sequence[Line], reasons: Sequence[str | None] | None = None, gap: int = GAP
) -> np.ndarray:
    """Per line, whether it lies in a block where one informative shape recurs.

    A block runs from the first to the last of at least ``MIN_REPEATS`` lines of one ``_strong``
    code, each within ``gap`` lines of the previous: the "Portion Fix Containers: …" line of
    every meal, the number cells of every table row, the numbered items of a list. What lies
    between them (a meal's name, a player's name) belongs to the block too.

    ``reasons`` are the lines' furniture verdicts (default: each line's ``reason``); furniture
    never seeds a block, and bylines or datelines inside one make it a teaser list.
    """
    n = len(lines)
    out = np.zeros(n, dtype=bool)
    if reasons is None:
        reasons = [line.reason for line in lines]
    # code -> (chain start, last position, count, whether the texts differ)
    last: dict[str, tuple[int, int, int, bool]] = {}
    for i, line in enumerate(lines):
        if line.prose or reasons[i]:
            continue  # paragraphs recur in any body, furniture in any page: neither marks a list
        if _TIMESTAMP.search(line.text):
            continue
        code = shape_code(line)
        if not _strong(code) or (code[0] == "K" and line.headline_like and line.words > 5):
            # "Schiff: Republicans are only upset": a headline quoting someone, in a teaser list
            continue
        chain = last.get(code)
        if chain is not None and i - chain[1] <= gap:
            start, previous, count, varied = chain
            count += 1
            # The same text again and again ("6", the photo count of every gallery slide) is
            # page furniture; a list's items differ.
            varied = varied or line.text != lines[previous].text
            if count >= MIN_REPEATS and varied:
                out[start : i + 1] = True
            last[code] = (start, i, count, varied)
        else:
            last[code] = (i, i, 1, False)
    # A block with bylines or datelines in it is a list of other stories, each with its author
    # and time: teasers, not the body.
    for lo, hi in _true_runs(out):
        if sum(reasons[k] in _LISTING_REASONS for k in range(lo, hi)) >= 2:
            out[lo:hi] = False
    return out


def _true_runs(flags: np.ndarray) -> list[tuple[int, int]]:
    """The maximal ``[lo, hi)`` runs of True in a boolean array."""
    if not len(flags):
        return []
    edges = np.flatnonzero(np.diff(np.concatenate([[0], flags.astype(np.int8), [0]])))
    return list(zip(edges[::2].tolist(), edges[1::2].tolist(), strict=True))
