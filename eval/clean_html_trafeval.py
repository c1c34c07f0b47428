"""clean-html-trafeval: HTML main-text extraction on trafilatura's own evaluation pages.

Input: each page's HTML and URL (165 English pages of trafilatura's ``tests/evaldata.json``).
Output: the main text. Metric, as trafilatura's benchmark computes it: a snippet the page must
contain ("with") found verbatim in the output is a true positive, missing a false negative; a
snippet it must not contain ("without") found is a false positive, absent a true negative;
counts pooled over pages, then precision, recall, F1 and accuracy.

Systems: the same as clean-html-aeb (``eval._html_systems``). storydesk was tuned on aeb; this
data set only confirms it.
"""

from __future__ import annotations

import time
from pathlib import Path

from eval._html_systems import best_anchor_note, html_systems, on_page
from eval._trafeval import load_trafeval, score_snippets
from eval.result import EvalResult, Row, progress

NAME = "clean-html-trafeval"


def run(datasets_dir: Path, limit: int | None = None) -> EvalResult:
    """Measure every system on the same pages; see the module docstring."""
    pages = load_trafeval(datasets_dir, limit)
    result = EvalResult(
        NAME,
        "HTML main-text extraction (snippet P/R/F1 as in trafilatura's benchmark, pooled)",
        "trafilatura_eval (English pages)",
        len(pages),
    )
    systems, result.missing = html_systems()
    for name, system in systems:
        progress(f"{NAME}: {name} on {len(pages)} pages")
        start = time.perf_counter()
        counts = score_snippets(pages, on_page(system))
        result.rows.append(Row(name, counts.metrics(), seconds=time.perf_counter() - start))
    note = best_anchor_note(result.rows)
    if note:
        result.notes.append(note)
    return result
