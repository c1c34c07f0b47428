"""ClaimAligner on hand-built articles: grouping, quotes, attributions and statuses."""

from __future__ import annotations

import re

import pytest

from storydesk.model import Attribution, Claim, FlagMention, Quantity, Span, Story
from storydesk.steps.compare import ClaimAligner

MILE_KM = 1.609344


def sentences(text: str) -> list[Span]:
    """Sentence spans the way the extract stage gives them (split after . ! ? or newline)."""
    spans, start = [], 0
    for match in re.finditer(r"[.!?](?=\s)|\n", text):
        if text[start : match.end()].strip():
            spans.append(Span(start, match.end()))
        start = match.end()
    if text[start:].strip():
        spans.append(Span(start, len(text)))
    return spans


def qty(
    text: str,
    phrase: str,
    value: float,
    *,
    kind: str = "count",
    unit: str = "",
    nvalue: float | None = None,
    nunit: str = "",
    hedge: str | None = None,
    high: float | None = None,
    counted: str = "",
    after: str = "",
) -> Quantity:
    """A Quantity over the first ``phrase`` found after ``after`` in ``text``."""
    start = text.index(phrase, text.index(after) if after else 0)
    span = Span(start, start + len(phrase))
    sentence = next((s for s in sentences(text) if s.start <= start < s.end), None)
    if kind == "count":
        nvalue, nunit = (value if nvalue is None else nvalue), (nunit or "count")
    return Quantity(
        span=span,
        value=value,
        kind=kind,
        unit=unit,
        normalized_value=value if nvalue is None else nvalue,
        normalized_unit=nunit or unit,
        high=high,
        hedge=hedge,
        counted=counted,
        sentence=sentence,
    )


def attribution(text: str, source: str, cue: str, content: str, via=()) -> Attribution:
    s, c, n = text.index(source), text.index(cue), text.index(content)
    return Attribution(
        source=Span(s, s + len(source)),
        cue=Span(c, c + len(cue)),
        content=Span(n, n + len(content)),
        source_name=source,
        via=list(via),
    )


@pytest.fixture
def article(make_article):
    def _make(id: str, text: str, quantities=(), attributions=(), flags=(), **kw):
        art = make_article(text, id=id, **kw)
        art.sentences = sentences(text)
        art.quantities = [q(text) if callable(q) else q for q in quantities]
        art.attributions = list(attributions)
        art.flags = list(flags)
        return art

    return _make


def run(*articles) -> list[Claim]:
    story = Story(id="s1", article_ids=[a.id for a in articles])
    return ClaimAligner().run_story(story, {a.id: a for a in articles}).claims


def claim_with(claims: list[Claim], article_id: str, quote: str) -> Claim:
    for claim in claims:
        if any(m.article_id == article_id and m.quote == quote for m in claim.mentions):
            return claim
    raise AssertionError(f"no claim has {quote!r} from {article_id}: {claims}")


def assert_quotes_exact(claims: list[Claim], articles) -> None:
    texts = {a.id: a.text for a in articles}
    for claim in claims:
        for mention in claim.mentions:
            assert mention.quote == texts[mention.article_id][mention.start : mention.end]


# --- the demo event, rewritten by hand ---------------------------------------------------------

T1 = (
    "An estimated 18 North Korean soldiers have deserted from their positions in Russia's Kursk "
    "and Bryansk oblasts near the Ukrainian border, Suspilne reported, citing unnamed intelligence "
    "officials. According to Suspilne's sources, the soldiers deserted around 7 kilometers "
    "(4 miles) from the border with Ukraine. A Western diplomat told the Kyiv Independent that "
    "North Korea has sent 10,000 soldiers to Russia."
)
T2 = (
    "A group of 18 North Korean soldiers is reportedly on the run after deserting frontline "
    "positions in Russia's Kursk and Bryansk oblasts, Ukrainian public broadcaster Suspilne "
    "reported. The soldiers were stationed approximately four miles from the Ukrainian border "
    "when the incident occurred."
)
T3 = (
    "Around twenty North Korean soldiers are missing in Ukraine, according to Ukrainian spies. "
    "This Thursday, Zelensky said that 10,000 North Korean soldiers were preparing to fight in "
    "Ukraine. Shortly after their arrival on the Russian front, around twenty North Korean "
    "soldiers have already deserted. The soldiers were stationed in the Russian oblasts of Kursk "
    "and Bryansk, about six kilometers from the border with Ukraine, when they deserted."
)
T4 = (
    "A group of North Korean soldiers have deserted the frontline. The desertion comes amid reports "
    "that Russia's army is forming a unit of 3,000 North Korean soldiers. The troops were deployed "
    "just four miles from the border with Ukraine when they deserted."
)


