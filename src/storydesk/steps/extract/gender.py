"""Cheap grammatical-gender hints for resolving "he"/"she" to an earlier speaker.

Only evidence the text gives is used: an honorific ("Mr. Trump", "Mrs. Clinton"), a gendered title
("spokeswoman Sarah Sanders", "Congressman X"), or a first name from a small list shipped with the
package (``first_names.txt``). A name without evidence stays unknown (None) and is never ruled out;
the point is to stop "she" resolving to a man, not to guess everyone's gender.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

PRONOUN_GENDER: dict[str, str] = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
_HONORIFICS = {
    "mr": "m", "mister": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m",
    "mrs": "f", "ms": "f", "miss": "f", "madam": "f", "madame": "f", "dame": "f", "lady": "f",
    "queen": "f", "princess": "f",
}  # fmt: skip
_TITLE_WORDS = {
    "congressman": "m", "congresswoman": "f", "spokesman": "m", "spokeswoman": "f",
    "chairman": "m", "chairwoman": "f", "businessman": "m", "businesswoman": "f",
    "father": "m", "mother": "f", "husband": "m", "wife": "f", "son": "m", "daughter": "f",
    "brother": "m", "sister": "f", "actor": "m", "actress": "f", "anchorman": "m",
    "anchorwoman": "f", "councilman": "m", "councilwoman": "f", "assemblyman": "m",
    "assemblywoman": "f",
}  # fmt: skip
_CUE = re.compile(
    r"\b((?i:" + "|".join(sorted(_HONORIFICS | _TITLE_WORDS, key=len, reverse=True)) + r"))\.?\s+"
    r"((?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+)"
)


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """``{lower-case first name: "m"|"f"}`` from the shipped list (empty if it is missing)."""
    try:
        text = resources.files("storydesk.steps.extract").joinpath("first_names.txt").read_text()
    except (FileNotFoundError, OSError):
        return {}
    out: dict[str, str] = {}
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and not line.startswith("#") and parts[1] in {"m", "f"}:
            out[parts[0].strip().lower()] = parts[1]
    return out


def article_genders(doc: Doc) -> dict[str, str]:
    """Surname -> gender the article itself implies ("Mrs. Clinton", "Congressman Ryan", "Hillary
    Clinton"); a surname with conflicting evidence (two Clintons) is left out."""
    votes: dict[str, set[str]] = {}
    for m in _CUE.finditer(doc.text):
        cue = m.group(1).lower()
        gender = _HONORIFICS.get(cue) or _TITLE_WORDS[cue]
        if not m.group(1)[0].isupper() and cue in _HONORIFICS:
            continue  # "sir" in running text, not a title
        words = m.group(2).split()
        votes.setdefault(words[-1].lower(), set()).add(gender)
    names = first_names()
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) < 2:
            continue
        first = names.get(ent[0].lower_)
        if first is not None:
            # "Clinton's" -> "clinton"; never strip letters ("Williams" stays "williams").
            surname = re.sub(r"['’]s?$", "", ent[-1].lower_)
            votes.setdefault(surname, set()).add(first)
    return {name: next(iter(g)) for name, g in votes.items() if len(g) == 1}


def name_gender(name: str, known: dict[str, str]) -> str | None:
    """Gender of a person's ``name`` ("m", "f" or None): the first name when the list knows it,
    else what the article said about the surname (``known`` from ``article_genders``)."""
    words = name.split()
    if not words:
        return None
    if len(words) >= 2:
        gender = first_names().get(words[0].lower())
        if gender is not None:
            return gender
    return known.get(words[-1].lower())
