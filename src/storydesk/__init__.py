"""storydesk: many news reports in, one verified story out."""

from storydesk.model import Article, Claim, Dossier, Mention, Source, Span, Story

__version__ = "0.1.0"

__all__ = ["Article", "Claim", "Dossier", "Mention", "Source", "Span", "Story", "__version__"]