@pytest.fixture
def demo(article):
    a1 = article(
        "a1",
        T1,
        [
            qty(T1, "An estimated 18 North Korean soldiers", 18, unit="soldiers", hedge="estimated"),
            qty(T1, "around 7 kilometers", 7, kind="distance", unit="kilometers", nunit="km",
                hedge="approximate"),
            qty(T1, "4 miles", 4, kind="distance", unit="miles", nvalue=4 * MILE_KM, nunit="km"),
            qty(T1, "10,000 soldiers", 10000, unit="soldiers"),
        ],
        [
            attribution(T1, "Suspilne", "reported", "An estimated 18 North Korean soldiers have "
                        "deserted from their positions"),
            attribution(T1, "A Western diplomat", "told", "North Korea has sent 10,000 soldiers"),
        ],
    )  # fmt: skip
    a2 = article(
        "a2",
        T2,
        [
            qty(T2, "18 North Korean soldiers", 18, unit="soldiers"),
            qty(T2, "approximately four miles", 4, kind="distance", unit="miles",
                nvalue=4 * MILE_KM, nunit="km", hedge="approximate"),
        ],
        [
            attribution(T2, "Ukrainian public broadcaster Suspilne", "reported",
                        "A group of 18 North Korean soldiers", via=["Newsweek"]),
        ],
    )  # fmt: skip
    a3 = article(
        "a3",
        T3,
        [
            qty(T3, "Around twenty North Korean soldiers", 20, unit="soldiers"),
            qty(T3, "10,000 North Korean soldiers", 10000, unit="soldiers"),
            qty(T3, "around twenty North Korean soldiers", 20, unit="soldiers",
                after="Shortly"),
            qty(T3, "about six kilometers", 6, kind="distance", unit="kilometers", nunit="km",
                hedge="approximate"),
        ],
    )  # fmt: skip
    a4 = article(
        "a4",
        T4,
        [
            qty(T4, "3,000 North Korean soldiers", 3000, unit="soldiers"),
            qty(T4, "four miles", 4, kind="distance", unit="miles", nvalue=4 * MILE_KM, nunit="km"),
        ],
    )
    return [a1, a2, a3, a4]


def test_desertion_count_is_one_consistent_claim(demo):
    claims = run(*demo)
    assert_quotes_exact(claims, demo)
    claim = claim_with(claims, "a1", "An estimated 18 North Korean soldiers")
    assert claim is claim_with(claims, "a2", "18 North Korean soldiers")
    assert claim is claim_with(claims, "a3", "Around twenty North Korean soldiers")
    assert claim is claim_with(claims, "a3", "around twenty North Korean soldiers")
    assert claim.status == "consistent"
    assert claim.kind == "count"
    assert {m.article_id for m in claim.mentions} == {"a1", "a2", "a3"}
    assert claim.independent_origins == 3
    assert claim.origins == []
    assert "18–20" in claim.statement


def test_a_group_without_number_gives_no_mention(demo):
    claims = run(*demo)
    assert not any("A group of North" in m.quote for c in claims for m in c.mentions)


def test_distance_in_miles_and_kilometres_is_one_consistent_claim(demo):
    claims = run(*demo)
    claim = claim_with(claims, "a2", "approximately four miles")
    for article_id, quote in [
        ("a1", "around 7 kilometers"),
        ("a1", "4 miles"),
        ("a3", "about six kilometers"),
        ("a4", "four miles"),
    ]:
        assert claim is claim_with(claims, article_id, quote)
    assert claim.kind == "distance"
    assert claim.status == "consistent"
    miles = next(m for m in claim.mentions if m.quote == "4 miles")
    assert miles.normalized.unit == "km"
    assert miles.normalized.value == pytest.approx(6.44, abs=0.01)
    assert miles.value == 4 and miles.unit == "miles"


def test_unit_of_3000_and_10000_sent_are_different_claims(demo):
    claims = run(*demo)
    unit = claim_with(claims, "a4", "3,000 North Korean soldiers")
    sent = claim_with(claims, "a1", "10,000 soldiers")
    desert = claim_with(claims, "a2", "18 North Korean soldiers")
    assert len({id(unit), id(sent), id(desert)}) == 3
    assert sent is claim_with(claims, "a3", "10,000 North Korean soldiers")
    assert unit.status == "single_source"


