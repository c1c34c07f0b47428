"""A light, deterministic word normaliser for comparing what two quantity mentions talk about.

Alignment compares bags of content words ("North Korean soldiers deserted" ~ "soldiers ... have
deserted"), so inflections must meet: a crude suffix stemmer is enough and is much faster than a
parser. Stems need not be real words, only consistent (``prepare``/``prepared``/``preparing`` all
become ``prepar``). A few news synonyms are folded together (troops ~ soldiers, died ~ killed) and
casualty roles are classed so that "3 killed" and "3 injured" are never one claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of ``text`` as a set (for readable word lists)."""
    return frozenset(text.split())


_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")

# Irregular forms and news synonyms, mapped to one canonical stem.
_CANONICAL: dict[str, str] = {
    "people": "person",
    "persons": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
    "male": "man",
    "female": "woman",
    "guy": "man",
    "lady": "woman",
    "troop": "soldier",
    "serviceman": "soldier",
    "servicemen": "soldier",
    "personnel": "soldier",
    # casualty outcomes: one stem per role
    "kill": "kill",
    "die": "kill",
    "dy": "kill",
    "dying": "kill",
    "died": "kill",
    "dead": "kill",
    "death": "kill",
    "fatal": "kill",
    "fatality": "kill",
    "fatalitie": "kill",
    "slain": "kill",
    "murder": "kill",
    "injur": "injur",
    "injury": "injur",
    "wound": "injur",
    "hurt": "injur",
    "hospitaliz": "injur",
    "hospitalis": "injur",
    "arrest": "arrest",
    "detain": "arrest",
    "detent": "arrest",
}

# Stems that name mutually exclusive roles of the counted people: killed vs injured vs arrested.
OUTCOME_ROLES: frozenset[str] = frozenset({"kill", "injur", "arrest"})

# Words that carry no information about *what* is measured: attribution verbs, hedges, number
# words and measurement units (units are compared separately, after normalisation).
NOISE_WORDS: frozenset[str] = word_set(
    """
    say said says saying report reported reports reporting reportedly according claim claimed
    claims tell told tells cite cited citing cites source sources allegedly apparently add added
    about around approximately roughly nearly almost estimated estimate some least most more less
    than over under up to as many much few fewer several group number total
    zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    hundred hundreds thousand thousands million millions billion billions dozen dozens score
    mile miles kilometer kilometers kilometre kilometres km kms meter meters metre metres foot feet
    yard yards inch inches percent per cent dollar dollars euro euros pound pounds usd eur gbp
    minute minutes hour hours day days week weeks month months year years
    also already just now still even only
    """
)

_STOP: frozenset[str] | None = None


def stop_words() -> frozenset[str]:
    """spaCy's English stop list (a plain module, no model load) plus our noise words."""
    global _STOP
    if _STOP is None:
        try:
            from spacy.lang.en.stop_words import STOP_WORDS

            base = frozenset(w.lower() for w in STOP_WORDS)
        except ImportError:  # pragma: no cover - spaCy is a hard dependency
            base = frozenset()
        _STOP = base | NOISE_WORDS
    return _STOP


@lru_cache(maxsize=65536)
def stem(word: str, name: bool = False) -> str:
    """Normalise one word: lower case, possessive dropped, a light suffix stem, synonyms folded.

    With ``name`` (a capitalised word inside a sentence) the place/people ending is folded too,
    so "Ukrainian" and "Ukraine" both become ``ukrain``, "Russian" and "Russia" ``russ``.
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    w = w.strip("'")
    if w in _CANONICAL:
        return _CANONICAL[w]
    if name:
        return _place(w)
    if len(w) > 4 and w.endswith(("ies", "ied")):
        w = w[:-3] + "y"
    elif len(w) > 5 and w.endswith("ing"):
        w = w[:-3]
    elif len(w) > 4 and w.endswith("ed"):
        w = w[:-2]
    elif len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    if len(w) > 6 and w.endswith("ion"):
        w = w[:-3]
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]  # running -> runn -> run
    return _CANONICAL.get(w, w)


def _place(w: str) -> str:
    for suffix in ("ians", "ans", "ian", "an", "s"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            break
    folded = w.rstrip("aeiy")
    return _CANONICAL.get(w, folded if len(folded) >= 3 else w)


def tokens(text: str) -> Iterator[tuple[int, str]]:
    """Yield ``(offset, stem)`` for every content word of ``text`` (stop and noise words dropped)."""
    stop = stop_words()
    for match in _WORD.finditer(text):
        word = match.group(0)
        raw = word.lower().replace("’", "'")
        if raw.endswith("'s"):
            raw = raw[:-2]
        raw = raw.strip("'")
        if len(raw) < 2 or raw in stop:
            continue
        i = match.start() - 1
        while i >= 0 and text[i] in " \t":
            i -= 1
        # capitalised but not sentence-initial: a name
        name = word[0].isupper() and i >= 0 and text[i] not in '.!?:"“\n'
        yield match.start(), stem(raw, name)


def content_stems(text: str) -> list[str]:
    """The content-word stems of ``text`` in order."""
    return [s for _, s in tokens(text)]


def alpha_word_count(text: str) -> int:
    """How many alphabetic words ``text`` has (used to tell prose from page furniture)."""
    return sum(1 for _ in _WORD.finditer(text))
