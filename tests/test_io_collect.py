"""The compact collection of a load: packed batch texts, text columns, log columns."""

from __future__ import annotations

import math
import pickle

import numpy as np
import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import dedup
from corpus_tools._parallel import release_memory
from corpus_tools.io.batches import SigRef, TextRef, text_facts, work_batch
from corpus_tools.io.collect import CHUNK, LogColumns, StrColumn

pa = pytest.importorskip("pyarrow")

RAWS = ["Talks ended\n\nThe envoys left.\nShare this article", "One line.", " \n"]


def _batch(clean: bool) -> list:
    return work_batch([(r, False) for r in RAWS], None, clean=clean, sign=True)


def test_packed_batch_refers_to_one_array_per_text_kind():
    got = pickle.loads(pickle.dumps(_batch(clean=True)))  # as a pool worker sends it
    texts = [str(out[0]) for _, out in got]
    assert texts == [ct.clean_text(r)[0] for r in RAWS]
    assert texts[0] == "Talks ended\n\nThe envoys left."
    refs = [out[0] for _, out in got]
    assert all(type(r) is TextRef for r in refs)
    assert len({id(r.batch) for r in refs}) == 1  # one Packed object for the batch
    assert refs[0].array.type == pa.large_string()
    assert [text_facts(r) for r in refs] == [
        (len(texts[0]), False, "Talks ended"),
        (9, False, None),
        (len(texts[2]), True, None),
    ]
    assert [bool(r) for r in refs] == [True, True, bool(texts[2])]
    sig = got[0][1][2]
    assert type(sig) is SigRef
    digest, row, n = sig.value()
    assert len(digest) == 16 and row.shape == (64,) and n == 1  # five words: one 5-gram
    assert text_facts("Headline\n\nBody.") == (15, False, "Headline")
    assert text_facts("Headline\n\nBody.", title=False) == (15, False, None)


def test_without_cleaning_raw_and_text_are_one_array():
    got = _batch(clean=False)
    text = got[0][1][0]
    assert text.array is text.batch.raws  # the same Arrow array for both columns
    assert str(text) == RAWS[0]


def test_str_column_slices_packed_texts_and_shares_equal_chunks():
    text = StrColumn()
    raw = StrColumn(twin=text)
    want = []
    for got in [_batch(clean=False) for _ in range(3)]:
        for _, out in got:
            text.append(out[0])
            raw.append(TextRef(out[0].batch, out[0].k, True))
            want.append(str(out[0]))
    assert text[1] == want[1] and list(text) == want and text[-1] == RAWS[-1]
    t, r = text.series(), raw.series()
    assert t.tolist() == want and r.tolist() == want
    assert str(t.dtype) == "str"
    assert raw.chunks[0] is text.chunks[0]  # shared, not copied
    text.append("a plain str")  # a str among the references: its own chunk, not shared
    raw.append("a plain str")
    assert text.series().tolist() == raw.series().tolist() == [*want, "a plain str"]
    assert raw.chunks[1] is not text.chunks[1]


def test_str_column_chunk_of_refs_and_strs_is_one_arrow_array():
    col = StrColumn()
    got = _batch(clean=True)
    for _ in range(CHUNK // len(got) + 1):
        for _, out in got:
            col.append(out[0])
        col.append("between")
    assert isinstance(col.chunks[0], pa.Array) and len(col.chunks[0]) == CHUNK
    assert col[3] == "between" and col[0] == str(got[0][1][0])
    col.replace({0: "changed"})
    assert col[0] == "changed" and col.last_refs is None


def test_log_columns_fast_path_equals_row_by_row():
    rows_a = [{"line_no": 1, "rule": "x", "text": "t"}, {"line_no": 2, "rule": "y", "text": "u"}]
    rows_b = [{"line_no": 3, "rule": "z", "text": "v", "detail": "d"}]
    rows_c = [{"line_no": 4, "rule": "w", "text": "s"}]
    fast, slow = LogColumns(), LogColumns()
    for doc, rows in (("a", rows_a), ("b", rows_b), ("c", rows_c), ("d", rows_a), ("e", [])):
        fast.extend(doc, rows)
        for r in rows:
            slow.add({"doc_id": doc, **r})
    pd.testing.assert_frame_equal(fast.frame(), slow.frame(), check_exact=True)
    frame = fast.frame()
    assert frame["doc_id"].tolist() == ["a", "a", "b", "c", "d", "d"]
    assert frame["detail"].tolist()[2] == "d"
    assert all(
        isinstance(x, float) and math.isnan(x) for i, x in enumerate(frame["detail"]) if i != 2
    )


def test_log_row_with_its_own_doc_id_wins_as_before():
    cols = LogColumns()
    cols.extend("a", [{"line_no": 1}])
    cols.extend("b", [{"line_no": 2, "doc_id": "mine"}])
    assert cols.frame()["doc_id"].tolist() == ["a", "mine"]


def test_load_without_cleaning_shares_text_buffers_and_values():
    texts = [f"Story {i} ran today.\nSecond line {i}." for i in range(300)]
    c = ct.load_corpus(pd.DataFrame({"text": texts}), clean=False, n_jobs=1)
    assert c.docs["raw_text"].tolist() == texts == c.docs["text"].tolist()
    assert c.docs["n_chars"].tolist() == [len(t) for t in texts]
    assert c.docs["title"].tolist() == [None] * 300  # a table row's title is not its first line
    release_memory()  # nothing to check but that it runs


def test_signatures_from_packed_batches_equal_direct_ones():
    texts = [" ".join(f"d{i}w{k}" for k in range(40)) for i in range(5)]
    c = ct.load_corpus(pd.DataFrame({"text": texts + texts[:1]}), n_jobs=1)
    assert c.docs["duplicate_of"].tolist() == [None] * 5 + ["row#1"]
    assert np.array_equal(dedup.signatures(texts)[1][0], dedup.signatures(texts[:1])[1][0])
