"""Benchmark every pipeline stage against the peers a user would reach for.

Usage::

    python benchmarks/run.py                    # 10,000 generated documents
    python benchmarks/run.py --docs 100000      # the RESULTS.md measurement
    python benchmarks/run.py --docs 50 --quick  # smoke run (CI)
    python benchmarks/run.py --stream 1000000   # streaming counts, 1M documents

Prints one table: for each stage documents/s, tokens/s (the corpus's
corpus_tools token count divided by the stage's seconds, so rows are
comparable), peak memory above the stage's start (resident set, sampled
every 5 ms), and, for stages with a peer, the peer's numbers measured in the
same run on the same documents and the ratio ours/peer (> 1: we are faster).

Stages whose function is not in ``corpus_tools`` print "not available".
Expensive stages can be capped (``--cap-reuse``, ...): the ``docs`` column
says how many documents a row used. Peers that are not installed are
skipped with a note. Never part of the test suite's timing.
"""

from __future__ import annotations

import argparse
import hashlib
import platform
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_pipeline as bp  # noqa: E402

STAGES = [
    "load",
    "clean",
    "sentences",
    "tokens",
    "term counts",
    "keyness",
    "text reuse",
    "actor mentions",
    "co-occurrence",
    "quotes",
    "frames",
    "target sentiment",
]
FUNCS = {
    "load": "load_corpus",
    "clean": "clean_text",
    "sentences": "sentences",
    "tokens": "tokens",
    "term counts": "term_frequencies",
    "keyness": "keyness",
    "text reuse": "text_reuse",
    "actor mentions": "actor_mentions",
    "co-occurrence": "cooccurrence",
    "quotes": "quotes",
    "frames": "frames",
    "target sentiment": "target_sentiment",
}


class Row:
    def __init__(
        self, stage: str, n_docs: int = 0, seconds: float = 0.0, peak: int = 0, note: str = ""
    ) -> None:
        self.stage, self.n_docs, self.seconds, self.peak, self.note = (
            stage,
            n_docs,
            seconds,
            peak,
            note,
        )
        self.n_tokens = 0
        self.peer = ""
        self.peer_docs = 0
        self.peer_seconds = 0.0
        self.peer_peak = 0


def _fmt(x: float, unit: str = "") -> str:
    if x >= 1e6:
        return f"{x / 1e6:.2f}M{unit}"
    if x >= 1e4:
        return f"{x / 1e3:.0f}k{unit}"
    return f"{x:.0f}{unit}"


def print_table(rows: list[Row], title: str) -> str:
    lines = [title, ""]
    head = (
        "| stage | docs | s | docs/s | tokens/s | peak MB | peer | peer docs/s | "
        "peer peak MB | ours/peer |"
    )
    lines += [head, "|" + "---|" * 10]
    for r in rows:
        if r.note:
            lines.append(f"| {r.stage} | | | | | | {r.note} | | | |")
            continue
        dps = r.n_docs / r.seconds if r.seconds else 0.0
        tps = r.n_tokens / r.seconds if r.seconds else 0.0
        if r.peer and r.peer_seconds:
            pdps = r.peer_docs / r.peer_seconds
            peer = f"{r.peer} | {_fmt(pdps)} | {r.peer_peak / 2**20:.0f} | {dps / pdps:.2f}x |"
        elif r.peer:
            peer = f"{r.peer} | | | |"
        else:
            peer = "— | | | |"
        lines.append(
            f"| {r.stage} | {r.n_docs} | {r.seconds:.2f} | {_fmt(dps)} | {_fmt(tps)} | "
            f"{r.peak / 2**20:.0f} | {peer}"
        )
    text = "\n".join(lines)
    print(text, flush=True)
    return text


