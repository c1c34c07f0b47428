"""clean-html-aeb: HTML main-text extraction on the article-extraction-benchmark pages.

Input: each page's HTML and URL. Output: the article body as text. Metric: bag-of-words token
precision/recall/F1 against the hand-made gold body, mean over pages (the same as clean-text-aeb,
so the two tables can be read side by side).

Systems (``eval._html_systems``): trafilatura in every configuration that changes what counts
as main text (default, fast, favor_precision, favor_recall, without comments, without tables and
their combinations) as anchors, readability-lxml and resiliparse, and "storydesk"
(``storydesk.steps.clean.extract_html``). storydesk's combination was tuned on this data set and
confirmed on clean-html-trafeval.
"""

from __future__ import annotations

from pathlib import Path

from eval._cleaning import score_systems
from eval._html_systems import best_anchor_note, html_systems, on_page
from eval.datasets import load_aeb
from eval.result import EvalResult

NAME = "clean-html-aeb"


def run(datasets_dir: Path, limit: int | None = None) -> EvalResult:
    """Measure every system on the same pages; see the module docstring."""
    pages = load_aeb(datasets_dir, limit)
    result = EvalResult(
        NAME,
        "HTML main-text extraction (token P/R/F1, mean over pages)",
        "aeb (article-extraction-benchmark)",
        len(pages),
    )
    systems, result.missing = html_systems()

    score_systems(result, pages, [(name, on_page(system)) for name, system in systems])
    note = best_anchor_note(result.rows)
    if note:
        result.notes.append(note)
    return result

