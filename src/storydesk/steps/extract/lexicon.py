"""Word lists for attribution, source naming and verification flags: data, not code.

Everything is lower-case; multi-word entries are matched as whole-word phrases. The lists are kept
general (English news usage), never tuned to one corpus: extend them here, not in the matchers.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    """A word list written as whitespace-separated words (easier to read and extend)."""
    return frozenset(text.split())


# --------------------------------------------------------------------------------------------------
# Attribution cues
# --------------------------------------------------------------------------------------------------

#: Verb lemmas that introduce reported speech or a reported state of mind when they have a speaker
#: subject and a clause (ccomp / xcomp / quote) as content.
SPEECH_VERBS: frozenset[str] = _words(
    """
    say tell claim report write add state announce confirm deny warn note insist believe
    explain argue suggest assert allege acknowledge admit declare reveal disclose tweet post
    indicate estimate predict conclude comment remark reply respond answer testify stress
    emphasize emphasise caution contend maintain affirm reaffirm concede recall repeat
    reiterate complain charge accuse boast vow pledge promise threaten urge demand ask inform
    brief observe point think fear hope expect suspect know learn find show mention signal
    hint speculate dispute question doubt agree disagree
    """
)

#: Verbs of stance, evaluation and intention ("Clinton praised her effort", "Cruz opposes the
#: deal", "voters want change"): attribution cues in the broad sense of news attribution corpora
#: (PolNeAR), taken only with a subject and a complement as content. Chosen from the PolNeAR
#: *train* split (verbs with a subject, outside other attributions, that head an annotated cue in
#: at least half of 4+ occurrences), with verbs that rarely report anything removed by hand.
#: "hop" is spaCy's lemma of "hoping". ("seem", "appear", "sound" are left out: their subject is
#: what is judged, not who judges.)
STANCE_VERBS: frozenset[str] = _words(
    """
    accept acquiesce advocate aim anticipate apologize applaud approve articulate assail
    assume assure attack attribute back balk bemoan blame blast brush calculate call champion
    chant characterize chime cite coin compare condemn congratulate consider contemplate
    contradict contrast convince counter credit criticize cry debate decide decline decry deem
    defend denounce deride describe detail disavow discuss dislike document dub dwell echo
    elaborate email embrace encourage endorse envision explore express favor feel forecast
    forget frame guess hail highlight hop identify ignore illustrate imagine imply intend
    interject interpret invoke issue joke knock label lambast lament lash like liken list love
    mock muse name notice offer oppose order outline paint persuade plan plead portray praise
    prefer press pressure proclaim promote pronounce propose protest publish push quote rail
    read realize rebuff rebuke rebut recognize recommend recount refer reference refuse regard
    release remember remind request resist retweet retweete rule see seek share shout
    shrug side single slam spar sum support talk thank tout understand utter view voice
    want welcome wish wonder worry yell speak vote
    """
)

#: Light verbs that cue an attribution only with one of ``LIGHT_OBJECTS`` ("made the case that",
#: "took aim at", "raised concerns about", "has doubts").
LIGHT_VERBS: frozenset[str] = _words("make take have raise voice express give lodge")
LIGHT_OBJECTS: frozenset[str] = _words(
    """
    case pitch aim issue clear concern concerns question questions doubt doubts point argument
    claim claims promise pledge comment comments remark remarks statement speech appeal plea
    accusation accusations warning objection objections complaint complaints swipe jab shot
    """
)

#: Nouns that cue an attribution when possessed and followed by their content ("Clinton's claim
#: that ...", "his warning that ...", "Mr. Obama's calls for ..."); chosen like ``STANCE_VERBS``.
CUE_NOUNS: frozenset[str] = _words(
    """
    pledge disagreement suggestion assertion warning vow desire contention promise claim
    criticism refusal insistence fear assessment proposal opposition attack thought hope call
    argument critique view stance statement remark comment accusation allegation denial
    admission announcement prediction plea demand request response explanation objection
    complaint appeal threat endorsement support belief conclusion finding insinuation
    """
)

#: Adjectives after "be" that cue a stance when followed by their content ("Trump is confident
#: that ...", "voters are worried about ..."); chosen like ``STANCE_VERBS``.
STANCE_ADJECTIVES: frozenset[str] = _words(
    """
    worried skeptical sceptical confident reluctant hopeful glad eager aware proud concerned
    optimistic pessimistic interested inclined critical quick willing sure certain happy
    convinced adamant unsure uncertain supportive dismissive fearful doubtful wary
    """
)

#: The plainest reporting verbs: when the parse loses their content (a sentence run across a
#: headline or caption), the rest of the cue's line is taken as content.
CORE_SPEECH_VERBS: frozenset[str] = _words(
    """
    say tell claim report write add state announce confirm deny warn note insist
    """
)

#: Verbs whose direct object can be the content ("denied the allegations", "reported the presence
#: of ..."); for other verbs a bare object is the addressee or a pronoun, not reported words.
OBJECT_CONTENT_VERBS: frozenset[str] = _words(
    """
    report announce confirm deny dismiss reject disclose reveal claim allege predict estimate
    dispute acknowledge admit describe
    """
)

#: Verbs that report something only with a clause ("maintained that ...", "imagine that ..."); with
#: an object they mostly act ("maintained ties", "debated the bill", "gave a speech"). Picked on the
#: PolNeAR *train* split: cue verbs whose predicted sources were right less than a third of the time.
CLAUSE_ONLY_VERBS: frozenset[str] = _words("maintain imagine debate have give understand assume")

#: Verbs that are attribution cues only with an object or clause content (never bare).
DISMISS_VERBS: frozenset[str] = frozenset({"dismiss", "reject"})

#: Verbs that, in the passive with an infinitive ("are said to have ..."), mark agentless hearsay.
RAISING_VERBS: frozenset[str] = _words(
    """
    say report believe think allege rumor rumour understand claim know suspect
    """
)

#: Adverbs that mark agentless hearsay ("reportedly on the run").
AGENTLESS_ADVERBS: frozenset[str] = frozenset(
    {"reportedly", "allegedly", "purportedly", "supposedly", "ostensibly"}
)

#: Gerunds / participles that chain a report to its own source ("..., citing officials").
CHAIN_VERBS: frozenset[str] = frozenset({"cite", "quote", "refer"})

#: Prepositional cues (first token lower-case, rest) whose object is the source. "outer" cues name
#: who relays the statement ("X said ..., according to Reuters" -> Reuters, via X); "inner" cues name
#: where the speaker got it ("X reported ..., citing Y" -> X, via Y).
PREP_CUES_OUTER: tuple[tuple[str, ...], ...] = (("according", "to"),)
PREP_CUES_INNER: tuple[tuple[str, ...], ...] = (
    ("as", "per"),
    ("per",),
    ("citing",),
    ("quoting",),
    ("referring", "to"),
)

#: Nouns standing for what was passed on ("information they received from a diplomat"): the source
#: is then the "from"/"by" phrase inside.
INFO_NOUNS: frozenset[str] = _words(
    """
    information data intelligence report reports account accounts footage material
    """
)

#: Pronouns that can be resolved to an earlier speaker.
PERSON_PRONOUNS: frozenset[str] = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS: frozenset[str] = frozenset({"they", "it", "them"})

# --------------------------------------------------------------------------------------------------
# Source kinds
# --------------------------------------------------------------------------------------------------

#: News agencies (wire services), by name.
AGENCY_NAMES: frozenset[str] = _words(
    """
    reuters ap afp tass interfax interfax-ukraine yonhap xinhua kyodo dpa ansa efe anadolu
    ukrinform unian ria ria-novosti pti ani upi bernama antara itar-tass kcna
    """
) | frozenset(
    {
        "associated press",
        "agence france-presse",
        "agence france presse",
        "ria novosti",
        "press trust of india",
        "asian news international",
        "united press international",
        "korean central news agency",
        "anadolu agency",
        "yonhap news agency",
    }
)

#: Phrases that make a name an agency ("... News Agency", "wire service").
AGENCY_WORDS: frozenset[str] = frozenset(
    {"news agency", "press agency", "wire service", "newswire", "wire agency", "state news agency"}
)

#: Outlets by name (well-known ones whose names carry no outlet word).
OUTLET_NAMES: frozenset[str] = _words(
    """
    newsweek bbc cnn politico axios bloomberg forbes vice vox slate msnbc npr pbs nbc cbs abc
    fox huffpost breitbart buzzfeed reddit meduza kommersant izvestia vedomosti rbc bild
    spiegel handelsblatt economist guardian telegraph independent mirror sun express atlantic
    """
) | frozenset(
    {"al jazeera", "le monde", "der spiegel", "financial times", "wall street journal", "rt"}
)

#: Words that make a phrase an outlet.
OUTLET_WORDS: frozenset[str] = _words(
    """
    post times independent news radio tv television broadcaster broadcasting outlet magazine
    portal newspaper paper daily weekly journal tribune herald gazette telegraph chronicle
    channel network media website site blog publication newsletter tabloid mail guardian
    observer examiner inquirer reporter correspondent journalist journalists reporters editor
    editors columnist
    """
)

#: Words that make a phrase an official body or its people.
OFFICIAL_WORDS: frozenset[str] = _words(
    """
    ministry ministries department government administration authorities authority officials
    official spokesman spokeswoman spokesperson spokespeople police military army navy forces
    command staff intelligence kremlin pentagon parliament senate congress council cabinet
    embassy consulate prosecutor prosecutors prosecutor's court agency office president
    minister governor mayor secretary chancellor ambassador general commander presidency duma
    rada committee commission regulator bureau service services sbu fsb hur gur cia fbi nsa
    mi6 un nato
    """
) | frozenset({"white house", "state department", "general staff", "defense ministry"})

#: Words that mark a source as deliberately unnamed.
UNNAMED_MARKERS: frozenset[str] = _words(
    """
    unnamed anonymous unidentified undisclosed source sources insider insiders
    """
) | frozenset(
    {
        "familiar with",
        "close to",
        "people familiar",
        "person familiar",
        "on condition of anonymity",
        "speaking on condition",
    }
)

#: Role nouns that, without a name and with an indefinite or plural form, are an unnamed source
#: ("a Western diplomat", "officials said", "a military source").
UNNAMED_ROLE_NOUNS: frozenset[str] = _words(
    """
    official officials diplomat diplomats source sources analyst analysts expert experts
    witness witnesses resident residents observer observers aide aides person people spy spies
    soldier soldiers commander commanders lawmaker lawmakers critic critics insider insiders
    activist activists
    """
)

#: Head nouns of documents as sources.
DOCUMENT_WORDS: frozenset[str] = _words(
    """
    report reports statement statements study studies filing filings document documents survey
    poll polls analysis assessment memo letter release transcript indictment complaint lawsuit
    ruling verdict bulletin communique communiqué dossier paper record records data audit
    review investigation article story
    """
) | frozenset({"court filing", "press release", "court documents", "court records"})

#: Titles and descriptor nouns that stand before a name ("Kremlin spokesman Dmitry Peskov").
#: Multi-word titles are listed so "Secretary of State Antony Blinken" splits after "State".
ROLE_WORDS: frozenset[str] = _words(
    """
    president vice-president premier minister secretary chancellor senator sen. rep.
    representative congressman congresswoman governor gov. mayor general gen. col. colonel lt.
    lieutenant major sgt. sergeant admiral commander chief spokesman spokeswoman spokesperson
    ambassador envoy director chairman chairwoman chair ceo founder king queen prince princess
    pope dr. mr. mrs. ms. prof. professor judge justice leader dictator candidate nominee
    speaker adviser advisor aide analyst expert official broadcaster outlet magazine newspaper
    portal radio agency channel website daily weekly tabloid journalist reporter correspondent
    editor columnist blogger actor actress singer chief-of-staff
    """
) | frozenset(
    {
        "prime minister",
        "foreign minister",
        "defense minister",
        "defence minister",
        "secretary of state",
        "secretary of defense",
        "secretary-general",
        "secretary general",
        "attorney general",
        "chief of staff",
        "press secretary",
        "news agency",
        "public broadcaster",
        "public radio",
    }
)

#: Titles that make "<title> <Name>" a person even when the entity recogniser missed the name.
PERSON_TITLES: frozenset[str] = _words(
    """
    president minister secretary chancellor senator governor mayor general commander chief
    spokesman spokeswoman spokesperson ambassador envoy director chairman chairwoman ceo king
    queen prince princess pope judge leader dictator candidate nominee adviser advisor aide
    premier colonel lieutenant sergeant admiral professor
    """
)

#: Outlet names that are also ordinary words: they name an outlet only as the whole name.
AMBIGUOUS_OUTLET_NAMES: frozenset[str] = _words(
    "independent sun mirror express guardian atlantic economist telegraph vice vox slate fox"
)

#: Leading words dropped when naming a source.
DETERMINERS: frozenset[str] = _words(
    """
    the a an this that these those its their his her our some several two three many
    """
)

# --------------------------------------------------------------------------------------------------
# Verification flags
# --------------------------------------------------------------------------------------------------

#: (flag type, phrase) pairs; each phrase is lower-case lemmas separated by spaces, "?" marks an
#: optional token (any adverb such as "yet" or "independently"), "|" alternatives for one token.
FLAG_PHRASES: tuple[tuple[str, str], ...] = (
    # unconfirmed: the truth of reported information is open
    ("unconfirmed", "have not ? be confirm"),
    ("unconfirmed", "have not ? be independently confirm"),
    ("unconfirmed", "could|can|cannot not ? be ? confirm|verify"),
    ("unconfirmed", "can not ? be ? confirm|verify"),
    ("unconfirmed", "be unable to ? confirm|verify"),
    ("unconfirmed", "could|can not ? confirm|verify"),
    ("unconfirmed", "have not ? ? confirm|verify"),
    ("unconfirmed", "do not ? confirm|verify"),
    ("unconfirmed", "unverified"),
    ("unconfirmed", "unconfirmed"),
    ("unconfirmed", "not ? ? verify"),
    ("unconfirmed", "be yet to be confirm|verify"),
    ("unconfirmed", "no independent confirmation"),
    ("unconfirmed", "no official confirmation"),
    ("unconfirmed", "no confirmation"),
    # denied: a claim is rejected by someone
    ("denied", "deny"),
    ("denied", "dismiss report|claim|allegation|suggestion|speculation|rumour|rumor"),
    ("denied", "reject claim|report|allegation|accusation|suggestion"),
    ("denied", "nowhere near"),
    ("denied", "absolutely not"),
    ("denied", "be false"),
    ("denied", "be untrue"),
    ("denied", "be fake"),
    ("denied", "false claim|report|information"),
    ("denied", "fake news"),
    ("denied", "refute"),
    ("denied", "rebut"),
    # no_evidence
    ("no_evidence", "no evidence"),
    ("no_evidence", "no ? proof"),
    ("no_evidence", "without ? evidence|proof"),
    ("no_evidence", "not provide any|? evidence|proof"),
    ("no_evidence", "no picture|photo|video|image|footage"),
    ("no_evidence", "little evidence"),
    ("no_evidence", "lack of evidence"),
    ("no_evidence", "not offer any|? evidence|proof"),
    ("no_evidence", "evidence have not ? emerge"),
    # correction
    ("correction", "correction :"),
    ("correction", "a|an early|previous version of this article|story|report|post"),
    ("correction", "this article|story have be correct"),
    ("correction", "we regret the error"),
    # update
    ("update", "update :"),
    ("update", "update at"),
    ("update", "this article|story have be update"),
    ("update", "this be a develop story"),
    ("update", "last update"),
)

#: All-capital headings that mark an editor's note when they open a line ("UPDATE", "CORRECTION").
FLAG_HEADINGS: dict[str, str] = {
    "UPDATE": "update",
    "UPDATED": "update",
    "CORRECTION": "correction",
}

#: Objects after "deny" that are not a claim ("denied entry", "denied bail"): no denial flag.
DENY_NON_CLAIMS: frozenset[str] = _words(
    "access entry visa visas bail permission request requests application service care"
)
