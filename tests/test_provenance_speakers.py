"""Events and processes written as an attribution's subject are not listed as sources."""

from __future__ import annotations

import pytest

from storydesk.steps.provenance.speakers import can_be_source, is_abstract


@pytest.mark.parametrize(
    ("name", "abstract"),
    [
        ("cooperation", True),
        ("steady forward movement", True),
        ("growing tensions", True),
        ("the fighting", True),
        ("officials", False),
        ("authorities", False),
        ("intelligence", False),
        ("the administration", False),
        ("opposition", False),
        ("a statement", False),
        ("partners", False),
        ("Ukrainian intelligence official", False),  # named parts are not judged
        ("Pax Americana Foundation", False),
    ],
)
def test_is_abstract(name: str, abstract: bool):
    assert is_abstract(name) is abstract


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("cooperation", "unnamed", False),
        ("cooperation", None, False),
        ("cooperation", "official", True),  # attributions voted it a body: keep their verdict
        ("residents", "unnamed", True),
    ],
)
def test_can_be_source(name: str, kind: str | None, expected: bool):
    assert can_be_source(name, kind) is expected
