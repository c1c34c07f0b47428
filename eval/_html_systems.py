"""The HTML extraction systems both HTML evaluations measure: trafilatura's configurations as
anchors (every switch ``trafilatura.extract`` offers that changes what counts as main text),
readability-lxml and resiliparse as other extractors, and storydesk's ``extract_html``.

Each system maps (html, url) to the extracted text. The same list runs on the
article-extraction-benchmark (clean-html-aeb) and on trafilatura's own evaluation pages
(clean-html-trafeval), so the best anchor is the best on that data in that run.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import trafilatura

from eval._cleaning import text_of
from eval.result import resolve_storydesk

HtmlSystem = Callable[[str, str], str]

# name -> keyword arguments of trafilatura.extract
TRAFILATURA_CONFIGS: dict[str, dict[str, Any]] = {
    "trafilatura default": {},
    "trafilatura fast": {"fast": True},
    "trafilatura favor_precision": {"favor_precision": True},
    "trafilatura favor_recall": {"favor_recall": True},
    "trafilatura include_comments=False": {"include_comments": False},
    "trafilatura include_tables=False": {"include_tables": False},
    "trafilatura precision, no comments": {"favor_precision": True, "include_comments": False},
    "trafilatura recall, no comments": {"favor_recall": True, "include_comments": False},
    "trafilatura no comments, no tables": {"include_comments": False, "include_tables": False},
}
ANCHOR_PREFIX = "trafilatura"


def _trafilatura(options: dict[str, Any]) -> HtmlSystem:
    def run(html: str, url: str) -> str:
        return trafilatura.extract(html, url=url or None, **options) or ""

    return run


def html_systems() -> tuple[list[tuple[str, HtmlSystem]], dict[str, str]]:
    """(name, system) pairs in table order, and the systems that could not run (with why)."""
    from storydesk.steps.clean.fallback import readability_text, resiliparse_text

    systems: list[tuple[str, HtmlSystem]] = [
        (name, _trafilatura(options)) for name, options in TRAFILATURA_CONFIGS.items()
    ]
    systems.append(("readability-lxml", lambda html, url: readability_text(html)))
    systems.append(("resiliparse", lambda html, url: resiliparse_text(html)))
    missing: dict[str, str] = {}
    extract_html, reason = resolve_storydesk("storydesk.steps.clean", "extract_html")
    if extract_html is None:
        missing["storydesk"] = reason
    else:
        systems.append(("storydesk", lambda html, url: text_of(extract_html(html, url or None))))
    return systems, missing


def on_page(system: HtmlSystem) -> Callable[[Any], str]:
    """The system applied to an item with ``.html`` and ``.url`` (a Page or a SnippetPage)."""
    return lambda page: system(page.html, page.url)


def best_anchor_note(rows: list[Any], metric: str = "f1") -> str:
    """"best trafilatura configuration: NAME (F1 x.xxx); storydesk y.yyy" for the caption."""
    anchors = [r for r in rows if r.system.startswith(ANCHOR_PREFIX) and metric in r.metrics]
    if not anchors:
        return ""
    best = max(anchors, key=lambda r: r.metrics[metric])
    note = f"best trafilatura configuration: {best.system} ({metric} {best.metrics[metric]:.3f})"
    ours = [r for r in rows if r.system == "storydesk" and metric in r.metrics]
    if ours:
        note += f"; storydesk {ours[0].metrics[metric]:.3f}"
    return note
