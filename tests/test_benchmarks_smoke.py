"""Smoke run of the benchmark script (tiny corpus; no timing is asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_benchmark_script_prints_table(tmp_path):
    res = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--docs",
            "20",
            "--quick",
            "--corpus-root",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert res.returncode == 0, res.stderr[-2000:]
    out = res.stdout
    assert "| stage | docs | s | docs/s | tokens/s | peak MB | peer |" in out
    for stage in (
        "| load |",
        "| clean |",
        "| sentences |",
        "| tokens |",
        "| term counts |",
        "| keyness |",
        "NLTK sent+word_tokenize",
        "CountVectorizer + pandas log-odds",
    ):
        assert stage in out
    assert "bytes/token" in out
    # generated corpora go where we said, never into the repository
    assert (tmp_path / "n20" / "txt" / "metadata.csv").exists()


def test_generator_is_deterministic(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "bench_generate", ROOT / "benchmarks" / "generate.py"
    )
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    a = gen.make_document(7)
    assert a == gen.make_document(7)
    assert a["doc_id"] == "d0000007"
    words = a["text"].split()
    assert 300 <= len(words) <= 1100
    vocab, cdf = gen.vocabulary()
    assert len(vocab) >= 200_000 and len(set(vocab)) == len(vocab)
    assert abs(cdf[-1] - 1.0) < 1e-12
