"""PolNeAR loader and span scoring for ``attribution-polnear``.

The data set (``polnear/polnear.tar.xz``) holds brat standoff annotations: ``T`` lines are
text-bound spans labelled ``Source``, ``Cue``, ``Content`` (possibly discontinuous: ``"a b;c d"``
offset fragments) plus a trigger span per relation, and ``E`` lines tie them together
(``Attribution:T13 Content:T12 Cue:T11 Source:T10``; ``Attribution-no-source`` relations have no
source). Span texts may contain newlines, so only lines that start with ``T<n>\\t`` or ``E<n>\\t``
are read and the span text is taken from the article, never from the ``.ann`` file.

Some articles were annotated by several annotators (agreement checks); the annotation whose file
name sorts first is used, so every run scores against the same gold.
"""

from __future__ import annotations

import bisect
import re
import tarfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

Fragments = tuple[tuple[int, int], ...]  # character (start, end) pieces of one span

_T_LINE = re.compile(r"^T(\d+)\t(\S+) ([\d ;]+)\t")
_E_LINE = re.compile(r"^E(\d+)\t(\S+)")
_TOKEN = re.compile(r"\w+|[^\w\s]")
_ANN_NAME = re.compile(r"^data/(\w[\w-]*)/attributions/(.+)_([0-9a-f]{4})\.ann$")
SPLITS = ("train", "dev")


@dataclass(frozen=True, slots=True)
class Relation:
    """One attribution: source (None for ``Attribution-no-source``), cue and content pieces."""

    source: Fragments | None
    cue: Fragments
    content: Fragments


@dataclass(slots=True)
class PolnearArticle:
    """One article's text and its gold attribution relations."""

    id: str
    text: str
    relations: list[Relation] = field(default_factory=list)


def parse_ann(ann: str) -> list[Relation]:
    """Relations of one brat ``.ann`` document (malformed lines and other labels are skipped)."""
    spans: dict[str, tuple[str, Fragments]] = {}
    events: list[list[tuple[str, str]]] = []
    for line in ann.splitlines():
        m = _T_LINE.match(line)
        if m is not None:
            pieces = []
            for frag in m.group(3).split(";"):
                nums = frag.split()
                if len(nums) == 2 and nums[0].isdigit() and nums[1].isdigit():
                    pieces.append((int(nums[0]), int(nums[1])))
            if pieces:
                spans[f"T{m.group(1)}"] = (m.group(2), tuple(pieces))
            continue
        m = _E_LINE.match(line)
        if m is not None:
            args = [a.split(":", 1) for a in line.split("\t")[1].split() if ":" in a]
            events.append([(role, ref) for role, ref in args])
    out: list[Relation] = []
    for args in events:
        if not args or not args[0][0].startswith("Attribution"):
            continue
        roles: dict[str, Fragments] = {}
        for role, ref in args[1:]:
            if ref in spans and role in {"Source", "Cue", "Content"}:
                roles[role] = spans[ref][1]
        if "Cue" in roles and "Content" in roles:
            out.append(Relation(roles.get("Source"), roles["Cue"], roles["Content"]))
    return out


def load_polnear(
    datasets_dir: Path, split: str = "dev", limit: int | None = None
) -> list[PolnearArticle]:
    """The articles of ``split`` ("train" or "dev") with their relations, sorted by id."""
    if split not in SPLITS:
        raise ValueError(f"unknown PolNeAR split {split!r}: choose one of {', '.join(SPLITS)}")
    path = datasets_dir / "polnear" / "polnear.tar.xz"
    if not path.exists():
        raise FileNotFoundError(
            f"evaluation data not found at {path}: the datasets folder should be "
            f"../shared/datasets beside the checkout (or pass --datasets DIR)"
        )
    texts: dict[str, str] = {}
    anns: dict[str, tuple[str, str]] = {}  # article id -> (annotator, ann text)
    with tarfile.open(path, "r:xz") as tar:
        for member in tar:
            if not member.isfile():
                continue
            name = member.name
            if name.startswith(f"data/{split}/text/") and name.endswith(".txt"):
                texts[name.rsplit("/", 1)[1][:-4]] = _read(tar, member)
                continue
            m = _ANN_NAME.match(name)
            if m is None or m.group(1) != split:
                continue
            article_id, annotator = m.group(2), m.group(3)
            if article_id not in anns or annotator < anns[article_id][0]:
                anns[article_id] = (annotator, _read(tar, member))
    ids = sorted(set(texts) & set(anns))[:limit]
    return [PolnearArticle(i, texts[i], parse_ann(anns[i][1])) for i in ids]


def _read(tar: tarfile.TarFile, member: tarfile.TarInfo) -> str:
    handle = tar.extractfile(member)
    return "" if handle is None else handle.read().decode("utf-8", errors="replace")


# --------------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------------


class Tokens:
    """Word tokens of one text (``\\w+`` runs and single punctuation marks), for span matching."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.word: list[bool] = []
        for m in _TOKEN.finditer(text):
            self.starts.append(m.start())
            self.ends.append(m.end())
            self.word.append(m.group()[0].isalnum() or m.group()[0] == "_")

    def of(self, fragments: Iterable[tuple[int, int]]) -> frozenset[int]:
        """Indices of the word tokens (punctuation ignored) that the fragments touch."""
        out: set[int] = set()
        for start, end in fragments:
            i = bisect.bisect_right(self.ends, start)  # first token ending after ``start``
            while i < len(self.starts) and self.starts[i] < end:
                if self.word[i]:
                    out.add(i)
                i += 1
        return frozenset(out)


@dataclass(slots=True)
class Counts:
    """True positives, predictions and gold items, summed over articles."""

    tp: int = 0
    pred: int = 0
    gold: int = 0

    def add(self, tp: int, pred: int, gold: int) -> None:
        self.tp, self.pred, self.gold = self.tp + tp, self.pred + pred, self.gold + gold

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def match(pred: list[frozenset[int]], gold: list[frozenset[int]], exact: bool) -> int:
    """Size of a one-to-one matching of predicted to gold token sets: ``exact`` pairs need equal
    sets; otherwise pairs need >= 1 shared token, and pairs are taken greedily by most shared
    tokens (ties: earliest gold), each span used once."""
    if exact:
        left = list(gold)
        hits = 0
        for p in pred:
            if p in left:
                left.remove(p)
                hits += 1
        return hits
    pairs = sorted(
        ((len(p & g), -gi, pi, gi) for pi, p in enumerate(pred) for gi, g in enumerate(gold)
         if p & g),
        reverse=True,
    )  # fmt: skip
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, _, pi, gi in pairs:
        if pi not in used_p and gi not in used_g:
            used_p.add(pi)
            used_g.add(gi)
    return len(used_p)


TokRel = tuple[frozenset[int] | None, frozenset[int], frozenset[int]]


def _role_ok(p: frozenset[int] | None, g: frozenset[int] | None, exact: bool) -> bool:
    if p is None or g is None:
        return p is None and g is None
    return p == g if exact else bool(p & g)


def match_relations(pred: list[TokRel], gold: list[TokRel], exact: bool) -> int:
    """One-to-one matching of relations whose source, cue and content all match (a missing
    source matches only a missing source); greedy in gold order, first fitting prediction."""
    used: set[int] = set()
    hits = 0
    for g in gold:
        for pi, p in enumerate(pred):
            if pi in used:
                continue
            if all(_role_ok(p[k], g[k], exact) for k in range(3)):
                used.add(pi)
                hits += 1
                break
    return hits
