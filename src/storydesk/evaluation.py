"""Bridge from the CLI to the evaluations in the repository's eval/ folder.

The evaluations read ../shared/datasets and are not part of the installed package (the data is not
ours to ship), so they are found in the source checkout: $STORYDESK_REPO, else the folder above the
package's src/ (editable installs), else the current folder or its parents.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from storydesk.errors import UsageError

if TYPE_CHECKING:
    from rich.console import Console


def find_repo_root() -> Path:
    candidates: list[Path] = []
    if os.environ.get("STORYDESK_REPO"):
        candidates.append(Path(os.environ["STORYDESK_REPO"]))
    candidates.append(Path(__file__).resolve().parents[2])
    cwd = Path.cwd().resolve()
    candidates += [cwd, *cwd.parents]
    for candidate in candidates:
        if (candidate / "eval" / "__init__.py").is_file():
            return candidate
    raise UsageError(
        "cannot find the eval/ folder of a storydesk checkout",
        hint="run from the repository, or set STORYDESK_REPO to its path",
    )


def default_datasets_dir(repo: Path) -> Path:
    return repo.parent / "shared" / "datasets"


def run_named_evaluation(
    name: str, *, limit: int | None, datasets: Path | None, console: Console
) -> None:
    repo = find_repo_root()
    if str(repo) not in sys.path:
        sys.path.insert(0, str(repo))
    evals = importlib.import_module("eval")
    datasets = datasets or default_datasets_dir(repo)
    if name == "list":
        for known in evals.EVALUATIONS:
            console.print(known)
        return
    if name not in evals.EVALUATIONS:
        raise UsageError(
            f"unknown evaluation {name!r}",
            hint=f"one of: {', '.join(evals.EVALUATIONS)}",
        )
    if not datasets.is_dir():
        raise UsageError(
            f"evaluation data not found at {datasets}",
            hint="put shared/datasets beside the checkout or pass --datasets",
        )
    evals.run_evaluation(name, datasets, limit=limit, show=True)
