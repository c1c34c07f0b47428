"""The corpus-level pass: lines a site repeats on every page (its template).

Per-page cleaning cannot tell "Follow us on Telegram for the latest updates." from a sentence of
the article; seeing the same line on many pages of one site can. ``SiteTemplates`` counts, per
site, in how many articles each line appears; ``lines(site)`` returns those seen often enough,
ready to pass to ``clean_plain_text(text, template_lines=...)`` or ``CleanStep(templates=...)``.

A line is template when it appears in at least ``min_articles`` articles of the site *and* in at
least ``min_share`` of them: several updates of one story share paragraphs, but not with most of
the site's other articles. Long lines (more than ``max_words`` words) are never template: site
furniture is short, and a long paragraph seen on several pages is more likely a story re-run.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from storydesk.steps.clean.lines import normalise


class SiteTemplates:
    """Counts normalised lines per site across articles."""

    def __init__(self, min_articles: int = 3, min_share: float = 0.2, max_words: int = 40) -> None:
        self.min_articles = min_articles
        self.min_share = min_share
        self.max_words = max_words
        self._counts: dict[str, Counter[str]] = defaultdict(Counter)
        self._articles: Counter[str] = Counter()

    def observe(self, site: str, text: str) -> None:
        """Count each distinct line of one article of ``site`` once."""
        keys = {normalise(line) for line in text.splitlines() if line.strip()}
        self._counts[site].update(k for k in keys if k and k.count(" ") < self.max_words)
        self._articles[site] += 1

    def articles(self, site: str) -> int:
        """How many articles of ``site`` were observed."""
        return self._articles[site]

    def lines(self, site: str) -> frozenset[str]:
        """Normalised lines seen in enough articles of the site (see the module docstring)."""
        seen = self._articles[site]
        if seen < self.min_articles:
            return frozenset()
        need = max(self.min_articles, self.min_share * seen)
        return frozenset(k for k, n in self._counts[site].items() if n >= need)

    def as_mapping(self) -> dict[str, frozenset[str]]:
        """Template lines for every site observed, keyed by site."""
        return {site: self.lines(site) for site in self._counts}
