"""CPU time of the Parquet reader's first pass: footer facts against decoding every column.

Before any row is given out, ``io.tables.ParquetRows`` needs each column's null count
(for the whole-file dtypes) and a bound on the decoded size (the expansion guard). The
footer gives both for numbers, dates and text stored without a dictionary; a
dictionary-encoded text column (pandas' default) is still decoded to measure it.

    python benchmarks/bench_load_parquet.py [--rows 20000] [--words 500]

Writes three files (dictionary-encoded, plain, no statistics) of generated articles under
benchmarks/_corpora/parquet<rows>/ and prints CPU microseconds per row (user+sys, best of
3; a shared machine's wall time says little) for ``ParquetRows(file)`` with the footer and
with every column decoded (the reader before session 22). Dtypes must agree.
"""

from __future__ import annotations

import argparse
import random
import resource
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

import corpus_tools.io.tables as tables

HERE = Path(__file__).resolve().parent


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _frame(rows: int, words: int) -> pd.DataFrame:
    rng = random.Random(1)
    vocab = (HERE.parent / "corpus_tools" / "data" / "common_words.txt").read_text().split()
    vocab = [w for w in vocab if w.isalpha()][:3000]
    days = np.random.default_rng(1).integers(0, 365, rows)
    return pd.DataFrame(
        {
            "id": [f"d{i}" for i in range(rows)],
            "title": [" ".join(rng.choices(vocab, k=8)) for _ in range(rows)],
            "outlet": [rng.choice(["BBC", "CNN", "Reuters", "AP", None]) for _ in range(rows)],
            "published": pd.Timestamp("2023-01-01") + pd.to_timedelta(days, unit="D"),
            "url": [f"https://example.com/{i}" for i in range(rows)],
            "n_words": np.random.default_rng(2).integers(100, 1000, rows),
            "text": [" ".join(rng.choices(vocab, k=words)) for _ in range(rows)],
        }
    )


def _everything(file: Any) -> tuple[list[int | None], int, list[int]]:
    n = len(file.schema_arrow)
    return [None] * n, 0, list(range(n))


def _time(path: Path, facts: Any) -> tuple[float, list[str]]:
    real = tables._footer_facts
    tables._footer_facts = facts
    try:
        best = float("inf")
        for _ in range(3):
            t = _cpu()
            with open(path, "rb") as fh:
                rows = tables.ParquetRows(fh)
            best = min(best, _cpu() - t)
        return best, [str(d) for d in rows.dtypes]
    finally:
        tables._footer_facts = real


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=20_000)
    ap.add_argument("--words", type=int, default=500)
    args = ap.parse_args()
    out = HERE / "_corpora" / f"parquet{args.rows}"
    out.mkdir(parents=True, exist_ok=True)
    df = _frame(args.rows, args.words)
    kinds = {"dictionary": {}, "plain": {"use_dictionary": False}, "no statistics": {}}
    kinds["no statistics"] = {"write_statistics": False}
    print(f"{args.rows:,} rows of {args.words} words; CPU us per row, best of 3")
    print("| file | footer (now) | decode all (before) | saved |")
    print("|---|---:|---:|---:|")
    for name, options in kinds.items():
        path = out / f"{name.replace(' ', '_')}.parquet"
        if not path.exists():
            df.to_parquet(path, **options)
        new, dtypes_new = _time(path, tables._footer_facts)
        old, dtypes_old = _time(path, _everything)
        assert dtypes_new == dtypes_old, (dtypes_new, dtypes_old)
        per = 1e6 / args.rows
        print(f"| {name} | {new * per:.2f} | {old * per:.2f} | {(old - new) * per:.2f} |")


if __name__ == "__main__":
    main()
