"""The command line: a thin layer over the Python API (storydesk.pipeline).

Data goes to stdout (or -o), progress and messages to stderr. Exit 0 success, 1 failure, 2 usage.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from contextlib import contextmanager
from dataclasses import replace
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from storydesk.errors import StorydeskError, UsageError
from storydesk.model import Dossier

app = typer.Typer(
    help="storydesk: many news reports in, one verified story out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)

Paths = Annotated[
    list[Path], typer.Argument(help="Files or folders (searched recursively).", show_default=False)
]
Quiet = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars or summary.")]
Config = Annotated[
    Path | None, typer.Option("--config", help="Settings overlay (TOML); see defaults.toml.")
]
AllowPrivate = Annotated[
    bool,
    typer.Option(
        "--allow-private-urls",
        help="Let .urls lists fetch from loopback and private networks (refused by default).",
    ),
]


class ReportFormat(StrEnum):
    json = "json"
    md = "md"
    html = "html"


Output = Annotated[
    Path | None, typer.Option("-o", "--output", help="Output file; stdout if omitted.")
]
Format = Annotated[
    ReportFormat | None,
    typer.Option("--format", "-f", help="json, md or html; default from -o's extension, else json."),
]


class Engine(StrEnum):
    local = "local"
    ray = "ray"


class CleanFormat(StrEnum):
    text = "text"
    jsonl = "jsonl"


class JsonlFormat(StrEnum):
    jsonl = "jsonl"


@contextmanager
def _progress(quiet: bool):  # type: ignore[no-untyped-def]
    if quiet:
        yield None
        return
    progress = Progress(
        TextColumn("[bold]{task.description:<11}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=not err.is_terminal,
    )
    with progress:
        yield progress


def _run(
    paths: list[Path],
    until: str,
    quiet: bool,
    config: Path | None,
    engine: str = "local",
    allow_private: bool = False,
) -> Dossier:
    from storydesk.config import load_settings
    from storydesk.pipeline import run

    _check_paths(paths)
    settings = load_settings(config)
    if allow_private:
        settings = replace(settings, read=replace(settings.read, allow_private_addresses=True))
    with _progress(quiet) as progress:
        dossier = run(paths, until=until, settings=settings, progress=progress, engine=engine)  # type: ignore[arg-type]
    _report_skipped(dossier, quiet)
    return dossier


def _report_skipped(dossier: Dossier, quiet: bool) -> None:
    if not dossier.skipped:
        return
    err.print(f"[yellow]skipped {len(dossier.skipped)} input(s):[/yellow]")
    for entry in dossier.skipped[: 20 if not quiet else 5]:
        err.print(f"  {entry.source}: {entry.reason}", markup=False, highlight=False, soft_wrap=True)
    if len(dossier.skipped) > 20:
        err.print(f"  ... and {len(dossier.skipped) - 20} more (listed in the dossier)")


def _summary(dossier: Dossier) -> str:
    statuses = Counter(c.status for s in dossier.stories for c in s.claims)
    sources = {src.name for s in dossier.stories for src in s.sources}
    claims = ", ".join(f"{n} {status}" for status, n in statuses.most_common()) or "none"
    return (
        f"{len(dossier.articles)} articles, {len(dossier.stories)} stories, "
        f"claims: {claims}; {len(sources)} sources; {len(dossier.skipped)} skipped"
    )


@app.command()
def demo(
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder for the dossier files.")] = Path(
        "storydesk-demo"
    ),
    quiet: Quiet = False,
) -> None:
    """Analyse the bundled sample corpus (five outlets on one event) and write the dossier as
    JSON, Markdown and HTML.

    Example: storydesk demo -o /tmp/demo
    """
    from storydesk.report import write_dossier

    samples = Path(str(resources.files("storydesk").joinpath("samples")))
    dossier = _run([samples], "all", quiet, None)
    output.mkdir(parents=True, exist_ok=True)
    written = [write_dossier(dossier, output / f"dossier.{fmt}", fmt) for fmt in ("json", "md", "html")]
    typer.echo(_summary(dossier))
    for story in dossier.stories:
        typer.echo(f"story {story.id}: {story.headline} ({len(story.article_ids)} articles)")
        for claim in story.claims[:8]:
            typer.echo(
                f"  [{claim.status}] {claim.statement} "
                f"({len(claim.mentions)} mentions, {claim.independent_origins} independent origin(s))"
            )
    typer.echo("dossier written to:")
    for path in written:
        typer.echo(f"  {path}")


@app.command()
def analyze(
    paths: Paths,
    output: Output = None,
    fmt: Format = None,
    engine: Annotated[Engine, typer.Option(help="Where to run the pipeline.")] = Engine.local,
    config: Config = None,
    allow_private_urls: AllowPrivate = False,
    quiet: Quiet = False,
) -> None:
    """Analyse articles and write the dossier: stories, claims compared across outlets, sources,
    timeline and a cited summary.

    Example: storydesk analyze saved/ -o dossier.html
    """
    from storydesk.report import render, write_dossier

    chosen = fmt.value if fmt else _format_from_suffix(output)
    dossier = _run(paths, "all", quiet, config, engine.value, allow_private_urls)
    if output is None:
        sys.stdout.write(render(dossier, chosen))
    else:
        write_dossier(dossier, output, chosen)
        if not quiet:
            err.print(f"{_summary(dossier)}\ndossier written to {output}")


def _format_from_suffix(output: Path | None) -> str:
    suffix = output.suffix.lower().lstrip(".") if output else ""
    return {"htm": "html", "html": "html", "md": "md", "markdown": "md"}.get(suffix, "json")


@app.command()
def clean(
    paths: Paths,
    fmt: Annotated[CleanFormat, typer.Option("--format", "-f")] = CleanFormat.text,
    config: Config = None,
    quiet: Quiet = False,
) -> None:
    """Cleaning stage only: one record per article with the dossier's article fields (id, source,
    title, text, removed, duplicate_of, ...).

    Example: storydesk clean page.txt --format jsonl
    """
    dossier = _run(paths, "clean", quiet, config)
    for article in dossier.articles:
        if fmt is CleanFormat.jsonl:
            typer.echo(json.dumps(article.to_dict(), ensure_ascii=False))
        else:
            header = f"=== {article.id}" + (f" | {article.title}" if article.title else "")
            typer.echo(f"{header}\n{article.text}\n")


@app.command()
def cluster(
    paths: Paths,
    fmt: Annotated[JsonlFormat, typer.Option("--format", "-f")] = JsonlFormat.jsonl,
    config: Config = None,
    quiet: Quiet = False,
) -> None:
    """Stories only: one {"article_id", "story_id"} line per article.

    Example: storydesk cluster articles.jsonl.gz > stories.jsonl
    """
    dossier = _run(paths, "cluster", quiet, config)
    for story in dossier.stories:
        for article_id in story.article_ids:
            typer.echo(json.dumps({"article_id": article_id, "story_id": story.id}))


@app.command()
def attributions(
    paths: Paths,
    fmt: Annotated[JsonlFormat, typer.Option("--format", "-f")] = JsonlFormat.jsonl,
    config: Config = None,
    quiet: Quiet = False,
) -> None:
    """One line per attribution: {"article_id", "source", "cue", "content"}, each
    {"start", "end", "text"} (source is null for agentless cues like "reportedly").

    Example: storydesk attributions saved/ > attributions.jsonl
    """
    dossier = _run(paths, "extract", quiet, config)
    for article in dossier.articles:
        for attribution in article.attributions:
            record = {
                "article_id": article.id,
                "source": _span(article.text, attribution.source),
                "cue": _span(article.text, attribution.cue),
                "content": _span(article.text, attribution.content),
                "source_name": attribution.source_name,
                "source_kind": attribution.source_kind,
                "via": attribution.via,
            }
            typer.echo(json.dumps(record, ensure_ascii=False))


def _span(text: str, span) -> dict[str, object] | None:  # type: ignore[no-untyped-def]
    if span is None:
        return None
    return {"start": span.start, "end": span.end, "text": text[span.start : span.end]}


Db = Annotated[Path, typer.Option("--db", help="The store file (SQLite).", show_default=False)]


@app.command()
def ingest(
    paths: Paths,
    db: Db,
    config: Config = None,
    allow_private_urls: AllowPrivate = False,
    quiet: Quiet = False,
) -> None:
    """Add articles to a store, incrementally: only new articles are analysed, each joins an open
    story or starts one, and only the stories that changed are composed again (re-ingesting the
    same files is a no-op). The store is created if the file does not exist.

    Example: storydesk ingest saved/ --db news.db
    """
    from storydesk.config import load_settings
    from storydesk.store import Store

    _check_paths(paths)
    settings = load_settings(config)
    if allow_private_urls:
        settings = replace(settings, read=replace(settings.read, allow_private_addresses=True))
    with Store(db, create=True) as store, _progress(quiet) as progress:
        summary = store.ingest(paths, settings=settings, progress=progress)
    _report_skipped(Dossier(skipped=summary.skipped_inputs), quiet)
    if not quiet:
        typer.echo(summary.line())


@app.command()
def export(
    db: Db,
    output: Output = None,
    fmt: Format = None,
    story: Annotated[
        list[str] | None,
        typer.Option("--story", "-s", help="Only this story (repeat for several); default all."),
    ] = None,
    quiet: Quiet = False,
) -> None:
    """Render the dossier kept in a store (all stories, or the ones given with --story) with the
    same renderers as `analyze`.

    Example: storydesk export --db news.db -o dossier.html
    """
    from storydesk.report import render, write_dossier
    from storydesk.store import Store

    chosen = fmt.value if fmt else _format_from_suffix(output)
    with Store(db) as store:
        try:
            dossier = store.dossier_for(story or None)
        except KeyError as exc:
            raise typer.BadParameter(
                f"no story {exc.args[0]!r} in {db}", param_hint="--story"
            ) from None
    if output is None:
        sys.stdout.write(render(dossier, chosen))
    else:
        write_dossier(dossier, output, chosen)
        if not quiet:
            err.print(f"{_summary(dossier)}\ndossier written to {output}")


def _check_paths(paths: list[Path]) -> None:
    """Refuse the whole command (exit 2) before any work when a PATH does not exist."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise UsageError(
            f"no such file or folder: {', '.join(missing)}",
            hint="check the spelling; PATH is a file or a folder searched recursively",
        )


