"""Session 32: similarity's group means without a float copy of the whole matrix, and the
counts made for one call consumed by tfidf; every number as before, to the last bit."""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp

import corpus_tools as ct
from corpus_tools.languages import counts_for

sim = sys.modules["corpus_tools.similarity"]

TEXTS = [
    "Russia and China coordinate on Gaza ceasefire talks in Doha.",
    "Ceasefire talks in Doha resume as Russia presses China.",
    "Hamas attack on Israel from Gaza; talks stall in Doha.",
    "Israel strikes Gaza again while talks in Cairo stall.",
    "China urges restraint on Gaza; Russia backs the call.",
    "Doha and Cairo host ceasefire talks on Gaza hostages.",
    "The talks in Cairo ended without a deal on the hostages.",
]


def _corpus() -> ct.Corpus:
    return ct.Corpus(
        pd.DataFrame(
            {
                "doc_id": [f"d{i}" for i in range(len(TEXTS))],
                "outlet": ["A", "B", "C", "A", "B", "C", "A"],
                "text": TEXTS,
            }
        )
    )


def _product_means(counts: ct.DocTermCounts, sublinear: bool) -> sp.csr_matrix:
    """The group means as the product ``averages @ tfidf`` (the code before session 32)."""
    x = sim.tfidf(counts, sublinear)
    codes, labels = counts.group_codes()
    n_docs = np.bincount(codes, minlength=len(labels)).astype("int64")
    n = len(codes)
    avg = sp.csr_matrix((1.0 / n_docs[codes], (codes, np.arange(n))), shape=(len(labels), n))
    mat = sp.csr_matrix(avg @ x)
    norms = np.sqrt(np.asarray(mat.multiply(mat).sum(axis=1)).ravel())
    return sp.csr_matrix(sp.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ mat)


@pytest.mark.parametrize("block", [1 << 22, 5, 1])
@pytest.mark.parametrize("sublinear", [False, True])
@pytest.mark.parametrize("stopwords", [False, True])
def test_group_rows_equal_the_product_bit_for_bit(
    block: int, sublinear: bool, stopwords: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    counts, _ = counts_for(_corpus(), "outlet", stopwords=stopwords, language=None)
    want = _product_means(counts, sublinear)
    monkeypatch.setattr(sim, "_BLOCK", block)
    got = sim._group_items(counts, sublinear)
    assert got.labels == ["A", "B", "C"]
    assert got.n_docs.tolist() == [3, 2, 2]
    # same values in the same stored order: norms and products after are summed alike
    for part in ("data", "indices", "indptr"):
        assert np.array_equal(getattr(got.mat, part), getattr(want, part)), part


def test_row_runs_bound_entries_and_keep_every_row(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sim, "_BLOCK", 7)
    indptr = np.array([0, 3, 5, 9, 10])
    runs = list(sim._row_runs(np.array([0, 2, 3, 1]), indptr))
    assert [r.tolist() for r in runs] == [[0, 2], [3, 1]]  # 3 + 4 entries, then 1 + 2


def test_row_runs_one_long_row_is_a_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sim, "_BLOCK", 2)
    runs = list(sim._row_runs(np.array([0, 1]), np.array([0, 5, 6])))
    assert [r.tolist() for r in runs] == [[0], [1]]


def test_consumed_counts_leave_the_kept_counts_intact() -> None:
    c = _corpus()
    kept = ct.doc_term_counts(c, "doc_id")
    before = kept.matrix.copy()
    first = ct.similarity(c)  # stopwords left out: counts made for the call, consumed
    assert np.array_equal(kept.matrix.toarray(), before.toarray())
    again = ct.similarity(c)
    pd.testing.assert_frame_equal(first, again)
    keep_all = ct.similarity(c, stopwords=True)  # the kept counts themselves: not consumed
    assert np.array_equal(kept.matrix.toarray(), before.toarray())
    assert len(keep_all) == 21


def test_consume_gives_the_same_rows_as_a_copy() -> None:
    counts, _ = counts_for(_corpus(), "doc_id", stopwords=False, language=None)
    want = sim.tfidf(counts)
    mine, _ = counts_for(_corpus(), "doc_id", stopwords=False, language=None)
    got = sim.tfidf(mine, consume=True)
    for part in ("data", "indices", "indptr"):
        assert np.array_equal(getattr(got, part), getattr(want, part)), part
    assert len(mine.matrix.data) == 0  # released


def test_made_for_call_only_for_derived_counts() -> None:
    c = _corpus()
    derived, _ = counts_for(c, "outlet", stopwords=False, language=None)
    shared, _ = counts_for(c, "outlet", stopwords=True, language=None)
    assert sim._made_for_call(c, "outlet", derived)
    assert not sim._made_for_call(c, "outlet", shared)
    given = ct.doc_term_counts(c, "outlet", stopwords=False)
    assert not sim._made_for_call(given, "outlet", given)


def test_group_similarity_table_unchanged_by_run_size(monkeypatch: pytest.MonkeyPatch) -> None:
    c = _corpus()
    want = ct.similarity(c, by="outlet")
    monkeypatch.setattr(sim, "_BLOCK", 3)
    got = ct.similarity(_corpus(), by="outlet")
    pd.testing.assert_frame_equal(got, want)
    assert len(want) == 3  # every pair of the three outlets
