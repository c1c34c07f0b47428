"""The pipeline as a list of steps, and the Python API over it.

``analyze(paths)`` is the whole thing; ``run(paths, until="clean")`` stops after a stage, which is
what the ``clean`` and ``cluster`` commands use. Every step is importable and usable on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from storydesk.config import Settings, load_settings
from storydesk.errors import UsageError
from storydesk.model import Dossier, StepStats
from storydesk.steps.base import Step

if TYPE_CHECKING:
    from rich.progress import Progress

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
            threshold=settings.cluster.threshold, window_days=settings.cluster.window_days
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
    from storydesk.model import Skipped
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
