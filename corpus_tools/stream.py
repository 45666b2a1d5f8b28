"""Bounded-memory counts over corpora too large for one DataFrame.

The streaming path reads documents one at a time (:func:`corpus_tools.iter_documents`),
cleans and tokenizes them in batches with the same per-document functions as
the in-memory path (:func:`corpus_tools.clean_text`, :func:`corpus_tools.tokenize.token_batch`,
the actor matcher), and keeps only running totals: term counts per group,
actor mention counts and co-occurrence counts. Memory grows with the
vocabulary and the number of actor pairs, not with the number of documents.

``n_jobs=2`` (or more) sends batches of raw documents to a process pool;
batches are merged in input order, so the result is identical to
``n_jobs=1``.

Every table here equals its in-memory counterpart:

* :func:`stream_counts` ``.term_table()`` == ``term_frequencies(corpus, by)``
  (``mean_doc_rate_per_10k`` equal to floating-point rounding),
* :func:`keyness_from_counts` == ``keyness(corpus, by)`` without the
  ``evidence`` column,
* ``.mentions`` == ``actor_counts``-style counts of ``actor_mentions(corpus)``,
* ``.cooccurrence`` == ``cooccurrence(corpus, window="sentence")`` with the
  first ``n_evidence`` windows in ``evidence_docs``,

except where :func:`corpus_tools.load_corpus` decides from the whole corpus:
outlet names written two ways are merged into one group there and kept apart
here (:func:`stream_counts` names them in a warning).

Lines an outlet prints on many of its pages (its template, learned by
``load_corpus`` from the whole corpus) are learned the same way before counting:
when ``clean=True`` the source is read once more first, counting per outlet the
documents that hold each line, folded, casefolded and without whitespace
(:func:`squeezed_lines`, C-level string operations on the whole text; 16 bytes
per distinct line and group): a bound on the documents of every template key.
Only when a line reaches the template threshold there is the source read again,
to count the exact keys of those lines alone, so the learned lines are the
loader's. Each document is then cleaned as the loader cleans it, with its
outlet's lines. 2,000 Reuters-21578 files: 243,727 tokens either way (248,567
without the template, the "Reuter" sign-off).
``load_rules(disable_categories=["template"])`` turns learning off in both; a
table given as ``load_rules(templates=...)`` is used in both.

References
----------
docs/methods.md, section "Frequencies and keyness".
"""

from __future__ import annotations

import gc
import math
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from hashlib import blake2b
from itertools import chain, count, islice
from time import process_time
from typing import Any

import numpy as np
import pandas as pd

from ._parallel import check_n_jobs, ordered_map, release_memory
from ._tables import sorted_unique
from .corpus import Corpus, group_label
from .counts import (
    FREQ_COLUMNS,
    ChunkTerms,
    GroupTermCounts,
    TermTable,
    batch_chunks,
    chunk_counts,
    object_array,
    transient_arrow,
)
from .errors import CorpusValueError
from .io.outlets import bare_hosts
from .io.wires import agency_of, dateline_credit, source_key
from .templates import TemplateSettings, group_key, has_template_line, template_keys
from .tokenize import fold, sentence_batch

__all__ = [
    "StreamCounts",
    "count_documents",
    "stream_counts",
    "keyness_from_counts",
    "iter_batches",
]

_MAX_GROUPS = 10_000
_GBITS = 20  # group id bits in a cell key: up to 1,048,576 groups
_GMASK = (1 << _GBITS) - 1
_COMPACT_MIN = 1_000_000  # held cells before the first compaction
_TRIM_EVERY = 10  # batches merged between two returns of freed memory to the system
_DOC_UNIT = float(2**32)  # one document in the summed count + documents of a cell
_DOC_LIMIT = 2**20  # documents in a batch below which such a sum stays under 2**53
_DENSE = 4  # term x group position table entries per compacted cell, at most
#: batches in one item of work sent to a worker: the actor matcher is called once for
#: them all (~30 ms a call besides its texts: 1,000 generated documents 0.42 CPU ms each,
#: 2,000 0.40, 4,000 0.39), terms and sentences a batch at a time (the same numbers). 2
#: saved 0.00-0.02 ms/doc of the matcher but held +200 MB (main and workers resident, 30,000
#: documents: items in flight and the second batch's texts): 1, for the 1M stream's 2 GB
_UNITS = 1


def _add_into(dst: dict[Any, Any], src: dict[Any, Any]) -> None:
    for k, v in src.items():
        dst[k] = dst.get(k, 0) + v


def _add_pairs(dst: dict[Any, list[int]], src: dict[Any, list[int]]) -> None:
    """``dst[k] += src[k]`` for ``[count, n_docs]`` values (a copy for a new key)."""
    for k, v in src.items():
        _bump(dst, k, v[0], v[1])


def _cell_keys(term_ids: np.ndarray, group_ids: np.ndarray) -> np.ndarray:
    """``term << bits | group`` for each cell; an error naming the limit past it."""
    if int(group_ids.max()) > _GMASK:
        raise CorpusValueError(
            f"more than {_GMASK + 1} groups in the 'by' column; streaming counts are meant "
            "for a few groups (outlet, year, label)."
        )
    return (term_ids.astype(np.int64) << _GBITS) | group_ids.astype(np.int64)


def _name_ranks(names: list[str]) -> np.ndarray:
    """Each name's rank in sorted order (names are distinct): what a sort of a column
    of these names orders by."""
    ranks = np.empty(len(names), dtype=np.int64)
    ranks[sorted(range(len(names)), key=names.__getitem__)] = np.arange(len(names))
    return ranks


