"""Tests for corpus_tools.compare: hand-made corpora with known answers, and the seeds."""

from __future__ import annotations

import math

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusValueError

from conftest import make_corpus


# ---------------------------------------------------------------- kwic
KWIC_TEXT = "Hamas attacked. Israel said Hamas would pay. The U.S. Foreign Ministry spoke."


@pytest.mark.parametrize(
    ("term", "window", "expected"),
    [
        ("hamas", 2, [(0, 5, "", "Hamas", "attacked."), (28, 33, "Israel said", "Hamas", "would pay")]),
        ("HAMAS", 0, [(0, 5, "", "Hamas", ""), (28, 33, "", "Hamas", "")]),
        ("u.s. foreign ministry", 1, [(49, 70, "The", "U.S. Foreign Ministry", "spoke")]),
        ("ministry spoke", 1, [(62, 76, "Foreign", "Ministry spoke", ".")]),
        ("gaza", 3, []),
    ],
)
def test_kwic_hand_made(term, window, expected):
    c = make_corpus({"a": KWIC_TEXT})
    out = ct.kwic(c, term, window=window)
    got = list(out[["start", "end", "left", "match", "right"]].itertuples(index=False, name=None))
    assert got == expected


def test_kwic_columns_offsets_and_group(corpus_from_texts):
    c = corpus_from_texts(
        {"b": "Gaza\u2019s border. Gaza again.", "a": "In Gaza today."}, outlet={"a": "X", "b": "Y"}
    )
    out = ct.kwic(c, ["gaza", "border"], by="outlet")
    assert list(out.columns) == [
        "doc_id", "sent_id", "token_id", "start", "end", "left", "match", "right", "term", "group"
    ]
    assert out["doc_id"].tolist() == ["a", "b", "b", "b"]
    assert out["group"].tolist() == ["X", "Y", "Y", "Y"]
    for row in out.itertuples():
        assert c.text(row.doc_id)[row.start : row.end] == row.match


def test_kwic_rejects_bad_input():
    c = make_corpus({"a": KWIC_TEXT})
    with pytest.raises(CorpusValueError):
        ct.kwic(c, "   ")
    with pytest.raises(CorpusValueError):
        ct.kwic(c, "hamas", window=-1)
    with pytest.raises(CorpusValueError, match="not a column"):
        ct.kwic(c, "hamas", by="nope")


# ---------------------------------------------------- term frequencies
def test_term_frequencies_counts_and_rates(corpus_from_texts):
    c = corpus_from_texts(
        {
            "a": "Militants fired rockets. Militants left.",
            "b": "The militants left.",
            "c": "Troops left the area.",
        },
        outlet={"a": "X", "b": "X", "c": "Y"},
    )
    tf = ct.term_frequencies(c, by="outlet")
    row = tf[(tf["group"] == "X") & (tf["term"] == "militants")].iloc[0]
    # X has 5 + 3 = 8 word tokens; militants 3 times in 2 documents
    assert (row["count"], row["n_docs"], row["n_docs_group"], row["n_tokens_group"]) == (3, 2, 2, 8)
    assert row["rate_per_10k"] == pytest.approx(10000 * 3 / 8)
    assert row["mean_doc_rate_per_10k"] == pytest.approx((10000 * 2 / 5 + 10000 * 1 / 3) / 2)
    assert list(tf.columns) == [
        "group", "term", "count", "rate_per_10k", "n_docs", "n_docs_group", "n_tokens_group",
        "mean_doc_rate_per_10k",
    ]
    # sorted by group, count desc, term
    assert tf["group"].tolist() == sorted(tf["group"].tolist())
    x = tf[tf["group"] == "X"]
    assert x["term"].tolist()[:3] == ["militants", "left", "fired"]
    # stopwords dropped as terms but not from the denominator
    nostop = ct.term_frequencies(c, by="outlet", stopwords=False)
    assert "the" not in set(nostop["term"]) and "the" in set(tf["term"])
    assert nostop["n_tokens_group"].max() == tf["n_tokens_group"].max()


def test_term_frequencies_militants_worked_example(corpus_from_texts):
    # METHODS 3.1: 8 occurrences in 1,000 tokens = 80.0 per 10k
    text = " ".join(["militants"] * 8 + ["word"] * 992)
    tf = ct.term_frequencies(corpus_from_texts({"a": text}, outlet={"a": "A"}))
    assert tf.loc[tf["term"] == "militants", "rate_per_10k"].iloc[0] == pytest.approx(80.0)


def test_term_frequencies_bigrams_stop_at_punctuation(corpus_from_texts):
    c = corpus_from_texts({"a": "Gaza Strip, ceasefire talks. Gaza Strip."}, outlet={"a": "X"})
    bi = ct.term_frequencies(c, ngram=2)
    assert dict(zip(bi["term"], bi["count"])) == {"gaza strip": 2, "ceasefire talks": 1}


def test_term_frequencies_any_column_and_missing(corpus_from_texts):
    c = corpus_from_texts(
        {"a": "One two.", "b": "Two three.", "c": "Three."},
        outlet={"a": "X", "b": None, "c": "X"},
        label={"a": "pro", "b": "pro", "c": "anti"},
    )
    assert sorted(ct.term_frequencies(c, by="outlet")["group"].unique()) == ["(missing)", "X"]
    assert sorted(ct.term_frequencies(c, by="label")["group"].unique()) == ["anti", "pro"]
    assert sorted(ct.term_frequencies(c, by="doc_id")["group"].unique()) == ["a", "b", "c"]
    with pytest.raises(CorpusValueError):
        ct.term_frequencies(c, ngram=3)
