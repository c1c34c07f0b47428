"""Removed lines carry a reason a reader understands: a standfirst is not called navigation."""

from __future__ import annotations

from storydesk.steps.clean.plain import clean_plain_text

BODY = (
    "An earthquake of magnitude 6.1 struck Tokyo on Monday morning, injuring dozens of people, "
    "officials said.\n"
    "Trains were halted across the city for several hours while engineers checked the tracks.\n"
    "The city's mayor said schools would reopen on Tuesday after inspections of their buildings.\n"
)


def reasons(text: str) -> dict[str, str]:
    return {r.text: r.reason for r in clean_plain_text(text).removed}


def test_running_text_above_the_byline_is_a_standfirst():
    standfirst = "Officials say the damage is limited and trains will run again by the evening."
    page = f"Quake hits Tokyo, dozens hurt\n{standfirst}\nBy Jane Smith\n{BODY}"
    got = reasons(page)
    assert got[standfirst] == "standfirst"
    assert got["By Jane Smith"] == "byline"


def test_menu_above_the_body_stays_navigation():
    page = f"Home | World | Business | Sport\nQuake hits Tokyo, dozens hurt\nBy Jane Smith\n{BODY}"
    assert reasons(page)["Home | World | Business | Sport"] == "navigation"


def test_archive_widget_with_post_counts_is_not_a_list_body():
    # A blog sidebar ("Name", "(13)", ...) after a short article: the counts are badges, not
    # enumerated items, so the widget must not become the body.
    names = ["Aaron Kwok", "Adam Cheng", "Adason Lo", "Alan Tam", "Alex Lam", "Alex To",
             "Andy Hui", "Andy Lau", "Anita Mui", "Ariel Tsai", "Amber Kuo", "Angela Chang"]  # fmt: skip
    widget = "\n".join(f"{name}\n({n + 1})" for n, name in enumerate(names))
    result = clean_plain_text(f"Quake hits Tokyo, dozens hurt\nBy Jane Smith\n{BODY}{widget}\n")
    assert "Trains were halted" in result.text
    assert "Aaron Kwok" not in result.text and "(3)" not in result.text
