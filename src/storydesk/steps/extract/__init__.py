"""The extract stage: per-article sentences, entities, quantities, dates, attributions and flags.

``SpacyExtractor`` is the step; ``find_quantities``, ``find_dates`` and ``parse_number`` work on
their own over a spaCy ``Doc`` (or a string, for ``parse_number``).
"""

from storydesk.steps.extract.dates import find_dates
from storydesk.steps.extract.numbers import parse_number
from storydesk.steps.extract.quantities import find_quantities
from storydesk.steps.extract.step import SpacyExtractor

__all__ = ["SpacyExtractor", "find_dates", "find_quantities", "parse_number"]
