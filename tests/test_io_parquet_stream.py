"""Parquet files are read a bounded batch of rows at a time, with the records of a whole read."""

from __future__ import annotations

import gzip
import math
from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools.io import batches, tables
from corpus_tools.io import limits as io_limits
from corpus_tools.io.files import InputSkipped

pq = pytest.importorskip("pyarrow.parquet")

N = 23


def _frame() -> pd.DataFrame:
    """23 rows; the only null of ``score`` (int) and of ``flag`` (bool) are in the last rows."""
    return pd.DataFrame(
        {
            "id": [f"p{i}" for i in range(N)],
            "text": [f"Story {i} about the talks in Doha." for i in range(N)],
            "score": [None if i == 21 else i for i in range(N)],
            "flag": [None if i == 22 else i % 2 == 0 for i in range(N)],
            "count": list(range(N)),
            "published": pd.date_range("2023-01-01", periods=N, freq="D"),
        }
    )


def _write(path: Path) -> None:
    _frame().to_parquet(path, index=False, row_group_size=4)  # six row groups


def test_row_groups_stream_in_bounded_batches_with_whole_file_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "many.parquet"
    _write(path)
    assert pq.ParquetFile(path).metadata.num_row_groups == 6
    monkeypatch.setattr(tables, "PARQUET_BATCH_ROWS", 5)
    with open(path, "rb") as fh:
        rows = tables.ParquetRows(fh)
        parts = list(rows.batches())
    assert [len(p) for p in parts] == [5, 5, 5, 5, 3]
    records = [r for p in parts for r in p]
    assert rows.columns == ["id", "text", "score", "flag", "count", "published"]
    # an int column with a null anywhere is float in every batch, as in a whole read
    assert [type(r["score"]) for r in records[:3]] == [float, float, float]
    assert records[3]["score"] == 3.0 and math.isnan(records[21]["score"])
    assert [r["flag"] for r in records[:2]] == [True, False] and records[22]["flag"] is None
    assert [type(r["count"]) for r in records[:2]] == [int, int]
    assert records[4]["published"] == pd.Timestamp("2023-01-05")
    whole = pd.read_parquet(path).to_dict("records")
    assert len(records) == len(whole) == N
    for got, want in zip(records, whole, strict=True):
        assert got.keys() == want.keys()
        for k in got:
            same = got[k] == want[k] or (got[k] != got[k] and want[k] != want[k])
            assert same and type(got[k]) is type(want[k]), (k, got[k], want[k])


def test_parquet_load_and_stream_give_the_documents_in_file_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path / "many.parquet")
    with open(tmp_path / "many.parquet", "rb") as fh:  # a gzipped copy is read from bytes
        (tmp_path / "copy.parquet.gz").write_bytes(gzip.compress(fh.read()))
    monkeypatch.setattr(tables, "PARQUET_BATCH_ROWS", 5)
    docs = list(ct.iter_documents(tmp_path / "many.parquet", clean=False))
    assert [d["doc_id"] for d in docs] == [f"p{i}" for i in range(N)]
    assert [d["source"] for d in docs[:2]] == ["many.parquet#row=1", "many.parquet#row=2"]
    assert docs[0]["text"] == "Story 0 about the talks in Doha."
    assert docs[2]["score"] == 2.0 and math.isnan(docs[21]["score"])
    assert docs[5]["published"] == pd.Timestamp("2023-01-06")
    with pytest.warns(ct.CorpusToolsWarning, match="'p0' occurs more than once"):
        c = ct.load_corpus(tmp_path, clean=False)  # copy.parquet.gz first, then many.parquet
    assert c.doc_ids == [f"p{i}" for i in range(N)] + [f"p{i}~2" for i in range(N)]
    assert c.docs["format"].unique().tolist() == ["parquet"]
    assert c.docs["score"].dtype == "float64" and c.docs["score"].iloc[3] == 3.0
    assert c.docs["count"].tolist()[:3] == [0, 1, 2]
    assert c.docs["flag"].tolist()[20:N] == [True, False, None]
    assert c.docs["path"].tolist()[N - 1 : N + 1] == ["copy.parquet.gz", "many.parquet"]
    monkeypatch.setattr(tables, "PARQUET_BATCH_ROWS", 1024)  # one batch: the same tables
    with pytest.warns(ct.CorpusToolsWarning):
        whole = ct.load_corpus(tmp_path, clean=False)
    pd.testing.assert_frame_equal(c.docs, whole.docs, check_exact=True)


