"""The issue-8 target comparisons only, on one corpus, in one run (faster than run.py).

Usage::

    python benchmarks/bench_targets.py --docs 100000 --peer-cap 20000

Times, one after the other in one process: load (read, decode, sidecar,
duplicate flags), clean, sentences, tokens (compact); the NLTK tutorial
pipeline and spaCy's blank tokenizer on the first ``--peer-cap`` files;
term counts + keyness from text on a fresh Corpus; CountVectorizer + pandas
log-odds on the same texts. Prints documents/s and the ratios ours/peer.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_pipeline as bp  # noqa: E402
import run as runmod  # noqa: E402


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--peer-cap", type=int, default=20_000)
    ap.add_argument("--corpus-root", type=Path, default=None)
    a = ap.parse_args(argv)
    import corpus_tools as ct

    warnings.simplefilter("ignore")
    folder = bp.ensure_corpus(a.docs, ("txt", "jsonl", "parquet"), a.corpus_root)
    paths = bp.list_txt(folder)
    raw, m_load = bp.timed(lambda: ct.load_corpus(folder / "txt", clean=False))

    def _clean() -> ct.Corpus:
        texts = [ct.clean_text(t)[0] for t in raw.docs["raw_text"].tolist()]
        return ct.Corpus(raw.docs.drop(columns=["n_chars"]).assign(text=texts))

    corpus, m_clean = bp.timed(_clean)
    _, m_sent = bp.timed(lambda: ct.sentences(corpus))
    tok, m_tok = bp.timed(lambda: ct.tokens(corpus, compact=True))
    n, n_tok = len(corpus), len(tok)
    del tok
    ours = m_load.seconds + m_clean.seconds + m_sent.seconds + m_tok.seconds
    peer_paths = paths[: a.peer_cap] if a.peer_cap else paths
    _, m_nltk = bp.timed(lambda: bp.nltk_tutorial(peer_paths))
    sp, m_sp = bp.timed(lambda: bp.spacy_blank(peer_paths))
    texts = corpus.docs["text"].tolist()
    groups = corpus.docs["outlet"].astype(str).tolist()
    fresh = ct.Corpus(corpus.docs)
    _, m_tf = bp.timed(lambda: ct.term_frequencies(fresh))
    _, m_k = bp.timed(lambda: ct.keyness(fresh))
    fresh.clear_cache()  # free the token table and counts before the peer
    _, m_cv = bp.timed(lambda: runmod.peer_countvectorizer_logodds(texts, groups))
    rate = n / ours
    print(f"{n} documents, {n_tok} tokens")
    for name, m in (("load", m_load), ("clean", m_clean), ("sentences", m_sent), ("tokens", m_tok)):
        print(
            f"  {name:<10} {m.seconds:8.1f} s  {n / m.seconds:8.0f} docs/s  "
            f"peak +{m.peak_bytes / 2**20:.0f} MB"
        )
    print(f"load+clean+sentences+tokens: {ours:.1f} s, {rate:.0f} docs/s")
    nl = len(peer_paths) / m_nltk.seconds
    print(f"NLTK tutorial ({len(peer_paths)} docs): {nl:.0f} docs/s -> ours/peer {rate / nl:.2f}x")
    if sp is not None:
        sr = len(peer_paths) / m_sp.seconds
        print(
            f"spaCy blank ({len(peer_paths)} docs): {sr:.0f} docs/s -> ours/peer {rate / sr:.2f}x"
        )
    both = m_tf.seconds + m_k.seconds
    print(
        f"term counts from text {m_tf.seconds:.1f} s (peak +{m_tf.peak_bytes / 2**20:.0f} MB), "
        f"keyness {m_k.seconds:.1f} s (peak +{m_k.peak_bytes / 2**20:.0f} MB); "
        f"CountVectorizer + log-odds {m_cv.seconds:.1f} s -> ours/peer "
        f"{m_cv.seconds / both:.2f}x"
    )


if __name__ == "__main__":
    main()
