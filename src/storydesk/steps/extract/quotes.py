"""Direct quotations that no speech verb claimed: attributed to the nearest speaker in their
sentence, or, for a quotation that is a sentence of its own, to the previous sentence's speaker
(“…,” he said. “…” -> the second quote is his too)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storydesk.steps.extract import lexicon
from storydesk.steps.extract.spans import Candidate, TokRange, np_range, overlap

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Opening mark, body without paragraph breaks, closing mark. Curly quotes first; a straight or
# mis-typed closing mark may also open ('said:” If we ...”' is common in scraped text).
_QUOTE = re.compile(
    r"(?:[“\"]|(?<=[:\s])”(?=\w))([^“”\"\n]{3,1500}?)[”\"]"
    # Typewriter double quotes written as two apostrophes (archives, wire copy): ''...''
    r"|(?<!')''(?!')([^\n]{3,1500}?)''"
)
_MIN_WORDS = 4  # shorter quotations are usually scare quotes ("closest comrade")
_SPEAKER_NOUNS = lexicon.UNNAMED_ROLE_NOUNS | frozenset(
    {"spokesman", "spokeswoman", "spokesperson"}
)


def quote_ranges(doc: Doc) -> list[TokRange]:
    """Token ranges of the quotations in ``doc``, marks included."""
    out: list[TokRange] = []
    for m in _QUOTE.finditer(doc.text):
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        if span is None or len(span) < 2:
            continue
        words = sum(1 for t in span if t.is_alpha)
        if words >= _MIN_WORDS:
            out.append((span.start, span.end))
    return out


def _speaker_like(tok: Token) -> bool:
    return (
        tok.ent_type_ in {"PERSON", "ORG"}
        or tok.lower_ in lexicon.PERSON_PRONOUNS | lexicon.GROUP_PRONOUNS - {"it"}
        or tok.lemma_.lower() in _SPEAKER_NOUNS
    )


def quote_candidates(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """Attributions for quotations not already inside some attribution's content."""
    out: list[Candidate] = []
    for rng in quote_ranges(doc):
        size = rng[1] - rng[0]
        if any(overlap(rng, c.content) * 2 >= size for c in found + out):
            continue
        sent = doc[rng[0]].sent
        if any(
            sent.start <= c.cue[0] < sent.end and not (rng[0] <= c.cue[0] < rng[1]) for c in found
        ):
            continue  # a speech verb in this sentence already has its content
        cand = _in_sentence(doc, rng) or _previous(doc, rng, found + out)
        if cand is not None:
            out.append(cand)
    return out


def _in_sentence(doc: Doc, rng: TokRange) -> Candidate | None:
    sent = doc[rng[0]].sent
    best: Token | None = None
    for tok in sent:
        if rng[0] <= tok.i < rng[1] or tok.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        if not _speaker_like(tok):
            continue
        if best is None or abs(tok.i - rng[0]) < abs(best.i - rng[0]):
            best = tok
    if best is None:
        return None
    verb = best.head
    return Candidate(
        (verb.i, verb.i + 1),
        rng,
        np_range(best),
        best.i,
        rule="quote",
        cue_lemma=verb.lemma_.lower(),
    )


def _previous(doc: Doc, rng: TokRange, found: list[Candidate]) -> Candidate | None:
    """A stand-alone quotation continues the previous sentence's speaker."""
    sent = doc[rng[0]].sent
    words = [t for t in sent if t.is_alpha]
    inside = [t for t in words if rng[0] <= t.i < rng[1]]
    if not words or len(inside) < 0.6 * len(words) or sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    mark: TokRange = (rng[0], rng[0] + 1)
    for cand in sorted(found, key=lambda c: c.cue[0], reverse=True):
        if prev.start <= cand.cue[0] < prev.end and cand.source is not None:
            # The same act of speech: the previous sentence's cue ("he said") covers it too.
            return Candidate(
                cand.cue,
                rng,
                cand.source,
                cand.source_head,
                list(cand.via),
                "quote",
                "quote",
                cand.name,
            )
    subj = next((t for t in prev if t.dep_ == "nsubj" and t.head == prev.root), None)
    if subj is not None and (subj.ent_type_ == "PERSON" or subj.lower_ in lexicon.PERSON_PRONOUNS):
        return Candidate(mark, rng, np_range(subj), subj.i, rule="quote", cue_lemma="quote")
    return None
