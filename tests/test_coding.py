"""Tests for corpus_tools.coding: train_coder, Coder.apply/evaluate, load_codes, describe_*."""

from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import precision_recall_fscore_support

import corpus_tools as ct
from corpus_tools.errors import CorpusToolsWarning, CorpusValueError, DataFileError

BBC = Path(__file__).parent / "data" / "real" / "bbc"


def _quiet(fn, *args, **kwargs):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CorpusToolsWarning)
        return fn(*args, **kwargs)


@pytest.fixture(scope="module")
def seed_codes() -> pd.DataFrame:
    return ct.load_codes()


@pytest.fixture(scope="module")
def seed_coder(seed_codes):
    return ct.train_coder(seed_codes)


@pytest.fixture(scope="module")
def bbc() -> pd.DataFrame:
    rows = []
    for d in sorted(BBC.iterdir()):
        for f in sorted(d.glob("*.txt")):
            rows.append(
                {"doc_id": f"{d.name}/{f.name}", "label": d.name, "text": f.read_text("utf-8")}
            )
    return pd.DataFrame(rows)


# ------------------------------------------------------------- shipped codes
def test_shipped_codes_match_the_seed_sentences(seed_codes):
    """The hand codes are one row per seed sentence, with the sentence's exact text."""
    assert list(seed_codes.columns) == ["doc_id", "sent_id", "label", "note", "text"]
    assert seed_codes["label"].value_counts().to_dict() == {"no conflict": 45, "conflict": 21}
    sents = ct.load_corpus(Path(__file__).parents[1] / "seeds").sentences()
    merged = seed_codes.merge(sents, on=["doc_id", "sent_id"], suffixes=("", "_corpus"))
    assert len(merged) == len(sents) == 66
    assert (merged["text"] == merged["text_corpus"]).all()
    # every disputed decision is explained
    disputed = seed_codes[seed_codes["note"].fillna("").str.startswith("disputed")]
    assert len(disputed) == 16


