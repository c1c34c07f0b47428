"""Furniture vocabulary: the words a person recognises as page furniture at a glance.

Two kinds of evidence live here. *Whole-line* phrases ("ADVERTISEMENT", "Share icon", "Most
popular") are furniture only when they are the entire line, so the same words inside a sentence
are never touched. *Patterns* ("Image credits: …", "View this post on Instagram …", a tweet's
"— Name (@handle) October 17, 2024") mark a line wherever they occur in it.

English plus common German, French, Spanish and Italian words; the reason names follow
``Removed.reason`` in the dossier.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from storydesk.steps.clean.lines import text_cache

_WHOLE_LINE: dict[str, tuple[str, ...]] = {
    "advertisement": (
        "advertisement", "advertisements", "advertising", "ad", "ads", "sponsored",
        "sponsored content", "paid content", "promoted", "story continues below advertisement",
        "article continues below advertisement", "continue reading below", "story continues below",
        "anzeige", "werbung", "publicité", "publicite", "publicidad", "pubblicità", "annuncio",
        "reklama", "реклама", "advertentie", "scroll to continue", "scroll to continue with content",
        "ad feedback", "report this ad", "close ad", "skip ad", "広告", "スポンサードリンク",
        "广告", "광고",
    ),
    "share": (
        "share", "share icon", "share this", "share this article", "share this story",
        "share article", "share on facebook", "share on twitter", "share on whatsapp",
        "share via email", "share on x", "tweet", "tweet this", "email", "e-mail", "print",
        "facebook", "twitter", "x", "whatsapp", "linkedin", "pinterest", "reddit", "telegram",
        "flipboard", "messenger", "copy link", "copy url", "link copied", "copied", "save",
        "save article", "bookmark", "comments", "comment", "leave a comment", "teilen",
        "artikel teilen", "partager", "partager sur facebook", "compartir", "condividi", "follow",
        "follow us", "like", "reply", "gift article", "listen", "listen to article",
    ),
    "navigation": (
        "exit mobile version", "connect with us", "edit post", "published", "updated", "posted",
        "on", "news", "home", "menu", "search", "close", "open", "log in", "login", "sign in",
        "sign up", "register", "subscribe", "subscribe now", "skip to content",
        "skip to main content", "skip to navigation", "back to top", "top", "next", "previous",
        "prev", "more", "less", "show more", "load more", "see more", "view all", "see all",
        "toggle navigation", "navigation", "sections", "topics", "tags", "categories",
        "all rights reserved", "privacy policy", "terms of use", "terms of service",
        "cookie policy", "contact us", "about us", "advertise", "advertise with us", "newsletter",
        "newsletters", "sign up for our newsletter", "accept", "accept cookies", "ok", "loading",
        "loading...", "video", "photos", "watch", "play", "pause", "mute", "unmute",
        "startseite", "suche", "anmelden", "accueil", "rechercher", "connexion", "inicio",
        "buscar", "cerrar", "-", "–", "—", "|", "•", "·", "/", ">", "»", "«", "...", "…",
    ),
    "teaser": (
        "most popular", "most read", "most viewed", "most shared", "popular", "trending",
        "trending now", "editors' picks", "editor's picks", "editors’ picks", "editor’s picks",
        "editor's choice", "top stories", "latest", "latest news", "latest stories",
        "related", "related news", "related articles", "related stories", "related content",
        "related topics", "read more", "read next", "read also", "see also", "also read",
        "you may also like", "you might also like", "recommended", "recommended for you",
        "more stories", "more news", "more to explore", "don't miss", "what to read next",
        "this might also interest you", "up next", "more on this story", "in other news",
        "lesen sie auch", "auch interessant", "mehr zum thema", "das könnte sie auch interessieren",
        "à lire aussi", "a lire aussi", "lire aussi", "sur le même sujet", "les plus lus",
        "te puede interesar", "lee también", "leer también", "noticias relacionadas",
        "lo más leído", "leggi anche", "potrebbe interessarti", "articoli correlati",
        "veja também", "leia também", "leia mais", "mais lidas", "mais lidos",
        "notícias relacionadas", "matérias relacionadas", "relacionados", "você pode gostar",
        "você também pode gostar", "lees ook", "meer nieuws", "gerelateerd", "meest gelezen",
        "baca juga", "berita terkait", "terpopuler", "читайте также", "похожие новости",
        "читайте також", "схожі новини",
        "関連記事", "相关文章", "相關文章", "관련기사",
    ),
}

# Headings of a reader-comment section: everything after them is comments, however long.
COMMENT_HEADING = re.compile(
    r"^([1-9]\d*\s+)?(comments?|responses?|replies|reader comments|kommentare|commentaires|comentarios)"
    r"(\s*\(\d+\))?$|^(leave|post|add|write) a (reply|comment|response)|^join the (discussion|conversation)"
    r"|^(\d+\s+)?(thoughts|responses|comments) (on|to) |^(top|all|view|show|read|see)( rated| all)? (comments|replies)",
    re.I,
)

# Teaser headings whose prefix is enough ("More articles about Russia", "Lesen Sie auch: …").
_TEASER_HEADING = re.compile(
    r"^(more (articles|stories|news|from|on|about)\b|related (news|articles|stories|coverage)\b"
    r"|lesen sie (auch|mehr)|mehr (zum thema|aus|von)\b|weitere artikel|à lire aussi|lire aussi"
    r"|plus d'articles|te puede interesar|lee también|más noticias|leggi anche|altri articoli"
    r"|(você )?(também )?pode(rá)? (gostar|interessar)|veja também|leia também|mais (notícias|lidas)"
    r"|lees ook|meer (nieuws|over)\b|baca juga|berita terkait|читайте (также|також)"
    r"|this might also interest you|you (may|might) also (like|be interested))",
    re.I,
)
# A link to another article inside the body ("Related: Mayor opens bridge"): a teaser, but the
# body goes on after it.
_TEASER_LINK = re.compile(
    r"^(related|read more|read also|see also|also read|recommended|watch|more|read)\s*:", re.I
)

# A pattern that searches the whole line comes with the literals a line needs before the regex
# is worth running: groups of lower-case strings, one of every group must be in the line. Those
# searches were most of the cleaner's time; a few ``in`` tests on the lower-cased line rule out
# nearly every line, and a line that passes is searched exactly as before. Only patterns anchored
# at the line's start (every top-level branch begins with ``^``) carry no literals (``()``): all
# of them are tried at once by one alternation (``_ANCHORED``).
_Needs = tuple[frozenset[str], ...]


def _any(*literals: str) -> frozenset[str]:
    return frozenset(literals)


_PATTERNS: tuple[tuple[str, re.Pattern[str], _Needs], ...] = (
    ("embed", re.compile(r"view this post on (instagram|facebook|tiktok)|a post shared by .*\(@", re.I),
     (_any("view this post on ", "a post shared by "),)),
    ("embed", re.compile(r"pic\.twitter\.com/|—\s*[^—]{1,80}\(@\w{1,30}\)\s+\w+ \d{1,2}, \d{4}\s*$"),
     (_any("pic.twitter.com/", "(@"),)),
    ("embed", re.compile(r"^(a |an )?(video|tweet|post|photo) (shared|posted) by\b", re.I),
     ()),
    (
        "credit",
        re.compile(
            r"^(image|photo|picture|video|foto|bild|photograph|illustration|graphic)s?"
            r"\s*(credits?|source|courtesy|by)?\s*[:：]",
            re.I,
        ),
        (),
    ),
    ("credit", re.compile(r"^(source|credit|credits|quelle|fuente|crédit)s?\s*:\s*\S*(www\.|\.com|images?\b)", re.I),
     ()),
    ("credit", re.compile(r"^\(\s*[a-z]{2,5}(\s*/\s*[a-z]{2,5})*\s*\)$", re.I),  # "(dsc)", "(afp/dpa)"
     ()),
    ("metadata", re.compile(r"^(translated|adapted)( and adapted| and translated)? (from|by)\b", re.I),
     ()),
    ("metadata", re.compile(r"^(übersetzt|traduit|traducido|traduzione)\b", re.I),
     ()),
    (
        "ai-note",
        re.compile(
            r"\b(created|generated|produced|narrated|read|voiced|written)\b[^.]{0,40}"
            r"\b(ai|artificial intelligence|automated voice|text-to-speech)\b",
            re.I,
        ),
        (
            _any("created", "generated", "produced", "narrated", "read", "voiced", "written"),
            _any("ai", "artificial intelligence", "automated voice", "text-to-speech"),
        ),
    ),
    ("reading-time", re.compile(r"^(\d+|one|two|three|four|five)\s*(-\s*)?(min|mins|minutes?)\.?\s*(read|reading|lesezeit|de lecture|de lectura)\b", re.I),
     ()),
    ("reading-time", re.compile(r"^(lesezeit|reading time|temps de lecture|tiempo de lectura)\s*:?\s*\d+", re.I),
     ()),
    ("gallery", re.compile(r"^(image|photo|slide|bild|foto)?\s*\d{1,3}\s*(/|of|von|de|sur)\s*\d{1,3}$", re.I),
     ()),
    ("navigation", re.compile(r"(©|\bcopyright\b|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados)", re.I),
     (_any("©", "copyright", "all rights reserved", "alle rechte", "droits réservés", "derechos reservados"),)),
    ("navigation", re.compile(r"^(skip to|jump to) |^(back to|go to) (top|home|homepage|main)\b", re.I),
     ()),
    ("navigation", re.compile(r"^(https?://|www\.)\S+$", re.I), ()),
    ("share", re.compile(r"^(share|teilen|partager|compartir)( (on|via|this|auf|sur|en))? ?(facebook|twitter|x|whatsapp|linkedin|email|e-mail|messenger|pinterest|reddit)", re.I),
     ()),
    ("advertisement", re.compile(r"^(advertisement|anzeige|publicité|publicidad)\s*[-–—:|]", re.I),
     ()),
    ("navigation", re.compile(r"\b(sign up|subscribe) (for|to) (our|the) (free )?(daily |weekly )?(newsletter|briefing)s?\b", re.I),
     (_any("newsletter", "briefing"),)),
    # The site promoting itself: a newsletter or magazine prompt ("Get the latest updates right in
    # your inbox", "Subscribe to our sister title … Magazine", "Like this story?"). On aeb, 84 of
    # 85 such lines are not body.
    ("advertisement",
     re.compile(r"\b(in|to|into|through) your (inbox|letterbox|mailbox|e-?mail)\b"
                r"|\b(subscribe|sign up) (to|for) [^.!?]{0,40}\b(newsletter|magazine|channel|podcast)s?\b"
                r"|^(want more stories like this|like this (story|article)\?)", re.I),
     (_any("your inbox", "your letterbox", "your mailbox", "your email", "your e-mail", "newsletter",
           "magazine", "channel", "podcast", "stories like this", "like this story",
           "like this article"),)),
    ("cookie-notice", re.compile(r"\b(we use cookies|this (site|website) uses cookies|by (continuing|using) (to use )?(this|our) (site|website))", re.I),
     (_any("cookie", "by continuing", "by using"),)),
    ("cookie-notice", re.compile(r"\bcookies?\b.*\b(website|browser|consent|privacy|opt-out|your experience)\b|\b(website|browser|consent|privacy)\b.*\bcookies?\b", re.I),
     (_any("cookie"),)),
    ("navigation", re.compile(r"\b(permalink|\d+ comments?|posted in)\b.*\|", re.I), (_any("|"),)),
    ("comment", re.compile(r"^.{1,80}\b(said|says|wrote|schrieb|a écrit|dijo)\s*:$", re.I),
     (_any("said", "says", "wrote", "schrieb", "a écrit", "dijo"), _any(":"))),
    ("navigation", re.compile(r"^(this (article|story|content) is (only )?(available|for) (to )?subscribers|to read the full (story|article))", re.I),
     ()),
    # Agency credit closing a caption: "(AP Photo/Evan Vucci)"; case matters ("(ePA)" is not EPA).
    ("caption", re.compile(r"\((AP|AFP|Reuters|REUTERS|Getty|GETTY|EPA|dpa|DPA|Shutterstock|iStock)\b[^)]*\)\s*$"),
     (_any("(ap", "(afp", "(reuters", "(getty", "(epa", "(dpa", "(shutterstock", "(istock"),)),
    (
        "caption",
        re.compile(
            r"(\b(photo|photograph|image|foto|bild)s?\s*:|getty images|ap photo/|reuters/"
            r"|afp via getty|/\s*shutterstock|/\s*istock|imago images|\bphoto credit)",
            re.I,
        ),
        (_any("photo", "image", "foto", "bild", "getty", "reuters/", "shutterstock", "istock"),),
    ),
)



def _scoped(pattern: re.Pattern[str]) -> str:
    """The pattern's source as a group carrying its own case flag, for an alternation."""
    flags = "i" if pattern.flags & re.IGNORECASE else "-i"
    return f"(?{flags}:{pattern.pattern})"


