"""Keyness tables of the terms a group uses (session 29): read from each group's row of counts
(no vocabulary-long arrays per group), equal to the full table cut to its count > 0 rows."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import corpus_tools as ct


def _corpus(seed: int = 29, n: int = 60) -> ct.Corpus:
    rng = np.random.default_rng(seed)
    words = ["gaza", "talks", "Talks", "US", "us", "aid", "x", "Iran", "the", "oil", "vote", "IT"]
    weights = rng.dirichlet(np.ones(len(words)))
    texts = [" ".join(rng.choice(words, int(rng.integers(3, 30)), p=weights)) for _ in range(n)]
    return ct.Corpus(
        pd.DataFrame(
            {
                "doc_id": [f"d{int(k):03d}" for k in rng.permutation(n)],
                "outlet": [str(rng.choice(["A", "B", "C", "D"])) for _ in range(n)],
                "text": texts,
            }
        )
    )


@pytest.mark.parametrize("method", ["log_odds_dirichlet", "g2"])
@pytest.mark.parametrize("by", ["outlet", "doc_id"])
def test_used_rows_and_top_n_equal_the_full_table_cut(method, by):
    c = _corpus()
    full = ct.keyness(c, by=by, method=method, keep_unused=True, min_count=2)
    used = ct.keyness(c, by=by, method=method, keep_unused=False, min_count=2)
    want = full[full["count"] > 0].reset_index(drop=True)
    pd.testing.assert_frame_equal(used, want, check_exact=True)
    assert len(want) < len(full)  # count-0 rows exist and were left out
    top = ct.keyness(c, by=by, method=method, top_n=3, min_count=2)
    want_top = want.groupby("group", sort=False).head(3).reset_index(drop=True)
    pd.testing.assert_frame_equal(top, want_top, check_exact=True)
    assert (top.groupby("group").size() <= 3).all()


def test_group_and_term_columns_are_python_strings():
    k = ct.keyness(_corpus(), top_n=2, min_count=2)
    assert k["group"].dtype == object and k["term"].dtype == object
    assert all(type(t) is str for t in k["term"]) and all(type(g) is str for g in k["group"])
    empty = ct.keyness(_corpus(), min_count=10_000)
    assert empty.empty and empty["term"].dtype == object
