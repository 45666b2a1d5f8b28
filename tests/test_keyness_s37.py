"""Session 37: keyness's evidence is an Arrow-backed string column; a table of many groups is
joined from a few pieces per column (values as a group at a time gave them)."""

from __future__ import annotations

import sys

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.counts import count_texts

kmod = sys.modules["corpus_tools.keyness"]

TEXTS = [
    "Militants fired rockets. Troops left the town. Militants left.",
    "Troops fired at militants. Troops left. The town was quiet.",
    "Ceasefire talks in Doha resume; troops hold the town.",
    "Rockets hit the town; ceasefire talks stall in Doha.",
    "Militants and troops exchange fire near the town.",
    "Talks in Doha: a ceasefire for the town, troops say.",
]
IDS = ["d5", "d1", "d10", "d2", "d4", "d3"]


def test_evidence_is_arrow_backed_strings() -> None:
    counts = count_texts(TEXTS, groups=IDS, by="doc_id", doc_ids=IDS)
    out = ct.keyness(counts, min_count=1, min_docs=1, top_n=1)
    assert out["evidence"].dtype == pd.StringDtype("pyarrow")
    assert out[["group", "term", "evidence"]].values.tolist() == [
        ["d1", "at", "d1:13-15"],
        ["d10", "hold", "d10:39-43"],
        ["d2", "hit", "d2:8-11"],
        ["d3", "a", "d3:15-16"],
        ["d4", "and", "d4:10-13"],
        ["d5", "left", "d5:32-36; d5:57-61"],
    ]


@pytest.mark.parametrize("top_n", [None, 2])
def test_pieces_joined_in_blocks_same_table(top_n: int | None, monkeypatch) -> None:
    texts = [f"{t} Item {i % 7} and part {i % 3}." for i, t in enumerate(TEXTS * 5)]
    ids = [f"doc{i:02d}" for i in range(len(texts))]
    gc = count_texts(texts, groups=ids, by="doc_id", doc_ids=ids).group_counts()
    whole = kmod.keyness_table(gc, min_count=1, min_docs=1, top_n=top_n)
    monkeypatch.setattr(kmod, "_BLOCK_GROUPS", 1)
    blocks = kmod.keyness_table(gc, min_count=1, min_docs=1, top_n=top_n)
    pd.testing.assert_frame_equal(whole, blocks)
    assert len(whole) == (60 if top_n else 1020)
    assert (
        whole.dtypes.astype(str).tolist()
        == ["object", "object"] + ["int64"] * 2 + ["float64"] * 2 + ["int64"] * 4 + ["float64"] * 2
    )
