"""claims-gva: the killed and injured counts each GVA article states, against the incident record.

Data: the GVA development part (``gva/articles.jsonl.gz`` with ``gva/incidents.jsonl.gz``), the
articles whose incident has a record. Extraction is the slow part (about 10 articles a second on
2 cores), so the default run is a fixed sample: the first ``DEFAULT_LIMIT`` articles in
incident-id order, whole incidents (``--limit N`` picks another size the same way).

Systems, per article (title + blank line + text; the texts are already clean):

* "regex baseline": ``eval._casualties.regex_figures``.
* "storydesk": ``SpacyExtractor(n_process=2).run(...)`` over all articles at once, then
  ``eval._casualties.dossier_figures`` reads the quantities with storydesk's own casualty reader
  (``storydesk.steps.extract.casualties.casualty_figures``).

Metrics per role (level ``killed`` / ``injured``): precision = articles whose stated figure equals
the record / articles where the system states a figure; recall = articles where the system states
the record's figure / articles whose text states it (``stated_in_text``); F1 of the two.
``precision_knowable`` is precision over the recall's articles only (those whose text states the
record's figure): the issue notes that "counts change as a story develops, so the record is not
always what an article could know", and an article written before a victim died, or about one
site of a multi-site shooting, states a figure the record does not hold however well it is read.
On all development articles the regex baseline's precision is 0.60 (killed) / 0.70 (injured),
and 0.76 / 0.84 on the articles that state the record's figure.

Level ``discrepancy``: for every incident with two or more articles, storydesk's ``ClaimAligner``
runs on a Story of them; an incident counts as *flagged* when a killed or injured claim (a claim
with a mention that ``quantity_role`` reads as that role) is ``discrepant``, and as *really
disagreeing* when the articles' figures (``dossier_figures``) differ for a role in a way time
does not explain. Time-aware since the compare stage reads updates: two differing figures are
explained when one of them is a later total by the casualty reader's own update pattern
(``dossier_updates``: "the death toll rose to 5"), higher than the other figure and in an article
not published before the other's (unknown dates do not order), or when the other figure equals
such an update that is not before the first. That reader is a regular expression, not the
compare stage's dependency parse, so the two sides stay independent. Precision and
recall of the flag against that disagreement; the counts are in the notes. Read it with care:
the compare stage makes each article's headline toll (``headline_casualties``, the same reader
as ``dossier_figures``) one claim per role, so this level checks that the dossier surfaces the
disagreements that reader sees, not that the reader is right. By the design contract hedges
still count: "at least 3" and 5 are consistent, while the figures here "disagree".
"""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

from eval._casualties import (
    ROLES,
    dossier_figures,
    dossier_updates,
    quantity_role,
    regex_figures,
    stated_in_text,
)
from eval.datasets import Doc, load_gva, load_gva_records
from eval.result import EvalResult, Row, progress, resolve_storydesk
from storydesk.metrics import PRF
from storydesk.model import Article, StepStats, Story

NAME = "claims-gva"
DEFAULT_LIMIT = 600
N_PROCESS = 2

Figures = dict[str, int]  # role -> figure


def _articles(docs: list[Doc]) -> list[Article]:
    return [
        Article(
            id=doc.id,
            source=doc.url,
            text=f"{doc.title}\n\n{doc.text}" if doc.title else doc.text,
            title=doc.title,
            published=doc.published,
        )
        for doc in docs
    ]


def _prf(hits: int, predicted: int, found: int, relevant: int) -> dict[str, float]:
    prf = PRF.from_pr(hits / predicted if predicted else 0.0, found / relevant if relevant else 0.0)
    return {"precision": prf.precision, "recall": prf.recall, "f1": prf.f1}


def score_figures(
    figures: dict[str, Figures], texts: dict[str, str], truth: dict[str, Figures], role: str
) -> dict[str, float]:
    """Precision, recall and F1 of one system's ``figures`` (article id -> role -> figure)
    against ``truth`` (article id -> the record's figures), for ``role``."""
    stated = correct = relevant = hits = answered = 0
    for doc_id, record in truth.items():
        said = figures.get(doc_id, {}).get(role)
        if said is not None:
            stated += 1
            correct += said == record[role]
        if stated_in_text(texts[doc_id], role, record[role]):
            relevant += 1
            hits += said == record[role]
            answered += said is not None
    scores = _prf(correct, stated, hits, relevant)
    # Precision over the articles that could know the record's figure (their text states it):
    # the articles written before a victim died, or about another site of the same shooting,
    # cannot match the record however well they are read.
    scores["precision_knowable"] = hits / answered if answered else 0.0
    return scores


def _claim_roles(story: Story, by_id: dict[str, Article]) -> list[tuple[str, str]]:
    """(role, status) of each claim that has a killed or injured mention (majority role)."""
    out = []
    for claim in story.claims:
        roles: Counter[str] = Counter()
        for mention in claim.mentions:
            article = by_id[mention.article_id]
            for quantity in article.quantities:
                if (quantity.span.start, quantity.span.end) == (mention.start, mention.end):
                    found = quantity_role(article, quantity)
                    if found:
                        roles[found[0]] += 1
                    break
        if roles:
            out.append((roles.most_common(1)[0][0], claim.status))
    return out


