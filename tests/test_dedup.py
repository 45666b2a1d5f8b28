"""Tests for corpus_tools.dedup: exact and near-duplicate flags, word hashing, MinHash signatures."""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import dedup


def _words(n: int, seed: int) -> list[str]:
    return [f"w{(i * 7919 + seed) % 1009}" for i in range(n)]


def test_exact_and_near_duplicates() -> None:
    base = _words(200, 1)
    near = list(base)
    near[100] = "changed"  # 5 of 196 shingles differ: Jaccard 191/201 = 0.950
    far = list(base)
    for k in range(0, 200, 10):
        far[k] = "x"  # every shingle window touched: Jaccard 0
    df = pd.DataFrame(
        {
            "id": ["a", "b", "c", "d", "e"],
            "text": [" ".join(base), " ".join(base), " ".join(near), " ".join(far), "short text"],
        }
    )
    c = ct.load_corpus(df)
    assert c.docs["duplicate_of"].tolist() == [None, "a", "a", None, None]
    assert c.docs["duplicate_kind"].tolist() == [None, "exact", "near", None, None]


def test_jaccard_threshold_boundary() -> None:
    base = _words(100, 3)
    near = list(base)
    near[50] = "changed"  # Jaccard 91/101 = 0.901 -> near duplicate
    near2 = list(base)
    near2[30], near2[60] = "p", "q"  # 86/106 = 0.811 -> not flagged
    df = pd.DataFrame({"text": [" ".join(base), " ".join(near), " ".join(near2)]})
    assert ct.load_corpus(df).docs["duplicate_kind"].tolist() == [None, "near", None]


_SHINGLE_TEXTS = [
    "Iran’s envoy didn't say; U.S. aid (1,400) _under_score ''quoted'' it's",
    "Москва и Пекин: переговоры в Дохе. Ça va? ١٢٣ عربي",
    "a'b ’c d’ e''f g’’h x'y'z 3'4 'lead trail' \u00a0nbsp\tTab\nline",
    "",
    "   ",
    "İstanbul ǅemal ß ΣΑΣ",  # lower() changes the length of some characters
    # combining marks and joiners stay in their word (QA S19-H9-1), as tokenize.TOKEN_RE
    # keeps them: more in tests/test_dedup_marks.py
    "भारत में चुनाव हुए",
    "السَّلَامُ عَلَيْكُمْ",
    "ภาษาไทย ที่นี่",
    "a \u0301b c\u0301\u0301d_e it’s क्ष\u200dि \u200d",  # a mark after a space is alone
]


@pytest.mark.parametrize("text", _SHINGLE_TEXTS)
def test_vectorised_word_hashes_find_the_regex_words(text: str) -> None:
    """The shingle words of a text are the regex words (marks and joiners kept), equal
    words hash equal and different words differently, alone or in a batch."""
    import re

    from corpus_tools.tokenize import WORD_CONT

    lower = text.lower()
    expected = re.findall(rf"\w[\w{WORD_CONT}]*(?:['’]\w[\w{WORD_CONT}]*)*", lower)
    words, counts = dedup._hash_pieces([lower])
    assert counts.tolist() == [len(expected)]
    first: dict[str, int] = {}
    for w, h in zip(expected, words.tolist(), strict=True):
        assert first.setdefault(w, h) == h
    assert len(set(first.values())) == len(first)
    # a batch of texts gives each text the hashes it gets alone
    batch, bcounts = dedup._hash_pieces([t.lower() for t in _SHINGLE_TEXTS])
    assert bcounts.sum() == len(batch)
    i = _SHINGLE_TEXTS.index(text)
    start = int(bcounts[:i].sum())
    assert np.array_equal(batch[start : start + bcounts[i]], words)


def test_long_text_hashes_in_pieces_like_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    text = " ".join(_words(3000, 5))
    whole = dedup._text_words(text)
    monkeypatch.setattr(dedup, "_WORD_CHUNK", 1000)  # force many pieces
    assert np.array_equal(dedup._text_words(text), whole)
    assert len(whole) == 3000


