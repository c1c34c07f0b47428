"""JSON writer and write_dossier: schema-checked output, atomic writes, format choice."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from dossier_factory import build_dossier

from storydesk.errors import DossierSchemaError, UsageError
from storydesk.model import Dossier
from storydesk.report import render_json, write_dossier
from storydesk.schema import validate_dossier


def test_render_json_is_the_validated_dossier() -> None:
    dossier = build_dossier()
    text = render_json(dossier)
    data = json.loads(text)
    assert data == dossier.to_dict()
    validate_dossier(data)
    assert "Au moins 18 soldats ont déserté" in text  # UTF-8, not \\u escapes
    assert Dossier.from_dict(data).to_dict() == data


def test_render_json_refuses_an_invalid_dossier() -> None:
    dossier = build_dossier()
    dossier.stories[0].claims[0].status = "probably"
    with pytest.raises(DossierSchemaError, match="claims/0/status"):
        render_json(dossier)


def test_render_json_refuses_nan() -> None:
    dossier = build_dossier()
    dossier.stories[0].claims[0].mentions[0].value = math.nan
    with pytest.raises(DossierSchemaError, match="NaN"):
        render_json(dossier)


@pytest.mark.parametrize(
    ("fmt", "suffix", "marker"),
    [
        ("json", "json", '"schema": "storydesk.dossier/1"'),
        ("md", "md", "# storydesk dossier"),
        ("markdown", "md", "### Claims"),
        ("html", "html", "<!DOCTYPE html>"),
        ("HTML", "html", "</html>"),
    ],
)
def test_write_dossier_by_format(tmp_path: Path, fmt: str, suffix: str, marker: str) -> None:
    target = tmp_path / "out" / f"report.{suffix}"
    written = write_dossier(build_dossier(), target, fmt)
    assert written == target
    assert marker in target.read_text(encoding="utf-8")
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temp file left


def test_write_dossier_into_a_directory(tmp_path: Path) -> None:
    written = write_dossier(build_dossier(), tmp_path, "html")
    assert written == tmp_path / "dossier.html"
    assert written.is_file()


def test_write_dossier_unknown_format(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="pdf"):
        write_dossier(build_dossier(), tmp_path / "x.pdf", "pdf")
    assert not list(tmp_path.iterdir())


def test_invalid_dossier_leaves_existing_file_alone(tmp_path: Path) -> None:
    target = tmp_path / "dossier.json"
    target.write_text("previous run", encoding="utf-8")
    dossier = build_dossier()
    dossier.stories[0].edges[0].relation = "inspired"
    with pytest.raises(DossierSchemaError):
        write_dossier(dossier, target, "json")
    assert target.read_text(encoding="utf-8") == "previous run"
    assert [p.name for p in tmp_path.iterdir()] == ["dossier.json"]
