"""Provenance: who each article cites, and how many independent origins stand behind each claim.

Five outlets repeating one source are one confirmation, not five. ``ProvenanceBuilder`` draws the
story's citation graph (networkx ``DiGraph``) and counts, for every claim, the distinct roots of
the citation chains behind its mentions:

* article → source "cites" for each attribution, source → source "cites" along a chain
  ("Newsweek, citing Suspilne, citing unnamed intelligence officials"); article → article "copies"
  for a syndicated duplicate and "translates" for a translation credit naming another article's
  outlet.
* A mention's origin is the deepest *named* source of its chain. A chain that stops at a named
  source is followed further through the graph while the way on is unambiguous, so "according to
  Suspilne" and "intelligence officials, cited by Suspilne" reach the same origin.
* An unnamed source cannot be told apart from another, so it is identified with the named source
  that cites it: "unnamed intelligence officials" cited by Suspilne in two articles are one origin,
  "Suspilne (citing unnamed intelligence officials)". An unnamed source an article cites directly
  belongs, nearest evidence first, to the outlet or agency named beside it in the same mention
  ("intelligence sources tell Suspilne"), to the one outlet elsewhere in the story citing the same
  description, to the one outlet this article shows citing unnamed people, else to the article's
  own outlet. A described institution ("police", "the authorities": kind ``official``) with no
  such outlet is one origin whoever quotes it.
* A mention with no attribution stands on its article's outlet (or the article itself); copies and
  translations stand on the article they reproduce.
"""

from __future__ import annotations

from collections import Counter

from storydesk.model import Article, Claim, Mention, Story
from storydesk.steps.base import StoryStep
from storydesk.steps.provenance.graph import (
    PRONOUNS,
    CitationGraph,
    Cited,
    build_graph,
    citation_chain,
    edge_list,
    own_outlet,
    root_articles,
    source_list,
    translation_links,
    with_possessor,
)

__all__ = ["ProvenanceBuilder", "citation_chain"]


class ProvenanceBuilder(StoryStep):
    """Fill ``story.sources``, ``story.edges`` and every claim's ``origins``.

    ``link_unnamed`` identifies an unnamed source an article cites directly with the outlet the
    story's other evidence places behind it (see the module docstring); the conservative reading:
    an anonymous source is not a new confirmation unless something says it is. Turn it off to
    credit every such source to the outlet that quotes it.
    """

    name = "provenance"
    needs = frozenset({"attributions", "claims"})
    adds = frozenset({"story.sources", "story.edges", "claim.origins"})

    def __init__(self, link_unnamed: bool = True) -> None:
        self.link_unnamed = link_unnamed

    def run_story(self, story: Story, articles: dict[str, Article]) -> Story:
        members = [articles[i] for i in story.article_ids if i in articles]
        translations = translation_links(members)
        root = root_articles(members, translations)
        cited, graph = build_graph(members, story)
        story.sources = source_list(graph, members, story)
        story.edges = edge_list(graph, members, translations)
        by_article: dict[str, list[Cited]] = {}
        for item in cited:
            by_article.setdefault(item.article_id, []).append(item)
        for claim in story.claims:
            self._origins(claim, graph, by_article, articles, root)
        return story

    def _origins(
        self,
        claim: Claim,
        graph: CitationGraph,
        by_article: dict[str, list[Cited]],
        articles: dict[str, Article],
        root: dict[str, str],
    ) -> None:
        labels: dict[str, Counter[str]] = {}  # origin key -> its labels, by use
        chains_of = [
            [_follow(c, graph) for c in _mention_chains(m, by_article.get(m.article_id, []), graph)]
            for m in claim.mentions
        ]
        # An article that attributes a figure once and repeats it later without saying whose it
        # is relies on the same source both times: the repeat is not the outlet's own origin.
        attributed_in = {
            root.get(m.article_id, m.article_id)
            for m, chains in zip(claim.mentions, chains_of, strict=True)
            if chains
        }
        unattributed: list[tuple[Mention, str]] = []
        for mention, chains in zip(claim.mentions, chains_of, strict=True):
            origin_article = root.get(mention.article_id, mention.article_id)
            if not chains and origin_article in attributed_in:
                continue
            article = articles.get(origin_article) or articles.get(mention.article_id)
            fallback = (own_outlet(article, graph) if article else None) or origin_article
            if not chains:
                unattributed.append((mention, fallback))
                continue
            for chain in chains:
                key, label = self._mention_origin(
                    mention, chain, chains, graph, by_article, fallback
                )
                labels.setdefault(key, Counter())[label] += 1
        # A figure an article states without saying whose it is, in an article that elsewhere
        # cites a source this claim already goes back to, is that source's figure repeated, not
        # the outlet's own finding: journalists attribute once and go on.
        for mention, fallback in unattributed:
            cited_keys = Counter(
                self._mention_origin(mention, chain, [chain], graph, by_article, fallback)[0]
                for item in by_article.get(mention.article_id, [])
                if (chain := _follow(item.chain, graph))
            )
            shared = [key for key in cited_keys if key in labels]
            key = max(shared, key=lambda k: (sum(labels[k].values()), k)) if shared else fallback
            labels.setdefault(key, Counter())[key] += 1
        claim.origins = [_best_label(key, counts) for key, counts in labels.items()]
        claim.independent_origins = len(claim.origins)

    def _mention_origin(
        self,
        mention: Mention,
        chain: list[str],
        chains: list[list[str]],
        graph: CitationGraph,
        by_article: dict[str, list[Cited]],
        fallback: str,
    ) -> tuple[str, str]:
        """(identity, label) of the origin behind one (followed) chain of one mention, among
        all the chains behind it (``chains``)."""
        cited = by_article.get(mention.article_id, [])
        # Where an unnamed source of this mention comes from, nearest evidence first: an outlet
        # beside it ("intelligence sources tell Suspilne"), the story's one outlet citing the
        # same description, the one outlet this article shows citing unnamed people, and last
        # the article's own outlet.
        beside = _single({k for c in chains if (k := _named_key(c, graph)) and graph.relays(k)})
        in_article = _single(_unnamed_citers(cited, graph))
        return self._origin(chain, graph, fallback, beside, in_article)

    def _origin(
        self,
        chain: list[str],
        graph: CitationGraph,
        fallback: str,
        beside: str | None = None,
        in_article: str | None = None,
    ) -> tuple[str, str]:
        """(identity, label) of the origin behind one (followed) chain."""
        key = _named_key(chain, graph)
        if key is not None:
            deeper = chain[len(chain) - chain[::-1].index(key) :]
            return key, f"{key} (citing {deeper[-1]})" if deeper else key
        if not chain:
            return fallback, fallback
        unnamed = chain[-1]
        parent = None
        if self.link_unnamed:
            parent = beside or _linked_citer(unnamed, graph) or in_article
        if parent is None and graph.kinds.get(unnamed) == "official":
            # "police", "the authorities": an institution, one origin whoever quotes it.
            return unnamed, unnamed
        parent = parent or fallback
        return parent, f"{parent} (citing {unnamed})"


