"""The story's citation graph: who cites whom, the sources list and the provenance edges.

Names are merged with ``aliases.alias_map`` over every name the story uses (outlets, sources, chain
links, the compare step's ``attributed_to``), so "the Kyiv Independent" cited in one article is the
Kyiv Independent that published another. Graph nodes are ``("article", id)`` and
``("source", canonical name)``; the dossier's edges use the bare id or name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

import networkx as nx

from storydesk.aliases import alias_map, clean_name, is_descriptive, normalize_name
from storydesk.model import Article, Attribution, Edge, Source, Story
from storydesk.steps.provenance.speakers import can_be_source

# Names the compare step may pass on from an unresolved pronoun: they identify nobody.
PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "him", "her", "them"})
RELAY_KINDS = frozenset({"outlet", "agency"})
_ENTITY_KINDS = {"PERSON": "person", "ORG": "official", "GPE": "official", "NORP": "official"}
_TRANSLATION_CREDIT = re.compile(
    r"translat|originally (?:published|appeared)|first (?:published|appeared)", re.IGNORECASE
)

_ARCHIVE_HOST = re.compile(r"(?:www\.|web\.)?archive\.(?:org|today|ph|is|li|md)")
_ARCHIVED_URL = re.compile(
    r"https?://(?:www\.|web\.)?archive\.(?:org|today|ph|is|li|md)/(?:web/)?[^/]*/(https?://.+)",
    re.IGNORECASE,
)
_URL_SITE = re.compile(r"https?://(?:www\.)?([^/:?#\s]+)", re.IGNORECASE)

Node = tuple[str, str]  # ("article", id) or ("source", canonical name)


def citation_chain(attribution: Attribution) -> list[str]:
    """The names an attribution passes through, from the article inwards to the origin.

    The extract stage names as ``source_name`` the source the article cites directly and lists in
    ``via`` where that source got it, outermost first: "officials, cited by Suspilne" is Suspilne
    via officials; "X said ..., according to Reuters" is Reuters via X. An agentless attribution
    ("it was reported, citing Y") is its ``via`` alone.
    """
    source = (attribution.source_name or "").strip()
    via = [v.strip() for v in attribution.via if v and v.strip()]
    return [source, *via] if source else via


@dataclass(slots=True)
class Cited:
    """One attribution of one article, its chain in canonical names."""

    article_id: str
    attribution: Attribution
    chain: list[str]
    # The name the article wrote when the chain resolves it ("article" -> the magazine it means).
    written: str = ""

    def carries(self, name: str) -> bool:
        """True if this attribution goes through ``name`` (as resolved or as written)."""
        return name in self.chain or name == self.written


@dataclass(slots=True)
class CitationGraph:
    """The story's citation graph and what the origin rules need to know about its names."""

    graph: nx.DiGraph = field(default_factory=nx.DiGraph)
    canonical: dict[str, str] = field(default_factory=dict)  # any written name -> canonical
    by_norm: dict[str, str] = field(default_factory=dict)  # normal form -> canonical
    kinds: dict[str, str] = field(default_factory=dict)  # canonical -> kind
    cited_by: dict[str, list[str]] = field(default_factory=dict)  # canonical -> article ids

    def name(self, written: str) -> str:
        """The canonical name for a written source name (cleaned if it was never seen)."""
        if written in self.canonical:
            return self.canonical[written] or written.strip()
        return self.by_norm.get(normalize_name(written)) or clean_name(written) or written.strip()

    def unnamed(self, name: str) -> bool:
        """True for a source that cannot be told apart from another: "unnamed officials"."""
        return self.kinds.get(name) == "unnamed" or is_descriptive(name)

    def relays(self, name: str) -> bool:
        """True for a publication that passes on what others say: an outlet or agency (a named
        source never seen as a speaker is one: it only appears inside chains)."""
        kind = self.kinds.get(name)
        return kind in RELAY_KINDS or (kind is None and not is_descriptive(name))

    def cites(self, name: str) -> list[str]:
        """The sources ``name`` cites anywhere in the story."""
        node: Node = ("source", name)
        if node not in self.graph:
            return []
        return [
            target[1]
            for target in self.graph.successors(node)
            if self.graph.edges[node, target].get("relation") == "cites" and target[0] == "source"
        ]

    def citers(self, name: str) -> list[str]:
        """Named sources that cite ``name`` (articles left out)."""
        node: Node = ("source", name)
        if node not in self.graph:
            return []
        return [p[1] for p in self.graph.predecessors(node) if p[0] == "source"]


