"""clean-text-aeb: plain-text boilerplate removal on whole pages' visible text.

Input: the visible text of each article-extraction-benchmark page (``visible_text``: what a user
who copies the whole page gets, menus, captions and teasers included). Output: the article body.
Metric: bag-of-words token precision/recall/F1 against the hand-made gold body, mean over pages.

Systems: "raw visible text" (no cleaning: the floor every cleaner must beat), "line filter
baseline" (keep sentence-like lines of 10+ words) and "storydesk"
(``storydesk.steps.clean.clean_plain_text``).
"""

from __future__ import annotations

from pathlib import Path

from eval._cleaning import score_systems, text_of
from eval.datasets import Page, load_aeb
from eval.result import EvalResult, resolve_storydesk
from eval.text import line_filter, visible_text

NAME = "clean-text-aeb"


def run(datasets_dir: Path, limit: int | None = None) -> EvalResult:
    """Measure the three systems on the same pages; see the module docstring."""
    pages = load_aeb(datasets_dir, limit)
    result = EvalResult(
        NAME,
        "plain-text cleaning of whole-page text (token P/R/F1, mean over pages)",
        "aeb (article-extraction-benchmark)",
        len(pages),
    )
    # The visible text is computed once and shared, so the systems differ only in cleaning.
    texts = {page.id: visible_text(page.html) for page in pages}

    def raw(page: Page) -> str:
        return texts[page.id]

    def filtered(page: Page) -> str:
        return line_filter(texts[page.id])

    systems = [("raw visible text", raw), ("line filter baseline", filtered)]
    clean_plain_text, reason = resolve_storydesk("storydesk.steps.clean", "clean_plain_text")
    if clean_plain_text is None:
        result.missing["storydesk"] = reason
    else:

        def storydesk(page: Page) -> str:
            return text_of(clean_plain_text(texts[page.id]))

        systems.append(("storydesk", storydesk))

    return score_systems(result, pages, systems)
