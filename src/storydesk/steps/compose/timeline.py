"""The story's timeline: what happened when, from dates the articles state, plus when each
article was published.

Only resolved dates make an entry: an expression that could not be resolved safely is left out,
never guessed. The entry text is the sentence that carries the date, trimmed to a readable length
but always the article's exact words, so it can be found again. One event that several outlets
report (same date, similar words) is one entry citing all of them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from storydesk.model import Article, DateMention, Span, Story, TimelineEntry
from storydesk.steps.base import StoryStep
from storydesk.steps.provenance.graph import outlet_name

MAX_TEXT_CHARS = 220
MERGE_SIMILARITY = 60.0  # rapidfuzz token_set_ratio over content words
_SENTENCE_END = re.compile(r"(?<=[.!?])([\"”’)\]]*)\s+(?=[\"“‘(\[]?[A-Z0-9])|\n+")
# A full stop after one of these ends an abbreviation, not a sentence.
ABBREVIATION_END = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt"
    r"|Col|No|Inc|Corp|Jr|Sr|U\.S|[A-Z])\.$"
)
_CLAUSE_BREAK = re.compile(r"[,;:]\s+|\s+[—–-]\s+")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_MIN_EVENT_WORDS = 3
_EMBED = re.compile(r"https?://|www\.|pic\.twitter|\(@\w+\)")
COMMON_SHARE = 0.8  # a word in this share of a story's articles (3 or more) is story vocabulary  # a bare dateline ("October 15, 2024 8:20 PM") is not an event


def sentence_spans(article: Article) -> list[Span]:
    """The article's sentences: the extract stage's, else a plain punctuation split."""
    text = article.text or ""
    valid = [s for s in article.sentences if 0 <= s.start < s.end <= len(text)]
    if valid:
        # A sentence never runs across lines: a heading or caption glued to the next sentence by
        # the splitter is its own piece.
        return [line for span in valid for line in _lines(text, span)]
    spans: list[Span] = []
    start = 0
    for match in [*_SENTENCE_END.finditer(text), None]:
        # A closing quote or bracket after the full stop belongs to the sentence.
        end = match.start() + len(match.group(1) or "") if match else len(text)
        if match and "\n" not in match.group() and ABBREVIATION_END.search(text[start:end]):
            continue  # "on Oct. 15": not the end of a sentence
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            offset = start + piece.index(stripped)
            spans.append(Span(offset, offset + len(stripped)))
        if match:
            start = match.end()
    return spans


def _lines(text: str, span: Span) -> list[Span]:
    pieces: list[Span] = []
    offset = span.start
    for line in text[span.start : span.end].split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped)
            pieces.append(Span(start, start + len(stripped)))
        offset += len(line) + 1
    return pieces


def sentence_at(article: Article, offset: int) -> Span | None:
    """The sentence containing character ``offset``."""
    for span in sentence_spans(article):
        if span.start <= offset < span.end:
            return span
    return None


def trim_span(text: str, sentence: Span, focus: Span, limit: int = MAX_TEXT_CHARS) -> Span:
    """A part of ``sentence`` at most ``limit`` characters long that contains ``focus``: whole
    clauses where possible, else whole words. Offsets stay in ``text``, so the words are exact."""
    if len(sentence) <= limit:
        return sentence
    chunk = text[sentence.start : sentence.end]
    cuts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(chunk)] + [len(chunk)]
    clauses = [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1) if cuts[i] < cuts[i + 1]]
    lo = max(focus.start - sentence.start, 0)
    hi = min(focus.end - sentence.start, len(chunk))
    first = next((i for i, (_, e) in enumerate(clauses) if e > lo), 0)
    last = next((i for i, (_, e) in enumerate(clauses) if e >= hi), len(clauses) - 1)
    start, end = clauses[first][0], clauses[last][1]
    while end - start <= limit:
        grown = False
        if last + 1 < len(clauses) and clauses[last + 1][1] - start <= limit:
            last += 1
            end = clauses[last][1]
            grown = True
        if first > 0 and end - clauses[first - 1][0] <= limit:
            first -= 1
            start = clauses[first][0]
            grown = True
        if not grown:
            break
    if end - start > limit:
        # One clause is too long: a window of whole words around the focus.
        start = max(lo - limit // 2, 0)
        end = min(start + limit, len(chunk))
        start = max(end - limit, 0)
        while 0 < start < lo and not chunk[start - 1].isspace():
            start += 1
        while hi < end < len(chunk) and not chunk[end].isspace():
            end -= 1
    piece = chunk[start:end]
    stripped = piece.strip().rstrip(",;:—–-").rstrip()
    offset = start + piece.index(stripped) if stripped else start
    return Span(sentence.start + offset, sentence.start + offset + len(stripped))


def iso_date(mention: DateMention) -> str | None:
    """The mention's date in ISO form at its granularity (YYYY-MM-DD, YYYY-MM or YYYY)."""
    value = mention.resolved
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        return None
    if mention.granularity == "year":
        return f"{value.year:04d}"
    if mention.granularity == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def content_words(text: str) -> str:
    """Lower-case words of ``text`` without stop words, for comparing what two texts say."""
    return " ".join(
        w for w in (m.group().lower() for m in _WORD.finditer(text)) if w not in ENGLISH_STOP_WORDS
    )


