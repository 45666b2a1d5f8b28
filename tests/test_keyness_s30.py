"""Session 30: keyness by a one-document-per-group column sums without sparse products."""

from __future__ import annotations

import sys

import numpy as np
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
IDS = ["d5", "d1", "d10", "d2", "d4", "d3"]  # not in label order


@pytest.mark.parametrize("top_n", [None, 2])
@pytest.mark.parametrize("keep_unused", [None, True, False])
def test_one_document_groups_same_table(top_n: int | None, keep_unused: bool | None) -> None:
    counts = count_texts(TEXTS, groups=IDS, by="doc_id", doc_ids=IDS)
    products, rows = counts.group_counts(), kmod._group_sums(counts)
    # the one-document groups stay in the documents' row order (no reordered copy of the
    # matrix, session 38): the same sums once sorted by group
    assert rows.groups == IDS
    order = np.argsort(np.asarray(rows.groups, dtype=object), kind="stable")
    assert [rows.groups[i] for i in order] == products.groups
    assert np.array_equal(rows.group_tokens[order], products.group_tokens)
    assert np.array_equal(rows.group_docs[order], products.group_docs)
    assert (rows.counts[order] != products.counts).nnz == 0
    assert (rows.docs[order] != products.docs).nnz == 0
    kw = {"min_count": 1, "min_docs": 1, "top_n": top_n, "keep_unused": keep_unused}
    a = kmod.keyness_table(products, **kw)
    b = kmod.keyness_table(rows, **kw)
    pd.testing.assert_frame_equal(a, b, check_exact=True)
    assert len(a) > 0


def test_keyness_by_doc_id_on_a_corpus() -> None:
    c = ct.Corpus(pd.DataFrame({"doc_id": IDS, "outlet": list("ABABAB"), "text": TEXTS}))
    k = ct.keyness(c, by="doc_id", min_count=2, min_docs=2, top_n=3)
    assert sorted(set(k["group"])) == sorted(IDS)
    d1 = k[k["group"] == "d1"]
    assert d1["term"].tolist() == ["fired", "troops", "left"]
    assert d1["count"].tolist() == [1, 2, 1]
    assert d1["evidence"].tolist() == ["d1:7-12", "d1:0-6; d1:27-33", "d1:34-38"]
    assert all(e.startswith(g + ":") for g, e in zip(k["group"], k["evidence"], strict=True))
