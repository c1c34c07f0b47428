"""clean-text-aeb: plain-text boilerplate removal on whole pages' visible text.

Input: the visible text of each article-extraction-benchmark page (``visible_text``: what a user
who copies the whole page gets, menus, captions and teasers included). Output: the article body.
Metric: bag-of-words token precision/recall/F1 against the hand-made gold body, mean over pages.

Systems, all on the same pages in the same run:

* "raw visible text" — no cleaning: the floor every cleaner must beat;
* "line filter baseline" — keep sentence-like lines of 10+ words;
* "storydesk rules only" — ``clean_plain_text(text, model=False)``: the rule pass alone;
* "storydesk" — ``clean_plain_text`` with its learned line model, **cross-validated**: every page
  is cleaned by a model trained (inside this run, see ``eval/train_line_model.py``) on the other
  folds only, whole sites per fold, so the figure is out-of-sample. This is the row floors use;
* "storydesk shipped model (in-sample)" — the shipped ``line_model.json``, which was trained on
  all aeb pages: an optimistic figure, shown only to tell how much the model memorises.
"""

from __future__ import annotations

from pathlib import Path

from eval._cleaning import score_systems, text_of
from eval.datasets import Page, load_aeb
from eval.result import EvalResult, progress, resolve_storydesk
from eval.text import line_filter, visible_text

NAME = "clean-text-aeb"


def run(datasets_dir: Path, limit: int | None = None) -> EvalResult:
    """Measure the systems on the same pages; see the module docstring."""
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
        return score_systems(result, pages, systems)

    def rules(page: Page) -> str:
        return text_of(clean_plain_text(texts[page.id], model=False))

    systems.append(("storydesk rules only", rules))
    if len(pages) >= 2:
        from eval.train_line_model import FOLDS, fold_models, page_rows, set_page_floors

        progress(f"{NAME}: training {FOLDS} fold models for the cross-validated row")
        models = fold_models([page_rows(page, texts[page.id]) for page in pages])
        set_page_floors(pages, texts, models)  # each fold's floor from the other folds' pages

        def storydesk(page: Page) -> str:
            return text_of(clean_plain_text(texts[page.id], model=models[page.id]))

        systems.append(("storydesk", storydesk))
        result.notes.append(
            f"storydesk: cross-validated, {FOLDS} folds by site, models trained in this run"
        )
    else:
        result.missing["storydesk"] = "cross-validation needs at least two pages"

    def shipped(page: Page) -> str:
        return text_of(clean_plain_text(texts[page.id]))

    systems.append(("storydesk shipped model (in-sample)", shipped))
    return score_systems(result, pages, systems)
