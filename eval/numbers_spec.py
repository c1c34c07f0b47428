"""numbers-spec: reading numbers, ranges, percentages and amounts with units, on the Microsoft
Recognizers-Text English specs (MIT).

Data and scope: ``eval._specs`` (which spec files and results are in scope, and why). One row per
group and system; every expected result in scope counts, out-of-scope results are counted in the
notes.

Systems:

* ``baseline``: given the gold span, ``alpha2digit`` (text2num) turns number words into digits
  and ``float`` reads the digits (commas removed); a range is the two numbers in the span (one
  number: a bound when a comparison word is there); the unit is a dozen common symbols and words.
* ``storydesk``: ``parse_number`` on the gold span for plain numbers, fractions and ordinals
  (which it must refuse); for ranges, percentages and amounts with units the whole input sentence
  goes through spaCy and ``find_quantities`` (the product path: detection, reading, unit), and the
  quantity that overlaps the gold span most is compared.

Metric: ``accuracy`` = results read right / results in scope, where *right* means the value (for
ranges both bounds and the bound kind) equal within 1e-4 relative and, where the spec has a
unit, the same base unit after conversion (km, kg, km², days, percent, ISO currency code).
``accuracy check`` is the same on the ``check`` half (by a hash of the sentence), which was never
looked at while fixing the readers.
"""

from __future__ import annotations

import math
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from eval._specs import GROUPS, UNIT_FACTORS, SpecResult, load_specs
from eval.result import EvalResult, Row, progress, resolve_storydesk

NAME = "numbers-spec"
SPAN_GROUPS = frozenset({"number", "fraction", "ordinal"})

Reading = tuple[float | None, float | None, str, str]  # value, high, bound, base unit

_NUMERAL = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
_BASELINE_UNITS: list[tuple[re.Pattern[str], str, float]] = [
    (re.compile(p, re.I), base, factor) for p, base, factor in [
        (r"\$|\bdollars?\b|\busd\b", "USD", 1.0), (r"€|\beuros?\b", "EUR", 1.0),
        (r"£|\bpounds?\b", "GBP", 1.0), (r"%|\bper ?cent", "percent", 1.0),
        (r"\bkm\b|\bkilomet", "km", 1.0), (r"\bmiles?\b", "km", 1.609344),
        (r"\bmet(?:er|re)s?\b", "km", 1e-3), (r"\bfeet\b|\bfoot\b", "km", 3.048e-4),
        (r"\bkg\b|\bkilograms?\b", "kg", 1.0), (r"\byears?\b", "days", 365.25),
    ]
]
_AT_LEAST = re.compile(r"\b(?:more|over|above|least|greater|higher|exceed)", re.I)
_AT_MOST = re.compile(r"\b(?:less|under|below|up to|most|fewer|lower)", re.I)


def run(datasets_dir: Path, limit: int | None = None) -> EvalResult:
    """Score both systems on every group; ``limit`` keeps the first N results of each group."""
    specs, other_files = load_specs(datasets_dir)
    if limit is not None:
        taken: Counter[str] = Counter()
        kept = []
        for spec in specs:
            taken[spec.group] += 1
            if taken[spec.group] <= limit:
                kept.append(spec)
        specs = kept
    in_scope = [s for s in specs if not s.out_of_scope]
    result = EvalResult(NAME, "numbers, ranges, percentages and units (accuracy per group)",
                        "numbers (Recognizers-Text English specs)", len(in_scope))
    systems: list[tuple[str, Callable[[list[SpecResult]], list[Reading | None]]]] = [
        ("baseline", lambda batch: [baseline_reading(s) for s in batch]),
    ]
    storydesk = _storydesk_reader(result)
    if storydesk is not None:
        systems.append(("storydesk", storydesk))
    for group in GROUPS:
        batch = [s for s in in_scope if s.group == group]
        if not batch:
            continue
        for system, read in systems:
            started = time.perf_counter()
            readings = read(batch)
            seconds = time.perf_counter() - started
            right = [is_right(s, r) for s, r in zip(batch, readings, strict=True)]
            check = [ok for s, ok in zip(batch, right, strict=True) if s.split == "check"]
            result.rows.append(Row(system, {
                "accuracy": sum(right) / len(batch),
                "accuracy_check": sum(check) / len(check) if check else 0.0,
            }, group, seconds))
    result.notes += _scope_notes(specs, other_files)
    return result


