"""benchmarks/generate.py: fixed output per document, the same parts from one or many processes."""

from __future__ import annotations

import hashlib

import pyarrow.parquet as pq


def test_documents_are_fixed_by_seed_and_index(bench_generator):
    # the benchmark tables (RESULTS_scaling.md digests of parts 00200000 ...) depend on these
    for i, md5, outlet, published in [
        (0, "13dd8c64f52308f297e9fe455281ab20", "Reuters", "2022-11-22"),
        (123456, "771e478964130ba3c464cfc6113ba14f", "Reuters", "2020-04-07"),
    ]:
        d = bench_generator.make_document(i)
        assert hashlib.md5(d["text"].encode()).hexdigest() == md5
        assert (d["doc_id"], d["outlet"], d["published"]) == (f"d{i:07d}", outlet, published)
    assert list(bench_generator.iter_documents(2, start=123455))[1] == d


def test_parallel_parts_equal_one_process(bench_generator, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    bench_generator.write_parquet_range(one, 40, 105, part_size=20)
    bench_generator.write_parquet_parallel(two, 40, 105, jobs=2, part_size=20)
    names = sorted(p.name for p in (one / "parquet").iterdir())
    assert names == [f"part-{a:08d}.parquet" for a in (40, 60, 80, 100)]
    assert names == sorted(p.name for p in (two / "parquet").iterdir())
    for name in names:
        a, b = pq.read_table(one / "parquet" / name), pq.read_table(two / "parquet" / name)
        assert a.equals(b)
    last = pq.read_table(two / "parquet" / "part-00000100.parquet").to_pylist()
    assert [d["doc_id"] for d in last] == [f"d{i:07d}" for i in range(100, 105)]
    assert last[0] == bench_generator.make_document(100)
