"""most_negative: notebook 03's 'most negative sentences' shows negative sentences only."""

from __future__ import annotations

import pytest
from conftest import make_corpus

import corpus_tools as ct
from corpus_tools.errors import CorpusValueError


def _tone() -> ct.TargetSentiment:
    texts = {
        "a": "France signed the treaty on Monday. France hosted the meeting in Paris.",
        "b": "Officials said France was attacked and many people were killed in the violence.",
        "c": "France opened a new railway line. The line runs from Lyon.",
    }
    c = make_corpus(texts, outlet={"a": "X", "b": "Y", "c": "Z"})
    return ct.target_sentiment(c, ["France"], n_boot=20, seed=1)


def test_most_negative_keeps_only_negative_rows() -> None:
    s = _tone().sentences
    # four rows mention France; only b's is negative, the others score 0.000
    assert s["compound"].tolist() == [0.0, 0.0, -0.9118, 0.0]
    neg = ct.most_negative(s, k=5)
    assert neg[["doc_id", "compound"]].values.tolist() == [["b", -0.9118]]
    assert ct.describe_most_negative(neg) == (
        "Only 1 of 4 sentence-target rows is negative (compound -0.05 or lower); it is shown."
    )
    # before: sorting by compound and taking five listed b and then three 0.000 rows
    old = s.sort_values(["compound", "doc_id", "sent_id", "target"], kind="mergesort").head(5)
    assert old["compound"].tolist() == [-0.9118, 0.0, 0.0, 0.0]


def test_most_negative_with_more_negative_rows_than_k_and_none() -> None:
    s = _tone().sentences
    many = s.assign(compound=[-0.2, -0.5, -0.9, -0.1], label="neg")
    neg = ct.most_negative(many, k=2)
    assert neg["compound"].tolist() == [-0.9, -0.5]
    assert ct.describe_most_negative(neg) == (
        "The 2 most negative of 4 negative sentence-target rows (compound -0.05 or lower; 4 rows "
        "in all)."
    )
    none = ct.most_negative(s.assign(compound=0.0, label="neu"))
    assert none.empty
    assert ct.describe_most_negative(none) == (
        "No sentence-target row is negative (compound -0.05 or lower): there is nothing to show."
    )
    with pytest.raises(CorpusValueError, match="k"):
        ct.most_negative(s, k=0)