def test_batch_signatures_equal_one_text_signatures() -> None:
    import numpy as np

    texts = [" ".join(_words(n, n)) for n in (3, 4, 5, 6, 50, 900, 2)]
    words, counts = dedup._hash_pieces(texts)
    sigs, n_sh = dedup._signatures(words, counts)
    assert n_sh.tolist() == [0, 0, 1, 2, 46, 896, 0]
    for k, t in enumerate(texts):
        sh = dedup._shingle_set(t)
        assert len(sh) == len(set(sh.tolist()))
        if n_sh[k]:
            assert np.array_equal(sigs[k], dedup._minhash(sh))
        else:
            assert len(sh) == 0 and (sigs[k] == np.iinfo(np.uint64).max).all()


def test_near_duplicates_found_across_hash_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dedup, "_BATCH_CHARS", 500)  # every text in its own batch
    base = _words(200, 1)
    near = list(base)
    near[100] = "changed"
    df = pd.DataFrame({"id": ["a", "b", "c"], "text": [" ".join(base), "short", " ".join(near)]})
    assert ct.load_corpus(df).docs["duplicate_of"].tolist() == [None, None, "a"]


def test_flag_duplicates_directly_empty_texts_and_threshold() -> None:
    base = " ".join(_words(100, 3))
    near = base.replace("w", "v", 1)  # first word changed: 5 of 96 shingles differ
    texts = [base, "", near, "  ", base]
    ids = ["a", "b", "c", "d", "e"]
    assert dedup.flag_duplicates(texts, ids) == (
        [None, None, "a", None, "a"],
        [None, None, "near", None, "exact"],
    )
    # a stricter threshold keeps the near copy, never the exact one
    assert dedup.flag_duplicates(texts, ids, threshold=0.99)[1] == [None, None, None, None, "exact"]


def test_signatures_computed_in_batches_give_the_same_flags() -> None:
    """Signed batch by batch (as the load's pool does) = signed at once = flagged from texts."""
    base = " ".join(_words(300, 5))
    long_text = " ".join(_words(70_000, 9))  # over 256k characters: hashed in pieces
    texts = [
        base,
        "",
        base.replace("w", "v", 1),
        long_text,
        base,
        long_text.replace("w", "v", 1),
        "Short text.",
        " \n ",
        " ".join(_words(300, 6)),
    ]
    ids = [f"d{i}" for i in range(len(texts))]
    direct = dedup.flag_duplicates(texts, ids)
    assert direct == (
        [None, None, "d0", None, "d0", "d3", None, None, None],
        [None, None, "near", None, "exact", "near", None, None, None],
    )
    parts = [dedup.signatures(texts[a:b]) for a, b in ((0, 2), (2, 3), (3, 7), (7, 9))]
    joined = dedup.join_signatures(parts)
    whole = dedup.signatures(texts)
    assert joined[0] == whole[0] and (joined[1] == whole[1]).all() and (joined[2] == whole[2]).all()
    assert dedup.flag_duplicates(texts, ids, signed=joined) == direct


