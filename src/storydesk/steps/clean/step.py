"""``CleanStep``: raw article in, cleaned body text and metadata out."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from itertools import islice
from urllib.parse import urlparse

from storydesk.errors import SkipArticle
from storydesk.model import Article, Skipped, StepStats
from storydesk.steps.base import ArticleStep
from storydesk.steps.clean.html import _host, extract_html
from storydesk.steps.clean.language import detect_language
from storydesk.steps.clean.plain import clean_plain_text
from storydesk.steps.clean.substance import MIN_WORDS, has_substance
from storydesk.steps.clean.template import SiteTemplates

# Articles read ahead to learn site templates from: bounds memory on a long stream, and is far
# more than the few pages a template needs to show itself.
TEMPLATE_WINDOW = 2000


def site_of(article: Article) -> str | None:
    """The site an article comes from: its outlet, or the host of its URL; ``None`` if unknown
    (a local file with no outlet has no site, so no template is learned or applied to it)."""
    if article.outlet:
        return article.outlet.strip().lower() or None
    if article.source.startswith(("http://", "https://")):
        host = urlparse(article.source).hostname or ""
        return host.removeprefix("www.") or None
    return None


class CleanStep(ArticleStep):
    """Remove boilerplate and read metadata: HTML through ``extract_html``, text through
    ``clean_plain_text``. Metadata the reader already had (a JSONL record's title or date) wins
    over what cleaning finds.

    Before cleaning, a corpus-level pass (``learn_templates``, on by default) reads ahead up to
    ``TEMPLATE_WINDOW`` articles and counts the lines each site repeats across its plain-text
    pages (``SiteTemplates``); such lines are removed as "template". ``templates`` adds template
    lines known in advance, keyed by site (see ``site_of``).
    """

    name = "clean"
    needs = frozenset({"raw"})
    adds = frozenset({"text", "title", "published", "outlet", "language", "removed"})

    def __init__(
        self,
        templates: Mapping[str, Collection[str]] | None = None,
        learn_templates: bool = True,
        window: int = TEMPLATE_WINDOW,
    ) -> None:
        self.templates = {site: frozenset(lines) for site, lines in (templates or {}).items()}
        self.learn_templates = learn_templates
        self.window = max(1, window)
        self._learned: dict[str, frozenset[str]] = {}

    def run(
        self, articles: Iterable[Article], stats: StepStats, skipped: list[Skipped]
    ) -> Iterator[Article]:
        if not self.learn_templates:
            yield from super().run(articles, stats, skipped)
            return
        iterator = iter(articles)
        while batch := list(islice(iterator, self.window)):
            self._learned = learn_site_templates(batch)
            yield from super().run(batch, stats, skipped)
        self._learned = {}

    def template_lines(self, article: Article) -> frozenset[str]:
        """The template lines to remove from ``article``: given ones plus learned ones."""
        site = site_of(article)
        if site is None:
            return frozenset()
        return self.templates.get(site, frozenset()) | self._learned.get(site, frozenset())

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
            cleaned = clean_plain_text(article.raw, template_lines=self.template_lines(article))
            text, removed = cleaned.text, cleaned.removed
            title, published, outlet, language = cleaned.title, cleaned.published, None, None
        if not text.strip():
            raise SkipArticle("no-body", "nothing is left after boilerplate removal")
        if not has_substance(text):
            raise SkipArticle(
                "no-body",
                f"only fragments are left after boilerplate removal ({_preview(text)}); no line "
                f"has {MIN_WORDS} words or more outside a menu",
            )
        article.text = text
        article.removed = removed
        article.title = article.title or title
        article.published = article.published or published
        article.outlet = article.outlet or outlet or _host(url)
        article.language = article.language or language or detect_language(text)
        return article


def _preview(text: str, limit: int = 60) -> str:
    """The text on one line, quoted and cut to ``limit`` characters, for a skip reason."""
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= limit else flat[: limit - 1] + "…")


def learn_site_templates(
    articles: Iterable[Article], templates: SiteTemplates | None = None
) -> dict[str, frozenset[str]]:
    """Count the lines of every plain-text article per site; return each site's template lines.

    Articles whose site is unknown (``site_of``) are not counted: lines shared by unrelated
    local files are not a template.
    """
    templates = templates or SiteTemplates()
    for article in articles:
        site = site_of(article)
        if site and article.raw_format != "html" and article.raw:
            templates.observe(site, article.raw)
    return {site: lines for site, lines in templates.as_mapping().items() if lines}
