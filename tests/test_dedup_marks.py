"""Shingle words keep combining marks and joiners (QA S19-H9-1), as tokenize.TOKEN_RE does.

That each text's hashed words are its regex words (Devanagari, Arabic, Thai, lone marks
and joiners among them) is checked with the other scripts in
``tests/test_dedup.py::test_vectorised_word_hashes_find_the_regex_words``."""

from __future__ import annotations

import random

import numpy as np

from corpus_tools import dedup

HINDI_WORDS = (
    "भारत में चुनाव हुए सरकार ने कहा कि देश की नीति पर विचार किया जाएगा लोगों के लिए नई योजना "
    "राज्य मंत्री संसद बैठक आज कल पहले बाद"
).split()


def test_hindi_word_count():
    _, counts = dedup._hash_pieces(["भारत में चुनाव हुए"])
    assert counts.tolist() == [4]  # was 8 pieces, cut at the vowel signs


def _hindi(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [rng.choice(HINDI_WORDS) for _ in range(n)]


def test_hindi_near_duplicate_pair():
    base = _hindi(200, 1)
    near = list(base)
    near[100] = "दूसरा"  # one word of 200: Jaccard of 5-gram sets ~0.95
    other = _hindi(200, 2)
    texts = [" ".join(base), " ".join(near), " ".join(other)]
    assert dedup.flag_duplicates(texts, ["a", "b", "c"]) == (
        [None, "a", None],
        [None, "near", None],
    )


def test_vowel_signs_make_different_words():
    # every short i (ि) written as a long i (ी): different words, so no longer near copies
    # (cut at the marks, both texts were the same letters and counted as near duplicates)
    base = " ".join(_hindi(200, 3))
    changed = base.replace("ि", "ी")
    assert changed != base
    assert dedup.flag_duplicates([base, changed], ["a", "b"]) == ([None, None], [None, None])
    assert not np.array_equal(dedup._shingle_set(base), dedup._shingle_set(changed))
