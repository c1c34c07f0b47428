"""``python -m storydesk`` runs the same command line as the ``storydesk`` script."""

from __future__ import annotations

import subprocess
import sys


def test_python_dash_m_runs_the_cli(tmp_path):
    missing = tmp_path / "nothing-here"
    done = subprocess.run(
        [sys.executable, "-m", "storydesk", "analyze", str(missing)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    # The CLI's own handling: a missing path is exit 2 with a message, not a traceback.
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr
    assert "nothing-here" in done.stderr
