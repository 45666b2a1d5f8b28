"""Session 26b: a thousands comma followed by a space (``1, 000``, common in scraped
descriptions) is one figure, and the tail of such a group is never a figure of its own."""

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
        ("About 1, 000 computer systems were hit.", [("About 1, 000", 1000.0, "count")]),
        ("Tickets cost 30, 000 won.", [("30, 000", 30000.0, "count")]),
        ("It was sent to 377, 082 Americans.", [("377, 082", 377082.0, "count")]),
        ("a supply of 1, 000, 000 tokens", [("1, 000, 000", 1_000_000.0, "count")]),
        ("a $5, 000 fine", [("$5, 000", 5000.0, "money")]),
    ],
)
def test_a_spaced_thousands_comma_is_one_figure(
    text: str, expected: list[tuple[str, float, str]]
) -> None:
    # the old code read '1' and '000' (value 0) as two figures
    assert _read(text) == expected


def test_the_tail_of_a_group_is_never_a_figure() -> None:
    # '000' after 'Ksh500, ' is no figure 0; since session 27 'Ksh' is a currency sign (data)
    assert _read("He walked free on a Ksh500, 000 cash bail.") == [
        ("Ksh500, 000", 500000.0, "money")
    ]
    # a figure glued to other letters is still none
    assert _read("The F500, 000 units.") == []


def test_lists_dates_and_years_are_not_joined() -> None:
    # guards: these read as before the change
    assert [q for _, q, _ in _read("Scores were 1, 2, 3 and 4.") if q == q] == [1, 2, 3, 4]
    # a day after a month, then a figure
    assert _read("On March 5, 200 people marched.") == [
        ("5", 5.0, "date"),
        ("200", 200.0, "count"),
    ]
    assert _read("In 2019, 500 people died.") == [("2019", 2019.0, "year"), ("500", 500.0, "count")]
    assert _read("NEW YORK, Dec. 03, 2025 (GLOBE NEWSWIRE)") == [
        ("03", 3.0, "date"),
        ("2025", 2025.0, "year"),
    ]
    # a comma with no space is read as before; a space alone groups nothing in English
    assert _read("Over 12,000 were wounded.") == [("Over 12,000", 12000.0, "count")]
    assert [q for _, q, _ in _read("reached 2 027 in December")] == [2.0, 27.0]


def test_a_decimal_comma_text_reads_no_group_tail_either() -> None:
    # the comma is the decimal mark there: '5, 000' is not joined, and '000' is no figure 0
    hits = numbers_in_sentence("Es waren 5, 000 Euro.", None, True, "de")
    assert [h.quantity for h in hits] == [5.0]


def test_numeric_claims_have_no_bare_000() -> None:
    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "outlet": ["BusinessToday", "BusinessToday", "Other"],
            "text": [
                "Approximately 1, 000 computer systems were affected by the attack.",
                "A hacker walked free on a Ksh500, 000 cash bail on Monday.",
                "Lunch costs 30, 000 won in Seoul, officials said.",
            ],
        }
    )
    claims = ct.numeric_claims(ct.load_corpus(docs))
    assert claims["text"].tolist() == ["Approximately 1, 000", "Ksh500, 000", "30, 000"]
    assert claims["quantity"].tolist() == [1000.0, 500000.0, 30000.0]
    assert not (claims["quantity"] == 0).any()
