"""The StorydeskError tree. Every error says what is wrong *and* how to fix it.

``SkipArticle`` is not a failure of the run: a step raises it for one bad input (binary, empty,
undecodable), the executor counts it under its reason, lists it in the dossier and goes on.
"""

from __future__ import annotations


class StorydeskError(Exception):
    """Base of every error storydesk raises on purpose. ``hint`` tells the user what to do."""

    exit_code = 1

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} ({self.hint})" if self.hint else self.message


class UsageError(StorydeskError):
    """The command was asked for something it cannot do (bad option, missing path)."""

    exit_code = 2


class InputError(StorydeskError):
    """An input as a whole cannot be used (e.g. a path that does not exist)."""


class ConfigError(StorydeskError):
    """A settings file or value is invalid."""


class ModelNotInstalledError(StorydeskError):
    """A language model package is missing."""


class SkipArticle(Exception):
    """Raised by a step for one article it cannot process; ``reason`` is a short counted label
    (``empty``, ``binary``, ``undecodable``, ``no-body`` ...) and ``detail`` says more."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class DossierSchemaError(StorydeskError):
    """A dossier does not match the ``storydesk.dossier/1`` JSON Schema (a bug, or a foreign file)."""
