"""Stable, unique article ids: the record's own id, else the file name, else a content hash."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

_UNSAFE = re.compile(r"[^\w.\-]+")


def file_id(path: Path) -> str:
    """The file name without its extensions: "000_3d46.txt" -> "000_3d46", "a.html.gz" -> "a"."""
    name = path.name
    if name.endswith(".gz"):
        name = name[:-3]
    stem = Path(name).stem or name
    return _UNSAFE.sub("_", stem).strip("_") or content_id(name)


def content_id(text: str) -> str:
    """A short hash of the content: the same text always gets the same id."""
    return hashlib.sha1(text.encode("utf-8", "replace")).hexdigest()[:16]


class IdAllocator:
    """Hands out ids unique within one run, suffixing "-2", "-3" … on collision."""

    def __init__(self) -> None:
        self._taken: set[str] = set()

    def allocate(self, wanted: str) -> str:
        candidate, n = wanted, 1
        while candidate in self._taken:
            n += 1
            candidate = f"{wanted}-{n}"
        self._taken.add(candidate)
        return candidate
