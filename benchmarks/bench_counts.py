"""Counts at engine speed (issue 18): one table, corpus_tools and its peers in the same run.

Usage::

    python benchmarks/bench_counts.py                      # 20k and 100k, real + generated
    python benchmarks/bench_counts.py --sizes 2000 --quick # smoke run
    python benchmarks/bench_counts.py --sizes 20000 --corpora real --work counts

Two kinds of work, each measured in a fresh child process (wall seconds, CPU
seconds of the work (user + sys, worker processes included) and the child's
peak resident memory, ``ru_maxrss``, interpreter and imports included), on the
same documents; ``--repeat N`` runs each item N times and keeps the run with
the least CPU (on a shared machine CPU seconds vary less than wall seconds):

* **counts + keyness from text**: ``ct.keyness(ct.Corpus(docs), by="outlet",
  top_n=20)`` (term counts from the text, one-vs-rest log-odds, and the
  ``evidence`` column of the rows returned), the same with every row, with
  ``n_jobs=2``, and streamed (``stream_counts`` + ``keyness_from_counts``);
  peers: scikit-learn ``CountVectorizer`` + pandas log-odds (the same
  formula, no evidence), and a plain ``re.findall`` + ``Counter`` floor.
* **memory per call** (``--work memory``): in one process, after reading the
  table and ``ct.Corpus(docs)``, notebook 01's and 02's calls one after the
  other: ``term_frequencies`` by outlet with and without stopwords,
  ``keyness`` (top 20, with evidence) and ``similarity`` by outlet; for each,
  CPU seconds and the peak resident set during the call above the resident set
  of the loaded corpus (after ``malloc_trim``; the peak is reset before each call through
  ``/proc/self/clear_refs``, so each call shows its own peak; memory an
  earlier call keeps, such as the cached counts, is part of it).
* **the lean in-memory path** (``--work lean``): in one process,
  ``load_corpus(FOLDER/txt, keep_raw=False)``, then ``term_frequencies`` by
  outlet with and without stopwords, ``keyness`` (top 20, evidence) and
  ``cooccurrence`` by sentence; per step CPU seconds (load workers
  included), the peak resident set during the step (absolute) and the
  resident set after it.
* **read + clean + sentences + tokens with offsets** (the front end):
  ``load_corpus`` (read + clean) then ``sentences()`` and
  ``tokens(compact=True)``; peers: NLTK Punkt + Treebank ``span_tokenize``
  (read, no cleaning), spaCy ``blank("en")`` (if installed), and a plain
  ``re`` floor (sentence-end regex + word/symbol spans).

Corpora:

* ``real``: articles of the BBC News dataset (ZitRos/news-articles-dataset,
  2,095 articles of 2004-2005, MIT licence, read from the local mirror
  ``/work/.mirror/ZitRos+news-articles-dataset`` or ``--bbc``), split into
  headlines, single paragraphs and whole articles and resampled (fixed seed)
  to the size asked; ``outlet`` is the BBC section (5 groups).
* ``realu``: N *different* real texts (no text twice, unlike ``real``): every distinct
  headline, post, article paragraph and whole article of the local copies of public news
  datasets in ``REALU_SOURCES`` (BBC, Stop Clickbait, fwd/news, AG News test, HuffPost News
  Category excerpt, Times of India headlines, Dragnet and Zyte gold bodies, FakeNewsCorpus
  sample; 106,933 texts, sources and licences in ``RESULTS_frontend.md``), shuffled once
  (seed 20): ``realu20000`` is the start of ``realu100000``.
* ``generated``: ``benchmarks/generate.py`` (scraped-page shape, 300-900 words).

The machine may be shared: the table prints the load average before and
after; ratios within one run are what compare. ``--peer-cap`` runs the slow
front-end peers (NLTK) on the first N documents only (ratios use docs/s).
Nothing here is part of the test suite's timing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
CORPORA = HERE / "_corpora"
BBC_MIRROR = Path("/work/.mirror/ZitRos+news-articles-dataset/repo")


# --------------------------------------------------------------------------
# corpora (written once under benchmarks/_corpora, never committed)
# --------------------------------------------------------------------------
def bbc_articles(mirror: Path) -> list[tuple[str, str, list[str]]]:
    """(section, headline, paragraphs) of every BBC article in the git mirror."""
    names = subprocess.run(
        ["git", "--git-dir", str(mirror), "ls-tree", "-r", "--name-only", "HEAD", "news"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    out = []
    for name in sorted(names):
        raw = subprocess.run(
            ["git", "--git-dir", str(mirror), "show", f"HEAD:{name}"],
            check=True,
            capture_output=True,
        ).stdout.decode("utf-8", "replace")
        head, _, body = raw.strip().partition("\n")
        paras = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
        out.append((name.split("/")[1], head.strip(), paras))
    return out


def real_docs(n: int, mirror: Path, seed: int = 18) -> list[dict[str, str]]:
    """``n`` documents resampled from BBC headlines, paragraphs and whole articles."""
    import numpy as np

    arts = bbc_articles(mirror)
    rng = np.random.default_rng(seed)
    docs = []
    for i in range(n):
        section, head, paras = arts[int(rng.integers(len(arts)))]
        kind = int(rng.integers(3))
        if kind == 0 or not paras:
            text = head
        elif kind == 1:
            text = paras[int(rng.integers(len(paras)))]
        else:
            text = head + "\n\n" + "\n\n".join(paras)
        docs.append({"doc_id": f"r{i:07d}", "outlet": section, "text": text + "\n"})
    return docs


#: where :func:`realu_docs` reads its sources (local copies of public datasets; see
#: ``RESULTS_frontend.md``, "Session 20, front end", for each one's origin and licence)
REALU_SOURCES = {
    "clickbait": Path("/tmp/h1/headlines.gz"),  # bhargaviparanjape/clickbait, 32,000 headlines
    "fwd": Path("/tmp/h6/s18/fwd_all.json"),  # fwd/news headlines.json, 9,666 headlines
    "agnews": Path("/work/.mirror/mhjabreel+CharCnn_Keras/repo"),  # AG News test.csv
    "huffpost": Path("/work/.mirror/ongraphpythondev+elastic_search/repo"),  # News Category v2
    "toi": Path("/work/.mirror/apadkavyrava+nlp-headlines/repo"),  # india-news-headlines.csv
    "zyte": Path("/tmp/h1/aeb/ground-truth.json"),  # article-extraction-benchmark bodies
    "dragnet": Path("/tmp/h2/merged/dragnet_data/GoldStandard"),  # Dragnet gold bodies
    "fakenews": Path("/tmp/h6/s19/F/news_sample.csv"),  # FakeNewsCorpus news_sample.csv
}


def _git_show(repo: Path, name: str) -> str:
    return subprocess.run(
        ["git", "--git-dir", str(repo), "show", f"HEAD:{name}"], check=True, capture_output=True
    ).stdout.decode("utf-8", "replace")


def _paragraphs(body: str, min_words: int = 8) -> list[str]:
    """Paragraph-like pieces of an article body (blank-line or line separated)."""
    pieces = (p.strip() for p in re.split(r"\n\s*\n|\n", body))
    return [p for p in pieces if len(p.split()) >= min_words]


def _decode_gold(data: bytes) -> str:
    """A Dragnet gold file: UTF-16 with a BOM (5 files), UTF-8, else Windows-1252."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def realu_pool(mirror: Path, src: dict[str, Path] = REALU_SOURCES) -> list[tuple[str, str, str]]:
    """(kind, outlet, text) of every distinct real text of the sources, in a fixed order.

    Kinds: ``headline``, ``post`` (a short description or teaser), ``paragraph`` (one
    paragraph of an article body) and ``article`` (a whole body; BBC with its
    headline). Texts are stripped, CRLF becomes LF, and a text seen before (exactly)
    is left out, so every document of a ``realu`` corpus is a different text.
    """
    import csv
    import gzip
    import io

    out: list[tuple[str, str, str]] = []
    for section, head, paras in bbc_articles(mirror):
        out.append(("headline", f"bbc:{section}", head))
        out += [("paragraph", f"bbc:{section}", p) for p in paras]
        out.append(("article", f"bbc:{section}", head + "\n\n" + "\n\n".join(paras)))
    with gzip.open(src["clickbait"], "rt", encoding="utf-8") as f:
        out += [("headline", "clickbait-set", line) for line in f]
    out += [("headline", d["domain"], d["title"]) for d in json.loads(src["fwd"].read_text())]
    for row in csv.reader(io.StringIO(_git_show(src["agnews"], "data/ag_news_csv/test.csv"))):
        out += [("headline", "agnews", row[1]), ("post", "agnews", row[2].replace("\\", " "))]
    for line in _git_show(src["huffpost"], "News_Category_Dataset_v2.json").splitlines():
        d = json.loads(line)
        out += [
            ("headline", "huffpost", d["headline"]),
            ("post", "huffpost", d["short_description"]),
        ]
    toi = _git_show(src["toi"], "Original_data/india-news-headlines.csv")
    out += [("headline", "toi", r["headline_text"]) for r in csv.DictReader(io.StringIO(toi))]
    bodies = [
        ("zyte", d["articleBody"]) for _, d in sorted(json.loads(src["zyte"].read_text()).items())
    ]
    for p in sorted(src["dragnet"].glob("*.txt")):
        text = _decode_gold(p.read_bytes())
        bodies.append(("dragnet", re.split(r"\S*\$%\^&\*\(\)\s+COMMENTS", text)[0]))
    with src["fakenews"].open(encoding="utf-8", newline="") as f:
        bodies += [(f"fakenews:{r['domain']}", r["content"]) for r in csv.DictReader(f)]
    for outlet, body in bodies:
        body = body.replace("\r\n", "\n").replace("\r", "\n")
        out.append(("article", outlet, body))
        out += [("paragraph", outlet, p) for p in _paragraphs(body)]
    seen: set[str] = set()
    pool = []
    for kind, outlet, text in out:
        text = text.replace("\r\n", "\n").strip()
        if text and text not in seen:
            seen.add(text)
            pool.append((kind, outlet, text))
    return pool


