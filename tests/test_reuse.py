"""Tests for text_reuse and reuse_summary (reuse.py): worked examples and the seeds."""

from __future__ import annotations

import pandas as pd
import pytest
from conftest import make_corpus

import corpus_tools as ct

# ---------------------------------------------------------- text reuse
METHODS_A = "Moscow and Beijing intend to closely coordinate efforts in view of the escalation."
METHODS_B = "Officials said Moscow and Beijing intend to closely coordinate efforts on the crisis."


def test_text_reuse_worked_example():
    c = make_corpus({"A": METHODS_A, "B": METHODS_B})
    r = ct.text_reuse(c, min_words=8)
    assert len(r) == 1
    row = r.iloc[0]
    assert (row.doc_a, row.a_start, row.a_end, row.doc_b, row.b_start, row.b_end) == (
        "A",
        0,
        55,
        "B",
        15,
        70,
    )
    assert row.n_words == 8 and row.identity == 1.0
    assert row.text_a == "Moscow and Beijing intend to closely coordinate efforts"
    assert ct.text_reuse(c, min_words=9).empty


PASSAGE = (
    "The ministry said it was ready to work with parties to end the violence "
    "and restore calm in the region"
)  # 20 words


def test_text_reuse_shared_20_word_passage_and_share():
    a = f"Early on Monday, officials met. {PASSAGE}. Nothing else was agreed."
    b = f"In a statement, \u201c{PASSAGE}\u201d, the envoy told reporters."
    c = make_corpus({"x1": a, "x2": b}, outlet={"x1": "P", "x2": "Q"})
    r = ct.text_reuse(c)
    assert len(r) == 1
    row = r.iloc[0]
    assert row.n_words == 20 and row.identity == 1.0
    assert row.text_a == PASSAGE and row.text_b == PASSAGE
    assert a[row.a_start : row.a_end] == PASSAGE and b[row.b_start : row.b_end] == PASSAGE
    assert (row.in_quotes_a, row.in_quotes_b) == (False, True)
    s = ct.reuse_summary(r, c)
    got = {d: (n, k) for d, n, k in zip(s["doc_id"], s["n_words"], s["reused_words"], strict=False)}
    assert got == {"x1": (29, 20), "x2": (27, 20)}
    assert s["doc_id"].tolist() == ["x2", "x1"]  # higher share first


def test_text_reuse_edited_copy_merges_across_gap():
    words = [f"w{i}" for i in range(30)]
    edited = words[:12] + ["changed"] + words[13:]
    c = make_corpus({"a": " ".join(words), "b": " ".join(edited)})
    r = ct.text_reuse(c, series=None)
    assert len(r) == 1
    row = r.iloc[0]
    assert (row.a_word_start, row.a_word_end, row.n_words) == (0, 30, 29)
    assert row.identity == pytest.approx(29 / 30)
    # with no gap allowed the edit splits it into two exact runs
    r0 = ct.text_reuse(c, series=None, gap=0)
    assert sorted(r0["n_words"].tolist()) == [12, 17]


def test_text_reuse_series_and_max_df():
    c = make_corpus(
        {"a": PASSAGE, "b": PASSAGE, "c": PASSAGE}, outlet={"a": "X", "b": "X", "c": "Y"}
    )
    r = ct.text_reuse(c)
    assert list(zip(r["doc_a"], r["doc_b"], strict=False)) == [("a", "c"), ("b", "c")]
    assert len(ct.text_reuse(c, series=None)) == 3
    assert ct.text_reuse(c, series=None, max_df=2).empty  # every shingle is in 3 documents


def test_text_reuse_is_independent_of_input_order():
    texts = {"b": METHODS_B, "a": METHODS_A, "c": PASSAGE}
    r1 = ct.text_reuse(make_corpus(texts))
    r2 = ct.text_reuse(make_corpus(dict(sorted(texts.items()))))
    pd.testing.assert_frame_equal(r1, r2)


def test_seed_reuse_offsets_give_back_text(seed_corpus):
    r = ct.text_reuse(seed_corpus)
    assert len(r) >= 1
    for row in r.itertuples():
        assert seed_corpus.text(row.doc_a)[row.a_start : row.a_end] == row.text_a
        assert seed_corpus.text(row.doc_b)[row.b_start : row.b_end] == row.text_b
        assert row.n_words >= 8
    # the Russian foreign-ministry wording is quoted by several outlets
    assert r["text_a"].str.contains("Middle East and North Africa").any()
