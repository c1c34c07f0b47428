"""The learned cue lexicon: lemmas that cue attributions, counted on the PolNeAR *train* split.

``cue_lexicon.json`` beside this module holds, for every verb, noun and adjective lemma that the
rules proposed as a cue on train when any lemma was allowed, how often it was proposed and how
often that proposal matched a gold attribution. Lemmas with at least ``min_support`` proposals and
a matched share of at least ``min_precision`` (both chosen by cross-validation over train articles)
join the hand-written lists of ``lexicon``. ``eval/train_cue_lexicon.py`` regenerates the file.

The hand lists stay: they carry general news usage the training corpus may lack.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

from storydesk.steps.extract import lexicon

LEXICON_PATH = Path(__file__).with_name("cue_lexicon.json")
POS_TAGS: tuple[str, ...] = ("VERB", "NOUN", "ADJ")
_HAND: dict[str, frozenset[str]] = {
    "VERB": lexicon.SPEECH_VERBS | lexicon.DISMISS_VERBS | lexicon.STANCE_VERBS,
    "NOUN": lexicon.CUE_NOUNS,
    "ADJ": lexicon.STANCE_ADJECTIVES,
}
_open = False  # every lemma is a cue: only while collecting training statistics
_override: dict[str, object] | None = None  # a lexicon under cross-validation


def _load() -> dict[str, object]:
    return _shipped() if _override is None else _override


@lru_cache(maxsize=1)
def _shipped() -> dict[str, object]:
    try:
        data = json.loads(LEXICON_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # no learned lexicon: the hand lists alone
    return data if isinstance(data, dict) else {}


@lru_cache(maxsize=4)
def learned(pos: str) -> frozenset[str]:
    """The learned cue lemmas of ``pos`` ("VERB", "NOUN" or "ADJ")."""
    cues = _load().get("cues", {})
    words = cues.get(pos, []) if isinstance(cues, dict) else []
    return frozenset(w for w in words if isinstance(w, str))


def prior(pos: str, lemma: str) -> float:
    """Smoothed share of train proposals of ``lemma`` that matched a gold attribution (0.5 for a
    lemma never seen: no evidence either way)."""
    stats = _load().get("lemmas", {})
    entry = stats.get(pos, {}).get(lemma) if isinstance(stats, dict) else None
    if not isinstance(entry, list) or len(entry) != 2:
        return 0.5
    seen, hits = entry
    return (hits + 1) / (seen + 2)


def hand_list(pos: str) -> frozenset[str]:
    """The hand-written cue lemmas of ``pos`` (``lexicon``)."""
    return _HAND.get(pos, frozenset())


def is_cue(pos: str, lemma: str) -> bool:
    """Whether a ``pos`` word with ``lemma`` may cue an attribution (hand lists + learned)."""
    return _open or lemma in _HAND.get(pos, frozenset()) or lemma in learned(pos)


@contextmanager
def using(data: dict[str, object]) -> Iterator[None]:
    """Use ``data`` (the JSON layout of ``cue_lexicon.json``) instead of the shipped file inside
    the block: cross-validation tries lexicons learned on part of train."""
    global _override
    before, _override = _override, data
    _clear()
    try:
        yield
    finally:
        _override = before
        _clear()


def _clear() -> None:
    learned.cache_clear()


@contextmanager
def open_lexicon() -> Iterator[None]:
    """Treat every lemma as a cue inside the block (training statistics, never in the product)."""
    global _open
    before, _open = _open, True
    try:
        yield
    finally:
        _open = before