def test_claims_sorted_by_articles_then_first_appearance(demo):
    claims = run(*demo)
    sizes = [len({m.article_id for m in c.mentions}) for c in claims]
    assert sizes == sorted(sizes, reverse=True)
    assert [c.id for c in claims] == [f"c{i}" for i in range(1, len(claims) + 1)]
    assert claims[0].kind == "distance"  # four articles
    assert claims[1].statement.startswith("North Korean soldiers")  # three articles
    assert claims[2].mentions[0].quote == "10,000 soldiers"  # two articles
    assert claims[3].mentions[0].quote == "3,000 North Korean soldiers"
    for claim in claims:
        assert claim.mentions == sorted(
            claim.mentions, key=lambda m: (["a1", "a2", "a3", "a4"].index(m.article_id), m.start)
        )


def test_attributed_to_includes_source_and_via_chain(demo):
    claims = run(*demo)
    claim = claim_with(claims, "a2", "18 North Korean soldiers")
    by_article = {m.article_id: m for m in claim.mentions}
    assert by_article["a2"].attributed_to == ["Ukrainian public broadcaster Suspilne", "Newsweek"]
    assert by_article["a1"].attributed_to == ["Suspilne"]
    sent = claim_with(claims, "a1", "10,000 soldiers")
    assert next(m for m in sent.mentions if m.article_id == "a1").attributed_to == [
        "A Western diplomat"
    ]


# --- different things kept apart, discrepancies and hedges ---------------------------------------


def test_killed_and_injured_are_separate_claims(article):
    t1 = "Three people were killed and five were injured in the shooting on Main Street."
    t2 = "Police said three people died and five people were wounded in the Main Street shooting."
    a1 = article("a1", t1, [qty(t1, "Three people", 3, unit="people"), qty(t1, "five", 5)])
    a2 = article(
        "a2",
        t2,
        [qty(t2, "three people", 3, unit="people"), qty(t2, "five people", 5, unit="people")],
    )
    claims = run(a1, a2)
    killed = claim_with(claims, "a1", "Three people")
    injured = claim_with(claims, "a1", "five")
    assert killed is not injured
    assert killed is claim_with(claims, "a2", "three people")
    assert injured is claim_with(claims, "a2", "five people")
    assert killed.status == injured.status == "consistent"


@pytest.mark.parametrize(
    ("first", "second", "status"),
    [
        (("3", None), ("5", None), "discrepant"),
        (("at least 3", "at_least"), ("5", None), "consistent"),
        (("at most 3", "at_most"), ("5", None), "discrepant"),
        (("about 4", "approximate"), ("5", None), "discrepant"),  # 4 ± 15 % stops at 4.6
        (("about 5", "approximate"), ("4.5", None), "consistent"),
    ],
)
def test_killed_counts_compared_with_hedges(article, first, second, status):
    texts = [
        f"Police said {first[0]} people were killed in the shooting at the mall on Friday night.",
        f"{second[0]} people were killed when a gunman opened fire at the mall on Friday night.",
    ]
    arts = []
    for i, (text, (phrase, hedge)) in enumerate(zip(texts, [first, second], strict=True)):
        value = float(phrase.split()[-1])
        arts.append(
            article(
                f"a{i}", text, [qty(text, f"{phrase} people", value, unit="people", hedge=hedge)]
            )
        )
    claims = run(*arts)
    assert len(claims) == 1
    assert claims[0].status == status
    assert len(claims[0].mentions) == 2


def test_far_apart_values_are_not_one_discrepant_claim(article):
    t1 = "Russia is forming a unit of 3,000 North Korean soldiers in the Far East."
    t2 = "Officials say Russia is forming a unit of 18 North Korean soldiers in the Far East."
    a1 = article("a1", t1, [qty(t1, "3,000 North Korean soldiers", 3000, unit="soldiers")])
    a2 = article("a2", t2, [qty(t2, "18 North Korean soldiers", 18, unit="soldiers")])
    claims = run(a1, a2)
    assert len(claims) == 2
    assert {c.status for c in claims} == {"single_source"}


def test_unrelated_counts_with_different_nouns_stay_apart(article):
    t1 = "Two suspects were arrested after the robbery downtown on Monday."
    t2 = "Two children were arrested after the robbery downtown on Monday."
    a1 = article("a1", t1, [qty(t1, "Two suspects", 2, unit="suspects")])
    a2 = article("a2", t2, [qty(t2, "Two children", 2, unit="children")])
    assert len(run(a1, a2)) == 2