@dataclass(slots=True)
class _Entry:
    date: str
    text: str
    compare: str  # content words, date words removed
    article_ids: list[str]
    publication: bool
    order: int


class TimelineBuilder(StoryStep):
    """Fill ``story.timeline`` from resolved dates and publication dates, sorted by date."""

    name = "timeline"
    needs = frozenset({"dates"})
    adds = frozenset({"story.timeline"})

    def __init__(
        self, max_chars: int = MAX_TEXT_CHARS, similarity: float = MERGE_SIMILARITY
    ) -> None:
        self.max_chars = max_chars
        self.similarity = similarity

    def run_story(self, story: Story, articles: dict[str, Article]) -> Story:
        found: list[_Entry] = []
        members = [articles[i] for i in story.article_ids if i in articles]
        for index, article in enumerate(members):
            for mention in sorted(article.dates, key=lambda m: m.span.start):
                entry = self._event(article, mention, index)
                if entry is not None:
                    found.append(entry)
            publication = _publication(article, index)
            if publication is not None:
                found.append(publication)
        # Words every article of the story uses ("North Korean soldiers") do not tell one event
        # from another: compare the rest.
        common = _story_words(members)
        entries: list[_Entry] = []
        for entry in found:
            entry.compare = " ".join(w for w in entry.compare.split() if w not in common)
            self._add(entries, entry)
        entries.sort(key=lambda e: (e.date, e.publication, e.order))
        story.timeline = [TimelineEntry(e.date, e.text, e.article_ids) for e in entries]
        return story

    def _event(self, article: Article, mention: DateMention, order: int) -> _Entry | None:
        date = iso_date(mention)
        span = mention.span
        if date is None or not 0 <= span.start < span.end <= len(article.text):
            return None
        # A date split by the sentence splitter ("on Oct." | "15, citing ...") spans both parts.
        first = sentence_at(article, span.start) or span
        last = sentence_at(article, span.end - 1) or span
        sentence = Span(min(first.start, span.start), max(last.end, span.end))
        trimmed = trim_span(article.text, sentence, span, self.max_chars)
        text = article.text[trimmed.start : trimmed.end]
        rest = article.text[trimmed.start : span.start] + " " + article.text[span.end : trimmed.end]
        if sum(1 for w in _WORD.findall(rest) if w.isalpha()) < _MIN_EVENT_WORDS:
            return None
        if _EMBED.search(text):
            return None  # an embedded post's date line, not an event
        return _Entry(date, text, content_words(rest), [article.id], False, order)

    def _add(self, entries: list[_Entry], new: _Entry) -> None:
        for entry in entries:
            if entry.date != new.date or entry.publication != new.publication:
                continue
            same = entry.text == new.text or (
                not new.publication
                and fuzz.token_set_ratio(entry.compare, new.compare) >= self.similarity
            )
            if same:
                for article_id in new.article_ids:
                    if article_id not in entry.article_ids:
                        entry.article_ids.append(article_id)
                return
        entries.append(new)


def _story_words(members: list[Article]) -> set[str]:
    if len(members) < 3:
        return set()
    counts: Counter[str] = Counter()
    for article in members:
        counts.update(set(content_words(article.text).split()))
    return {w for w, n in counts.items() if n >= COMMON_SHARE * len(members)}


def _publication(article: Article, order: int) -> _Entry | None:
    published = article.published
    if isinstance(published, dt.datetime):
        published = published.date()
    if not isinstance(published, dt.date):
        return None
    who = outlet_name(article) or article.id
    title = " ".join((article.title or "").split())
    if not title:
        sentences = sentence_spans(article)
        if not sentences:
            return None
        first = trim_span(article.text, sentences[0], Span(sentences[0].start, sentences[0].start))
        title = article.text[first.start : first.end]
    text = f"{who} publishes: {title}"
    return _Entry(published.isoformat(), text, content_words(title), [article.id], True, order)
