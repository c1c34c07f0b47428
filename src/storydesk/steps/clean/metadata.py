"""Metadata: lines of a page's text and tags of its markup.

Lines: datelines ("October 15, 2024 8:20 PM"), bylines ("By Jane Doe") and
translator credits. Each parser returns what it read, or ``None`` when the line is not one.

Markup: ``page_metadata`` reads JSON-LD and ``<meta>`` tags; ``site_of`` names a URL's site
(the archived site for an archive.org URL).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from storydesk.steps.clean.vocab import _fold, _literal_alternation

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan januar janvier enero gennaio",
        "february feb februar février fevrier febrero febbraio",
        "march mar märz maerz mars marzo",
        "april apr avril abril aprile",
        "may mai mayo maggio",
        "june jun juni juin junio giugno",
        "july jul juli juillet julio luglio",
        "august aug août aout agosto",
        "september sep sept septembre septiembre settembre",
        "october oct oktober octobre octubre ottobre",
        "november nov novembre noviembre",
        "december dec dezember décembre decembre diciembre dicembre",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number

_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATE_PATTERNS = (
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(st|nd|rd|th)?,?\s+(?P<year>(19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})(\.|er|st|nd|rd|th)?\s+(de\s+)?" + _MONTH + r",?\s+(de(l)?\s+)?(?P<year>(19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<year>(19|20)\d\d)-(?P<mnum>\d{1,2})-(?P<day>\d{1,2})\b"),
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<mnum>\d{1,2})\.(?P<year>(19|20)\d\d)\b"),
)
# The same patterns without re.IGNORECASE, searched in the folded line (``vocab._fold``): a
# case-insensitive alternation of month names is tried letter by letter through a case table at
# every position, a case-sensitive one skips a wrong first letter in one comparison. Folding maps
# every character to one whose case-insensitive matches are the same (tests check every code
# point), so a hit there is a hit of the original pattern at the same place in the line.
# The month names are grouped by first letter there (``vocab._literal_alternation``): ``re`` tries
# the branches of an alternation one by one at every position, and one group per letter rejects
# most positions after one comparison. Two names of one length cannot match at one place, and
# longer names still come first, so the branches match in the same order (tests compare both).
_MONTH_GROUPED = r"(?P<month>" + _literal_alternation(set(_MONTHS)).pattern + r")\.?"
_DATE_PATTERNS_FOLDED = tuple(
    re.compile(p.pattern.replace(_MONTH, _MONTH_GROUPED), p.flags & ~re.IGNORECASE) for p in _DATE_PATTERNS
)
# A character every match of each pattern holds ("" for none): the "-" of "2024-10-15", the "."
# of "15.10.2024". A line without it skips that search (tests check each is a top-level literal).
_DATE_NEEDS = ("", "", "-", ".")
_TIME = re.compile(r"\b\d{1,2}[:.h]\d{2}(\s*[ap]\.?m\.?)?(\s*(uhr|h))?\b|\b\d{1,2}\s*[ap]\.?m\.?", re.I)
_FILLER = re.compile(
    r"\b(published|updated|posted|last updated|modified|on|at|am|um|le|el|the|mis à jour|publié|"
    r"publicado|actualizado|veröffentlicht|aktualisiert|stand|et|est|edt|cet|cest|gmt|utc|bst|pt|"
    r"pst|pdt|ist|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|"
    r"sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|"
    r"jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|"
    r"utc[+-]\d+|a|de|à)\b",
    re.I,
)
_BYLINE = re.compile(
    r"^(by|von|par|por|di|door|written by|reporting by|text:)\s+(?P<name>[^\W\d_][\w.'’-]*"
    r"(\s+(and|und|et|y|e|&|,)?\s*[^\W\d_][\w.'’-]*){0,7})\s*[,|•·–—-]?",
    re.I,
)
# What a byline's stripped text starts with (``_BYLINE``'s opening words), lower-cased.
_BYLINE_OPENERS = ("by", "von", "par", "por", "di", "door", "written by", "reporting by", "text:")
_WORD = re.compile(r"[^\W\d_]{2,}")
_TRANSLATOR = re.compile(r"\b(by|von|par|por)\s+(?P<name>[^\W\d_][^()]{1,60}?)\s*\.?$", re.I)


def find_date(text: str) -> tuple[dt.date, re.Match[str]] | None:
    """Find the first calendar date written in ``text`` (day, month and year all present)."""
    folded = _fold(text)
    for pattern, folded_pattern, needs in zip(_DATE_PATTERNS, _DATE_PATTERNS_FOLDED, _DATE_NEEDS, strict=True):
        if needs not in folded:
            continue
        for hit in folded_pattern.finditer(folded):
            # The original pattern at the same place: the same match, on the original text.
            match = pattern.match(text, hit.start())
            if match is None:  # pragma: no cover - folding keeps every match (tested)
                continue
            groups = match.groupdict()
            month = _MONTHS.get(groups["month"].lower()) if groups.get("month") else None
            if month is None and groups.get("mnum"):
                month = int(groups["mnum"])
            try:
                return dt.date(int(groups["year"]), month or 0, int(groups["day"])), match
            except (TypeError, ValueError):
                continue
    return None


def parse_dateline(text: str) -> dt.date | None:
    """The date of a line that is *only* a date (with time, weekday, "Published" and the like)."""
    if len(text) > 120:
        return None
    found = find_date(text)
    if not found:
        return None
    date, match = found
    rest = text[: match.start()] + " " + text[match.end() :]
    # Removing times and filler words can only remove or shorten words, never split one (every
    # removed span starts with a digit or after a word boundary, see the tests): a rest of at most
    # two words is a dateline without them.
    if len(_WORD.findall(rest)) <= 2:
        return date
    rest = _FILLER.sub(" ", _TIME.sub(" ", rest))
    return date if len(_WORD.findall(rest)) <= 2 else None


def parse_byline(text: str) -> str | None:
    """The author names of a byline ("By Jane Doe and John Roe"), or ``None``."""
    # Most lines open with another word: ruled out without splitting the line. A non-ASCII
    # opening takes the regex, whose re.IGNORECASE matches "ı" for "i".
    head = text.lstrip()[:12]
    if head.isascii() and not head.lower().startswith(_BYLINE_OPENERS):
        return None
    if len(text.split()) > 14 or text.rstrip().endswith(("?", "!")):
        return None
    match = _BYLINE.match(text.strip())
    if not match:
        return None
    name = match.group("name").strip(" ,")
    if not name[:1].isupper():
        return None
    return name


def parse_translator(text: str) -> str | None:
    """The translator's name from a credit like "Translated and adapted from German by Léa Krejci"."""
    match = _TRANSLATOR.search(text)
    return match.group("name").strip() if match else None


