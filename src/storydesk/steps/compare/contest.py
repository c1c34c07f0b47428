"""Signs that a stated amount is denied or disputed, and who a mention is attributed to.

Four kinds of evidence make a claim *contested*:

* a ``denied``/``correction`` flag in the same sentence as one of its mentions;
* an attribution with a denial cue ("denied", "dismissed", "rejected") whose content holds a
  mention;
* a sentence of the story that disputes the very value ("absolutely nowhere near 3,000", "not
  even close to 18"): found by ``find_disputed_values``;
* a correction of the figure ("later corrected the figure to 9", "revised the toll from 12 to
  9"): found by ``find_corrections``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storydesk.model import Article, Attribution, Span

from .words import content_stems, tokens

DENIAL_STEMS: frozenset[str] = frozenset(
    {"deny", "denial", "dismiss", "reject", "refut", "disput", "rebut", "contradict", "debunk"}
)
CONTESTING_FLAGS: frozenset[str] = frozenset({"denied", "correction"})

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100, "a hundred": 100, "a thousand": 1000,
    "dozen": 12, "a dozen": 12,
}  # fmt: skip
_NUMBER = (
    r"(?P<num>\d[\d,]*(?:\.\d+)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
)
# A dispute cue directly governing a number: "nowhere near 3,000", "not even close to 18". Only
# cues that deny the figure itself: "far fewer than 3,000" is as often a plain statement.
_DISPUTE = re.compile(
    r"\b(?:nowhere near|not (?:even )?(?:close to|near|anywhere near)|(?:not|never|wasn't|"
    r"weren't|isn't|aren't) (?:as many as|as much as|anywhere near))\s+(?:the\s+)?"
    r"(?:reported\s+|claimed\s+)?" + _NUMBER + r"(?!\w)",
    re.IGNORECASE,
)


# A correction of a figure: "later corrected the figure to 9", "revised the death toll down from
# 12 to 9", "lowered its estimate to 9,000". The sentence's figures are contested, and a "from N"
# value is disputed wherever the story states it.
_CORRECTION = re.compile(
    r"\b(?:correct|revis|amend|updat|lower|rais|adjust|downgrad|upgrad|cut|reduc)\w*\s+"
    r"(?:(?:the|its|their|his|her|an?|that|this|earlier|initial|official)\s+)*"
    r"(?:\w+\s+)?(?:figure|number|toll|count|tally|total|estimate)s?\b"
    r"(?:\s+(?:down|up|downward|upward)(?:s|wards)?)?"
    r"(?:\s+from\s+(?P<old>\d[\d,]*(?:\.\d+)?))?\s+to\s+(?:\w+\s+){0,2}?"
    r"(?P<new>\d[\d,]*(?:\.\d+)?|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
    r"(?!\w)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DisputedValue:
    """A number that a sentence of ``article_id`` explicitly disputes, and where."""

    article_id: str
    value: float
    span: Span


def _parse_number(text: str) -> float | None:
    text = text.lower().strip()
    if text in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[text])
    try:
        return float(text.replace(",", ""))
    except ValueError:
        return None


def find_disputed_values(article: Article) -> list[DisputedValue]:
    """Every "nowhere near N"-style dispute in the article's text, with the disputed number."""
    found: list[DisputedValue] = []
    for match in _DISPUTE.finditer(article.text):
        value = _parse_number(match.group("num"))
        if value is not None:
            found.append(DisputedValue(article.id, value, Span(match.start(), match.end())))
    return found


def find_corrections(article: Article) -> tuple[list[Span], list[DisputedValue]]:
    """Corrections of a figure in the article's text: the spans that state a corrected figure
    ("later corrected the figure to 9") and the superseded values they name ("from 12")."""
    spans: list[Span] = []
    superseded: list[DisputedValue] = []
    for match in _CORRECTION.finditer(article.text):
        spans.append(Span(match.start(), match.end()))
        old = _parse_number(match.group("old")) if match.group("old") else None
        if old is not None:
            superseded.append(DisputedValue(article.id, old, Span(*match.span("old"))))
    return spans, superseded


def flag_contests(article: Article, flag_span: Span, sentence: Span, span: Span) -> bool:
    """Whether a denied/correction flag over ``flag_span`` disputes the figure at ``span`` in
    ``sentence``. A figure before a denying verb belongs to the denier, not to what is denied:
    "the man who wounded 16 people has denied firing any shots" denies no count. Markers without
    such a verb ("nowhere near", "that is false") dispute the whole sentence."""
    if not sentence.overlaps(flag_span):
        return False
    region = Span(min(sentence.start, flag_span.start), max(sentence.end, flag_span.end))
    text = article.text[region.start : region.end]
    cues = [region.start + offset for offset, stem_ in tokens(text) if stem_ in DENIAL_STEMS]
    return not cues or any(cue < span.start for cue in cues)


def is_denial(attribution: Attribution, article: Article) -> bool:
    """True when the attribution's cue denies rather than asserts ("dismissed reports that")."""
    cue = article.text[attribution.cue.start : attribution.cue.end]
    return any(s in DENIAL_STEMS for s in content_stems(cue))


# A negator in the few words before a cue: "did not confirm", "has never said", "would not say".
_NEGATED_CUE = re.compile(
    r"(?:\b(?:not|never|no longer|neither|nor)|n't|n’t)\W+(?:\w+\W+){0,2}$", re.I
)
NEGATION_WINDOW = 40  # characters before the cue searched for the negator


def is_negated(attribution: Attribution, article: Article) -> bool:
    """True when the cue is negated ("officials did not confirm that ...", "he would not say"):
    the speaker is named but vouches for nothing, so the content is not theirs."""
    start = attribution.cue.start
    if attribution.source is not None and attribution.source.end <= start:
        before = article.text[max(attribution.source.end, start - NEGATION_WINDOW) : start]
    else:
        before = article.text[max(0, start - NEGATION_WINDOW) : start]
    return _NEGATED_CUE.search(before) is not None


def sentence_of(article: Article, span: Span, hint: Span | None = None) -> Span:
    """The sentence holding ``span``: the given hint, else the article's sentences, else the
    text between the surrounding line breaks / full stops (so unsentenced input still works)."""
    if hint is not None and hint.start <= span.start < hint.end:
        return hint
    found = article.sentence_at(span.start)
    if found is not None:
        return found
    text = article.text
    line = text.rfind("\n", 0, span.start)
    stop = text.rfind(". ", 0, span.start)
    start = max(line + 1, stop + 2 if stop != -1 else 0)
    ends = [i for i in (text.find("\n", span.end), text.find(". ", span.end) + 1) if i > 0]
    end = min(ends) if ends else len(text)
    return Span(min(start, span.start), max(end, span.end))


def covers(attribution: Attribution, article: Article, span: Span) -> bool:
    """True when the attribution speaks for ``span``: its content holds it, or it sits in the
    sentence of the attribution's cue."""
    if attribution.content.contains(span):
        return True
    return sentence_of(article, attribution.cue).contains(span)


def attributed_names(attribution: Attribution, article: Article) -> list[str]:
    """The attribution's source name (or its words) followed by the sources it chains through."""
    names: list[str] = []
    name = attribution.source_name.strip()
    if not name and attribution.source is not None:
        name = article.text[attribution.source.start : attribution.source.end].strip()
    if name:
        names.append(name)
    names.extend(v.strip() for v in attribution.via if v and v.strip())
    return names
