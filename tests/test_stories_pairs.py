"""The pairs path of stories() (undated blocks of 5,000+ documents) in small products: the
same stories and links as the grid, whatever the product size, and no rebuilt product."""

from __future__ import annotations

import importlib
import warnings
from pathlib import Path

import pandas as pd
import pytest
from scipy.sparse import SparseEfficiencyWarning

import corpus_tools as ct

DATA = Path(__file__).resolve().parent / "data"
TEXTS = sorted(DATA.glob("real/bbc/*/*.txt")) + sorted(DATA.glob("stories/*/*/*.txt"))


def _corpus() -> ct.Corpus:
    """Real BBC headlines and first paragraphs, undated, with wire copies (exact ties) and
    an empty document (a row with no term, so no entry of its own in the product)."""
    texts = []
    for p in TEXTS:
        head, _, body = p.read_text(encoding="utf-8").partition("\n")
        texts += [head.strip(), body.strip().split("\n\n")[0]]
    texts += texts[:30] + [""]
    return ct.Corpus(pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts}))


@pytest.mark.parametrize("cells", [40, 1_000, 1_000_000])
def test_pairs_in_small_products_equal_the_grid(monkeypatch, cells) -> None:
    mod = importlib.import_module("corpus_tools.stories")
    corpus = _corpus()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ct.CorpusToolsWarning)  # 28 undated chain
        grid = ct.stories(corpus, threshold=0.15)
    monkeypatch.setattr(mod, "_SPARSE_FROM", 0)
    monkeypatch.setattr(mod, "_SPARSE_SHARE", 1.01)
    monkeypatch.setattr(mod, "_PAIR_CELLS", cells)
    with warnings.catch_warnings():
        # setdiag on a product without its diagonal entry rebuilt it, and said so
        warnings.simplefilter("ignore", ct.CorpusToolsWarning)
        warnings.simplefilter("error", SparseEfficiencyWarning)
        pairs = ct.stories(corpus, threshold=0.15)
    pd.testing.assert_frame_equal(grid.table, pairs.table)
    pd.testing.assert_frame_equal(grid.links, pairs.links)
    # 184 links and 73 stories before two shared terms forming one phrase of both texts counted
    # as one ('say ... reports', 'tsunami aid', 'LSE bid': 12 links, session 31)
    assert (len(corpus), len(grid.links), grid.table["story_id"].nunique()) == (197, 172, 79)
