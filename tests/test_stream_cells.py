"""A batch's (group, term) cells: count and documents summed in one product equal apart."""

from __future__ import annotations

import numpy as np
import pytest

import corpus_tools.stream as st

WORDS = "talks envoy Doha Russia China the a sanctions ceasefire minister said met".split()


def _texts(n: int, seed: int) -> tuple[list[str], list[str]]:
    rng = np.random.default_rng(seed)
    texts = [
        " ".join(rng.choice(WORDS, size=int(rng.integers(0, 40))).tolist()) + "." for _ in range(n)
    ]
    groups = [f"outlet {int(g)}" for g in rng.integers(0, 5, size=n)]
    return texts, groups


def _cells(texts: list[str], groups: list[str]) -> tuple[np.ndarray, np.ndarray]:
    out = st.StreamCounts()
    st._add_term_cells(out, texts, groups, st._Vocab())
    return np.concatenate(out._keys), np.concatenate(out._vals)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_one_product_gives_the_cells_of_three(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    texts, groups = _texts(300, seed)
    texts[7] = ""  # a document without terms
    keys, vals = _cells(texts, groups)
    monkeypatch.setattr(st, "_DOC_LIMIT", 0)  # the three products apart
    keys3, vals3 = _cells(texts, groups)
    assert np.array_equal(keys, keys3)
    assert np.array_equal(vals, vals3)  # bit for bit: counts, documents, rate sums
    assert vals[:, 0].sum() == sum(len(t.split()) for t in texts if t != ".")
    # documents per cell: each (group, term) counted once per document holding it
    n_docs = {}
    for t, g in zip(texts, groups, strict=True):
        for w in {w.rstrip(".").lower() for w in t.split() if w.rstrip(".")}:
            n_docs[(g, w)] = n_docs.get((g, w), 0) + 1
    assert sorted(vals[:, 1].astype(int).tolist()) == sorted(n_docs.values())
