"""Report time and peak memory against documents and groups (`corpus-tools report`).

For each (kind, documents, groups) in the grid, writes a generated corpus and runs
``corpus-tools report`` on it in a child process, then prints one table row:
wall-clock seconds, seconds per notebook, peak resident memory of the largest
process (the report process or a notebook kernel), and whether every notebook ran.
With ``--cells N`` it also prints the N slowest notebook cells of each run (from
papermill's per-cell durations), which is where to look first.

Two kinds of generated corpus, or ``--real FILE``: evenly spaced rows of a real table
with its own outlets and dates (see ``RESULTS_report.md`` for the tables used).

Two kinds of generated corpus:

* ``headlines``: a table (CSV) of short one-line documents, as a headline feed
  from many outlets gives: 6-14 words with actors, numbers and possessives,
  outlets of Zipf-like sizes (a few large, many with one or two documents);
  a few outlet names are hostile to figure labels (``$x^$ Post``, ``Le_Monde^2``,
  CJK, Arabic, an emoji, a 90-character name);
* ``articles``: full generated news pages from ``generate.py`` (300-900 words,
  chrome lines, quotes), as a folder of JSONL files of 10,000 articles each (one
  file of 100,000 articles, 490 MB, is over the loader's 256 MB JSON limit), with
  the outlets reassigned the same way.

Usage::

    python benchmarks/bench_report.py                      # 1,000 headlines x 5 and 50 groups
    python benchmarks/bench_report.py --kind headlines --docs 10000 --groups 750 --cells 8
    python benchmarks/bench_report.py --kind articles --docs 1000,10000,100000 --groups 5,50,500
    python benchmarks/bench_report.py --kind articles --docs 100000 --groups 50 --timeout 0
    python benchmarks/bench_report.py --kind articles --docs 10000 --groups 50 --jobs 2 --cells 20
    python benchmarks/bench_report.py --notebooks 02_source_comparison.ipynb --docs 10000
    python benchmarks/bench_report.py --real my_news.csv --docs 1000,10000 --cells 8
    python benchmarks/bench_report.py --real benchmarks/_corpora/long100000 --docs 1000,10000,100000

Generated corpora and reports go to ``benchmarks/_corpora/`` (git-ignored) or
``--corpus-root``; never commit them.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

SEED = 20240611
HOSTILE_OUTLETS = [
    "$x^$ Post",
    "Le_Monde^2",
    "新华社",
    "الجزيرة",
    "📰 Daily Wire Service",
    "The Extraordinarily Long-Named Regional Evening Chronicle And Weekly Advertiser Of Record",
]
_NAME_A = ["Daily", "Evening", "Morning", "National", "Global", "Metro", "Coastal", "Valley"]
_NAME_B = ["Post", "Herald", "Times", "Chronicle", "Gazette", "Observer", "Wire", "Tribune"]


def outlet_names(n_groups: int) -> list[str]:
    """``n_groups`` distinct outlet names; from 20 groups on, six of them hostile to labels."""
    names = []
    for k in range(n_groups):
        a, b = _NAME_A[k % len(_NAME_A)], _NAME_B[(k // len(_NAME_A)) % len(_NAME_B)]
        names.append(f"{a} {b} {k}" if k >= len(_NAME_A) * len(_NAME_B) else f"{a} {b}")
    if n_groups >= 20:
        for j, bad in enumerate(HOSTILE_OUTLETS):
            names[3 + 3 * j] = bad
    return names


def assign_outlets(n_docs: int, n_groups: int, seed: int = SEED) -> list[str]:
    """Outlet of each document: every outlet has one, the rest Zipf-like (weight 1/rank)."""
    names = outlet_names(n_groups)
    rng = np.random.default_rng([seed, n_groups])
    weights = 1.0 / np.arange(1, n_groups + 1)
    picks = rng.choice(n_groups, size=max(n_docs - n_groups, 0), p=weights / weights.sum())
    order = list(range(min(n_groups, n_docs))) + picks.tolist()
    rng.shuffle(order)
    return [names[i] for i in order]


def headline(index: int, seed: int = SEED) -> dict[str, str]:
    """One generated headline (``id, published, text``)."""
    rng = np.random.default_rng([seed, 7, index])
    words, cdf = generate.vocabulary()
    text = generate._sentence(rng, words, cdf, int(rng.integers(6, 15)))[:-1]
    if rng.random() < 0.5:
        text = text.title()
    year = 2019 + int(rng.integers(0, 6))
    day = f"{year}-{int(rng.integers(1, 13)):02d}-{int(rng.integers(1, 29)):02d}"
    return {"id": f"h{index:07d}", "published": day, "text": text}


def write_headlines(path: Path, n_docs: int, n_groups: int) -> Path:
    """A CSV table of ``n_docs`` headlines from ``n_groups`` outlets."""
    path.parent.mkdir(parents=True, exist_ok=True)
    outlets = assign_outlets(n_docs, n_groups)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "outlet", "published", "text"])
        for i in range(n_docs):
            h = headline(i)
            w.writerow([h["id"], outlets[i], h["published"], h["text"]])
    return path


PART_DOCS = 10_000


def write_articles(folder: Path, n_docs: int, n_groups: int) -> Path:
    """A folder of JSONL files (10,000 articles each) with ``n_docs`` articles from ``n_groups`` outlets.

    Parts keep every file under the loader's JSON size limit (256 MB), as a
    large export would be split.
    """
    folder.mkdir(parents=True, exist_ok=True)
    outlets = assign_outlets(n_docs, n_groups)
    fh = None
    try:
        for i, doc in enumerate(generate.iter_documents(n_docs)):
            if i % PART_DOCS == 0:
                if fh is not None:
                    fh.close()
                fh = open(folder / f"part-{i // PART_DOCS:04d}.jsonl", "w", encoding="utf-8")
            doc["outlet"] = outlets[i]
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    finally:
        if fh is not None:
            fh.close()
    return folder


def write_real(path: Path, source: Path, n_docs: int) -> Path:
    """``n_docs`` rows of a real table (CSV, or JSON lines), evenly spaced over it, as a CSV.

    Evenly spaced rows keep the file's spread of outlets and dates in a smaller run. The
    table's own columns are kept (the report finds text, title, outlet and date columns by
    their names, as for any user's file).
    """
    import pandas as pd

    table = (
        pd.read_json(source, lines=True, dtype=False)
        if source.suffix in (".jsonl", ".json")
        else pd.read_csv(source, dtype=str, keep_default_na=False)
    )
    if n_docs > len(table):
        raise SystemExit(f"--real {source} has {len(table):,} rows, fewer than {n_docs:,}")
    rows = np.linspace(0, len(table) - 1, n_docs).round().astype(int)
    path.parent.mkdir(parents=True, exist_ok=True)
    table.iloc[rows].to_csv(path, index=False)
    return path


def real_files(source: Path) -> list[Path]:
    """The text files of a real corpus folder, in path order (``.txt``, searched recursively)."""
    return sorted(p for p in source.rglob("*.txt") if p.is_file())


def link_real(folder: Path, source: Path, n_docs: int) -> Path:
    """``n_docs`` files of a real corpus folder, evenly spaced over it, hard-linked into ``folder``.

    The whole folder is used as it is when ``n_docs`` is all of it. Links keep the file names
    (1,000 a subfolder), so the report reads the same bytes without a copy.
    """
    files = real_files(source)
    if n_docs > len(files):
        raise SystemExit(f"--real {source} has {len(files):,} files, fewer than {n_docs:,}")
    if n_docs == len(files):
        return source
    rows = np.linspace(0, len(files) - 1, n_docs).round().astype(int)
    moved = {}
    for k, i in enumerate(rows):
        dest = folder / f"{k // 1000:04d}" / files[i].name
        dest.parent.mkdir(parents=True, exist_ok=True)
        if not dest.exists():
            os.link(files[i], dest)
        moved[files[i].relative_to(source).as_posix()] = dest.relative_to(folder).as_posix()
    _subset_metadata(source / "metadata.csv", folder / "metadata.csv", moved)
    return folder


def _subset_metadata(sidecar: Path, dest: Path, moved: dict[str, str]) -> None:
    """The rows of a corpus folder's ``metadata.csv`` for the linked files, under their new
    names (``realnews100000/txt``: outlet, date and collection of each article), if it has one."""
    if not sidecar.exists() or dest.exists():
        return
    import pandas as pd

    meta = pd.read_csv(sidecar, dtype=str, keep_default_na=False)
    meta = meta[meta["file"].isin(moved)]
    meta.assign(file=meta["file"].map(moved)).to_csv(dest, index=False)


def corpus_path(root: Path, kind: str, n_docs: int, n_groups: int) -> Path:
    if kind.startswith("real:"):
        source = Path(kind[5:])
        if source.is_dir():
            return link_real(root / f"report_real_{source.name}_{n_docs}" / "txt", source, n_docs)
        path = root / f"report_real_{source.stem}_{n_docs}" / f"{source.stem}.csv"
        return path if path.exists() else write_real(path, source, n_docs)
    name = f"report_{kind}_{n_docs}_{n_groups}"
    path = root / name / ("headlines.csv" if kind == "headlines" else "articles")
    if not path.exists():
        (write_headlines if kind == "headlines" else write_articles)(path, n_docs, n_groups)
    return path


def _child(args: argparse.Namespace) -> int:
    """Run the report in this process; print wall time and peak RSS (self and children) as JSON."""
    from corpus_tools.cli import main

    argv = ["report", args.corpus, "--out", args.out, "--overwrite"]
    if args.notebooks:
        argv += ["--notebooks", *args.notebooks]
    if args.timeout is not None:
        argv += ["--timeout", str(args.timeout)]
    if args.detail_docs is not None:
        argv += ["--detail-docs", str(args.detail_docs)]
    argv += ["--jobs", str(args.jobs)]
    t0 = time.perf_counter()
    code = main(argv)
    wall = time.perf_counter() - t0
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
    rss = max(me.ru_maxrss, kids.ru_maxrss)
    print("BENCH " + json.dumps({"code": code, "wall": wall, "rss_kb": rss, "cpu": cpu}))
    return 0


def tree_sample(pid: int) -> dict[int, tuple[float, str, int, int, float]]:
    """{pid: (start time, role, resident bytes, proportional bytes, CPU seconds)} of a process
    and its descendants (CPU: user + system of the process and of its reaped children).

    ``role`` is ``kernel:NAME`` for the kernel of notebook NAME when the report
    runs notebooks in child processes (``--jobs``), ``kernel`` for a kernel of
    the report process itself, ``worker`` for a process forked by a kernel (a
    library's process pool: it shares the kernel's pages), ``load`` for the
    corpus-loading child and its workers and ``report`` for the rest; empty
    when the process has ended. The proportional size (PSS) counts a page
    shared by n processes as 1/n in each, so summed over the tree it is the
    memory in use; summed resident sizes (RSS) count a forked worker's shared
    pages again in every worker.
    """
    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return {}
    found = {}
    for proc in procs:
        try:
            cmd = " ".join(proc.cmdline())
            role = "load" if "prepare_to_file" in cmd else "report"
            if "ipykernel" in cmd:
                parent = " ".join(proc.parent().cmdline())
                job = JOB_NAME.search(parent)
                role = f"kernel:{job.group(1)}" if job else "kernel"
                role = "worker" if "ipykernel" in parent else role
            mem = proc.memory_full_info()
            t = proc.cpu_times()
            cpu = t.user + t.system + t.children_user + t.children_system
            found[proc.pid] = (proc.create_time(), role, mem.rss, mem.pss, cpu)
        except (psutil.Error, AttributeError):
            pass
    return found


JOB_NAME = re.compile(r"job-(.+?)\.pickle")


@dataclass
class Watch:
    """What :func:`run_watched` saw: the tree's peak and every process's samples."""

    peak: int = 0
    peak_pss: int = 0  # the tree's peak of summed proportional sizes (shared pages counted once)
    samples: list[tuple[float, int, int]] = field(default_factory=list)  # (time, pid, rss)
    procs: dict[int, tuple[float, str]] = field(default_factory=dict)  # pid: (start, role)
    cpu: dict[int, float] = field(default_factory=dict)  # pid: CPU seconds at its last sample

    def peak_sum(self, role: str) -> int:
        """Peak of the summed resident bytes of the processes of ``role`` (one sweep at a time)."""
        sweeps: dict[float, int] = {}
        for t, pid, rss in self.samples:
            if self.procs[pid][1] == role:
                sweeps[t] = sweeps.get(t, 0) + rss
        return max(sweeps.values(), default=0)

    def kernel_pid(self, index: int, name: str) -> int | None:
        """The kernel of notebook ``name`` (the ``index``-th in file order)."""
        named = [pid for pid, (_, r) in self.procs.items() if r == f"kernel:{name}"]
        if named:
            return named[0]
        pids = sorted((t, pid) for pid, (t, r) in self.procs.items() if r == "kernel")
        return pids[index][1] if index < len(pids) else None

    def kernel_peak(self, index: int, name: str, start: float = 0, end: float = 1e18) -> int:
        """Peak resident bytes of a notebook's kernel between two times (0 if unseen)."""
        pid = self.kernel_pid(index, name)
        return max(
            (rss for t, p, rss in self.samples if p == pid and start <= t <= end + 0.5),
            default=0,
        )


