"""Co-occurrence of actors: counts, association measures, networks, per-outlet differences.

A *window* is a sentence (default), a paragraph or a document. In each
window we record the **set** of actors present (presence, not counts; an
actor with itself is ignored). With ``N`` windows, ``c_a`` windows holding
actor *a* and ``c_ab`` holding both::

    count   = c_ab
    jaccard = c_ab / (c_a + c_b - c_ab)
    pmi     = log2(c_ab * N / (c_a * c_b))            bits (Church & Hanks 1990)
    ppmi    = max(pmi, 0)
    npmi    = pmi / -log2(c_ab / N)   in [-1, 1]      (Bouma 2009)
    g2      = 2 * sum O ln(O / E) over the 2x2 table, signed + when c_ab > c_a c_b / N  (Dunning 1993)

PMI and NPMI reward rare pairs (two actors seen once, together, get the
maximum), so pairs below ``min_count`` are dropped and ``count`` is shown
next to every score.

References
----------
Church, K. W., & Hanks, P. (1990). Word association norms, mutual
information, and lexicography. *Computational Linguistics*, 16(1), 22-29.
Bouma, G. (2009). Normalized (pointwise) mutual information in collocation
extraction. *Proceedings of GSCL 2009*, 31-40.
Dunning, T. (1993). Accurate methods for the statistics of surprise and
coincidence. *Computational Linguistics*, 19(1), 61-74.
Fruchterman, T. M. J., & Reingold, E. M. (1991). Graph drawing by
force-directed placement. *Software: Practice and Experience*, 21(11).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import networkx as nx
import numpy as np
import pandas as pd

from ._output import new_file, whole_file
from ._parallel import release_memory
from ._tables import sorted_unique
from .corpus import MISSING, group_labels, require_corpus
from .counts import TextColumn
from .errors import CorpusToolsWarning, CorpusValueError, check_whole, invalid_option
from .tokenize import sentence_spans

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = [
    "association",
    "cooccurrence",
    "actor_counts",
    "edge_evidence",
    "network",
    "network_layout",
    "group_networks",
    "write_network",
    "compare_networks",
    "network_overlap",
    "COOCCURRENCE_COLUMNS",
    "MEASURES",
    "WINDOWS",
]

MEASURES = ("count", "jaccard", "pmi", "ppmi", "npmi", "g2")
WINDOWS = ("sentence", "paragraph", "document")
COOCCURRENCE_COLUMNS = [
    "actor_a",
    "actor_b",
    "count",
    "c_a",
    "c_b",
    "n_windows",
    "score",
    "measure",
    "evidence_docs",
]


def association(c_ab: Any, c_a: Any, c_b: Any, n: Any, measure: str = "npmi") -> Any:
    """Return an association score for window counts (scalars or arrays).

    Parameters
    ----------
    c_ab, c_a, c_b, n : int or array
        Windows with both actors, with *a*, with *b*, and all windows.
    measure : {"count", "jaccard", "pmi", "ppmi", "npmi", "g2"}
        PMI/PPMI/NPMI in bits (log2); G2 in natural log, signed.

    Examples
    --------
    >>> [round(float(association(20, 40, 30, 100, m)), 3) for m in ("jaccard", "pmi", "npmi")]
    [0.4, 0.737, 0.317]
    >>> round(float(association(20, 40, 30, 100, "g2")), 2)
    12.65
    >>> round(float(association(1, 1, 1, 100, "npmi")), 3)
    1.0
    """
    if measure not in MEASURES:
        raise invalid_option("measure", measure, MEASURES)
    c_ab, c_a, c_b, n = (np.asarray(x, dtype=float) for x in (c_ab, c_a, c_b, n))
    with np.errstate(divide="ignore", invalid="ignore"):
        if measure == "count":
            out = c_ab
        elif measure == "jaccard":
            out = c_ab / (c_a + c_b - c_ab)
        else:
            pmi = np.log2(c_ab * n / (c_a * c_b))
            if measure == "pmi":
                out = pmi
            elif measure == "ppmi":
                out = np.maximum(pmi, 0.0)
            elif measure == "npmi":
                p = c_ab / n
                out = np.where(c_ab <= 0, -1.0, np.where(p >= 1, 1.0, pmi / -np.log2(p)))
            else:
                obs = [c_ab, c_a - c_ab, c_b - c_ab, n - c_a - c_b + c_ab]
                exp = [
                    c_a * c_b / n,
                    c_a * (n - c_b) / n,
                    (n - c_a) * c_b / n,
                    (n - c_a) * (n - c_b) / n,
                ]
                g = sum(
                    np.where(o > 0, o * np.log(o / e), 0.0) for o, e in zip(obs, exp, strict=False)
                )
                out = np.sign(c_ab - c_a * c_b / n) * 2 * g
    return out[()] if np.ndim(out) == 0 else out


class _Windows(NamedTuple):
    """The windows of a corpus without a sentence table: a count per document and a span lookup.

    ``n_per_doc[i]`` is the number of windows of document ``i``. Sentence
    windows (``first`` set) are the cached sentence rows themselves: window
    ``w`` of document ``i`` is row ``first[i] + w`` of ``spans`` (``para_id,
    start, end``), so nothing per sentence is built. Other windows: ``keys``
    (``doc * width + wid``, sorted) and ``spans`` (``sent_id, start, end`` of
    each window, one row per key) find the span behind an evidence window.
    """

    doc_ids: pd.Index  # str doc_id per corpus position
    n_per_doc: np.ndarray
    width: int
    keys: np.ndarray
    spans: np.ndarray  # (n, 3): sent_id (the window's first sentence) or para_id, start, end
    first: np.ndarray | None = None  # sentence windows: each document's first row in spans


def _windows(corpus: Corpus, window: str) -> _Windows:
    """The windows of ``corpus`` (sentences, paragraphs or documents) from the cached sentence spans."""
    d = corpus.docs
    ids = pd.Index(d["doc_id"].astype(str).to_numpy(dtype=object))
    n_docs = len(d)
    if window == "document":
        ends = d["n_chars"].to_numpy(dtype=np.int64)
        spans = np.column_stack([np.zeros(n_docs, np.int64), np.zeros(n_docs, np.int64), ends])
        return _Windows(ids, np.ones(n_docs, np.int64), 1, np.arange(n_docs, dtype=np.int64), spans)
    rows, first = sentence_spans(corpus)
    counts = np.diff(first)
    if window == "sentence":
        width = int(counts.max(initial=0)) + 1
        return _Windows(ids, counts, width, np.zeros(0, np.int64), rows, first)
    doc = np.repeat(np.arange(n_docs, dtype=np.int64), counts)
    sent_id = np.arange(len(rows), dtype=np.int64) - first[:-1][doc]
    para = rows[:, 0].astype(np.int64)
    width = int(para.max(initial=0)) + 1
    key = doc * width + para
    new = np.flatnonzero(np.diff(key, prepend=-1)) if len(key) else np.zeros(0, np.int64)
    last = np.append(new[1:], len(key)) - 1
    spans = np.column_stack([sent_id[new], rows[new, 1], rows[last, 2]]) if len(new) else rows
    n_per_doc = np.bincount(doc[new], minlength=n_docs).astype(np.int64)
    return _Windows(ids, n_per_doc, width, key[new], spans)


def _locate(win: _Windows, pos: np.ndarray, wids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(found, row)``: whether window ``(pos[i], wids[i])`` exists and its row in ``win.spans``."""
    if win.first is not None:
        at = np.maximum(pos, 0)
        found = (pos >= 0) & (wids >= 0) & (wids < win.n_per_doc[at])
        return found, np.where(found, win.first[at] + wids, 0)
    key = pos * win.width + wids
    at = np.searchsorted(win.keys, key)
    at_ok = np.minimum(at, max(len(win.keys) - 1, 0))
    found = (pos >= 0) & (wids < win.width)
    found &= (win.keys[at_ok] == key) if len(win.keys) else np.zeros(len(key), dtype=bool)
    return found, at_ok