def realu_docs(n: int, mirror: Path, seed: int = 20) -> list[dict[str, str]]:
    """``n`` different real texts (headlines, posts, paragraphs, articles), shuffled (fixed seed).

    The first ``n`` of one fixed shuffle of :func:`realu_pool`, so a smaller corpus is
    the start of a larger one; asking for more texts than the sources hold is an error.
    """
    import numpy as np

    pool = realu_pool(mirror)
    if n > len(pool):
        raise ValueError(f"realu: the sources hold {len(pool):,} distinct texts, not {n:,}")
    order = np.random.default_rng(seed).permutation(len(pool))[:n]
    return [
        {"doc_id": f"u{i:07d}", "outlet": pool[j][1], "kind": pool[j][0], "text": pool[j][2] + "\n"}
        for i, j in enumerate(order.tolist())
    ]


def ensure(kind: str, n: int, mirror: Path, root: Path = CORPORA) -> Path:
    """A folder with ``docs.parquet`` and ``txt/`` (+ ``metadata.csv``) for ``n`` documents."""
    import pandas as pd

    out = root / f"{kind}{n}"
    if (out / ".complete").exists():
        return out
    if kind not in ("real", "realu", "generated"):
        # a corpus written by another benchmark (``long``: bench_frontend.py's real long
        # articles): its txt/ folder as it is, for the work that reads files (--work lean)
        if not (out / "txt").is_dir():
            raise SystemExit(f"{out}/txt not found: write the '{kind}' corpus first")
        return out
    if kind == "real":
        docs = pd.DataFrame(real_docs(n, mirror))
    elif kind == "realu":
        docs = pd.DataFrame(realu_docs(n, mirror))[["doc_id", "outlet", "text", "kind"]]
    else:
        import generate

        docs = pd.DataFrame(list(generate.iter_documents(n)))[["doc_id", "outlet", "text"]]
    txt = out / "txt"
    txt.mkdir(parents=True, exist_ok=True)
    files = []
    for k, (doc_id, text) in enumerate(zip(docs["doc_id"], docs["text"], strict=True)):
        sub = txt / f"{k // 1000:04d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        files.append(f"{k // 1000:04d}/{doc_id}.txt")
    pd.DataFrame({"file": files, "outlet": docs["outlet"]}).to_csv(
        txt / "metadata.csv", index=False
    )
    docs.to_parquet(out / "docs.parquet")
    (out / ".complete").write_text("ok")
    return out


# --------------------------------------------------------------------------
# work (each runs in a fresh child process; input is read before the clock starts)
# --------------------------------------------------------------------------
def _docs(folder: Path, cap: int) -> Any:
    import pandas as pd

    docs = pd.read_parquet(folder / "docs.parquet")
    return docs.iloc[:cap] if cap else docs


def _txt_paths(folder: Path, cap: int) -> list[Path]:
    paths = sorted((folder / "txt").glob("*/*.txt"))
    return paths[:cap] if cap else paths


def ours_keyness(docs: Any, top_n: int | None = 20, n_jobs: int = 1) -> int:
    import corpus_tools as ct

    k = ct.keyness(ct.Corpus(docs), by="outlet", top_n=top_n, n_jobs=n_jobs)
    return len(k)


def ours_stream(docs: Any) -> int:
    from corpus_tools.stream import keyness_from_counts, stream_counts

    s = stream_counts(docs, clean=False, mentions=False, batch_size=2000)
    return len(keyness_from_counts(s, top_n=20))


def ours_tf_both(docs: Any) -> int:
    """Notebook 01's two calls: term frequencies with and without stopwords, one Corpus."""
    import corpus_tools as ct

    c = ct.Corpus(docs)
    with_stop = ct.term_frequencies(c, by="outlet")
    without = ct.term_frequencies(c, by="outlet", stopwords=False)
    return len(with_stop) + len(without)


def peer_cv(docs: Any) -> int:
    from run import peer_countvectorizer_logodds

    return peer_countvectorizer_logodds(docs["text"].tolist(), docs["outlet"].tolist())


def floor_counter(docs: Any) -> int:
    """Plain ``re.findall`` + ``Counter`` per group: the counting floor (no keyness)."""
    from collections import Counter

    word = re.compile(r"\w+")
    per: dict[str, Counter[str]] = {}
    for text, g in zip(docs["text"].tolist(), docs["outlet"].tolist(), strict=True):
        per.setdefault(g, Counter()).update(word.findall(text.lower()))
    return sum(len(c) for c in per.values())


def ours_front(folder: Path, cap: int) -> int:
    import corpus_tools as ct

    src = folder / "txt" if not cap else _txt_paths(folder, cap)
    c = ct.load_corpus(src)
    c.sentences()
    return len(ct.tokens(c, compact=True))


def nltk_spans(paths: list[Path]) -> int:
    """NLTK Punkt sentence spans + Treebank word spans (offsets into the file's text)."""
    from nltk.tokenize import TreebankWordTokenizer
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    punkt, tb = PunktSentenceTokenizer(), TreebankWordTokenizer()
    n = 0
    for p in paths:
        text = p.read_text(encoding="utf-8")
        for s, e in punkt.span_tokenize(text):
            n += sum(1 for _ in tb.span_tokenize(text[s:e]))
    return n


def spacy_blank(paths: list[Path]) -> int:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    texts = (p.read_text(encoding="utf-8") for p in paths)
    return sum(len(doc) for doc in nlp.pipe(texts, batch_size=256))


def re_floor(paths: list[Path]) -> int:
    """Plain ``re``: sentence ends at ``[.!?]`` + space, word/symbol spans with offsets."""
    sent = re.compile(r"(?<=[.!?])\s+|\n\s*\n")
    tok = re.compile(r"\w+|[^\w\s]")
    n = 0
    for p in paths:
        text = p.read_text(encoding="utf-8")
        pos = 0
        for m in sent.finditer(text):
            n += sum(1 for _ in tok.finditer(text, pos, m.start()))
            pos = m.end()
        n += sum(1 for _ in tok.finditer(text, pos))
    return n


MEMORY_CALLS = {
    "term_frequencies (stopwords)": lambda ct, c: ct.term_frequencies(c, by="outlet"),
    "term_frequencies (no stopwords)": lambda ct, c: ct.term_frequencies(
        c, by="outlet", stopwords=False
    ),
    "keyness (top 20, evidence)": lambda ct, c: ct.keyness(c, by="outlet", top_n=20),
    "similarity by outlet": lambda ct, c: ct.similarity(c, by="outlet"),
}


def _resident_mb(field: str = "VmRSS") -> float:
    """This process's resident set (``VmRSS``) or its peak since the last reset (``VmHWM``)."""
    found = re.search(rf"{field}:\s+(\d+)", Path("/proc/self/status").read_text())
    return int(found.group(1)) / 1024 if found else 0.0


def _trim_heap() -> None:
    """Hand freed heap memory back to the system (glibc), so the baseline is what is held."""
    import ctypes

    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):  # not glibc: the baseline keeps the reader's slack
        pass


