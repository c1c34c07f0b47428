"""Page text as a person gets it, and the naive line-filter baseline.

``visible_text`` mirrors what a user who selects a whole page in a browser and copies it gets:
everything rendered, nothing that is code or hidden, each block on its own line. The plain-text
evaluation feeds that to the cleaners, so a plain-text cleaner is measured on the input it will
really see when people paste pages.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

# Never rendered as text. ``head`` holds <title> and <meta>, which a copy of the page body lacks.
_DROP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "embed", "math"}
)

# Elements a browser lays out as blocks: a copy puts them on lines of their own.
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog",
        "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav",
        "ol", "option", "p", "pre", "section", "select", "summary", "table", "tbody", "td",
        "textarea", "tfoot", "th", "thead", "tr", "ul", "video", "audio", "picture",
    }
)  # fmt: skip

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")


def _is_hidden(element: etree._Element) -> bool:
    # A user copying the page never sees these; the browser does not render them.
    # (aria-hidden is not checked: such text is still rendered and copied.)
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def visible_text(html: str | bytes) -> str:
    """The visible text of an HTML page, one block element per line.

    Drops script/style/noscript/template/svg (and head, embeds, elements hidden by the
    ``hidden`` attribute or an inline ``display:none``), puts block elements and ``<br>`` on their
    own lines, collapses runs of spaces and drops empty lines. Unparseable input gives ``""``.
    """
    if not html or not str(html).strip():
        return ""
    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    parts: list[str] = []
    _walk(root, parts)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _walk(element: etree._Element, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    # Comments and processing instructions have a non-string tag; their tail is still text.
    if tag and tag.lower() not in _DROP_TAGS and not _is_hidden(element):
        block = tag.lower() in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if tag.lower() == "br":
            parts.append("\n")
        if element.text:
            parts.append(element.text)
        for child in element:
            _walk(child, parts)
        if block:
            parts.append("\n")
    if element.tail:
        parts.append(element.tail)


_SENTENCE_END = (".", "!", "?", "\u201d", '"')


def line_filter(text: str, min_words: int = 10) -> str:
    """The naive plain-text baseline: keep the lines of at least ``min_words`` words that end
    like a sentence (``. ! ? ” "``). Menus, bylines, captions without a full stop and share
    buttons go; so do short paragraphs and headings of the article itself."""
    kept = [
        line
        for line in text.splitlines()
        if len(line.split()) >= min_words and line.rstrip().endswith(_SENTENCE_END)
    ]
    return "\n".join(kept)
