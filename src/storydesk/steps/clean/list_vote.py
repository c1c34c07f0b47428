"""One verdict for all the items of one list inside the body.

A reader takes a list as a unit: the dates of a tour ("June 9 -- Coral Sky Amphitheatre, West
Palm Beach, FL", "June 10 -- …"), the questions and answers of an interview ("Q: …", "A: …"), the
ingredients of a recipe. The line model judges every line alone, and on such a run of
same-shaped lines its probabilities scatter around its threshold, so it keeps some items and
drops others of the very same shape. Here the items of one list inside the rules' body region
(lines the rules keep, with the same informative opening: enumerated or dated, "key: value", a
bullet, a number) take one verdict: kept when the model's word-weighted mean probability over
them reaches ``LIST_FLOOR``, dropped otherwise. The floor lies below the model's own threshold
because the rules keep every one of these lines: where the model is unsure of a list, the
rules' verdict stands, as ``page_choice`` lets the rules win on pages where the model is unsure.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import compress, product, repeat
from operator import and_, attrgetter, is_

import numpy as np

from storydesk.steps.clean.line_features import PageLayout
from storydesk.steps.clean.lines import Line
from storydesk.steps.clean.structure import _BULLETS, _MONTH_PREFIXES, shape_code

# Openings that make a list: ``N`` enumerated or dated, ``K`` "key: value", ``B`` bullet, ``D``
# a number (see ``structure.shape_code``). Capitalised or lower-case openings are any sentence's.
LIST_LEADS = frozenset("NKBD")
# Openings of a list item other than a digit: "#" and "(" of an enumeration, the bullets.
_MAY_OPEN_LIST = frozenset("#(") | _BULLETS
# The first three letters of a month's name as ``_DATED`` matches them (case-insensitive, where
# "s" also matches "ſ", the long s): tests check the letters against the expression on every
# code point.
_CASES = {"s": "sSſ"}
_MONTH_STARTS = frozenset(
    "".join(chars)
    for month in sorted(_MONTH_PREFIXES)
    for chars in product(*(_CASES.get(c, c + c.upper()) for c in month))
)
_REASON = attrgetter("reason")
MIN_ITEMS = 3  # three items of one shape make a list, two are chance (as in ``structure``)
ITEM_GAP = 3  # lines from one item to the next, at most: an answer or a note may sit between
# The word-weighted mean probability at which a list inside the body stays (the model's threshold
# is 0.5): the rules keep all its items, so only a model clearly against the list drops it.
LIST_FLOOR = 0.4
# A line that introduces a list is a clause ("The band's 2020 tour dates:"); a shorter one is a
# label ("Related links:", "Tags:"), which heads teasers as often as body lists.
INTRO_WORDS = 4


def _list_lead(line: Line) -> str:
    """``shape_code(line)[0]``, or "" for a line whose lead cannot be a list's (``LIST_LEADS``):
    "N" needs a digit, "#" or "(" first (``_NUMBERED``) or a month's name (``_DATED``), "B" a
    bullet, "D" a digit and "K" a colon early on. Most lines are told so without the
    expressions of ``shape_code``."""
    text = line.text
    first = text[:1]
    if (
        ":" not in text[:42]
        and first not in _MAY_OPEN_LIST
        and not first.isdigit()
        and text[:3] not in _MONTH_STARTS
    ):
        return ""
    return shape_code(line)[0]


def list_items(layout: PageLayout, free: Sequence[bool]) -> list[list[int]]:
    """The lists inside the rules' body region: for each, the indexes of its items.

    Items are lines the rules keep and the model decides (``free``), between the region's start
    and the tail cut, with an opening in ``LIST_LEADS``; one list chains the items of one opening
    that follow each other within ``ITEM_GAP`` lines, and has at least ``MIN_ITEMS`` of them.
    """
    lines = layout.lines
    start, end = layout.region[0], min(layout.tail_at, len(lines))
    lists: list[list[int]] = []
    open_lists: dict[str, list[int]] = {}
    # The lines the rules keep (no reason) and the model decides, picked in C.
    kept = map(is_, map(_REASON, lines[start:end]), repeat(None))
    for i in compress(range(start, end), map(and_, free[start:end], kept)):
        lead = _list_lead(lines[i])
        if lead not in LIST_LEADS:
            continue
        items = open_lists.get(lead)
        if items is not None and i - items[-1] <= ITEM_GAP:
            items.append(i)
            continue
        if items is not None and len(items) >= MIN_ITEMS:
            lists.append(items)
        open_lists[lead] = [i]
    lists += [items for items in open_lists.values() if len(items) >= MIN_ITEMS]
    return lists


def vote_lists(
    layout: PageLayout,
    free: Sequence[bool],
    probability: np.ndarray,
    keep: np.ndarray,
    floor: float = LIST_FLOOR,
) -> np.ndarray:
    """``keep`` with the items of every list (``list_items``) given one verdict: all kept when
    their word-weighted mean ``probability`` reaches ``floor``, else all dropped."""
    out = np.array(keep, dtype=bool, copy=True)
    for items in list_items(layout, free):
        # A number cell has no words but is an item all the same: it weighs as one word.
        weights = np.fromiter((max(layout.lines[i].words, 1) for i in items), dtype=float)
        mean = float(np.dot(weights, probability[items]) / weights.sum())
        out[items] = mean >= floor
    return out


def introduced_lists(layout: PageLayout, free: Sequence[bool], keep: np.ndarray) -> np.ndarray:
    """``keep`` with the list under a kept line that ends in a colon kept whole.

    "Foods allowed on the diet:" (``INTRO_WORDS`` words at least) followed by "any fish", "any poultry", …: the items complete
    the sentence the reader just read, whatever each looks like alone. The list is the run of
    lines right below the kept colon line, inside the rules' body region, that the rules keep,
    that are not sentences and that open like its first item (``shape_code``'s lead); two items
    at least.
    """
    lines = layout.lines
    start, end = layout.region[0], min(layout.tail_at, len(lines))
    out = np.array(keep, dtype=bool, copy=True)
    i = start
    while i < end:
        line = lines[i]
        i += 1
        if not (out[i - 1] and line.text.endswith(":") and line.words >= INTRO_WORDS):
            continue
        lead = ""
        j = i
        while j < end:
            item = lines[j]
            if item.reason is not None or not free[j] or item.prose:
                break
            code = shape_code(item)[0]
            if lead and code != lead:
                break
            lead = code
            j += 1
        if j - i >= MIN_ITEMS - 1:
            out[i:j] = True
        i = max(i, j)
    return out