# --------------------------------------------------------------------------
# partial counts (picklable, mergeable in input order)
# --------------------------------------------------------------------------
@dataclass
class StreamCounts:
    """Running totals of a streamed corpus; merge partial results with :meth:`merge`.

    Attributes
    ----------
    n_docs : int
        Documents seen.
    group_docs, group_tokens : dict
        Documents and word tokens per group.
    term_index, group_index : dict
        Term and group strings -> integer ids (first-appearance order).
    n_cells : int
        Non-zero ``(group, term)`` cells (a property). Cells are kept as
        sorted sparse arrays (id key, count, documents, sum of per-document
        rates per 10k): about 32 bytes per cell.
    mentions : dict
        ``(group, actor, type) -> [count, n_docs]`` (``type``: the mention's, so a
        country's demonym mentions are a row of their own).
    actor_docs : dict
        ``(group, actor) -> [count, n_docs]`` over every type but ``location``: an
        actor's documents, each counted once (:meth:`actor_table`).
    c_single, c_pair : dict
        Sentence windows containing an actor / a pair (``actor_a < actor_b``).
    evidence : dict
        ``(actor_a, actor_b) ->`` first windows as ``"doc_id:sent_id:start-end"``.
    n_windows : int
        Sentences seen (co-occurrence windows).
    cpu : dict
        CPU seconds per stage (``clean``, ``terms``, ``sentences``, ``matcher``,
        ``mention counts`` in the process that counted each batch; ``merge`` in
        the main process), summed over batches: where a stream's time goes.
    """

    n_docs: int = 0
    group_docs: dict[str, int] = field(default_factory=dict)
    group_tokens: dict[str, int] = field(default_factory=dict)
    term_index: dict[str, int] = field(default_factory=dict)
    group_index: dict[str, int] = field(default_factory=dict)
    _keys: list[np.ndarray] = field(default_factory=list, repr=False)
    _vals: list[np.ndarray] = field(default_factory=list, repr=False)
    _n_pending: int = field(default=0, repr=False)
    _n_compact: int = field(default=0, repr=False)
    _sorted: bool = field(default=False, repr=False)  # _keys == [sorted unique keys]
    #: the held blocks are the cells of consecutive batches (one cell per key in each),
    #: counted in one call (:func:`_add_term_cells` with ``unit``): merged one by one
    _units: bool = field(default=False, repr=False)
    #: (term id, group id) -> position in ``_keys[0]`` (-1: none) while the compacted cells
    #: are dense enough (few groups): see :meth:`_positions`
    _pos: np.ndarray | None = field(default=None, repr=False, compare=False)
    mentions: dict[tuple[str, str, str], list[int]] = field(default_factory=dict)
    actor_docs: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    c_single: dict[str, int] = field(default_factory=dict)
    c_pair: dict[tuple[str, str], int] = field(default_factory=dict)
    evidence: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    n_windows: int = 0
    n_evidence: int = 3
    cpu: dict[str, float] = field(default_factory=dict, compare=False, repr=False)
    #: ``(source, agency or "") -> documents`` among the documents without an outlet (when
    #: counted by outlet): the dateline credits that may name a source's outlet
    #: (:func:`wire_outlets`, as ``load_corpus`` names it)
    credits: dict[tuple[str, str], int] = field(default_factory=dict, repr=False)
    # a batch counted with a vocabulary kept across batches (one per worker process):
    # term_index then holds only the terms new since that worker's previous batch,
    # whose ids there start at _vocab_base; _tmaps maps each such vocabulary to ours
    _vocab_owner: str = field(default="", repr=False)
    _vocab_base: int = field(default=0, repr=False)
    _tmaps: dict[str, np.ndarray] = field(default_factory=dict, repr=False)

    def __eq__(self, other: object) -> bool:
        """Equal counts: documents, groups, term cells, mentions, windows, pairs and evidence.

        Term cells are compared by their group and term strings (ids depend on
        the order terms were first seen), values exactly; ``cpu`` is left out.
        Meant for results of :func:`stream_counts` and :func:`count_documents`.

        >>> docs = [{"doc_id": "a", "outlet": "X", "text": "Russia and China met."}]
        >>> count_documents(docs) == count_documents(docs), count_documents(docs) == 3
        (True, False)
        """
        if not isinstance(other, StreamCounts):
            return NotImplemented
        fields = ["n_docs", "group_docs", "group_tokens", "mentions", "actor_docs"]
        fields += ["c_single", "c_pair"]
        fields += ["evidence", "n_windows", "n_evidence"]
        if any(getattr(self, f) != getattr(other, f) for f in fields):
            return False
        return bool(self.term_table().equals(other.term_table()))

    __hash__ = None  # type: ignore[assignment]  # mutable running totals

    def _term_map(self, other: StreamCounts) -> np.ndarray:
        """``other``'s term ids -> ours (new terms are added in ``other``'s order)."""
        new = np.fromiter(
            (self.term_index.setdefault(t, len(self.term_index)) for t in other.term_index),
            dtype=np.int64,
            count=len(other.term_index),
        )
        if not other._vocab_owner:
            return new
        prev = self._tmaps.get(other._vocab_owner, np.empty(0, dtype=np.int64))
        if len(prev) != other._vocab_base:  # pragma: no cover - batches merged out of order
            raise RuntimeError("streamed batches of one worker must be merged in order")
        tmap = self._tmaps[other._vocab_owner] = np.concatenate([prev, new])
        return tmap

    def merge(self, other: StreamCounts) -> StreamCounts:
        """Add ``other`` (the counts of *later* documents) into ``self``; return ``self``."""
        self.n_docs += other.n_docs
        _add_into(self.group_docs, other.group_docs)
        _add_into(self.group_tokens, other.group_tokens)
        _add_into(self.c_single, other.c_single)
        _add_into(self.c_pair, other.c_pair)
        tmap = self._term_map(other)
        if other._keys:
            gmap = np.array(
                [self.group_index.setdefault(g, len(self.group_index)) for g in other.group_index],
                dtype=np.int64,
            )
            # each batch's cells in turn, as if its batches came one by one (the same sums)
            blocks = zip(other._keys, other._vals, strict=True) if other._units else None
            for okey, ovals in blocks or [other._cells()]:
                self._merge_cells(tmap[okey >> _GBITS], gmap[okey & _GMASK], ovals)
        _add_pairs(self.mentions, other.mentions)
        _add_pairs(self.actor_docs, other.actor_docs)
        for ek, ev in other.evidence.items():
            ecur = self.evidence.setdefault(ek, [])
            if len(ecur) < self.n_evidence:
                ecur.extend(ev[: self.n_evidence - len(ecur)])
        self.n_windows += other.n_windows
        _add_into(self.cpu, other.cpu)
        _add_into(self.credits, other.credits)
        if len(self.group_docs) > _MAX_GROUPS:
            raise CorpusValueError(
                f"more than {_MAX_GROUPS} groups in the 'by' column; streaming counts are "
                "meant for a few groups (outlet, year). Use the in-memory functions for "
                "per-document tables."
            )
        return self

    # ------------------------------------------------------------ term cells
    def _add_cells(self, term_ids: np.ndarray, group_ids: np.ndarray, vals: np.ndarray) -> None:
        """Append cells (``vals``: rows of count, n_docs, rate sum); compact now and then."""
        if len(term_ids) == 0:
            return
        self._sorted = False  # these cells may repeat compacted ones
        self._append(_cell_keys(term_ids, group_ids), vals)

    def _append(self, keys: np.ndarray, vals: np.ndarray) -> None:
        """Hold cells for the next compaction; compact now and then."""
        self._keys.append(keys)
        self._vals.append(np.asarray(vals, dtype=np.float64).reshape(-1, 3))
        self._n_pending += len(keys)
        if not self._units and self._n_pending > max(_COMPACT_MIN, 2 * self._n_compact):
            self._compact()

    def _merge_cells(self, term_ids: np.ndarray, group_ids: np.ndarray, vals: np.ndarray) -> None:
        """Add a batch's cells (one per key): known cells in place, new ones held apart.

        Once the cells are compacted (``_keys[0]`` sorted and unique, and every
        held block free of its keys: ``_sorted``), a cell already there is added
        where it is (in order of arrival, as a compaction sums it) and only the
        batch's new cells are held. So the held cells grow with new (group,
        term) pairs, not with batches, and compactions (a sort of every cell)
        become rare: less CPU and no peak of memory in the main process.
        """
        if len(term_ids) == 0:
            return
        keys = _cell_keys(term_ids, group_ids)
        if not (self._keys and self._sorted):
            self._sorted = False
            self._append(keys, vals)
            if len(self._keys) == 1:
                self._compact()  # the first batch: sorted now, later batches add in place
            return
        found, pos = self._lookup(keys, term_ids, group_ids)
        at, add = pos[found], vals[found]
        for j in range(3):  # a column at a time: 2-3x faster than adding rows of the 2-D array
            col = self._vals[0][:, j]
            col[at] += add[:, j]  # the batch's keys are distinct: one add per cell
        if not found.all():
            new = ~found
            self._append(keys[new], vals[new])

    def _lookup(
        self, keys: np.ndarray, term_ids: np.ndarray, group_ids: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """``(found, position)`` of each key among the compacted cells ``_keys[0]``."""
        table = self._positions()
        if table is not None:
            pos = np.full(len(keys), -1, dtype=np.int64)
            inside = (term_ids < table.shape[0]) & (group_ids < table.shape[1])
            pos[inside] = table[term_ids[inside], group_ids[inside]]
            return pos >= 0, pos
        base = self._keys[0]
        # looked up in key order: each search starts near the last (5x faster than in
        # the batch's order on a few million cells: no cache miss per step)
        order = np.argsort(keys)
        pos = np.empty_like(order)
        pos[order] = np.searchsorted(base, keys[order])
        found = pos < len(base)
        found[found] = base[pos[found]] == keys[found]
        return found, pos

    def _positions(self) -> np.ndarray | None:
        """A term x group table of each compacted cell's position (-1: no cell), made
        once per compaction, when it holds at most ``_DENSE`` entries per cell (a few
        groups: a stream by outlet of a generated or single-site corpus, by year).

        A batch's cells are then found by one gather instead of a sort of the batch and
        a binary search of every cell (1,000 generated documents, 8 groups, 160,000
        cells: the merge's lookups ~5x faster); the same positions, so the same sums.
        """
        if self._pos is None:
            base = self._keys[0]
            tid, gid = base >> _GBITS, base & _GMASK
            shape = (int(tid.max()) + 1, int(gid.max()) + 1) if len(base) else (0, 0)
            if shape[0] * shape[1] > _DENSE * len(base):
                self._pos = np.empty((0, 0), dtype=np.int32)  # sparse: binary search
            else:
                self._pos = np.full(shape, -1, dtype=np.int32 if len(base) < 2**31 else np.int64)
                self._pos[tid, gid] = np.arange(len(base))
        return self._pos if self._pos.size else None

    def _compact(self) -> None:
        """Sum equal cells (in order of arrival, so float sums are reproducible)."""
        if len(self._keys) == 1 and self._n_pending == self._n_compact:
            return
        keys = np.concatenate(self._keys)
        vals = np.concatenate(self._vals)
        ukeys, inv = np.unique(keys, return_inverse=True)
        out = np.empty((len(ukeys), 3), dtype=np.float64)
        for j in range(3):
            out[:, j] = np.bincount(inv, weights=vals[:, j], minlength=len(ukeys))
        self._keys, self._vals = [ukeys], [out]
        self._n_pending = self._n_compact = len(ukeys)
        self._sorted = True
        self._units = False  # one block now
        self._pos = None  # positions changed: made again when looked up

    @property
    def n_cells(self) -> int:
        """Number of non-zero ``(group, term)`` cells."""
        if not self._keys:
            return 0
        self._compact()
        return len(self._keys[0])

    # ------------------------------------------------------------------ tables
    def term_table(self, min_count: int = 1) -> pd.DataFrame:
        """The :func:`corpus_tools.term_frequencies` table (same columns and order).

        The row order (group, count descending, term) is found on integer ranks
        first and each column is built once in that order: no intermediate table
        and no sort of string columns (1.84 M cells of 100,000 generated documents:
        +154 MB over the counts instead of +476 MB, 0.9 CPU s instead of 2.8).
        """
        if not self._keys:
            return pd.DataFrame({c: pd.Series(dtype=object) for c in FREQ_COLUMNS})
        self._compact()
        key, vals = self._keys[0], self._vals[0]
        cnt = vals[:, 0].astype("int64")
        if min_count > 1:
            keep = cnt >= min_count
            key, vals, cnt = key[keep], vals[keep], cnt[keep]
        gid, tid = key & _GMASK, key >> _GBITS
        gnames, tnames = list(self.group_index), list(self.term_index)
        order = np.lexsort((_name_ranks(tnames)[tid], -cnt, _name_ranks(gnames)[gid]))
        gid, tid, cnt = gid[order], tid[order], cnt[order]
        n_docs_group = np.array([self.group_docs[g] for g in gnames], dtype=np.int64)[gid]
        n_tokens_group = np.array([self.group_tokens[g] for g in gnames], dtype=np.int64)[gid]
        columns = {
            "group": pd.Series(object_array(gnames)[gid], dtype=object),
            "term": pd.Series(object_array(tnames)[tid], dtype=object),
            "count": cnt,
            "rate_per_10k": 10000.0 * cnt / np.maximum(n_tokens_group, 1),
            "n_docs": vals[order, 1].astype("int64"),
            "n_docs_group": n_docs_group,
            "n_tokens_group": n_tokens_group,
            "mean_doc_rate_per_10k": vals[order, 2] / n_docs_group,
        }
        del gid, tid, order
        # the columns as they are (fresh arrays): no copy into one block
        return pd.DataFrame(columns, columns=FREQ_COLUMNS, copy=False)

    def group_counts(self) -> GroupTermCounts:
        """Term counts per group (groups sorted), as :func:`corpus_tools.keyness` uses them."""
        import scipy.sparse as sp

        groups = sorted(self.group_docs)
        pos = {g: k for k, g in enumerate(groups)}
        terms = np.array(list(self.term_index) + [""], dtype=object)[:-1]
        gmap = np.array([pos[g] for g in self.group_index], dtype=np.int64)
        key, vals = self._cells()
        rows = gmap[key & _GMASK] if len(key) else np.empty(0, dtype=np.int64)
        cols = key >> _GBITS
        shape = (len(groups), len(terms))
        return GroupTermCounts(
            groups=groups,
            terms=terms,
            counts=sp.csr_matrix((vals[:, 0].astype(np.int64), (rows, cols)), shape=shape),
            docs=sp.csr_matrix((vals[:, 1].astype(np.int64), (rows, cols)), shape=shape),
            group_tokens=np.array([self.group_tokens[g] for g in groups], dtype=np.int64),
            group_docs=np.array([self.group_docs[g] for g in groups], dtype=np.int64),
        )

    def _cells(self) -> tuple[np.ndarray, np.ndarray]:
        """The compacted cells: keys (term << bits | group) and value rows."""
        if not self._keys:
            return np.empty(0, dtype=np.int64), np.empty((0, 3), dtype=np.float64)
        self._compact()
        return self._keys[0], self._vals[0]

    def mention_table(self) -> pd.DataFrame:
        """``group, actor, type, count, n_docs``: actor mentions per group (sorted)."""
        rows = [(g, a, t, c, n) for (g, a, t), (c, n) in self.mentions.items()]
        df = pd.DataFrame(rows, columns=["group", "actor", "type", "count", "n_docs"])
        for c in ("group", "actor", "type"):
            df[c] = df[c].astype(object)
        for c in ("count", "n_docs"):
            df[c] = df[c].astype("int64")
        return df.sort_values(
            ["group", "count", "actor", "type"],
            ascending=[True, False, True, True],
            kind="mergesort",
        ).reset_index(drop=True)

    def actor_table(self) -> pd.DataFrame:
        """The :func:`corpus_tools.actor_counts` table by group: ``group, actor, type,
        n_mentions, n_docs`` (same columns, values and order as in memory).

        ``type`` is the actor's own type: its most frequent mention type other than
        ``demonym`` over the whole stream (ties: alphabetical), ``demonym`` when it has
        no other; a demonym counts for its country and ``location`` rows are left out,
        as in memory. ``n_docs`` counts each document once, whatever names it used.

        >>> docs = [{"doc_id": "a", "outlet": "X", "text": "Russian envoys left Russia."}]
        >>> count_documents(docs).actor_table().values.tolist()
        [['X', 'Russia', 'country', 2, 1]]
        """
        own: dict[str, dict[str, int]] = {}
        for (_, actor, typ), (c, _) in self.mentions.items():
            if typ not in ("demonym", "location"):
                tally = own.setdefault(actor, {})
                tally[typ] = tally.get(typ, 0) + c
        rows = [
            (
                g,
                a,
                min(own[a].items(), key=lambda tc: (-tc[1], tc[0]))[0] if a in own else "demonym",
            )
            + (c, n)
            for (g, a), (c, n) in self.actor_docs.items()
        ]
        df = pd.DataFrame(rows, columns=["group", "actor", "type", "n_mentions", "n_docs"])
        for col in ("group", "actor", "type"):
            df[col] = df[col].astype(str)  # as actor_counts' columns
        for col in ("n_mentions", "n_docs"):
            df[col] = df[col].astype("int64")
        return df.sort_values(
            ["group", "n_mentions", "actor"], ascending=[True, False, True], kind="mergesort"
        ).reset_index(drop=True)

    def cooccurrence_table(self, measure: str = "npmi", min_count: int = 2) -> pd.DataFrame:
        """The :func:`corpus_tools.cooccurrence` table for sentence windows.

        ``evidence_docs`` holds the first ``n_evidence`` windows only.
        """
        from .cooccur import association, check_options, sort_pairs

        check_options("sentence", measure, min_count)
        rows = [
            (a, b, c, self.c_single[a], self.c_single[b], self.n_windows)
            for (a, b), c in self.c_pair.items()
            if c >= min_count
        ]
        df = pd.DataFrame(rows, columns=["actor_a", "actor_b", "count", "c_a", "c_b", "n_windows"])
        if df.empty:
            df["score"] = pd.Series(dtype=float)
        else:
            df["score"] = np.asarray(
                association(df["count"], df["c_a"], df["c_b"], df["n_windows"], measure),
                dtype=float,
            )
        df["measure"] = measure
        df["evidence_docs"] = [
            self.evidence.get((a, b), [])
            for a, b in zip(df["actor_a"], df["actor_b"], strict=False)
        ]
        return sort_pairs(df, [])


# --------------------------------------------------------------------------
# per-batch work (pure: documents in, counts out)
# --------------------------------------------------------------------------
class _Vocab:
    """Counting state kept across the batches of one stream in one process.

    The chunk and token caches (:class:`corpus_tools.counts.ChunkTerms`)
    and the term ids live as long as the stream, so a batch pays only for
    the chunks and terms it is the first to see, and sends only its new
    terms to the main process.
    """

    def __init__(self, owner: str = "") -> None:
        self.owner = owner
        self.table = TermTable(stopwords=True)
        self.chunks = ChunkTerms(self.table)
        self.sent = 0  # terms already reported
        self.batches = 0  # batches counted


_STREAM_VOCAB: list[_Vocab] = []  # this process's vocabulary for the current stream
_RUNS = count()


def _stream_vocab(run: str) -> _Vocab:
    """This process's vocabulary for stream ``run`` (a new one for a new run or process)."""
    owner = f"{run}:{os.getpid()}"
    if not _STREAM_VOCAB or _STREAM_VOCAB[0].owner != owner:
        _STREAM_VOCAB[:] = [_Vocab(owner)]
    return _STREAM_VOCAB[0]


def _add_term_cells(
    out: StreamCounts,
    texts: list[str],
    groups: list[str],
    vocab: _Vocab,
    unit: int | None = None,
) -> None:
    """Count a batch's terms; add its (group, term) cells (count, documents, rate sum).

    The document x term counts are summed into groups here, in the batch's
    process (three sparse products with the group x document indicator, each
    cell summed in document order), so the main process receives one cell per
    (group, term) of the batch instead of one per (document, term).

    With ``unit``, the texts are counted ``unit`` at a time, a block of cells each
    (``out._units``): the main process adds the blocks in turn, as the cells of
    batches of ``unit`` documents, so the sums are those of such batches.
    """
    gcodes, guniq = pd.factorize(np.asarray(groups, dtype=object), sort=False)
    out.group_index = {g: i for i, g in enumerate(guniq.tolist())}
    out._units = unit is not None and unit < len(texts)
    size = unit if unit is not None and out._units else max(len(texts), 1)
    for at in range(0, len(texts), size):
        n_words = _unit_cells(out, texts[at : at + size], gcodes[at : at + size], vocab)
        for g, n in zip(groups[at : at + size], n_words.tolist(), strict=True):
            out.group_docs[g] = out.group_docs.get(g, 0) + 1
            out.group_tokens[g] = out.group_tokens.get(g, 0) + int(n)
    terms = vocab.table.terms
    out.term_index = {t: vocab.sent + i for i, t in enumerate(terms[vocab.sent :])}
    out._vocab_owner, out._vocab_base = vocab.owner, vocab.sent
    vocab.sent = len(terms)
    out._n_compact = out._n_pending  # one cell per (group, term) already (in each block)


#: texts split into sentences in one call (:func:`_sentences`): the same rows in smaller
#: pieces, faster and a worker's peak memory that of 250 texts' sentences, not 1,000's (50k
#: streamed, two runs: sentences 0.18 -> 0.14 CPU ms/doc, largest worker 407 -> 365 MB
#: with terms in pieces too; terms stay whole: in pieces 0.28 -> 0.32, every piece looks up
#: its common chunks again)
_SENTENCE_UNIT = 250


def _unit_cells(out: StreamCounts, texts: list[str], gcodes: np.ndarray, vocab: _Vocab) -> Any:
    """Add one block of (group, term) cells for ``texts`` (``gcodes``: their group ids in
    ``out.group_index``); return each text's word count."""
    import scipy.sparse as sp

    mat, n_words = chunk_counts(batch_chunks(transient_arrow(texts)), vocab.chunks)
    if mat.nnz == 0:
        return n_words
    # chunk_counts' product has one entry per (document, term), columns unsorted within a
    # row: no sort is needed, each group x term product adds the documents up in their order
    mat = sp.csr_matrix(mat, dtype=np.float64)
    kd = np.repeat(np.arange(mat.shape[0]), np.diff(mat.indptr))
    ind = sp.csr_matrix(
        (np.ones(len(gcodes)), (gcodes, np.arange(len(gcodes)))),
        shape=(len(out.group_index), mat.shape[0]),
    )
    rates = sp.csr_matrix(
        (10000.0 * mat.data / np.maximum(n_words[kd], 1), mat.indices, mat.indptr), shape=mat.shape
    )
    if len(texts) < _DOC_LIMIT and float(mat.data.sum()) < _DOC_UNIT:
        # count and documents in one real part: each entry is its count + 2**32 (one
        # document), every partial sum an integer below 2**53, so both sums are exact, as
        # apart; the rates ride along as the imaginary part (times 1+0j: the same sums, in
        # the same order, as a product of their own), so one product instead of two
        both = sp.csr_matrix(
            ((mat.data + _DOC_UNIT) + 1j * rates.data, mat.indices, mat.indptr), shape=mat.shape
        )
        prods = [ind.astype(np.complex128) @ both]
        n_docs = np.floor(prods[0].data.real / _DOC_UNIT)
        sums = [prods[0].data.real - n_docs * _DOC_UNIT, n_docs, prods[0].data.imag]
    else:  # pragma: no cover - a batch of a million documents or 2**32 tokens
        ones = sp.csr_matrix((np.ones(len(mat.data)), mat.indices, mat.indptr), shape=mat.shape)
        prods = [ind @ m for m in (mat, ones, rates)]
        sums = [p.data for p in prods]
    # the products share one pattern in one order (same structure, all values > 0)
    cnt = prods[0]
    if any(  # pragma: no cover - defensive
        len(p.data) != len(cnt.data) or not np.array_equal(p.indices, cnt.indices) for p in prods
    ):
        raise RuntimeError("term cells of one batch disagree in shape")
    rows = np.repeat(np.arange(cnt.shape[0], dtype=np.int64), np.diff(cnt.indptr))
    out._add_cells(cnt.indices.astype(np.int64), rows, np.column_stack(sums))
    return n_words


def count_documents(
    docs: list[dict[str, Any]],
    *,
    by: str = "outlet",
    clean: bool = False,
    rules: Any = None,
    mentions: bool = True,
    gazetteer: Any = None,
    n_evidence: int = 3,
    templates: dict[str, frozenset[str]] | None = None,
    hosts: bool | None = None,
) -> StreamCounts:
    """Count terms, actor mentions and sentence co-occurrences in a batch of documents.

    Parameters
    ----------
    docs : list of dict
        Each with ``doc_id``, ``text`` (or ``raw_text`` when ``clean``) and
        the ``by`` column, labelled as :func:`corpus_tools.group_labels` does
        (missing -> ``"(missing)"``; ``published`` by ``date_precision``
        when the dict has it).
    by : str, default "outlet"
        Grouping field.
    clean : bool, default False
        Run :func:`corpus_tools.clean_text` on ``raw_text`` first.
    rules : optional
        Cleaning rules for :func:`corpus_tools.clean_text`.
    mentions : bool, default True
        Also count actor mentions and co-occurrences.
    gazetteer : optional
        Passed to the actor matcher (default: the shipped gazetteer).
    n_evidence : int, default 3
        Windows kept as evidence per actor pair.
    templates : dict, optional
        ``outlet -> line keys`` of the outlets' templates, removed when cleaning
        (:func:`template_sets` learns them from a source as ``load_corpus`` does).
    hosts : bool, optional
        Name an outlet written as a web host without its ``www.``
        (``www.newsmax.com`` -> ``newsmax.com``), as ``load_corpus`` does; default:
        when ``by="outlet"``. Pass False for the documents of a ``Corpus``.

    Returns
    -------
    StreamCounts

    Examples
    --------
    >>> c = count_documents([{"doc_id": "a", "outlet": "X", "text": "Russia and China met."}])
    >>> c.term_table()[["group", "term", "count"]].values.tolist()[:2]
    [['X', 'and', 1], ['X', 'china', 1]]
    >>> c.c_pair
    {('China', 'Russia'): 1}
    """
    if hosts is None:
        hosts = by == "outlet"
    return _count_batch(
        docs, _Vocab(), by, clean, rules, mentions, gazetteer, n_evidence, templates, hosts
    )


def _count_batch(
    docs: list[dict[str, Any]],
    vocab: _Vocab,
    by: str,
    clean: bool,
    rules: Any,
    mentions: bool,
    gazetteer: Any,
    n_evidence: int,
    templates: dict[str, frozenset[str]] | None = None,
    hosts: bool = False,
    wires: dict[str, str] | None = None,
    unit: int | None = None,
) -> StreamCounts:
    """:func:`count_documents` with a vocabulary; with ``unit``, terms and sentences are
    counted ``unit`` documents at a time (the actor matcher takes every text at once)."""
    out = StreamCounts(n_evidence=n_evidence)
    if not docs:
        return out
    t0 = process_time()
    if clean:
        texts = [_clean_doc(d, rules, templates or {}) for d in docs]
    else:
        texts = [str(d.get("text", "") or "") for d in docs]
    t1 = process_time()
    # the labels of corpus_tools.group_labels (a "published" date by its date_precision)
    prec = "date_precision" if by == "published" else None
    groups = [group_label(d.get(by), d.get(prec) if prec else None) for d in docs]
    if hosts:  # 'www.newsmax.com' -> 'newsmax.com', as load_corpus names the outlet
        bare = bare_hosts(dict.fromkeys(groups))
        if bare:
            groups = [bare.get(g, g) for g in groups]
        if _MISSING in groups:
            _wire_credits(out, docs, texts, groups, wires or {})
    out.n_docs = len(docs)
    _add_term_cells(out, texts, groups, vocab, unit)
    out.cpu = {"clean": t1 - t0, "terms": process_time() - t1}
    if mentions:
        _count_mentions(out, docs, texts, groups, gazetteer, unit)
    return out


_MISSING = group_label(None)


def _wire_credits(
    out: StreamCounts,
    docs: list[dict[str, Any]],
    texts: list[str],
    groups: list[str],
    wires: dict[str, str],
) -> None:
    """Count the dateline credits of the documents without an outlet per source into
    ``out.credits``; a document whose source ``wires`` names an agency its dateline
    credits gets that agency as its group (in place), as ``load_corpus`` names it."""
    for i, g in enumerate(groups):
        if g != _MISSING:
            continue
        source = source_key(docs[i].get("path"), docs[i].get("format"))
        found = dateline_credit(texts[i])
        name = found[0] if found is not None else ""
        out.credits[source, name] = out.credits.get((source, name), 0) + 1
        if name and wires.get(source) == name:
            groups[i] = name


def wire_outlets(counts: StreamCounts) -> dict[str, str]:
    """``source -> agency`` for the sources whose documents without an outlet credit one
    agency in their datelines (``counts.credits``), by the rule of
    :func:`corpus_tools.io.wires.name_wire_outlets` (:func:`corpus_tools.io.wires.agency_of`).

    >>> c = StreamCounts(credits={("a.csv", "Reuters"): 9, ("a.csv", ""): 1, ("b.csv", "AP"): 1,
    ...                           ("b.csv", ""): 3})
    >>> wire_outlets(c)
    {'a.csv': 'Reuters'}
    """
    per: dict[str, dict[str, int]] = {}
    for (source, name), n in counts.credits.items():
        per.setdefault(source, {})[name] = n
    out = {}
    for source, found in per.items():
        agency = agency_of({k: v for k, v in found.items() if k}, sum(found.values()))
        if agency is not None:
            out[source] = agency
    return out


def _count_mentions(
    out: StreamCounts,
    docs: list[dict[str, Any]],
    texts: list[str],
    groups: list[str],
    gazetteer: Any,
    unit: int | None = None,
) -> None:
    """Add each document's actor mentions (per group) and sentence co-occurrences to ``out``.

    The batch's sentences are split once, for all its texts together
    (:func:`corpus_tools.tokenize.sentence_batch`, the rows of ``split_sentences``):
    their number is the co-occurrence windows, their starts place each mention
    (as ``sent_id`` in :func:`corpus_tools.actor_mentions`), their spans are the
    evidence. The mentions of the whole batch are counted as arrays
    (:func:`_mention_cells`, :func:`_window_actors`); Python loops only over
    distinct (group, actor, type) cells and windows holding two actors or more.
    Sentences are split ``unit`` texts at a time, at most ``_SENTENCE_UNIT`` (the same
    rows: each text's rows are its own), the matcher still gets every text in one call (a call
    costs ~30 ms more than its texts: Arrow compiles its pattern each time).
    """
    from .actors import mention_entries_batch, resolve_gazetteer

    t0 = process_time()
    gaz = resolve_gazetteer(gazetteer)
    rows, n_sents = _sentences(texts, min(unit or _SENTENCE_UNIT, _SENTENCE_UNIT))
    t1 = process_time()
    founds = mention_entries_batch(texts, gaz, demonyms=True, locations=False)
    t2 = process_time()
    out.n_windows += int(n_sents.sum())
    m = _flat_mentions(founds, gaz, texts, rows, n_sents)
    if len(m["doc"]):
        _mention_cells(out, m, groups)
        _window_actors(out, m, [str(d["doc_id"]) for d in docs], rows, n_sents)
    out.cpu["sentences"] = t1 - t0
    out.cpu["matcher"] = t2 - t1
    out.cpu["mention counts"] = process_time() - t2


def _sentences(texts: list[str], unit: int | None) -> tuple[np.ndarray, np.ndarray]:
    """:func:`corpus_tools.tokenize.sentence_batch` of ``texts``, ``unit`` texts at a time."""
    if unit is None or unit >= len(texts):
        return sentence_batch(texts)
    parts = [sentence_batch(texts[at : at + unit]) for at in range(0, len(texts), unit)]
    return np.concatenate([r for r, _ in parts]), np.concatenate([n for _, n in parts])


def _actor_codes(gaz: Any) -> tuple[np.ndarray, list[str]]:
    """Each gazetteer entry's actor as a code in name order, and the names by code."""
    names = [e["name"] for e in gaz.entries]
    uniq = sorted(set(names))
    pos = {a: k for k, a in enumerate(uniq)}
    return np.array([pos[a] for a in names], dtype=np.int64), uniq


def _flat_mentions(
    founds: list[list[tuple[int, int, str]]],
    gaz: Any,
    texts: list[str],
    rows: np.ndarray,
    n_sents: np.ndarray,
) -> dict[str, Any]:
    """A batch's mentions as arrays: document, actor code, type code, local sentence id.

    The sentence of a mention is the last one starting at or before it
    (sentence 0 before the first), found for all mentions at once on the
    batch's texts laid end to end.
    """
    lens = np.fromiter(map(len, founds), dtype=np.int64, count=len(founds))
    doc = np.repeat(np.arange(len(founds), dtype=np.int64), lens)
    flat = list(chain.from_iterable(founds))
    codes, names = _actor_codes(gaz)
    if not flat:
        return {"doc": doc}
    n = len(flat)
    start = np.fromiter((x[0] for x in flat), dtype=np.int64, count=n)
    entry = np.fromiter((x[1] for x in flat), dtype=np.int64, count=n)
    typ = np.array([x[2] for x in flat] + [""], dtype=object)[:-1]
    tcode, types = pd.factorize(typ, sort=False)
    base = np.zeros(len(texts) + 1, dtype=np.int64)
    tl = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    np.cumsum(tl + 1, out=base[1:])  # one character between texts: no start is shared
    first = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(n_sents, out=first[1:])
    sent_doc = np.repeat(np.arange(len(texts), dtype=np.int64), n_sents)
    at = np.searchsorted(rows[:, 1] + base[sent_doc], start + base[doc], "right")
    sid = np.maximum(at - 1 - first[doc], 0)
    return {
        "doc": doc,
        "actor": codes[entry],
        "names": names,
        "typ": tcode.astype(np.int64),
        "types": list(types),
        "sid": sid,
        "first": first,
    }


def _mention_cells(out: StreamCounts, m: dict[str, Any], groups: list[str]) -> None:
    """``mentions[(group, actor, type)] += [mentions, documents]`` for a batch's mentions."""
    gcode, guniq = pd.factorize(np.asarray(groups + [""], dtype=object)[:-1], sort=False)
    n_a, n_t = len(m["names"]), len(m["types"])
    key = (gcode[m["doc"]].astype(np.int64) * n_a + m["actor"]) * n_t + m["typ"]
    names, types, glist = m["names"], m["types"], list(guniq)
    for k, c, n in _cells_with_docs(m["doc"], key):
        ga, t = divmod(k, n_t)
        g, a = divmod(ga, n_a)
        _bump(out.mentions, (glist[g], names[a], types[t]), c, n)
    _actor_cells(out, m, gcode, glist)


def _cells_with_docs(doc: np.ndarray, key: np.ndarray) -> Iterator[tuple[int, int, int]]:
    """``(cell, count, documents)`` for each distinct ``key``; documents are the distinct
    ``(document, cell)`` pairs."""
    ukey, cnt = np.unique(key, return_counts=True)
    span = int(ukey[-1]) + 1
    pair = sorted_unique(doc * span + key, in_place=True) % span
    n_docs = np.bincount(np.searchsorted(ukey, pair), minlength=len(ukey))
    return zip(ukey.tolist(), cnt.tolist(), n_docs.tolist(), strict=True)


def _bump(dst: dict[Any, list[int]], k: Any, count: int, n_docs: int) -> None:
    """``dst[k] += [count, n_docs]``."""
    cur = dst.get(k)
    if cur is None:
        dst[k] = [count, n_docs]
    else:
        cur[0] += count
        cur[1] += n_docs


def _actor_cells(out: StreamCounts, m: dict[str, Any], gcode: np.ndarray, glist: list) -> None:
    """``actor_docs[(group, actor)] += [mentions, documents]``, locations left out."""
    types = list(m["types"])
    keep = m["typ"] != types.index("location") if "location" in types else slice(None)
    doc, actor = m["doc"][keep], m["actor"][keep]
    if not len(doc):
        return
    n_a = len(m["names"])
    key = gcode[doc].astype(np.int64) * n_a + actor
    for k, c, n in _cells_with_docs(doc, key):
        g, a = divmod(k, n_a)
        _bump(out.actor_docs, (glist[g], m["names"][a]), c, n)


def _window_actors(
    out: StreamCounts, m: dict[str, Any], doc_ids: list[str], rows: np.ndarray, n_sents: np.ndarray
) -> None:
    """Count the actors of each sentence window and their pairs; keep the first windows as evidence.

    Windows are visited in document then sentence order and a window's actors
    in name order (codes are name ranks): the order of the counts' keys and
    of the evidence is that of a loop over documents.
    """
    keep = np.asarray(m["types"], dtype=object)[m["typ"]] != "location"
    doc, sid, act = m["doc"][keep], m["sid"][keep], m["actor"][keep]
    order = np.lexsort((act, sid, doc))
    doc, sid, act = doc[order], sid[order], act[order]
    fresh = np.ones(len(doc), dtype=bool)
    fresh[1:] = (doc[1:] != doc[:-1]) | (sid[1:] != sid[:-1]) | (act[1:] != act[:-1])
    doc, sid, act = doc[fresh], sid[fresh], act[fresh]
    names = m["names"]
    uact, first_at, n_win = np.unique(act, return_index=True, return_counts=True)
    for k in np.argsort(first_at, kind="stable").tolist():
        a = names[int(uact[k])]
        out.c_single[a] = out.c_single.get(a, 0) + int(n_win[k])
    new_win = np.ones(len(doc), dtype=bool)
    new_win[1:] = (doc[1:] != doc[:-1]) | (sid[1:] != sid[:-1])
    wstart = np.flatnonzero(new_win)
    wsize = np.diff(np.append(wstart, len(doc)))
    multi = np.flatnonzero(wsize > 1)
    lows = wstart[multi]
    wdoc, wsid = doc[lows], sid[lows]
    # the window's sentence span (0-0 for a document without sentences)
    has = wsid < n_sents[wdoc]
    row = np.where(has, m["first"][wdoc] + wsid, 0)
    wst = np.where(has, rows[row, 1] if len(rows) else 0, 0)
    wen = np.where(has, rows[row, 2] if len(rows) else 0, 0)
    # every pair of every window, in the order of a loop over windows and of
    # itertools.combinations within one (actors in name order: a < b)
    size = wsize[multi]
    first = np.repeat(lows, size) + _ranks(size)  # each actor of a window ...
    later = np.repeat(lows + size, size) - first - 1  # ... with each one after it
    pa_ = np.repeat(first, later)
    pb_ = pa_ + 1 + _ranks(later)
    pwin = np.repeat(np.repeat(np.arange(len(lows)), size), later)
    where = (doc_ids, wdoc.tolist(), wsid.tolist(), wst.tolist(), wen.tolist())
    _pair_counts(out, act[pa_], act[pb_], pwin, names, where)


def _ranks(sizes: np.ndarray) -> np.ndarray:
    """``0..k-1`` for each ``k`` in ``sizes``, laid end to end."""
    total = int(sizes.sum())
    return np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(sizes) - sizes, sizes)