def _window_labels(
    win: _Windows, pos: np.ndarray, docs: np.ndarray, wids: np.ndarray
) -> np.ndarray:
    """``"doc_id:sent_id:start-end"`` of each window ``(pos[i], wids[i])``; ``wid:0-0`` when unknown.

    ``pos`` is the document's corpus position (-1: not in the corpus), ``docs`` its doc_id.
    """
    found, row = _locate(win, pos, wids)
    out = []
    for d, w, ok, k in zip(docs.tolist(), wids.tolist(), found.tolist(), row.tolist(), strict=True):
        if not ok:
            s, st, e = w, 0, 0
        elif win.first is not None:
            s, (_, st, e) = w, win.spans[k].tolist()
        else:
            s, st, e = win.spans[k].tolist()
        out.append(f"{d}:{s}:{st}-{e}")
    return np.array([*out, None], dtype=object)[:-1]


class _Coded(NamedTuple):
    """Mentions as integer codes: per mention a document, a window id and an actor.

    Document codes follow the corpus order (``doc_names``, the ``str``
    doc_ids, with each one's corpus position in ``doc_pos``; documents of a
    mentions table that are not in the corpus come last, by doc_id, with
    position -1), so evidence windows list in corpus order as the stream's;
    actor codes follow the sorted names (``actor_names``).
    """

    doc: np.ndarray
    wid: np.ndarray
    actor: np.ndarray
    doc_names: np.ndarray
    doc_pos: np.ndarray
    actor_names: np.ndarray


def _coded_table(mentions: pd.DataFrame, key: str | None, win: _Windows) -> _Coded:
    """:class:`_Coded` of an :func:`corpus_tools.actor_mentions` table (locations left out)."""
    mentions = mentions[mentions["type"] != "location"] if "type" in mentions else mentions
    m_wid = mentions[key].to_numpy(dtype=np.int64) if key else np.zeros(len(mentions), np.int64)
    d_code, d_uni = pd.factorize(mentions["doc_id"].astype(str).to_numpy(dtype=object), sort=True)
    a_code, a_uni = pd.factorize(mentions["actor"].to_numpy(dtype=object), sort=True)
    d_names = np.array([*d_uni.tolist(), None], dtype=object)[:-1]
    pos = win.doc_ids.get_indexer(d_names).astype(np.int64)
    rank = np.where(pos >= 0, pos, len(win.doc_ids) + np.arange(len(pos)))
    perm = np.argsort(rank, kind="stable")  # corpus order; unknown doc_ids last, by name
    new_code = np.empty(len(perm), np.int64)
    new_code[perm] = np.arange(len(perm))
    a_names = np.array([*a_uni.tolist(), None], dtype=object)[:-1]
    coded = _Coded(
        new_code[d_code], m_wid, a_code.astype(np.int64), d_names[perm], pos[perm], a_names
    )
    return coded


def _coded_arrays(corpus: Corpus, gazetteer: Any, key: str | None, win: _Windows) -> _Coded:
    """:class:`_Coded` of the corpus's cached mention arrays: no mentions table is built.

    Equal to :func:`_coded_table` of ``actor_mentions(corpus, gazetteer)``.
    """
    from .actors import mention_arrays, mention_selection  # later pipeline stage

    m = mention_arrays(corpus, gazetteer)
    idx = mention_selection(m, demonyms=True, locations=False)
    n_docs = len(win.doc_ids)  # document code = corpus position (doc_ids are unique)
    names = np.array([*(e["name"] for e in m.gazetteer.entries), None], dtype=object)[:-1]
    e_code, a_uni = pd.factorize(names, sort=True)
    wid = getattr(m, key)[idx] if key else np.zeros(len(idx), np.int32)
    return _Coded(  # int32 codes: 12 bytes a mention
        m.doc[idx].astype(np.int32 if n_docs < 2**31 else np.int64),
        wid,
        e_code.astype(np.int32)[m.entry[idx]],
        np.array([*win.doc_ids.tolist(), None], dtype=object)[:-1],
        np.arange(n_docs, dtype=np.int64),
        np.array([*a_uni.tolist(), None], dtype=object)[:-1],
    )


