"""Cards of other stories, each with its own date: "Headline", "Author", "Tuesday November 19,
2019", "The excerpt…", again and again.

An article carries one dateline, at its top. Below it, sites print their other stories as cards
that each repeat the same parts: a headline, often the author, a date and an excerpt; comment
threads and source lists stamp every entry with a date too. A reader knows the body has ended
when datelines follow each other every few lines: on aeb (181 pages), every run of three or more
datelines each within ``MAX_GAP`` lines of the one before, inside the body region, holds no body
(8 runs on 6 pages: teaser cards, comment threads, a fact check's sources). A card has a
headline: every dateline of the run has one (a line of ``HEADLINE_WORDS`` or more, not a
sentence) among the ``HEAD_LINES`` lines above it, which tells the cards from a timeline or a
table of names and dates. The run begins at the first card's headline.
"""

from __future__ import annotations

from collections.abc import Sequence

from storydesk.steps.clean.lines import Line

MIN_CARDS = 3  # datelines in the run
MAX_GAP = 8  # lines from one dateline to the next: a headline, a name, a date, an excerpt
HEAD_LINES = 2  # a card's headline and author, above its dateline
HEADLINE_WORDS = 4  # "Kurt Volker throws Rudy Giuliani under the bus"; a name alone is shorter
MIN_BODY = 40  # prose words of body above the run, as for a comment heading (``comment_cut``)


def dated_cards_cut(lines: Sequence[Line], start: int, end: int) -> int:
    """Index of the first card of the first run of ``MIN_CARDS`` datelines in ``[start, end)``
    below ``MIN_BODY`` words of body prose (see module), or ``end``."""
    dates = [i for i in range(start, end) if lines[i].reason == "dateline"]
    body, at = 0, start
    for k in range(len(dates) - MIN_CARDS + 1):
        first = dates[k]
        body += sum(line.words for line in lines[at:first] if line.prose and not line.reason)
        at = first
        run = dates[k : k + MIN_CARDS]
        close = all(b - a <= MAX_GAP for a, b in zip(run, run[1:], strict=False))
        if body >= MIN_BODY and close and all(_headed(lines, start, i) for i in run):
            top = first
            while top > max(start, first - HEAD_LINES) and _card_head(lines[top - 1]):
                top -= 1
            return top
    return end


def _headed(lines: Sequence[Line], start: int, date: int) -> bool:
    """Whether a card headline is among the ``HEAD_LINES`` lines above the dateline ``date``."""
    above = lines[max(start, date - HEAD_LINES) : date]
    return any(_card_head(line) and line.words >= HEADLINE_WORDS for line in above)


def _card_head(line: Line) -> bool:
    """A headline or a name over a card's date: short, no sentence, no verdict yet."""
    return not line.prose and not line.reason and line.words > 0
