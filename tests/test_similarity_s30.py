"""Session 30: similarity's pair products are taken in runs bounded by entries, not pairs."""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd
import pytest

import corpus_tools as ct

sim = sys.modules["corpus_tools.similarity"]

TEXTS = [
    "Russia and China coordinate on Gaza ceasefire talks in Doha.",
    "Ceasefire talks in Doha resume as Russia presses China.",
    "Hamas attack on Israel from Gaza; talks stall in Doha.",
    "Israel strikes Gaza again while talks in Cairo stall.",
    "China urges restraint on Gaza; Russia backs the call.",
    "Doha and Cairo host ceasefire talks on Gaza hostages.",
]


def _corpus() -> ct.Corpus:
    return ct.Corpus(
        pd.DataFrame(
            {
                "doc_id": [f"d{i}" for i in range(len(TEXTS))],
                "outlet": ["A", "B", "C", "A", "B", "C"],
                "text": TEXTS,
            }
        )
    )


def test_pair_chunks_bounded_by_entries() -> None:
    pairs = [(0, 1), (0, 2), (1, 2), (2, 3)]
    nnz = np.array([3, 4, 5, 6])
    old = sim._BLOCK
    try:
        sim._BLOCK = 10
        runs = list(sim._pair_chunks(pairs, nnz))
    finally:
        sim._BLOCK = old
    # 3+4 = 7 fits, +3+5 = 15 does not; a pair over the bound alone is a run of its own
    assert runs == [[(0, 1)], [(0, 2)], [(1, 2)], [(2, 3)]]
    assert list(sim._pair_chunks(pairs, nnz)) == [pairs]
    assert list(sim._pair_chunks([], nnz)) == []


@pytest.mark.parametrize("by", ["doc_id", "outlet"])
def test_small_runs_same_table(by: str, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = ct.similarity(_corpus(), by=by, stopwords=True)
    monkeypatch.setattr(sim, "_BLOCK", 4)
    runs = ct.similarity(_corpus(), by=by, stopwords=True)
    pd.testing.assert_frame_equal(whole, runs, check_exact=True)
    assert whole.attrs == runs.attrs
    assert len(whole) == (15 if by == "doc_id" else 3)
