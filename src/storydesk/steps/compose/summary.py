"""A short extractive summary in which every sentence cites the articles that say it.

Sentences are taken word for word from the articles (so each one can be found again) and chosen by
centrality: TF-IDF cosine to the story's centroid, raised for sentences that state the claims most
articles carry and for sentences several articles share. Near-duplicates (a copy, a lightly edited
rewrite) are one summary sentence citing every article that carries one of them. Captions,
furniture and quote fragments are never chosen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
from rapidfuzz import fuzz, process
from sklearn.feature_extraction.text import TfidfVectorizer

from storydesk.model import Article, Span, Story, SummarySentence
from storydesk.steps.base import StoryStep
from storydesk.steps.compose.timeline import ABBREVIATION_END, sentence_spans

MAX_SENTENCES = 5
MIN_SENTENCES = 3
DUPLICATE_SIMILARITY = 85.0  # rapidfuzz token_sort_ratio: the same sentence, lightly edited
REDUNDANT_SIMILARITY = 70.0  # token_set_ratio: a second sentence that adds nothing
REDUNDANT_COSINE = 0.6
MAX_CANDIDATES = 2000  # near-duplicate search is quadratic: keep the most central ones
CLAIM_WEIGHT = 0.35
SHARED_WEIGHT = 0.25
LEAD_WEIGHT = 0.1
HEADLINE_CHARS = 110
QUOTED_SHARE = 0.6  # more of the sentence inside quotes: a quotation, not a statement

_FURNITURE = re.compile(
    r"advertisement|subscribe|sign up|newsletter|click here|read more|share (?:this|on|icon)"
    r"|follow us|all rights reserved|cookie|getty images|^photo|^image|credit:|copyright|©"
    r"|min read|this audio is|ai assistance|related:|most popular|editors'? picks|^watch:"
    r"|^listen:|view this post|https?://|www\.|@\w+\.\w+|connect with us|published on",
    re.IGNORECASE,
)
_TERMINAL = re.compile(r"[.!][\"”’)\]]*$")
_QUOTED = re.compile(r"[“\"][^“”\"]*[”\"]")


@dataclass(slots=True)
class _Candidate:
    article_id: str
    span: Span
    text: str
    order: int  # article's place in the story
    position: int  # sentence's place among the article's candidates
    centrality: float = 0.0
    claim_share: float = 0.0
    cluster: int = 0


@dataclass(slots=True)
class _Cluster:
    members: list[_Candidate] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    score: float = 0.0


def summary_worthy(text: str) -> bool:
    """True for a sentence that can stand alone in a summary: a full declarative sentence, not
    furniture, not a caption, not a quote fragment, not cut at an abbreviation."""
    flat = " ".join(text.split())
    words = flat.split()
    if not 40 <= len(flat) <= 350 or len(words) < 7:
        return False
    if not (flat[0].isupper() or flat[0].isdigit() or flat[0] in '“"‘'):
        return False
    if re.match(r"\d{1,4},", flat):
        return False  # "15, citing officials": the tail of a date cut by the sentence splitter
    if not _TERMINAL.search(flat) or ABBREVIATION_END.search(flat) or _FURNITURE.search(flat):
        return False
    straight, opening, closing = flat.count('"'), flat.count("“"), flat.count("”")
    if straight % 2 or opening != closing:
        return False  # an unbalanced quote: the sentence is a fragment of a longer quotation
    quoted = sum(len(m.group()) for m in _QUOTED.finditer(flat))
    return quoted <= QUOTED_SHARE * len(flat)


class SummaryWriter(StoryStep):
    """Fill ``story.summary`` (and ``story.headline`` when empty)."""

    name = "summary"
    needs = frozenset({"sentences"})
    adds = frozenset({"story.summary", "story.headline"})

    def __init__(self, max_sentences: int = MAX_SENTENCES, min_sentences: int = MIN_SENTENCES):
        self.max_sentences = max(1, max_sentences)
        self.min_sentences = min(max(1, min_sentences), self.max_sentences)

    def run_story(self, story: Story, articles: dict[str, Article]) -> Story:
        members = [articles[i] for i in story.article_ids if i in articles]
        candidates = _candidates(members)
        if candidates:
            _score_centrality(candidates)
            _score_claims(candidates, story, len(members))
            candidates.sort(key=lambda c: -c.centrality)
            candidates = candidates[:MAX_CANDIDATES]
            clusters = _clusters(candidates, len(members))
            story.summary = self._select(clusters)
        else:
            story.summary = []
        if not story.headline:
            story.headline = _headline(members, story.summary)
        return story

    def _select(self, clusters: list[_Cluster]) -> list[SummarySentence]:
        ranked = sorted(clusters, key=lambda c: -c.score)
        chosen: list[_Cluster] = []
        # Strict first; if that leaves too few sentences, accept closer neighbours.
        for strictness in (1.0, 1.2):
            for cluster in ranked:
                if len(chosen) >= self.max_sentences:
                    break
                if any(c is cluster for c in chosen) or _redundant(cluster, chosen, strictness):
                    continue
                chosen.append(cluster)
            if len(chosen) >= self.min_sentences:
                break
        return [
            SummarySentence(text=c.members[0].text, article_ids=list(c.article_ids)) for c in chosen
        ]


def _candidates(members: list[Article]) -> list[_Candidate]:
    result: list[_Candidate] = []
    for order, article in enumerate(members):
        position = 0
        for span in sentence_spans(article):
            text = article.text[span.start : span.end]
            if summary_worthy(text):
                result.append(_Candidate(article.id, span, text, order, position))
                position += 1
    return result


def _tfidf(texts: list[str]) -> np.ndarray | None:
    """L2-normalised TF-IDF rows, or None when the texts have no content words."""
    try:
        matrix = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
    except ValueError:  # empty vocabulary: only stop words
        return None
    return matrix.toarray()


def _centrality(rows: np.ndarray) -> np.ndarray:
    centroid = rows.mean(axis=0)
    norm = float(np.linalg.norm(centroid))
    if norm == 0.0:
        return np.zeros(len(rows))
    return rows @ (centroid / norm)


def _score_centrality(candidates: list[_Candidate]) -> None:
    rows = _tfidf([c.text for c in candidates])
    if rows is None:
        return
    for candidate, value in zip(candidates, _centrality(rows), strict=True):
        candidate.centrality = float(value)


def _score_claims(candidates: list[_Candidate], story: Story, n_articles: int) -> None:
    """Share of the story's articles behind the best-supported claim a sentence states."""
    if not n_articles:
        return
    spans: dict[str, list[tuple[int, int, float]]] = {}
    for claim in story.claims:
        share = len({m.article_id for m in claim.mentions}) / n_articles
        for mention in claim.mentions:
            spans.setdefault(mention.article_id, []).append((mention.start, mention.end, share))
    for candidate in candidates:
        for start, end, share in spans.get(candidate.article_id, []):
            if candidate.span.start <= start and end <= candidate.span.end:
                candidate.claim_share = max(candidate.claim_share, share)


