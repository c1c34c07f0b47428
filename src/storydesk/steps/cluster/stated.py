"""What an article states about *when* and *who published*: binary views for the pair model.

Two reports of one incident often share no words beyond the usual ("shot", "police") yet name the
same day: "on Saturday night" (published Sunday), "the July 4 shooting" (published in September),
"on Nov. 3, 2015". Each date in the title and lead is resolved against the article's publication
date (storydesk.steps.extract.dates, regular expressions only: no parse at clustering time) and
kept when it names a day; a pair whose stated days fall within one day of each other ("Saturday
night" and "early Sunday") is a strong same-incident signal, one whose stated days are all far
apart a weak signal against. The years named (any granularity) tell events of one kind in
different years apart even without publication dates (ECB+: two earthquakes, two Oscars).

The outlet (host of the article's URL, unwrapped from web-archive addresses) is a weak signal:
one outlet's follow-ups share its boilerplate, and its different stories share it too; the model
learns which way it cuts.

Each signal is a sparse 0/1 matrix (articles × days, years or outlets), so a pair's feature is
one sparse row product, as for the TF-IDF views.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

import numpy as np
from scipy import sparse

from storydesk.model import Article
from storydesk.steps.extract.dates import resolve_dates

STATED = ("days", "days_near", "years", "outlet")
# The incident date is stated in the lead; later paragraphs bring court dates and related news.
_LEAD_CHARS = 1500
_ARCHIVE = re.compile(r"^https?://(?:web\.)?archive\.org/web/[^/]+/(.+)$", re.I)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.I)
# Stated days further than this from publication are history ("a 1999 shooting"), kept only as
# years: a follow-up trial names the incident day, but rarely decades-old ones.
_MAX_DAYS_BEFORE = 3 * 365


def outlet(source: str) -> str:
    """The publishing host of ``source`` (lower case, without "www."), or "" when it is no URL.
    Web-archive captures ("https://web.archive.org/web/2016.../http://fox59.com/...") give the
    archived page's host."""
    source = source.strip()
    wrapped = _ARCHIVE.match(source)
    if wrapped:
        source = wrapped.group(1)
        if not _SCHEME.match(source):
            source = "http://" + source
    if not _SCHEME.match(source):
        return ""
    try:
        host = urlsplit(source).hostname or ""
    except ValueError:  # malformed netloc ("http://[x")
        return ""
    return host.removeprefix("www.")


def stated_dates(article: Article) -> tuple[set[int], set[int]]:
    """Days (proleptic ordinals) and years the title and lead state. A date without a year or a
    relative one ("Saturday", "yesterday") is resolved against the publication date, and dropped
    when there is none; dates after publication (schedules, court dates) are not the event's."""
    text = f"{article.title or ''}\n{article.text[:_LEAD_CHARS]}"
    published = article.published
    days: set[int] = set()
    years: set[int] = set()
    for found in resolve_dates(text, published):
        when = found.resolved
        if when is None:
            continue
        if published is not None and when > published:
            continue
        years.add(when.year)
        if found.granularity != "day":
            continue
        if published is not None and (published - when).days > _MAX_DAYS_BEFORE:
            continue
        days.add(when.toordinal())
    return days, years


def stated_matrices(articles: Sequence[Article]) -> dict[str, sparse.csr_matrix]:
    """The binary views (STATED) of ``articles``: ``days`` (the stated days), ``days_near`` (each
    stated day widened by one day either side, so ``days_near[i] · days[j] > 0`` means some
    stated days are at most one day apart), ``years`` and ``outlet`` (one column per host)."""
    day_sets: list[list[int]] = []
    year_sets: list[list[int]] = []
    outlets: list[list[str]] = []
    for article in articles:
        days, years = stated_dates(article)
        day_sets.append(sorted(days))
        year_sets.append(sorted(years))
        host = outlet(article.source)
        outlets.append([host] if host else [])
    near = [sorted({d + delta for d in days for delta in (-1, 0, 1)}) for days in day_sets]
    # One column space for days and their neighbours, so that the two matrices multiply.
    day_columns = _columns(near)
    return {
        "days": _binary(day_sets, day_columns),
        "days_near": _binary(near, day_columns),
        "years": _binary(year_sets, _columns(year_sets)),
        "outlet": _binary(outlets, _columns(outlets)),
    }


def _columns(sets: Sequence[Sequence[object]]) -> dict[object, int]:
    columns: dict[object, int] = {}
    for values in sets:
        for value in values:
            columns.setdefault(value, len(columns))
    return columns


def _binary(sets: Sequence[Sequence[object]], columns: dict[object, int]) -> sparse.csr_matrix:
    indptr = np.zeros(len(sets) + 1, dtype=np.int64)
    indptr[1:] = np.cumsum([len(values) for values in sets])
    indices = np.fromiter((columns[v] for values in sets for v in values), dtype=np.int64,
                          count=int(indptr[-1]))
    data = np.ones(len(indices), dtype=np.float32)
    return sparse.csr_matrix((data, indices, indptr), shape=(len(sets), max(len(columns), 1)))