# Two cheap tests that every line a pattern matches passes (``tests/test_clean_plain_vocab.py``
# checks both): one of the first literals of a pattern with literals is in the folded line, or
# one of the anchored patterns matches at its start. Most lines pass neither and skip the loop.
_ANCHORED = re.compile("|".join(_scoped(p) for _, p, needs in _PATTERNS if not needs))
# ``_ANCHORED`` for the folded line (``_fold``), without re.IGNORECASE: ``re`` skips a branch whose
# first letter differs after one comparison when case matters, and compares through a case table
# when it does not. The anchored patterns are all case-insensitive and spell their letters in
# lower case, and folding maps each character to one whose case-insensitive matches are the same
# (tests/test_clean_plain_vocab.py checks every code point), so both find the same lines.
_ANCHORED_FOLDED = re.compile("|".join(f"(?:{p.pattern})" for _, p, needs in _PATTERNS if not needs))
# A failed ``_ANCHORED_FOLDED.match`` still costs a call into ``re`` for nearly every line; the
# folded line's first three characters rule most lines out first. Every branch opens with three
# literal characters of this set, with "(" then a class ("(afp)"), or with ``\d`` or ``\s``,
# which match only characters ``isdecimal``/``isspace`` (tests derive all of it from the pattern).
_ANCHORED_STARTS = frozenset(
    ["a p", "a t", "a v", "ada", "adv", "an ", "anz", "bac", "bil", "com", "cre", "cré", "fiv",
     "fot", "fou", "fue", "go ", "gra", "htt", "ill", "ima", "jum", "les", "one", "par", "pho",
     "pic", "pos", "pub", "que", "rea", "sha", "ski", "sli", "sou", "tei", "tem", "thi", "thr",
     "tie", "to ", "tra", "twe", "two", "vid", "www", "übe"]
)  # fmt: skip
_ANCHORED_INITIAL = "("