def _dense(codes: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Codes renumbered ``0..k-1`` in order, and the original code of each (what factorize(sort) gives).

    >>> [x.tolist() for x in _dense(np.array([5, 2, 5, 7]), 9)]
    [[1, 0, 1, 2], [2, 5, 7]]
    """
    used = np.zeros(n, dtype=bool)
    used[codes] = True
    rank: Any = np.cumsum(used, dtype=np.int32 if n < 2**31 else np.int64)  # 4 bytes a code
    rank -= 1
    return rank[codes], np.flatnonzero(used)


def _pairs_table(
    coded: _Coded,
    sel: np.ndarray | None,
    n_windows: int,
    win: _Windows,
    measure: str,
    min_count: int,
) -> pd.DataFrame:
    """Pair counts of one group's mentions (``coded`` rows ``sel``; all when None), with evidence.

    The windows holding each actor are the distinct ``(window, actor)``
    codes; pairs are enumerated inside each window with numpy (no
    per-window Python loop), counted, and evidence labels are written only
    for the windows of the pairs kept (``count >= min_count``), in
    ``(doc_id, window)`` order.
    """
    pick = (lambda x: x) if sel is None else (lambda x: x[sel])
    d_code, d_used = _dense(pick(coded.doc), len(coded.doc_names))
    a_code, a_used = _dense(pick(coded.actor), len(coded.actor_names))
    m_wid = pick(coded.wid)
    n_act = len(a_used)
    width = int(m_wid.max(initial=0)) + 1
    wkey = d_code.astype(np.int64)
    del d_code
    wkey *= width
    wkey += m_wid
    wkey *= max(n_act, 1)
    wkey += a_code
    del a_code
    present = sorted_unique(wkey, in_place=True)  # sorted by window, then actor
    del wkey
    p_win, p_act = np.divmod(present, max(n_act, 1))
    del present
    c_single = np.bincount(p_act, minlength=n_act)
    left, right = _pairs_in_runs(p_win)
    pair = p_act[left] * n_act + p_act[right]
    del right, p_act
    uniq, count = np.unique(pair, return_counts=True)
    kept = count >= min_count
    uniq, count = uniq[kept], count[kept]
    a, b = uniq // max(n_act, 1), uniq % max(n_act, 1)
    names = coded.actor_names[a_used]
    df = pd.DataFrame(
        {
            "actor_a": names[a],
            "actor_b": names[b],
            "count": count.astype(np.int64),
            "c_a": c_single[a].astype(np.int64),
            "c_b": c_single[b].astype(np.int64),
            "n_windows": np.full(len(uniq), n_windows, dtype=np.int64),
        }
    )
    df["score"] = (
        np.asarray(association(df["count"], df["c_a"], df["c_b"], df["n_windows"], measure), float)
        if len(df)
        else pd.Series(dtype=float)
    )
    df["measure"] = measure
    docs = (coded.doc_names[d_used], coded.doc_pos[d_used])
    df["evidence_docs"] = _evidence_lists(p_win[left], pair, uniq, width, docs, win)
    return df


def _pairs_in_runs(run_key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Index pairs ``i < j`` of equal, adjacent ``run_key`` values, in run order then ``i``, ``j``.

    >>> [x.tolist() for x in _pairs_in_runs(np.array([5, 5, 5, 7, 8, 8]))]
    [[0, 0, 1, 4], [1, 2, 2, 5]]
    """
    n = len(run_key)
    if n == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    starts = np.flatnonzero(np.diff(run_key, prepend=run_key[0] - 1))
    later = np.repeat(np.append(starts[1:], n), np.diff(np.append(starts, n)))
    later -= np.arange(n)
    later -= 1  # items after each one in its run
    left = np.repeat(np.arange(n), later)
    right = np.arange(len(left))
    right -= np.repeat(np.cumsum(later) - later, later)
    right += left
    right += 1
    return left, right


def _evidence_lists(
    occ_win: np.ndarray,
    occ_pair: np.ndarray,
    kept: np.ndarray,
    width: int,
    docs: tuple[np.ndarray, np.ndarray],
    win: _Windows,
) -> list[list[str]]:
    """For each kept pair (sorted codes ``kept``), the labels of its windows in window order.

    ``docs``: the doc_id and corpus position of each document code.
    """
    if len(kept) == 0:
        return []
    sel = np.flatnonzero(np.isin(occ_pair, kept))
    order = sel[np.argsort(occ_pair[sel], kind="stable")]  # by pair, windows stay in order
    w_uni, w_inv = np.unique(occ_win[order], return_inverse=True)
    d = w_uni // width
    labels = _window_labels(win, docs[1][d], docs[0][d], w_uni % width)[w_inv]
    bounds = np.searchsorted(occ_pair[order], kept, side="right")
    return [part.tolist() for part in np.split(labels, bounds[:-1])]


def _windows_per_group(win: _Windows, label: pd.Series) -> pd.Series:
    """Windows per group label (``label``: doc_id -> group, as :func:`_group_labels` gives)."""
    groups = label.reindex(win.doc_ids).to_numpy(dtype=object)
    return pd.Series(win.n_per_doc).groupby(groups, sort=False).sum()


def _mentions_or_found(
    corpus: Corpus, mentions: pd.DataFrame | None, gazetteer: Any = None, *, fn: str = ""
) -> pd.DataFrame:
    """The given mentions table (checked for ``fn``), or :func:`corpus_tools.actor_mentions` of the corpus."""
    if mentions is not None:
        fix = f"ct.{fn}(corpus, mentions=ct.actor_mentions(corpus))"
        return _table_arg(mentions, fn, "mentions", _MENTION_COLS, "ct.actor_mentions(corpus)", fix)
    from .actors import actor_mentions  # later pipeline stage, imported lazily

    return actor_mentions(corpus, gazetteer)


_MENTION_COLS = ("doc_id", "actor", "type", "start")
_COOC_COLS = ("actor_a", "actor_b", "count", "score", "measure", "evidence_docs")


def _table_arg(
    value: object, fn: str, arg: str, columns: Iterable[str], source: str, fix: str
) -> pd.DataFrame:
    """Return ``value`` if it is a DataFrame with ``columns``; else a clear error naming ``arg``.

    ``source`` is the call that makes the expected table and ``fix`` the whole
    call to write instead: a Corpus (or a list, a path ...) where a table is
    expected fails otherwise deep inside with a TypeError or KeyError.

    >>> _table_arg([1], "actor_counts", "mentions", ["actor"], "ct.actor_mentions(corpus)", "ct.actor_counts(ct.actor_mentions(corpus))")
    Traceback (most recent call last):
    ...
    corpus_tools.errors.CorpusValueError: actor_counts() expects the table of ct.actor_mentions(corpus) as mentions=, got a list; call ct.actor_counts(ct.actor_mentions(corpus)).
    """
    if not isinstance(value, pd.DataFrame):
        raise CorpusValueError(
            f"{fn}() expects the table of {source} as {arg}=, got a {type(value).__name__}; "
            f"call {fix}."
        )
    missing = [c for c in columns if c not in value.columns]
    if missing:
        raise CorpusValueError(
            f"{fn}(): the {arg}= table lacks column(s) {missing}: it is not the table of "
            f"{source}; call {fix}."
        )
    return value


def _mentions_arg(mentions: object, key: str | None) -> None:
    """:func:`cooccurrence`'s ``mentions=`` checked: the table of ``ct.actor_mentions(corpus)``
    with the window's column (``key``)."""
    _table_arg(
        mentions,
        "cooccurrence",
        "mentions",
        ["doc_id", "actor"] + ([key] if key else []),
        "ct.actor_mentions(corpus)",
        "ct.cooccurrence(corpus, mentions=ct.actor_mentions(corpus))",
    )


def _graph_arg(value: object, fn: str, arg: str, fix: str) -> None:
    """Raise a clear error naming ``arg`` unless ``value`` is a networkx graph."""
    if not isinstance(value, nx.Graph):
        raise CorpusValueError(
            f"{fn}() expects a networkx graph (from ct.network or ct.group_networks) as {arg}=, "
            f"got a {type(value).__name__}; call {fix}."
        )


def check_options(window: str, measure: str, min_count: int) -> None:
    """Raise with the fix for an unknown window or measure, or a min_count below 1."""
    if window not in WINDOWS:
        raise invalid_option("window", window, WINDOWS)
    if measure not in MEASURES:
        raise invalid_option("measure", measure, MEASURES)
    if not isinstance(min_count, (int, np.integer)) or min_count < 1:
        raise CorpusValueError(
            f"min_count={min_count!r} must be a positive integer (1 keeps every pair)."
        )


def cooccurrence(
    corpus: Corpus,
    window: Literal["sentence", "paragraph", "document"] = "sentence",
    by: str | None = None,
    measure: Literal["count", "jaccard", "pmi", "ppmi", "npmi", "g2"] = "npmi",
    min_count: int = 2,
    *,
    mentions: pd.DataFrame | None = None,
    gazetteer: Any = None,
) -> pd.DataFrame:
    """Return one row per pair of actors that share windows.

    Parameters
    ----------
    corpus : Corpus
        The corpus (its sentences define the windows and ``n_windows``).
    window : {"sentence", "paragraph", "document"}, default "sentence"
    by : str, optional
        A ``corpus.docs`` column (e.g. ``"outlet"``): one table per group,
        stacked, with a ``group`` column first; ``n_windows`` is per group.
    measure : {"count", "jaccard", "pmi", "ppmi", "npmi", "g2"}, default "npmi"
    min_count : int, default 2
        Keep pairs that share at least this many windows.
    mentions : DataFrame, optional
        An :func:`corpus_tools.actor_mentions` table to reuse (e.g. filtered
        to some actors, or without demonyms); computed when ``None``.
    gazetteer : optional
        Passed to :func:`corpus_tools.actor_mentions` when ``mentions`` is None.

    Returns
    -------
    pandas.DataFrame
        ``[group,] actor_a, actor_b`` (str, ``actor_a < actor_b``), ``count``
        (int, windows with both), ``c_a``/``c_b`` (int, windows with each),
        ``n_windows`` (int), ``score`` (float), ``measure`` (str),
        ``evidence_docs`` (list of ``"doc_id:sent_id:start-end"``: the window's
        first sentence and character span, in corpus order). Sorted by
        ``[group,]`` score descending, count descending, then actor names.

    Notes
    -----
    Document windows make nearly everything co-occur; sentence windows miss
    links across sentences ("Russia ... . It also told China ..."). A score
    from two windows is fragile: read ``count`` first.

    References
    ----------
    Church & Hanks (1990); Bouma (2009); Dunning (1993).

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> t = "Russia and China met. Russia and China agreed. Iran waited."
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": [t]}))
    >>> ct.cooccurrence(c, measure="count")[["actor_a", "actor_b", "count", "n_windows"]].values.tolist()
    [['China', 'Russia', 2, 3]]
    """
    require_corpus(corpus, "cooccurrence")
    check_options(window, measure, min_count)
    key = {"sentence": "sent_id", "paragraph": "para_id", "document": None}[window]
    if mentions is not None:
        _mentions_arg(mentions, key)
    win = _windows(corpus, window)
    coded = (
        _coded_table(mentions, key, win)
        if mentions is not None
        else _coded_arrays(corpus, gazetteer, key, win)
    )
    release_memory()  # the pages the scan freed go back before the pair arrays are built
    if by is None:
        n = int(win.n_per_doc.sum())
        return sort_pairs(_pairs_table(coded, None, n, win, measure, min_count), [])
    label = _group_labels(corpus, by)
    return _pairs_by_group(coded, win, label, measure, min_count)


def _pairs_by_group(
    coded: _Coded,
    win: _Windows,
    label: pd.Series,
    measure: str,
    min_count: int,
) -> pd.DataFrame:
    """:func:`_pairs_table` of each group that has windows, stacked with a ``group`` column."""
    n_by = _windows_per_group(win, label)
    doc_group = pd.Series(coded.doc_names, dtype=object).map(label).to_numpy(dtype=object)
    g_doc, g_names = pd.factorize(doc_group)
    g_code = g_doc[coded.doc] if len(g_doc) else np.zeros(0, np.int64)
    order = np.argsort(g_code, kind="stable")  # one pass over the mentions, not one per group
    bounds = np.searchsorted(g_code[order], np.arange(len(g_names) + 1))
    rows_of = {g: order[bounds[i] : bounds[i + 1]] for i, g in enumerate(g_names)}
    none = np.zeros(0, np.int64)
    parts = []
    for name, n in n_by.items():
        if n <= 0:
            continue  # a group without windows has no table, as before
        part = _pairs_table(coded, rows_of.get(name, none), int(n), win, measure, min_count)
        part.insert(0, "group", name)
        parts.append(part)
    cols = ["group"] + COOCCURRENCE_COLUMNS
    df = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=cols)
    return sort_pairs(df[cols], ["group"])


