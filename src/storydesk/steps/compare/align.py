"""Quantity mentions prepared for alignment: what each one counts, in which words, with what value.

Each quantity of an article becomes an ``Item``: its normalised value and the interval its hedge
admits (``tolerance``), the head noun of what it counts ("soldier"; for an age, whose age), its
casualty role (killed / injured / arrested) and a weighted bag of content-word stems — the
``counted`` words (weight 2), the clause around the number (1) and the rest of its sentence (0.3).
``links`` decides which items are one claim. Trivial quantities are dropped here (``is_noise``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from storydesk.model import Article, Quantity, Span
from storydesk.steps.extract.casualties import (
    headline_casualties,
    in_teaser_line,
    read_casualties,
)

from .contest import sentence_of
from .tolerance import Interval, interval, is_round_word_number, rounding_slack
from .words import OUTCOME_ROLES, alpha_word_count, content_stems, tokens, word_set

_CLAUSE_BREAK = re.compile(r"[;:()\[\]—–]|,\s|\s-\s|\n")
_YEAR = re.compile(r"^\s*(1[89]\d\d|20\d\d)\s*$")
# "the two countries", "these three men": a definite small group refers back to named parties.
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those|both|all)\s+$", re.I)
DEFINITE_GROUP_MAX = 3
_CALENDAR_WORDS = word_set(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday"""
)


_CASUALTY_STEMS = {"killed": "kill", "injured": "injur"}


@dataclass(slots=True)
class Item:
    """One quantity of one article, prepared for alignment."""

    article_id: str
    canonical_id: str  # the original's id for a duplicate, else the article's own id
    is_duplicate: bool
    order: tuple[int, int]  # (article position in the story, character offset)
    quantity: Quantity
    quote: str
    kind: str
    unit: str  # normalised unit
    value: float  # normalised point value
    interval: Interval
    sentence: Span
    head: str = ""  # what is counted or aged ("soldier", "woman"), "" when unknown
    core: frozenset[str] = frozenset()  # stems of the quote, unit and counted words
    head_is_name: bool = False  # the head is a person's name ("a 34-year-old Billy Jones")
    role: str = ""  # casualty role stem ("kill", "injur", "arrest") or ""
    # the casualty reader's view: a part of a total or a figure about another incident
    # ("including two children", "in a separate shooting") ...
    minor: bool = False
    # ... and the figure the article gives as its incident's toll for ``role`` (see ``mark_tolls``)
    toll: bool = False
    bag: dict[str, float] = field(default_factory=dict)
    # when the article was published (orders values in time), and the update words that state
    # this figure as the newer value of something that changed (see ``updates``)
    published: dt.date | None = None
    update: str = ""  # "up" | "down" | "either" | ""
    update_words: Span | None = None


def is_noise(article: Article, quantity: Quantity, sentence: Span) -> bool:
    """Quantities that state nothing about the event, dropped before alignment.

    * the pronoun "one" ("one of the", "the one who"): value 1 written in words with no unit;
      and "one" as a mere determiner ("an attack on one member is an attack on all"): the word
      "one" counts something only when it states a casualty ("one person was killed");
    * dates read as numbers: bare years ("in 2024"), or a number whose unit is a month or a
      weekday ("Oct. 15", "October 7") — dates belong to the timeline;
    * page furniture: a line of fewer than three words ("1 / 13", "2 min read"), and lines of
      related-story lists and video playlists ("+ Two killed in crash", "1:27 1 dead after ...").

    * a small group named by a definite article ("the two countries signed a pact", "both
      leaders"): it points back at parties the text has named, it does not count anything new
      (a casualty figure is kept: "the two victims were taken to hospital");

    Durations ("24 years") and ages are kept: they are facts an article states and agreeing on
    them across outlets is worth showing.
    """
    quote = article.text[quantity.span.start : quantity.span.end]
    unit = quantity.unit.strip()
    words_one = quantity.value == 1 and not any(ch.isdigit() for ch in quote) and not unit
    # "One injured in Spenard shooting": a "one" the casualty reader reads is a count
    determiner = quantity.kind == "count" and quote.strip().lower() == "one"
    if (words_one or determiner) and read_casualties(article.text, quantity) is None:
        return True
    if (
        quantity.kind == "count"
        and quantity.value is not None
        and quantity.value <= DEFINITE_GROUP_MAX
        and _DEFINITE_BEFORE.search(
            article.text[max(0, quantity.span.start - 12) : quantity.span.start]
        )
        and read_casualties(article.text, quantity) is None
    ):
        return True
    if quantity.kind in ("count", "other"):
        if not unit and _YEAR.match(quote):
            return True
        if unit and unit.split()[-1].lower().rstrip(".") in _CALENDAR_WORDS:
            return True
    if in_teaser_line(article.text, quantity.span.start):
        return True
    return alpha_word_count(article.text[sentence.start : sentence.end]) < 3


