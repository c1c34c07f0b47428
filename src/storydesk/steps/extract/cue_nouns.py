"""Nominal and adjectival cues: "Clinton's claim that ...", "his warning that ...", "Trump is
confident that ...". Both need their source in the sentence (a possessive, or the subject of
"be") and a complement as content; a bare "his comments" attributes nothing one can quote."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storydesk.steps.extract.cue_lexicon import is_cue
from storydesk.steps.extract.spans import Candidate, TokRange, np_range, trim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_COMPLEMENT_DEPS = frozenset({"prep", "acl", "ccomp", "xcomp", "advcl"})
_OWNER_POS = frozenset({"PROPN", "PRON", "NOUN"})


def _complement(head: Token) -> TokRange | None:
    """The right-hand complement of a cue noun or adjective ("claim [that he lied]")."""
    start = end = None
    for child in head.rights:
        if child.dep_ not in _COMPLEMENT_DEPS:
            if child.is_punct and start is None:
                continue
            break
        start = child.left_edge.i if start is None else start
        end = child.right_edge.i + 1
    if start is None or end is None:
        return None
    return trim(head.doc, (max(start, head.i + 1), end))


def noun_candidates(doc: Doc) -> list[Candidate]:
    """Possessed speech/stance nouns with a complement: the possessor is the source."""
    out: list[Candidate] = []
    for tok in doc:
        if tok.pos_ != "NOUN" or not is_cue("NOUN", tok.lemma_.lower()):
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        if owner is None or owner.pos_ not in _OWNER_POS:
            continue
        content = _complement(tok)
        if content is None:
            continue
        source = (owner.left_edge.i, owner.right_edge.i + 1)
        out.append(
            Candidate((tok.i, tok.i + 1), content, source, owner.i, rule="noun",
                      cue_lemma=tok.lemma_.lower())
        )  # fmt: skip
    return out


def adjective_candidates(doc: Doc) -> list[Candidate]:
    """ "X is confident / worried / critical that|of|about Y": the subject of "be" is the source."""
    out: list[Candidate] = []
    for tok in doc:
        if tok.dep_ != "acomp" or not is_cue("ADJ", tok.lower_):
            continue
        verb = tok.head
        if verb.lemma_ != "be" or any(c.dep_ == "neg" for c in verb.children):
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.lower_ in {"it", "this", "that", "there", "what"}:
            continue
        content = _complement(tok)
        if content is None:
            continue
        cue = (min(verb.i, tok.i), max(verb.i, tok.i) + 1)
        out.append(
            Candidate(cue, content, np_range(subj), subj.i, rule="adjective",
                      cue_lemma=tok.lower_)
        )  # fmt: skip
    return out
