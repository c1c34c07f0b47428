"""A learned filter over proposed attributions: a logistic regression, shipped as JSON.

The rules and the cue lexicon propose (cue, source, content) triples; many are stance or speech
words that attribute nothing ("the plan seems to *work*", "he *talked* to reporters"). The filter
scores each proposal from its cue lemma's train prior, the rule that found it, the cue's syntax,
the source phrase (part of speech, entity type, pronoun) and where it sits (sentence position,
quotation, nesting in other proposals), and drops those below the threshold. Weights and the
threshold come from ``eval/train_attr_filter.py`` (PolNeAR train split, thresholds chosen by
cross-validation over articles) and live in ``attr_filter.json`` beside this module.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from storydesk.steps.extract import cue_lexicon, lexicon
from storydesk.steps.extract.spans import QUOTE_CHARS, Candidate, inside

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from storydesk.model import Attribution

MODEL_PATH = Path(__file__).with_name("attr_filter.json")
_RULES = ("verb", "relay", "agentless", "prep", "noun", "adjective", "participle", "quote", "colon")
_DEPS = ("ROOT", "ccomp", "advcl", "relcl", "xcomp", "conj", "parataxis", "acl", "pcomp", "prep")
_TAGS = ("VBD", "VBZ", "VBP", "VBN", "VBG", "VB")
_SOURCE_POS = ("PROPN", "PRON", "NOUN")
_ENTS = ("PERSON", "ORG", "GPE", "NORP")
_KINDS = ("outlet", "agency", "person", "official", "unnamed", "document")


def _pos(cand: Candidate) -> str:
    if cand.rule == "noun":
        return "NOUN"
    if cand.rule == "adjective":
        return "ADJ"
    return "VERB"


def features(
    doc: Doc, att: Attribution, cand: Candidate, others: list[Candidate]
) -> dict[str, float]:
    """Named features of one proposal; ``others`` are all proposals of the doc (for nesting)."""
    out: dict[str, float] = {"bias": 1.0}
    pos = _pos(cand)
    lemma = cand.cue_lemma
    p = min(max(cue_lexicon.prior(pos, lemma), 0.01), 0.99)
    out["prior_logit"] = math.log(p / (1 - p))
    out["hand_listed"] = float(lemma in cue_lexicon.hand_list(pos))
    out["core_verb"] = float(lemma in lexicon.CORE_SPEECH_VERBS)
    out[f"rule={cand.rule if cand.rule in _RULES else 'other'}"] = 1.0
    cue_tok = doc[cand.verb] if cand.verb is not None else doc[cand.cue[0]]
    out[f"dep={cue_tok.dep_ if cue_tok.dep_ in _DEPS else 'other'}"] = 1.0
    out[f"tag={cue_tok.tag_ if cue_tok.tag_ in _TAGS else 'other'}"] = 1.0
    out["has_ccomp"] = float(any(c.dep_ == "ccomp" for c in cue_tok.children))
    out["has_dobj"] = float(any(c.dep_ == "dobj" for c in cue_tok.children))
    if cand.source is None or cand.source_head is None:
        out["no_source"] = 1.0
    else:
        head = doc[cand.source_head]
        out[f"src_pos={head.pos_ if head.pos_ in _SOURCE_POS else 'other'}"] = 1.0
        out[f"src_ent={head.ent_type_ if head.ent_type_ in _ENTS else 'none'}"] = 1.0
        out["src_person_pronoun"] = float(head.lower_ in {"i", "he", "she", "we", "you"})
        out["src_it"] = float(head.lower_ in {"it", "they"})
        out["src_len"] = math.log1p(cand.source[1] - cand.source[0])
        out["src_after_cue"] = float(cand.source[0] > cand.cue[0])
    kind = att.source_kind if att.source_kind in _KINDS else "unnamed"
    out[f"kind={kind}"] = 1.0
    content = doc[cand.content[0] : cand.content[1]]
    out["content_len"] = math.log1p(len(content))
    out["content_quoted"] = float(any(t.text in QUOTE_CHARS for t in content))
    out["content_before_cue"] = float(cand.content[1] <= cand.cue[0])
    sent = cue_tok.sent
    out["sent_pos"] = (cue_tok.i - sent.start) / max(1, len(sent))
    out["first_sentence"] = float(sent.start == 0)
    out["nested"] = float(
        sum(
            1 for o in others if o is not cand and inside(cand.cue, o.content) and o.cue != cand.cue
        )
    )
    out["nests"] = float(
        sum(
            1 for o in others if o is not cand and inside(o.cue, cand.content) and o.cue != cand.cue
        )
    )
    return out


@lru_cache(maxsize=1)
def _model() -> dict[str, object]:
    try:
        data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def probability(feats: dict[str, float], model: Mapping[str, object] | None = None) -> float:
    """The model's probability that the proposal is a real attribution (1.0 with no model)."""
    model = _model() if model is None else model
    weights = model.get("weights")
    if not isinstance(weights, dict) or not weights:
        return 1.0
    z = sum(float(weights.get(name, 0.0)) * value for name, value in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def keep(
    doc: Doc, pairs: list[tuple[Attribution, Candidate]], model: Mapping[str, object] | None = None
) -> list[tuple[Attribution, Candidate]]:
    """The proposals whose probability reaches the model's threshold."""
    model = _model() if model is None else model
    threshold = model.get("threshold", 0.0)
    if not isinstance(threshold, (int, float)) or threshold <= 0:
        return pairs
    cands = [c for _, c in pairs]
    return [
        (att, cand)
        for att, cand in pairs
        if probability(features(doc, att, cand, cands), model) >= threshold
    ]