def outlet_name(article: Article) -> str | None:
    """The outlet that published ``article``: its ``outlet``, else its URL's site. An archive
    service (web.archive.org) publishes nothing: the archived page's site is used instead."""
    outlet = (article.outlet or "").strip()
    if outlet and not _ARCHIVE_HOST.fullmatch(outlet.lower()):
        return outlet
    url = (article.source or "").strip()
    wrapped = _ARCHIVED_URL.match(url)
    if wrapped:
        url = wrapped.group(1)
    site = _URL_SITE.match(url)
    if site and not _ARCHIVE_HOST.fullmatch(site.group(1).lower()):
        return site.group(1)
    return outlet or None


def own_outlet(article: Article, graph: CitationGraph) -> str | None:
    """The canonical name of the outlet that published ``article``, if known."""
    outlet = outlet_name(article)
    return (graph.name(outlet) or None) if outlet else None


def root_articles(members: list[Article], translations: dict[str, str]) -> dict[str, str]:
    """article id -> the article it reproduces (copies and translations followed to the end)."""
    ids = {a.id for a in members}
    step = {a.id: a.duplicate_of for a in members if a.duplicate_of and a.duplicate_of in ids}
    for source_id, target_id in translations.items():
        step.setdefault(source_id, target_id)
    root: dict[str, str] = {}
    for article in members:
        current, seen = article.id, {article.id}
        while current in step and step[current] not in seen:
            current = step[current]
            seen.add(current)
        root[article.id] = current
    return root


def translation_links(members: list[Article]) -> dict[str, str]:
    """article id -> id of the story article whose outlet its translation credit names."""
    found: dict[str, str] = {}
    for article in members:
        credit_lines = [
            line
            for text in (article.text, *(r.text for r in article.removed))
            for line in (text or "").splitlines()
            if _TRANSLATION_CREDIT.search(line)
        ]
        if not credit_lines:
            continue
        own = normalize_name(outlet_name(article) or "")
        for other in members:
            outlet = outlet_name(other) or ""
            if other.id == article.id or not outlet or normalize_name(outlet) == own:
                continue
            pattern = re.compile(rf"(?<!\w){re.escape(outlet)}(?!\w)", re.IGNORECASE)
            if any(pattern.search(line) for line in credit_lines):
                found.setdefault(article.id, other.id)
    return found


def _written_names(members: list[Article], story: Story) -> list[str]:
    names: list[str] = []
    for article in members:
        outlet = outlet_name(article)
        if outlet:
            names.append(outlet)
        for attribution in article.attributions:
            names.extend(citation_chain(attribution))
    for claim in story.claims:
        for mention in claim.mentions:
            names.extend(n for n in mention.attributed_to if _usable(n))
    return names


def build_graph(members: list[Article], story: Story) -> tuple[list[Cited], CitationGraph]:
    """Merge the story's names, vote each source's kind and draw the "cites" edges; returns every
    attribution with its chain, and the graph."""
    graph = CitationGraph()
    written = _written_names(members, story)
    graph.canonical = alias_map(written)
    for canonical in graph.canonical.values():
        graph.by_norm.setdefault(normalize_name(canonical), canonical)
    votes: dict[str, Counter[str]] = {}
    for article in members:
        outlet = outlet_name(article)
        if outlet:
            votes.setdefault(graph.name(outlet), Counter())["outlet"] += 1
        for attribution in article.attributions:
            name = attribution.source_name.strip() if attribution.source_name else ""
            if name:
                votes.setdefault(graph.name(name), Counter())[attribution.source_kind] += 1
    graph.kinds = {name: _majority(name, counts) for name, counts in votes.items()}

    cited: list[Cited] = []
    for article in members:
        own = own_outlet(article, graph)
        art_node: Node = ("article", article.id)
        graph.graph.add_node(art_node)
        publication: str | None = None  # the last publication this article cited
        for attribution in sorted(article.attributions, key=_position):
            chain = _dedupe(
                [graph.name(n) for n in citation_chain(attribution) if _speaker(graph, n)]
            )
            # An outlet citing itself ("the Kyiv Independent has learned") adds no link.
            while chain and chain[0] == own:
                chain = chain[1:]
            chain = with_possessor(chain, graph)
            if not chain:
                continue
            # "the magazine", "the article ... said": the publication the article named last.
            as_written = ""
            if publication and publication not in chain and _anaphoric(chain[0]):
                as_written = chain[0]
                chain = [publication, *chain[1:]]
            elif graph.kinds.get(chain[0]) in RELAY_KINDS:
                publication = chain[0]
            cited.append(Cited(article.id, attribution, chain, as_written))
            _add_cites(graph, art_node, chain, article.id)
    for claim in story.claims:
        for mention in claim.mentions:
            # A name the compare step attributes to but no attribution carries is still cited.
            for name in mention.attributed_to:
                if _usable(name) and _speaker(graph, name):
                    citing = graph.cited_by.setdefault(graph.name(name), [])
                    if mention.article_id not in citing:
                        citing.append(mention.article_id)
    return cited, graph


