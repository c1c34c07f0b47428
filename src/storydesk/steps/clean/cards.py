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

from storydesk.steps.clean.stopwords import FUNCTION_WORDS

# Where a headline may end and the summary begin: a word ending in three lower-case letters, a
# digit, "?" or "!", run into a capitalised word (or the article "A"). Camel-case brands join after
# two lower-case letters ("MacBook", "AirPods", "SciSpacE"); a dateline's agency joins after ")"
# ("Hong Kong (CNN Business)A muddled view …"): neither is a join here.
_JOIN = re.compile(r"(?:(?<=[a-z]{3})|(?<=[\d?!]))(?=[A-Z][a-z]|A )")
# The same places, found quickly: a lower-case letter, digit or closer directly before a capital.
_JOIN_HINT = re.compile(r"[a-z\d?!][A-Z]")
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
    if not _JOIN_HINT.search(text):
        return False
    for match in _JOIN.finditer(text):
        at = match.start()
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
