"""The front end with a pool gives the tables of one process, on real texts of every kind.

The documents are the committed BBC sample (``tests/data/real/bbc``, see its README)
cut as the benchmark's distinct-text corpus is: headlines, single paragraphs and
whole articles, one file each, in folders with a sidecar. Batches are made small so
that the pool cleans many of them, in order, in two workers.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools._parallel import ordered_map

BBC = Path(__file__).parent / "data" / "real" / "bbc"


def _gc_on(_: int) -> bool:
    return gc.isenabled()


def test_pool_workers_collect_unless_told_not_to() -> None:
    """``collect=False`` (the load's batches) keeps the collector off in the workers;
    by default they turn it on; this process's setting is left as it was."""
    was = gc.isenabled()
    assert list(ordered_map(_gc_on, range(4), n_jobs=2)) == [True] * 4
    assert list(ordered_map(_gc_on, range(4), n_jobs=2, collect=False)) == [False] * 4
    assert gc.isenabled() is was


def _kinds_folder(root: Path) -> int:
    """One file per headline, paragraph and whole article of the BBC sample; returns the count."""
    files, outlets = [], []
    for k, path in enumerate(sorted(BBC.glob("*/*.txt"))):
        head, _, body = path.read_text(encoding="utf-8").strip().partition("\n")
        paras = [p.strip() for p in body.split("\n\n") if p.strip()]
        pieces = [head, *paras, head + "\n\n" + "\n\n".join(paras)]
        for j, text in enumerate(pieces):
            name = f"{k:02d}/{j:03d}.txt"
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_text(text + "\n", encoding="utf-8")
            files.append(name)
            outlets.append(path.parent.name)
    pd.DataFrame({"file": files, "outlet": outlets}).to_csv(root / "metadata.csv", index=False)
    return len(files)


def test_two_processes_give_the_front_end_of_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """load_corpus, sentences and tokens: n_jobs=2 and the default pool equal n_jobs=1."""
    import corpus_tools.io.batches as io_batches

    n = _kinds_folder(tmp_path)
    assert n == 120  # 20 headlines, 80 paragraphs, 20 articles
    monkeypatch.setattr(io_batches, "BATCH_DOCS", 16)
    monkeypatch.setattr(io_batches, "INLINE_DOCS", 40)  # the default starts a pool too
    one = ct.load_corpus(tmp_path, n_jobs=1)
    assert len(one) == n and one.skipped.empty
    assert one.docs["outlet"].value_counts().sort_index().to_dict() == {
        "business": 23,
        "entertainment": 24,
        "politics": 23,
        "sport": 21,
        "tech": 29,
    }
    sents, toks = ct.sentences(one, n_jobs=1), ct.tokens(one, compact=True, n_jobs=1)
    assert (len(sents), len(toks)) == (760, 17732)
    for n_jobs in (2, None):
        other = ct.load_corpus(tmp_path, n_jobs=n_jobs)
        for a, b in zip(
            (one.docs, one.cleaning_log, one.skipped),
            (other.docs, other.cleaning_log, other.skipped),
            strict=True,
        ):
            pd.testing.assert_frame_equal(a, b, check_exact=True)
        pd.testing.assert_frame_equal(sents, ct.sentences(other, n_jobs=2), check_exact=True)
        pd.testing.assert_frame_equal(
            toks, ct.tokens(other, compact=True, n_jobs=2), check_exact=True
        )
