"""Accuracy evaluation of storydesk on real data (``../shared/datasets``), with baselines measured
in the same run and floors checked in CI (``floors.toml``, ``tests/test_eval_floors.py``).

Run one with ``python -m eval NAME [--limit N]`` or ``storydesk eval NAME``; ``docs/evaluation.md``
says what each measures. From Python::

    from eval import run_evaluation
    result = run_evaluation("cluster-gva", Path("../shared/datasets"))
    result.value("storydesk", "bcubed_f1")
"""

from __future__ import annotations

import importlib
import tomllib
from dataclasses import dataclass
from pathlib import Path

from eval.result import EvalResult, Row, print_result

__all__ = [
    "DEFAULT_DATASETS_DIR",
    "EVALUATIONS",
    "EvalResult",
    "FloorCheck",
    "FloorTable",
    "Row",
    "check_floors",
    "load_floors",
    "print_result",
    "run_evaluation",
]

# name -> module in this package; each module has ``run(datasets_dir, limit) -> EvalResult``.
EVALUATIONS: dict[str, str] = {
    "clean-text-aeb": "clean_text_aeb",
    "clean-html-aeb": "clean_html_aeb",
    "cluster-gva": "cluster_gva",
    "cluster-ecbplus": "cluster_ecbplus",
    "claims-gva": "claims_gva",
    "claims-quantity-free": "claims_quantity_free",
    "clean-text-trafeval": "clean_text_trafeval",
    "clean-html-trafeval": "clean_html_trafeval",
    "attribution-polnear": "attribution_polnear",
    "numbers-spec": "numbers_spec",
    "dates-tempeval3": "dates_tempeval3",
    "dates-meantime": "dates_meantime",
}

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATASETS_DIR = REPO_ROOT.parent / "shared" / "datasets"
FLOORS_FILE = Path(__file__).with_name("floors.toml")


def run_evaluation(
    name: str, datasets_dir: Path, limit: int | None = None, *, show: bool = True
) -> EvalResult:
    """Run the evaluation ``name`` (a key of ``EVALUATIONS``) on ``datasets_dir`` and return its
    rows; with ``show`` (the default) also print its table to stdout.

    ``limit`` evaluates on the first N items only (whole gold clusters for the clustering
    evaluations), for quick runs; figures in the docs and floors are for the full sets.
    """
    if name not in EVALUATIONS:
        known = ", ".join(EVALUATIONS)
        raise KeyError(f"unknown evaluation {name!r}: choose one of {known}")
    if limit is not None and limit < 1:
        raise ValueError(f"limit must be a positive number of items, not {limit}")
    module = importlib.import_module(f"eval.{EVALUATIONS[name]}")
    result: EvalResult = module.run(Path(datasets_dir), limit)
    if show:
        print_result(result)
    return result


@dataclass(frozen=True, slots=True)
class FloorCheck:
    """One floor: ``system``'s ``metric`` (on ``level``) must be at least ``floor``."""

    evaluation: str
    system: str
    level: str
    metric: str
    floor: float
    value: float | None

    @property
    def ok(self) -> bool:
        return self.value is not None and self.value >= self.floor

    def __str__(self) -> str:
        where = f"{self.evaluation} / {self.system}" + (f" / {self.level}" if self.level else "")
        shown = "not measured" if self.value is None else f"{self.value:.4f}"
        return f"{where}: {self.metric} = {shown}, floor {self.floor}"


# system -> metric -> floor, or system -> level -> metric -> floor
FloorTable = dict[str, dict[str, float | dict[str, float]]]


def load_floors(path: Path = FLOORS_FILE) -> dict[str, FloorTable]:
    """``{evaluation: {system: {metric: floor}}}``; a system's table may hold a sub-table per
    gold level (``{level: {metric: floor}}``) for evaluations scored on several levels."""
    with path.open("rb") as handle:
        data: dict[str, FloorTable] = tomllib.load(handle)
    return data


def check_floors(result: EvalResult, floors: FloorTable) -> list[FloorCheck]:
    """Compare ``result`` with its floors (the ``floors[result.name]`` table). A floor that is
    not a number raises ``ValueError`` naming it."""
    checks: list[FloorCheck] = []
    for system, table in floors.items():
        for key, entry in table.items():
            per_level = entry if isinstance(entry, dict) else {key: entry}
            level = key if isinstance(entry, dict) else ""
            for metric, floor in per_level.items():
                if isinstance(floor, bool) or not isinstance(floor, int | float):
                    raise ValueError(
                        f"floors.toml: {result.name}.{system}.{key} must be a number, not {floor!r}"
                    )
                checks.append(_check(result, system, level, metric, float(floor)))
    return checks


def _check(result: EvalResult, system: str, level: str, metric: str, floor: float) -> FloorCheck:
    value = result.value(system, metric, level)
    return FloorCheck(result.name, system, level, metric, floor, value)
