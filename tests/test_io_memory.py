"""What the loading process keeps while it collects documents (memory, not values)."""

from __future__ import annotations

import gc

import pyarrow as pa

from corpus_tools.io.batches import SigRef, pack, signed


def test_signature_refs_do_not_keep_the_batch_texts() -> None:
    """The duplicate signature each document keeps until the tables are built must not hold
    its batch's texts: the text column copies them into its own chunks, so that would keep
    every text twice until the end of the load (the stop-18 regression at 100k documents)."""
    raws = [(f"Talks {k} ended in Doha on Tuesday. " * 3000, False) for k in range(4)]
    outs = signed([(raw, []) for raw, _ in raws], raws, keys=False)
    rows: list[dict[str, object] | None] = [{"raw_text": raw} for raw, _ in raws]
    text_bytes = sum(len(raw) for raw, _ in raws)
    before = pa.total_allocated_bytes()
    pack(rows, outs, raws, same=True, keep_raw=False)
    assert pa.total_allocated_bytes() - before >= text_bytes  # the batch's packed texts
    sig_refs = [o[2] for o in outs]
    assert all(type(s) is SigRef for s in sig_refs)
    expected = signed([(raw, []) for raw, _ in raws], raws, keys=False)
    del outs, rows
    gc.collect()
    assert pa.total_allocated_bytes() - before < text_bytes // 10
    for ref, want in zip(sig_refs, expected, strict=True):
        digest, sig, n = ref.value()
        assert (digest, sig.tolist(), n) == (want[2][0], want[2][1].tolist(), want[2][2])
