"""A hand-built Dossier with every field populated, shared by the schema and report tests.

Story ``s1``: five articles (one with a hostile title and text), claims of every status, sources,
edges of every relation, dated and undated timeline entries, flags, entities. Story ``s2``: 50
articles citing a handful of sources, for the provenance graph at scale. Plus an article in no
story, skipped inputs and step stats.
"""

from __future__ import annotations

import datetime as dt

from storydesk.model import (
    Article,
    Claim,
    Dossier,
    Edge,
    Entity,
    Flag,
    Mention,
    Normalized,
    Removed,
    Skipped,
    Source,
    StepStats,
    Story,
    SummarySentence,
    TimelineEntry,
)

XSS = "<script>alert(1)</script>"

TEXTS = {
    "a1": "Suspilne reported that 18 North Korean soldiers deserted near the border. "
    "The unit is 3,000 strong. The report has not yet been confirmed by independent sources.",
    "a2": f"Newsweek, citing Suspilne, said around twenty soldiers fled {XSS} about six kilometers "
    "from the front. The unit is 3,000 strong.",
    "a3": "Officials said a group of soldiers deserted four miles from the border. "
    "A spokesman said the unit was absolutely nowhere near 3,000.",
    "a4": "Au moins 18 soldats ont déserté, selon Suspilne. No picture or video evidence has emerged.",
    "a5": "10,000 soldiers were sent to Russia, the ministry said on Oct. 15.",
}
OUTLETS = {"a1": "Suspilne", "a2": "Newsweek", "a3": "Kyiv Post", "a4": "Le Monde", "a5": "Reuters"}


def mention(aid: str, quote: str, value: float | None, unit: str, **kw: object) -> Mention:
    """A mention whose offsets really point at ``quote`` in the article text."""
    start = TEXTS[aid].index(quote)
    return Mention(aid, quote, start, start + len(quote), value, unit, **kw)  # type: ignore[arg-type]


def flag(aid: str, type_: str, quote: str) -> Flag:
    start = TEXTS[aid].index(quote)
    return Flag(type_, quote, aid, start, start + len(quote))


def _articles() -> list[Article]:
    articles = [
        Article(
            id=aid,
            source=f"https://{OUTLETS[aid].lower().replace(' ', '')}.example/{aid}"
            if aid != "a4"
            else "saved/a4.html",
            raw=text,
            text=text,
            outlet=OUTLETS[aid],
            title=f"Soldiers desert ({OUTLETS[aid]})",
            published=dt.date(2024, 10, 17 + i),
            language="fr" if aid == "a4" else "en",
            removed=[Removed("ADVERTISEMENT", "advertisement"), Removed("Share icon", "share")],
        )
        for i, (aid, text) in enumerate(TEXTS.items())
    ]
    articles[1].title = f"Soldiers flee {XSS}"
    articles[1].removed.append(Removed(f"caption {XSS}", "caption"))
    articles += [
        Article(
            id=f"b{i:02d}",
            source=f"feed.jsonl#{i}",
            text=f"Storm article {i}.",
            outlet=f"Outlet {i % 7}",
        )
        for i in range(50)
    ]
    articles.append(Article(id="x1", source="noise.txt", text="Unrelated.", duplicate_of="a1"))
    return articles