def _within_line(text: str, sentence: Span, span: Span) -> Span:
    """Clip a sentence to the line holding ``span``: scraped pages run headlines, captions and
    credits into one "sentence" when they lack a full stop, but never across a line break."""
    start = text.rfind("\n", sentence.start, span.start) + 1 or sentence.start
    end = text.find("\n", span.end, sentence.end)
    return Span(max(start, sentence.start), end if end != -1 else sentence.end)


def _clause(text: str, sentence: Span, span: Span) -> Span:
    """The clause of ``sentence`` around ``span``: cut at ; : ( ) dashes and commas."""
    inner = text[sentence.start : sentence.end]
    rel_start, rel_end = span.start - sentence.start, span.end - sentence.start
    start, end = 0, len(inner)
    for match in _CLAUSE_BREAK.finditer(inner):
        if match.end() <= rel_start:
            start = match.end()
        elif match.start() >= rel_end:
            end = match.start()
            break
    return Span(sentence.start + start, sentence.start + end)


def _role(text: str, counted: str, clause: Span, span: Span) -> str:
    """The casualty role of the mention: from ``counted`` if it names one, else the role word
    nearest to the number inside its clause ("killed 3 and injured 5": 3 → kill, 5 → injur)."""
    for stem_ in reversed(content_stems(counted)):
        if stem_ in OUTCOME_ROLES:
            return stem_
    best, best_distance = "", math.inf
    for offset, stem_ in tokens(text[clause.start : clause.end]):
        if stem_ not in OUTCOME_ROLES:
            continue
        at = clause.start + offset
        distance = span.start - at if at < span.start else max(0, at - span.end)
        if distance < best_distance:
            best, best_distance = stem_, distance
    return best


def _finite(number: object) -> bool:
    return isinstance(number, int | float) and math.isfinite(number)


def _well_formed(article: Article, quantity: Quantity) -> bool:
    """An annotation we can trust: offsets inside the text, finite numbers, text fields as text.
    Anything else is dropped rather than allowed to crash the story."""
    span = quantity.span
    if not isinstance(span, Span) or not (0 <= span.start < span.end <= len(article.text)):
        return False
    if not _finite(quantity.value):
        return False
    if quantity.normalized_value is not None and not _finite(quantity.normalized_value):
        return False
    if quantity.high is not None and not _finite(quantity.high):
        return False
    strings = (quantity.kind, quantity.unit, quantity.normalized_unit, quantity.counted)
    if not all(isinstance(field_, str) for field_ in strings):
        return False
    owner = quantity.counted_span
    return owner is None or (
        isinstance(owner, Span) and 0 <= owner.start <= owner.end <= len(article.text)
    )


def _day(published: object) -> dt.date | None:
    """The publication day (a datetime's date: the two do not compare), None when unknown."""
    if isinstance(published, dt.datetime):
        return published.date()
    return published if isinstance(published, dt.date) else None