def _group_labels(corpus: Corpus, by: str) -> pd.Series:
    """doc_id (as ``str``, as mentions carry it) -> :func:`corpus_tools.group_labels` label."""
    labels = group_labels(corpus, by)
    return pd.Series(labels.to_numpy(), index=labels.index.astype(str), dtype=object)


def sort_pairs(df: pd.DataFrame, first: list[str]) -> pd.DataFrame:
    """Sort a pair table by ``first``, then score and count descending, then actors."""
    df = df.sort_values(
        first + ["score", "count", "actor_a", "actor_b"],
        ascending=[True] * len(first) + [False, False, True, True],
        kind="mergesort",
    ).reset_index(drop=True)
    for c in ("count", "c_a", "c_b", "n_windows"):
        df[c] = df[c].astype("int64")
    df["score"] = df["score"].astype(float)
    return df


def actor_counts(
    mentions: pd.DataFrame, corpus: Corpus | None = None, by: str | None = None
) -> pd.DataFrame:
    """Count mentions and documents per actor (optionally per docs column, e.g. outlet or published).

    Returns ``[group,] actor, type, n_mentions, n_docs`` sorted by
    ``[group,]`` n_mentions descending, then actor. ``type`` is the actor's
    own type (a demonym counts for its country). Location rows are ignored.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["Russia and Russian envoys met Iran."]}))
    >>> ct.actor_counts(ct.actor_mentions(c)).values.tolist()
    [['Russia', 'country', 2, 1], ['Iran', 'country', 1, 1]]
    """
    _table_arg(
        mentions,
        "actor_counts",
        "mentions",
        _MENTION_COLS,
        "ct.actor_mentions(corpus)",
        "ct.actor_counts(ct.actor_mentions(corpus))",
    )
    if corpus is not None:
        require_corpus(corpus, "actor_counts")
    m = mentions[mentions["type"] != "location"].copy()
    own = (
        m[m["type"] != "demonym"].groupby("actor")["type"].agg(lambda s: s.value_counts().index[0])
    )
    keys = ["actor"]
    if by is not None:
        if corpus is None:
            raise CorpusValueError(f"by={by!r} needs a corpus whose docs table has that column.")
        m["group"] = m["doc_id"].astype(str).map(_group_labels(corpus, by)).fillna(MISSING)
        keys = ["group", "actor"]
    out = (
        m.groupby(keys, sort=True)
        .agg(n_mentions=("start", "size"), n_docs=("doc_id", "nunique"))
        .reset_index()
    )
    own_type = own.to_dict()
    out["type"] = [own_type.get(a, "demonym") for a in out["actor"].tolist()]
    out = out[keys[:-1] + ["actor", "type", "n_mentions", "n_docs"]]
    out = out.sort_values(
        keys[:-1] + ["n_mentions", "actor"],
        ascending=[True] * (len(keys) - 1) + [False, True],
        kind="mergesort",
    ).reset_index(drop=True)
    for c in ("n_mentions", "n_docs"):
        out[c] = out[c].astype("int64")
    return out


