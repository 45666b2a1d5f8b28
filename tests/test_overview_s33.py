"""duplicates() against a brute-force Jaccard over every pair (session 33: pairs filtered as arrays)."""

from __future__ import annotations

import itertools

import numpy as np
import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.overview import fingerprints


def _corpus(seed: int) -> ct.Corpus:
    """Documents built from a few shared sentences (boilerplate, copies) and their own words."""
    rng = np.random.default_rng(seed)
    words = [f"w{k}" for k in range(60)]
    common = [" ".join(rng.choice(words, 9)) + "." for _ in range(6)]
    texts = []
    for _ in range(40):
        parts = list(rng.choice(common, int(rng.integers(0, 4)), replace=False))
        parts += [" ".join(rng.choice(words, int(rng.integers(0, 12)))) + "."]
        texts.append(" ".join(parts))
    texts += [texts[3], texts[3].upper(), ""]  # exact copies; an empty text
    ids = [f"d{k:02d}" for k in range(len(texts))]
    outlets = [None if k % 7 == 0 else f"o{k % 3}" for k in range(len(texts))]
    return ct.Corpus(pd.DataFrame({"doc_id": ids, "text": texts, "outlet": outlets}))


def _brute(corpus: ct.Corpus, threshold: float) -> set[tuple[str, str, str, float, int]]:
    fp = fingerprints(corpus, 5)  # the shingle hashes and normalised texts, doc_id order
    sh = {d: set(s.tolist()) for d, s in zip(fp.ids, fp.shingles, strict=True)}
    norm = dict(zip(fp.ids, fp.norm, strict=True))
    out = set()
    for a, b in itertools.combinations(sorted(sh), 2):
        n = len(sh[a] & sh[b])
        union = len(sh[a]) + len(sh[b]) - n
        if norm[a] == norm[b]:
            out.add((a, b, "exact", 1.0, n))
        elif union and n / union >= threshold:
            out.add((a, b, "near", round(n / union, 3), n))
    return out


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("max_df", [2, 3, 200])
def test_duplicates_match_every_pair_compared(seed: int, max_df: int) -> None:
    corpus = _corpus(seed)
    for threshold in (0.01, 0.3, 0.8, 1.0):
        got = ct.duplicates(corpus, threshold=threshold, max_df=max_df)
        rows = set(
            got[["doc_a", "doc_b", "kind", "jaccard", "shared"]].itertuples(index=False, name=None)
        )
        want = _brute(corpus, threshold)
        if max_df == 200:  # no shingle is frequent: nothing can be missed
            assert rows == want
        else:  # a pair sharing only frequent shingles is missed, by design; no false row
            assert rows <= want
            assert {r for r in want if r[2] == "exact"} <= rows
        assert len(rows) == len(got)


def test_duplicates_of_a_corpus_without_shared_shingles_is_empty() -> None:
    c = ct.Corpus(pd.DataFrame({"doc_id": ["a", "b"], "text": ["One two three.", "Four five."]}))
    got = ct.duplicates(c, threshold=0.01)
    assert got.empty
    assert list(got.columns)[:3] == ["doc_a", "doc_b", "outlet_a"]
