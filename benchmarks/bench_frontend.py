"""The front end (issue 18): read + clean + sentences + tokens with offsets, against its peers.

Usage::

    python benchmarks/bench_frontend.py                        # 20k real documents
    python benchmarks/bench_frontend.py --sizes 20000,100000 --peer-cap 5000
    python benchmarks/bench_frontend.py --sizes 300            # smoke run
    # peers from a separate venv (spaCy is not a dependency of this package):
    python3 -m venv /work/benchvenv && /work/benchvenv/bin/pip install spacy nltk pandas pyarrow
    python benchmarks/bench_frontend.py --sizes 20000,100000 \
        --peer-python /work/benchvenv/bin/python              # the full table
    # what two busy cores cost each other (same cleaning alone and two at once; idle machine)
    python benchmarks/bench_frontend.py --corpus long --pair 3000
    # issue 18's shape: article-length documents of real paragraphs (~626 words each)
    python benchmarks/bench_frontend.py --corpus long --sizes 20000,100000 --peer-cap 20000 \
        --peer-python /work/benchvenv/bin/python

Every row runs in a fresh child process on the same documents: by default
``benchmarks/_corpora/realu<N>`` (``--corpus realu``), N different real texts
(headlines, posts, article paragraphs and whole articles of public news
datasets, as built by ``bench_counts.realu_docs``; no text twice), or
``--corpus real`` (the BBC articles of ZitRos/news-articles-dataset split and
resampled, so texts repeat: 12,902 distinct of 100,000), or ``--corpus long``
(``benchmarks/_corpora/long<N>``, :func:`long_docs`: a real title and real article
paragraphs of BBC, ISOT and Zyte articles per document, 150-750+ words, every
document a different text though each paragraph recurs once per pass), or
``--corpus NAME``: ``benchmarks/_corpora/NAME<N>`` as another script wrote it
(``real_corpus.py``'s distinct real articles, say); a folder of ``.txt`` files
with a ``metadata.csv``:

* ``corpus_tools``: ``load_corpus`` (read + decode + clean + dedup flags),
  ``sentences()`` and ``tokens(compact=True)``, each stage timed, with the
  package's defaults (which use a process pool on large corpora); the same
  with ``n_jobs=1`` everywhere (one process, as the peers run); with
  ``load_corpus(clean=False)`` (the peers do not clean); and with the defaults
  but the memo of documents cleaned before switched off (``ours_nomemo``: every
  document cleaned anew, as on a corpus without repeated texts);
* NLTK: ``PunktSentenceTokenizer().span_tokenize`` +
  ``TreebankWordTokenizer().span_tokenize`` per sentence (read, no cleaning);
* spaCy ``blank("en")`` + ``sentencizer`` (only if installed; it is not a
  dependency of this package: ``--peer-python`` runs the peer rows with
  another interpreter, e.g. a venv holding spaCy and NLTK; they only read
  the corpus folder);
* a floor: plain ``re`` sentence ends and ``\\w+|[^\\w\\s]`` spans (read).

Columns: the 1-minute load average when the row started, wall seconds,
CPU seconds (user + system of the process and its workers: on a shared
machine wall time depends on the load, CPU time much less), documents per
second (wall and CPU), peak resident memory of the child (interpreter and
imports included; workers' peaks are not added) and ours/peer ratios: wall
for our defaults, CPU for our one-process row. Our rows' stages also give the
loading process's resident memory after each stage and its peak so far (what
the tables kept hold, and how far a stage rose above that). The load average before and
after is printed; compare ratios within one run.

Before the rows, every file of the corpus folder is read once (``warm_files``,
its seconds printed in the header; ``--cold`` skips it), so every row reads its
files from the page cache. Otherwise the first row (ours, which reads all N
files) pays the disk's latency for every file the cache has dropped (0.65-1.4 ms
a file read one at a time from this machine's disk, cold, against ~0.15 ms from
the cache), and the peers then read the files ours has just brought in.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
# the package of the tree this script is in, not an installed one: a copy of the tree (the
# code before a change, say) measures its own corpus_tools (an editable install would
# otherwise give every copy the working tree's package)
sys.path.insert(1, str(HERE.parent))

import bench_counts  # noqa: E402  (the corpus builder and the peers)

ROWS: dict[str, str] = {
    "ours": "corpus_tools load (read+clean) + sentences + tokens(compact), defaults",
    "ours_1proc": "corpus_tools, the same with n_jobs=1 everywhere (one process)",
    "ours_noclean": "corpus_tools load_corpus(clean=False) + sentences + tokens(compact), defaults",
    "ours_nomemo": "corpus_tools, defaults, every document cleaned anew (memo of cleaned texts off)",
    "ours_1proc_nomemo": "corpus_tools, one process, every document cleaned anew (memo off)",
    "nltk": "NLTK Punkt + Treebank span_tokenize (read, no cleaning)",
    "spacy": "spaCy blank('en') + sentencizer (read, no cleaning)",
    "re_floor": "floor: plain re sentence + token spans (read)",
}


#: local copies of the public sources of the ``long`` corpus (``fetch`` git mirrors; origin and
#: licence of each in ``RESULTS_frontend.md``, "Session 21")
LONG_SOURCES = {
    # ISOT Fake News Dataset (Ahmed, Traore & Saad 2017/2018; Reuters articles and
    # fact-checked fake news): the first rows of True.csv / Fake.csv as two GitHub copies hold them
    "isot": [
        (Path("/work/.mirror/Vatshayan+Fake-News-Prediction/repo"), "True.csv"),
        (Path("/work/.mirror/Vatshayan+Fake-News-Prediction/repo"), "Fake.csv"),
        (Path("/work/.mirror/AafaqAaf+Fake-news-detection-using-NLP/repo"), "True.csv"),
        (Path("/work/.mirror/AafaqAaf+Fake-news-detection-using-NLP/repo"), "Fake.csv"),
    ],
    "zyte": Path("/work/.mirror/scrapinghub+article-extraction-benchmark/repo"),
}


def long_units(mirror: Path = bench_counts.BBC_MIRROR) -> tuple[list[str], list[str]]:
    """(titles, paragraphs) of real news articles: every distinct one, in a fixed order.

    Paragraphs: the BBC articles' blank-line separated paragraphs, the Zyte
    benchmark's ``articleBody`` lines of 8+ words and the ISOT articles' bodies (one
    line each in that dataset). Titles: BBC headlines and ISOT titles.
    """
    import io

    import pandas as pd

    titles: list[str] = []
    paras: list[str] = []
    for _section, head, ps in bench_counts.bbc_articles(mirror):
        titles.append(head)
        paras += ps
    for repo, name in LONG_SOURCES["isot"]:
        raw = subprocess.run(
            ["git", "--git-dir", str(repo), "show", f"HEAD:{name}"], check=True, capture_output=True
        ).stdout
        # the stored copies end inside a row: drop the last row read
        rows = pd.read_csv(io.BytesIO(raw), on_bad_lines="skip", engine="python").iloc[:-1]
        titles += [str(t) for t in rows["title"]]
        paras += [str(t) for t in rows["text"]]
    zyte = json.loads(bench_counts._git_show(LONG_SOURCES["zyte"], "ground-truth.json"))
    for _, d in sorted(zyte.items()):
        paras += bench_counts._paragraphs(d["articleBody"])

    def distinct(texts: list[str]) -> list[str]:
        seen: set[str] = set()
        out = []
        for t in texts:
            t = t.replace("\r\n", "\n").strip()
            if len(t.split()) >= 3 and t not in seen:
                seen.add(t)
                out.append(t)
        return out

    return distinct(titles), distinct(paras)


def long_docs(n: int, seed: int = 21, lo: int = 150, hi: int = 750) -> list[dict[str, str]]:
    """``n`` different article-length documents made of real titles and paragraphs.

    Each document is a title, a blank line and whole paragraphs (blank-line
    separated) until it holds at least a target number of words drawn uniformly
    from ``lo``..``hi`` (~610 words a document with the overshoot of the last paragraph, ~720 tokens: the issue's corpus had
    72 M tokens at 100k documents). Paragraphs are taken in the order of one
    shuffle of all of them, reshuffled (seed + pass) when used up, so each
    paragraph appears once per pass and a document's text is a new sequence of
    real paragraphs; no two documents are the same text (a repeat takes one more paragraph). ``long_docs(m)`` is the
    start of ``long_docs(n)`` for m < n.
    """
    import numpy as np

    titles, paras = long_units()
    words = np.array([len(p.split()) for p in paras])
    targets = np.random.default_rng(seed).integers(lo, hi + 1, size=n)
    tord = np.random.default_rng(seed + 1000).permutation(len(titles))
    order, at, pass_no = np.random.default_rng(seed + 1).permutation(len(paras)), 0, 1
    docs, seen = [], set()
    for i in range(n):
        body: list[str] = []
        got, text = 0, ""
        while got < targets[i] or text in seen:  # a repeat (rare) takes one more paragraph
            if at == len(order):
                order, at = np.random.default_rng(seed + 1 + pass_no).permutation(len(paras)), 0
                pass_no += 1
            j = int(order[at])
            at += 1
            body.append(paras[j])
            got += int(words[j])
            text = titles[int(tord[i % len(tord)])] + "\n\n" + "\n\n".join(body) + "\n"
        seen.add(text)
        docs.append({"doc_id": f"l{i:07d}", "outlet": f"pass{pass_no}", "text": text})
    return docs


def ensure_long(n: int, root: Path = bench_counts.CORPORA) -> Path:
    """``benchmarks/_corpora/long<n>``: ``txt/`` files + ``metadata.csv`` (see :func:`long_docs`)."""
    import pandas as pd

    out = root / f"long{n}"
    if (out / ".complete").exists():
        return out
    docs = long_docs(n)
    txt = out / "txt"
    txt.mkdir(parents=True, exist_ok=True)
    files = []
    for k, d in enumerate(docs):
        sub = txt / f"{k // 1000:04d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{d['doc_id']}.txt").write_text(d["text"], encoding="utf-8")
        files.append(f"{k // 1000:04d}/{d['doc_id']}.txt")
    outlets = [d["outlet"] for d in docs]
    pd.DataFrame({"file": files, "outlet": outlets}).to_csv(txt / "metadata.csv", index=False)
    (out / ".complete").write_text("ok")
    return out


def corpus_folder(
    kind: str, n: int, mirror: Path = bench_counts.BBC_MIRROR, root: Path = bench_counts.CORPORA
) -> Path:
    """The folder of the corpus ``kind`` with ``n`` documents, built first if this script or
    ``bench_counts`` builds it (``long``, ``realu``, ``real``, ``generated``); any other
    ``kind`` is ``<root>/<kind><n>`` as another script wrote it (``txt/``), else an exit
    naming the folder."""
    if kind == "long":
        return ensure_long(n, root)
    return bench_counts.ensure(kind, n, mirror, root)


def warm_files(folder: Path, threads: int = 8) -> tuple[int, int, float]:
    """Read every file under ``folder`` once (into the page cache): ``(files, bytes, seconds)``.

    Threads keep several reads in flight (a cold disk answers many requests at once),
    and reading leaves the GIL, so this costs little CPU; the contents are thrown away.
    """
    from concurrent.futures import ThreadPoolExecutor

    t0 = time.perf_counter()
    paths = [Path(d, f) for d, _, names in os.walk(folder) for f in names]

    def size(path: Path) -> int:
        with open(path, "rb") as fh:
            return len(fh.read())

    with ThreadPoolExecutor(max_workers=threads) as ex:
        total = sum(ex.map(size, paths, chunksize=256))
    return len(paths), total, time.perf_counter() - t0


def _cpu() -> float:
    """User + system CPU seconds of this process and its finished children."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _memory_mb() -> list[int]:
    """``[resident, peak]`` MB of this process now (the loading process; workers not added).

    Resident memory from ``/proc/self/status`` (0 where there is none), the peak so far
    from ``getrusage``: after each stage, what the tables kept so far hold and how far
    the stage rose above that.
    """
    rss = 0
    try:
        with open("/proc/self/status") as fh:
            rss = next((int(ln.split()[1]) for ln in fh if ln.startswith("VmRSS:")), 0)
    except OSError:  # not Linux
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return [rss // 1024, peak // 1024]


def _main_cpu() -> float:
    """User + system CPU seconds of this process alone (not its workers)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    return me.ru_utime + me.ru_stime


def ours(
    folder: Path, n_jobs: int | None, clean: bool = True, digest: bool = False
) -> dict[str, Any]:
    """Load + sentences + tokens, with seconds per stage (``n_jobs=None``: the defaults).

    Each stage has ``[wall, CPU, CPU of this process alone]``: the rest of the
    CPU is the pool workers' (they end with each stage). With ``digest``, the
    tables' :func:`table_digests` too (to check that a change keeps them identical).
    """
    import corpus_tools as ct

    kw: dict[str, Any] = {} if n_jobs is None else {"n_jobs": n_jobs}
    marks = [(time.perf_counter(), _cpu(), _main_cpu())]
    corpus = ct.load_corpus(folder / "txt", clean=clean, **kw)
    marks.append((time.perf_counter(), _cpu(), _main_cpu()))
    memory = [_memory_mb()]
    sents = ct.sentences(corpus, **kw)
    marks.append((time.perf_counter(), _cpu(), _main_cpu()))
    memory.append(_memory_mb())
    toks = ct.tokens(corpus, compact=True, **kw)
    marks.append((time.perf_counter(), _cpu(), _main_cpu()))
    memory.append(_memory_mb())
    stages = {
        name: [round(y - x, 2) for x, y in zip(a, b, strict=True)]
        for name, a, b in zip(("load", "sentences", "tokens"), marks, marks[1:], strict=False)
    }
    out = {"n_docs": len(corpus.docs), "out": len(toks), "sents": len(sents), "stages": stages}
    out["memory"] = dict(zip(("load", "sentences", "tokens"), memory, strict=True))
    out["compiled"] = compiled_modules()
    if digest:
        tables = {"docs": corpus.docs, "cleaning_log": corpus.cleaning_log}
        tables |= {"skipped": corpus.skipped, "sentences": sents, "tokens": toks}
        out["digests"] = table_digests(tables)
    return out


def compiled_modules() -> list[str]:
    """The imported ``corpus_tools`` modules that are compiled extensions (a built ``.so``
    beside the ``.py``, issue 18), so a table says which build it measured. The module's
    spec gives where it was loaded from (the package's build guard puts a compiled
    module's ``__file__`` on its ``.py``, for doctests)."""
    import importlib.machinery

    def origin(mod: Any) -> str:
        spec = getattr(mod, "__spec__", None)
        return str(getattr(spec, "origin", None) or getattr(mod, "__file__", "") or "")

    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return sorted(
        name
        for name, mod in list(sys.modules.items())
        if name.startswith("corpus_tools") and origin(mod).endswith(suffixes)
    )


def table_digests(tables: dict[str, Any]) -> dict[str, str]:
    """A SHA-256 (16 hex digits) of each table: column names and dtypes, every value, the index.

    A categorical column is hashed as its categories and its codes, so equal
    values in another category order give another digest.
    """
    import pandas as pd

    out = {}
    for name, df in tables.items():
        h = hashlib.sha256(repr([(c, str(t)) for c, t in df.dtypes.items()]).encode())
        for col in df.columns:
            ser = df[col]
            if isinstance(ser.dtype, pd.CategoricalDtype):
                cats = ser.cat.categories.to_series()
                h.update(pd.util.hash_pandas_object(cats, index=False).to_numpy().tobytes())
                h.update(ser.cat.codes.to_numpy().tobytes())
            else:
                h.update(pd.util.hash_pandas_object(ser, index=False).to_numpy().tobytes())
        index = df.index.to_series()
        h.update(pd.util.hash_pandas_object(index, index=False).to_numpy().tobytes())
        h.update(repr(df.attrs).encode())
        out[name] = h.hexdigest()[:16]
    return out


def child(row: str, folder: Path, cap: int, digest: bool = False) -> dict[str, Any]:
    """Run one row here (in the child process) and return its numbers (``digest``: ours' tables' too)."""
    paths = bench_counts._txt_paths(folder, cap) if not row.startswith("ours") else []
    if row == "nltk":
        import nltk.tokenize  # noqa: F401  (imports before the clock)
    elif row == "spacy":
        import spacy  # noqa: F401
    elif row.startswith("ours"):
        import corpus_tools  # noqa: F401
    if row.endswith("_nomemo"):  # no document found among those cleaned before (forked workers too)
        import corpus_tools.clean

        corpus_tools.clean._DocMemo.get = lambda self, key: None  # type: ignore[method-assign]
    t0, c0 = time.perf_counter(), _cpu()
    if row.startswith("ours"):
        one = row.startswith("ours_1proc")
        res = ours(folder, 1 if one else None, clean=row != "ours_noclean", digest=digest)
    else:
        fn = {
            "nltk": bench_counts.nltk_spans,
            "spacy": bench_counts.spacy_blank,
            "re_floor": bench_counts.re_floor,
        }
        res = {"n_docs": len(paths), "out": fn[row](paths)}
    res["seconds"] = time.perf_counter() - t0
    res["cpu"] = _cpu() - c0
    peak = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
    )
    res["peak_mb"] = peak / 1024
    return res


def measure(row: str, folder: Path, cap: int, python: str = sys.executable) -> dict[str, Any]:
    """``row`` in a fresh interpreter; a peer that is not installed gives ``{"missing": ...}``."""
    cmd = [python, str(Path(__file__).resolve()), "--child", row, str(folder), str(cap)]
    load = os.getloadavg()[0]
    res = subprocess.run(cmd, capture_output=True, text=True, cwd=HERE)
    if res.returncode != 0:
        last = (res.stderr.strip().splitlines() or ["failed"])[-1]
        if "ModuleNotFoundError" in last:
            return {"missing": last.split(":", 1)[-1].strip() + ": not installed in the venv"}
        raise RuntimeError(f"{row} on {folder} failed: {res.stderr[-2000:]}")
    out = dict(json.loads(res.stdout.strip().splitlines()[-1]))
    out["load"] = load
    return out


def table(n: int, results: dict[str, dict[str, Any]]) -> list[str]:
    """Markdown rows for one corpus size; ratios are ours' docs/s over the peer's.

    The wall ratio compares ``ours`` (the defaults), the CPU ratio
    ``ours_1proc`` when it ran (one process, as the peers), else ``ours``.
    """
    # a row that read no document (a corpus folder still being written) has no rate
    done = {k: r for k, r in results.items() if r.get("n_docs") and r.get("seconds")}
    rate = {k: r["n_docs"] / r["seconds"] for k, r in done.items()}
    crate = {k: r["n_docs"] / r["cpu"] for k, r in done.items() if r.get("cpu")}
    mine = [k for k in ROWS if k.startswith("ours") and k in rate]
    wall_base = mine[0] if mine else ""
    cpu_base = "ours_1proc" if "ours_1proc" in crate else wall_base
    lines = []
    for row, r in results.items():
        if "missing" in r or row not in rate:
            why = r.get("missing", "no document read")
            lines.append(f"| {n:,} | {ROWS[row]} | — | — | — | — | — | — | {why} |")
            continue
        cap = "" if r["n_docs"] == n else f" (first {r['n_docs']:,} docs)"
        ratio = ""
        if not row.startswith("ours") and wall_base:
            ratio = (
                f"{rate[wall_base] / rate[row]:.2f}x wall ({wall_base}), "
                f"{crate[cpu_base] / crate[row]:.2f}x CPU ({cpu_base})"
            )
        lines.append(
            f"| {n:,} | {ROWS[row]}{cap} | {r['load']:.1f} | {r['seconds']:.1f} | {r['cpu']:.1f} | "
            f"{rate[row]:,.0f} | {crate[row]:,.0f} | {r['peak_mb']:,.0f} | {ratio} |"
        )
    for k in mine:
        mem = results[k].get("memory", {})
        stages = ", ".join(
            f"{s} {w:.1f} s wall / {c:.1f} s CPU (main process {m:.1f})"
            + (f", then {mem[s][0]:,} MB resident (peak {mem[s][1]:,})" if s in mem else "")
            for s, (w, c, m) in results[k]["stages"].items()
        )
        built = ", ".join(m.removeprefix("corpus_tools.") for m in results[k].get("compiled", []))
        stages += f"; compiled modules: {built or 'none (pure Python)'}"
        lines.append(f"| {n:,} | {k} stages: {stages} | | | | | | | |")
    return lines


#: issue 18's targets: read + clean + sentences + tokens at least this many times as fast as the peer
TARGETS = {"nltk": 10.0, "spacy": 1.5}


def targets(n: int, results: dict[str, dict[str, Any]]) -> list[str]:
    """Markdown rows: our speed over each peer's against the issue's targets (wall; CPU one process).

    A peer capped to fewer documents is compared per document.
    """
    done = {k: r for k, r in results.items() if r.get("n_docs") and r.get("seconds")}
    rate = {k: r["n_docs"] / r["seconds"] for k, r in done.items()}
    crate = {k: r["n_docs"] / r["cpu"] for k, r in done.items() if r.get("cpu")}
    lines = []
    for peer, want in TARGETS.items():
        if peer not in rate:
            continue
        for base, kind, rates in (
            ("ours", "wall", rate),
            ("ours_1proc", "CPU", crate),
            ("ours_nomemo", "wall", rate),
            ("ours_1proc_nomemo", "CPU", crate),
        ):
            if base not in rates:
                continue
            ratio = rates[base] / rates[peer]
            met = "yes" if ratio >= want else "no"
            lines.append(
                f"| {n:,} | >= {want:g}x {peer} | {base} ({kind}) | {ratio:.2f}x | {met} |"
            )
    return lines


def pair_work(folder: Path, n: int) -> dict[str, float]:
    """Clean the first ``n`` documents of ``folder`` in this process: its CPU seconds.

    The work of :func:`pair_test` (read and ``clean_text``, one document at a time).
    """
    from corpus_tools import clean_text

    paths = bench_counts._txt_paths(folder, n)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    clean_text(texts[0])  # the rules loaded before the clock
    c0 = _main_cpu()
    for t in texts:
        clean_text(t)
    return {"cpu": _main_cpu() - c0}


def pair_test(folder: Path, n: int) -> dict[str, Any]:
    """The same work (:func:`pair_work`) in one process alone, then in two at once.

    On an idle machine with two cores, ``two_at_once`` over ``alone`` is what two
    busy cores cost each other per unit of work (shared caches, memory, or
    hyperthreads of one core under the VM): the part of a two-worker run's extra
    CPU that no change to the pool can remove.
    """
    cmd = [sys.executable, str(Path(__file__).resolve()), "--pair-child", str(folder), str(n)]

    def run(k: int) -> list[float]:
        procs = [
            subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=HERE) for _ in range(k)
        ]
        outs = [p.communicate()[0] for p in procs]
        return [round(json.loads(o.strip().splitlines()[-1])["cpu"], 3) for o in outs]

    load = os.getloadavg()[0]
    alone = run(1) + run(1)
    both = run(2)
    return {
        "load": load,
        "alone": alone,
        "two_at_once": both,
        "ratio": round(sum(both) / sum(alone), 3) if sum(alone) > 0 else None,
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--child", nargs=3, metavar=("ROW", "FOLDER", "CAP"), help=argparse.SUPPRESS)
    ap.add_argument("--sizes", default="20000")
    ap.add_argument("--rows", default=",".join(ROWS))
    ap.add_argument("--peer-cap", type=int, default=0, help="documents for NLTK (0: all)")
    ap.add_argument("--bbc", type=Path, default=bench_counts.BBC_MIRROR)
    ap.add_argument(
        "--corpus",
        default="realu",
        help="realu: distinct real texts (default); real: BBC resampled (repeats texts); "
        "long: article-length documents of real paragraphs (~600 words, issue 18's shape); "
        "generated: benchmarks/generate.py; any other NAME: the corpus another script wrote "
        "to benchmarks/_corpora/NAME<N> (its txt/ folder with metadata.csv, read as it is; "
        "e.g. real_corpus.py's distinct real articles)",
    )
    ap.add_argument(
        "--peer-python", default=sys.executable, help="interpreter for the peer rows (spaCy, NLTK)"
    )
    ap.add_argument(
        "--digest",
        action="store_true",
        help="run ours (the defaults) on the first size only, in this process, and print the "
        "CPU of each stage by process and a digest of each table (docs, cleaning_log, skipped, "
        "sentences, tokens(compact=True)): equal digests before and after a change mean "
        "identical tables",
    )
    ap.add_argument(
        "--pair",
        type=int,
        default=0,
        metavar="N",
        help="print the CPU of cleaning the first N documents in one process alone and in "
        "two processes at once (on an idle machine: what two busy cores cost each other)",
    )
    ap.add_argument(
        "--cold",
        action="store_true",
        help="do not read the corpus files once before the rows (by default they are, so no "
        "row pays the disk for files the page cache has dropped)",
    )
    ap.add_argument("--pair-child", nargs=2, metavar=("FOLDER", "N"), help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.pair_child:
        print(json.dumps(pair_work(Path(a.pair_child[0]), int(a.pair_child[1]))))
        return
    if a.pair:
        n = int(a.sizes.split(",")[0])
        folder = corpus_folder(a.corpus, n, a.bbc)
        print(json.dumps(pair_test(folder, a.pair)))
        return
    if a.child:
        print(json.dumps(child(a.child[0], Path(a.child[1]), int(a.child[2]))))
        return
    if a.digest:  # the defaults on one corpus, here: stage CPU by process and table digests
        n = int(a.sizes.split(",")[0])
        folder = corpus_folder(a.corpus, n, a.bbc)
        if not a.cold:
            warm_files(folder)
        print(json.dumps(child("ours", folder, 0, digest=True), indent=1))
        return
    load0 = os.getloadavg()
    lines = [
        "| docs | work | load (1 min) | wall s | CPU s | docs/s (wall) | docs/s (CPU) | peak MB "
        "| ours/peer |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    goal = [
        "| docs | target | ours | measured | met |",
        "|---|---|---|---|---|",
    ]
    warmed = []
    for n in (int(x) for x in a.sizes.split(",")):
        folder = corpus_folder(a.corpus, n, a.bbc)
        if not a.cold:  # every row reads its files from the page cache
            files, size, secs = warm_files(folder)
            warmed.append(f"{files:,} files ({size / 1e6:,.0f} MB) read in {secs:.1f} s")
        results = {}
        for row in a.rows.split(","):
            cap = a.peer_cap if row == "nltk" and 0 < a.peer_cap < n else 0
            python = sys.executable if row.startswith("ours") else a.peer_python
            results[row] = measure(row, folder, cap, python)
            print(f"  {n} {row}: {results[row]}", file=sys.stderr, flush=True)
        lines += table(n, results)
        goal += targets(n, results)
    load1 = os.getloadavg()
    print(
        f"bench_frontend: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}; load average (1/5/15 min) "
        f"{load0[0]:.1f}/{load0[1]:.1f}/{load0[2]:.1f} before, "
        f"{load1[0]:.1f}/{load1[1]:.1f}/{load1[2]:.1f} after; corpus {a.corpus}; "
        f"peers run by {a.peer_python}; "
        + (f"page cache warmed first: {'; '.join(warmed)}" if warmed else "files not read first")
        + "\n\n"
        + "\n".join(lines)
        + "\n\nAgainst the targets (read + clean + sentences + tokens):\n\n"
        + "\n".join(goal),
        flush=True,
    )


if __name__ == "__main__":
    main()
