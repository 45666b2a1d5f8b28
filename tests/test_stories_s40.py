"""stories() at scale (session 40, issue 18): the pairs' rows gathered a block of pairs at a
time, the texts read in batches by the vectoriser and only for the pairs that need them; the
same stories and links whatever the block sizes, dated (several windows) or undated."""

from __future__ import annotations

import importlib
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import corpus_tools as ct

mod = importlib.import_module("corpus_tools.stories")  # ct.stories is the function
DATA = Path(__file__).resolve().parent / "data"


def _corpus() -> ct.Corpus:
    """Real BBC headlines and first paragraphs with wire copies and an empty document (the
    corpus of test_stories_pairs)."""
    texts = []
    for p in sorted(DATA.glob("real/bbc/*/*.txt")) + sorted(DATA.glob("stories/*/*/*.txt")):
        head, _, body = p.read_text(encoding="utf-8").partition("\n")
        texts += [head.strip(), body.strip().split("\n\n")[0]]
    texts += texts[:30] + [""]
    return ct.Corpus(pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts}))


def _stories(corpus: ct.Corpus) -> ct.Stories:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ct.CorpusToolsWarning)  # undated documents chain
        return ct.stories(corpus, threshold=0.15)


def _dated(corpus: ct.Corpus) -> ct.Corpus:
    docs = corpus.docs.copy()
    docs["published"] = pd.Timestamp("2024-01-01") + pd.to_timedelta(
        [k % 9 for k in range(len(docs))], unit="D"
    )
    docs.loc[docs.index[::7], "published"] = pd.NaT  # some undated: a block of their own
    return ct.Corpus(docs)


@pytest.mark.parametrize("dated", [False, True])
def test_stories_in_small_blocks_equal_one_block(monkeypatch, dated) -> None:
    corpus = _dated(_corpus()) if dated else _corpus()
    whole = _stories(corpus)
    if dated:  # several windows and an undated block (values as before this session)
        assert (len(whole.links), whole.table["story_id"].nunique()) == (81, 131)
        days = whole.links["days_apart"]
        assert (days.max(), days.isna().sum()) == (3, 3)  # 3 links between undated documents
    else:  # as in test_stories_pairs (one undated block)
        assert (len(whole.links), whole.table["story_id"].nunique()) == (172, 79)
    monkeypatch.setattr(mod, "_PAIR_ROWS", 3)  # pairs' rows gathered 3 pairs at a time
    monkeypatch.setattr(mod, "_TEXT_BATCH", 5)  # texts read 5 at a time by the vectoriser
    parts = _stories(corpus)
    pd.testing.assert_frame_equal(whole.table, parts.table, check_exact=True)
    pd.testing.assert_frame_equal(whole.links, parts.links, check_exact=True)


def test_texts_at_reads_only_the_rows_asked() -> None:
    col = pd.Series(["a", "b", "c", "d"], dtype="str")
    pos = np.array([3, 1, 0])  # rows 0, 1, 2 of a block are documents 3, 1, 0
    assert mod._texts_at(col, pos, np.array([0, 2])) == {0: "d", 2: "a"}
    assert list(mod._batched_texts(col)) == ["a", "b", "c", "d"]