def _pair_counts(
    out: StreamCounts,
    a: np.ndarray,
    b: np.ndarray,
    win: np.ndarray,
    names: list[str],
    where: tuple[list[str], list[int], list[int], list[int], list[int]],
) -> None:
    """``c_pair`` and ``evidence`` of a batch's pairs (``a < b`` actor codes, in window order).

    Keys are added in order of first appearance and each pair keeps its
    first ``n_evidence`` windows, as a loop over the pairs in turn does.
    """
    if not len(a):
        return
    code = a * len(names) + b
    ucode, first, cnt = np.unique(code, return_index=True, return_counts=True)
    order = np.argsort(code, kind="stable")  # occurrences of one pair together, in order
    rank = np.empty(len(code), dtype=np.int64)
    rank[order] = _ranks(cnt)
    shown = np.flatnonzero(rank < out.n_evidence)  # in window order
    doc_ids, wdoc, wsid, wst, wen = where
    keys = [(names[x // len(names)], names[x % len(names)]) for x in ucode.tolist()]
    ev: dict[int, list[str]] = {}
    for c, w in zip(code[shown].tolist(), win[shown].tolist(), strict=True):
        ev.setdefault(c, []).append(f"{doc_ids[wdoc[w]]}:{wsid[w]}:{wst[w]}-{wen[w]}")
    for k in np.argsort(first, kind="stable").tolist():
        key = keys[k]
        out.c_pair[key] = out.c_pair.get(key, 0) + int(cnt[k])
        evk = out.evidence.setdefault(key, [])
        evk.extend(ev.get(int(ucode[k]), [])[: max(out.n_evidence - len(evk), 0)])


# --------------------------------------------------------------------------
# outlet templates: learned in a first pass, as load_corpus learns them
# --------------------------------------------------------------------------
#: line digests held before they are summed into the counts: a compaction's sort holds
#: ~90 bytes per held digest for a moment (4,000,000: +368 MB in the main process, measured;
#: 500,000: +68 MB), and more frequent ones cost no more CPU (1.9 vs 1.4 s for 4.8 M digests)
_TPL_COMPACT = 500_000
#: document digests of the first pass kept in a Python set before they join the sorted array
#: (:class:`_DigestSet`: 8 bytes a document instead of ~70 in a set of Python ints)
_SEEN_RECENT = 65_536
_TPL_SLACK = 0.01  # share of a group's documents a dropped line may have had (lossy counting)


def _digests(strings: list[str]) -> np.ndarray:
    """Each string's 64-bit blake2b digest as ``uint64`` (the same in every process)."""
    return _byte_digests([s.encode("utf-8", "surrogatepass") for s in strings])


def _byte_digests(items: list[bytes]) -> np.ndarray:
    """Each byte string's 64-bit blake2b digest as ``uint64`` (the same in every process)."""
    raw = b"".join(blake2b(b, digest_size=8).digest() for b in items)
    return np.frombuffer(raw, dtype="<u8").astype(np.uint64)


def _template_doc(d: dict[str, Any]) -> tuple[str, str] | None:
    """``(group, raw text)`` of a document whose lines count towards its outlet's template
    (HTML and empty documents do not, as in ``load_corpus``); None for others."""
    raw = d.get("raw_text", d.get("text"))
    if d.get("format") == "html" or not raw:
        return None
    return group_key(d.get("outlet"), d.get("url")), str(raw)


def _newlines(raw: str) -> str:
    """``raw`` with ``\\n`` line ends only (``\\r\\n`` and a lone ``\\r`` end a line in templates)."""
    return raw if "\r" not in raw else raw.replace("\r\n", "\n").replace("\r", "\n")


def _doc_digests(groups: list[str], raws: list[str]) -> np.ndarray:
    """What tells exact copies within a group apart (:class:`TemplateLearner`'s digest):
    each text's 64-bit blake2b digest with its group's mixed in, as :func:`_line_digests`
    (one digest of the text, not a digest of a digest string)."""
    return _line_digests(groups, [r.encode("utf-8", "surrogatepass") for r in raws])


#: ASCII whitespace (``str.isspace``) but the line end
_ASCII_SPACE = bytes(c for c in range(128) if chr(c).isspace() and c != 10)


def squeezed_lines(text: str) -> list[bytes]:
    """Each line of ``text`` (split at ``\\n``) folded, casefolded and without whitespace,
    UTF-8: :func:`corpus_tools.templates.line_key` with its spaces removed, for a whole
    document at once (C-level string operations, no work per line but the split).

    Two lines with the same key give the same string here (:func:`~corpus_tools.fold`
    replaces one character by one, casefolding maps every whitespace character to
    itself and no other character to whitespace), so the documents holding a string
    here are at least those holding any one key that gives it: the first pass counts
    these to find the lines that can be template, cheaply and without missing one.

    >>> squeezed_lines("Contact\\u00a0Us \\n\\n  \\u201cSTRASSE\\u201d ")
    [b'contactus', b'', b'"strasse"']
    """
    t = fold(text)
    try:
        b = t.encode("ascii")  # folded quotes and dashes often leave ASCII
    except UnicodeEncodeError:
        t = t.casefold()
        if t.replace("\n", "").isprintable():  # no whitespace but U+0020 (and line ends)
            t = t.replace(" ", "")
        else:
            t = "\n".join(["".join(x.split()) for x in t.split("\n")])
        return t.encode("utf-8", "surrogatepass").split(b"\n")
    return b.lower().translate(None, _ASCII_SPACE).split(b"\n")  # casefold of ASCII: lower


def _line_digests(groups: list[str], lines: list[bytes]) -> np.ndarray:
    """64-bit digests of :func:`squeezed_lines` strings, each line's group mixed in."""
    names = {g: k for k, g in enumerate(dict.fromkeys(groups))}
    codes = _digests(list(names))[np.fromiter((names[g] for g in groups), np.int64, len(groups))]
    return _byte_digests(lines) ^ codes


_TemplatePart = tuple[list[str], np.ndarray, np.ndarray, np.ndarray]


def _template_work(args: tuple[list[dict[str, Any]], Any]) -> _TemplatePart:
    """One batch of the first pass: ``(groups, document digests, line digests, the
    document of each line)``. A document's digest is made of its group and its text's
    digest (exact copies count once), a line's of its group and its
    :func:`squeezed_lines` string (a bound on its template key's documents)."""
    groups: list[str] = []
    raws: list[str] = []
    lines: list[bytes] = []
    at: list[int] = []
    for d in args[0]:
        got = _template_doc(d)
        if got is None:
            continue
        mine = set(squeezed_lines(_newlines(got[1])))
        mine.discard(b"")
        at += [len(groups)] * len(mine)
        lines += mine
        raws.append(got[1])
        groups.append(got[0])
    keys = _line_digests([groups[k] for k in at], lines)
    return groups, _doc_digests(groups, raws), keys, np.asarray(at, dtype=np.int64)


def _candidate_work(
    args: tuple[list[dict[str, Any]], dict[str, frozenset[int]]],
) -> list[tuple[str, int, frozenset[str]]]:
    """One batch of the second pass: ``(group, document digest, template keys)`` of each
    document with a candidate line (:meth:`_TemplateCounts.candidates`), the keys of
    those lines only (:func:`corpus_tools.templates.template_keys` of the line)."""
    out = []
    for d in args[0]:
        got = _template_doc(d)
        cand = args[1].get(got[0]) if got is not None else None
        if not cand:
            continue
        group, raw = got  # type: ignore[misc]
        squeezed = squeezed_lines(_newlines(raw))
        at = [k for k, x in enumerate(squeezed) if x]
        hs = _line_digests([group] * len(at), [squeezed[k] for k in at]).tolist()
        hit = [k for k, h in zip(at, hs, strict=True) if h in cand]
        if not hit:
            continue
        lines = _newlines(raw).split("\n")
        keys = frozenset().union(*(template_keys(lines[k])[1] for k in hit))
        if keys:
            out.append((group, int(_doc_digests([group], [raw])[0]), keys))
    return out


@dataclass
class _DigestSet:
    """A growing set of 64-bit digests: a sorted array (8 bytes each) and a Python set of
    the newest (at most ``_SEEN_RECENT``), instead of a set of a million Python ints."""

    base: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint64))
    recent: set[int] = field(default_factory=set)

    def first_seen(self, digests: np.ndarray) -> np.ndarray:
        """Add ``digests`` (uint64) in order; True where one was not there before (nor
        earlier in ``digests``), as ``h not in s`` then ``s.add(h)`` one by one.

        >>> s = _DigestSet()
        >>> s.first_seen(np.array([5, 7, 5], np.uint64)).tolist()
        [True, True, False]
        >>> s.first_seen(np.array([7, 9], np.uint64)).tolist()
        [False, True]
        """
        new = np.ones(len(digests), dtype=bool)
        if len(self.base):
            at = np.minimum(np.searchsorted(self.base, digests), len(self.base) - 1)
            new = self.base[at] != digests
        recent, values = self.recent, digests.tolist()
        for k in np.flatnonzero(new).tolist():
            h = values[k]
            if h in recent:
                new[k] = False
            else:
                recent.add(h)
        if len(recent) >= _SEEN_RECENT:
            r = np.sort(np.fromiter(recent, dtype=np.uint64, count=len(recent)))
            self.base = np.insert(self.base, np.searchsorted(self.base, r), r)
            self.recent = set()
        return new

    def __len__(self) -> int:
        return len(self.base) + len(self.recent)


@dataclass
class _TemplateCounts:
    """Distinct documents per candidate line and group over the first pass, as
    :class:`corpus_tools.templates.TemplateLearner` counts its keys, kept as line digests
    (8 bytes, plus 8 for the count and 4 for the group, per distinct line)."""

    seen: _DigestSet = field(default_factory=_DigestSet)  # group + text digests counted
    n_group: dict[str, int] = field(default_factory=dict)
    gid: dict[str, int] = field(default_factory=dict)
    keys: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint64))
    counts: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    gids: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    #: documents a line may have had before it was (last) counted: see :meth:`_prune`
    missed: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    #: each group's pruning bound at the last compaction (by group id)
    bound: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    held: list[tuple[np.ndarray, np.ndarray]] = field(default_factory=list)
    n_held: int = 0

    def add(self, part: _TemplatePart) -> None:
        """One batch of :func:`_template_work`, in input order."""
        groups, docs, keys, at = part
        new = self.seen.first_seen(docs)  # an exact copy is one page, not two
        gid = np.zeros(len(groups), dtype=np.int32)
        for k in np.flatnonzero(new).tolist():
            g = groups[k]
            gid[k] = self.gid.setdefault(g, len(self.gid))
            self.n_group[g] = self.n_group.get(g, 0) + 1
        keep = new[at]
        self.held.append((keys[keep], gid[at[keep]]))
        self.n_held += int(keep.sum())
        if self.n_held >= _TPL_COMPACT:
            self._compact()

    def _compact(self) -> None:
        """Sum the held line digests into the sorted ``keys``/``counts``/``gids``: the held
        ones counted by one sort, then added in place or inserted (one copy of the kept
        arrays, not a sort of all of them)."""
        if not self.held:
            return
        held, self.held, self.n_held = self.held, [], 0
        keys, first, n = np.unique(
            np.concatenate([k for k, _ in held]), return_index=True, return_counts=True
        )
        gids = np.concatenate([g for _, g in held])[first]
        at = np.searchsorted(self.keys, keys)
        old = at < len(self.keys)
        old[old] = self.keys[at[old]] == keys[old]
        self.counts[at[old]] += n[old]
        new = ~old
        self.bound = np.concatenate([self.bound, np.zeros(len(self.gid) - len(self.bound), int)])
        self.keys = np.insert(self.keys, at[new], keys[new])
        self.counts = np.insert(self.counts, at[new], n[new].astype(np.int64))
        self.missed = np.insert(self.missed, at[new], self.bound[gids[new]])
        self.gids = np.insert(self.gids, at[new], gids[new])
        self._prune()

    def _prune(self) -> None:
        """Drop the lines that cannot have more than ``_TPL_SLACK`` of their group's
        documents so far (lossy counting, Manku and Motwani 2002): the kept counts plus
        ``missed`` bound every line's documents from above, so the candidates stay a
        superset of the template lines, and the kept lines are few (a line in every
        document of a 100,000-document group but 1 % of them at most is dropped) instead
        of one per distinct line read.

        A line dropped here had at most ``bound`` documents; when it is counted again,
        at the next compaction, it may have missed that many (its ``missed``). Groups of
        fewer than ``1 / _TPL_SLACK`` documents are never pruned (exact counts)."""
        n = np.asarray(list(self.n_group.values()), dtype=np.int64)  # in gid order
        self.bound = np.floor(n * _TPL_SLACK).astype(np.int64)
        keep = self.counts + self.missed > self.bound[self.gids]
        if not keep.all():
            self.keys, self.counts = self.keys[keep], self.counts[keep]
            self.gids, self.missed = self.gids[keep], self.missed[keep]

    def need(self, settings: TemplateSettings) -> dict[str, int]:
        """Documents a line needs in each group: ``max(min_docs, ceil(min_share * n))``."""
        s = settings
        return {g: max(s.min_docs, math.ceil(s.min_share * n)) for g, n in self.n_group.items()}

    def candidates(self, settings: TemplateSettings) -> dict[str, frozenset[int]]:
        """``group -> digests`` of the lines in as many documents as a template line needs
        (:meth:`TemplateLearner.table`'s rule): a superset of the learned lines' strings."""
        self._compact()
        if not len(self.keys):
            return {}
        need = self.need(settings)
        names = list(self.gid)  # in gid order
        ok = self.counts + self.missed >= np.asarray([need[g] for g in names])[self.gids]
        out: dict[str, set[int]] = {}
        for gid, h in zip(self.gids[ok].tolist(), self.keys[ok].tolist(), strict=True):
            out.setdefault(names[gid], set()).add(h)
        return {g: frozenset(v) for g, v in out.items()}


