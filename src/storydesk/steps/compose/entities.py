"""Story entities: the people, places and organisations the story's articles name, variants merged.

spaCy labels each mention on its own, so one person can come out as PERSON in one sentence and ORG
in the next, and "Zelensky"/"Zelenskyy" are two strings. ``EntityMerger`` groups names within a type
with ``aliases.group_aliases`` (surnames and first names only for people), then joins a PERSON group
and an ORG group that share a normal form: the same written name is the same thing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from storydesk.aliases import alias_map, clean_name, group_aliases
from storydesk.model import Article, Entity, Story
from storydesk.steps.base import StoryStep

# Named things only; numeric labels (DATE, CARDINAL, MONEY ...) are claims and dates elsewhere.
ENTITY_TYPES: tuple[str, ...] = (
    "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW",
)  # fmt: skip
# spaCy confuses these two most often; elsewhere a label difference is a real difference.
_CROSS_TYPES = frozenset({"PERSON", "ORG"})
_MAX_NAME_CHARS = 80


@dataclass(slots=True)
class _Group:
    names: list[str]  # surface forms, with repeats (one per mention)
    labels: Counter[str] = field(default_factory=Counter)
    article_ids: list[str] = field(default_factory=list)

    def add_article(self, article_id: str) -> None:
        if article_id not in self.article_ids:
            self.article_ids.append(article_id)


def _surface(article: Article, start: int, end: int) -> str | None:
    """The entity's words, or None when the span is out of range or not a name."""
    if not (0 <= start < end <= len(article.text)) or end - start > _MAX_NAME_CHARS:
        return None
    text = " ".join(article.text[start:end].split())
    if not any(ch.isalpha() for ch in text) or not clean_name(text):
        return None
    return text


class EntityMerger(StoryStep):
    """Fill ``story.entities`` from the articles' entity spans, name variants merged.

    Each entity lists every surface form as ``aliases`` and the articles that name it; entities
    are sorted by the number of articles, then of mentions.
    """

    name = "entities"
    needs = frozenset({"entities"})
    adds = frozenset({"story.entities"})

    def __init__(self, types: tuple[str, ...] = ENTITY_TYPES) -> None:
        self.types = frozenset(types)

    def run_story(self, story: Story, articles: dict[str, Article]) -> Story:
        # mentions[label] = [(surface, article_id), ...] in story order
        mentions: dict[str, list[tuple[str, str]]] = {}
        for article_id in story.article_ids:
            article = articles.get(article_id)
            if article is None:
                continue
            for span in article.entities:
                label = (span.label or "").upper()
                if label not in self.types:
                    continue
                surface = _surface(article, span.start, span.end)
                if surface:
                    mentions.setdefault(label, []).append((surface, article_id))

        groups: list[_Group] = []
        for label, items in mentions.items():
            surfaces = [s for s, _ in items]
            # Surnames and first names identify people; for places and bodies they mislead
            # ("Kyiv" is not "Kyiv Independent").
            for names in group_aliases(surfaces, partial=label == "PERSON"):
                members = set(names)
                group = _Group(names=[s for s in surfaces if s in members])
                group.labels[label] = len(group.names)
                for surface, article_id in items:
                    if surface in members:
                        group.add_article(article_id)
                groups.append(group)

        joined = _join_across_types(groups)
        order = {article_id: i for i, article_id in enumerate(story.article_ids)}
        for group in joined:
            group.article_ids.sort(key=order.__getitem__)
        ranked = sorted(
            joined,
            key=lambda g: (-len(g.article_ids), -len(g.names), min(g.names, key=len).lower()),
        )
        story.entities = [_to_entity(g) for g in ranked]
        return story


def _join_across_types(groups: list[_Group]) -> list[_Group]:
    """Merge PERSON and ORG groups whose names are the same name (same normal form or a typo;
    never a surname alone, which could be a company named after a person)."""
    cross = [g for g in groups if set(g.labels) <= _CROSS_TYPES]
    same = alias_map([n for g in cross for n in dict.fromkeys(g.names)], partial=False)
    merged: list[_Group] = []
    by_key: dict[str, _Group] = {}
    for group in groups:
        keys = {same[n] for n in group.names if n in same} if group in cross else set()
        target = next((by_key[k] for k in keys if k in by_key), None)
        if target is None:
            merged.append(group)
            target = group
        else:
            target.names.extend(group.names)
            target.labels.update(group.labels)
            for article_id in group.article_ids:
                target.add_article(article_id)
        for key in keys:
            by_key.setdefault(key, target)
    return merged


def _to_entity(group: _Group) -> Entity:
    label = group.labels.most_common(1)[0][0]
    counts = Counter(group.names)
    # After a cross-type join the names may form more than one alias group: the canonical name
    # comes from the most used one.
    best = max(
        group_aliases(group.names, partial=label == "PERSON"),
        key=lambda names: sum(counts[n] for n in names),
    )
    return Entity(
        name=best[0],
        type=label,
        aliases=list(dict.fromkeys(group.names)),
        article_ids=list(group.article_ids),
    )
