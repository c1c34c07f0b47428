"""The pipeline as a list of steps, and the Python API over it.

``analyze(paths)`` is the whole thing; ``run(paths, until="clean")`` stops after a stage, which is
what the ``clean`` and ``cluster`` commands use. Every step is importable and usable on its own.

The incremental store (``storydesk.store``) needs the stages apart: ``split_steps`` cuts the
default pipeline into its parts (clean, dedup, extract, per-story) and ``run_on_corpus`` runs any
of them on articles that are already in memory, with the same stats and progress bars.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TypeVar

from storydesk.config import Settings, load_settings
from storydesk.errors import UsageError
from storydesk.model import Article, Dossier, Skipped, StepStats
from storydesk.steps.base import ArticleStep, Corpus, CorpusStep, Step, StoryStep

if TYPE_CHECKING:
    from rich.progress import Progress

_T = TypeVar("_T")
Stage = Literal["clean", "cluster", "extract", "all"]
STAGES: tuple[str, ...] = ("clean", "cluster", "extract", "all")


def build_steps(settings: Settings | None = None, until: Stage = "all") -> list[Step]:
    """The default pipeline, cut after ``until``: clean → dedup → cluster → extract → compare →
    provenance → compose (entities, flags, timeline, summary)."""
    if until not in STAGES:
        raise UsageError(f"unknown stage {until!r}", hint=f"one of {', '.join(STAGES)}")
    settings = settings or load_settings()
    from storydesk.steps.clean import CleanStep
    from storydesk.steps.dedup import DuplicateMarker

    steps: list[Step] = [CleanStep(), DuplicateMarker(threshold=settings.dedup.threshold)]
    if until == "clean":
        return steps
    from storydesk.steps.cluster import StoryClusterer

    steps.append(
        StoryClusterer(
            threshold=settings.cluster.threshold,
            window_days=settings.cluster.window_days,
            model="shipped" if settings.cluster.method == "pair-model" else None,
        )
    )
    if until == "cluster":
        return steps
    from storydesk.steps.extract import SpacyExtractor

    steps.append(
        SpacyExtractor(
            batch_size=settings.extract.batch_size, parallel_from=settings.extract.parallel_from
        )
    )
    if until == "extract":
        return steps
    from storydesk.steps.compare import ClaimAligner
    from storydesk.steps.compose import EntityMerger, FlagCollector, SummaryWriter, TimelineBuilder
    from storydesk.steps.provenance import ProvenanceBuilder

    steps += [
        EntityMerger(),
        ClaimAligner(),
        ProvenanceBuilder(),
        FlagCollector(),
        TimelineBuilder(),
        SummaryWriter(),
    ]
    return steps


def run(
    paths: Sequence[str | Path],
    *,
    until: Stage = "all",
    settings: Settings | None = None,
    progress: Progress | None = None,
    engine: str = "local",
) -> Dossier:
    """Read ``paths`` and run the pipeline up to ``until``; returns a Dossier (for ``clean`` it has
    articles and no stories)."""
    from storydesk.steps.read import read_paths

    settings = settings or load_settings()
    if engine != "local":
        raise UsageError(
            f"engine {engine!r} is not available in this version",
            hint="use --engine local (the default)",
        )
    from storydesk.executors.local import LocalExecutor

    if not paths:
        raise UsageError("no input paths given", hint="pass one or more files or folders")
    skipped: list[Skipped] = []
    read_stats = StepStats("read")
    reader = read_paths(
        paths,
        skipped,
        max_bytes=int(settings.read.max_file_mb * 1024 * 1024),
        allow_private=settings.read.allow_private_addresses,
    )
    articles = _counted(reader, read_stats)
    executor = LocalExecutor(workers=settings.run.workers, progress=progress)
    corpus, stats = executor.run(build_steps(settings, until), articles, skipped)
    read_stats.read = read_stats.kept + len([s for s in skipped if s.stage == "read"])
    for entry in skipped:
        if entry.stage == "read":
            read_stats.skip(entry.reason.split(":", 1)[0])
    return Dossier(
        articles=corpus.articles,
        stories=corpus.stories,
        skipped=corpus.skipped,
        stats=[read_stats, *stats],
    )


def analyze(
    paths: Sequence[str | Path] | str | Path,
    *,
    settings: Settings | None = None,
    progress: Progress | None = None,
    engine: str = "local",
) -> Dossier:
    """Analyse articles (files or folders) and return the dossier.

    >>> dossier = analyze(["saved/"])            # doctest: +SKIP
    >>> dossier.stories[0].claims[0].status      # doctest: +SKIP
    'consistent'
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    return run(paths, until="all", settings=settings, progress=progress, engine=engine)


