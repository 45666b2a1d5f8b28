"""Tables by group in the notebooks list the largest groups first (QA S23-H8-4)."""

import pandas as pd
import pytest

import corpus_tools as ct


def test_many_small_outlets_do_not_push_the_large_ones_off_the_table() -> None:
    docs = pd.DataFrame({"group": ["16 News"] + ["Reuters"] * 5 + ["9News"] + ["AP"] * 3})
    kinds = pd.DataFrame(
        {"direct": [1, 4, 1, 2], "n_quotes": [1, 6, 1, 3]},
        index=pd.Index(["16 News", "9News", "AP", "Reuters"], name="group"),
    )
    shown = ct.largest_groups_first(kinds, docs["group"].value_counts()).head(2)
    assert shown.index.tolist() == ["Reuters", "AP"]


def test_groups_of_one_size_keep_their_order_and_a_wrong_column_is_named() -> None:
    t = pd.DataFrame({"outlet": ["b", "a", "c"], "n": [1, 2, 3]})
    sizes = pd.Series({"a": 1, "b": 1, "c": 1})
    assert ct.largest_groups_first(t, sizes, column="outlet")["n"].tolist() == [1, 2, 3]
    with pytest.raises(ct.CorpusValueError, match="no column or index level 'group'"):
        ct.largest_groups_first(t, sizes)