def _may_anchor(folded: str) -> bool:
    """Whether ``_ANCHORED_FOLDED`` can match ``folded``: its start screen (see above)."""
    if folded[:3] in _ANCHORED_STARTS:
        return True
    first = folded[:1]
    # Most lines open with a letter, which none of the other openings is.
    return not first.isalpha() and (first == _ANCHORED_INITIAL or first.isdecimal() or first.isspace())


def _literal_alternation(literals: set[str]) -> re.Pattern[str]:
    """One regex finding any of ``literals``, grouped by first character: with a common first
    character per branch, ``re`` rejects most positions after one comparison."""
    by_first: dict[str, list[str]] = {}
    for literal in sorted(literals, key=lambda lit: (-len(lit), lit)):
        by_first.setdefault(literal[0], []).append(re.escape(literal[1:]))
    return re.compile(
        "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in sorted(by_first.items()))
    )


# The comment attribution ("Jane on May 2 said:") is left out: its words ("said") are in most
# news lines, and the colon that must end the line screens it instead (``_search_patterns``).
_LITERALS = _literal_alternation(
    {lit for reason, _, needs in _PATTERNS if needs and reason != "comment" for lit in needs[0]}
)

# Under re.IGNORECASE these match an ASCII letter that lower() does not map them to ("İ".lower()
# is two characters); tests/test_clean_plain_vocab.py checks every code point.
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def _fold(line: str) -> str:
    """``line`` lower-cased so that a literal found by ``re.IGNORECASE`` is found by ``in``."""
    # ``translate`` is slow on non-ASCII text: only lines holding one of the three letters need it.
    if line.isascii() or ("İ" not in line and "ı" not in line and "ſ" not in line):
        return line.lower()
    return line.translate(_FOLD).lower()


