"""The dossier JSON Schema: a complete dossier validates and round-trips; broken ones fail clearly."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from dossier_factory import build_dossier
from jsonschema import Draft202012Validator

from storydesk import model
from storydesk.errors import DossierSchemaError, StorydeskError
from storydesk.schema import load_schema, schema_errors, validate_dossier


@pytest.fixture
def data() -> dict[str, Any]:
    return build_dossier().to_dict()


def test_schema_is_valid_draft_2020_12() -> None:
    schema = load_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["schema"] == {"const": model.SCHEMA_ID}


@pytest.mark.parametrize(
    ("definition", "field", "expected"),
    [
        ("claim", "kind", model.CLAIM_KINDS),
        ("claim", "status", model.CLAIM_STATUSES),
        ("mention", "hedge", (*model.HEDGES, None)),
        ("source", "kind", model.SOURCE_KINDS),
        ("edge", "relation", model.RELATIONS),
        ("flag", "type", model.FLAG_TYPES),
    ],
)
def test_schema_enums_match_model_constants(definition: str, field: str, expected: tuple) -> None:
    assert tuple(load_schema()["$defs"][definition]["properties"][field]["enum"]) == expected


def test_full_dossier_validates(data: dict[str, Any]) -> None:
    validate_dossier(data)
    assert schema_errors(data) == []
    # every optional part is really exercised, so the test means something
    story = data["stories"][0]
    assert all(story[k] for k in ("entities", "claims", "sources", "timeline", "summary", "flags"))
    assert story["provenance"]["edges"] and data["skipped"] and data["stats"]


def test_empty_dossier_validates() -> None:
    validate_dossier(model.Dossier().to_dict())


def test_round_trip_is_lossless(data: dict[str, Any]) -> None:
    again = model.Dossier.from_dict(copy.deepcopy(data)).to_dict()
    assert again == data
    validate_dossier(again)


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(d: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        node: Any = d
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[int(last) if last.isdigit() else last] = value

    return mutate


def _delete(path: str) -> Callable[[dict[str, Any]], None]:
    def mutate(d: dict[str, Any]) -> None:
        *parents, last = path.split("/")
        node: Any = d
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        del node[last]

    return mutate


C0 = "stories/0/claims/0"
BROKEN = {
    "wrong schema id": ("schema", _set("schema", "storydesk.dossier/2")),
    "wrong status": (f"{C0}/status", _set(f"{C0}/status", "confirmed")),
    "wrong kind": (f"{C0}/kind", _set(f"{C0}/kind", "weight")),
    "missing mentions": (C0, _delete(f"{C0}/mentions")),
    "empty mentions": (f"{C0}/mentions", _set(f"{C0}/mentions", [])),
    "negative start": (f"{C0}/mentions/0/start", _set(f"{C0}/mentions/0/start", -1)),
    "float end": (f"{C0}/mentions/0/end", _set(f"{C0}/mentions/0/end", 3.5)),
    "value as string": (f"{C0}/mentions/0/value", _set(f"{C0}/mentions/0/value", "18")),
    "unknown hedge": (f"{C0}/mentions/1/hedge", _set(f"{C0}/mentions/1/hedge", "roughly")),
    "normalized without unit": (
        f"{C0}/mentions/0/normalized",
        _delete(f"{C0}/mentions/0/normalized/unit"),
    ),
    "attributed_to not a list": (
        f"{C0}/mentions/0/attributed_to",
        _set(f"{C0}/mentions/0/attributed_to", "Suspilne"),
    ),
    "negative origins": (f"{C0}/independent_origins", _set(f"{C0}/independent_origins", -1)),
    "origins count as text": (f"{C0}/independent_origins", _set(f"{C0}/independent_origins", "1")),
    "bool origins count": (f"{C0}/independent_origins", _set(f"{C0}/independent_origins", True)),
    "unknown relation": (
        "stories/0/provenance/edges/0/relation",
        _set("stories/0/provenance/edges/0/relation", "links"),
    ),
    "edge without from": (
        "stories/0/provenance/edges/0",
        _delete("stories/0/provenance/edges/0/from"),
    ),
    "missing provenance": ("stories/0", _delete("stories/0/provenance")),
    "unknown source kind": ("stories/0/sources/0/kind", _set("stories/0/sources/0/kind", "blog")),
    "unknown flag type": ("stories/0/flags/0/type", _set("stories/0/flags/0/type", "rumour")),
    "bad published date": ("articles/0/published", _set("articles/0/published", "17 Oct 2024")),
    "empty article id": ("articles/0/id", _set("articles/0/id", "")),
    "removed without reason": ("articles/0/removed/0", _delete("articles/0/removed/0/reason")),
    "article_ids not strings": ("stories/0/article_ids/0", _set("stories/0/article_ids/0", 1)),
    "skipped without reason": ("skipped/0", _delete("skipped/0/reason")),
    "stats count negative": ("stats/0/read", _set("stats/0/read", -3)),
    "stats skipped not int": ("stats/0/skipped/empty", _set("stats/0/skipped/empty", "one")),
    "stories not a list": ("stories", _set("stories", {})),
}


@pytest.mark.parametrize(("where", "mutate"), BROKEN.values(), ids=BROKEN.keys())
def test_broken_dossier_fails_with_location(
    data: dict[str, Any], where: str, mutate: Callable[[dict[str, Any]], None]
) -> None:
    mutate(data)
    with pytest.raises(DossierSchemaError) as info:
        validate_dossier(data)
    assert isinstance(info.value, StorydeskError)
    assert where in str(info.value)
    assert info.value.hint


def test_extra_fields_are_allowed(data: dict[str, Any]) -> None:
    data["generator"] = "storydesk 9"
    data["stories"][0]["claims"][0]["confidence"] = 0.7
    data["articles"][0]["word_count"] = 42
    validate_dossier(data)


def test_error_message_shows_only_the_first_few(data: dict[str, Any]) -> None:
    claims = [claim for story in data["stories"] for claim in story["claims"]]
    for claim in claims:
        claim["status"] = "bogus"
    claim_count = len(claims)
    assert claim_count > 5
    with pytest.raises(DossierSchemaError) as info:
        validate_dossier(data)
    message = str(info.value)
    assert f"and {claim_count - 5} more" in message
    assert message.count("'bogus' is not one of") == 5
    assert message.index("claims/0/status") < message.index("claims/4/status")
