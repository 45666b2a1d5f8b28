"""Near-duplicate candidates whose MinHash values rarely agree are not verified."""

import random

import numpy as np

from corpus_tools import dedup
from corpus_tools._tables import sorted_unique


def test_min_agreement_bounds() -> None:
    assert dedup._min_agreement(0.9) == 46
    assert dedup._min_agreement(0.5) == 14
    assert dedup._min_agreement(1.0) == 64
    assert dedup._min_agreement(0.0) == 0


def _docs(n: int) -> list[str]:
    rng = random.Random(7)
    words = [f"w{i}" for i in range(3000)]
    paragraphs = [" ".join(rng.choice(words) for _ in range(60)) for _ in range(40)]
    docs = ["\n".join(rng.sample(paragraphs, 6)) for _ in range(n)]
    docs += [d + " extra" for d in docs[:20]]  # 20 near copies of earlier documents
    return docs


def test_shared_paragraphs_are_not_verified_one_by_one(monkeypatch) -> None:
    texts = _docs(400)
    ids = [str(i) for i in range(len(texts))]
    verified: list[int] = []
    real = dedup._Near._verify_group

    def count(self, pairs, texts_, *rest):  # type: ignore[no-untyped-def]
        verified.append(sum(len(c) for _, c in pairs))
        return real(self, pairs, texts_, *rest)

    monkeypatch.setattr(dedup._Near, "_verify_group", count)
    for signed in (None, dedup.signatures(texts)):
        verified.clear()
        dup_of, kind = dedup.flag_duplicates(texts, ids, signed=signed)
        assert kind.count("near") == 20
        assert dup_of[400:] == [str(i) for i in range(20)]
        # the 20 true copies plus few others: documents sharing 1-3 of 6 paragraphs
        # fill the LSH buckets but agree on too few MinHash values to be verified
        assert 20 <= sum(verified) < 60


def test_signed_path_hands_its_signature_rows_to_the_search(monkeypatch) -> None:
    texts = _docs(50)
    signed = dedup.signatures(texts)
    seen: list[object] = []
    real = dedup._Near.__init__

    def init(self, *args, **kw):  # type: ignore[no-untyped-def]
        seen.append(kw.get("sig_rows"))
        real(self, *args, **kw)

    monkeypatch.setattr(dedup._Near, "__init__", init)
    dedup.flag_duplicates(texts, [str(i) for i in range(len(texts))], signed=signed)
    dedup.flag_duplicates(texts, [str(i) for i in range(len(texts))])
    rows = seen[0]
    assert isinstance(rows, np.ndarray) and rows.dtype == np.uint16  # no zero matrix made first
    assert (rows == signed[1].astype(np.uint16)).all()
    assert seen[1] is None  # unsigned: filled block by block


def test_each_text_read_by_the_pairs_is_hashed_once(monkeypatch) -> None:
    """Signed path: every plausible pair is known first, so a shingle set stays cached
    until its last pair and no text is hashed twice (flags as the unsigned path's)."""
    rng = random.Random(11)
    texts = _docs(300)
    # copies of a few early documents, spread through the corpus: their sets are read again late
    for k in range(40):
        texts.insert(rng.randrange(len(texts)), texts[k % 5] + f" tail{k}")
    ids = [str(i) for i in range(len(texts))]
    hashed: list[int] = []
    sets_of, set_of = dedup._shingle_sets, dedup._shingle_set

    def many(ts):  # type: ignore[no-untyped-def]
        hashed.extend(ts)
        return sets_of(ts)

    def one(t):  # type: ignore[no-untyped-def]
        hashed.append(t)
        return set_of(t)

    monkeypatch.setattr(dedup, "_shingle_sets", many)
    monkeypatch.setattr(dedup, "_shingle_set", one)
    # small groups, and a cache that holds the sets still needed at any one time (at most
    # 43 of ~2.8 KB) but not all 84 read: least recently used alone hashes 86 texts
    monkeypatch.setattr(dedup, "_VERIFY_CHARS", 5000)
    monkeypatch.setattr(dedup._ShingleCache.__init__, "__defaults__", (160_000,))
    signed = dedup.flag_duplicates(texts, ids, signed=dedup.signatures(texts))
    n_signed = len(hashed)
    assert len(set(hashed)) == n_signed  # no text twice
    assert signed == dedup.flag_duplicates(texts, ids)
    assert signed[1].count("near") == 60  # 20 + 40 copies
    assert n_signed == 84


def test_sorted_unique_is_numpy_unique() -> None:
    rng = np.random.default_rng(3)
    for n in (0, 1, 2, 5, 600):
        a = rng.integers(0, 50 if n > 5 else 3, size=n).astype(np.uint64)
        got = sorted_unique(a)
        assert got.dtype == np.uint64 and got.tolist() == np.unique(a).tolist()
        assert sorted_unique(a.copy(), in_place=True).tolist() == got.tolist()


