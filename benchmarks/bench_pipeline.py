"""Load + clean + tokenize vs the usual tutorial pipeline (NLTK sentence + word tokenize).

Usage::

    python benchmarks/bench_pipeline.py --docs 20000

Prints documents/s, tokens/s and peak memory of

* corpus_tools: ``load_corpus(folder)`` (read, decode, clean) then
  ``sentences()`` and ``tokens()`` (offsets for every sentence and token),
* the NLTK tutorial pipeline on the same files: read each file, then
  ``sent_tokenize`` + ``word_tokenize``. ``sent_tokenize`` needs the
  ``punkt_tab`` data package, which this project never downloads; the
  benchmark runs what it does internally: ``PunktSentenceTokenizer`` (here
  without the English parameters, i.e. untrained) and ``NLTKWordTokenizer``
  (what ``word_tokenize`` calls per sentence). No offsets.
* spaCy's blank English tokenizer (``spacy.blank("en").pipe``), if installed.

and the ratio ours/peer. It also compares the two word tokenizers of
the tokenizer notes in the README (NLTK Treebank ``span_tokenize`` vs the compiled regex) on
speed and on a worked example.

Peers are benchmark-only: ``pip install spacy`` (no model download needed).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

CORPORA = HERE / "_corpora"


# --------------------------------------------------------------------------
# measurement helpers
# --------------------------------------------------------------------------
def _rss() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class Measure:
    """Time a block and sample resident memory every 5 ms (peak above the start)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.peak_bytes = 0
        self._stop = threading.Event()

    def _sample(self, base: int) -> None:
        peak = base
        while not self._stop.is_set():
            try:
                peak = max(peak, _rss())
            except OSError:  # pragma: no cover - no /proc
                break
            self._stop.wait(0.005)
        self.peak_bytes = max(self.peak_bytes, peak - base)

    def __enter__(self) -> Measure:
        try:
            base = _rss()
        except OSError:  # pragma: no cover
            base = 0
        self._thread = threading.Thread(target=self._sample, args=(base,), daemon=True)
        self._thread.start()
        self._t0 = time.perf_counter()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.seconds = time.perf_counter() - self._t0
        self._stop.set()
        self._thread.join()


def timed(fn: Callable[[], Any]) -> tuple[Any, Measure]:
    with Measure() as m:
        out = fn()
    return out, m


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ensure_corpus(
    n: int, formats: tuple[str, ...] = ("txt", "jsonl", "parquet"), root: Path | None = None
) -> Path:
    """Generate (once) ``n`` documents under ``benchmarks/_corpora/n<n>``."""
    out = (root or CORPORA) / f"n{n}"
    marker = out / ".complete"
    if not marker.exists():
        generate.write_corpus(n, out, formats)
        marker.write_text(",".join(formats))
    return out


def list_txt(folder: Path) -> list[Path]:
    return sorted((folder / "txt").rglob("*.txt"))


# --------------------------------------------------------------------------
# pipelines
# --------------------------------------------------------------------------
def ours_pipeline(folder: Path) -> tuple[int, int]:
    """load_corpus (read + clean) -> sentences -> tokens. Returns (docs, tokens)."""
    import corpus_tools as ct

    corpus = ct.load_corpus(folder / "txt")
    sents = ct.sentences(corpus)
    tok = ct.tokens(corpus, compact=True)
    return len(corpus), len(tok) + 0 * len(sents)


def nltk_tutorial(paths: list[Path]) -> tuple[int, int]:
    from nltk.tokenize import NLTKWordTokenizer
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    sent_tok = PunktSentenceTokenizer()
    word_tok = NLTKWordTokenizer()
    n_tok = 0
    for p in paths:
        text = p.read_text(encoding="utf-8")
        for s in sent_tok.tokenize(text):
            n_tok += len(word_tok.tokenize(s))
    return len(paths), n_tok


def spacy_blank(paths: list[Path]) -> tuple[int, int] | None:
    try:
        import spacy
    except ImportError:
        return None
    nlp = spacy.blank("en")
    nlp.max_length = 10_000_000
    texts = (p.read_text(encoding="utf-8") for p in paths)
    n_tok = 0
    n = 0
    for doc in nlp.pipe(texts, batch_size=256):
        n_tok += len(doc)
        n += 1
    return n, n_tok


def compare_word_tokenizers(texts: list[str]) -> list[tuple[str, float, int, str]]:
    """(name, seconds, tokens, worked-example output) for Treebank spans vs our regex."""
    from nltk.tokenize import TreebankWordTokenizer

    from corpus_tools.tokenize import split_sentences, tokenize_text

    sents = [(t, s, e) for t in texts for _, s, e in split_sentences(t)]
    tb = TreebankWordTokenizer()
    example = "citing Iran’s strikes on U.S. bases — 1,400 killed"
    out = []
    t0 = time.perf_counter()
    n = 0
    for t, s, e in sents:
        n += sum(1 for _ in tb.span_tokenize(t[s:e]))
    out.append(
        (
            "NLTK TreebankWordTokenizer.span_tokenize",
            time.perf_counter() - t0,
            n,
            " | ".join(example[a:b] for a, b in tb.span_tokenize(example)),
        )
    )
    t0 = time.perf_counter()
    n = 0
    for t, s, e in sents:
        n += len(tokenize_text(t, s, e))
    out.append(
        (
            "corpus_tools regex (tokenize_text)",
            time.perf_counter() - t0,
            n,
            " | ".join(example[a:b] for a, b in tokenize_text(example)),
        )
    )
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="load+clean+tokenize vs NLTK tutorial pipeline")
    ap.add_argument("--docs", type=int, default=20_000)
    ap.add_argument("--corpus-root", type=Path, default=None)
    a = ap.parse_args(argv)
    folder = ensure_corpus(a.docs, ("txt",), a.corpus_root)
    paths = list_txt(folder)
    rows = []
    (n, ntok), m = timed(lambda: ours_pipeline(folder))
    rows.append(("corpus_tools load+clean+sentences+tokens (offsets)", n, ntok, m))
    (n2, ntok2), m2 = timed(lambda: nltk_tutorial(paths))
    rows.append(("NLTK tutorial: read + sent_tokenize + word_tokenize", n2, ntok2, m2))
    sp, m3 = timed(lambda: spacy_blank(paths))
    if sp is not None:
        rows.append(("spaCy blank('en').pipe (tokens only)", sp[0], sp[1], m3))
    head = ("pipeline", "docs", "docs/s", "tokens/s", "peak MB", "ours/peer")
    print(f"{head[0]:<55} {head[1]:>7} {head[2]:>9} {head[3]:>11} {head[4]:>8} {head[5]:>9}")
    ours_rate = rows[0][1] / rows[0][3].seconds
    for name, n, ntok, m in rows:
        rate = n / m.seconds
        ratio = f"{ours_rate / rate:.1f}x" if name != rows[0][0] else ""
        print(
            f"{name:<55} {n:>7} {rate:>9.0f} {ntok / m.seconds:>11.0f} "
            f"{m.peak_bytes / 2**20:>8.0f} {ratio:>9}"
        )
    texts = [p.read_text(encoding="utf-8") for p in paths[:2000]]
    print("\nword tokenizers on the same sentences (first 2,000 documents):")
    for name, sec, ntok, ex in compare_word_tokenizers(texts):
        print(f"  {name:<45} {ntok / sec:>11.0f} tokens/s   example: {ex}")


if __name__ == "__main__":
    main()
