"""Benchmark: stories() and statements() time and memory up to 100,000 documents.

Run from the repository root::

    python benchmarks/bench_stories.py                       # 1,000, 10,000 and 100,000
    python benchmarks/bench_stories.py --docs 1000 5000      # quick check
    python benchmarks/bench_stories.py --write               # also write RESULTS_stories.md

Documents come from ``benchmarks/generate.py`` (300-900 words, eight outlets,
dates spread over 2019-2024, so about 45 documents a day at 100,000), built
straight into a ``Corpus`` (no cleaning: that is not what is measured). Each
(function, n) runs in a fresh subprocess; memory is that process's peak
resident set minus its resident set after the corpus was built.
``statements`` time includes sentence splitting (``corpus.sentences()``).

Scaling. ``stories`` compares each document only with documents in its own
and the next ``window_days`` block, keeping ``top_k`` neighbours: time grows
with n x (documents per window), linear in n for a fixed publishing rate.
``statements`` keys each sentence by pairs of its rarest stems and scores
only sentences that meet under a key: linear in the number of sentences
plus the candidates found. The table's last column is the time per document,
which stays flat when the method is linear.
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

import pandas as pd

HERE = Path(__file__).resolve().parent


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def make_corpus(n: int):  # noqa: ANN201 - a Corpus (imported lazily)
    sys.path.insert(0, str(HERE))
    import generate

    import corpus_tools as ct

    docs = pd.DataFrame(list(generate.iter_documents(n)))
    # plant stories: every 10th document is rewritten by another outlet a day later
    # (every other paragraph kept), so there are n / 10 true story links and many
    # shared sentences whatever n is
    for i in range(1, n, 10):
        paras = docs.at[i - 1, "text"].split("\n\n")
        docs.at[i, "text"] = "\n\n".join(paras[:1] + paras[1::2])
        day = pd.Timestamp(docs.at[i - 1, "published"]) + pd.Timedelta(days=1)
        docs.at[i, "published"] = f"{day:%Y-%m-%d}"
    return ct.Corpus(docs)


def run_case(func: str, n: int) -> dict:
    """Run one function on n generated documents (called in a subprocess)."""
    import corpus_tools as ct
    from corpus_tools.tokenize import sentence_spans

    t0 = time.perf_counter()
    corpus = make_corpus(n)
    build = time.perf_counter() - t0
    base = _rss_mb()
    t0 = time.perf_counter()
    c0 = time.process_time()
    if func == "stories":
        res = ct.stories(corpus)
        out = {
            "stories": int(res.table["story_id"].nunique()),
            "links": len(res.links),
            "largest": int(res.table["n_docs"].max()),
        }
    else:
        tab = ct.statements(corpus)
        out = {"pairs": len(tab), "sentences": len(sentence_spans(corpus)[0])}
    secs = time.perf_counter() - t0
    cpu = time.process_time() - c0
    return {
        "function": func,
        "docs": n,
        "build_s": round(build, 1),
        "seconds": round(secs, 1),
        "cpu_s": round(cpu, 1),
        "ms_per_doc": round(1000 * secs / n, 2),
        "peak_mb": round(_rss_mb() - base),
        **out,
    }


def _markdown(df: pd.DataFrame) -> str:
    cols = list(df.columns)
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for row in df.itertuples(index=False):
        lines.append("| " + " | ".join("" if pd.isna(v) else str(v) for v in row) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    ap.add_argument("--functions", nargs="+", default=["stories", "statements"])
    ap.add_argument("--write", action="store_true", help="write benchmarks/RESULTS_stories.md")
    ap.add_argument("--case", nargs=2, help=argparse.SUPPRESS)
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
            row = json.loads(proc.stdout.strip().splitlines()[-1])
            rows.append(row)
            print(json.dumps(row), flush=True)
    table = pd.DataFrame(rows)
    print(table.to_string(index=False))
    if args.write:
        machine = f"{platform.machine()}, Python {platform.python_version()}"
        text = (
            "# stories() and statements() at scale\n\n"
            f"`python benchmarks/bench_stories.py --write` on {machine} "
            "(two cores shared with other jobs; times are wall clock).\n\n" + _markdown(table)
        )
        (HERE / "RESULTS_stories.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