# --------------------------------------------------------------------------
# peers
# --------------------------------------------------------------------------
def peer_countvectorizer_logodds(texts: list[str], groups: list[str]) -> int:
    """CountVectorizer counts + pandas one-vs-rest log-odds (Dirichlet prior = corpus)."""
    import numpy as np
    import pandas as pd
    from sklearn.feature_extraction.text import CountVectorizer

    cv = CountVectorizer()
    x = cv.fit_transform(texts)
    g = pd.Series(groups).astype("category")
    onehot = pd.get_dummies(g).to_numpy(dtype=float).T  # groups x docs
    counts = pd.DataFrame(
        np.asarray(onehot @ x), index=g.cat.categories, columns=cv.get_feature_names_out()
    )
    total = counts.sum(axis=0)
    n_all = float(total.sum())
    out = []
    for grp in counts.index:
        y_i = counts.loc[grp]
        y_j = total - y_i
        n_i = float(y_i.sum())
        n_j = n_all - n_i
        a = total
        delta = np.log((y_i + a) / (n_i + n_all - y_i - a)) - np.log(
            (y_j + a) / (n_j + n_all - y_j - a)
        )
        z = delta / np.sqrt(1 / (y_i + a) + 1 / (y_j + a))
        out.append(pd.DataFrame({"group": grp, "term": counts.columns, "z": z.to_numpy()}))
    res = pd.concat(out).sort_values(
        ["group", "z", "term"], ascending=[True, False, True], kind="mergesort"
    )
    return len(res)


def peer_vader(sentences: list[str]) -> int:
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    sia = SentimentIntensityAnalyzer()
    return sum(1 for s in sentences if sia.polarity_scores(s)["compound"] is not None)


