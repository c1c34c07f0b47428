"""Provenance: citation graph, sources, and independent origins behind each claim."""

from __future__ import annotations

import pytest

from storydesk.model import Article, Attribution, Claim, Mention, Removed, Span, Story
from storydesk.steps.provenance import ProvenanceBuilder, citation_chain


def _span(text: str, words: str) -> Span:
    start = text.index(words)
    return Span(start, start + len(words))


def _cites(
    text: str,
    source: str,
    content: str,
    *,
    kind: str = "outlet",
    via: tuple[str, ...] = (),
    cue: str = "reported",
    name: str | None = None,
) -> Attribution:
    return Attribution(
        source=_span(text, source),
        cue=_span(text, cue) if cue in text else _span(text, content),
        content=_span(text, content),
        source_name=name or source,
        source_kind=kind,
        via=list(via),
    )  # fmt: skip


def _mention(article: Article, words: str, attributed_to: tuple[str, ...] = ()) -> Mention:
    span = _span(article.text, words)
    return Mention(article.id, words, span.start, span.end, attributed_to=list(attributed_to))


def _story(articles: list[Article], claims: list[Claim]) -> tuple[Story, dict[str, Article]]:
    story = Story(id="s1", article_ids=[a.id for a in articles], claims=claims)
    return story, {a.id: a for a in articles}


@pytest.fixture
def suspilne_story(make_article):
    """Five outlets, one origin: Suspilne citing unnamed intelligence officials, reached directly,
    through Newsweek, or through a bare "intelligence officials"."""
    t1 = ("A group of 18 North Korean soldiers deserted, Suspilne reported. "
          "Ukrainian intelligence officials, cited by Suspilne, said commanders hid it.")  # fmt: skip
    a1 = make_article(t1, id="a1", outlet="Newsweek")
    a1.attributions = [
        _cites(t1, "Suspilne", "A group of 18 North Korean soldiers deserted"),
        # the extract stage folds the relay: Suspilne via the officials
        _cites(t1, "Suspilne", "commanders hid it", via=("Ukrainian intelligence officials",),
               cue="said"),
    ]  # fmt: skip
    t2 = "Around twenty North Korean soldiers are missing, Newsweek wrote, citing Suspilne."
    a2 = make_article(t2, id="a2", outlet="DayFR")
    a2.attributions = [
        _cites(t2, "Newsweek", "Around twenty North Korean soldiers are missing", via=("Suspilne",),
               cue="wrote"),
    ]  # fmt: skip
    t3 = ("An estimated 18 North Korean soldiers have deserted, Suspilne reported, "
          "citing unnamed intelligence officials.")  # fmt: skip
    a3 = make_article(t3, id="a3", outlet="Kyiv Independent")
    a3.attributions = [
        _cites(t3, "Suspilne", "An estimated 18 North Korean soldiers have deserted",
               via=("unnamed intelligence officials",)),
    ]  # fmt: skip
    t4 = "Suspilne claimed that around 18 North Korean soldiers deserted their positions."
    a4 = make_article(t4, id="a4", outlet="The Independent")
    a4.attributions = [
        _cites(t4, "Suspilne", "around 18 North Korean soldiers deserted their positions",
               cue="claimed"),
    ]  # fmt: skip
    t5 = "According to intelligence officials, 18 North Korean soldiers deserted."
    a5 = make_article(t5, id="a5", outlet="Express")
    a5.attributions = [
        _cites(t5, "intelligence officials", "18 North Korean soldiers deserted", kind="unnamed",
               cue="According to"),
    ]  # fmt: skip
    articles = [a1, a2, a3, a4, a5]
    claim = Claim(
        "c1", "North Korean soldiers deserted", "count", "consistent",
        mentions=[
            _mention(a1, "18 North Korean soldiers", ("Suspilne",)),
            _mention(a2, "twenty North Korean soldiers", ("Newsweek",)),
            _mention(a3, "18 North Korean soldiers", ("Suspilne",)),
            _mention(a4, "18 North Korean soldiers", ("Suspilne",)),
            _mention(a5, "18 North Korean soldiers", ("intelligence officials",)),
        ],
    )  # fmt: skip
    return _story(articles, [claim])


