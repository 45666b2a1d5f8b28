"""Fit the learned line model of the text-block classifier (``corpus_tools/data/line_model.yml``).

Usage::

    python tools/train_line_model.py ZYTE_DIR --l3s L3S_DIR --readability RDB_DIR \\
        --dragnet DRAGNET_DIR --utomo UTOMO_DIR [--out corpus_tools/data/line_model.yml]
        [--dump rows.pkl] [--only zyte,l3s,...]

The folders are those of ``benchmarks/bench_cleaning.py`` (see its docstring for
where each set comes from and its terms). Only the **development** part of each set
is read (the frozen splits ``benchmarks/cleaning_split*.csv``); a held-out page is
never rendered.

Each development page is rendered to crawler text (``bench_cleaning.render_text``)
and cleaned with ``clean_text`` with the model turned off; every line whose class
jusText's context rule decides (context-free class short or near-good) becomes one
training row: its features (``corpus_tools.blocks.MODEL_FEATURES``, computed by
``blocks.model_vectors`` exactly as at run time) and its label, 1 when half or more of
its words lie in a word 4-gram (over the page's lines in order) that the page's gold
article text has. A row weighs its words (at least 1) over the page's total, so each
page counts the same, as the benchmark averages over pages. A logistic regression
(scikit-learn, lbfgs, L2 C=1, features standardised) is fitted and its weights,
unscaled, are written as YAML; at run time the model is a dot product in plain
Python (no scikit-learn). Deterministic: same data, same file.

The shipped file is trained on the sets whose terms allow it (``--only
zyte,readability``: MIT; Apache-2.0 test pages); the development parts of L3S,
Dragnet and Utomo are then sets the model never saw.
"""

from __future__ import annotations

import argparse
import pickle
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

import bench_cleaning as bc  # noqa: E402

from corpus_tools import blocks  # noqa: E402

_TOKEN_RE = re.compile(r"\w+")

SOURCES = {
    "zyte": "Zyte/Scrapinghub article-extraction-benchmark, 91 dev pages "
    "(github.com/scrapinghub/article-extraction-benchmark, MIT)",
    "l3s": "L3S-GN1 (Kohlschuetter et al. 2010), 274 dev pages "
    "(copy in github.com/geodrome/page-signal; research use, L3S Research Center)",
    "readability": "Mozilla Readability test pages, 41 dev pages "
    "(github.com/mozilla/readability, test/test-pages; code Apache-2.0, pages are saved "
    "copies of public web pages)",
    "dragnet": "Dragnet data (Peters & Lecocq 2013), 713 dev pages "
    "(github.com/seomoz/dragnet_data via github.com/j-szulc/html-cleaning-dataset-merged; AGPLv3)",
    "utomo": "Utomo & Leu 2019 extraction set, 2017 pages, 215 dev pages "
    "(github.com/MSVCode/ir-research-data, Extraction; research use only)",
}


def _dev_pages(a: argparse.Namespace, only: set[str]) -> Iterator[tuple[str, dict[str, str]]]:
    ns = argparse.Namespace(**vars(a))
    ns.set = "all"
    ns.write_split = False
    for name in ("zyte", "l3s", "readability", "dragnet", "utomo"):
        if name not in only:
            continue
        ns.set = name
        for set_name, pages, split in bc._sets(ns):
            for p in pages:
                if split[p["key"]] == "dev":
                    yield set_name, p


def _line_labels(views: list[str], gold: str) -> list[tuple[float, int]]:
    """(share of the line's words that lie in a word 4-gram of the gold, words) of each
    line; the 4-grams run over the page's lines in order, so a short line between two
    gold lines is gold when it is in the gold between them."""
    g4 = _gold_grams(gold)
    toks: list[str] = []
    owner: list[int] = []
    for k, v in enumerate(views):
        t = _TOKEN_RE.findall(v)
        toks += t
        owner += [k] * len(t)
    hit = [False] * len(toks)
    for i in range(len(toks) - 3):
        if tuple(toks[i : i + 4]) in g4:
            hit[i : i + 4] = [True] * 4
    n = [0] * len(views)
    g = [0] * len(views)
    for i, k in enumerate(owner):
        n[k] += 1
        g[k] += hit[i]
    return [(g[k] / n[k] if n[k] else 0.0, n[k]) for k in range(len(views))]


def _gold_grams(gold: str) -> set[tuple[str, ...]]:
    toks = _TOKEN_RE.findall(gold)
    return {tuple(toks[i : i + 4]) for i in range(len(toks) - 3)}


