"""Killed figures stated without a numeral: a lone victim ("a man was killed") or a coordinated
group ("A man and his two kids were found dead"), and their place below counted figures."""

from __future__ import annotations

import pytest

from storydesk.model import Article, Span
from storydesk.steps.extract import find_quantities
from storydesk.steps.extract.casualties import casualty_figures
from storydesk.steps.extract.victims import lone_victims


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Police say 16-year-old shot, killed on Spain Street\n\nThe 16-year-old boy was shot "
         "to death at 2323 Spain St. about 1:15 p.m.", 1),
        ("Teen killed in drive-by shooting\n\nPolice are looking for the driver.", 1),
        ("BRPD is investigating a fatal shooting on Spain Street that left a teen dead.", 1),
        ("Two men are accused of shooting and killing a six year old boy after a chase.", 1),
        ("An indictment was unsealed in the fatal shooting of a 3-year-old girl on Easter.", 1),
        ("McCloud, 34, was found dead about 7 a.m. Thursday in the tub of a bathroom.", 1),
        ("On Sunday, a 23-year-old man was shot and killed outside a store.", 1),
        # coordinated subjects count each conjunct
        ("Father and two children found dead inside of home in Henry County", 3),
        ("A woman and toddler died after they were shot on Palmer Road.", 2),
        ("Mother, toddler killed in shooting in Fort Washington", 2),
        ("A man broke into a home, killed a young couple and shot two others.", 2),
        # the object of an active "killed" is the dead, its subject the killer
        ("A man killed his wife in their home on Tuesday, police said.", 1),
        ("The man who shot the clerk is still at large.", None),
        # plural and several-dead leads are not one death
        ("Police investigate a double homicide\n\nA man was found dead in the kitchen.", None),
        ("Two brothers were killed in the shooting; a man was wounded.", None),
        ("Smith and a friend were wounded in the shooting.", None),
        ("", None),
    ],
)  # fmt: skip
def test_lone_victims_value(text, value):
    found = lone_victims(text)
    assert (found.value if found is not None else None) == value


@pytest.mark.parametrize(
    ("text", "name", "value"),
    [
        ("Shane Simpson, 16, was killed in the drive-by shooting.", "Shane Simpson", 1),
        ("Officer Ashley Guindon was shot and killed while responding to a call.",
         "Ashley Guindon", 1),
        ("Twenty-five-year-old Michael Baker of Indianapolis died in the shooting.",
         "Michael Baker", 1),
        ("Shane Simpson called 911 after the shooting.", "Shane Simpson", None),
    ],
)  # fmt: skip
def test_lone_victims_named_person(text, name, value):
    start = text.index(name)
    found = lone_victims(text, [Span(start, start + len(name), "PERSON")])
    assert (found.value if found is not None else None) == value


def test_lone_victims_keep_refuses_offsets():
    text = "1:27 Man killed in crash on I-5\n\nThe shooting left no one hurt."
    assert lone_victims(text) is not None
    assert lone_victims(text, keep=lambda start: start > 40) is None


def _article(nlp, text: str) -> Article:
    doc = nlp(text)
    article = Article(id="a", source="a", text=text)
    article.sentences = [Span(s.start_char, s.end_char) for s in doc.sents]
    article.entities = [Span(e.start_char, e.end_char, e.label_) for e in doc.ents]
    article.quantities = find_quantities(doc)
    return article


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # a counted figure wins over the description of one of the dead
        ("Man killed in Hyde Park shooting\n\nTwo people were killed and three were wounded "
         "on Sunday, police said.", {"killed": 2, "injured": 3}),
        ("A 20-year-old man was killed in a shooting that also left three other people "
         "wounded at a party.", {"killed": 1, "injured": 3}),
        # a counted figure that is one conjunct of the dead is no toll of its own
        ("Father and two children found dead inside of home in Henry County\n\nDeputies did a "
         "welfare check on Thursday.", {"killed": 3}),
        # a lone victim in a sentence about another time is no figure of this incident
        ("Vigil interrupted by gunfire\n\nMourners honoured a man killed in a shooting last "
         "week when shots rang out. Three people were wounded.", {"injured": 3}),
        # a round-up headline still gives no figures
        ("8 dead, 27 wounded in weekend shootings across Chicago\n\nA man was killed on "
         "Sunday.", {}),
    ],
)  # fmt: skip
def test_casualty_figures_with_lone_victims(nlp, text, figures):
    assert casualty_figures(_article(nlp, text)) == figures
