"""Similarity: TF-IDF cosine between documents or groups, as a pairwise table.

TF-IDF weights come from the corpus' term counts
(:class:`corpus_tools.counts.DocTermCounts`, the same counts as frequencies and
keyness), with scikit-learn's weighting; pairs are listed with the terms that
contribute most to their cosine.

Features are the toolkit's word tokens (``lower``, the columns of
:class:`corpus_tools.counts.DocTermCounts`), never scikit-learn's
default token pattern (which drops ``U.S.`` and splits ``1,400``).
scikit-learn defaults otherwise: ``idf = ln((1 + n) / (1 + df)) + 1``,
L2 norm. With a handful of documents idf takes only a few values and
TF-IDF is close to plain term frequency; longer documents share more
vocabulary with everything, so their similarities run higher. The
vectors stay sparse and the products are taken in blocks of rows, so
memory grows with the number of nonzero similarities in a block, not
with items².

References
----------
Salton, G., & Buckley, C. (1988). Term-weighting approaches in automatic
text retrieval. *Information Processing & Management*, 24(5), 513-523.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ._tables import sort_rows
from .corpus import require_corpus
from .counts import DocTermCounts
from .errors import CorpusToolsWarning, CorpusValueError
from .languages import counts_for

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = ["similarity"]

SIMILARITY_COLUMNS = ["a", "b", "cosine", "top_terms", "n_docs_a", "n_docs_b"]


class Items(NamedTuple):
    """The rows compared: labels, L2-normalised TF-IDF vectors, documents per item."""

    labels: list[str]
    mat: sp.csr_matrix
    n_docs: np.ndarray


_BLOCK = 1 << 22  # entries per elementwise step (bounded temporaries)


def tfidf(
    counts: DocTermCounts, sublinear_tf: bool = False, *, consume: bool = False
) -> sp.csr_matrix:
    """L2-normalised TF-IDF rows of a count matrix (scikit-learn's smooth idf).

    ``idf = ln((1 + n) / (1 + df)) + 1``; the numbers equal
    ``TfidfVectorizer`` run on the same tokens. The weights are computed in
    place on one float copy of the counts (scikit-learn's ``transform`` steps,
    taken block by block), so the peak is that copy, not three. ``consume=True``
    (counts made for this call alone, nobody else holds them): their column index
    array becomes the result's and their counts are released once converted, so
    the float copy replaces them instead of standing beside them; ``counts.matrix``
    is unusable afterwards.

    >>> from corpus_tools.counts import count_texts
    >>> tfidf(count_texts(["a b", "a c"])).toarray().round(3).tolist()
    [[0.58, 0.815, 0.0], [0.58, 0.0, 0.815]]
    """
    idf = _idf(counts.matrix)
    return _weighted(_float_copy(counts.matrix, consume), counts.first_seen, idf, sublinear_tf)


def _idf(m: sp.csr_matrix) -> np.ndarray:
    """scikit-learn's smooth idf of the count matrix ``m`` (document frequencies only)."""
    from sklearn.feature_extraction.text import TfidfTransformer

    return np.asarray(TfidfTransformer(norm="l2").fit(m).idf_)


def _weighted(
    x: sp.csr_matrix, first_seen: np.ndarray | None, idf: np.ndarray, sublinear_tf: bool
) -> sp.csr_matrix:
    """The float counts ``x`` weighted in place: TF-IDF rows, L2-normalised (each row alone,
    so a block of rows gives the same numbers as the whole matrix)."""
    from sklearn.preprocessing import normalize

    if first_seen is not None:
        # store each row's entries in order of the terms' first appearance, as scikit-learn's
        # vectorizer does (its columns are sorted by name afterwards, its rows are not): the
        # norms are then summed in the same order and the numbers are the same to the last bit
        rank = first_seen.astype(x.indices.dtype)
        _map_in_place(x.indices, rank)
        x.has_sorted_indices = False
        x.sort_indices()
        column = np.empty_like(rank)
        column[rank] = np.arange(len(rank), dtype=rank.dtype)
        _map_in_place(x.indices, column)
        x.has_sorted_indices = False
    if sublinear_tf:
        np.log(x.data, out=x.data)
        x.data += 1.0
    for a in range(0, x.nnz, _BLOCK):
        x.data[a : a + _BLOCK] *= idf[x.indices[a : a + _BLOCK]]
    return sp.csr_matrix(normalize(x, norm="l2", copy=False))


def _float_copy(m: sp.csr_matrix, consume: bool) -> sp.csr_matrix:
    """``m`` with float64 values; ``consume``: sharing ``m``'s int32 column indices, and
    ``m``'s values released before the float ones are made (``m`` is left emptied)."""
    if consume and m.indices.dtype == np.int32:
        values = m.data
        m.data = np.empty(0, dtype=values.dtype)  # their only other reference: freed below
        data = np.empty(len(values), dtype=np.float64)
        for a in range(0, len(values), _BLOCK):
            data[a : a + _BLOCK] = values[a : a + _BLOCK]
        del values
        return sp.csr_matrix((data, m.indices, m.indptr.copy()), shape=m.shape)
    return sp.csr_matrix(
        (m.data.astype(np.float64), m.indices.astype(np.int32), m.indptr.copy()), shape=m.shape
    )


def _map_in_place(values: np.ndarray, table: np.ndarray) -> None:
    """``values[:] = table[values]``, block by block."""
    for a in range(0, len(values), _BLOCK):
        values[a : a + _BLOCK] = table[values[a : a + _BLOCK]]


def _doc_items(counts: DocTermCounts, x: sp.csr_matrix) -> Items:
    """The documents, ``x`` their TF-IDF rows."""
    return Items([str(d) for d in counts.doc_ids], x, np.ones(len(counts.doc_ids), "int64"))


def _group_items(counts: DocTermCounts, sublinear_tf: bool) -> Items:
    """Groups as the normalised mean of their documents' TF-IDF vectors.

    A group's documents are weighted a run of rows at a time (:func:`_row_runs`) and added
    into the group's row in document order, entry by entry (:class:`_RowSums`): the numbers
    and their order are those of the product ``averages @ tfidf(counts)``, without a float
    copy of the whole matrix beside the counts."""
    m = counts.matrix
    idf = _idf(m)
    codes, labels = counts.group_codes()
    n_docs = np.bincount(codes, minlength=len(labels)).astype("int64")
    weight = 1.0 / n_docs
    order = np.argsort(codes, kind="stable")
    ends = np.cumsum(n_docs)
    sums = _RowSums(m.shape[1])
    for g in range(len(labels)):
        rows = order[ends[g] - n_docs[g] : ends[g]]
        for run in _row_runs(rows, m.indptr):
            x = _weighted(_float_copy(m[run], False), counts.first_seen, idf, sublinear_tf)
            sums.add(x.indices, weight[g] * x.data)
        sums.end_row()
    mat = sums.matrix(len(labels))
    norms = np.sqrt(np.asarray(mat.multiply(mat).sum(axis=1)).ravel())
    mat = sp.csr_matrix(sp.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ mat)
    return Items(labels, mat, n_docs)


def _row_runs(rows: np.ndarray, indptr: np.ndarray) -> Iterator[np.ndarray]:
    """``rows`` in runs holding at most :data:`_BLOCK` entries (one row at least)."""
    sizes = (indptr[rows + 1] - indptr[rows]).astype(np.int64)
    ends = np.cumsum(sizes)
    lo = 0
    while lo < len(rows):
        hi = int(np.searchsorted(ends, ends[lo] - sizes[lo] + _BLOCK, side="right"))
        hi = max(hi, lo + 1)
        yield rows[lo:hi]
        lo = hi


class _RowSums:
    """Sparse rows summed entry by entry, as SciPy's sparse product sums them: each column's
    value is added in the order given, from 0, and a row's columns are stored latest first
    touched first (so what is computed from the rows after, in stored order, is the same
    to the last bit)."""

    def __init__(self, n_cols: int) -> None:
        self.acc = np.zeros(n_cols, dtype=np.float64)
        self.first = np.full(n_cols, -1, dtype=np.int64)
        self.seen = 0
        self.new: list[np.ndarray] = []
        self.data: list[np.ndarray] = []
        self.indices: list[np.ndarray] = []
        self.indptr = [0]

    def add(self, cols: np.ndarray, vals: np.ndarray) -> None:
        """Add ``vals`` at ``cols``, in order, to the current row."""
        uniq, pos = np.unique(cols, return_index=True)
        fresh = self.first[uniq] < 0
        self.first[uniq[fresh]] = self.seen + pos[fresh]
        self.new.append(uniq[fresh])
        np.add.at(self.acc, cols, vals)
        self.seen += len(cols)

    def end_row(self) -> None:
        """Store the current row (its nonzero sums) and start the next."""
        cols = np.concatenate(self.new) if self.new else np.zeros(0, dtype=np.int64)
        cols = cols[np.argsort(-self.first[cols])]
        vals = self.acc[cols]
        keep = vals != 0
        self.indices.append(cols[keep])
        self.data.append(vals[keep])
        self.indptr.append(self.indptr[-1] + int(np.count_nonzero(keep)))
        self.acc[cols] = 0.0
        self.first[cols] = -1
        self.seen = 0
        self.new = []

    def matrix(self, n_rows: int) -> sp.csr_matrix:
        """The rows stored, as a matrix."""
        empty = np.zeros(0)
        data = np.concatenate([empty, *self.data])
        indices = np.concatenate([empty.astype(np.int32), *self.indices]).astype(np.int32)
        indptr = np.asarray(self.indptr, dtype=np.int64)
        return sp.csr_matrix((data, indices, indptr), shape=(n_rows, len(self.acc)))


def _pairs(items: Items, top_k: int | None) -> list[tuple[int, int]]:
    """Every pair in label order, or (``top_k`` given) each item's nearest partners."""
    n = len(items.labels)
    rank = np.empty(n, dtype=np.int64)  # position of each item in label order
    rank[sorted(range(n), key=lambda i: items.labels[i])] = np.arange(n)
    if top_k is not None:
        return _nearest_pairs(items.mat, rank, top_k)
    order = np.argsort(rank)
    return [(int(i), int(j)) for k, i in enumerate(order) for j in order[k + 1 :]]


def _pair_rows(
    items: Items, pairs: list[tuple[int, int]], vocab: np.ndarray, n_terms: int
) -> dict[str, list]:
    """Cosine and top contributing terms of every pair."""
    out: dict[str, list] = {c: [] for c in SIMILARITY_COLUMNS}
    mat, labels, counts = items.mat, items.labels, items.n_docs
    # every pair's per-term contributions at once, in chunks: row k of ``both`` holds the
    # products of the two vectors on their shared terms (sorted term order)
    for chunk in _pair_chunks(pairs, np.diff(mat.indptr)):
        pi = np.fromiter((p[0] for p in chunk), dtype=np.int64, count=len(chunk))
        pj = np.fromiter((p[1] for p in chunk), dtype=np.int64, count=len(chunk))
        both = sp.csr_matrix(mat[pi].multiply(mat[pj]))
        both.sort_indices()
        b_ind, b_dat, b_ptr = both.indices, both.data, both.indptr
        for k, (i, j) in enumerate(chunk):
            common = b_ind[b_ptr[k] : b_ptr[k + 1]]
            contrib = b_dat[b_ptr[k] : b_ptr[k + 1]]
            cos = float(contrib.sum())
            keep = contrib > 0
            terms, vals = common[keep], contrib[keep]
            # terms are sorted, so the term index breaks ties alphabetically
            top = np.lexsort((terms, -np.round(vals, 12)))[:n_terms].tolist()
            out["a"].append(labels[i])
            out["b"].append(labels[j])
            out["cosine"].append(min(max(cos, 0.0), 1.0))
            out["top_terms"].append("; ".join(f"{vocab[terms[t]]} ({vals[t]:.3f})" for t in top))
            out["n_docs_a"].append(int(counts[i]))
            out["n_docs_b"].append(int(counts[j]))
    return out


def _pair_chunks(
    pairs: list[tuple[int, int]], row_nnz: np.ndarray
) -> Iterator[list[tuple[int, int]]]:
    """``pairs`` in runs of at most 20,000 whose two rows hold at most :data:`_BLOCK` entries
    in all (at least one pair a run): the rows copied for a run stay bounded. Groups of a
    large corpus are long vectors (32 outlets of 100,000 articles: ~200,000 terms each), so
    20,000 pairs at once copied 1.2 GB; the numbers do not depend on the runs."""
    lo, n = 0, len(pairs)
    while lo < n:
        hi, size = lo, 0
        while hi < n and hi - lo < 20_000:
            i, j = pairs[hi]
            size += int(row_nnz[i]) + int(row_nnz[j])
            if size > _BLOCK and hi > lo:
                break
            hi += 1
        yield pairs[lo:hi]
        lo = hi


def _check_options(corpus: Any, **minimum_of: int) -> None:
    require_corpus(corpus, "similarity")
    lows = {"top_k": 1, "all_pairs_up_to": 0, "n_terms": 0}
    for name, val in minimum_of.items():
        if isinstance(val, bool) or not isinstance(val, int) or val < lows[name]:
            raise CorpusValueError(f"{name}={val!r} must be an integer >= {lows[name]}.")


def similarity(
    corpus: Corpus | DocTermCounts,
    by: str = "doc_id",
    *,
    stopwords: bool = False,
    sublinear_tf: bool = False,
    n_terms: int = 5,
    top_k: int = 10,
    all_pairs_up_to: int = 100,
    language: str | None = None,
) -> pd.DataFrame:
    """TF-IDF cosine similarity between documents or groups, as a pairwise table.

    Parameters
    ----------
    corpus : Corpus or DocTermCounts
        A loaded corpus, or its unigram counts
        (:func:`corpus_tools.counts.doc_term_counts`): then the documents are
        compared when the counts were built ``by="doc_id"``, else their
        groups, and ``stopwords`` is what the counts were built with.
    by : str, default "doc_id"
        ``"doc_id"`` compares documents; another ``corpus.docs`` column compares
        groups, as the mean of their documents' L2-normalised TF-IDF vectors.
    stopwords, sublinear_tf : bool, default False
        Keep stopwords as features; use ``1 + ln(tf)``, which damps repetition.
    language : str, optional
        Whose stopwords are left out; default the corpus' language, English when unclear
        (:func:`corpus_tools.languages.analysis_language`); in ``attrs["stopword_language"]``.
    n_terms : int, default 5
        Number of terms listed in ``top_terms``.
    top_k : int, default 10
        With more than ``all_pairs_up_to`` items, keep each item's ``top_k``
        most similar partners (cosine > 0): at most ``top_k`` x items rows.
    all_pairs_up_to : int, default 100
        Up to this many items, every pair is listed (cosine 0 included).

    Returns
    -------
    pandas.DataFrame
        One row per unordered pair ``a < b`` (all pairs, or each item's
        nearest neighbours, see ``top_k``): ``a``, ``b`` (str), ``cosine``
        (float in [0, 1]), ``top_terms`` (str: the terms that contribute
        most, ``"term (0.093); ..."``; a pair's contributions sum to its
        cosine), ``n_docs_a``, ``n_docs_b`` (int). Sorted by ``cosine``
        descending, then ``a``, ``b``. ``table.attrs["similarity_cap"]`` says
        whether and how pairs were capped, ``table.attrs["similarity_top_k"]``
        is ``top_k`` when they were (else None).

    Notes
    -----
    Each item's nearest partners are exact, so every item is scored against
    all the others: the time grows with the square of the number of items
    (real news articles, CPU: 10,000 in 3.6 s, 20,000 in 9 s; a warning from
    :data:`MANY_ITEMS` on). Compare a sample (:func:`corpus_tools.detail_sample`)
    or groups (``by="outlet"``) on larger corpora.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "text": [
    ...     "Russia and China coordinate on Gaza.",
    ...     "Russia and China coordinate on Gaza, ceasefire talks in Doha.",
    ...     "Hamas attack on Israel from Gaza."]}))
    >>> similarity(c, stopwords=True)[["a", "b", "cosine"]].round(3)
        a   b  cosine
    0  d1  d2   0.655
    1  d1  d3   0.185
    2  d2  d3   0.122
    """
    _check_options(corpus, top_k=top_k, all_pairs_up_to=all_pairs_up_to, n_terms=n_terms)
    counts, lang = counts_for(corpus, by, stopwords=stopwords, language=language)
    own = _made_for_call(corpus, by, counts)
    terms, items = counts.terms, _weighted_items(counts, by, sublinear_tf, own)
    del counts  # counts without stopwords are derived for this call: free them before the pairs
    if items is None:
        return _empty_table(lang)
    cap = top_k if len(items.labels) > all_pairs_up_to else None
    return _compared(items, terms, n_terms, cap, lang)


def _made_for_call(corpus: Corpus | DocTermCounts, by: str, counts: DocTermCounts) -> bool:
    """Whether ``counts`` (from :func:`counts_for`) were derived for this call alone: not the
    counts kept on the corpus or given, and sharing no array with them (then
    :func:`tfidf` may consume them)."""
    from .counts import as_counts

    kept = as_counts(corpus, by, stopwords=True)  # kept on the corpus: no new count
    if counts is kept or counts is corpus:
        return False
    mine, theirs = counts.matrix, kept.matrix
    return not any(
        np.may_share_memory(a, b)
        for a in (mine.data, mine.indices, mine.indptr)
        for b in (theirs.data, theirs.indices, theirs.indptr)
    )


def _weighted_items(
    counts: DocTermCounts, by: str, sublinear_tf: bool, consume: bool = False
) -> Items | None:
    """The items :func:`similarity` compares (TF-IDF rows), None when there is no pair to
    compare; warns at the caller of :func:`similarity` when there are fewer than two items or
    very many (:func:`warn_few_items`, :func:`warn_many_items`). ``consume``: the counts
    were made for this call (:func:`_made_for_call`) and are emptied by :func:`tfidf`."""
    if counts.matrix.nnz == 0 or counts.matrix.shape[0] < 2:
        warn_few_items(by, counts.matrix.shape[0], stacklevel=4)
        return None
    if counts.by == "doc_id":
        items = _doc_items(counts, tfidf(counts, sublinear_tf, consume=consume))
    else:
        items = _group_items(counts, sublinear_tf)
    warn_few_items(by, len(items.labels), stacklevel=4)
    warn_many_items(by, len(items.labels), stacklevel=4)
    return items


def _empty_table(lang: str | None) -> pd.DataFrame:
    """The similarity table without a pair: its columns, and the stopword language in ``attrs``."""
    empty = pd.DataFrame({c: pd.Series(dtype=object) for c in SIMILARITY_COLUMNS})
    empty.attrs["stopword_language"] = lang
    return empty


def _compared(
    items: Items, terms: np.ndarray, n_terms: int, top_k: int | None, lang: str | None
) -> pd.DataFrame:
    """The similarity table of ``items``: every pair, or (``top_k`` given) each item's nearest."""
    items.mat.sort_indices()
    pairs = _pairs(items, top_k)
    res = pd.DataFrame(_pair_rows(items, pairs, terms, n_terms), columns=SIMILARITY_COLUMNS)
    return _pair_table(res, len(items.labels), top_k, lang)


def warn_few_items(by: str, n: int, stacklevel: int = 3) -> None:
    """Warn that a similarity table is empty because ``by`` gives fewer than two items to pair
    (``stacklevel`` 3: the caller of the function that calls this one).

    An empty table with no word is read as "nothing is similar"; with one outlet (or none
    named) or one document there is no pair to compare at all.
    """
    if n < 2:
        warnings.warn(
            f"similarity by={by!r}: the corpus has {n} group{'' if n == 1 else 's'} with words, "
            "so there is no pair to compare and the table is empty; group by a column with two "
            "or more values (by='doc_id' compares documents).",
            CorpusToolsWarning,
            stacklevel=stacklevel,
        )


#: From this many items on, :func:`similarity` warns that its time grows with their square.
MANY_ITEMS = 20_000


def warn_many_items(by: str, n: int, stacklevel: int = 3) -> None:
    """Warn that ``n`` items are each compared with every other one (time ~ n squared;
    ``stacklevel`` as in :func:`warn_few_items`).

    Each item's nearest partners are exact: every item is scored against all the
    others (sparse products). 20,000 real news articles took 9 CPU s, 10,000 took 3.6.
    """
    if n >= MANY_ITEMS:
        warnings.warn(
            f"similarity by={by!r}: {n:,} items are each compared with all the others, so the "
            f"time grows with the square of their number (20,000 news articles: about 9 CPU "
            f"seconds; {n:,}: about {9 * (n / 20_000) ** 2:,.0f}). Compare a sample "
            "(ct.similarity(ct.detail_sample(corpus, 5000))) or groups (by='outlet').",
            CorpusToolsWarning,
            stacklevel=stacklevel,
        )


def _pair_table(res: pd.DataFrame, n: int, top_k: int | None, lang: str | None) -> pd.DataFrame:
    """The pairs typed and sorted, with what was compared in ``attrs`` (``top_k``: None when
    every pair of the ``n`` items was compared)."""
    for c in ("a", "b", "top_terms"):
        res[c] = res[c].astype(object)
    res["cosine"] = res["cosine"].astype(float)
    res = sort_rows(res, ["cosine", "a", "b"], [False, True, True])
    res.attrs["similarity_cap"] = (
        f"each of {n:,} items with its {top_k} most similar (cosine > 0); "
        f"{len(res):,} of {n * (n - 1) // 2:,} pairs"
        if top_k is not None
        else f"all {n * (n - 1) // 2:,} pairs of {n:,} items"
    )
    res.attrs["similarity_top_k"] = top_k
    res.attrs["stopword_language"] = lang
    return res


def _nearest_pairs(mat: Any, rank: np.ndarray, top_k: int) -> list[tuple[int, int]]:
    """Unordered pairs (a before b in label order) linking each row to its top_k most similar rows.

    Similarities are computed block by block as sparse products, so memory
    stays bounded by the block, never items x items. Ties go to the partner
    that comes first in label order.
    """
    n = mat.shape[0]
    mt = mat.T.tocsr()
    block = max(1, min(n, 2_000_000 // max(n, 1)))
    seen: set[tuple[int, int]] = set()
    for lo in range(0, n, block):
        prod = (mat[lo : lo + block] @ mt).tocsr()
        for r in range(prod.shape[0]):
            i = lo + r
            cols = prod.indices[prod.indptr[r] : prod.indptr[r + 1]]
            vals = prod.data[prod.indptr[r] : prod.indptr[r + 1]]
            ok = (cols != i) & (vals > 0)
            cols, vals = cols[ok], vals[ok]
            if len(cols) > top_k:
                # partition first (linear), then sort only the values at or above the k-th
                kth = vals[np.argpartition(-vals, top_k - 1)[:top_k]].min()
                near = vals >= kth
                cols, vals = cols[near], vals[near]
                best = np.lexsort((rank[cols], -vals))[:top_k]
                cols = cols[best]
            for j in cols.tolist():
                seen.add((i, j) if rank[i] < rank[j] else (j, i))
    return sorted(seen, key=lambda p: (rank[p[0]], rank[p[1]]))
