"""Reports of a counted claim without a figure: "a group of North Korean soldiers ... deserted".

An outlet that tells the same event but gives no number ("a group of", "several", "a number of")
still carries the claim, and a reader weighing who reported it wants to see that outlet too. Such
a statement becomes a mention with no value: it never changes the claim's status (a vague amount
admits any figure), it only shows one more article carrying the fact.

It is found conservatively: the vague quantifier must be followed closely by the counted thing's
head noun, with only names or the claim's own counted words between ("a group of North Korean
soldiers", never "a group of analysts said soldiers"), and the sentence must hold every content
word of what a figure of the claim counts (the counted noun and its predicate: "North Korean
soldiers deserted").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from storydesk.model import Article, Span

from .align import Item
from .contest import sentence_of
from .words import content_stems, tokens

# Quantifiers that state an amount without a number.
VAGUE = re.compile(
    r"\b(?:an?\s+(?:small\s+|large\s+|new\s+)?(?:group|number|handful|band|squad|unit)\s+of"
    r"|several|a\s+few|a\s+couple\s+of)\s+",
    re.IGNORECASE,
)
HEAD_WINDOW = 4  # content words after the quantifier within which the head noun must come
MIN_COUNTED_WORDS = 2  # the counted thing and its predicate at least ("soldiers deserted")


def vague_spans(group: list[Item], article: Article) -> Iterator[Span]:
    """Spans of ``article`` that state the group's counted fact without a figure: from the
    quantifier to the head noun ("A group of North Korean soldiers")."""
    if not group or group[0].kind != "count":
        return
    counted = [frozenset(content_stems(item.quantity.counted)) for item in group]
    counted = [stems for stems in counted if len(stems) >= MIN_COUNTED_WORDS]
    heads = {item.head for item in group if item.head}
    if not counted or not heads:
        return
    text = article.text
    for match in VAGUE.finditer(text):
        allowed = frozenset().union(*counted)
        head_end = _head_end(text, match.end(), heads, allowed)
        if head_end is None:
            continue
        sentence = sentence_of(article, Span(match.start(), head_end))
        stems = set(content_stems(text[sentence.start : sentence.end]))
        if any(wanted <= stems for wanted in counted):
            yield Span(match.start(), head_end)


def _head_end(text: str, start: int, heads: set[str], allowed: frozenset[str]) -> int | None:
    """End offset of the head noun among the content words just after ``start``, when every
    word before it is a name or one of the ``allowed`` stems; else None."""
    window = text[start : start + 120]
    for n, (offset, stem) in enumerate(tokens(window)):
        word = re.match(r"[\w'’-]+", window[offset:])
        end = offset + (word.end() if word else len(stem))
        if stem in heads:
            return start + end
        if n + 1 >= HEAD_WINDOW or not (stem in allowed or window[offset].isupper()):
            return None
    return None