@app.command(name="eval")
def evaluate(
    name: Annotated[str, typer.Argument(help="Evaluation name; `storydesk eval list` lists them.")],
    limit: Annotated[int | None, typer.Option(help="Use only the first N items (quick runs).")] = None,
    datasets: Annotated[
        Path | None, typer.Option(help="Folder of the evaluation data (default ../shared/datasets).")
    ] = None,
) -> None:
    """Run an accuracy evaluation from eval/ on ../shared/datasets and print its table.

    Example: storydesk eval cluster-ecbplus
    """
    from storydesk.evaluation import run_named_evaluation

    run_named_evaluation(name, limit=limit, datasets=datasets, console=Console())


def main() -> None:
    """Entry point: turns StorydeskError into a message and an exit code instead of a traceback."""
    try:
        app()
    except StorydeskError as exc:
        # soft_wrap: a long path in the message must stay whole (users copy it, tools grep it).
        err.print(f"[red]error:[/red] {exc.message}", highlight=False, soft_wrap=True)
        if exc.hint:
            err.print(f"[dim]hint:[/dim] {exc.hint}", highlight=False, soft_wrap=True)
        raise SystemExit(exc.exit_code) from None
    except KeyboardInterrupt:
        err.print("interrupted")
        raise SystemExit(130) from None


if __name__ == "__main__":  # pragma: no cover
    main()
