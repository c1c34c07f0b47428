"""Synthetic hard-wrapped pages: plain-text cleaning with and without ``unwrap_lines``.

``python -m eval.wrapped_aeb [--limit N] [--width 72]``

Each article-extraction-benchmark page becomes a page a user might paste from an e-mail or a
terminal: the visible-text lines above its body and below it (menus, teasers, footers; lines
whose words are not in the gold body) are kept as they are, and the body between them is replaced
by the gold body with every paragraph wrapped by ``textwrap`` at ``--width`` columns. Two
layouts: paragraphs separated by blank lines, and paragraphs one after the other (as in a
scrape, where the visible text has no blank lines).

Systems, on the same synthetic pages: ``clean_plain_text`` with its hook to ``unwrap_lines``
(the product) and with the hook replaced by the identity ("no unwrap"), each with the rule pass
alone and with the line model cross-validated by site exactly as in clean-text-aeb (fold models
trained on the original pages of the other folds). Metric: token P/R/F1, mean over pages.
"""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Sequence
from pathlib import Path
from unittest import mock

from eval import DEFAULT_DATASETS_DIR, print_result
from eval._cleaning import score_systems, text_of
from eval.datasets import Page, load_aeb
from eval.result import EvalResult
from eval.text import visible_text
from storydesk.steps.clean import plain
from storydesk.steps.clean.lines import normalise
from storydesk.steps.clean.unwrap import unwrap_lines

MIN_BODY_KEY = 30  # characters of a line's key for it to anchor the body's place on the page


def wrapped_page(visible: str, gold: str, width: int, blank_lines: bool) -> str:
    """``visible`` with its body replaced by ``gold`` hard-wrapped at ``width`` columns."""
    lines = [line.strip() for line in visible.splitlines() if line.strip()]
    gold_key = normalise(gold)
    anchors = [
        i for i, line in enumerate(lines)
        if len(normalise(line)) >= MIN_BODY_KEY and normalise(line) in gold_key
    ]  # fmt: skip
    first, last = (anchors[0], anchors[-1]) if anchors else (len(lines), len(lines) - 1)
    body: list[str] = []
    for paragraph in (p.strip() for p in gold.splitlines()):
        if not paragraph:
            continue
        if blank_lines and body:
            body.append("")
        body.extend(textwrap.wrap(paragraph, width))
    return "\n".join([*lines[:first], *body, *lines[last + 1 :]])


def run(datasets_dir: Path, limit: int | None, width: int) -> list[EvalResult]:
    """Score the systems on both layouts; see the module docstring."""
    from eval.train_line_model import fold_models, page_rows, set_page_floors

    pages = load_aeb(datasets_dir, limit)
    texts = {page.id: visible_text(page.html) for page in pages}
    models = fold_models([page_rows(page, texts[page.id]) for page in pages])
    set_page_floors(pages, texts, models)
    results = []
    for blank_lines in (True, False):
        layout = "blank lines between paragraphs" if blank_lines else "no blank lines"
        synthetic = {p.id: wrapped_page(texts[p.id], p.gold, width, blank_lines) for p in pages}
        result = EvalResult(
            f"wrapped-aeb ({layout})",
            f"plain-text cleaning of aeb pages with the body wrapped at {width} columns",
            "aeb (synthetic wrapping)",
            len(pages),
        )
        joined = sum(unwrap_lines(text) != text for text in synthetic.values())
        result.notes.append(f"unwrap_lines changed {joined} of {len(pages)} pages")

        def system(use_model: bool, unwrap: bool, texts: dict[str, str] = synthetic):  # noqa: ANN202
            def extract(page: Page) -> str:
                model = models[page.id] if use_model else False
                hook = unwrap_lines if unwrap else str
                with mock.patch.object(plain, "unwrap_lines", hook):
                    return text_of(plain.clean_plain_text(texts[page.id], model=model))

            return extract

        systems = [
            ("rules only, no unwrap", system(False, False)),
            ("rules only, unwrap", system(False, True)),
            ("storydesk CV, no unwrap", system(True, False)),
            ("storydesk CV, unwrap", system(True, True)),
        ]
        results.append(score_systems(result, pages, systems))
    return results


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: print one table per layout."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--width", type=int, default=72)
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS_DIR)
    args = parser.parse_args(argv)
    for result in run(args.datasets, args.limit, args.width):
        print_result(result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
