"""clean_plain_text on small hand-made snippets: each kind of furniture goes, body survives."""

from __future__ import annotations

import datetime as dt

import pytest

from storydesk.steps.clean import clean_plain_text
from storydesk.steps.clean.language import detect_language

P1 = ("The city council approved the new budget on Monday after a debate that lasted "
      "more than six hours, officials said.")
P2 = ("Opposition members argued that the plan cuts too deeply into library funding, "
      "while the mayor said the savings were needed to balance the books.")
P3 = ("The budget will take effect in January, and a review is scheduled for the "
      "spring, according to a statement from the council.")


def page(*middle: str, head: tuple[str, ...] = (), tail: tuple[str, ...] = ()) -> str:
    return "\n\n".join([*head, P1, *middle, P2, P3, *tail])


def reasons(text: str) -> dict[str, str]:
    return {r.text: r.reason for r in clean_plain_text(text).removed}


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("ADVERTISEMENT", "advertisement"),
        ("Anzeige", "advertisement"),
        ("Publicité", "advertisement"),
        ("Publicidad", "advertisement"),
        ("Share icon", "share"),
        ("Share.", "share"),
        ("View this post on Instagram A post shared by City News (@citynews)", "embed"),
        ("Budget passed! https://t.co/abc pic.twitter.com/xyz — City Hall (@cityhall) March 4, 2024",
         "embed"),
        ("Image credits: Jane Roe via Pexels", "credit"),
        ("source: www.imago-images.de / imago images", "credit"),
        ("(dsc)", "credit"),
        ("This audio is created with AI assistance", "ai-note"),
        ("Translated and adapted from German by Léa Krejci", "metadata"),
        ("2 min read", "reading-time"),
        ("1 / 13", "gallery"),
        ("Lesen Sie auch", "teaser"),
        ("More from “International”", "teaser"),
    ],
)
def test_clean_furniture_in_body_is_removed(line: str, reason: str):
    result = clean_plain_text(page(line))
    assert line not in result.text
    assert reasons(page(line))[line] == reason
    for paragraph in (P1, P2, P3):
        assert paragraph in result.text


@pytest.mark.parametrize(
    "head",
    [
        ("Connect with us", "News", "Published", "on"),
        ("Edit post", "Menu", "Search"),
    ],
)
def test_clean_head_navigation_removed(head: tuple[str, ...]):
    result = clean_plain_text(page(head=head))
    assert result.text.split("\n\n") == [P1, P2, P3]
    assert {r.reason for r in result.removed} <= {"navigation", "share"}


def test_clean_tail_teasers_removed_even_full_sentences():
    tail = (
        "Exit mobile version",
        "Most popular",
        "Editors' Picks",
        "Mayor opens new bridge over the river",
        "Explainer: what the budget means for you?",
        "This might also interest you:",
        "A long teaser paragraph about an unrelated story that reads like a sentence and even "
        "ends with a full stop, but belongs to another article.",
    )
    result = clean_plain_text(page(tail=tail))
    assert result.text.split("\n\n") == [P1, P2, P3]
    removed = reasons(page(tail=tail))
    assert removed["Most popular"] == "teaser"
    assert removed["Mayor opens new bridge over the river"] == "teaser"


def test_clean_title_dateline_byline_become_metadata():
    head = ("Council approves budget after six-hour debate", "By Jane Roe",
            "October 15, 2024 8:20 PM", "2 min read")
    result = clean_plain_text(page(head=head))
    assert result.title == "Council approves budget after six-hour debate"
    assert result.published == dt.date(2024, 10, 15)
    assert result.byline == "Jane Roe"
    assert result.text.split("\n\n") == [P1, P2, P3]
    assert reasons(page(head=head))["October 15, 2024 8:20 PM"] == "dateline"


def test_clean_translator_is_kept_as_metadata():
    result = clean_plain_text(page(tail=("Translated and adapted from German by Léa Krejci",)))
    assert result.translator == "Léa Krejci"


