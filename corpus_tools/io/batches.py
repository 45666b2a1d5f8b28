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
for starting processes; when the plan already holds ``INLINE_DOCS`` files (or
DataFrame rows), the pool starts after a first batch of :data:`WARM_DOCS` documents
(when more than a batch is expected).
Text and HTML files of a folder are read, decoded and extracted where they
are cleaned (:class:`ReadJob`), so the loading process only joins ids and
metadata and collects the results; for :func:`~corpus_tools.load_corpus` a batch's
texts come back as two Arrow arrays and its duplicate signatures as one matrix
(:func:`pack`), not one Python object per document. An explicit ``n_jobs`` > 1 cleans the first batch
here (it also loads the rules and word lists once, before the workers are
forked; :data:`WARM_DOCS` documents) and the rest in the pool; ``n_jobs=1`` never starts a pool.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

import numpy as np

from .._parallel import check_n_jobs, ordered_map
from ..clean import as_rules, clean_text
from ..dedup import signatures
from ..errors import CorpusToolsError
from ..templates import template_keys
from .discover import Entry
from .files import Folders, InputSkipped
from .readers import first_line_title, read_file

__all__ = [
    "cleaned",
    "ReadJob",
    "auto_jobs",
    "crash_reason",
    "SIGNED_KEY",
    "TEMPLATE_KEYS",
    "BATCH_DOCS",
    "BATCH_CHARS",
    "INLINE_DOCS",
    "WARM_DOCS",
]

#: documents per batch (a batch also closes at ``BATCH_CHARS`` raw characters)
BATCH_DOCS = 256
BATCH_CHARS = 1 << 21
#: with ``n_jobs=None``, documents cleaned in this process before a pool starts
INLINE_DOCS = 2000
#: with ``n_jobs=None``, at most this many worker processes
MAX_AUTO_JOBS = 4
#: documents cleaned here before a pool that starts after the first batch: enough to load
#: the rules and word lists once (the workers inherit them), not a whole batch cleaned while
#: the other cores wait
WARM_DOCS = 8

#: the row key of a document's duplicate signature (``cleaned(sign=True)``)
SIGNED_KEY = "\x00signed"
#: the row key of a document's template keys (``cleaned(sign=True)``)
TEMPLATE_KEYS = "\x00template_keys"

Event = tuple[str, Any, Any]


class Failed(NamedTuple):
    """A document whose cleaning raised: the error to raise again, or a skip reason."""

    error: BaseException | None
    reason: str


class Unread(NamedTuple):
    """A file that could not be read: the error to raise again, or the skip reason."""

    error: BaseException | None
    reason: str


class ReadJob(NamedTuple):
    """A text or HTML file to read (and decode, extract) where it is cleaned."""

    entry: Entry
    encoding: str | None


#: what a batch item is: a file to read, or ``(raw text, extracted from HTML)``
Item = ReadJob | tuple[str, bool]


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


def _read(job: ReadJob, folders: Folders) -> dict[str, Any] | Unread:
    """The file's document row, or why it could not be read (as the loading loop had it)."""
    try:
        return read_file(job.entry, job.encoding, folders)
    except InputSkipped as exc:
        return Unread(None, exc.reason)
    except CorpusToolsError as exc:  # a deliberate error: the load stops on it
        return Unread(exc, "")
    except Exception as exc:  # isolation: one file's failure never stops the load
        return Unread(None, crash_reason(exc))


def _clean_one(raw: str, extracted: bool, rules: Any, cleaner: Callable[..., Any]) -> Any:
    """``cleaner(raw)`` as ``(text, log_rows)``, or :class:`Failed`."""
    try:
        return cleaner(raw, rules=rules, extracted=extracted)
    except CorpusToolsError as exc:  # a deliberate error: the load stops on it
        return Failed(exc, "")
    except Exception as exc:  # one document's failure never stops the others
        return Failed(None, crash_reason(exc))