def _storydesk_reader(result: EvalResult):
    parse_number, reason = resolve_storydesk("storydesk.steps.extract.numbers", "parse_number")
    find_quantities, reason_q = resolve_storydesk("storydesk.steps.extract", "find_quantities")
    if parse_number is None or find_quantities is None:
        result.missing["storydesk"] = reason or reason_q
        return None

    def read(batch: list[SpecResult]) -> list[Reading | None]:
        if batch[0].group in SPAN_GROUPS:
            return [(parse_number(s.text), None, "", "") for s in batch]
        from storydesk.nlp import load_nlp

        progress(f"{NAME}: parsing {len(batch)} {batch[0].group} sentences with spaCy")
        docs = load_nlp().pipe(s.input for s in batch)
        return [_quantity_reading(s, find_quantities(doc)) for s, doc in zip(batch, docs,
                                                                             strict=True)]

    return read


def _quantity_reading(spec: SpecResult, quantities: list) -> Reading | None:
    """The quantity overlapping the gold span most, as (value, high, bound, base unit)."""
    best, best_len = None, 0
    for q in quantities:
        overlap = min(q.span.end, spec.end) - max(q.span.start, spec.start)
        if overlap > best_len:
            best, best_len = q, overlap
    if best is None:
        return None
    value, base = best.normalized_value, best.normalized_unit
    if base == "years":  # ages are kept in years; the spec's ages compare in days
        value, base = value * 365.25 if value is not None else None, "days"
    high = best.high
    if high is not None and best.value:
        high = high * (best.normalized_value or 0.0) / best.value  # same unit as the value
    bound = best.hedge if best.hedge in ("at_least", "at_most", "range") else ""
    return value, high, bound, base


def baseline_reading(spec: SpecResult) -> Reading | None:
    """The simple baseline, on the gold span (see the module docstring)."""
    from text_to_num import alpha2digit

    try:
        digits = alpha2digit(spec.text, "en")
    except (ValueError, IndexError, KeyError):
        digits = spec.text
    if spec.group in SPAN_GROUPS:
        whole = digits.strip()
        ok = _NUMERAL.fullmatch(whole)
        return (float(whole.replace(",", "")) if ok else None), None, "", ""
    numbers = [float(n.replace(",", "")) for n in _NUMERAL.findall(digits) if n.strip(",")]
    if not numbers:
        return None
    if spec.group == "range":
        if len(numbers) >= 2:
            return numbers[0], numbers[1], "range", ""
        bound = "at_least" if _AT_LEAST.search(spec.text) else (
            "at_most" if _AT_MOST.search(spec.text) else "")
        return numbers[0], None, bound, ""
    for pattern, base, factor in _BASELINE_UNITS:
        if pattern.search(spec.text):
            return numbers[0] * factor, None, "", base
    return numbers[0], None, "", ""


def is_right(spec: SpecResult, reading: Reading | None) -> bool:
    """Whether ``reading`` is the spec's expected result (see the module docstring)."""
    if spec.group == "ordinal":
        return reading is None or reading[0] is None  # a position must not become a count
    if reading is None or reading[0] is None or spec.value is None:
        return False
    value, high, bound, base = reading
    if not _close(value, spec.value):
        return False
    if spec.group == "range":
        if bound != spec.bound:
            return False
        return spec.high is None or (high is not None and _close(high, spec.high))
    return not spec.base or base == spec.base


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-4, abs_tol=1e-9)


def _scope_notes(specs: list[SpecResult], other_files: dict[str, int]) -> list[str]:
    notes = []
    for group in dict.fromkeys(s.group for s in specs):
        here = [s for s in specs if s.group == group]
        inside = [s for s in here if not s.out_of_scope]
        reasons = Counter(s.out_of_scope for s in here if s.out_of_scope)
        why = "; ".join(f"{n} {r}" for r, n in reasons.most_common())
        notes.append(f"{group}: {len(inside)} in scope ({sum(s.split == 'check' for s in inside)}"
                     f" check), {len(here) - len(inside)} out" + (f" ({why})" if why else ""))
    skipped = sum(other_files.values())
    notes.append(f"not read: {skipped} results in {len(other_files)} other spec files "
                 "(DateTime, alternative recognizer modes)")
    notes.append(f"unit table: {len(UNIT_FACTORS)} spec unit names with standard factors")
    return notes