def _named_key(chain: list[str], graph: CitationGraph) -> str | None:
    """The deepest named source of a chain: the origin one can hold to account."""
    named = [name for name in chain if not graph.unnamed(name)]
    return named[-1] if named else None


def _single(names: set[str | None]) -> str | None:
    """The one name of a set, or None when there are none or several."""
    return next(iter(names)) if len(names) == 1 else None


def _unnamed_citers(cited: list[Cited], graph: CitationGraph) -> set[str | None]:
    """Outlets and agencies that, in one article, cite unnamed sources ("Suspilne, citing
    officials")."""
    return {
        chain[i]
        for chain in (item.chain for item in cited)
        for i in range(len(chain) - 1)
        if graph.relays(chain[i]) and graph.unnamed(chain[i + 1])
    }


def _best_label(key: str, counts: Counter[str]) -> str:
    """One label per origin: the most informative ("X (citing Y)") most used one."""
    detailed = [(n, label) for label, n in counts.items() if label != key]
    if detailed:
        return max(detailed, key=lambda item: item[0])[1]
    return key


def _follow(chain: list[str], graph: CitationGraph) -> list[str]:
    """Extend a chain through the story's graph while there is one way on.

    "according to Suspilne" in one article meets "Suspilne, citing unnamed officials" in another:
    the chain goes on to the officials. When the last source cites several named sources, which
    one this statement came from is unknown, so the chain stops there.
    """
    chain = list(chain)
    while chain and not graph.unnamed(chain[-1]):
        onward = [name for name in graph.cites(chain[-1]) if name not in chain]
        if len(onward) == 1:
            chain.append(onward[0])
            continue
        if onward and all(graph.unnamed(name) for name in onward):
            chain.append(max(onward, key=lambda n: (len(graph.cited_by.get(n, [])), n)))
        break
    return chain


def _linked_citer(unnamed: str, graph: CitationGraph) -> str | None:
    """The outlet or agency that, elsewhere in the story, cites the same unnamed source (the one
    most articles cite when several do, none on a tie)."""
    counts = Counter(
        {
            citer: len(graph.cited_by.get(citer, []))
            for citer in graph.citers(unnamed)
            if graph.relays(citer)
        }
    )
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def _mention_chains(mention: Mention, cited: list[Cited], graph: CitationGraph) -> list[list[str]]:
    """The citation chains behind one mention: the attributions it names, found at the mention,
    else the nearest one carrying that name, else the bare name."""
    start, end = mention.start, mention.end
    # The compare step names the attributions that speak for a mention (denials left out): a
    # mention it attributes to nobody stands on its article.
    names = {
        graph.name(n)
        for n in mention.attributed_to
        if n and n.strip() and n.strip().lower() not in PRONOUNS
    }

    def at_mention(item: Cited) -> bool:
        content = item.attribution.content
        return content.start < end and start < content.end

    chains: list[list[str]] = []
    for name in names:
        carrying = [item for item in cited if item.carries(name)]
        here = [item for item in carrying if at_mention(item)]
        if here:
            chains.extend(item.chain for item in here)
        elif carrying:
            nearest = min(carrying, key=lambda item: abs(item.attribution.content.start - start))
            chains.append(nearest.chain)
        else:
            chains.append(with_possessor([name], graph))
    return chains