def test_five_outlets_repeating_one_unnamed_source_are_one_origin(suspilne_story) -> None:
    story, articles = suspilne_story
    ProvenanceBuilder().run_story(story, articles)
    claim = story.claims[0]
    assert claim.independent_origins == 1
    assert claim.origins[0].startswith("Suspilne (citing ")
    assert "intelligence official" in claim.origins[0]


def test_mention_attributed_to_nobody_stands_on_its_outlet(make_article) -> None:
    text = "Kremlin spokesman Dmitry Peskov denied that 3,000 North Korean soldiers arrived."
    article = make_article(text, id="p1", outlet="BBC")
    # a denial covers the figure, but whoever denies it is not its source: compare leaves it out
    article.attributions = [_cites(text, "Dmitry Peskov", "3,000 North Korean soldiers arrived",
                                   kind="official", cue="denied")]  # fmt: skip
    claim = Claim("k", "soldiers", "count", "contested", mentions=[_mention(article, "3,000")])
    story, by_id = _story([article], [claim])
    ProvenanceBuilder().run_story(story, by_id)
    assert claim.origins == ["BBC"]
    assert ("p1", "Dmitry Peskov", "cites") in {
        (e.source, e.target, e.relation) for e in story.edges
    }


def test_chain_flattened_by_compare_step_is_one_origin(suspilne_story) -> None:
    story, articles = suspilne_story
    story.claims[0].mentions[0].attributed_to = ["Suspilne", "Ukrainian intelligence officials"]
    story.claims[0].mentions[1].attributed_to = ["Newsweek", "Suspilne", "he"]
    ProvenanceBuilder().run_story(story, articles)
    assert story.claims[0].independent_origins == 1


def test_bare_unnamed_source_stays_with_its_outlet_when_linking_is_off(suspilne_story) -> None:
    story, articles = suspilne_story
    ProvenanceBuilder(link_unnamed=False).run_story(story, articles)
    assert story.claims[0].independent_origins == 2
    assert any(o.startswith("Express (citing ") for o in story.claims[0].origins)


def test_citation_chain_edges_and_sources(suspilne_story) -> None:
    story, articles = suspilne_story
    ProvenanceBuilder().run_story(story, articles)
    edges = {(e.source, e.target, e.relation) for e in story.edges}
    officials = "Ukrainian intelligence officials"  # canonical: the longest frequent form
    assert ("a2", "Newsweek", "cites") in edges
    assert ("Newsweek", "Suspilne", "cites") in edges
    assert ("Suspilne", officials, "cites") in edges
    assert ("a1", "Suspilne", "cites") in edges
    sources = {s.name: s for s in story.sources}
    assert sources["Suspilne"].kind == "outlet"
    assert sources["Suspilne"].cited_by == ["a1", "a2", "a3", "a4"]
    assert sources[officials].cited_by == ["a1", "a3", "a5"]
    assert sources["Express"].kind == "outlet"  # an article's outlet is a source too
    assert story.sources[0].name == "Suspilne"  # most cited first


def test_named_person_and_unnamed_diplomat_are_two_origins(make_article) -> None:
    t1 = "Zelensky said 3,000 North Korean troops had arrived in Kursk."
    a1 = make_article(t1, id="b1", outlet="Reuters")
    a1.attributions = [_cites(t1, "Zelensky", "3,000 North Korean troops had arrived in Kursk",
                              kind="person", cue="said")]  # fmt: skip
    t2 = "A Western diplomat told Politico that 3,000 North Korean troops had arrived."
    a2 = make_article(t2, id="b2", outlet="Politico")
    a2.attributions = [_cites(t2, "A Western diplomat", "3,000 North Korean troops had arrived",
                              kind="unnamed", cue="told")]  # fmt: skip
    claim = Claim(
        "c1", "troops arrived", "count", "consistent",
        mentions=[_mention(a1, "3,000", ("Zelensky",)), _mention(a2, "3,000", ("A Western diplomat",))],
    )  # fmt: skip
    story, articles = _story([a1, a2], [claim])
    ProvenanceBuilder().run_story(story, articles)
    assert claim.independent_origins == 2
    assert claim.origins == ["Zelensky", "Politico (citing A Western diplomat)"]
    kinds = {s.name: s.kind for s in story.sources}
    assert kinds["Zelensky"] == "person"
    assert kinds["A Western diplomat"] == "unnamed"


