"""Participle cues that modify a noun: "a super PAC backing Rubio" (the noun is the source, the
object the content) and "measures deemed insufficient by Democrats" (the agent is the source, the
noun the content). ``cue_verbs`` skips these modifiers; relays ("officials, cited by Suspilne")
stay with ``cue_preps.relay_by``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storydesk.steps.extract import lexicon
from storydesk.steps.extract.cue_verbs import complement
from storydesk.steps.extract.spans import Candidate, np_range, trim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_CUE_LEMMAS = lexicon.SPEECH_VERBS | lexicon.STANCE_VERBS
_RELAY_LEMMAS = lexicon.CHAIN_VERBS | frozenset({"report", "say", "tell", "write", "publish"})
_OBJECT_DEPS = frozenset({"dobj", "ccomp", "xcomp"})


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            return next((o for o in child.children if o.dep_ == "pobj"), None)
    return None


def _noun_only(noun: Token, verb: Token) -> tuple[int, int] | None:
    """The noun phrase without the participle clause that modifies it."""
    rng = np_range(noun)
    end = min(rng[1], verb.left_edge.i)
    return trim(noun.doc, (rng[0], end)) if end > rng[0] else None


def participle_candidates(doc: Doc) -> list[Candidate]:
    """Attributions cued by a speech or stance participle that modifies a noun."""
    out: list[Candidate] = []
    for tok in doc:
        if tok.dep_ != "acl" or tok.pos_ != "VERB" or tok.lemma_.lower() not in _CUE_LEMMAS:
            continue
        noun = tok.head
        if noun.pos_ not in {"NOUN", "PROPN"} or any(c.dep_ == "neg" for c in tok.children):
            continue
        lemma = tok.lemma_.lower()
        cue = (tok.i, tok.i + 1)
        if tok.tag_ == "VBN":
            agent = _agent(tok)
            if agent is None or lemma in _RELAY_LEMMAS:
                continue
            content = _noun_only(noun, tok)
            if content is None:
                continue
            out.append(
                Candidate(cue, content, np_range(agent), agent.i, rule="participle",
                          cue_lemma=lemma, verb=tok.i)
            )  # fmt: skip
        elif tok.tag_ == "VBG" and any(c.dep_ in _OBJECT_DEPS for c in tok.children):
            content = complement(tok)
            source = _noun_only(noun, tok)
            if content is None or source is None:
                continue
            out.append(
                Candidate(cue, content, source, noun.i, rule="participle", cue_lemma=lemma,
                          verb=tok.i)
            )  # fmt: skip
    return out
