"""text_reuse aligns its seed pairs in blocks of ``doc_a`` (session 39): the table does not
depend on the block size, and the text columns keep Python strings."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

import corpus_tools as ct
from corpus_tools import reuse

WIRE = (
    "Moscow and Beijing intend to closely coordinate efforts in view of the escalation, "
    "the ministry said in a statement on Friday after talks that lasted “more than five "
    "hours” in the capital."
)
OTHER = (
    "Shares fell sharply in early trading as investors weighed the central bank's "
    "decision to keep interest rates unchanged for a third month."
)


def _corpus() -> ct.Corpus:
    texts = [
        "Report. " + WIRE + "\n\n" + OTHER,
        "Evening edition:\n\n“" + WIRE + "”\n\nWeather: rain.",
        OTHER + " Analysts said little.",
        "Briefly: " + WIRE + " " + OTHER,
        "Nothing in common here, only a few words about football.",
        WIRE,
    ]
    outlets = ["X", "Y", "Y", "Z", "X", "Z"]
    ids = [f"d{i}" for i in range(len(texts))]
    return ct.Corpus(pd.DataFrame({"doc_id": ids, "outlet": outlets, "text": texts}))


@pytest.mark.parametrize("series", ["outlet", None])
def test_same_table_whatever_the_block_size(series: str | None, monkeypatch) -> None:
    whole = ct.text_reuse(_corpus(), series=series)
    assert len(whole) >= 5  # the wire paragraph in four documents, the other in three
    for chunk in (1, 7, 40):  # one document per block, then a few
        monkeypatch.setattr(reuse, "_PAIR_CHUNK", chunk)
        assert_frame_equal(ct.text_reuse(_corpus(), series=series), whole, check_exact=True)


def test_text_columns_hold_python_strings_and_quotes_are_read() -> None:
    r = ct.text_reuse(_corpus(), series="outlet")
    assert r["text_a"].dtype == object and r["doc_a"].dtype == object
    assert all(type(v) is str for c in ("doc_a", "doc_b", "text_a", "text_b") for v in r[c])
    sides = [qa for a, qa in zip(r["doc_a"], r["in_quotes_a"], strict=True) if a == "d1"]
    sides += [qb for b, qb in zip(r["doc_b"], r["in_quotes_b"], strict=True) if b == "d1"]
    assert sides and all(sides)  # d1 holds the wire paragraph inside curly quotes
    # the d0-d5 passage is the wire paragraph outside quotes on both sides
    row = r[(r["doc_a"] == "d0") & (r["doc_b"] == "d5")]
    assert row[["in_quotes_a", "in_quotes_b"]].values.tolist() == [[False, False]]
    assert r["in_quotes_a"].dtype == bool and r["identity"].dtype == float


def test_seed_index_keeps_shingles_in_two_to_max_df_documents() -> None:
    h = [
        pd.array([5, 6, 7], dtype="int64").to_numpy(),
        pd.array([6, 7, 8], dtype="int64").to_numpy(),
        pd.array([7, 9], dtype="int64").to_numpy(),
    ]
    idx = reuse._seed_index(h, 2)  # 7 is in three documents: over max_df; 5, 8, 9 once
    assert idx.doc.tolist() == [0, 1] and idx.pos.tolist() == [1, 0]
    assert idx.bounds.tolist() == [0, 2]  # one shingle kept: holders 0 and 1
    assert idx.doc.dtype == idx.pos.dtype == "int32"
    idx = reuse._seed_index(h, 3)  # 6: docs 0, 1; 7: docs 0, 1, 2
    assert idx.doc.tolist() == [0, 1, 0, 1, 2] and idx.pos.tolist() == [1, 0, 2, 1, 0]
    assert idx.bounds.tolist() == [0, 2, 5]
    assert reuse._later_holders(idx.bounds, np.arange(5)).tolist() == [1, 0, 2, 1, 0]
