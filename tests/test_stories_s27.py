"""Story labels write dates at the precision the documents have them."""

from __future__ import annotations

import warnings

import pandas as pd

import corpus_tools as ct

TEXT = "The president asked Congress to fund the housing program for veterans and families."
OTHER = "Oil prices rose sharply after the invasion of Kuwait, the administration said."


def test_dates_known_to_the_year_are_labelled_by_the_year(tmp_path):
    rows = [{"year": y, "text": TEXT} for y in (1946, 1946, 1950, 1950)]
    rows.append({"year": 1990, "text": OTHER})
    pd.DataFrame(rows).to_csv(tmp_path / "sotu.csv", index=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = ct.load_corpus(tmp_path / "sotu.csv")
        table = ct.stories(corpus).table
    assert set(corpus.docs["date_precision"]) == {"year"}
    labels = dict(zip(table["doc_id"], table["label"], strict=True))
    assert labels["sotu#1"].endswith("(1946)") and labels["sotu#3"].endswith("(1950)")
    assert labels["sotu#5"] == "administration invasion kuwait oil (1990)"


def test_day_dates_keep_the_day_and_a_span():
    docs = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "text": [TEXT, TEXT, OTHER],
            "outlet": ["X", "Y", "X"],
            "published": pd.to_datetime(["2024-03-01", "2024-03-02", "2024-05-09"]),
            "date_precision": ["day", "day", "day"],
        }
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = ct.stories(ct.Corpus(docs)).table
    labels = dict(zip(table["doc_id"], table["label"], strict=True))
    assert labels["a"].endswith("(2024-03-01 to 2024-03-02)")
    assert labels["c"].endswith("(2024-05-09)")
