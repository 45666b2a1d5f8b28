"""A worker's item of several batches (session 41): terms and sentences counted a batch at a
time, the actor matcher on the whole item; every number as with batches sent one by one."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import corpus_tools.stream as st
from corpus_tools._tables import sorted_unique
from corpus_tools.stream import stream_counts

WORDS = "the talks met in Beijing while Russia and China and Iran spoke of the deal".split()


def _frame(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(41)
    texts = []
    for i in range(n):
        words = rng.choice(WORDS, size=int(rng.integers(3, 40)))
        text = " ".join(words).capitalize() + ". Putin said the Kremlin agreed with NATO."
        texts.append(text if i % 11 else "")  # a few empty documents
    return pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(n)],
            "outlet": [["X", "Y", "Z"][i % 3] if i % 7 else "W" for i in range(n)],
            "text": texts,
        }
    )


def _stream(monkeypatch: pytest.MonkeyPatch, units: int, n_jobs: int) -> st.StreamCounts:
    monkeypatch.setattr(st, "_UNITS", units)
    return stream_counts(_frame(83), clean=False, n_jobs=n_jobs, batch_size=4)


@pytest.mark.parametrize(("units", "n_jobs"), [(3, 1), (2, 2)])
def test_items_of_several_batches_count_as_batches_one_by_one(monkeypatch, units, n_jobs):
    one = _stream(monkeypatch, 1, 1)
    got = _stream(monkeypatch, units, n_jobs)
    # rate sums added batch by batch: bit for bit the same mean_doc_rate_per_10k
    pd.testing.assert_frame_equal(got.term_table(), one.term_table(), check_exact=True)
    assert got == one
    assert got.n_windows == one.n_windows > 83
    assert got.c_single == one.c_single and list(got.c_single) == list(one.c_single)
    assert list(got.c_pair.items()) == list(one.c_pair.items())
    assert got.evidence == one.evidence and got.c_pair[("Kremlin", "NATO")] > 10
    pd.testing.assert_frame_equal(got.mention_table(), one.mention_table())
    pd.testing.assert_frame_equal(got.cooccurrence_table(), one.cooccurrence_table())


def test_a_unit_item_keeps_one_block_of_cells_per_batch():
    texts = ["Russia met China.", "China left.", "Iran spoke.", "Troops left Iran."] * 2
    groups = ["X", "Y"] * 4
    out = st.StreamCounts()
    st._add_term_cells(out, texts, groups, st._Vocab(), unit=3)
    assert out._units and len(out._keys) == 3  # batches of 3, 3 and 2 documents
    assert out.group_docs == {"X": 4, "Y": 4} and out.group_index == {"X": 0, "Y": 1}
    whole = st.StreamCounts()
    st._add_term_cells(whole, texts, groups, st._Vocab())
    assert not whole._units and len(whole._keys) == 1
    assert st.StreamCounts().merge(out) == st.StreamCounts().merge(whole)


@pytest.mark.parametrize("n", [0, 1, 2, 500])
def test_sorted_unique_in_place_is_numpy_unique(n):
    a = np.random.default_rng(n).integers(0, 40, size=n) * (2**40) + 7
    assert np.array_equal(sorted_unique(a.copy(), in_place=True), np.unique(a))