@pytest.mark.parametrize(("with_other", "expected"), [(False, 1), (True, 2)])
def test_copies_count_once(make_article, with_other: bool, expected: int) -> None:
    text = "Five people were killed when the storm hit the coast on Monday."
    original = make_article(text, id="c1", outlet="AP")
    copy = make_article(text, id="c2", outlet="Yahoo News", duplicate_of="c1")
    other_text = "The storm killed five people, local police said on Monday."
    other = make_article(other_text, id="c3", outlet="CNN")
    articles = [original, copy] + ([other] if with_other else [])
    mentions = [_mention(original, "Five people"), _mention(copy, "Five people")]
    if with_other:
        mentions.append(_mention(other, "five people"))
    claim = Claim("k1", "people killed", "count", "consistent", mentions=mentions)
    story, by_id = _story(articles, [claim])
    ProvenanceBuilder().run_story(story, by_id)
    assert claim.independent_origins == expected
    assert claim.origins[0] == "AP"
    assert ("c2", "c1", "copies") in {(e.source, e.target, e.relation) for e in story.edges}


def test_translation_credit_links_articles_and_counts_once(make_article) -> None:
    original = make_article("Kyiv was hit by 20 drones overnight.", id="d1", outlet="Suspilne")
    translated = make_article("Kyiv was hit by 20 drones last night.", id="d2", outlet="DayFR")
    translated.removed = [Removed("Translated from an article by Suspilne.", "credit")]
    claim = Claim(
        "k1", "drones", "count", "consistent",
        mentions=[_mention(original, "20 drones"), _mention(translated, "20 drones")],
    )  # fmt: skip
    story, by_id = _story([original, translated], [claim])
    ProvenanceBuilder().run_story(story, by_id)
    assert ("d2", "d1", "translates") in {(e.source, e.target, e.relation) for e in story.edges}
    assert claim.origins == ["Suspilne"]


def test_outlet_own_reporting_and_citations_of_it_are_one_origin(make_article) -> None:
    own = make_article("Twenty drones hit Kyiv overnight.", id="e1", outlet="Suspilne")
    t2 = "Twenty drones hit Kyiv overnight, Ukrainian broadcaster Suspilne reported."
    citing = make_article(t2, id="e2", outlet="Kyiv Post")
    citing.attributions = [_cites(t2, "Ukrainian broadcaster Suspilne", "Twenty drones hit Kyiv",
                                  name="Suspilne")]  # fmt: skip
    claim = Claim(
        "k1", "drones", "count", "consistent",
        mentions=[_mention(own, "Twenty drones"), _mention(citing, "Twenty drones", ("Suspilne",))],
    )  # fmt: skip
    story, by_id = _story([own, citing], [claim])
    ProvenanceBuilder().run_story(story, by_id)
    assert claim.origins == ["Suspilne"]


def test_possessive_unnamed_source_belongs_to_its_owner(make_article) -> None:
    t1 = "According to Suspilne's sources, the soldiers deserted 7 kilometers from the border."
    a1 = make_article(t1, id="f1", outlet="Kyiv Independent")
    a1.attributions = [_cites(t1, "Suspilne's sources", "the soldiers deserted 7 kilometers",
                              kind="unnamed", cue="According to", name="Suspilne sources")]  # fmt: skip
    t2 = "Suspilne said the soldiers deserted 7 kilometers from the border."
    a2 = make_article(t2, id="f2", outlet="Newsweek")
    a2.attributions = [_cites(t2, "Suspilne", "the soldiers deserted 7 kilometers", cue="said")]
    claim = Claim(
        "k1", "distance", "distance", "consistent",
        mentions=[_mention(a1, "7 kilometers", ("Suspilne sources",)),
                  _mention(a2, "7 kilometers", ("Suspilne",))],
    )  # fmt: skip
    story, by_id = _story([a1, a2], [claim])
    ProvenanceBuilder().run_story(story, by_id)
    assert claim.origins == ["Suspilne (citing Suspilne sources)"]


