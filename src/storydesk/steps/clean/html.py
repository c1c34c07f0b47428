"""Article extraction from HTML: trafilatura in two modes, a line-level consensus, fallbacks.

1. trafilatura's default mode (comments excluded) gives the text and the metadata (title,
   author, date via htmldate/JSON-LD/meta, site name); its precision mode gives a stricter text.
2. ``consensus.combine`` keeps the precision text plus every line of the default text that
   readability and resiliparse both extract too; ``consensus.post_pass`` drops the repeated
   headline and furniture lines.
3. When trafilatura finds nothing or too little for the page's visible text, readability's text
   is used, then the page's visible text through the plain-text cleaner: the article is never
   lost. ``HtmlExtraction.method`` says which extractor produced the text.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Any

from storydesk.errors import SkipArticle
from storydesk.model import Removed
from storydesk.steps.clean.consensus import combine, post_pass, words
from storydesk.steps.clean.fallback import readability_text, resiliparse_text
from storydesk.steps.clean.language import page_language, resolve_language
from storydesk.steps.clean.metadata import ARCHIVE_HOST, page_metadata, site_of
from storydesk.steps.clean.plain import clean_plain_text
from storydesk.steps.clean.visible import parse_html, visible_text

log = logging.getLogger(__name__)

MIN_WORDS = 40  # an extraction shorter than this is "too little" ...
MIN_SHARE = 0.05  # ... and so is one under this share of the page's visible words
_OPTIONS: dict[str, Any] = {"include_comments": False, "include_tables": True}


@dataclass(slots=True)
class HtmlExtraction:
    """Body text and metadata of one HTML page; ``method`` says which extractor produced it:
    "trafilatura" (the consensus of trafilatura's modes with readability and resiliparse),
    "readability" or "visible-text" (the page's visible text through the plain-text cleaner)."""

    text: str
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    language: str | None = None
    author: str | None = None
    removed: list[Removed] = field(default_factory=list)
    method: str = "trafilatura"


def extract_html(html: str, url: str | None = None) -> HtmlExtraction:
    """Extract the article body and metadata from ``html`` (``url``: where it was found).

    Raises ``SkipArticle("no-body", ...)`` when the page has no visible text at all.
    """
    tree = parse_html(html)
    if tree is None:
        raise SkipArticle("no-body", "the HTML has no document body")
    visible = visible_text(tree)
    if not visible.strip():
        raise SkipArticle("no-body", "the HTML page has no visible text")
    enough = max(MIN_WORDS, MIN_SHARE * words(visible))

    data = _trafilatura(html, url, with_metadata=True)
    meta = page_metadata(tree)
    title = _str(data.get("title")) or meta.title
    result = HtmlExtraction(
        text="",
        title=title,
        published=_date(data.get("date")) or meta.published,
        outlet=_outlet(_str(data.get("sitename")) or meta.site_name, url),
        language=page_language(tree),
        author=_str(data.get("author")) or meta.author,
    )
    default_text = _str(data.get("text")) or ""
    if words(default_text) >= enough:
        precision = _str(_trafilatura(html, url, favor_precision=True).get("text")) or ""
        merged, dropped = combine(
            default_text, precision, [readability_text(html), resiliparse_text(html)]
        )
        result.text, result.removed = post_pass(merged, title)
        result.removed[:0] = dropped
    if words(result.text) < enough:
        _fall_back(result, html, visible, default_text, enough)
    result.language = resolve_language(result.language, result.text)
    return result


def _fall_back(
    result: HtmlExtraction, html: str, visible: str, extracted: str, enough: float
) -> None:
    """Readability, then the visible text through the plain-text cleaner; failing both, the
    longest text any of them found, so the article is never lost."""
    candidates: list[tuple[str, str, list[Removed]]] = []
    if result.text.strip():
        candidates.append(("trafilatura", result.text, result.removed))
    elif extracted.strip():
        candidates.append(("trafilatura", *post_pass(extracted, result.title)))
    readable = readability_text(html)
    if readable.strip():
        text, removed = post_pass(readable, result.title)
        if words(text) >= enough:
            result.text, result.removed, result.method = text, removed, "readability"
            return
        candidates.append(("readability", text, removed))
    cleaned = clean_plain_text(visible)
    candidates.append(("visible-text", cleaned.text, list(cleaned.removed)))
    result.title = result.title or cleaned.title
    result.published = result.published or cleaned.published
    result.author = result.author or cleaned.byline
    if words(cleaned.text) >= enough:
        method, text, removed = candidates[-1]
    else:
        method, text, removed = max(candidates, key=lambda c: words(c[1]))
    result.text, result.removed, result.method = text, removed, method


def _trafilatura(html: str, url: str | None, **options: Any) -> dict[str, Any]:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(html, url=url, **_OPTIONS, **options)
    except Exception as exc:  # noqa: BLE001  trafilatura raises assorted errors on odd markup
        log.debug("trafilatura failed on %s: %s", url or "<html>", exc)
        return {}
    if doc is None:
        return {}
    return doc if isinstance(doc, dict) else doc.as_dict()


def _str(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _outlet(site_name: str | None, url: str | None) -> str | None:
    """The page's site name, unless it names an archive service (web.archive.org publishes
    nothing): then, as without a name, the site of the URL (the archived site's, for an
    archive URL)."""
    if site_name and not ARCHIVE_HOST.fullmatch(site_name.lower().removeprefix("www.")):
        return site_name
    return site_of(url)


def _date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


# The name step.py imports for "the site of a URL".
_host = site_of