# --------------------------------------------------------------------------
# the run
# --------------------------------------------------------------------------
def run(
    n_docs: int,
    quick: bool,
    caps: dict[str, int],
    corpus_root: Path | None,
    peers: bool = True,
    peer_cap: int = 0,
) -> list[Row]:
    import pandas as pd

    import corpus_tools as ct

    folder = bp.ensure_corpus(n_docs, ("txt", "jsonl", "parquet"), corpus_root)
    paths = bp.list_txt(folder)
    rows: list[Row] = []
    ctx: dict[str, Any] = {}

    def available(stage: str) -> bool:
        if stage == "clean":
            return hasattr(ct, "clean_text")
        return hasattr(ct, FUNCS[stage])

    # load (read + decode + sidecar, no cleaning)
    if available("load"):
        raw, m = bp.timed(lambda: ct.load_corpus(folder / "txt", clean=False))
        rows.append(Row("load", len(raw), m.seconds, m.peak_bytes))
        ctx["raw"] = raw
    else:
        rows.append(Row("load", note="not available"))
        return rows
    raw = ctx["raw"]
    # clean (clean_text on every document)
    if available("clean"):

        def _clean() -> Any:
            texts = [ct.clean_text(t)[0] for t in raw.docs["raw_text"].tolist()]
            docs = raw.docs.drop(columns=["n_chars"]).assign(text=texts)
            return ct.Corpus(docs)

        corpus, m = bp.timed(_clean)
        rows.append(Row("clean", len(corpus), m.seconds, m.peak_bytes))
    else:
        corpus = raw
        rows.append(Row("clean", note="not available"))
    # sentences / tokens (module functions: not cached)
    sents, m = bp.timed(lambda: ct.sentences(corpus))
    rows.append(Row("sentences", len(corpus), m.seconds, m.peak_bytes))
    tok, m = bp.timed(lambda: ct.tokens(corpus, compact=True))
    r = Row("tokens", len(corpus), m.seconds, m.peak_bytes)
    rows.append(r)
    n_tokens = len(tok)
    codes = 0
    for col in tok.columns:
        ser = tok[col]
        codes += ser.cat.codes.nbytes if isinstance(ser.dtype, pd.CategoricalDtype) else ser.nbytes
    ctx["bytes_per_token_compact"] = codes / max(n_tokens, 1)
    ctx["bytes_per_token_compact_deep"] = tok.memory_usage(deep=True).sum() / max(n_tokens, 1)
    ctx["n_tokens"] = n_tokens
    for x in rows:
        x.n_tokens = n_tokens
    del tok
    # NLTK tutorial and spaCy: peers of load+clean+sentences+tokens
    pipe = Row(
        "load+clean+sentences+tokens",
        len(corpus),
        sum(x.seconds for x in rows if x.stage in ("load", "clean", "sentences", "tokens")),
        max(x.peak for x in rows if x.stage in ("load", "clean", "sentences", "tokens")),
    )
    pipe.n_tokens = n_tokens
    rows.append(pipe)
    peer_paths = paths[:peer_cap] if peer_cap else paths
    if peers:
        (pn, _), m = bp.timed(lambda: bp.nltk_tutorial(peer_paths))
        pipe.peer, pipe.peer_docs, pipe.peer_seconds, pipe.peer_peak = (
            "NLTK sent+word_tokenize",
            pn,
            m.seconds,
            m.peak_bytes,
        )
        sp, m = bp.timed(lambda: bp.spacy_blank(peer_paths))
        sp_row = Row("load+clean+sentences+tokens", pipe.n_docs, pipe.seconds, pipe.peak)
        sp_row.n_tokens = n_tokens
        if sp is None:
            sp_row.peer = "spaCy blank: not installed"
        else:
            sp_row.peer, sp_row.peer_docs, sp_row.peer_seconds, sp_row.peer_peak = (
                "spaCy blank('en').pipe",
                sp[0],
                m.seconds,
                m.peak_bytes,
            )
        rows.append(sp_row)
    # analysis stages on the in-memory corpus (or a capped subset), tables cached on it
    # (sentences are cached on the corpus; the object-dtype token table is not built:
    # at 100k documents it would need ~16 GB, and no stage below uses it)
    corpus.sentences()
    groups = corpus.docs["outlet"].astype(str).tolist()
    texts = corpus.docs["text"].tolist()

    def stage(name: str, fn: Any, cap: int | None = None) -> Row:
        if not available(name):
            row = Row(name, note="not available")
            rows.append(row)
            return row
        use = corpus if not cap or cap >= len(corpus) else corpus.subset(corpus.doc_ids[:cap])
        if use is not corpus:
            use.sentences()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out, m = bp.timed(lambda: fn(use))
        row = Row(name, len(use), m.seconds, m.peak_bytes)
        row.n_tokens = n_tokens * len(use) // max(len(corpus), 1)
        rows.append(row)
        ctx[name] = out
        return row

    # term counts and keyness start from text, as CountVectorizer does: a fresh Corpus
    # (nothing cached), so "term counts" includes building the document x term counts,
    # which keyness then reuses (cached on the Corpus)
    tcap = min(caps.get("terms") or len(corpus), len(corpus))
    base = corpus if tcap >= len(corpus) else corpus.subset(corpus.doc_ids[:tcap])
    fresh = ct.Corpus(base.docs)
    term_rows = []
    for name, fn in (
        ("term counts (from text: document x term counts)", ct.term_frequencies),
        ("keyness (counts cached)", ct.keyness),
    ):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            out, m = bp.timed(lambda fn=fn: fn(fresh))
        row = Row(name, len(fresh), m.seconds, m.peak_bytes)
        row.n_tokens = n_tokens * len(fresh) // max(len(corpus), 1)
        rows.append(row)
        term_rows.append(row)
        ctx[name] = out
    fresh.clear_cache()  # free the counts before the next stages
    if peers:
        n_t = tcap
        _, m = bp.timed(lambda: peer_countvectorizer_logodds(texts[:n_t], groups[:n_t]))
        both = Row(
            "term counts + keyness (from text)",
            n_t,
            sum(x.seconds for x in term_rows),
            max(x.peak for x in term_rows),
        )
        both.n_tokens = n_tokens * n_t // len(corpus)
        both.peer, both.peer_docs, both.peer_seconds, both.peer_peak = (
            "CountVectorizer + pandas log-odds",
            n_t,
            m.seconds,
            m.peak_bytes,
        )
        rows.append(both)
        ctx["cv_seconds"] = m.seconds
    if peers:
        from corpus_tools.stream import keyness_from_counts, stream_counts

        def _stream() -> Any:
            s = stream_counts(corpus, clean=False, mentions=False, batch_size=2000)
            return keyness_from_counts(s)

        _, m2 = bp.timed(_stream)
        if tcap >= len(corpus):  # same documents: reuse the peer's time from above
            cv_seconds, cv_peak = ctx["cv_seconds"], both.peer_peak
        else:
            _, m = bp.timed(lambda: peer_countvectorizer_logodds(texts, groups))
            cv_seconds, cv_peak = m.seconds, m.peak_bytes
        st = Row("streamed tokens + term counts + keyness", len(corpus), m2.seconds, m2.peak_bytes)
        st.n_tokens = n_tokens
        st.peer, st.peer_docs, st.peer_seconds, st.peer_peak = (
            "CountVectorizer + pandas log-odds",
            len(corpus),
            cv_seconds,
            cv_peak,
        )
        rows.append(st)
    stage("text reuse", lambda c: ct.text_reuse(c), caps.get("text reuse"))
    stage("actor mentions", lambda c: ct.actor_mentions(c), caps.get("actor mentions"))
    mentions = ctx.get("actor mentions")
    if mentions is not None:
        # same documents as the mentions stage: time the co-occurrence step alone
        stage(
            "co-occurrence",
            lambda c: ct.cooccurrence(c, mentions=mentions),
            caps.get("actor mentions"),
        )
    else:
        stage("co-occurrence", lambda c: ct.cooccurrence(c), caps.get("actor mentions"))
    stage("quotes", lambda c: ct.quotes(c), caps.get("quotes"))
    stage("frames", lambda c: ct.frames(c), caps.get("frames"))
    r = stage("target sentiment", lambda c: ct.target_sentiment(c), caps.get("target sentiment"))
    if peers and not r.note:
        cap = caps.get("target sentiment") or len(corpus)
        ids = set(corpus.doc_ids[:cap])
        sent_texts = sents.loc[sents["doc_id"].isin(ids), "text"].tolist()
        _, m = bp.timed(lambda: peer_vader(sent_texts))
        r.peer, r.peer_docs, r.peer_seconds, r.peer_peak = (
            f"vaderSentiment, all {len(sent_texts)} sentences",
            min(cap, len(corpus)),
            m.seconds,
            m.peak_bytes,
        )
    run.ctx = ctx  # type: ignore[attr-defined]
    return rows


