"""Attribution extraction: who said what, on whose authority, over one spaCy ``Doc``.

``find_attributions(doc)`` combines four finders (each in its own module) and then names the
sources:

* speech verbs with a speaker ("X said Y", "Y, X said", "X told Z that Y"), passives with an agent
  ("as reported by X") and agentless hearsay ("it was reported", "are said to", "reportedly") —
  ``cue_verbs``;
* prepositional cues ("according to X", "citing X", "as per X") and chains ("Suspilne reported ...,
  citing officials" -> Suspilne via officials) — ``cue_preps``;
* direct quotations no verb claimed — ``quotes``;
* naming (``sources``): descriptors stripped, possessives split ("Suspilne's sources" -> Suspilne via
  "Suspilne sources"), relays ("officials, cited by Suspilne" -> Suspilne via officials), pronouns and
  "the outlet"-style descriptions resolved to a speaker of the previous three sentences when only one
  candidate fits.

The doc must be ``nlp(article.text)``: token offsets are article offsets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from storydesk.model import Attribution
from storydesk.steps.extract import attr_filter, lexicon
from storydesk.steps.extract.attr_participles import participle_candidates
from storydesk.steps.extract.cue_colon import colon_candidates
from storydesk.steps.extract.cue_nouns import adjective_candidates, noun_candidates
from storydesk.steps.extract.cue_preps import merge_relays, prep_candidates, relay_by
from storydesk.steps.extract.cue_verbs import agentless_adverbs, quote_beside, verb_candidates
from storydesk.steps.extract.gender import PRONOUN_GENDER, article_genders, name_gender
from storydesk.steps.extract.quotes import quote_candidates, quote_ranges
from storydesk.steps.extract.sources import classify_source, normalize_source_name, source_role
from storydesk.steps.extract.spans import (
    Candidate,
    clip,
    inside,
    line_range,
    name_range,
    np_range,
    overlap,
    to_span,
    trim,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_WINDOW = 3  # sentences looked back for a pronoun's antecedent
_DESCRIPTION_HEADS = lexicon.OUTLET_WORDS | frozenset({"agency", "broadcaster", "outlet"})


@dataclass(slots=True)
class _Mention:
    """A named speaker or subject seen so far, for resolving later pronouns."""

    sent: int
    token: int
    name: str
    kind: str


def find_attributions(doc: Doc, *, learned_filter: bool = False) -> list[Attribution]:
    """Return the attributions in ``doc``, ordered by cue position.

    Every span lies inside the doc with ``start < end``; ``source`` is None for agentless hearsay
    ("reportedly"), whose ``source_kind`` is "unnamed" and ``source_name`` empty.
    ``learned_filter`` drops proposals the learned ``attr_filter`` finds unlikely: it trades
    recall for precision (on PolNeAR train, cross-validated: source precision +0.03, recall -0.02,
    F1 unchanged), so it is off by default.
    """
    pairs = attribution_candidates(doc)
    if learned_filter:
        pairs = attr_filter.keep(doc, pairs)
    return [att for att, _ in pairs]


def attribution_candidates(doc: Doc) -> list[tuple[Attribution, Candidate]]:
    """The attributions of ``doc`` with the candidate each was named from (its rule, cue lemma and
    token ranges), for training and explaining; ordered by cue position."""
    if doc is None or len(doc) == 0 or not doc.has_annotation("DEP"):
        return []
    quoted = quote_ranges(doc)
    cands = [c for c in verb_candidates(doc, quoted) if not _quoted(c.cue, quoted)]
    cands = merge_relays(doc, cands)
    cands += [c for c in prep_candidates(doc, cands) if not _quoted(c.cue, quoted)]
    cands += [
        c
        for c in noun_candidates(doc) + adjective_candidates(doc) + participle_candidates(doc)
        if not _quoted(c.cue, quoted)
    ]
    cands = _clip_lines(doc, cands)
    cands += colon_candidates(doc, cands)
    cands += quote_candidates(doc, cands)
    cands += agentless_adverbs(doc)
    cands = _dedupe(cands)
    return _Namer(doc).name_all(cands)


def outermost(attributions: list[Attribution], doc: Doc | None = None) -> list[Attribution]:
    """The attributions whose cue lies in no other attribution's content, plus, given ``doc``,
    the nested ones that head a sentence of their own.

    Nested attributions ("Trump said he *thinks* ...", "“I *believe* ...,” she said") are kept by
    ``find_attributions`` because their sources chain; corpora that annotate mostly the outer
    relation (PolNeAR) want the outer ones, returned in the same order. A nested attribution whose
    cue is the root of its sentence and that names its own source ("... . He *said* ...") is a
    report of its own that an over-long outer content swallowed (on PolNeAR train, about half of
    them are gold, against one in eight of the other nested ones), so it is kept; the same cue is
    never returned twice.
    """
    out = []
    cues: set[tuple[int, int]] = set()
    for att in attributions:
        cue = (att.cue.start, att.cue.end)
        nested = any(
            other is not att
            and other.content.start <= cue[0]
            and cue[1] <= other.content.end
            and not (other.content.start >= cue[0] and other.content.end <= att.content.end)
            for other in attributions
        )
        if (not nested or _heads_sentence(att, doc)) and cue not in cues:
            cues.add(cue)
            out.append(att)
    return out


def _heads_sentence(att: Attribution, doc: Doc | None) -> bool:
    """``att`` names a source and its cue is the root verb of its sentence."""
    if doc is None or att.source is None:
        return False
    span = doc.char_span(att.cue.start, att.cue.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.dep_ == "ROOT"


def _quoted(cue: tuple[int, int], quoted: list[tuple[int, int]]) -> bool:
    """A cue inside a quotation ("“I think ...”") belongs to the quoted words, not the article."""
    return any(q[0] < cue[0] and cue[1] < q[1] for q in quoted)


def _clip_lines(doc: Doc, cands: list[Candidate]) -> list[Candidate]:
    """Keep each attribution on its cue's line: a headline or caption the parser ran into the
    sentence is neither its speaker nor its content."""
    out: list[Candidate] = []
    for cand in cands:
        line = line_range(doc, cand.cue[0])
        if overlap(cand.content, line):
            content = clip(doc, cand.content, line)
        elif cand.distant:
            content = cand.content
        else:
            content = _line_content(doc, cand, line)
        if content is None:
            continue
        cand.content = content
        if cand.source is not None and not inside(cand.source, line):
            source = clip(doc, cand.source, line)
            head = _adjacent_speaker(doc, cand.cue, line) if source is None else doc[source[1] - 1]
            if head is None:
                continue
            cand.source = source or (head.i, head.i + 1)
            cand.source_head = head.i
        out.append(cand)
    return out


def _line_content(doc: Doc, cand: Candidate, line: tuple[int, int]) -> tuple[int, int] | None:
    """Content for a plain reporting verb whose parsed content fell on another line: the words
    after the cue on its line ("said North Korea is joining"), else those before ("..., he said")."""
    if cand.cue_lemma not in lexicon.CORE_SPEECH_VERBS:
        return None
    sent = doc[cand.cue[0]].sent
    lo, hi = max(line[0], sent.start), min(line[1], sent.end)
    first = min(cand.cue[0], cand.source[0]) if cand.source else cand.cue[0]
    last = max(cand.cue[1], cand.source[1]) if cand.source else cand.cue[1]
    quote = quote_beside(doc[lo:hi], (first, last))
    if quote is not None:
        return quote
    for rng in ((last, hi), (lo, first)):
        if rng[0] < rng[1] and sum(t.is_alpha for t in doc[rng[0] : rng[1]]) >= 3:
            return trim(doc, rng)
    return None


def _adjacent_speaker(doc: Doc, cue: tuple[int, int], line: tuple[int, int]) -> Token | None:
    """ "..., he said" / "..., said the official": the word beside the cue."""
    for i in (cue[0] - 1, cue[1]):
        if line[0] <= i < line[1] and doc[i].pos_ in {"PRON", "PROPN"}:
            return doc[i]
    return None


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    named = [c for c in cands if c.source is not None]
    out: list[Candidate] = []
    seen: set[tuple[object, ...]] = set()
    for cand in sorted(cands, key=lambda c: (c.cue[0], c.rule != "verb")):
        if cand.source is None and any(
            inside(cand.cue, other.content) or other.cue == cand.cue for other in named
        ):
            continue  # "reportedly" inside "..., Suspilne reported": the named source explains it
        key = (cand.cue, cand.source, cand.content)
        if key in seen:
            continue
        seen.add(key)
        out.append(cand)
    return out


class _Namer:
    """Names sources in document order, remembering speakers for pronoun resolution."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.sent_of = {}
        for idx, sent in enumerate(doc.sents):
            for tok in sent:
                self.sent_of[tok.i] = idx
        self.kind_memory = self._descriptor_kinds()
        self.mentions = self._subject_mentions()
        self.resolved: dict[int, tuple[str, str] | None] = {}
        self.genders = article_genders(doc)

    def _descriptor_kinds(self) -> dict[str, str]:
        """Kinds the article itself states: "Ukrainian public broadcaster Suspilne" makes a later
        bare "Suspilne" an outlet."""
        memory: dict[str, str] = {}
        for ent in self.doc.ents:
            if ent.label_ not in {"ORG", "PERSON"}:
                continue
            phrase = self.doc[ent.root.left_edge.i : ent.end].text
            if source_role(phrase) is None:
                continue
            kind = classify_source(phrase, None)
            if kind in {"outlet", "agency", "official"}:
                memory.setdefault(normalize_source_name(ent.text), kind)
        return memory

    def _subject_mentions(self) -> list[_Mention]:
        out: list[_Mention] = []
        for tok in self.doc:
            if (
                tok.dep_ in {"nsubj", "nsubjpass"}
                and tok.ent_type_ in {"PERSON", "ORG"}
                and inside((tok.head.i, tok.head.i + 1), line_range(self.doc, tok.i))
            ):
                rng = name_range(tok)
                name = normalize_source_name(self.doc[rng[0] : rng[1]].text)
                kind = "person" if tok.ent_type_ == "PERSON" else self._kind(tok, rng, "")
                if name:
                    out.append(_Mention(self.sent_of[tok.i], tok.i, name, kind))
        return out

    def _kind(self, head: Token, rng: tuple[int, int], cue: str) -> str:
        text = self.doc[rng[0] : rng[1]].text
        name = normalize_source_name(text)
        kind = classify_source(text, head.ent_type_ or None, cue)
        if kind != "person" and name in self.kind_memory:
            return self.kind_memory[name]
        return kind

    def _resolve(self, head: Token) -> tuple[str, str] | None:
        """(name, kind) of the unique earlier speaker a pronoun or description can refer to."""
        if head.i in self.resolved:
            return self.resolved[head.i]
        here = self.sent_of[head.i]
        pronoun = head.lower_
        window = [m for m in self.mentions if m.token < head.i and here - _WINDOW <= m.sent <= here]
        if pronoun in lexicon.PERSON_PRONOUNS:
            # "she" cannot be Donald Trump: drop speakers the text marks as the other gender.
            gender = PRONOUN_GENDER.get(pronoun)
            fits = [
                m
                for m in window
                if m.kind == "person" and name_gender(m.name, self.genders) in {None, gender}
            ]
            key = lambda m: m.name.split()[-1].lower()  # noqa: E731 - Zelensky == Volodymyr Zelensky
        elif pronoun in lexicon.GROUP_PRONOUNS:
            fits = [m for m in window if m.kind in {"outlet", "agency", "official"}]
            key = lambda m: m.name.lower()  # noqa: E731
        else:  # "the media outlet", "the agency"
            wanted = {"agency"} if head.lemma_.lower() == "agency" else {"outlet", "agency"}
            fits = [m for m in window if m.kind in wanted]
            key = lambda m: m.name.lower()  # noqa: E731
        keys = {key(m) for m in fits}
        result = None
        if len(keys) == 1:
            best = max(fits, key=lambda m: len(m.name))
            result = (best.name, best.kind)
        self.resolved[head.i] = result
        return result

    def _is_description(self, rng: tuple[int, int], head: Token) -> bool:
        toks = self.doc[rng[0] : rng[1]]
        return (
            toks[0].lower_ == "the"
            and head.lemma_.lower() in _DESCRIPTION_HEADS
            and not any(t.pos_ == "PROPN" for t in toks)
        )

    def name_all(self, cands: list[Candidate]) -> list[tuple[Attribution, Candidate]]:
        out: list[tuple[Attribution, Candidate]] = []
        for cand in sorted(cands, key=lambda c: c.cue[0]):
            attribution = self._name(cand)
            if attribution is not None:
                out.append((attribution, cand))
        return out

    def _name(self, cand: Candidate) -> Attribution | None:
        doc = self.doc
        if not _valid(cand, len(doc)):
            return None
        cue, content = to_span(doc, cand.cue), to_span(doc, cand.content)
        if cand.source is None or cand.source_head is None:
            return Attribution(None, cue, content, "", "unnamed", _names(cand.via))
        head = doc[cand.source_head]
        source, via, cue_lemma = cand.source, list(cand.via), cand.cue_lemma
        relay = relay_by(head)
        if relay is not None:
            # "officials, cited by Suspilne,": whoever relays a source publishes it, like an outlet.
            via = [doc[source[0] : source[1]].text, *via]
            head, source, cue_lemma = relay, np_range(relay), "report"
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        text = doc[source[0] : source[1]].text
        if (
            owner is not None
            and owner.ent_type_ in {"ORG", "PERSON"}
            and head.lemma_.lower() in lexicon.UNNAMED_ROLE_NOUNS
        ):
            # "Suspilne's sources": Suspilne vouches for them, so it is the source one can check.
            via = [text, *via]
            rng = name_range(owner)
            name, kind = self._plain(owner, rng, cue_lemma)
        elif source == (head.i, head.i + 1) and head.lower_ in (
            lexicon.PERSON_PRONOUNS | lexicon.GROUP_PRONOUNS
        ):
            resolved = self._resolve(head)
            if resolved is not None:
                name, kind = resolved
            else:
                name = ""
                kind = "person" if head.lower_ in lexicon.PERSON_PRONOUNS else "unnamed"
        elif self._is_description(source, head) and (resolved := self._resolve(head)) is not None:
            name, kind = resolved
        elif not inside((head.i, head.i + 1), source):
            # "Peskov, who said": the source as written is "who", its antecedent names it.
            name, kind = self._plain(head, np_range(head), cue_lemma)
        else:
            name, kind = self._plain(head, source, cue_lemma)
        if name and kind in {"outlet", "agency"}:
            # One name, one kind within an article: "Suspilne reported" makes "Suspilne's sources"
            # an outlet's sources too.
            self.kind_memory.setdefault(name, kind)
        if name and kind != "unnamed":
            self.mentions.append(_Mention(self.sent_of[head.i], head.i, name, kind))
            self.mentions.sort(key=lambda m: m.token)
        return Attribution(to_span(doc, source), cue, content, name, kind, _names(via))

    def _plain(self, head: Token, source: tuple[int, int], cue: str) -> tuple[str, str]:
        rng = name_range(head)
        name = normalize_source_name(self.doc[rng[0] : rng[1]].text)
        return name, self._kind(head, source, cue)


def _names(phrases: list[str]) -> list[str]:
    out: list[str] = []
    for phrase in phrases:
        name = normalize_source_name(phrase)
        if name and name not in out:
            out.append(name)
    return out


def _valid(cand: Candidate, n: int) -> bool:
    ranges = [cand.cue, cand.content] + ([cand.source] if cand.source else [])
    return all(0 <= r[0] < r[1] <= n for r in ranges)