def _reference_flags(texts: list[str], ids: list[str], threshold: float = 0.9) -> list[str | None]:
    """The near/exact flags computed one document at a time: LSH buckets as a dict of
    (band, key) -> first _BUCKET_CAP members, each candidate's shingle set hashed alone."""
    sig_all = dedup.signatures(texts)
    seen: dict[bytes, int] = {}
    buckets: dict[tuple[int, bytes], list[int]] = {}
    out: list[str | None] = [None] * len(texts)
    w = (dedup._N_PERM // dedup._BANDS) * 8
    for j, digest in enumerate(sig_all[0]):
        if digest is None:
            continue
        if digest in seen:
            out[j] = f"exact:{ids[seen[digest]]}"
            continue
        seen[digest] = j
        if sig_all[2][j] == 0:
            continue
        sb = sig_all[1][j].tobytes()
        keys = [(b, sb[b * w : (b + 1) * w]) for b in range(dedup._BANDS)]
        cands = sorted({i for k in keys for i in buckets.get(k, [])})
        sh = dedup._shingle_set(texts[j])
        for i in cands:
            other = dedup._shingle_set(texts[i])
            inter = len(np.intersect1d(sh, other))
            if inter / (len(sh) + len(other) - inter) >= threshold:
                out[j] = f"near:{ids[i]}"
                break
        for k in keys:
            members = buckets.setdefault(k, [])
            if len(members) < dedup._BUCKET_CAP:
                members.append(j)
    return out


def test_near_duplicates_in_blocks_equal_one_document_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Candidates collected a block at a time and verified in hashed groups (small blocks,
    groups and cache here) flag exactly what the one-by-one search flags; buckets overflow."""
    rng = random.Random(11)
    stories = [_words(rng.randint(20, 120), s) for s in range(12)]
    texts: list[str] = []
    for _ in range(1000):
        words = list(rng.choice(stories))
        for _ in range(rng.choice([0, 1, 1, 2, 8])):  # near copies, some far apart
            words[rng.randrange(len(words))] = f"x{rng.randrange(50)}"
        texts.append(" ".join(words) if rng.random() > 0.05 else rng.choice(["", "one two"]))
    ids = [f"d{i}" for i in range(len(texts))]
    want = _reference_flags(texts, ids)
    assert sum(str(x).startswith("near") for x in want) > 60
    assert sum(str(x).startswith("exact") for x in want) > 100
    for block, chars, budget in ((2048, 1 << 22, 64 << 20), (7, 300, 2000), (1, 1, 0)):
        monkeypatch.setattr(dedup, "_NEAR_BLOCK", block)
        monkeypatch.setattr(dedup, "_VERIFY_CHARS", chars)
        monkeypatch.setattr(dedup._ShingleCache.__init__, "__defaults__", (budget,))
        for signed in (None, dedup.signatures(texts)):
            dup_of, kind = dedup.flag_duplicates(texts, ids, signed=signed)
            got = [None if k is None else f"{k}:{d}" for d, k in zip(dup_of, kind, strict=True)]
            assert got == want


def test_bucket_search_with_signatures_equals_the_incremental_one():
    # 80 near copies (more than a bucket keeps, _BUCKET_CAP = 32), distinct stories between them
    import random

    from corpus_tools.dedup import flag_duplicates, signatures

    rng = random.Random(3)
    base = [f"w{i}" for i in range(400)]
    texts = []
    for k in range(80):
        words = list(base)
        words[rng.randrange(400)] = f"x{k}"  # one word changed: Jaccard about 0.95
        texts.append(" ".join(words))
        texts.append(" ".join(f"s{k}w{i}" for i in range(30)))
    texts += ["", "short one"]
    ids = [f"d{i}" for i in range(len(texts))]
    plain = flag_duplicates(texts, ids)
    assert flag_duplicates(texts, ids, signed=signatures(texts)) == plain
    assert plain[0][:4] == [None, None, "d0", None] and plain[1][2] == "near"
    assert sum(k == "near" for k in plain[1]) == 79  # every later copy, none of the others


@pytest.mark.parametrize("mix", [None, 0])
def test_band_order_groups_equal_bands_in_corpus_order(
    mix: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Equal bands are one run, in corpus order; different bands are never one run, also
    when their 64-bit mix is the same (``_MIX`` = 0 mixes a band to its last row)."""
    if mix is not None:
        monkeypatch.setattr(dedup, "_MIX", np.uint64(mix))
    cols = np.array(
        [[1, 2, 3, 9], [4, 5, 6, 9], [1, 2, 3, 9], [7, 7, 7, 1], [4, 5, 6, 9], [1, 2, 3, 9]],
        dtype=np.uint64,
    )
    order, new = dedup._band_order(cols)
    runs = np.split(order, np.flatnonzero(new)[1:])
    assert sorted(r.tolist() for r in runs) == [[0, 2, 5], [1, 4], [3]]
