"""The seam for a corpus-level pass: lines a site repeats on every page (its template).

Per-page cleaning cannot tell "Follow us on Telegram for the latest updates." from a sentence of
the article; seeing the same line on many pages of one site can. ``SiteTemplates`` counts, per
site, in how many articles each line appears; ``lines(site)`` returns those seen often enough,
ready to pass to ``clean_plain_text(text, template_lines=...)`` or ``CleanStep(templates=...)``.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from storydesk.steps.clean.lines import normalise


class SiteTemplates:
    """Counts normalised lines per site across articles."""

    def __init__(self, min_articles: int = 3) -> None:
        self.min_articles = min_articles
        self._counts: dict[str, Counter[str]] = defaultdict(Counter)
        self._articles: Counter[str] = Counter()

    def observe(self, site: str, text: str) -> None:
        """Count each distinct line of one article of ``site`` once."""
        keys = {normalise(line) for line in text.splitlines() if line.strip()}
        self._counts[site].update(key for key in keys if key)
        self._articles[site] += 1

    def lines(self, site: str) -> frozenset[str]:
        """Normalised lines seen in at least ``min_articles`` articles of the site."""
        if self._articles[site] < self.min_articles:
            return frozenset()
        return frozenset(k for k, n in self._counts[site].items() if n >= self.min_articles)

    def as_mapping(self) -> dict[str, frozenset[str]]:
        """Template lines for every site observed, keyed by site."""
        return {site: self.lines(site) for site in self._counts}