# --- contested, single source, duplicates --------------------------------------------------------

T_UNIT = "Russia's army is forming a unit of 3,000 North Korean soldiers in the Far East."


def test_dispute_of_the_value_makes_claim_contested(article):
    t2 = (
        "Russia is forming a unit of 3,000 North Korean soldiers, reports say. A military source "
        "said that a number of North Koreans had arrived. However, the source refused to give a "
        "number, except that there were absolutely nowhere near 3,000."
    )
    a1 = article("a1", T_UNIT, [qty(T_UNIT, "3,000 North Korean soldiers", 3000, unit="soldiers")])
    a2 = article(
        "a2",
        t2,
        [
            qty(t2, "3,000 North Korean soldiers", 3000, unit="soldiers"),
            qty(t2, "3,000", 3000, after="nowhere"),  # the disputing words, not a new report
        ],
    )
    claims = run(a1, a2)
    assert len(claims) == 1
    assert claims[0].status == "contested"
    assert all("nowhere" not in t2[m.start - 20 : m.start] for m in claims[0].mentions)


def test_denial_attribution_makes_claim_contested(article):
    t2 = (
        "Kremlin spokesman Dmitry Peskov has dismissed reports of a 3,000-strong unit of North "
        "Korean soldiers in the Far East."
    )
    a1 = article("a1", T_UNIT, [qty(T_UNIT, "3,000 North Korean soldiers", 3000, unit="soldiers")])
    denial = attribution(t2, "Dmitry Peskov", "dismissed", "reports of a 3,000-strong unit")
    a2 = article("a2", t2, [qty(t2, "3,000-strong unit", 3000, unit="unit")], [denial])
    claims = run(a1, a2)
    assert len(claims) == 1
    assert claims[0].status == "contested"
    assert all(m.attributed_to == [] for m in claims[0].mentions)  # a denier is not a source


def test_a_speaker_who_does_not_confirm_is_not_the_source(article):
    t2 = "The Pentagon did not confirm that 3,000 North Korean soldiers were in the Far East."
    a1 = article("a1", T_UNIT, [qty(T_UNIT, "3,000 North Korean soldiers", 3000, unit="soldiers")])
    silent = attribution(t2, "The Pentagon", "confirm", "3,000 North Korean soldiers were in")
    a2 = article(
        "a2", t2, [qty(t2, "3,000 North Korean soldiers", 3000, unit="soldiers")], [silent]
    )
    claims = run(a1, a2)
    assert len(claims) == 1
    assert next(m for m in claims[0].mentions if m.article_id == "a2").attributed_to == []


def test_denial_of_something_else_in_the_sentence_does_not_contest(article):
    t1 = "The man who wounded 16 people at the club has denied firing any shots, police said."
    t2 = "A gunman wounded 16 people at the club early on Sunday, police said."
    denial = attribution(t1, "The man", "denied", "firing any shots")
    a1 = article("a1", t1, [qty(t1, "16 people", 16, unit="people")], [denial])
    a2 = article("a2", t2, [qty(t2, "16 people", 16, unit="people")])
    claims = run(a1, a2)
    assert len(claims) == 1
    assert claims[0].status == "consistent"


def test_denied_flag_in_same_sentence_makes_claim_contested(article):
    t2 = "The ministry denied that 3,000 North Korean soldiers were forming a unit in the Far East."
    a1 = article("a1", T_UNIT, [qty(T_UNIT, "3,000 North Korean soldiers", 3000, unit="soldiers")])
    start = t2.index("denied")
    a2 = article(
        "a2",
        t2,
        [qty(t2, "3,000 North Korean soldiers", 3000, unit="soldiers")],
        flags=[FlagMention(Span(start, start + 6), "denied")],
    )
    assert run(a1, a2)[0].status == "contested"
    # an "unconfirmed" flag does not contest anything
    a2.flags = [FlagMention(Span(start, start + 6), "unconfirmed")]
    assert run(a1, a2)[0].status == "consistent"


def test_single_source_claim(article):
    a1 = article("a1", T_UNIT, [qty(T_UNIT, "3,000 North Korean soldiers", 3000, unit="soldiers")])
    claims = run(a1)
    assert len(claims) == 1
    assert claims[0].status == "single_source"
    assert claims[0].independent_origins == 1


