"""Recommendation widgets: "You may also like" and the cards of other items under it.

``region.tail_cut`` ends the body at a teaser heading ("Most read", "Related") only when little
prose follows it, because inline boxes with those headings sit in the middle of many articles and
the body goes on after them. A heading that addresses the reader with recommendations ("You may
also like", "Você pode gostar", "Das könnte Sie auch interessieren") belongs to a widget placed
after the article; what follows it can be as long as the article itself when the widget shows
whole items (quotes, recipes, poems) as cards. The body ends there when the lines after it read
as cards: one short line (a share bar, a "Read more" link) repeated under or over each of them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from storydesk.steps.clean.lines import Line
from storydesk.steps.clean.region import TAIL_WORDS, prose_words

# Matched against ``Line.key`` (lower case, words and single spaces).
RECOMMEND_HEADING = re.compile(
    r"^(you (may|might) (also )?(like|enjoy|be interested in)"
    r"|recommended for you|we recommend"
    r"|(você )?(também )?pode(rá)? (gostar|se interessar)|talvez você goste|recomendados para você"
    r"|(también )?te (puede|podría) interesar|quizás te interese|recomendado para ti"
    r"|vous (aimerez|pourriez aimer|pourriez aussi aimer)"
    r"|das könnte (sie|dich) auch interessieren|empfehlungen für (sie|dich)"
    r"|(ti )?potrebbe(ro)? (interessarti|interessare|piacerti)"
    r"|misschien ook interessant|вам может понравиться|вас может заинтересовать)"
    r"( \w+){0,2}$"
)
MIN_CARDS = 3  # the repeated line under or over each card, at least this many times
CARD_LINE_WORDS = 8  # a share bar or link label: short
_CARD_REASONS = frozenset({None, "repeated"})


def recommendation_cut(lines: Sequence[Line], start: int, end: int) -> int:
    """Index of a recommendation heading in ``[start, end)`` after some body whose following
    lines read as cards (see module); ``end`` when there is none."""
    for i in range(start, end):
        line = lines[i]
        if not line.teaser_heading or not RECOMMEND_HEADING.match(line.key):
            continue
        if prose_words(lines[start:i]) >= TAIL_WORDS and _cards_follow(lines, i + 1, end):
            return i
    return end


def _cards_follow(lines: Sequence[Line], start: int, end: int) -> bool:
    """Whether one short line that is not prose recurs ``MIN_CARDS`` times in ``[start, end)``
    with prose between its occurrences: a card template. Rules may have removed it only for its
    recurrence ("repeated"); a line known as other furniture (an advertisement slot between
    paragraphs) says nothing about cards."""
    counts = Counter(
        line.key
        for line in lines[start:end]
        if line.key
        and line.reason in _CARD_REASONS
        and not line.prose
        and line.words <= CARD_LINE_WORDS
    )
    if not counts:
        return False
    key, count = counts.most_common(1)[0]
    if count < MIN_CARDS:
        return False
    seen = [j for j in range(start, end) if lines[j].key == key]
    # Prose between consecutive occurrences: the cards' content, not a list of bare labels.
    between = sum(
        any(lines[k].prose for k in range(a + 1, b)) for a, b in zip(seen, seen[1:], strict=False)
    )
    return between >= MIN_CARDS - 1