def compare_incidents(
    articles: list[Article], incident_of: dict[str, str], read: dict[str, Figures]
) -> tuple[dict[str, float], dict[str, int]]:
    """Run ``ClaimAligner`` per incident with 2+ articles and score its discrepant flags
    against disagreement among the articles' ``read`` figures; returns (P/R/F1, counts)."""
    from storydesk.steps.compare import ClaimAligner

    aligner = ClaimAligner()
    by_incident: dict[str, list[Article]] = {}
    for article in articles:
        by_incident.setdefault(incident_of[article.id], []).append(article)
    counts = Counter(incidents=0, flagged=0, disagreeing=0, both=0)
    for incident, members in sorted(by_incident.items()):
        if len(members) < 2:
            continue
        by_id = {a.id: a for a in members}
        story = aligner.run_story(Story(id=incident, article_ids=list(by_id)), by_id)
        flagged = any(status == "discrepant" for _, status in _claim_roles(story, by_id))
        disagreeing = any(_disagree(members, read, role) for role in ROLES)
        counts["incidents"] += 1
        counts["flagged"] += flagged
        counts["disagreeing"] += disagreeing
        counts["both"] += flagged and disagreeing
    return _prf(counts["both"], counts["flagged"], counts["both"], counts["disagreeing"]), dict(
        counts
    )


def _disagree(members: list[Article], read: dict[str, Figures], role: str) -> bool:
    """Whether the articles' ``role`` figures differ in a way no later update explains."""
    stated = [(a, read[a.id][role], dossier_updates(a).get(role, False)) for a in members
              if role in read[a.id]]  # fmt: skip

    def not_before(later: Article, earlier: Article) -> bool:
        if later.published is None or earlier.published is None:
            return True
        return later.published >= earlier.published

    def explained(x: tuple[Article, int, bool], y: tuple[Article, int, bool]) -> bool:
        for old, other in ((x, y), (y, x)):
            for update in stated:
                if not update[2] or update[1] <= old[1] or not not_before(update[0], old[0]):
                    continue
                if other is update or (other[1] == update[1] and not_before(other[0], old[0])):
                    return True
        return False

    return any(
        x[1] != y[1] and not explained(x, y) for i, x in enumerate(stated) for y in stated[i + 1 :]
    )


def run(datasets_dir: Path, limit: int | None = None) -> EvalResult:
    """Read killed/injured per article with each system and score against the GVA records."""
    records = load_gva_records(datasets_dir)
    docs = [d for d in load_gva(datasets_dir) if d.labels["incident"] in records]
    docs = _whole_incidents(docs, limit or DEFAULT_LIMIT)
    incident_of = {d.id: d.labels["incident"] for d in docs}
    truth = {d.id: records[incident_of[d.id]] for d in docs}
    articles = _articles(docs)
    texts = {a.id: a.text for a in articles}
    result = EvalResult(
        NAME,
        "killed / injured per article vs the incident record",
        f"gva articles with a record (title + text), first {len(docs)} by incident",
        len(docs),
    )
    start = time.perf_counter()
    regex = {a.id: regex_figures(a.text) for a in articles}
    seconds = time.perf_counter() - start
    for role in ROLES:
        result.rows.append(
            Row("regex baseline", score_figures(regex, texts, truth, role), role, seconds)
        )

    extractor_class, reason = resolve_storydesk("storydesk.steps.extract", "SpacyExtractor")
    if extractor_class is None:
        result.missing["storydesk"] = reason
        return result
    progress(f"{NAME}: extracting {len(articles)} articles ...")
    start = time.perf_counter()
    extractor = extractor_class(n_process=N_PROCESS)
    annotated = list(extractor.run(articles, StepStats("extract"), []))
    read = {a.id: dossier_figures(a) for a in annotated}
    seconds = time.perf_counter() - start
    for role in ROLES:
        result.rows.append(Row("storydesk", score_figures(read, texts, truth, role), role, seconds))

    start = time.perf_counter()
    prf, counts = compare_incidents(annotated, incident_of, read)
    result.rows.append(Row("storydesk", prf, "discrepancy", time.perf_counter() - start))
    result.notes.append(
        f"discrepancy: {counts['incidents']} incidents with 2+ articles; storydesk marks a "
        f"killed/injured claim discrepant in {counts['flagged']}, the articles' figures "
        f"disagree in {counts['disagreeing']}, both in {counts['both']}"
    )
    return result


def _whole_incidents(docs: list[Doc], limit: int) -> list[Doc]:
    """The first ``limit`` docs in incident-id order, never cutting an incident in half."""
    docs = sorted(docs, key=lambda d: (d.labels["incident"], d.id))
    cut = min(limit, len(docs))
    while cut < len(docs) and docs[cut].labels["incident"] == docs[cut - 1].labels["incident"]:
        cut += 1
    return docs[:cut]
