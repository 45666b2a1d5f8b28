"""Cleaning the documents of a load in batches, in this process or in a process pool.

:func:`~corpus_tools.clean_text` is pure per document, so :func:`cleaned`
groups the documents of the event stream into batches (``BATCH_DOCS``
documents or ``BATCH_CHARS`` characters of raw text), cleans each batch, and
yields the events again in their original order; with a pool the batches are
cleaned by worker processes (``corpus_tools._parallel.ordered_map``: results
in submission order), so the output never depends on ``n_jobs``.

``n_jobs=None`` (the default of :func:`~corpus_tools.load_corpus`) cleans the
first ``INLINE_DOCS`` documents in this process and starts a pool of
:func:`auto_jobs` workers only when more follow: a small corpus never pays
for starting processes. An explicit ``n_jobs`` > 1 cleans the first batch
here (it also loads the rules and word lists once, before the workers are
forked) and the rest in the pool; ``n_jobs=1`` never starts a pool.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from .._parallel import check_n_jobs, ordered_map
from ..clean import as_rules, clean_text
from ..dedup import signatures
from ..errors import CorpusToolsError
from ..templates import template_keys

__all__ = [
    "cleaned",
    "auto_jobs",
    "crash_reason",
    "SIGNED_KEY",
    "TEMPLATE_KEYS",
    "BATCH_DOCS",
    "BATCH_CHARS",
    "INLINE_DOCS",
]

#: documents per batch (a batch also closes at ``BATCH_CHARS`` raw characters)
BATCH_DOCS = 256
BATCH_CHARS = 1 << 21
#: with ``n_jobs=None``, documents cleaned in this process before a pool starts
INLINE_DOCS = 2000
#: with ``n_jobs=None``, at most this many worker processes
MAX_AUTO_JOBS = 4

#: the row key of a document's duplicate signature (``cleaned(sign=True)``)
SIGNED_KEY = "\x00signed"
#: the row key of a document's template keys (``cleaned(sign=True)``)
TEMPLATE_KEYS = "\x00template_keys"

Event = tuple[str, Any, Any]


class Failed(NamedTuple):
    """A document whose cleaning raised: the error to raise again, or a skip reason."""

    error: BaseException | None
    reason: str


def crash_reason(exc: BaseException) -> str:
    """The ``skipped`` reason of a document whose loading raised ``exc``."""
    msg = " ".join(str(exc).split())
    msg = msg[:200] + ("..." if len(msg) > 200 else "")
    return f"could not be loaded ({type(exc).__name__}: {msg}); the rest was loaded"


def auto_jobs() -> int:
    """Worker processes used when ``n_jobs=None``: the usable cores, at most 4."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, MAX_AUTO_JOBS))


def clean_batch(
    items: list[tuple[str, bool]],
    rules: Any,
    cleaner: Callable[..., Any] = clean_text,
    sign: bool = False,
) -> list[Any]:
    """``cleaner`` (``clean_text``) of every ``(raw, extracted)`` item; a failure becomes :class:`Failed`.

    With ``sign``, each result also carries its text's duplicate signature
    (``(digest, MinHash signature, 5-gram count)``, :func:`corpus_tools.dedup.signatures`).
    """
    out: list[Any] = []
    for raw, extracted in items:
        try:
            out.append(cleaner(raw, rules=rules, extracted=extracted))
        except CorpusToolsError as exc:  # a deliberate error: the load stops on it
            out.append(Failed(exc, ""))
        except Exception as exc:  # one document's failure never stops the others
            out.append(Failed(None, crash_reason(exc)))
    return signed(out, items) if sign else out


def signed(results: list[Any], items: list[tuple[str, bool]]) -> list[Any]:
    """``(text, log_rows)`` results with their text's duplicate signature appended, and
    the raw text's :func:`~corpus_tools.templates.template_keys` (None for HTML or no text)."""
    texts = [r[0] if not isinstance(r, Failed) and isinstance(r[0], str) else "" for r in results]
    digests, sigs, n_sh = signatures(texts)
    out: list[Any] = []
    for k, (r, (raw, extracted)) in enumerate(zip(results, items, strict=True)):
        if isinstance(r, Failed):
            out.append(r)
            continue
        keys = template_keys(str(raw)) if raw and not extracted else None
        out.append((r[0], r[1], (digests[k], sigs[k], int(n_sh[k])), keys))
    return out


