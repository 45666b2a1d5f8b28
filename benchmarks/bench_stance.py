"""Benchmark: quotes(), frames() and target_sentiment() throughput on generated news.

Run from the repository root (several minutes on one core at 20,000 documents)::

    /work/.venv/bin/python benchmarks/bench_stance.py                 # 20,000 documents
    /work/.venv/bin/python benchmarks/bench_stance.py --docs 1000     # quick check
    /work/.venv/bin/python benchmarks/bench_stance.py --write         # also write RESULTS_stance.md

Documents come from ``benchmarks/generate.py`` (seeded: document *i* is the
same in every run; 300-900 words, curly quotes with reporting verbs, named
actors, page chrome). The corpus is built directly from the generated text
(no cleaning), so the times are those of the stance/framing functions;
sentence splitting is timed separately because every function reuses the
corpus's cached sentence table. Wall-clock seconds, single process; memory is
the growth of peak resident set size (``ru_maxrss``).
"""

from __future__ import annotations

import argparse
import platform
import resource
import sys
import time
from pathlib import Path

import pandas as pd

import corpus_tools as ct

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import iter_documents  # noqa: E402

TARGETS = ["Russia", "China", "Israel", "Hamas", "United States", "Iran"]


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def build_corpus(n: int) -> ct.Corpus:
    docs = pd.DataFrame(list(iter_documents(n)))
    keep = [c for c in ("doc_id", "outlet", "published", "title", "text") if c in docs.columns]
    return ct.Corpus(docs[keep])


def run(n: int) -> list[dict]:
    rows = []
    t0 = time.perf_counter()
    corpus = build_corpus(n)
    words = sum(len(t.split()) for _, t in corpus)
    rows.append(
        {"step": "generate + Corpus", "seconds": time.perf_counter() - t0, "rows": len(corpus)}
    )

    def timed(name, fn):
        rss0 = _rss_mb()
        t = time.perf_counter()
        out = fn()
        secs = time.perf_counter() - t
        n_rows = (
            len(out.sentences)
            if hasattr(out, "sentences") and not isinstance(out, pd.DataFrame)
            else len(out)
        )
        rows.append(
            {"step": name, "seconds": secs, "rows": n_rows, "rss_growth_mb": _rss_mb() - rss0}
        )
        return out

    timed("sentences (cached, shared)", corpus.sentences)
    q = timed("quotes", lambda: ct.quotes(corpus))
    timed("frames", lambda: ct.frames(corpus))
    timed(
        "target_sentiment (6 targets)",
        lambda: ct.target_sentiment(corpus, TARGETS, n_boot=2000, seed=12345),
    )
    timed("hedges (given quotes)", lambda: ct.hedges(corpus, quotes_table=q))
    for r in rows:
        r["docs"] = n
        r["words"] = words
        r["docs_per_s"] = round(n / r["seconds"], 1) if r["seconds"] > 0 else None
        r["seconds"] = round(r["seconds"], 2)
        if "rss_growth_mb" in r:
            r["rss_growth_mb"] = round(r["rss_growth_mb"], 1)
    return rows


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, nargs="+", default=[20_000])
    ap.add_argument("--write", action="store_true", help="write benchmarks/RESULTS_stance.md")
    args = ap.parse_args(argv)
    table = pd.DataFrame([r for n in args.docs for r in run(n)])
    cols = ["docs", "words", "step", "rows", "seconds", "docs_per_s", "rss_growth_mb"]
    text = table[cols].to_string(index=False)
    print(text)
    if args.write:
        out = HERE / "RESULTS_stance.md"
        out.write_text(
            "# Stance and framing throughput\n\n"
            f"`python benchmarks/bench_stance.py --docs {' '.join(map(str, args.docs))} --write` on "
            f"{platform.machine()}, Python {platform.python_version()}, pandas {pd.__version__}; "
            "single process, 2 shared cores, other jobs running (times are indicative).\n\n"
            "```\n" + text + "\n```\n",
            encoding="utf-8",
        )


if __name__ == "__main__":
    main()