def _counted(articles, stats: StepStats):  # type: ignore[no-untyped-def]
    for article in articles:
        stats.kept += 1
        yield article


# --------------------------------------------------------------------------------------------------
# The stages apart, for incremental runs (the store)
# --------------------------------------------------------------------------------------------------


@dataclass
class PipelineParts:
    """The default pipeline cut at the clusterer.

    ``clean``: per-article steps before clustering; ``dedup``: corpus steps before clustering;
    ``extract``: per-article steps after it; ``story``: every story or corpus step after it
    (compare, provenance, compose, and whatever a later version adds there).
    """

    clean: list[Step] = field(default_factory=list)
    dedup: list[Step] = field(default_factory=list)
    extract: list[Step] = field(default_factory=list)
    story: list[Step] = field(default_factory=list)


def split_steps(settings: Settings | None = None) -> PipelineParts:
    """``build_steps(settings)`` sorted into its parts (see ``PipelineParts``); the batch
    clusterer itself is left out (incremental runs cluster with ``StreamingStoryClusterer``)."""
    from storydesk.steps.cluster import StoryClusterer

    parts = PipelineParts()
    clustered = False
    for step in build_steps(settings, "all"):
        if isinstance(step, StoryClusterer):
            clustered = True
        elif not clustered:
            (parts.clean if isinstance(step, ArticleStep) else parts.dedup).append(step)
        elif isinstance(step, ArticleStep) and not parts.story:
            parts.extract.append(step)
        else:
            parts.story.append(step)
    return parts


def run_on_corpus(
    steps: Sequence[Step],
    corpus: Corpus,
    *,
    progress: Progress | None = None,
    workers: int = 1,
) -> list[StepStats]:
    """Run ``steps`` in order on articles already in memory (``corpus.articles``, and its
    ``stories`` for story steps), in place; skipped articles leave ``corpus.articles`` and are
    listed in ``corpus.skipped``. Unlike the executor, no step is checked against ``raw``: the
    corpus may hold articles cleaned by an earlier run."""
    all_stats: list[StepStats] = []
    for step in steps:
        stats = StepStats(step.name)
        all_stats.append(stats)
        started = time.perf_counter()
        if isinstance(step, ArticleStep):
            total = len(corpus.articles)
            step.configure(workers=max(1, workers), total=total)
            stream = step.run(corpus.articles, stats, corpus.skipped)
            corpus.articles = list(_advancing(stream, progress, step.name, total))
        elif isinstance(step, CorpusStep):
            step.configure(workers=max(1, workers), total=len(corpus.articles))
            corpus = _replace_corpus(corpus, step.run_corpus(corpus, stats))
            _ticks(progress, step.name, len(corpus.articles))
        elif isinstance(step, StoryStep):
            by_id = corpus.by_id()
            stories = corpus.stories
            for index, story in enumerate(
                _advancing(iter(list(stories)), progress, step.name, len(stories))
            ):
                stats.read += 1
                members = {aid: by_id[aid] for aid in story.article_ids if aid in by_id}
                stories[index] = step.run_story(story, members)
                stats.kept += 1
        else:
            raise TypeError(f"{step!r} is not an ArticleStep, CorpusStep or StoryStep")
        stats.seconds += time.perf_counter() - started
    return all_stats


def _replace_corpus(target: Corpus, result: Corpus) -> Corpus:
    # A corpus step may return a new Corpus; keep the caller's object so "in place" holds.
    if result is not target:
        target.articles, target.stories = result.articles, result.stories
        target.skipped = result.skipped
    return target


def _advancing(
    items: Iterator[_T], progress: Progress | None, name: str, total: int
) -> Iterator[_T]:
    if progress is None:
        yield from items
        return
    task = progress.add_task(name, total=total)
    for item in items:
        progress.advance(task)
        yield item
    done = progress.tasks[progress.task_ids.index(task)].completed
    progress.update(task, total=done, completed=done)


def _ticks(progress: Progress | None, name: str, total: int) -> None:
    """A corpus step runs in one go: show it as one finished bar, so the user sees it ran."""
    if progress is not None:
        progress.add_task(name, total=total, completed=total)


def read_articles(
    paths: Sequence[str | Path], skipped: list[Skipped], settings: Settings
) -> Iterable[Article]:
    """The reader with the settings' size cap and URL policy (what ``run`` reads with)."""
    from storydesk.steps.read import read_paths

    return read_paths(
        paths,
        skipped,
        max_bytes=int(settings.read.max_file_mb * 1024 * 1024),
        allow_private=settings.read.allow_private_addresses,
    )
