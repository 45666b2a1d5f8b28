"""Keyness: the distinctive terms of every group against the rest of the corpus.

One-vs-rest comparisons from term counts (:class:`corpus_tools.counts.DocTermCounts`
in memory; :class:`corpus_tools.StreamCounts` streamed or with Dask): the
weighted log-odds ratio with an informative Dirichlet prior, or the signed
log-likelihood G2. The in-memory table carries evidence (``doc_id:start-end``
offsets of the first occurrences), found on demand in the few documents that
hold the terms shown.

Scores: with ``method="log_odds_dirichlet"`` (Monroe, Colaresi & Quinn 2008)
``score`` is the weighted log-odds ratio delta (natural log) with an
informative Dirichlet prior, ``alpha_w = prior_scale * total count of w`` in
the whole corpus (so ``alpha_0 = prior_scale * N``), and ``z`` its z-score;
with ``method="g2"`` (Dunning 1993) ``score`` is the signed four-cell
log-likelihood G2 and ``z`` is ``sign * sqrt(G2)``, which ranks the same way.

Reading a keyness table: the default prior is the corpus itself, so a term used equally by
every group has ``z`` near 0. With one article per group every
"keyword of outlet X" is a keyword of one article, and articles about
different events differ mainly by event words; with tiny corpora every
``|z|`` is small and the top lists are unstable, so read ``count`` and
``n_docs`` next to ``z``. Do not read ``|z| > 1.96`` as significance:
thousands of terms are tested and words are not independent. A term
must pass ``min_count`` and ``min_docs`` in the whole corpus; on a
five-document corpus that keeps only words shared by two articles.

References
----------
Dunning, T. (1993). Accurate methods for the statistics of surprise and
coincidence. *Computational Linguistics*, 19(1), 61-74.

Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words:
Lexical feature selection and evaluation for identifying the content of
political conflict. *Political Analysis*, 16(4), 372-403.
"""

from __future__ import annotations

import os
import sys
import warnings
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from .corpus import require_corpus
from .counts import DocTermCounts, GroupTermCounts
from .errors import CorpusToolsWarning, CorpusValueError, check_table, check_whole, invalid_option
from .kwic import KWIC_COLUMNS, kwic, term_key
from .languages import counts_for

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = ["keyness", "keyness_evidence"]

KEYNESS_COLUMNS = [
    "group",
    "term",
    "count",
    "count_rest",
    "rate_per_10k",
    "rate_rest_per_10k",
    "n_docs",
    "n_docs_group",
    "n_tokens_group",
    "n_tokens_rest",
    "score",
    "z",
    "evidence",
]

# past this many rows (groups x kept terms) a table without top_n leaves out the count-0 rows
FULL_TABLE_ROWS = 1_000_000

_PACKAGE = os.path.dirname(os.path.abspath(__file__))


def _user_level() -> int:
    """The ``stacklevel`` that makes a warning raised by the calling function point at the
    first caller outside this package: the user's line, however many package functions lie
    between (``keyness``; ``keyness_from_counts``; ``keyness_dask``, which calls
    ``keyness_from_counts``)."""
    frame = sys._getframe(1)
    level = 1
    while frame is not None and frame.f_code.co_filename.startswith(_PACKAGE):
        frame, level = frame.f_back, level + 1  # type: ignore[assignment]
    return level


def log_odds_dirichlet(
    y_i: np.ndarray,
    n_i: float | np.ndarray,
    y_j: np.ndarray,
    n_j: float | np.ndarray,
    alpha_w: np.ndarray,
    alpha_0: float,
) -> tuple[np.ndarray, np.ndarray]:
    """Return (delta, z) of Monroe et al.'s (2008) weighted log-odds (natural log).

    >>> d, z = log_odds_dirichlet(np.array([2.0]), 4.0, np.array([1.0]), 4.0, np.array([1.5]), 4.0)
    >>> round(float(d[0]), 3), round(float(z[0]), 3)
    (0.537, 0.649)
    """
    delta = np.log((y_i + alpha_w) / (n_i + alpha_0 - y_i - alpha_w)) - np.log(
        (y_j + alpha_w) / (n_j + alpha_0 - y_j - alpha_w)
    )
    var = 1.0 / (y_i + alpha_w) + 1.0 / (y_j + alpha_w)
    return delta, delta / np.sqrt(var)


