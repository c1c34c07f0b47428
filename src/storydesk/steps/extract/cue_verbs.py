"""Verb cues ("X said Y", "Y, X said", "X told Z that Y", "it was reported that Y") and agentless
hearsay ("reportedly", "are said to"), read off spaCy's dependency parse."""

from __future__ import annotations

from typing import TYPE_CHECKING

from storydesk.steps.extract import lexicon
from storydesk.steps.extract.cue_lexicon import is_cue
from storydesk.steps.extract.cue_repairs import (
    RELATIVE as _RELATIVE,
)
from storydesk.steps.extract.cue_repairs import (
    antecedent_content,
    broken_speaker,
    misparsed_main,
    quote_touching,
)
from storydesk.steps.extract.spans import (
    QUOTE_CHARS,
    Candidate,
    TokRange,
    np_range,
    subtree_range,
    trim,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Subjects that never name a speaker ("This shows that ...", "There is ...").
_NON_SOURCES = frozenset(
    {"this", "that", "these", "those", "which", "what", "there", "all", "both", "you"}
)
_OBJECT_PRONOUNS = frozenset({"it", "this", "that", "them", "so", "what", "nothing", "something"})
# Right-hand dependents of a verb that make up its complement ("praised [her] [for the effort]").
_COMPLEMENT_DEPS = frozenset(
    {"dobj", "dative", "ccomp", "xcomp", "prep", "oprd", "attr", "acomp", "pcomp", "advcl"}
)


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            return child
    return None


def _is_passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def _agent(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def _raised(verb: Token) -> bool:
    """ "are said to have ...", "now said to be ..." (spaCy sometimes parses these as active). An
    active verb with a pronoun subject ("a woman who claimed to be undecided", "he claimed to
    have ...") raises nothing: its subject is the speaker."""
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if nxt is not None and nxt.pos_ == "ADV" and nxt.i + 1 < len(verb.doc):
        nxt = nxt.nbor(1)
    return (
        verb.lemma_.lower() in lexicon.RAISING_VERBS
        and verb.tag_ in {"VBN", "VBD"}
        and nxt is not None
        and nxt.lower_ == "to"
        and any(c.dep_ == "xcomp" for c in verb.children)
        and (
            verb.tag_ == "VBN"
            or _is_passive(verb)
            or not any(
                c.dep_ == "dobj" or c.dep_ == "nsubj" and c.pos_ == "PRON" for c in verb.children
            )
        )
    )


def _speaker(verb: Token) -> Token | None:
    """The speaker of an active speech verb, following conjunctions ("said ... and added"),
    participles ("..., adding that"), relative clauses ("Peskov, who said") and xcomp
    ("refused to say")."""
    if misparsed_main(verb):
        return verb.head
    seen = 0
    while seen < 4:
        seen += 1
        subj = _subject(verb)
        if subj is not None:
            return subj
        if verb.dep_ == "conj" or (verb.dep_ in {"advcl", "xcomp"} and verb.tag_ == "VBG"):
            verb = verb.head
            continue
        if verb.dep_ == "xcomp":
            verb = verb.head
            continue
        if (
            verb.dep_ == "pcomp"
            and verb.tag_ == "VBG"
            and verb.head.dep_ in {"prep", "advcl"}
            and verb.head.head.pos_ in {"VERB", "AUX"}
        ):
            verb = verb.head.head  # "landed in hot water by saying that ...": the main subject
            continue
        if (
            verb.dep_ == "advcl"
            and verb.tag_ == "VB"
            and (
                verb.lemma_.lower() in lexicon.SPEECH_VERBS
                or verb.head.dep_ in {"ROOT", "conj", "ccomp"}
            )
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        ):
            # "stood at a Bush event to say ...": a purpose infinitive; a stance one only off a
            # main clause ("speculation that Moscow employs troops to support ..." is no stance)
            verb = verb.head
            continue
        if verb.pos_ == "ADJ" and verb.dep_ in {"acomp", "advcl", "xcomp"}:
            verb = verb.head  # "voters are more likely to say", "companies are quick to point out"
            continue
        return None
    return None


def quote_beside(sent: Span, exclude: TokRange) -> TokRange | None:
    """A quotation of ``sent`` right beside ``exclude`` (the cue and speaker): 'said: “…”',
    '“…,” he said'. Quotations further away are someone else's words or scare quotes."""
    open_at: int | None = None
    doc = sent.doc
    for tok in sent:
        if tok.text not in QUOTE_CHARS:
            continue
        if open_at is None:
            open_at = tok.i
            continue
        rng = (open_at, tok.i + 1)
        open_at = None
        if rng[1] - rng[0] <= 3 or (exclude[0] < rng[1] and rng[0] < exclude[1]):
            continue
        gap = doc[rng[1] : exclude[0]] if rng[1] <= exclude[0] else doc[exclude[1] : rng[0]]
        if all(t.is_punct or t.is_space for t in gap):
            return rng
    return None


def _what_content(verb: Token, sent: Span) -> TokRange | None:
    """ "This is what the magazine writes": the content is the previous sentence."""
    if not any(c.lower_ == "what" for c in verb.children):
        return None
    root = sent.root
    if root.lemma_ != "be" or not any(c.lower_ in {"this", "that"} for c in root.children):
        return None
    doc = sent.doc
    if sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    return trim(doc, (prev.start, prev.end))


def _content(
    verb: Token, sent: Span, speaker_rng: TokRange | None, quoted: list[TokRange]
) -> TokRange | None:
    doc = verb.doc
    lemma = verb.lemma_.lower()
    if _agent(verb) is not None:
        # "The attack was confirmed by the Pentagon": what was confirmed is the passive subject.
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if subj is not None and subj.lower_ not in _NON_SOURCES | {"it"}:
            return trim(doc, subtree_range(subj))
    for child in verb.children:
        if child.dep_ == "ccomp":
            if child.lemma_.lower() in lexicon.CHAIN_VERBS and child.tag_ == "VBG":
                continue  # "writes Newsweek referring to ...": a chain, not content
            return trim(doc, subtree_range(child))
    for child in verb.children:
        if child.dep_ == "xcomp":
            return trim(doc, subtree_range(child))
    if lemma in lexicon.OBJECT_CONTENT_VERBS:
        for child in verb.children:
            if child.dep_ == "dobj" and child.lower_ not in _OBJECT_PRONOUNS:
                return trim(doc, subtree_range(child))
    what = _what_content(verb, sent)
    if what is not None:
        return what
    if verb.dep_ == "parataxis" or (
        verb.dep_ == "advcl"
        and verb.i > verb.head.i
        and not any(c.dep_ == "mark" for c in verb.children)
        and _subject(verb) is not None
    ):
        # "Y, X said" parsed with "said" hanging off Y's verb: content is Y's clause before it.
        head = verb.head
        start = head.left_edge.i
        end = verb.left_edge.i
        if end > start:
            return trim(doc, (start, end))
    exclude = (
        (verb.i, verb.i + 1)
        if speaker_rng is None
        else (min(verb.i, speaker_rng[0]), max(verb.i + 1, speaker_rng[1]))
    )
    quote = quote_beside(sent, exclude)
    if quote is not None:
        return quote
    if lemma not in lexicon.CORE_SPEECH_VERBS:
        return complement(verb) or quote_touching(doc, quoted, exclude)
    # A parse that lost the clause (a headline run into the sentence): "Y, X said." takes what
    # precedes the comma, "X said Y" what follows the verb.
    if exclude[0] - 1 > sent.start and doc[exclude[0] - 1].text == ",":
        return trim(doc, (sent.start, exclude[0] - 1))
    after = (exclude[1], sent.end)
    if sum(t.is_alpha for t in doc[after[0] : after[1]]) >= 3:
        return trim(doc, after)
    return _previous_sentence(verb, sent, exclude) or quote_touching(doc, quoted, exclude)


def _previous_sentence(verb: Token, sent: Span, exclude: TokRange) -> TokRange | None:
    """ "“…,” the senator said." split by the parser after the quotation: a sentence that is only
    the speaker and the verb (plus adverbs: "Trump said Tuesday.") reports the sentence before it."""
    doc = verb.doc
    rest = [t for t in sent if not exclude[0] <= t.i < exclude[1] and t.is_alpha]
    if len(rest) > 2 or any(t.pos_ in {"VERB", "NOUN", "PRON"} for t in rest):
        return None
    if sent.start == 0:
        return None
    prev = doc[sent.start - 1].sent
    if sum(t.is_alpha for t in prev) < 3:
        return None
    return trim(doc, (prev.start, prev.end))


def complement(verb: Token) -> TokRange | None:
    """The verb's right-hand complement as content: "praised [her effort]", "called [for a
    ban]", "congratulated [her for her victory]"; stops at a conjunct or unrelated modifier."""
    start = end = None
    for child in verb.rights:
        if child.dep_ == "prt" or (child.is_punct and start is None):
            continue
        if child.dep_ not in _COMPLEMENT_DEPS:
            if child.is_punct:
                continue
            break
        if child.dep_ == "advcl" and start is not None:
            break  # "praised X, saying ...": the participle is a new act
        start = child.left_edge.i if start is None else start
        end = child.right_edge.i + 1
    if start is None or end is None:
        return None
    return trim(verb.doc, (max(start, verb.i + 1), end))


def _antecedent(speaker: Token) -> Token:
    """The noun a relative-pronoun speaker stands for ("Peskov, who said" -> Peskov)."""
    verb = speaker.head
    for _ in range(4):
        if verb.dep_ == "relcl":
            return verb.head
        if verb.dep_ != "conj" or verb.head is verb:
            break
        verb = verb.head
    return speaker


def _chain_subject(verb: Token) -> Token | None:
    """ "the American magazine writes Newsweek referring to ...": the named outlet beside a
    descriptor subject is the real source."""
    for child in verb.children:
        if (
            child.dep_ in {"ccomp", "advcl", "xcomp"}
            and child.lemma_.lower() in lexicon.CHAIN_VERBS
            and child.tag_ == "VBG"
        ):
            subj = _subject(child)
            if subj is not None and subj.pos_ == "PROPN":
                return subj
    return None


def _light_cue(verb: Token, lemma: str) -> bool:
    """ "made the case that", "took aim at", "raised concerns about": a light verb and its
    object together say what the speech verb would."""
    return lemma in lexicon.LIGHT_VERBS and any(
        c.dep_ in {"dobj", "oprd", "ccomp", "acomp"} and c.lower_ in lexicon.LIGHT_OBJECTS
        for c in verb.children
    )


def _beside_quote(verb: Token, quoted: list[TokRange]) -> Token | None:
    """ "“…,” Mr. Trump said" parsed with a subject inside the quotation: the noun phrase right
    before the verb (or right after it, "said Mr. Trump") is the speaker."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].pos_ in {"AUX", "ADV", "PART"}:
        i -= 1
    sides = [i] + ([verb.i + 1] if verb.i + 1 < len(doc) else [])
    for j in sides:
        if j < 0 or any(q[0] <= j < q[1] for q in quoted):
            continue
        tok = doc[j]
        if tok.pos_ in {"PROPN", "PRON", "NOUN"} and not tok.is_punct:
            # walk to the phrase's last word: its head names the speaker
            while j + 1 < verb.i and doc[j + 1].pos_ in {"PROPN", "NOUN"}:
                j += 1
            return doc[j]
    return None


def verb_candidates(doc: Doc, quoted: list[TokRange] | None = None) -> list[Candidate]:
    """Attributions cued by a speech verb, named or agentless; ``quoted`` (token ranges of
    quotations) keeps a misparsed subject inside a quotation from becoming the speaker."""
    quoted = quoted or []
    out: list[Candidate] = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        if tok.pos_ != "VERB" or not (is_cue("VERB", lemma) or _light_cue(tok, lemma)):
            continue
        stance = lemma not in lexicon.SPEECH_VERBS | lexicon.DISMISS_VERBS
        if tok.dep_ in {"amod", "acl", "compound"} and not misparsed_main(tok):
            continue  # "a reported attack", "officials cited by ...": modifiers, not speech acts
        if lemma in lexicon.CLAUSE_ONLY_VERBS and not any(c.dep_ == "ccomp" for c in tok.children):
            continue  # "maintained ties", "gave a speech": an act, not a report
        if any(c.dep_ == "neg" for c in tok.children) and _is_passive(tok):
            continue  # "has not been confirmed by independent sources" attributes nothing
        # An active negated cue ("Cook did not say when", "Trump did not respond to ...") still
        # has a speaker and is an attribution (PolNeAR train: 6 in 10 of them are gold).
        sent = tok.sent
        cue: TokRange = (tok.i, tok.i + 1)
        for child in tok.children:
            if child.dep_ == "prt" and child.i == tok.i + 1:
                cue = (tok.i, tok.i + 2)
        agent = _agent(tok)
        if stance and agent is None and _is_passive(tok):
            continue  # "was praised", "is seen as": the subject is the topic, not a speaker
        if _raised(tok) and agent is None:
            content = trim(doc, subtree_range(tok))
            if content is not None:
                out.append(Candidate(cue, content, rule="agentless", cue_lemma=lemma, verb=tok.i))
            continue
        if _is_passive(tok) and agent is None:
            subj = _subject(tok)
            ccomp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
            if subj is not None and subj.lower_ == "it" and ccomp is not None:
                content = trim(doc, subtree_range(ccomp))
                if content is not None:
                    out.append(
                        Candidate(cue, content, rule="agentless", cue_lemma=lemma, verb=tok.i)
                    )
            continue
        speaker = agent if agent is not None else _speaker(tok)
        if speaker is None:
            speaker = broken_speaker(tok, quoted)
        if speaker is not None and any(
            q[0] <= speaker.i < q[1] and not q[0] <= tok.i < q[1] for q in quoted
        ):
            speaker = _beside_quote(tok, quoted)
        if speaker is None:
            continue
        # "Peskov, who said": the source as written is "who"; Peskov names it.
        named_as = _antecedent(speaker) if speaker.lower_ in _RELATIVE else speaker
        if named_as.lower_ in _NON_SOURCES or named_as.pos_ in {"VERB", "AUX"}:
            continue
        named = _chain_subject(tok)
        if named is not None and speaker.pos_ != "PROPN":
            speaker = named_as = named
        speaker_rng = np_range(speaker)
        # "..., as reported by Yonhap": the agent relays someone else's statement; its content is
        # settled when the relay is merged (``cue_preps.merge_relays``).
        relay = agent is not None and any(c.lower_ == "as" for c in tok.children)
        content = cue if relay else _content(tok, sent, speaker_rng, quoted)
        if content is None:
            content = antecedent_content(tok, speaker)
        if content is None or content == speaker_rng:
            continue
        distant = content[1] <= sent.start
        if lemma in lexicon.DISMISS_VERBS and not any(
            w.lemma_.lower()
            in {"report", "claim", "allegation", "suggestion", "accusation", "rumour", "rumor"}
            for w in doc[content[0] : content[1]][:3]
        ):
            continue
        rule = "relay" if relay else "verb"
        # "the Kyiv Post and Interfax-Ukraine have reported": one attribution per named conjunct.
        conjuncts = [speaker] + [
            c for c in speaker.conjuncts if c.i > speaker.i and (c.pos_ == "PROPN" or c.ent_type_)
        ]
        if speaker.dep_ not in _SUBJECT_DEPS and speaker.dep_ != "pobj" or named_as is not speaker:
            conjuncts = [speaker]
        for head in conjuncts:
            rng = np_range(head) if len(conjuncts) == 1 else _conjunct_range(head)
            out.append(
                Candidate(
                    cue,
                    content,
                    rng,
                    named_as.i if head is speaker else head.i,
                    rule=rule,
                    cue_lemma=lemma,
                    verb=tok.i,
                    distant=distant,
                )
            )
    return out


def _conjunct_range(head: Token) -> TokRange:
    """One conjunct of "the Kyiv Post and Interfax-Ukraine" without its siblings."""
    start = min([head.i] + [c.left_edge.i for c in head.lefts if c.dep_ not in {"cc", "punct"}])
    end = head.i + 1
    for child in head.rights:
        if child.dep_ in {"compound", "flat", "case"}:
            end = child.right_edge.i + 1
        else:
            break
    return trim(head.doc, (start, end), keep_quotes=False) or (head.i, head.i + 1)


def agentless_adverbs(doc: Doc) -> list[Candidate]:
    """ "reportedly", "allegedly": hearsay with no named source; content is the modified clause."""
    out: list[Candidate] = []
    for tok in doc:
        if tok.lower_ not in lexicon.AGENTLESS_ADVERBS:
            continue
        head = tok.head if tok.head is not tok else tok
        sent = tok.sent
        start, end = subtree_range(head)
        start, end = max(start, sent.start), min(end, sent.end)
        content = trim(doc, (start, end))
        if content is None:
            continue
        out.append(
            Candidate(
                (tok.i, tok.i + 1), content, rule="agentless", cue_lemma=tok.lower_, verb=head.i
            )
        )
    return out
