"""JSON Lines records ``{"id", "text" or "html", "url", "title", "published", "outlet"}``.

Only ``text`` or ``html`` is required. A bad line (not JSON, not an object, no text) is skipped
with its line number and the rest of the file is read.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from storydesk.model import Article


@dataclass(slots=True)
class BadLine:
    """A line that could not become an article: ``reason`` starts with "line N: "."""

    lineno: int
    reason: str


def iter_records(text: str) -> Iterator[tuple[int, dict[str, Any]] | BadLine]:
    """Each non-blank line as ``(line number, record)``, or a ``BadLine`` saying what is wrong."""
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as exc:
            yield BadLine(lineno, f"line {lineno}: invalid JSON ({_why(exc)})")
            continue
        yield _check(lineno, record)


def iter_json_document(text: str) -> Iterator[tuple[int, dict[str, Any]] | BadLine]:
    """A ``.json`` file holding one record or a list of records (numbered from 1)."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        yield BadLine(getattr(exc, "lineno", 0), f"invalid JSON ({_why(exc)})")
        return
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, start=1):
        checked = _check(number, record)
        if isinstance(checked, BadLine):
            checked.reason = checked.reason.replace("line ", "record ", 1)
        yield checked


def _why(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at column {exc.colno}"
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    return str(exc)  # e.g. an integer with too many digits


def _check(lineno: int, record: object) -> tuple[int, dict[str, Any]] | BadLine:
    if not isinstance(record, dict):
        return BadLine(lineno, f"line {lineno}: not a JSON object")
    for key in ("text", "html"):
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            return lineno, record
    return BadLine(lineno, f'line {lineno}: no "text" or "html" with content')


def record_to_article(record: dict[str, Any], article_id: str, source: str) -> Article:
    """Build the Article; the record's metadata is kept as given (cleaning will not override it)."""
    text = record.get("text")
    if isinstance(text, str) and text.strip():
        raw, raw_format = text, "text"
    else:
        raw, raw_format = record["html"], "html"
    url = record.get("url")
    return Article(
        id=article_id,
        source=url if isinstance(url, str) and url.strip() else source,
        raw=raw,
        raw_format=raw_format,
        title=_string(record.get("title")),
        published=parse_published(record.get("published")),
        outlet=_string(record.get("outlet")),
    )


def record_id(record: dict[str, Any]) -> str | None:
    """The record's own id as a string, if it has a usable one."""
    value = record.get("id")
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, str)) and str(value).strip():
        return str(value).strip()
    return None


def parse_published(value: object) -> dt.date | None:
    """A date from an ISO string ("2024-10-15", "2024-10-15T20:20:00Z"), a timestamp-free
    written date ("October 15, 2024") or a Unix timestamp; ``None`` when it is not a date."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        try:
            return dt.datetime.fromtimestamp(value, tz=dt.UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        pass
    from storydesk.steps.clean.metadata import find_date

    found = find_date(value)
    return found[0] if found else None


def _string(value: object) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None