def given_templates(rules: Any) -> dict[str, frozenset[str]] | None:
    """The templates the rules decide without learning: ``{}`` when ``template`` is off,
    their own table when they have one; None when they are to be learned."""
    from .clean import as_rules

    rs = as_rules(rules)
    if not rs.enabled("template"):
        return {}
    return None if rs.templates is None else dict(rs.templates)


def template_candidates(
    parts: Iterable[_TemplatePart],
) -> tuple[dict[str, frozenset[int]], dict[str, int]]:
    """``(candidate lines by group, documents a line needs by group)`` from the first
    pass's parts (:func:`template_first_pass` of each batch, in input order)."""
    counts = _TemplateCounts()
    for part in parts:
        counts.add(part)
    settings = TemplateSettings()
    return counts.candidates(settings), counts.need(settings)


def template_first_pass(docs: list[dict[str, Any]]) -> _TemplatePart:
    """The first pass over a batch of raw documents (``raw_text`` or ``text``, ``outlet``,
    ``url``, ``format``): their :func:`squeezed_lines` digests."""
    return _template_work((docs, None))


def template_second_pass(
    docs: list[dict[str, Any]], candidates: dict[str, frozenset[int]]
) -> list[tuple[str, int, frozenset[str]]]:
    """The second pass over a batch: the exact template keys of its candidate lines."""
    return _candidate_work((docs, candidates))