def work_batch(
    items: list[Item],
    rules: Any,
    cleaner: Callable[..., Any] = clean_text,
    clean: bool = True,
    sign: bool = False,
    keep_raw: bool = True,
) -> list[tuple[dict[str, Any] | None, Any]]:
    """Every item read (a :class:`ReadJob`), cleaned (``clean``) and signed (``sign``).

    Returns ``(row, outcome)`` per item: ``row`` is the document row read from
    the file (None for an item given as raw text); ``outcome`` is
    :class:`Unread`, :class:`Failed` or ``(text, log_rows)`` (plus, with
    ``sign``, the duplicate signature and the template keys, see :func:`signed`).
    Without ``keep_raw`` a row read here comes back with ``raw_text`` None (the
    raw text is rebuilt from the text and log rows when needed; it is not sent back).
    """
    rows: list[dict[str, Any] | None] = []
    outs: list[Any] = []
    raws: list[tuple[str, bool]] = []
    folders = Folders()
    try:
        for item in items:
            row = None
            if isinstance(item, ReadJob):
                got = _read(item, folders)
                if isinstance(got, Unread):
                    rows.append(None)
                    outs.append(got)
                    raws.append(("", False))
                    continue
                row = got
                raw, extracted = row["raw_text"], row["format"] == "html"
            else:
                raw, extracted = item
            rows.append(row)
            raws.append((raw, extracted))
            outs.append(_clean_one(raw, extracted, rules, cleaner) if clean else (raw, []))
    finally:
        folders.close()
    if sign:
        outs = signed(outs, raws, keys=clean)
        pack(rows, outs, raws, same=not clean, keep_raw=keep_raw)
    if not keep_raw:
        for row, out in zip(rows, outs, strict=True):
            if row is not None and not isinstance(out, Failed):
                row["raw_text"] = None
    return list(zip(rows, outs, strict=True))


def signed(results: list[Any], items: list[tuple[str, bool]], keys: bool = True) -> list[Any]:
    """``(text, log_rows)`` results with their text's duplicate signature appended, and
    the raw text's :func:`~corpus_tools.templates.template_keys` (None for HTML, no
    text, or without ``keys``); :class:`Failed` and :class:`Unread` pass through."""
    ok = [not isinstance(r, (Failed, Unread)) for r in results]
    texts = [
        r[0] if good and isinstance(r[0], str) else "" for r, good in zip(results, ok, strict=True)
    ]
    digests, sigs, n_sh = signatures(texts)
    out: list[Any] = []
    for k, (r, (raw, extracted)) in enumerate(zip(results, items, strict=True)):
        if not ok[k]:
            out.append(r)
            continue
        tk = template_keys(str(raw)) if keys and raw and not extracted else None
        out.append((r[0], r[1], (digests[k], sigs[k], int(n_sh[k])), tk))
    return out


class Packed:
    """The texts and duplicate signatures of one batch, as arrays (one object per batch).

    A worker sends a batch's raw and clean texts as two Arrow ``large_string``
    arrays (UTF-8, one buffer each; one array for both without cleaning) and
    its signatures as one matrix, so the loading process unpickles a few
    buffers instead of a Python ``str`` (and a numpy array) per document, and
    :class:`~corpus_tools.io.collect.StrColumn` stores slices of these arrays
    without encoding the text again. ``n_chars``, ``blank`` and ``titles`` are
    what :func:`~corpus_tools.io.load.load_corpus` needs of each clean text.
    """

    __slots__ = (
        "texts",
        "raws",
        "signed",
        "n_chars",
        "raw_chars",
        "blank",
        "titles",
    )

    def __init__(
        self, texts: list[str], raws: list[str] | None, same: bool, signed: list[Any]
    ) -> None:
        import pyarrow as pa

        self.texts = pa.array(texts, type=pa.large_string())
        self.raws = self.texts if same or raws is None else pa.array(raws, type=pa.large_string())
        self.signed = PackedSigs(signed)
        self.n_chars = [len(t) for t in texts]
        self.raw_chars = self.n_chars if same or raws is None else [len(t) for t in raws]
        self.blank = [not t or t.isspace() for t in texts]  # = not t.strip(), no copy
        self.titles = [first_line_title(t) for t in texts]

    def __getstate__(self) -> tuple[Any, ...]:
        return tuple(getattr(self, k) for k in self.__slots__)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        for k, v in zip(self.__slots__, state, strict=True):
            setattr(self, k, v)