def test_parquet_rows_stop_at_the_consumer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Documents come out before the rest of the file is converted (nothing read ahead)."""
    _write(tmp_path / "many.parquet")
    monkeypatch.setattr(tables, "PARQUET_BATCH_ROWS", 5)
    monkeypatch.setattr(batches, "BATCH_DOCS", 4)  # documents cleaned (here: passed on) together
    converted: list[int] = []
    real = pd.DataFrame.to_dict

    def counting(self: pd.DataFrame, *args: object, **kwargs: object) -> object:
        converted.append(len(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_dict", counting)
    docs = ct.iter_documents(tmp_path / "many.parquet", clean=False)
    first = next(docs)
    assert first["doc_id"] == "p0"
    assert converted == [5]  # the first batch only
    docs.close()  # the file is closed with the generator


def test_parquet_checks_before_any_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(io_limits, "MAX_DECOMPRESSED_BYTES", 4096)
    pd.DataFrame({"text": ["Talks ended without a deal." * 4] * 400}).to_parquet(
        tmp_path / "dict.parquet", row_group_size=50
    )  # dictionary encoded: small on disk, ~44 KB decoded
    (tmp_path / "empty.parquet").write_bytes(b"")
    pd.DataFrame({"text": pd.Series([], dtype=str)}).to_parquet(tmp_path / "norows.parquet")
    (tmp_path / "ok.txt").write_text("Talks ended.\n")
    c = ct.load_corpus(tmp_path, clean=False)
    assert c.doc_ids == ["ok"]
    reasons = dict(zip(c.skipped["path"], c.skipped["reason"], strict=True))
    assert reasons["dict.parquet"].startswith("Parquet too large when decoded (> 0.00390625 MB")
    assert reasons["empty.parquet"].startswith("not a readable Parquet file (")
    assert reasons["norows.parquet"] == "no rows (only a header or an empty list); nothing to load"
    with pytest.raises(InputSkipped, match="not a readable Parquet file"):
        tables.ParquetRows(b"PAR1 not really")


def test_other_column_types_keep_their_whole_file_values(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Categorical (each batch its own dictionary), nullable, list, date and all-null columns."""
    n = 30
    pd.DataFrame(
        {
            "text": [f"Story {i}." for i in range(n)],
            "cat": pd.Categorical([None if i == 25 else "ab"[i % 2] for i in range(n)]),
            "small": pd.array([None if i == 27 else i for i in range(n)], dtype="UInt8"),
            "pair": [None if i == 26 else [i, i + 1] for i in range(n)],
            "day": [None if i == 28 else pd.Timestamp("2020-01-01").date() for i in range(n)],
            "nothing": [None] * n,
        }
    ).to_parquet(tmp_path / "odd.parquet", row_group_size=4)
    monkeypatch.setattr(tables, "PARQUET_BATCH_ROWS", 3)
    with open(tmp_path / "odd.parquet", "rb") as fh:
        got = [r for part in tables.ParquetRows(fh).batches() for r in part]
    want = pd.read_parquet(tmp_path / "odd.parquet").to_dict("records")
    assert [r["cat"] for r in got[:3]] == ["a", "b", "a"] and math.isnan(got[25]["cat"])
    assert got[4]["small"] == 4 and got[27]["small"] is None
    assert list(got[2]["pair"]) == [2, 3] and got[26]["pair"] is None
    assert len(got) == len(want) == n
    for g, w in zip(got, want, strict=True):
        for k in w:
            if k == "pair":
                assert (g[k] is None and w[k] is None) or list(g[k]) == list(w[k])
                continue
            same = g[k] is w[k] or g[k] == w[k] or (g[k] != g[k] and w[k] != w[k])
            assert same and type(g[k]) is type(w[k]), (k, g[k], w[k])
