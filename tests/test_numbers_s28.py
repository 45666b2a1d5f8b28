"""Session 28: year ranges, hyphenated scale words, the lakh written "L" after a currency sign."""

from __future__ import annotations

import pytest

from corpus_tools.numbers import numbers_in_sentence


def _read(text: str) -> list[tuple[str, float, str]]:
    return [(text[h.start : h.end], h.quantity, h.kind) for h in numbers_in_sentence(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # the two digits ending a year range are the year's end, not a count
        (
            "GDP grew 7% in 2018-19, the survey said.",
            [("7%", 7.0, "percent"), ("2018", 2018.0, "year")],
        ),
        ("Revenue for FY2018-19 was ₹5 crore.", [("₹5 crore", 5e7, "money")]),
        ("the 2019/20 season", [("2019", 2019.0, "year")]),
        ("in 1999-00 and 2020–21", [("1999", 1999.0, "year"), ("2020", 2020.0, "year")]),
        # not a range: the digits are no next year
        (
            "in 2008-12 and a 2018-19 gap",
            [("2008", 2008.0, "year"), ("12", 12.0, "count"), ("2018", 2018.0, "year")],
        ),
        ("a 50-50 chance", [("50", 50.0, "count"), ("50", 50.0, "count")]),
        # a scale word joined by a hyphen
        ("The government approved a ₹31,000-crore package.", [("₹31,000-crore", 3.1e11, "money")]),
        ("a $5-billion deal", [("$5-billion", 5e9, "money")]),
        # a currency word after the hyphenated scale makes it money
        ("a 750-billion-euro recovery fund", [("750-billion", 7.5e11, "money")]),
        ("a 17-million-strong population", [("17-million", 1.7e7, "count")]),
        ("sales of 5 mln. euros", [("5 mln", 5e6, "money")]),
        ("a 3-1 win", [("3", 3.0, "count"), ("1", 1.0, "count")]),
        # "L" (lakh) right after a currency sign only
        ("He was paid ₹1L per month.", [("₹1L", 1e5, "money")]),
        ("Rs 2.5L and ₹10 L", [("Rs 2.5L", 2.5e5, "money"), ("₹10", 10.0, "money")]),
        ("a 1L bottle", [("1", 1.0, "count")]),
    ],
)
def test_ranges_hyphens_and_lakh(text: str, expected: list[tuple[str, float, str]]) -> None:
    assert _read(text) == expected


def test_hyphenated_scale_keeps_its_object() -> None:
    (hit,) = numbers_in_sentence("a ₹31,000-crore package")
    assert (hit.object, hit.kind) == ("package", "money")
