"""Comparing sources: frequencies, keyness, similarity.

Every function takes a :class:`~corpus_tools.Corpus` (or a table built from
one) and returns a tidy :class:`pandas.DataFrame`. Counting always uses the
toolkit's own tokens (:func:`corpus_tools.tokens`: the ``lower`` column is the
case-folded, quote- and dash-folded matching view), never a second tokenizer,
so ``U.S.``, ``1,400`` and ``Iran's`` are counted the same way everywhere.
Rows that carry a number carry the evidence for it: ``doc_id`` plus
half-open ``start``/``end`` character offsets into the cleaned text.

Grouping (``by=``) accepts any column of ``corpus.docs`` (``outlet``,
``published``, a user's own label) or ``"doc_id"``. Group labels are
strings from :func:`corpus_tools.group_labels` (dates by their precision);
documents whose value is missing form the group ``"(missing)"``.

References
----------
Dunning, T. (1993). Accurate methods for the statistics of surprise and
coincidence. *Computational Linguistics*, 19(1), 61-74.

Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words:
Lexical feature selection and evaluation for identifying the content of
political conflict. *Political Analysis*, 16(4), 372-403.

Salton, G., & Buckley, C. (1988). Term-weighting approaches in automatic
text retrieval. *Information Processing & Management*, 24(5), 513-523.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from ._parallel import check_n_jobs
from .corpus import MISSING, group_labels
from .errors import CorpusValueError, invalid_option
from .kwic import KWIC_COLUMNS, kwic, term_key
from .tokenize import tokens as _tokens

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = [
    "MISSING_GROUP",
    "term_frequencies",
    "keyness",
    "keyness_evidence",
    "similarity",
]

MISSING_GROUP = MISSING  # the one missing-value label (corpus.MISSING)

FREQ_COLUMNS = [
    "group",
    "term",
    "count",
    "rate_per_10k",
    "n_docs",
    "n_docs_group",
    "n_tokens_group",
    "mean_doc_rate_per_10k",
]


# ----------------------------------------------------------------- helpers
def _spaces(text: str) -> str:
    """Collapse runs of whitespace (line breaks in context strings) to one space."""
    return re.sub(r"\s+", " ", text)


def _word_tokens(corpus: Corpus) -> pd.DataFrame:
    tok = corpus.tokens()
    return tok[tok["is_word"]].reset_index(drop=True)


# --------------------------------------------------------- term frequencies
class _Occurrences:
    """Term occurrences as integer codes: ``doc`` indexes ``doc_names`` (corpus
    order), ``term`` indexes ``term_names``; ``start``/``end`` are offsets.

    Counting and grouping run on the codes (pandas hashes integers, not
    strings); strings are attached to the aggregated rows only.
    """

    def __init__(
        self,
        doc: np.ndarray,
        term: np.ndarray,
        start: np.ndarray,
        end: np.ndarray,
        doc_names: np.ndarray,
        term_names: np.ndarray,
    ) -> None:
        self.doc, self.term, self.start, self.end = doc, term, start, end
        self.doc_names, self.term_names = doc_names, term_names

    def __len__(self) -> int:
        return len(self.doc)


def _compact_tokens(corpus: Corpus, n_jobs: int = 1) -> pd.DataFrame:
    """``tokens(corpus, compact=True)``, computed once per Corpus and kept on it."""
    check_n_jobs(n_jobs)
    return corpus.cached(
        "tokenize.compact_tokens", lambda: _tokens(corpus, compact=True, n_jobs=n_jobs)
    )


def _term_rows(
    corpus: Corpus, *, ngram: int, stopwords: bool, n_jobs: int = 1
) -> tuple[_Occurrences, pd.Series]:
    """Return (term occurrences as codes; word tokens per doc, indexed by doc_id)."""
    if ngram not in (1, 2):
        raise invalid_option("ngram", ngram, [1, 2])
    # the compact token table (categorical strings, int32 offsets) keeps large corpora in
    # memory; values are identical to corpus.tokens().
    ctok = _compact_tokens(corpus, n_jobs)
    doc_cat = ctok["doc_id"].cat
    low_cat = ctok["lower"].cat
    doc_codes = doc_cat.codes.to_numpy()
    low_codes = low_cat.codes.to_numpy()
    doc_names = np.asarray(doc_cat.categories, dtype=object)
    low_names = np.asarray(low_cat.categories, dtype=object)
    is_word = ctok["is_word"].to_numpy()
    is_stop = ctok["is_stop"].to_numpy()
    starts = ctok["start"].to_numpy()
    ends = ctok["end"].to_numpy()
    sent = ctok["sent_id"].to_numpy()
    counts = np.bincount(doc_codes[is_word], minlength=len(doc_names))
    n_words = pd.Series(counts.astype("int64"), index=pd.Index(doc_names, dtype=object))
    n_words = n_words.reindex(corpus.doc_ids, fill_value=0).astype("int64")
    if ngram == 1:
        keep = is_word if stopwords else is_word & ~is_stop
        occ = _Occurrences(
            doc_codes[keep], low_codes[keep], starts[keep], ends[keep], doc_names, low_names
        )
        return occ, n_words
    # bigrams: two consecutive tokens of the same sentence, both words
    ok = is_word[:-1] & is_word[1:] & (doc_codes[:-1] == doc_codes[1:]) & (sent[:-1] == sent[1:])
    if not stopwords:
        ok &= ~is_stop[:-1] & ~is_stop[1:]
    idx = np.flatnonzero(ok)
    pair = low_codes[idx].astype(np.int64) * len(low_names) + low_codes[idx + 1]
    codes, uniq = pd.factorize(pair, sort=False)
    first = low_names[uniq // len(low_names)]
    second = low_names[uniq % len(low_names)]
    names = np.array([f"{a} {b}" for a, b in zip(first, second, strict=True)] + [""], dtype=object)[
        :-1
    ]
    occ = _Occurrences(doc_codes[idx], codes, starts[idx], ends[idx + 1], doc_names, names)
    return occ, n_words


_PAIR_CHUNK = 1 << 21  # occurrences per groupby when counting (doc, term) pairs


def _doc_term_counts(occ: _Occurrences) -> pd.DataFrame:
    """One row per (doc, term) pair: ``doc, term`` codes and count ``c`` (first-seen order).

    Occurrences come grouped by document and a pair never spans two documents,
    so counting chunk by chunk of whole documents gives the same rows in the
    same order as one groupby over everything, with the groupby's temporary
    memory bounded by the chunk.
    """
    doc = occ.doc
    n = len(doc)
    if n <= _PAIR_CHUNK or (np.diff(doc) < 0).any():
        cuts = np.array([0, n])
    else:
        cuts = np.unique(np.append(np.searchsorted(doc, doc[::_PAIR_CHUNK], side="left"), n))
    parts = []
    for a, b in zip(cuts[:-1].tolist(), cuts[1:].tolist(), strict=True):
        frame = pd.DataFrame({"doc": doc[a:b], "term": occ.term[a:b]})
        parts.append(frame.groupby(["doc", "term"], sort=False).size().rename("c").reset_index())
    if len(parts) == 1:
        return parts[0]
    return pd.concat(parts, ignore_index=True)


def term_frequencies(
    corpus: Corpus,
    by: str = "outlet",
    *,
    ngram: int = 1,
    stopwords: bool = True,
    min_count: int = 1,
    n_jobs: int = 1,
) -> pd.DataFrame:
    """Count terms per group, with rates per 10,000 word tokens.

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus.
    by : str, default "outlet"
        Any ``corpus.docs`` column (``outlet``, ``published``, your own
        label) or ``"doc_id"`` for one group per document.
    ngram : {1, 2}, default 1
        Unigrams, or bigrams (two consecutive word tokens of one sentence;
        punctuation between them breaks the pair).
    stopwords : bool, default True
        Keep stopwords as terms. With ``False`` they are not counted as
        terms (and a bigram containing one is dropped), but the
        denominator stays the same, so rates are comparable both ways.
    min_count : int, default 1
        Drop rows whose ``count`` in the group is below this.
    n_jobs : int, default 1
        Processes for splitting and tokenizing, the first time this
        ``Corpus`` is tokenized (the token table is kept on it); the table
        does not depend on it.

    Returns
    -------
    pandas.DataFrame
        ``group`` (str), ``term`` (str, casefolded), ``count`` (int),
        ``rate_per_10k`` (float, ``10000 * count / n_tokens_group``),
        ``n_docs`` (int, documents of the group containing the term),
        ``n_docs_group`` (int), ``n_tokens_group`` (int, word tokens of the
        group, stopwords included, punctuation excluded),
        ``mean_doc_rate_per_10k`` (float, mean over the group's documents of
        the per-document rate, so each document weighs the same). Sorted by
        ``group``, then ``count`` descending, then ``term``.

    Notes
    -----
    Pooled rates let long documents dominate a group; compare
    ``rate_per_10k`` with ``mean_doc_rate_per_10k`` and ``n_docs``. With one
    document per group, a group's vocabulary is one article's vocabulary.

    References
    ----------
    README (Sentences and words, offline)

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"],
    ...     "text": ["Militants fired. Militants left.", "Troops left."]}))
    >>> term_frequencies(c)[["group", "term", "count", "rate_per_10k"]]
      group       term  count  rate_per_10k
    0     X  militants      2        5000.0
    1     X      fired      1        2500.0
    2     X       left      1        2500.0
    3     Y       left      1        5000.0
    4     Y     troops      1        5000.0
    """
    groups = group_labels(corpus, by)
    occ, n_words = _term_rows(corpus, ngram=ngram, stopwords=stopwords, n_jobs=n_jobs)
    return _freq_table(occ, n_words, groups, min_count=min_count)


def _freq_table(
    occ: _Occurrences,
    n_words: pd.Series,
    groups: pd.Series,
    *,
    min_count: int,
    per_doc: pd.DataFrame | None = None,
) -> pd.DataFrame:
    doc_group = pd.DataFrame({"doc_id": n_words.index, "n_words": n_words.to_numpy()})
    doc_group["group"] = doc_group["doc_id"].map(groups)
    g_tokens = doc_group.groupby("group", sort=True)["n_words"].sum()
    g_docs = doc_group.groupby("group", sort=True).size()
    if per_doc is None:
        per_doc = _doc_term_counts(occ)
    doc_ids = pd.Index(occ.doc_names, dtype=object)
    group_codes, group_names = pd.factorize(doc_ids.map(groups), sort=False)
    doc_words = n_words.reindex(doc_ids).to_numpy()
    d = per_doc["doc"].to_numpy()
    per = pd.DataFrame(
        {
            "group": group_codes[d],
            "term": per_doc["term"].to_numpy(),
            "c": per_doc["c"].to_numpy(),
            "doc_rate": 10000.0 * per_doc["c"].to_numpy() / np.clip(doc_words[d], 1, None),
        }
    )
    agg = per.groupby(["group", "term"], sort=False).agg(
        count=("c", "sum"), n_docs=("c", "size"), rate_sum=("doc_rate", "sum")
    )
    agg = agg.reset_index()
    agg = agg[agg["count"] >= min_count]
    agg["group"] = np.asarray(group_names, dtype=object)[agg["group"].to_numpy()]
    agg["term"] = occ.term_names[agg["term"].to_numpy()]
    agg["n_docs_group"] = agg["group"].map(g_docs).astype("int64")
    agg["n_tokens_group"] = agg["group"].map(g_tokens).astype("int64")
    agg["rate_per_10k"] = 10000.0 * agg["count"] / agg["n_tokens_group"].clip(lower=1)
    agg["mean_doc_rate_per_10k"] = agg["rate_sum"] / agg["n_docs_group"]
    out = agg[FREQ_COLUMNS].copy()
    for c in ("count", "n_docs", "n_docs_group", "n_tokens_group"):
        out[c] = out[c].astype("int64")
    for c in ("group", "term"):
        out[c] = out[c].astype(object)
    out = _sort(out, ["group", "count", "term"], [True, False, True])
    return out


def _sort(df: pd.DataFrame, keys: list[str], ascending: list[bool]) -> pd.DataFrame:
    return df.sort_values(keys, ascending=ascending, kind="mergesort").reset_index(drop=True)


# ------------------------------------------------------------------ keyness
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


def _log_odds_dirichlet(
    y_i: np.ndarray,
    n_i: float | np.ndarray,
    y_j: np.ndarray,
    n_j: float | np.ndarray,
    alpha_w: np.ndarray,
    alpha_0: float,
) -> tuple[np.ndarray, np.ndarray]:
    """Return (delta, z) of Monroe et al.'s (2008) weighted log-odds (natural log)."""
    delta = np.log((y_i + alpha_w) / (n_i + alpha_0 - y_i - alpha_w)) - np.log(
        (y_j + alpha_w) / (n_j + alpha_0 - y_j - alpha_w)
    )
    var = 1.0 / (y_i + alpha_w) + 1.0 / (y_j + alpha_w)
    return delta, delta / np.sqrt(var)


