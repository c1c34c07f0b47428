"""Cleaning: boilerplate removal and metadata for plain text and HTML.

* ``clean_plain_text(text)`` — body versus furniture in text scraped from a page;
* ``extract_html(html, url)`` — trafilatura, with the plain-text cleaner as fallback;
* ``CleanStep`` — the pipeline step over ``Article.raw``;
* ``SiteTemplates`` — the seam for a corpus-level pass over lines a site repeats.
"""

from storydesk.steps.clean.html import HtmlExtraction, extract_html
from storydesk.steps.clean.language import detect_language
from storydesk.steps.clean.plain import CleanedText, clean_plain_text
from storydesk.steps.clean.step import CleanStep
from storydesk.steps.clean.template import SiteTemplates
from storydesk.steps.clean.visible import visible_text

__all__ = [
    "CleanStep",
    "CleanedText",
    "HtmlExtraction",
    "SiteTemplates",
    "clean_plain_text",
    "detect_language",
    "extract_html",
    "visible_text",
]
