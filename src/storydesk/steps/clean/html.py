"""Article extraction from HTML with trafilatura, and a fallback that never loses the article.

trafilatura finds the main content in the page's markup, which beats any plain-text heuristic
when the markup is sound. When it returns nothing or too little (unusual templates, pages that
are mostly one ``<div>``), the page's visible text goes through the plain-text cleaner instead.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from urllib.parse import urlparse

from storydesk.errors import SkipArticle
from storydesk.model import Removed
from storydesk.steps.clean.language import detect_language
from storydesk.steps.clean.lines import normalise
from storydesk.steps.clean.plain import clean_plain_text
from storydesk.steps.clean.visible import parse_html, visible_text
from storydesk.steps.clean.vocab import match_furniture

log = logging.getLogger(__name__)

MIN_WORDS = 40  # below this, trafilatura's result is "too little" and the fallback is tried
# Furniture trafilatura lets through that is never article text. Embedded posts and captions are
# left alone here: in markup the extractor already judged them, and many sites count them as body.
_EXTRACTOR_MISSES = frozenset(
    {"advertisement", "share", "ai-note", "reading-time", "gallery", "cookie-notice"}
)


@dataclass(slots=True)
class HtmlExtraction:
    """Body text and metadata of one HTML page; ``method`` says which extractor produced it."""

    text: str
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    language: str | None = None
    author: str | None = None
    removed: list[Removed] = field(default_factory=list)
    method: str = "trafilatura"  # trafilatura | visible-text


def extract_html(html: str, url: str | None = None) -> HtmlExtraction:
    """Extract the article body and metadata from ``html``.

    Raises ``SkipArticle("no-body", ...)`` when the page has no visible text at all.
    """
    tree = parse_html(html)
    if tree is None:
        raise SkipArticle("no-body", "the HTML has no document body")
    visible = visible_text(tree)
    if not visible.strip():
        raise SkipArticle("no-body", "the HTML page has no visible text")

    result = _trafilatura(html, url)
    if result is None or len(result.text.split()) < MIN_WORDS:
        cleaned = clean_plain_text(visible)
        # Prefer the cleaned page text unless it lost most of what the extractor found.
        if result is None or len(cleaned.text.split()) >= 0.5 * len(result.text.split()):
            fallback = HtmlExtraction(
                text=cleaned.text,
                title=cleaned.title,
                published=cleaned.published,
                author=cleaned.byline,
                removed=cleaned.removed,
                method="visible-text",
            )
            if result is not None:  # keep the metadata trafilatura did find
                fallback.title = result.title or fallback.title
                fallback.published = result.published or fallback.published
                fallback.outlet, fallback.language = result.outlet, result.language
                fallback.author = result.author or fallback.author
            result = fallback
    result.language = result.language or detect_language(result.text)
    return result


def _trafilatura(html: str, url: str | None) -> HtmlExtraction | None:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True
        )
    except Exception as exc:  # trafilatura raises assorted errors on odd markup; fall back
        log.debug("trafilatura failed on %s: %s", url or "<html>", exc)
        return None
    if doc is None:
        return None
    data = doc if isinstance(doc, dict) else doc.as_dict()
    text = (data.get("text") or "").strip()
    title = (data.get("title") or "").strip() or None
    removed: list[Removed] = []
    if title and text:
        # trafilatura often repeats the headline as the first line of the body.
        first, _, rest = text.partition("\n")
        if normalise(first) == normalise(title):
            removed.append(Removed(first, "title"))
            text = rest.strip()
    # One paragraph per line, as in the plain-text path; furniture the extractor let through
    # ("ADVERTISEMENT" between paragraphs) goes by the same vocabulary as for plain text.
    kept = []
    for line in (line.strip() for line in text.splitlines()):
        hit = match_furniture(line) if line else None
        if hit and hit.reason in _EXTRACTOR_MISSES:
            removed.append(Removed(line, hit.reason))
        elif line:
            kept.append(line)
    text = "\n\n".join(kept)
    return HtmlExtraction(
        text=text,
        title=title,
        published=_date(data.get("date")),
        outlet=(data.get("sitename") or "").strip() or _host(url),
        language=data.get("language") or None,
        author=(data.get("author") or "").strip() or None,
        removed=removed,
    )


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _host(url: str | None) -> str | None:
    """The site of a URL, without "www.": "https://www.wsj.com/x" -> "wsj.com"."""
    if not url:
        return None
    host = urlparse(url).hostname or ""
    return host.removeprefix("www.") or None