@pytest.mark.parametrize(
    ("name", "kind", "via", "chain"),
    [
        ("Newsweek", "outlet", ["Suspilne", "unnamed officials"],
         ["Newsweek", "Suspilne", "unnamed officials"]),
        ("Suspilne", "outlet", ["Suspilne sources"], ["Suspilne", "Suspilne sources"]),
        ("Reuters", "agency", ["Zelensky"], ["Reuters", "Zelensky"]),
        ("", "unnamed", ["Suspilne"], ["Suspilne"]),
        ("", "unnamed", [], []),
    ],
)  # fmt: skip
def test_citation_chain_runs_from_article_to_origin(name, kind, via, chain) -> None:
    attribution = Attribution(None, Span(0, 1), Span(0, 1), name, kind, via)
    assert citation_chain(attribution) == chain


def test_person_quoted_through_an_agency_is_the_origin(make_article) -> None:
    t1 = "Zelensky said 3,000 troops had arrived, according to Reuters."
    a1 = make_article(t1, id="r1", outlet="Kyiv Post")
    a1.attributions = [_cites(t1, "Reuters", "3,000 troops had arrived", kind="agency",
                              via=("Zelensky",), cue="according to")]  # fmt: skip
    t2 = "President Zelensky told lawmakers that 3,000 troops had arrived."
    a2 = make_article(t2, id="r2", outlet="Guardian")
    a2.attributions = [_cites(t2, "President Zelensky", "3,000 troops had arrived", kind="person",
                              cue="told", name="Zelensky")]  # fmt: skip
    claim = Claim(
        "k", "troops", "count", "consistent",
        mentions=[_mention(a1, "3,000", ("Reuters", "Zelensky")), _mention(a2, "3,000", ("Zelensky",))],
    )  # fmt: skip
    story, by_id = _story([a1, a2], [claim])
    ProvenanceBuilder().run_story(story, by_id)
    assert claim.origins == ["Zelensky"]
    assert ("Reuters", "Zelensky", "cites") in {
        (e.source, e.target, e.relation) for e in story.edges
    }


def test_story_without_attributions_or_claims_does_not_crash(make_article) -> None:
    article = make_article("", id="g1")
    article.attributions = [Attribution(Span(50, 60), Span(0, 0), Span(70, 90), "", "unnamed")]
    story, by_id = _story([article], [Claim("k", "x", "other", "single_source")])
    ProvenanceBuilder().run_story(story, by_id)
    assert story.claims[0].independent_origins == 0
    assert story.edges == []


def test_unnamed_source_beside_a_named_one_is_that_ones(make_article) -> None:
    text = "18 North Korean soldiers deserted, intelligence sources tell Suspilne."
    article = make_article(text, id="h1", outlet="Kyiv Independent")
    article.attributions = [
        _cites(text, "intelligence sources", "18 North Korean soldiers deserted", kind="unnamed",
               cue="tell"),
        _cites(text, "Suspilne", "18 North Korean soldiers deserted", cue="tell"),
    ]  # fmt: skip
    mention = _mention(article, "18 North Korean soldiers", ("intelligence sources", "Suspilne"))
    claim = Claim("k", "deserted", "count", "single_source", mentions=[mention])
    story, by_id = _story([article], [claim])
    ProvenanceBuilder().run_story(story, by_id)
    assert claim.origins == ["Suspilne (citing intelligence sources)"]


