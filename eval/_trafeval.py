"""The trafilatura evaluation pages (``../shared/datasets/trafilatura_eval``), read in place.

``evaldata_en.json`` maps each page's URL to ``{file, with[], without[]}``: snippets the extracted
text must contain and snippets it must not. The HTML files live in ``html.tar.xz`` (as
``html/<file>``); the archive is read into memory, never extracted to disk.

Scoring follows trafilatura's own benchmark (``tests/comparison_small.py``): every "with" snippet
found verbatim in the output is a true positive, one missing a false negative; every "without"
snippet found is a false positive, one absent a true negative. Counts are pooled over all pages.
"""

from __future__ import annotations

import json
import tarfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from eval.datasets import _decode, _require


@dataclass(frozen=True, slots=True)
class SnippetPage:
    """One page: its URL, HTML and the snippets that must / must not be in the extraction."""

    id: str
    url: str
    html: str
    with_: tuple[str, ...]
    without: tuple[str, ...]


@dataclass(slots=True)
class SnippetCounts:
    """Pooled confusion counts of snippet matching."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def add(self, output: str | None, page: SnippetPage) -> None:
        """Count one page's snippets against ``output`` (``None`` or "" finds nothing)."""
        text = output or ""
        for snippet in page.with_:
            if snippet in text:
                self.tp += 1
            else:
                self.fn += 1
        for snippet in page.without:
            if snippet in text:
                self.fp += 1
            else:
                self.tn += 1

    def metrics(self) -> dict[str, float]:
        """precision, recall, F1 and accuracy as trafilatura's benchmark computes them."""
        tp, fn, fp, tn = self.tp, self.fn, self.fp, self.tn
        total = tp + fn + fp + tn
        return {
            "precision": tp / (tp + fp) if tp + fp else 0.0,
            "recall": tp / (tp + fn) if tp + fn else 0.0,
            "f1": 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0,
            "accuracy": (tp + tn) / total if total else 0.0,
        }


def load_trafeval(datasets_dir: Path, limit: int | None = None) -> list[SnippetPage]:
    """The English trafilatura evaluation pages (165), sorted by file name."""
    root = datasets_dir / "trafilatura_eval"
    entries = json.loads(_require(root / "evaldata_en.json").read_text(encoding="utf-8"))
    by_file = {entry["file"]: (url, entry) for url, entry in entries.items() if entry.get("file")}
    wanted = sorted(by_file)[:limit]
    html: dict[str, str] = {}
    with tarfile.open(_require(root / "html.tar.xz")) as tar:
        for member in tar:
            name = member.name.rsplit("/", 1)[-1]
            if member.isfile() and name in by_file and name in wanted:
                handle = tar.extractfile(member)
                if handle is not None:
                    html[name] = _decode(handle.read())
    pages = []
    for name in wanted:
        if name not in html:
            continue  # listed but not in the archive: nothing to score
        url, entry = by_file[name]
        pages.append(
            SnippetPage(
                name,
                url,
                html[name],
                tuple(entry.get("with") or ()),
                tuple(entry.get("without") or ()),
            )
        )
    return pages


def score_snippets(
    pages: Sequence[SnippetPage], extract: Callable[[SnippetPage], str | None]
) -> SnippetCounts:
    """Run ``extract`` on every page and pool the snippet counts (a ``SkipArticle`` counts as no
    output: the page's "with" snippets are missed, its "without" snippets rightly absent)."""
    from storydesk.errors import SkipArticle

    counts = SnippetCounts()
    for page in pages:
        try:
            output = extract(page)
        except SkipArticle:
            output = None
        counts.add(output, page)
    return counts
