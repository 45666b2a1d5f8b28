"""Tests for frequencies, keyness and similarity (counts.py, keyness.py, similarity.py): hand-made corpora with known answers, and the seeds."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from conftest import make_corpus

import corpus_tools as ct
from corpus_tools.errors import CorpusValueError


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
        "group",
        "term",
        "count",
        "rate_per_10k",
        "n_docs",
        "n_docs_group",
        "n_tokens_group",
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
    # worked example: 8 occurrences in 1,000 tokens = 80.0 per 10k
    text = " ".join(["militants"] * 8 + ["word"] * 992)
    tf = ct.term_frequencies(corpus_from_texts({"a": text}, outlet={"a": "A"}))
    assert tf.loc[tf["term"] == "militants", "rate_per_10k"].iloc[0] == pytest.approx(80.0)


def test_term_frequencies_bigrams_stop_at_punctuation(corpus_from_texts):
    c = corpus_from_texts({"a": "Gaza Strip, ceasefire talks. Gaza Strip."}, outlet={"a": "X"})
    bi = ct.term_frequencies(c, ngram=2)
    assert dict(zip(bi["term"], bi["count"], strict=False)) == {
        "gaza strip": 2,
        "ceasefire talks": 1,
    }


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


# ------------------------------------------------------------- keyness
def _counts_corpus(groups: dict[str, dict[str, int]], size: int = 1000):
    """One document per group: given term counts padded with distinct filler words."""
    texts, outlet = {}, {}
    for g, counts in groups.items():
        words = [w for w, k in counts.items() for _ in range(k)]
        words += [f"fill{g.lower()}{i}" for i in range(size - len(words))]
        texts[g.lower()] = " ".join(words)
        outlet[g.lower()] = g
    return make_corpus(texts, outlet=outlet)


@pytest.mark.parametrize(
    ("prior_scale", "term", "expected_z"),
    [
        (1.0, "militants", 1.61),  # alpha_0 = N = 2,000
        (0.25, "militants", 2.08),  # alpha_0 = 500
        (1.0, "hamas", -0.25),
        (0.25, "hamas", -0.35),
        (1.0, "said", 1.32),
        (0.25, "said", 1.85),
    ],
)
def test_keyness_log_odds_worked_example(prior_scale, term, expected_z):
    c = _counts_corpus(
        {"A": {"militants": 8, "hamas": 10, "said": 30}, "B": {"hamas": 12, "said": 15}}
    )
    k = ct.keyness(c, min_count=1, min_docs=1, prior_scale=prior_scale)
    row = k[(k["group"] == "A") & (k["term"] == term)].iloc[0]
    assert round(row["z"], 2) == expected_z
    other = k[(k["group"] == "B") & (k["term"] == term)].iloc[0]
    assert other["z"] == pytest.approx(-row["z"])  # two groups: mirror images


def test_keyness_militants_delta_by_hand():
    c = _counts_corpus({"A": {"militants": 8}, "B": {}})
    k = ct.keyness(c, min_count=1, min_docs=1)
    row = k[(k["group"] == "A") & (k["term"] == "militants")].iloc[0]
    assert row["score"] == pytest.approx(math.log(16 / 2984) - math.log(8 / 2992))
    assert (row["count"], row["count_rest"], row["n_tokens_group"], row["n_tokens_rest"]) == (
        8,
        0,
        1000,
        1000,
    )
    assert row["rate_per_10k"] == pytest.approx(80.0)


@pytest.mark.parametrize(("group", "expected_z"), [("A", 1.90), ("B", -1.15), ("C", -0.77)])
def test_keyness_three_groups_one_vs_rest(group, expected_z):
    c = _counts_corpus({"A": {"militants": 8}, "B": {}, "C": {"militants": 1}})
    k = ct.keyness(c, min_count=1, min_docs=1)
    row = k[(k["group"] == group) & (k["term"] == "militants")].iloc[0]
    assert round(row["z"], 2) == expected_z


@pytest.mark.parametrize(
    ("term", "expected_g2"), [("militants", 11.12), ("hamas", -0.18), ("said", 5.21)]
)
def test_keyness_g2_four_cell(term, expected_g2):
    c = _counts_corpus(
        {"A": {"militants": 8, "hamas": 10, "said": 30}, "B": {"hamas": 12, "said": 15}}
    )
    k = ct.keyness(c, method="g2", min_count=1, min_docs=1)
    row = k[(k["group"] == "A") & (k["term"] == term)].iloc[0]
    assert round(row["score"], 2) == expected_g2
    assert row["z"] == pytest.approx(math.copysign(math.sqrt(abs(row["score"])), row["score"]))


def test_keyness_filters_columns_order_and_evidence(corpus_from_texts):
    c = corpus_from_texts(
        {
            "a": "Militants fired rockets. Militants fired again.",
            "b": "Militants left the border.",
            "c": "Troops left the border. Troops fired.",
        },
        outlet={"a": "X", "b": "X", "c": "Y"},
    )
    k = ct.keyness(c, min_count=2, min_docs=2)
    assert list(k.columns) == [
        "group",
        "term",
        "count",
        "count_rest",
        "rate_per_10k",
        "rate_rest_per_10k",
        "n_docs",
        "n_docs_group",
        "n_tokens_group",
        "n_tokens_rest",
        "score",
        "z",
        "evidence",
    ]
    # rockets/again/troops occur in one document only -> filtered by min_docs
    assert set(k["term"]) == {"militants", "fired", "left", "the", "border"}
    for _g, sub in k.groupby("group"):
        assert sub["z"].tolist() == sorted(sub["z"].tolist(), reverse=True)
    row = k[(k["group"] == "X") & (k["term"] == "militants")].iloc[0]
    assert row["evidence"] == "a:0-9; a:25-34; b:0-9"
    ev = ct.keyness_evidence(c, k[k["term"] == "militants"], window=1)
    assert len(ev) == 3 and set(ev["match"]) == {"Militants"}
    for r in ev.itertuples():
        assert c.text(r.doc_id)[r.start : r.end] == r.match
    top = ct.keyness(c, min_count=2, min_docs=2, top_n=1)
    assert top.groupby("group").size().tolist() == [1, 1]


def test_keyness_single_group_and_bad_method(corpus_from_texts):
    c = corpus_from_texts({"a": "One two two.", "b": "Two one."}, outlet={"a": "X", "b": "X"})
    assert ct.keyness(c, min_count=1).empty
    with pytest.raises(CorpusValueError, match="log_odds_dirichlet"):
        ct.keyness(c, method="chi2")


# ---------------------------------------------------------- similarity
def test_similarity_worked_example(corpus_from_texts):
    c = corpus_from_texts(
        {
            "d1": "Russia and China coordinate on Gaza.",
            "d2": "Russia and China coordinate on Gaza, ceasefire talks in Doha.",
            "d3": "Hamas attack on Israel from Gaza.",
        }
    )
    s = ct.similarity(c, stopwords=True)
    got = {(a, b): round(v, 3) for a, b, v in zip(s["a"], s["b"], s["cosine"], strict=False)}
    assert got == {("d1", "d2"): 0.655, ("d1", "d3"): 0.185, ("d2", "d3"): 0.122}
    row = s[(s["a"] == "d1") & (s["b"] == "d3")].iloc[0]
    # the 0.185 comes half from 'gaza' and half from 'on' (0.093 each)
    assert row["top_terms"] == "gaza (0.093); on (0.093)"
    assert list(s.columns) == ["a", "b", "cosine", "top_terms", "n_docs_a", "n_docs_b"]


def test_similarity_groups_average_documents(corpus_from_texts):
    c = corpus_from_texts(
        {"a": "Gaza talks resumed.", "b": "Gaza talks resumed.", "c": "Oil prices rose."},
        outlet={"a": "X", "b": "Y", "c": "Y"},
    )
    s = ct.similarity(c, by="outlet")
    assert len(s) == 1
    row = s.iloc[0]
    assert (row["a"], row["b"], row["n_docs_a"], row["n_docs_b"]) == ("X", "Y", 1, 2)
    # Y = mean of a unit vector identical to X and an orthogonal one -> cos = 1/sqrt(2)
    assert row["cosine"] == pytest.approx(1 / math.sqrt(2))


# ---------------------------------------------------------------- seeds
def test_seed_tables_have_evidence(seed_corpus):
    k = ct.keyness(seed_corpus, top_n=5)
    assert set(k["group"]) == set(seed_corpus.docs["outlet"])
    assert (k.groupby("group").size() <= 5).all()
    for ref in "; ".join(k["evidence"]).split("; "):
        doc, span = ref.rsplit(":", 1)
        s, e = (int(x) for x in span.split("-"))
        assert seed_corpus.text(doc)[s:e].strip()
    n = ct.numeric_claims(seed_corpus)
    for r in n.itertuples():
        assert seed_corpus.text(r.doc_id)[r.start : r.end] == r.text
    lab = ct.naming(seed_corpus)
    for r in lab.itertuples():
        assert seed_corpus.text(r.doc_id)[r.start : r.end] == r.label
    sim = ct.similarity(seed_corpus)
    assert len(sim) == len(seed_corpus) * (len(seed_corpus) - 1) // 2
    assert sim["cosine"].between(0, 1).all()


def test_counts_in_chunks_and_batches_equal_one_pass(seed_corpus, monkeypatch):
    import importlib

    counts_mod = importlib.import_module("corpus_tools.counts")
    freq_whole = ct.term_frequencies(seed_corpus)
    texts = seed_corpus.docs["text"].tolist()
    whole = counts_mod.count_texts(texts, seed_corpus.doc_ids)
    monkeypatch.setattr(counts_mod, "_CELL_CHUNK", 97)  # many term ranges per group-by
    monkeypatch.setattr(counts_mod, "_BATCH_CHARS", 500)  # many counting batches
    small = counts_mod.count_texts(texts, seed_corpus.doc_ids)
    assert (whole.matrix != small.matrix).nnz == 0
    assert whole.terms.tolist() == small.terms.tolist()
    small = small.with_groups(seed_corpus.docs["outlet"].tolist(), "outlet")
    pd.testing.assert_frame_equal(freq_whole, ct.term_frequencies(small))
