"""``python -m eval NAME [--limit N] [--datasets DIR] [--json FILE]``; NAME may be ``all``."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from eval import DEFAULT_DATASETS_DIR, EVALUATIONS, run_evaluation


def main(argv: list[str] | None = None) -> int:
    """Run the named evaluations, print their tables; exit 0, or 2 on a usage error."""
    parser = argparse.ArgumentParser(
        prog="python -m eval",
        description="Accuracy evaluations of storydesk against baselines, on ../shared/datasets.",
        epilog="example: python -m eval cluster-gva --limit 500",
    )
    parser.add_argument("names", nargs="+", metavar="NAME", choices=[*EVALUATIONS, "all"],
                        help=f"one or more of: {', '.join(EVALUATIONS)}, or all")  # fmt: skip
    parser.add_argument("--limit", type=int, default=None, help="first N items only (quick run)")
    parser.add_argument("--datasets", type=Path, default=DEFAULT_DATASETS_DIR,
                        help=f"datasets folder (default {DEFAULT_DATASETS_DIR})")  # fmt: skip
    parser.add_argument("--json", type=Path, default=None, help="also write all results here")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be a positive number")
    if not args.datasets.is_dir():
        parser.error(f"datasets folder not found: {args.datasets} (pass --datasets DIR)")

    names = list(EVALUATIONS) if "all" in args.names else list(dict.fromkeys(args.names))
    results = []
    for name in names:
        start = time.perf_counter()
        results.append(run_evaluation(name, args.datasets, args.limit))
        print(f"{name}: {time.perf_counter() - start:.1f} s", file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps([r.to_dict() for r in results], indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
