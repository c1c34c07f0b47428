"""The dossier JSON Schema (``storydesk.dossier/1``) and a validator that explains what is wrong.

The schema file ships with the package (``dossier.schema.json``); every JSON dossier storydesk writes
is validated against it first, so a bug upstream fails loudly instead of shipping an invalid file.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import ValidationError

from storydesk.errors import DossierSchemaError

__all__ = ["SCHEMA_FILE", "load_schema", "schema_errors", "validate_dossier"]

SCHEMA_FILE = "dossier.schema.json"

# Enough to locate a bug without burying the user in cascading errors.
_MAX_ERRORS_SHOWN = 5


@cache
def _schema_text() -> str:
    return resources.files("storydesk.schema").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


def load_schema() -> dict[str, Any]:
    """Return the dossier JSON Schema (draft 2020-12) as a fresh dict (safe to modify)."""
    schema: dict[str, Any] = json.loads(_schema_text())
    return schema


@cache
def _validator() -> Draft202012Validator:
    # Built once: compiling the schema costs more than validating a typical dossier.
    return Draft202012Validator(load_schema(), format_checker=FormatChecker())


def _where(error: ValidationError) -> str:
    return "/".join(str(part) for part in error.absolute_path) or "(top level)"


def _sort_key(error: ValidationError) -> list[str]:
    # Zero-padded indexes so stories/2 comes before stories/10.
    return [f"{p:010d}" if isinstance(p, int) else str(p) for p in error.absolute_path]


def schema_errors(data: Any) -> list[str]:
    """Every way ``data`` breaks the schema, as ``"path: message"`` strings, in document order."""
    errors = sorted(_validator().iter_errors(data), key=_sort_key)
    return [f"{_where(e)}: {e.message}" for e in errors]


def validate_dossier(data: dict[str, Any]) -> None:
    """Raise ``DossierSchemaError`` listing the first few problems if ``data`` (a
    ``Dossier.to_dict()``) does not match the ``storydesk.dossier/1`` schema."""
    problems = schema_errors(data)
    if not problems:
        return
    shown = "; ".join(problems[:_MAX_ERRORS_SHOWN])
    more = len(problems) - _MAX_ERRORS_SHOWN
    if more > 0:
        shown += f"; and {more} more"
    raise DossierSchemaError(
        f"dossier does not match schema storydesk.dossier/1: {shown}",
        hint="a dossier built by storydesk should always be valid, so please report this as a bug; "
        "for a hand-edited file, fix the fields named above",
    )