# --- page metadata: the site of a URL, and what JSON-LD and <meta> tags say -----------------

# Archive services publish nothing of their own: the archived page's site is the outlet.
ARCHIVE_HOST = re.compile(r"(?:web\.)?archive\.(?:org|today|ph|is|li|md)")
_ARCHIVED_URL = re.compile(
    r"https?://(?:www\.|web\.)?archive\.(?:org|today|ph|is|li|md)/(?:web/)?[^/]*/(?P<url>.+)", re.I
)


def site_of(url: str | None) -> str | None:
    """The site of a URL without "www.": "https://www.wsj.com/x" -> "wsj.com". An archive URL
    ("https://web.archive.org/web/2017.../http://www.saukvalley.com/...") gives the archived
    site ("saukvalley.com")."""
    if not url:
        return None
    wrapped = _ARCHIVED_URL.match(url.strip())
    if wrapped:
        inner = wrapped.group("url")
        url = inner if "://" in inner else f"http://{inner}"
    try:
        host = urlparse(url.strip()).hostname or ""
    except ValueError:
        return None
    return host.removeprefix("www.") or None


@dataclass(slots=True)
class PageMeta:
    """Metadata a page declares about itself (JSON-LD, Open Graph and other ``<meta>`` tags)."""

    title: str | None = None
    author: str | None = None
    published: dt.date | None = None
    site_name: str | None = None


_META_TITLE = ("og:title", "twitter:title", "title", "dc.title")
_META_AUTHOR = ("author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author")
_META_DATE = ("article:published_time", "datepublished", "pubdate", "publish-date", "dc.date",
              "date", "parsely-pub-date", "sailthru.date", "og:published_time")  # fmt: skip
_META_SITE = ("og:site_name", "application-name", "publisher", "twitter:site")
_ARTICLE_TYPES = re.compile(r"article|posting|report|blog", re.I)


def page_metadata(tree: Any) -> PageMeta:
    """Read title, author, publication date and site name from JSON-LD and ``<meta>`` tags.

    JSON-LD of an article type wins over ``<meta>``; anything unreadable is ignored. trafilatura
    reads the same sources (and more, via htmldate); this is the fallback when it found nothing.
    """
    meta = PageMeta()
    for item in _json_ld(tree):
        if not _ARTICLE_TYPES.search(str(item.get("@type", ""))):
            continue
        meta.title = meta.title or _text(item.get("headline"))
        meta.author = meta.author or _person(item.get("author"))
        meta.published = meta.published or _iso_date(item.get("datePublished"))
        meta.site_name = meta.site_name or _person(item.get("publisher"))
    tags: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = (element.get("property") or element.get("name") or element.get("itemprop") or "")
        content = (element.get("content") or "").strip()
        if key and content:
            tags.setdefault(key.strip().lower(), content)
    meta.title = meta.title or _first(tags, _META_TITLE)
    if meta.title is None:
        title = tree.find(".//title")
        meta.title = _text(title.text_content()) if title is not None else None
    meta.author = meta.author or _first(tags, _META_AUTHOR)
    meta.published = meta.published or _iso_date(_first(tags, _META_DATE))
    site = _first(tags, _META_SITE)
    meta.site_name = meta.site_name or (site.lstrip("@") if site else None)
    return meta


def _json_ld(tree: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack and len(items) < 50:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                items.append(item)
                if isinstance(item.get("@graph"), list):
                    stack.extend(item["@graph"])
    return items


def _text(value: object) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _person(value: object) -> str | None:
    """A JSON-LD person/organisation (or a list of them) as "A, B"."""
    values = value if isinstance(value, list) else [value]
    names = [_text(v.get("name")) if isinstance(v, dict) else _text(v) for v in values]
    return ", ".join(n for n in names if n) or None


def _first(tags: dict[str, str], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if tags.get(key):
            return _text(tags[key])
    return None


def _iso_date(value: object) -> dt.date | None:
    if not isinstance(value, str) or len(value.strip()) < 10:
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None