class PackedSigs:
    """The duplicate signatures of one :class:`Packed` batch: digests, MinHash matrix, counts.

    An object of its own, so the :class:`SigRef` kept until the tables are built
    holds these few bytes a document, not the batch's text arrays (the text
    column copies them into its chunks: holding the batch kept every text twice).
    """

    __slots__ = ("digests", "sigs", "n_sh")

    def __init__(self, signed: list[Any]) -> None:
        self.digests = [s[0] for s in signed]
        self.sigs = np.stack([s[1] for s in signed]) if signed else np.empty((0, 64), np.uint64)
        self.n_sh = [s[2] for s in signed]

    def __getstate__(self) -> tuple[Any, ...]:
        return (self.digests, self.sigs, self.n_sh)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self.digests, self.sigs, self.n_sh = state


class TextRef:
    """Document ``k``'s clean (``raw=False``) or raw text in a :class:`Packed` batch."""

    __slots__ = ("batch", "k", "raw")

    def __init__(self, batch: Packed, k: int, raw: bool) -> None:
        self.batch, self.k, self.raw = batch, k, raw

    @property
    def array(self) -> Any:
        return self.batch.raws if self.raw else self.batch.texts

    def __str__(self) -> str:
        return str(self.array[self.k].as_py())

    def __bool__(self) -> bool:
        return (self.batch.raw_chars if self.raw else self.batch.n_chars)[self.k] > 0

    def __getstate__(self) -> tuple[Any, ...]:
        return (self.batch, self.k, self.raw)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self.batch, self.k, self.raw = state


def as_text(value: Any) -> Any:
    """``value`` as a Python str when it is a :class:`TextRef` (other values unchanged)."""
    return str(value) if type(value) is TextRef else value


def text_facts(text: Any, title: bool = True) -> tuple[int, bool, str | None]:
    """``(len, blank, first-line title)`` of a clean text (a str or a :class:`TextRef`);
    the title is None unless asked for."""
    if type(text) is TextRef:
        b, k = text.batch, text.k
        return b.n_chars[k], b.blank[k], b.titles[k] if title else None
    blank = not text or text.isspace()  # = not text.strip(), without the copy
    return len(text), blank, first_line_title(text) if title else None


def pack(
    rows: list[Any],
    outs: list[Any],
    raws: list[tuple[str, bool]],
    same: bool,
    keep_raw: bool = True,
) -> None:
    """Replace the texts and signatures of a signed batch by references into one :class:`Packed`.

    Each ``(text, log_rows, signature, keys)`` outcome becomes ``(TextRef,
    log_rows, (digest, signature row, n), keys)`` and its row's ``raw_text``
    a raw :class:`TextRef` (None without ``keep_raw``: no raw text is packed);
    failed and unread items are left as they are.
    """
    ok = [k for k, o in enumerate(outs) if not isinstance(o, (Failed, Unread))]
    texts = [outs[k][0] if isinstance(outs[k][0], str) else "" for k in ok]
    if same and any(texts[n] is not raws[k][0] for n, k in enumerate(ok)):
        same = False
    kept = [raws[k][0] for k in ok] if keep_raw else None
    batch = Packed(texts, kept, same, [outs[k][2] for k in ok])
    for n, k in enumerate(ok):
        if not isinstance(outs[k][0], str) or not isinstance(raws[k][0], str):
            continue  # a cleaner that returned no str: left to the loading process as it was
        text, log_rows, _, keys = outs[k]
        outs[k] = (TextRef(batch, n, False), log_rows, SigRef(batch.signed, n), keys)
        if rows[k] is not None:
            rows[k]["raw_text"] = TextRef(batch, n, True) if keep_raw else None


