"""Combining extractors line by line, and the post-pass over an extractor's text.

trafilatura's precision mode drops most page furniture that its default mode lets through
(teaser lists, newsletter boxes, inline "more stories") but also drops real paragraphs: a
standfirst, the last paragraph, sometimes nearly the whole article. ``combine`` keeps the
precision text and gives every line it dropped a second hearing: the line comes back when both
other extractors (readability and resiliparse) also judge it to be main content. When precision
mode keeps under ``COLLAPSE_RATIO`` of the default text it has failed on the page, and the default
text is used as it is.

``post_pass`` then removes what every extractor lets through: the headline repeated as the first
line (the title is metadata, not body) and lines the furniture vocabulary recognises.

Tuned on the article-extraction-benchmark (token F1), confirmed on trafilatura's own evaluation
pages (snippet F1); see eval/clean_html_aeb.py and eval/clean_html_trafeval.py.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rapidfuzz import fuzz

from storydesk.model import Removed
from storydesk.steps.clean.lines import normalise
from storydesk.steps.clean.vocab import match_furniture

COLLAPSE_RATIO = 0.3  # precision text below this share of the default text: precision failed
TITLE_SIMILARITY = 90.0  # rapidfuzz ratio of a first line to the title for it to be the headline
TITLE_LOOKAHEAD = 3  # the headline is searched among the first lines only
# Furniture the extractors let through. Embedded posts, captions and credits stay: in markup the
# extractor already judged them, and many sites count them as body.
DROPPED_FURNITURE = frozenset(
    {
        "advertisement", "share", "ai-note", "reading-time", "gallery", "cookie-notice",
        "teaser", "comment", "navigation",
    }
)  # fmt: skip

_KEY = re.compile(r"\W+")
_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+|\s*[|»]\s*")  # "Headline | Site", "Headline - Site"


def _key(text: str) -> str:
    """Letters and digits only, lower case: lines compare equal across extractors' spacing."""
    return _KEY.sub(" ", text).strip().lower()


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def words(text: str) -> int:
    """Number of whitespace-separated words."""
    return len(text.split())


def combine(
    default_text: str, precision_text: str, voters: Sequence[str]
) -> tuple[str, list[Removed]]:
    """Merge trafilatura's default and precision-mode texts with the ``voters``' texts.

    Returns the merged text (lines in the default text's order, one per line) and the default
    text's lines it left out, as ``Removed(..., "boilerplate")``.
    """
    if not precision_text.strip() or words(precision_text) < COLLAPSE_RATIO * words(default_text):
        return default_text, []
    core = _key(precision_text)
    votes = [_key(text) for text in voters if text.strip()]
    need = len(votes)
    kept: list[str] = []
    removed: list[Removed] = []
    for line in _lines(default_text):
        key = _key(line)
        if not key:
            continue
        agreed = need > 0 and sum(key in vote for vote in votes) >= need
        if key in core or (agreed and match_furniture(line) is None):
            kept.append(line)
        else:
            removed.append(Removed(line, "boilerplate"))
    merged = "\n".join(kept)
    # The two modes segment some pages differently; never return less than precision found.
    if words(merged) < 0.9 * words(precision_text):
        return precision_text, []
    return merged, removed


def is_title(line: str, title: str | None) -> bool:
    """Whether ``line`` is the headline ``title`` (or its part before " | Site")."""
    if not title:
        return False
    key = normalise(line)
    if not key:
        return False
    candidates = {normalise(title)}
    candidates |= {normalise(part) for part in _TITLE_PARTS.split(title) if len(part.split()) >= 3}
    return any(
        key == c or (len(key) > 20 and fuzz.ratio(key, c) >= TITLE_SIMILARITY) for c in candidates
    )


def post_pass(text: str, title: str | None) -> tuple[str, list[Removed]]:
    """Drop the repeated headline near the top and furniture lines; one paragraph per line."""
    lines = _lines(text)
    removed: list[Removed] = []
    for i, line in enumerate(lines[:TITLE_LOOKAHEAD]):
        if is_title(line, title):
            # Short lines above the headline are kickers and labels ("Politics", "Analysis").
            above = lines[:i] if all(words(x) <= 12 for x in lines[:i]) else []
            removed += [Removed(x, "metadata") for x in above] + [Removed(line, "title")]
            lines = (lines[i + 1 :] if above or i == 0 else lines[:i] + lines[i + 1 :])
            break
    kept = []
    for line in lines:
        hit = match_furniture(line)
        if hit is not None and hit.reason in DROPPED_FURNITURE:
            removed.append(Removed(line, hit.reason))
        else:
            kept.append(line)
    return "\n".join(kept), removed