def ours_memory(folder: Path, cap: int) -> dict[str, Any]:
    """Each call's CPU seconds and peak resident set above the loaded corpus (one process)."""
    import gc
    import resource

    import corpus_tools as ct

    c = ct.Corpus(_docs(folder, cap))
    gc.collect()
    _trim_heap()
    loaded = _resident_mb()
    steps = []
    for name, call in MEMORY_CALLS.items():
        Path("/proc/self/clear_refs").write_text("5")  # reset the peak (VmHWM)
        r0 = resource.getrusage(resource.RUSAGE_SELF)
        t0 = time.perf_counter()
        call(ct, c)
        r1 = resource.getrusage(resource.RUSAGE_SELF)
        steps.append(
            {
                "call": name,
                "cpu_s": (r1.ru_utime + r1.ru_stime) - (r0.ru_utime + r0.ru_stime),
                "wall_s": time.perf_counter() - t0,
                "peak_above_mb": _resident_mb("VmHWM") - loaded,
                "after_mb": _resident_mb() - loaded,
            }
        )
        gc.collect()
    return {"n_docs": len(c), "loaded_mb": loaded, "steps": steps}


LEAN_CALLS = {
    "term_frequencies by outlet (counts the text; counts kept)": lambda ct, c: ct.term_frequencies(
        c, by="outlet"
    ),
    "term_frequencies, no stopwords": lambda ct, c: ct.term_frequencies(
        c, by="outlet", stopwords=False
    ),
    "keyness (top 20, evidence)": lambda ct, c: ct.keyness(c, by="outlet", top_n=20),
    "cooccurrence by sentence (actor mentions included)": lambda ct, c: ct.cooccurrence(
        c, window="sentence"
    ),
}