def learned_templates(
    parts: Iterable[list[tuple[str, int, frozenset[str]]]], need: dict[str, int]
) -> dict[str, frozenset[str]]:
    """``group -> learned lines`` from the second pass's parts (in input order): the keys
    in at least ``need[group]`` distinct documents (an exact copy is one page)."""
    seen: set[int] = set()
    found: dict[tuple[str, str], int] = {}
    for part in parts:
        for group, h, keys in part:
            if h not in seen:
                seen.add(h)
                for k in keys:
                    found[group, k] = found.get((group, k), 0) + 1
    out: dict[str, set[str]] = {}
    for (group, k), n in found.items():
        if n >= need[group]:
            out.setdefault(group, set()).add(k)
    return {g: frozenset(v) for g, v in out.items()}


def template_sets(
    source: Any, rules: Any, load_options: dict[str, Any], batch_size: int, n_jobs: int
) -> dict[str, frozenset[str]]:
    """``group -> line keys`` that :func:`corpus_tools.load_corpus` would remove as the
    outlets' templates: the rules' own table, or learned from the raw documents.

    Learning reads the source before the counting pass: once (in the pool) to count,
    per group, the documents holding each line as :func:`squeezed_lines` gives it (a
    bound on the documents of every template key that gives the string), and, only
    when a line reaches the template threshold there, once more to count the exact keys
    (:func:`corpus_tools.templates.template_keys`) of those lines alone. The learned
    lines are those of :class:`~corpus_tools.templates.TemplateLearner` (exact copies
    once, ``max(min_docs, ceil(min_share * n))`` of the group's ``n`` documents).
    """
    given = given_templates(rules)
    if given is not None:
        return given
    first: list[tuple[list[dict[str, Any]], Any]] = [([], {})] if n_jobs > 1 else []
    docs = _documents(source, True, load_options)
    batches = ((slim_batch(b, "outlet", True), None) for b in iter_batches(docs, batch_size))
    parts = ordered_map(_template_work, chain(first, batches), n_jobs, collect=False)
    cand, need = template_candidates(parts)
    return _template_second_pass(source, load_options, batch_size, n_jobs, cand, need)


