"""Teasers inside the body region known by their shape: cut-off excerpts and inline link boxes.

A site's sliders and "latest news" boxes show other stories as a headline over the first words of
the story, cut at a fixed length and closed with an ellipsis: "… close to two million long-time
residents of the Indian state may soon...". One such line could be a writer's trailing thought;
several on one page, each stopping after an ordinary word, are excerpts of other stories, however
much they read like prose. The headline above an excerpt is part of the same card.

Inside an article, a teaser heading ("Related articles", "DON'T MISS") heads a small box of links
to other stories: a few headline-shaped lines (no sentence end) before the body's next paragraph.
``region.tail_cut`` leaves the body whole after such a heading when much prose follows it; the
headlines under it are still teasers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storydesk.steps.clean.lines import Line

# An ellipsis right after a word ("may soon..." / "may soon…"), possibly after a full stop
# ("numbered...."), with nothing but closing quotes after it.
_CUT_OFF = re.compile(r"\w[.!?]?(\.{3}|…)[\"'”’)\]]*$")
_CLOSERS = "\"'”’)]"
MIN_EXCERPTS = 3  # excerpts on one page before any of them is called one
EXCERPT_MIN_WORDS = 12  # an excerpt is a sentence or two; a short "Wait..." is a quip
BOX_MAX_LINES = 6  # the most headlines an inline teaser box holds
BOX_MIN_WORDS, BOX_MAX_WORDS = 3, 25  # a headline's length


def cut_off(line: Line) -> bool:
    """Whether ``line`` is a long line stopped by an ellipsis right after a word."""
    if line.words < EXCERPT_MIN_WORDS or not line.text.rstrip(_CLOSERS).endswith(("...", "…")):
        return False  # most lines: no regex search over the whole line
    return _CUT_OFF.search(line.text) is not None


def mark_excerpts(lines: Sequence[Line], start: int, end: int) -> None:
    """Name the cut-off excerpts in ``[start, end)`` teasers, with the headline above each,
    when the page holds ``MIN_EXCERPTS`` of them (see module)."""
    found = [i for i in range(start, end) if not lines[i].reason and cut_off(lines[i])]
    if len(found) < MIN_EXCERPTS:
        return
    for i in found:
        lines[i].reason = "teaser"
        previous = lines[i - 1] if i > start else None
        if previous and not previous.reason and previous.headline_like and not previous.prose:
            previous.reason = "teaser"


def mark_link_boxes(lines: Sequence[Line], start: int, end: int) -> None:
    """Name the headline-shaped lines right under a teaser heading in ``[start, end)`` teasers,
    up to ``BOX_MAX_LINES`` of them, when body prose follows them (see module)."""
    for i in range(start, end):
        if not lines[i].teaser_heading:
            continue
        box: list[Line] = []
        closed = False
        for j in range(i + 1, min(end, i + 2 + BOX_MAX_LINES)):
            line = lines[j]
            if line.prose:
                closed = True  # the body's next paragraph
                break
            if line.reason:
                continue  # a caption or an advertisement slot inside the box
            if not BOX_MIN_WORDS <= line.words <= BOX_MAX_WORDS:
                break
            box.append(line)
        if closed:
            for line in box:
                line.reason = "teaser"
