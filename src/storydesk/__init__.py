"""storydesk: many news reports in, one verified story out.

>>> import storydesk
>>> dossier = storydesk.analyze(["saved/"])     # doctest: +SKIP

Every stage is importable on its own (``storydesk.steps.*``); ``build_steps`` gives the default
pipeline and ``LocalExecutor`` runs any list of steps.
"""

from storydesk.config import Settings, load_settings
from storydesk.errors import SkipArticle, StorydeskError
from storydesk.executors.local import LocalExecutor
from storydesk.model import (
    Article,
    Attribution,
    Claim,
    DateMention,
    Dossier,
    Entity,
    Mention,
    Quantity,
    Source,
    Span,
    Story,
)
from storydesk.pipeline import analyze, build_steps, run

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Attribution",
    "Claim",
    "DateMention",
    "Dossier",
    "Entity",
    "LocalExecutor",
    "Mention",
    "Quantity",
    "Settings",
    "SkipArticle",
    "Source",
    "Span",
    "Story",
    "StorydeskError",
    "__version__",
    "analyze",
    "build_steps",
    "load_settings",
    "run",
]
