"""Each story's representative article and headline.

The representative is the most central member: the highest mean body-TF-IDF cosine to the other
members (a round-up or a short brief sits at the edge, the report most others resemble at the
centre). The headline is its title; without a title, its first sentence, shortened.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from storydesk.model import Article, Story
from storydesk.steps.cluster.signals import ArticleViews

HEADLINE_CHARS = 120
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def describe_stories(
    stories: Sequence[Story], articles: Sequence[Article], views: ArticleViews | None
) -> None:
    """Set ``representative_article_id`` and (when empty) ``headline`` on every story."""
    by_id = {a.id: a for a in articles}
    for story in stories:
        members = [by_id[i] for i in story.article_ids if i in by_id]
        if not members:
            continue
        best = representative(members, views)
        story.representative_article_id = best.id
        if not story.headline:
            story.headline = headline(best)


def representative(members: Sequence[Article], views: ArticleViews | None) -> Article:
    """The most central of ``members`` (ties and missing vectors: the first member with a
    title, else the first member)."""
    fallback = next((a for a in members if a.title and a.title.strip()), members[0])
    if views is None or len(members) < 3 or any(a.id not in views.index for a in members):
        return fallback  # with one or two members there is no centre to find
    rows = views.matrices["body"][[views.index[a.id] for a in members]]
    similarity = (rows @ rows.T).toarray()
    np.fill_diagonal(similarity, 0.0)
    return members[int(np.argmax(similarity.sum(axis=1)))]


def headline(article: Article) -> str:
    """The article's title, else its first sentence cut to ``HEADLINE_CHARS``."""
    if article.title and article.title.strip():
        return " ".join(article.title.split())
    text = " ".join(article.text.split())
    first = _SENTENCE_END.split(text, maxsplit=1)[0] if text else ""
    if len(first) <= HEADLINE_CHARS:
        return first
    cut = first[:HEADLINE_CHARS].rsplit(" ", 1)[0]
    return cut.rstrip(",;:—–- ") + "…"
