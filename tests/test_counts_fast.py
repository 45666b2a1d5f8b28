"""The array paths of counting (session 16) against the one-string-at-a-time definitions."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest

import corpus_tools.counts as counts_mod
from corpus_tools.counts import ChunkTerms, TermTable, count_texts, piece_ids

# acronyms of stopwords, a stopword in three casings, the modifier apostrophe (a letter
# that folds to "'"), symbols, underscores (\w but not a letter), final sigma, sharp s,
# digits, a possessive, a curly quote, a dash
PIECES = [
    "US", "us", "Us", "IT", "it", "I", "A", "a", "the", "THE",
    "don\u02bct", "\u02bc", "—", "_", "__", "a_b", "ΟΔΟΣ", "οδος", "Straße", "STRASSE",
    "1,400", "12%", "'s", "'S", "’s", "U.S.", "Iran", "iran", "IRAN", "x", ".", "Israel-Hamas",
]  # fmt: skip


@pytest.mark.parametrize(("split", "stopwords"), [(True, True), (False, True), (False, False)])
def test_piece_ids_equal_piece_one_at_a_time(split, stopwords):
    one, many = TermTable(stopwords, split), TermTable(stopwords, split)
    expected = [one.piece(p) for p in PIECES]
    tids, words = piece_ids(PIECES, many)
    assert tids.tolist() == [t for t, _ in expected]
    assert words.tolist() == [w for _, w in expected]
    assert (many.terms, many.is_stop, many.term_index) == (one.terms, one.is_stop, one.term_index)


def test_piece_ids_real_values():
    t = TermTable(split=True)
    tids, words = piece_ids(["IT", "it", "—", "ΟΔΟΣ", "Straße", "_", "don\u02bct"], t)
    assert tids.tolist() == [0, 1, -1, 2, 3, -1, 4]
    assert words.tolist() == [True, True, False, True, True, False, True]
    assert t.terms == ["it", "it", "οδοσ", "strasse", "don't"]
    assert t.is_stop == [False, True, False, False, True]
    again, _ = piece_ids(["STRASSE", "It", "x"], t)  # known terms keep their ids
    assert again.tolist() == [3, 1, 5]


def test_chunk_ids_arrow_and_list_share_one_vocabulary():
    chunks = ChunkTerms(TermTable(split=True))
    first = chunks.ids(pa.array(["Gaza", "talks.", "Gaza,"], pa.large_string()))
    assert first.tolist() == [0, 1, 2]
    # a list (the Python fallback, here with a lone surrogate) finds the same chunks
    second = chunks.ids(["talks.", "\ud800x", "Gaza"])
    assert second.tolist() == [1, 3, 0]
    third = chunks.ids(pa.array(["Gaza,", "new"], pa.large_string()))
    assert third.tolist() == [2, 4]
    assert chunks.table.terms == ["gaza", "talks", "x", "new"]  # symbols are not terms
    rows = chunks.matrix()[[0, 1, 2, 3, 4]].toarray().tolist()
    assert rows == [[1, 0, 0, 0], [0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]
    assert chunks.words.tolist() == [1, 1, 1, 1, 1]


def test_counts_from_arrow_and_from_a_list_are_equal():
    texts = ["Gaza talks. IT and it", "talks\u00a0in Gaza, don\u02bct", "  ", "\ud800 Gaza"]
    from_list = count_texts(texts)
    from_arrow = count_texts(texts[:3])
    assert from_list.terms.tolist() == ["and", "don't", "gaza", "in", "it", "talks"]
    assert from_list.matrix.toarray().tolist() == [
        [1, 0, 1, 0, 2, 1],
        [0, 1, 1, 1, 0, 1],
        [0, 0, 0, 0, 0, 0],
        [0, 0, 1, 0, 0, 0],
    ]
    assert (from_arrow.matrix != from_list.matrix[:3]).nnz == 0


def test_unique_strings_and_order_equal_numpy():
    values = ["b", "é", "Z", "a", "b", "😀", "ß", "", "z", "é"]
    u, inv = counts_mod._unique_strings(values)
    nu, ninv = np.unique(np.array(values, dtype=object), return_inverse=True)
    assert u.tolist() == nu.tolist() == ["", "Z", "a", "b", "z", "ß", "é", "😀"]
    assert inv.tolist() == ninv.ravel().tolist()
    order = counts_mod._str_order(["b", "\ud800", "a"])  # not UTF-8: numpy's sort
    assert order.tolist() == [2, 0, 1]


def test_group_codes_sorted_labels():
    c = count_texts(["a", "b", "c", "d"], groups=["Y", "X", "é", "X"])
    codes, names = c.group_codes()
    assert names == ["X", "Y", "é"]
    assert codes.tolist() == [1, 0, 2, 0]


def _first_refs(c, n):
    """Every (group, term) row's first n occurrences by the definition: all occurrences of
    every term (``occurrences``), sorted by doc_id then offset, cut per row."""
    occ = c.occurrences(c.terms.tolist())
    group = dict(zip(c.doc_ids.tolist(), c.groups.tolist(), strict=True))
    occ["group"] = [group[d] for d in occ["doc_id"]]
    occ = occ.sort_values(["group", "term", "doc_id", "start"], kind="mergesort")
    out = {}
    for (g, t), rows in occ.groupby(["group", "term"], sort=False):
        out[(g, t)] = "; ".join(
            f"{d}:{a}-{b}" for d, a, b in rows[["doc_id", "start", "end"]].values[:n]
        )
    return out


@pytest.mark.parametrize("size", [1, 7, 1 << 20])
def test_evidence_of_every_row_equals_the_first_occurrences(monkeypatch, size):
    """Evidence of a whole table (every group x every term, rows repeated and unknown) in
    blocks of ``size`` entries equals the first occurrences in doc_id order, then offset."""
    monkeypatch.setattr(counts_mod, "_EVIDENCE_ENTRIES", size)
    monkeypatch.setattr(counts_mod, "_BATCH", 3)
    monkeypatch.setattr(counts_mod, "_EVIDENCE_CHARS", 10 * size)
    rng = np.random.default_rng(29)
    words = ["gaza", "talks", "Talks", "US", "us", "aid", "x", "Iran", "the"]
    texts = [" ".join(rng.choice(words, int(rng.integers(0, 12)))) for _ in range(23)]
    ids = [f"d{int(k):03d}" for k in rng.permutation(23)]  # row order is not doc_id order
    groups = [str(rng.choice(["A", "B", "C"])) for _ in range(23)]
    c = count_texts(texts, ids, groups=groups)
    for n in (1, 2, 3, 5):
        want = _first_refs(c, n)
        rows = [(g, t) for g in ["A", "B", "C", "Z"] for t in [*c.terms.tolist(), "nope"]]
        rows += rows[:5]
        got = c.evidence([g for g, _ in rows], [t for _, t in rows], n)
        assert got == [want.get(r, "") for r in rows]
        assert any(got) and not all(got)