# Head nouns of a bare reference back to a publication ("the article said", "the magazine wrote").
_PUBLICATION_NOUNS = frozenset(
    {
        "article", "report", "story", "piece", "magazine", "newspaper", "paper", "outlet",
        "publication", "broadcaster", "website", "site", "tabloid", "daily", "weekly", "agency",
        "network", "channel", "station", "radio", "portal", "media",
    }
)  # fmt: skip


def _anaphoric(name: str) -> bool:
    """True for a bare reference to a publication: "article", "the magazine" (no modifier that
    would make it a description of its own, as "an earlier report" or "Ukrainian radio")."""
    words = clean_name(name).lower().split()
    while words and words[0] in {"the", "this", "that", "its", "their", "his", "her"}:
        words = words[1:]
    return len(words) == 1 and words[0] in _PUBLICATION_NOUNS


def _position(attribution: Attribution) -> int:
    span = attribution.source or attribution.cue
    return span.start


def _speaker(graph: CitationGraph, written: str) -> bool:
    """Whether a written name can be a source (see ``speakers.can_be_source``)."""
    name = graph.name(written)
    return can_be_source(name, graph.kinds.get(name))


def _usable(name: str) -> bool:
    return bool(name and name.strip()) and name.strip().lower() not in PRONOUNS


def _majority(name: str, votes: Counter[str]) -> str:
    """The kind most attributions give a source; on a tie a description is "unnamed"."""
    top = max(votes.values())
    tied = [kind for kind, n in votes.items() if n == top]
    if "unnamed" in tied and is_descriptive(name):
        return "unnamed"
    return tied[0]


def with_possessor(chain: list[str], graph: CitationGraph) -> list[str]:
    """An unnamed "Suspilne sources" is cited by Suspilne: put Suspilne in front of it."""
    if not chain or not graph.unnamed(chain[0]):
        return chain
    words = chain[0].split()
    lead = []
    for word in words[:-1]:
        if not word[:1].isupper():
            break
        lead.append(word)
    if lead:
        owner = graph.by_norm.get(normalize_name(" ".join(lead)))
        if owner and not graph.unnamed(owner) and owner not in chain:
            return [owner, *chain]
    return chain


def _dedupe(names: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for name in names:
        if name and name not in seen:
            seen.append(name)
    return seen


def _add_cites(graph: CitationGraph, art_node: Node, chain: list[str], article_id: str) -> None:
    previous: Node = art_node
    for name in chain:
        node: Node = ("source", name)
        if not graph.graph.has_edge(previous, node):
            graph.graph.add_edge(previous, node, relation="cites")
        citing = graph.cited_by.setdefault(name, [])
        if article_id not in citing:
            citing.append(article_id)
        previous = node


def source_list(graph: CitationGraph, members: list[Article], story: Story) -> list[Source]:
    """Every cited source and every article's outlet, most cited first."""
    entity_kind: dict[str, str | None] = {}
    for entity in story.entities:
        for alias in (entity.name, *entity.aliases):
            entity_kind.setdefault(normalize_name(alias), _ENTITY_KINDS.get(entity.type))
    names = list(graph.cited_by)
    for article in members:
        own = own_outlet(article, graph)
        if own and own not in names:
            names.append(own)
    order = {a.id: i for i, a in enumerate(members)}
    sources = []
    for name in names:
        kind = graph.kinds.get(name) or (
            "unnamed" if is_descriptive(name) else entity_kind.get(normalize_name(name)) or "outlet"
        )
        cited_by = sorted(graph.cited_by.get(name, []), key=lambda i: order.get(i, len(order)))
        sources.append(Source(name=name, kind=kind, cited_by=cited_by))
    sources.sort(key=lambda s: (-len(s.cited_by), s.name.lower()))
    return sources


def edge_list(
    graph: CitationGraph, members: list[Article], translations: dict[str, str]
) -> list[Edge]:
    """The dossier's provenance edges: cites, copies, translates (each once)."""
    edges: list[Edge] = []
    for source, target, data in graph.graph.edges(data=True):
        edges.append(Edge(source[1], target[1], data.get("relation", "cites")))
    for article in members:
        if article.duplicate_of and article.duplicate_of != article.id:
            edges.append(Edge(article.id, article.duplicate_of, "copies"))
    for source_id, target_id in translations.items():
        edges.append(Edge(source_id, target_id, "translates"))
    unique: dict[tuple[str, str, str], Edge] = {}
    for edge in edges:
        unique.setdefault((edge.source, edge.target, edge.relation), edge)
    return list(unique.values())
