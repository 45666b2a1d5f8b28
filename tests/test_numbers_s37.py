"""Signed figures and figures joined to a unit of time, read from real sentences.

Real sentences of the BBC news set of Greene & Cunningham (2006; the benchmark's long
documents: "a growth rate of -0.1%", "minus 20C") and of saved news pages of the
extraction benchmarks ("a 17-year low", "a 16-year high", "30-year lows"), cut to the
clause that matters; the headline forms ("Nasdaq -2.1%", "\u221220.5 \u00b0C") are made up
in the shape of real ones.
"""

from __future__ import annotations

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.numbers import numbers_in_sentence


def _read(text: str) -> list[tuple[str, float, str]]:
    return [(text[h.start : h.end], h.quantity, h.kind) for h in numbers_in_sentence(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Like-for-like sales showed a growth rate of -0.1%, the same as in the three months",
            [("-0.1%", -0.1, "percent"), ("three", 3.0, "count")],
        ),
        (
            "At night the wind chill takes temperatures down to minus 20C and less",
            [("minus 20", -20.0, "count")],
        ),
        ("Temperatures fell to \u221220.5 \u00b0C overnight", [("\u221220.5", -20.5, "count")]),
        ("Nasdaq -2.1% as tech slides", [("-2.1%", -2.1, "percent")]),
        ("Net income was -$2.3 million.", [("-$2.3 million", -2300000.0, "money")]),
    ],
)
def test_a_minus_sign_before_a_figure_makes_it_negative(
    text: str, expected: list[tuple[str, float, str]]
) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a hyphen after a digit or a letter joins: a range, a score, a name
        ("Estimates ranged 10-20 points", [("10", 10.0, "count"), ("20", 20.0, "count")]),
        ("COVID -19 cases rose to 300", [("19", 19.0, "count"), ("300", 300.0, "count")]),
        ("3 minus 2 is 1", [("3", 3.0, "count"), ("2", 2.0, "count"), ("1", 1.0, "count")]),
        ("The 2018-2019 season", [("2018", 2018.0, "year"), ("2019", 2019.0, "year")]),
    ],
)
def test_a_hyphen_that_joins_is_no_minus_sign(
    text: str, expected: list[tuple[str, float, str]]
) -> None:
    assert _read(text) == expected


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("The unemployment rate remains at a 17-year low of 4 percent", "17"),
        ("The copper price reached a 16-year high in October 2004", "16"),
        ("this proof of little job creation remained near 30-year lows", "30"),
        ("Gold Hits 15-Year High As Dollar Slides", "15"),
        ("Shares fell to a 52-week low", "52"),
        ("A 15-year-old boy was arrested", "15"),
        ("Unions called a 24-hour strike", "24"),
    ],
)
def test_a_figure_joined_to_a_unit_of_time_is_a_duration(text: str, figure: str) -> None:
    hits = [h for h in numbers_in_sentence(text) if text[h.start : h.end] == figure]
    assert [(h.kind, h.object, h.event) for h in hits] == [("duration", "", "")]


def test_durations_are_no_quantity_to_compare() -> None:
    # two outlets with the same "17-year low" and different rates: only the rates line up
    c = ct.Corpus(
        pd.DataFrame(
            {
                "doc_id": ["a", "b"],
                "outlet": ["X", "Y"],
                "text": [
                    "The unemployment rate fell to 4 percent, a 17-year low.",
                    "The unemployment rate fell to 4.1 percent, an 18-year low.",
                ],
            }
        )
    )
    claims = ct.numeric_claims(c)
    assert claims["kind"].tolist() == ["percent", "duration", "percent", "duration"]
    assert ct.compare_numbers(claims, c, within=None).empty
    assert ct.numeric_claims(c, kinds=["duration"])["quantity"].tolist() == [17.0, 18.0]