def _template_second_pass(
    source: Any,
    load_options: dict[str, Any],
    batch_size: int,
    n_jobs: int,
    cand: dict[str, frozenset[int]],
    need: dict[str, int],
) -> dict[str, frozenset[str]]:
    """The learned templates from the first pass's candidate lines: ``{}`` without
    reading when there is none, else a second read for their exact keys."""
    if not cand:
        return {}
    first: list[tuple[list[dict[str, Any]], Any]] = [([], {})] if n_jobs > 1 else []

    def item(batch: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], Any]:
        slim = slim_batch(batch, "outlet", True)
        groups = {group_key(d.get("outlet"), d.get("url")) for d in slim}
        return slim, {g: cand[g] for g in groups if g in cand}

    docs = _documents(source, True, load_options)
    batches = (item(b) for b in iter_batches(docs, batch_size))
    return learned_templates(
        ordered_map(_candidate_work, chain(first, batches), n_jobs, collect=False), need
    )


def _clean_doc(d: dict[str, Any], rules: Any, templates: dict[str, frozenset[str]]) -> str:
    """A raw document cleaned as :func:`corpus_tools.load_corpus` cleans it: with its
    outlet's template lines when it holds one (``Collected.apply_templates``). The text
    alone: ``clean_text(...)[0]`` without building the log rows the stream drops."""
    from .clean import clean_text_only

    raw = str(d.get("raw_text", d.get("text", "")))
    extracted = d.get("format") == "html"
    tpl = templates.get(group_key(d.get("outlet"), d.get("url"))) if templates else None
    if tpl and not extracted and has_template_line(raw, tpl):
        return clean_text_only(raw, rules=rules, template=tpl, extracted=extracted)
    return clean_text_only(raw, rules=rules, extracted=extracted)


