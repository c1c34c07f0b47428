"""WARC archives (``.warc``, ``.warc.gz``): each HTML ``response`` record becomes an Article.

The file is streamed record by record (a crawl may be far larger than memory); ``max_bytes``
caps each record's payload, not the file. Records that are not HTML pages are counted and
reported once per file; a malformed or truncated archive keeps the articles read before the
damage and adds one ``Skipped`` saying where it broke.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from storydesk.model import Article
from storydesk.steps.read.decode import DecodeError, decode_bytes
from storydesk.steps.read.formats import looks_like_html
from storydesk.steps.read.ids import IdAllocator, content_id

Skip = Callable[[str], None]

# Records a crawler writes for its own bookkeeping: neither articles nor losses.
_BOOKKEEPING = frozenset({"warcinfo", "request", "metadata"})
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_UNTYPED = ("", "application/octet-stream", "text/plain")  # worth sniffing
_UUID = re.compile(r"^<?urn:uuid:([0-9a-fA-F-]{36})>?$")
# Date metadata in the page itself: when present, the cleaning stage will find the real
# publication date, and the crawl date must not pre-empt it (cleaning keeps a set date).
_PAGE_DATE = re.compile(
    r"(article:published_time|datePublished|dateCreated|pubdate|publish[_-]?date|"
    r"dc\.date|sailthru\.date|parsely-pub-date|<time\b[^>]*\bdatetime=)",
    re.I,
)
_CHUNK = 1 << 16


def looks_like_warc(head: bytes) -> bool:
    """The first bytes of an uncompressed WARC file ("WARC/1.0", "WARC/1.1")."""
    return head.lstrip(b"\r\n").startswith(b"WARC/")


def read_warc(path: Path, ids: IdAllocator, skip: Skip, max_bytes: int) -> Iterator[Article]:
    """Articles from the HTML ``response`` records of one WARC file (plain or gzip).

    ``skip(reason)`` is called at most once per kind of loss: one line counting non-HTML
    records ("warc: not an HTML response (3 records: ...)"), one for damage.
    """
    from warcio.archiveiterator import ArchiveIterator

    losses: Counter[str] = Counter()
    found = 0
    damage: str | None = None
    try:
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle, check_digests=False):
                if record.format != "warc":  # warcio falls back to ARC on any first line
                    what = "not a WARC file" if found == 0 else "malformed record"
                    damage = f"warc: {what} (no WARC header) after {found} article(s)"
                    break
                if not record.rec_type:  # e.g. a bare "WARC/1.0" line with no headers
                    damage = f"warc: malformed record (no WARC-Type) after {found} article(s)"
                    break
                article = _article(record, ids, losses, max_bytes)
                if _drain_truncated(record):
                    damage = f"warc: truncated record after {found} article(s)"
                    break
                if article is not None:
                    found += 1
                    yield article
    except OSError as exc:
        damage = f"unreadable: {exc.strerror or exc}"
    # warcio raises many types (ArchiveLoadFailed, zlib.error, parser errors) on bad input;
    # any of them means "damaged from here on", so all are caught and reported alike.
    except Exception as exc:  # noqa: BLE001
        what = "not a WARC file" if found == 0 and not losses else "malformed or truncated"
        damage = f"warc: {what} after {found} article(s) ({_short(exc)})"
    if losses:
        detail = ", ".join(f"{n} {why}" for why, n in sorted(losses.items()))
        total = sum(losses.values())
        skip(f"warc: not an HTML response ({total} record{'s' * (total != 1)}: {detail})")
    if damage:
        skip(damage)
    elif found == 0 and not losses:
        skip("warc: no complete record in the file (empty or truncated)")


def _article(record: Any, ids: IdAllocator, losses: Counter[str], max_bytes: int) -> Article | None:
    kind = record.rec_type
    if kind in _BOOKKEEPING:
        return None
    if kind != "response":
        losses[f"{kind} record"] += 1
        return None
    http = record.http_headers
    status = http.get_statuscode() if http is not None else None
    if status != "200":
        losses["non-200 status" if status else "no HTTP status"] += 1
        return None
    ctype = (http.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if ctype and ctype not in _HTML_TYPES and ctype not in _UNTYPED:
        losses["non-HTML type"] += 1
        return None
    payload = record.content_stream().read(max_bytes + 1)
    if len(payload) > max_bytes:
        losses["over the size cap"] += 1
        return None
    html = _decode(payload, http.get_header("Content-Type") or "")
    if html is None or not html.strip():
        losses["empty or undecodable body"] += 1
        return None
    if ctype not in _HTML_TYPES and not looks_like_html(html):
        losses["non-HTML body"] += 1
        return None
    url = record.rec_headers.get_header("WARC-Target-URI") or ""
    return Article(
        id=ids.allocate(_record_id(record, url, html)),
        source=url or "warc",
        raw=html,
        raw_format="html",
        published=None if _PAGE_DATE.search(html[:200_000]) else _warc_date(record),
    )


def _drain_truncated(record: Any) -> bool:
    """Read what is left of the record; True when the file ends before its Content-Length."""
    stream = record.raw_stream
    while stream.read(_CHUNK):
        pass
    return getattr(stream, "limit", 0) > 0


def _decode(payload: bytes, content_type: str) -> str | None:
    charset = re.search(r"charset\s*=\s*[\"']?([\w-]+)", content_type, re.I)
    if charset:
        try:
            return payload.decode(charset.group(1))
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong header is common; fall back to sniffing
    try:
        return decode_bytes(payload)
    except DecodeError:
        return None


def _record_id(record: Any, url: str, html: str) -> str:
    match = _UUID.match(record.rec_headers.get_header("WARC-Record-ID") or "")
    if match:
        return match.group(1).lower()
    return content_id(url) if url else content_id(html)


def _warc_date(record: Any) -> dt.date | None:
    """The crawl date: only a hint (a page is fetched on or after it was published)."""
    value = record.rec_headers.get_header("WARC-Date") or ""
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:120]}" if text else type(exc).__name__
