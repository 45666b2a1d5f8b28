"""Session 28 front end: work of the loading process done while the pool's workers run.

- ``ordered_map(started=...)``: called once, when the first items are out, before the
  first result is awaited;
- the metadata file is read while the workers clean their first batches (its rows joined
  as before; a bad metadata file still raises, after the documents before it);
- sentences/tokens take the documents' lengths from the ``n_chars`` column;
- the compact token table's categoricals are built without pandas' range check.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import corpus_tools as ct
import corpus_tools.io.batches as io_batches
import corpus_tools.io.load as io_load
import corpus_tools.tokenize as tk
from corpus_tools._parallel import ordered_map
from corpus_tools.errors import MetadataError


def _pid(x: int) -> tuple[int, int]:
    return x, os.getpid()


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_started_runs_once_before_the_first_result(n_jobs: int) -> None:
    log: list[Any] = []

    def started() -> None:
        log.append(("started", len(mp.active_children())))

    for x, _ in ordered_map(_pid, range(7), n_jobs, started=started):
        log.append(x)
    assert log[0][0] == "started" and log[1:] == list(range(7))
    # with a pool, the workers exist when it runs (they work on the first items meanwhile)
    assert log[0][1] == (0 if n_jobs == 1 else n_jobs)


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_started_not_called_without_items(n_jobs: int) -> None:
    calls: list[int] = []
    assert list(ordered_map(_pid, [], n_jobs, started=lambda: calls.append(1))) == []
    assert calls == []


def test_started_with_fewer_items_than_in_flight() -> None:
    calls: list[int] = []
    got = list(ordered_map(abs, [-1], 2, started=lambda: calls.append(len(mp.active_children()))))
    assert got == [1] and len(calls) == 1 and calls[0] >= 1


def _folder(root: Path, n: int, meta: bool = True) -> None:
    rows = []
    for k in range(n):
        words = " ".join(f"w{(k * 7 + j) % 97}" for j in range(40))
        (root / f"{k:03d}.txt").write_text(f"Title {k}\n\nBody {k} says {words}.\n", "utf-8")
        rows.append({"file": f"{k:03d}.txt", "outlet": f"o{k % 3}", "published": "2024-05-01"})
    if meta:
        pd.DataFrame(rows).to_csv(root / "metadata.csv", index=False)


def test_metadata_read_while_the_workers_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _folder(tmp_path, 40)
    monkeypatch.setattr(io_batches, "BATCH_DOCS", 16)
    monkeypatch.setattr(io_batches, "INLINE_DOCS", 40)
    workers_then: list[int] = []
    real = io_load.load_sidecar

    def spy(*a: Any, **kw: Any) -> Any:
        workers_then.append(len(mp.active_children()))
        return real(*a, **kw)

    monkeypatch.setattr(io_load, "load_sidecar", spy)
    got = ct.load_corpus(tmp_path)  # a pool after 8 documents (expected = INLINE_DOCS)
    assert len(workers_then) == 1 and workers_then[0] >= 1
    one = ct.load_corpus(tmp_path, n_jobs=1)  # no pool: read at the first document
    assert workers_then[1] == 0
    pd.testing.assert_frame_equal(got.docs, one.docs)
    assert got.docs["outlet"].tolist()[:4] == ["o0", "o1", "o2", "o0"]
    assert (got.docs["published"] == pd.Timestamp("2024-05-01")).all()
    assert set(got.docs["outlet_source"]) == {"sidecar"}


@pytest.mark.parametrize("n_jobs", [1, 2])
def test_bad_metadata_still_raises(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, n_jobs: int
) -> None:
    _folder(tmp_path, 40, meta=False)
    monkeypatch.setattr(io_batches, "BATCH_DOCS", 16)
    pd.DataFrame({"file": ["000.txt", "nope.txt"], "outlet": ["a", "b"]}).to_csv(
        tmp_path / "metadata.csv", index=False
    )
    with pytest.raises(MetadataError, match="'nope.txt' names no loaded document"):
        ct.load_corpus(tmp_path, n_jobs=n_jobs)
    pd.DataFrame({"file": ["000.txt"], "published": ["02/11/2023"]}).to_csv(
        tmp_path / "metadata.csv", index=False
    )
    with pytest.raises(MetadataError, match="02/11/2023"):
        ct.load_corpus(tmp_path, n_jobs=n_jobs)


def test_metadata_checked_when_no_document_loads(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")  # nothing but an empty file
    pd.DataFrame({"file": ["zzz.txt"], "outlet": ["a"]}).to_csv(
        tmp_path / "metadata.csv", index=False
    )
    with pytest.raises(MetadataError, match="'zzz.txt' names no loaded document"):
        ct.load_corpus(tmp_path, n_jobs=1)


def test_events_of_the_warm_batch_first_and_an_error_after_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    early_error = ValueError("late")
    made: list[Any] = []

    def complete(row: dict[str, Any], text: Any, log: Any) -> Any:
        made.append(row["doc_id"])
        return row, log

    results = [(None, ("t", [])), (None, ("u", []))]
    events = [("doc", {"doc_id": "a", "raw_text": "t"}, None)] * 2
    early = io_batches._Early(((events, early_error), results), complete, lambda r: r)
    early()
    assert made == ["a", "a"]  # made when called (with a pool: while its workers run)
    got = []
    with pytest.raises(ValueError, match="late"):
        for ev in early.given():
            got.append(ev[0])
    assert got == ["doc", "doc"]
    assert list(early.given()) == []  # each event once, the error once


def test_lengths_from_n_chars(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["Ein Satz. Zwei.", "", "Über 3 Wörter — ja.\n\nNoch eins."]
    c = ct.Corpus(pd.DataFrame({"doc_id": ["a", "b", "c"], "text": texts}))
    assert tk._doc_chars(c).tolist() == [len(t) for t in texts]
    assert tk._total_chars(c) == sum(map(len, texts))
    # the count given is the one used: no str.len over the column
    assert tk.resolve_jobs(None, c.docs["text"], chars=tk.AUTO_MIN_CHARS) == min(
        len(os.sched_getaffinity(0)), io_batches.MAX_AUTO_JOBS
    )
    assert tk.resolve_jobs(None, c.docs["text"], chars=tk.AUTO_MIN_CHARS - 1) == 1
    s, t = tk.sentences(c), tk.tokens(c, compact=True)
    assert s["text"].tolist() == ["Ein Satz.", "Zwei.", "Über 3 Wörter — ja.", "Noch eins."]
    assert t["token"].astype(str).tolist()[:3] == ["Ein", "Satz", "."]


def test_compact_categoricals_equal_checked_ones() -> None:
    c = ct.Corpus(pd.DataFrame({"doc_id": ["x", "y"], "text": ["The US left.", "the Us, THE us"]}))
    t = tk.tokens(c, compact=True)
    for col in ("doc_id", "token", "lower"):
        cat = t[col].array
        checked = pd.Categorical.from_codes(cat.codes, categories=cat.categories)
        pd.testing.assert_extension_array_equal(cat, checked)
        assert cat.codes.dtype == np.int8
    assert t["lower"].astype(str).tolist() == [
        "the",
        "us",
        "left",
        ".",
        "the",
        "us",
        ",",
        "the",
        "us",
    ]


def test_one_process_gives_each_batch_out_before_cleaning_the_next(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _folder(tmp_path, 12, meta=False)
    monkeypatch.setattr(io_batches, "BATCH_DOCS", 4)
    calls: list[int] = []
    real = io_batches.work_batch

    def counted(items: list[Any], *args: Any, **kw: Any) -> Any:
        calls.append(len(items))
        return real(items, *args, **kw)

    monkeypatch.setattr(io_batches, "work_batch", counted)
    docs = ct.iter_documents(tmp_path)  # n_jobs=1: streamed batch by batch
    first = next(docs)
    assert first["doc_id"] == "000" and calls == [4]
    assert len(list(docs)) == 11 and calls[:3] == [4, 4, 4] and sum(calls) == 12
