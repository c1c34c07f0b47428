"""Loaders for the evaluation data sets in ``../shared/datasets`` (read in place, never copied).

Each loader returns items in a fixed order (sorted by id) so every run, and every ``limit``, sees
the same items. A missing data set raises ``FileNotFoundError`` with the path it looked for.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes


@dataclass(frozen=True, slots=True)
class Page:
    """One page of the article-extraction-benchmark: its HTML and the hand-made gold body."""

    id: str
    url: str
    html: str
    gold: str


@dataclass(frozen=True, slots=True)
class Doc:
    """One news document with its gold cluster labels (``labels["event"]``, ``labels["topic"]``...)."""

    id: str
    text: str
    title: str | None
    published: dt.date | None
    url: str
    labels: dict[str, str]


def _require(path: Path) -> Path:
    if not path.exists():
        raise FileNotFoundError(
            f"evaluation data not found at {path}: the datasets folder should be "
            f"../shared/datasets beside the checkout (or pass --datasets DIR)"
        )
    return path


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("utf-8", errors="replace")


def _jsonl_gz(path: Path) -> Iterator[dict]:
    with gzip.open(_require(path), "rt", encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def load_aeb(datasets_dir: Path, limit: int | None = None) -> list[Page]:
    """The article-extraction-benchmark pages (181 in the development part), sorted by id."""
    root = datasets_dir / "aeb"
    truth = json.loads(_require(root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[:limit]:
        raw = gzip.decompress(_require(root / "html" / f"{page_id}.html.gz").read_bytes())
        entry = truth[page_id]
        pages.append(
            Page(page_id, entry.get("url", ""), _decode(raw), entry.get("articleBody", ""))
        )
    return pages


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _take_whole_groups(docs: list[Doc], key: str, limit: int | None) -> list[Doc]:
    """The first ``limit`` documents, extended so no gold cluster is cut in half (a cut cluster
    would make recall look worse than it is). Groups are taken in sorted-label order."""
    if limit is None or limit >= len(docs):
        return docs
    docs = sorted(docs, key=lambda d: (d.labels[key], d.id))
    cut = limit
    while cut < len(docs) and docs[cut].labels[key] == docs[cut - 1].labels[key]:
        cut += 1
    return sorted(docs[:cut], key=lambda d: d.id)


def load_gva(datasets_dir: Path, limit: int | None = None) -> list[Doc]:
    """Gun Violence Archive articles with their incident as gold story (``labels["incident"]``).

    ``limit`` keeps whole incidents (in incident-id order), so it may return a few more docs.
    """
    docs = [
        Doc(
            id=str(row["doc_id"]),
            text=row.get("text") or "",
            title=row.get("title") or None,
            published=_date(row.get("dct")),
            url=row.get("url") or "",
            labels={"incident": str(row["incident_id"])},
        )
        for row in _jsonl_gz(datasets_dir / "gva" / "articles.jsonl.gz")
    ]
    return _take_whole_groups(sorted(docs, key=lambda d: d.id), "incident", limit)


# ECB+ text is tokenised ("her rep told People ." / "`` We"); undo the commonest splits so the
# systems see ordinary prose. Both systems get the same detokenised text.
_DETOK = [
    (re.compile(r"``\s*|\s*''"), '"'),
    (re.compile(r"\s+([,.;:!?%)\]}])"), r"\1"),
    (re.compile(r"([(\[{$])\s+"), r"\1"),
    (re.compile(r"\s+(n't|'s|'re|'ve|'ll|'d|'m)\b", re.I), r"\1"),
    (re.compile(r"[ \t]{2,}"), " "),
]


def detokenize(text: str) -> str:
    """Join PTB-style tokens back into prose (best effort; used for ECB+)."""
    for pattern, replacement in _DETOK:
        text = pattern.sub(replacement, text)
    return text


def load_ecbplus(datasets_dir: Path, limit: int | None = None) -> list[Doc]:
    """ECB+ documents with two gold levels: ``labels["event"]`` (cluster_label: one real event)
    and ``labels["topic"]`` (two events of the same type). ``limit`` keeps whole topics."""
    docs = [
        Doc(
            id=str(row["doc_id"]),
            text=detokenize(row.get("text") or ""),
            title=None,
            published=None,
            url="",
            labels={"event": str(row["cluster_label"]), "topic": str(row["topic"])},
        )
        for row in _jsonl_gz(datasets_dir / "ecbplus" / "ecbplus_docs.jsonl.gz")
    ]
    return _take_whole_groups(sorted(docs, key=lambda d: d.id), "topic", limit)


def load_gva_records(datasets_dir: Path) -> dict[str, dict[str, int]]:
    """The GVA incident records: ``{incident_id: {"killed": n, "injured": n}}``; an incident
    whose counts are missing or not whole numbers is left out."""
    records: dict[str, dict[str, int]] = {}
    for row in _jsonl_gz(datasets_dir / "gva" / "incidents.jsonl.gz"):
        killed, injured = row.get("num_killed"), row.get("num_injured")
        if isinstance(killed, int) and isinstance(injured, int):
            records[str(row["incident_id"])] = {"killed": killed, "injured": injured}
    return records
