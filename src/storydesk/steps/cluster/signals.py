"""What tells two news events apart, extracted cheaply from each article: views for the pair model.

In a pile of similar events (every story a shooting) the shared vocabulary says little; *who,
where, when and how many* decide. Each article therefore gets five bags of tokens, each turned
into an L2-normalised TF-IDF row so that the cosine of two rows is one pair feature:

* ``body``: lemmas of title and text, names and numbers weighted up (features.event_tokens);
* ``names``: capitalised-token n-grams (person, street, business names), or the article's named
  entities when the extract stage has already run;
* ``places``: US state names and abbreviations, "X County", "City, State", datelines
  ("BREAUX BRIDGE, La. (AP)"): a cheap gazetteer-free proxy for the place of the event;
* ``numbers``: the numbers that identify one event: ages ("a 23-year-old"), counts of killed or
  injured, street numbers and blocks, clock times, month-day dates;
* ``title``: lemmas of the title (or of the first line of prose when there is no title).

No spaCy parse here on purpose: clustering must scale to crawls, and regular expressions over
capitalisation and digits find names, places and numbers well enough to score pairs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from storydesk.model import Article
from storydesk.steps.cluster.conflicts import fact_matrices
from storydesk.steps.cluster.features import NOT_NAMES, article_document, event_tokens, lemma
from storydesk.steps.cluster.stated import stated_matrices

VIEWS = ("body", "names", "places", "numbers", "title")
_ENTITY_NAMES = {"PERSON", "ORG", "FAC", "GPE", "LOC", "NORP", "EVENT"}
_ENTITY_PLACES = {"GPE", "LOC", "FAC"}

_STATES = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA",
    "colorado": "CO", "connecticut": "CT", "delaware": "DE", "florida": "FL", "georgia": "GA",
    "hawaii": "HI", "idaho": "ID", "illinois": "IL", "indiana": "IN", "iowa": "IA",
    "kansas": "KS", "kentucky": "KY", "louisiana": "LA", "maine": "ME", "maryland": "MD",
    "massachusetts": "MA", "michigan": "MI", "minnesota": "MN", "mississippi": "MS",
    "missouri": "MO", "montana": "MT", "nebraska": "NE", "nevada": "NV", "new hampshire": "NH",
    "new jersey": "NJ", "new mexico": "NM", "new york": "NY", "north carolina": "NC",
    "north dakota": "ND", "ohio": "OH", "oklahoma": "OK", "oregon": "OR", "pennsylvania": "PA",
    "rhode island": "RI", "south carolina": "SC", "south dakota": "SD", "tennessee": "TN",
    "texas": "TX", "utah": "UT", "vermont": "VT", "virginia": "VA", "washington": "WA",
    "west virginia": "WV", "wisconsin": "WI", "wyoming": "WY", "district of columbia": "DC",
}
# AP-style abbreviations as they appear after a city ("Lebanon, Pa."), and postal codes.
_STATE_ABBR = {
    "ala": "AL", "ariz": "AZ", "ark": "AR", "calif": "CA", "colo": "CO", "conn": "CT",
    "del": "DE", "fla": "FL", "ga": "GA", "ill": "IL", "ind": "IN", "kan": "KS", "ky": "KY",
    "la": "LA", "md": "MD", "mass": "MA", "mich": "MI", "minn": "MN", "miss": "MS", "mo": "MO",
    "mont": "MT", "neb": "NE", "nev": "NV", "n.h": "NH", "n.j": "NJ", "n.m": "NM", "n.y": "NY",
    "n.c": "NC", "n.d": "ND", "okla": "OK", "ore": "OR", "pa": "PA", "r.i": "RI", "s.c": "SC",
    "s.d": "SD", "tenn": "TN", "tex": "TX", "va": "VA", "vt": "VT", "wash": "WA", "w.va": "WV",
    "wis": "WI", "wyo": "WY", "d.c": "DC",
}
_POSTAL = {code.lower(): code for code in _STATES.values()}
_AREA_WORDS = {"County", "Parish", "Township", "Borough"}
_PLACE_CUE = re.compile(r"\b(?:in|near|of|from)\s+$")
_LEAD_CHARS = 4000
_CAP = r"[A-Z][\w'’.-]*"
_CAP_RUN = re.compile(rf"{_CAP}(?:[ \t]+(?:of[ \t]+|de[ \t]+|la[ \t]+)?{_CAP})*")
_CITY_STATE = re.compile(rf"({_CAP}(?:[ \t]+{_CAP}){{0,2}}),[ \t]+([A-Z][A-Za-z.]{{1,13}})")
_DATELINE = re.compile(r"^\s*([A-Z][A-Z .'-]{2,30}[A-Z]),?\s*(?:[A-Z][a-z.]{1,6})?\s*(?:\(|—|–|-)",
                       re.M)

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "twenty": 20,
}
_NUM = r"(\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"
_AGE = re.compile(rf"\b{_NUM}[- ]years?[- ]old\b|,\s*(\d{{1,2}}),\s", re.I)
_COUNT = re.compile(
    rf"\b{_NUM}\s+(?:\w+\s+){{0,2}}?(?:were\s+|was\s+|have\s+been\s+)?"
    r"(killed|dead|died|injured|wounded|hurt|shot|victims)\b", re.I)
_ADDRESS = re.compile(r"\b(\d{2,5})\s+(?:block\s+of\s+)?(?:[NSEW]\.?\s+)?([A-Z][a-z]+)")
_TIME = re.compile(r"\b(\d{1,2})(?::(\d{2}))?\s*([ap])\.?\s?m\b", re.I)
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_MONTH_DAY = re.compile(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})\b")
_URLISH = re.compile(r"https?:|www\.|\.com|\.html", re.I)


@dataclass
class ArticleViews:
    """One L2-normalised sparse row per article and view, plus publication days (NaN unknown)."""

    matrices: dict[str, sparse.csr_matrix]
    days: np.ndarray
    index: dict[str, int] = field(default_factory=dict)  # article id → row, when known
    # Binary views of stated days, years and outlet (stated.STATED); empty: all pairs unknown.
    stated: dict[str, sparse.csr_matrix] = field(default_factory=dict)
    # Binary views of stated facts (conflicts.fact_matrices); empty: no conflict features.
    facts: dict[str, sparse.csr_matrix] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.days)


def article_tokens(article: Article) -> dict[str, list[str]]:
    """The token bags of every view for one article (one pass over its capitalised runs)."""
    names, places = _names_and_places(article)
    return {
        "body": event_tokens(article_document(article)),
        "names": names,
        "places": places,
        "numbers": number_tokens(article),
        "title": [t for t in event_tokens(_title(article), 1, 1) if not t.startswith("@")],
    }


def _names_and_places(article: Article) -> tuple[list[str], list[str]]:
    """Names (entity texts when extracted, else capitalised-token runs: the whole run and each
    word, single sentence-initial or common capitalised words skipped) and places (states,
    counties, "City, State", datelines, capitalised runs after "in"/"near")."""
    names: list[str] = []
    places: list[str] = []
    entities = [e for e in article.entities if e.label in _ENTITY_NAMES]
    for entity in entities:
        text = article.text[entity.start : entity.end]
        names += _phrase_tokens(text)
        if entity.label in _ENTITY_PLACES:
            places.append("p:" + " ".join(text.lower().split()))
    for text, is_title in _texts(article):
        if is_title and _title_case(text):
            continue  # Every Word Capitalised: capitals say nothing about names
        for match in _CAP_RUN.finditer(text):
            words = [w.rstrip(".,'’") for w in match.group(0).split()]
            lowered = " ".join(w.lower() for w in words)
            state = _STATES.get(lowered) or _STATES.get(" ".join(lowered.split()[-2:]))
            if state:
                places.append(f"st:{state}")
            if words and words[-1] in _AREA_WORDS and len(words) > 1:
                places.append("co:" + " ".join(lowered.split()[:-1]))
            elif _PLACE_CUE.search(text[max(0, match.start() - 6) : match.start()]):
                places.append("in:" + lowered)
            if entities:
                continue
            words = [w for w in words if w and w not in NOT_NAMES and w.lower() not in ENGLISH_STOP_WORDS]
            if words and not (len(words) == 1 and _sentence_initial(text, match.start())):
                names += _phrase_tokens(" ".join(words))
        for match in _CITY_STATE.finditer(text):
            state = _state_code(match.group(2))
            if state:
                places += [f"city:{match.group(1).lower()}", f"st:{state}"]
        places += [f"city:{m.group(1).strip().lower()}" for m in _DATELINE.finditer(text[:400])]
    return names, places


def number_tokens(article: Article) -> list[str]:
    """Event-identifying numbers: ages, casualty counts, addresses, clock times, month-days."""
    tokens: list[str] = []
    for text, _ in _texts(article):
        for m in _AGE.finditer(text):
            tokens.append(f"age:{_number(m.group(1) or m.group(2))}")
        for m in _COUNT.finditer(text):
            tokens.append(f"n:{_number(m.group(1))}:{lemma(m.group(2).lower())}")
        tokens += [f"addr:{m.group(1)}:{m.group(2).lower()}" for m in _ADDRESS.finditer(text)]
        tokens += [f"t:{int(m.group(1))}:{m.group(2) or '00'}{m.group(3).lower()}"
                   for m in _TIME.finditer(text)]
        tokens += [f"md:{_MONTHS.index(m.group(1)[:3].lower())}:{int(m.group(2))}"
                   for m in _MONTH_DAY.finditer(text)]
    return tokens


def article_views(articles: Sequence[Article]) -> ArticleViews:
    """TF-IDF rows of every view for ``articles`` (IDF fitted on these articles)."""
    bags = [article_tokens(a) for a in articles]
    matrices = {}
    for view in VIEWS:
        # The body keeps the usual max_df (words in half the articles carry no identity);
        # names, places and numbers are rare enough that IDF alone weighs them.
        max_df = 0.5 if view == "body" and len(articles) > 20 else 1.0
        vectorizer = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, max_df=max_df,
                                     dtype=np.float32)
        try:
            matrices[view] = vectorizer.fit_transform([bag[view] for bag in bags]).tocsr()
        except ValueError:  # no article has a token of this view
            matrices[view] = sparse.csr_matrix((len(articles), 1), dtype=np.float32)
    days = np.array([a.published.toordinal() if a.published else np.nan for a in articles],
                    dtype=float)
    return ArticleViews(matrices, days, stated=stated_matrices(articles),
                        facts=fact_matrices(articles))


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def _texts(article: Article) -> list[tuple[str, bool]]:
    # Later paragraphs of scraped pages are mostly related-news furniture: the lead decides.
    return [(article.title or "", True), (article.text[:_LEAD_CHARS], False)]


def _title_case(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _title(article: Article) -> str:
    if article.title and article.title.strip():
        return article.title
    for line in article.text.splitlines():
        if len(line.split()) >= 3 and not _URLISH.search(line):
            return " ".join(line.split()[:25])
    return ""


def _phrase_tokens(text: str) -> list[str]:
    words = [w.lower() for w in text.split() if w]
    if not words:
        return []
    whole = "_".join(words)
    return [whole] + (words if len(words) > 1 else [])


def _sentence_initial(text: str, offset: int) -> bool:
    before = text[max(0, offset - 3) : offset].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?:\n|"


def _state_code(word: str) -> str | None:
    key = word.lower().rstrip(".")
    if key in _STATES:
        return _STATES[key]
    if key in _STATE_ABBR:
        return _STATE_ABBR[key]
    if word.isupper() and len(word) == 2:
        return _POSTAL.get(key)
    return None


def _number(text: str) -> int:
    text = text.lower()
    return _NUMBER_WORDS[text] if text in _NUMBER_WORDS else int(text)
