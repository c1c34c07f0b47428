"""RSS and Atom feeds: each entry becomes an Article from the feed's own text.

Entry links are never fetched here (a feed is read offline); an entry's ``content`` (else its
``summary``) is the article. Parsing is done by feedparser from the file's bytes, never from a
string, because feedparser treats a string that looks like a URL or a path as something to open.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from storydesk.model import Article
from storydesk.steps.read.ids import IdAllocator, content_id

Skip = Callable[[str], None]

# The document element of a feed, after an optional XML declaration, comments, processing
# instructions (stylesheets) and doctype: "<rss", "<rdf:RDF" (RSS 1.0) or an Atom "<feed".
_PROLOG = r"^\ufeff?\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*"
_FEED_START = re.compile(
    _PROLOG + r"<(?:rss\b|rdf:RDF\b|feed\b[^>]*xmlns\s*=\s*[\"']http://www\.w3\.org/2005/Atom)",
    re.I | re.S,
)
_TEXT_TYPES = ("text/plain",)


def looks_like_feed(text: str) -> bool:
    """The document starts with an RSS or Atom root element."""
    return bool(_FEED_START.match(text[:5000]))


def read_feed(data: bytes, path: Path, ids: IdAllocator, skip: Skip) -> Iterator[Article]:
    """One Article per entry with content or a summary; the rest is reported by ``skip``."""
    import feedparser

    try:
        parsed = feedparser.parse(io.BytesIO(data))
    # feedparser is lenient but its SAX fallback can still raise on hostile input.
    except Exception as exc:  # noqa: BLE001
        skip(f"feed: unparseable ({type(exc).__name__}: {exc})")
        return
    entries = parsed.get("entries") or []
    if not entries:
        why = parsed.get("bozo_exception") if parsed.get("bozo") else None
        detail = f" ({_first_line(why)})" if why else ""
        skip(
            f"feed: no entries{detail}"
            if parsed.get("version")
            else f"feed: not an RSS/Atom feed{detail}"
        )
        return
    outlet = _clean(parsed.get("feed", {}).get("title"))
    empty = 0
    for number, entry in enumerate(entries, start=1):
        raw, raw_format = _body(entry)
        if raw is None:
            empty += 1
            continue
        link = _clean(entry.get("link"))
        wanted = _clean(entry.get("id")) or link or content_id(raw)
        yield Article(
            id=ids.allocate(wanted),
            source=link or f"{path}#entry-{number}",
            raw=raw,
            raw_format=raw_format,
            title=_clean(entry.get("title")),
            published=_date(entry.get("published_parsed") or entry.get("updated_parsed")),
            outlet=outlet,
        )
    if empty:
        skip(f"feed: {empty} entr{'ies' if empty != 1 else 'y'} without content or summary")


def _body(entry: Any) -> tuple[str | None, str]:
    """The longest content block, else the summary; with "html" or "text" as its format."""
    blocks = [c for c in entry.get("content") or [] if (c.get("value") or "").strip()]
    if blocks:
        best = max(blocks, key=lambda c: len(c["value"]))
        return best["value"], _format(best.get("type"))
    summary = entry.get("summary") or ""
    if summary.strip():
        detail = entry.get("summary_detail") or {}
        return summary, _format(detail.get("type"))
    return None, "text"


def _format(mime: str | None) -> str:
    return "text" if (mime or "").lower() in _TEXT_TYPES else "html"


def _date(value: Any) -> dt.date | None:
    # feedparser normalises every date it understands to a UTC struct_time.
    if value is None:
        return None
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(value), tz=dt.UTC).date()
    except (OverflowError, OSError, ValueError, TypeError):
        return None


def _clean(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _first_line(exc: object) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0][:120] if lines else type(exc).__name__