@pytest.mark.parametrize(
    ("link", "origin"),
    # "Ukrainian spies" and "A Ukrainian intelligence official" are one description of one source.
    [(True, "Suspilne (citing A Ukrainian intelligence official)"),
     (False, "DayFR (citing A Ukrainian intelligence official)")],
)
def test_unnamed_source_joins_the_one_named_relay_of_its_article(make_article, link, origin):
    text = ("Around twenty North Korean soldiers are missing, according to Ukrainian spies. "
            "A Ukrainian intelligence official, cited by Suspilne, said commanders hid it.")  # fmt: skip
    article = make_article(text, id="i1", outlet="DayFR")
    article.attributions = [
        _cites(text, "Ukrainian spies", "Around twenty North Korean soldiers are missing",
               kind="unnamed", cue="according to"),
        _cites(text, "Suspilne", "commanders hid it", via=("A Ukrainian intelligence official",),
               cue="said"),
    ]  # fmt: skip
    mention = _mention(article, "twenty North Korean soldiers", ("Ukrainian spies",))
    claim = Claim("k", "missing", "count", "single_source", mentions=[mention])
    story, by_id = _story([article], [claim])
    ProvenanceBuilder(link_unnamed=link).run_story(story, by_id)
    assert claim.origins == [origin]


def test_described_institution_is_one_origin_across_outlets(make_article) -> None:
    articles, mentions = [], []
    for i, outlet in enumerate(["KEYT", "ABC7", "NBC"]):
        text = f"Seven people died in the rampage, police said on {outlet}."
        article = make_article(text, id=f"p{i}", outlet=outlet)
        article.attributions = [_cites(text, "police", "Seven people died in the rampage",
                                       kind="official", cue="said")]  # fmt: skip
        articles.append(article)
        mentions.append(_mention(article, "Seven people", ("police",)))
    claim = Claim("k", "dead", "count", "consistent", mentions=mentions)
    story, by_id = _story(articles, [claim])
    ProvenanceBuilder().run_story(story, by_id)
    assert claim.origins == ["police"]


def test_person_relaying_an_unnamed_source_does_not_absorb_others(make_article) -> None:
    t1 = "Nathan said police told him three others were hospitalized."
    a1 = make_article(t1, id="q1", outlet="WFAA")
    a1.attributions = [_cites(t1, "Nathan", "three others were hospitalized", kind="person",
                              via=("police",), cue="said")]  # fmt: skip
    t2 = "Three others were hospitalized, an officer said."
    a2 = make_article(t2, id="q2", outlet="NBC DFW")
    a2.attributions = [_cites(t2, "an officer", "Three others were hospitalized", kind="unnamed",
                              cue="said")]  # fmt: skip
    t3 = "Three others were hospitalized, police said."
    a3 = make_article(t3, id="q3", outlet="Star-Telegram")
    a3.attributions = [_cites(t3, "police", "Three others were hospitalized", kind="unnamed",
                              cue="said")]  # fmt: skip
    claim = Claim(
        "k", "hospitalized", "count", "consistent",
        mentions=[_mention(a1, "three others", ("Nathan", "police")),
                  _mention(a2, "Three others", ("an officer",)),
                  _mention(a3, "Three others", ("police",))],
    )  # fmt: skip
    story, by_id = _story([a1, a2, a3], [claim])
    ProvenanceBuilder().run_story(story, by_id)
    assert claim.origins == [
        "Nathan (citing police)", "NBC DFW (citing an officer)", "Star-Telegram (citing police)",
    ]  # fmt: skip


def test_archive_service_is_not_an_outlet(make_article) -> None:
    base = "http://web.archive.org/web/20170316044717/http://www.saukvalley.com/2014/08/{}"
    texts = ["Brady Osborne, 16, is charged.", "Osborne, 16, appeared in court."]
    articles = []
    for i, text in enumerate(texts):
        article = make_article(text, id=f"w{i}", outlet="web.archive.org")
        article.source = base.format(i)
        articles.append(article)
    claim = Claim("k", "age", "count", "consistent",
                  mentions=[_mention(a, "16") for a in articles])  # fmt: skip
    story, by_id = _story(articles, [claim])
    ProvenanceBuilder().run_story(story, by_id)
    assert claim.origins == ["saukvalley.com"]
    assert "web.archive.org" not in {s.name for s in story.sources}


