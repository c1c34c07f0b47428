"""clean-html-aeb: HTML main-text extraction on the article-extraction-benchmark pages.

Input: each page's HTML and URL. Output: the article body as text. Metric: bag-of-words token
precision/recall/F1 against the hand-made gold body, mean over pages (the same as clean-text-aeb,
so the two tables can be read side by side).

Systems: "trafilatura default" (``trafilatura.extract(html)`` with its defaults) and "storydesk"
(``storydesk.steps.clean.extract_html(html, url)``).
"""

from __future__ import annotations

from pathlib import Path

import trafilatura

from eval._cleaning import score_systems, text_of
from eval.datasets import Page, load_aeb
from eval.result import EvalResult, resolve_storydesk

NAME = "clean-html-aeb"


def _trafilatura(page: Page) -> str:
    return trafilatura.extract(page.html) or ""


def run(datasets_dir: Path, limit: int | None = None) -> EvalResult:
    """Measure trafilatura and storydesk on the same pages; see the module docstring."""
    pages = load_aeb(datasets_dir, limit)
    result = EvalResult(
        NAME,
        "HTML main-text extraction (token P/R/F1, mean over pages)",
        "aeb (article-extraction-benchmark)",
        len(pages),
    )
    systems = [("trafilatura default", _trafilatura)]
    extract_html, reason = resolve_storydesk("storydesk.steps.clean", "extract_html")
    if extract_html is None:
        result.missing["storydesk"] = reason
    else:

        def storydesk(page: Page) -> str:
            return text_of(extract_html(page.html, page.url))

        systems.append(("storydesk", storydesk))

    return score_systems(result, pages, systems)
