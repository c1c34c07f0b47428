"""Which reader a file needs, by its name and, when the name says little, by its content."""

from __future__ import annotations

import json
import re
from pathlib import Path

from storydesk.steps.read.feeds import looks_like_feed

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
WARC_SUFFIXES = frozenset({".warc"})
FEED_SUFFIXES = frozenset({".rss", ".atom"})
URL_LIST_SUFFIXES = frozenset({".urls"})
# Formats this reader does not handle: say so rather than misread them.
UNSUPPORTED = {".arc": "ARC"}

_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)
_HTML_TAGS = re.compile(r"<(p|div|br|span|a|article|section|h[1-6])\b[^>]*>", re.I)


def base_name(path: Path) -> str:
    """The file name without a trailing ".gz"."""
    name = path.name.lower()
    return name[:-3] if name.endswith(".gz") else name


def suffix_format(path: Path) -> str | None:
    """"text", "html", "jsonl", "json", "warc", "feed", "urls", "xml", "unsupported:<name>" or
    ``None`` (decide by content). "xml" is a feed only if its content says so."""
    suffix = Path(base_name(path)).suffix
    if suffix in WARC_SUFFIXES:
        return "warc"
    if suffix in FEED_SUFFIXES:
        return "feed"
    if suffix in URL_LIST_SUFFIXES:
        return "urls"
    if suffix == ".xml":
        return "xml"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix == ".json":
        return "json"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in UNSUPPORTED:
        return f"unsupported:{UNSUPPORTED[suffix]}"
    return None


def looks_like_html(text: str) -> bool:
    """Markup a browser would render: a document start, or several common tags early on."""
    head = text[:5000]
    return bool(_HTML_START.match(head)) or len(_HTML_TAGS.findall(head)) >= 3


def looks_like_jsonl(text: str) -> bool:
    """The first non-blank line is a JSON object with "text" or "html"."""
    for line in text.splitlines():
        if line.strip():
            try:
                record = json.loads(line)
            except ValueError:
                return False
            return isinstance(record, dict) and ("text" in record or "html" in record)
    return False


def content_format(path: Path, text: str) -> str:
    """Format of a decoded file: by suffix, then feed/HTML/JSONL sniffing, else plain text.

    Also "feed", "urls", or "unsupported:XML" for an ``.xml`` file that is not a feed.
    """
    known = suffix_format(path)
    if known in {"jsonl", "json", "feed", "urls"}:
        return known
    # Before HTML: a feed's CDATA content is full of HTML tags.
    if looks_like_feed(text):
        return "feed"
    if known == "xml":
        return "unsupported:XML (not an RSS/Atom feed)"
    if known == "html" or looks_like_html(text):
        return "html"
    if Path(base_name(path)).suffix not in TEXT_SUFFIXES and looks_like_jsonl(text):
        return "jsonl"
    return "text"
