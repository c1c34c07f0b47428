"""dates-tempeval3: resolving DATE expressions against the document creation time (TimeML).

Data: ``tempeval3/TempEval3_platinum_TBAQ.tar.xz`` read in place (``eval._timeml``). Levels:
``platinum`` (TempEval-3's 20-document test set: storydesk is never tuned on it), ``timebank``
(183 docs) and ``aquaint`` (73 docs), TempEval-3's training data, the part dates.py may be tuned on.

Gold: every TIMEX3 of type DATE whose value is a calendar year, month, day or ISO week (see
``eval._dates``: quarters, seasons, decades and ``*_REF`` are counted as out of scope).

Systems (``eval._dates``): dateparser on the gold span (the baseline), storydesk on the gold span
(``dates.resolve_span``: resolution only) and storydesk in text (``find_dates``: detection and
resolution, the gold span answered by the overlapping mention). Metrics: ``answered``,
``accuracy`` (right / gold) and ``precision`` (right / answered).
"""

from __future__ import annotations

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
from eval._timeml import LEVELS, TimeDoc, load_tempeval3
from eval.result import EvalResult, resolve_storydesk

NAME = "dates-tempeval3"


def run(datasets_dir: Path, limit: int | None = None) -> EvalResult:
    """Score the three systems on every level; ``limit`` takes the first N docs of each level."""
    docs = load_tempeval3(datasets_dir, limit)
    result = EvalResult(
        NAME,
        "DATE timex resolution against the creation time (accuracy = right / gold)",
        "tempeval3 (TE3 platinum + TimeBank/AQUAINT)",
        len(docs),
    )
    find_dates, reason = resolve_storydesk("storydesk.steps.extract", "find_dates")
    resolve_span, reason_span = resolve_storydesk("storydesk.steps.extract.dates", "resolve_span")
    systems = SYSTEMS
    parsed: list[object | None] = [None] * len(docs)
    if find_dates is None or resolve_span is None:
        result.missing["storydesk"] = reason or reason_span
        systems = SYSTEMS[:1]
    else:
        parsed = list(parse_all(NAME, [d.text for d in docs], result))
    tallies = {(level, system): Tally() for level in LEVELS for system in systems}
    seconds: Counter[tuple[str, str]] = Counter()
    out_of_scope: Counter[str] = Counter()
    for doc, spacy_doc in zip(docs, parsed, strict=True):
        _score_doc(doc, spacy_doc, find_dates, resolve_span, tallies, seconds, out_of_scope)
    for level in LEVELS:
        for system in systems:
            if tallies[(level, system)].gold:
                result.rows.append(
                    tallies[(level, system)].row(system, level, seconds[(level, system)]))
    for level in LEVELS:
        result.notes.append(
            f"{level}: {tallies[(level, SYSTEMS[0])].gold} DATE timexes in scope, "
            f"{out_of_scope[level]} out of scope (quarters, seasons, decades, *_REF, X-values)"
        )
    result.notes.append("dates.py is only tuned on timebank/aquaint; platinum is the held-out check")
    return result


def _score_doc(doc: TimeDoc, spacy_doc, find_dates, resolve_span, tallies, seconds,
               out_of_scope) -> None:
    gold = []
    for timex in doc.timexes:
        if timex.type != "DATE":
            continue
        value = gold_value(timex.value)
        if value is None:
            out_of_scope[doc.level] += 1
        else:
            gold.append((timex, value))
    if not gold:
        return
    started = time.perf_counter()
    for timex, value in gold:
        tallies[(doc.level, SYSTEMS[0])].add(dateparser_value(timex.text, doc.dct), value)
    seconds[(doc.level, SYSTEMS[0])] += time.perf_counter() - started
    if spacy_doc is None:
        return
    started = time.perf_counter()
    for timex, value in gold:
        mentions = resolve_span(spacy_doc, timex.start, timex.end, doc.dct)
        answers = [(m.span.start, m.span.end, as_timex(m.resolved, m.granularity))
                   for m in mentions]
        tallies[(doc.level, SYSTEMS[1])].add(best_overlap(timex.start, timex.end, answers), value)
    seconds[(doc.level, SYSTEMS[1])] += time.perf_counter() - started
    started = time.perf_counter()
    answers = [(m.span.start, m.span.end, as_timex(m.resolved, m.granularity))
               for m in find_dates(spacy_doc, doc.dct)]
    for timex, value in gold:
        tallies[(doc.level, SYSTEMS[2])].add(best_overlap(timex.start, timex.end, answers), value)
    seconds[(doc.level, SYSTEMS[2])] += time.perf_counter() - started
