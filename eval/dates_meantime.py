"""dates-meantime: dates and quantities in 120 Wikinews articles (MEANTIME, CC BY 4.0).

Data: ``meantime/meantime_en_docs.jsonl.gz``, its tokenised text made back into prose
(``eval._meantime``). MEANTIME annotates TIMEX3 and VALUE only in each article's title and first
five lines (the title, the date line and, in practice, the first four sentences): everything
below compares within that region.

Level ``dates``: TIMEX3 of type DATE with a calendar value (``eval._dates``), the creation-time
date line itself left out (counted); the three systems of ``eval._dates`` (dateparser and
storydesk on the gold span, storydesk in text); ``answered``/``accuracy``/``precision``.

Levels ``quantities ...``: span detection of storydesk's ``find_quantities`` against the VALUE
annotations (types QUANTITY, MONEY, PERCENT; MEANTIME gives no normalised value, so only spans
and types are compared). A predicted quantity and a gold VALUE *match* when their character spans
overlap. ``quantities (any type)``: precision = predicted quantities in the annotated region that
match some VALUE, recall = VALUEs matched by some prediction. ``quantities MONEY`` /
``PERCENT`` / ``QUANTITY``: the same, but a match also needs the type to agree (storydesk kind
money → MONEY, percent → PERCENT, any other kind → QUANTITY). The baseline marks every numeral
(digits, with a currency sign before or a percent sign/word after it) as a quantity.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path

from eval._dates import (
    SYSTEMS,
    Tally,
    as_timex,
    best_overlap,
    dateparser_value,
    gold_value,
    parse_all,
)
from eval._meantime import MeantimeDoc, load_meantime
from eval.result import EvalResult, Row, resolve_storydesk
from storydesk.metrics import PRF

NAME = "dates-meantime"
ANNOTATED_LINES = 6  # title, date line, four more lines: where MEANTIME annotates timex/value
VALUE_TYPES = ("MONEY", "PERCENT", "QUANTITY")
_KIND_TO_TYPE = {"money": "MONEY", "percent": "PERCENT"}
_BASELINE = re.compile(
    r"(?P<cur>(?:[A-Z]{1,2})?[$£€]\s?)?\d[\d,]*(?:\.\d+)?"
    r"(?:\s?(?:billion|million|bn|m)\b)?(?P<pct>\s?(?:%|percent\b|per cent\b))?"
)

Span = tuple[int, int, str]  # start, end, VALUE type


def run(datasets_dir: Path, limit: int | None = None) -> EvalResult:
    """Score dates and quantity spans on the first ``limit`` articles (all 120 by default)."""
    docs = load_meantime(datasets_dir, limit)
    result = EvalResult(NAME, "DATE resolution and quantity spans in the annotated lines",
                        "meantime (English, 120 Wikinews articles)", len(docs))
    find_dates, reason = resolve_storydesk("storydesk.steps.extract", "find_dates")
    resolve_span, _ = resolve_storydesk("storydesk.steps.extract.dates", "resolve_span")
    find_quantities, reason_q = resolve_storydesk("storydesk.steps.extract", "find_quantities")
    parsed: list[object | None] = [None] * len(docs)
    if find_dates is None or find_quantities is None or resolve_span is None:
        result.missing["storydesk"] = reason or reason_q or "dates.resolve_span is missing"
    else:
        parsed = list(parse_all(NAME, [d.text for d in docs], result))
    systems = SYSTEMS if parsed[:1] != [None] else SYSTEMS[:1]
    tallies = {s: Tally() for s in systems}
    seconds: Counter[str] = Counter()
    skipped: Counter[str] = Counter()
    counts: dict[str, Counter[str]] = {"baseline": Counter(), "storydesk": Counter()}
    for doc, spacy_doc in zip(docs, parsed, strict=True):
        _score_dates(doc, spacy_doc, find_dates, resolve_span, tallies, seconds, skipped)
        region = _region_end(doc.text)
        gold = [(a.start, a.end, a.type) for a in doc.annotations
                if a.kind == "value" and a.type in VALUE_TYPES and a.start < region]
        started = time.perf_counter()
        _count_matches(counts["baseline"], gold, baseline_spans(doc.text[:region]))
        seconds["baseline"] += time.perf_counter() - started
        if spacy_doc is not None:
            started = time.perf_counter()
            predicted = [(q.span.start, q.span.end, _KIND_TO_TYPE.get(q.kind, "QUANTITY"))
                         for q in find_quantities(spacy_doc) if q.span.start < region]
            _count_matches(counts["storydesk"], gold, predicted)
            seconds["storydesk"] += time.perf_counter() - started
    result.rows += [tallies[s].row(s, "dates", seconds[s]) for s in systems]
    for level in ("any type", *VALUE_TYPES):
        for system in ("numeral baseline", "storydesk"):
            key = "baseline" if system != "storydesk" else "storydesk"
            if system == "storydesk" and parsed[:1] == [None]:
                continue
            result.rows.append(_prf_row(counts[key], level, system, seconds[key]))
    result.notes.append(
        f"dates: {tallies[SYSTEMS[0]].gold} DATE timexes in scope; out of scope: "
        f"{skipped['creation']} creation-time date lines, {skipped['scope']} others "
        "(PRESENT_REF, XXXX-..., seasons, quarters)"
    )
    gold_total = counts["baseline"]
    result.notes.append("quantities: gold VALUEs " + ", ".join(
        f"{t} {gold_total['gold ' + t]}" for t in VALUE_TYPES))
    result.notes.append("storydesk is not tuned on MEANTIME: every figure here is held out")
    return result


def _region_end(text: str) -> int:
    """Offset of the end of the annotated region (the first ANNOTATED_LINES lines)."""
    pos = -1
    for _ in range(ANNOTATED_LINES):
        pos = text.find("\n", pos + 1)
        if pos < 0:
            return len(text)
    return pos


def baseline_spans(text: str) -> list[Span]:
    """Every numeral as a quantity: MONEY after a currency sign, PERCENT before a percent sign."""
    spans = []
    for m in _BASELINE.finditer(text):
        kind = "MONEY" if m["cur"] else "PERCENT" if m["pct"] else "QUANTITY"
        spans.append((m.start(), m.end(), kind))
    return spans


def _count_matches(counts: Counter[str], gold: list[Span], predicted: list[Span]) -> None:
    """Add one document's hits: per type (type must agree) and for "any type"."""
    def overlaps(a: Span, b: Span) -> bool:
        return a[0] < b[1] and b[0] < a[1]

    for level in ("any type", *VALUE_TYPES):
        typed = level != "any type"
        g = [s for s in gold if not typed or s[2] == level]
        p = [s for s in predicted if not typed or s[2] == level]
        counts[f"gold {level}"] += len(g)
        counts[f"predicted {level}"] += len(p)
        counts[f"found {level}"] += sum(any(overlaps(x, y) for y in p) for x in g)
        counts[f"right {level}"] += sum(any(overlaps(y, x) for x in g) for y in p)


