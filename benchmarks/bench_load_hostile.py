"""Loader scaling on the inputs that used to be quadratic (issue 14).

Prints one table: load time at n and 10 n (or 2 n, 4 n) for

* ``same id``: a CSV whose rows all carry one id (every row is renamed:
  ``a``, ``a~2``, ``a~3``...; one summary warning);
* ``near-miss rows``: rows that share most word 5-grams but stay below the
  0.9 Jaccard threshold (every LSH bucket is crowded and no candidate
  matches: the worst case for near-duplicate flags);
* ``distinct rows``: ordinary different articles, for reference.

A linear path shows a time ratio close to the size ratio. Usage::

    python benchmarks/bench_load_hostile.py            # 5,000 / 10,000 / 20,000 rows
    python benchmarks/bench_load_hostile.py --n 1000   # 1,000 / 2,000 / 4,000

Times are CPU seconds of ``load_corpus(path, clean=False)`` (cleaning is
measured elsewhere); they vary with the machine, the ratios much less.
"""

from __future__ import annotations

import argparse
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

import corpus_tools as ct

BODY = "Officials said the talks in Doha ended without a deal and more rounds are planned. "


def same_id(i: int) -> tuple[str, str]:
    return "a", f"Story {i} about the talks."


def near_miss(i: int) -> tuple[str, str]:
    return f"r{i}", BODY * 20 + f"Update {i}."


def distinct(i: int) -> tuple[str, str]:
    words = " ".join(f"w{(i * 7919 + k * 104729) % 100003}" for k in range(300))
    return f"r{i}", words


def write_csv(path: Path, n: int, row: Callable[[int], tuple[str, str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write("id,text\n")
        for i in range(n):
            doc_id, text = row(i)
            fh.write(f'{doc_id},"{text}"\n')


def timed_load(path: Path) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        t = time.process_time()
        ct.load_corpus(path, clean=False)
        return time.process_time() - t


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=5000, help="smallest size (rows)")
    args = ap.parse_args(argv)
    sizes = [args.n, 2 * args.n, 4 * args.n]
    print(
        f"| input | {' | '.join(f'{n:,} rows' for n in sizes)} | ratio {sizes[-1] // sizes[0]}x |"
    )
    print("|---|" + "---|" * (len(sizes) + 1))
    with tempfile.TemporaryDirectory() as tmp:
        for name, row in (
            ("same id", same_id),
            ("near-miss rows", near_miss),
            ("distinct rows", distinct),
        ):
            times = []
            for n in sizes:
                path = Path(tmp) / f"{name.replace(' ', '_')}_{n}.csv"
                write_csv(path, n, row)
                times.append(timed_load(path))
            cells = " | ".join(f"{t:.2f} s" for t in times)
            print(f"| {name} | {cells} | {times[-1] / max(times[0], 1e-9):.1f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