# --------------------------------------------------------------------------
# streaming driver
# --------------------------------------------------------------------------
def iter_batches(docs: Iterable[dict[str, Any]], batch_size: int) -> Iterator[list[dict[str, Any]]]:
    """Group an iterable of documents into lists of ``batch_size``."""
    if batch_size < 1:
        raise CorpusValueError(f"batch_size must be >= 1, got {batch_size}.")
    it = iter(docs)
    while True:
        batch = list(islice(it, batch_size))
        if not batch:
            return
        yield batch


def slim_batch(batch: list[dict[str, Any]], by: str, clean: bool) -> list[dict[str, Any]]:
    """Keep only the fields a worker needs (id, text or raw text, the ``by`` field; to
    clean, also what tells the outlet's template and whether the text came from HTML).

    >>> slim_batch([{"doc_id": "a", "text": "t", "outlet": "X", "url": "u"}], "outlet", False)
    [{'doc_id': 'a', 'text': 't', 'outlet': 'X', 'path': None, 'format': None}]
    """
    key = "raw_text" if clean else "text"
    keep = ["doc_id", key, by] + (["date_precision"] if by == "published" else [])
    if clean:
        keep += [k for k in ("outlet", "url", "format") if k not in keep]
    if by == "outlet":  # the source of a document without an outlet (its datelines' credits)
        keep += [k for k in ("path", "format") if k not in keep]
    return [{k: d.get(k) for k in keep} for d in batch]


def _documents(source: Any, clean: bool, load_options: dict[str, Any]) -> Iterable[dict[str, Any]]:
    if isinstance(source, Corpus):
        if clean:
            raise CorpusValueError("a Corpus is already cleaned; pass clean=False with a Corpus.")
        return (
            dict(zip(source.docs.columns, row, strict=False))
            for row in source.docs.itertuples(index=False)
        )
    if isinstance(source, pd.DataFrame) and "doc_id" in source.columns and not clean:
        return (
            dict(zip(source.columns, row, strict=False)) for row in source.itertuples(index=False)
        )
    from .io import iter_documents

    # read raw documents here; cleaning runs in the workers (same clean_text)
    return iter_documents(source, clean=False, **load_options)


_IN_POOL: list[bool] = []  # set in a stream's pool workers (:func:`_pool_worker`)
_COLLECT_EVERY = 10  # a pool worker's batches between two collections of cyclic garbage


def _pool_worker() -> None:
    """Pool worker start for a stream (its collector is off: :func:`_work` collects)."""
    _IN_POOL[:] = [True]


def _work(args: tuple[list[dict[str, Any]], dict[str, Any]]) -> StreamCounts:
    """Count one batch. In a pool worker, every ``_COLLECT_EVERY``-th batch also collects
    cyclic garbage and freezes what is left.

    The workers run with Python's cyclic collector off: its automatic
    collections walked the worker's long-lived caches (term table, chunk cache,
    match cache, cleaning rules) again and again, ~4 % of a worker's CPU with
    cleaning (0.05 ms per document). A stream's batch leaves no cycles
    (measured: none on 6,000 generated documents); whatever cycles a batch
    does leave are collected here, and ``gc.freeze`` then keeps the next
    collection from walking what lived through this one.
    """
    batch, kw = args
    opts = dict(kw)
    vocab = _stream_vocab(opts.pop("run"))
    out = _count_batch(batch, vocab, **opts)
    vocab.batches += 1
    if _IN_POOL and vocab.batches % _COLLECT_EVERY == 0:
        gc.collect()
        gc.freeze()
    return out


def stream_counts(
    source: Any,
    *,
    by: str = "outlet",
    clean: bool = True,
    rules: Any = None,
    mentions: bool = True,
    gazetteer: Any = None,
    batch_size: int = 1000,
    n_jobs: int = 1,
    n_evidence: int = 3,
    **load_options: Any,
) -> StreamCounts:
    """Stream a corpus once and return its term, mention and co-occurrence counts.

    Parameters
    ----------
    source : path, list of paths, DataFrame or Corpus
        Anything :func:`corpus_tools.iter_documents` reads (folder, files,
        glob-free list, DataFrame), or an in-memory ``Corpus`` (then
        ``clean=False``).
    by : str, default "outlet"
        Grouping column for term and mention counts (a few groups: outlet,
        year, label; not ``doc_id``).
    clean : bool, default True
        Clean raw text with the default (or given) rules, as ``load_corpus`` does.
    rules, gazetteer
        As in :func:`corpus_tools.clean_text` and :func:`corpus_tools.actor_mentions`.
    mentions : bool, default True
        Count actor mentions and sentence co-occurrences too. ``False`` for
        term counts and keyness alone: no sentence split and no actor matcher,
        about a third less CPU per document (generated news: 1.5-1.7 instead
        of 2.3-2.5 CPU ms); the term table is the same either way.
    batch_size : int, default 1000
        Documents per batch (memory per worker is about one batch). Counts
        do not depend on it; ``mean_doc_rate_per_10k`` adds per-document
        rates batch by batch, so another batch size may change its last
        bits (``n_jobs`` never does).
    n_jobs : int, default 1
        Worker processes. Batches are merged in input order, so results do
        not depend on ``n_jobs``.
    n_evidence : int, default 3
        Windows kept as evidence per actor pair.
    **load_options
        Passed to :func:`corpus_tools.iter_documents` (``metadata``,
        ``text_column``, ``id_column``, ``encoding``).

    Returns
    -------
    StreamCounts
        Use ``.term_table()``, :func:`keyness_from_counts`,
        ``.mention_table()`` and ``.cooccurrence_table()``.

    Notes
    -----
    Memory grows with vocabulary size and number of actor pairs, not with
    the number of documents; a batch of raw documents is held per worker.
    Evidence is limited to counts (plus the first co-occurrence windows):
    use the in-memory path on a sample to read sentences behind a number.

    Examples
    --------
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"],
    ...                      "text": ["Russia and China met.", "China left."]})
    >>> s = stream_counts(docs, clean=False)
    >>> s.term_table()[["group", "term", "count"]].values.tolist()[-2:]
    [['Y', 'china', 1], ['Y', 'left', 1]]
    """
    check_n_jobs(n_jobs)
    run = f"{os.getpid()}-{next(_RUNS)}"
    kw = dict(run=run, by=by, clean=clean, rules=rules, mentions=mentions, gazetteer=gazetteer)
    kw["n_evidence"], kw["unit"] = n_evidence, batch_size  # an item: _UNITS batches
    # outlets written as web hosts lose 'www.' as load_corpus drops it (not a Corpus's own)
    kw["hosts"] = by == "outlet" and not isinstance(source, Corpus)
    total = _template_pass(source, kw, load_options, batch_size, n_jobs) if clean else None
    total = _counting_pass(source, kw, load_options, batch_size, n_jobs, total)
    if by == "outlet":
        _warn_unmerged_spellings(total)
    return total


