"""Alias grouping: name variants of one thing merge, different things never do."""

from __future__ import annotations

import pytest

from storydesk.aliases import alias_map, clean_name, group_aliases, is_descriptive, normalize_name


def _together(names: list[str], a: str, b: str) -> bool:
    mapping = alias_map(names)
    return mapping[a] == mapping[b]


@pytest.mark.parametrize(
    ("names", "canonical"),
    [
        (
            ["Zelensky", "Zelenskyy", "Volodymyr Zelensky", "Volodymyr Zelenskyy", "Zelenskys’"],
            "Volodymyr Zelensky",
        ),
        (["Kyiv Independent", "the Kyiv Independent"], "Kyiv Independent"),
        (["Suspilne", "Suspilne's"], "Suspilne"),
        (["Putin", "Vladimir Putin", "Vladimir"], "Vladimir Putin"),
        (["Bryansk", "Bryanks", "Bryansk"], "Bryansk"),
        (["President Zelensky", "Zelensky", "Zelensky"], "Zelensky"),
        (["newsweek.com", "Newsweek"], "Newsweek"),
        (
            ["unnamed intelligence officials", "Ukrainian intelligence officials",
             "a Ukrainian intelligence official", "intelligence officials"],
            "Ukrainian intelligence officials",
        ),
    ],
)  # fmt: skip
def test_variants_form_one_group_with_canonical_name(names: list[str], canonical: str) -> None:
    groups = group_aliases(names)
    assert len(groups) == 1
    assert groups[0][0] == canonical
    assert set(names) <= set(groups[0])


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("North Korea", "South Korea"),
        ("Kim Jong Un", "Kim Yong-hyun"),
        ("Russia", "Russian"),
        ("Israel", "Israeli"),
        ("Austria", "Australia"),
        ("Iran", "Iraq"),
        ("Korea", "North Korea"),
        ("Sudan", "South Sudan"),
        ("Kyiv", "Kyiv Independent"),
        ("Peskov", "Petkov"),
        ("Ukrainian officials", "Russian officials"),
    ],
)
def test_different_things_stay_apart(a: str, b: str) -> None:
    assert not _together([a, b], a, b)


def test_lone_name_fitting_two_people_stays_alone() -> None:
    names = ["Kim Jong Un", "Kim Yong-hyun", "Kim"]
    mapping = alias_map(names)
    assert len(set(mapping.values())) == 3


def test_partial_matching_can_be_turned_off() -> None:
    assert len(group_aliases(["Putin", "Vladimir Putin"], partial=False)) == 2
    assert len(group_aliases(["Putin", "Vladimir Putin"])) == 1


def test_frequency_decides_between_equally_long_forms() -> None:
    groups = group_aliases(["Zelenskyy", "Zelensky", "Zelensky", "Zelensky"])
    assert groups == [["Zelensky", "Zelenskyy"]]


@pytest.mark.parametrize("junk", [[], [""], ["   "], ["...", "''"]])
def test_empty_or_junk_names_do_not_crash(junk: list[str]) -> None:
    groups = group_aliases(junk)
    assert all(group for group in groups)
    assert sum(len(g) for g in groups) <= len([j for j in junk if j.strip()]) + len(groups)


@pytest.mark.parametrize(
    ("name", "cleaned", "key", "descriptive"),
    [
        ("the Kyiv Independent's", "Kyiv Independent", "kyiv independent", False),
        ("Zelenskys’", "Zelenskys", "zelenskys", False),
        ("unnamed intelligence officials", "unnamed intelligence officials",
         "intelligence official", True),
        ("A Western diplomat", "A Western diplomat", "western diplomat", True),
    ],
)  # fmt: skip
def test_name_normalisation(name: str, cleaned: str, key: str, descriptive: bool) -> None:
    assert clean_name(name) == cleaned
    assert normalize_name(name) == key
    assert is_descriptive(name) is descriptive


def test_aliases_description_synonyms_and_institution_heads():
    from storydesk.aliases import group_aliases

    groups = group_aliases(
        ["Ukrainian intelligence officials", "Ukrainian spies", "Ukrainian intelligence",
         "Russian intelligence officials", "a Western diplomat"]
    )
    together = next(g for g in groups if "Ukrainian spies" in g)
    assert "Ukrainian intelligence officials" in together
    assert "Russian intelligence officials" not in together
    assert ["a Western diplomat"] in [g[-1:] for g in groups]
