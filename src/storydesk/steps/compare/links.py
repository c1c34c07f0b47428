"""Which mentions are one claim: pairwise link scores and average-linkage clustering.

Two items may be linked only when

* kind and normalised unit match;
* their head nouns agree, or may name one thing (see ``heads_meet``);
* their casualty roles do not clash (killed vs injured vs arrested);
* their values are plausibly one measurement: the stated figures are within 40 % of each other
  (or a couple of units for small counts), so 3 vs 5 killed is one discrepant claim while 18 vs
  3,000, 3,000 vs 10,000 or "at least 3" vs 39 are different things;
* they come from different articles, or from one article that repeats an agreeing figure or
  updates it ("the toll rose from 4 to 5", see ``updates``);
* casualty figures (killed, injured) that differ link only when both are their outlets' tolls
  (``Item.toll``): two outlets' tolls are one quantity however far apart and in whatever words
  ("2 dead" vs "three people were killed": one discrepant claim), while a part ("two of them"),
  another incident's dead or a count of the shot or the hospitalised is another quantity.

A linkable pair scores ``0.6 · cosine + 0.3 · value agreement + 0.1 · same casualty role``. The
cosine is over TF-IDF-weighted word bags, with the IDF taken over the story's sentences, so words
every outlet repeats ("North Korean soldiers") weigh less than words that tell figures apart
("deserted", "unit", "sent"). Average-linkage agglomerative clustering cuts the tree at
``MIN_SCORE``; forbidden pairs get an enormous distance so that no cluster can hold one.

Everything is computed as matrices per (kind, unit) partition: a story of a thousand mentions
aligns in well under a second.
"""

from __future__ import annotations

import math
from collections import defaultdict

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import csr_matrix
from scipy.spatial.distance import squareform

from .align import Item
from .tolerance import admits_matrix
from .updates import supersedes
from .words import content_stems

MIN_SCORE = 0.33
"""Average link score at which mentions are one claim (calibrated on news sentences)."""
TEXT_WEIGHT = 0.6
VALUE_WEIGHT = 0.3
ROLE_WEIGHT = 0.1
MAX_RELATIVE_GAP = 0.4
"""How far apart (relative to the larger) two figures may be and still be one disputed claim:
3 vs 5 killed is a discrepancy, 9 vs 22 shot are two different counts."""
ABSOLUTE_GAP_BY_KIND = {"count": 2.0, "other": 1.0}
"""Small numbers may differ by this much whatever the ratio: 1 vs 3 killed may be one count; an
age ("other") reported as 6 and as 7 may be one girl's, but 30 and 32 are two people."""
MAX_RELATIVE_GAP_BY_KIND = {"other": 0.0}
COLLECTIVE_NOUNS = frozenset(
    content_stems(
        "unit group team battalion brigade regiment division company squad platoon detachment "
        "contingent force crowd family families band party delegation crew"
    )
)
"""Heads that stand for their members: "a 3,000-strong unit" counts soldiers."""
GENDERED_NOUNS = frozenset(content_stems("man woman boy girl"))
CASUALTY_ROLES = frozenset({"kill", "injur"})
"""Role stems of casualty counts, whose outlets' headline figures (``Item.toll``) are one claim."""

MAX_PARTITION = 4000
"""Largest number of mentions clustered as one matrix (about 130 MB per n×n float array)."""

_BLOCKED = 1e12


def heads_meet(a: Item, b: Item) -> bool:
    """Whether two items with different head nouns may still name one thing.

    Counts: a collective noun counts its members ("a 3,000-strong unit" ~ "3,000 soldiers"), and
    each mention's own words may hold the other's head ("a unit of 3,000 soldiers"). Ages and
    other values: only two names, or two clashing person nouns (man/woman/boy/girl), are surely
    different people; "the 14-year-old boy" and "14-year-old Jane Doe" may well be one.
    """
    if not a.head or not b.head or a.head == b.head:
        return True
    if a.kind != "count":
        if a.head_is_name and b.head_is_name:
            return False
        return not (a.head in GENDERED_NOUNS and b.head in GENDERED_NOUNS)
    if a.head in COLLECTIVE_NOUNS or b.head in COLLECTIVE_NOUNS:
        return True
    return a.head in b.core and b.head in a.core


