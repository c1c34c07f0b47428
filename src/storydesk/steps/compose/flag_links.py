"""Which claims a verification marker qualifies.

A marker ("has not been confirmed", "dismissed reports", "no evidence") is only useful to a reader
next to the figures it casts doubt on. Within its own article, a marker qualifies a claim when,
nearest evidence first:

* one of the claim's mentions sits in the marker's sentence ("Peskov dismissed reports of the
  3,000-strong unit");
* a mention sits in the marker's paragraph (a journalist's caveat closes the paragraph it
  qualifies);
* the marker repeats one of the claim's figures ("the source refused to give a precise number,
  except that there were absolutely nowhere near 3,000");
* the marker names the claim's source ("the information provided by the Ukrainian intelligence
  agent has not been confirmed" after a count attributed to Ukrainian spies): two or more content
  words shared with the names the claim is attributed to or traced back to.

A marker in an article that does not state the claim qualifies nothing there: each outlet's caveat
is about its own account.
"""

from __future__ import annotations

import re

from storydesk.aliases import normalize_name
from storydesk.model import Article, Claim, Flag
from storydesk.steps.clean.stopwords import FUNCTION_WORDS

# Words every attribution has: they say nothing about whose account a marker is about.
_GENERIC = frozenset(
    {"source", "sources", "official", "officials", "report", "reports", "unnamed", "citing"}
)
_MIN_SHARED_WORDS = 2
_FIGURE = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?")


def linked_claim_ids(flag: Flag, article: Article, claims: list[Claim]) -> list[str]:
    """The ids of ``claims`` that ``flag`` (a marker in ``article``) qualifies, in claim order."""
    sentence = _enclosing(article, flag.start, flag.end, _sentence_bounds(article))
    paragraph = _enclosing(article, flag.start, flag.end, _paragraph_bounds(article.text))
    marker_text = article.text[sentence[0] : sentence[1]]
    marker_words = _content_words(marker_text)
    marker_figures = {float(f.replace(",", "")) for f in _FIGURE.findall(marker_text)}
    linked: list[str] = []
    for claim in claims:
        here = [m for m in claim.mentions if m.article_id == article.id]
        if not here:
            continue
        if any(_inside(m.start, m.end, sentence) for m in here) or any(
            _inside(m.start, m.end, paragraph) for m in here
        ):
            linked.append(claim.id)
            continue
        if any(m.value is not None and m.value in marker_figures for m in here):
            linked.append(claim.id)
            continue
        names = [n for m in claim.mentions for n in m.attributed_to] + list(claim.origins)
        if any(len(marker_words & _content_words(name)) >= _MIN_SHARED_WORDS for name in names):
            linked.append(claim.id)
    return linked


def _content_words(text: str) -> set[str]:
    # normalize_name folds spelling variants the alias merger folds ("spies" -> "intelligence").
    return {
        word
        for word in normalize_name(text).split()
        if len(word) > 2 and word not in FUNCTION_WORDS and word not in _GENERIC
    }


def _inside(start: int, end: int, bounds: tuple[int, int]) -> bool:
    return bounds[0] <= start and end <= bounds[1]


def _enclosing(
    article: Article, start: int, end: int, spans: list[tuple[int, int]]
) -> tuple[int, int]:
    """The union of ``spans`` that overlap [start, end); the marker itself when none do."""
    touching = [(s, e) for s, e in spans if s < end and start < e]
    if not touching:
        return start, end
    return min(s for s, _ in touching), max(e for _, e in touching)


def _sentence_bounds(article: Article) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in article.sentences]


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Character ranges of the text's lines (cleaned text keeps one paragraph per line)."""
    bounds, start = [], 0
    for line in text.split("\n"):
        bounds.append((start, start + len(line)))
        start += len(line) + 1
    return bounds
