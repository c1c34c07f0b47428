"""The step contract, in the spirit of datatrove: a step is a small object that turns an iterator of
articles into an iterator of articles. Three shapes cover the pipeline:

* ``ArticleStep`` — per-article work (clean, extract). Override ``process`` for one article at a
  time, or ``run`` to batch (spaCy's ``nlp.pipe``). Raise ``SkipArticle`` to drop one bad input
  with a counted reason; the executor lists it in the dossier.
* ``CorpusStep`` — work that needs all articles of a shard at once (dedup, clustering). It sees
  the whole ``Corpus`` and may fill ``corpus.stories``.
* ``StoryStep`` — work on one story and its articles (compare, compose). Stories are independent,
  so an executor may run them anywhere (a process pool, a Ray cluster).

Each step declares ``needs`` and ``adds`` (names of the article/story fields it reads and fills)
so a pipeline can be checked before it runs. Steps never know which executor runs them.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from storydesk.errors import SkipArticle
from storydesk.model import Article, Skipped, StepStats, Story


@dataclass
class Corpus:
    """All articles of one run (or shard) and the stories found among them."""

    articles: list[Article] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def by_id(self) -> dict[str, Article]:
        return {a.id: a for a in self.articles}


class Step:
    """What every step has: a name, the fields it needs and adds, and an executor hook."""

    name: str = "step"
    needs: frozenset[str] = frozenset()
    adds: frozenset[str] = frozenset()

    def configure(self, *, workers: int, total: int | None) -> None:
        """Told by the executor how many cores it may use and how many items are coming, so a step
        can decide whether parallelism pays (spaCy's ``n_process`` costs a model load per process)."""
        return None

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class ArticleStep(Step):
    """Per-article step. ``process`` returns the (possibly modified) article or raises
    ``SkipArticle``."""

    def process(self, article: Article) -> Article:  # pragma: no cover - overridden
        raise NotImplementedError

    def run(
        self, articles: Iterable[Article], stats: StepStats, skipped: list[Skipped]
    ) -> Iterator[Article]:
        for article in articles:
            stats.read += 1
            try:
                result = self.process(article)
            except SkipArticle as skip:
                self.record_skip(article, skip, stats, skipped)
                continue
            stats.kept += 1
            yield result

    def record_skip(
        self, article: Article, skip: SkipArticle, stats: StepStats, skipped: list[Skipped]
    ) -> None:
        """Count one skipped article under its reason and list it for the dossier (steps that
        override ``run`` call this too, so every skip is accounted for the same way)."""
        stats.skip(skip.reason)
        skipped.append(Skipped(article.source, _reason(skip), self.name))


class CorpusStep(Step, ABC):
    @abstractmethod
    def run_corpus(self, corpus: Corpus, stats: StepStats) -> Corpus: ...


class StoryStep(Step, ABC):
    @abstractmethod
    def run_story(self, story: Story, articles: dict[str, Article]) -> Story: ...


def _reason(skip: SkipArticle) -> str:
    return f"{skip.reason}: {skip.detail}" if skip.detail else skip.reason


def check_pipeline(steps: list[Step], provided: frozenset[str] = frozenset({"raw"})) -> None:
    """Fail early, with a fix, if a step needs a field no earlier step adds."""
    from storydesk.errors import ConfigError

    available = set(provided)
    for step in steps:
        missing = step.needs - available
        if missing:
            raise ConfigError(
                f"step {step.name!r} needs {sorted(missing)} but no earlier step adds it",
                hint="put the step that adds it earlier in the pipeline",
            )
        available |= step.adds
