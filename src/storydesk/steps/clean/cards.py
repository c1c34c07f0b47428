"""Teaser cards the scrape glued into one line: a headline run straight into its summary.

A news site's menus and sidebars show other stories as cards, a headline over a one-sentence
summary. When the page's text is scraped, the two often end up on one line with no space between
them: "Customers Leave Without Paying $690 Bill At Troy SteakhouseA party of six left …". A reader
sees a headline (every word capitalised, no sentence end) followed by a sentence (ordinary
capitalisation), joined where a word ends and a capitalised word begins. Such a line reads as
prose to the shape rules, so a menu full of them can outweigh a short article; naming them
teasers keeps them out of the body and out of the body region (``region.weight``).

Brand names written in camel case ("MacBook", "AirPods", "LeBron", "SpaceX") join a lower-case
run to a capital as well; they are told apart by the run before the capital (a card's headline
ends on a whole word of four letters or more, or on a digit or closing punctuation) and by the
shape on both sides (a title-case headline of several words, then a sentence-case sentence).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from string import ascii_lowercase, ascii_uppercase, digits

from storydesk.steps.clean.stopwords import FUNCTION_WORDS

# Where a headline may end and the summary begin: a word ending in three lower-case letters, a
# digit, "?" or "!", run into a capitalised word (or the article "A"). Camel-case brands join after
# two lower-case letters ("MacBook", "AirPods", "SciSpacE"); a dateline's agency joins after ")"
# ("Hong Kong (CNN Business)A muddled view …"): neither is a join here.
_JOIN = re.compile(r"(?:(?<=[a-z]{3})|(?<=[\d?!]))(?=[A-Z][a-z]|A )")
# The character before a join: every ``_JOIN`` place is the end of one of these matches (its
# look-behinds end on such a character), and ``re`` scans for a leading class far faster than it
# tries look-behinds at every position; ``_JOIN.match`` at the end keeps the places ``_JOIN``
# finds (tests/test_clean_page_fastpaths.py). Matches cannot overlap: the character after one
# is a capital, which cannot begin the next.
_BEFORE_JOIN = re.compile(r"[a-z\d?!](?=[A-Z][a-z]|A )")


def _hint_class(byte: int) -> int:
    """The class of one byte in ``_HINT_CLASSES``."""
    char = chr(byte)
    if char in ascii_uppercase:
        return ord("U")
    return ord("l") if char in ascii_lowercase or char in digits or char in "?!" else ord(" ")


# A quick hint of a ``_JOIN`` place, what ``[a-z\d?!][A-Z]`` finds, without a regular
# expression: every character becomes its class ("l" for ``[a-z\d?!]``, "U" for ``[A-Z]``, else
# a space) and a hint is "lU" in the classes. A non-ASCII character is encoded as "?" and so
# counts as "l" (``\d`` matches any script's digits; no non-ASCII character is in ``[A-Z]``): the
# classes may show a hint the pattern does not find, never miss one
# (tests/test_clean_page_fastpaths.py), and ``_JOIN`` decides those lines.
_HINT_CLASSES = bytes(map(_hint_class, range(256)))
_SENTENCE_END = re.compile(r"[.…]\s")  # a headline may ask a question: "Is It Over? Experts Say …"
_STRIP = "'\"‘’“”:,;()[]"

MIN_HEAD_WORDS = 4  # a headline: four words or more ("Tape Gaffe Ends Hamlin's Title Run")
MIN_TAIL_WORDS = 5  # a summary: a sentence of five words or more
HEAD_CAPITALS = 0.8  # share of the headline's content words that are capitalised (title case)
TAIL_CAPITALS = 0.6  # a summary in sentence case has fewer capitalised content words than this


def _capital_share(words: list[str]) -> float | None:
    """Share of the content words (not function words) that begin with a capital or a digit."""
    content = [w.strip(_STRIP) for w in words]
    content = [w for w in content if w and w.lower() not in FUNCTION_WORDS]
    if not content:
        return None
    return sum(1 for w in content if w[0].isupper() or w[0].isdigit()) / len(content)


def glued_card(text: str) -> bool:
    """Whether ``text`` is a title-case headline glued to a sentence-case summary (see module)."""
    if b"lU" not in text.encode("ascii", "replace").translate(_HINT_CLASSES):
        return False  # no lower-case letter, digit, "?" or "!" before a capital (see above)
    for at in join_places(text):
        head, tail = text[:at], text[at:]
        head_words = head.split()
        if len(head_words) < MIN_HEAD_WORDS or _SENTENCE_END.search(head):
            continue
        tail_words = tail.split()
        if len(tail_words) < MIN_TAIL_WORDS:
            return False  # later joins leave an even shorter summary
        head_share = _capital_share(head_words)
        tail_share = _capital_share(tail_words[1:])  # its first word is capitalised anyway
        if head_share is None or head_share < HEAD_CAPITALS:
            continue
        if tail_share is not None and tail_share < TAIL_CAPITALS:
            return True
    return False


def join_places(text: str) -> Iterator[int]:
    """Where ``_JOIN`` matches in ``text``, in order (found through ``_BEFORE_JOIN``)."""
    for before in _BEFORE_JOIN.finditer(text):
        at = before.end()
        if _JOIN.match(text, at):  # look-behinds see the text before ``at``
            yield at
