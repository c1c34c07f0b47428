"""Evidence that two similar articles report two *different* events: pair features of conflict.

Two earthquakes on one island, two celebrity deaths, two offers to one baseball player share most
of their words, names and places; cosines say "same story". What tells them apart is a
*conflict*: both articles state the same kind of fact and the values differ — a 5.6 magnitude
against a 5.9, "dies at 95" against "dies at 75", the latest year named 2008 against 2013. Without
publication dates (ECB+, undated archives) these are the only evidence against a merge.

Each kind of fact is a sparse 0/1 matrix (articles × values), so a pair's shared values are one
row product, as for the TF-IDF views. Per group of kinds a pair gets two numbers: how many kinds
both articles state with no value in common (conflicts) and how many they share a value of
(matches). The model weighs them (eval/train_pair_model.py); measured cross-validated, the
latest year named carries most of the gain on ECB+, the numbers a little more.

Tried and dropped: the share of one article's lead names (title, first sentences) that the other
names anywhere, which added nothing measurable on either data set.

Regular expressions only (no parse at clustering time), like signals.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np
from scipy import sparse

from storydesk.model import Article

# Kinds of fact per group; each kind becomes one binary matrix.
GROUPS: dict[str, tuple[str, ...]] = {
    "numbers": ("age", "dead", "hurt", "magnitude", "money"),
    "years": ("latest_year",),
}
CONFLICT_FEATURES: tuple[str, ...] = (
    *(f"{group}_{what}" for group in GROUPS for what in ("conflict", "match")),
)
_TEXT_CHARS = 6000
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}
# A year is no toll: "the 2008 quake killed five" (the lookahead lets the scan go on to "five").
_NUM = r"(?!(?:19|20)\d\d\b)(\d[\d,]*|" + "|".join(_NUMBER_WORDS) + r")"
_AGE = re.compile(
    r"\b(\d{1,3})[- ]years?[- ]old\b|\b(?:aged?|dies at|died at|dead at|was)\s+(\d{1,3})\b"
    r"(?!\d|[.,]\d| ?(?:%|percent|per cent|years|million|billion|feet|miles|km|people))", re.I)
_DEAD = re.compile(
    rf"\b{_NUM}\s+(?:\w+\s+){{0,2}}?(?:were\s+|was\s+|have\s+been\s+|are\s+)?"
    r"(?:killed|dead|died|deaths|fatalities)\b|\b(?:killed|killing|kills)\s+(?:at least\s+)?"
    rf"{_NUM}\b|\bdeath toll\b[^.]{{0,30}}?\b{_NUM}\b", re.I)
_HURT = re.compile(
    rf"\b{_NUM}\s+(?:\w+\s+){{0,2}}?(?:were\s+|was\s+|have\s+been\s+)?"
    r"(?:injured|wounded|hurt|injuries)\b|\b(?:injuring|wounding)\s+(?:at least\s+)?"
    rf"{_NUM}\b", re.I)
_MAGNITUDE = re.compile(
    r"\b(\d\.\d)\b[- ]?(?:-?magnitude|on the Richter)|\bmagnitude(?: of)?[- ](\d\.\d)\b"
    r"|\bmeasur(?:ed|ing)\s+(\d\.\d)\b", re.I)
_MONEY = re.compile(r"(?:\$|US\s?\$|£|€)\s?(\d[\d,.]*)\s*(million|billion|m|bn)?\b", re.I)
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")


def article_facts(article: Article) -> dict[str, set[str]]:
    """The values each kind of fact (GROUPS) takes in the title and text of ``article``."""
    title = article.title or ""
    text = f"{title}\n{article.text[:_TEXT_CHARS]}"
    facts: dict[str, set[str]] = {
        "age": {m for g in _AGE.findall(text) for m in g if m and 0 < int(m) < 120},
        "dead": {_value(v) for g in _DEAD.findall(text) for v in g if v},
        "hurt": {_value(v) for g in _HURT.findall(text) for v in g if v},
        "magnitude": {m for g in _MAGNITUDE.findall(text) for m in g if m},
        "money": {_money(m.group(1), m.group(2)) for m in _MONEY.finditer(text)},
    }
    years = [int(y) for y in _YEAR.findall(text)]
    facts["latest_year"] = {str(max(years))} if years else set()
    return {kind: {v for v in values if v} for kind, values in facts.items()}


def fact_matrices(articles: Sequence[Article]) -> dict[str, sparse.csr_matrix]:
    """One binary matrix per kind of fact (articles × values)."""
    facts = [article_facts(a) for a in articles]
    kinds = [kind for group in GROUPS.values() for kind in group]
    return {kind: _binary([f[kind] for f in facts]) for kind in kinds}


# (a, b) -> a[r] · b[c] for the pairs being scored: row products for candidate pairs, one dense
# block product for a dense block.
Products = Callable[[sparse.csr_matrix, sparse.csr_matrix], np.ndarray]


def conflict_features(matrices: dict[str, sparse.csr_matrix], products: Products,
                      has_a: Callable[[sparse.csr_matrix], np.ndarray],
                      has_b: Callable[[sparse.csr_matrix], np.ndarray]) -> np.ndarray:
    """CONFLICT_FEATURES (pairs × features) from :func:`fact_matrices` of the articles.
    ``has_a``/``has_b``: whether the first/second article of each pair has any value in a matrix."""
    columns: list[np.ndarray] = []
    for kinds in GROUPS.values():
        conflict = match = None
        for kind in kinds:
            matrix = matrices[kind]
            shared = products(matrix, matrix) > 0
            both = has_a(matrix) & has_b(matrix)
            c, m = (both & ~shared).astype(np.float32), shared.astype(np.float32)
            conflict = c if conflict is None else conflict + c
            match = m if match is None else match + m
        assert conflict is not None and match is not None
        columns += [conflict, match]
    return np.stack(columns, axis=1).astype(np.float32)


def _value(text: str) -> str:
    lower = text.lower().replace(",", "")
    if lower in _NUMBER_WORDS:
        return str(_NUMBER_WORDS[lower])
    return lower if lower.isdigit() and int(lower) < 100_000 else ""


def _money(amount: str, scale: str | None) -> str:
    try:
        value = float(amount.replace(",", "").rstrip("."))
    except ValueError:
        return ""
    factor = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9}.get((scale or "").lower(), 1)
    return f"{value * factor:.3g}"


def _columns(sets: Sequence[set[str]]) -> dict[str, int]:
    columns: dict[str, int] = {}
    for values in sets:
        for value in sorted(values):
            columns.setdefault(value, len(columns))
    return columns


def _binary(sets: Sequence[set[str]], columns: dict[str, int] | None = None) -> sparse.csr_matrix:
    columns = columns if columns is not None else _columns(sets)
    indptr = np.zeros(len(sets) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(values) for values in sets])
    indices = np.fromiter((columns[v] for values in sets for v in sorted(values)),
                          dtype=np.int64, count=int(indptr[-1]))
    data = np.ones(len(indices), dtype=np.float32)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(sets), max(len(columns), 1)))