def collect(a: argparse.Namespace, only: set[str]) -> list[dict[str, Any]]:
    """One row per short or near-good line (the lines the model decides), every dev page."""
    import corpus_tools as ct

    captured: list[Any] = []
    orig = blocks._model_classes

    def capture(page):  # noqa: ANN001, ANN202
        captured.append(page)
        return {}

    blocks._model_classes = capture
    rows: list[dict[str, Any]] = []
    try:
        for set_name, p in _dev_pages(a, only):
            captured.clear()
            ct.clean_text(bc.render_text(p["html"]))
            if not captured:
                continue
            page = captured[-1]  # the page's last (final) judgement
            if not page.use_stop:
                continue  # judged without stopwords: the model is not used there
            pos = [k for k, c in enumerate(page.cls) if c in ("short", "near-good")]
            if not pos:
                continue
            fracs = _line_labels([ln.view or "" for ln in page.lines], p["gold"])
            vecs = blocks.model_vectors(page, pos)
            page_rows = []
            for k, x in zip(pos, vecs, strict=True):
                frac, ntok = fracs[k]
                page_rows.append(
                    {
                        "set": set_name,
                        "key": p["key"],
                        "x": x,
                        "frac": frac,
                        "ntok": ntok,
                        "view": page.lines[k].view,
                    }
                )
            total = sum(max(1, r["ntok"]) for r in page_rows)
            for r in page_rows:
                r["w"] = max(1, r["ntok"]) / total
            rows.extend(page_rows)
    finally:
        blocks._model_classes = orig
    return rows


def fit(rows: list[dict[str, Any]]) -> tuple[float, list[float]]:
    """Logistic regression on the rows; (bias, weights) on the unscaled features."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.array([r["x"] for r in rows], dtype=float)
    y = np.array([r["frac"] >= 0.5 for r in rows], dtype=int)
    w = np.array([r["w"] for r in rows], dtype=float)
    mu, sd = x.mean(axis=0), x.std(axis=0)
    sd[sd == 0] = 1.0
    m = LogisticRegression(C=1.0, max_iter=5000, solver="lbfgs")
    m.fit((x - mu) / sd, y, sample_weight=w * len(w) / w.sum())
    coef = m.coef_[0] / sd
    bias = float(m.intercept_[0] - (m.coef_[0] * mu / sd).sum())
    return bias, [float(c) for c in coef]


def write_yaml(
    path: Path, bias: float, weights: list[float], sets: list[str], n: int, argv: str
) -> None:
    head = [
        "# Learned line model of the text-block classifier (corpus_tools.blocks).",
        "# A logistic regression: P(article) = 1 / (1 + exp(-(bias + sum(weight * feature)))),",
        "# features as computed by corpus_tools.blocks.model_vectors (MODEL_FEATURES).",
        "# Trained on the lines jusText's rule leaves to their neighbours (short, near-good);",
        "# used on near-good lines: good when P >= model_good, bad when P < model_bad",
        "# (data/blocks.yml; in between, or both 0, the neighbours decide). Shipped off",
        "# (both 0): see docs/cleaning.md, session 21.",
        "#",
        "# Sources: trained ONLY on the development parts (benchmarks/cleaning_split*.csv) of:",
        *[f"#   - {SOURCES[s]}" for s in sets],
        f"# {n} lines; label: half or more of a line's words in a word 4-gram of the gold text.",
        "# The pages are not stored in this repository; only these weights are.",
        "# Regenerate (deterministic; needs scikit-learn, lxml and the data folders):",
        f"#   python tools/train_line_model.py {argv}",
        "# Licence of this file: CC-BY-4.0.",
    ]
    body = ["meta:", "  name: line-model", "  version: 1", f"bias: {bias:.6f}", "weights:"]
    body += [f"  {k}: {v:.6f}" for k, v in zip(blocks.MODEL_FEATURES, weights, strict=True)]
    path.write_text("\n".join(head + body) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("benchmark", type=Path)
    ap.add_argument("--l3s", type=Path, default=None)
    ap.add_argument("--readability", type=Path, default=None)
    ap.add_argument("--dragnet", type=Path, default=None)
    ap.add_argument("--utomo", type=Path, default=None)
    ap.add_argument("--render", default="lxml")
    ap.add_argument(
        "--only", default="zyte,readability", help="sets to train on (default: zyte,readability)"
    )
    ap.add_argument("--out", type=Path, default=ROOT / "corpus_tools" / "data" / "line_model.yml")
    ap.add_argument("--dump", type=Path, default=None, help="also pickle the rows here")
    a = ap.parse_args(argv)
    only = [s for s in a.only.split(",") if s]
    for name in only:
        if name != "zyte" and getattr(a, name) is None:
            ap.error(f"--only {name} needs --{name} FOLDER")
    rows = collect(a, set(only))
    if a.dump is not None:
        with a.dump.open("wb") as f:
            pickle.dump(rows, f)
    bias, weights = fit(rows)
    flags = {n: f"--{n} {n.upper()}_DIR" for n in ("l3s", "readability", "dragnet", "utomo")}
    shown = " ".join(["ZYTE_DIR"] + [flags[n] for n in only if n in flags])
    if only != ["zyte", "readability"]:
        shown += f" --only {','.join(only)}"
    if a.out.exists():
        print(f"replacing {a.out}")
    write_yaml(a.out, bias, weights, only, len(rows), shown)
    print(f"{len(rows)} lines, {sum(r['frac'] >= 0.5 for r in rows)} article; wrote {a.out}")


if __name__ == "__main__":
    main()
