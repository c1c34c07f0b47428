"""``CleanStep``: raw article in, cleaned body text and metadata out."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from storydesk.errors import SkipArticle
from storydesk.model import Article
from storydesk.steps.base import ArticleStep
from storydesk.steps.clean.html import _host, extract_html
from storydesk.steps.clean.language import detect_language
from storydesk.steps.clean.plain import clean_plain_text


class CleanStep(ArticleStep):
    """Remove boilerplate and read metadata: HTML through ``extract_html``, text through
    ``clean_plain_text``. Metadata the reader already had (a JSONL record's title or date) wins
    over what cleaning finds.

    ``templates`` maps a site (the article's outlet) to normalised template lines found by a
    corpus-level pass (see ``SiteTemplates``); they are removed as "template".
    """

    name = "clean"
    needs = frozenset({"raw"})
    adds = frozenset({"text", "title", "published", "outlet", "language", "removed"})

    def __init__(self, templates: Mapping[str, Collection[str]] | None = None) -> None:
        self.templates = dict(templates or {})

    def process(self, article: Article) -> Article:
        if not article.raw or not article.raw.strip():
            raise SkipArticle("empty", "the article has no text")
        url = article.source if article.source.startswith(("http://", "https://")) else None
        if article.raw_format == "html":
            extraction = extract_html(article.raw, url=url)
            text, removed = extraction.text, extraction.removed
            title, published = extraction.title, extraction.published
            outlet, language = extraction.outlet, extraction.language
        else:
            template = self.templates.get(article.outlet or "", ())
            cleaned = clean_plain_text(article.raw, template_lines=template)
            text, removed = cleaned.text, cleaned.removed
            title, published, outlet, language = cleaned.title, cleaned.published, None, None
        if not text.strip():
            raise SkipArticle("no-body", "nothing is left after boilerplate removal")
        article.text = text
        article.removed = removed
        article.title = article.title or title
        article.published = article.published or published
        article.outlet = article.outlet or outlet or _host(url)
        article.language = article.language or language or detect_language(text)
        return article
