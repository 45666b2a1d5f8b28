"""Peak memory of each in-memory analysis, one fresh process per call (issue 18).

Usage::

    python benchmarks/bench_memory.py --build benchmarks/_corpora/long100000 --pickle P
    python benchmarks/bench_memory.py --pickle P                   # every call below
    python benchmarks/bench_memory.py --pickle P --calls similarity_outlet,kwic
    python benchmarks/bench_memory.py --pickle P --calls kwic --save DIR   # keep the tables

``--build`` writes the docs table of ``load_corpus(FOLDER/txt, keep_raw=False)`` to the
pickle once (the same table for every call). Then each call runs in its own child
process: the pickle is read into ``ct.Corpus(docs, keep_raw=False)`` (the lean corpus the
load built: without ``keep_raw=False`` the constructor fills the empty ``raw_text`` with a
Python copy of every text, +640 MB at 100k long documents), the docs table dropped, the heap
trimmed (``malloc_trim``), the peak reset (``/proc/self/clear_refs``), then the call
alone. Printed per call: rows of the table it returns, CPU seconds of the call (user +
sys, this process and its children), base MB (the resident set before the call: the
interpreter, imports and the corpus) and peak MB (``VmHWM`` during the call, base
included); a call whose resident set passes ``--cap-mb`` (default 4,800) is stopped and
reported as such. ``--save DIR`` pickles each table after it is measured (outside the
measurement), to compare two commits with ``assert_frame_equal(check_exact=True)``
(``--compare DIR1 DIR2``).

Children run one at a time. Nothing here is part of the test suite's timing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

CALLS: dict[str, tuple[str, Callable[[Any, Any], Any]]] = {
    "keyness_doc_id_top20": (
        'keyness(c, by="doc_id", top_n=20)',
        lambda ct, c: ct.keyness(c, by="doc_id", top_n=20),
    ),
    "keyness_default": ("keyness(c)", lambda ct, c: ct.keyness(c)),
    "keyness_outlet_top20": (
        'keyness(c, by="outlet", top_n=20)',
        lambda ct, c: ct.keyness(c, by="outlet", top_n=20),
    ),
    "term_frequencies_outlet": (
        'term_frequencies(c, by="outlet")',
        lambda ct, c: ct.term_frequencies(c, by="outlet"),
    ),
    "similarity_outlet": (
        'similarity(c, by="outlet")',
        lambda ct, c: ct.similarity(c, by="outlet"),
    ),
    "term_frequencies_doc_id": (
        'term_frequencies(c, by="doc_id")',
        lambda ct, c: ct.term_frequencies(c, by="doc_id"),
    ),
    "cooccurrence": ("cooccurrence(c)", lambda ct, c: ct.cooccurrence(c)),
    "text_reuse": ("text_reuse(c)", lambda ct, c: ct.text_reuse(c)),
    "text_reuse_top": (
        "text_reuse(c, max_passages=100_000)",
        lambda ct, c: ct.text_reuse(c, max_passages=100_000),
    ),
    "kwic": ('kwic(c, "government")', lambda ct, c: ct.kwic(c, "government")),
    "kwic_merkel": ('kwic(c, "Merkel")', lambda ct, c: ct.kwic(c, "Merkel")),
    "stories": ("stories(c).table", lambda ct, c: ct.stories(c).table),
    "actor_mentions": ("actor_mentions(c)", lambda ct, c: ct.actor_mentions(c)),
    "frames": ("frames(c)", lambda ct, c: ct.frames(c)),
    "quotes": ("quotes(c)", lambda ct, c: ct.quotes(c)),
}


def _status_mb(field: str) -> float:
    """This process's ``VmRSS`` or ``VmHWM`` in MB."""
    found = re.search(rf"{field}:\s+(\d+)", Path("/proc/self/status").read_text())
    return int(found.group(1)) / 1024 if found else 0.0


def _cpu() -> float:
    import resource

    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        r = resource.getrusage(who)
        total += r.ru_utime + r.ru_stime
    return total


def build(folder: Path, pickle: Path) -> None:
    """Write the docs table of the lean load of ``folder/txt`` to ``pickle``."""
    import corpus_tools as ct

    t0 = _cpu()
    corpus = ct.load_corpus(folder / "txt", keep_raw=False)
    corpus.docs.to_pickle(pickle)
    print(
        f"{len(corpus.docs):,} documents -> {pickle} "
        f"({_cpu() - t0:.1f} CPU s, peak {_status_mb('VmHWM'):,.0f} MB)"
    )


