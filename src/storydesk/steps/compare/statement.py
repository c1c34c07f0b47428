"""Plain-words statements for claims: "North Korean soldiers deserted: 18–20".

The subject is what the mentions count or measure, in their own words: the most common ``counted``
phrase the extract stage gave, else the words that follow the number in its clause ("about six
kilometers from the border with Ukraine" → "Distance from the border with Ukraine: 6–7 km"), else
the words before it ("the first such visit in 24 years" → "The first such visit in 24 years").

A figure that changed as the story developed is shown at its newest value, with where it came
from: "People killed: 5 (rose from 4)" (see ``updates``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from storydesk.model import Article

from .align import Item
from .words import NOISE_WORDS, stop_words, word_set

MAX_SUBJECT_WORDS = 7
_AUXILIARIES = word_set("have has had were was are is be been being already reportedly allegedly")
_NUMBERISH = NOISE_WORDS | {"a", "an", "the", "of"}
# a subordinate clause starts here: "... from the border as Zelensky's forces ..." stops at "as"
_SUBORDINATORS = word_set("as when while after before because where which who that since until")
_PREPOSITIONS = word_set("from to of in at near away off for by on")
_KIND_NOUN = {
    "count": "Number",
    "distance": "Distance",
    "money": "Amount",
    "duration": "Duration",
    "percent": "Share",
    "date": "Date",
    "other": "Value",
}
_UNIT_LABEL = {"count": "", "percent": "%", "usd": "USD", "eur": "EUR", "gbp": "GBP"}
_CURRENCY_SIGNS = frozenset("$€£¥₴₽")
_SPACE = re.compile(r"\s+")
_CLAUSE_END = re.compile(r"[;:()\[\]—–,.!?\n]")


def format_value(value: float, unit: str) -> str:
    """A readable number with its unit: 3,000 · 6.44 km · 12% · 2.5 million USD."""
    magnitude = abs(value)
    if magnitude >= 1e9:
        text = f"{value / 1e9:.3g} billion"
    elif magnitude >= 1e6:
        text = f"{value / 1e6:.3g} million"
    elif float(value).is_integer():
        text = f"{int(value):,}"
    else:
        text = f"{value:,.2f}".rstrip("0").rstrip(".")
    label = _UNIT_LABEL.get(unit.lower(), unit)
    if label == "%":
        return text + "%"
    if label in _CURRENCY_SIGNS:
        return f"{'-' if value < 0 else ''}{label}{text.lstrip('-')}"
    return f"{text} {label}".strip()


def _range(values: list[float], unit: str) -> str:
    values = sorted(set(values))
    low, high = format_value(values[0], unit), format_value(values[-1], unit)
    if low == high:
        return low
    # one unit at the end reads better: "6.44–7 km", not "6.44 km–7 km"
    label = _UNIT_LABEL.get(unit.lower(), unit)
    suffix = "%" if label == "%" else "" if label in _CURRENCY_SIGNS or not label else f" {label}"
    if suffix and low.endswith(suffix) and high.endswith(suffix):
        low = low[: -len(suffix)]
    return f"{low}–{high}"


def value_summary(items: Sequence[Item]) -> str:
    """The stated values as one figure or a low–high range.

    Measurements all written in one unit keep it ("24 years"); mixed units ("four miles", "about
    six kilometers") are shown in the normalised unit ("6–7 km").
    """
    if not items:
        return ""
    written = {item.quantity.unit.strip().lower().rstrip("s") for item in items}
    if items[0].kind != "count" and len(written) == 1 and "" not in written:
        return _range([round(item.quantity.value, 6) for item in items], items[0].quantity.unit)
    values = [round(item.value, 6) for item in items]
    if items[0].unit == "days" and min(values) >= 365:
        return _range([round(v / 365.25, 1) for v in values], "years")
    return _range(values, items[0].unit)


def _clean(text: str, trim: bool = True) -> str:
    """Collapse spaces, trim punctuation and dangling function words ("... to fight in")."""
    words = _SPACE.sub(" ", text).strip(" ,.;:–—-\"'“”‘’").split(" ")
    stop = stop_words()
    while trim and len(words) > 1 and words[-1].lower() in stop:
        words.pop()
    return " ".join(words).strip(" ,.;:–—-\"'“”‘’")


def _words_after(item: Item, text: str) -> list[str]:
    """The quote's own words (minus number, hedge, unit) and what follows up to the clause end."""
    after = _CLAUSE_END.split(text[item.quantity.span.end : item.sentence.end], maxsplit=1)[0]
    quote_words = [
        w
        for w in item.quote.split()
        if not any(ch.isdigit() for ch in w) and w.lower().strip("-") not in _NUMBERISH
    ]
    words: list[str] = []
    for word in quote_words + after.split():
        if word.lower() in _SUBORDINATORS and words:
            break
        if word.lower() not in _AUXILIARIES:
            words.append(word)
    return words[:MAX_SUBJECT_WORDS]


def _words_before(item: Item, text: str) -> list[str]:
    before = _CLAUSE_END.split(text[item.sentence.start : item.quantity.span.start])[-1]
    return before.split()[-MAX_SUBJECT_WORDS:]


def _moved(items: Sequence[Item], superseded: Sequence[Item]) -> str:
    """The figure now and where it came from: "5 (rose from 4)"; the plain figure or range when
    no update replaced any of them."""
    replaced = {id(item) for item in superseded}
    current = [item for item in items if id(item) not in replaced]
    if not superseded or not current:
        return value_summary(items)
    now, before = value_summary(current), value_summary(superseded)
    if min(i.value for i in current) > max(i.value for i in superseded):
        verb = "rose"
    elif max(i.value for i in current) < min(i.value for i in superseded):
        verb = "fell"
    else:
        verb = "updated"
    return f"{now} ({verb} from {before})"


def make_statement(
    items: Sequence[Item], articles: dict[str, Article], superseded: Sequence[Item] = ()
) -> str:
    """The claim in plain words: "<what is measured>: <figure or range>", with how the figure
    moved when updates replaced some of them (``superseded``): "People killed: 5 (rose from 4)"."""
    values = _moved(items, superseded)
    kind_noun = _KIND_NOUN.get(items[0].kind, "Value")
    # a bare kind word ("duration") says nothing the statement does not already say
    phrases = [
        _clean(item.quantity.counted)
        for item in items
        if item.quantity.counted.strip() and item.quantity.counted.strip().lower() != item.kind
    ]
    if phrases:
        counts = Counter(p.lower() for p in phrases)
        best = max(counts.values())
        what = next(p for p in phrases if counts[p.lower()] == best)
    else:
        first = items[0]
        text = articles[first.article_id].text
        what = _clean(" ".join(_words_after(first, text)))
        if not what:
            before = _clean(" ".join(_words_before(first, text)), trim=False)
            if before:
                return f"{before[0].upper()}{before[1:]} {values}"
    if not what:
        return f"{kind_noun}: {values}"
    if what.split()[0].lower() in _PREPOSITIONS:
        what = f"{kind_noun} {what}"
    return f"{what[0].upper()}{what[1:]}: {values}"
