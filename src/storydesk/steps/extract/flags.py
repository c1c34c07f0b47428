"""Verification markers over a spaCy Doc: "has not yet been confirmed" (unconfirmed), "denied",
"nowhere near" (denied), "no evidence" (no_evidence), "Correction:" (correction), "Update:" (update).

Phrases live in ``lexicon.FLAG_PHRASES`` as lemma sequences so inflections match ("has not been
confirmed", "could not be independently verified"). Only markers about the truth of reported
information count: "the motive has not yet been established" is no flag. A flag's span is the
sentence that carries the marker (cut to its line, since scraped text runs headlines into
sentences); one flag per sentence and type.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.matcher import Matcher

from storydesk.model import FlagMention
from storydesk.steps.extract import lexicon
from storydesk.steps.extract.spans import clip, line_range, to_span

if TYPE_CHECKING:
    from spacy.tokens import Doc

# "?" in a phrase: one optional modifier ("has not *yet* been", "could not be *independently*").
_OPTIONAL: dict[str, Any] = {"POS": {"IN": ["ADV", "ADJ", "PART"]}, "OP": "?"}
_MATCHERS: dict[int, Matcher] = {}


def _token_pattern(word: str) -> dict[str, Any]:
    if word == "?":
        return dict(_OPTIONAL)
    forms: set[str] = set()
    for alt in word.split("|"):
        forms |= {alt, alt.capitalize(), alt.upper()}
    return {"LEMMA": {"IN": sorted(forms)}}


def compile_phrase(phrase: str) -> list[dict[str, Any]]:
    """A Matcher pattern for one ``lexicon.FLAG_PHRASES`` phrase ("have not ? be confirm")."""
    return [_token_pattern(word) for word in phrase.split()]


def _matcher(doc: Doc) -> Matcher:
    key = id(doc.vocab)
    matcher = _MATCHERS.get(key)
    if matcher is None:
        matcher = Matcher(doc.vocab)
        for flag_type, phrase in lexicon.FLAG_PHRASES:
            matcher.add(flag_type, [compile_phrase(phrase)])
        matcher.add("heading", [[{"TEXT": {"IN": sorted(lexicon.FLAG_HEADINGS)}}]])
        _MATCHERS[key] = matcher
    return matcher


def _not_a_denial(doc: Doc, start: int, end: int) -> bool:
    """Uses of the denial phrases that deny no claim: "did not deny", "denied entry", "rights
    denied (to) victims", "nowhere near enough", "absolutely not support"."""
    first = doc[start]
    after = doc[end] if end < len(doc) else None
    if first.lemma_.lower() == "deny":
        if any(c.dep_ == "neg" for c in first.children):
            return True
        if any(
            c.dep_ in {"dobj", "dative"} and c.lemma_.lower() in lexicon.DENY_NON_CLAIMS
            for c in first.children
        ):
            return True
        passive = any(c.dep_ == "auxpass" for c in first.children)
        return passive and not any(c.dep_ == "agent" for c in first.children)
    if first.lower_ == "nowhere" and after is not None:
        return after.lower_ in {"enough", "as", "far", "close"} or after.pos_ == "ADV"
    if first.lower_ == "absolutely" and after is not None:
        return after.pos_ in {"VERB", "AUX"}
    return False


def find_flags(doc: Doc) -> list[FlagMention]:
    """Return the verification markers in ``doc`` (offsets into ``doc.text``), in text order."""
    if doc is None or len(doc) == 0:
        return []
    found: dict[tuple[int, int, str], FlagMention] = {}
    for match_id, start, end in _matcher(doc)(doc):
        flag_type = doc.vocab.strings[match_id]
        first = doc[start]
        if flag_type == "heading":
            line = line_range(doc, start)
            if line[0] != start:
                continue  # only a heading that opens its line
            flag_type = lexicon.FLAG_HEADINGS[first.text]
        if flag_type == "denied" and _not_a_denial(doc, start, end):
            continue
        sent = first.sent
        rng = clip(doc, (sent.start, sent.end), line_range(doc, start))
        if rng is None:
            continue
        key = (rng[0], rng[1], flag_type)
        if key not in found:
            found[key] = FlagMention(to_span(doc, rng), flag_type)
    return sorted(found.values(), key=lambda f: (f.span.start, f.type))
