"""The data model: articles, their annotations, stories and the dossier.

Annotations are *views*: character offsets into ``Article.text`` (the cleaned text), never copies, so
everything the dossier says points back to the exact words it came from. ``Span.text(article)``
recovers the words.

Serialisation follows the dossier contract in DESIGN.md (``storydesk.dossier/1``); field names there
are fixed. ``Dossier.to_dict()`` / ``Dossier.from_dict()`` round-trip losslessly for every field the
contract names, plus the extra fields added here (``skipped``, ``stats``).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal, TypeVar

SCHEMA_ID = "storydesk.dossier/1"

ClaimKind = Literal["count", "distance", "money", "duration", "date", "percent", "other"]
ClaimStatus = Literal["consistent", "discrepant", "contested", "single_source"]
Hedge = Literal["approximate", "at_least", "at_most", "estimated", "range"]
SourceKind = Literal["outlet", "agency", "person", "official", "unnamed", "document"]
Relation = Literal["cites", "copies", "translates", "quotes"]
FlagType = Literal["unconfirmed", "denied", "no_evidence", "correction", "update"]

CLAIM_KINDS: tuple[str, ...] = ("count", "distance", "money", "duration", "date", "percent", "other")
CLAIM_STATUSES: tuple[str, ...] = ("consistent", "discrepant", "contested", "single_source")
HEDGES: tuple[str, ...] = ("approximate", "at_least", "at_most", "estimated", "range")
SOURCE_KINDS: tuple[str, ...] = ("outlet", "agency", "person", "official", "unnamed", "document")
RELATIONS: tuple[str, ...] = ("cites", "copies", "translates", "quotes")
FLAG_TYPES: tuple[str, ...] = ("unconfirmed", "denied", "no_evidence", "correction", "update")


# --------------------------------------------------------------------------------------------------
# Annotations over one article's cleaned text
# --------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` of ``Article.text`` with an optional label."""

    start: int
    end: int
    label: str = ""

    def text(self, article: Article) -> str:
        return article.text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(slots=True)
class Quantity:
    """A measured or counted amount in the text: "about six kilometers", "18 North Korean soldiers".

    ``span`` covers the words that state the amount (hedge, number and unit); ``value`` is the
    number as written (``high`` the upper bound of a range), ``unit`` as written (or the counted
    noun for counts); ``normalized_value``/``normalized_unit`` are in the dimension's base unit
    (km, USD, percent, days, or "count"). ``counted`` is what is counted or measured, in plain
    words ("North Korean soldiers deserted"), and ``counted_span`` where it is.
    """

    span: Span
    value: float
    kind: str  # one of CLAIM_KINDS
    unit: str = ""
    normalized_value: float | None = None
    normalized_unit: str = ""
    high: float | None = None
    hedge: str | None = None  # one of HEDGES or None
    counted: str = ""
    counted_span: Span | None = None
    sentence: Span | None = None


@dataclass(slots=True)
class DateMention:
    """A date expression, resolved against the publication date where that can be done safely."""

    span: Span
    resolved: _dt.date | None = None  # None: kept as text, never guessed
    granularity: str = "day"  # day | month | year


@dataclass(slots=True)
class Attribution:
    """Who said what: ``source`` (may be empty for agentless "it was reported"), ``cue`` and
    ``content`` spans, and the names of the sources it chains through ("A citing B")."""

    source: Span | None
    cue: Span
    content: Span
    source_name: str = ""
    source_kind: str = "unnamed"  # one of SOURCE_KINDS
    via: list[str] = field(default_factory=list)  # chained sources, outermost first


@dataclass(slots=True)
class FlagMention:
    """A verification marker in the text: "has not been confirmed", "denied", "no evidence"."""

    span: Span
    type: str  # one of FLAG_TYPES


@dataclass(slots=True)
class Removed:
    """Text that cleaning dropped, and why ("advertisement", "caption", "share", ...)."""

    text: str
    reason: str


