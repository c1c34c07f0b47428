"""Run a pipeline on this machine.

Consecutive ``ArticleStep``s are chained as generators (one article flows through all of them
before the next is read, so memory stays flat); a ``CorpusStep`` gathers everything before it; each
``StoryStep`` runs story by story. Each step gets a ``StepStats`` (read, kept, skipped by reason,
seconds) and a progress bar on stderr.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import nullcontext
from typing import TYPE_CHECKING

from storydesk.model import Article, Skipped, StepStats
from storydesk.steps.base import ArticleStep, Corpus, CorpusStep, Step, StoryStep, check_pipeline

if TYPE_CHECKING:
    from rich.progress import Progress


class LocalExecutor:
    """Runs steps in this process (spaCy may fork workers itself when the step is told it may)."""

    def __init__(self, workers: int = 2, progress: Progress | None = None) -> None:
        self.workers = max(1, workers)
        self.progress = progress

    def run(
        self,
        steps: Sequence[Step],
        articles: Iterable[Article],
        skipped: list[Skipped] | None = None,
    ) -> tuple[Corpus, list[StepStats]]:
        check_pipeline(list(steps), provided=frozenset({"raw"}))
        corpus = Corpus(skipped=skipped if skipped is not None else [])
        all_stats: list[StepStats] = []
        stream: Iterable[Article] = articles
        total: int | None = None
        materialised = False
        segment: list[StepStats] = []  # chained article steps whose timings are still inclusive
        for step in steps:
            stats = StepStats(step.name)
            all_stats.append(stats)
            if isinstance(step, ArticleStep):
                step.configure(workers=self.workers, total=total)
                stream = self._timed(step.run(stream, stats, corpus.skipped), stats, total)
                segment.append(stats)
                materialised = False
                continue
            if not materialised:
                corpus.articles = list(stream)
                total = len(corpus.articles)
                materialised = True
                _exclusive_times(segment)
                segment = []
            step.configure(workers=self.workers, total=total)
            started = time.perf_counter()
            if isinstance(step, CorpusStep):
                with self._task(step.name, total):
                    corpus = step.run_corpus(corpus, stats)
                total = len(corpus.articles)
            elif isinstance(step, StoryStep):
                self._run_story_step(step, corpus, stats)
            else:
                raise TypeError(f"{step!r} is not an ArticleStep, CorpusStep or StoryStep")
            stats.seconds += time.perf_counter() - started
            stream = corpus.articles
        if not materialised:
            corpus.articles = list(stream)
            _exclusive_times(segment)
        return corpus, all_stats

    def _run_story_step(self, step: StoryStep, corpus: Corpus, stats: StepStats) -> None:
        by_id = corpus.by_id()
        with self._task(step.name, len(corpus.stories)) as advance:
            for index, story in enumerate(corpus.stories):
                stats.read += 1
                members = {aid: by_id[aid] for aid in story.article_ids if aid in by_id}
                corpus.stories[index] = step.run_story(story, members)
                stats.kept += 1
                advance()

    def _timed(
        self, stream: Iterator[Article], stats: StepStats, total: int | None
    ) -> Iterator[Article]:
        """Count wall time spent inside the step and advance its progress bar."""
        with self._task(stats.name, total) as advance:
            while True:
                started = time.perf_counter()
                try:
                    article = next(stream)
                except StopIteration:
                    stats.seconds += time.perf_counter() - started
                    return
                stats.seconds += time.perf_counter() - started
                advance()
                yield article

    def _task(self, name: str, total: int | None):  # type: ignore[no-untyped-def]
        if self.progress is None:
            return nullcontext(lambda: None)
        return _ProgressTask(self.progress, name, total)


def _exclusive_times(segment: list[StepStats]) -> None:
    """A chained step's measured time includes pulling from the steps before it; subtract them."""
    for later, earlier in reversed(list(zip(segment[1:], segment[:-1], strict=False))):
        later.seconds = max(0.0, later.seconds - earlier.seconds)


class _ProgressTask:
    def __init__(self, progress: Progress, name: str, total: int | None) -> None:
        self.progress = progress
        self.task = progress.add_task(name, total=total)

    def __enter__(self):  # type: ignore[no-untyped-def]
        return lambda: self.progress.advance(self.task)

    def __exit__(self, *exc: object) -> None:
        task = self.progress.tasks[self.progress.task_ids.index(self.task)]
        self.progress.update(self.task, total=task.completed, completed=task.completed)