_WORKER: list[Any] = []


def init_worker(rules: Any, cleaner: Callable[..., Any], sign: bool) -> None:
    """Pool initializer: the rules (and cleaning function) of every batch of this worker."""
    _WORKER[:] = [rules, cleaner, sign]


def pool_batch(items: list[tuple[str, bool]]) -> list[Any]:
    """:func:`clean_batch` with the rules handed to this worker by :func:`init_worker`."""
    return clean_batch(items, *_WORKER)


def _jobs(events: Iterator[Event], queue: deque[tuple[list[Event], Any]]) -> Iterator[list[Any]]:
    """Batches of ``(raw, extracted)``; each batch's events (and a trailing error) go to ``queue``.

    An error raised by the event stream is queued behind the documents read
    before it, so those are still cleaned and given out before it is raised.
    """
    batch: list[Event] = []
    items: list[tuple[str, bool]] = []
    size = 0
    while True:
        try:
            ev = next(events)
        except StopIteration:
            break
        except Exception as exc:  # raised again by cleaned(), after the documents before it
            queue.append((batch, exc))
            yield items
            return
        batch.append(ev)
        if ev[0] == "doc":
            raw = ev[1]["raw_text"]
            items.append((raw, ev[1].get("format") == "html"))
            size += len(raw) if isinstance(raw, str) else 0
            if len(items) >= BATCH_DOCS or size >= BATCH_CHARS:
                queue.append((batch, None))
                yield items
                batch, items, size = [], [], 0
    if batch:
        queue.append((batch, None))
        yield items


def _emit(
    entry: tuple[list[Event], Any], results: list[Any], complete: Callable[..., Any]
) -> Iterator[Event]:
    """The events of one batch in order, each document completed with its cleaning result."""
    batch, err = entry
    k = 0
    for ev in batch:
        if ev[0] != "doc":
            yield ev
            continue
        res = results[k]
        k += 1
        if isinstance(res, Failed):
            if res.error is not None:
                raise res.error
            yield "skip", ev[1].get("source"), res.reason
            continue
        try:
            row, log_rows = complete(ev[1], res[0], res[1])
            if len(res) > 2:
                row[SIGNED_KEY] = res[2]
                row[TEMPLATE_KEYS] = res[3]
        except CorpusToolsError:
            raise
        except Exception as exc:  # one document's failure never stops the others
            yield "skip", ev[1].get("source"), crash_reason(exc)
            continue
        yield "doc", row, log_rows
    if err is not None:
        raise err


def cleaned(
    events: Iterator[Event],
    *,
    clean: bool,
    rules: Any,
    n_jobs: int | None,
    complete: Callable[..., Any],
    cleaner: Callable[..., Any] = clean_text,
    sign: bool = False,
) -> Iterator[Event]:
    """``events`` with every ``("doc", row, None)`` cleaned: ``complete(row, text, log_rows)``.

    ``complete`` returns ``(row, log_rows)`` as yielded; other events pass
    through in place. ``n_jobs``: see the module docstring. With ``sign``,
    each row carries its text's duplicate signature under ``SIGNED_KEY`` and
    its raw text's template keys under ``TEMPLATE_KEYS`` (work done in the pool).
    """
    workers = auto_jobs() if n_jobs is None else check_n_jobs(n_jobs)
    inline = INLINE_DOCS if n_jobs is None else 1
    queue: deque[tuple[list[Event], Any]] = deque()
    jobs = _jobs(iter(events), queue)
    if not clean:
        for items in jobs:
            results: list[Any] = [(raw, []) for raw, _ in items]
            yield from _emit(queue.popleft(), signed(results, items) if sign else results, complete)
        return
    done = 0
    for items in jobs:
        if workers > 1 and done >= inline:
            rest = itertools.chain([items], jobs)
            break
        yield from _emit(queue.popleft(), clean_batch(items, rules, cleaner, sign), complete)
        done += len(items)
    else:
        return
    rs = as_rules(rules)  # resolved (and cached) here, handed once to every worker
    for results in ordered_map(
        pool_batch, rest, workers, initializer=init_worker, initargs=(rs, cleaner, sign)
    ):
        yield from _emit(queue.popleft(), results, complete)
