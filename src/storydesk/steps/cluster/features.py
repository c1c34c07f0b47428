"""Article features for story clustering: TF-IDF over words, with the words that identify an event
(names, places, numbers, the title) weighted up.

Why not plain TF-IDF: in a pile of similar events (every story a shooting) the shared vocabulary
("police", "shot", "killed") dominates; what separates two events is *who, where, how many*. Proper
nouns and numbers are therefore repeated in the document representation, and the title counts twice.
No spaCy here on purpose: clustering must scale to crawls, and capitalisation plus digits find
names and numbers well enough for blocking and scoring.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from storydesk.model import Article

_TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][\w'’-]*|\d[\d,.]*")
# Sentence-initial capitals are not names; these frequent capitalised words are not either.
NOT_NAMES = {w.capitalize() for w in ENGLISH_STOP_WORDS} | {
    "Police", "Officers", "Officer", "Authorities", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday", "Mr", "Mrs", "Ms", "Dr", "According", "News", "Update",
}


def event_tokens(text: str, name_weight: int = 2, number_weight: int = 2) -> list[str]:
    """Lower-cased content tokens, with names and numbers repeated ``*_weight`` times."""
    tokens: list[str] = []
    append, extend = tokens.append, tokens.extend
    cache = _WORD_CACHE
    for match in _TOKEN.finditer(text):
        raw = match.group(0)
        entry = cache.get(raw)
        if entry is None:
            entry = _classify(raw)
            if len(cache) > _CACHE_SIZE:  # bounded: a crawl's vocabulary keeps growing
                cache.clear()
            cache[raw] = entry
        kind, token, name = entry
        if kind == _NUMBER:
            extend([token] * number_weight)
        elif kind == _WORD:
            append(token)
            if name is not None and not _sentence_initial(text, match.start()):
                extend([name] * (name_weight - 1))
    return tokens


# What one raw token contributes (the per-word part of event_tokens, cached: a corpus repeats
# its words, and lemmatising and stop-word checks dominated clustering time at 20k articles).
_SKIP, _NUMBER, _WORD = 0, 1, 2
_CACHE_SIZE = 500_000
_WORD_CACHE: dict[str, tuple[int, str, str | None]] = {}


def _classify(raw: str) -> tuple[int, str, str | None]:
    word = raw.rstrip("'’-.,")
    if not word:
        return _SKIP, "", None
    if word[0].isdigit():
        return _NUMBER, f"#{word.replace(',', '')}", None
    lower = word.lower()
    if lower in ENGLISH_STOP_WORDS or len(lower) < 2:
        return _SKIP, "", None
    name = f"@{lower}" if word[0].isupper() and word not in NOT_NAMES else None
    return _WORD, lemma(lower), name


def lemma(word: str) -> str:
    """A cheap English lemma of a lower-cased word: plural and verb suffixes stripped so that
    "shootings", "shooting" and "shoot" or "killed" and "kills" meet. Crude on purpose (no parser
    per article at clustering time); it only has to map inflections of one word together."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ings"):
        return word[:-4]
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        return word[:-2]
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _sentence_initial(text: str, offset: int) -> bool:
    before = text[max(0, offset - 3) : offset].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?:\n"


def article_document(article: Article, title_weight: int = 2) -> str:
    """The text clustering sees: title repeated, then the body (the lead matters most, so the
    body is capped: a long tail of related-news furniture would only add noise)."""
    title = article.title or ""
    body = article.text[:6000]
    return "\n".join([title] * title_weight + [body])


def tfidf_matrix(articles: Sequence[Article]) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows, one per article."""
    vectorizer = TfidfVectorizer(
        analyzer=event_tokens,
        sublinear_tf=True,
        min_df=1,
        max_df=0.5 if len(articles) > 20 else 1.0,
        norm="l2",
        dtype=np.float32,
    )
    docs = [article_document(a) for a in articles]
    try:
        return vectorizer.fit_transform(docs).tocsr()
    except ValueError:  # every document empty after tokenising
        return sparse.csr_matrix((len(articles), 1), dtype=np.float32)
