"""``bench_frontend --pair``: the same cleaning alone and in two processes at once.

The diagnostic for the lead's idle-machine run: how much CPU two busy cores
cost each other, which no change to the pool can remove.
"""

from __future__ import annotations

from pathlib import Path

from conftest import bench_module

_TEXT = (
    "Council votes on the new budget\n\nThe council met on Monday and voted on the budget "
    "for next year, which raises spending on schools by four per cent.\n\nSubscribe to "
    "our newsletter\n"
)


def _folder(root: Path, n: int) -> Path:
    for k in range(n):
        path = root / "txt" / f"{k // 2:04d}" / f"d{k}.txt"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_TEXT.replace("Monday", f"day {k}"), encoding="utf-8")
    return root


def test_pair_work_cleans_the_first_n_documents(tmp_path: Path) -> None:
    with bench_module("bench_frontend") as bench:
        folder = _folder(tmp_path, 6)
        assert len(bench.bench_counts._txt_paths(folder, 4)) == 4
        out = bench.pair_work(folder, 4)
        assert set(out) == {"cpu"} and out["cpu"] >= 0


def test_pair_test_runs_one_alone_twice_then_two_at_once(tmp_path: Path) -> None:
    with bench_module("bench_frontend") as bench:
        out = bench.pair_test(_folder(tmp_path, 4), 4)
        assert set(out) == {"load", "alone", "two_at_once", "ratio"}
        assert len(out["alone"]) == 2 and len(out["two_at_once"]) == 2
        alone = sum(out["alone"])
        assert out["ratio"] == (round(sum(out["two_at_once"]) / alone, 3) if alone else None)
