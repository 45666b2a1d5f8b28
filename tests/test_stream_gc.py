"""A stream's pool workers run without automatic cyclic collections and collect every few batches."""

from __future__ import annotations

import gc
from typing import Any

import pandas as pd
import pytest

import corpus_tools.stream as st
from corpus_tools.stream import stream_counts

TEXTS = [
    "Russia and China met in Beijing.",
    "China left the talks.",
    "Iran spoke to Russia. Putin said the Kremlin agreed.",
    "The White House and NATO replied.",
]


def _frame(n: int) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(n)],
            "outlet": ["XY"[i % 2] for i in range(n)],
            "text": [TEXTS[i % len(TEXTS)] for i in range(n)],
        }
    )


def test_workers_count_with_the_collector_off_and_equal_one_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = st._count_batch

    def probe(docs: list[dict[str, Any]], *args: Any, **kw: Any) -> st.StreamCounts:
        out = real(docs, *args, **kw)
        # summed over batches by merge: the batches counted with the collector on
        out.cpu["collector on"] = float(gc.isenabled()) if docs else 0.0
        return out

    monkeypatch.setattr(st, "_count_batch", probe)  # forked workers inherit the probe
    frame = _frame(30)
    two = stream_counts(frame, clean=False, n_jobs=2, batch_size=3)
    one = stream_counts(frame, clean=False, n_jobs=1, batch_size=3)
    items = 30 // (3 * st._UNITS)  # a worker's item holds _UNITS batches of 3
    assert two.cpu["collector on"] == 0.0  # items in the workers, none with it on
    assert one.cpu["collector on"] == items  # one process: its collector left as it was
    assert gc.isenabled()
    assert two == one
    pd.testing.assert_frame_equal(two.term_table(), one.term_table())
    assert two.c_pair == one.c_pair and two.evidence == one.evidence
    assert two.c_pair[("China", "Russia")] == 8


def test_a_pool_worker_collects_and_freezes_every_few_batches(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str] = []
    monkeypatch.setattr(st, "_COLLECT_EVERY", 3)
    monkeypatch.setattr(st.gc, "collect", lambda: calls.append("collect") or 0)
    monkeypatch.setattr(st.gc, "freeze", lambda: calls.append("freeze"))
    kw = dict(
        run="gc-test",
        by="outlet",
        clean=False,
        rules=None,
        mentions=True,
        gazetteer=None,
        n_evidence=3,
    )
    docs = _frame(8).to_dict("records")
    for k in range(7):  # not in a pool worker: never
        st._work((docs[k : k + 1], kw))
    assert calls == []
    monkeypatch.setattr(st, "_IN_POOL", [True])
    kw["run"] = "gc-test-pool"
    for k in range(7):
        st._work((docs[k : k + 1], kw))
        assert calls == ["collect", "freeze"] * ((k + 1) // 3), k
    st._STREAM_VOCAB.clear()
