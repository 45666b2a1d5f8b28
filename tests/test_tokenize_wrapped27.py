"""Hard-wrapped lines: a line break inside a sentence whose next line starts lower-case (session 27)."""

from __future__ import annotations

import pandas as pd

import corpus_tools as ct
from corpus_tools import tokenize as tk

_WRAPPED = (
    "WASHINGTON, March 4 - The Federal Reserve Board voted\n"
    "unanimously to propose a formula for swaps.\n"
    "QANTAS TO BUY FOUR JETS\n"
    "of 250 mln dlrs each, the chairman said.\n"
    "He met the radical\n"
    "  island nation Japan.\n"
    "Those of the U.S.\n"
    "Analysts said Japan has done little.\n"
    "A headline\n"
    "The body starts here."
)


def _texts(text: str) -> list[str]:
    return [text[s:e] for _, s, e in tk.split_sentences(text)]


def test_wrapped_lines_join_when_the_next_starts_lower_case() -> None:
    assert (
        _texts(_WRAPPED)
        == [
            "WASHINGTON, March 4 - The Federal Reserve Board voted\n"
            "unanimously to propose a formula for swaps.",
            "QANTAS TO BUY FOUR JETS",  # all capitals: a headline, cut as before
            "of 250 mln dlrs each, the chairman said.",
            "He met the radical\n  island nation Japan.",
            "Those of the U.S.\nAnalysts said Japan has done little.",  # after an abbreviation: as before
            "A headline",  # the next line starts with a capital: cut as before
            "The body starts here.",
        ]
    )


def test_batch_path_equals_one_by_one() -> None:
    texts = [_WRAPPED, "a\nb", "Über den\nfluss geht es.\nÉtat\nélu", "x\n\u00a0\ny z", "END\n"]
    rows, counts = tk.sentence_batch(texts)
    got, a = [], 0
    for n in counts.tolist():
        got.append([tuple(r) for r in rows[a : a + n].tolist()])
        a += n
    assert got == [[tuple(x) for x in tk.split_sentences(t)] for t in texts]
    assert got[2][0][1:] == (0, 23)  # "Über den\nfluss geht es." is one sentence


def test_sentences_table_joins_wrapped_lines() -> None:
    corpus = ct.Corpus(
        pd.DataFrame({"doc_id": ["a"], "text": ["It rose since early\nyear, he said."]})
    )
    assert ct.sentences(corpus, n_jobs=1)["text"].tolist() == [
        "It rose since early\nyear, he said."
    ]
