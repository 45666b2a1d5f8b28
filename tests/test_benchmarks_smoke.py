"""Smoke run of the benchmark script (tiny corpus; no timing is asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run_script(name: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run ``benchmarks/<name>`` on a tiny corpus generated under ``tmp_path``; assert exit 0."""
    res = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / name), *args, "--corpus-root", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert res.returncode == 0, res.stderr[-2000:]
    return res


def test_benchmark_script_prints_table(tmp_path):
    res = _run_script("run.py", tmp_path, "--docs", "20", "--quick")
    out = res.stdout
    assert "| stage | docs | s | docs/s | tokens/s | peak MB | peer |" in out
    for stage in (
        "| load |",
        "| clean |",
        "| sentences |",
        "| tokens |",
        "| term counts (from text: document x term counts) |",
        "| keyness (counts cached) |",
        "| term counts + keyness (from text) |",
        "NLTK sent+word_tokenize",
        "CountVectorizer + pandas log-odds",
    ):
        assert stage in out
    assert "bytes/token" in out
    # generated corpora go where we said, never into the repository
    assert (tmp_path / "n20" / "txt" / "metadata.csv").exists()


def test_parquet_range_parts_match_the_whole_corpus(tmp_path):
    import importlib.util

    import pandas as pd

    spec = importlib.util.spec_from_file_location(
        "bench_generate", ROOT / "benchmarks" / "generate.py"
    )
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    gen.write_parquet_range(tmp_path / "a", 0, 7, part_size=3)
    gen.write_parquet_range(tmp_path / "a", 7, 10, part_size=3)
    parts = sorted((tmp_path / "a" / "parquet").glob("*.parquet"))
    assert [p.name for p in parts] == [
        "part-00000000.parquet",
        "part-00000003.parquet",
        "part-00000006.parquet",
        "part-00000007.parquet",
    ]
    df = pd.concat([pd.read_parquet(p) for p in parts], ignore_index=True)
    assert df["doc_id"].tolist() == [f"d{i:07d}" for i in range(10)]
    assert df.iloc[4].to_dict() == gen.make_document(4)


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


def test_target_script_prints_every_ratio(tmp_path):
    res = _run_script("bench_targets.py", tmp_path, "--docs", "20", "--peer-cap", "10")
    out = res.stdout
    assert out.startswith("20 documents, ")
    for line in (
        "load+clean+sentences+tokens:",
        "NLTK tutorial (10 docs):",
        "CountVectorizer + log-odds",
    ):
        assert line in out


def test_parallel_benchmark_script_checks_equal_tables(tmp_path):
    res = _run_script("bench_parallel.py", tmp_path, "--docs", "20")
    assert "20 documents; n_jobs=1 against n_jobs=2" in res.stdout
    assert "term counts + keyness from text" in res.stdout
    assert res.stdout.rstrip().endswith("tables identical")
