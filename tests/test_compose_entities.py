"""EntityMerger: story entities from article entity spans, variants merged within a type."""

from __future__ import annotations

from storydesk.model import Span, Story
from storydesk.steps.compose import EntityMerger


def _ents(text: str, *pairs: tuple[str, str]) -> list[Span]:
    spans, cursor = [], 0
    for words, label in pairs:
        start = text.index(words, cursor)
        spans.append(Span(start, start + len(words), label))
        cursor = start + len(words)
    return spans


def _run(articles) -> Story:
    story = Story(id="s", article_ids=[a.id for a in articles])
    return EntityMerger().run_story(story, {a.id: a for a in articles})


def test_variants_merge_and_entities_sort_by_articles(make_article) -> None:
    t1 = "Volodymyr Zelensky met Putin. Zelensky spoke in Kyiv about North Korea and South Korea."
    a1 = make_article(t1, id="a1")
    a1.entities = _ents(
        t1, ("Volodymyr Zelensky", "PERSON"), ("Putin", "PERSON"), ("Zelensky", "PERSON"),
        ("Kyiv", "GPE"), ("North Korea", "GPE"), ("South Korea", "GPE"),
    )  # fmt: skip
    t2 = "Zelenskyy said 18 soldiers left Bryanks. Vladimir Putin denied it in Russian media."
    a2 = make_article(t2, id="a2")
    a2.entities = _ents(
        t2, ("Zelenskyy", "ORG"), ("18", "CARDINAL"), ("Bryanks", "GPE"),
        ("Vladimir Putin", "PERSON"), ("Russian", "NORP"),
    )  # fmt: skip
    t3 = "The Zelenskys’ visit to Bryansk was brief: Bryansk is near the border."
    a3 = make_article(t3, id="a3")
    a3.entities = _ents(t3, ("Zelenskys’", "PERSON"), ("Bryansk", "GPE"), ("Bryansk", "GPE"))
    story = _run([a1, a2, a3])
    by_name = {e.name: e for e in story.entities}
    zelensky = by_name["Volodymyr Zelensky"]
    assert zelensky.type == "PERSON"  # one ORG label is outvoted and joined
    assert zelensky.article_ids == ["a1", "a2", "a3"]
    assert set(zelensky.aliases) == {"Volodymyr Zelensky", "Zelensky", "Zelenskyy", "Zelenskys’"}
    assert by_name["Vladimir Putin"].aliases == ["Putin", "Vladimir Putin"]
    assert by_name["Bryansk"].article_ids == ["a2", "a3"]
    assert "North Korea" in by_name and "South Korea" in by_name
    assert "18" not in by_name  # numbers are not entities
    assert story.entities[0].name == "Volodymyr Zelensky"  # most articles first


def test_bad_spans_and_missing_articles_are_ignored(make_article) -> None:
    article = make_article("Kyiv", id="a1")
    article.entities = [Span(0, 4, "GPE"), Span(2, 99, "GPE"), Span(0, 0, "ORG")]
    story = Story(id="s", article_ids=["a1", "missing"])
    EntityMerger().run_story(story, {"a1": article})
    assert [(e.name, e.article_ids) for e in story.entities] == [("Kyiv", ["a1"])]
