"""keyness top_n keeps only the terms a group uses (QA finding S19-H6-6).

A small group that uses fewer kept terms than ``top_n`` used to be filled up with
count-0 rows (z slightly negative), shown by notebook 02 as the group's top terms.
"""

from __future__ import annotations

import pandas as pd

import corpus_tools as ct
from corpus_tools.stream import keyness_from_counts, stream_counts

# outlet "small" uses two terms (fires, rockets); "big" uses many
_DOCS = pd.DataFrame(
    {
        "doc_id": ["a", "b", "c", "d"],
        "outlet": ["big", "big", "big", "small"],
        "text": [
            "Troops fired rockets. Ministers met envoys. Talks resumed.",
            "Envoys met ministers. Troops left. Talks stalled.",
            "Talks resumed. Troops fired. Ministers left.",
            "Rockets fired. Rockets fired.",
        ],
    }
)


def _corpus() -> ct.Corpus:
    return ct.Corpus(_DOCS.copy())


def test_top_n_never_lists_a_term_the_group_does_not_use() -> None:
    k = ct.keyness(_corpus(), min_count=1, min_docs=1, top_n=5)
    small = k[k["group"] == "small"]
    assert small["term"].tolist() == ["rockets", "fired"]
    assert small["count"].tolist() == [2, 2]
    assert (k["count"] > 0).all()
    big = k[k["group"] == "big"]
    assert len(big) == 5  # the big group has more than five terms: a full top 5


def test_top_n_rows_are_the_full_table_rows_with_a_count() -> None:
    full = ct.keyness(_corpus(), min_count=1, min_docs=1)
    top = ct.keyness(_corpus(), min_count=1, min_docs=1, top_n=3)
    # the full table still lists every kept term for every group, count 0 included
    assert (full["count"] == 0).any()
    used = full[full["count"] > 0]
    expected = used.groupby("group", sort=True, group_keys=False).head(3)
    pd.testing.assert_frame_equal(top.reset_index(drop=True), expected.reset_index(drop=True))


def test_streaming_keyness_agrees_with_top_n() -> None:
    top = ct.keyness(_corpus(), min_count=1, min_docs=1, top_n=5)
    streamed = keyness_from_counts(
        stream_counts(_DOCS, clean=False, mentions=False), min_count=1, min_docs=1, top_n=5
    )
    cols = ["group", "term", "count", "count_rest", "n_docs", "z"]
    pd.testing.assert_frame_equal(
        streamed[cols].reset_index(drop=True), top[cols].reset_index(drop=True)
    )


def test_a_table_past_the_row_cap_leaves_out_count_0_rows_with_a_warning(monkeypatch) -> None:
    # 3,000 cyber headlines, 563 outlets: keyness() without top_n made 1,996,961 rows (545 MB),
    # 55,128 of them with a count; past FULL_TABLE_ROWS only the rows with a count are kept
    import importlib
    import warnings

    import pytest

    kmod = importlib.import_module("corpus_tools.keyness")  # ct.keyness is the function

    full = ct.keyness(_corpus(), min_count=1, min_docs=1)
    n_terms = full["term"].nunique()
    assert len(full) == 2 * n_terms and (full["count"] == 0).sum() > 0
    monkeypatch.setattr(kmod, "FULL_TABLE_ROWS", len(full) - 1)
    with pytest.warns(ct.CorpusToolsWarning) as caught:
        capped = ct.keyness(_corpus(), min_count=1, min_docs=1)
    assert [str(w.message) for w in caught] == [
        f"keyness: 2 groups x {n_terms:,} terms would make {2 * n_terms:,} rows (over "
        f"{len(full) - 1:,}): the rows of terms a group never uses (count 0) are left out; pass "
        "top_n=N for each group's top N, or keep_unused=True for every row"
    ]
    expected = full[full["count"] > 0].reset_index(drop=True)
    pd.testing.assert_frame_equal(capped, expected)
    assert capped[capped["group"] == "small"]["term"].tolist() == ["rockets", "fired"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        kept = ct.keyness(_corpus(), min_count=1, min_docs=1, keep_unused=True)
        top = ct.keyness(_corpus(), min_count=1, min_docs=1, top_n=2)
    pd.testing.assert_frame_equal(kept, full)
    assert len(top) == 4 and (top["count"] > 0).all()  # top_n is never capped or warned
    # under the cap keep_unused=False still drops them, silently
    monkeypatch.setattr(kmod, "FULL_TABLE_ROWS", 1_000_000)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        used = ct.keyness(_corpus(), min_count=1, min_docs=1, keep_unused=False)
    pd.testing.assert_frame_equal(used, expected)
    # the streaming path shares the table code: the same rows past the cap
    monkeypatch.setattr(kmod, "FULL_TABLE_ROWS", len(full) - 1)
    with pytest.warns(ct.CorpusToolsWarning):
        streamed = keyness_from_counts(
            stream_counts(_DOCS, clean=False, mentions=False), min_count=1, min_docs=1
        )
    cols = ["group", "term", "count", "count_rest", "n_docs", "z"]
    pd.testing.assert_frame_equal(streamed[cols].reset_index(drop=True), expected[cols])
