"""Smoke run of benchmarks/bench_clean_speed.py (tiny corpus; no timing is asserted)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_bench_clean_speed_prints_a_table_and_checks_a_version_against_itself(tmp_path):
    corpus = tmp_path / "txt"
    corpus.mkdir()
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(p, corpus / p.name)
    (corpus / "crlf.txt").write_bytes(b"Talks in Doha\r\n\r\nShare this article\r\nAn ally.\r\n")
    res = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "bench_clean_speed.py"),
            "--quick",
            "--stages",
            "--corpus",
            str(corpus),
            "--ref",
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=tmp_path,
    )
    assert res.returncode == 0, res.stderr[-2000:]
    out = res.stdout
    assert "clean_text on 6 documents" in out
    assert "| version | compiled modules | CPU s | µs/doc |" in out
    assert "| this version |" in out and "| reference |" in out
    assert "| _apply_line_rules |" in out
    assert "| real | 6 | 6 |  |" in out  # same code: every digest agrees
    assert "| seeds (extracted) | 5 | 5 |  |" in out
    assert "identical decisions on every document" in out
