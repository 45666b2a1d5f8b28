"""Benchmark: how well ``train_coder`` learns hand codes, on a real labelled news set.

Data: the BBC News articles of https://github.com/ZitRos/news-articles-dataset (2,095
plain-text articles, 2004-2005, five topic labels given by the BBC's sections: business,
entertainment, politics, sport, tech; MIT licence, (c) 2017 Nikita Savchenko; commit
f0ee062afc877254b3283731e8eff33dee78dfd4). Nothing is downloaded: clone the repository
and pass its ``news/`` folder::

    git clone https://github.com/ZitRos/news-articles-dataset /tmp/bbc
    python benchmarks/bench_coding.py --data /tmp/bbc/news

Split (fixed before any run, never tuned on): within each category the files are sorted
by name and every fourth one (positions 3, 7, 11, ...) is held out, 25 % of the articles.
The coder uses its defaults (TF-IDF unigrams, logistic regression with C = 1, classes
balanced); nothing was chosen by looking at the held-out part.

Printed:

1. documents: 5-fold cross-validation on the training part, then the held-out scores
   (precision, recall, F1 per class, macro-F1 with a 95 % bootstrap interval);
2. a learning curve on the held-out part: the coder trained on n articles per class (a
   seeded subsample of the training part), n = 2, 5, 10, 20, 50, 100, all;
3. sentences: every sentence of a training article labelled with its article's topic,
   scored on the sentences of the held-out articles. Topic is a property of the article,
   so many sentences carry no sign of it ("He said he was pleased."): this is the harder,
   noisier task that sentence-level frame coding resembles.

Topic is an easy code: section words (*film*, *match*, *shares*) give it away. Frames and
stance are subtler; expect lower scores there, and measure them on your own codes.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

import corpus_tools as ct


def load_bbc(folder: Path) -> pd.DataFrame:
    rows = []
    for cat_dir in sorted(p for p in folder.iterdir() if p.is_dir()):
        files = sorted(cat_dir.glob("*.txt"))
        for i, f in enumerate(files):
            text = f.read_text(encoding="utf-8", errors="replace").strip()
            rows.append(
                {
                    "doc_id": f"{cat_dir.name}/{f.name}",
                    "label": cat_dir.name,
                    "text": text,
                    "heldout": i % 4 == 3,
                }
            )
    if not rows:
        raise SystemExit(f"no category folders with .txt files in {folder}")
    return pd.DataFrame(rows)


def table(df: pd.DataFrame) -> str:
    return df.to_string(index=False)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", required=True, type=Path, help="the news/ folder of the dataset")
    ap.add_argument("--seed", type=int, default=12345)
    ap.add_argument("--no-sentences", action="store_true", help="skip the sentence-level run")
    args = ap.parse_args(argv)

    docs = load_bbc(args.data)
    train = docs[~docs["heldout"]].reset_index(drop=True)
    test = docs[docs["heldout"]].reset_index(drop=True)
    print(
        f"python {platform.python_version()}, corpus_tools {ct.__version__}, {platform.machine()}"
    )
    print(f"BBC articles: {len(docs)} ({len(train)} training, {len(test)} held out); per class:")
    print(table(docs.groupby(["label", "heldout"]).size().unstack().reset_index()))

    t0 = time.perf_counter()
    coder = ct.train_coder(train, label="label", text="text", unit="document", seed=args.seed)
    t_train = time.perf_counter() - t0
    print(
        f"\n1. Documents, {coder.k}-fold cross-validation on the training part ({t_train:.1f} s "
        "including the learning curve):"
    )
    print(table(coder.scores))
    ev = coder.evaluate(test)
    print("\nHeld-out articles (never used for training or choices):")
    print(table(ev.scores))
    print("\nHeld-out confusion (rows: BBC section, columns: coder):")
    print(ev.confusion.to_string())
    print("\nTop words per class (model trained on the training part):")
    tw = coder.top_words[coder.top_words["rank"] <= 5]
    print(table(tw.groupby("label")["term"].agg(", ".join).reset_index()))

    print("\n2. Learning curve on the held-out articles (seeded subsample of n per class):")
    rng = np.random.default_rng(args.seed)
    orders = {lab: rng.permutation(np.flatnonzero(train["label"] == lab)) for lab in coder.classes}
    rows = []
    for n in (2, 5, 10, 20, 50, 100, None):
        idx = (
            np.arange(len(train))
            if n is None
            else np.sort(np.concatenate([o[:n] for o in orders.values()]))
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ct.CorpusToolsWarning)
            c = ct.train_coder(
                train.iloc[idx],
                label="label",
                unit="document",
                seed=args.seed,
                learning_curve=False,
            )
        s = c.evaluate(test).scores
        macro = s.iloc[-1]
        per = dict(zip(s["label"], s["f1"], strict=True))
        rows.append(
            {
                "n_per_class": "all" if n is None else n,
                "n_codes": len(idx),
                "heldout_macro_f1": macro["f1"],
                "f1_low": macro["f1_low"],
                "f1_high": macro["f1_high"],
                "worst_class_f1": min(per[k] for k in c.classes),
            }
        )
    print(table(pd.DataFrame(rows)))

    if args.no_sentences:
        return
    print("\n3. Sentences labelled with their article's topic:")
    corp_train = ct.Corpus(train[["doc_id", "text"]])
    corp_test = ct.Corpus(test[["doc_id", "text"]])
    lab_of = dict(zip(docs["doc_id"], docs["label"], strict=True))
    s_train = corp_train.sentences().assign(label=lambda d: d["doc_id"].map(lab_of))
    s_test = corp_test.sentences().assign(label=lambda d: d["doc_id"].map(lab_of))
    t0 = time.perf_counter()
    scoder = ct.train_coder(
        s_train, label="label", text="text", seed=args.seed, learning_curve=False
    )
    t_s = time.perf_counter() - t0
    print(
        f"{len(s_train)} training sentences, {len(s_test)} held-out sentences; "
        f"{scoder.k}-fold cross-validation in {t_s:.1f} s:"
    )
    print(table(scoder.scores))
    print("\nHeld-out sentences:")
    print(table(scoder.evaluate(s_test).scores))
    t0 = time.perf_counter()
    applied = scoder.apply(corp_test)
    t_a = time.perf_counter() - t0
    print(
        f"\napply() on the {corp_test.docs.shape[0]} held-out articles: {len(applied)} sentences "
        f"coded with probability and evidence words in {t_a:.2f} s "
        f"({len(applied) / max(t_a, 1e-9):,.0f} sentences/s)."
    )


if __name__ == "__main__":
    sys.exit(main())