def _prf_row(counts: Counter[str], level: str, system: str, seconds: float) -> Row:
    predicted, gold = counts[f"predicted {level}"], counts[f"gold {level}"]
    prf = PRF.from_pr(counts[f"right {level}"] / predicted if predicted else 0.0,
                      counts[f"found {level}"] / gold if gold else 0.0)
    return Row(system, {"precision": prf.precision, "recall": prf.recall, "f1": prf.f1},
               f"quantities {level}", seconds)


def _score_dates(doc: MeantimeDoc, spacy_doc, find_dates, resolve_span,
                 tallies: dict[str, Tally], seconds: Counter[str], skipped: Counter[str]) -> None:
    gold = []
    for a in doc.annotations:
        if a.kind != "timex" or a.type != "DATE":
            continue
        value = gold_value(a.value)
        if a.creation_time:
            skipped["creation"] += 1
        elif value is None or doc.dct is None:
            skipped["scope"] += 1
        else:
            gold.append((a, value))
    started = time.perf_counter()
    for a, value in gold:
        tallies[SYSTEMS[0]].add(dateparser_value(a.text, doc.dct), value)
    seconds[SYSTEMS[0]] += time.perf_counter() - started
    if spacy_doc is None or not gold:
        return
    started = time.perf_counter()
    for a, value in gold:
        answers = [(m.span.start, m.span.end, as_timex(m.resolved, m.granularity))
                   for m in resolve_span(spacy_doc, a.start, a.end, doc.dct)]
        tallies[SYSTEMS[1]].add(best_overlap(a.start, a.end, answers), value)
    seconds[SYSTEMS[1]] += time.perf_counter() - started
    started = time.perf_counter()
    answers = [(m.span.start, m.span.end, as_timex(m.resolved, m.granularity))
               for m in find_dates(spacy_doc, doc.dct)]
    for a, value in gold:
        tallies[SYSTEMS[2]].add(best_overlap(a.start, a.end, answers), value)
    seconds[SYSTEMS[2]] += time.perf_counter() - started
