"""Boilerplate removal for plain text scraped from a web page.

Each line is judged the way a reader judges it: by its words (furniture vocabulary, datelines,
bylines), by its shape (a sentence or a label), by its place (above the body, inside it, or in
the teaser lists at the tail) and by repetition (a caption that repeats a body sentence). Kept
lines are returned verbatim, joined by blank lines; every dropped line is kept in ``removed``
with its reason, so nothing disappears silently.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Collection
from dataclasses import dataclass, field
from itertools import compress, count, repeat
from operator import attrgetter, contains

import numpy as np

from storydesk.model import Removed
from storydesk.steps.clean.cards import glued_card
from storydesk.steps.clean.comments import thread_cut
from storydesk.steps.clean.dated_cards import dated_cards_cut
from storydesk.steps.clean.excerpts import mark_excerpts, mark_link_boxes
from storydesk.steps.clean.facts import LineFacts, build_lines
from storydesk.steps.clean.joins import split_run_together
from storydesk.steps.clean.line_features import FEATURE_NAMES, PageLayout, line_features
from storydesk.steps.clean.line_model import LineModel, load_line_model
from storydesk.steps.clean.lines import Line, normalise
from storydesk.steps.clean.list_vote import introduced_lists, vote_lists
from storydesk.steps.clean.page_choice import confidence_floor, page_confidence
from storydesk.steps.clean.recommend import recommendation_cut
from storydesk.steps.clean.region import body_bounds, choose_title, comment_cut, tail_cut
from storydesk.steps.clean.repeats import BodySentences
from storydesk.steps.clean.sections import structural_repeats
from storydesk.steps.clean.tags import tags_cut
from storydesk.steps.clean.unwrap import unwrap_lines
from storydesk.steps.clean.vocab import CREDIT_SUFFIX

_NEIGHBOUR_FURNITURE = frozenset({"caption", "credit", "share", "embed", "gallery"})
_RULE_REMOVED = FEATURE_NAMES.index("rule_removed")  # 0.0 exactly where a line has no reason
_WORDS = attrgetter("words")


@dataclass(slots=True)
class CleanedText:
    """The body text, what was removed and why, and the metadata read off furniture lines."""

    text: str
    removed: list[Removed] = field(default_factory=list)
    title: str | None = None
    published: dt.date | None = None
    byline: str | None = None
    translator: str | None = None


# Rule verdicts the model never overrides: metadata lines a reader never counts as the article,
# embeds (the product removes them, though some gold bodies keep tweets), site templates.
HARD_REASONS = frozenset(
    {"title", "dateline", "byline", "metadata", "reading-time", "ai-note", "template", "embed",
     "caption"}
)  # fmt: skip
# Furniture known by its words alone is final too: on aeb, lines the vocabulary calls share,
# advertisement, comment, cookie notice, gallery, credit or teaser are body in 4 of 1,380 cases.
# So is a line that is wholly a known furniture phrase ("Menu", "Exit mobile version"). Other
# navigation cues (a bare URL) and caption cues are left to the model: those do occur in bodies.
HARD_WORD_REASONS = frozenset(
    {"share", "advertisement", "comment", "cookie-notice", "gallery", "credit", "teaser"}
)


@dataclass(slots=True)
class PageAnalysis:
    """The rule pass over one page: its lines with their rule verdicts, and what it read."""

    layout: PageLayout
    result: CleanedText
    glued: dict[int, Removed]  # credits cut off the end of a line, by line index


def analyse_page(text: str, template_lines: Collection[str] = ()) -> PageAnalysis:
    """Split ``text`` into lines and judge each by rules alone (words, shape, place, repeats).

    ``lines[i].reason`` is the rule verdict (``None``: body); the metadata found on the way
    (title, date, byline, translator) is in ``result``. ``clean_plain_text`` then lets the
    learned model have the last word on every line whose reason is not in ``HARD_REASONS``.
    """
    texts = list(filter(None, map(str.strip, text.splitlines())))
    glued: dict[int, Removed] = {}
    # A glued credit holds a colon: most lines have none and skip the search (found in C).
    for index in compress(count(), map(contains, texts, repeat(":"))):
        stripped = texts[index]
        tail_at = max(0, len(stripped) - 100)  # a glued credit is short: search only the end
        suffix = CREDIT_SUFFIX.search(stripped, tail_at) if ":" in stripped[tail_at:] else None
        if suffix and suffix.start("credit") > 20:
            # "… apparently fled.archivBild: keystone": keep the sentence, drop the glued credit.
            glued[index] = Removed(suffix.group("credit").strip(), "credit")
            texts[index] = stripped[: suffix.start("credit")].rstrip()
    lines, facts = build_lines(texts)  # after the word rules

    result = CleanedText(text="")
    _classify_by_words(lines, facts, template_lines, result)
    word_reasons = [line.reason for line in lines]
    bounds = body_bounds(lines)
    (start, end), valley_at = bounds if bounds else ((0, len(lines)), len(lines))
    structure = structural_repeats(lines, start, end)
    _mark_repeats(lines, start, end, structure)
    # A thread printed without a heading a reader's eye needs: names over time stamps.
    comment_at = thread_cut(lines, start, comment_cut(lines, start, end))
    for line in lines[comment_at:end]:
        line.reason = line.reason or "comment"
    tail_at = min(
        tail_cut(lines, start, comment_at),
        recommendation_cut(lines, start, comment_at),
        tags_cut(lines, start, comment_at),  # "Tags: …" under the article
        dated_cards_cut(lines, start, comment_at),  # other stories' cards, each with its date
        valley_at,  # a long stretch of site chrome below it (see ``valley``)
    )
    for line in lines[tail_at:comment_at]:
        line.reason = line.reason or "teaser"
    _judge_body_lines(lines, start, tail_at, structure)
    mark_excerpts(lines, start, tail_at)  # cut-off excerpts of other stories
    mark_link_boxes(lines, start, tail_at)  # the headlines under an inline "Related" heading

    title_index = choose_title(lines, start)
    if title_index is not None:
        result.title = lines[title_index].text
        title_key = normalise(result.title)
        for line in lines:
            if line.key == title_key:
                line.reason = "title"
    for line in lines[:start]:
        line.reason = line.reason or "navigation"
    for line in lines[tail_at:]:
        line.reason = line.reason or ("teaser" if line.headline_like and line.words >= 4 else "boilerplate")
    result.published = next(
        (line.date for line in lines[:tail_at] if line.reason == "dateline" and line.date), None
    )
    layout = PageLayout(lines, word_reasons, (start, end), comment_at, tail_at)
    return PageAnalysis(layout, result, glued)


def clean_plain_text(
    text: str,
    template_lines: Collection[str] = (),
    model: LineModel | None | bool = True,
    repair_joins: bool = True,
) -> CleanedText:
    """Split scraped page text into body and furniture.

    Rules judge every line first (see ``analyse_page``); then the learned line model
    (``line_model.json``, or ``model`` when one is passed) decides body or not for every line
    the rules did not mark as metadata, using the rule verdicts as part of its evidence.
    ``model=False`` keeps the rule verdicts alone. ``repair_joins`` splits link texts the
    scrape glued to the next word in kept lines ("Newsweekreferring", see ``joins``).

    ``template_lines`` is the seam for a corpus-level pass: normalised lines (see
    ``lines.normalise``) known to repeat across articles of the same site are removed as
    "template" before anything else is judged.
    """
    page = analyse_page(unwrap_lines(text), template_lines)  # hard-wrapped paragraphs joined
    lines, result = page.layout.lines, page.result
    if model is True:
        model = load_line_model()
    if isinstance(model, LineModel) and lines:
        free = model_decides(page.layout)
        free_mask = np.array(free, dtype=bool)
        features = line_features(page.layout)
        # Only the lines the model decides are scored (the trees are most of the model's cost).
        rows = np.flatnonzero(free_mask)
        probability = np.zeros(len(lines))
        probability[rows] = model.probability(features[rows])
        keep_mask = (probability >= model.threshold) & free_mask
        # A page where the model keeps nothing the rules kept (a short note, or a page where it
        # keeps only menu or tag lines the rules removed) keeps the rules' body; so does a page
        # where the model is unsure of what it keeps (see ``page_choice``).
        rule_body = features[:, _RULE_REMOVED] == 0  # the lines without a rule reason
        words = np.fromiter(map(_WORDS, lines), dtype=float, count=len(lines))
        sure = page_confidence(probability, words, keep_mask) >= confidence_floor(model.meta)
        kept_rule_body = bool(np.any(keep_mask & rule_body))
        # The items of one list inside the body take one verdict (see ``list_vote``).
        voted = vote_lists(page.layout, free, probability, keep_mask)
        keep = introduced_lists(page.layout, free, voted).tolist()
        if sure and (kept_rule_body or not rule_body.any()):
            for line, body, decide in zip(lines, keep, free, strict=True):
                if decide:
                    line.reason = None if body else (
                        line.reason or _positional_reason(page.layout, line)
                    )
    kept: list[str] = []
    for line in lines:
        if line.reason:
            result.removed.append(Removed(line.text, _shown_reason(page.layout, line)))
        else:
            kept.append(split_run_together(line.text) if repair_joins else line.text)
        if line.index in page.glued:
            result.removed.append(page.glued[line.index])
    result.text = "\n\n".join(kept)
    return result


def model_decides(layout: PageLayout) -> list[bool]:
    """Per line: whether the learned model has the last word on it (see ``HARD_REASONS``)."""
    lines = layout.lines
    free = [
        line.reason not in HARD_REASONS
        and word not in HARD_WORD_REASONS
        and not line.furniture_phrase
        for line, word in zip(lines, layout.word_reasons, strict=True)
    ]
    # A teaser cut off mid-sentence ("… has sent 10,000 soldiers to") and the headline above it.
    for i, line in enumerate(lines):
        if line.reason == "teaser" and line.dangling:
            free[i] = False
            if i and lines[i - 1].reason == "teaser":
                free[i - 1] = False
    return free


def _shown_reason(layout: PageLayout, line: Line) -> str:
    """The reason the dossier gives for a removed line: running text above the body that the
    rules call "navigation" by its place is a standfirst (the summary under a headline). The
    rules and the model keep "navigation" as their evidence; only the name shown changes."""
    reason = line.reason or "boilerplate"
    if reason == "navigation" and line.prose and line.index < layout.region[0]:
        return "standfirst"
    return reason


def _positional_reason(layout: PageLayout, line: Line) -> str:
    """A reason for a line the model removed that no rule named: what its place suggests."""
    start, _ = layout.region
    if line.index < start:
        return "navigation"
    if line.index >= layout.tail_at:
        return "teaser" if line.headline_like and line.words >= 4 else "boilerplate"
    return "caption" if line.words >= 6 else "boilerplate"


def _classify_by_words(
    lines: list[Line], facts: list[LineFacts], template_lines: Collection[str], result: CleanedText
) -> None:
    """Vocabulary, datelines, bylines and translator credits: furniture a reader knows by its
    words. The lines come with those verdicts (``facts.build_lines``); site templates override
    them, and the first translator and byline named are the page's."""
    named = facts
    if template_lines:
        named = []
        for line, fact in zip(lines, facts, strict=True):
            if line.key in template_lines:
                line.reason, line.date = "template", None
                line.teaser_heading = line.comment_heading = line.furniture_phrase = False
            else:
                named.append(fact)  # a template's names are the site's, not the page's
    if result.translator is None:
        result.translator = next(filter(None, map(_TRANSLATOR, named)), None)
    if result.byline is None:
        result.byline = next(filter(None, map(_BYLINE, named)), None)
    for line in lines:
        if line.reason is None and line.prose and glued_card(line.text):
            # A headline glued to its summary: another story's card, known by its shape alone
            # (a word verdict: out of the body region's weight, and final, see ``cards``).
            line.reason = "teaser"


