"""Reading TimeML (TempEval-3) documents in place from the tar.xz: plain text, the document
creation time and the TIMEX3 annotations as character spans of that text."""

from __future__ import annotations

import datetime as dt
import html
import re
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ARCHIVE = Path("tempeval3") / "TempEval3_platinum_TBAQ.tar.xz"
# level -> folder prefix inside the archive. "platinum" is TempEval-3's test set; TimeBank and
# AQUAINT are its training data (the part dates.py may be tuned on).
LEVELS: dict[str, str] = {
    "platinum": "TempEval3/Evaluation/te3-platinum/",
    "timebank": "TempEval3/Training/TBAQ-cleaned/TimeBank/",
    "aquaint": "TempEval3/Training/TBAQ-cleaned/AQUAINT/",
}

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class Timex:
    """One TIMEX3: ``text[start:end]`` of its document, with its ``type`` and ``value``."""

    start: int
    end: int
    text: str
    type: str
    value: str
    attrs: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class TimeDoc:
    """A document: its plain ``text`` (the TEXT element, tags removed), its creation time and
    its TIMEX3s (the creation-time TIMEX3 itself is not among them)."""

    id: str
    level: str
    dct: dt.date | None
    text: str
    timexes: list[Timex]


def parse_timeml(xml: str, doc_id: str = "", level: str = "") -> TimeDoc:
    """Parse one TimeML document. Entities are unescaped, so offsets are into plain text.

    >>> doc = parse_timeml('<DCT><TIMEX3 tid="t0" type="DATE" value="2013-03-22">x</TIMEX3></DCT>'
    ...                    '<TEXT>On <TIMEX3 tid="t1" type="DATE" value="2013-03-21">Thursday'
    ...                    '</TIMEX3> &amp; more</TEXT>')
    >>> doc.dct, doc.text, doc.timexes[0].text
    (datetime.date(2013, 3, 21), 'On Thursday & more', 'Thursday')
    """
    dct = _dct(xml)
    open_at, close_at = xml.find("<TEXT>"), xml.find("</TEXT>")
    body = xml[open_at + 6 : close_at] if open_at >= 0 and close_at > open_at else ""
    parts: list[str] = []
    timexes: list[Timex] = []
    opened: tuple[int, dict[str, str]] | None = None
    pos = length = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m[2] != "TIMEX3":
            continue
        if m[1] == "":
            opened = (length, dict(_ATTR.findall(m[3])))
        elif opened is not None:
            start, attrs = opened
            timexes.append(Timex(start, length, "".join(parts)[start:length],
                                 attrs.get("type", ""), attrs.get("value", ""), attrs))
            opened = None
    parts.append(html.unescape(body[pos:]))
    return TimeDoc(doc_id, level, dct, "".join(parts), timexes)


def _dct(xml: str) -> dt.date | None:
    # Older TimeBank files carry the DCT as a TIMEX3 with functionInDocument="CREATION_TIME"
    # outside a <DCT> element; both forms hold an ISO value.
    m = re.search(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', xml, re.S) or re.search(
        r'<TIMEX3[^>]*functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})', xml
    ) or re.search(r'<TIMEX3[^>]*value="(\d{4}-\d{2}-\d{2})[^>]*functionInDocument="CREATION', xml)
    if m is None:
        return None
    try:
        return dt.date.fromisoformat(m[1])
    except ValueError:
        return None


def load_tempeval3(datasets_dir: Path, limit: int | None = None) -> list[TimeDoc]:
    """The TempEval-3 documents of every level (platinum, timebank, aquaint), sorted by level
    then id; ``limit`` keeps the first N documents of each level."""
    archive = datasets_dir / ARCHIVE
    if not archive.is_file():
        raise FileNotFoundError(
            f"evaluation data not found at {archive}: the datasets folder should be "
            "../shared/datasets beside the checkout (or pass --datasets DIR)"
        )
    by_level: dict[str, list[TimeDoc]] = {level: [] for level in LEVELS}
    for level, name, xml in _members(archive):
        doc_id = name.rsplit("/", 1)[-1].removesuffix(".tml")
        by_level[level].append(parse_timeml(xml, doc_id, level))
    docs: list[TimeDoc] = []
    for level in LEVELS:
        docs += sorted(by_level[level], key=lambda d: d.id)[:limit]
    return docs


def _members(archive: Path) -> Iterator[tuple[str, str, str]]:
    with tarfile.open(archive) as tar:
        for member in tar:
            if not member.isfile() or not member.name.endswith(".tml"):
                continue
            level = next((lv for lv, prefix in LEVELS.items()
                          if member.name.startswith(prefix)), None)
            handle = tar.extractfile(member) if level else None
            if level is not None and handle is not None:
                yield level, member.name, handle.read().decode("utf-8", errors="replace")