def _has_needs(folded: str, needs: _Needs) -> bool:
    """Whether ``folded`` holds one literal of every group (plain loops: this runs per line)."""
    for group in needs:
        for literal in group:
            if literal in folded:
                break
        else:
            return False
    return True


# A credit glued to the end of a sentence: "... apparently fled.archivBild: keystone".
CREDIT_SUFFIX = re.compile(
    r"(?<=[.!?”\"’])\s*(?P<credit>\S{0,12}?(Bild|Foto|Photo|Image|Picture|Credit|Quelle|Source|Photograph)s?"
    r"\s*:\s*[^.!?:]{1,60})$"
)


# No furniture line is longer than this; longer lines are not searched (and stay cheap).
MAX_FURNITURE_CHARS = 1500


@dataclass(frozen=True, slots=True)
class VocabHit:
    """A furniture match: the reason, and whether the line heads a list of teasers."""

    reason: str
    teaser_heading: bool = False
    comment_heading: bool = False
    whole_line: bool = False  # the whole line is a known furniture phrase ("Menu", "Share")


def _norm(line: str) -> str:
    # ``split()`` splits on the characters ``\s`` matches: whitespace runs become one space.
    return " ".join(line.strip(_STRIP).split()).lower().replace("’", "'")


_STRIP = " \t:•·|>»«-–—*#.![]()"  # what a line may carry around its words ("• Menu »")
_WHOLE = {phrase.replace("’", "'"): reason for reason, phrases in _WHOLE_LINE.items() for phrase in phrases}

