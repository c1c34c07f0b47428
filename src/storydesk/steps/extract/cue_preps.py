"""Prepositional cues ("according to X", "citing X", "as per X", "per X") and chains: a cue that
modifies a speech verb or sits inside its content extends that attribution instead of making a new
one ("Suspilne reported ..., citing officials" -> Suspilne via officials; "X said ..., according to
Reuters" -> Reuters via X). Participles that relay a source ("officials, cited by Suspilne,") are
handled by ``relay_by``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.matcher import Matcher

from storydesk.steps.extract import lexicon
from storydesk.steps.extract.spans import Candidate, TokRange, inside, np_range, subtree_range, trim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_PLAUSIBLE_WORDS = (
    lexicon.UNNAMED_ROLE_NOUNS
    | lexicon.OFFICIAL_WORDS
    | lexicon.OUTLET_WORDS
    | lexicon.DOCUMENT_WORDS
    | lexicon.ROLE_WORDS
    | lexicon.INFO_NOUNS
    | frozenset({"estimate", "estimates", "figures", "statistics", "media", "intelligence"})
)
_PRONOUNS = frozenset({"he", "she", "they", "him", "her", "them", "it"})
# "according to plan": objects of "according to" that follow a norm rather than name a source.
_NORMS = frozenset(
    {"plan", "plans", "schedule", "script", "design", "tradition", "custom", "instructions",
     "expectations", "form", "protocol", "procedure", "taste", "need", "needs", "size"}
)  # fmt: skip
_MATCHERS: dict[int, Matcher] = {}


def _matcher(doc: Doc) -> Matcher:
    """One Matcher per vocabulary (pipelines are long-lived; building it per doc is wasteful)."""
    key = id(doc.vocab)
    matcher = _MATCHERS.get(key)
    if matcher is None:
        matcher = Matcher(doc.vocab)
        for kind, phrases in (
            ("outer", lexicon.PREP_CUES_OUTER),
            ("inner", lexicon.PREP_CUES_INNER),
        ):
            for words in phrases:
                matcher.add(f"{kind}:{' '.join(words)}", [[{"LOWER": w} for w in words]])
        _MATCHERS[key] = matcher
    return matcher


def _object(doc: Doc, start: int, end: int) -> Token | None:
    """The source noun of a prepositional cue spanning ``doc[start:end]``."""
    last = doc[end - 1]
    for child in last.children:
        if child.dep_ in {"pobj", "dobj"}:
            return child
    for tok in doc[start:end]:
        for child in tok.children:
            if child.dep_ in {"pobj", "dobj"} and child.i >= end:
                return child
    # Fall back on the noun chunk right after the cue (the parse often attaches it elsewhere).
    for chunk in doc.noun_chunks:
        if chunk.start == end:
            return chunk.root
    return None


def _unwrap_info(obj: Token) -> Token:
    """ "information they received from a Western diplomat" -> "diplomat" (the parse may hang the
    relative clause elsewhere, so the next few tokens are searched too)."""
    if obj.lemma_.lower() not in lexicon.INFO_NOUNS:
        return obj
    doc = obj.doc
    stop = min(obj.right_edge.i + 8, obj.sent.end)
    for tok in doc[obj.i + 1 : stop]:
        if tok.dep_ in {"prep", "agent"} and tok.lower_ in {"from", "by"}:
            for child in tok.children:
                if child.dep_ == "pobj" and plausible_source(child):
                    return child
    return obj


def plausible_source(tok: Token) -> bool:
    """Whether a noun can name a source (not "according to plan", "$5 per barrel")."""
    if tok.lower_ in _PRONOUNS or tok.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
        return True
    if tok.pos_ == "PROPN":
        return True
    return tok.lower_ in _PLAUSIBLE_WORDS or tok.lemma_.lower() in _PLAUSIBLE_WORDS


def _any_source(tok: Token) -> bool:
    """ "according to the results / a CNN tally / his Facebook profile": after "according to"
    almost any noun is a source, except norms ("according to plan")."""
    return (tok.pos_ in {"NOUN", "PROPN", "PRON"} or tok.dep_ == "pobj") and (
        tok.lower_ not in _NORMS and tok.like_num is False
    )


def relay_by(head: Token) -> Token | None:
    """ "officials, cited by Suspilne," / "the source quoted by LIGA": the relaying source."""
    for child in head.children:
        if child.dep_ == "acl" and child.lemma_.lower() in lexicon.CHAIN_VERBS | {"report"}:
            for grand in child.children:
                if grand.dep_ == "agent":
                    for obj in grand.children:
                        if obj.dep_ == "pobj":
                            return obj
    return None


def _owner(cue_tok: Token, by_verb: dict[int, list[Candidate]]) -> tuple[list[Candidate], bool]:
    """The attributions whose speech verb governs the cue, and whether the cue hangs directly off
    that verb (a modifier of the speech act) rather than inside its content."""
    tok = cue_tok
    direct = True
    for _ in range(12):
        if tok.head is tok:
            return [], False
        parent = tok.head
        if parent.i in by_verb:
            return by_verb[parent.i], direct
        direct = False
        tok = parent
    return [], False


def _by_verb(found: list[Candidate]) -> dict[int, list[Candidate]]:
    by_verb: dict[int, list[Candidate]] = {}
    for cand in found:
        if cand.verb is not None and cand.rule == "verb":
            by_verb.setdefault(cand.verb, []).append(cand)
    return by_verb


def merge_relays(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """Fold "..., as reported by X" into the attribution it relays (X becomes the source, the
    original speaker moves to ``via``); a relay with no such attribution stands alone."""
    by_verb = _by_verb(found)
    out: list[Candidate] = []
    for cand in found:
        if cand.rule != "relay" or cand.verb is None:
            out.append(cand)
            continue
        owners, _ = _owner(doc[cand.verb], by_verb)
        if not owners:
            sent = doc[cand.cue[0]].sent
            relayed = subtree_range(doc[cand.verb])
            sides = [
                r
                for r in (trim(doc, (sent.start, relayed[0])), trim(doc, (relayed[1], sent.end)))
                if r is not None
            ]
            if not sides:
                continue
            cand.rule = "verb"
            cand.content = max(sides, key=lambda r: r[1] - r[0])
            out.append(cand)
            continue
        relayed = subtree_range(doc[cand.verb])
        for owner in owners:
            if owner.content[0] < relayed[0] < owner.content[1]:
                owner.content = trim(doc, (owner.content[0], relayed[0])) or owner.content
            old = doc[owner.source[0] : owner.source[1]].text if owner.source else ""
            owner.via = [v for v in [old, *owner.via] if v]
            owner.source, owner.source_head, owner.name = cand.source, cand.source_head, ""
    return out


def prep_candidates(doc: Doc, found: list[Candidate]) -> list[Candidate]:
    """New attributions from prepositional cues; chains are written into ``found`` in place."""
    by_verb = _by_verb(found)
    out: list[Candidate] = []
    used: set[int] = set()
    for match_id, start, end in _matcher(doc)(doc):
        if start in used:
            continue
        label = doc.vocab.strings[match_id]
        kind = label.split(":", 1)[0]
        if label == "inner:per" and start > 0 and doc[start - 1].lower_ == "as":
            continue  # the "as per" match covers it
        obj = _object(doc, start, end)
        if obj is None:
            continue
        obj = _unwrap_info(obj)
        if not (plausible_source(obj) or (kind == "outer" and _any_source(obj))):
            continue
        used.add(start)
        owners, direct = _owner(doc[start], by_verb)
        owners = [c for c in owners if not inside((obj.i, obj.i + 1), c.source or (0, 0))]
        if owners:
            nested = False
            phrase = (start, max(end, subtree_range(obj)[1]))
            for cand in owners:
                if cand.source is not None and inside((start, end), cand.source):
                    continue
                at_end = (
                    cand.content[0] < start <= cand.content[1] + 1 and phrase[1] >= cand.content[1]
                )
                if at_end:
                    # "said the attack killed 12, according to Reuters": the cue closes the
                    # sentence, so it qualifies the whole report, not part of its content.
                    cand.content = trim(doc, (cand.content[0], start)) or cand.content
                if (direct or at_end) and kind == "outer":
                    # "X said ..., according to Reuters": Reuters relays X.
                    old = doc[cand.source[0] : cand.source[1]].text if cand.source else ""
                    cand.via = [v for v in [old, *cand.via] if v]
                    cand.source, cand.source_head, cand.name = np_range(obj), obj.i, ""
                else:
                    cand.via.append(doc[slice(*np_range(obj))].text)
                    nested = kind == "outer" and not direct
            if nested:
                # "Three in four say X, but Y, according to the survey": the survey vouches for
                # the whole sentence, the speakers inside it are its content.
                out.extend(_standalone(doc, start, end, obj, label))
            continue
        out.extend(_standalone(doc, start, end, obj, label))
    return out


def _standalone(doc: Doc, start: int, end: int, obj: Token, label: str) -> list[Candidate]:
    """ "According to X, Y." / "Y, according to X.": content is the rest of the sentence."""
    sent = doc[start].sent
    src = np_range(obj)
    via: list[str] = []
    relay = relay_by(obj)
    phrase_end = max(src[1], subtree_range(obj)[1])
    if relay is not None:
        via = [doc[slice(*src)].text]
        src = np_range(relay)
        phrase_end = max(phrase_end, relay.right_edge.i + 1)
    phrase: TokRange = (start, min(phrase_end, sent.end))
    before = trim(doc, (sent.start, phrase[0]))
    after = trim(doc, (phrase[1], sent.end))
    sizes = [(r[1] - r[0], r) for r in (before, after) if r is not None]
    if not sizes:
        return []
    content = max(sizes)[1]
    head = relay if relay is not None else obj
    if content[0] >= phrase[1]:
        split = _swallowed_subject(doc, src, content)
        if split is not None:
            # "According to the source cited by LIGA North Korean soldiers were ...": the parse ran
            # the clause's subject into the source; the leading name is the source, the rest is
            # given back to the content.
            src, content = (src[0], split), (split, content[1])
            head = doc[split - 1]
    return [
        Candidate(
            (start, end),
            content,
            src,
            head.i,
            via=via,
            rule="prep",
            cue_lemma=label.split(":", 1)[1],
        )
    ]


def _swallowed_subject(doc: Doc, src: TokRange, content: TokRange) -> int | None:
    """Where to split a source phrase that swallowed the subject of the clause right after it.

    The content's main verb has no subject of its own while the source phrase ends just before
    it, so the phrase's tail is that subject (scraped text joins words across lost line breaks:
    "cited by LIGANorth Korean soldiers were ...", repaired to "LIGA North Korean soldiers").
    The source keeps its leading proper-noun run; None when the clause has a subject or the phrase
    has no such run to keep.
    """
    if content[0] != src[1] and not all(t.is_punct or t.is_space for t in doc[src[1] : content[0]]):
        return None
    words = doc[content[0] : content[1]]
    roots = [t for t in words if t.head.i == t.i or not content[0] <= t.head.i < content[1]]
    verbs = [t for t in roots if t.pos_ in {"VERB", "AUX"}]
    if not verbs or any(
        c.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"} for v in verbs for c in v.children
    ):
        return None
    i = src[0]
    while i < src[1] and doc[i].lower_ in {"the", "a", "an"}:
        i += 1
    start = i
    while i < src[1] and doc[i].pos_ == "PROPN":
        i += 1
    if i == start or i >= src[1]:
        return None
    return i
