"""frames() at scale (session 40, issue 18): sentences read from the cached spans a batch of
documents at a time, the table built column by column in its dtypes; the same table as one
built from every row at once."""

from __future__ import annotations

import importlib

import pandas as pd
import pytest

import corpus_tools as ct

framing = importlib.import_module("corpus_tools.framing")  # ct.frames is the function
extract = importlib.import_module("corpus_tools.quotes.extract")  # ct.quotes is the function

TEXTS = [
    "Tensions rose. Both sides clashed over the veto.",
    "",
    "Rain fell on the city.",
    "The Defense Department warned of war. Clashes followed.\n\nTalks on the human cost.",
    "Protests grew. The economy shrank and jobs were lost.",
]


def _corpus() -> ct.Corpus:
    docs = pd.DataFrame(
        {
            "doc_id": [f"d{k}" for k in range(len(TEXTS))],
            "outlet": ["A", "B", None, "A", "B"],
            "text": TEXTS,
        }
    )
    return ct.Corpus(docs)


def test_doc_sentences_match_the_sentence_table(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extract, "_SENT_BATCH", 2)  # batches of two documents
    c = _corpus()
    st = c.sentences()
    got = list(extract.doc_sentences(c))
    assert [(d, t) for d, t, _ in got] == list(c)
    rows = [(d, *s) for d, _, sents in got for s in sents]
    assert rows == list(
        zip(st["doc_id"], st["sent_id"], st["para_id"], st["start"], st["end"], strict=True)
    )
    assert got[1][2] == []  # the empty document keeps its (empty) entry
    assert extract.sentences_by_doc(c)["d3"] == [(0, 0, 0, 37), (1, 0, 38, 55), (2, 1, 57, 81)]


def test_frames_in_row_batches_give_the_same_table(monkeypatch: pytest.MonkeyPatch) -> None:
    whole = ct.frames(_corpus())
    assert len(whole) == 10  # as before this session (checked with the previous frames())
    assert whole.dtypes.astype(str).tolist() == [
        "object",
        "int64",
        "object",
        "object",
        "int64",
        "int64",
    ]
    assert whole["cue"].tolist()[3:6] == ["veto*", "defense", "war"]  # d0's last, d3's first
    assert whole[["sent_id", "start", "end"]].iloc[8].tolist() == [2, 70, 80]  # 'human cost'
    monkeypatch.setattr(framing, "_ROWS_BATCH", 1)  # a column part after every document
    monkeypatch.setattr(extract, "_SENT_BATCH", 2)
    pd.testing.assert_frame_equal(ct.frames(_corpus()), whole, check_exact=True)


def test_frames_of_a_corpus_without_hits_keep_their_dtypes() -> None:
    c = ct.Corpus(pd.DataFrame({"doc_id": ["a", "b"], "text": ["Rain fell.", ""]}))
    f = ct.frames(c)
    assert f.empty
    assert f.columns.tolist() == framing.FRAME_COLUMNS
    assert f.dtypes.astype(str).tolist() == [
        "object",
        "int64",
        "object",
        "object",
        "int64",
        "int64",
    ]