def _story_one() -> Story:
    attributed = ["Suspilne", "unnamed Ukrainian intelligence officials"]
    claims = [
        Claim(
            "c1",
            "North Korean soldiers deserted",
            "count",
            "discrepant",
            [
                mention(
                    "a1",
                    "18 North Korean soldiers",
                    18,
                    "soldiers",
                    normalized=Normalized(18, "count"),
                    attributed_to=attributed,
                ),
                mention(
                    "a2",
                    "around twenty soldiers",
                    20,
                    "soldiers",
                    normalized=Normalized(20, "count"),
                    hedge="approximate",
                    attributed_to=["Newsweek", "Suspilne"],
                ),
                mention("a3", "a group of soldiers", None, "soldiers", attributed_to=["Officials"]),
            ],
            origins=["Suspilne"],
            independent_origins=1,
        ),
        Claim(
            "c2",
            "distance of the desertion from the border",
            "distance",
            "consistent",
            [
                mention(
                    "a2",
                    "about six kilometers",
                    6,
                    "kilometers",
                    normalized=Normalized(6, "km"),
                    hedge="approximate",
                ),
                mention("a3", "four miles", 4, "miles", normalized=Normalized(6.437376, "km")),
            ],
            origins=["Suspilne", "Officials"],
            independent_origins=2,
        ),
        Claim(
            "c3",
            "strength of the unit",
            "count",
            "contested",
            [
                mention("a1", "3,000 strong", 3000, "strong", normalized=Normalized(3000, "count")),
                mention("a3", "nowhere near 3,000", 3000, "", hedge="at_most"),
            ],
            origins=["Suspilne", "A spokesman"],
            independent_origins=2,
        ),
        Claim(
            "c4",
            "soldiers sent to Russia",
            "count",
            "single_source",
            [
                mention(
                    "a5",
                    "10,000 soldiers",
                    10000,
                    "soldiers",
                    normalized=Normalized(10000, "count"),
                    hedge="estimated",
                    attributed_to=["the ministry"],
                )
            ],
            origins=["the ministry"],
            independent_origins=1,
        ),
        Claim(
            "c5",
            "deserters at least",
            "count",
            "consistent",
            [
                mention("a4", "Au moins 18 soldats", 18, "soldats", hedge="at_least"),
                mention("a1", "18 North Korean soldiers", 18, "soldiers", hedge="range"),
            ],
            origins=["Suspilne"],
            independent_origins=1,
        ),
    ]
    return Story(
        id="s1",
        headline="North Korean soldiers desert near the Ukrainian border",
        article_ids=list(TEXTS),
        entities=[
            Entity("Zelensky", "PERSON", ["Zelenskyy"], ["a1", "a3"]),
            Entity("Suspilne", "ORG", [], ["a1", "a2", "a4"]),
        ],
        claims=claims,
        sources=[
            Source("Suspilne", "outlet", ["a2", "a4"]),
            Source("Newsweek", "outlet", ["a2"]),
            Source("unnamed Ukrainian intelligence officials", "unnamed", ["a1"]),
            Source("Officials", "official", ["a3"]),
            Source("the ministry", "official", ["a5"]),
            Source("Reuters", "agency", []),
            Source("A spokesman", "person", ["a3"]),
            Source("Leaked memo", "document", []),
        ],
        edges=[
            Edge("a1", "Suspilne", "quotes"),
            Edge("a2", "Newsweek", "cites"),
            Edge("Newsweek", "Suspilne", "cites"),
            Edge("a4", "a1", "translates"),
            Edge("a3", "Officials", "cites"),
            Edge("a5", "the ministry", "cites"),
            Edge("a2", "a1", "copies"),
        ],
        timeline=[
            TimelineEntry("2024-10-15", "Soldiers sent to Russia", ["a5"]),
            TimelineEntry("2024-10-17", "18 soldiers desert", ["a1", "a2"]),
            TimelineEntry("2024-10-17", f"Report of desertion {XSS}", ["a3"]),
            TimelineEntry("last week", "Unit formed", ["a3"]),
        ],
        summary=[
            SummarySentence("North Korean soldiers deserted near the border.", ["a1", "a3"]),
            SummarySentence("The number is not confirmed.", ["a1"]),
        ],
        flags=[
            flag("a1", "unconfirmed", "has not yet been confirmed by independent sources"),
            flag("a3", "denied", "absolutely nowhere near 3,000"),
            flag("a4", "no_evidence", "No picture or video evidence has emerged"),
            Flag("correction", "An earlier version said 20.", "a2"),
            Flag("update", "Updated at noon.", "a5"),
        ],
    )


def _story_two() -> Story:
    ids = [f"b{i:02d}" for i in range(50)]
    sources = [f"Local newspaper number {k} with a very long name" for k in range(5)]
    edges = [Edge(aid, sources[i % 5], "cites") for i, aid in enumerate(ids)]
    edges += [Edge(s, "National weather service", "cites") for s in sources[:3]]
    edges += [Edge(s, "Eyewitness on social media", "quotes") for s in sources[3:]]
    edges += [Edge("b01", "b00", "copies")]
    claim = Claim(
        "c1",
        "storm deaths",
        "count",
        "discrepant",
        [Mention(aid, "Storm", 0, 5, 3.0 + i, "deaths") for i, aid in enumerate(ids[:4])],
        origins=["National weather service", "Eyewitness on social media"],
        independent_origins=2,
    )
    return Story(
        id="s2",
        headline="Storm hits the coast",
        article_ids=ids,
        claims=[claim],
        sources=[Source(s, "outlet", ids[k::5]) for k, s in enumerate(sources)],
        edges=edges,
        timeline=[
            TimelineEntry(f"2024-11-{d:02d}", f"Storm update {d}", [ids[d]]) for d in range(1, 29)
        ],
    )


def build_dossier() -> Dossier:
    """The full hand-built dossier (fresh objects on every call)."""
    return Dossier(
        articles=_articles(),
        stories=[_story_one(), _story_two()],
        skipped=[
            Skipped("empty.txt", "empty", "read"),
            Skipped(f"bad{XSS}.bin", "binary", "read"),
            Skipped("page.html", "no-body", "clean"),
        ],
        stats=[
            StepStats("read", 58, 56, {"empty": 1, "binary": 1}, 0.12),
            StepStats("clean", 56, 56, {}, 1.5),
        ],
    )
