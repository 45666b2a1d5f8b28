"""Ordered process-pool map shared by the batch functions (``n_jobs``).

Every parallel path in corpus_tools sends whole batches of documents to a
pure function and consumes the results in submission order, so the output
does not depend on ``n_jobs`` or on which worker finished first. At most
two batches per worker are in flight, which bounds the memory held by
results the main process has not consumed yet.
"""

from __future__ import annotations

import gc
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from .errors import CorpusValueError

T = TypeVar("T")
R = TypeVar("R")

__all__ = [
    "check_n_jobs",
    "keep_heap",
    "ordered_map",
    "paused_gc",
    "release_memory",
    "small_pages",
]

_NOTHING = object()


def check_n_jobs(n_jobs: int) -> int:
    """Return ``n_jobs`` if it is an int >= 1, else raise with the fix."""
    if isinstance(n_jobs, bool) or not isinstance(n_jobs, int) or n_jobs < 1:
        raise CorpusValueError(
            f"n_jobs must be an integer >= 1 (processes to use), got {n_jobs!r}; "
            "use n_jobs=1 for one process, or os.cpu_count() for all cores."
        )
    return n_jobs


def _context() -> Any:
    import multiprocessing as mp

    # fork shares the loaded package and data with the workers (copy on write);
    # where fork does not exist (Windows, some macOS setups) spawn re-imports them
    if "fork" in mp.get_all_start_methods():
        return mp.get_context("fork")
    return mp.get_context("spawn")  # pragma: no cover - not on Linux


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run the block with Python's cyclic garbage collector paused (as it was afterwards).

    A load creates hundreds of thousands of small containers (rows, log rows,
    template keys) that are all kept: every full collection walks them, and
    the interpreter's whole heap, again, for nothing (a quarter of the loading
    process's CPU time on 20,000 documents). Reference counting still frees
    everything that is not in a cycle; cycles made meanwhile are collected
    once the collector runs again. Pool workers forked meanwhile turn it back
    on (:func:`_start_worker`).
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@contextmanager
def small_pages() -> Iterator[None]:
    """Run the block with NumPy's huge-page advice off (as it was afterwards).

    NumPy advises the kernel to back every array of 4 MB or more with 2 MB pages
    (``madvise(MADV_HUGEPAGE)``). Where the kernel then compacts memory to find
    them before the first write (``/sys/kernel/mm/transparent_hugepage/defrag``
    ``madvise``, a common default), building a table of tens of millions of rows
    spends most of its time there: the 72 M-row token table of 100,000 long
    documents took 4.2 CPU s (3.2 s of it system time) with the advice and 2.1 s
    without. The gain of huge pages, fewer address-translation misses, is small
    for columns written and read in order. Without NumPy's switch (a private
    function that may move) the block runs as it is.
    """
    import numpy as np

    switch = _hugepage_switch(np)
    if switch is None:  # pragma: no cover - a NumPy without the switch
        yield
        return
    was = switch(False)
    try:
        yield
    finally:
        switch(was)


def _hugepage_switch(np: Any) -> Callable[[bool], bool] | None:
    """NumPy's ``_set_madvise_hugepage`` (sets the advice, returns the previous setting)."""
    for mod in ("_core", "core"):
        found = getattr(
            getattr(getattr(np, mod, None), "multiarray", None), "_set_madvise_hugepage", None
        )
        if found is not None:
            return found
    return None


def release_memory() -> None:
    """Give the C heap's free pages back to the system (glibc ``malloc_trim``, Arrow's pool).

    A load frees many short-lived objects (texts in transit, rows, log rows)
    between the ones it keeps; glibc keeps the freed pages in the process,
    so without this the resident memory after a load stays at its peak.
    """
    import ctypes
    import sys

    arrow = sys.modules.get("pyarrow")  # Arrow's own allocator (mimalloc) keeps freed pages too
    if arrow is not None:
        try:
            arrow.default_memory_pool().release_unused()
        except Exception:  # pragma: no cover - an allocator without the call
            pass
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):  # not glibc (musl): nothing to trim
        return


def _exit_with_parent(poll: float = 0.5) -> None:
    """End this worker when the process that started it is gone.

    A pool worker waits on a queue whose writing end every forked sibling also
    holds, so it never sees end-of-file when its parent is killed (a notebook
    kernel stopped by the report's time budget, Ctrl-C twice, an out-of-memory
    kill): without this it would sleep forever holding its share of memory.
    """
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(poll)
        os._exit(1)

    threading.Thread(target=watch, name="corpus_tools-parent-watch", daemon=True).start()


#: a worker's C heap: blocks up to this size come from the heap, not a mapping of their own
WORKER_MMAP_THRESHOLD = 32 * 1024 * 1024
#: a worker's C heap: free memory at its top kept for the next batch up to this size
WORKER_TRIM_THRESHOLD = 512 * 1024 * 1024
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3  # glibc's malloc.h


