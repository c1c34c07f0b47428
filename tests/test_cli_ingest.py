"""`storydesk ingest` and `storydesk export`: once as a user runs them (a subprocess), the rest
in-process through the same entry point (``main``), which is much faster."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from storydesk.schema import validate_dossier
from tests.test_cli import storydesk as storydesk_subprocess


def storydesk(*args: str) -> subprocess.CompletedProcess[str]:
    """Run ``storydesk ARGS`` in this process (``main()``: errors become exit codes)."""
    import contextlib
    import io

    from storydesk import cli

    out, err = io.StringIO(), io.StringIO()
    argv, sys.argv = sys.argv, ["storydesk", *args]
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            cli.main()
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    finally:
        sys.argv = argv
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


@pytest.fixture(scope="module")
def db(tmp_path_factory, samples_dir, nlp):
    path = tmp_path_factory.mktemp("cli") / "news.db"
    result = storydesk("ingest", str(samples_dir), "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert "5 new articles" in result.stdout and "1 story touched (1 new)" in result.stdout
    return path


def test_cli_ingest_as_a_subprocess_then_again_is_a_noop(tmp_path, samples_dir):
    path = tmp_path / "news.db"
    first = storydesk_subprocess("ingest", str(samples_dir), "--db", str(path), "-q")
    assert first.returncode == 0, first.stderr
    again = storydesk_subprocess("ingest", str(samples_dir), "--db", str(path))
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("0 new articles")


@pytest.mark.parametrize("command", ["ingest", "export"])
def test_cli_ingest_help_has_an_example(command):
    result = storydesk(command, "--help")
    assert result.returncode == 0
    assert "Example: storydesk " + command in " ".join(result.stdout.split())


def test_cli_ingest_again_is_a_noop(db, samples_dir):
    result = storydesk("ingest", str(samples_dir), "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("0 new articles")
    assert "5 already stored" in result.stdout


def test_cli_ingest_lists_skipped_inputs(tmp_path, samples_dir):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x00binary\x00")
    result = storydesk("ingest", str(bad), "--db", str(tmp_path / "s.db"))
    assert result.returncode == 0, result.stderr
    assert "1 skipped (binary" in result.stdout
    assert "bad.txt" in result.stderr


def test_cli_export_json_is_a_valid_dossier(db):
    result = storydesk("export", "--db", str(db), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    validate_dossier(data)
    assert len(data["stories"]) == 1 and len(data["articles"]) == 5


@pytest.mark.parametrize("ext", ["md", "html"])
def test_cli_export_writes_reports(db, tmp_path, ext):
    out = tmp_path / f"dossier.{ext}"
    result = storydesk("export", "--db", str(db), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert out.is_file() and "North Korean" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["export", "--db", "{tmp}/missing.db"], 1, "storydesk ingest"),
        (["export", "--db", "{db}", "--story", "s999"], 2, "s999"),
        (["ingest", "{tmp}/nope", "--db", "{tmp}/x.db"], 2, "no such file"),
        (["ingest", "{samples}", "--db", "{tmp}/garbage.db"], 1, "not a storydesk store"),
        (["ingest", "{samples}"], 2, "--db"),
    ],
)
def test_cli_ingest_errors_exit_with_a_hint(db, tmp_path, samples_dir, args, code, words):
    (tmp_path / "garbage.db").write_text("not sqlite at all\n" * 100)
    filled = [a.format(tmp=tmp_path, db=db, samples=samples_dir) for a in args]
    result = storydesk(*filled)
    assert result.returncode == code
    assert words in " ".join(result.stderr.split())
    assert "Traceback" not in result.stderr
