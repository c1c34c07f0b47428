"""The tag line under an article: "Tags: Alibaba", "Topics", "Filed under: Khawarij".

Blogs and news sites print the article's tags or topics right after its last paragraph; what
comes after them is the site's (a share bar, comments, a sidebar, related stories), never the
article. Above the article the same label heads a topic menu ("Topics A-Z", The Verge's "Filed
under:" over the headline), so the label ends the body only after some of it (counted in the
words of all lines not known as furniture: a calendar or a table is a body without prose).

On aeb (181 pages) the label is on 32 pages below the body's start and no body line follows it
on any of them; on 7 more it sits above the body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from storydesk.steps.clean.lines import Line

# Matched against ``Line.key`` (lower case, words and single spaces): the label alone or with
# the tags after it ("tags kristi noem south dakota").
TAG_LABEL = re.compile(
    r"^(tags?|tagged( with| in)?|topics|filed (under|in)|etiquetas|marcadores|schlagwörter"
    r"|schlagworte|mots clés|теги|метки)( |$)"
)
MAX_WORDS = 15  # a label and a few tags; a longer line is a sentence that begins with "Topics"
MIN_BODY = 40  # words of body above the label, as for a comment heading (``comment_cut``)


def tags_cut(lines: Sequence[Line], start: int, end: int) -> int:
    """Index of the first tag label in ``[start, end)`` below ``MIN_BODY`` words of body, or
    ``end``: the body ends there."""
    body = 0
    for i in range(start, end):
        line = lines[i]
        if body >= MIN_BODY and _is_tag_label(line):
            return i
        if not line.reason:
            body += line.words
    return end


def _is_tag_label(line: Line) -> bool:
    return line.words <= MAX_WORDS and not line.terminal and TAG_LABEL.match(line.key) is not None
