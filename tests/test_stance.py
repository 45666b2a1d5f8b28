"""Tests for hedges, sentiment and triples (and cue_rates; quotes themselves: test_quotes.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import corpus_tools as ct

QDATA = Path(__file__).resolve().parent / "data" / "quotes"


# ---------------------------------------------------------------------------
# reporting verbs and hedges
# ---------------------------------------------------------------------------
def test_cue_rates_by_outlet(corpus_from_texts):
    c = corpus_from_texts(
        {
            "a": "Russia said talks failed. Israel claimed that the hospital was used.",
            "b": "China stressed that it opposes attacks.",
        },
        outlet={"a": "X", "b": "Y"},
    )
    r = ct.cue_rates(ct.quotes(c), c, by="outlet")
    assert r[["group", "cue_class", "count", "n_quotes", "share"]].values.tolist() == [
        ["X", "distancing", 1, 2, 0.5],
        ["X", "neutral", 1, 2, 0.5],
        ["Y", "assertive", 1, 1, 1.0],
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks may resume in May.", [("may", "hedge", False)]),
        (
            "It clearly failed, officials reportedly said.",
            [("clearly", "booster", False), ("reportedly", "evidential", False)],
        ),
        ('He said "it might work".', [("might", "hedge", True)]),
        ("On May 5 the truce began.", []),
        ("According to Qatar, talks will go on.", [("according to", "evidential", False)]),
    ],
)
def test_hedges(corpus_from_texts, text, expected):
    h = ct.hedges(corpus_from_texts({"a": text}))
    assert list(zip(h["term"], h["hedge_class"], h["inside_quote"], strict=False)) == expected
    for r in h.itertuples():
        assert text[r.start : r.end].lower() == r.term


def test_hedge_rates(corpus_from_texts):
    c = corpus_from_texts({"a": "It may rain. It might not."}, outlet={"a": "X"})
    r = ct.hedge_rates(ct.hedges(c), c)
    row = r[(r["hedge_class"] == "hedge") & (r["voice"] == "outlet")].iloc[0]
    assert (row["count"], row["n_words"], row["rate_per_1000"]) == (2, 6, 333.333)
    assert len(r) == 3 * 2


# ---------------------------------------------------------------------------
# VADER, bootstrap, target sentiment, triples (docs/methods.md, section "Tone toward actors, and stance")
# ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "compound"),
    [
        ("Russia and China called for an end to the violence and the release of hostages.", -0.62),
        ("Moscow blamed Washington for the crisis.", -0.80),
        ("Hamas staged a surprise attack that killed 1,400 people.", -0.76),
        ("China is ready to play a constructive role and defend international justice.", 0.81),
        ("Beijing denounced the US rejection of the resolution.", -0.54),
    ],
)
def test_vader_methods_examples(sentence, compound):
    assert round(ct.vader_scores(sentence)[0], 2) == compound


def test_cluster_bootstrap_worked_example():
    m, lo, hi = ct.cluster_bootstrap(
        [[-0.59], [-0.76], [0.81], [0.0], [-0.67]], n_boot=10_000, seed=np.random.default_rng(42)
    )
    assert (round(m, 3), round(lo, 2), round(hi, 2)) == (-0.242, -0.69, 0.33)


def test_cluster_bootstrap_one_group_and_determinism():
    assert ct.cluster_bootstrap([[0.5, 0.1]]) == (pytest.approx(0.3), None, None)
    a = ct.cluster_bootstrap([[0.1], [0.5, -0.2], [0.3]], seed=7)
    assert a == ct.cluster_bootstrap([[0.1], [0.5, -0.2], [0.3]], seed=7)


def test_target_sentiment_tables(corpus_from_texts):
    c = corpus_from_texts(
        {
            "a": "Hamas staged a surprise attack that killed 1,400 people. Talks went on.",
            "b": "Israel praised the talks. Hamas welcomed a good deal.",
            "c": "Hamas said nothing.",
        },
        outlet={"a": "X", "b": "X", "c": "Y"},
    )
    with pytest.warns(ct.CorpusToolsWarning):
        res = ct.target_sentiment(c, ["Hamas"], n_boot=200, seed=1)
    s = res.sentences
    assert s[["doc_id", "sent_id", "target", "n"]].values.tolist() == [
        ["a", 0, "Hamas", 1],
        ["b", 1, "Hamas", 1],
        ["c", 0, "Hamas", 1],
    ]
    texts = dict(iter(c))
    for r in s.itertuples():
        assert texts[r.doc_id][r.start : r.end] == r.evidence
        assert texts[r.doc_id][r.mention_start : r.mention_end] == "Hamas"
    summ = res.summary.set_index("group")
    assert summ.loc["Y", "interval"] == "one article: no interval"
    assert pd.isna(summ.loc["Y", "ci_low"])
    assert summ.loc["X", "n_docs"] == 2 and summ.loc["X", "n_sentences"] == 2
    assert summ.loc["X", "ci_low"] <= summ.loc["X", "mean_compound"] <= summ.loc["X", "ci_high"]
    assert summ.loc["X", "n_boot"] == 200 and summ.loc["X", "seed"] == 1


def test_stance_triples_blame(corpus_from_texts):
    c = corpus_from_texts({"a": "Moscow blamed Washington for the crisis."})
    t = ct.stance_triples(c)
    assert t[["holder", "target", "polarity", "cue"]].values.tolist() == [
        ["Russia", "United States", "against", "blamed"]
    ]


def test_stance_triples_from_quote(corpus_from_texts):
    c = corpus_from_texts(
        {
            "a": "China praised Qatar for its mediation. Zhai Jun said that Israel must stop the attacks."
        }
    )
    t = ct.stance_triples(c)
    got = t[["holder", "target", "polarity"]].values.tolist()
    assert ["China", "Qatar", "favour"] in got
    assert ["Zhai Jun", "Israel", "against"] in got


def test_stance_triples_basis_and_offsets(seed_corpus):
    t = ct.stance_triples(seed_corpus)
    assert list(t.columns) == ct.TRIPLE_COLUMNS
    assert set(t["basis"]) <= {"cue", "tone"}
    texts = dict(iter(seed_corpus))
    for r in t.itertuples():
        assert texts[r.doc_id][r.start : r.end] == r.evidence
        assert r.holder != r.target
    cue_rows = t[t["basis"] == "cue"][["holder", "cue", "target", "polarity"]].values.tolist()
    assert ["China", "denounced", "United States", "against"] in cue_rows


def test_stance_triples_skip_unresolved_speakers(corpus_from_texts):
    c = corpus_from_texts({"a": "Officials said Israel was to blame for the attack on Iran."})
    q = ct.quotes(c)
    assert q["speaker_resolved"].tolist() == [False]
    assert ct.stance_triples(c, quotes_table=q).empty
