"""Parquet files whose columns are all text: decoded once, records as pandas gives them."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from corpus_tools.io import limits as io_limits
from corpus_tools.io import tables
from corpus_tools.io.files import InputSkipped

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

N = 40


def _news(n: int = N) -> pd.DataFrame:
    """Text columns only: a repeated outlet (dictionary), unique ids and texts, some nulls."""
    return pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(n)],
            "outlet": [None if i == 33 else ["Daily", "Herald", "Post"][i % 3] for i in range(n)],
            "title": [None if i % 7 == 2 else f"Talks day {i}" for i in range(n)],
            "text": [f"Story {i}: the envoys met in Doha. " * (1 + i % 4) for i in range(n)],
        }
    )


def _same(got: list[dict[Any, Any]], want: list[dict[Any, Any]]) -> None:
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        assert list(g) == list(w)  # the same keys in the same order
        for k in w:
            nan = g[k] != g[k] and w[k] != w[k]
            assert (g[k] == w[k] or nan) and type(g[k]) is type(w[k]), (k, g[k], w[k])


def _records(path: Path) -> list[dict[Any, Any]]:
    return [r for part in tables.ParquetRows(str(path)).batches() for r in part]


class _Reads:
    """Counts the decoding passes over a file (``ParquetFile.iter_batches`` calls)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.sizes: list[int] = []
        real = pq.ParquetFile.iter_batches

        def counting(f: Any, batch_size: int = 65536, **kw: Any) -> Any:
            self.sizes.append(batch_size)
            return real(f, batch_size=batch_size, **kw)

        monkeypatch.setattr(pq.ParquetFile, "iter_batches", counting)


def test_text_file_is_decoded_once_with_the_records_of_a_whole_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "news.parquet"
    _news().to_parquet(path, index=False, row_group_size=15)  # dictionary-encoded text
    assert pq.ParquetFile(path).metadata.row_group(0).column(3).has_dictionary_page
    monkeypatch.setattr(tables, "PARQUET_BATCH_ROWS", 6)
    reads = _Reads(monkeypatch)
    rows = tables.ParquetRows(str(path))
    parts = list(rows.batches())
    assert reads.sizes == [6]  # one pass: the size check's batches are given out
    assert [len(p) for p in parts] == [6] * 6 + [4]
    got = [r for p in parts for r in p]
    want = pd.read_parquet(path).to_dict("records")
    _same(got, want)
    assert got[2]["doc_id"] == "d2" and math.isnan(got[2]["title"])
    assert math.isnan(got[33]["outlet"]) and got[34]["outlet"] == "Herald"
    assert list(rows.dtypes.index) == ["doc_id", "outlet", "title", "text"]
    # a second call decodes the file again and gives the same records
    _same([r for p in rows.batches() for r in p], want)
    assert reads.sizes == [6, 6]


def test_a_file_past_the_kept_size_is_decoded_again_with_the_same_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "news.parquet"
    _news().to_parquet(path, index=False, row_group_size=15)
    monkeypatch.setattr(tables, "PARQUET_BATCH_ROWS", 6)
    monkeypatch.setattr(tables, "_KEEP_DECODED_BYTES", 1500)  # about two batches
    reads = _Reads(monkeypatch)
    got = _records(path)
    assert reads.sizes == [6, 1, 6]  # size check, first row (dtypes), records
    _same(got, pd.read_parquet(path).to_dict("records"))


def test_batch_size_changed_after_opening_still_gives_its_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "news.parquet"
    _news().to_parquet(path, index=False)
    rows = tables.ParquetRows(str(path))
    monkeypatch.setattr(tables, "PARQUET_BATCH_ROWS", 9)
    parts = list(rows.batches())
    assert [len(p) for p in parts] == [9, 9, 9, 9, 4]
    _same([r for p in parts for r in p], pd.read_parquet(path).to_dict("records"))


def test_expanding_text_is_still_refused_before_any_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bomb.parquet"
    pd.DataFrame({"text": ["Talks ended without a deal. " * 40] * 3000}).to_parquet(path)
    assert path.stat().st_size < 20_000  # ~3.4 MB of text once decoded
    monkeypatch.setattr(io_limits, "MAX_DECOMPRESSED_BYTES", 1_000_000)
    with pytest.raises(InputSkipped, match="Parquet too large when decoded"):
        tables.ParquetRows(str(path))
    monkeypatch.setattr(io_limits, "MAX_DECOMPRESSED_BYTES", 4_000_000)
    got = _records(path)  # under the limit, past the kept size: read twice, all rows
    assert len(got) == 3000 and got[-1]["text"].startswith("Talks ended")


def test_large_strings_and_columns_pandas_restores(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    df = _news()
    table = pa.table(
        {
            c: pa.Array.from_pandas(df[c], type=pa.large_string())
            for c in ["doc_id", "title", "text"]
        }
    )
    pq.write_table(table, tmp_path / "large.parquet", row_group_size=11)
    # a named index written by pandas is restored as the index: not a key of the records
    df.set_index("doc_id").to_parquet(tmp_path / "indexed.parquet")
    # int column labels are restored by pandas from its metadata
    df[["title", "text"]].set_axis([0, 1], axis=1).to_parquet(tmp_path / "ints.parquet")
    monkeypatch.setattr(tables, "PARQUET_BATCH_ROWS", 7)
    for name in ["large.parquet", "indexed.parquet", "ints.parquet"]:
        _same(_records(tmp_path / name), pd.read_parquet(tmp_path / name).to_dict("records"))
    assert list(_records(tmp_path / "indexed.parquet")[0]) == ["outlet", "title", "text"]


def test_text_records_refuse_a_null_the_footer_did_not_announce() -> None:
    batch = pa.record_batch({"text": pa.array(["a", None]), "id": pa.array(["x", "y"])})
    assert tables._text_records(batch, {}) is None
    assert tables._text_records(batch, {"text": None}) == [
        {"text": "a", "id": "x"},
        {"text": None, "id": "y"},
    ]
