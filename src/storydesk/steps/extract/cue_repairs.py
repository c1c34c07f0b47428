"""Repairs for reporting verbs the parser got wrong, used by ``cue_verbs``: a subject-less verb
whose speaker sits beside it ('“…,” added a South Carolina Democrat'), a main verb hung off its
subject as a modifier ("Multiple outlets reported on Wednesday ..."), a quotation begun in an
earlier sentence ('“Like Oakland. Or Ferguson,” Trump said.') and the object gap of a relative
clause ("something that Trump mocked").

Each was kept because it raised source F1 on PolNeAR train in every one of five folds by article.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storydesk.steps.extract import lexicon
from storydesk.steps.extract.spans import QUOTE_CHARS, TokRange, trim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

RELATIVE = frozenset({"who", "which", "that", "whom"})


def misparsed_main(verb: Token) -> bool:
    """ "Multiple outlets reported on Wednesday ...", "Murphy, the head of ..., Tweeted": a past
    tense the parser hung off its subject as a modifier, in a sentence with no main verb."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ in {"VBD", "VBN"}
        and head.dep_ == "ROOT"
        and head.pos_ in {"NOUN", "PROPN", "PRON"}
        and head.i < verb.i
        and not any(c.dep_ in {"agent", "auxpass", "nsubj", "nsubjpass"} for c in verb.children)
    )


def quote_touching(doc: Doc, quoted: list[TokRange], exclude: TokRange) -> TokRange | None:
    """A quotation of the doc (possibly begun in an earlier sentence: '“Like Oakland. Or
    Ferguson,” Trump said.') ending right before ``exclude`` or starting right after it."""
    for rng in quoted:
        if rng[1] <= exclude[0]:
            gap = doc[rng[1] : exclude[0]]
        elif rng[0] >= exclude[1]:
            gap = doc[exclude[1] : rng[0]]
        else:
            continue
        if all(t.is_punct or t.is_space for t in gap):
            return rng
    return None


def antecedent_content(verb: Token, speaker: Token) -> TokRange | None:
    """ "something that Trump mocked", "the style he prefers": the noun a relative clause with an
    object gap modifies is what the speaker said, wanted or mocked."""
    if verb.dep_ != "relcl" or speaker.lower_ in RELATIVE or speaker.head.i != verb.i:
        return None
    if any(
        c.dep_ in {"dobj", "ccomp", "xcomp"} and c.lower_ not in RELATIVE for c in verb.children
    ):
        return None
    noun = verb.head
    if noun.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return None
    start = noun.left_edge.i
    end = min(noun.right_edge.i + 1, verb.left_edge.i)
    return trim(verb.doc, (start, end)) if end > start else None


_NP_TAGS = frozenset({"DET", "ADJ", "PROPN", "NOUN", "NUM", "PRON"})
# Clause roles where a subject-less reporting verb is a parse error, not a controlled verb.
_BROKEN_DEPS = frozenset({"ROOT", "ccomp", "parataxis"})


def broken_speaker(verb: Token, quoted: list[TokRange]) -> Token | None:
    """The speaker of a reporting verb the parser left without a subject: '“…,” added a South
    Carolina Democrat' (parsed as an object) and 'Senator Harry Reid, the minority leader, said'
    (parsed as a conjunct of the clause before)."""
    if verb.lemma_.lower() not in lexicon.SPEECH_VERBS or verb.dep_ not in _BROKEN_DEPS:
        return None
    doc, sent = verb.doc, verb.sent
    i = verb.i - 1
    while i >= sent.start and doc[i].pos_ in {"ADV", "AUX", "PART", "SPACE"}:
        i -= 1
    if i < sent.start:
        return None
    before = doc[i]
    if before.text in QUOTE_CHARS or before.text == ",":
        # inverted: the noun phrase right after the verb
        j = verb.i + 1
        head = None
        while j < sent.end and doc[j].pos_ in _NP_TAGS:
            if doc[j].pos_ in {"PROPN", "NOUN", "PRON"}:
                head = doc[j]
            j += 1
        if (
            head is not None
            and (j >= sent.end or doc[j].is_punct)
            and not any(q[0] <= head.i < q[1] for q in quoted)
        ):
            return head
        if before.text in QUOTE_CHARS:
            return None
        i -= 1
        while i >= sent.start and doc[i].is_space:
            i -= 1
        if i < sent.start:
            return None
        before = doc[i]
    if before.pos_ not in {"PROPN", "NOUN", "PRON"}:
        return None
    if any(q[0] <= before.i < q[1] for q in quoted):
        return None
    while before.dep_ == "appos" and before.head.i < before.i:
        before = before.head
    return before
