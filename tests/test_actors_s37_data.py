"""Gazetteer data, sessions 36-37: the Philippines' short forms, a misspelt leader, names built on
a country's form that are no actor (a region, a newspaper). Texts are real headlines
(Philippine outlets, News24, The Hindu, NewsAPI titles) unless a comment says otherwise."""

from __future__ import annotations

import pytest

import corpus_tools as ct


def _actors(text: str) -> list[str]:
    return list(ct.mentions_in_text(text)["actor"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PH, US armies in major joint exercise", ["Philippines", "United States"]),
        ("Phl justice system under ICC trial", ["Philippines", "International Criminal Court"]),
        (
            "Degamo widow laments denial of PH extradition request vs Teves",
            ["Philippines"],
        ),
        ("PH researchers develop new dengue test", ["Philippines"]),  # made-up sentence
        # 'pH' of chemistry and a degree are not the country (made-up sentences)
        ("pH levels in the river rose", []),
        ("PH.D holders protest", []),
    ],
)
def test_philippines_short_forms(text: str, expected: list[str]) -> None:
    assert _actors(text) == expected


def test_misspelt_ramaphosa_is_the_president() -> None:
    # made-up sentence with the spelling seen in Ghanaian and South African headlines
    assert _actors("Ramphosa says South Africa will stay") == ["Cyril Ramaphosa", "South Africa"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US and Japan deepen Indo-Pacific ties", ["United States", "Japan"]),  # made up
        (
            "11-year-old Mississippi boy who called 911 shot by responding officer: "
            "'Why did he shoot me?' - USA TODAY",
            [],
        ),
        ("Covid surge: report - The Times of India", []),  # made up
        ("Army explores procurement of light tanks after border standoff with China", ["China"]),
        ("Bodies piling up at crematoriums across India", ["India"]),
    ],
)
def test_region_and_newspaper_names_are_no_actor(text: str, expected: list[str]) -> None:
    assert _actors(text) == expected
