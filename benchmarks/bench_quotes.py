"""Benchmark: CPU seconds of ``ct.quotes`` on the hand-annotated quote sets.

Run from the repository root::

    python benchmarks/bench_quotes.py             # 5 copies, 3 repeats
    python benchmarks/bench_quotes.py --copies 10

The texts are every headline, lead and article of ``tests/data/quotes/`` (the sets the
accuracy tests score), repeated ``--copies`` times under new ids, so the run is the same on
every machine. Prints a table of CPU seconds (user + sys of this process) per repeat and
documents per CPU second; compare runs of two versions interleaved on one machine, with
the load average printed next to them (several processes share the cores).
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import pandas as pd
import yaml

import corpus_tools as ct

QDATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "quotes"


def annotated_texts() -> list[str]:
    """Every distinct text of the annotated sets: headlines and leads, then articles."""
    texts: dict[str, None] = {}
    for f in sorted(QDATA.glob("*.yml")):
        data = yaml.safe_load(f.read_text(encoding="utf-8")) or {}
        for h in data.get("headlines", []) + data.get("items", []):
            texts.setdefault(h["text"], None)
    for f in sorted((QDATA / "bbc").glob("*/*.txt")):
        texts.setdefault(f.read_text(encoding="utf-8"), None)
    return list(texts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=5)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args()
    base = annotated_texts()
    texts = base * args.copies
    corpus = ct.Corpus(
        pd.DataFrame({"doc_id": [f"d{i}" for i in range(len(texts))], "text": texts})
    )
    print(f"{len(base)} annotated texts x {args.copies} = {len(texts)} documents")
    print(f"load average: {os.getloadavg()[0]:.1f}")
    print("| repeat | rows | CPU s | documents / CPU s |")
    print("| --- | --- | --- | --- |")
    for r in range(args.repeats):
        t0 = time.process_time()
        rows = len(ct.quotes(corpus))
        cpu = time.process_time() - t0
        print(f"| {r + 1} | {rows} | {cpu:.2f} | {len(texts) / cpu:,.0f} |")


if __name__ == "__main__":
    main()