def test_a_repeat_of_an_attributed_figure_in_the_same_article_is_not_a_new_origin(make_article):
    text = ("Around twenty soldiers are missing, according to Suspilne. "
            "Shortly after, around twenty soldiers had deserted.")  # fmt: skip
    article = make_article(text, id="r1", outlet="DayFR")
    article.attributions = [_cites(text, "Suspilne", "Around twenty soldiers are missing",
                                   cue="according to")]
    first = _mention(article, "Around twenty soldiers are missing", ("Suspilne",))
    repeat = _mention(article, "around twenty soldiers had deserted")
    claim = Claim("k", "deserted", "count", "single_source", mentions=[first, repeat])
    story, by_id = _story([article], [claim])
    ProvenanceBuilder().run_story(story, by_id)
    assert claim.origins == ["Suspilne"]
    assert claim.independent_origins == 1


def test_an_unattributed_figure_alone_stands_on_its_outlet(make_article):
    text = "Around twenty soldiers had deserted."
    article = make_article(text, id="r2", outlet="DayFR")
    claim = Claim("k", "deserted", "count", "single_source",
                  mentions=[_mention(article, "around twenty soldiers".capitalize())])
    story, by_id = _story([article], [claim])
    ProvenanceBuilder().run_story(story, by_id)
    assert claim.origins == ["DayFR"]


@pytest.mark.parametrize(
    ("cites_elsewhere", "expected"),
    [
        # The article cites Suspilne for the story: its unattributed figure is Suspilne's.
        (True, ["Suspilne"]),
        # Nothing in the article points to the claim's known origin: its own reporting.
        (False, ["Suspilne", "DayFR"]),
    ],
)
def test_unattributed_figure_in_an_article_citing_the_claims_origin_is_not_new(
    make_article, cites_elsewhere, expected
):
    t1 = "The unit was stationed four miles from the border, according to Suspilne."
    a1 = make_article(t1, id="o1", outlet="Kyiv Post")
    a1.attributions = [_cites(t1, "Suspilne", "The unit was stationed four miles from the border",
                              cue="according to")]  # fmt: skip
    lead = "Soldiers deserted, Suspilne reported. " if cites_elsewhere else "Soldiers deserted. "
    t2 = lead + "They were stationed about six kilometres from the border."
    a2 = make_article(t2, id="o2", outlet="DayFR")
    if cites_elsewhere:
        a2.attributions = [_cites(t2, "Suspilne", "Soldiers deserted")]
    claim = Claim("k", "distance", "distance", "consistent", mentions=[
        _mention(a1, "four miles", ("Suspilne",)),
        _mention(a2, "about six kilometres"),
    ])  # fmt: skip
    story, by_id = _story([a1, a2], [claim])
    ProvenanceBuilder().run_story(story, by_id)
    assert claim.origins == expected
    assert claim.independent_origins == len(expected)


def test_bare_reference_to_a_publication_is_the_one_named_before(make_article):
    text = ("Newsweek reported that 18 soldiers deserted. "
            "They were four miles from the border, the article said.")  # fmt: skip
    article = make_article(text, id="b1", outlet="DayFR")
    article.attributions = [
        _cites(text, "Newsweek", "18 soldiers deserted"),
        _cites(text, "the article", "They were four miles from the border", kind="document",
               cue="said", name="article"),
    ]  # fmt: skip
    claim = Claim("k", "distance", "distance", "single_source",
                  mentions=[_mention(article, "four miles", ("article",))])  # fmt: skip
    story, by_id = _story([article], [claim])
    ProvenanceBuilder().run_story(story, by_id)
    assert claim.origins == ["Newsweek"]
    assert ("b1", "article") not in {(e.source, e.target) for e in story.edges}