def _join_marks_reference(inword: np.ndarray, cont: np.ndarray) -> None:
    """The former whole-batch formula: marks from a run's first word character on join."""
    run = inword | cont
    pos = np.arange(len(run))
    starts = run.copy()
    starts[1:] &= ~run[:-1]
    run_start = np.maximum.accumulate(np.where(starts, pos, -1))
    last_word = np.maximum.accumulate(np.where(inword, pos, -1))
    inword |= cont & (last_word >= run_start)


def test_join_marks_equals_the_whole_batch_formula() -> None:
    rng = np.random.default_rng(5)
    for n in (1, 2, 3, 10, 200, 5000):
        for p_mark in (0.02, 0.3, 0.7):
            kind = rng.choice(3, size=n, p=[0.35, p_mark * 0.65, (1 - p_mark) * 0.65])
            inword, cont = kind == 2, kind == 1
            cont |= inword & (rng.random(n) < 0.05)  # a mark that is also a word character
            want, got = inword.copy(), inword.copy()
            _join_marks_reference(want, cont)
            dedup._join_marks(got, cont)
            assert (want == got).all()


def test_marks_join_words_as_before() -> None:
    texts = ["हुए हैं and ﻻَ word\u064e\u0652 \u064e lone  cafe\u0301 x\u200d\u200dy"]
    sigs = dedup.signatures(texts)
    assert sigs[2].tolist() == [len(dedup._text_words(texts[0].lower())) - 4]
    # the words: 'हुए', 'हैं', 'and', 'ﻻَ', 'wordَْ', 'lone', 'café', 'x\u200d\u200dy' (a lone mark is none)
    assert len(dedup._text_words(texts[0].lower())) == 8


def test_overlap_is_the_size_of_numpy_intersect1d() -> None:
    rng = np.random.default_rng(18)
    for _ in range(300):
        a = np.unique(rng.integers(0, 60, size=rng.integers(0, 40))).astype(np.uint64)
        b = np.unique(rng.integers(0, 60, size=rng.integers(0, 40))).astype(np.uint64)
        assert dedup._overlap(a, b) == len(np.intersect1d(a, b, assume_unique=True))
        assert dedup._overlap(b, a) == dedup._overlap(a, b)
    top = np.array([2**64 - 1], dtype=np.uint64)  # the largest value, past every other
    assert dedup._overlap(top, np.array([0, 5], dtype=np.uint64)) == 0
    assert dedup._overlap(top, np.array([0, 2**64 - 1], dtype=np.uint64)) == 1


def test_bucket_pairs_are_the_unique_query_candidate_pairs() -> None:
    # 40 documents in 5 families of near-equal signatures: every later family member
    # is a candidate of the earlier ones, listed once, in corpus order
    rng = np.random.default_rng(5)
    base = rng.integers(0, 2**63, size=(5, 64), dtype=np.uint64)
    fam = np.arange(40) % 5
    sigs = base[fam].copy()
    sigs[np.arange(40), rng.integers(0, 64, size=40)] += np.uint64(1)  # one band differs
    pairs = dedup._Buckets(sigs).pairs(0, 40)
    for q, cands in pairs:
        assert cands == sorted(set(cands)) and all(c < q for c in cands)
        assert all(fam[c] == fam[q] for c in cands)
    assert [q for q, _ in pairs] == list(range(5, 40))
    assert dict(pairs)[39] == [4, 9, 14, 19, 24, 29, 34]


def test_shingle_sets_of_a_batch_equal_each_texts_own() -> None:
    """Sorted in place and made unique per text in one pass: the sets of one text at a time."""
    texts = _docs(30) + ["", "one two", "a a a a a a a a a a", "x y z w v " * 40]
    got = dedup._shingle_sets(texts)
    assert len(got) == len(texts)
    for text, sh in zip(texts, got, strict=True):
        want = dedup._shingle_set(text)
        assert sh.dtype == np.uint64 and np.array_equal(sh, want)
    assert [len(s) for s in got[-4:]] == [0, 0, 1, 5]


def test_plausible_pairs_as_arrays_equal_the_lists() -> None:
    """Filtering the pairs as arrays keeps the candidates the list version keeps, in order."""
    docs = _docs(60)
    digests, sigs, n_sh = dedup.signatures(docs)
    near = dedup._Near(
        docs,
        [str(i) for i in range(len(docs))],
        0.9,
        [None] * len(docs),
        [None] * len(docs),
        sig_rows=sigs.astype(np.uint16),
    )
    buckets = dedup._Buckets(sigs)
    qq, cc = buckets.pair_arrays(0, len(docs))
    assert len(qq) == 80  # candidates sharing a band, most of them far below the threshold
    lists = near._plausible(buckets.pairs(0, len(docs)))
    assert near._plausible_arrays(qq, cc) == lists
    assert [q for q, _ in lists] == list(range(60, 80))  # the 20 near copies, 46+ values agree
