"""Text that states no quantity gives no claims: nothing is invented from names, dates or verbs."""

from __future__ import annotations

from pathlib import Path

from storydesk import analyze
from storydesk.schema import validate_dossier

# Three outlets on one event, written without any figure, count word or measure.
REPORTS = {
    "wire.txt": (
        "Flooding closed the main bridge into Riverton on Tuesday, city officials said.\n\n"
        "The mayor urged residents to stay away from the river while engineers inspected the "
        "bridge. Schools were closed and buses were diverted through the northern suburbs.\n\n"
        "Police said nobody had been reported missing."
    ),
    "herald.txt": (
        "Riverton's main bridge was shut on Tuesday after floodwater rose over the approach "
        "roads, according to the city council.\n\n"
        "Engineers were inspecting the structure and the mayor asked people to avoid the "
        "riverbank. Local schools closed for the day.\n\n"
        "The council said it expected to reopen the bridge once the water receded."
    ),
    "blog.txt": (
        "Residents of Riverton woke to find their bridge closed by the flood.\n\n"
        "The mayor said engineers would decide when traffic could return, and that the city "
        "had asked the state for help with the clean-up.\n\n"
        "Shop owners near the river moved their stock upstairs overnight."
    ),
}


def test_quantity_free_reports_make_no_claims(tmp_path: Path):
    for name, text in REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    dossier = analyze([tmp_path])
    validate_dossier(dossier.to_dict())
    assert len(dossier.articles) == 3 and dossier.stories
    claims = [claim for story in dossier.stories for claim in story.claims]
    assert claims == [], [claim.statement for claim in claims]
    assert all(not article.quantities for article in dossier.articles)
