"""Compare stage: align the quantity mentions of one story's articles into claims and judge them.

``ClaimAligner`` groups mentions of the same measured thing (``align`` prepares them, ``links``
groups them), turns each group into a ``Claim`` with exact quotes and attributions, and gives it a status:

* ``contested`` — a denied/correction flag in a mention's sentence, a denying attribution whose
  content holds a mention ("dismissed reports of a 3,000-strong unit"), a sentence of the
  story disputing that very value ("nowhere near 3,000"), or a correction of the figure ("later
  corrected the figure to 9", "revised the toll from 12 to 9");
* ``single_source`` — only one independent article states it (a duplicate is not a confirmation);
* ``consistent`` / ``discrepant`` — whether the articles' values admit each other once units,
  hedges and time are taken into account (see ``tolerance`` and ``updates``). Time: a later
  report that states its figure as an update ("the death toll rose to 5") explains why it differs
  from an earlier one ("4 people were killed") when the values move the way its words say. The
  claim stays ``discrepant`` only when a difference remains that no update explains; when every
  difference is explained it is ``consistent``, its statement says how the figure moved
  ("People killed: 5 (rose from 4)"), every mention stays, and each explaining update becomes a
  story flag of type ``update`` quoting its words (also recorded on its article's ``flags`` so
  that the compose stage's ``FlagCollector`` keeps it).

Claims are sorted by how many articles state them, then by first appearance, and numbered c1, c2, …
in that order. ``origins`` is left empty and ``independent_origins`` counts distinct original
articles; the provenance step refines both later.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

from storydesk.model import (
    Article,
    Attribution,
    Claim,
    Flag,
    FlagMention,
    Mention,
    Normalized,
    Span,
    Story,
)
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
from .tolerance import Interval, admits, interval
from .updates import Explanation, attach_updates, explain, latest_reading
from .vague import vague_spans

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["ClaimAligner", "admits", "interval", "Interval", "align_claims"]


class ClaimAligner(StoryStep):
    """Fill ``story.claims`` from the articles' quantities, attributions and flags, and add an
    ``update`` story flag for each update that explains a difference between outlets.

    ``nlp`` parses the few sentences that may hold update words (default: ``load_nlp()``, loaded
    only when such a sentence is met)."""

    name = "compare"
    needs = frozenset({"quantities", "attributions", "flags"})
    adds = frozenset({"claims"})

    def __init__(self, nlp: Language | None = None) -> None:
        self.nlp = nlp

    def run_story(self, story: Story, articles: dict[str, Article]) -> Story:
        story.claims, flags = _align(story, articles, self.nlp)
        known = {(f.type, f.article_id, f.start, f.end) for f in story.flags}
        for flag in flags:
            if (flag.type, flag.article_id, flag.start, flag.end) in known:
                continue
            story.flags.append(flag)
            article = articles[flag.article_id]
            # the compose stage rebuilds the story's flags from its articles' markers
            span = Span(flag.start, flag.end)
            if not any(m.type == "update" and m.span == span for m in article.flags or []):
                article.flags = [*(article.flags or []), FlagMention(span, "update")]
        return story


def align_claims(
    story: Story, articles: dict[str, Article], nlp: Language | None = None
) -> list[Claim]:
    """The story's claims, sorted by number of articles (desc) then first appearance."""
    return _align(story, articles, nlp)[0]


def _align(
    story: Story, articles: dict[str, Article], nlp: Language | None
) -> tuple[list[Claim], list[Flag]]:
    """The story's claims, and an ``update`` flag for each update that explains a difference."""
    members = [articles[a] for a in dict.fromkeys(story.article_ids) if a in articles]
    items = _items(members)
    by_id = {article.id: article for article in members}
    attach_updates(items, by_id, nlp)
    disputed = [d for article in members for d in find_disputed_values(article)]
    # a quantity inside "nowhere near 3,000" is the dispute itself, not another report of 3,000
    items = [item for item in items if not _inside_dispute(item, disputed)]
    corrected: dict[str, list[Span]] = {}
    update_words = [(i.article_id, i.update_words) for i in items if i.update_words is not None]
    for article in members:
        spans, superseded = find_corrections(article)
        # "raising the toll to 5" reads as a correction, but it is a development: an update
        corrected[article.id] = [s for s in spans if not _within(article.id, s, update_words)]
        disputed.extend(d for d in superseded if not _within(article.id, d.span, update_words))
    claims: list[tuple[tuple[int, int, int], Claim]] = []
    flags: list[tuple[Claim, Item]] = []
    df, n_documents = document_frequencies(members)
    for group in group_items(items, df, n_documents):
        status, explanation = _status(group, by_id, disputed, corrected)
        claim = Claim(
            id="",
            statement=make_statement(group, by_id, explanation.superseded),
            kind=group[0].kind,
            status=status,
            mentions=[_mention(item, by_id[item.article_id]) for item in group]
            + _vague_mentions(group, members),
            origins=[],
            independent_origins=len(_originals(group)),
        )
        flags.extend((claim, update) for update in explanation.updates)
        n_articles = len({item.article_id for item in group})
        claims.append(((-n_articles, *group[0].order), claim))
    claims.sort(key=lambda pair: pair[0])
    for number, (_, claim) in enumerate(claims, start=1):
        claim.id = f"c{number}"
    return [claim for _, claim in claims], _update_flags(flags, by_id)


def _within(article_id: str, span: Span, words: list[tuple[str, Span]]) -> bool:
    return any(a == article_id and w.overlaps(span) for a, w in words)


def _update_flags(pairs: list[tuple[Claim, Item]], articles: dict[str, Article]) -> list[Flag]:
    """One ``update`` flag per update's words, linked to the claims whose figures it replaced."""
    by_words: dict[tuple[str, int, int], Flag] = {}
    for claim, update in pairs:
        words = update.update_words
        if words is None:
            continue
        key = (update.article_id, words.start, words.end)
        flag = by_words.get(key)
        if flag is None:
            quote = articles[update.article_id].text[words.start : words.end]
            flag = Flag("update", quote, update.article_id, words.start, words.end)
            by_words[key] = flag
        if claim.id not in flag.claim_ids:
            flag.claim_ids.append(claim.id)
    return list(by_words.values())


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
) -> tuple[str, Explanation]:
    """The claim's status and how time explains its differences (see ``updates``)."""
    # per independent article one reading: the original's before a copy's, and within it the
    # latest update it states ("rose from 4 to 5"), else its first mention
    chosen: dict[str, str] = {}
    for item in sorted(group, key=lambda i: (i.is_duplicate, i.order)):
        chosen.setdefault(item.canonical_id, item.article_id)
    readings = [
        latest_reading([item for item in group if item.article_id == article_id])
        for article_id in chosen.values()
    ]
    explanation = explain(readings, group)
    if _contested(group, articles, disputed, corrected or {}):
        return "contested", explanation
    if len(readings) < 2:
        return "single_source", explanation
    return ("discrepant" if explanation.unexplained else "consistent"), explanation


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
