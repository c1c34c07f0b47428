"""clean-text-trafeval: plain-text boilerplate removal on trafilatura's evaluation pages.

Input: the visible text of each page (``eval.text.visible_text``: what a user who copies the
whole page gets). Output: the main text. Metric: trafilatura's snippet precision/recall/F1
(see clean-html-trafeval), pooled over pages.

Systems: "raw visible text" (no cleaning), "line filter baseline" (``eval.text.line_filter``),
"storydesk rules only" (``clean_plain_text(text, model=False)``) and "storydesk"
(``storydesk.steps.clean.clean_plain_text`` with its shipped line model, trained on aeb only, so
every page here is out of sample for rules and model alike).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from eval._cleaning import text_of
from eval._trafeval import SnippetPage, load_trafeval, score_snippets
from eval.result import EvalResult, Row, progress, resolve_storydesk
from eval.text import line_filter, visible_text

NAME = "clean-text-trafeval"


def run(datasets_dir: Path, limit: int | None = None) -> EvalResult:
    """Measure the three systems on the same pages; see the module docstring."""
    pages = load_trafeval(datasets_dir, limit)
    result = EvalResult(
        NAME,
        "plain-text cleaning of whole-page text (snippet P/R/F1 as in trafilatura's benchmark)",
        "trafilatura_eval (English pages)",
        len(pages),
    )
    # The visible text is computed once and shared, so the systems differ only in cleaning.
    texts = {page.id: visible_text(page.html) for page in pages}
    systems: list[tuple[str, Callable[[SnippetPage], str]]] = [
        ("raw visible text", lambda page: texts[page.id]),
        ("line filter baseline", lambda page: line_filter(texts[page.id])),
    ]
    clean_plain_text, reason = resolve_storydesk("storydesk.steps.clean", "clean_plain_text")
    if clean_plain_text is None:
        result.missing["storydesk"] = reason
    else:
        systems.append(
            ("storydesk rules only",
             lambda page: text_of(clean_plain_text(texts[page.id], model=False)))
        )  # fmt: skip
        systems.append(("storydesk", lambda page: text_of(clean_plain_text(texts[page.id]))))
    for name, system in systems:
        progress(f"{NAME}: {name} on {len(pages)} pages")
        start = time.perf_counter()
        counts = score_snippets(pages, system)
        result.rows.append(Row(name, counts.metrics(), seconds=time.perf_counter() - start))
    return result
