"""Reader comments known by their layout when no heading announces them.

``region.comment_cut`` ends the body at a comment-section heading ("12 Comments", "Leave a
reply"). Many blogs print the thread without one a cleaner can read (the heading is an image, or
repeats the article's title: "10 thoughts on “Business Focus: …”"). A reader still knows the
thread at a glance: each comment opens with the commenter's name on a short line, the date and
time it was posted on the next, then the comment's text; the shape repeats for every comment.
An article names its author once, over its dateline; a name over a time stamp three times over,
after the body has begun, is a thread.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storydesk.steps.clean.lines import Line

MIN_COMMENTS = 3  # name-over-date pairs before the run is called a thread
NAME_MAX_WORDS = 4  # "Jan Smith", "Anita DeSousa", "Gaye"
# Rule verdicts a commenter's name may carry: none, or "repeated" (the author answering).
_NAME_REASONS = frozenset({None, "repeated", "byline"})


# A comment is stamped with the time of day it was posted ("August 8, 2018 at 3:17 pm", "2 hours
# ago"); a table of names and dates (a wiki's list of events) is not.
_TIME_OF_DAY = re.compile(r"\b\d{1,2}:\d\d\b|\b[ap]\.?m\b|\bago\b", re.I)


def _name_over_date(lines: Sequence[Line], i: int) -> bool:
    name, date = lines[i], lines[i + 1]
    return (
        date.reason == "dateline"
        and _TIME_OF_DAY.search(date.text) is not None
        and name.reason in _NAME_REASONS
        and 1 <= name.words <= NAME_MAX_WORDS
        and not name.prose
    )


def thread_cut(lines: Sequence[Line], start: int, end: int, min_body: int = 40) -> int:
    """Index where a comment thread begins in ``[start, end)`` (see module), after at least
    ``min_body`` words of body prose; ``end`` when there is none. A short counted heading
    just above the first comment ("10 thoughts on “…”") goes with the thread."""
    pairs = [i for i in range(start, end - 1) if _name_over_date(lines, i)]
    if len(pairs) < MIN_COMMENTS:
        return end
    prose = 0
    at = start
    for k, first in enumerate(pairs):
        prose += sum(line.words for line in lines[at:first] if line.prose and not line.reason)
        at = first
        if prose >= min_body and _thread_follows(pairs, k):
            above = lines[first - 1] if first > start else None
            if above and not above.prose and above.text[:1].isdigit():
                return first - 1
            return first
    return end


def _thread_follows(pairs: Sequence[int], k: int) -> bool:
    """Whether ``MIN_COMMENTS`` pairs start at ``pairs[k]``, each within ``MAX_GAP`` lines of
    the one before (a thread is dense; an article's parts are not name-dated)."""
    window = pairs[k : k + MIN_COMMENTS]
    return len(window) == MIN_COMMENTS and all(
        b - a <= MAX_GAP for a, b in zip(window, window[1:], strict=False)
    )


MAX_GAP = 12  # lines from one comment's name to the next's
