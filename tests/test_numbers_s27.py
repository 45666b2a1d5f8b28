"""Session 27: currency signs and ISO 4217 codes as data, lakh/crore, Arabic joined figures and
percent sign, currency words of other languages, lists of figures after a comma and a space."""

from __future__ import annotations

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import numbers
from corpus_tools.numbers import numbers_in_sentence


def _read(sentence: str, language: str = "en", spaced: bool = True) -> list[tuple[str, float, str]]:
    dc = language in numbers.DECIMAL_COMMA_LANGUAGES
    hits = numbers_in_sentence(sentence, None, dc, language, spaced)
    return [(sentence[h.start : h.end], h.quantity, h.kind) for h in hits]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # every Unicode currency symbol (Sc), and lakh/crore (Indian English)
        (
            "It cost ₹46,800, then ₹30 lakh and ₹1.5 crore; ₹150cr.",
            [
                ("₹46,800", 46800.0, "money"),
                ("₹30 lakh", 3e6, "money"),
                ("₹1.5 crore", 1.5e7, "money"),
                ("₹150cr", 1.5e9, "money"),
            ],
        ),
        ("Recalls 5 lakh bottles", [("5 lakh", 5e5, "count")]),
        ("₦500 million and ₱20", [("₦500 million", 5e8, "money"), ("₱20", 20.0, "money")]),
        # letter signs and ISO 4217 codes as written (currency_signs, iso4217)
        (
            "Prices rose to KSh 2,500 and Sh300 million.",
            [("KSh 2,500", 2500.0, "money"), ("Sh300 million", 3e8, "money")],
        ),
        (
            "The firm lost USD 5 million and 300 EUR.",
            [("USD 5 million", 5e6, "money"), ("300", 300.0, "money")],
        ),
        ("raises $500 mn for 3 bn users", [("$500 mn", 5e8, "money"), ("3 bn", 3e9, "count")]),
        # codes that are English words in capitals are never read; lower case never either
        (
            "ALL 5 players and TOP 10 songs, usd 5.",
            [("5", 5.0, "count"), ("10", 10.0, "count"), ("5", 5.0, "count")],
        ),
        ("PHP 8 and AMD 7000 chips", [("8", 8.0, "count"), ("7000", 7000.0, "count")]),
        # Indian digit grouping
        ("3,00,000 barrels per day", [("3,00,000", 3e5, "count")]),
        # a character reference left in scraped text is no figure
        ("you&#8217;re 5 years old", [("5", 5.0, "count")]),
    ],
)
def test_currency_signs_codes_and_south_asian_scales(sentence, expected) -> None:
    assert _read(sentence) == expected


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        # a conjunction joined to the figure (figure_prefixes) and the Arabic percent sign
        ("ar", "و3 مليارات دولار و٥٪", [("3 مليارات", 3e9, "money"), ("٥٪", 5.0, "percent")]),
        ("ar", "نسبة 12٪ من السكان", [("12٪", 12.0, "percent")]),
        ("ar", "ب20 ألف", [("20 ألف", 2e4, "count")]),
        # currency words after a figure, per language (languages.<code>.currency)
        ("ru", "302 млн рублей", [("302 млн", 3.02e8, "money")]),
        ("hu", "5 millió forintot", [("5 millió", 5e6, "money")]),
        ("de", "3,5 Millionen Franken", [("3,5 Millionen", 3.5e6, "money")]),
        ("pt", "12 mil reais", [("12 mil", 1.2e4, "money")]),
        ("fr", "500 euros", [("500", 500.0, "money")]),
        # a sign written after the figure
        ("en", "It costs 500 zł or 100 kr.", [("500", 500.0, "money"), ("100", 100.0, "money")]),
    ],
)
def test_other_languages(language, sentence, expected) -> None:
    assert _read(sentence, language) == expected


def test_arabic_prefix_letters_are_read_in_arabic_only() -> None:
    assert _read("و3 مليارات", "en") == []


def test_a_list_after_comma_and_space() -> None:
    # followed by "and 400": a list, each item its own figure
    assert [q for _, q, _ in _read("Scores were 10, 200, 300 and 400.")][-4:] == [10, 200, 300, 400]
    # spaced=False (the document writes "1,000" elsewhere): a list
    assert [q for _, q, _ in _read("Seats: 10, 200, 300 in all.", spaced=False)] == [10, 200, 300]
    # spaced=True and nothing after: one figure, as before
    assert [q for _, q, _ in _read("Seats: 10, 200, 300 in all.")] == [10200300.0]


def test_numeric_claims_reads_a_list_in_a_document_that_writes_1_000() -> None:
    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b"],
            "text": [
                "The three rounds drew 10, 200, 300 people. In all 1,000 tickets were sold.",
                "Approximately 1, 000 computer systems were affected by the attack.",
            ],
        }
    )
    got = ct.numeric_claims(ct.Corpus(docs))
    assert got[got["doc_id"] == "a"]["quantity"].tolist() == [3.0, 10.0, 200.0, 300.0, 1000.0]
    assert got[got["doc_id"] == "b"]["quantity"].tolist() == [1000.0]
