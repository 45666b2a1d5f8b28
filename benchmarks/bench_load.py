"""``load_corpus`` alone (read + decode + clean + templates + dedup flags): time, CPU, memory.

Usage::

    python benchmarks/bench_load.py                                   # real20000, n_jobs 1 and 2
    python benchmarks/bench_load.py --corpora real20000,generated20000 --n-jobs 1,2
    python benchmarks/bench_load.py --corpora real300 --n-jobs 1      # smoke run
    python benchmarks/bench_load.py --root /tmp/old --n-jobs 0        # another checkout's package
    python benchmarks/bench_load.py --corpora generated20000 --n-jobs 0 --keep-raw 1,0  # lean
    python benchmarks/bench_load.py --stream docs.parquet --root /tmp/old  # streaming memory

Each row runs in a fresh child process (imports before the clock) on a
folder built under ``benchmarks/_corpora/<name>/txt`` (``real<N>`` by
``bench_counts.py``: BBC articles of ZitRos/news-articles-dataset split and
resampled; ``generated<N>`` by ``bench_pipeline.py`` / ``generate.py``).

Columns: wall seconds, CPU seconds (user + system of the process and its
pool workers; the memory sampler's own thread time is taken off), peak resident memory of the loading process, peak resident
memory of the whole process tree (RSS and PSS sums, sampled every 100 ms with
psutil, pool workers included), the resident memory the loaded corpus adds (RSS after the
load minus RSS before it) and the size of the loaded corpus (docs + log,
``memory_usage(deep=True)``). The load average is printed before and after:
on a shared machine compare CPU seconds, or ratios from the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
CORPORA = HERE / "_corpora"


def _cpu() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


class _TreePeak:
    """Peaks of the summed RSS and PSS of this process and its children, sampled in a thread.

    RSS counts the pages a forked worker shares with its parent in both; PSS
    splits shared pages between the processes, so its sum is the tree's real use.
    """

    def __init__(self) -> None:
        import psutil

        self.proc = psutil.Process()
        self.peak = 0
        self.peak_pss = 0
        self.cpu = 0.0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.is_set():
            rss = pss = 0
            for p in [self.proc, *self.proc.children(recursive=True)]:
                try:
                    info = p.memory_full_info()
                except Exception:  # a worker that just exited
                    continue
                rss += info.rss
                pss += getattr(info, "pss", info.rss)
            self.peak = max(self.peak, rss)
            self.peak_pss = max(self.peak_pss, pss)
            self.stop.wait(0.1)
        self.cpu = time.thread_time()  # reading smaps is not free: taken off the load's CPU

    def done(self) -> tuple[float, float]:
        self.stop.set()
        self.thread.join()
        return self.peak / 2**20, self.peak_pss / 2**20


def child(folder: Path, n_jobs: int, clean: bool = True, keep_raw: bool = True) -> dict[str, Any]:
    """Load ``folder`` here with ``n_jobs`` (``clean``, ``keep_raw``) and return the numbers."""
    import warnings

    import psutil

    import corpus_tools as ct

    warnings.simplefilter("ignore")
    print(f"corpus_tools from {ct.__file__}", file=sys.stderr)
    rss0 = psutil.Process().memory_info().rss
    tree = _TreePeak()
    t0, c0 = time.perf_counter(), _cpu()
    kwargs: dict[str, Any] = {} if n_jobs == 0 else {"n_jobs": n_jobs}
    if not keep_raw:
        kwargs["keep_raw"] = False
    me0 = resource.getrusage(resource.RUSAGE_SELF)
    corpus = ct.load_corpus(folder, clean=clean, **kwargs)
    wall, cpu = time.perf_counter() - t0, _cpu() - c0
    me1 = resource.getrusage(resource.RUSAGE_SELF)
    own = me1.ru_utime + me1.ru_stime - me0.ru_utime - me0.ru_stime
    tree_peak, tree_pss = tree.done()
    cpu, own = cpu - tree.cpu, own - tree.cpu
    rss1 = psutil.Process().memory_info().rss
    size = (
        corpus.docs.memory_usage(deep=True).sum()
        + corpus.cleaning_log.memory_usage(deep=True).sum()
    )
    if len(corpus.skipped):  # a broken checkout skips every document: say so, not just "0 docs"
        first = corpus.skipped.iloc[0]
        print(
            f"{len(corpus.skipped):,} skipped, e.g. {first['path']}: {first['reason']}",
            file=sys.stderr,
        )
    return {
        "n_docs": len(corpus.docs),
        "n_log": len(corpus.cleaning_log),
        "seconds": wall,
        "cpu": cpu,
        "own_cpu": own,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "tree_peak_mb": tree_peak,
        "tree_pss_mb": tree_pss,
        "kept_mb": (rss1 - rss0) / 2**20,
        "frame_mb": size / 2**20,
    }


def stream_child(path: Path) -> dict[str, Any]:
    """Stream ``path`` with ``iter_documents(clean=False)`` here: peak RSS above the start."""
    import warnings

    import psutil

    import corpus_tools as ct

    warnings.simplefilter("ignore")
    rss0 = psutil.Process().memory_info().rss
    t0 = time.process_time()
    n = 0
    for _ in ct.iter_documents(path, clean=False):
        n += 1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {"n_docs": n, "cpu": time.process_time() - t0, "above_mb": (peak - rss0) / 2**20}


def stream_table(paths: list[str], root: str | None) -> None:
    """One row per file: documents, CPU s and peak RSS above the start of a fresh process."""
    print("| file | root | docs | CPU s | peak RSS above start MB |")
    print("|---|---|---|---|---|")
    for path in paths:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--stream-child"]
        cmd += [str(Path(path).resolve())]
        cmd += ["--root", root] if root else []
        res = subprocess.run(cmd, capture_output=True, text=True, cwd=HERE)
        if res.returncode != 0:
            raise RuntimeError(f"streaming {path} failed: {res.stderr[-2000:]}")
        r = json.loads(res.stdout.strip().splitlines()[-1])
        print(
            f"| {Path(path).name} | {root or 'this checkout'} | {r['n_docs']:,} | {r['cpu']:.2f} "
            f"| {r['above_mb']:,.0f} |",
            flush=True,
        )


def measure(
    folder: Path, n_jobs: int, root: str | None = None, clean: bool = True, keep_raw: bool = True
) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(folder), str(n_jobs)]
    cmd += ["--clean", "1" if clean else "0", "--keep-raw", "1" if keep_raw else "0"]
    if root:
        cmd += ["--root", root]
    res = subprocess.run(cmd, capture_output=True, text=True, cwd=HERE)
    for line in res.stderr.splitlines():
        if " skipped, e.g. " in line:
            print(f"<!-- {folder.parent.name}: {line} -->", flush=True)
    if res.returncode != 0:
        raise RuntimeError(f"load of {folder} with n_jobs={n_jobs} failed: {res.stderr[-2000:]}")
    return dict(json.loads(res.stdout.strip().splitlines()[-1]))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--child", nargs=2, metavar=("FOLDER", "N_JOBS"), help=argparse.SUPPRESS)
    ap.add_argument("--corpora", default="real20000")
    ap.add_argument("--n-jobs", default="1,2", help="comma list; 0 = the default of load_corpus")
    ap.add_argument("--root", default=None, help="import corpus_tools from this folder instead")
    ap.add_argument("--clean", default="1", help="comma list of 1 (clean) / 0 (clean=False)")
    ap.add_argument("--keep-raw", default="1", help="comma list of 1 / 0 (keep_raw=False)")
    ap.add_argument("--stream", default=None, help="comma list of files to stream (memory)")
    ap.add_argument("--stream-child", default=None, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.root:
        sys.path.insert(0, a.root)
    if a.stream_child:
        print(json.dumps(stream_child(Path(a.stream_child))))
        return
    if a.stream:
        stream_table(a.stream.split(","), a.root)
        return
    if a.child:
        print(
            json.dumps(child(Path(a.child[0]), int(a.child[1]), a.clean == "1", a.keep_raw == "1"))
        )
        return
    print(f"load average before: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print()
    print(
        "| corpus | clean | keep_raw | docs | log rows | n_jobs | wall s | CPU s (loading + workers) "
        "| docs/CPU s | peak RSS MB | tree RSS MB | tree PSS MB | kept MB | frames MB |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name in a.corpora.split(","):
        folder = CORPORA / name / "txt"
        if not folder.is_dir():
            raise SystemExit(f"{folder} is missing; build it with bench_counts.py / generate.py")
        runs = [
            (c, k, int(j))
            for c in a.clean.split(",")
            for k in a.keep_raw.split(",")
            for j in a.n_jobs.split(",")
        ]
        for clean, keep, jobs in runs:
            r = measure(folder, jobs, a.root, clean == "1", keep == "1")
            label = "default" if jobs == 0 else str(jobs)
            cpu = f"{r['cpu']:.1f} ({r['own_cpu']:.1f} + {max(0.0, r['cpu'] - r['own_cpu']):.1f})"
            print(
                f"| {name} | {'yes' if clean == '1' else 'no'} | {'yes' if keep == '1' else 'no'} "
                f"| {r['n_docs']:,} | {r['n_log']:,} "
                f"| {label} | {r['seconds']:.1f} | {cpu} | {r['n_docs'] / r['cpu']:,.0f} "
                f"| {r['peak_mb']:,.0f} "
                f"| {r['tree_peak_mb']:,.0f} | {r['tree_pss_mb']:,.0f} | {r['kept_mb']:,.0f} "
                f"| {r['frame_mb']:,.0f} |",
                flush=True,
            )
    print()
    print(f"load average after: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
