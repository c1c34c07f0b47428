"""Whether cleaned text holds anything a reader would call an article.

Cleaning keeps what is left of a page, and on a page with no article that can be a menu ("Home |
News | Sport"), a login prompt ("Forgot password?") or a bare headline. Passing such a fragment
downstream makes a one-line "article" that clusters with nothing and yields no facts, and the
user never learns the page was empty. ``has_substance`` is the test the clean step applies so
such pages become a counted ``no-body`` skip with a reason instead.
"""

from __future__ import annotations

import re

from storydesk.steps.clean.lines import line_shape

# A line of at least this many words is a sentence or a real paragraph fragment; menu items,
# buttons and prompts are shorter ("Sign in", "Forgot password?", "Accept all cookies").
MIN_WORDS = 6
# A menu is three or more short items between separators: "Home | News | Sport".
MENU_ITEMS = 3
MENU_ITEM_WORDS = 3
_SEPARATOR = re.compile(r"\s*[|•·›»/]\s*|\s+-\s+")


def is_menu(line: str) -> bool:
    """True for a line of ``MENU_ITEMS`` or more items of at most ``MENU_ITEM_WORDS`` words each,
    separated by ``|``, bullets, guillemets, slashes or spaced dashes."""
    items = [item for item in _SEPARATOR.split(line) if item.strip()]
    return len(items) >= MENU_ITEMS and all(len(item.split()) <= MENU_ITEM_WORDS for item in items)


def has_substance(text: str) -> bool:
    """True when some line of ``text`` has ``MIN_WORDS`` words or more (CJK counted by
    characters, as the line classifier does) and is not a menu."""
    for raw in text.splitlines():
        line = raw.strip()
        if line and line_shape(line)[0] >= MIN_WORDS and not is_menu(line):
            return True
    return False
