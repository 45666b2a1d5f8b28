"""The chunk lookup by 64-bit hash (session 20): exact ids whatever the hashes do."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pytest

import corpus_tools.counts as counts_mod
from corpus_tools.counts import ChunkTerms, TermTable, binary_hashes

CHUNKS = ["Gaza", "talks.", "Gaza,", "", "“Gaza”", "US", "us", "1,400", "ab", "ba", "Straße"]


def _reference_ids(batches):
    """Chunk ids by first appearance: what any correct lookup gives."""
    seen: dict[str, int] = {}
    return [[seen.setdefault(c, len(seen)) for c in b] for b in batches]


def test_binary_hashes_values_and_slices():
    arr = pa.array([b"ab", b"", b"ab", b"ba", b"a\x00", b"a"], pa.large_binary())
    h = binary_hashes(arr)
    assert h.dtype == np.uint64 and len(h) == 6
    assert h[0] == h[2]
    assert len({int(x) for x in h[[0, 1, 3, 4, 5]]}) == 5  # order, length and zero bytes count
    # a slice, a string array and a non-large binary give the hashes of the same bytes
    assert binary_hashes(arr.slice(2, 3)).tolist() == h[2:5].tolist()
    strings = pa.array(["ab", "", "ab"], pa.string())
    assert binary_hashes(strings).tolist() == h[:3].tolist()
    assert binary_hashes(pa.array([], pa.large_binary())).tolist() == []


def test_binary_hashes_long_values():
    values = [b"x" * 70_000, b"x" * 69_999 + b"y", b"y" + b"x" * 69_999]
    h = binary_hashes(pa.array(values, pa.large_binary()))
    assert len(set(h.tolist())) == 3


@pytest.mark.parametrize("hashing", ["real", "all equal", "two values"])
def test_chunk_ids_exact_whatever_the_hashes(monkeypatch, hashing):
    """Hash collisions cost time, never a wrong id: forced here for every chunk."""
    if hashing == "all equal":
        monkeypatch.setattr(
            counts_mod, "binary_hashes", lambda keys: np.zeros(len(keys), dtype=np.uint64)
        )
    elif hashing == "two values":
        real = counts_mod.binary_hashes
        monkeypatch.setattr(counts_mod, "binary_hashes", lambda keys: real(keys) & np.uint64(1))
    rng = np.random.default_rng(7)
    batches = [list(rng.choice(CHUNKS, size=int(rng.integers(1, 9)))) for _ in range(30)]
    batches = [list(dict.fromkeys(b)) for b in batches]  # a batch's chunks are distinct
    chunks = ChunkTerms(TermTable())
    got = []
    for k, b in enumerate(batches):
        arg = pa.array(b, pa.large_string()) if k % 2 else b  # Arrow and the list fallback
        got.append(chunks.ids(arg).tolist())
    assert got == _reference_ids(batches)
    assert len(chunks.words) == len(CHUNKS)
    order = np.argsort(chunks.hash_ids)
    assert np.array_equal(chunks.hash_ids[order], np.arange(len(CHUNKS)))
    assert np.all(np.diff(chunks.hashes.astype(np.float64)) >= 0)  # kept sorted


def test_chunk_ids_after_the_cache_keeps_its_most_used_half(monkeypatch):
    monkeypatch.setattr(counts_mod, "_MAX_CHUNKS", 3)
    chunks = ChunkTerms(TermTable())
    assert chunks.ids(["a", "b", "c"]).tolist() == [0, 1, 2]
    assert chunks.ids(["b", "c"]).tolist() == [1, 2]
    assert chunks.ids(["c", "d"]).tolist() == [2, 3]  # uses: a 1, b 2, c 3, d 1
    # over the cap: the most used half (3 // 2 = 1 chunk: "c") is kept, as chunk 0
    assert chunks.ids(["d", "e", "c"]).tolist() == [1, 2, 0]
    assert chunks.table.terms == ["a", "b", "c", "d", "e"]  # term ids stay
    rows = chunks.matrix().toarray().tolist()
    assert rows == [[0, 0, 1, 0, 0], [0, 0, 0, 1, 0], [0, 0, 0, 0, 1]]
    assert chunks.uses.tolist() == [2, 1, 1]  # c's 3 halved, then this batch
    assert chunks.known[0].to_pylist() == [b"c"] and chunks.known[1].to_pylist() == [b"d", b"e"]
    # ties go to the older chunk: d (id 1) before e
    assert chunks.ids(["f"]).tolist() == [3]
    assert chunks.ids(["e", "g"]).tolist() == [1, 2]  # kept: c (3 uses) only; e, g new


def test_chunk_ids_exact_across_evictions_on_generated_text(monkeypatch):
    """Every id points at its own chunk's bytes and terms, however often the cache is cut."""
    monkeypatch.setattr(counts_mod, "_MAX_CHUNKS", 40)
    rng = np.random.default_rng(11)
    words = np.array([f"w{i % 30}{'x' * (i // 30)}{p}" for i in range(90) for p in ("", ",")])
    chunks = ChunkTerms(TermTable())
    fresh = ChunkTerms(TermTable())  # never evicts: the reference matrix rows
    evictions = 0
    for _ in range(25):
        batch = list(dict.fromkeys(rng.choice(words, size=35).tolist()))
        before = len(chunks.words)
        ids = chunks.ids(pa.array(batch, pa.large_string()))
        evictions += len(chunks.words) < before
        known = pa.concat_arrays(chunks.known)
        assert known.take(pa.array(ids)).to_pylist() == [b.encode() for b in batch]
        assert len(chunks.words) <= 40 + 35
        order = np.argsort(chunks.hash_ids)
        assert np.array_equal(chunks.hash_ids[order], np.arange(len(chunks.words)))
        assert np.all(np.diff(chunks.hashes.astype(np.float64)) >= 0)
        with monkeypatch.context() as m:
            m.setattr(counts_mod, "_MAX_CHUNKS", 10**9)
            ref = fresh.ids(pa.array(batch, pa.large_string()))
        got = chunks.matrix()[ids].toarray()
        want = fresh.matrix()[ref].toarray()
        terms_got = np.array(chunks.table.terms)
        terms_want = np.array(fresh.table.terms)
        for g, w in zip(got, want, strict=True):  # same terms, whatever the term ids
            assert sorted(terms_got[np.repeat(np.arange(len(g)), g)]) == sorted(
                terms_want[np.repeat(np.arange(len(w)), w)]
            )
        assert chunks.words[ids].tolist() == fresh.words[ref].tolist()
    assert evictions >= 3


def test_chunk_ids_equal_index_in_on_generated_text():
    """The hashed lookup against Arrow's exact ``index_in`` over several batches."""
    rng = np.random.default_rng(3)
    words = np.array([f"w{i}{p}" for i in range(400) for p in ("", ",", ".")])
    chunks = ChunkTerms(TermTable())
    known: list[str] = []
    for _ in range(12):
        batch = list(dict.fromkeys(rng.choice(words, size=300).tolist()))
        arr = pa.array(batch, pa.large_string())
        expected = pc.fill_null(pc.index_in(arr, pa.array(known, pa.large_string())), -1)
        exp = expected.to_numpy(zero_copy_only=False)
        ids = chunks.ids(arr)
        assert ids[exp >= 0].tolist() == exp[exp >= 0].tolist()
        new = [c for c, e in zip(batch, exp, strict=True) if e < 0]
        assert ids[exp < 0].tolist() == list(range(len(known), len(known) + len(new)))
        known += new
