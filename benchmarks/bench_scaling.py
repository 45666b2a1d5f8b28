"""Scaling check: does 10x the input cost about 10x the time, stage by stage?

Two tables:

1. **Corpus size.** Every public stage on ``n`` and ``10 n`` generated
   documents (``benchmarks/generate.py``), with the time ratio. A linear
   stage shows a ratio near 10; a quadratic one near 100.
2. **Document length.** The per-document stages on one long document of
   10 KB, 100 KB and 1 MB (two documents, for the stages that compare
   documents: the second shares every other paragraph with the first), with
   the ratios 100 KB / 10 KB and 1 MB / 100 KB. A stage whose first ratio
   is already far above 10 is not run at 1 MB (the table says so and gives
   the projected time).

Every stage first runs once on a tiny corpus, so one-time costs (loading a
gazetteer, compiling patterns) are not counted in the small run. Each run
gets a new ``Corpus`` with only its sentences and tokens cached (none for
the ``sentences`` and ``tokens`` rows), so no run profits from a table an
earlier run cached. Times are the best of up to three runs when a run takes
under half a second. A ratio
above ``--flag`` (default 20) is marked ``<-- superlinear``.

Usage::

    python benchmarks/bench_scaling.py                 # n = 200 and 2,000 documents
    python benchmarks/bench_scaling.py --n 1000        # n = 1,000 and 10,000
    python benchmarks/bench_scaling.py --stages quotes,frames --no-long
    python benchmarks/bench_scaling.py --quick         # smoke run (tiny sizes)

Times are CPU seconds of this process (``time.process_time``), which other
processes on a shared machine disturb far less than wall-clock time; every
stage runs with ``n_jobs=1``. Read ratios, not absolute times, and rerun a
flagged stage alone (``--stages``) before believing it.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate  # noqa: E402  (benchmarks/generate.py)

TARGETS = ["Russia", "China", "Iran", "United States", "Israel"]


def _stages(ct: Any) -> dict[str, Callable[[Any], Any]]:
    """Public stages on a loaded corpus (sentences and tokens cached on it)."""
    return {
        "sentences": lambda c: ct.sentences(c),
        "tokens": lambda c: ct.tokens(c),
        "term_frequencies": lambda c: ct.term_frequencies(c, by="outlet"),
        "keyness": lambda c: ct.keyness(c, by="outlet"),
        "similarity": lambda c: ct.similarity(c, by="outlet"),
        "text_reuse": lambda c: ct.text_reuse(c),
        "numeric_claims": lambda c: ct.numeric_claims(c),
        "naming": lambda c: ct.naming(c),
        "quotes": lambda c: ct.quotes(c),
        "hedges": lambda c: ct.hedges(c),
        "stance_triples": lambda c: ct.stance_triples(c),
        "frames": lambda c: ct.frames(c),
        "target_sentiment": lambda c: ct.target_sentiment(c, TARGETS, n_boot=200),
        "actor_mentions": lambda c: ct.actor_mentions(c),
        "candidate_actors": lambda c: ct.candidate_actors(c),
        "cooccurrence": lambda c: ct.cooccurrence(c),
        "duplicates": lambda c: ct.duplicates(c),
        "overview": lambda c: ct.overview(c),
        "reconstruct (every doc)": lambda c: [ct.reconstruct(c, d) for d in c.doc_ids],
    }


# stages that only make sense across documents: skipped in the long-document table
_CORPUS_ONLY = {"duplicates", "overview", "similarity"}


REPEATS = 3  # best of this many runs when a run takes under half a second


def _timed(fn: Callable[[Any], Any], setup: Callable[[], Any] = lambda: None) -> float:
    """CPU seconds of ``fn(setup())``, best of :data:`REPEATS` when a run is under 0.5 s.

    ``setup`` runs outside the timed region before every repeat, so a repeat
    never profits from what an earlier one cached.
    """
    best = float("inf")
    for _ in range(REPEATS):
        arg = setup()
        gc.collect()
        t0 = time.process_time()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fn(arg)
        best = min(best, time.process_time() - t0)
        if best >= 0.5:
            break
    return best


_WARM_KEYS = ("corpus.sentences", "corpus.tokens", "tokenize.sentence_spans")


def _fresh(ct: Any, corpus: Any, warm: bool = False) -> Any:
    """A Corpus with the same tables; with ``warm``, only sentences and tokens cached."""
    new = ct.Corpus(corpus.docs, corpus.cleaning_log, corpus.skipped)
    if warm:
        for key in _WARM_KEYS:
            if corpus.is_cached(key):
                value = corpus.cached(key, lambda: None)
                new.cached(key, lambda value=value: value)
    return new


def _time_stage(ct: Any, fn: Callable[[Any], Any], name: str, corpus: Any) -> float:
    """Time one stage: sentences/tokens on a cold corpus, the others on a warm one."""
    warm = name not in ("sentences", "tokens")
    return _timed(fn, lambda: _fresh(ct, corpus, warm=warm))


def _write_txt(docs: list[dict[str, str]], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["file,outlet,published"]
    for d in docs:
        (folder / f"{d['doc_id']}.txt").write_text(d["text"], encoding="utf-8")
        lines.append(f"{d['doc_id']}.txt,{d['outlet']},{d['published']}")
    (folder / "metadata.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _fmt(t: float | None) -> str:
    if t is None:
        return "-"
    return f"{t * 1000:.0f} ms" if t < 1 else f"{t:.2f} s"


def _ratio(a: float | None, b: float | None, flag: float) -> str:
    if a is None or b is None:
        return "-"
    r = b / max(a, 1e-6)
    return f"{r:.1f}" + ("  <-- superlinear" if r > flag else "")


def corpus_table(ct: Any, n: int, wanted: set[str] | None, flag: float) -> list[str]:
    import pandas as pd

    sizes = (n, 10 * n)
    docs = list(generate.iter_documents(sizes[1]))
    stages = _stages(ct)
    names = [s for s in stages if wanted is None or s in wanted]
    times: dict[str, list[float | None]] = {s: [] for s in ["load_corpus", *names]}
    # warm-up on a tiny corpus (gazetteer, codebook, lexicons, compiled patterns)
    tiny = ct.load_corpus(pd.DataFrame(docs[:10]), text_column="text")
    for s in names:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            stages[s](tiny)
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            folder = Path(tmp) / f"n{size}"
            _write_txt(docs[:size], folder)
            if wanted is None or "load_corpus" in wanted:
                times["load_corpus"].append(_timed(lambda _, f=folder: ct.load_corpus(f)))
            else:
                times["load_corpus"].append(None)
            corpus = ct.load_corpus(folder)
            corpus.sentences()
            corpus.tokens()
            for s in names:
                times[s].append(_time_stage(ct, stages[s], s, corpus))
                print(f"  n={size:>7,} {s:<26} {_fmt(times[s][-1])}", file=sys.stderr)
    out = [
        f"Corpus size: n = {sizes[0]:,} and {sizes[1]:,} generated documents",
        "",
        f"| stage | {sizes[0]:,} docs | {sizes[1]:,} docs | ratio (10x input) |",
        "|---|---:|---:|---:|",
    ]
    for s, (a, b) in times.items():
        if a is None and b is None:
            continue
        out.append(f"| {s} | {_fmt(a)} | {_fmt(b)} | {_ratio(a, b, flag)} |")
    return out


def _long_docs(size: int) -> tuple[str, str]:
    """Two documents of about ``size`` characters; the second shares every other paragraph."""
    paras: list[str] = []
    total = 0
    i = 0
    while total < size:
        for p in generate.make_document(i)["text"].split("\n\n"):
            paras.append(p)
            total += len(p) + 2
        i += 1
    other: list[str] = []
    j = 100_000
    k = 0
    while len(other) < len(paras):
        for p in generate.make_document(j)["text"].split("\n\n"):
            other.append(paras[k] if k % 2 == 0 and k < len(paras) else p)
            k += 1
        j += 1
    return "\n\n".join(paras)[:size], "\n\n".join(other[: len(paras)])[:size]


def long_table(
    ct: Any, sizes: tuple[int, ...], wanted: set[str] | None, flag: float, cap: float
) -> list[str]:
    import pandas as pd

    stages = {k: v for k, v in _stages(ct).items() if k not in _CORPUS_ONLY}
    names = [s for s in stages if wanted is None or s in wanted]
    rows: dict[str, list[float | None]] = {s: [] for s in ["load_corpus (clean)", *names]}
    notes: dict[str, str] = {}

    def frame(size: int) -> pd.DataFrame:
        a, b = _long_docs(size)
        return pd.DataFrame(
            {"doc_id": ["long_a", "long_b"], "text": [a, b], "outlet": ["Daily", "Post"]}
        )

    tiny = ct.load_corpus(frame(2_000), text_column="text")
    for s in names:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            stages[s](tiny)
    for k, size in enumerate(sizes):
        df = frame(size)
        key = "load_corpus (clean)"
        rows[key].append(_timed(lambda _, df=df: ct.load_corpus(df, text_column="text")))
        corpus = ct.load_corpus(df, text_column="text")
        corpus.sentences()
        corpus.tokens()
        for s in names:
            prev = rows[s][-1] if rows[s] else None
            first = rows[s][0] if rows[s] else None
            if k >= 2 and prev is not None and first is not None:
                growth = prev / max(first, 1e-6)
                projected = prev * growth
                if projected > cap:
                    rows[s].append(None)
                    notes[s] = f"not run at {size:,} chars: projected {projected:,.0f} s"
                    continue
            t = _time_stage(ct, stages[s], s, corpus)
            rows[s].append(t)
            print(f"  {size:>9,} chars {s:<26} {_fmt(t)}", file=sys.stderr)
    labels = [f"{x / 1000:,.0f} KB" for x in sizes]
    head = " | ".join(labels)
    ratio_heads = " | ".join(f"{labels[i + 1]} / {labels[i]}" for i in range(len(sizes) - 1))
    out = [
        "Document length: two documents of each size (the second shares every other paragraph)",
        "",
        f"| stage | {head} | {ratio_heads} | note |",
        "|---|" + "---:|" * (2 * len(sizes) - 1) + "---|",
    ]
    for s, ts in rows.items():
        ts = ts + [None] * (len(sizes) - len(ts))
        ratios = " | ".join(_ratio(ts[i], ts[i + 1], flag) for i in range(len(sizes) - 1))
        out.append(f"| {s} | {' | '.join(_fmt(t) for t in ts)} | {ratios} | {notes.get(s, '')} |")
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="time ratio of every stage at 10x the input")
    ap.add_argument("--n", type=int, default=200, help="small corpus size (the large is 10 n)")
    ap.add_argument("--stages", default="", help="comma-separated stage names (default: all)")
    ap.add_argument("--no-corpus", action="store_true", help="skip the corpus-size table")
    ap.add_argument("--no-long", action="store_true", help="skip the document-length table")
    ap.add_argument(
        "--sizes", default="10000,100000,1000000", help="document lengths in characters"
    )
    ap.add_argument("--flag", type=float, default=20.0, help="mark ratios above this")
    ap.add_argument(
        "--cap", type=float, default=300.0, help="skip a long-document run projected above N s"
    )
    ap.add_argument("--quick", action="store_true", help="smoke run: n=4, sizes 2 KB and 8 KB")
    args = ap.parse_args(argv)

    import corpus_tools as ct

    global REPEATS
    REPEATS = 1 if args.quick else REPEATS
    wanted = {s.strip() for s in args.stages.split(",") if s.strip()} or None
    n = 4 if args.quick else args.n
    sizes = (2_000, 8_000) if args.quick else tuple(int(x) for x in args.sizes.split(","))
    lines: list[str] = []
    if not args.no_corpus:
        lines += corpus_table(ct, n, wanted, args.flag) + [""]
    if not args.no_long:
        lines += long_table(ct, sizes, wanted, args.flag, args.cap)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
