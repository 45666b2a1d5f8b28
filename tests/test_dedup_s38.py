"""Session 38: candidates verified in small hashing groups (the loading process's heap)."""

from __future__ import annotations

import numpy as np

from corpus_tools import dedup


def _texts() -> list[str]:
    rng = np.random.default_rng(38)
    words = [f"w{i}" for i in range(400)] + [
        "Don\u2019t",
        "l'\u00e9t\u00e9",
        "na\u00efve",
        "\u0939\u0941\u090f",
    ]
    return [" ".join(rng.choice(words, size=int(n))) for n in rng.integers(0, 3000, size=120)]


def test_shingle_sets_grouped_small_equal_one_text_at_a_time() -> None:
    texts = _texts()
    assert sum(map(len, texts)) > 4 * dedup._VERIFY_BATCH_CHARS  # several groups
    got = dedup._shingle_sets(texts)
    want = [dedup._shingle_set(t) for t in texts]
    assert [g.tolist() for g in got] == [w.tolist() for w in want]
    assert sum(len(w) for w in want) > 50_000


def test_batches_same_hashes_whatever_the_group_size() -> None:
    texts = _texts()
    big = [w for w, _ in dedup._batches(texts)]
    small = [w for w, _ in dedup._batches(texts, 1000)]
    assert len(small) > len(big)
    assert np.array_equal(np.concatenate(big), np.concatenate(small))


def test_overlap_equals_intersect1d() -> None:
    rng = np.random.default_rng(7)
    for _ in range(200):
        a = np.unique(rng.integers(0, 60, size=int(rng.integers(0, 40))).astype(np.uint64))
        b = np.unique(rng.integers(0, 60, size=int(rng.integers(0, 40))).astype(np.uint64))
        assert dedup._overlap(a, b) == len(np.intersect1d(a, b))
    top = np.array([0, 2**64 - 1], dtype=np.uint64)
    assert dedup._overlap(top, np.array([2**64 - 1], dtype=np.uint64)) == 1
