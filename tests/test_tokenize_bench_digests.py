"""``bench_frontend.table_digests``: the check that a speed change keeps the front end's tables.

A digest must change with any value, dtype or category order, and not with a copy.
"""

from __future__ import annotations

import pandas as pd
from conftest import bench_module

import corpus_tools as ct


def _tables() -> dict[str, pd.DataFrame]:
    c = ct.Corpus(
        pd.DataFrame({"doc_id": ["a", "b"], "text": ["The US left. Then.", "Iran’s envoy."]})
    )
    return {"sentences": ct.sentences(c), "tokens": ct.tokens(c, compact=True)}


def test_digests_see_every_value_dtype_and_category_order() -> None:
    with bench_module("bench_frontend") as bench:
        tables = _tables()
        base = bench.table_digests(tables)
        assert set(base) == {"sentences", "tokens"} and all(len(d) == 16 for d in base.values())
        assert bench.table_digests({k: v.copy() for k, v in tables.items()}) == base
        toks = tables["tokens"]
        changed = toks.copy()
        changed.loc[2, "end"] = changed.loc[2, "end"] + 1
        assert bench.table_digests({"tokens": changed})["tokens"] != base["tokens"]
        wide = toks.astype({"start": "int64"})
        assert bench.table_digests({"tokens": wide})["tokens"] != base["tokens"]
        order = toks.copy()
        order["token"] = order["token"].cat.reorder_categories(order["token"].cat.categories[::-1])
        assert (order["token"].astype(str) == toks["token"].astype(str)).all()
        assert bench.table_digests({"tokens": order})["tokens"] != base["tokens"]
        text = tables["sentences"].copy()
        text.loc[0, "text"] = "The US left!"
        assert bench.table_digests({"sentences": text})["sentences"] != base["sentences"]