def _specific(item: Item) -> bool:
    """An identical figure is telling when it is not a small whole number anyone might repeat."""
    written = item.quantity.value
    return not (float(written).is_integer() and abs(written) <= 10)


def _tfidf(items: list[Item], df: dict[str, int], n: int) -> csr_matrix:
    """Sparse rows of L2-normalised TF-IDF weights over the items' bags (smoothed IDF)."""
    vocabulary: dict[str, int] = {}
    rows, columns, weights = [], [], []
    for row, item in enumerate(items):
        for stem_, weight in item.bag.items():
            rows.append(row)
            columns.append(vocabulary.setdefault(stem_, len(vocabulary)))
            weights.append(weight * (math.log((1 + n) / (1 + df.get(stem_, 0))) + 1.0))
    matrix = csr_matrix((weights, (rows, columns)), shape=(len(items), max(1, len(vocabulary))))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    return csr_matrix(matrix.multiply(1.0 / np.where(norms > 0, norms, 1.0)[:, None]))


def _value_agreement(items: list[Item]) -> np.ndarray:
    """Pairwise value agreement (NaN: too far apart to be one measurement).

    1 for the same telling figure, 0.5 for the same small number, 0.6 for hedges that admit each
    other, up to 0.4 for near figures that disagree (decaying with the gap).
    """
    kind = items[0].kind
    value = np.array([item.value for item in items])
    low = np.array([item.interval.low for item in items])
    high = np.array([item.interval.high for item in items])
    specific = np.array([_specific(item) for item in items])
    scale = np.maximum(np.abs(value)[:, None], np.abs(value)[None, :])
    difference = np.abs(value[:, None] - value[None, :])
    safe_scale = np.where(scale > 0, scale, 1.0)
    max_gap = MAX_RELATIVE_GAP_BY_KIND.get(kind, MAX_RELATIVE_GAP)
    # "at least 3" admits 39, but a reporter who means 39 does not write "at least 3": the stated
    # figures themselves must be of one size too
    too_far = (difference / safe_scale > max_gap) & (scale > 0)
    too_far &= difference > ABSOLUTE_GAP_BY_KIND.get(kind, 0.0)
    admitted = admits_matrix(low, high)
    identical = np.isclose(value[:, None], value[None, :], rtol=1e-6, atol=1e-9)
    with np.errstate(invalid="ignore"):  # inf - inf for two open-ended bounds: they overlap
        gap = np.maximum(
            0.0, np.maximum(low[None, :] - high[:, None], low[:, None] - high[None, :])
        )
    gap = np.nan_to_num(gap, nan=0.0)
    if max_gap > 0:
        near = 0.4 * np.maximum(0.0, 1.0 - (gap / safe_scale) / max_gap)
    else:
        near = np.zeros_like(gap)
    same = np.where(specific[:, None], 1.0, 0.5)
    agreement = np.where(admitted, np.where(identical, same, 0.6), near)
    return np.where(too_far, np.nan, agreement)


