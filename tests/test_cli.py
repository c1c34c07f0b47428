"""The command line, run as a user runs it (a subprocess), plus --help for every command."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from storydesk.schema import validate_dossier

COMMANDS = ["demo", "analyze", "clean", "cluster", "attributions", "eval"]


def storydesk(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "storydesk.cli", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_cli_help_has_an_example_for_every_command(command):
    result = storydesk(command, "--help")
    assert result.returncode == 0
    assert "Example: storydesk " + command in " ".join(result.stdout.split())


def test_cli_demo_writes_three_files_and_says_where(tmp_path):
    result = storydesk("demo", "-o", str(tmp_path / "out"), "--quiet")
    assert result.returncode == 0, result.stderr
    for ext in ("json", "md", "html"):
        path = tmp_path / "out" / f"dossier.{ext}"
        assert path.is_file() and str(path) in result.stdout
    validate_dossier(json.loads((tmp_path / "out" / "dossier.json").read_text()))
    assert "5 articles, 1 stories" in result.stdout


def test_cli_analyze_json_to_stdout_is_a_valid_dossier(samples_dir):
    result = storydesk("analyze", str(samples_dir), "--format", "json", "-q")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    validate_dossier(data)
    assert len(data["stories"]) == 1


def test_cli_analyze_picks_format_from_output_suffix(tmp_path, samples_dir):
    out = tmp_path / "report.html"
    result = storydesk("analyze", str(samples_dir), "-o", str(out), "-q")
    assert result.returncode == 0, result.stderr
    assert out.read_text().lstrip().lower().startswith("<!doctype html")


def test_cli_missing_path_is_a_usage_error(tmp_path):
    result = storydesk("analyze", str(tmp_path / "nope"))
    assert result.returncode == 2
    assert "nope" in result.stderr


def test_cli_only_bad_files_reports_them_and_fails_cleanly(tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 10)
    result = storydesk("analyze", str(tmp_path), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["articles"] == [] and len(data["skipped"]) == 2
    assert "skipped 2 input(s)" in result.stderr


def test_cli_clean_jsonl_has_the_dossier_article_fields(samples_dir):
    result = storydesk("clean", str(samples_dir), "--format", "jsonl", "-q")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 5
    for record in records:
        assert {"id", "source", "title", "text", "removed", "duplicate_of"} <= set(record)
        assert all({"text", "reason"} == set(r) for r in record["removed"])


def test_cli_clean_text_prints_each_article(samples_dir):
    result = storydesk("clean", str(samples_dir / "003_55104b8a635bbc9b.txt"), "-q")
    assert result.returncode == 0
    assert result.stdout.startswith("=== 003_55104b8a635bbc9b")
    assert "Most popular" not in result.stdout


def test_cli_cluster_prints_one_line_per_article(samples_dir):
    result = storydesk("cluster", str(samples_dir), "-q")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 5
    assert {tuple(sorted(line)) for line in lines} == {("article_id", "story_id")}
    assert len({line["story_id"] for line in lines}) == 1


def test_cli_attributions_spans_point_into_the_cleaned_text(samples_dir):
    cleaned = {
        json.loads(line)["id"]: json.loads(line)["text"]
        for line in storydesk("clean", str(samples_dir), "-f", "jsonl", "-q").stdout.splitlines()
    }
    result = storydesk("attributions", str(samples_dir), "-q")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert any(r["source"] and "Suspilne" in r["source"]["text"] for r in records)
    for record in records:
        for part in ("source", "cue", "content"):
            span = record[part]
            if span is not None:
                text = cleaned[record["article_id"]]
                assert text[span["start"] : span["end"]] == span["text"]


def test_cli_bad_settings_file_exits_1_with_a_hint(tmp_path, samples_dir):
    bad = tmp_path / "s.toml"
    bad.write_text("[cluster]\nthreshhold = 1\n")
    result = storydesk("cluster", str(samples_dir), "--config", str(bad))
    assert result.returncode == 1
    assert "unknown setting cluster.threshhold" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_eval_unknown_name_is_a_usage_error():
    result = storydesk("eval", "no-such-eval")
    assert result.returncode == 2
    assert "unknown evaluation" in result.stderr


def test_cli_url_list_to_loopback_is_refused_by_default(tmp_path):
    urls = tmp_path / "list.urls"
    urls.write_text("http://127.0.0.1:9/article\n")
    result = storydesk("analyze", str(urls), "--format", "json", "-q")
    assert result.returncode == 0, result.stderr
    skipped = json.loads(result.stdout)["skipped"]
    assert any("refused" in s["reason"] and "127.0.0.1" in s["reason"] for s in skipped)