def edge_evidence(cooc: pd.DataFrame, corpus: Corpus, actor_a: str, actor_b: str) -> pd.DataFrame:
    """Return the windows behind one pair: ``doc_id, sent_id, start, end, text``.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["Russia met China. Russia and China agreed."]}))
    >>> ct.edge_evidence(ct.cooccurrence(c), c, "China", "Russia")["text"].tolist()
    ['Russia met China.', 'Russia and China agreed.']
    """
    fix = "ct.edge_evidence(ct.cooccurrence(corpus), corpus, actor_a, actor_b)"
    _table_arg(cooc, "edge_evidence", "cooc", _COOC_COLS, "ct.cooccurrence(corpus)", fix)
    require_corpus(corpus, "edge_evidence")
    known = set(cooc["actor_a"]) | set(cooc["actor_b"])
    for arg, name in (("actor_a", actor_a), ("actor_b", actor_b)):
        if name not in known:
            raise CorpusValueError(
                f"{arg}={name!r} is in no pair of this co-occurrence table; use a canonical "
                f"actor name from its actor_a/actor_b columns, e.g. {sorted(known)[:5]}."
            )
    a, b = sorted([actor_a, actor_b])
    hit = cooc[(cooc["actor_a"] == a) & (cooc["actor_b"] == b)]
    items = [item.rsplit(":", 2) for ev in hit["evidence_docs"] for item in ev]
    texts = _texts_of(corpus, {doc_id for doc_id, _, _ in items})  # only the documents shown
    rows = []
    for doc_id, sent_id, span in items:
        s, e = (int(x) for x in span.split("-"))
        rows.append((doc_id, int(sent_id), s, e, texts[doc_id][s:e]))
    df = pd.DataFrame(rows, columns=["doc_id", "sent_id", "start", "end", "text"]).drop_duplicates()
    return df.reset_index(drop=True)


def _texts_of(corpus: Corpus, doc_ids: set[str]) -> dict[str, str]:
    """``{doc_id: text}`` of the given documents only (the text column is not read whole).

    Rows are taken chunk by chunk (:class:`corpus_tools.counts.TextColumn`):
    ``.iloc[rows]`` on the loader's chunked Arrow column copies the whole column first.
    """
    ids = corpus.docs["doc_id"].astype(str)
    at = np.flatnonzero(ids.isin(list(doc_ids)).to_numpy())
    texts = TextColumn(corpus.docs["text"]).take(at)
    return dict(zip(ids.iloc[at].tolist(), texts, strict=True))


def network(
    cooc: pd.DataFrame,
    mentions: pd.DataFrame,
    *,
    min_mentions: int = 2,
    min_count: int = 2,
) -> nx.Graph:
    """Build a co-occurrence graph for Gephi or drawing.

    Nodes are actors with at least ``min_mentions`` mentions (attributes
    ``mentions``, ``n_docs``, ``type``, ``cameo``); edges are pairs with
    ``count >= min_count`` and ``score > 0`` between such actors (attributes
    ``count``, ``score``, ``measure``, ``evidence`` as a list of
    ``doc_id:sent_id:start-end``). Nodes and edges are added in sorted order.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> t = "Russia and China met. Russia and China agreed. Iran waited."
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": [t]}))
    >>> g = ct.network(ct.cooccurrence(c), ct.actor_mentions(c))
    >>> sorted(g.nodes), g.edges["China", "Russia"]["count"]
    (['China', 'Russia'], 2)
    """
    fix = "ct.network(ct.cooccurrence(corpus), ct.actor_mentions(corpus))"
    _table_arg(cooc, "network", "cooc", _COOC_COLS, "ct.cooccurrence(corpus)", fix)
    _table_arg(mentions, "network", "mentions", _MENTION_COLS, "ct.actor_mentions(corpus)", fix)
    if "group" in cooc.columns:
        raise CorpusValueError(
            "network() takes a table for one group; filter cooc[cooc['group'] == ...] first."
        )
    check_whole("min_mentions", min_mentions, 1)
    check_whole("min_count", min_count, 1)
    m = mentions[mentions["type"] != "location"]
    counts = actor_counts(m)
    cameo = (
        m.dropna(subset=["cameo"]).groupby("actor")["cameo"].first()
        if "cameo" in m
        else pd.Series(dtype=object)
    )
    g = nx.Graph()
    keep = counts[counts["n_mentions"] >= min_mentions].sort_values("actor", kind="mergesort")
    for r in keep.itertuples(index=False):
        g.add_node(
            r.actor,
            mentions=int(r.n_mentions),
            n_docs=int(r.n_docs),
            type=str(r.type),
            cameo=str(cameo.get(r.actor, "")) if r.actor in cameo else "",
        )
    e = cooc[(cooc["count"] >= min_count) & (cooc["score"] > 0)]
    e = e.sort_values(["actor_a", "actor_b"], kind="mergesort")
    for r in e.itertuples(index=False):
        if r.actor_a in g and r.actor_b in g:
            g.add_edge(
                r.actor_a,
                r.actor_b,
                count=int(r.count),
                score=round(float(r.score), 6),
                measure=str(r.measure),
                evidence=list(r.evidence_docs),
            )
    return g