class SigRef:
    """Document ``k``'s duplicate signature in a :class:`Packed` batch's :class:`PackedSigs`."""

    __slots__ = ("batch", "k")

    def __init__(self, batch: PackedSigs, k: int) -> None:
        self.batch, self.k = batch, k

    def value(self) -> tuple[bytes | None, np.ndarray, int]:
        """``(digest, MinHash signature, 5-gram count)``, as :func:`signed` gives them."""
        b, k = self.batch, self.k
        return b.digests[k], b.sigs[k], b.n_sh[k]

    def __getstate__(self) -> tuple[Any, ...]:
        return (self.batch, self.k)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self.batch, self.k = state


_WORKER: list[Any] = []


def init_worker(
    rules: Any, cleaner: Callable[..., Any], clean: bool, sign: bool, keep_raw: bool = True
) -> None:
    """Pool initializer: the settings of every batch of this worker."""
    _WORKER[:] = [rules, cleaner, clean, sign, keep_raw]


def pool_batch(items: list[Item]) -> list[tuple[dict[str, Any] | None, Any]]:
    """:func:`work_batch` with the settings handed to this worker by :func:`init_worker`."""
    return work_batch(items, *_WORKER)


def _jobs(
    events: Iterator[Event], queue: deque[tuple[list[Event], Any]], first: int = 0
) -> Iterator[list[Item]]:
    """Batches of items (files to read, raw texts); each batch's events (and a trailing error)
    go to ``queue``. The first batch closes at ``first`` items when that is given (> 0).

    An error raised by the event stream is queued behind the documents read
    before it, so those are still cleaned and given out before it is raised.
    """
    batch: list[Event] = []
    items: list[Item] = []
    size = 0
    most = first if first > 0 else BATCH_DOCS
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
        if ev[0] == "file":
            items.append(ev[1])
            size += ev[1].entry.size
        elif ev[0] == "doc":
            raw = ev[1]["raw_text"]
            items.append((raw, ev[1].get("format") == "html"))
            size += len(raw) if isinstance(raw, str) else 0
        else:
            continue
        if len(items) >= most or size >= BATCH_CHARS:
            queue.append((batch, None))
            yield items
            batch, items, size, most = [], [], 0, BATCH_DOCS
    if batch:
        queue.append((batch, None))
        yield items


def _emit(
    entry: tuple[list[Event], Any],
    results: list[tuple[dict[str, Any] | None, Any]],
    complete: Callable[..., Any],
    join: Callable[[dict[str, Any]], dict[str, Any]],
) -> Iterator[Event]:
    """The events of one batch in order: each document joined (ids, sidecar), then
    completed with its cleaning result; a file that could not be read is a skip."""
    batch, err = entry
    k = 0
    for ev in batch:
        if ev[0] != "doc" and ev[0] != "file":
            yield ev
            continue
        read, res = results[k]
        k += 1
        if isinstance(res, Unread):
            if res.error is not None:
                raise res.error
            yield "skip", ev[1].entry.rel, res.reason
            continue
        yield from _finish(ev[1] if read is None else read, res, complete, join)
    if err is not None:
        raise err


def _finish(
    row: dict[str, Any], res: Any, complete: Callable[..., Any], join: Callable[..., Any]
) -> Iterator[Event]:
    """One read document: joined, then completed (a failure is a skip, a deliberate error raised)."""
    try:
        row = join(row)  # joined even when the cleaning failed: its id and sidecar rows are taken
    except CorpusToolsError:
        raise
    except Exception as exc:  # one document's failure never stops the others
        yield "skip", row.get("source"), crash_reason(exc)
        return
    if isinstance(res, Failed):
        if res.error is not None:
            raise res.error
        yield "skip", row.get("source"), res.reason
        return
    try:
        row, log_rows = complete(row, res[0], res[1])
        if len(res) > 2:
            row[SIGNED_KEY] = res[2]
            row[TEMPLATE_KEYS] = res[3]
    except CorpusToolsError:
        raise
    except Exception as exc:  # one document's failure never stops the others
        yield "skip", row.get("source"), crash_reason(exc)
        return
    yield "doc", row, log_rows


def _no_join(row: dict[str, Any]) -> dict[str, Any]:
    return row