def _g2(a: np.ndarray, b: np.ndarray, c: np.ndarray, d: np.ndarray) -> np.ndarray:
    """Signed four-cell log-likelihood G2 (natural log) of [[a, b], [c-a, d-b]]."""
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


def _keyness_parts(
    freq: pd.DataFrame,
    keep: pd.Series,
    group_tokens: dict[Any, float],
    group_docs: dict[Any, int],
    total_tokens: int,
    *,
    method: str,
    prior_scale: float,
    top_n: int | None,
) -> list[pd.DataFrame]:
    """One-vs-rest keyness per group from a frequency table (shared with ``stream``).

    ``freq`` has ``group, term, count, n_docs``; ``keep`` is the total count of
    every term that passed the filters. Groups with no words, or with no other
    group to compare against, are left out.
    """
    rows = []
    terms = keep.index
    y_tot = keep.to_numpy(dtype=float)
    # one pass over freq: each group's rows, as positions into ``terms``
    pos_all = pd.Index(terms).get_indexer(freq["term"])
    by_group = freq.groupby("group", sort=False).indices
    f_count = freq["count"].to_numpy(dtype=float)
    f_docs = freq["n_docs"].to_numpy(dtype="int64")
    term_arr = np.asarray(list(terms), dtype=object)
    term_rank = np.empty(len(term_arr), dtype=np.int64)  # alphabetical rank, breaks z ties
    term_rank[np.argsort(term_arr, kind="stable")] = np.arange(len(term_arr))
    for g in sorted(group_tokens):
        n_i = float(group_tokens[g])
        n_j = float(total_tokens - n_i)
        if n_i <= 0 or n_j <= 0:
            continue
        idx = by_group.get(g, np.empty(0, dtype=np.int64))
        pos = pos_all[idx]
        ok = pos >= 0
        y_i = np.zeros(len(terms), dtype=float)
        y_i[pos[ok]] = f_count[idx[ok]]
        docs_i = np.zeros(len(terms), dtype="int64")
        docs_i[pos[ok]] = f_docs[idx[ok]]
        y_j = y_tot - y_i
        if method == "log_odds_dirichlet":
            score, z = _log_odds_dirichlet(
                y_i, n_i, y_j, n_j, prior_scale * y_tot, prior_scale * float(total_tokens)
            )
        else:
            score = _g2(y_i, y_j, np.full_like(y_i, n_i), np.full_like(y_i, n_j))
            z = np.sign(score) * np.sqrt(np.abs(score))
        # z descending, then term: sorted in numpy and cut to top_n before any DataFrame is
        # built, so a group costs O(V log V) numbers, not a V-row table (500 groups x V terms)
        score = np.asarray(score, dtype=float)
        z = np.asarray(z, dtype=float)
        order = np.lexsort((term_rank, -z))
        if top_n is not None:
            order = order[:top_n]
        part = pd.DataFrame(
            {
                "group": g,
                "term": term_arr[order],
                "count": y_i[order].astype("int64"),
                "count_rest": y_j[order].astype("int64"),
                "rate_per_10k": 10000.0 * y_i[order] / n_i,
                "rate_rest_per_10k": 10000.0 * y_j[order] / n_j,
                "n_docs": docs_i[order],
                "n_docs_group": int(group_docs[g]),
                "n_tokens_group": int(n_i),
                "n_tokens_rest": int(n_j),
                "score": score[order],
                "z": z[order],
            }
        )
        rows.append(part)
    return rows


