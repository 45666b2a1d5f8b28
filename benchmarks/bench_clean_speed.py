"""CPU cost of ``clean_text`` per document, and a check that two versions decide alike.

Usage::

    python benchmarks/bench_clean_speed.py [--n 20000] [--corpus DIR] [--stages]
        [--ref PATH] [--aeb DIR] [--headlines GZ] [--snippets DIR] [--dragnet DIR]
        [--repeat K] [--quick] [--no-check] [--words]

Cleans the first ``--n`` ``.txt`` files (sorted by path) of ``--corpus``
(default ``benchmarks/_corpora/real100000/txt``: BBC articles, headlines and
single paragraphs) with ``clean_text`` in one fresh process and prints a table
of CPU seconds (user + sys) and microseconds per document. CPU seconds, not
wall seconds: on a shared machine they stay comparable; the load average is
printed next to them.

``--ref PATH`` runs the same texts through the ``corpus_tools`` found under
``PATH`` (e.g. a ``git worktree`` of an earlier commit) in its own process and
compares, per document, a sha256 of the cleaned text and of every log row:
the two versions must take identical decisions. More text sets join the
check (not the timing): the seeds, the test data texts, ``--aeb DIR`` (the
pages of the Zyte article-extraction benchmark rendered as crawler text by
``bench_cleaning.render_text``, cleaned with every default, as extracted text
and without the classifier) and ``--headlines GZ`` (one headline per line,
e.g. ``clickbait_data.gz``: each headline alone and in blocks of 25 lines) and
``--snippets DIR`` (the ~990 web pages, many not in English, of trafilatura's
``tests`` folder listed in ``evaldata.json``, rendered the same way) and
``--dragnet DIR`` (the pages of the Dragnet data that bench_cleaning scores, rendered the same way).

``--repeat K`` times K passes over the texts in each process and keeps the
fastest (less noise on a busy machine); every pass starts with nothing
remembered, so a pass never reuses the documents of the one before.
``--no-doc-memo`` turns off the memo of documents cleaned before (exact
duplicates of a corpus are then cleaned again: the cost without duplicates). ``--stages`` adds the CPU time of the main steps (nested steps overlap).
``--words`` times only the classifier's per-line word and stopword counts (the pages
``blocks._known_lines`` gets while cleaning the texts): CPython's split and set look-ups
(the package) against a numpy and a pyarrow.compute counter given 1 to 256 pages a
call, and checks that all three count alike on every line.
``--text-only`` times ``clean_text_only`` (the text without its log rows: what a
stream's workers run) instead of ``clean_text``. ``--corpus`` may also be a folder of
``.parquet`` parts with a ``text`` column (``benchmarks/generate.py``'s stream corpus).
``--pure-ref`` compares (and times) this version's compiled modules with its own
pure-Python ones (``CORPUS_TOOLS_PURE_PYTHON=1``; ``corpus_tools._compiled``); the
table names the modules each version ran compiled.
``--quick`` cleans 200 documents (a smoke run). ``--no-check`` with ``--ref`` times
both versions (and their steps with ``--stages``) without comparing their results.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from operator import countOf
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_CORPUS = HERE / "_corpora" / "real100000" / "txt"
STAGES = {
    "clean": (
        "_prepare",
        "_split_lines",
        "_apply_line_rules",
        "classify_lines",
        "classify_page_lines",
        "_edits",
    ),
    "blocks": ("_page", "_known_lines", "document_settings", "line_features"),
    "prose": ("comment_threads", "_signed_lines_kept", "fragment_groups"),
}
#: what each timed step is, for the table (nested steps overlap: indented ones are inside)
STAGE_NOTES = {
    "_prepare": "line split, Unicode repair, matching views",
    "_split_lines": "  lines and their repair",
    "_apply_line_rules": "whole-line rules (boilerplate.yml)",
    "classify_page_lines": "classifier (blocks + prose)",
    "_page": "  line features of the page",
    "_known_lines": "    words, stopwords, features per line",
    "document_settings": "    language guess (non-English pages)",
    "line_features": "      class of each line from its features (inside _known_lines)",
    "comment_threads": "  comment threads (signature frames)",
    "_signed_lines_kept": "  signed lines the classifier kept",
    "fragment_groups": "  paragraphs printed in fragments",
    "_edits": "edge cuts, removals, rejoins, log rows",
}


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


# ------------------------------------------------------------------ text sets
def real_texts(corpus: Path, n: int) -> list[str]:
    """The first ``n`` texts of ``corpus``: its ``.txt`` files sorted by path, or, in a
    folder of ``.parquet`` parts and no ``.txt`` file (``benchmarks/generate.py``'s
    stream corpus), the ``text`` column of its parts in name order."""
    files = sorted(corpus.rglob("*.txt"))[:n]
    if not files and any(corpus.glob("*.parquet")):
        import pyarrow.parquet as pq

        texts: list[str] = []
        for part in sorted(corpus.glob("*.parquet")):
            if len(texts) >= n:
                break
            texts += pq.read_table(part, columns=["text"]).column("text").to_pylist()
        return [t or "" for t in texts[:n]]
    return [f.read_bytes().decode("utf-8", errors="replace") for f in files]


def _bench_cleaning() -> Any:
    spec = importlib.util.spec_from_file_location("bench_cleaning", HERE / "bench_cleaning.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def edge_cases() -> list[str]:
    """Small texts at the edges of the cleaner: empty, blank, terminators, wide characters."""
    body = "The talks resumed on Monday after a pause of more than a month, officials said."
    chrome = [
        "Home",
        "Share this article",
        "Advertisement",
        "Contact Us",
        "© 2024 All rights reserved",
    ]
    page = "\n\n".join(["Talks resume", *chrome[:2], body, body + " More.", *chrome[2:]])
    return [
        "",
        " ",
        "\n",
        "\n\n\n",
        " \t \n \r\n",
        "\r\n",
        "\r",
        page,
        page.replace("\n", "\r\n"),
        page.replace("\n", "\r"),
        page.replace("\n\n", "\u2028"),
        page.replace("\n\n", "\n\u2029\n"),
        page.replace(" ", "\u00a0"),
        page.replace("talks", "talks \U0001f600\U0001f1fa\U0001f1f8"),
        "Home\u200b\n\nShare\u00ad this\n\n" + body,
        "caf\u0065\u0301 " * 40 + "\n\n" + page,
        "Ã©tÃ© Ã  Paris\n\n" + page,
        (body + " ") * 400,  # one very long line
        page + "\n\n" + "word " * 5000,  # a very long unpunctuated line
        "\n".join(["x"] * 3000),
        "\n".join(chrome * 50),
        "Troops to see Gaza soon Troops to see Gaza soon\n\n" + page,
        "\x00\x1c\x1f control\n\n" + page,
        "\ud800 lone surrogate\n\n" + page,
    ]


def check_sets(
    aeb: Path | None,
    headlines: Path | None,
    snippets: Path | None = None,
    dragnet: Path | None = None,
) -> dict[str, list[str]]:
    """Text sets for the exactness check only (``name -> texts``)."""
    sets: dict[str, list[str]] = {}
    sets["seeds"] = [
        p.read_bytes().decode("utf-8", errors="replace")
        for p in sorted((ROOT / "seeds").glob("*.txt"))
    ]
    sets["test data"] = [
        p.read_bytes().decode("utf-8", errors="replace")
        for p in sorted((ROOT / "tests" / "data").rglob("*.txt"))
    ]
    sets["edge cases"] = edge_cases()
    if aeb is not None:
        bc = _bench_cleaning()
        sets["aeb pages"] = [bc.render_text(p["html"]) for p in bc.load_pages(aeb)]
    if dragnet is not None:
        bc = _bench_cleaning()
        sets["dragnet pages"] = [bc.render_text(p["html"]) for p in bc.load_dragnet(dragnet)]
    if snippets is not None:
        bc = _bench_cleaning()
        data = json.loads((snippets / "evaldata.json").read_text(encoding="utf-8"))
        paths = [snippets / d / it["file"] for it in data.values() for d in ("cache", "eval")]
        sets["snippet pages"] = [bc.render_text(p.read_bytes()) for p in paths if p.is_file()]
    if headlines is not None:
        lines = gzip.decompress(headlines.read_bytes()).decode("utf-8", errors="replace")
        heads = [h for h in lines.splitlines() if h.strip()]
        sets["headlines"] = heads
        sets["headline blocks"] = ["\n".join(heads[k : k + 25]) for k in range(0, len(heads), 25)]
    return sets


# ------------------------------------------------------------------ worker
def _digest(clean: str, rows: list[dict[str, Any]]) -> str:
    h = hashlib.sha256(clean.encode("utf-8", "surrogatepass"))
    h.update(repr(rows).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:20]


def _wrap_stages(acc: dict[str, float]) -> None:
    import corpus_tools.blocks as B
    import corpus_tools.clean as C
    import corpus_tools.prose as P

    def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def run(*a: Any, **k: Any) -> Any:
            t = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                acc[name] = acc.get(name, 0.0) + time.process_time() - t

        return run

    for mod, names in ((C, STAGES["clean"]), (B, STAGES["blocks"]), (P, STAGES["prose"])):
        for name in names:
            if hasattr(mod, name):
                setattr(mod, name, timed(name, getattr(mod, name)))


def _forget(C: Any, rules: Any, no_docs: bool = False) -> None:
    """Drop what the cleaner remembers with ``rules`` (line-rule hits, block features,
    signature frames, documents), if any; ``no_docs``: documents are never remembered."""
    import corpus_tools.blocks as B
    import corpus_tools.prose as P

    for obj in (rules, B.load_block_settings()):
        for name in ("_hits", "_lines", "_docs"):
            obj.__dict__.pop(name, None)
    getattr(P, "_FRAMES", {}).clear()
    if no_docs and hasattr(C, "_DocMemo"):
        rules.__dict__["_docs"] = C._DocMemo(max_chars=-1)


def worker(job: Path) -> None:
    """Child process: clean every text set of ``job`` and write the results back."""
    spec = pickle.loads(job.read_bytes())
    sys.path.insert(0, spec["root"])
    import corpus_tools.clean as C

    rules = C.load_rules()
    C.clean_text("Warm up.\n\nHome\n\nContact Us\n\n" + "A line of prose here. " * 20, rules=rules)
    variants: dict[str, dict[str, Any]] = {
        "default": {"rules": rules},
        "extracted": {"rules": rules, "extracted": True},
        "no classifier": {"rules": C.load_rules(disable_categories=["block", "template"])},
    }
    out: dict[str, Any] = {"digests": {}, "stages": {}}
    compiled = getattr(sys.modules["corpus_tools"], "compiled_modules", dict)()
    out["compiled"] = sorted(k.split(".")[-1] for k, v in compiled.items() if v == "compiled")
    times = []
    # the text alone (what a stream's workers run) or the text and its log rows
    clean = C.clean_text_only if spec.get("text_only") else C.clean_text
    for _ in range(spec["repeat"]):
        # every pass starts with nothing remembered from the one before
        _forget(C, rules, spec["no_docs"])
        t0 = _cpu()
        for raw in spec["timed"]:
            clean(raw, rules=rules)
        times.append(_cpu() - t0)
    out["cpu"] = min(times)
    if spec["stages"]:
        acc: dict[str, float] = {}
        _forget(C, rules, spec["no_docs"])
        _wrap_stages(acc)
        t0 = _cpu()
        for raw in spec["timed"]:
            clean(raw, rules=rules)
        out["stages_total"] = _cpu() - t0
        out["stages"] = dict(acc)  # one pass over the timed texts only
    if spec["check"]:
        out["digests"]["real"] = [_digest(*C.clean_text(r, rules=rules)) for r in spec["timed"]]
        for name, texts in spec["sets"].items():
            for vname, kw in variants.items():
                out["digests"][f"{name} ({vname})"] = [
                    _digest(*C.clean_text(t, **kw)) for t in texts
                ]
    job.write_bytes(pickle.dumps(out))


def run_version(
    root: Path, timed: list[str], sets: dict[str, list[str]], pure: bool = False, **kw: Any
) -> Any:
    with tempfile.TemporaryDirectory() as tmp:
        job = Path(tmp) / "job.pkl"
        job.write_bytes(pickle.dumps({"root": str(root), "timed": timed, "sets": sets, **kw}))
        # pure: the .py modules even where a compiled build is there (corpus_tools._compiled)
        env = dict(os.environ, PYTHONPATH=str(root), CORPUS_TOOLS_PURE_PYTHON="1" if pure else "0")
        subprocess.run([sys.executable, __file__, "--worker", str(job)], check=True, env=env)
        return pickle.loads(job.read_bytes())


# ------------------------------------------------------------------ --words
def recorded_pages(texts: list[str]) -> list[list[str]]:
    """The views the classifier counts words in (``blocks._known_lines``' argument, long
    lines left out), one list a page, recorded while cleaning ``texts``."""
    import corpus_tools.blocks as B
    import corpus_tools.clean as C

    pages: list[list[str]] = []
    real = B._known_lines

    def record(views: Any, s: Any) -> Any:
        pages.append([v for v in views if v is not None])
        return real(views, s)

    B._known_lines = record
    try:
        rules = C.load_rules()
        for raw in texts:
            C.clean_text(raw, rules=rules)
    finally:
        B._known_lines = real
    return pages


def page_word_text(views: list[str]) -> str | None:
    """A page's lines as ``blocks._known_lines`` splits them into words: casefolded,
    every character but a-z, an apostrophe and U+2019 (written \\x00) a space, lone
    apostrophes spaces, one line a line; None when a line holds another letter or digit
    (such pages keep the regex path) or a line feed."""
    import corpus_tools.blocks as B

    joined = "\n".join(views)
    if joined.count("\n") != len(views) - 1:
        return None
    low = B.fold_case(joined)
    if low.isascii():
        t = low.encode("ascii").translate(B._ASCII_LINES_BYTES).decode("ascii")
        return B._unglue(t) if "'" in t else t
    return B._word_text(low, B._PUNCT_LINES_BYTES)


def python_counts(pages: list[str], stop: frozenset[str]) -> list[tuple[int, int]]:
    """``(words, stopwords)`` of every line of every page, as ``_known_lines`` counts."""
    out = []
    has = stop.__contains__
    for t in pages:
        for x in t.split("\n"):
            words = x.split()
            if "\x00" in x:
                words = [w.replace("\x00", "\u2019") for w in words]
            out.append((len(words), countOf(map(has, words), True)))
    return out


class NumpyCounter:
    """Words and stopwords of every line of many pages in a few numpy passes: word
    bounds from the bytes, each word of at most 16 bytes read as two little-endian
    64-bit keys and looked up in a collision-free hash table of the stop list (an exact
    test: the slot holds the whole key), sums per line by ``bincount``."""

    BITS = 12

    def __init__(self, stop: frozenset[str]) -> None:
        import numpy as np

        keys = [self._key(w.replace("\u2019", "\x00").encode("ascii")) for w in stop]
        rng = np.random.default_rng(0)
        while True:  # multipliers that put every stop key in its own slot
            c, d = (int(rng.integers(1, 2**63)) | 1 for _ in range(2))
            slots = [self._slot(a, b, c, d) for a, b in keys]
            if len(set(slots)) == len(keys):
                break
        n = 1 << self.BITS
        self.ta, self.tb, self.tv = (
            np.zeros(n, np.uint64),
            np.zeros(n, np.uint64),
            np.zeros(n, bool),
        )
        for (a, b), h in zip(keys, slots, strict=True):
            self.ta[h], self.tb[h], self.tv[h] = a, b, True
        self.c, self.d, self.sh = np.uint64(c), np.uint64(d), np.uint64(64 - self.BITS)
        full = 2**64 - 1
        self.mask_a = np.array([min(full, (1 << 8 * i) - 1) for i in range(17)], np.uint64)
        self.mask_b = np.array(
            [0 if i <= 8 else min(full, (1 << 8 * (i - 8)) - 1) for i in range(17)], np.uint64
        )

    @staticmethod
    def _key(b: bytes) -> tuple[int, int]:
        if len(b) > 16:
            raise ValueError(f"stopword {b!r} longer than 16 bytes")
        b = b.ljust(16, b"\0")
        return int.from_bytes(b[:8], "little"), int.from_bytes(b[8:], "little")

    def _slot(self, a: int, b: int, c: int, d: int) -> int:
        return ((a * c ^ b * d) % 2**64) >> (64 - self.BITS)

    def counts(self, pages: list[str]) -> tuple[Any, Any]:
        """Words and stopwords of each line of ``pages`` (two arrays, lines in order)."""
        import numpy as np

        buf = (" " + "\n".join(pages) + "\n ").encode("ascii") + bytes(24)
        a = np.frombuffer(buf, np.uint8)
        n = len(buf) - 24
        isw = (a[:n] != 32) & (a[:n] != 10)
        edge = np.flatnonzero(isw[1:] != isw[:-1]) + 1
        starts, lens = edge[0::2], edge[1::2] - edge[0::2]
        nl = np.flatnonzero(a[:n] == 10)
        line = np.searchsorted(nl, starts)
        n_words = np.bincount(line, minlength=nl.size)
        short = lens <= 16
        st, ln = starts[short], lens[short]
        u = np.ndarray(shape=(n + 8,), dtype="<u8", buffer=buf, strides=(1,))
        ka, kb = u[st] & self.mask_a[ln], u[st + 8] & self.mask_b[ln]
        h = ((ka * self.c) ^ (kb * self.d)) >> self.sh
        hit = self.tv[h] & (self.ta[h] == ka) & (self.tb[h] == kb)
        return n_words, np.bincount(line[short][hit], minlength=nl.size)


class ArrowCounter:
    """The same counts with pyarrow.compute over the lines of many pages:
    ``ascii_split_whitespace`` (empty parts at the ends dropped), ``is_in`` the stop
    list, sums per line by the list offsets (``numpy.add.reduceat``)."""

    def __init__(self, stop: frozenset[str]) -> None:
        import pyarrow as pa

        self.stop = pa.array(sorted(stop))

    def counts(self, pages: list[str]) -> tuple[Any, Any]:
        import numpy as np
        import pyarrow as pa
        import pyarrow.compute as pc

        lines = pa.array("\n".join(pages).split("\n"))
        parts = pc.ascii_split_whitespace(lines)
        words = pc.list_flatten(parts)
        real = pc.greater(pc.binary_length(words), 0).to_numpy(zero_copy_only=False)
        stop = pc.is_in(words, value_set=self.stop).to_numpy(zero_copy_only=False)
        starts = parts.offsets.to_numpy()[:-1]
        n_words = np.add.reduceat(np.append(real, False).astype(np.int64), starts)
        n_stop = np.add.reduceat(np.append(stop & real, False).astype(np.int64), starts)
        return n_words, n_stop


def words_table(texts: list[str], repeat: int) -> int:
    """--words: the per-line word and stopword counts of the classifier, CPython's
    split and set look-ups (the package) against :class:`NumpyCounter` over batches of
    pages; the counts must agree on every line."""
    import corpus_tools.blocks as B

    stop = B.load_block_settings().stopwords
    views = recorded_pages(texts)
    pages = [t for t in map(page_word_text, views) if t is not None]
    n_words = sum(len(t.split()) for t in pages)
    vec = NumpyCounter(stop)
    want = python_counts(pages, stop)
    nw, ns = vec.counts(pages)
    same = want == list(zip(nw.tolist(), ns.tolist(), strict=True))
    print(
        f"{len(pages)} of {len(views)} pages (a-z letters only), {n_words / len(pages):.0f} words a page"
    )
    print("\n| counter | pages a call | µs/page | ns/word |\n|---|---:|---:|---:|")
    runs: list[tuple[str, int, Callable[[list[str]], Any]]] = [
        ("CPython split + set (the package)", 1, lambda b: python_counts(b, stop))
    ]
    runs += [("numpy, hashed stop keys", k, vec.counts) for k in (1, 4, 16, 64)]
    arrow = ArrowCounter(stop)
    runs += [("pyarrow.compute", k, arrow.counts) for k in (1, 16, 256)]
    nw, ns = arrow.counts(pages)
    same = same and want == list(zip(nw.tolist(), ns.tolist(), strict=True))
    for name, k, fn in runs:
        best = min(_time_batches(fn, pages, k) for _ in range(max(1, repeat)))
        print(f"| {name} | {k} | {1e6 * best / len(pages):.1f} | {1e9 * best / n_words:.0f} |")
    print("\nidentical counts on every line" if same else "\nCOUNTS DIFFER")
    return 0 if same else 1


def _time_batches(fn: Callable[[list[str]], Any], pages: list[str], k: int) -> float:
    t0 = time.process_time()
    for i in range(0, len(pages), k):
        fn(pages[i : i + k])
    return time.process_time() - t0


# ------------------------------------------------------------------ report
def compare(cur: dict[str, list[str]], ref: dict[str, list[str]]) -> list[str]:
    out = ["", "| text set | documents | identical | first difference |", "|---|---|---|---|"]
    for name, d in cur.items():
        r = ref.get(name, [])
        same = sum(a == b for a, b in zip(d, r, strict=False))
        first = next((k for k, (a, b) in enumerate(zip(d, r, strict=False)) if a != b), None)
        out.append(f"| {name} | {len(d)} | {same} | {'' if first is None else first} |")
    return out


def print_stages(res: dict[str, Any], n_docs: int) -> None:
    """CPU µs per document of each timed step, per version (one pass, the timers included)."""
    print(
        "\n| step | what (indented: inside the step above) | "
        + " | ".join(f"{k} µs/doc" for k in res)
        + " |"
    )
    print("|---|---|" + "---:|" * len(res))
    order = ["_prepare", "_split_lines", "_apply_line_rules", "classify_page_lines", "_page"]
    order += ["_known_lines", "document_settings", "line_features", "comment_threads"]
    order += ["_signed_lines_kept", "fragment_groups", "_edits"]
    for name in order:
        cells = [f"{1e6 * r['stages'].get(name, 0.0) / max(1, n_docs):.0f}" for r in res.values()]
        print(f"| {name} | {STAGE_NOTES.get(name, '')} | " + " | ".join(cells) + " |")
    cells = [f"{1e6 * r['stages_total'] / max(1, n_docs):.0f}" for r in res.values()]
    print("| clean_text | the whole (this pass, with the timers) | " + " | ".join(cells) + " |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=20_000, help="documents to clean (default 20000)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--ref", type=Path, help="a checkout of another version to compare with")
    ap.add_argument(
        "--pure-ref",
        action="store_true",
        help="compare with this version's pure-Python modules (CORPUS_TOOLS_PURE_PYTHON=1)",
    )
    ap.add_argument("--aeb", type=Path, help="folder of the article-extraction benchmark")
    ap.add_argument("--headlines", type=Path, help="gzip file, one headline per line")
    ap.add_argument("--snippets", type=Path, help="trafilatura's tests folder (evaldata.json)")
    ap.add_argument("--dragnet", type=Path, help="the dragnet_data folder (input/, GoldStandard/)")
    ap.add_argument("--stages", action="store_true", help="CPU time of the main steps too")
    ap.add_argument(
        "--repeat", type=int, default=1, help="passes over the texts; the fastest counts"
    )
    ap.add_argument("--quick", action="store_true", help="200 documents (smoke run)")
    ap.add_argument(
        "--no-doc-memo",
        action="store_true",
        help="never answer a document from the memo of documents cleaned before",
    )
    ap.add_argument(
        "--no-check", action="store_true", help="with --ref: time both versions, compare nothing"
    )
    ap.add_argument(
        "--words",
        action="store_true",
        help="time the classifier's word/stopword counts: CPython vs numpy batches",
    )
    ap.add_argument(
        "--text-only",
        action="store_true",
        help="time clean_text_only (the cleaned text without log rows, as a stream cleans)",
    )
    ap.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.worker is not None:
        worker(a.worker)
        return 0
    n = 200 if a.quick else a.n
    if not a.corpus.is_dir():
        raise SystemExit(
            f"{a.corpus}: not a folder; pass --corpus DIR (a folder of .txt files, or of "
            ".parquet parts with a text column)."
        )
    texts = real_texts(a.corpus, n)
    if a.words:
        return words_table(texts, a.repeat)
    check = (a.ref is not None or a.pure_ref) and not a.no_check
    sets = check_sets(a.aeb, a.headlines, a.snippets, a.dragnet) if check else {}
    versions = {"this version": (ROOT, False)}
    if a.ref or a.pure_ref:
        versions["reference"] = (a.ref.resolve(), False) if a.ref else (ROOT, True)
    res = {
        k: run_version(
            v[0],
            texts,
            sets,
            pure=v[1],
            stages=a.stages,
            check=check,
            repeat=max(1, a.repeat),
            no_docs=a.no_doc_memo,
            text_only=a.text_only,
        )
        for k, v in versions.items()
    }
    load = os.getloadavg()
    print(
        f"{'clean_text_only' if a.text_only else 'clean_text'} on {len(texts)} documents of "
        f"{a.corpus}, fastest of {max(1, a.repeat)} "
        f"pass(es) (load average {load[0]:.1f}); {len(set(texts))} distinct texts, memo of "
        f"documents cleaned before {'off' if a.no_doc_memo else 'on'}"
    )
    print("\n| version | compiled modules | CPU s | µs/doc |\n|---|---|---|---|")
    for k, r in res.items():
        built = ", ".join(r.get("compiled", [])) or "none"
        print(f"| {k} | {built} | {r['cpu']:.2f} | {1e6 * r['cpu'] / max(1, len(texts)):.0f} |")
    if a.stages:
        print_stages(res, len(texts))
    if check:
        lines = compare(res["this version"]["digests"], res["reference"]["digests"])
        print("\n".join(lines))
        ok = all(
            res["this version"]["digests"][k] == res["reference"]["digests"].get(k)
            for k in res["this version"]["digests"]
        )
        print("\nidentical decisions on every document" if ok else "\nDECISIONS DIFFER")
        return 0 if ok else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