def g2(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Signed four-cell log-likelihood G2 (natural log) of [[a, b], [c-a, d-b]].

    >>> round(float(g2(np.array([10]), np.array([2]), np.array([100]), np.array([100]))[0]), 2)
    6.16
    """
    a, b, c, d = (np.asarray(x, dtype=float) for x in (a, b, c, d))
    n = c + d
    obs = [a, b, c - a, d - b]
    row1 = a + b
    row2 = n - row1
    exp = [row1 * c / n, row1 * d / n, row2 * c / n, row2 * d / n]
    total = np.zeros_like(a)
    for o, e in zip(obs, exp, strict=False):
        with np.errstate(divide="ignore", invalid="ignore"):
            term = np.where(o > 0, o * np.log(o / np.where(e > 0, e, 1.0)), 0.0)
        total = total + term
    g2 = 2.0 * total
    with np.errstate(divide="ignore", invalid="ignore"):
        sign = np.where(a / np.where(c > 0, c, 1) > b / np.where(d > 0, d, 1), 1.0, -1.0)
    return sign * np.maximum(g2, 0.0)


def warn_one_group(by: str, groups: Sequence[str]) -> None:
    """Warn, at the user's call, that keyness has nothing to compare when ``by`` gives fewer
    than two groups."""
    if len(groups) < 2:
        named = f" ({groups[0]!r})" if groups else ""
        warnings.warn(
            f"keyness by={by!r}: the corpus has {len(groups)} group{'' if groups else 's'}{named}, "
            "and each group is compared with the rest, so the table is empty; group by a "
            "column with two or more values (by='doc_id' compares documents).",
            CorpusToolsWarning,
            stacklevel=_user_level(),
        )


def check_keyness_options(method: str, prior_scale: float) -> None:
    """Raise with the fix for an unknown ``method`` or a prior scale <= 0."""
    if method not in ("log_odds_dirichlet", "g2"):
        raise invalid_option("method", method, ["log_odds_dirichlet", "g2"])
    if prior_scale <= 0:
        raise CorpusValueError(f"prior_scale must be > 0, got {prior_scale}.")


def default_min_count(n_docs: int) -> int:
    """``min_count`` default: 5, or 3 for a corpus of fewer than 20 documents."""
    return 3 if n_docs < 20 else 5


def _group_scores(
    y_i: np.ndarray,
    y_tot: np.ndarray,
    n_i: float,
    n_j: float,
    total: float,
    method: str,
    prior_scale: float,
) -> tuple[np.ndarray, np.ndarray]:
    y_j = y_tot - y_i
    if method == "log_odds_dirichlet":
        score, z = log_odds_dirichlet(y_i, n_i, y_j, n_j, prior_scale * y_tot, prior_scale * total)
    else:
        score = g2(y_i, y_j, np.full_like(y_i, n_i), np.full_like(y_i, n_j))
        z = np.sign(score) * np.sqrt(np.abs(score))
    return np.asarray(score, dtype=float), np.asarray(z, dtype=float)


def keyness_table(
    gc: GroupTermCounts,
    method: str = "log_odds_dirichlet",
    *,
    min_count: int,
    min_docs: int = 2,
    prior_scale: float = 1.0,
    top_n: int | None = None,
    keep_unused: bool | None = None,
) -> pd.DataFrame:
    """The keyness table (without ``evidence``) from counts per group.

    Shared by :func:`keyness` and the streaming and Dask paths. A term
    must reach ``min_count`` occurrences and ``min_docs`` documents in the
    whole corpus; groups without words or without a rest get no rows.
    Rows: groups in sorted order, then ``z`` descending, then term; with
    ``top_n``, at most ``top_n`` rows per group, all with ``count`` > 0.
    ``keep_unused`` as in :func:`keyness`.

    >>> from corpus_tools.counts import count_texts
    >>> c = count_texts(["a a b", "b b a"], groups=["X", "Y"])
    >>> keyness_table(c.group_counts(), min_count=1, min_docs=1)[["group", "term", "z"]].round(3).values.tolist()
    [['X', 'a', 0.665], ['X', 'b', -0.665], ['Y', 'b', 0.665], ['Y', 'a', -0.665]]
    """
    return _table(gc, method, min_count, min_docs, prior_scale, top_n, keep_unused)


def _table(
    gc: GroupTermCounts,
    method: str,
    min_count: int,
    min_docs: int,
    prior_scale: float,
    top_n: int | None,
    keep_unused: bool | None,
) -> pd.DataFrame:
    """The work of :func:`keyness_table` and :func:`keyness` (the size warning points at the
    user's call: :func:`_user_level`)."""
    check_whole("top_n", top_n, 1, none_ok=True)
    check_whole("min_docs", min_docs, 0)
    counts, docs = gc.counts.tocsr(), gc.docs.tocsr()
    counts.sum_duplicates()  # canonical rows (in place: the same counts)
    docs.sum_duplicates()
    term_total = np.asarray(counts.sum(axis=0)).ravel()
    term_docs = np.asarray(docs.sum(axis=0)).ravel()
    keep = np.flatnonzero((term_total > 0) & (term_total >= min_count) & (term_docs >= min_docs))
    terms = np.asarray(gc.terms, dtype=object)[keep]
    y_tot = term_total[keep].astype(float)
    col = np.full(counts.shape[1], -1, dtype=np.int64)  # kept term's position, else -1
    col[keep] = np.arange(len(keep))
    term_rank = np.empty(len(terms), dtype=np.int64)  # alphabetical rank, breaks z ties
    term_rank[np.argsort(terms, kind="stable")] = np.arange(len(terms))
    total = int(gc.group_tokens.sum())
    used_only = top_n is not None or _used_only(gc, len(terms), total, top_n, keep_unused)
    cols = [c for c in KEYNESS_COLUMNS if c != "evidence"]
    parts: dict[str, list[np.ndarray]] = {c: [] for c in (*_ROW_COLUMNS, "gi")}
    for gi in _sorted_groups(gc.groups):
        n_i = float(gc.group_tokens[gi])
        n_j = float(total - n_i)
        if n_i <= 0 or n_j <= 0:
            continue
        if used_only:  # only the terms the group uses (its row's entries): no V-long arrays
            idx, y_i, n_docs = _used_terms(counts, docs, gi, col)
        else:
            idx = np.arange(len(keep))
            y_i = counts[gi].toarray().ravel()[keep].astype(float)
            n_docs = docs[gi].toarray().ravel()[keep]
        y_all = y_tot[idx]
        score, z = _group_scores(y_i, y_all, n_i, n_j, float(total), method, prior_scale)
        # z descending, then term: sorted in numpy and cut to top_n before any DataFrame is
        # built, so a group costs O(V log V) numbers, not a V-row table (500 groups x V terms)
        order = np.lexsort((term_rank[idx], -z))
        if used_only:  # a group's top terms are terms it uses: no count-0 filler rows
            order = order[y_i[order] > 0][:top_n]
        for c, v in (
            ("gi", np.full(len(order), gi, dtype=np.int64)),
            ("term", terms[idx[order]]),
            ("count", y_i[order].astype("int64")),
            ("count_rest", (y_all - y_i)[order].astype("int64")),
            ("rate_per_10k", 10000.0 * y_i[order] / n_i),
            ("rate_rest_per_10k", 10000.0 * (y_all - y_i)[order] / n_j),
            ("n_docs", n_docs[order].astype("int64")),
            ("score", score[order]),
            ("z", z[order]),
        ):
            parts[c].append(v)
        if len(parts["gi"]) >= _BLOCK_GROUPS:
            _join_pieces(parts)
    _join_pieces(parts)
    _group_columns(parts, gc, total)
    out = _frame(parts, cols)
    # the corpus the table was made from: groups can have no row (no term of theirs passes the
    # filters with top_n), so the documents in the table's groups can be fewer (UCI: 494 of 499)
    out.attrs.update(n_docs=int(np.asarray(gc.group_docs).sum()), n_groups=len(gc.groups))
    return out


def _sorted_groups(groups: Sequence[Any]) -> Any:
    """The positions of ``groups`` in sorted order (a ``range`` when they are sorted already,
    as :meth:`DocTermCounts.group_counts` gives them; by ``doc_id`` they come in row order)."""
    labels = np.asarray(groups, dtype=object)
    order = np.argsort(labels, kind="stable")
    if (order == np.arange(len(labels))).all():
        return range(len(labels))
    return order.tolist()


# per-row columns computed for each group; the group's own columns are filled in at the end
_GROUP_OWN = ("group", "n_docs_group", "n_tokens_group", "n_tokens_rest", "evidence")
_ROW_COLUMNS = tuple(c for c in KEYNESS_COLUMNS if c not in _GROUP_OWN)
_BLOCK_GROUPS = 512  # per-group pieces joined every this many groups (few arrays per column)


def _join_pieces(parts: dict[str, list[np.ndarray]]) -> None:
    """Each column's pieces joined into one (in place): a table of 100,000 groups (by
    ``doc_id``) holds a few hundred arrays per column, not 100,000 small ones."""
    for c, pieces in parts.items():
        if len(pieces) > 1:
            parts[c] = [np.concatenate(pieces)]


def _group_columns(parts: dict[str, list[np.ndarray]], gc: GroupTermCounts, total: int) -> None:
    """``group``, ``n_docs_group``, ``n_tokens_group`` and ``n_tokens_rest`` of each row, from
    its group's position ``gi`` (taken out of ``parts``); the values a group at a time gave."""
    pieces = parts.pop("gi")
    gi = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int64)
    n_i = np.asarray(gc.group_tokens, dtype=float)[gi]
    parts["group"] = [np.asarray(gc.groups, dtype=object)[gi]] if pieces else []
    parts["n_docs_group"] = [np.asarray(gc.group_docs).astype(np.int64)[gi]]
    parts["n_tokens_group"] = [n_i.astype(np.int64)]
    parts["n_tokens_rest"] = [(float(total) - n_i).astype(np.int64)]


def _used_terms(
    counts: Any, docs: Any, gi: int, col: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A group's kept terms with a count > 0 (positions into the kept terms, from its row's
    entries), their counts (float) and documents."""
    a, b = counts.indptr[gi], counts.indptr[gi + 1]
    where, y = counts.indices[a:b], counts.data[a:b]
    ok = (col[where] >= 0) & (y > 0)
    where = where[ok]
    da, db = docs.indptr[gi], docs.indptr[gi + 1]
    d_where, d_data = docs.indices[da:db], docs.data[da:db]
    pos = np.minimum(np.searchsorted(d_where, where), max(len(d_where) - 1, 0))
    n_docs = (
        np.where(d_where[pos] == where, d_data[pos], 0) if len(d_where) else np.zeros(len(where))
    )
    return col[where], y[ok].astype(float), n_docs


def _frame(parts: dict[str, list[np.ndarray]], cols: list[str]) -> pd.DataFrame:
    """The table from its columns' pieces, a column at a time (each column's pieces freed as
    it is joined; the arrays taken over, not copied into blocks); group and term stay
    Python objects (the same term strings for every group, not a str column converted back)."""
    if not parts["group"]:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    data: dict[str, Any] = {}
    for c in cols:
        joined = np.concatenate(parts.pop(c))
        data[c] = pd.Series(joined, dtype=object) if c in ("group", "term") else joined
    return pd.DataFrame(data, copy=False)


def _used_only(
    gc: GroupTermCounts,
    n_terms: int,
    total: int,
    top_n: int | None,
    keep_unused: bool | None,
) -> bool:
    """Whether a table without ``top_n`` leaves out its count-0 rows (warns when by size)."""
    if top_n is not None or keep_unused:
        return False
    if keep_unused is False:
        return True
    n_groups = int(((gc.group_tokens > 0) & (gc.group_tokens < total)).sum())
    if n_groups * n_terms <= FULL_TABLE_ROWS:
        return False
    warnings.warn(
        f"keyness: {n_groups:,} groups x {n_terms:,} terms would make {n_groups * n_terms:,} "
        f"rows (over {FULL_TABLE_ROWS:,}): the rows of terms a group never uses (count 0) are "
        "left out; pass top_n=N for each group's top N, or keep_unused=True for every row",
        CorpusToolsWarning,
        stacklevel=_user_level(),
    )
    return True


def keyness(
    corpus: Corpus | DocTermCounts,
    by: str = "outlet",
    method: Literal["log_odds_dirichlet", "g2"] = "log_odds_dirichlet",
    *,
    min_count: int | None = None,
    min_docs: int = 2,
    prior_scale: float = 1.0,
    ngram: int = 1,
    stopwords: bool = True,
    top_n: int | None = None,
    n_evidence: int = 3,
    n_jobs: int = 1,
    language: str | None = None,
    keep_unused: bool | None = None,
) -> pd.DataFrame:
    """Distinctive terms of every group against all other groups pooled (one-vs-rest).

    Parameters
    ----------
    corpus : Corpus or DocTermCounts
        A loaded corpus, or its counts (:func:`corpus_tools.counts.doc_term_counts` or
        :func:`corpus_tools.counts.count_texts`): then ``by``, ``ngram``, ``stopwords`` and
        ``n_jobs`` are those the counts were built with.
    by : str, default "outlet"
        Any ``corpus.docs`` column, or ``"doc_id"``.
    method : {"log_odds_dirichlet", "g2"}, default "log_odds_dirichlet"
        Monroe et al.'s weighted log-odds or Dunning's G2 (module notes).
    min_count : int, optional
        Minimum count of a term in the whole corpus (default 5; 3 under 20 documents).
    min_docs : int, default 2
        Minimum documents (whole corpus) with the term (one document's term is its topic).
    prior_scale : float, default 1.0
        Scales the prior pseudo-counts (module notes); smaller shrinks less.
    ngram, stopwords, n_jobs : as in :func:`corpus_tools.term_frequencies`.
    top_n : int, optional
        Keep the ``top_n`` highest-``z`` rows per group, among terms it uses (``count`` > 0).
        Without it every group gets a row for every kept term up to ``FULL_TABLE_ROWS`` (1,000,000)
        rows in all; past that the rows of terms a group never uses (``count`` 0) are left out, with
        a warning (563 outlets x 3,547 terms would be 2.0 million rows, 55,128 with a count).
    n_evidence : int, default 3
        Number of occurrences listed in ``evidence``.
    language : str, optional
        Whose stopwords ``stopwords=False`` leaves out (default: :func:`.analysis_language`,
        plus each document's own list in a mixed corpus, ``"en+es"``: :func:`.counts_for`).
    keep_unused : bool, optional
        Without ``top_n``: True keeps the count-0 rows at any size, False never (default: as above).

    Returns
    -------
    pandas.DataFrame
        ``group``, ``term`` (str), ``count`` / ``count_rest`` (int, in the group / all other
        groups), ``rate_per_10k`` / ``rate_rest_per_10k`` (per 10,000 word tokens), ``n_docs``
        (documents of the group with the term), ``n_docs_group``, ``n_tokens_group``,
        ``n_tokens_rest`` (int), ``score``, ``z`` (float), ``evidence`` (the first ``n_evidence``
        occurrences in the group as ``doc_id:start-end``, ``"; "``-separated; read them with
        :func:`keyness_evidence`). Sorted by ``group``, ``z`` descending, ``term``; a group
        without words or without a rest gets no rows; ``attrs["stopword_language"]``, and
        ``attrs["n_docs"]`` / ``attrs["n_groups"]``: documents and groups of the corpus
        (:func:`corpus_tools.plots.plot_keyness` counts the groups without a row).

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"],
    ...     "text": ["Militants fired. Militants left. Troops left.",
    ...              "Troops fired. Troops left. Militants left."]}))
    >>> k = keyness(c, min_count=1, min_docs=1)
    >>> k[k["group"] == "X"][["term", "count", "count_rest", "z"]].round(3)
            term  count  count_rest      z
    0  militants      2           1  0.443
    1      fired      1           1  0.000
    2       left      2           2  0.000
    3     troops      1           2 -0.443
    """
    _check_options(corpus, method, prior_scale, n_evidence)
    counts, lang, gc, min_count = _counts(corpus, by, ngram, stopwords, language, n_jobs, min_count)
    out = _table(gc, method, min_count, min_docs, prior_scale, top_n, keep_unused)
    del gc  # the sums per group are not needed for the evidence: free them first
    return _with_evidence(out, counts, n_evidence, lang)


def _check_options(
    corpus: Corpus | DocTermCounts, method: str, prior_scale: float, n_evidence: int
) -> None:
    """The corpus check, then CorpusValueError for a bad ``method``, ``prior_scale`` or
    ``n_evidence`` of :func:`keyness`."""
    require_corpus(corpus, "keyness")
    check_keyness_options(method, prior_scale)
    check_whole("n_evidence", n_evidence, 0)


def _counts(
    corpus: Corpus | DocTermCounts,
    by: str,
    ngram: int,
    stopwords: bool,
    language: str | None,
    n_jobs: int,
    min_count: int | None,
) -> tuple[DocTermCounts, str | None, GroupTermCounts, int]:
    """The counts :func:`keyness` scores, their stopword language, their sums per group and
    ``min_count`` (default by the number of documents); warns at the caller of :func:`keyness`
    when ``by`` gives fewer than two groups."""
    counts, lang = counts_for(
        corpus, by, ngram=ngram, stopwords=stopwords, language=language, n_jobs=n_jobs
    )
    if min_count is None:
        min_count = default_min_count(counts.matrix.shape[0])
    gc = _group_sums(counts)
    warn_one_group(by, gc.groups)
    return counts, lang, gc, min_count


def _group_sums(counts: DocTermCounts) -> GroupTermCounts:
    """``counts.group_counts()``; when every group is one document (``by="doc_id"``), its
    rows in group order instead (no sparse products): the documents per cell are then the
    stored entries, ones on the same index arrays (int8: one byte an entry, where the
    products gave two int64 matrices and copies of the growing sum, 2.65 GB at 100,000
    long articles). Values as the products give them (explicit zeros are dropped later by
    ``count > 0``, a cell's documents are 1 where it has an entry)."""
    import scipy.sparse as sp

    codes, names = counts.group_codes()
    n_docs = len(codes)
    if n_docs < 2 or len(names) != n_docs:
        return counts.group_counts()
    # the documents' own rows, not a copy in group order (0.3 GB at 100,000 long articles):
    # the groups are listed in row order and :func:`_table` visits them sorted
    mat = counts.matrix.tocsr()
    mat.sum_duplicates()  # canonical rows, in place: the same counts
    docs = sp.csr_matrix(
        (np.ones(mat.nnz, dtype=np.int8), mat.indices, mat.indptr), shape=mat.shape, copy=False
    )
    return GroupTermCounts(
        groups=list(np.asarray(names, dtype=object)[codes]),
        terms=counts.terms,
        counts=mat,
        docs=docs,
        group_tokens=np.asarray(counts.n_words, dtype=np.int64),
        group_docs=np.ones(n_docs, dtype=np.int64),
    )


def _with_evidence(
    out: pd.DataFrame, counts: DocTermCounts, n_evidence: int, lang: str | None
) -> pd.DataFrame:
    """The keyness table with its ``evidence`` column (Arrow-backed strings, built in Arrow:
    no Python string per row), and the stopword language in ``attrs``."""
    evidence = counts.evidence_column(out["group"].array, out["term"].array, n_evidence)
    out["evidence"] = pd.Series(evidence, index=out.index, copy=False)
    attrs = dict(out.attrs)
    out = out[KEYNESS_COLUMNS].reset_index(drop=True)
    out.attrs.update(attrs, stopword_language=lang)
    return out


def keyness_evidence(corpus: Corpus, table: pd.DataFrame, *, window: int = 8) -> pd.DataFrame:
    """KWIC rows behind the ``evidence`` column of a :func:`keyness` table.

    Parameters
    ----------
    corpus : Corpus
        The corpus the keyness table was computed on.
    table : pandas.DataFrame
        Rows of :func:`keyness` (typically its top rows per group).
    window : int, default 8
        Tokens of context on each side.

    Returns
    -------
    pandas.DataFrame
        ``group``, ``term``, ``z`` followed by the :func:`kwic` columns
        ``doc_id, sent_id, token_id, start, end, left, match, right``; in
        the order of ``table``, then ``doc_id``, ``start``.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"],
    ...     "text": ["Militants fired.", "Troops fired. Militants left."]}))
    >>> k = keyness(c, min_count=1, min_docs=1, top_n=1)
    >>> keyness_evidence(c, k, window=1)[["group", "term", "doc_id", "left", "match", "right"]]
      group   term doc_id       left  match right
    0     X  fired      a  Militants  fired     .
    1     Y   left      b  Militants   left     .
    """
    require_corpus(corpus, "keyness_evidence")
    table = check_table(
        table, ["group", "term", "z", "evidence"], "keyness_evidence", "keyness(corpus)"
    )
    cols = ["group", "term", "z", *KWIC_COLUMNS]
    empty = pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    wanted: list[tuple[int, Any, str, Any, set[tuple[str, int]]]] = []
    for order, row in enumerate(table.itertuples(index=False)):
        refs = [r for r in str(row.evidence).split("; ") if r]
        if refs:
            keys = {(r.rsplit(":", 1)[0], int(r.rsplit(":", 1)[1].split("-")[0])) for r in refs}
            wanted.append((order, row.group, str(row.term), row.z, keys))
    terms = sorted({t for _, _, t, _, _ in wanted if term_key(t)})
    if not terms:
        return empty
    # one pass over the corpus for every term of the table (was one kwic() call per row)
    hits = kwic(corpus, terms, window=window, joined=False)
    at: dict[tuple[str, int], list[int]] = {}
    for i, (d, st) in enumerate(zip(hits["doc_id"].tolist(), hits["start"].tolist(), strict=True)):
        at.setdefault((d, st), []).append(i)
    hit_terms = hits["term"].tolist()
    pick: list[int] = []
    meta: list[tuple[int, Any, str, Any]] = []
    for order, group, term, z, keys in wanted:
        for key in keys:
            found = at.get(key, [])
            same = [i for i in found if hit_terms[i] == term]
            for i in same or found[:1]:
                pick.append(i)
                meta.append((order, group, term, z))
    if not pick:
        return empty
    out = hits.iloc[pick].drop(columns=["term"]).reset_index(drop=True)
    out.insert(0, "z", [m[3] for m in meta])
    out.insert(0, "term", [m[2] for m in meta])
    out.insert(0, "group", [m[1] for m in meta])
    out["_order"] = [m[0] for m in meta]
    out = out.sort_values(["_order", "doc_id", "start"], kind="mergesort")
    return out[cols].reset_index(drop=True)
