"""The 1M stream's table digests (benchmarks/run.py) are written a slice at a time:
the same MD5 as hashing the whole CSV text, without holding it (session 40)."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from corpus_tools.stream import keyness_from_counts, stream_counts

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def run_py():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    spec = importlib.util.spec_from_file_location("bench_run_s40", ROOT / "benchmarks" / "run.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _whole(df: pd.DataFrame) -> str:
    return hashlib.md5(df.to_csv(index=False).encode()).hexdigest()[:16]


def test_sliced_digest_is_the_whole_csv_digest(run_py):
    rng = np.random.default_rng(7)
    df = pd.DataFrame(
        {
            "group": ["a", "b", "c, d", 'e"f', "g"] * 5,
            "score": rng.normal(size=25) * 1e-3,
            "count": np.arange(25, dtype=np.int64),
            "evidence_docs": [["x:0:0-5"], []] * 12 + [["y:1:3-9", "z"]],
        }
    )
    want = _whole(df)
    for rows in (1, 3, 7, 25, 100):
        assert run_py.table_md5(df, rows=rows) == want


def test_sliced_digest_of_an_empty_table_is_its_header(run_py):
    df = pd.DataFrame({"group": pd.Series(dtype=object), "z": pd.Series(dtype=float)})
    assert run_py.table_md5(df, rows=2) == _whole(df)
    assert run_py.table_md5(df) == hashlib.md5(b"group,z\n").hexdigest()[:16]


def test_streamed_tables_digest_as_before(run_py):
    docs = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(6)],
            "outlet": ["X", "Y", "X", "Y", "X", "Y"],
            "text": [
                "Russia and China met in Beijing. Troops left.",
                "China warned Russia. Militants fired.",
                "The United States and China talked. Russia waited.",
                "Troops left Ukraine. Russia and Ukraine met.",
                "Militants fired again. China and Russia met again.",
                "Ukraine and Russia talked.",
            ],
        }
    )
    counts = stream_counts(docs, clean=False)
    k = keyness_from_counts(counts, min_count=1, min_docs=1)
    tables = [counts.term_table(), k, counts.mention_table(), counts.actor_table()]
    tables.append(counts.cooccurrence_table(min_count=1))
    for df in tables:
        assert len(df) > 0
        assert run_py.table_md5(df, rows=2) == _whole(df)


def test_term_table_rows_are_in_the_sorted_order_without_a_string_sort():
    from corpus_tools._tables import sort_rows
    from corpus_tools.counts import FREQ_COLUMNS

    docs = [
        {"doc_id": "a", "outlet": "Zeit", "text": "Ärger über Zölle. Zebra, apple, ärger."},
        {"doc_id": "b", "outlet": "ABC", "text": "zebra apple zebra Éclair éclair eclair"},
        {"doc_id": "c", "outlet": "zeit.de", "text": "apple Apple APPLE zebra"},
        {"doc_id": "d", "outlet": "ABC", "text": "apple zulu Zulu ärger"},
    ]
    counts = stream_counts(pd.DataFrame(docs), clean=False, mentions=False)
    for min_count in (1, 2):
        tt = counts.term_table(min_count=min_count)
        assert list(tt.columns) == FREQ_COLUMNS
        assert tt["group"].dtype == object and tt["term"].dtype == object
        shuffled = tt.sample(frac=1, random_state=3)
        want = sort_rows(shuffled, ["group", "count", "term"], [True, False, True])
        pd.testing.assert_frame_equal(tt, want)
    tt = counts.term_table()
    # by group, count descending, then the term by code point ('z' < 'é', 'e' < 'ä')
    assert tt["group"].unique().tolist() == ["ABC", "Zeit", "zeit.de"]
    assert tt[tt["group"] == "ABC"][["term", "count"]].values.tolist() == [
        ["apple", 2],
        ["zebra", 2],
        ["zulu", 2],
        ["éclair", 2],
        ["eclair", 1],
        ["ärger", 1],
    ]
    assert (tt["count"] >= 2).sum() == len(counts.term_table(min_count=2))


def test_memory_timeline_keeps_a_bounded_sample_of_the_run(run_py):
    """Session 42: the stream's resident memory over time (main and each worker), a few
    samples at most, evenly spaced: where the main process grows in a 1M run."""
    mem = run_py.TreeMemory(every=1.0, n_trace=2)
    for at in range(9):  # samples 1 s apart: kept at 1 s, then 2 s, then 4 s spacing
        mem._keep(mem._t0 + at, (100 + at) * 1024, [50 * 1024, 60 * 1024])
    assert [t for t, _, _ in mem.trace] == [0, 4, 8]
    assert mem.timeline() == (
        "resident MB over time (s: main/workers): 0: 100/50+60, 4: 104/50+60, 8: 108/50+60"
    )