def run_watched(cmd: list[str]) -> tuple[str, str, Watch]:
    """Run ``cmd``; return (stdout, stderr, what the sampler saw of its process tree).

    The tree (the report process, the corpus-loading child, each notebook
    kernel) is sampled every half second, so the peak is the sum of what
    runs at the same time, not only the largest single process; each
    process's samples are kept for per-notebook and per-cell peaks.
    """
    import tempfile

    watch = Watch()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, text=True, env=os.environ.copy())
        while proc.poll() is None:
            now = time.time()
            seen = tree_sample(proc.pid)
            watch.peak = max(watch.peak, sum(s[2] for s in seen.values()))
            watch.peak_pss = max(watch.peak_pss, sum(s[3] for s in seen.values()))
            for pid, (start, role, rss, _, cpu) in seen.items():
                watch.procs.setdefault(pid, (start, role))
                watch.samples.append((now, pid, rss))
                watch.cpu[pid] = cpu
            time.sleep(0.5)
        out.seek(0)
        err.seek(0)
        return out.read(), err.read(), watch


def _stamp(text: str | None) -> float:
    from datetime import datetime

    return datetime.fromisoformat(text).timestamp() if text else 0.0


def notebook_times(
    out: Path,
) -> Iterator[tuple[str, float, list[tuple[float, str, float, float]]]]:
    """(notebook, seconds, [(seconds, first line, start, end)]) from the executed copies."""
    import nbformat

    for nb_path in sorted((out / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(nb_path, as_version=4)
        cells = []
        for cell in nb.cells:
            pm = cell.get("metadata", {}).get("papermill", {})
            d = pm.get("duration")
            if cell.cell_type == "code" and d is not None:
                lines = [ln for ln in cell.source.splitlines() if ln.strip()]
                work = [ln for ln in lines if not ln.startswith(("#", "ct.print_sample_note"))]
                first = (work or lines or [""])[0]
                start, end = _stamp(pm.get("start_time")), _stamp(pm.get("end_time"))
                cells.append((float(d), first.strip()[:70], start, end))
        total = nb.metadata.get("papermill", {}).get("duration") or sum(c[0] for c in cells)
        yield nb_path.stem, float(total), sorted(cells, reverse=True)


def run_one(
    root: Path, kind: str, n_docs: int, n_groups: int, opts: argparse.Namespace
) -> tuple[str, list[str]]:
    t_gen = time.perf_counter()
    corpus = corpus_path(root, kind, n_docs, n_groups)
    t_gen = time.perf_counter() - t_gen
    label = f"real_{Path(kind[5:]).stem}" if kind.startswith("real:") else kind
    out = root / f"out_{label}_{n_docs}_{n_groups}"
    cmd = [sys.executable, __file__, "--_child", "--corpus", str(corpus), "--out", str(out)]
    if opts.notebooks:
        cmd += ["--notebooks", *opts.notebooks]
    if opts.timeout is not None:
        cmd += ["--timeout", str(opts.timeout)]
    if opts.detail_docs is not None:
        cmd += ["--detail-docs", str(opts.detail_docs)]
    cmd += ["--jobs", str(opts.jobs)]
    load_before = os.getloadavg()[0]
    stdout, stderr, watch = run_watched(cmd)
    peak = watch.peak
    load_after = os.getloadavg()[0]
    line = next((ln for ln in stdout.splitlines() if ln.startswith("BENCH ")), None)
    if line is None:
        err = (stderr or stdout).strip().splitlines()[-1:] or ["no output"]
        fail = f"failed: {err[0][:80]}"
        return f"| {label} | {n_docs:,} | {n_groups} | {opts.jobs} | {fail} |" + " |" * 11, []
    info = json.loads(line[6:])
    per_nb = list(notebook_times(out))
    nb_cells = " / ".join(f"{t:.0f}" for _, t, _ in per_nb)
    kernel_cpu = " / ".join(
        f"{watch.cpu.get(watch.kernel_pid(k, nb) or -1, 0.0):.0f}"
        for k, (nb, _, _) in enumerate(per_nb)
    )
    kernel_mb = " / ".join(
        f"{watch.kernel_peak(k, nb) / 2**20:,.0f}" for k, (nb, _, _) in enumerate(per_nb)
    )
    load_mb = watch.peak_sum("load") / 2**20  # the loading child and its workers
    load_s = sum(
        _seconds(ln.split("(")[-1].rstrip(")"))
        for ln in stderr.splitlines()
        if ln.startswith("corpus loaded once")
    )
    ok = "yes" if info["code"] == 0 else f"no (exit {info['code']})"
    row = (
        f"| {label} | {n_docs:,} | {n_groups or 'its own'} | {opts.jobs} | {info['wall']:.0f} | "
        f"{info['cpu']:.0f} | "
        f"{load_s:.0f} | {nb_cells} | {kernel_cpu} | {load_mb:,.0f} | {kernel_mb} | "
        f"{peak / 2**20:,.0f} | {watch.peak_pss / 2**20:,.0f} | {info['rss_kb'] / 1024:,.0f} | {load_before:.1f}-{load_after:.1f} "
        f"| {ok} |"
    )
    slow = []
    if opts.cells:
        cells = [
            (t, watch.kernel_peak(k, nb, a, b), f"{nb}: {src}")
            for k, (nb, _, cs) in enumerate(per_nb)
            for t, src, a, b in cs
        ]
        slow = [
            f"    {t:7.1f} s {mb / 2**20:7,.0f} MB  {src}"
            for t, mb, src in sorted(cells, reverse=True)[: opts.cells]
        ]
    print(f"# generated {corpus} in {t_gen:.0f} s; report in {out}", file=sys.stderr)
    return row, slow


def _seconds(text: str) -> float:
    """Seconds from the report's duration text ('12.3 s', '4 min 05 s', '1 h 02 min')."""
    parts = text.replace("min", "m").split()
    total = 0.0
    for value, unit in zip(parts[::2], parts[1::2], strict=False):
        total += float(value) * {"s": 1, "m": 60, "h": 3600}.get(unit, 0)
    return total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kind", default="headlines", help="headlines, articles or both")
    ap.add_argument("--docs", default="1000", help="comma-separated document counts")
    ap.add_argument("--groups", default="5,50", help="comma-separated numbers of outlets")
    ap.add_argument("--notebooks", nargs="+", help="only these notebook files")
    ap.add_argument("--timeout", type=int, help="per-cell time budget passed to the report")
    ap.add_argument("--cells", type=int, default=0, help="print the N slowest cells of each run")
    ap.add_argument("--detail-docs", type=int, help="passed to the report (default: its own)")
    ap.add_argument("--jobs", type=int, default=1, help="notebooks at once (report --jobs)")
    ap.add_argument(
        "--real",
        help="a real table (CSV or JSON lines): run on --docs rows of it, evenly spaced, with "
        "its own outlets and dates; or a folder of .txt files (such as _corpora/long100000): "
        "--docs files of it, evenly spaced (--kind and --groups are not used)",
    )
    ap.add_argument("--corpus-root", default=str(HERE / "_corpora"))
    ap.add_argument("--_child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--out", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args._child:
        return _child(args)
    kinds = ["headlines", "articles"] if args.kind == "both" else [args.kind]
    if args.real:
        kinds, args.groups = [f"real:{Path(args.real).resolve()}"], "0"
    root = Path(args.corpus_root)
    print(
        f"# corpus-tools report, {os.cpu_count()} CPUs; seconds per notebook in file order; "
        "CPU s = user+system seconds of the whole process tree (what a quiet machine would "
        "take, near enough, as the work is single-threaded); load = the one shared load (in "
        "the report's child process); peak tree MB = the sum "
        "of the resident memory of the report process and everything it started, sampled "
        "every 0.5 s; PSS MB = the same sum of proportional sizes (a page shared with forked "
        "workers counted once: the memory in use); largest MB = the largest single process; load MB = the peak of the loading child "
        "and its workers together; kernel CPU s = each notebook kernel's user+system seconds (and its reaped workers'), sampled every 0.5 s; kernel MB = each notebook kernel's peak, in file order; with --cells, each "
        "slow cell's seconds and its kernel's peak while it ran; machine load average 1 min "
        "before-after"
    )
    print(
        "| corpus | docs | groups | jobs | report s | CPU s | load s | s per notebook "
        "| kernel CPU s per notebook | load MB "
        "| kernel MB per notebook | peak tree MB | PSS MB | largest MB | load avg | all ran |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---|---|---:|---|---:|---:|---:|---|---|")
    for kind in kinds:
        for n_docs in (int(x) for x in args.docs.split(",")):
            for n_groups in (int(x) for x in args.groups.split(",")):
                row, slow = run_one(root, kind, n_docs, n_groups, args)
                print(row, flush=True)
                for line in slow:
                    print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
