"""Second-opinion extractors: readability-lxml and resiliparse.

Both read the same HTML as trafilatura but find the main content differently (readability
scores ``<div>``/``<p>`` candidates by text density and link ratio; resiliparse prunes the DOM
with its own boilerplate rules). They serve twice: as voters on lines trafilatura's precision
mode dropped (see ``consensus``), and readability as the fallback when trafilatura finds nothing
(on the article-extraction-benchmark readability scores token F1 0.960 and resiliparse 0.898,
which is why readability is the fallback).

Each function returns ``""`` on any failure: a second opinion must never crash extraction.
"""

from __future__ import annotations

import logging

from storydesk.steps.clean.visible import visible_text

log = logging.getLogger(__name__)


def readability_text(html: str) -> str:
    """The main content by readability-lxml, as visible text (one block per line)."""
    try:
        from readability import Document

        summary = Document(html).summary(html_partial=True)
    except Exception as exc:  # noqa: BLE001  readability raises many types on odd markup
        log.debug("readability failed: %s", exc)
        return ""
    return visible_text(summary)


def resiliparse_text(html: str) -> str:
    """The main content by resiliparse (``main_content=True``), one block per line."""
    try:
        from resiliparse.extract.html2text import extract_plain_text

        text = extract_plain_text(html, main_content=True)
    except Exception as exc:  # noqa: BLE001
        log.debug("resiliparse failed: %s", exc)
        return ""
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())
