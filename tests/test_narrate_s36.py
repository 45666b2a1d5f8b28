"""describe_keyness: a strongest term from a handful of documents is named with a caveat."""

from __future__ import annotations

import pandas as pd

import corpus_tools as ct


def _key(n_docs: int, count: int) -> pd.DataFrame:
    # the top row of nb02 on 2,000 real headlines of 599 outlets (github fwd/news, session 35)
    return pd.DataFrame(
        {
            "group": ["twitter.com", "theguardian.com"],
            "term": ["himars", "us"],
            "count": [count, 12],
            "count_rest": [0, 60],
            "n_docs": [n_docs, 11],
            "z": [2.71, 1.23],
        }
    )


def test_strongest_term_from_six_headlines_says_so() -> None:
    # was "... (z = 2.71: 6 times in the group, 0 in the rest). No z reaches 3, ..."
    assert ct.describe_keyness(_key(6, 6)) == (
        "The strongest term is 'himars' for twitter.com (z = 2.71: 6 times in the group, 0 in "
        "the rest), used in only 6 documents of the group: a few documents on one story can make "
        "a word distinctive, so read them before calling it the group's word. No z reaches 3, so "
        "no single word is strong evidence on its own: read the counts with every z."
    )


def test_one_document_and_many_documents() -> None:
    assert "used in only 1 document of the group: one document's story" in ct.describe_keyness(
        _key(1, 6)
    )
    assert "used in only" not in ct.describe_keyness(_key(10, 40))
    assert "used in only" not in ct.describe_keyness(_key(6, 6).drop(columns="n_docs"))


def test_the_seeds_top_term_comes_from_one_article(seed_corpus: ct.Corpus) -> None:
    key = ct.keyness(seed_corpus, by="outlet", min_docs=2, top_n=8)
    assert ct.describe_keyness(key) == (
        "The strongest term is 'u.s.' for News site (z = 2.41: 8 times in the group, 1 in the "
        "rest), used in only 1 document of the group: one document's story can make a word "
        "distinctive, so read it before calling it the group's word. No z reaches 3, so no "
        "single word is strong evidence on its own: read the counts with every z."
    )