def cleaned(
    events: Iterator[Event],
    *,
    clean: bool,
    rules: Any,
    n_jobs: int | None,
    complete: Callable[..., Any],
    join: Callable[[dict[str, Any]], dict[str, Any]] = _no_join,
    cleaner: Callable[..., Any] = clean_text,
    sign: bool = False,
    expected: int = 0,
    keep_raw: bool = True,
) -> Iterator[Event]:
    """``events`` with every file read and every document cleaned.

    ``("file", ReadJob, None)`` and ``("doc", row, None)`` events come out as
    ``("doc", row, log_rows)`` = ``complete(join(row), text, log_rows)`` (or a
    ``("skip", path, reason)``); other events pass through in place.
    ``n_jobs``: see the module docstring (reading, cleaning and signing run in
    the pool; ``join`` and ``complete`` here, in order). With ``sign``, each row
    carries its text's duplicate signature under ``SIGNED_KEY`` and its raw
    text's template keys under ``TEMPLATE_KEYS``. ``expected``: the documents
    known to follow (files of a folder, rows of a DataFrame); with ``n_jobs=None``
    and at least ``INLINE_DOCS`` of them, the pool starts after the first batch.
    Without ``keep_raw``, rows read from files come back with ``raw_text`` None.
    """
    workers = auto_jobs() if n_jobs is None else check_n_jobs(n_jobs)
    inline = INLINE_DOCS if n_jobs is None and expected < INLINE_DOCS else 1
    queue: deque[tuple[list[Event], Any]] = deque()
    # a pool right after the first batch, with more than a batch to follow: that batch
    # only warms this process (WARM_DOCS); fewer documents stay one batch here, no pool
    warm = workers > 1 and inline == 1 and expected > BATCH_DOCS
    jobs = _jobs(iter(events), queue, WARM_DOCS if warm else 0)
    done = 0
    # the batch cleaned here just before a pool starts is given out while the workers
    # clean their first batches (its joins read the metadata file: _Joiner), not before
    held: tuple[tuple[list[Event], Any], Any] | None = None
    for items in jobs:
        if workers > 1 and done >= inline:
            rest = itertools.chain([items], jobs)
            break
        results = work_batch(items, rules, cleaner, clean, sign, keep_raw)
        held = (queue.popleft(), results)
        done += len(items)
        if workers == 1 or done < inline:  # no pool next: out now, as it always was
            yield from _emit(*held, complete, join)
            held = None
    else:
        if held is not None:
            yield from _emit(*held, complete, join)
        return
    rs = (
        as_rules(rules) if clean else rules
    )  # resolved (and cached) here, handed once to every worker
    early = _Early(held, complete, join)
    for results in ordered_map(
        pool_batch,
        rest,
        workers,
        initializer=init_worker,
        initargs=(rs, cleaner, clean, sign, keep_raw),
        collect=False,  # as in this process (load_corpus runs under paused_gc)
        keep=True,  # the workers' freed heap kept for their next batch (_parallel.keep_heap)
        started=early,
    ):
        yield from early.given()
        yield from _emit(queue.popleft(), results, complete, join)
    yield from early.given()


class _Early:
    """The events of the batch cleaned before a pool, made (joined, completed) while the
    pool's workers clean their first batches (``ordered_map(started=...)``) and given out
    before the pool's own; an error raised meanwhile is raised after the events before it."""

    def __init__(
        self,
        held: tuple[tuple[list[Event], Any], Any] | None,
        complete: Callable[..., Any],
        join: Callable[..., Any],
    ) -> None:
        self.held, self.complete, self.join = held, complete, join
        self.events: list[Event] = []
        self.error: BaseException | None = None

    def __call__(self) -> None:
        held, self.held = self.held, None
        if held is None:
            return
        try:
            for ev in _emit(held[0], held[1], self.complete, self.join):
                self.events.append(ev)
        except BaseException as exc:  # raised by given(), in the order of the events
            self.error = exc

    def given(self) -> Iterator[Event]:
        """The events made so far (each once), then the error raised while making them."""
        self()  # (made here when the pool never called it)
        events, self.events = self.events, []
        yield from events
        error, self.error = self.error, None
        if error is not None:
            raise error
