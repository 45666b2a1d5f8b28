"""Session 31: Portuguese objects end before a verb form; hours written 18h / 7h30 are times
(real shapes from Brazilian news articles, Fake.br-Corpus true texts)."""

from __future__ import annotations

import pandas as pd
import pytest

import corpus_tools as ct


def _claims(texts: list[str], language: str) -> list[tuple[str, str, str]]:
    docs = pd.DataFrame({"doc_id": [str(i) for i in range(len(texts))], "text": texts})
    got = ct.numeric_claims(ct.Corpus(docs), language=language)
    return list(zip(got.text, got.kind, got.object, strict=True))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No acidente, 199 pessoas morreram.", [("199", "count", "pessoas")]),
        ("Cerca de 20 pessoas participam do ato.", [("20", "count", "pessoas")]),
        ("Mais de 500 ficaram feridas.", [("500", "count", "")]),
        ("O ataque deixou 500 feridos.", [("500", "count", "feridos")]),
        ("O terreno tem 78 mil metros quadrados.", [("78 mil", "count", "metros quadrados")]),
        ("As 26 pessoas afetadas pelas sanções.", [("26", "count", "pessoas")]),
        ("Há 137 investigações atualmente em andamento.", [("137", "count", "investigações")]),
        ("A sessão foi aberta às 14h46.", [("14h46", "time", "")]),
        ("Chegamos às 7h e saímos às 19h.", [("7h", "time", ""), ("19h", "time", "")]),
        ("O programa vai ao ar às 7h30m.", [("7h30m", "time", "")]),
    ],
)
def test_portuguese(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _claims([text], "pt") == expected


def test_french_hours_are_times() -> None:
    assert _claims(["Le rendez-vous est fixé à 18h30 devant la mairie."], "fr") == [
        ("18h30", "time", "")
    ]


def test_english_is_unchanged() -> None:
    """English has no hour marks or verb endings: '24h' stays a count, as before."""
    got = _claims(["The shop is open 24h and 300 people attended the rally."], "en")
    assert got == [("24", "count", "h"), ("300", "count", "people")]
