"""Tests for kwic (kwic.py): hand-made corpora with known answers."""

from __future__ import annotations

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
        "joined",
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


def test_kwic_capitals_query_any_case_with_case_false():
    # an all-capitals query is an acronym and matches as written (QA S22-H8-7); case=False
    # gives the old case-insensitive search
    c = make_corpus({"a": KWIC_TEXT})
    out = ct.kwic(c, "HAMAS", window=0, case=False)
    got = list(out[["start", "end", "left", "match", "right"]].itertuples(index=False, name=None))
    assert got == [(0, 5, "", "Hamas", ""), (28, 33, "", "Hamas", "")]
