"""Typed settings: packaged defaults (``defaults.toml``) with an optional user overlay.

Read on demand, never at import time. Unknown sections or keys in an overlay are an error (a typo
would otherwise be silently ignored).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from storydesk.errors import ConfigError

ENV_VAR = "STORYDESK_CONFIG"
CLUSTER_METHODS = ("pair-model", "cosine")
# Settings whose value must be one of a few words: (section, key) -> the words.
_CHOICES: dict[tuple[str, str], tuple[str, ...]] = {("cluster", "method"): CLUSTER_METHODS}


@dataclass(frozen=True)
class ReadSettings:
    max_file_mb: float = 50
    allow_private_addresses: bool = False  # URL lists: fetch from loopback/private networks too


@dataclass(frozen=True)
class DedupSettings:
    threshold: float = 0.8


@dataclass(frozen=True)
class ClusterSettings:
    method: str = "pair-model"  # one of CLUSTER_METHODS
    threshold: float = 0.80  # "cosine" only: distance cut
    window_days: int = 7


@dataclass(frozen=True)
class ExtractSettings:
    batch_size: int = 32
    parallel_from: int = 200


@dataclass(frozen=True)
class RunSettings:
    workers: int = 2


@dataclass(frozen=True)
class Settings:
    read: ReadSettings = field(default_factory=ReadSettings)
    dedup: DedupSettings = field(default_factory=DedupSettings)
    cluster: ClusterSettings = field(default_factory=ClusterSettings)
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    run: RunSettings = field(default_factory=RunSettings)


def load_settings(path: str | Path | None = None) -> Settings:
    """Packaged defaults, overlaid by ``path`` (or ``$STORYDESK_CONFIG`` when path is None)."""
    defaults = tomllib.loads(resources.files("storydesk").joinpath("defaults.toml").read_text())
    settings = _overlay(Settings(), defaults, origin="packaged defaults")
    user = path or os.environ.get(ENV_VAR)
    if user:
        user_path = Path(user)
        try:
            data = tomllib.loads(user_path.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ConfigError(
                f"settings file {user_path} does not exist",
                hint=f"fix the path, or unset ${ENV_VAR}",
            ) from exc
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(
                f"settings file {user_path} is not valid TOML: {exc}",
                hint="see src/storydesk/defaults.toml for the format",
            ) from exc
        settings = _overlay(settings, data, origin=str(user_path))
    return settings


def _overlay(settings: Settings, data: dict[str, Any], origin: str) -> Settings:
    sections = {f.name: f for f in fields(settings)}
    changes: dict[str, Any] = {}
    for section, values in data.items():
        if section not in sections or not isinstance(values, dict):
            raise ConfigError(
                f"{origin}: unknown settings section [{section}]",
                hint=f"known sections: {', '.join(sections)}",
            )
        current = getattr(settings, section)
        known = {f.name: f for f in fields(current)}
        for key, value in values.items():
            if key not in known:
                raise ConfigError(
                    f"{origin}: unknown setting {section}.{key}",
                    hint=f"known in [{section}]: {', '.join(known)}",
                )
            expected = type(getattr(current, key))
            if expected is float and isinstance(value, int):
                value = float(value)
            if not isinstance(value, expected) or isinstance(value, bool) != (expected is bool):
                raise ConfigError(
                    f"{origin}: {section}.{key} must be {expected.__name__}, got {value!r}"
                )
            choices = _CHOICES.get((section, key))
            if choices and value not in choices:
                raise ConfigError(
                    f"{origin}: {section}.{key} must be one of {', '.join(choices)}, got {value!r}",
                    hint=f'e.g. {key} = "{choices[0]}"',
                )
        changes[section] = replace(current, **values)
    return replace(settings, **changes)
