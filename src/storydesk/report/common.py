"""Helpers shared by the Markdown and HTML writers: number formatting, labels, article look-ups.

Everything here returns *plain* text; each writer escapes it for its own format.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit

from storydesk.model import CLAIM_STATUSES, Article, Dossier, Mention, Story

HEDGE_LABELS: dict[str, str] = {
    "approximate": "approximately",
    "at_least": "at least",
    "at_most": "at most",
    "estimated": "estimated",
    "range": "range",
}

STATUS_LABELS: dict[str, str] = {
    "consistent": "consistent",
    "discrepant": "discrepant",
    "contested": "contested",
    "single_source": "single source",
}

STATUS_EXPLAINED: dict[str, str] = {
    "consistent": "the reports agree once units and hedges are taken into account",
    "discrepant": "the reports differ beyond what their hedges allow",
    "contested": "at least one report denies or disputes it",
    "single_source": "only one article reports it",
}

FLAG_LABELS: dict[str, str] = {
    "unconfirmed": "unconfirmed",
    "denied": "denied",
    "no_evidence": "no evidence",
    "correction": "correction",
    "update": "update",
}


def fmt_number(value: float | int | None) -> str:
    """``3000.0`` -> ``"3,000"``, ``6.4374`` -> ``"6.4374"``, ``None`` -> ``""``."""
    if value is None:
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if float(value).is_integer():
        return f"{value:,.0f}"
    return f"{value:,.6g}"


def mention_value(mention: Mention) -> str:
    """The amount as the article wrote it: number and unit ("18 soldiers", "4 miles")."""
    return " ".join(part for part in (fmt_number(mention.value), mention.unit) if part)


def mention_normalized(mention: Mention) -> str:
    """The amount in the dimension's base unit ("6.44 km"), or ``""`` when there is none or it says
    nothing new (same number and unit as written)."""
    norm = mention.normalized
    if norm is None or norm.value is None:
        return ""
    if norm.value == mention.value and norm.unit in ("count", mention.unit):
        return ""  # "18 soldiers" = "18 count" adds nothing for a reader
    return " ".join(part for part in (fmt_number(norm.value), norm.unit) if part)


def hedge_label(hedge: str | None) -> str:
    return HEDGE_LABELS.get(hedge, hedge) if hedge else ""


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


def truncate(text: str, limit: int) -> str:
    """Shorten to at most ``limit`` characters on one line, ending with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 1)].rstrip() + "…"


@dataclass
class ArticleIndex:
    """Fast id -> article look-ups over one dossier, tolerant of ids that point nowhere."""

    by_id: dict[str, Article]

    @classmethod
    def of(cls, dossier: Dossier) -> ArticleIndex:
        return cls({a.id: a for a in dossier.articles})

    def get(self, article_id: str) -> Article | None:
        return self.by_id.get(article_id)

    def outlet(self, article_id: str) -> str:
        """Who published it: the outlet, else the host of a URL source, else the article id."""
        article = self.by_id.get(article_id)
        if article is None:
            return article_id
        if article.outlet:
            return article.outlet
        host = _host(article.source)
        return host.removeprefix("www.") if host else article_id

    def title(self, article_id: str) -> str:
        article = self.by_id.get(article_id)
        return (article.title or "") if article else ""

    def describe(self, article_id: str) -> str:
        """``"Outlet — Title (2024-10-17)"`` for tooltips and link titles."""
        article = self.by_id.get(article_id)
        if article is None:
            return f"{article_id} (not in this dossier)"
        parts = [self.outlet(article_id)]
        if article.title:
            parts.append(article.title)
        text = " — ".join(parts)
        if article.published:
            text += f" ({article.published.isoformat()})"
        return text


def _host(source: str) -> str | None:
    if "://" not in source:
        return None
    try:
        return urlsplit(source).hostname
    except ValueError:  # malformed URL (e.g. an unclosed IPv6 bracket): not worth failing a report
        return None


def story_articles(index: ArticleIndex, story: Story) -> list[Article]:
    """The story's articles in story order, skipping ids the dossier does not contain."""
    seen: set[str] = set()
    result = []
    for article_id in story.article_ids:
        article = index.get(article_id)
        if article is not None and article_id not in seen:
            seen.add(article_id)
            result.append(article)
    return result


def unassigned_articles(dossier: Dossier) -> list[Article]:
    """Articles that belong to no story (noise, duplicates, or a run without clustering)."""
    assigned = {aid for story in dossier.stories for aid in story.article_ids}
    return [a for a in dossier.articles if a.id not in assigned]


def status_counts(story: Story) -> list[tuple[str, int]]:
    """``[(status, n), ...]`` in the canonical status order, statuses with no claims left out."""
    counts = Counter(claim.status for claim in story.claims)
    ordered = [(s, counts[s]) for s in CLAIM_STATUSES if counts[s]]
    ordered += [(s, n) for s, n in counts.items() if s not in CLAIM_STATUSES]
    return ordered


def story_title(story: Story, number: int) -> str:
    return story.headline.strip() or f"Story {number}"