@dataclass(slots=True)
class Article:
    """One input article. ``raw`` is what the reader got; ``text`` is the cleaned body that every
    annotation points into. Per-article annotations are filled by the extract stage."""

    id: str
    source: str
    raw: str = ""
    text: str = ""
    outlet: str | None = None
    title: str | None = None
    published: _dt.date | None = None
    language: str | None = None
    raw_format: str = "text"  # text | html
    removed: list[Removed] = field(default_factory=list)
    duplicate_of: str | None = None
    # annotations (views into ``text``)
    sentences: list[Span] = field(default_factory=list)
    entities: list[Span] = field(default_factory=list)  # label = spaCy entity type
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    flags: list[FlagMention] = field(default_factory=list)

    def sentence_at(self, offset: int) -> Span | None:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None

    def to_dict(self) -> dict[str, Any]:
        """The dossier's article record (annotations live in stories, not here)."""
        return {
            "id": self.id,
            "source": self.source,
            "outlet": self.outlet,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "language": self.language,
            "text": self.text,
            "removed": [asdict(r) for r in self.removed],
            "duplicate_of": self.duplicate_of,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        published = data.get("published")
        return cls(
            id=data["id"],
            source=data.get("source", ""),
            text=data.get("text", ""),
            outlet=data.get("outlet"),
            title=data.get("title"),
            published=_dt.date.fromisoformat(published[:10]) if published else None,
            language=data.get("language"),
            removed=[Removed(**r) for r in data.get("removed", [])],
            duplicate_of=data.get("duplicate_of"),
        )


# --------------------------------------------------------------------------------------------------
# Story-level results (the dossier)
# --------------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Normalized:
    value: float | None
    unit: str


@dataclass(slots=True)
class Mention:
    """One article's statement of a claim, with the exact words (``quote == text[start:end]``)."""

    article_id: str
    quote: str
    start: int
    end: int
    value: float | None = None
    unit: str = ""
    normalized: Normalized = field(default_factory=lambda: Normalized(None, ""))
    hedge: str | None = None
    attributed_to: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Claim:
    id: str
    statement: str
    kind: str
    status: str
    mentions: list[Mention] = field(default_factory=list)
    origins: list[str] = field(default_factory=list)
    independent_origins: int = 0


@dataclass(slots=True)
class Entity:
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Source:
    name: str
    kind: str
    cited_by: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Edge:
    source: str  # serialised as "from"
    target: str  # serialised as "to"
    relation: str

    def to_dict(self) -> dict[str, str]:
        return {"from": self.source, "to": self.target, "relation": self.relation}


@dataclass(slots=True)
class TimelineEntry:
    date: str  # ISO date, or the date expression as written when it cannot be resolved
    text: str
    article_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class SummarySentence:
    text: str
    article_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Flag:
    type: str
    quote: str
    article_id: str
    start: int = 0
    end: int = 0
    # The story's claims this marker qualifies ("has not been confirmed" after the desertion count).
    claim_ids: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Story:
    id: str
    headline: str = ""
    article_ids: list[str] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    summary: list[SummarySentence] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    # The most central article of the story (set by clustering); optional in the dossier.
    representative_article_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data = {
            "id": self.id,
            "headline": self.headline,
            "article_ids": list(self.article_ids),
            "entities": [asdict(e) for e in self.entities],
            "claims": [_claim_to_dict(c) for c in self.claims],
            "sources": [asdict(s) for s in self.sources],
            "provenance": {"edges": [e.to_dict() for e in self.edges]},
            "timeline": [asdict(t) for t in self.timeline],
            "summary": [asdict(s) for s in self.summary],
            "flags": [asdict(f) for f in self.flags],
        }
        if self.representative_article_id is not None:
            data["representative_article_id"] = self.representative_article_id
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Story:
        return cls(
            id=data["id"],
            headline=data.get("headline", ""),
            article_ids=list(data.get("article_ids", [])),
            entities=[_build(Entity, e) for e in data.get("entities", [])],
            claims=[_claim_from_dict(c) for c in data.get("claims", [])],
            sources=[_build(Source, s) for s in data.get("sources", [])],
            edges=[
                Edge(e["from"], e["to"], e["relation"])
                for e in data.get("provenance", {}).get("edges", [])
            ],
            timeline=[_build(TimelineEntry, t) for t in data.get("timeline", [])],
            summary=[_build(SummarySentence, s) for s in data.get("summary", [])],
            flags=[_build(Flag, f) for f in data.get("flags", [])],
            representative_article_id=data.get("representative_article_id"),
        )


@dataclass(slots=True)
class Skipped:
    """An input that could not be analysed, and why: never a silent loss."""

    source: str
    reason: str
    stage: str = "read"


@dataclass(slots=True)
class StepStats:
    """Per-step counters: what came in, what was kept, what was skipped and for which reason."""

    name: str
    read: int = 0
    kept: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    def skip(self, reason: str) -> None:
        self.skipped[reason] = self.skipped.get(reason, 0) + 1


@dataclass(slots=True)
class Dossier:
    articles: list[Article] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    stats: list[StepStats] = field(default_factory=list)

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_ID,
            "articles": [a.to_dict() for a in self.articles],
            "stories": [s.to_dict() for s in self.stories],
            "skipped": [asdict(s) for s in self.skipped],
            "stats": [asdict(s) for s in self.stats],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Dossier:
        if data.get("schema") != SCHEMA_ID:
            from storydesk.errors import InputError

            raise InputError(
                f"not a storydesk dossier: schema is {data.get('schema')!r}, expected {SCHEMA_ID!r}",
                hint="pass a file written by `storydesk analyze --format json`",
            )
        return cls(
            articles=[Article.from_dict(a) for a in data.get("articles", [])],
            stories=[Story.from_dict(s) for s in data.get("stories", [])],
            skipped=[_build(Skipped, s) for s in data.get("skipped", [])],
            stats=[_build(StepStats, s) for s in data.get("stats", [])],
        )


T = TypeVar("T")


def _build(cls: type[T], data: dict[str, Any]) -> T:
    """Construct a flat dataclass from a dict, ignoring keys a newer dossier may have added."""
    names = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in data.items() if k in names})


def _claim_to_dict(claim: Claim) -> dict[str, Any]:
    data = asdict(claim)
    return data


def _claim_from_dict(data: dict[str, Any]) -> Claim:
    mentions = []
    for m in data.get("mentions", []):
        m = dict(m)
        norm = m.pop("normalized", None) or {"value": None, "unit": ""}
        mention = _build(Mention, m)
        mention.normalized = Normalized(norm.get("value"), norm.get("unit", ""))
        mentions.append(mention)
    claim = _build(Claim, {k: v for k, v in data.items() if k != "mentions"})
    claim.mentions = mentions
    return claim