def network_layout(graphs: nx.Graph | Iterable[nx.Graph], *, seed: int = 42) -> pd.DataFrame:
    """Return fixed node positions (``actor, x, y``) from a seeded spring layout on the union graph.

    Pass several graphs (one per outlet) to get one layout for all of them,
    so small multiples can be compared. Positions are rounded to 6 decimals.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.Graph([("China", "Russia")])
    >>> network_layout(g).columns.tolist()
    ['actor', 'x', 'y']
    """
    fix = "ct.network_layout(ct.group_networks(corpus).values())"
    if not isinstance(graphs, nx.Graph) and (
        isinstance(graphs, (dict, pd.DataFrame, str)) or not isinstance(graphs, Iterable)
    ):
        _graph_arg(graphs, "network_layout", "graphs", fix)  # a dict iterates over its keys
    graphs = [graphs] if isinstance(graphs, nx.Graph) else list(graphs)
    for g in graphs:
        _graph_arg(g, "network_layout", "graphs", fix)
    union = nx.Graph()
    for g in graphs:
        union.add_nodes_from(sorted(g.nodes))
        for a, b, d in sorted(g.edges(data=True), key=lambda t: (t[0], t[1])):
            w = union.edges[a, b]["weight"] if union.has_edge(a, b) else 0
            union.add_edge(a, b, weight=w + int(d.get("count", 1)))
    if union.number_of_nodes() == 0:
        return pd.DataFrame(
            {
                "actor": pd.Series(dtype=object),
                "x": pd.Series(dtype=float),
                "y": pd.Series(dtype=float),
            }
        )
    pos = nx.spring_layout(union, seed=seed, weight="weight")
    rows = [
        (a, round(float(pos[a][0]), 6) + 0.0, round(float(pos[a][1]), 6) + 0.0) for a in sorted(pos)
    ]
    return pd.DataFrame(rows, columns=["actor", "x", "y"])


def group_networks(
    corpus: Corpus,
    by: str = "outlet",
    window: Literal["sentence", "paragraph", "document"] = "sentence",
    measure: Literal["count", "jaccard", "pmi", "ppmi", "npmi", "g2"] = "npmi",
    min_count: int = 2,
    *,
    mentions: pd.DataFrame | None = None,
    min_mentions: int = 1,
) -> dict[str, nx.Graph]:
    """Build one co-occurrence network per group (e.g. per outlet), for small multiples.

    Each group's graph is :func:`network` applied to that group's
    :func:`cooccurrence` table and mentions, so scores use the group's own
    windows. Keys are group names as in :func:`compare_networks`
    (``"(missing)"`` for documents without a value), in sorted order.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"],
    ...                      "text": ["Russia and China met. Russia and China agreed.", "Iran waited."]})
    >>> gs = ct.group_networks(ct.Corpus(docs), measure="count")
    >>> {k: sorted(g.edges) for k, g in gs.items()}
    {'X': [('China', 'Russia')], 'Y': []}

    Notes
    -----
    With one article per group each graph is one article's network; pair
    the drawing with :func:`compare_networks` (rates per 100 windows).
    """
    require_corpus(corpus, "group_networks")
    check_options(window, measure, min_count)
    check_whole("min_mentions", min_mentions, 1)
    mentions = _mentions_or_found(corpus, mentions, fn="group_networks")
    table = cooccurrence(
        corpus, window=window, by=by, measure=measure, min_count=min_count, mentions=mentions
    )
    label = _group_labels(corpus, by)
    nodes = _group_nodes(mentions, label, min_mentions)
    edges = table[(table["count"] >= min_count) & (table["score"] > 0)]
    edges = edges.sort_values(["group", "actor_a", "actor_b"], kind="mergesort")
    out: dict[str, nx.Graph] = {}
    for name in sorted(set(label.tolist())):
        out[name] = nx.Graph()
        out[name].add_nodes_from(nodes.get(name, []))
    for g, a, b, n, score, ms, ev in zip(
        *(edges[c].tolist() for c in ["group", "actor_a", "actor_b", "count", "score"]),
        edges["measure"].tolist(),
        edges["evidence_docs"].tolist(),
        strict=True,
    ):  # as network() adds them to each group's graph: only between its nodes
        graph = out[g]
        if a in graph and b in graph:
            kw = {"count": int(n), "score": round(float(score), 6), "measure": str(ms)}
            graph.add_edge(a, b, **kw, evidence=list(ev))
    return out


def _group_nodes(
    mentions: pd.DataFrame, label: pd.Series, min_mentions: int
) -> dict[Any, list[tuple[str, dict[str, Any]]]]:
    """Per group, the nodes :func:`network` adds for that group's mentions, from one grouped pass.

    Per (group, actor): ``mentions`` and ``n_docs``, ``type`` (the most frequent
    non-demonym type in the group, first seen on ties, as ``value_counts``;
    ``"demonym"`` if none) and ``cameo`` (the first one given, else ``""``).
    """
    m = mentions[mentions["type"] != "location"]
    no_cameo = np.full(len(m), None, dtype=object)
    df = pd.DataFrame(
        {
            "group": m["doc_id"].astype(str).map(label).to_numpy(dtype=object),
            "actor": m["actor"].to_numpy(dtype=object),
            "type": m["type"].to_numpy(dtype=object),
            "doc_id": m["doc_id"].to_numpy(),
            "cameo": m["cameo"].to_numpy(dtype=object) if "cameo" in m else no_cameo,
        }
    )
    keys = ["group", "actor"]
    counts = df.groupby(keys, sort=True).agg(n=("actor", "size"), n_docs=("doc_id", "nunique"))
    counts = counts[counts["n"] >= min_mentions]
    typed = df[df["type"] != "demonym"].groupby([*keys, "type"], sort=False).size()
    typed = typed.reset_index(name="k").sort_values("k", ascending=False, kind="mergesort")
    typed = typed.drop_duplicates(keys)
    pairs = zip(typed["group"], typed["actor"], strict=True)
    own = dict(zip(pairs, typed["type"], strict=True))
    first = df.dropna(subset=["cameo"]).groupby(keys, sort=False)["cameo"].first()
    cameo = dict(zip(first.index.tolist(), first.tolist(), strict=True))
    out: dict[Any, list[tuple[str, dict[str, Any]]]] = {}
    for (g, a), n, n_docs in zip(
        counts.index.tolist(), counts["n"].tolist(), counts["n_docs"].tolist(), strict=True
    ):
        attrs = {
            "mentions": int(n),
            "n_docs": int(n_docs),
            "type": str(own.get((g, a), "demonym")),
            "cameo": str(cameo[(g, a)]) if (g, a) in cameo else "",
        }
        out.setdefault(g, []).append((a, attrs))
    return out


