"""Where the article body is on the page, by position: the densest run of prose (or of lists).

Every line gets a weight (prose earns its length in words, a short label or known furniture costs
a little) and the body is the contiguous run with the largest total, as in Finn et al.'s Body Text
Extraction. Menus, footers and teaser lists are long runs of short lines, so they cost more than
any body paragraph is worth and fall outside; a subheading or an advertisement inside the body
costs less than the paragraphs around it earn, so the body stays whole. A body that is a list or
a table is found through its repeated shape (``structure``), see ``body_region``.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate

from storydesk.steps.clean.cjk import unspaced_script
from storydesk.steps.clean.lines import Line
from storydesk.steps.clean.stopwords import FUNCTION_WORDS
from storydesk.steps.clean.structure import recurring_blocks
from storydesk.steps.clean.valley import valley_end

SHORT_LINE_COST = 6.0  # in words: what one menu item or label costs
FURNITURE_COST = 4.0  # known furniture inside the body costs less: it is expected there
# A teaser heading is "at the tail" when less prose than this follows it: a share of the body
# before it, or one paragraph's worth of words.
TAIL_SHARE = 0.35
TAIL_WORDS = 40


def weight(line: Line) -> float:
    """How much a line speaks for being part of the body, in words."""
    if line.reason:
        return -FURNITURE_COST
    if line.prose:
        return float(line.words)
    # Chinese and Japanese have no function words to count: a sentence there is known by its
    # full stop and length alone (see ``cjk``).
    unspaced = line.words >= 7 and unspaced_script(line)
    if unspaced and line.terminal:
        return float(line.words)
    if line.words >= 12 and (line.function_ratio >= 0.15 or unspaced):
        # Long but unpunctuated: a standfirst, caption or truncated teaser; neither for nor against.
        return 0.3 * line.words
    return -SHORT_LINE_COST


def _weights(lines: Sequence[Line]) -> list[float]:
    """``weight`` of each line, its common cases inline (one call per line was most of the
    cost): furniture, prose, and a line of under seven words, which is neither a sentence of an
    unspaced script nor long (tests/test_clean_page_fastpaths.py)."""
    return [
        -FURNITURE_COST if line.reason
        else float(line.words) if line.prose
        else -SHORT_LINE_COST if line.words < 7
        else weight(line)
        for line in lines
    ]  # fmt: skip


# A line in a list block (``structure.recurring_blocks``) earns a share of its words, and a
# little even with none (a table's number cell), where a lone short line costs: list items are
# content when they repeat an informative shape.
BLOCK_SHARE = 0.5
BLOCK_BASE = 0.5
# The region grows over a list block next to it across a gap (a table's header row, the list's
# heading) of at most a quarter of the block's length, or two lines, and never more than 40.
GAP_SHARE = 4
GAP_MIN = 2
GAP_MAX = 40
# On aeb, the prose above a byline or dateline in the region's first lines (a standfirst, a
# teaser's summary) is never in the gold body; above one past this much prose, the body has begun.
ANCHOR_WORDS = 60
_ANCHORS = frozenset({"dateline", "byline"})


def body_region(lines: Sequence[Line]) -> tuple[int, int] | None:
    """The ``[start, end)`` run of lines that is the body (see ``_list_region``), begun after
    the dateline or byline near its top: what comes before one is a standfirst or a teaser."""
    bounds = body_bounds(lines)
    return None if bounds is None else bounds[0]


def body_bounds(lines: Sequence[Line]) -> tuple[tuple[int, int], int] | None:
    """The body region (see ``body_region``) and the index where a deep valley of site chrome
    inside it ends the body (see ``valley``; the region's end when there is none)."""
    found = _list_region(lines)
    if found is None:
        return None
    region, weights = found
    start, end = region
    prose = 0
    for i in range(start, end):
        line = lines[i]
        if line.reason in _ANCHORS:
            if i + 1 < end and prose <= ANCHOR_WORDS:
                region = i + 1, end
            break
        if line.prose:
            prose += line.words
            if prose > ANCHOR_WORDS:
                break
    return region, valley_end(weights, *region)


def _list_region(lines: Sequence[Line]) -> tuple[tuple[int, int], list[float]] | None:
    """The body region before the byline anchor (see ``body_region``), with the line weights
    (list block lines earning their share of words).

    First the run of lines with the largest total ``weight`` (the densest prose). Pages whose
    body is a list or a table (a calendar, standings, a menu of meals) have little prose, and
    their list items cost like menu items; so the run is sought again with the lines of list
    blocks (``recurring_blocks``) earning words. That second run is the body when it lies apart
    from the first (the list outweighs the prose elsewhere: a footer's disclaimer, a sidebar), or
    when what it adds to the first outweighs the first; otherwise the first run only grows over
    the list blocks that touch it.
    """
    plain = _weights(lines)
    first = _densest(plain)
    block = recurring_blocks(lines)
    if first is None or not any(block):
        return None if first is None else (first, plain)
    listed = [
        max(w, BLOCK_BASE + BLOCK_SHARE * line.words) if in_block and not line.reason else w
        for w, line, in_block in zip(plain, lines, block, strict=True)
    ]
    second = _densest(listed)
    if second is None:
        return first, listed
    if second[1] <= first[0] or second[0] >= first[1]:
        return second, listed
    added = sum(listed[second[0] : first[0]]) + sum(listed[first[1] : second[1]])
    if added > sum(plain[first[0] : first[1]]):
        return second, listed
    return _grow_over_blocks(first, block), listed


def _grow_over_blocks(region: tuple[int, int], block: Sequence[bool]) -> tuple[int, int]:
    """``region`` grown over the list blocks next to it, block by block, across a gap of
    ``GAP_MIN`` lines or a ``1 / GAP_SHARE`` of the block's length (at most ``GAP_MAX``)."""
    start, end = region
    n = len(block)
    while True:  # upwards
        j = start - 1
        while j >= 0 and not block[j] and start - j <= GAP_MAX:
            j -= 1
        if j < 0 or not block[j]:
            break
        k = j  # the block is lines k..j
        while k > 0 and block[k - 1]:
            k -= 1
        if start - 1 - j > max(GAP_MIN, (j + 1 - k) // GAP_SHARE):
            break
        start = k
    while True:  # downwards
        j = end
        while j < n and not block[j] and j - end < GAP_MAX:
            j += 1
        if j >= n or not block[j]:
            break
        k = j  # the block is lines j..k
        while k + 1 < n and block[k + 1]:
            k += 1
        if j - end > max(GAP_MIN, (k + 1 - j) // GAP_SHARE):
            break
        end = k + 1
    return start, end


def _densest(weights: Sequence[float]) -> tuple[int, int] | None:
    """The ``[start, end)`` run with the largest positive sum (Kadane), or ``None``."""
    best, best_range = 0.0, None
    total, start = 0.0, 0
    for i, w in enumerate(weights):
        if total <= 0:
            total, start = 0.0, i
        total += w
        if total > best:
            best, best_range = total, (start, i + 1)
    return best_range


def prose_words(lines: Sequence[Line]) -> int:
    return sum(line.words for line in lines if line.prose and not line.reason)


def tail_cut(lines: Sequence[Line], start: int, end: int) -> int:
    """Index of the first teaser heading in ``[start, end)`` after which little body follows.

    After "More articles about …" or "Most popular" at the end of a page, everything is teaser,
    even a full sentence; the same heading in the middle of the body cuts nothing.
    """
    # From the last heading up: teaser lists follow each other ("Top stories", then "Latest
    # news"), and the prose of a later list, cut off already, does not keep an earlier one in
    # when what lies between the two headings is cards (see ``_card_shaped``).
    headings = [i for i in range(start, end) if lines[i].teaser_heading]
    if not headings:
        return end
    upto = list(accumulate((_prose_of(line) for line in lines[start:end]), initial=0))
    cut = end
    for i in reversed(headings):
        before = upto[i - start]
        limit = max(TAIL_SHARE * before, TAIL_WORDS)
        if not before or upto[cut - start] - upto[i + 1 - start] > limit:
            continue
        if upto[end - start] - upto[i + 1 - start] <= limit or _card_shaped(lines, i + 1, cut):
            cut = i
    return cut


def _prose_of(line: Line) -> int:
    return line.words if line.prose and not line.reason else 0


# Teaser cards are a headline over a sentence or two: never a run of this many paragraphs.
CARD_RUN = 3


def _card_shaped(lines: Sequence[Line], start: int, end: int) -> bool:
    """Whether no ``CARD_RUN`` prose lines follow each other in ``[start, end)``: what lies
    between two teaser headings is cards, not the body going on after an inline box."""
    run = 0
    for line in lines[start:end]:
        run = run + 1 if line.prose and not line.reason else 0
        if run >= CARD_RUN:
            return False
    return True


def comment_cut(lines: Sequence[Line], start: int, end: int, min_body: int = 40) -> int:
    """Index of the first comment-section heading ("12 Comments", "Jane on May 2 said:") that
    follows some body; readers' comments are not the article, however much of them there is."""
    for i in range(start, end):
        if lines[i].comment_heading and prose_words(lines[start:i]) >= min_body:
            return i
    return end


def choose_title(lines: Sequence[Line], start: int, lookback: int = 12) -> int | None:
    """The headline-like line just above the body: long enough, close, with ordinary words."""
    best, best_score = None, 0.0
    for i in range(max(0, start - lookback), start):
        line = lines[i]
        if line.reason not in (None, "repeated") or not line.headline_like or line.words < 3:
            continue
        has_function = any(w.lower() in FUNCTION_WORDS for w in line.text.split())
        score = min(line.words, 20) + (3.0 if has_function else 0.0) - 0.7 * (start - 1 - i)
        if score > best_score:
            best, best_score = i, score
    return best