def link_scores(items: list[Item], vectors: csr_matrix) -> np.ndarray:
    """Pairwise link scores of items of one (kind, unit) partition; NaN where they must stay
    apart. ``vectors`` are the items' TF-IDF rows (see ``_tfidf``)."""
    size = len(items)
    agreement = _value_agreement(items)
    roles = np.array([item.role for item in items], dtype=object)
    has_role = roles != ""
    same_role = has_role[:, None] & (roles[:, None] == roles[None, :])
    casualty = np.isin(roles, list(CASUALTY_ROLES))
    toll = np.array([item.toll for item in items]) & casualty
    # two outlets' tolls of one role are reports of one quantity, the incident's dead (or
    # wounded), however far apart and in whatever words: "2 dead" vs "three people were killed"
    tolls = toll[:, None] & toll[None, :] & same_role
    blocked = np.isnan(agreement) & ~tolls
    blocked |= has_role[:, None] & has_role[None, :] & ~same_role
    articles = np.array([item.article_id for item in items], dtype=object)
    admitted = admits_matrix([i.interval.low for i in items], [i.interval.high for i in items])
    # one article stating two different figures is talking about two things
    blocked |= (articles[:, None] == articles[None, :]) & ~admitted
    # casualty figures differ as reports of one quantity only when both are outlets' tolls: a
    # part ("two of the victims"), another incident's dead, the hospitalised or the shot ("five
    # people were shot" vs "six injured") is another quantity than a figure it differs from
    blocked |= (casualty[:, None] | casualty[None, :]) & ~admitted & ~tolls
    # ... unless the later figure says it replaced the earlier one: "the toll rose from 4 to 5"
    for i, j in zip(
        *np.nonzero(np.triu(blocked & ~admitted & ~np.isnan(agreement), k=1)), strict=True
    ):
        if (items[i].update or items[j].update) and (
            supersedes(items[i], items[j]) or supersedes(items[j], items[i])
        ):
            blocked[i, j] = blocked[j, i] = bool(
                has_role[i] and has_role[j] and not same_role[i, j]
            )
    heads = np.array([item.head for item in items], dtype=object)
    differ = (heads[:, None] != heads[None, :]) & (heads[:, None] != "") & (heads[None, :] != "")
    for i, j in zip(*np.nonzero(np.triu(differ & ~blocked & ~tolls, k=1)), strict=True):
        if not heads_meet(items[i], items[j]):
            blocked[i, j] = blocked[j, i] = True
    cosine = np.clip((vectors @ vectors.T).toarray(), 0.0, 1.0)
    cosine = np.where(tolls, 1.0, cosine)
    score = TEXT_WEIGHT * cosine + VALUE_WEIGHT * np.nan_to_num(agreement) + ROLE_WEIGHT * same_role
    score[blocked] = np.nan
    np.fill_diagonal(score, 1.0 if size else 0.0)
    return score


def group_items(
    items: list[Item], df: dict[str, int] | None = None, n_documents: int = 0
) -> list[list[Item]]:
    """Cluster the items into claims (each group, and the list, in order of first appearance).

    ``df``/``n_documents`` are document frequencies for the IDF (see
    ``align.document_frequencies``); without them the items themselves are the sample.
    """
    if not items:
        return []
    if df is None:
        df = defaultdict(int)
        for item in items:
            for stem_ in item.bag:
                df[stem_] += 1
        n_documents = len(items)

    partitions: dict[tuple[str, str, str], list[Item]] = defaultdict(list)
    for item in items:
        partitions[(item.kind, item.unit, "")].append(item)
    for key in [k for k, members in partitions.items() if len(members) > MAX_PARTITION]:
        # memory grows with the square of a partition: split a huge one by head noun, which
        # only loses the rare link between different heads (a unit and its soldiers)
        for item in partitions.pop(key):
            partitions[(item.kind, item.unit, item.head)].append(item)
    groups: list[list[Item]] = []
    for members in partitions.values():
        if len(members) == 1:
            groups.append(members)
            continue
        score = link_scores(members, _tfidf(members, df, n_documents))
        distance = np.where(np.isnan(score), _BLOCKED, np.maximum(0.0, 1.0 - score))
        np.fill_diagonal(distance, 0.0)
        tree = linkage(squareform(distance, checks=False), method="average")
        labels = fcluster(tree, t=1.0 - MIN_SCORE, criterion="distance")
        by_label: dict[int, list[Item]] = defaultdict(list)
        for item, label in zip(members, labels, strict=True):
            by_label[int(label)].append(item)
        groups.extend(by_label.values())
    for group in groups:
        group.sort(key=lambda item: item.order)
    groups.sort(key=lambda group: group[0].order)
    return groups