def _warn_unmerged_spellings(counts: StreamCounts) -> None:
    """Say which outlet groups :func:`corpus_tools.load_corpus` would have merged.

    The loader gives an outlet written two ways one spelling (``'bbc.co.uk'`` ->
    ``'bbc.com'``), the most frequent, which is only known once every document
    is read; streamed counts keep each spelling as its own group, so their
    tables differ from the in-memory ones there (10,037 fwd headlines: 1,592
    groups streamed, 1,590 loaded).
    """
    import warnings

    from .errors import CorpusToolsWarning
    from .io.outlets import merge_spellings

    merged = merge_spellings(counts.group_docs)  # documents per group, in first-seen order
    if not merged:
        return
    shown = "; ".join(
        f"{old!r} ({counts.group_docs[old]:,} document(s)) and {new!r}"
        for old, new in list(merged.items())[:3]
    )
    more = f" and {len(merged) - 3:,} more" if len(merged) > 3 else ""
    warnings.warn(
        f"stream_counts: {len(merged):,} outlet name(s) differ only in case, '&'/'and', 'The ', "
        f"'www.' or a '.com'-like ending from another: {shown}{more}. They are counted as "
        "separate groups here, while load_corpus merges them into the most frequent spelling, "
        "so these groups' numbers differ from the in-memory functions'. Write each outlet one "
        "way in the source (or pass by= another column) for the same groups.",
        CorpusToolsWarning,
        stacklevel=3,
    )


def _batches(
    docs: Iterable[dict[str, Any]], kw: dict[str, Any], batch_size: int, n_jobs: int
) -> Iterable[tuple[list[dict[str, Any]], dict[str, Any]]]:
    """``(slim batch, options)`` for the workers; first an empty batch when ``n_jobs > 1``.

    An item holds ``_UNITS`` batches: its terms and sentences are counted a batch at a
    time (the same numbers as batches sent one by one), its actor mentions in one call.

    The empty batch starts the pool before anything is read: the workers are
    forked from the small process that imported the package, not from one
    holding the first file's rows (pages a forked worker keeps resident for the
    whole stream).
    """
    by, clean, templates = kw["by"], kw["clean"], kw.get("templates")

    def item(batch: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        slim = slim_batch(batch, by, clean)
        if not templates:
            return slim, kw
        # a batch carries the template lines of its own outlets only
        groups = {group_key(d.get("outlet"), d.get("url")) for d in slim}
        return slim, {**kw, "templates": {g: templates[g] for g in groups if g in templates}}

    batches = (item(b) for b in iter_batches(docs, _UNITS * batch_size))
    return chain([([], kw)], batches) if n_jobs > 1 else batches


def _counting_pass(
    source: Any,
    kw: dict[str, Any],
    load_options: dict[str, Any],
    batch_size: int,
    n_jobs: int,
    total: StreamCounts | None,
) -> StreamCounts:
    """The counts (``total`` when the template pass counted them), counted again when
    datelines name the outlet of a source's documents without one (:func:`wire_outlets`;
    by outlet, not for a Corpus, whose outlets ``load_corpus`` named)."""
    clean, n_evidence = kw["clean"], kw["n_evidence"]
    if total is None:
        docs = _documents(source, clean, load_options)
        total = _merge_all(_batches(docs, kw, batch_size, n_jobs), n_jobs, n_evidence)
    wires = wire_outlets(total) if kw["hosts"] else {}
    if not wires:
        return total
    kw["wires"] = wires
    kw["run"] = f"{os.getpid()}-{next(_RUNS)}"
    docs = _documents(source, clean, load_options)
    return _merge_all(_batches(docs, kw, batch_size, n_jobs), n_jobs, n_evidence)


def _template_pass(
    source: Any, kw: dict[str, Any], load_options: dict[str, Any], batch_size: int, n_jobs: int
) -> StreamCounts | None:
    """The outlets' templates first, as load_corpus learns them, into ``kw["templates"]``:
    the rules' own, or learned in a first pass (:func:`_first_pass`) that also counts,
    whose counts are returned when the learned templates do not change them."""
    given = given_templates(kw["rules"])
    if given is None:
        return _first_pass(source, kw, load_options, batch_size, n_jobs)
    kw["templates"] = given
    return None


def _first_work(
    args: tuple[list[dict[str, Any]], dict[str, Any] | None],
) -> tuple[_TemplatePart, StreamCounts | None]:
    """One batch of :func:`_first_pass`: its template digests (:func:`_template_work`)
    and, while the stream still counts in the first pass (options given), its counts."""
    batch, kw = args
    part = _template_work((batch, None))
    return part, (None if kw is None else _work((batch, kw)))


#: the first pass checks whether a line is already clearly template after batches 1, 2, 4,
#: 8, ... (after the item of work that reaches one; then it stops counting: a learned
#: template will need a second count) ... clearly: in twice the share of its group's documents read so far that a template
#: line needs (a line just under the threshold, 17 % of an outlet's documents, reaches it
#: in the first thousand documents by chance; an outlet's footer is in most of them)
_FIRST_SETTINGS = replace(TemplateSettings(), min_share=2 * TemplateSettings().min_share)


def _first_pass(
    source: Any, kw: dict[str, Any], load_options: dict[str, Any], batch_size: int, n_jobs: int
) -> StreamCounts | None:
    """Learn the templates and count in one read of the source; None (and
    ``kw["templates"]`` set, for a counting pass) when the learned templates change it.

    The first pass counts each batch as if no template were learned while it learns
    them: when none is (most corpora: no line in a fifth of an outlet's documents),
    these are the counts, and the source is read once instead of twice; the same
    batches in the same order as the counting pass, so the same numbers. Once a line
    is in twice the share of its group's documents read so far that a template needs
    (``_FIRST_SETTINGS``, checked after batches 1, 2, 4, 8, ...), it stops counting. A
    learned template then takes a second read (:func:`_template_second_pass`) and the
    counting pass, as before (a first pass that counted to the end counted in vain).
    """
    counts = _TemplateCounts()
    total: StreamCounts | None = StreamCounts(n_evidence=kw["n_evidence"])
    docs = _documents(source, True, load_options)
    none = {**kw, "templates": {}}
    items = (  # the counting pass's batches and options
        (slim, opts if total is not None else None)
        for slim, opts in _batches(docs, none, batch_size, n_jobs)
    )
    merging = 0.0
    try:
        parts = ordered_map(_first_work, items, n_jobs, initializer=_pool_worker, collect=False)
        for k, (part, counted) in enumerate(parts, start=1):
            counts.add(part)
            if total is not None and counted is not None:
                t0 = process_time()
                seen = -(-total.n_docs // batch_size)  # batches counted before this item
                total.merge(counted)
                if k % _TRIM_EVERY == 0:
                    release_memory()
                merging += process_time() - t0
                # a power of two passed: after batches 1, 2, 4, 8, ... (bit lengths)
                passed = (-(-total.n_docs // batch_size)).bit_length() > seen.bit_length()
                if passed and counts.candidates(_FIRST_SETTINGS):
                    total = None  # counted again with the templates, if any is learned
    finally:
        _STREAM_VOCAB.clear()
    settings = TemplateSettings()
    cand, need = counts.candidates(settings), counts.need(settings)
    del counts
    learned = _template_second_pass(source, load_options, batch_size, n_jobs, cand, need)
    kw["templates"] = learned
    if total is not None and not learned:
        total._tmaps.clear()
        total.cpu["merge"] = merging
        return total
    kw["run"] = f"{os.getpid()}-{next(_RUNS)}"  # a fresh vocabulary, as a stream's own
    return None


def _merge_all(batches: Iterable[Any], n_jobs: int, n_evidence: int) -> StreamCounts:
    total = StreamCounts(n_evidence=n_evidence)
    merging = 0.0
    try:
        parts = ordered_map(_work, batches, n_jobs, initializer=_pool_worker, collect=False)
        for k, part in enumerate(parts, start=1):
            t0 = process_time()
            total.merge(part)
            if k % _TRIM_EVERY == 0:
                # the rows of files read meanwhile are freed, but the C heap keeps their
                # pages: give them back, so the main process does not sit at its peak
                release_memory()
            merging += process_time() - t0
    finally:
        _STREAM_VOCAB.clear()  # n_jobs=1 counted here: drop the caches with the stream
    total._tmaps.clear()
    total.cpu["merge"] = merging
    return total


def keyness_from_counts(
    counts: StreamCounts,
    method: str = "log_odds_dirichlet",
    *,
    min_count: int | None = None,
    min_docs: int = 2,
    prior_scale: float = 1.0,
    top_n: int | None = None,
) -> pd.DataFrame:
    """:func:`corpus_tools.keyness` computed from streamed counts (no ``evidence`` column).

    Parameters and defaults are those of :func:`corpus_tools.keyness`
    (one-vs-rest, prior = the whole corpus, docs/methods.md).

    Examples
    --------
    >>> import pandas as pd
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"],
    ...     "text": ["Militants fired. Militants left. Troops left.",
    ...              "Troops fired. Troops left. Militants left."]})
    >>> k = keyness_from_counts(stream_counts(docs, clean=False, mentions=False),
    ...                         min_count=1, min_docs=1)
    >>> k[k["group"] == "X"][["term", "count", "z"]].round(3).values.tolist()[0]
    ['militants', 2, 0.443]
    """
    from .keyness import check_keyness_options, default_min_count, keyness_table

    check_keyness_options(method, prior_scale)
    if min_count is None:
        min_count = default_min_count(counts.n_docs)
    return keyness_table(
        counts.group_counts(),
        method,
        min_count=min_count,
        min_docs=min_docs,
        prior_scale=prior_scale,
        top_n=top_n,
    )