def child(name: str, pickle: Path, save: Path | None) -> dict[str, Any]:
    """One call in this (fresh) process: its rows, CPU seconds, base and peak MB."""
    import ctypes
    import gc

    import pandas as pd

    import corpus_tools as ct

    docs = pd.read_pickle(pickle)
    c = ct.Corpus(docs, keep_raw=False)  # as load_corpus(keep_raw=False) built it
    del docs
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: the base keeps the reader's slack
        pass
    base = _status_mb("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM to the current resident set
    cpu0 = _cpu()
    out = CALLS[name][1](ct, c)
    cpu = _cpu() - cpu0
    peak = _status_mb("VmHWM")
    if save is not None:
        out.to_pickle(save / f"{name}.pkl")
    return {"name": name, "rows": len(out), "cpu_s": cpu, "base_mb": base, "peak_mb": peak}


def compare(left: Path, right: Path) -> None:
    """``assert_frame_equal(check_exact=True)`` (attrs included) of the tables saved in both."""
    import pandas as pd

    for path in sorted(left.glob("*.pkl")):
        other = right / path.name
        if not other.exists():
            print(f"{path.stem}: not in {right}")
            continue
        a, b = pd.read_pickle(path), pd.read_pickle(other)
        pd.testing.assert_frame_equal(a, b, check_exact=True)
        assert a.attrs.keys() == b.attrs.keys(), path.stem
        print(f"{path.stem}: identical ({len(a):,} rows)")
        del a, b


def _run_capped(cmd: list[str], cap_mb: float) -> tuple[int, str, str, float]:
    """Run ``cmd``; stop it when its resident set passes ``cap_mb`` (then the last value
    read, else 0.0 as the fourth item): the machine is shared, a call must not take it all."""
    import tempfile

    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, text=True)
        status = Path(f"/proc/{proc.pid}/status")
        stopped = 0.0
        while proc.poll() is None:
            try:
                found = re.search(r"VmRSS:\s+(\d+)", status.read_text())
            except OSError:
                found = None
            rss = int(found.group(1)) / 1024 if found else 0.0
            if rss > cap_mb:
                proc.kill()
                stopped = rss
            time.sleep(0.2)
        proc.wait()
        out.seek(0)
        err.seek(0)
        return proc.returncode, out.read(), err.read(), stopped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pickle", type=Path, help="the docs table (written by --build)")
    parser.add_argument("--build", type=Path, help="corpus folder with txt/ to pickle")
    parser.add_argument("--calls", default=",".join(CALLS), help="comma-separated names")
    parser.add_argument("--save", type=Path, help="pickle each returned table here")
    parser.add_argument("--compare", nargs=2, type=Path, help="two --save folders")
    parser.add_argument("--cap-mb", type=float, default=4800.0, help="stop a call above this")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.compare:
        compare(*args.compare)
        return
    if args.build:
        build(args.build, args.pickle)
        return
    if args.child:
        print(json.dumps(child(args.child, args.pickle, args.save)))
        return
    names = args.calls.split(",")
    unknown = [n for n in names if n not in CALLS]
    if unknown:
        parser.error(f"unknown calls {unknown}; known: {', '.join(CALLS)}")
    if args.save:
        args.save.mkdir(parents=True, exist_ok=True)
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    print("| call | rows | CPU s | base MB | peak MB |")
    print("|---|---|---|---|---|")
    for name in names:
        cmd = [sys.executable, __file__, "--child", name, "--pickle", str(args.pickle)]
        if args.save:
            cmd += ["--save", str(args.save)]
        t0 = time.perf_counter()
        code, out, err, stopped = _run_capped(cmd, args.cap_mb)
        if stopped:
            print(f"| `{CALLS[name][0]}` | stopped at {stopped:,.0f} MB (cap) | | | |", flush=True)
            continue
        if code != 0:
            tail = err.strip().splitlines()[-1:] or ["?"]
            print(f"| `{CALLS[name][0]}` | failed ({code}): {tail[0]} | | | |", flush=True)
            continue
        r = json.loads(out.strip().splitlines()[-1])
        print(
            f"| `{CALLS[name][0]}` | {r['rows']:,} | {r['cpu_s']:.1f} | "
            f"{r['base_mb']:,.0f} | {r['peak_mb']:,.0f} |",
            flush=True,
        )
        print(f"  ({name}: {time.perf_counter() - t0:.0f} s wall)", file=sys.stderr)
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
