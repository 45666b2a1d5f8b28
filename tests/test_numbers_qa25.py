"""Scale and percent words of other languages, and currency prefixes written with a space
(session 25 QA on 10kGNAD German and pt-BR news)."""

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.numbers import numbers_in_sentence


def _read(sentence: str, language: str) -> list[tuple[str, float, str]]:
    return [
        (sentence[h.start : h.end], h.quantity, h.kind)
        for h in numbers_in_sentence(sentence, None, True, language)
    ]


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        (
            "de",
            "Der Umsatz stieg um 3,07 Prozent auf 1,8 Millionen, der Verlust lag bei 4 Mrd.",
            [
                ("3,07 Prozent", 3.07, "percent"),
                ("1,8 Millionen", 1.8e6, "count"),
                ("4 Mrd", 4e9, "count"),
            ],
        ),
        ("de", "Schulden von 2 Billionen", [("2 Billionen", 2e12, "count")]),
        ("de", "Ein Plus von 5,6 Mio. Euro.", [("5,6 Mio", 5.6e6, "money")]),
        (
            "pt",
            "O lucro foi de R$ 23,84 milhões, alta de 12 por cento, e 5 mil vagas.",
            [
                ("R$ 23,84 milhões", 2.384e7, "money"),
                ("12 por cento", 12.0, "percent"),
                ("5 mil", 5000.0, "count"),
            ],
        ),
        ("pt", "Um rombo de US$ 1,2 bilhão.", [("US$ 1,2 bilhão", 1.2e9, "money")]),
        ("pt", "Portugal: 3 mil milhões.", [("3 mil milhões", 3e9, "count")]),
        (
            "es",
            "Unos 2 mil millones, el 7 por ciento.",
            [("2 mil millones", 2e9, "count"), ("7 por ciento", 7.0, "percent")],
        ),
        (
            "fr",
            "Un déficit de 4 milliards, 3 pour cent.",
            [("4 milliards", 4e9, "count"), ("3 pour cent", 3.0, "percent")],
        ),
        ("fr", "Une dette de 2 billions.", [("2 billions", 2e12, "count")]),
    ],
)
def test_scale_and_percent_words_of_the_language(language, sentence, expected):
    assert _read(sentence, language) == expected


def test_english_keeps_its_short_scale_and_reads_no_other_language():
    hits = numbers_in_sentence("It cost 2 billion, 3 Millionen and 4 percent.")
    assert [(h.quantity, h.kind) for h in hits] == [
        (2e9, "count"),
        (3.0, "count"),
        (4.0, "percent"),
    ]


def test_numeric_claims_uses_the_corpus_language():
    text = (
        "Die Regierung hat am Montag in Berlin gesagt, dass die Kosten für das neue Projekt "
        "bei 2,5 Milliarden Euro liegen und dass die Zahl der Arbeitslosen um 3 Prozent "
        "gestiegen ist, aber der Minister hat das nicht bestätigt."
    )
    c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": [text]}))
    got = ct.numeric_claims(c)
    assert got.attrs["stopword_language"] == "de"
    assert got[["text", "quantity", "kind"]].values.tolist() == [
        ["2,5 Milliarden", 2.5e9, "money"],
        ["3 Prozent", 3.0, "percent"],
    ]
    en = ct.numeric_claims(c, language="en")  # English words only: no scale, no percent
    assert not en["text"].str.contains("Milliarden|Prozent").any()
    assert "percent" not in set(en["kind"])
