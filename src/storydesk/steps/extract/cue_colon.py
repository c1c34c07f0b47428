"""Colon cues: "Trump: ‘I’m the worst thing that ever happened’" (headlines), "TAPPER: Do you
think ..." (transcripts), "Republican pollster Daron Shaw: “Historically, ...”".

The speaker is a short capitalised phrase opening a line and the colon its cue; the rest of the
line is the content. Only line-initial colons are taken: mid-sentence colons introduce lists and
explanations far more often than speech, and a short name heading a line is the convention that
headlines and transcripts share.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from storydesk.steps.extract.spans import Candidate, TokRange, inside, line_range, trim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_MAX_SPEAKER_WORDS = 6
_MIN_CONTENT_WORDS = 3
# Line labels that look like a speaker but introduce furniture ("UPDATE: ...", "Photo: ...").
_NOT_SPEAKERS = frozenset(
    {
        "update", "updated", "note", "editor's note", "editor’s note", "photo", "photos", "image",
        "video", "watch", "read", "read more", "related", "source", "sources", "credit", "caption",
        "contact", "email", "e-mail", "follow", "tags", "share", "advertisement", "transcript",
        "warning", "disclaimer", "correction", "clarification", "subscribe", "listen", "see also",
        "also", "more", "breaking", "breaking news", "exclusive", "live", "q", "a", "question",
        "answer", "pictured", "above", "below", "top", "bottom", "left", "right", "story",
        "headline", "summary", "background", "bottom line", "the bottom line", "why", "what",
        "who", "when", "where", "how", "p.s", "ps", "full text", "full transcript", "here",
        "name", "age", "city", "job", "pay", "date", "time", "location", "place", "title",
    }
)  # fmt: skip
# First words of a label, not a speaker ("Follow X on Twitter:", "According to X:").
_NOT_FIRST = frozenset({"follow", "according", "click", "sign", "join", "via", "but", "and", "so"})
_STARTS = re.compile(r"^[\"“‘']?[A-Z]")


def _speaker_ok(words: list[Token]) -> bool:
    """A short phrase that can name someone: capitalised start, a proper noun or capitalised
    word at its head, no verb-like or numeric noise ("10:30", "Step 1")."""
    alpha = [t for t in words if t.is_alpha]
    if not alpha or len(alpha) > _MAX_SPEAKER_WORDS or not _STARTS.match(words[0].text):
        return False
    doc = words[0].doc
    phrase = doc[words[0].i : words[-1].i + 1].text.lower().rstrip(".")
    if phrase in _NOT_SPEAKERS or words[0].lower_ in _NOT_FIRST:
        return False
    if any(t.like_num or t.text in {",", ".", "?", "!", "—", "–", "-", ";"} for t in words):
        return False
    # Headline case or a name: most words capitalised ("Clinton camp" allowed, "It was a" not).
    caps = sum(1 for t in alpha if t.text[0].isupper())
    return caps * 2 >= len(alpha) and any(t.pos_ in {"PROPN", "NOUN"} for t in alpha)


def _head(doc: Doc, rng: TokRange) -> Token:
    """The speaker phrase's name word: the last proper noun before any lower-case preposition
    ("Gillibrand on Hillary ..." -> Gillibrand), else its last word."""
    best = None
    for tok in doc[rng[0] : rng[1]]:
        if tok.i > rng[0] and tok.is_lower and tok.pos_ == "ADP":
            break
        if tok.is_alpha:
            best = tok
    return best or doc[rng[1] - 1]


def _speaker_end(doc: Doc, rng: TokRange) -> int:
    """End of the name in "Gillibrand on Hillary Releasing ...:": stop at a lower-case
    preposition, which starts what the speaker talks about, not who they are."""
    for tok in doc[rng[0] + 1 : rng[1]]:
        if tok.is_lower and tok.lower_ in {"on", "to", "about", "in", "for", "at"}:
            return tok.i
    return rng[1]


def colon_candidates(doc: Doc, known: list[Candidate]) -> list[Candidate]:
    """Line-initial "Speaker: content" attributions whose colon no other candidate claimed."""
    out: list[Candidate] = []
    seen_lines: set[int] = set()
    for tok in doc:
        if tok.text != ":" or tok.i == 0:
            continue
        line = line_range(doc, tok.i)
        if line[0] in seen_lines or tok.i - line[0] > _MAX_SPEAKER_WORDS + 2:
            continue
        seen_lines.add(line[0])
        speaker = trim(doc, (line[0], tok.i), keep_quotes=False)
        content = trim(doc, (tok.i + 1, line[1]))
        if speaker is None or content is None:
            continue
        if sum(t.is_alpha for t in doc[content[0] : content[1]]) < _MIN_CONTENT_WORDS:
            continue
        if not _speaker_ok(list(doc[speaker[0] : speaker[1]])):
            continue
        cue = (tok.i, tok.i + 1)
        if any(inside(cue, c.cue) or inside(cue, c.content) and c.source for c in known):
            continue
        speaker = (speaker[0], _speaker_end(doc, speaker))
        head = _head(doc, speaker)
        out.append(Candidate(cue, content, speaker, head.i, rule="colon", cue_lemma="say"))
    return out