# The heading expressions without re.IGNORECASE, for lower-cased text (as ``_ANCHORED_FOLDED``):
# lower-case letters match themselves alike with and without it, but for a few whose
# re.IGNORECASE matches include another lower-case letter ("ı" matches "i", "ᲂ" matches the
# Cyrillic "о"); lines holding one of those, or "İ" (two characters lower-cased), take the plain
# path (tests/test_clean_vocab_fastpaths.py checks every code point).
_ODD_LETTERS = re.compile("[İıſᲂᲄᲅ]")
# A failed match still costs a call into ``re``; the first three characters of a normalised line rule most
# lines out first: each set holds the first three characters of every branch (every branch
# opens with a word of three or more letters, or with a digit; tests derive both from the
# expressions).
_COMMENT_FOLDED = re.compile(COMMENT_HEADING.pattern)
_TEASER_HEADING_FOLDED = re.compile(_TEASER_HEADING.pattern)
_TEASER_LINK_FOLDED = re.compile(_TEASER_LINK.pattern)
_COMMENT_STARTS = frozenset(
    ["com", "res", "rep", "rea", "kom", "lea", "pos", "add", "wri", "joi", "tho", "top", "all",
     "vie", "sho", "see"]
)  # fmt: skip
_TEASER_STARTS = frozenset(
    ["mor", "rel", "les", "meh", "wei", "à l", "lir", "plu", "te ", "lee", "más", "leg", "alt",
     "voc", "tam", "pod", "vej", "lei", "mai", "mee", "bac", "ber", "чит", "thi", "you"]
)  # fmt: skip
# A comment heading is a normalised line under 60 characters: at most 30 words.
_MAX_HEADING_WORDS = 30
# Skipped for long prose (over 40 words, see ``_search_patterns``), whose screen needs only the
# literals of the other patterns.
_SHORT_ONLY = frozenset(("navigation", "caption", "credit", "advertisement"))
_LONG_LITERALS = tuple(
    sorted({lit for reason, _, needs in _PATTERNS if needs and reason != "comment" and reason not in _SHORT_ONLY
            for lit in needs[0]})
)  # fmt: skip