def _cpu(who: int) -> float:
    import resource

    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime


def ours_lean(folder: Path) -> dict[str, Any]:
    """The in-memory path a user runs, in one process: the lean load, then each call.

    Per step: CPU seconds (pool workers of the load included), wall seconds, this
    process's peak resident set during the step (reset before it through
    ``/proc/self/clear_refs``) and its resident set after (each table is dropped
    before the next step; what a call keeps on the corpus, such as the counts, stays).
    """
    import gc
    import resource

    import corpus_tools as ct

    who = (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
    steps = []
    c: Any = None
    calls: dict[str, Any] = {
        "load_corpus(keep_raw=False)": lambda: ct.load_corpus(folder / "txt", keep_raw=False),
        **{name: (lambda call=call: call(ct, c)) for name, call in LEAN_CALLS.items()},
    }
    for name, call in calls.items():
        gc.collect()
        Path("/proc/self/clear_refs").write_text("5")  # reset the peak (VmHWM)
        cpu0, t0 = sum(map(_cpu, who)), time.perf_counter()
        out = call()
        cpu1, t1 = sum(map(_cpu, who)), time.perf_counter()
        peak = _resident_mb("VmHWM")
        if c is None:
            c = out
        del out
        gc.collect()
        steps.append(
            {
                "call": name,
                "cpu_s": cpu1 - cpu0,
                "wall_s": t1 - t0,
                "peak_mb": peak,
                "after_mb": _resident_mb(),
                "load": os.getloadavg()[0],
            }
        )
    return {"n_docs": len(c), "steps": steps}


def lean_rows(kind: str, n: int, res: dict[str, Any]) -> list[str]:
    """Table rows of one ``ours_lean`` result."""
    return [
        f"| {kind} | {n:,} | {s['call']} | {s['cpu_s']:.1f} | {s['wall_s']:.0f} | "
        f"{s['peak_mb']:,.0f} | {s['after_mb']:,.0f} | {s['load']:.1f} |"
        for s in res["steps"]
    ]


def memory_rows(kind: str, n: int, res: dict[str, Any]) -> list[str]:
    """Table rows of one ``ours_memory`` result."""
    return [
        f"| {kind} | {n:,} | {res['loaded_mb']:,.0f} | {s['call']} | {s['cpu_s']:.1f} | "
        f"{s['peak_above_mb']:,.0f} | {s['after_mb']:,.0f} |"
        for s in res["steps"]
    ]


WORK: dict[str, tuple[str, str]] = {
    # name: (kind, label)
    "ours_keyness": ("counts", "corpus_tools keyness (counts + log-odds + evidence, top 20)"),
    "ours_keyness_all": ("counts", "corpus_tools keyness, every row with evidence"),
    "ours_keyness_2jobs": ("counts", "corpus_tools keyness, n_jobs=2"),
    "ours_stream": ("counts", "corpus_tools streaming counts + keyness"),
    "ours_tf_both": ("counts", "corpus_tools term_frequencies with and without stopwords"),
    "peer_cv": ("counts", "CountVectorizer + pandas log-odds (no evidence)"),
    "floor_counter": ("counts", "floor: re.findall + Counter per group (no keyness)"),
    "ours_front": ("front", "corpus_tools load (read+clean) + sentences + tokens"),
    "nltk_spans": ("front", "NLTK Punkt + Treebank span_tokenize (read, no cleaning)"),
    "spacy_blank": ("front", "spaCy blank('en') + sentencizer (read, no cleaning)"),
    "re_floor": ("front", "floor: plain re sentence + token spans (read)"),
}


def _warm_imports(work: str) -> None:
    """Import the libraries before the clock starts (import time is not the work)."""
    if work.startswith("ours"):
        import corpus_tools  # noqa: F401
        import corpus_tools.stream  # noqa: F401
    elif work == "peer_cv":
        import run  # noqa: F401
        import sklearn.feature_extraction.text  # noqa: F401
    elif work == "nltk_spans":
        import nltk.tokenize  # noqa: F401
    elif work == "spacy_blank":
        import spacy  # noqa: F401


def child(work: str, folder: Path, cap: int) -> dict[str, Any]:
    """Run one work item here and return its numbers (called in the child process)."""
    import resource

    if work == "ours_memory":
        return ours_memory(folder, cap)
    if work == "ours_lean":
        return ours_lean(folder)
    kind = WORK[work][0]
    arg: Any = _docs(folder, cap) if kind == "counts" else None
    paths = _txt_paths(folder, cap) if kind == "front" and work != "ours_front" else []
    calls = {
        "ours_keyness": lambda: ours_keyness(arg),
        "ours_keyness_all": lambda: ours_keyness(arg, top_n=None),
        "ours_keyness_2jobs": lambda: ours_keyness(arg, n_jobs=2),
        "ours_stream": lambda: ours_stream(arg),
        "ours_tf_both": lambda: ours_tf_both(arg),
        "peer_cv": lambda: peer_cv(arg),
        "floor_counter": lambda: floor_counter(arg),
        "ours_front": lambda: ours_front(folder, cap),
        "nltk_spans": lambda: nltk_spans(paths),
        "spacy_blank": lambda: spacy_blank(paths),
        "re_floor": lambda: re_floor(paths),
    }
    n_docs = len(arg) if arg is not None else (len(paths) or len(_txt_paths(folder, cap)))
    _warm_imports(work)
    r0 = resource.getrusage(resource.RUSAGE_SELF)
    t0 = time.perf_counter()
    out = calls[work]()
    seconds = time.perf_counter() - t0
    r1, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    cpu = (r1.ru_utime + r1.ru_stime) - (r0.ru_utime + r0.ru_stime) + kids.ru_utime + kids.ru_stime
    peak = (
        max(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,  # n_jobs workers
        )
        / 1024
    )
    return {"seconds": seconds, "cpu_s": cpu, "peak_mb": peak, "n_docs": n_docs, "out": out}


# --------------------------------------------------------------------------
# the driver: one child per (corpus, size, work), one table
# --------------------------------------------------------------------------
def measure(work: str, folder: Path, cap: int, repeat: int = 1) -> dict[str, Any]:
    """Run ``work`` ``repeat`` times, each in a fresh interpreter; the run with the least CPU.

    A missing peer gives ``{"missing": reason}``.
    """
    runs = [_measure_once(work, folder, cap) for _ in range(max(1, repeat))]
    return min(runs, key=lambda r: r.get("cpu_s", 0.0))


def _measure_once(work: str, folder: Path, cap: int) -> dict[str, Any]:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", work, str(folder), str(cap)]
    res = subprocess.run(cmd, capture_output=True, text=True, cwd=HERE)
    if res.returncode != 0:
        last = (res.stderr.strip().splitlines() or ["failed"])[-1]
        if "ModuleNotFoundError" in last:
            return {"missing": last.split(":", 1)[-1].strip() + ": not installed in the venv"}
        raise RuntimeError(f"{work} on {folder} failed: {res.stderr[-2000:]}")
    return json.loads(res.stdout.strip().splitlines()[-1])


RATIOS = {  # ours vs peer, per kind
    "counts": ("ours_keyness", ("peer_cv", "floor_counter")),
    "front": ("ours_front", ("nltk_spans", "spacy_blank", "re_floor")),
}


def table_rows(kind: str, n: int, results: dict[str, dict[str, Any]]) -> list[str]:
    ours_key, peers = RATIOS[WORK[next(iter(results))][0]]
    ours = results.get(ours_key, {})
    ours_rate = ours["n_docs"] / ours["seconds"] if ours.get("seconds") else 0.0
    ours_cpu_rate = ours["n_docs"] / ours["cpu_s"] if ours.get("cpu_s") else 0.0
    lines = []
    for work, r in results.items():
        label = WORK[work][1]
        if "missing" in r:
            lines.append(f"| {kind} | {n:,} | {label} | — | — | — | — | {r['missing']} | |")
            continue
        rate = r["n_docs"] / r["seconds"]
        cpu_rate = r["n_docs"] / r["cpu_s"] if r.get("cpu_s") else 0.0
        ratio = f"{ours_rate / rate:.2f}x" if work in peers and rate else ""
        cpu_ratio = f"{ours_cpu_rate / cpu_rate:.2f}x" if work in peers and cpu_rate else ""
        cap = "" if r["n_docs"] == n else f" (first {r['n_docs']:,} docs)"
        lines.append(
            f"| {kind} | {n:,} | {label}{cap} | {r['seconds']:.1f} | {r.get('cpu_s', 0):.2f} | "
            f"{rate:,.0f} | {r['peak_mb']:,.0f} | {ratio} | {cpu_ratio} |"
        )
    return lines


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--child", nargs=3, metavar=("WORK", "FOLDER", "CAP"), help=argparse.SUPPRESS)
    ap.add_argument("--sizes", default="20000,100000")
    ap.add_argument("--corpora", default="real,generated")
    ap.add_argument(
        "--work", default="counts,front", help="counts, front, memory, lean (comma-separated)"
    )
    ap.add_argument("--skip", default="", help="work items to leave out (comma-separated)")
    ap.add_argument("--peer-cap", type=int, default=0, help="documents for the NLTK peer (0: all)")
    ap.add_argument(
        "--repeat", type=int, default=1, help="runs per work item; the one with the least CPU"
    )
    ap.add_argument("--bbc", type=Path, default=BBC_MIRROR, help="git dir of the BBC dataset")
    ap.add_argument("--root", type=Path, default=CORPORA, help="where corpora are written")
    a = ap.parse_args(argv)
    if a.child:
        print(json.dumps(child(a.child[0], Path(a.child[1]), int(a.child[2]))))
        return
    skip = set(filter(None, a.skip.split(",")))
    kinds = set(a.work.split(","))
    load0 = os.getloadavg()
    lines = [
        "| corpus | docs | work | wall s | CPU s | docs/s (wall) | peak MB | ours/peer (wall) | "
        "ours/peer (CPU) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    mem_lines = [
        "| corpus | docs | loaded corpus MB | call | CPU s | peak MB above loaded | "
        "kept MB after |",
        "|---|---|---|---|---|---|---|",
    ]
    lean_lines = [
        "| corpus | docs | step (one process, in order) | CPU s | wall s | peak MB | "
        "resident after MB | load (1 min) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for kind in a.corpora.split(","):
        for n in (int(x) for x in a.sizes.split(",")):
            folder = ensure(kind, n, a.bbc, a.root)
            if "memory" in kinds:
                mem_lines += memory_rows(kind, n, measure("ours_memory", folder, 0))
            if "lean" in kinds:
                lean_lines += lean_rows(kind, n, measure("ours_lean", folder, 0))
            for group in ("counts", "front"):
                if group not in kinds:
                    continue
                results = {}
                for work in (w for w, (k, _) in WORK.items() if k == group and w not in skip):
                    cap = a.peer_cap if work == "nltk_spans" and a.peer_cap < n else 0
                    results[work] = measure(work, folder, cap, a.repeat)
                    print(f"  {kind} {n} {work}: {results[work]}", file=sys.stderr, flush=True)
                lines += table_rows(kind, n, results)
    load1 = os.getloadavg()
    head = (
        f"bench_counts: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; load average (1/5/15 min) {load0[0]:.1f}/{load0[1]:.1f}/"
        f"{load0[2]:.1f} before, {load1[0]:.1f}/{load1[1]:.1f}/{load1[2]:.1f} after: numbers "
        "taken under contention, compare ratios within the run. Peak MB: the child process's "
        "maximum resident set (interpreter and imports included)."
    )
    tables = ["\n".join(lines)] if kinds & {"counts", "front"} else []
    if "memory" in kinds:
        tables.append("\n".join(mem_lines))
    if "lean" in kinds:
        tables.append("\n".join(lean_lines))
    print(head + "\n\n" + "\n\n".join(tables), flush=True)


if __name__ == "__main__":
    main()
