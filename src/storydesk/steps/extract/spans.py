"""Token-range helpers shared by the attribution and flag extractors.

Ranges are ``(start, end)`` token indices into one ``Doc`` (end exclusive), turned into
``model.Span`` character offsets only at the end, so trimming and merging stay cheap.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storydesk.model import Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

TokRange = tuple[int, int]

QUOTE_CHARS = frozenset(["“", "”", '"', "„", "«", "»", "''", "``"])
# Right-hand dependents that still belong to a noun phrase naming a source.
_NP_RIGHT_DEPS = frozenset(
    {"compound", "flat", "nummod", "appos", "prep", "amod", "case", "conj", "cc"}
)
_NP_PREPS = frozenset({"of", "for", "at", "in", "with", "from", "close", "to", "on"})
# Right-hand dependents kept in the *name* of a source (no appositives, conjuncts or modifiers).
_NAME_RIGHT_DEPS = frozenset({"compound", "flat", "nummod", "case"})


def trim(doc: Doc, rng: TokRange, keep_quotes: bool = True) -> TokRange | None:
    """Strip punctuation and spaces at both ends; quotes are kept only when balanced."""
    start, end = rng
    start, end = max(start, 0), min(end, len(doc))

    def junk(tok: Token) -> bool:
        if tok.is_space:
            return True
        if tok.is_punct or tok.text in QUOTE_CHARS:
            return not (keep_quotes and tok.text in QUOTE_CHARS)
        return False

    while start < end and junk(doc[start]):
        start += 1
    while start < end and junk(doc[end - 1]):
        end -= 1
    if start >= end:
        return None
    first, last = doc[start].text, doc[end - 1].text
    opens = first in QUOTE_CHARS
    closes = last in QUOTE_CHARS and end - 1 > start
    if opens != closes:
        # An unbalanced quote mark at one edge belongs to a neighbouring quotation.
        if opens:
            start += 1
        else:
            end -= 1
        return trim(doc, (start, end), keep_quotes=False) if start < end else None
    return (start, end)


def subtree_range(tok: Token) -> TokRange:
    """The contiguous token range covered by ``tok``'s subtree."""
    return (tok.left_edge.i, tok.right_edge.i + 1)


def np_range(head: Token) -> TokRange:
    """The source noun phrase around ``head``: its left dependents and the right dependents that
    belong to a name ("a source familiar with the matter", "Dmitry Peskov, the Kremlin spokesman"),
    never relative clauses or participles ("officials, cited by Suspilne,")."""
    start = head.left_edge.i
    end = head.i + 1
    for child in head.rights:
        if child.dep_ not in _NP_RIGHT_DEPS:
            if child.is_punct and child.i == end:
                continue
            break
        if child.dep_ == "prep" and child.lower_ not in _NP_PREPS:
            break
        if child.dep_ == "appos" and not _bracketed(child):
            break  # "LIGA, North Korean soldiers were ...": a misparsed subject, not an appositive
        end = max(end, child.right_edge.i + 1)
    rng = trim(head.doc, (start, end), keep_quotes=False)
    return rng or (head.i, head.i + 1)


def _bracketed(tok: Token) -> bool:
    """An appositive closed by punctuation or the end of the sentence ("Peskov, the spokesman,")."""
    nxt = tok.right_edge.i + 1
    return nxt >= tok.sent.end or tok.doc[nxt].is_punct


def name_range(head: Token) -> TokRange:
    """The tokens that name the source headed by ``head`` (left modifiers, head, compounds; "of"
    phrases only inside proper names such as "Ministry of Defense")."""
    start = head.i
    for child in head.lefts:
        start = min(start, child.left_edge.i)
    end = head.i + 1
    for child in head.rights:
        if (
            child.dep_ in _NAME_RIGHT_DEPS
            or child.dep_ == "prep"
            and child.lower_ == "of"
            and head.pos_ == "PROPN"
        ):
            end = max(end, child.right_edge.i + 1)
        else:
            break
    return trim(head.doc, (start, end), keep_quotes=False) or (head.i, head.i + 1)


def to_span(doc: Doc, rng: TokRange, label: str = "") -> Span:
    """Character span of a token range (doc offsets are the article's offsets)."""
    return Span(doc[rng[0]].idx, doc[rng[1] - 1].idx + len(doc[rng[1] - 1].text), label)


def inside(inner: TokRange, outer: TokRange) -> bool:
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def overlap(a: TokRange, b: TokRange) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


@dataclass(slots=True)
class Candidate:
    """An attribution before naming: token ranges plus how it was found.

    ``source_head`` is the head token of the source phrase (its entity label and pronoun-ness
    drive naming); ``via`` holds the raw phrases of chained sources, outermost first.
    """

    cue: TokRange
    content: TokRange
    source: TokRange | None = None
    source_head: int | None = None
    via: list[str] = field(default_factory=list)
    rule: str = "verb"
    cue_lemma: str = ""
    name: str = ""  # raw name phrase; "" -> derived from the source range
    verb: int | None = None  # token index of the cue verb, for chaining
    # content deliberately outside the cue's sentence ("This is what X writes")
    distant: bool = False


def line_range(doc: Doc, i: int) -> TokRange:
    """Tokens of the text line holding token ``i``. Scraped text keeps headlines, captions and
    bylines on lines of their own, and the parser often runs a sentence across them."""
    text = doc.text
    tok = doc[i]
    lo = text.rfind("\n", 0, tok.idx) + 1
    hi = text.find("\n", tok.idx + len(tok.text))
    hi = len(text) if hi < 0 else hi
    start = i
    while start > 0 and doc[start - 1].idx >= lo:
        start -= 1
    end = i + 1
    while end < len(doc) and doc[end].idx < hi:
        end += 1
    return (start, end)


def clip(doc: Doc, rng: TokRange, bounds: TokRange) -> TokRange | None:
    """``rng`` cut to ``bounds`` and trimmed; None when nothing is left."""
    start, end = max(rng[0], bounds[0]), min(rng[1], bounds[1])
    return trim(doc, (start, end)) if start < end else None