def _cpu_seconds() -> tuple[float, float]:
    """User + system CPU seconds of this process and of its finished child processes."""
    import resource

    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


class TreeMemory:
    """Peak memory of this process and its child processes (the pool workers), sampled.

    Every ``every`` seconds a thread reads the resident memory (RSS, shared pages
    counted in every process that maps them) of this process and of its
    children from ``/proc/PID/statm``; every ``pss_every`` seconds also the
    proportional memory (PSS, shared pages split between the processes, so the
    sum is what the stream really holds) from ``/proc/PID/smaps_rollup``, which
    costs the kernel a walk of each process's pages (about 0.5 ms per GB, in
    system time). Peaks of the sums and of the largest process; ``cpu`` is the
    thread's own CPU seconds (counted in this process). Linux only (elsewhere
    every peak stays 0).
    """

    def __init__(self, every: float = 0.25, pss_every: float = 5.0, n_trace: int = 20) -> None:
        import os
        import threading

        self.pid = os.getpid()
        self.every = every
        self.pss_every = pss_every
        # the resident memory over time: (seconds, main, each worker) in MB, one sample kept
        # per period; the period doubles whenever more than 2 * n_trace are kept
        self.n_trace = n_trace
        self.trace: list[tuple[float, int, list[int]]] = []
        self._t0 = time.perf_counter()
        self._period = every
        self.page_kb = os.sysconf("SC_PAGE_SIZE") // 1024
        self.peak = {"rss_sum": 0, "pss_sum": 0, "rss_main": 0, "rss_worker": 0}
        # per worker: (first seen, last seen, schedstat then, schedstat now): running and
        # waiting-for-a-core nanoseconds (/proc/PID/schedstat), so the time a worker sat
        # blocked (no batch to work on, or I/O) is what is left of its life
        self.sched: dict[int, list[Any]] = {}
        self.cpu = 0.0
        self._n = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        t0 = time.thread_time()
        while not self._stop.wait(self.every):
            self.sample()
        self.cpu = time.thread_time() - t0

    def _children(self) -> list[int]:
        out: list[int] = []
        task = Path(f"/proc/{self.pid}/task")
        for t in task.glob("*/children") if task.exists() else []:
            try:
                out += [int(x) for x in t.read_text().split()]
            except OSError:
                continue
        return out

    def _kb(self, pid: int, pss: bool) -> tuple[int, int]:
        """(RSS, PSS) of one process in kB (PSS 0 unless ``pss``); (0, 0) once it is gone."""
        try:
            if not pss:
                pages = int(Path(f"/proc/{pid}/statm").read_text().split()[1])
                return pages * self.page_kb, 0
            rss = p = 0
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    p = int(line.split()[1])
            return rss, p
        except (OSError, ValueError, IndexError):
            return 0, 0

    def sample(self, pss: bool = True) -> None:
        """Read every process once (PSS too when ``pss`` and every ``pss_every`` seconds)."""
        self._n += 1
        pss = pss and self._n % max(round(self.pss_every / self.every), 1) == 0
        main = self._kb(self.pid, pss)
        children = self._children()
        kids = [self._kb(c, pss) for c in children]
        now = time.perf_counter()
        for c in children:
            stat = self._schedstat(c)
            if stat is None:
                continue
            if c in self.sched:
                self.sched[c][1], self.sched[c][3] = now, stat
            else:
                self.sched[c] = [now, now, stat, stat]
        self._keep(now, main[0], [k[0] for k in kids])
        pk = self.peak
        pk["rss_main"] = max(pk["rss_main"], main[0])
        pk["rss_worker"] = max([pk["rss_worker"]] + [k[0] for k in kids])
        pk["rss_sum"] = max(pk["rss_sum"], main[0] + sum(k[0] for k in kids))
        pk["pss_sum"] = max(pk["pss_sum"], main[1] + sum(k[1] for k in kids))

    def _keep(self, now: float, main_kb: int, kids_kb: list[int]) -> None:
        """Keep a sample for :meth:`timeline` when a period has passed since the last."""
        at = now - self._t0
        if self.trace and at - self.trace[-1][0] < self._period:
            return
        self.trace.append((at, main_kb // 1024, [k // 1024 for k in kids_kb]))
        if len(self.trace) > 2 * self.n_trace:  # every other sample: twice the period
            self.trace = self.trace[::2]
            self._period *= 2

    def timeline(self) -> str:
        """The kept samples: ``seconds: main / workers`` resident MB."""
        rows = [
            f"{at:.0f}: {main}/{'+'.join(map(str, kids)) or '-'}" for at, main, kids in self.trace
        ]
        return "resident MB over time (s: main/workers): " + ", ".join(rows)

    @staticmethod
    def _schedstat(pid: int) -> tuple[int, int] | None:
        """(running, waiting for a core) nanoseconds of a process so far, or None."""
        try:
            run, wait = Path(f"/proc/{pid}/schedstat").read_text().split()[:2]
            return int(run), int(wait)
        except (OSError, ValueError):
            return None

    def waits(self) -> str:
        """Where the workers' time went between their first and last sample, summed."""
        alive = run = wait = 0.0
        for first, last, s0, s1 in self.sched.values():
            alive += last - first
            run += (s1[0] - s0[0]) / 1e9
            wait += (s1[1] - s0[1]) / 1e9
        if not self.sched or alive <= 0:
            return "workers: no scheduler statistics (not Linux)"
        blocked = max(alive - run - wait, 0.0)
        return (
            f"workers ({len(self.sched)}, sampled every {self.every:g} s): alive {alive:.1f} s, "
            f"running {run:.1f} s, waiting for a core {wait:.1f} s, blocked {blocked:.1f} s "
            f"({100 * blocked / alive:.1f} %: no batch to work on, or I/O)"
        )

    def summary(self) -> str:
        mb = {k: v / 1024 for k, v in self.peak.items()}
        return (
            f"peak memory of main + workers: {mb['rss_sum']:.0f} MB resident (RSS every "
            f"{self.every:g} s, shared pages counted in each process), {mb['pss_sum']:.0f} MB "
            f"proportional (PSS every {self.pss_every:g} s); main process {mb['rss_main']:.0f} MB, "
            f"largest worker {mb['rss_worker']:.0f} MB resident; sampler CPU {self.cpu:.1f} s"
        )


def stream_run(
    n_docs: int,
    n_jobs: int,
    corpus_root: Path | None,
    folder: Path | None = None,
    mentions: bool = True,
    batch_size: int = 1000,
    templates: bool = True,
    only: list[str] | None = None,
    digests: bool = False,
) -> None:
    """Streaming counts (terms, keyness inputs, mentions, co-occurrence) over Parquet parts.

    Prints wall time, CPU seconds (main process and workers; the fair number on
    a shared machine) per 1,000 documents, peak memory and the load average.
    ``only``: stream just the parts whose file names hold one of these strings
    (``["00200000", "00210000"]``: development parts kept apart from the parts
    reported). ``digests``: also print an MD5 of every streamed table (term table,
    keyness, mentions, actors, co-occurrence) to tell two runs' results equal.
    """
    import os
    import resource

    from corpus_tools import load_rules
    from corpus_tools.stream import keyness_from_counts, stream_counts

    if folder is None:
        folder = bp.ensure_corpus(n_docs, ("parquet",), corpus_root)
    parts = sorted((folder / "parquet").glob("*.parquet"))
    if only:
        parts = [p for p in parts if any(o in p.name for o in only)]
        if not parts:
            raise SystemExit(f"no part of {folder / 'parquet'} is named by --stream-parts {only}")
    load0 = os.getloadavg()[0]
    cpu0 = _cpu_seconds()
    # memory sampled 4 times a second (not bp.timed's 200: its thread's wake-ups cost the
    # main process more CPU than reading and sending the batches on a busy machine)
    with TreeMemory() as mem:
        t0 = time.perf_counter()
        # templates=False: no first pass learning the outlets' templates (load_corpus' rule)
        rules = None if templates else load_rules(disable_categories=["template"])
        counts = stream_counts(
            parts, n_jobs=n_jobs, batch_size=batch_size, mentions=mentions, rules=rules
        )
        seconds = time.perf_counter() - t0
    cpu1 = _cpu_seconds()
    load1 = os.getloadavg()[0]
    rss_stream = bp.max_rss_mb()
    k = keyness_from_counts(counts)
    co = counts.cooccurrence_table()
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    # the sampler thread runs in the main process: its CPU is not the stream's
    main_cpu, kid_cpu = cpu1[0] - cpu0[0] - mem.cpu, cpu1[1] - cpu0[1]
    per_k = 1000 * (main_cpu + kid_cpu) / max(counts.n_docs, 1)
    print(
        f"\nstreaming {counts.n_docs} documents (terms, keyness inputs"
        f"{', mentions, co-occurrence' if mentions else ''}), "
        f"n_jobs={n_jobs}, batch_size={batch_size}: {seconds:.0f} s, "
        f"{counts.n_docs / seconds:.0f} docs/s; "
        f"peak RSS main process {rss_stream:.0f} MB streaming, {bp.max_rss_mb():.0f} MB with "
        f"keyness and co-occurrence tables after it, largest worker {workers:.0f} MB; "
        f"{counts.n_cells} (group, term) cells, {len(counts.mentions)} mention cells, "
        f"{len(counts.c_pair)} actor pairs, {len(k)} keyness rows, {len(co)} co-occurrence rows\n"
        f"CPU: main process {main_cpu:.1f} s, workers {kid_cpu:.1f} s, "
        f"{per_k:.2f} CPU s per 1,000 documents; load average {load0:.1f} -> {load1:.1f}\n"
        f"{mem.summary()}\n{mem.waits()}\n{mem.timeline()}"
    )
    stages = dict(counts.cpu)
    in_workers = sum(v for k, v in counts.cpu.items() if k != "merge")
    # the main process reads and sends batches (n_jobs=1: it also runs every stage)
    busy = stages.get("merge", 0.0) + (in_workers if n_jobs == 1 else 0.0)
    stages["read + send (main)"] = main_cpu - busy
    if n_jobs > 1:  # pool start, receiving batches, pickling results
        stages["other (workers)"] = kid_cpu - in_workers
    print("CPU ms per document by stage:")
    for name, sec in stages.items():
        print(f"  {name:22s} {1000 * sec / max(counts.n_docs, 1):6.3f}")
    if digests:
        print(f"parts: {', '.join(p.name for p in parts)}")
        print_digests(counts, k, co if mentions else None)
    print(f"one-process maximum resident (this process, to here): {bp.max_rss_mb():.0f} MB")


def table_md5(df: Any, rows: int = 100_000) -> str:
    """MD5 (first 16 hex) of ``df.to_csv(index=False)``, written ``rows`` rows at a time.

    The same digest as hashing the whole CSV text, without holding it: at 1M
    streamed documents the term and keyness tables are 2.4 M rows each, whose
    CSV text (and its encoded copy) took the main process from 1.0 to 1.9 GB.
    """
    md5 = hashlib.md5()
    for start in range(0, max(len(df), 1), rows):
        part = df.iloc[start : start + rows]
        md5.update(part.to_csv(index=False, header=start == 0).encode())
    return md5.hexdigest()[:16]


def print_digests(counts: Any, keyness: Any, co: Any) -> None:
    """Print the MD5 of each streamed table, one table held at a time (``co`` None:
    no mention tables)."""
    tables = {"terms": counts.term_table, "keyness": lambda: keyness}
    if co is not None:
        tables.update(mentions=counts.mention_table, actors=counts.actor_table)
        tables["co-occurrence"] = lambda: co
    for name, make in tables.items():
        df = make()
        print(f"  {name:14s} {table_md5(df)} ({len(df)} rows)")
        del df


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="corpus_tools benchmark table")
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--quick", action="store_true", help="smoke run: generate into a temp dir")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument(
        "--corpus-root",
        type=Path,
        default=None,
        help="where generated corpora live (default benchmarks/_corpora)",
    )
    ap.add_argument("--cap-reuse", type=int, default=0, help="documents for text reuse (0: all)")
    ap.add_argument("--cap-mentions", type=int, default=0)
    ap.add_argument(
        "--cap-terms", type=int, default=0, help="documents for in-memory term counts, keyness"
    )
    ap.add_argument(
        "--cap-stance", type=int, default=0, help="documents for quotes, frames, sentiment"
    )
    ap.add_argument(
        "--peer-cap",
        type=int,
        default=0,
        help="documents for the NLTK and spaCy peers (0: all; ratios use docs/s)",
    )
    ap.add_argument("--stream", type=int, default=0, help="also run streaming counts on N docs")
    ap.add_argument("--n-jobs", type=int, default=1)
    ap.add_argument("--stream-dir", type=Path, default=None, help="folder with parquet/ parts")
    ap.add_argument("--stream-no-mentions", action="store_true")
    ap.add_argument(
        "--stream-no-templates",
        action="store_true",
        help="stream without learning the outlets' templates first (one pass)",
    )
    ap.add_argument("--batch-size", type=int, default=1000, help="documents per streamed batch")
    ap.add_argument(
        "--stream-parts",
        default="",
        help="comma-separated: stream only the parts whose names hold these (00200000,00210000)",
    )
    ap.add_argument(
        "--stream-digests", action="store_true", help="print an MD5 of every streamed table"
    )
    ap.add_argument("--table", type=int, default=1, help="0: skip the stage table")
    a = ap.parse_args(argv)
    caps = {
        "terms": a.cap_terms,
        "text reuse": a.cap_reuse,
        "actor mentions": a.cap_mentions,
        "quotes": a.cap_stance,
        "frames": a.cap_stance,
        "target sentiment": a.cap_stance,
    }
    root = a.corpus_root
    tmp = None
    if a.quick and root is None:
        tmp = tempfile.TemporaryDirectory()
        root = Path(tmp.name)
    import corpus_tools as ct

    def stream() -> None:
        stream_run(
            a.stream,
            a.n_jobs,
            a.corpus_root,
            a.stream_dir,
            not a.stream_no_mentions,
            a.batch_size,
            not a.stream_no_templates,
            [x for x in a.stream_parts.split(",") if x] or None,
            a.stream_digests,
        )

    if not a.table:
        stream()
        return
    rows = run(a.docs, a.quick, caps, root, peers=not a.no_peers, peer_cap=a.peer_cap)
    title = (
        f"corpus_tools {ct.__version__} benchmark: {a.docs} generated news documents; "
        f"{platform.processor() or platform.machine()}, Python {platform.python_version()}, "
        f"one process"
    )
    print_table(rows, title)
    ctx = run.ctx  # type: ignore[attr-defined]
    if "n_tokens" in ctx:
        print(
            f"\ntokens: {ctx['n_tokens']}; compact token table (tokens(corpus, compact=True)): "
            f"{ctx['bytes_per_token_compact']:.1f} bytes/token in its columns, "
            f"{ctx['bytes_per_token_compact_deep']:.1f} with the category strings"
        )
    if a.stream:
        stream()
    if tmp is not None:
        tmp.cleanup()


if __name__ == "__main__":
    main()
