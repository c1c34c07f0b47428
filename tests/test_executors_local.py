import pytest

from storydesk.errors import ConfigError, SkipArticle
from storydesk.executors import LocalExecutor
from storydesk.model import Article, Story
from storydesk.steps.base import ArticleStep, CorpusStep, StoryStep


class Upper(ArticleStep):
    name = "upper"
    needs = frozenset({"raw"})
    adds = frozenset({"text"})

    def process(self, article):
        if not article.raw.strip():
            raise SkipArticle("empty", "nothing to read")
        article.text = article.raw.upper()
        return article


class OneStory(CorpusStep):
    name = "one-story"
    needs = frozenset({"text"})
    adds = frozenset({"stories"})

    def run_corpus(self, corpus, stats):
        stats.read = len(corpus.articles)
        corpus.stories = [Story(id="s1", article_ids=[a.id for a in corpus.articles])]
        return corpus


class Headline(StoryStep):
    name = "headline"
    needs = frozenset({"stories"})
    adds = frozenset({"headline"})

    def run_story(self, story, articles):
        story.headline = " / ".join(a.text for a in articles.values())
        return story


def _articles(*raws):
    return [Article(id=f"a{i}", source=f"f{i}.txt", raw=raw) for i, raw in enumerate(raws)]


def test_local_executor_runs_all_three_kinds_of_step():
    corpus, stats = LocalExecutor().run([Upper(), OneStory(), Headline()], _articles("x", "y"))
    assert corpus.stories[0].headline == "X / Y"
    assert [s.name for s in stats] == ["upper", "one-story", "headline"]


def test_local_executor_counts_and_lists_skipped_articles():
    corpus, stats = LocalExecutor().run([Upper(), OneStory()], _articles("x", "  ", "z"))
    assert [a.id for a in corpus.articles] == ["a0", "a2"]
    upper = stats[0]
    assert (upper.read, upper.kept, upper.skipped) == (3, 2, {"empty": 1})
    assert corpus.skipped[0].source == "f1.txt"
    assert corpus.skipped[0].reason == "empty: nothing to read"
    assert corpus.skipped[0].stage == "upper"


def test_local_executor_rejects_a_pipeline_in_the_wrong_order():
    with pytest.raises(ConfigError, match="needs"):
        LocalExecutor().run([OneStory(), Upper()], _articles("x"))


def test_local_executor_with_progress_bars(capsys):
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True)) as progress:
        corpus, _ = LocalExecutor(progress=progress).run([Upper(), OneStory()], _articles("x"))
    assert len(corpus.articles) == 1
    assert [t.description for t in progress.tasks] == ["upper", "one-story"]