def test_repeated_figure_in_one_article_is_still_single_source(article):
    text = T_UNIT + " The unit of 3,000 North Korean soldiers will be ready by winter."
    a1 = article(
        "a1",
        text,
        [
            qty(text, "3,000 North Korean soldiers", 3000, unit="soldiers"),
            qty(text, "3,000 North Korean soldiers", 3000, unit="soldiers", after="The unit"),
        ],
    )
    claims = run(a1)
    assert len(claims) == 1
    assert len(claims[0].mentions) == 2
    assert claims[0].status == "single_source"


def test_duplicates_do_not_confirm(article):
    a1 = article("a1", T_UNIT, [qty(T_UNIT, "3,000 North Korean soldiers", 3000, unit="soldiers")])
    a2 = article(
        "a2",
        T_UNIT,
        [qty(T_UNIT, "3,000 North Korean soldiers", 3000, unit="soldiers")],
        duplicate_of="a1",
    )
    claims = run(a1, a2)
    assert len(claims) == 1
    assert {m.article_id for m in claims[0].mentions} == {"a1", "a2"}  # listed ...
    assert claims[0].status == "single_source"  # ... but not a confirmation
    assert claims[0].independent_origins == 1


def test_duplicate_does_not_turn_discrepancy_into_agreement(article):
    other = "Officials said Russia's army is forming a unit of 2,500 North Korean soldiers."
    a1 = article("a1", T_UNIT, [qty(T_UNIT, "3,000 North Korean soldiers", 3000, unit="soldiers")])
    a2 = article("a2", other, [qty(other, "2,500 North Korean soldiers", 2500, unit="soldiers")])
    a3 = article(
        "a3", T_UNIT, [qty(T_UNIT, "3,000 North Korean soldiers", 3000, unit="soldiers")],
        duplicate_of="a1",
    )  # fmt: skip
    claims = run(a1, a2, a3)
    assert len(claims) == 1
    assert claims[0].status == "discrepant"
    assert claims[0].independent_origins == 2


# --- noise and robustness ------------------------------------------------------------------------


def test_text_without_quantities_gives_no_claims(article):
    assert run(article("a1", "Nothing was counted here at all."), article("a2", "")) == []


def test_trivial_quantities_are_dropped(article):
    text = "He was one of the first to arrive in 2024. Gallery\n1 / 13\n"
    a1 = article(
        "a1",
        text,
        [qty(text, "one", 1), qty(text, "2024", 2024), qty(text, "13", 13)],
    )
    assert run(a1) == []


def test_malformed_quantities_and_missing_articles_do_not_crash(article):
    text = "Five people were hurt."
    bad = Quantity(span=Span(50, 80), value=5, kind="count")
    nan = Quantity(span=Span(0, 4), value=float("nan"), kind="count")
    no_unit = Quantity(span=Span(0, 4), value=5, kind="count", unit=None)  # type: ignore[arg-type]
    no_value = Quantity(span=Span(0, 4), value=None, kind="count")  # type: ignore[arg-type]
    backwards = Quantity(span=Span(4, 0), value=5, kind="count")
    good = qty(text, "Five people", 5, unit="people")
    broken = Attribution(source=None, cue=None, content=None)  # type: ignore[arg-type]
    flag = FlagMention(span=None, type="denied")  # type: ignore[arg-type]
    a1 = article("a1", text, [bad, nan, no_unit, no_value, backwards, good], [broken], [flag])
    story = Story(id="s", article_ids=["a1", "missing"])
    claims = ClaimAligner().run_story(story, {"a1": a1}).claims
    assert [(c.status, [m.quote for m in c.mentions]) for c in claims] == [
        ("single_source", ["Five people"])
    ]


def test_works_without_sentences(article):
    a1 = article("a1", T_UNIT, [qty(T_UNIT, "3,000 North Korean soldiers", 3000, unit="soldiers")])
    a2 = article("a2", T_UNIT, [qty(T_UNIT, "3,000 North Korean soldiers", 3000, unit="soldiers")])
    for art in (a1, a2):
        art.sentences = []
        for quantity in art.quantities:
            quantity.sentence = None
    claims = run(a1, a2)
    assert len(claims) == 1 and claims[0].status == "consistent"


def test_step_contract():
    step = ClaimAligner()
    assert step.name == "compare"
    assert step.needs == {"quantities", "attributions", "flags"}
    assert step.adds == {"claims"}