def test_load_codes_errors(tmp_path):
    with pytest.raises(DataFileError, match="no such file"):
        ct.load_codes(tmp_path / "missing.csv")
    p = tmp_path / "codes.csv"
    p.write_text("# my codes\ntext,code\nA sentence.,1\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="no column 'label'"):
        ct.load_codes(p)
    assert ct.load_codes(p, label="code")["code"].tolist() == ["1"]
    p.write_text("text,label\nA sentence.,yes\n,no\nB.,\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="data rows 3 have no code"):
        ct.load_codes(p)
    p.write_text("sentence,label\nA.,yes\n,no\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="data rows 2 have no text in 'sentence'"):
        ct.load_codes(p)


# ------------------------------------------------------------- train_coder
def test_seed_coder_scores_pinned(seed_coder):
    """Leave-one-article-out (5 articles, 5 folds) on the 66 hand-coded seed sentences."""
    assert seed_coder.classes == ["conflict", "no conflict"]
    assert seed_coder.k == 5 and seed_coder.group == "doc_id"
    s = seed_coder.scores.set_index("label")
    assert s.loc["conflict", ["n_codes", "precision", "recall", "f1"]].tolist() == [
        21,
        0.684,
        0.619,
        0.65,
    ]
    assert s.loc["(macro average)", "f1"] == 0.749
    assert s.loc["(macro average)", "f1_low"] < 0.749 < s.loc["(macro average)", "f1_high"]
    assert seed_coder.confusion.to_numpy().tolist() == [[13, 8], [6, 39]]
    assert seed_coder.warnings == []  # 21 and 45 codes: not below 20 per class


def test_scores_agree_with_sklearn_on_the_out_of_fold_predictions(seed_coder):
    p = seed_coder.predictions
    prec, rec, f1, support = precision_recall_fscore_support(
        p["coded"], p["predicted"], labels=seed_coder.classes, zero_division=0
    )
    s = seed_coder.scores.iloc[:-1]
    assert np.allclose(s["precision"], np.round(prec, 3))
    assert np.allclose(s["recall"], np.round(rec, 3))
    assert np.allclose(s["f1"], np.round(f1, 3))
    assert s["n_codes"].tolist() == support.tolist()
    assert seed_coder.scores.iloc[-1]["f1"] == round(float(f1.mean()), 3)
    assert int(seed_coder.confusion.to_numpy().sum()) == len(p) == 66
    assert (p["correct"] == (p["coded"] == p["predicted"])).all()


def test_folds_hold_out_whole_documents(seed_codes, seed_coder):
    p = seed_coder.predictions.assign(doc_id=seed_codes["doc_id"].to_numpy())
    assert (p.groupby("doc_id")["fold"].nunique() == 1).all()
    independent = _quiet(ct.train_coder, seed_codes, group=None, learning_curve=False)
    assert independent.group is None
    q = independent.predictions.assign(doc_id=seed_codes["doc_id"].to_numpy())
    assert (q.groupby("doc_id")["fold"].nunique() > 1).any()
    # splitting sentences of one article across folds flatters the score
    assert independent.scores.iloc[-1]["f1"] == 0.795 > seed_coder.scores.iloc[-1]["f1"]


def test_top_words_and_learning_curve(seed_coder):
    tw = seed_coder.top_words
    assert list(tw.columns) == ["label", "rank", "term", "weight", "n_codes"]
    assert (tw["weight"] > 0).all()
    assert tw.groupby("label")["rank"].max().tolist() == [10, 10]
    top = tw[tw["rank"] == 1].set_index("label")["term"].to_dict()
    # 66 codes teach words that co-occur with the code, not the frame: "has" leads conflict
    assert top == {"conflict": "has", "no conflict": "said"}
    assert "against" in tw[tw["label"] == "conflict"]["term"].tolist()
    lc = seed_coder.learning_curve
    assert list(lc.columns) == ["n_per_class", "n_codes", "macro_f1", "f1_min", "f1_max", "folds"]
    assert lc["n_per_class"].iloc[:-1].tolist() == [2, 5, 10]
    assert pd.isna(lc["n_per_class"].iloc[-1])
    assert lc["n_codes"].is_monotonic_increasing
    assert ((lc["f1_min"] <= lc["macro_f1"]) & (lc["macro_f1"] <= lc["f1_max"])).all()


def test_small_classes_warn_and_widen_intervals(bbc):
    """20 real BBC articles, 4 per topic: the coder says its scores are rough."""
    with pytest.warns(CorpusToolsWarning, match="fewer than 20 codes in a class"):
        coder = ct.train_coder(bbc, unit="document", k=4)
    assert coder.k == 4
    macro = coder.scores.iloc[-1]
    assert macro["f1"] == 0.644
    assert macro["f1_high"] - macro["f1_low"] > 0.3
    assert np.diag(coder.confusion.to_numpy()).sum() == 13
    assert "Rough: fewer than 20 codes in a class." in ct.describe_coder(coder)


def test_k_is_lowered_to_the_smallest_class():
    coded = pd.DataFrame(
        {
            "text": ["war clash", "clash fight", "peace talks", "calm talks", "calm day", "talks"],
            "label": ["c", "c", "o", "o", "o", "o"],
        }
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        coder = ct.train_coder(coded, k=5, learning_curve=False)
    messages = [str(w.message) for w in caught if w.category is CorpusToolsWarning]
    assert len(messages) == 2 and "so 2 folds were used" in messages[0]
    assert coder.k == 2 and coder.warnings == messages


def test_deterministic(seed_codes, seed_coder):
    again = ct.train_coder(seed_codes)
    pd.testing.assert_frame_equal(again.scores, seed_coder.scores)
    pd.testing.assert_frame_equal(again.learning_curve, seed_coder.learning_curve)
    pd.testing.assert_frame_equal(again.predictions, seed_coder.predictions)


@pytest.mark.parametrize(
    ("table", "kwargs", "message"),
    [
        (pd.DataFrame({"text": ["a", "b"]}), {}, "no column 'label'"),
        (pd.DataFrame({"body": ["a"], "label": [1]}), {}, "no 'text' or 'sentence' column"),
        (pd.DataFrame({"text": ["a", "b", "c"], "label": ["x", None, "y"]}), {}, "rows 1 "),
        (pd.DataFrame({"text": ["a", " ", "c"], "label": ["x", "y", "y"]}), {}, "no text"),
        (pd.DataFrame({"text": ["a", "b"], "label": ["x", "x"]}), {}, "one code only"),
        (pd.DataFrame({"text": ["a", "b", "c"], "label": ["x", "y", "y"]}), {}, "used only once"),
        (pd.DataFrame({"text": ["a", "b"], "label": ["x", "y"]}), {"unit": "word"}, "unit="),
    ],
)
def test_bad_input_named(table, kwargs, message):
    with pytest.raises(CorpusValueError, match=message):
        ct.train_coder(table, **kwargs)


# ------------------------------------------------------------- apply / evaluate
def test_apply_to_corpus_sentences_with_offsets_and_evidence(seed_coder):
    corpus = ct.load_corpus(Path(__file__).parents[1] / "seeds")
    out = seed_coder.apply(corpus)
    assert list(out.columns) == [
        "doc_id",
        "sent_id",
        "start",
        "end",
        "label",
        "probability",
        "words",
        "text",
    ]
    assert len(out) == 66
    texts = dict(iter(corpus))
    assert all(texts[d][s:e] == t for d, s, e, t in out[["doc_id", "start", "end", "text"]].values)
    assert out["probability"].between(0.5, 1.0).all()  # two codes: the winner has >= 0.5
    for words, text in out[["words", "text"]].values:
        for item in filter(None, words.split("; ")):
            term, weight = item.rsplit(" (", 1)
            assert term in text.lower()
            assert float(weight.rstrip(")")) > 0
    assert out["label"].value_counts().to_dict() == {"no conflict": 45, "conflict": 21}


def test_apply_documents_points_to_an_evidence_sentence(bbc):
    coder = _quiet(ct.train_coder, bbc, unit="document", k=4, learning_curve=False)
    corpus = ct.Corpus(bbc[["doc_id", "text"]])
    out = coder.apply(corpus)
    assert len(out) == 20 and out["doc_id"].tolist() == corpus.doc_ids
    texts = dict(iter(corpus))
    assert all(texts[d][s:e] == t for d, s, e, t in out[["doc_id", "start", "end", "text"]].values)
    # trained on these very articles: in-sample, every article gets its own label back
    assert (out["label"].to_numpy() == bbc["label"].to_numpy()).all()


def test_apply_table_and_empty(seed_coder):
    t = pd.DataFrame({"doc_id": ["x"], "sentence": ["Moscow blamed Washington for the crisis."]})
    out = seed_coder.apply(t)
    assert list(out.columns) == ["doc_id", "label", "probability", "words", "text"]
    empty = seed_coder.apply(pd.DataFrame({"text": pd.Series(dtype=object)}))
    assert list(empty.columns) == ["label", "probability", "words", "text"] and empty.empty
    with pytest.raises(CorpusValueError, match="Corpus or a DataFrame"):
        seed_coder.apply(["a sentence"])


def test_evaluate_on_held_out_codes(seed_codes):
    train = seed_codes[seed_codes["doc_id"] != seed_codes["doc_id"].iloc[-1]]
    test = seed_codes[seed_codes["doc_id"] == seed_codes["doc_id"].iloc[-1]]
    coder = _quiet(ct.train_coder, train, learning_curve=False)
    ev = coder.evaluate(test)
    assert int(ev.confusion.to_numpy().sum()) == len(test) == 14
    pred = coder.apply(test)["label"]
    assert ev.scores.iloc[-1]["n_codes"] == 14
    acc = float((pred.to_numpy() == test["label"].to_numpy()).mean())
    assert np.trace(ev.confusion.to_numpy()) / 14 == pytest.approx(acc)
    with pytest.raises(CorpusValueError, match="never saw"):
        coder.evaluate(test.assign(label="other"))


# ------------------------------------------------------------- describe
def test_describe_agreement_worked_examples():
    c1 = [1, 1, 0, 0, 0, 0, 0, 0, 0, 1]
    c2 = [1, 0, 0, 0, 0, 0, 0, 0, 1, 1]
    assert ct.describe_agreement(c1, c2) == (
        "coder 1 and coder 2 agree on 8 of 10 units (80 %); Krippendorff's alpha = 0.548, "
        "below .667: do not rely on these codes."
    )
    assert "alpha = 1.000, at or above .800" in ct.describe_agreement(c1, c1)
    assert "undefined" in ct.describe_agreement([0, 0], [0, 0])
    with pytest.raises(CorpusValueError, match="different lengths"):
        ct.describe_agreement([1], [1, 0])


def test_describe_coder_reads_the_tables(seed_coder):
    text = ct.describe_coder(seed_coder)
    assert text.startswith("Trained on 66 coded sentences (conflict: 21, no conflict: 45); 5-fold")
    assert "macro-F1 0.749" in text and "worst: conflict (F1 0.650)" in text
    assert "Rough" not in text
