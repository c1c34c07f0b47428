"""Shared scoring loop of the two cleaning evaluations on the article-extraction-benchmark."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from eval.datasets import Page
from eval.result import EvalResult, Row, progress
from storydesk.errors import SkipArticle
from storydesk.metrics import PRF, mean_prf, pooled_prf, token_counts

Extractor = Callable[[Page], str]


def score_pages(system: str, pages: Sequence[Page], extract: Extractor) -> tuple[Row, int]:
    """Run ``extract`` on every page and score it against the gold body with ``token_prf``,
    averaged over pages (each page weighs the same, whatever its length); ``aeb_f1`` is the F1
    pooled the way the article-extraction-benchmark reports it (``pooled_prf``).

    A page the system skips (``SkipArticle``) or returns nothing for scores as an empty
    prediction; the count of such pages is returned with the row.
    """
    counts: list[tuple[int, int, int]] = []
    empty = 0
    start = time.perf_counter()
    for page in pages:
        try:
            predicted = extract(page) or ""
        except SkipArticle:
            predicted = ""
        if not predicted.strip():
            empty += 1
        counts.append(token_counts(predicted, page.gold))
    seconds = time.perf_counter() - start
    metrics = mean_prf(PRF.from_counts(*c) for c in counts).as_dict()
    metrics["aeb_f1"] = pooled_prf(counts).f1
    return Row(system, metrics, seconds=seconds), empty


def text_of(output: object) -> str:
    """The text of a cleaner's result: its ``.text`` (the storydesk contract) or itself."""
    if output is None:
        return ""
    text = getattr(output, "text", output)
    return text if isinstance(text, str) else str(text)


def score_systems(
    result: EvalResult, pages: Sequence[Page], systems: Sequence[tuple[str, Extractor]]
) -> EvalResult:
    """Score every (name, extractor) on the same pages into ``result``, noting empty outputs."""
    for system, extract in systems:
        progress(f"{result.name}: {system} on {len(pages)} pages")
        row, empty = score_pages(system, pages, extract)
        result.rows.append(row)
        if empty:
            result.notes.append(f"{system}: empty output on {empty} pages")
    return result
