"""Tests for frequencies, keyness and similarity (counts.py, keyness.py, similarity.py): hand-made corpora with known answers, and the seeds."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from conftest import make_corpus

import corpus_tools as ct
from corpus_tools.errors import CorpusValueError

# ---------------------------------------------------------------- kwic
KWIC_TEXT = "Hamas attacked. Israel said Hamas would pay. The U.S. Foreign Ministry spoke."


@pytest.mark.parametrize(
    ("term", "window", "expected"),
    [
        (
            "hamas",
            2,
            [(0, 5, "", "Hamas", "attacked."), (28, 33, "Israel said", "Hamas", "would pay")],
        ),
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
        "doc_id",
        "sent_id",
        "token_id",
        "start",
        "end",
        "left",
        "match",
        "right",
        "term",
        "group",
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


# ------------------------------------------------------ numeric claims
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Gaza authorities say more than 3,500 Palestinians have been killed.",
            [
                (
                    "more than 3,500",
                    3500.0,
                    "more than",
                    "count",
                    "Palestinians",
                    "killed",
                    "Gaza authorities",
                )
            ],
        ),
        (
            "Some 200 people were wounded, according to the Health Ministry.",
            [("Some 200", 200.0, "some", "count", "people", "wounded", "the Health Ministry")],
        ),
        (
            "Roughly 1,500 people lost their lives in 2023.",
            [
                ("Roughly 1,500", 1500.0, "roughly", "count", "people", "killed", ""),
                ("2023", 2023.0, "", "year", "", "", ""),
            ],
        ),
        (
            "Prices rose 12% and the firm made $3.5 million.",
            [
                ("12%", 12.0, "", "percent", "", "", ""),
                ("$3.5 million", 3_500_000.0, "", "money", "", "", ""),
            ],
        ),
        (
            "At least two Russian citizens were killed on October 7.",
            [
                ("At least two", 2.0, "at least", "count", "Russian citizens", "killed", ""),
                ("7", 7.0, "", "date", "", "", ""),
            ],
        ),
        ("One of the envoys left; no one stayed.", []),
        (
            "An attack killed twenty-five soldiers.",
            [("twenty-five", 25.0, "", "count", "soldiers", "killed", "")],
        ),
    ],
)
def test_numeric_claims_table(text, expected):
    c = make_corpus({"a": text})
    n = ct.numeric_claims(c)
    cols = ["text", "quantity", "qualifier", "kind", "object", "event", "attribution"]
    assert list(n[cols].itertuples(index=False, name=None)) == expected
    for r in n.itertuples():
        assert text[r.start : r.end] == r.text


def test_numeric_claims_columns():
    n = ct.numeric_claims(make_corpus({"a": "Over 4,200 have been wounded."}))
    assert list(n.columns) == [
        "doc_id",
        "sent_id",
        "start",
        "end",
        "text",
        "quantity",
        "qualifier",
        "kind",
        "object",
        "event",
        "attribution",
        "sentence",
    ]
    assert n["sentence"].tolist() == ["Over 4,200 have been wounded."]
    assert ct.numeric_claims(make_corpus({"a": "In 2020 and 2023."}), kinds=["count"]).empty


def test_compare_numbers_flags_disagreement():
    c = make_corpus(
        {
            "a": "More than 3,500 Palestinians have been killed. Over 12,000 were wounded.",
            "b": "Some 3,400 Palestinians were killed. Over 12,000 were wounded.",
            "c": "Over 12,000 were wounded and 4,200 were wounded in Israel.",
        },
        outlet={"a": "X", "b": "Y", "c": "Z"},
    )
    cmp = ct.compare_numbers(ct.numeric_claims(c), c)
    got = {
        (k, g): (v, d)
        for k, g, v, d in zip(
            cmp["key"], cmp["group"], cmp["values"], cmp["disagree"], strict=False
        )
    }
    assert got == {
        ("wounded", "X"): ("Over 12,000", False),
        ("wounded", "Y"): ("Over 12,000", False),
        ("wounded", "Z"): ("Over 12,000; 4,200", False),
        ("killed palestinians", "X"): ("More than 3,500", True),
        ("killed palestinians", "Y"): ("Some 3,400", True),
    }
    assert cmp["key"].tolist()[:3] == ["wounded"] * 3  # most groups first
    with pytest.raises(CorpusValueError, match="pass the corpus"):
        ct.compare_numbers(ct.numeric_claims(c))


# --------------------------------------------------------------- naming
def test_naming_literal_aliases():
    text = (
        "Militants from the radical Palestinian movement Hamas attacked. "
        "Hamas, the Islamist group, said Hamas fighters would return. Hamas said no."
    )
    c = make_corpus({"a": text}, outlet={"a": "X"})
    n = ct.naming(c, {"Hamas": ["Hamas"]})
    got = list(n[["label", "label_type"]].itertuples(index=False, name=None))
    assert got == [
        ("radical Palestinian movement", "premodifier"),
        ("Islamist group", "appositive"),
        ("fighters", "compound"),
    ]
    for r in n.itertuples():
        assert text[r.start : r.end] == r.label
        assert text[r.mention_start : r.mention_end] == "Hamas"
    assert set(n["group"]) == {"X"}


def test_naming_uses_actor_mentions_and_titles():
    text = "Deputy Foreign Minister Mikhail Bogdanov met the Palestinian group Hamas."
    c = make_corpus({"a": text}, outlet={"a": "X"})
    n = ct.naming(c, ["Mikhail Bogdanov", "Hamas"])
    got = {(a, lab, t) for a, lab, t in zip(n["actor"], n["label"], n["label_type"], strict=False)}
    assert ("Mikhail Bogdanov", "Deputy Foreign Minister", "title") in got
    assert ("Hamas", "Palestinian group", "premodifier") in got
    with pytest.raises(CorpusValueError):
        ct.naming(c, "Hamas")


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
    monkeypatch.setattr(counts_mod, "_BATCH", 2)  # many counting batches
    small = counts_mod.count_texts(texts, seed_corpus.doc_ids)
    assert (whole.matrix != small.matrix).nnz == 0
    assert whole.terms.tolist() == small.terms.tolist()
    small = small.with_groups(seed_corpus.docs["outlet"].tolist(), "outlet")
    pd.testing.assert_frame_equal(freq_whole, ct.term_frequencies(small))
