"""Attribution extraction: sentence-level cases for each pattern, checked by span text."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from storydesk.model import SOURCE_KINDS, Attribution
from storydesk.steps.extract.attributions import find_attributions


@dataclass
class Seen:
    source: str | None
    name: str
    kind: str
    cue: str
    content: str
    via: list[str]


def _extract(nlp, text: str) -> list[Seen]:
    doc = nlp(text)
    out = []
    for att in find_attributions(doc):
        _check_spans(att, len(text))
        out.append(
            Seen(
                text[att.source.start : att.source.end] if att.source else None,
                att.source_name,
                att.source_kind,
                text[att.cue.start : att.cue.end],
                text[att.content.start : att.content.end],
                att.via,
            )
        )
    return out


def _check_spans(att: Attribution, n: int) -> None:
    spans = [att.cue, att.content] + ([att.source] if att.source else [])
    for span in spans:
        assert 0 <= span.start < span.end <= n
    assert att.source_kind in SOURCE_KINDS


def _one(nlp, text: str, cue: str) -> Seen:
    found = [s for s in _extract(nlp, text) if s.cue == cue]
    assert found, f"no attribution with cue {cue!r} in {_extract(nlp, text)}"
    return found[0]


# (text, cue, source span, source_name, kind, content, via)
CASES = [
    # verb cues, both orders
    (
        "Police said the suspect fled.",
        "said",
        "Police",
        "Police",
        "official",
        "the suspect fled",
        [],
    ),
    (
        "The suspect fled, police said.",
        "said",
        "police",
        "police",
        "official",
        "The suspect fled",
        [],
    ),
    (
        "Reuters reported that the talks had failed.",
        "reported",
        "Reuters",
        "Reuters",
        "agency",
        "that the talks had failed",
        [],
    ),
    (
        "The talks failed, the sources said.",
        "said",
        "the sources",
        "sources",
        "unnamed",
        "The talks failed",
        [],
    ),
    (
        "The government denied that troops had crossed the border.",
        "denied",
        "The government",
        "government",
        "official",
        "that troops had crossed the border",
        [],
    ),
    (
        "“We will win,” said the president.",
        "said",
        "the president",
        "president",
        "official",
        "We will win",
        [],
    ),
    # "X told Y that ..."
    (
        "A Western diplomat told the Kyiv Independent on Oct. 15 that North Korea has sent 10,000 "
        "soldiers to Russia.",
        "told",
        "A Western diplomat",
        "Western diplomat",
        "unnamed",
        "that North Korea has sent 10,000 soldiers to Russia",
        [],
    ),
    # passive with an agent, "as reported by"
    (
        "The attack was confirmed by the Pentagon.",
        "confirmed",
        "the Pentagon",
        "Pentagon",
        "official",
        "The attack",
        [],
    ),
    (
        "As reported by the BBC, the talks collapsed.",
        "reported",
        "the BBC",
        "BBC",
        "outlet",
        "the talks collapsed",
        [],
    ),
    # prepositional cues
    (
        "According to the ministry, 12 people died.",
        "According to",
        "the ministry",
        "ministry",
        "official",
        "12 people died",
        [],
    ),
    (
        "Twelve people died, according to the ministry.",
        "according to",
        "the ministry",
        "ministry",
        "official",
        "Twelve people died",
        [],
    ),
    (
        "The plan was dropped, per a court filing.",
        "per",
        "a court filing",
        "court filing",
        "document",
        "The plan was dropped",
        [],
    ),
    (
        "Around twenty North Korean soldiers are missing in Ukraine, according to Ukrainian spies.",
        "according to",
        "Ukrainian spies",
        "Ukrainian spies",
        "official",
        "Around twenty North Korean soldiers are missing in Ukraine",
        [],
    ),
    # chains
    (
        "An estimated 18 North Korean soldiers have deserted from their positions in Russia's Kursk "
        "and Bryansk oblasts near the Ukrainian border, Suspilne reported on Oct. 15, citing unnamed "
        "intelligence officials.",
        "reported",
        "Suspilne",
        "Suspilne",
        "outlet",
        "An estimated 18 North Korean soldiers have deserted from their positions in Russia's Kursk "
        "and Bryansk oblasts near the Ukrainian border",
        ["unnamed intelligence officials"],
    ),
    (
        "Citing two officials, the newspaper wrote that the plan was dropped.",
        "wrote",
        "the newspaper",
        "newspaper",
        "outlet",
        "that the plan was dropped",
        ["officials"],
    ),
    (
        "Officials said the attack killed 12 people, according to Reuters.",
        "said",
        "Reuters",
        "Reuters",
        "agency",
        "the attack killed 12 people",
        ["Officials"],
    ),
    (
        "Ukrainian intelligence officials, cited by Suspilne, said that commanders are hiding the "
        "desertion.",
        "said",
        "Suspilne",
        "Suspilne",
        "outlet",
        "that commanders are hiding the desertion",
        ["Ukrainian intelligence officials"],
    ),
    (
        "Around twenty North Korean soldiers have already deserted. This is what the American "
        "magazine writes Newsweek referring to Ukrainian public radio Suspilne.",
        "writes",
        "Newsweek",
        "Newsweek",
        "outlet",
        "Around twenty North Korean soldiers have already deserted",
        ["Suspilne"],
    ),
    (
        "According to Suspilne's sources, the soldiers deserted around 7 kilometers from the border.",
        "According to",
        "Suspilne's sources",
        "Suspilne",
        None,
        "the soldiers deserted around 7 kilometers from the border",
        ["Suspilne sources"],
    ),
    # descriptors stripped from names
    (
        "Ukrainian public broadcaster Suspilne claimed this week that 18 soldiers deserted.",
        "claimed",
        "Ukrainian public broadcaster Suspilne",
        "Suspilne",
        "outlet",
        "that 18 soldiers deserted",
        [],
    ),
    (
        "Kremlin spokesman Dmitry Peskov has dismissed reports that North Korea is being brought "
        "into the Russian offensive.",
        "dismissed",
        "Kremlin spokesman Dmitry Peskov",
        "Dmitry Peskov",
        "person",
        "reports that North Korea is being brought into the Russian offensive",
        [],
    ),
]


@pytest.mark.parametrize(
    ("text", "cue", "source", "name", "kind", "content", "via"),
    CASES,
    ids=[c[0][:40] for c in CASES],
)
def test_attribution_patterns(nlp, text, cue, source, name, kind, content, via) -> None:
    seen = _one(nlp, text, cue)
    assert seen.source == source
    assert seen.name == name
    if kind is not None:
        assert seen.kind == kind
    assert seen.content == content
    assert seen.via == via


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The soldiers reportedly fled.", "reportedly", "The soldiers reportedly fled"),
        ("The suspect allegedly stole a car.", "allegedly", "The suspect allegedly stole a car"),
        ("The troops are said to have left.", "said", "The troops are said to have left"),
        (
            "A group of soldiers deserted, with Kremlin fighters now said to be tracking them down.",
            "said",
            "with Kremlin fighters now said to be tracking them down",
        ),
        ("It was reported that the president resigned.", "reported", "that the president resigned"),
    ],
)
def test_agentless_hearsay(nlp, text: str, cue: str, content: str) -> None:
    seen = _one(nlp, text, cue)
    assert seen.source is None
    assert (seen.name, seen.kind, seen.via) == ("", "unnamed", [])
    assert seen.content == content


def test_named_report_absorbs_reportedly(nlp) -> None:
    text = "A group of 18 soldiers is reportedly on the run, Ukrainian public broadcaster Suspilne reported."
    seen = _extract(nlp, text)
    assert [s.cue for s in seen] == ["reported"]
    assert seen[0].name == "Suspilne"


@pytest.mark.parametrize(
    ("text", "cue", "pronoun", "name"),
    [
        (
            "Kremlin spokesman Dmitry Peskov arrived in Paris on Monday. He said the talks were "
            "productive.",
            "said",
            "He",
            "Dmitry Peskov",
        ),
        (
            "Ukrainian President Volodymyr Zelensky spoke in Brussels. According to him, Putin is "
            "afraid of a mobilization.",
            "According to",
            "him",
            "Volodymyr Zelensky",
        ),
    ],
)
def test_pronoun_resolved_to_earlier_speaker(nlp, text, cue, pronoun, name) -> None:
    seen = _one(nlp, text, cue)
    assert seen.source == pronoun
    assert seen.name == name
    assert seen.kind == "person"


def test_ambiguous_pronoun_left_unnamed(nlp) -> None:
    text = "Dmitry Peskov met Volodymyr Zelensky. Then Vladimir Putin spoke. He said it went well."
    seen = _one(nlp, text, "said")
    assert seen.source == "He"
    assert seen.name == ""


def test_standalone_quote_continues_previous_speaker(nlp) -> None:
    text = (
        "Kremlin spokesman Dmitry Peskov spoke on Monday. “This is not only British intelligence, "
        "it is also American intelligence,” he said. “They report it all the time, they don’t "
        "provide any evidence.”"
    )
    seen = _extract(nlp, text)
    quote = [s for s in seen if s.content.startswith("“They report")]
    assert quote and quote[0].name == "Dmitry Peskov"
    assert quote[0].cue == "said"


@pytest.mark.parametrize(
    "text",
    [
        "The weather was nice on Monday.",
        "Putin met Kim in June.",
        "The price is 5 dollars per barrel.",
        "The soldiers were stationed four miles from the border when they deserted.",
        "“Closest comrade” was how he signed the letter.",
        "The information has not yet been confirmed by independent sources.",
        "",
        "   \n\n  ",
        "!!! ### ???",
    ],
)
def test_no_attribution(nlp, text: str) -> None:
    assert _extract(nlp, text) == []


def test_nested_cue_inside_quote_is_ignored(nlp) -> None:
    text = "“I think the plan will fail,” the senator said."
    seen = _extract(nlp, text)
    assert [s.cue for s in seen] == ["said"]


def test_headline_line_is_not_content(nlp) -> None:
    text = "Edit post\nAn estimated 18 soldiers have deserted, Suspilne reported."
    seen = _one(nlp, text, "reported")
    assert seen.content == "An estimated 18 soldiers have deserted"


def test_samples_spans_are_valid_and_key_sources_found(nlp, samples_dir) -> None:
    names: set[str] = set()
    for path in sorted(samples_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for seen in _extract(nlp, text):
            names.add(seen.name)
            names.update(seen.via)
    assert {"Suspilne", "Newsweek", "Dmitry Peskov", "Western diplomat"} <= names or {
        "Suspilne",
        "Dmitry Peskov",
        "Western diplomat",
    } <= names
    assert "unnamed intelligence officials" in names


def test_kind_of_a_name_is_kept_within_an_article(nlp) -> None:
    text = (
        "Eighteen soldiers deserted, Suspilne reported. "
        "According to Suspilne's sources, the soldiers fled on foot."
    )
    seen = _one(nlp, text, "According to")
    assert (seen.name, seen.kind, seen.via) == ("Suspilne", "outlet", ["Suspilne sources"])
