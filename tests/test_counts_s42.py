"""term_frequencies: a clear error above MAX_TABLE_ROWS rows, pointing to doc_term_counts.

100,000 long articles by document are 34.4 M rows (table 2.1 GB, peak 3.5 GB); Arrow strings
and int32 counts only brought the table to 1.94 GB, not the peak, so the table keeps its
documented dtypes and a table above the cap is refused before it is built.
"""

from __future__ import annotations

import importlib

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.errors import CorpusValueError

counts_mod = importlib.import_module("corpus_tools.counts")


def test_row_cap_is_fifteen_million() -> None:
    assert counts_mod.MAX_TABLE_ROWS == 15_000_000


def test_by_doc_id_above_the_cap_raises_before_the_cells(seed_corpus, monkeypatch) -> None:
    full = ct.term_frequencies(seed_corpus, by="doc_id")
    monkeypatch.setattr(counts_mod, "MAX_TABLE_ROWS", len(full) - 1)
    made = []
    real = counts_mod._freq_cells
    monkeypatch.setattr(counts_mod, "_freq_cells", lambda *a, **k: made.append(1) or real(*a, **k))
    with pytest.raises(CorpusValueError) as err:
        ct.term_frequencies(seed_corpus, by="doc_id")
    msg = str(err.value)
    assert f"would return {len(full):,} rows" in msg
    assert "ct.doc_term_counts(corpus, by='doc_id')" in msg
    assert f"more than {len(full) - 1:,}" in msg
    assert made == []  # refused from the matrix's entries, before any cell was made


def test_at_the_cap_the_table_is_unchanged(seed_corpus, monkeypatch) -> None:
    full = ct.term_frequencies(seed_corpus, by="doc_id", min_count=2)
    monkeypatch.setattr(counts_mod, "MAX_TABLE_ROWS", len(full))
    pd.testing.assert_frame_equal(
        ct.term_frequencies(seed_corpus, by="doc_id", min_count=2), full, check_exact=True
    )
    monkeypatch.setattr(counts_mod, "MAX_TABLE_ROWS", len(full) - 1)
    with pytest.raises(CorpusValueError, match=f"would return {len(full):,} rows"):
        ct.term_frequencies(seed_corpus, by="doc_id", min_count=2)


@pytest.mark.parametrize(
    "kwargs",
    [{"by": "outlet"}, {"by": "doc_id", "stopwords": False}, {"by": "outlet", "min_count": 3}],
)
def test_grouped_and_stopword_tables_are_counted_exactly(seed_corpus, monkeypatch, kwargs) -> None:
    full = ct.term_frequencies(seed_corpus, **kwargs)
    monkeypatch.setattr(counts_mod, "MAX_TABLE_ROWS", len(full))
    pd.testing.assert_frame_equal(ct.term_frequencies(seed_corpus, **kwargs), full)
    monkeypatch.setattr(counts_mod, "MAX_TABLE_ROWS", len(full) - 1)
    with pytest.raises(CorpusValueError, match=f"would return {len(full):,} rows"):
        ct.term_frequencies(seed_corpus, **kwargs)


def test_term_table_of_the_counts_builds_any_size(seed_corpus, monkeypatch) -> None:
    full = ct.term_frequencies(seed_corpus, by="doc_id")
    monkeypatch.setattr(counts_mod, "MAX_TABLE_ROWS", 1)
    counts = ct.doc_term_counts(seed_corpus, "doc_id")
    pd.testing.assert_frame_equal(counts.term_table(), full, check_exact=True)
    pd.testing.assert_frame_equal(ct.term_frequencies(counts), full, check_exact=True)