def keyness(
    corpus: Corpus,
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
) -> pd.DataFrame:
    """Distinctive terms of every group against the rest of the corpus.

    Each group is compared with all other groups pooled (one-vs-rest), and
    all groups are returned side by side in one table.

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus.
    by : str, default "outlet"
        Any ``corpus.docs`` column, or ``"doc_id"``.
    method : {"log_odds_dirichlet", "g2"}, default "log_odds_dirichlet"
        ``"log_odds_dirichlet"``: weighted log-odds ratio with an informative
        Dirichlet prior (Monroe, Colaresi & Quinn 2008); ``score`` is the
        log-odds ratio delta (natural log) and ``z`` its z-score.
        ``"g2"``: signed four-cell log-likelihood G2 (Dunning 1993);
        ``score`` is signed G2 and ``z`` is ``sign * sqrt(G2)``, which ranks
        the same way.
    min_count : int, optional
        Minimum count of a term in the whole corpus. Default 5, or 3 when
        the corpus has fewer than 20 documents (docs/methods.md, Frequencies and keyness).
    min_docs : int, default 2
        Minimum number of documents (whole corpus) that contain the term:
        a term confined to one document is that document's topic, not a
        group's style.
    prior_scale : float, default 1.0
        Prior pseudo-counts are ``alpha_w = prior_scale * total count of w``
        in the whole corpus, so ``alpha_0 = prior_scale * N``. Smaller values
        shrink less (larger ``|z|`` for rare terms).
    ngram, stopwords
        As in :func:`term_frequencies`.
    top_n : int, optional
        Keep only the ``top_n`` rows with the highest ``z`` per group.
    n_evidence : int, default 3
        Number of occurrences listed in ``evidence``.
    n_jobs : int, default 1
        As in :func:`term_frequencies`.

    Returns
    -------
    pandas.DataFrame
        ``group`` (str), ``term`` (str), ``count`` (int, in the group),
        ``count_rest`` (int, in all other groups), ``rate_per_10k`` and
        ``rate_rest_per_10k`` (float, per 10,000 word tokens),
        ``n_docs`` (int, documents of the group with the term),
        ``n_docs_group`` (int), ``n_tokens_group`` and ``n_tokens_rest``
        (int, word tokens), ``score`` (float), ``z`` (float), ``evidence``
        (str: the first ``n_evidence`` occurrences in the group as
        ``doc_id:start-end`` separated by ``"; "``; pass them to
        :func:`keyness_evidence` or :func:`kwic` to read them). Sorted by
        ``group``, then ``z`` descending, then ``term``. A group without words or
        without a rest (a corpus with one group) gets no rows.

    Notes
    -----
    The default prior is the corpus itself, so a term used equally by
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
    Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words.
    *Political Analysis*, 16(4), 372-403. Dunning, T. (1993). Accurate
    methods for the statistics of surprise and coincidence.
    *Computational Linguistics*, 19(1), 61-74.

    See Also
    --------
    term_frequencies, keyness_evidence, kwic

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
    if method not in ("log_odds_dirichlet", "g2"):
        raise invalid_option("method", method, ["log_odds_dirichlet", "g2"])
    if prior_scale <= 0:
        raise CorpusValueError(f"prior_scale must be > 0, got {prior_scale}.")
    if min_count is None:
        min_count = 3 if len(corpus) < 20 else 5
    groups = group_labels(corpus, by)
    occ, n_words = _term_rows(corpus, ngram=ngram, stopwords=stopwords, n_jobs=n_jobs)
    per_doc = _doc_term_counts(occ)
    freq = _freq_table(occ, n_words, groups, min_count=1, per_doc=per_doc)
    total_tokens = int(n_words.sum())
    term_total = freq.groupby("term", sort=False)["count"].sum()
    docs_per_term = np.bincount(per_doc["term"].to_numpy(), minlength=len(occ.term_names))
    term_docs = pd.Series(docs_per_term, index=pd.Index(occ.term_names, dtype=object))
    keep = term_total[(term_total >= min_count) & (term_docs.reindex(term_total.index) >= min_docs)]
    doc_group = pd.Series(n_words.to_numpy(), index=n_words.index).groupby(
        n_words.index.map(groups)
    )
    g_tokens = doc_group.sum()
    g_docs = doc_group.size()
    rows = _keyness_parts(
        freq,
        keep,
        g_tokens.to_dict(),
        g_docs.to_dict(),
        total_tokens,
        method=method,
        prior_scale=prior_scale,
        top_n=top_n,
    )
    if not rows:
        out = pd.DataFrame({c: pd.Series(dtype=object) for c in KEYNESS_COLUMNS})
        return out
    out = pd.concat(rows, ignore_index=True)
    out["evidence"] = _evidence_strings(out, occ, groups, n_evidence)
    out = out[KEYNESS_COLUMNS]
    for c in ("group", "term", "evidence"):
        out[c] = out[c].astype(object)
    return out.reset_index(drop=True)


def _evidence_strings(
    table: pd.DataFrame, occ: _Occurrences, groups: pd.Series, n: int
) -> list[str]:
    """First ``n`` occurrences of each (group, term) of ``table`` as 'doc:start-end'.

    "First" is in ``doc_id`` (string) order, then by offset.
    """
    if n <= 0 or table.empty:
        return [""] * len(table)
    term_index = pd.Index(occ.term_names, dtype=object)
    wanted = np.zeros(len(term_index), dtype=bool)
    wanted[term_index.get_indexer(pd.unique(table["term"].to_numpy()))] = True
    sel = np.flatnonzero(wanted[occ.term])
    doc = occ.doc[sel]
    # occurrences are in (doc code, start) order; put documents in doc_id string order
    order_docs = np.argsort(occ.doc_names, kind="stable")
    rank = np.empty(len(order_docs), dtype=np.int64)
    rank[order_docs] = np.arange(len(order_docs))
    r = rank[doc]
    if len(r) > 1 and (np.diff(r) < 0).any():
        sel = sel[np.argsort(r, kind="stable")]
        doc = occ.doc[sel]
    doc_ids = pd.Index(occ.doc_names, dtype=object)
    group_codes, group_names = pd.factorize(doc_ids.map(groups), sort=False)
    n_terms = len(term_index)
    key = group_codes.astype(np.int64)[doc] * n_terms + occ.term[sel].astype(np.int64)
    del doc
    order = np.argsort(key, kind="stable")  # grouped by (group, term), document order kept
    ks = key[order]
    del key
    # rank of each occurrence inside its (group, term) run; keep the first n
    run_start = np.empty(len(ks), dtype=bool)
    if len(ks):
        run_start[0] = True
        np.not_equal(ks[1:], ks[:-1], out=run_start[1:])
    idx = np.arange(len(ks), dtype=np.int64)
    first_of_run = np.maximum.accumulate(np.where(run_start, idx, 0))
    keep = (idx - first_of_run) < n
    del idx, first_of_run, run_start
    pick = sel[order[keep]]
    ks = ks[keep]
    refs = [
        f"{occ.doc_names[d]}:{a}-{b}"
        for d, a, b in zip(
            occ.doc[pick].tolist(), occ.start[pick].tolist(), occ.end[pick].tolist(), strict=True
        )
    ]
    edges = np.flatnonzero(np.diff(ks)) + 1
    lookup: dict[int, str] = {}
    if len(ks):
        lookup = {
            k: "; ".join(refs[a:b])
            for k, a, b in zip(
                ks[np.concatenate(([0], edges))].tolist(),
                [0, *edges.tolist()],
                [*edges.tolist(), len(ks)],
                strict=True,
            )
        }
    gpos = {g: k for k, g in enumerate(np.asarray(group_names, dtype=object).tolist())}
    rows_g = np.array([gpos.get(g, -1) for g in table["group"].tolist()], dtype=np.int64)
    rows_t = term_index.get_indexer(table["term"].to_numpy()).astype(np.int64)
    keys = np.where(rows_g >= 0, rows_g * n_terms + rows_t, -1).tolist()
    return [lookup.get(k, "") for k in keys]


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
    hits = kwic(corpus, terms, window=window)
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


# --------------------------------------------------------------- similarity
SIMILARITY_COLUMNS = ["a", "b", "cosine", "top_terms", "n_docs_a", "n_docs_b"]


def _identity(tokens: list[str]) -> list[str]:
    return tokens


def similarity(
    corpus: Corpus,
    by: str = "doc_id",
    *,
    stopwords: bool = False,
    sublinear_tf: bool = False,
    n_terms: int = 5,
    top_k: int = 10,
    all_pairs_up_to: int = 100,
) -> pd.DataFrame:
    """TF-IDF cosine similarity between documents or groups, as a pairwise table.

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus.
    by : str, default "doc_id"
        ``"doc_id"`` compares documents; any other ``corpus.docs`` column
        compares groups, each represented by the mean of its documents'
        L2-normalised TF-IDF vectors (every document weighs the same).
    stopwords : bool, default False
        Keep stopwords as features (default: excluded, docs/methods.md).
    sublinear_tf : bool, default False
        Use ``1 + ln(tf)``, which damps repetition.
    n_terms : int, default 5
        Number of terms listed in ``top_terms``.
    top_k : int, default 10
        With more than ``all_pairs_up_to`` items, keep only each item's
        ``top_k`` most similar partners (cosine > 0): the table then has at
        most ``top_k`` x items rows instead of items² / 2 (10,000 documents:
        at most 100,000 rows, not 50 million).
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
        whether and how pairs were capped.

    Notes
    -----
    Features are the toolkit's word tokens (``lower``), never scikit-learn's
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
    import scipy.sparse as sp
    from sklearn.feature_extraction.text import TfidfVectorizer

    for name, val, low in (("top_k", top_k, 1), ("all_pairs_up_to", all_pairs_up_to, 0)):
        if isinstance(val, bool) or not isinstance(val, int) or val < low:
            raise CorpusValueError(f"{name}={val!r} must be an integer >= {low}.")
    empty = pd.DataFrame({c: pd.Series(dtype=object) for c in SIMILARITY_COLUMNS})
    tok = corpus.tokens()
    tok = tok[tok["is_word"]]
    if not stopwords:
        tok = tok[~tok["is_stop"]]
    per_doc = tok.groupby("doc_id", sort=False)["lower"].agg(list)
    doc_ids = corpus.doc_ids
    lists = [per_doc.get(d, []) for d in doc_ids]
    if sum(len(x) for x in lists) == 0 or len(doc_ids) < 2:
        return empty
    vec = TfidfVectorizer(analyzer=_identity, lowercase=False, sublinear_tf=sublinear_tf, norm="l2")
    x = sp.csr_matrix(vec.fit_transform(lists))
    vocab = np.asarray(vec.get_feature_names_out(), dtype=object)
    if by == "doc_id":
        labels = [str(d) for d in doc_ids]
        mat = x
        counts = np.ones(len(labels), dtype="int64")
    else:
        groups = group_labels(corpus, by)
        g = np.array([groups[d] for d in doc_ids], dtype=object)
        labels = sorted(set(g.tolist()))
        code = {lab: k for k, lab in enumerate(labels)}
        rows = np.array([code[v] for v in g.tolist()], dtype=np.int64)
        counts = np.bincount(rows, minlength=len(labels)).astype("int64")
        avg = sp.csr_matrix(
            (1.0 / counts[rows], (rows, np.arange(len(g)))), shape=(len(labels), len(g))
        )
        mat = sp.csr_matrix(avg @ x)  # group mean of the document vectors
        norms = np.sqrt(np.asarray(mat.multiply(mat).sum(axis=1)).ravel())
        mat = sp.csr_matrix(sp.diags(1.0 / np.where(norms > 0, norms, 1.0)) @ mat)
    mat.sort_indices()
    n = len(labels)
    rank = np.empty(n, dtype=np.int64)  # position of each item in label order
    rank[sorted(range(n), key=lambda i: labels[i])] = np.arange(n)
    capped = n > all_pairs_up_to
    if not capped:
        order = np.argsort(rank)
        pairs = [(int(i), int(j)) for k, i in enumerate(order) for j in order[k + 1 :]]
    else:
        pairs = _nearest_pairs(mat, rank, top_k)
    out: dict[str, list] = {c: [] for c in SIMILARITY_COLUMNS}
    # every pair's per-term contributions at once, in chunks: row k of ``both`` holds the
    # products of the two vectors on their shared terms (sorted term order, as before)
    step = 20_000
    for lo in range(0, len(pairs), step):
        chunk = pairs[lo : lo + step]
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
            # feature names are sorted, so the term index breaks ties alphabetically
            top = np.lexsort((terms, -np.round(vals, 12)))[:n_terms].tolist()
            out["a"].append(labels[i])
            out["b"].append(labels[j])
            out["cosine"].append(min(max(cos, 0.0), 1.0))
            out["top_terms"].append("; ".join(f"{vocab[terms[t]]} ({vals[t]:.3f})" for t in top))
            out["n_docs_a"].append(int(counts[i]))
            out["n_docs_b"].append(int(counts[j]))
    res = pd.DataFrame(out, columns=SIMILARITY_COLUMNS)
    for c in ("a", "b", "top_terms"):
        res[c] = res[c].astype(object)
    res["cosine"] = res["cosine"].astype(float)
    res = _sort(res, ["cosine", "a", "b"], [False, True, True])
    res.attrs["similarity_cap"] = (
        f"each of {n:,} items with its {top_k} most similar (cosine > 0); "
        f"{len(res):,} of {n * (n - 1) // 2:,} pairs"
        if capped
        else f"all {n * (n - 1) // 2:,} pairs of {n:,} items"
    )
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
