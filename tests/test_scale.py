"""The Dask path (LocalCluster, 2 workers) gives the same tables as the pandas path."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import scale
from corpus_tools.errors import CorpusValueError


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory, bench_generator):
    out = tmp_path_factory.mktemp("scale")
    bench_generator.write_corpus(40, out, formats=("jsonl", "parquet"), part_size=15)
    # the same documents as three JSONL partitions
    lines = (out / "docs.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (out / "jsonl").mkdir()
    for i in range(0, 40, 15):
        (out / "jsonl" / f"part-{i // 15}.jsonl").write_text(
            "".join(lines[i : i + 15]), encoding="utf-8"
        )
    return out


@pytest.fixture(scope="module")
def client():
    from dask.distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def loaded(corpus_dir):
    return ct.load_corpus(corpus_dir / "docs.jsonl")


def test_partition_paths(corpus_dir):
    parts = scale.partition_paths(corpus_dir / "parquet")
    assert [Path(p).name for p in parts] == [
        "part-00000.parquet",
        "part-00001.parquet",
        "part-00002.parquet",
    ]
    assert len(scale.partition_paths(str(corpus_dir / "jsonl" / "*.jsonl"))) == 3
    with pytest.raises(CorpusValueError, match="matches no file"):
        scale.partition_paths(str(corpus_dir / "nothing-*.parquet"))


def test_parquet_on_local_cluster_equals_pandas(client, corpus_dir, loaded):
    counts = scale.dask_counts(corpus_dir / "parquet", client=client, batch_size=8)
    assert counts.n_docs == 40
    pd.testing.assert_frame_equal(counts.term_table(), ct.term_frequencies(loaded), rtol=1e-12)
    pd.testing.assert_frame_equal(
        scale.keyness_from_counts(counts), ct.keyness(loaded).drop(columns="evidence"), rtol=1e-12
    )
    co = ct.cooccurrence(loaded)
    got = counts.cooccurrence_table()
    assert len(got) > 0
    pd.testing.assert_frame_equal(
        got.drop(columns="evidence_docs"), co.drop(columns="evidence_docs")
    )
    assert got["evidence_docs"].tolist() == [e[:3] for e in co["evidence_docs"]]


def test_jsonl_files_on_local_cluster_equal_stream(client, corpus_dir):
    from corpus_tools.stream import stream_counts

    ref = stream_counts(corpus_dir / "docs.jsonl")
    got = scale.dask_counts(str(corpus_dir / "jsonl" / "*.jsonl"), client=client)
    pd.testing.assert_frame_equal(got.term_table(), ref.term_table(), rtol=1e-12)
    pd.testing.assert_frame_equal(got.mention_table(), ref.mention_table())
    pd.testing.assert_frame_equal(got.cooccurrence_table(), ref.cooccurrence_table())


def test_wrappers_without_client(corpus_dir, loaded):
    # default scheduler (no client argument): same numbers
    kt = scale.keyness_dask(corpus_dir / "parquet", method="g2", min_count=2, min_docs=1)
    exp = ct.keyness(loaded, method="g2", min_count=2, min_docs=1).drop(columns="evidence")
    pd.testing.assert_frame_equal(kt, exp, rtol=1e-12)
    tf = scale.term_counts_dask(corpus_dir / "parquet", min_count=3)
    pd.testing.assert_frame_equal(tf, ct.term_frequencies(loaded, min_count=3), rtol=1e-12)


def test_bad_columns(corpus_dir):
    with pytest.raises(CorpusValueError, match="text_column"):
        scale.dask_counts(corpus_dir / "parquet", text_column="body", mentions=False)