def find_furniture(line: str) -> VocabHit | None:
    """Return the furniture reason for a whole line, or ``None`` when the words give no sign."""
    if len(line) > MAX_FURNITURE_CHARS:
        return None
    if not line.isascii() and _ODD_LETTERS.search(line):
        return _find_furniture_plain(line)
    # Without those letters ``_fold(line)`` is ``line.lower()``; lower-casing commutes with the
    # strip and the split of ``_norm`` (it maps no character to or from whitespace or a stripped
    # character; tests check every code point), so one lower-cased copy serves both.
    low = line.lower()
    parts = low.strip(_STRIP).split()
    if not parts:
        return VocabHit("navigation", whole_line=True)
    words = len(parts)  # ``_norm(line).count(" ") + 1``
    if words <= _MAX_HEADING_WORDS:
        norm = " ".join(parts)
        if "’" in norm:
            norm = norm.replace("’", "'")
        start = norm[:3]
        if (
            len(norm) < 60
            and (start in _COMMENT_STARTS or norm[0].isdecimal())
            and _COMMENT_FOLDED.match(norm)
        ):
            return VocabHit("comment", comment_heading=True)
        reason = _WHOLE.get(norm)
        if reason:
            return VocabHit(reason, teaser_heading=reason == "teaser", whole_line=True)
        if words <= 10 and start in _TEASER_STARTS and _TEASER_HEADING_FOLDED.match(norm):
            return VocabHit("teaser", teaser_heading=True)
    if words <= 20 and ":" in low and _TEASER_LINK_FOLDED.match(low.strip()):
        return VocabHit("teaser")
    return _search_patterns(line, low, words)


def _search_patterns(line: str, folded: str, words: int) -> VocabHit | None:
    """The first of ``_PATTERNS`` that ``line`` matches (``folded`` is ``_fold(line)``)."""
    # Screens: a literal of a pattern with literals, an anchored pattern at the start, or the
    # colon that ends every comment attribution ("Jane said:", the one pattern left out of
    # ``_LITERALS``: "said" is in most news lines).
    if words > 40:
        # Long prose skips the short-only reasons; its few remaining literals are found faster
        # by ``in`` (a fast C search each) than by the alternation (a branch try per letter).
        found = any(map(folded.__contains__, _LONG_LITERALS))
    else:
        found = _LITERALS.search(folded) is not None
    anchored = _may_anchor(folded) and _ANCHORED_FOLDED.match(folded) is not None
    if not found and not anchored and not line.endswith((":", ":\n")):
        return None
    for reason, pattern, needs in _PATTERNS:
        # Long prose that merely mentions "copyright", a photo or a newsletter is still body
        # text ("At Appen, we provide … Follow us … subscribe to our YouTube channel …").
        if words > 40 and reason in _SHORT_ONLY:
            continue
        if needs:
            if not _has_needs(folded, needs):
                continue
        elif not anchored:
            continue
        if pattern.search(line):
            return VocabHit(reason)
    return None


def _find_furniture_plain(line: str) -> VocabHit | None:
    """``find_furniture`` step by step, for the rare line holding one of ``_ODD_LETTERS``."""
    norm = _norm(line)
    if not norm:
        return VocabHit("navigation", whole_line=True)
    if len(norm) < 60 and COMMENT_HEADING.match(norm):
        return VocabHit("comment", comment_heading=True)
    reason = _WHOLE.get(norm)
    if reason:
        return VocabHit(reason, teaser_heading=reason == "teaser", whole_line=True)
    # ``norm`` is words joined by single spaces (lower-casing adds no whitespace).
    words = norm.count(" ") + 1
    if words <= 10 and _TEASER_HEADING.match(norm):
        return VocabHit("teaser", teaser_heading=True)
    if words <= 20 and _TEASER_LINK.match(line.strip()):
        return VocabHit("teaser")
    return _search_patterns(line, _fold(line), words)


# ``find_furniture``, cached: a pure function of the line's text; menus and footers repeat across
# a site's pages.
match_furniture = text_cache(find_furniture)
