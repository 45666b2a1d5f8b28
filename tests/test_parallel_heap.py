"""Pool workers keep the C heap they free for their next batch (``_parallel.keep_heap``).

The measure is the page faults of allocating 100 MB again in 1 MB blocks after
freeing them: glibc's defaults give the memory back (a fault per 4 kB page on
the way back in, ~25,600), a kept heap gives it out again without any.
"""

from __future__ import annotations

import multiprocessing as mp
import resource
import sys
from pathlib import Path

import pytest

import corpus_tools as ct
from corpus_tools._parallel import WORKER_TRIM_THRESHOLD, keep_heap, ordered_map

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")

_BLOCKS = 100  # 1 MB blocks: 100 MB, below the kept 512 MB, above glibc's own 64 MB at most


def _refaults(_: object = None) -> list[int]:
    """Page faults of allocating (and touching) 100 MB in 1 MB blocks, three rounds."""
    out = []
    for _ in range(3):
        before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
        blocks = [bytearray(1 << 20) for _ in range(_BLOCKS)]
        del blocks
        out.append(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
    return out


#: glibc's starting thresholds, fixed: a forked process inherits its parent's heap settings,
#: and glibc raises its mmap threshold as large blocks are freed, so after other tests in the
#: same pytest process a "default" child would already keep its blocks (CI at 6ccccbf)
_GIVE_BACK = 128 * 1024


def _report(keep: bool, conn: object) -> None:
    assert keep_heap(_GIVE_BACK, _GIVE_BACK)  # the heap of a fresh process, whatever the parent
    if keep:
        assert keep_heap()
    conn.send(_refaults())  # type: ignore[attr-defined]


def _pool_rounds(keep: bool, conn: object) -> None:
    assert keep_heap(_GIVE_BACK, _GIVE_BACK)  # the workers fork from here and inherit it
    conn.send(list(ordered_map(_refaults, range(2), n_jobs=2, keep=keep)))  # type: ignore[attr-defined]


def _in_fresh_process(keep: bool, target: object = _report) -> list:
    """``target`` in a new interpreter (spawned, not forked: a forked child inherits this
    process's heap, and after the rest of the test suite that heap holds hundreds of MB of
    free blocks that glibc hands out again without faults, whatever its thresholds: the
    'default' child took 0 faults in a full run at 95c035a)."""
    ctx = mp.get_context("spawn")
    here, there = ctx.Pipe()
    p = ctx.Process(target=target, args=(keep, there))  # type: ignore[arg-type]
    p.start()
    got: list = here.recv()
    p.join()
    assert p.exitcode == 0
    return got


def test_a_kept_heap_gives_freed_memory_out_again_without_faults() -> None:
    pages = _BLOCKS * (1 << 20) // resource.getpagesize()
    default = _in_fresh_process(keep=False)
    kept = _in_fresh_process(keep=True)
    # how many faults giving memory back costs depends on the machine (25,600 on one VM,
    # 11,052 on another: the kernel may map more than a page a fault), so the heap kept is
    # compared with the heap given back in the same environment: ten times fewer at least
    assert kept[0] > kept[1]  # the first round takes the memory from the system
    for r in (1, 2):
        assert kept[r] < pages // 20
        assert default[r] >= 10 * max(kept[r], 1)
    assert WORKER_TRIM_THRESHOLD >= 4 * _BLOCKS * (1 << 20)


def test_pool_workers_keep_their_heap_when_told() -> None:
    """``keep=True`` (the front end's one-pass pools); a long-lived pool (streaming) is left
    with glibc's defaults, where the kept pages only raised the proportional memory."""
    pages = _BLOCKS * (1 << 20) // resource.getpagesize()
    kept = _in_fresh_process(keep=True, target=_pool_rounds)
    given_back = _in_fresh_process(keep=False, target=_pool_rounds)
    for k, g in zip(kept, given_back, strict=True):
        assert k[1] < pages // 20 and k[2] < pages // 20
        assert g[1] >= 10 * max(k[1], 1)


def test_the_front_ends_pools_keep_their_heap(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """load_corpus' cleaning pool and the sentences/tokens pools ask for ``keep``."""
    import corpus_tools.io.batches as batches
    import corpus_tools.tokenize as tokenize

    seen: list[bool] = []
    real = ordered_map

    def spy(*args: object, keep: bool = False, **kw: object) -> object:
        seen.append(keep)
        return real(*args, keep=keep, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(batches, "ordered_map", spy)
    monkeypatch.setattr(tokenize, "ordered_map", spy)
    monkeypatch.setattr(batches, "BATCH_DOCS", 2)  # a pool for six files
    monkeypatch.setattr(batches, "WARM_DOCS", 1)
    for k in range(6):
        (tmp_path / f"d{k}.txt").write_text(
            f"Story {k} of the day\n\nThe council met on day {k}. It voted on the budget.\n",
            encoding="utf-8",
        )
    corpus = ct.load_corpus(tmp_path, n_jobs=2)
    assert len(corpus) == 6 and seen == [True]
    ct.sentences(corpus, n_jobs=2)
    ct.tokens(corpus, compact=True, n_jobs=2)
    assert len(seen) >= 3 and all(seen)
