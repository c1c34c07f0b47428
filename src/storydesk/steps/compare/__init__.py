"""Compare stage: align the quantity mentions of one story's articles into claims and judge them.

``ClaimAligner`` groups mentions of the same measured thing (``align`` prepares them, ``links``
groups them), turns each group into a ``Claim`` with exact quotes and attributions, and gives it a status:

* ``contested`` — a denied/correction flag in a mention's sentence, a denying attribution whose
  content holds a mention ("dismissed reports of a 3,000-strong unit"), a sentence of the
  story disputing that very value ("nowhere near 3,000"), or a correction of the figure ("later
  corrected the figure to 9", "revised the toll from 12 to 9");
* ``single_source`` — only one independent article states it (a duplicate is not a confirmation);
* ``consistent`` / ``discrepant`` — whether the articles' values admit each other once units and
  hedges are taken into account (see ``tolerance``).

Claims are sorted by how many articles state them, then by first appearance, and numbered c1, c2, …
in that order. ``origins`` is left empty and ``independent_origins`` counts distinct original
articles; the provenance step refines both later.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from storydesk.model import Article, Attribution, Claim, Mention, Normalized, Span, Story
from storydesk.steps.base import StoryStep

from .align import Item, document_frequencies, make_item, mark_tolls
from .contest import (
    CONTESTING_FLAGS,
    DisputedValue,
    attributed_names,
    covers,
    find_corrections,
    find_disputed_values,
    flag_contests,
    is_denial,
    is_negated,
)
from .links import group_items
from .statement import make_statement
from .tolerance import Interval, admits, all_admissible, interval
from .vague import vague_spans

__all__ = ["ClaimAligner", "admits", "interval", "Interval", "align_claims"]


class ClaimAligner(StoryStep):
    """Fill ``story.claims`` from the articles' quantities, attributions and flags."""

    name = "compare"
    needs = frozenset({"quantities", "attributions", "flags"})
    adds = frozenset({"claims"})

    def run_story(self, story: Story, articles: dict[str, Article]) -> Story:
        story.claims = align_claims(story, articles)
        return story


def align_claims(story: Story, articles: dict[str, Article]) -> list[Claim]:
    """The story's claims, sorted by number of articles (desc) then first appearance."""
    members = [articles[a] for a in dict.fromkeys(story.article_ids) if a in articles]
    items = _items(members)
    disputed = [d for article in members for d in find_disputed_values(article)]
    # a quantity inside "nowhere near 3,000" is the dispute itself, not another report of 3,000
    items = [item for item in items if not _inside_dispute(item, disputed)]
    corrected: dict[str, list[Span]] = {}
    for article in members:
        spans, superseded = find_corrections(article)
        corrected[article.id] = spans
        disputed.extend(superseded)
    by_id = {article.id: article for article in members}
    claims: list[tuple[tuple[int, int, int], Claim]] = []
    df, n_documents = document_frequencies(members)
    for group in group_items(items, df, n_documents):
        claim = Claim(
            id="",
            statement=make_statement(group, by_id),
            kind=group[0].kind,
            status=_status(group, by_id, disputed, corrected),
            mentions=[_mention(item, by_id[item.article_id]) for item in group]
            + _vague_mentions(group, members),
            origins=[],
            independent_origins=len(_originals(group)),
        )
        n_articles = len({item.article_id for item in group})
        claims.append(((-n_articles, *group[0].order), claim))
    claims.sort(key=lambda pair: pair[0])
    for number, (_, claim) in enumerate(claims, start=1):
        claim.id = f"c{number}"
    return [claim for _, claim in claims]


def _items(members: list[Article]) -> list[Item]:
    ids = {article.id for article in members}
    items: list[Item] = []
    for position, article in enumerate(members):
        # a copy counts as its original when the original is in the story, else as itself
        canonical = article.duplicate_of if article.duplicate_of in ids else article.id
        own: list[Item] = []
        for quantity in article.quantities or []:
            item = make_item(article, quantity, position, canonical or article.id)
            if item is not None:
                own.append(item)
        mark_tolls(own, article)
        items.extend(own)
    items.sort(key=lambda item: item.order)
    return items