def _clusters(candidates: list[_Candidate], n_articles: int) -> list[_Cluster]:
    """Group near-duplicate sentences; each group is scored and represented by its most central
    member."""
    texts = [" ".join(c.text.lower().split()) for c in candidates]
    similar = process.cdist(
        texts, texts, scorer=fuzz.token_sort_ratio, score_cutoff=DUPLICATE_SIMILARITY
    )
    parent = list(range(len(candidates)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in zip(*np.nonzero(similar), strict=True):
        if i < j:
            parent[find(int(j))] = find(int(i))
    groups: dict[int, _Cluster] = {}
    for index, candidate in enumerate(candidates):
        cluster = groups.setdefault(find(index), _Cluster())
        cluster.members.append(candidate)
    for cluster in groups.values():
        cluster.members.sort(key=lambda c: (-c.centrality, c.order, c.position))
        ordered = sorted(cluster.members, key=lambda c: (c.order, c.position))
        cluster.article_ids = list(dict.fromkeys(c.article_id for c in ordered))
        best = cluster.members[0]
        shared = (len(cluster.article_ids) - 1) / max(n_articles - 1, 1)
        lead = 1.0 if min(c.position for c in cluster.members) < 3 else 0.0
        claim = max(c.claim_share for c in cluster.members)
        cluster.score = (
            best.centrality + CLAIM_WEIGHT * claim + SHARED_WEIGHT * shared + LEAD_WEIGHT * lead
        )
    return list(groups.values())


def _redundant(cluster: _Cluster, chosen: list[_Cluster], strictness: float) -> bool:
    if not chosen:
        return False
    text = cluster.members[0].text
    limit = min(REDUNDANT_SIMILARITY * strictness, 100.0)
    if any(fuzz.token_set_ratio(text, c.members[0].text) >= limit for c in chosen):
        return True
    rows = _tfidf([text] + [c.members[0].text for c in chosen])
    if rows is None:
        return False
    return bool((rows[1:] @ rows[0]).max() >= REDUNDANT_COSINE * strictness)


def _headline(members: list[Article], summary: list[SummarySentence]) -> str:
    """The title of the most central article, else the first summary sentence, shortened."""
    titled = [a for a in members if a.title and a.title.strip()]
    if titled:
        rows = _tfidf([f"{a.title} {a.text}" for a in members])
        if rows is None:
            return " ".join(titled[0].title.split())  # type: ignore[union-attr]
        scores = dict(zip((a.id for a in members), _centrality(rows), strict=True))
        best = max(titled, key=lambda a: scores[a.id])
        return " ".join((best.title or "").split())
    if not summary:
        return ""
    text = " ".join(summary[0].text.split())
    if len(text) <= HEADLINE_CHARS:
        return text
    cut = text[:HEADLINE_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:—–- ") + "…"
