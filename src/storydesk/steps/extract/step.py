"""The extract step: one spaCy pass per article, then sentences, entities, quantities, dates,
attributions and verification flags as views (character offsets) into ``Article.text``."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from storydesk.errors import SkipArticle
from storydesk.model import Article, Skipped, Span, StepStats
from storydesk.steps.base import ArticleStep
from storydesk.steps.extract.attributions import find_attributions
from storydesk.steps.extract.dates import find_dates
from storydesk.steps.extract.flags import find_flags
from storydesk.steps.extract.quantities import find_quantities

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["SpacyExtractor"]

log = logging.getLogger(__name__)


class SpacyExtractor(ArticleStep):
    """Annotate each article with one spaCy pass.

    ``n_process`` > 1 parses in worker processes (spaCy sends the parsed ``Doc`` back to this
    process, where the annotators run). Texts longer than ``max_chars`` (default: the model's
    ``max_length``) are analysed up to that point only; ``truncated`` counts them and each is
    logged. An empty text is skipped with reason ``empty``.
    """

    name = "extract"
    needs = frozenset({"text"})
    adds = frozenset({"sentences", "entities", "quantities", "dates", "attributions", "flags"})

    def __init__(
        self,
        nlp: Language | None = None,
        n_process: int = 1,
        batch_size: int = 32,
        max_chars: int | None = None,
        parallel_from: int | None = None,
    ) -> None:
        self._nlp = nlp
        self.n_process = max(1, int(n_process))
        # From this many articles on, the executor's cores are used (each worker process loads
        # the model, ~2 s, so small runs are faster in one process). None: keep n_process.
        self.parallel_from = parallel_from
        self.batch_size = max(1, int(batch_size))
        self.max_chars = max_chars
        self.truncated = 0

    def configure(self, *, workers: int, total: int | None) -> None:
        if self.parallel_from is not None and total is not None:
            self.n_process = workers if total >= self.parallel_from else 1

    def __repr__(self) -> str:
        return f"SpacyExtractor(n_process={self.n_process}, batch_size={self.batch_size})"

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from storydesk.nlp import load_nlp

            self._nlp = load_nlp()
        return self._nlp

    def process(self, article: Article) -> Article:
        """Annotate one article (``run`` batches; this is for single use and tests)."""
        text = self._text_for(article)
        return self.annotate(article, self.nlp(text))

    def run(
        self, articles: Iterable[Article], stats: StepStats, skipped: list[Skipped]
    ) -> Iterator[Article]:
        pending: dict[int, Article] = {}

        def texts() -> Iterator[tuple[str, int]]:
            # Runs lazily inside nlp.pipe: bad articles are counted and left out here, and only
            # an index crosses to the worker processes (the Article stays in this process).
            for index, article in enumerate(articles):
                stats.read += 1
                try:
                    text = self._text_for(article)
                except SkipArticle as skip:
                    self.record_skip(article, skip, stats, skipped)
                    continue
                pending[index] = article
                yield text, index

        docs = self.nlp.pipe(
            texts(), as_tuples=True, batch_size=self.batch_size, n_process=self.n_process
        )
        for doc, index in docs:
            article = pending.pop(index)
            stats.kept += 1
            yield self.annotate(article, doc)

    def annotate(self, article: Article, doc: Doc) -> Article:
        """Fill ``article``'s annotations from ``doc`` (parsed from a prefix of its text)."""
        article.sentences = [Span(s.start_char, s.end_char) for s in doc.sents]
        article.entities = [Span(e.start_char, e.end_char, e.label_) for e in doc.ents]
        article.quantities = _safely(find_quantities, doc, article)
        article.dates = _safely(lambda d: find_dates(d, article.published), doc, article)
        article.attributions = _safely(find_attributions, doc, article)
        article.flags = _safely(find_flags, doc, article)
        return article

    def _text_for(self, article: Article) -> str:
        text = article.text if isinstance(article.text, str) else ""
        if not text.strip():
            raise SkipArticle("empty", "the cleaned text is empty; nothing to extract")
        limit = self.max_chars or self.nlp.max_length
        if len(text) <= limit:
            return text
        # Cut at a paragraph or word break so the last sentence is not split mid-word.
        cut = max(text.rfind("\n", 0, limit), text.rfind(" ", 0, limit))
        cut = cut if cut > limit // 2 else limit
        self.truncated += 1
        log.warning(
            "article %s: text has %d characters, only the first %d are analysed "
            "(raise max_chars or nlp.max_length to analyse more)", article.id, len(text), cut,
        )
        return text[:cut]


def _safely(annotator: Callable[[Doc], list[Any]], doc: Doc, article: Article) -> list[Any]:
    """Run one annotator; a bug in one must not lose the article's other annotations."""
    try:
        return annotator(doc)
    except Exception:  # noqa: BLE001 - logged with the traceback, the run goes on
        log.exception("article %s: %s failed; left empty", article.id,
                      getattr(annotator, "__name__", "annotator"))
        return []
