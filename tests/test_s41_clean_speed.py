"""Session 41: bench_clean_speed.py reads a stream corpus of parquet parts and times the
stream's cleaner (``clean_text_only``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from conftest import bench_module

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    """benchmarks/bench_clean_speed.py as a module (conftest's loader)."""
    with bench_module("bench_clean_speed") as mod:
        return mod


def _parts(folder: Path) -> None:
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))[:4]]
    for k, chunk in enumerate((texts[:3], [None], texts[3:])):
        ids = [f"d{k}-{i}" for i in range(len(chunk))]
        pq.write_table(pa.table({"doc_id": ids, "text": chunk}), folder / f"part-{k:08d}.parquet")


def test_a_folder_of_parquet_parts_gives_its_texts_in_part_order(tmp_path):
    _parts(tmp_path / "parquet")
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))[:4]]
    got = _bench().real_texts(tmp_path / "parquet", 10)
    assert got == seeds[:3] + [""] + seeds[3:]  # a missing text is an empty one
    assert _bench().real_texts(tmp_path / "parquet", 2) == seeds[:2]


def test_text_only_times_the_streams_cleaner(tmp_path):
    _parts(tmp_path / "parquet")
    res = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_clean_speed.py"), "--text-only"]
        + ["--corpus", str(tmp_path / "parquet"), "--n", "5"],
        capture_output=True,
        text=True,
        check=False,
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("clean_text_only on 5 documents of ")
    assert "| this version |" in res.stdout
