"""Benchmark: keyness() and text_reuse() time and memory at 20,000 and 100,000 documents.

Run from the repository root::

    /work/.venv/bin/python benchmarks/bench_compare.py                  # 20,000 and 100,000
    /work/.venv/bin/python benchmarks/bench_compare.py --docs 2000 5000  # quick check
    /work/.venv/bin/python benchmarks/bench_compare.py --write  # also write RESULTS_compare.md

Documents are generated with a seeded generator (``numpy.random.default_rng``),
so every run sees the same text: about 150 words each, drawn from a Zipf
distribution over 20,000 pseudo-words, in sentences of 8-20 words, from 8
outlets. 10% of documents quote one "statement" (40 words) from a pool of
``n / 50`` statements, with one word changed in half of the copies, so
every statement is shared by about five documents whatever ``n`` is: the
true number of reusing pairs grows linearly with ``n``, and any
super-linear growth in time would come from the method, not the data.

Each (function, n) runs in a fresh subprocess; memory is that process's
peak resident set (``ru_maxrss``) minus its resident set after the corpus
was built, a coarse but honest measure. ``keyness`` time includes
tokenization (the compact token table is built inside the call).
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
N_VOCAB = 20_000
STATEMENT_WORDS = 40
OUTLETS = [f"Outlet {c}" for c in "ABCDEFGH"]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def make_docs(n: int, seed: int = 7) -> tuple[pd.DataFrame, int]:
    """Return (docs table, number of planted cross-outlet reuse pairs)."""
    rng = np.random.default_rng(seed)
    vocab = np.array([f"w{i}" for i in range(N_VOCAB)], dtype=object)
    weights = 1.0 / (np.arange(1, N_VOCAB + 1) + 2.7)
    cdf = np.cumsum(weights / weights.sum())
    n_statements = max(1, n // 50)
    statements = [
        vocab[np.searchsorted(cdf, rng.random(STATEMENT_WORDS))].tolist()
        for _ in range(n_statements)
    ]
    texts, outlets, quoted = [], [], []
    for _i in range(n):
        n_words = int(rng.integers(100, 200))
        words = vocab[np.searchsorted(cdf, rng.random(n_words))].tolist()
        q = -1
        if rng.random() < 0.10:
            q = int(rng.integers(0, n_statements))
            st = list(statements[q])
            if rng.random() < 0.5:
                st[int(rng.integers(5, STATEMENT_WORDS - 5))] = "edited"
            at = int(rng.integers(0, n_words))
            words[at:at] = ['"' + st[0]] + st[1:-1] + [st[-1] + '"']
        parts, k = [], 0
        while k < len(words):
            m = int(rng.integers(8, 21))
            sent = words[k : k + m]
            sent[0] = sent[0].capitalize()
            parts.append(" ".join(sent) + ".")
            k += m
        texts.append(" ".join(parts))
        outlets.append(OUTLETS[int(rng.integers(0, len(OUTLETS)))])
        quoted.append(q)
    docs = pd.DataFrame(
        {"doc_id": [f"d{i:06d}" for i in range(n)], "outlet": outlets, "text": texts}
    )
    planted = 0
    by_statement: dict[int, list[str]] = {}
    for q, o in zip(quoted, outlets, strict=False):
        if q >= 0:
            by_statement.setdefault(q, []).append(o)
    for outs in by_statement.values():
        for a in range(len(outs)):
            for b in range(a + 1, len(outs)):
                planted += outs[a] != outs[b]
    return docs, planted


def run_case(func: str, n: int) -> dict:
    """Run one function on n generated documents (called in a subprocess)."""
    import corpus_tools as ct

    docs, planted = make_docs(n)
    corpus = ct.Corpus(docs)
    base = _rss_mb()
    t0 = time.perf_counter()
    if func == "keyness":
        out = ct.keyness(corpus, by="outlet", top_n=15)
        found = len(out)
    else:
        out = ct.text_reuse(corpus, min_words=8)
        pairs = out[["doc_a", "doc_b"]].drop_duplicates()
        found = len(pairs)
    secs = time.perf_counter() - t0
    n_words = int(docs["text"].str.count(" ").sum() + len(docs))
    return {
        "function": func,
        "n_docs": n,
        "n_words": n_words,
        "seconds": round(secs, 1),
        "peak_mb": round(_rss_mb() - base, 0),
        "rows": int(len(out)),
        "found": int(found),
        "planted_pairs": int(planted),
    }


def _markdown(df: pd.DataFrame) -> str:
    """A GitHub markdown table without the optional ``tabulate`` dependency."""
    cols = list(df.columns)
    lines = ["| " + " | ".join(cols) + " |", "|" + "|".join("---" for _ in cols) + "|"]
    for row in df.itertuples(index=False):
        lines.append("| " + " | ".join("" if pd.isna(v) else str(v) for v in row) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, nargs="+", default=[20_000, 100_000])
    ap.add_argument("--functions", nargs="+", default=["keyness", "text_reuse"])
    ap.add_argument("--write", action="store_true", help="write benchmarks/RESULTS_compare.md")
    ap.add_argument("--case", nargs=2, metavar=("FUNC", "N"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.case:
        print(json.dumps(run_case(args.case[0], int(args.case[1]))))
        return
    rows = []
    for n in args.docs:
        for func in args.functions:
            proc = subprocess.run(
                [sys.executable, __file__, "--case", func, str(n)],
                capture_output=True,
                text=True,
                check=True,
            )
            rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
            print(rows[-1], flush=True)
    table = pd.DataFrame(rows)
    table["recall"] = np.where(
        table["function"] == "text_reuse",
        (table["found"] / table["planted_pairs"].clip(lower=1)).round(3),
        np.nan,
    )
    shown = table[["function", "n_docs", "n_words", "seconds", "peak_mb", "rows", "recall"]]
    text = _markdown(shown)
    print(text)
    growth = []
    for func, sub in table.groupby("function", sort=True):
        sub = sub.sort_values("n_docs")
        if len(sub) >= 2:
            r_n = sub["n_docs"].iloc[-1] / sub["n_docs"].iloc[0]
            r_t = sub["seconds"].iloc[-1] / max(sub["seconds"].iloc[0], 0.1)
            growth.append(
                f"- {func}: {r_n:g}x documents -> {r_t:.1f}x time "
                f"(linear would be {r_n:g}x, quadratic {r_n**2:g}x)"
            )
    print("\n".join(growth))
    if args.write:
        out = HERE / "RESULTS_compare.md"
        out.write_text(
            "# compare: keyness and text_reuse at scale\n\n"
            f"Machine: {platform.machine()}, Python {platform.python_version()}, "
            "2 shared cores (other jobs were running). Generated by "
            "`benchmarks/bench_compare.py --write`; see its docstring for the corpus.\n\n"
            "`seconds` = wall clock of one call (keyness includes tokenization); `peak_mb` = "
            "growth of peak resident memory during the call; `rows` = output rows (keyness: "
            "top 15 per outlet; text_reuse: shared passages); `recall` = document pairs "
            "with a found passage / planted cross-outlet pairs sharing a statement.\n\n"
            + text
            + "\n\n"
            + "\n".join(growth)
            + "\n"
        )
        print(f"wrote {out.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
