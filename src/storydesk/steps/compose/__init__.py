"""Compose: the story-level parts of the dossier built from compared claims and annotations —
entities (name variants merged), verification flags, a timeline and a cited summary."""

from storydesk.steps.compose.entities import EntityMerger
from storydesk.steps.compose.flags import FlagCollector
from storydesk.steps.compose.summary import SummaryWriter
from storydesk.steps.compose.timeline import TimelineBuilder

__all__ = ["EntityMerger", "FlagCollector", "SummaryWriter", "TimelineBuilder"]