def make_item(
    article: Article, quantity: Quantity, position: int, canonical_id: str
) -> Item | None:
    """Prepare one quantity for alignment; None for noise or malformed input."""
    if not _well_formed(article, quantity):
        return None
    text = article.text
    span = quantity.span
    value = float(
        quantity.normalized_value if quantity.normalized_value is not None else quantity.value
    )
    sentence = _within_line(text, sentence_of(article, span, quantity.sentence), span)
    if is_noise(article, quantity, sentence):
        return None
    quote = text[span.start : span.end]
    kind = quantity.kind or "other"
    unit = quantity.normalized_unit or quantity.unit or ("count" if kind == "count" else "")
    high = quantity.high
    if high is not None and quantity.normalized_value is not None and quantity.value:
        high = high * quantity.normalized_value / quantity.value  # bring the range to base units
    slack = 0.0 if kind == "count" else rounding_slack(quote, quantity.value, value)
    admitted = interval(
        value,
        high,
        quantity.hedge,
        approximate=is_round_word_number(quote, quantity.value),
        slack=slack,
    )
    item = Item(
        article_id=article.id,
        canonical_id=canonical_id,
        is_duplicate=article.duplicate_of is not None,
        order=(position, span.start),
        quantity=quantity,
        quote=quote,
        kind=kind,
        unit=unit,
        value=value,
        interval=admitted,
        sentence=sentence,
        published=_day(article.published),
    )
    clause = _clause(text, sentence, span)
    bag: dict[str, float] = {}
    for _, stem_ in tokens(text[sentence.start : sentence.end]):
        bag[stem_] = max(bag.get(stem_, 0.0), 0.3)
    for _, stem_ in tokens(text[clause.start : clause.end]):
        bag[stem_] = max(bag.get(stem_, 0.0), 1.0)
    for stem_ in content_stems(quantity.counted):
        bag[stem_] = 2.0
    item.bag = bag
    item.core = frozenset(content_stems(f"{quote} {quantity.unit} {quantity.counted}"))
    if kind == "count":
        heads = content_stems(quantity.unit) or content_stems(quote)
        item.head = heads[-1] if heads else ""
    elif kind == "other" and quantity.counted_span is not None:
        # an age belongs to someone: "a 44-year-old man" is not "a 40-year-old woman"
        owner = text[quantity.counted_span.start : quantity.counted_span.end].split()
        heads = content_stems(owner[-1]) if owner else []
        item.head = heads[-1] if heads else ""
        item.head_is_name = bool(owner) and owner[-1][:1].isupper()
    casualty = read_casualties(text, quantity)
    # the casualty reader knows "six were shot, one fatally"; the clause's nearest role word is
    # the fallback for everything else (arrests, and counts it does not read)
    item.role = (
        _CASUALTY_STEMS[casualty.role]
        if casualty is not None
        else _role(text, quantity.counted, clause, span)
    )
    item.minor = casualty is not None and (casualty.part or casualty.doubtful)
    return item


def mark_tolls(items: list[Item], article: Article) -> None:
    """Mark the article's items that state its headline casualty figures (``toll``): the figure
    ``headline_casualties`` picks for a role, and each repetition of that figure in the same role
    ("1 dead, 4 wounded" in the headline, "one man was killed" in the lead); where the article
    states no positive figure for a role, its zero ("no one was injured"). Every outlet's toll
    is a report of one quantity, the incident's dead (or wounded), whatever words it uses."""
    # only sound annotations: a malformed quantity must not crash the story (see _well_formed)
    sound = [q for q in article.quantities or [] if _well_formed(article, q)]
    headline = {
        _CASUALTY_STEMS[role]: figure
        for role, figure in headline_casualties(article, sound).items()
    }
    for item in items:
        if item.article_id != article.id or item.kind != "count":
            continue
        figure = headline.get(item.role)
        if figure is not None and item.quantity.span.start == figure.start:
            item.toll = True  # even a part, when it is all the article states
            continue
        if item.minor:
            continue
        read = read_casualties(article.text, item.quantity)
        if read is None or _CASUALTY_STEMS[read.role] != item.role:
            continue
        item.toll = read.value == (figure.value if figure is not None else 0)


def document_frequencies(articles: list[Article]) -> tuple[dict[str, int], int]:
    """How many of the story's sentences (lines where unsentenced) hold each stem, and how many
    sentences there are: the IDF sample for ``group_items``. The whole story is a steadier sample
    than the few mentions themselves, and words every outlet repeats ("North Korean soldiers")
    still weigh less than words that tell one figure from another ("unit", "sent")."""
    df: dict[str, int] = defaultdict(int)
    n = 0
    for article in articles:
        spans = article.sentences or _lines(article.text)
        for span in spans:
            stems = set(content_stems(article.text[span.start : span.end]))
            if stems:
                n += 1
                for stem_ in stems:
                    df[stem_] += 1
    return df, n


def _lines(text: str) -> list[Span]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append(Span(start, start + len(line)))
        start += len(line) + 1
    return spans
