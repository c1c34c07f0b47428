"""Boilerplate removal for plain text scraped from a web page.

Each line is judged the way a reader judges it: by its words (furniture vocabulary, datelines,
bylines), by its shape (a sentence or a label), by its place (above the body, inside it, or in
the teaser lists at the tail) and by repetition (a caption that repeats a body sentence). Kept
lines are returned verbatim, joined by blank lines; every dropped line is kept in ``removed``
with its reason, so nothing disappears silently.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from storydesk.model import Removed
from storydesk.steps.clean.lines import Line, measure, normalise
from storydesk.steps.clean.metadata import parse_byline, parse_dateline, parse_translator
from storydesk.steps.clean.region import body_region, choose_title, comment_cut, tail_cut
from storydesk.steps.clean.vocab import CREDIT_SUFFIX, match_furniture

CAPTION_SIMILARITY = 80.0  # rapidfuzz token_set_ratio of a caption to the body sentence it repeats
_NEIGHBOUR_FURNITURE = frozenset({"caption", "credit", "share", "embed", "gallery"})
_SENTENCE = re.compile(r"(?<=[.!?…])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass(slots=True)
class CleanedText:
    """The body text, what was removed and why, and the metadata read off furniture lines."""

    text: str
    removed: list[Removed] = field(default_factory=list)
    title: str | None = None
    published: dt.date | None = None
    byline: str | None = None
    translator: str | None = None


def clean_plain_text(text: str, template_lines: Collection[str] = ()) -> CleanedText:
    """Split scraped page text into body and furniture.

    ``template_lines`` is the seam for a corpus-level pass: normalised lines (see
    ``lines.normalise``) known to repeat across articles of the same site are removed as
    "template" before anything else is judged.
    """
    lines: list[Line] = []
    removed_parts: list[tuple[int, Removed]] = []
    for raw in text.splitlines():
        stripped = raw.strip()
        if not stripped:
            continue
        index = len(lines)
        tail_at = max(0, len(stripped) - 100)  # a glued credit is short: search only the end
        suffix = CREDIT_SUFFIX.search(stripped, tail_at)
        if suffix and suffix.start("credit") > 20:
            # "… apparently fled.archivBild: keystone": keep the sentence, drop the glued credit.
            removed_parts.append((index, Removed(suffix.group("credit").strip(), "credit")))
            stripped = stripped[: suffix.start("credit")].rstrip()
        lines.append(measure(index, stripped))

    result = CleanedText(text="")
    _classify_by_words(lines, template_lines, result)
    region = body_region(lines)
    start, end = region if region else (0, len(lines))
    _mark_repeats(lines, start, end)
    cut = comment_cut(lines, start, end)
    for line in lines[cut:end]:
        line.reason = line.reason or "comment"
    end = cut
    cut = tail_cut(lines, start, end)
    for line in lines[cut:end]:
        line.reason = line.reason or "teaser"
    end = cut
    _judge_body_lines(lines, start, end)

    title_index = choose_title(lines, start)
    if title_index is not None:
        result.title = lines[title_index].text
        title_key = normalise(result.title)
        for line in lines:
            if normalise(line.text) == title_key:
                line.reason = "title"
    for line in lines[:start]:
        line.reason = line.reason or "navigation"
    for line in lines[end:]:
        line.reason = line.reason or ("teaser" if line.headline_like and line.words >= 4 else "boilerplate")

    if result.published is None:
        result.published = next(
            (line.date for line in lines[:end] if line.reason == "dateline" and line.date), None
        )
    extra = dict(removed_parts)
    kept: list[str] = []
    for line in lines:
        if line.reason:
            result.removed.append(Removed(line.text, line.reason))
        else:
            kept.append(line.text)
        if line.index in extra:
            result.removed.append(extra[line.index])
    result.text = "\n\n".join(kept)
    return result


def _classify_by_words(
    lines: list[Line], template_lines: Collection[str], result: CleanedText
) -> None:
    """Vocabulary, datelines, bylines and translator credits: furniture a reader knows by its words."""
    for line in lines:
        if template_lines and normalise(line.text) in template_lines:
            line.reason = "template"
            continue
        hit = match_furniture(line.text)
        if hit:
            line.reason, line.teaser_heading = hit.reason, hit.teaser_heading
            line.comment_heading = hit.comment_heading or hit.reason == "comment"
            if hit.reason == "metadata" and result.translator is None:
                result.translator = parse_translator(line.text)
            continue
        if line.words <= 16:
            date = parse_dateline(line.text)
            if date:
                line.reason = "dateline"
                line.date = date
                continue
            byline = parse_byline(line.text)
            if byline:
                line.reason = "byline"
                result.byline = result.byline or byline


def _mark_repeats(lines: list[Line], start: int, end: int) -> None:
    """Inside the body, a short line also seen outside it is site chrome (a section label); a
    long line seen twice is kept once. Short lines repeated only inside the body are structure
    (the same subheading under each part of a list) and stay."""
    outside = {normalise(line.text) for line in lines[:start] + lines[end:]}
    seen: set[str] = set()
    for line in lines[start:end]:
        key = normalise(line.text)
        if line.reason or not key:
            continue
        if line.words < 12 and not line.prose:
            if key in outside:
                line.reason = "repeated"
        elif key in seen:
            line.reason = "repeated"
        seen.add(key)


def _judge_body_lines(lines: list[Line], start: int, end: int) -> None:
    """Inside the body: captions, truncated teasers and the headlines above them."""
    body = [line for line in lines[start:end] if line.prose and not line.reason]
    sentences = [
        (line.index, s) for line in body for s in _SENTENCE.split(line.text) if len(s.split()) >= 5
    ]
    for i in range(start, end):
        line = lines[i]
        if line.reason:
            continue
        if line.dangling:
            line.reason = "teaser"
            previous = lines[i - 1] if i > start else None
            if previous and not previous.reason and previous.headline_like and not previous.prose:
                previous.reason = "teaser"
            continue
        if line.prose and line.terminal:
            if line.words <= 30 and _repeats_longer_line(line, body):
                line.reason = "caption"  # a pull quote or caption copied from the body
            continue
        if line.words < 6:
            continue  # a subheading
        if _next_to_furniture(lines, i, start, end) or _repeats_sentence(line, sentences):
            line.reason = "caption"


def _next_to_furniture(lines: list[Line], i: int, start: int, end: int) -> bool:
    neighbours = [lines[j] for j in (i - 1, i + 1) if start <= j < end]
    return any(n.reason in _NEIGHBOUR_FURNITURE for n in neighbours)


def _repeats_sentence(line: Line, sentences: list[tuple[int, str]]) -> bool:
    return any(
        index != line.index and fuzz.token_set_ratio(line.text, s) >= CAPTION_SIMILARITY
        for index, s in sentences
    )


def _repeats_longer_line(line: Line, body: list[Line]) -> bool:
    return any(
        other is not line
        and other.words > line.words + 5
        and fuzz.partial_ratio(line.text, other.text) >= 95
        for other in body
    )
