"""quotes() at scale (session 40, issue 18): rows become a table every _ROWS_BATCH rows (not a
dict per quote for the whole corpus); the same table, dtypes and attrs, whatever the batch."""

from __future__ import annotations

import importlib
import warnings

import pandas as pd

import corpus_tools as ct

extract = importlib.import_module("corpus_tools.quotes.extract")  # ct.quotes is the function

TEXTS = [
    "“We will act,” the minister said. Russia said talks had failed.",
    "No quote here.",
    "",
    "“It is over,” said Anna Berg, a spokeswoman. The mayor said the road would reopen.",
]


def test_quotes_in_row_batches_give_the_same_table(monkeypatch) -> None:
    c = ct.Corpus(pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "text": TEXTS}))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ct.CorpusToolsWarning)
        whole = ct.quotes(c)
        monkeypatch.setattr(extract, "_ROWS_BATCH", 1)  # a table after every document's rows
        parts = ct.quotes(c)
    assert whole["doc_id"].tolist() == ["a", "a", "d", "d"]
    assert whole["speaker"].tolist()[:2] == ["the minister", "Russia"]
    pd.testing.assert_frame_equal(parts, whole, check_exact=True)
    assert parts.attrs == whole.attrs


def test_quotes_of_a_corpus_without_quotes_keep_their_columns(monkeypatch) -> None:
    monkeypatch.setattr(extract, "_ROWS_BATCH", 1)
    c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["No quote here."]}))
    q = ct.quotes(c)
    assert q.empty and q.columns.tolist() == extract.QUOTE_COLUMNS
    assert (q["sent_id"].dtype, q["speaker_start"].dtype) == ("int64", "Int64")