def keep_heap(
    mmap_threshold: int = WORKER_MMAP_THRESHOLD, trim_threshold: int = WORKER_TRIM_THRESHOLD
) -> bool:
    """Make this process's C heap (glibc) keep the memory it frees for the next allocation.

    A pool worker allocates and frees the same large arrays batch after batch.
    By default glibc serves every block above a threshold (128 kB, rising to at
    most 32 MB as such blocks are freed) with a mapping of its own, and gives
    the free top of the heap back to the system above another; each new batch
    then pays a page fault (a kernel entry and a zeroed page) for every 4 kB it
    touches again: the two workers of a load, sentences and tokens of 20,000
    long documents took 1.2 million faults and 3.1 CPU s of system time (of
    about 16); with the blocks kept, 0.28 million and 0.8-1.1 s. A worker's
    resident memory then stays at its peak until it ends (with the pool); the
    peak itself does not rise. Returns False where there is no glibc (the heap
    is left as it is). Only for processes this package starts: it changes the
    whole process, so a user's own process is never given it.
    """
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):  # pragma: no cover - not on Linux
        return False
    try:
        mallopt = ctypes.CDLL("libc.so.6").mallopt
    except (OSError, AttributeError):  # pragma: no cover - not glibc (musl)
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    ok = mallopt(_M_MMAP_THRESHOLD, mmap_threshold) == 1
    return mallopt(_M_TRIM_THRESHOLD, trim_threshold) == 1 and ok


def _start_worker(
    collect: bool, keep: bool, initializer: Callable[..., object] | None, *initargs: Any
) -> None:
    """Pool worker start: the inherited heap frozen (never walked by the collector,
    so its pages stay shared with the parent), the collector on (off without
    ``collect``), with ``keep`` the C heap kept between batches (:func:`keep_heap`),
    then ``initializer``."""
    gc.freeze()
    if collect:
        gc.enable()
    else:
        gc.disable()
    if keep:
        keep_heap()
    _exit_with_parent()
    if initializer is not None:
        initializer(*initargs)


def ordered_map(
    fn: Callable[[T], R],
    items: Iterable[T],
    n_jobs: int,
    *,
    initializer: Callable[..., object] | None = None,
    initargs: tuple[Any, ...] = (),
    collect: bool = True,
    keep: bool = False,
    started: Callable[[], object] | None = None,
) -> Iterator[R]:
    """Yield ``fn(item)`` for every item, in order; ``n_jobs`` > 1 uses a process pool.

    ``fn`` must be a module-level function (picklable) without side effects.
    The pool starts at the first item (no item, no pool); ``initializer(*initargs)``
    runs once in each worker (e.g. to hand it settings that are costly to send
    with every item). ``collect=False`` keeps the cyclic garbage collector off in
    the workers, as :func:`paused_gc` does in this process: for work whose every
    object is freed by reference counting (a load's batches), where the collector
    walking each worker's growing heap again and again is about a tenth of its CPU
    time; the workers end with the map, and whatever cycles they made with them.
    ``keep=True`` makes each worker keep the C heap it frees (:func:`keep_heap`): for
    pools that live for one pass over a corpus (the front end's load, sentences and
    tokens). A long-lived pool (streaming) is left without it: there its workers'
    faults are few and the kept pages raised the proportional memory of a 40,000-document
    stream by 80-110 MB for no CPU gain (1.04 vs 1.07 CPU s per 1,000 documents).
    ``started()`` runs once in this process when the first items are handed out (with a
    pool: while the workers work on them, before the first result is awaited; without:
    before the first item), and not at all without items: this process's own work
    that the results do not need, done while it would otherwise only wait.

    Examples
    --------
    >>> list(ordered_map(abs, [-2, 1, -3], n_jobs=1))
    [2, 1, 3]
    """
    check_n_jobs(n_jobs)
    if n_jobs == 1:
        for item in items:
            if started is not None:
                started()
                started = None
            yield fn(item)
        return
    from concurrent.futures import Future, ProcessPoolExecutor

    it = iter(items)
    first = next(it, _NOTHING)
    if first is _NOTHING:
        return
    with ProcessPoolExecutor(
        max_workers=n_jobs,
        mp_context=_context(),
        initializer=_start_worker,
        initargs=(collect, keep, initializer, *initargs),
    ) as pool:
        pending: deque[Future[R]] = deque([pool.submit(fn, first)])  # type: ignore[arg-type]
        for item in it:
            pending.append(pool.submit(fn, item))
            while len(pending) >= 2 * n_jobs:
                if started is not None:
                    started()
                    started = None
                yield pending.popleft().result()
        if started is not None:
            started()
        while pending:
            yield pending.popleft().result()
