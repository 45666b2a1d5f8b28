"""Cells merged in place, a column at a time (session 23), equal one compaction of every cell;
found by binary search or through the position table of few groups (session 41)."""

from __future__ import annotations

import numpy as np
import pytest

from corpus_tools import stream
from corpus_tools.stream import StreamCounts


@pytest.mark.parametrize("dense", [0, 100])
def test_in_place_merge_equals_summing_all_cells_in_arrival_order(monkeypatch, dense):
    # dense 100: cells found through the term x group position table (few groups);
    # 0: the table is never made, every batch's cells binary-searched
    monkeypatch.setattr(stream, "_DENSE", dense)
    rng = np.random.default_rng(5)
    total = StreamCounts()
    all_keys, all_vals = [], []
    for _ in range(12):
        n = int(rng.integers(1, 400))
        terms = rng.choice(600, size=n, replace=False)  # distinct cells within a batch
        groups = rng.integers(0, 3, size=n)
        keep = np.unique(terms * 4 + groups, return_index=True)[1]
        terms, groups = terms[keep], groups[keep]
        vals = np.column_stack(
            [rng.integers(1, 9, len(terms)), rng.integers(1, 4, len(terms)), rng.random(len(terms))]
        ).astype(np.float64)
        total._merge_cells(terms, groups, vals)
        all_keys.append((terms.astype(np.int64) << 20) | groups)
        all_vals.append(vals)
    assert (total._pos is not None and total._pos.size > 0) == (dense > 0)
    keys, vals = np.concatenate(all_keys), np.concatenate(all_vals)
    ukeys, inv = np.unique(keys, return_inverse=True)
    want = np.column_stack([np.bincount(inv, weights=vals[:, j]) for j in range(3)])
    total._compact()
    assert np.array_equal(total._keys[0], ukeys)
    assert np.array_equal(total._vals[0], want)  # bit for bit: each cell summed in arrival order
    assert len(ukeys) > 1000 and total._sorted
