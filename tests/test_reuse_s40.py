"""text_reuse(max_passages=k) (session 40, issue 18): when the whole table would not fit in
memory, the first k rows of the whole table, exactly, and a note of what was cut."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import corpus_tools as ct

WIRE = [
    "The central bank raised its main interest rate by half a point on Thursday, the third "
    "rise this year, citing prices that kept climbing faster than wages.",
    "Rescue teams searched the flooded villages along the river for a second day while the "
    "army flew food and water to families cut off by the water.",
    "The minister told reporters that talks with the unions would resume next week and that "
    "no decision on the pension age had been taken yet.",
]


def _corpus() -> ct.Corpus:
    """Wire paragraphs reused by three outlets, whole or cut (passages of several lengths,
    ties of equal length between different pairs)."""
    texts, outlets = [], []
    for k in range(6):
        outlet = f"o{k % 3}"
        paras = [WIRE[k % 3], WIRE[(k + 1) % 3][: 60 + 25 * k], f"Local note number {k} ends."]
        texts.append("\n\n".join(paras))
        outlets.append(outlet)
    return ct.Corpus(
        pd.DataFrame({"doc_id": [f"d{k}" for k in range(6)], "outlet": outlets, "text": texts})
    )


def test_max_passages_gives_the_first_rows_of_the_whole_table() -> None:
    c = _corpus()
    whole = ct.text_reuse(c)
    assert len(whole) == 12
    assert whole["n_words"].tolist()[:4] == [27, 27, 25, 25]  # ties: doc_a, a_start decide
    for k in (1, 2, 5, 11):
        with pytest.warns(ct.CorpusToolsWarning, match=f"12 passages found, the first {k} kept"):
            cut = ct.text_reuse(c, max_passages=k)
        pd.testing.assert_frame_equal(cut, whole.head(k), check_exact=True)
        assert (cut.attrs["passages_found"], cut.attrs["passages_kept"]) == (12, k)


def test_max_passages_at_or_above_the_rows_cuts_nothing() -> None:
    c = _corpus()
    whole = ct.text_reuse(c)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ct.CorpusToolsWarning)
        same = ct.text_reuse(c, max_passages=12)
    pd.testing.assert_frame_equal(same, whole, check_exact=True)
    assert "passages_found" not in same.attrs


def test_max_passages_must_be_a_whole_number_above_zero() -> None:
    with pytest.raises(ct.CorpusValueError, match="max_passages"):
        ct.text_reuse(_corpus(), max_passages=0)