def _inside_dispute(item: Item, disputed: Iterable[DisputedValue]) -> bool:
    return any(
        d.article_id == item.article_id and d.span.overlaps(item.quantity.span) for d in disputed
    )


def _attributions(article: Article) -> list[Attribution]:
    """The article's attributions whose cue and content are real spans (others are skipped)."""
    return [
        a
        for a in article.attributions or []
        if isinstance(a.cue, Span) and isinstance(a.content, Span)
    ]


def _originals(group: list[Item]) -> set[str]:
    """Distinct independent articles behind a group: a duplicate and its original count once."""
    return {item.canonical_id for item in group}


def _sources(article: Article, span: Span) -> list[str]:
    """The source names the article gives for the words at ``span``."""
    names: list[str] = []
    for attribution in _attributions(article):
        if is_denial(attribution, article) or is_negated(attribution, article):
            continue  # whoever denies a figure, or does not confirm it, is not its source
        if not covers(attribution, article, span):
            continue
        names.extend(attributed_names(attribution, article))
    return list(dict.fromkeys(names))


def _vague_mentions(group: list[Item], members: list[Article]) -> list[Mention]:
    """Mentions, without a value, from the story's other articles that report the group's
    counted fact without a figure ("a group of North Korean soldiers ... deserted")."""
    carrying = {item.article_id for item in group}
    if len(carrying) < 2:
        return []  # a single report's wording is too weak a key to find others by
    mentions: list[Mention] = []
    for article in members:
        if article.id in carrying:
            continue
        for span in vague_spans(group, article):
            mentions.append(
                Mention(
                    article_id=article.id,
                    quote=article.text[span.start : span.end],
                    start=span.start,
                    end=span.end,
                    value=None,  # no amount is stated: the report shows "—"
                    unit="",
                    normalized=Normalized(None, ""),
                    attributed_to=_sources(article, span),
                )
            )
            break  # one per article: the first statement
    return mentions


def _mention(item: Item, article: Article) -> Mention:
    quantity = item.quantity
    return Mention(
        article_id=item.article_id,
        quote=item.quote,
        start=quantity.span.start,
        end=quantity.span.end,
        value=quantity.value,
        unit=quantity.unit,
        normalized=Normalized(item.value, item.unit),
        hedge=quantity.hedge,
        attributed_to=_sources(article, quantity.span),
    )


def _status(
    group: list[Item],
    articles: dict[str, Article],
    disputed: list[DisputedValue],
    corrected: dict[str, list[Span]] | None = None,
) -> str:
    if _contested(group, articles, disputed, corrected or {}):
        return "contested"
    # per independent article, compare one reading: the original's first mention before a copy's
    readings: dict[str, Interval] = {}
    for item in sorted(group, key=lambda i: (i.is_duplicate, i.order)):
        readings.setdefault(item.canonical_id, item.interval)
    if len(readings) < 2:
        return "single_source"
    return "consistent" if all_admissible(list(readings.values())) else "discrepant"


def _contested(
    group: list[Item],
    articles: dict[str, Article],
    disputed: list[DisputedValue],
    corrected: dict[str, list[Span]],
) -> bool:
    for item in group:
        article = articles[item.article_id]
        span = item.quantity.span
        if any(c.overlaps(span) for c in corrected.get(item.article_id, ())):
            return True  # "later corrected the figure to 9": the figure itself was in question
        for flag in article.flags or []:
            if (
                flag.type in CONTESTING_FLAGS
                and isinstance(flag.span, Span)
                and flag_contests(article, flag.span, item.sentence, span)
            ):
                return True
        for attribution in _attributions(article):
            # what is denied is the content ("dismissed reports that 3,000 ..."), not the whole
            # sentence ("the man who wounded 16 people has denied firing any shots")
            if is_denial(attribution, article) and attribution.content.contains(span):
                return True
    # a dispute anywhere in the story names the figure it disputes: match it by value
    stated = {item.quantity.value for item in group} | {item.value for item in group}
    return any(math.isclose(d.value, v, rel_tol=1e-9) for d in disputed for v in stated)
