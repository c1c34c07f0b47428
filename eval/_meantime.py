"""Reading MEANTIME (``meantime/meantime_en_docs.jsonl.gz``): its tokenised text made back into
prose, with the TIMEX3 and VALUE annotations moved to the new offsets.

The source text is tokenised ("$ 40 billion", "March 01 , 2008", "Boeing 's"). storydesk reads
news prose, so the spaces a tokeniser adds are removed (before ``, . ; : ! ? % ) 's n't``, after
``( $ US$``); only spaces are removed, so every annotation maps onto the same words.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
from dataclasses import dataclass
from pathlib import Path

PATH = Path("meantime") / "meantime_en_docs.jsonl.gz"

_TOKEN = re.compile(r"\S+")
_GLUE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]]|\.\.\.|'s|'re|'ve|'ll|'d|'m|n't)$", re.I)
_GLUE_AFTER = re.compile(r"^(?:[(\[$£€]|[A-Z]{1,2}\$)$")


@dataclass(frozen=True, slots=True)
class Annotation:
    """A TIMEX3 (``kind="timex"``) or VALUE (``kind="value"``) over ``text[start:end]``."""

    kind: str
    start: int
    end: int
    text: str
    type: str
    value: str = ""
    creation_time: bool = False


@dataclass(frozen=True, slots=True)
class MeantimeDoc:
    """One Wikinews article: prose text, creation date, and its timex and value annotations."""

    id: str
    corpus: str
    dct: dt.date | None
    text: str
    annotations: list[Annotation]


def detokenize(text: str) -> tuple[str, list[int]]:
    """``(prose, where)``: ``where[i]`` is the offset in ``prose`` of character ``i`` of ``text``
    (a removed space maps to the next kept character), with one extra entry for the end."""
    drop: set[int] = set()
    tokens = list(_TOKEN.finditer(text))
    for prev, nxt in zip(tokens, tokens[1:], strict=False):
        gap = text[prev.end() : nxt.start()]
        if gap == " " and (_GLUE_BEFORE.match(nxt[0]) or _GLUE_AFTER.match(prev[0])):
            drop.add(prev.end())
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        where.append(len(out))
        if i not in drop:
            out.append(ch)
    where.append(len(out))
    return "".join(out), where


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def load_meantime(datasets_dir: Path, limit: int | None = None) -> list[MeantimeDoc]:
    """The 120 MEANTIME English documents (sorted by id; ``limit``: the first N).

    The creation date is the value of the document's CREATION_TIME timex (always ISO), else the
    ``dct`` field when it is ISO; the two non-ISO ``dct`` fields are ambiguous (03-02-2009).
    """
    path = datasets_dir / PATH
    if not path.is_file():
        raise FileNotFoundError(
            f"evaluation data not found at {path}: the datasets folder should be "
            "../shared/datasets beside the checkout (or pass --datasets DIR)"
        )
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    docs = []
    for row in sorted(rows, key=lambda r: str(r["doc_id"]))[:limit]:
        text, where = detokenize(row.get("text") or "")
        annotations = []
        dct = None
        for a in row.get("annotations", []):
            if a.get("kind") not in ("timex", "value"):
                continue
            start, end = where[a["start"]], where[a["end"]]
            creation = a.get("functionInDocument") == "CREATION_TIME"
            if creation and a.get("value"):
                dct = _date(a["value"]) or dct
            annotations.append(Annotation(a["kind"], start, end, text[start:end],
                                          a.get("type") or "", a.get("value") or "", creation))
        docs.append(MeantimeDoc(str(row["doc_id"]), row.get("corpus") or "",
                                dct or _date(row.get("dct")), text, annotations))
    return docs
