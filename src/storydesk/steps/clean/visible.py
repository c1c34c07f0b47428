"""The visible text of an HTML page, one block element per line.

This is what a person would get by selecting the whole page and copying it: scripts, styles,
hidden elements and the ``<head>`` are dropped, every block element (paragraph, heading, list
item, table cell, ``<br>``) starts a new line, inline elements run together. It is the input of
the plain-text cleaner when trafilatura finds nothing, and of the cleaner's evaluation on whole
pages.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

# Elements whose content a reader never sees on the page.
_INVISIBLE = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "head", "iframe", "object",
        "embed", "canvas", "select", "datalist", "map", "math",
    }
)
# Elements that start a new line of text (HTML block-level and table/list structure).
_BLOCK = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "br", "caption", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
        "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
        "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
        "tfoot", "th", "thead", "tr", "ul", "option", "button", "label", "img",
    }
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u200b\u2009\u202f]+")


def parse_html(markup: str) -> etree._Element | None:
    """Parse markup leniently; ``None`` when there is no document at all."""
    if not markup or not markup.strip():
        return None
    try:
        # Bytes, so that an ``<?xml encoding=...?>`` declaration cannot make lxml refuse a str.
        parser = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True)
        return lxml_html.document_fromstring(markup.encode("utf-8", "replace"), parser=parser)
    except (etree.LxmlError, ValueError):
        return None


def _hidden(element: etree._Element) -> bool:
    if element.get("hidden") is not None:
        return True
    style = element.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def visible_text(markup: str | etree._Element) -> str:
    """Return the page's visible text, one block per line, blank lines and spaces collapsed."""
    root = parse_html(markup) if isinstance(markup, str) else markup
    if root is None:
        return ""
    parts: list[str] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.lower()
        if event == "start":
            if not tag or tag in _INVISIBLE or _hidden(element):
                walker.skip_subtree()
                continue
            if tag in _BLOCK:
                parts.append("\n")
            if tag == "img":
                # An image contributes nothing visible as text; its alt text is not shown.
                continue
            if element.text:
                parts.append(element.text)
        else:
            if tag in _BLOCK:
                parts.append("\n")
            if element.tail:
                parts.append(element.tail)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)
