"""The JSON dossier: ``Dossier.to_dict()`` validated against the shipped schema, then serialised."""

from __future__ import annotations

import json

from storydesk.errors import DossierSchemaError
from storydesk.model import Dossier
from storydesk.schema import validate_dossier

__all__ = ["render_json"]


def render_json(dossier: Dossier, indent: int | None = 2) -> str:
    """Serialise ``dossier`` as a ``storydesk.dossier/1`` JSON document (UTF-8 text, not ASCII
    escaped). Raises ``DossierSchemaError`` if the dossier does not match the schema, so an
    upstream bug can never ship an invalid file."""
    data = dossier.to_dict()
    validate_dossier(data)
    try:
        # allow_nan=False: NaN/Infinity are not JSON and would break every other JSON reader.
        return json.dumps(data, ensure_ascii=False, indent=indent, allow_nan=False) + "\n"
    except ValueError as exc:
        raise DossierSchemaError(
            f"dossier contains a value JSON cannot represent: {exc}",
            hint="a number is NaN or infinite; this is a bug in the step that produced it",
        ) from exc
