"""n_jobs=1 against n_jobs=N for the in-memory stages, on one generated corpus.

Usage::

    python benchmarks/bench_parallel.py --docs 20000 --n-jobs 2

For each stage (sentences, compact tokens from text, term counts + keyness
from text) the same function runs on a fresh ``Corpus`` once per setting;
the table prints seconds, documents/s and the speed-up, and the run fails
if any table differs between the settings.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_pipeline as bp  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=20_000)
    ap.add_argument("--n-jobs", type=int, default=2)
    ap.add_argument("--corpus-root", type=Path, default=None)
    a = ap.parse_args(argv)
    import pandas as pd

    import corpus_tools as ct

    warnings.simplefilter("ignore")
    folder = bp.ensure_corpus(a.docs, ("txt",), a.corpus_root)
    docs = ct.load_corpus(folder / "txt").docs
    n = len(docs)

    def stages(nj: int) -> list[tuple[str, object, float]]:
        out = []
        c = ct.Corpus(docs)
        res, m = bp.timed(lambda: ct.sentences(c, n_jobs=nj))
        out.append(("sentences", res, m.seconds))
        c = ct.Corpus(docs)
        res, m = bp.timed(lambda: ct.tokens(c, compact=True, n_jobs=nj))
        out.append(("tokens, compact (sentences included)", res, m.seconds))
        del res
        c = ct.Corpus(docs)
        res, m = bp.timed(lambda: (ct.term_frequencies(c, n_jobs=nj), ct.keyness(c)))
        out.append(("term counts + keyness from text", res, m.seconds))
        return out

    serial = stages(1)
    parallel = stages(a.n_jobs)
    print(f"{n} documents; n_jobs=1 against n_jobs={a.n_jobs}")
    print(f"{'stage':<40} {'1 job s':>8} {'N jobs s':>9} {'docs/s (N)':>11} {'speed-up':>9}")
    for (name, r1, s1), (_, r2, s2) in zip(serial, parallel, strict=True):
        if isinstance(r1, tuple):
            for x, y in zip(r1, r2, strict=True):  # type: ignore[arg-type]
                pd.testing.assert_frame_equal(x, y, check_exact=True)
        else:
            pd.testing.assert_frame_equal(r1, r2, check_exact=True)  # type: ignore[arg-type]
        print(f"{name:<40} {s1:8.1f} {s2:9.1f} {n / s2:11.0f} {s1 / s2:8.2f}x")
    print("tables identical")


if __name__ == "__main__":
    main()