@pytest.mark.parametrize(
    "caption",
    [
        # repeats a body sentence closely, without a final period
        "Opposition members argued the plan cuts too deeply into library funding",
    ],
)
def test_clean_caption_repeating_body_removed(caption: str):
    result = clean_plain_text(page(caption))
    assert caption not in result.text
    assert reasons(page(caption))[caption] == "caption"


def test_clean_caption_next_to_image_credit_removed():
    caption = "The council chamber was full for most of the six-hour budget debate on Monday"
    text = page(caption, "Image credits: City Hall Press Office")
    result = clean_plain_text(text)
    assert caption not in result.text
    assert P2 in result.text


def test_clean_truncated_teaser_and_its_headline_removed():
    headline = "This is how the budget could change your neighbourhood"
    teaser = ("The council's new budget may reshape services across the city, with libraries, "
              "parks and road repairs all facing changes that residents will notice in the")
    result = clean_plain_text(page(tail=(headline, teaser)))
    assert headline not in result.text and teaser not in result.text
    assert result.text.split("\n\n") == [P1, P2, P3]


@pytest.mark.parametrize(
    "body_line",
    [
        "Budget details",  # a subheading inside the body
        "“We did what we had to do,” the mayor said.",
        "Share prices of the city's bonds rose after the vote, traders said on Tuesday.",
        "The advertisement campaign for the new library opens next week, officials said.",
    ],
)
def test_clean_body_lines_survive(body_line: str):
    result = clean_plain_text(page(body_line))
    assert body_line in result.text.split("\n\n")


def test_clean_glued_credit_suffix_is_trimmed_not_the_sentence():
    lead = "A few days after the vote, the council's critics apparently gave up.archivBild: keystone"
    result = clean_plain_text(page(head=(lead,)))
    assert "A few days after the vote, the council's critics apparently gave up." in result.text
    assert "keystone" not in result.text
    assert reasons(page(head=(lead,)))["archivBild: keystone"] == "credit"


def test_clean_keeps_body_text_verbatim():
    result = clean_plain_text(page("ADVERTISEMENT"))
    assert result.text == "\n\n".join([P1, P2, P3])


@pytest.mark.parametrize("text", ["", "   \n\n  ", "Menu\nSearch\nShare"])
def test_clean_no_body_gives_empty_text(text: str):
    assert clean_plain_text(text).text == ""


def test_clean_short_note_without_page_furniture_is_kept():
    assert clean_plain_text("Meeting moved to Friday.").text == "Meeting moved to Friday."


def test_clean_template_lines_seam():
    template = "Follow us on Telegram for the latest updates from the city."
    text = page(template)
    from storydesk.steps.clean.lines import normalise

    assert template in clean_plain_text(text).text
    result = clean_plain_text(text, template_lines={normalise(template)})
    assert template not in result.text
    assert reasons(text) != {r.text: r.reason for r in result.removed}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (P1 + " " + P2, "en"),
        ("Der Stadtrat hat am Montag den neuen Haushalt beschlossen, sagte die Sprecherin der Stadt.",
         "de"),
        ("Le conseil municipal a approuvé le nouveau budget lundi après un long débat, selon la mairie.",
         "fr"),
        ("El consejo aprobó el nuevo presupuesto el lunes después de un largo debate con los vecinos.",
         "es"),
        ("Міська рада в понеділок ухвалила новий бюджет, і це було після довгої дискусії з ними.",
         "uk"),
        ("Hi", None),
    ],
)
def test_clean_detect_language(text: str, language: str | None):
    assert detect_language(text) == language


def test_clean_site_templates_count_lines_across_articles():
    from storydesk.steps.clean import SiteTemplates
    from storydesk.steps.clean.lines import normalise

    promo = "Follow us on Telegram for the latest updates from the city."
    templates = SiteTemplates(min_articles=3)
    for body in (P1, P2, P3):
        templates.observe("gazette", f"{body}\n{promo}")
    templates.observe("other", promo)
    assert templates.lines("gazette") == {normalise(promo)}
    assert templates.lines("other") == frozenset()  # too few articles to tell
    result = clean_plain_text(page(promo), template_lines=templates.lines("gazette"))
    assert promo not in result.text
    assert {r.text: r.reason for r in result.removed}[promo] == "template"
