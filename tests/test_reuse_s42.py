"""text_reuse(max_passages=k) keeps at most ~2k passages while it searches (session 42, issue
18): after each block of seeds only the passages that can still be among the first k rows are
kept, and the table is still exactly the first k rows of the whole table."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import reuse
from tests.test_reuse_s31 import AIRASIA, BAR, BODIES, EBOLA, PAGES, SEARCH, SENSEX
from tests.test_reuse_s31 import _corpus as _pages_corpus
from tests.test_reuse_s40 import _corpus as _wire_corpus


@pytest.fixture()
def small_blocks(monkeypatch) -> list[int]:
    """Blocks of 4 seed pairs (many blocks), and a record of each cut to the first k."""
    monkeypatch.setattr(reuse, "_PAIR_CHUNK", 4)
    cuts: list[int] = []
    real = reuse._first_kept

    def spy(found, seqs, k):
        cuts.append(len(found))
        return real(found, seqs, k)

    monkeypatch.setattr(reuse, "_first_kept", spy)
    return cuts


def test_first_rows_exact_when_cut_between_blocks(small_blocks) -> None:
    c = _wire_corpus()
    whole = ct.text_reuse(c)
    assert len(whole) == 12 and small_blocks == []
    for k in (1, 2, 5):
        with pytest.warns(ct.CorpusToolsWarning, match=f"12 passages found, the first {k} kept"):
            cut = ct.text_reuse(c, max_passages=k)
        pd.testing.assert_frame_equal(cut, whole.head(k), check_exact=True)
        assert (cut.attrs["passages_found"], cut.attrs["passages_kept"]) == (12, k)
    assert small_blocks and max(small_blocks) <= 2 * 5 + 12  # cut during the search


def test_dropped_page_furniture_is_not_counted(small_blocks) -> None:
    c = _pages_corpus(PAGES)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ct.CorpusToolsWarning)
        r = ct.text_reuse(c, max_passages=1)
    assert r[["doc_a", "doc_b", "n_words"]].values.tolist() == [["in2", "uk1", 44]]
    assert "passages_found" not in r.attrs


def test_kept_menu_lines_come_back_in_the_order_found(small_blocks) -> None:
    # the bar is on one page of each outlet only: a menu line, but not furniture of either
    pages = {
        "in1": ("ReutersIndia", f"{SENSEX}\n\n{BAR}"),
        "in2": ("ReutersIndia", f"{SEARCH}\n\n{AIRASIA}"),
        "uk1": ("Reuters_Co_Uk", f"{BODIES}\n\n{AIRASIA}\n\n{BAR}"),
        "uk2": ("Reuters_Co_Uk", EBOLA),
    }
    c = _pages_corpus(pages)
    whole = ct.text_reuse(c)
    assert whole[["doc_a", "doc_b", "n_words"]].values.tolist() == [
        ["in2", "uk1", 35],
        ["in1", "uk1", 9],
    ]
    with pytest.warns(ct.CorpusToolsWarning, match="2 passages found, the first 1 kept"):
        cut = ct.text_reuse(c, max_passages=1)
    pd.testing.assert_frame_equal(cut, whole.head(1), check_exact=True)


def test_with_max_passages_only_the_rows_documents_get_offsets(monkeypatch) -> None:
    made: list[reuse._Offsets] = []
    real = reuse._all_offsets
    monkeypatch.setattr(reuse, "_all_offsets", lambda c, d: made.append(real(c, d)) or made[-1])
    c = _wire_corpus()
    ct.text_reuse(c)
    assert len(made[-1].kept) == 6  # every document's offsets
    with pytest.warns(ct.CorpusToolsWarning, match="the first 1 kept"):
        cut = ct.text_reuse(c, max_passages=1)
    rows_docs = set(cut["doc_a"]) | set(cut["doc_b"])
    assert len(made[-1].kept) == len(rows_docs) == 2  # tokenized again for the row
    assert len(made[-1].short) == 6  # short-line flags: one byte a word
    assert made[-1].short[0].dtype == bool