def write_network(
    g: nx.Graph,
    path: str | Path,
    format: Literal["graphml", "gexf"] | None = None,
    *,
    overwrite: bool = False,
) -> Path:
    """Write a graph to GraphML or GEXF (for Gephi), with attributes made exportable.

    Lists become ``"; "``-joined strings and ``None`` becomes ``""``; the
    graph passed in is not changed. The format is taken from the file
    suffix when not given. An existing file is replaced only with
    ``overwrite=True``; a folder never. The file is written whole or not at all
    (an error or Ctrl-C half way leaves no file under its name).
    """
    _graph_arg(g, "write_network", "g", "ct.write_network(ct.network(cooc, mentions), path)")
    path = Path(path)
    fmt = format or path.suffix.lstrip(".").lower()
    if fmt not in ("graphml", "gexf"):
        raise invalid_option("format", fmt, ("graphml", "gexf"))
    path = new_file(path, overwrite=overwrite)
    h = nx.Graph()

    def clean(d: dict[str, Any]) -> dict[str, Any]:
        out = {}
        for k, v in d.items():
            if isinstance(v, (list, tuple, set)):
                v = "; ".join(str(x) for x in (sorted(v) if isinstance(v, set) else v))
            elif v is None:
                v = ""
            elif isinstance(v, np.generic):
                v = v.item()
            out[k] = v
        return out

    for n, d in g.nodes(data=True):
        h.add_node(n, **clean(d))
    for a, b, d in g.edges(data=True):
        h.add_edge(a, b, **clean(d))
    with whole_file(path, overwrite=overwrite, what="graph") as fh:  # whole or not at all
        (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(h, fh)
    return path


def compare_networks(
    corpus: Corpus,
    by: str = "outlet",
    window: Literal["sentence", "paragraph", "document"] = "sentence",
    measure: Literal["count", "jaccard", "pmi", "ppmi", "npmi", "g2"] = "npmi",
    min_count: int = 2,
    *,
    mentions: pd.DataFrame | None = None,
    keep_absent: bool | None = None,
) -> pd.DataFrame:
    """Return each pair's strength in each group, with ``only_in`` flags.

    Parameters
    ----------
    keep_absent : bool, optional
        Keep the rows of pairs a group never has (count 0). By default they
        are kept unless pairs x groups exceeds 1,000,000 rows (1,590 outlets
        of 10,037 headlines and their 115 pairs made 182,850 rows, 99 % of
        them 0); then they are left out with a warning. ``True`` keeps every
        row, ``False`` never keeps them.

    Returns
    -------
    pandas.DataFrame
        ``actor_a, actor_b, group, count, n_windows, rate_per_100`` (windows
        with both per 100 windows of the group), ``score`` (NaN when the pair
        is absent), ``present`` (``count >= min_count``), ``only_in`` (the
        group's name when the pair is present there and absent, count 0,
        everywhere else; else ``""``). One row per pair present in at least
        one group and per group (per group where the pair occurs when the
        absent rows are left out); sorted by pair, then group.
        ``attrs["n_groups"]`` is the number of groups.

    Notes
    -----
    Groups with more windows have more edges: compare ``rate_per_100``, and
    with one article per outlet remember each network is one article's.
    """
    require_corpus(corpus, "compare_networks")
    check_options(window, measure, min_count)
    mentions = _mentions_or_found(corpus, mentions, fn="compare_networks")
    full = cooccurrence(
        corpus, window=window, by=by, measure=measure, min_count=1, mentions=mentions
    )
    label = _group_labels(corpus, by)
    n_by = _windows_per_group(_windows(corpus, window), label).to_dict()
    groups = _group_order(label)
    df = _pair_group_grid(full, min_count, groups, keep_absent)
    n = df["group"].map(n_by).fillna(0).astype("int64")
    df["n_windows"] = n
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = np.where(n > 0, 100 * df["count"].to_numpy() / n.where(n > 0, 1), np.nan)
    df["rate_per_100"] = np.round(rate, 6)
    df["present"] = (df["count"] >= min_count).astype(bool)
    # "only in": present here and count 0 in every other group, i.e. the pair's only nonzero group
    nonzero = (df["count"] > 0).groupby([df["actor_a"], df["actor_b"]], sort=False).transform("sum")
    only = df["present"] & (nonzero == 1)
    df["only_in"] = np.where(only, df["group"], "")
    df = df[COMPARE_NETWORKS_COLUMNS]
    for c in ("count", "n_windows"):
        df[c] = df[c].astype("int64")
    df = df.reset_index(drop=True)
    df.attrs["n_groups"] = len(groups)
    return df


COMPARE_NETWORKS_COLUMNS = [
    "actor_a",
    "actor_b",
    "group",
    "count",
    "n_windows",
    "rate_per_100",
    "score",
    "present",
    "only_in",
]


def _group_order(label: pd.Series) -> list[str]:
    """The group labels sorted, the missing-value group last."""
    named = set(label.tolist())
    return sorted(named - {MISSING}) + ([MISSING] if MISSING in named else [])


#: pairs x groups above which compare_networks leaves out the count-0 rows (as keyness does)
FULL_GRID_ROWS = 1_000_000


def _pair_group_grid(
    full: pd.DataFrame, min_count: int, groups: list[str], keep_absent: bool | None = True
) -> pd.DataFrame:
    """One row per (pair present somewhere, group) with the group's ``count`` and ``score``.

    A cross join built with numpy, then the grouped co-occurrence table merged
    in: a pair absent from a group has count 0 and score NaN there. Without the
    absent rows (``keep_absent`` False, or None over :data:`FULL_GRID_ROWS`),
    only the groups where the pair occurs, from ``full`` (no grid is built).
    """
    present = full[full["count"] >= min_count]
    pairs = (
        present[["actor_a", "actor_b"]]
        .drop_duplicates()
        .sort_values(["actor_a", "actor_b"], kind="mergesort")
        .reset_index(drop=True)
    )
    n_p, n_g = len(pairs), len(groups)
    if keep_absent is False or (keep_absent is None and n_p * n_g > FULL_GRID_ROWS):
        if keep_absent is None:
            warnings.warn(
                f"compare_networks: {n_p:,} pairs x {n_g:,} groups would make {n_p * n_g:,} "
                f"rows (over {FULL_GRID_ROWS:,}): the rows of pairs a group never has (count 0) "
                "are left out; pass keep_absent=True for every row, or compare fewer groups "
                "(corpus.subset(...) of the largest outlets).",
                CorpusToolsWarning,
                stacklevel=3,
            )
        rank = {g: i for i, g in enumerate(groups)}
        df = full.merge(pairs, on=["actor_a", "actor_b"], how="inner", sort=False)
        df = df.assign(_g=df["group"].map(rank)).sort_values(
            ["actor_a", "actor_b", "_g"], kind="mergesort"
        )
        df = df[["actor_a", "actor_b", "group", "count", "score"]].reset_index(drop=True)
        df["count"] = df["count"].astype("int64")
        df["score"] = df["score"].astype(float)
        return df
    grid = pd.DataFrame(
        {
            "actor_a": np.repeat(pairs["actor_a"].to_numpy(dtype=object), n_g),
            "actor_b": np.repeat(pairs["actor_b"].to_numpy(dtype=object), n_g),
            "group": np.tile(np.asarray(groups, dtype=object), n_p),
        }
    )
    df = grid.merge(
        full[["actor_a", "actor_b", "group", "count", "score"]],
        on=["actor_a", "actor_b", "group"],
        how="left",
        sort=False,
    )
    df["count"] = df["count"].fillna(0).astype("int64")
    df["score"] = df["score"].astype(float)
    return df


def network_overlap(comparison: pd.DataFrame, *, max_groups: int | None = 30) -> pd.DataFrame:
    """Summarise :func:`compare_networks`: edge-set overlap for each pair of groups.

    Returns ``group_a, group_b, n_edges_a, n_edges_b, n_shared, jaccard,
    spearman`` (Spearman rank correlation of ``rate_per_100`` over shared
    edges), sorted by ``n_shared`` then ``jaccard`` descending (then group
    names). Groups without a present edge have nothing to compare and are
    left out; ``attrs["n_groups_without_edges"]`` says how many,
    ``attrs["n_groups_compared"]`` how many groups the rows pair and
    ``attrs["n_groups_over_cap"]`` how many groups with edges ``max_groups``
    left out (``attrs["overlap_cap"]`` says it in words).

    Parameters
    ----------
    comparison : pandas.DataFrame
        The table from :func:`compare_networks`.
    max_groups : int or None, default 30
        Compare only the groups with most present edges (ties by name): the
        number of rows grows with the square of the number of groups (756
        outlets would give 285,390 rows), so at most ``max_groups * (max_groups
        - 1) / 2`` rows are returned. ``None`` compares every group with an edge.

    Notes
    -----
    ``spearman`` is NaN, by design and without a warning, when it is not
    defined or not meaningful: fewer than 3 shared edges, or the shared
    edges have the same rate in one group (constant input, e.g. every shared
    pair in exactly one window of a one-article outlet), so there is no
    ranking to correlate. Read ``n_shared`` and ``jaccard`` first.

    Examples
    --------
    >>> df = pd.DataFrame({"actor_a": ["A", "A", "B", "B"], "actor_b": ["B", "B", "C", "C"],
    ...                    "group": ["x", "y", "x", "y"], "count": [2, 2, 3, 0],
    ...                    "rate_per_100": [1.0, 2.0, 3.0, 0.0], "present": [True, True, True, False]})
    >>> network_overlap(df)[["group_a", "group_b", "n_shared", "jaccard"]].values.tolist()
    [['x', 'y', 1, 0.5]]
    """
    fix = "ct.network_overlap(ct.compare_networks(corpus))"
    cols = ["group", "actor_a", "actor_b", "present"]
    _table_arg(
        comparison, "network_overlap", "comparison", cols, "ct.compare_networks(corpus)", fix
    )
    if max_groups is not None and (
        isinstance(max_groups, bool) or not isinstance(max_groups, int) or max_groups < 2
    ):
        raise CorpusValueError(f"max_groups={max_groups!r} must be an integer >= 2 or None.")
    all_groups, rates = _edge_rates(comparison)
    groups = [g for g in all_groups if rates[g]]  # a group without edges shares nothing
    n_with_edges = len(groups)
    # a table without its count-0 rows lacks the groups with no pair: attrs has their number
    n_groups = max(int(comparison.attrs.get("n_groups", 0)), len(all_groups))
    if max_groups is not None and len(groups) > max_groups:
        by_size = sorted(groups, key=lambda g: (-len(rates[g]), str(g)))
        keep = set(by_size[:max_groups])
        groups = [g for g in groups if g in keep]
    rows = [_overlap_row(ga, gb, rates[ga], rates[gb]) for ga, gb in combinations(groups, 2)]
    df = pd.DataFrame(
        rows,
        columns=["group_a", "group_b", "n_edges_a", "n_edges_b", "n_shared", "jaccard", "spearman"],
    )
    for c in ("n_edges_a", "n_edges_b", "n_shared"):
        df[c] = df[c].astype("int64")
    df = df.sort_values(
        ["n_shared", "jaccard", "group_a", "group_b"],
        ascending=[False, False, True, True],
        kind="mergesort",
    ).reset_index(drop=True)
    df.attrs["n_groups_without_edges"] = n_groups - n_with_edges
    df.attrs["n_groups_compared"] = len(groups)
    df.attrs["n_groups_over_cap"] = n_with_edges - len(groups)
    df.attrs["overlap_cap"] = (
        f"the {len(groups):,} groups with most edges of {n_with_edges:,} with an edge "
        f"(max_groups={max_groups})"
        if n_with_edges > len(groups)
        else f"all {n_with_edges:,} groups with an edge"
    )
    return df


def _edge_rates(
    comparison: pd.DataFrame,
) -> tuple[list[Any], dict[Any, dict[tuple[str, str], float]]]:
    """Every group of a :func:`compare_networks` table (sorted), and its present edges:
    group -> {(actor_a, actor_b): rate_per_100} (empty for a group without an edge)."""
    all_groups = sorted(comparison["group"].unique().tolist())
    p = comparison[comparison["present"].astype(bool)]
    rates: dict[Any, dict[tuple[str, str], float]] = {g: {} for g in all_groups}
    for g, a, b, r in zip(
        p["group"].tolist(),
        p["actor_a"].tolist(),
        p["actor_b"].tolist(),
        p["rate_per_100"].tolist(),
        strict=True,
    ):
        rates[g][(a, b)] = r
    return all_groups, rates


def _overlap_row(
    ga: Any, gb: Any, ea: dict[tuple[str, str], float], eb: dict[tuple[str, str], float]
) -> tuple[Any, ...]:
    """One :func:`network_overlap` row: edges of each group (pair -> rate), shared, jaccard, spearman."""
    shared = sorted(ea.keys() & eb.keys())
    union = len(ea) + len(eb) - len(shared)
    rho = float("nan")
    if len(shared) >= 3:
        ra = np.array([ea[k] for k in shared], dtype=float)
        rb = np.array([eb[k] for k in shared], dtype=float)
        if len(np.unique(ra)) > 1 and len(np.unique(rb)) > 1:  # constant input: no ranking
            rho = float(pd.Series(ra).corr(pd.Series(rb), method="spearman"))
    jaccard = len(shared) / union if union else math.nan
    return (ga, gb, len(ea), len(eb), len(shared), jaccard, rho)
