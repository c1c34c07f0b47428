"""Story flags: the verification markers its articles carry ("has not been confirmed", "denied").

Each flag keeps the exact words and where they are. A marker repeated inside one article (a
caption echoing the body) or carried over by a copy of another article is listed once; the same
words in two independent articles are two flags, since each outlet says it for itself.
"""

from __future__ import annotations

from storydesk.model import FLAG_TYPES, Article, Flag, Story
from storydesk.steps.base import StoryStep
from storydesk.steps.compose.flag_links import linked_claim_ids


def _root(article_id: str, articles: dict[str, Article]) -> str:
    """The article a copy reproduces (``duplicate_of`` followed to the end)."""
    seen = {article_id}
    current = article_id
    while True:
        target = articles[current].duplicate_of if current in articles else None
        if not target or target in seen or target not in articles:
            return current
        seen.add(target)
        current = target


class FlagCollector(StoryStep):
    """Fill ``story.flags`` from the articles' flag mentions, deduplicated, each linked to the
    claims it qualifies (``flag_links``); run it after the claims are aligned."""

    name = "flags"
    needs = frozenset({"flags", "claims"})
    adds = frozenset({"story.flags"})

    def run_story(self, story: Story, articles: dict[str, Article]) -> Story:
        flags: list[Flag] = []
        seen: set[tuple[str, str, str]] = set()
        order = {article_id: i for i, article_id in enumerate(story.article_ids)}
        # Originals first, so a marker shared with a copy is credited to the original.
        for article_id in sorted(order, key=lambda i: (_root(i, articles) != i, order[i])):
            article = articles.get(article_id)
            if article is None:
                continue
            root = _root(article_id, articles)
            kept: list[Flag] = []
            for mention in sorted(article.flags, key=lambda m: (m.span.start, -m.span.end)):
                start, end = mention.span.start, mention.span.end
                if mention.type not in FLAG_TYPES or not 0 <= start < end <= len(article.text):
                    continue
                quote = article.text[start:end]
                key = (mention.type, root, " ".join(quote.lower().split()))
                # A shorter marker inside a longer one of the same type says nothing new.
                nested = any(
                    f.type == mention.type and f.start <= start and end <= f.end for f in kept
                )
                if key in seen or nested:
                    continue
                seen.add(key)
                flag = Flag(mention.type, quote, article_id, start, end)
                flag.claim_ids = linked_claim_ids(flag, article, story.claims)
                kept.append(flag)
            flags.extend(kept)
        story.flags = sorted(flags, key=lambda f: (order[f.article_id], f.start))
        return story
