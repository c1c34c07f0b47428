"""Executors run pipeline steps; steps never know which executor runs them."""

from storydesk.executors.local import LocalExecutor

__all__ = ["LocalExecutor"]
