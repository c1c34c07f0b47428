"""What an evaluation returns: rows of (system, level, metric → value), printable as a table."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console
from rich.table import Table


@dataclass(slots=True)
class Row:
    """One system's scores (on one gold level, for evaluations with several)."""

    system: str
    metrics: dict[str, float]
    level: str = ""
    seconds: float = 0.0


@dataclass(slots=True)
class EvalResult:
    """All systems of one evaluation, measured in the same run on the same items.

    ``missing`` maps a system that could not run (its storydesk module is not written yet) to
    the reason; ``notes`` says anything else a reader of the numbers should know.
    """

    name: str
    description: str
    dataset: str
    items: int
    rows: list[Row] = field(default_factory=list)
    missing: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def systems(self) -> list[str]:
        return list(dict.fromkeys(row.system for row in self.rows))

    def value(self, system: str, metric: str, level: str = "") -> float | None:
        """The value of ``metric`` for ``system`` (on ``level``), or None if not measured."""
        for row in self.rows:
            if row.system == system and row.level == level and metric in row.metrics:
                return row.metrics[metric]
        return None

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready form (for ``--json`` and for tools that collect results)."""
        return {
            "name": self.name,
            "dataset": self.dataset,
            "items": self.items,
            "rows": [
                {"system": r.system, "level": r.level, "seconds": round(r.seconds, 2), **r.metrics}
                for r in self.rows
            ],
            "missing": self.missing,
            "notes": self.notes,
        }

    def table(self) -> Table:
        """A rich table: one row per (level, system), one column per metric."""
        table = Table(title=f"{self.name}: {self.description}", caption=self._caption())
        has_levels = any(row.level for row in self.rows)
        if has_levels:
            table.add_column("level")
        table.add_column("system", no_wrap=True)
        metrics = list(dict.fromkeys(m for row in self.rows for m in row.metrics))
        for metric in metrics:
            table.add_column(_header(metric), justify="right")
        table.add_column("seconds", justify="right", style="dim")
        for row in self.rows:
            cells = [row.level] if has_levels else []
            cells.append(row.system)
            cells += [_fmt(m, row.metrics.get(m)) for m in metrics]
            cells.append(f"{row.seconds:.1f}")
            table.add_row(*cells, style="bold" if row.system == "storydesk" else None)
        return table

    def _caption(self) -> str:
        lines = [f"{self.dataset}, {self.items} items"]
        lines += [f"{system} not run: {reason}" for system, reason in self.missing.items()]
        lines += self.notes
        return "\n".join(lines)


_COUNTS = frozenset({"clusters"})  # metrics that are counts, shown as integers


def _fmt(metric: str, value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:.0f}" if metric in _COUNTS else f"{value:.3f}"


_SHORT = {
    "precision": "P",
    "recall": "R",
    "f1": "F1",
    "bcubed": "B³",
    "pairwise": "pair",
    "aeb": "AEB",
}


def _header(metric: str) -> str:
    # "bcubed_precision" -> "B³ P": keeps eight metric columns readable in 100 characters.
    return " ".join(_SHORT.get(part, part) for part in metric.split("_"))


def print_result(result: EvalResult, console: Console | None = None) -> None:
    """Print the result table (to stdout: the table is the command's data)."""
    if console is None:
        console = Console()
        if not console.is_terminal:
            # Piped or in CI rich assumes 80 columns, which folds the clustering tables.
            console = Console(width=140)
    console.print(result.table())


def progress(message: str) -> None:
    """Progress goes to stderr so stdout stays the table."""
    print(message, file=sys.stderr, flush=True)


def resolve_storydesk(module: str, attribute: str) -> tuple[Callable[..., Any] | None, str]:
    """Import ``module.attribute`` if storydesk has it yet.

    Returns ``(obj, "")``, or ``(None, reason)`` when the module or the name does not exist yet.
    Any other import failure (a broken module that does exist, a missing third-party package)
    is raised: the harness must not hide a real error behind "not written yet".
    """
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name and (module == exc.name or module.startswith(exc.name + ".")):
            return None, f"{module} does not exist yet"
        raise
    obj = getattr(mod, attribute, None)
    if obj is None:
        return None, f"{module}.{attribute} does not exist yet"
    return obj, ""
