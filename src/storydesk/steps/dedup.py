"""Duplicate and near-duplicate articles: syndicated copies, re-posts, lightly edited rewrites.

Exact duplicates share a hash of their normalised text; near duplicates are found with MinHash
LSH (datasketch) over word 5-shingles, at a Jaccard similarity threshold. Among each group the
earliest-published article (then the first seen) is the original; every other one gets
``duplicate_of`` = the original's id. Articles are marked, never dropped: the dossier shows them.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
from typing import TYPE_CHECKING

from storydesk.model import Article, StepStats
from storydesk.steps.base import Corpus, CorpusStep

if TYPE_CHECKING:
    from datasketch import MinHash, MinHashLSH

log = logging.getLogger(__name__)
_WORD = re.compile(r"\w+", re.UNICODE)


def normalised_words(text: str) -> list[str]:
    """Lower-cased words, punctuation and spacing ignored: what "the same text" means here."""
    return _WORD.findall(text.lower())


def shingles(words: list[str], size: int = 5) -> set[str]:
    """Word n-grams; a text shorter than ``size`` words is one shingle."""
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


class DuplicateMarker(CorpusStep):
    """Mark exact and near duplicates with ``duplicate_of``.

    ``threshold`` is the Jaccard similarity of word 5-shingle sets above which two articles are
    near duplicates; ``num_perm`` the number of MinHash permutations (precision of the estimate).
    """

    name = "dedup"
    needs = frozenset({"text"})
    adds = frozenset({"duplicate_of"})

    def __init__(self, threshold: float = 0.8, num_perm: int = 128, shingle_size: int = 5) -> None:
        if not 0.0 < threshold <= 1.0:
            from storydesk.errors import ConfigError

            raise ConfigError(
                f"dedup threshold must be in (0, 1], got {threshold}",
                hint="use e.g. 0.8 for near duplicates, 1.0 for exact copies only",
            )
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_size = shingle_size

    def run_corpus(self, corpus: Corpus, stats: StepStats) -> Corpus:
        from datasketch import MinHash, MinHashLSH

        # Originals first: earliest published, undated last, then the order they were read.
        order = sorted(
            range(len(corpus.articles)),
            key=lambda i: (corpus.articles[i].published or dt.date.max, i),
        )
        by_hash: dict[str, str] = {}
        lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm)
        signatures: dict[str, tuple[MinHash, set[str]]] = {}
        for i in order:
            article = corpus.articles[i]
            stats.read += 1
            article.duplicate_of = None
            words = normalised_words(article.text)
            if not words:
                stats.kept += 1
                continue
            digest = hashlib.sha1(" ".join(words).encode()).hexdigest()
            if digest in by_hash:
                self._mark(article, by_hash[digest], stats, "exact")
                continue
            grams = shingles(words, self.shingle_size)
            signature = MinHash(num_perm=self.num_perm)
            signature.update_batch([g.encode() for g in grams])
            original = self._near_original(signature, grams, lsh, signatures)
            if original:
                self._mark(article, original, stats, "near")
                continue
            by_hash[digest] = article.id
            lsh.insert(article.id, signature)
            signatures[article.id] = (signature, grams)
            stats.kept += 1
        return corpus

    def _near_original(
        self,
        signature: MinHash,
        grams: set[str],
        lsh: MinHashLSH,
        signatures: dict[str, tuple[MinHash, set[str]]],
    ) -> str | None:
        """The earliest inserted original whose true Jaccard similarity passes the threshold.

        LSH only proposes candidates; the exact shingle Jaccard confirms them, so a MinHash
        estimation error cannot mark a distinct article as a copy."""
        best: tuple[float, str] | None = None
        for candidate in lsh.query(signature):
            _, other = signatures[candidate]
            jaccard = len(grams & other) / len(grams | other)
            if jaccard >= self.threshold and (best is None or jaccard > best[0]):
                best = (jaccard, candidate)
        return best[1] if best else None

    @staticmethod
    def _mark(article: Article, original: str, stats: StepStats, kind: str) -> None:
        # Marked, not dropped: the article stays in the corpus and the dossier.
        article.duplicate_of = original
        stats.kept += 1
        log.info("%s is a%s duplicate of %s", article.id, "n exact" if kind == "exact" else " near", original)