_TRANSLATOR = attrgetter("translator")
_BYLINE = attrgetter("byline")


def _mark_repeats(lines: list[Line], start: int, end: int, structure: set[int]) -> None:
    """Inside the body, a short line also seen outside it is site chrome (a section label); a
    long line seen twice is kept once, unless it recurs as the body's structure (``sections``).
    Short lines repeated only inside the body are structure (the same subheading under each part
    of a list) and stay."""
    outside = {line.key for line in lines[:start] + lines[end:]}
    seen: set[str] = set()
    for line in lines[start:end]:
        key = line.key
        if line.reason or not key:
            continue
        if line.words < 12 and not line.prose:
            if key in outside:
                line.reason = "repeated"
        elif key in seen and line.index not in structure:
            line.reason = "repeated"
        seen.add(key)


def _judge_body_lines(lines: list[Line], start: int, end: int, structure: set[int]) -> None:
    """Inside the body: captions, truncated teasers and the headlines above them. A line that
    recurs as the body's structure (``sections``) is no caption: a caption is said once."""
    body = [line for line in lines[start:end] if line.prose and not line.reason]
    longer = _LongerLines(body)
    # The lines the caption check may be asked about: the loop below only adds reasons, so a
    # line it reaches the check with passes every test below already (their bounds are
    # computed together, see ``repeats.BodySentences``).
    asked = [
        line
        for line in lines[start:end]
        if not line.reason
        and line.words >= 6
        and not line.dangling
        and not (line.prose and line.terminal)
        and line.index not in structure
        and not _next_to_furniture(lines, line.index, start, end)
    ]
    sentences = BodySentences(body, asked)
    for i in range(start, end):
        line = lines[i]
        if line.reason or i in structure:
            continue
        if line.dangling:
            line.reason = "teaser"
            previous = lines[i - 1] if i > start else None
            if previous and not previous.reason and previous.headline_like and not previous.prose:
                previous.reason = "teaser"
            continue
        if line.prose and line.terminal:
            if line.words <= 30 and longer.contains(line):
                line.reason = "caption"  # a pull quote or caption copied from the body
            continue
        if line.words < 6:
            continue  # a subheading
        if _next_to_furniture(lines, i, start, end) or sentences.repeated_by(line):
            line.reason = "caption"


def _next_to_furniture(lines: list[Line], i: int, start: int, end: int) -> bool:
    neighbours = [lines[j] for j in (i - 1, i + 1) if start <= j < end]
    return any(n.reason in _NEIGHBOUR_FURNITURE for n in neighbours)


class _LongerLines:
    """The keys of the body lines, longest first, in one string: "is this short line's key
    inside a body line more than five words longer?" is one bounded ``str.find``."""

    def __init__(self, body: list[Line]) -> None:
        ordered = sorted(body, key=lambda line: -line.words)
        self._negated_words = [-line.words for line in ordered]
        # Keys hold only word characters and single spaces: a match cannot span the separator.
        self._ends: list[int] = []
        end = 0
        for line in ordered:
            end += len(line.key) + 1
            self._ends.append(end)
        self._joined = "\n".join(line.key for line in ordered) + "\n"

    def contains(self, line: Line) -> bool:
        """A short line whose words all reappear, in order, inside a longer body line."""
        key = line.key
        # Lines with more than ``line.words + 5`` words form a prefix of the ordering.
        count = bisect_left(self._negated_words, -(line.words + 5))
        return bool(key) and count > 0 and self._joined.find(key, 0, self._ends[count - 1]) >= 0
