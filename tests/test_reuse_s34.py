"""Session 34: reuse_summary reads the word counts text_reuse left on the corpus."""

from __future__ import annotations

import pandas as pd

import corpus_tools as ct
from corpus_tools import reuse as rmod

_TEXTS = [
    "Moscow and Beijing intend to closely coordinate efforts in view of the escalation.",
    "Officials said Moscow and Beijing intend to closely coordinate efforts on the crisis.",
    "A_b __ -- 3 ½ Ⅻ şöyle dedi: «Moscow and Beijing intend to closely coordinate efforts».",
    "",
]


def _corpus() -> ct.Corpus:
    return ct.Corpus(
        pd.DataFrame(
            {"doc_id": ["d1", "d0", "d2", "d3"], "text": _TEXTS, "outlet": ["a", "b", "c", "d"]}
        )
    )


def test_summary_is_the_same_with_and_without_the_counts_text_reuse_leaves() -> None:
    warm = _corpus()
    r = ct.text_reuse(warm, min_words=8)
    assert warm.is_cached("reuse.n_words")
    cold = _corpus()
    assert not cold.is_cached("reuse.n_words")
    a = ct.reuse_summary(r, warm)
    b = ct.reuse_summary(r, cold)
    pd.testing.assert_frame_equal(a, b)
    assert dict(zip(a["doc_id"], a["n_words"], strict=True)) == {
        "d0": 13,
        "d1": 13,
        "d2": 14,
        "d3": 0,
    }
    assert a.loc[a["doc_id"] == "d0", "reused_words"].item() == 8


def test_words_are_the_tokens_with_a_letter_or_digit() -> None:
    for text in _TEXTS:
        words, starts, ends = rmod._doc_words(text)
        view = ct.tokenize.fold(text)
        expected = [
            view[s:e].casefold()
            for _, s, e in ct.tokenize.doc_tokens(text)
            if any(ch.isalnum() for ch in view[s:e])
        ]
        assert words == expected
        assert len(starts) == len(ends) == len(words)


def test_shingle_hashes_are_equal_exactly_for_equal_word_ngrams() -> None:
    vocab: dict[str, int] = {}
    a = rmod._shingle_hashes("the cat sat on the mat the cat sat".split(), 3, vocab)
    b = rmod._shingle_hashes("a dog the cat sat on".split(), 3, vocab)
    assert a.dtype == "int64" and len(a) == 7 and len(b) == 4
    assert a[0] == a[6] == b[2]  # 'the cat sat'
    assert b[3] == a[1]  # 'cat sat on'
    assert len(set(a.tolist())) == 6
    assert set(vocab) == {"the", "cat", "sat", "on", "mat", "a", "dog"}
    assert len(rmod._shingle_hashes(["x", "y"], 3, vocab)) == 0
    # order matters: 'sat cat the' is another shingle
    c = rmod._shingle_hashes(["sat", "cat", "the"], 3, vocab)
    assert c[0] not in set(a.tolist())
