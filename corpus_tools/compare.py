"""Comparing sources: frequencies, keyness, similarity, text reuse, numbers, naming.

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

Broder, A. Z. (1997). On the resemblance and containment of documents.
*Compression and Complexity of SEQUENCES 1997*, 21-29.

Smith, D. A., Cordell, R., & Dillon, E. M. (2013). Infectious texts:
Modeling text reuse in nineteenth-century newspapers. *IEEE Big Data*, 86-94.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from ._data import read_yaml
from ._parallel import check_n_jobs
from .corpus import MISSING, group_label, group_labels
from .errors import CorpusValueError, invalid_option
from .tokenize import doc_tokens, fold, load_stopwords
from .tokenize import tokens as _tokens

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = [
    "MISSING_GROUP",
    "kwic",
    "term_frequencies",
    "keyness",
    "keyness_evidence",
    "similarity",
    "text_reuse",
    "reuse_summary",
    "numeric_claims",
    "compare_numbers",
    "naming",
]

MISSING_GROUP = MISSING  # the one missing-value label (corpus.MISSING)

KWIC_COLUMNS = ["doc_id", "sent_id", "token_id", "start", "end", "left", "match", "right"]
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


def _term_key(term: str) -> list[str]:
    """Split a search term into the casefolded token sequence used for matching."""
    text = str(term)
    spans = [(s, e) for _, s, e in doc_tokens(text)]
    view = fold(text)
    return [view[s:e].casefold() for s, e in spans]


# -------------------------------------------------------------------- kwic
def kwic(
    corpus: Corpus,
    term: str | Sequence[str],
    *,
    window: int = 8,
    by: str | None = None,
) -> pd.DataFrame:
    """Keyword in context: every occurrence of a word or phrase with its neighbours.

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus.
    term : str or sequence of str
        A word or a phrase (``"Foreign Ministry"``), or several of them.
        Matching is case-insensitive on the folded token view, token by
        token (``"gaza"`` never matches inside ``"gazans"``; ``"U.S."``
        matches ``U.S.``; curly and straight apostrophes are the same).
    window : int, default 8
        Number of tokens (words and punctuation) shown on each side.
    by : str, optional
        A ``corpus.docs`` column; adds a ``group`` column with its value.

    Returns
    -------
    pandas.DataFrame
        ``doc_id`` (str), ``sent_id`` (int, sentence of the first matched
        token), ``token_id`` (int, first matched token), ``start``/``end``
        (int, offsets of the match in the cleaned text), ``left``,
        ``match``, ``right`` (str; whitespace collapsed to single spaces),
        ``term`` (str, the query that matched), then ``group`` (str) when
        ``by`` is given. One row per occurrence, sorted by ``doc_id`` then
        ``start``.

    Notes
    -----
    The window counts tokens, not words, and crosses sentence boundaries,
    so context may begin in the previous sentence. A phrase must match
    consecutive tokens: ``"Foreign Ministry"`` does not match
    ``Foreign-Ministry`` (one hyphenated token).

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"],
    ...     "text": ["Hamas attacked. Israel said Hamas would pay."]}))
    >>> kwic(c, "hamas", window=2)[["start", "end", "left", "match", "right"]]
       start  end         left  match      right
    0      0    5               Hamas  attacked.
    1     28   33  Israel said  Hamas  would pay
    """
    if window < 0:
        raise CorpusValueError(f"window must be >= 0 tokens, got {window}.")
    terms = [term] if isinstance(term, str) else list(term)
    keys = [(t, _term_key(t)) for t in terms]
    keys = [(t, k) for t, k in keys if k]
    if not keys:
        raise CorpusValueError(f"term {term!r} contains no token to search for.")
    tok = corpus.tokens()
    texts = dict(iter(corpus))
    rows: dict[str, list] = {c: [] for c in [*KWIC_COLUMNS, "term"]}
    # only tokens equal to a query's first word are looked at (one vectorised isin over the
    # token table), so the cost is one pass in C plus the candidate hits, not a Python loop
    # over every token of every document
    codes, names = pd.factorize(tok["doc_id"], sort=False)
    order = np.argsort(codes, kind="stable")  # documents contiguous, tokens in table order
    codes = codes[order]
    lower = tok["lower"].to_numpy(dtype=object)[order]
    t_start = tok["start"].to_numpy()[order]
    t_end = tok["end"].to_numpy()[order]
    t_sent = tok["sent_id"].to_numpy()[order]
    t_id = tok["token_id"].to_numpy()[order]
    bounds = np.searchsorted(codes, np.arange(len(names) + 1), side="left")
    by_first: dict[str, list[tuple[str, list[str]]]] = {}
    for t, k in keys:
        by_first.setdefault(k[0], []).append((t, k))
    cand = np.flatnonzero(pd.Series(lower).isin(list(by_first)).to_numpy())
    for i in cand.tolist():
        code_i = int(codes[i])
        lo_doc, hi_doc = int(bounds[code_i]), int(bounds[code_i + 1])
        doc_id = names[code_i]
        text = texts[doc_id]
        for t, k in by_first[lower[i]]:
            j = i + len(k)
            if j > hi_doc or (len(k) > 1 and lower[i:j].tolist() != k):
                continue
            lo = max(lo_doc, i - window)
            hi = min(hi_doc, j + window)
            s, e = int(t_start[i]), int(t_end[j - 1])
            rows["doc_id"].append(doc_id)
            rows["sent_id"].append(int(t_sent[i]))
            rows["token_id"].append(int(t_id[i]))
            rows["start"].append(s)
            rows["end"].append(e)
            rows["left"].append(_spaces(text[int(t_start[lo]) : s]).strip() if lo < i else "")
            rows["match"].append(_spaces(text[s:e]))
            rows["right"].append(_spaces(text[e : int(t_end[hi - 1])]).strip() if hi > j else "")
            rows["term"].append(t)
    out = pd.DataFrame(rows, columns=[*KWIC_COLUMNS, "term"])
    for c in ("sent_id", "token_id", "start", "end"):
        out[c] = out[c].astype("int64")
    for c in ("doc_id", "left", "match", "right", "term"):
        out[c] = out[c].astype(object)
    out = out.sort_values(["doc_id", "start", "end", "term"], kind="mergesort")
    out = out.drop_duplicates(["doc_id", "start", "end"]).reset_index(drop=True)
    if by is not None:
        groups = group_labels(corpus, by)
        out["group"] = out["doc_id"].map(groups).astype(object)
    return out


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
    terms = sorted({t for _, _, t, _, _ in wanted if _term_key(t)})
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


# --------------------------------------------------------------- text reuse
REUSE_COLUMNS = [
    "doc_a",
    "a_start",
    "a_end",
    "doc_b",
    "b_start",
    "b_end",
    "n_words",
    "identity",
    "text_a",
    "text_b",
    "in_quotes_a",
    "in_quotes_b",
    "a_word_start",
    "a_word_end",
    "b_word_start",
    "b_word_end",
]
REUSE_SUMMARY_COLUMNS = [
    "doc_id",
    "group",
    "n_words",
    "reused_words",
    "reused_share",
    "n_passages",
    "n_partners",
    "partners",
]


def _doc_words(text: str) -> tuple[list[str], list[int], list[int]]:
    """Word tokens of one text: (casefolded folded forms, starts, ends); punctuation dropped."""
    view = fold(text)
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for _, s, e in doc_tokens(text):
        tok = view[s:e]
        if any(ch.isalnum() for ch in tok):
            words.append(tok.casefold())
            starts.append(s)
            ends.append(e)
    return words, starts, ends


def _shingle_hashes(words: list[str], n: int) -> np.ndarray:
    """64-bit blake2b hashes of the word n-grams of one document (signed int64)."""
    k = len(words) - n + 1
    if k <= 0:
        return np.empty(0, dtype=np.int64)
    out = np.empty(k, dtype=np.int64)
    for i in range(k):
        digest = hashlib.blake2b(
            "\x1f".join(words[i : i + n]).encode("utf-8"), digest_size=8
        ).digest()
        out[i] = int.from_bytes(digest, "little", signed=True)
    return out


def _in_quotes(view: str, start: int, end: int) -> bool:
    """True when the middle of [start, end) lies inside double quotes of its paragraph."""
    mid = (start + end) // 2
    para = view.rfind("\n", 0, start) + 1
    return view.count('"', para, mid) % 2 == 1


def _candidate_seeds(
    hashes: list[np.ndarray], series: np.ndarray, max_df: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Shared shingle positions (doc_a, pos_a, doc_b, pos_b) across different series."""
    lens = np.array([len(h) for h in hashes], dtype=np.int64)
    empty = np.empty(0, dtype=np.int64)
    if lens.sum() == 0:
        return empty, empty, empty, empty
    h = np.concatenate(hashes)
    d = np.repeat(np.arange(len(hashes), dtype=np.int64), lens)
    p = np.concatenate([np.arange(k, dtype=np.int64) for k in lens])
    order = np.lexsort((p, d, h))
    h, d, p = h[order], d[order], p[order]
    # document frequency per hash (distinct documents)
    new_hd = np.ones(len(h), dtype=bool)
    new_hd[1:] = (h[1:] != h[:-1]) | (d[1:] != d[:-1])
    bounds = np.flatnonzero(np.r_[True, h[1:] != h[:-1]])
    sizes = np.diff(np.r_[bounds, len(h)])
    df = np.add.reduceat(new_hd.astype(np.int64), bounds)
    keep_group = (df >= 2) & (df <= max_df)
    out_a: list[np.ndarray] = []
    out_pa: list[np.ndarray] = []
    out_b: list[np.ndarray] = []
    out_pb: list[np.ndarray] = []
    for k in np.unique(sizes[keep_group]).tolist():
        starts = bounds[keep_group & (sizes == k)]
        idx = starts[:, None] + np.arange(k)[None, :]
        dd, pp = d[idx], p[idx]
        ii, jj = np.triu_indices(k, 1)
        da, db = dd[:, ii].ravel(), dd[:, jj].ravel()
        pa, pb = pp[:, ii].ravel(), pp[:, jj].ravel()
        ok = (da != db) & (series[da] != series[db])
        out_a.append(da[ok])
        out_pa.append(pa[ok])
        out_b.append(db[ok])
        out_pb.append(pb[ok])
    if not out_a:
        return empty, empty, empty, empty
    da, pa = np.concatenate(out_a), np.concatenate(out_pa)
    db, pb = np.concatenate(out_b), np.concatenate(out_pb)
    swap = da > db
    da, db = np.where(swap, db, da), np.where(swap, da, db)
    pa, pb = np.where(swap, pb, pa), np.where(swap, pa, pb)
    return da, pa, db, pb


def _runs(pa: np.ndarray, pb: np.ndarray, n: int) -> list[tuple[int, int, int, int]]:
    """Chain seeds of one document pair into exact runs (a0, a1, b0, b1) in word positions."""
    diag = pb - pa
    order = np.lexsort((pa, diag))
    pa, diag = pa[order], diag[order]
    runs: list[tuple[int, int, int, int]] = []
    cur_d, cur_s, cur_e = None, 0, 0
    for a, dg in zip(pa.tolist(), diag.tolist(), strict=False):
        if cur_d == dg and a <= cur_e:
            cur_e = max(cur_e, a + n)
            continue
        if cur_d is not None:
            runs.append((cur_s, cur_e, cur_s + cur_d, cur_e + cur_d))
        cur_d, cur_s, cur_e = dg, a, a + n
    if cur_d is not None:
        runs.append((cur_s, cur_e, cur_s + cur_d, cur_e + cur_d))
    return sorted(runs)


def _merge_runs(
    runs: list[tuple[int, int, int, int]], gap: int, n: int
) -> list[tuple[int, int, int, int, int]]:
    """Merge runs separated by <= gap words on both sides: (a0, a1, b0, b1, matched)."""
    passages: list[list[int]] = []
    for a0, a1, b0, b1 in runs:
        best = None
        for p in passages:
            ga, gb = a0 - p[1], b0 - p[3]
            if -n < ga <= gap and -n < gb <= gap:
                if best is None or p[1] > best[1]:
                    best = p
        if best is None:
            passages.append([a0, a1, b0, b1, a1 - a0])
        else:
            overlap = max(0, best[1] - a0)
            best[4] += max(0, (a1 - a0) - overlap)
            best[1] = max(best[1], a1)
            best[2] = min(best[2], b0)
            best[3] = max(best[3], b1)
    return [tuple(p) for p in passages]  # type: ignore[misc]


def text_reuse(
    corpus: Corpus,
    min_words: int = 8,
    *,
    ngram: int = 5,
    gap: int = 3,
    max_df: int = 100,
    min_match: int = 2,
    series: str | None = "outlet",
) -> pd.DataFrame:
    """Passages shared near-verbatim between documents, with offsets in both.

    Word n-gram shingles are hashed (blake2b, 64 bits) into an inverted
    index; shingles found in more than ``max_df`` documents are dropped;
    document pairs sharing at least ``min_match`` shingles are aligned by
    chaining shared shingles on the same diagonal into exact runs, and runs
    separated by at most ``gap`` words on both sides are merged into one
    passage (edited wire copy: a changed word, an inserted clause).

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus.
    min_words : int, default 8
        Report passages with at least this many exactly matching words.
    ngram : int, default 5
        Shingle length in words (lowered to ``min_words`` if larger).
    gap : int, default 3
        Largest gap (words, on each side) bridged when merging runs.
    max_df : int, default 100
        Drop shingles found in more than this many documents (stock
        phrases, boilerplate); it also bounds the cost.
    min_match : int, default 2
        Minimum shared shingles for a document pair to be aligned.
    series : str or None, default "outlet"
        A ``corpus.docs`` column: documents with the same value are never
        compared (an outlet's own template is not reuse). Documents with a
        missing value are each their own series. ``None`` compares all pairs.

    Returns
    -------
    pandas.DataFrame
        One row per shared passage: ``doc_a``, ``a_start``, ``a_end``,
        ``doc_b``, ``b_start``, ``b_end`` (``doc_a < doc_b``; character
        offsets into each cleaned text), ``n_words`` (int, words that match
        exactly), ``identity`` (float, ``n_words`` / the longer side of the
        passage in words: 1.0 for verbatim), ``text_a``, ``text_b`` (str, the
        passages as written), ``in_quotes_a``, ``in_quotes_b`` (bool, the
        passage sits inside double quotation marks of its paragraph),
        ``a_word_start``, ``a_word_end``, ``b_word_start``, ``b_word_end``
        (int, word positions, half-open). Sorted by ``n_words`` descending,
        then ``doc_a``, ``a_start``, ``doc_b``, ``b_start``.

    Notes
    -----
    Matching is on lower-cased word tokens of the folded view (punctuation
    ignored, curly and straight quotes equal). Translation and paraphrase
    are invisible to shingles; boilerplate left in the text shows up as
    reuse between pages of one site unless ``series`` separates them.
    The cost is linear in the number of words plus the sum of squared
    posting-list lengths (bounded by ``max_df``): no all-pairs comparison.

    References
    ----------
    Broder, A. Z. (1997). On the resemblance and containment of documents.
    Smith, D. A., Cordell, R., & Dillon, E. M. (2013). Infectious texts.
    README (Sentences and words, offline)

    See Also
    --------
    reuse_summary : the share of each document that is reused.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["A", "B"], "text": [
    ...     "Moscow and Beijing intend to closely coordinate efforts in view of the escalation.",
    ...     "Officials said Moscow and Beijing intend to closely coordinate efforts "
    ...     "on the crisis."]}))
    >>> r = text_reuse(c, min_words=8)
    >>> r[["doc_a", "a_start", "a_end", "doc_b", "b_start", "b_end", "n_words"]]
      doc_a  a_start  a_end doc_b  b_start  b_end  n_words
    0     A        0     55     B       15     70        8
    """
    if min_words < 1 or ngram < 1 or gap < 0 or max_df < 2 or min_match < 1:
        raise CorpusValueError(
            "text_reuse needs min_words >= 1, ngram >= 1, gap >= 0, max_df >= 2 and "
            f"min_match >= 1; got min_words={min_words}, ngram={ngram}, gap={gap}, "
            f"max_df={max_df}, min_match={min_match}."
        )
    n = min(ngram, min_words)
    docs = corpus.docs
    ids = docs["doc_id"].astype(str).tolist()
    order = sorted(range(len(ids)), key=lambda i: ids[i])
    ids = [ids[i] for i in order]
    texts = [str(t) for t in docs["text"].tolist()]
    texts = [texts[i] for i in order]
    if series is None:
        ser = np.arange(len(ids), dtype=np.int64)
    else:
        labels = group_labels(corpus, series)
        codes: dict[str, int] = {}
        ser_l = []
        for i, d in enumerate(ids):
            lab = labels[d]
            if lab == MISSING_GROUP:
                ser_l.append(-1 - i)
            else:
                ser_l.append(codes.setdefault(lab, len(codes)))
        ser = np.array(ser_l, dtype=np.int64)
    # per document keep only the shingle hashes and the word offsets (int32 arrays), not
    # the word strings: memory stays proportional to the number of words
    hashes: list[np.ndarray] = []
    offsets: list[tuple[np.ndarray, np.ndarray]] = []
    for t in texts:
        w, st, en = _doc_words(t)
        hashes.append(_shingle_hashes(w, n))
        offsets.append((np.asarray(st, dtype=np.int64), np.asarray(en, dtype=np.int64)))
    da, pa, db, pb = _candidate_seeds(hashes, ser, max_df)
    rows: dict[str, list] = {c: [] for c in REUSE_COLUMNS}
    if len(da):
        pair = da * len(ids) + db
        porder = np.lexsort((pb, pa, pair))
        pair, pa, pb = pair[porder], pa[porder], pb[porder]
        bounds = np.flatnonzero(np.r_[True, pair[1:] != pair[:-1]])
        ends = np.r_[bounds[1:], len(pair)]
        views: dict[int, str] = {}
        for s, e in zip(bounds.tolist(), ends.tolist(), strict=False):
            if e - s < min_match:
                continue
            ia, ib = divmod(int(pair[s]), len(ids))
            for a0, a1, b0, b1, matched in _merge_runs(_runs(pa[s:e], pb[s:e], n), gap, n):
                if matched < min_words:
                    continue
                sa, ea = offsets[ia]
                sb, eb = offsets[ib]
                cs_a, ce_a = int(sa[a0]), int(ea[a1 - 1])
                cs_b, ce_b = int(sb[b0]), int(eb[b1 - 1])
                va = views.setdefault(ia, fold(texts[ia]))
                vb = views.setdefault(ib, fold(texts[ib]))
                rows["doc_a"].append(ids[ia])
                rows["a_start"].append(cs_a)
                rows["a_end"].append(ce_a)
                rows["doc_b"].append(ids[ib])
                rows["b_start"].append(cs_b)
                rows["b_end"].append(ce_b)
                rows["n_words"].append(matched)
                rows["identity"].append(matched / max(a1 - a0, b1 - b0))
                rows["text_a"].append(texts[ia][cs_a:ce_a])
                rows["text_b"].append(texts[ib][cs_b:ce_b])
                rows["in_quotes_a"].append(_in_quotes(va, cs_a, ce_a))
                rows["in_quotes_b"].append(_in_quotes(vb, cs_b, ce_b))
                rows["a_word_start"].append(a0)
                rows["a_word_end"].append(a1)
                rows["b_word_start"].append(b0)
                rows["b_word_end"].append(b1)
    out = pd.DataFrame(rows, columns=REUSE_COLUMNS)
    for c in REUSE_COLUMNS:
        if c in ("doc_a", "doc_b", "text_a", "text_b"):
            out[c] = out[c].astype(object)
        elif c == "identity":
            out[c] = out[c].astype(float)
        elif c.startswith("in_quotes"):
            out[c] = out[c].astype(bool)
        else:
            out[c] = out[c].astype("int64")
    return _sort(
        out,
        ["n_words", "doc_a", "a_start", "doc_b", "b_start"],
        [False, True, True, True, True],
    )


def reuse_summary(reuse: pd.DataFrame, corpus: Corpus, *, by: str = "outlet") -> pd.DataFrame:
    """The share of each document's words that it shares with other documents.

    Parameters
    ----------
    reuse : pandas.DataFrame
        The output of :func:`text_reuse` on ``corpus``.
    corpus : Corpus
        The same corpus.
    by : str, default "outlet"
        A ``corpus.docs`` column reported as ``group``.

    Returns
    -------
    pandas.DataFrame
        One row per document: ``doc_id``, ``group`` (str), ``n_words``
        (int, word tokens), ``reused_words`` (int, words inside the union of
        the document's aligned passages), ``reused_share`` (float,
        ``reused_words / n_words``), ``n_passages`` (int), ``n_partners``
        (int, other documents it shares passages with), ``partners`` (str,
        their doc_ids joined by ``"; "``). Sorted by ``reused_share``
        descending, then ``doc_id``.

    Notes
    -----
    A share of 1.0 on a ten-word document says little; read ``n_words``.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["A", "B"], "text": [
    ...     "Moscow and Beijing intend to closely coordinate efforts in view of the escalation.",
    ...     "Officials said Moscow and Beijing intend to closely coordinate efforts "
    ...     "on the crisis."]}))
    >>> s = reuse_summary(text_reuse(c), c)
    >>> s[["doc_id", "n_words", "reused_words", "reused_share"]].round(3)
      doc_id  n_words  reused_words  reused_share
    0      A       13             8         0.615
    1      B       13             8         0.615
    """
    groups = group_labels(corpus, by)
    spans: dict[str, list[tuple[int, int]]] = {}
    partners: dict[str, set[str]] = {}
    counts: dict[str, int] = {}
    for r in reuse.itertuples(index=False):
        for d, s, e, other in (
            (r.doc_a, r.a_word_start, r.a_word_end, r.doc_b),
            (r.doc_b, r.b_word_start, r.b_word_end, r.doc_a),
        ):
            spans.setdefault(d, []).append((int(s), int(e)))
            partners.setdefault(d, set()).add(str(other))
            counts[d] = counts.get(d, 0) + 1
    rows: dict[str, list] = {c: [] for c in REUSE_SUMMARY_COLUMNS}
    for doc_id, text in corpus:
        n_words = len(_doc_words(text)[0])
        covered = 0
        last = -1
        for s, e in sorted(spans.get(doc_id, [])):
            s = max(s, last)
            if e > s:
                covered += e - s
                last = e
        rows["doc_id"].append(doc_id)
        rows["group"].append(groups[doc_id])
        rows["n_words"].append(n_words)
        rows["reused_words"].append(covered)
        rows["reused_share"].append(covered / n_words if n_words else 0.0)
        rows["n_passages"].append(counts.get(doc_id, 0))
        rows["n_partners"].append(len(partners.get(doc_id, ())))
        rows["partners"].append("; ".join(sorted(partners.get(doc_id, ()))))
    out = pd.DataFrame(rows, columns=REUSE_SUMMARY_COLUMNS)
    for c in ("n_words", "reused_words", "n_passages", "n_partners"):
        out[c] = out[c].astype("int64")
    out["reused_share"] = out["reused_share"].astype(float)
    for c in ("doc_id", "group", "partners"):
        out[c] = out[c].astype(object)
    return _sort(out, ["reused_share", "doc_id"], [False, True])


# ----------------------------------------------------------- numeric claims
# Word lists for numbers in English news (general English, not corpus-specific),
# shipped as data in ``data/numbers.yml``.
def _number_words() -> dict[str, Any]:
    data, name = read_yaml(None, default="numbers.yml", what="number word list")
    keys = ("units", "tens", "scales", "suffix_scales", "vague", "qualifiers")
    missing = [k for k in keys if k not in (data or {})]
    if missing:  # pragma: no cover - the shipped file is tested
        raise CorpusValueError(f"{name}: missing key(s) {missing}.")
    return dict(data)


_NUMBERS = _number_words()
_UNITS: dict[str, int] = {str(k): int(v) for k, v in _NUMBERS["units"].items()}
_TENS: dict[str, int] = {str(k): int(v) for k, v in _NUMBERS["tens"].items()}
_SCALES: dict[str, int] = {str(k): int(v) for k, v in _NUMBERS["scales"].items()}
_SUFFIX_SCALES: dict[str, int] = {str(k): int(v) for k, v in _NUMBERS["suffix_scales"].items()}
_VAGUE: dict[str, str] = {str(k): str(v) for k, v in _NUMBERS["vague"].items()}
#: Hedging qualifiers written before a number (lower-case, longest first when matched).
NUMBER_QUALIFIERS: tuple[str, ...] = tuple(str(q) for q in _NUMBERS["qualifiers"])
#: Words that say what happened to the counted people or things -> normalised event.
NUMBER_EVENTS = {
    "killed": "killed",
    "kill": "killed",
    "dead": "killed",
    "died": "killed",
    "deaths": "killed",
    "death": "killed",
    "lives": "killed",
    "fatalities": "killed",
    "wounded": "wounded",
    "injured": "wounded",
    "wounds": "wounded",
    "injuries": "wounded",
    "hurt": "wounded",
    "displaced": "displaced",
    "evacuated": "evacuated",
    "arrested": "arrested",
    "detained": "arrested",
    "missing": "missing",
    "kidnapped": "abducted",
    "abducted": "abducted",
    "hostage": "abducted",
    "hostages": "abducted",
    "captured": "abducted",
}
_CURRENCY_WORDS = {
    "dollars",
    "dollar",
    "usd",
    "euros",
    "euro",
    "pounds",
    "yuan",
    "renminbi",
    "rubles",
    "roubles",
    "yen",
    "shekels",
    "rupees",
    "riyals",
}
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_WORDNUM = (
    r"(?:" + "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True)) + r")"
    r"(?:[- ](?:" + "|".join(sorted(_UNITS, key=len, reverse=True)) + r"))?"
    r"(?:\s+(?:hundred|thousand|million|billion)(?:\s+(?:and\s+)?"
    r"(?:" + "|".join(sorted([*_UNITS, *_TENS], key=len, reverse=True)) + r"))?)*"
)
_NUM_RE = re.compile(
    r"(?P<iso>\b\d{4}-\d{2}-\d{2}\b)"
    r"|(?P<time>\b\d{1,2}:\d{2}\b(?:\s*[ap]\.?m\.?)?)"
    r"|(?P<ord>(?<![\w.,])\d+(?:st|nd|rd|th)\b)"
    r"|(?P<cur>(?:US\$|[$€£¥]))?(?P<num>(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)"
    r"(?P<scale>\s+(?:hundred|thousand|million|billion|trillion)\b|(?:k|m|mn|mln|bn)\b)?"
    r"(?P<pct>\s*(?:%|percent\b|per\s+cent\b))?"
    r"|(?P<vague>\b(?:dozens|hundreds|thousands|millions|scores)\b)"
    r"|(?P<dozen>\b(?:a\s+)?dozen\b)"
    r"|(?P<word>\b" + _WORDNUM + r"\b)",
    re.IGNORECASE,
)
_QUAL_RE = re.compile(
    r"\b("
    + "|".join(re.escape(q) for q in sorted(NUMBER_QUALIFIERS, key=len, reverse=True))
    + r")\s+$",
    re.IGNORECASE,
)
_MONTH_BEFORE = re.compile(r"\b(?:" + _MONTHS + r")\.?\s+$", re.IGNORECASE)
_MONTH_AFTER = re.compile(r"^\s+(?:" + _MONTHS + r")\b", re.IGNORECASE)
_WORD_RE = re.compile(r"[A-Za-z][\w'.-]*")
_ATTR_PATTERNS = (
    re.compile(
        r"\b(?:according to|citing|cited by|figures from|data from)\s+"
        r"(?P<src>[^,.;:()\"]{3,80})",
        re.IGNORECASE,
    ),
    re.compile(
        r"(?P<src>(?:\b[Tt]he\s+)?(?:\b[A-Z][\w'-]*\s+){0,5}"
        r"(?:[A-Z][\w'-]*|authorities|officials|ministry|sources|police|army|military|"
        r"spokesman|spokeswoman|spokesperson|agency))"
        r"\s+(?:say|says|said|reported|reports|estimated|estimates|confirmed|claimed|"
        r"told|announced|stated)\b"
    ),
    re.compile(
        r"\b(?:said|says|reported|announced|told)\s+"
        r"(?P<src>(?:the\s+)?(?:[A-Z][\w'-]*\s*){1,6})"
    ),
)
NUMERIC_COLUMNS = [
    "doc_id",
    "sent_id",
    "start",
    "end",
    "text",
    "quantity",
    "qualifier",
    "kind",
    "object",
    "event",
    "attribution",
    "sentence",
]


def _words_to_number(text: str) -> float:
    total, current = 0, 0
    for w in re.split(r"[\s-]+", text.lower()):
        if w in ("", "and"):
            continue
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = max(current, 1) * 100
        elif w in _SCALES:
            total += max(current, 1) * _SCALES[w]
            current = 0
    return float(total + current)


def _attribution(sentence: str) -> str:
    for pat in _ATTR_PATTERNS:
        m = pat.search(sentence)
        if m:
            src = _spaces(m.group("src")).strip()
            src = re.sub(r"^(?:[Tt]he)\s+", "the ", src)
            if src and src.lower() not in ("it", "he", "she", "they", "the"):
                return src
    return ""


def _numbers_in_sentence(sentence: str, view: str) -> list[dict]:
    """Numeric expressions of one sentence: offsets relative to the sentence."""
    stop = load_stopwords()
    out = []
    attribution = None
    for m in _NUM_RE.finditer(view):
        start, end = m.start(), m.end()
        before, after = view[:start], view[end:]
        qualifier = ""
        kind = "count"
        quantity = float("nan")
        if m.group("iso"):
            kind = "date"
        elif m.group("time"):
            kind = "time"
        elif m.group("ord"):
            kind = "ordinal"
            quantity = float(re.sub(r"\D", "", m.group("ord")))
        elif m.group("num"):
            raw = m.group("num")
            quantity = float(raw.replace(",", ""))
            scale = (m.group("scale") or "").strip().lower()
            if scale:
                quantity *= _SCALES.get(scale, _SUFFIX_SCALES.get(scale, 1))
            next_word = (_WORD_RE.match(after.lstrip()) or [""])[0].lower()
            if m.group("pct"):
                kind = "percent"
            elif m.group("cur") or next_word in _CURRENCY_WORDS:
                kind = "money"
            elif _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(after):
                kind = "date" if not (len(raw) == 4 and "," not in raw) else "year"
            elif len(raw) == 4 and raw.isdigit() and 1800 <= int(raw) <= 2099 and not scale:
                kind = "year"
        elif m.group("vague"):
            quantity = float("nan")
            qualifier = m.group("vague").lower()
        elif m.group("dozen"):
            quantity = 12.0
        else:
            word = m.group("word")
            prev_word = (re.findall(r"[A-Za-z]+", before[-20:]) or [""])[-1].lower()
            nxt = (_WORD_RE.match(after.lstrip()) or [""])[0].lower()
            if word.lower() == "one" and (
                nxt in ("of", "another", "or", "and", "")
                or prev_word in ("no", "any", "every", "each", "the", "this", "that", "which")
            ):
                continue
            quantity = _words_to_number(word)
        q = _QUAL_RE.search(before)
        if q and kind not in ("date", "year", "time"):
            qualifier = q.group(1).lower()
            start = q.start(1)
        # object: following content words; event: nearby event word
        obj: list[str] = []
        event = ""
        tail = re.sub(r"(?i)\blost\s+(?:their|his|her)\s+lives?\b", "died", after)
        if m.group("vague"):
            tail = re.sub(r"^\s+of\b", "", tail)
        follow = [w.lower().rstrip(".") for w in _WORD_RE.findall(tail.split(".")[0][:80])][:7]
        follow_raw = _WORD_RE.findall(re.split(r"[,;:()\"]", tail)[0][:80]) if tail else []
        for w in follow_raw[:3]:
            lw = w.lower().rstrip(".")
            if lw in NUMBER_EVENTS:
                event = NUMBER_EVENTS[lw]
                break
            if lw in stop or lw in _CURRENCY_WORDS or (obj and lw.endswith("ing")):
                break
            obj.append(w.rstrip(".") if not w.endswith("U.S.") else w)
        if not event:
            for w in follow[len(obj) : len(obj) + 4]:
                if w in NUMBER_EVENTS:
                    event = NUMBER_EVENTS[w]
                    break
        if not event:
            prev = [w.lower() for w in _WORD_RE.findall(view[: q.start(1) if q else start])][-3:]
            for w in reversed(prev):
                if w in NUMBER_EVENTS:
                    event = NUMBER_EVENTS[w]
                    break
        if kind in ("date", "year", "time", "ordinal"):
            obj, event = [], ""
        if attribution is None:
            attribution = _attribution(view)
        out.append(
            {
                "start": start,
                "end": end,
                "quantity": quantity,
                "qualifier": qualifier,
                "kind": kind,
                "object": " ".join(obj),
                "event": event,
                "attribution": attribution if kind not in ("date", "year", "time") else "",
            }
        )
    return out


def numeric_claims(corpus: Corpus, *, kinds: Sequence[str] | None = None) -> pd.DataFrame:
    """Numbers in the text with qualifier, what is counted, and who says so.

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus.
    kinds : sequence of str, optional
        Keep only these kinds (``"count"``, ``"percent"``, ``"money"``,
        ``"year"``, ``"date"``, ``"time"``, ``"ordinal"``); default all.

    Returns
    -------
    pandas.DataFrame
        ``doc_id`` (str), ``sent_id`` (int), ``start``/``end`` (int, offsets of
        the expression, qualifier included), ``text`` (str, as written),
        ``quantity`` (float; NaN for vague amounts such as ``hundreds``),
        ``qualifier`` (str: ``more than``, ``some``, ``at least``, ... or
        ``""``), ``kind`` (str), ``object`` (str: up to three content words
        after the number, e.g. ``Palestinians``), ``event`` (str: normalised
        event word nearby, e.g. ``killed``, ``wounded``, or ``""``),
        ``attribution`` (str: the source named in the sentence, e.g.
        ``Gaza authorities``, or ``""``), ``sentence`` (str). Sorted by
        ``doc_id``, then ``start``.

    Notes
    -----
    Rules, not parsing: ``object`` is the words right after the number (so
    ``killed 1,400 people`` gives object ``people``, event ``killed``), and
    ``attribution`` is the first source pattern in the sentence (``according
    to X``, ``X said``, ``said X``), which can belong to another clause.
    Four-digit numbers from 1800 to 2099 are typed ``year``; a number next
    to a month name is a ``date``. Written numbers ``one`` to ``ninety-nine``
    and scales are read; ``one`` as a pronoun (``one of``) is skipped.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": [
    ...     "Gaza authorities say more than 3,500 Palestinians have been killed since 2023."]}))
    >>> n = numeric_claims(c)
    >>> n[["text", "quantity", "qualifier", "kind"]]
                  text  quantity  qualifier   kind
    0  more than 3,500    3500.0  more than  count
    1             2023    2023.0              year
    >>> n.loc[0, ["object", "event", "attribution"]].tolist()
    ['Palestinians', 'killed', 'Gaza authorities']
    """
    sents = corpus.sentences()
    rows: dict[str, list] = {c: [] for c in NUMERIC_COLUMNS}
    texts = dict(iter(corpus))
    views: dict[str, str] = {}
    for r in sents.itertuples(index=False):
        view = views.get(r.doc_id)
        if view is None:
            view = views.setdefault(r.doc_id, fold(texts[r.doc_id]))
        sview = view[r.start : r.end]
        if not any(ch.isdigit() for ch in sview) and not re.search(
            r"(?i)\b(?:" + "|".join([*_UNITS, *_TENS]) + r"|dozens?|hundreds|thousands|millions)\b",
            sview,
        ):
            continue
        text = texts[r.doc_id]
        for hit in _numbers_in_sentence(r.text, sview):
            s, e = r.start + hit["start"], r.start + hit["end"]
            rows["doc_id"].append(r.doc_id)
            rows["sent_id"].append(r.sent_id)
            rows["start"].append(s)
            rows["end"].append(e)
            rows["text"].append(text[s:e])
            rows["sentence"].append(_spaces(r.text))
            for k in ("quantity", "qualifier", "kind", "object", "event", "attribution"):
                rows[k].append(hit[k])
    out = pd.DataFrame(rows, columns=NUMERIC_COLUMNS)
    for c in ("sent_id", "start", "end"):
        out[c] = out[c].astype("int64")
    out["quantity"] = out["quantity"].astype(float)
    for c in ("doc_id", "text", "qualifier", "kind", "object", "event", "attribution", "sentence"):
        out[c] = out[c].astype(object)
    if kinds is not None:
        out = out[out["kind"].isin(list(kinds))]
    return _sort(out, ["doc_id", "start"], [True, True])


COMPARE_NUMBERS_COLUMNS = [
    "key",
    "group",
    "values",
    "quantity_min",
    "quantity_max",
    "n_claims",
    "n_groups",
    "disagree",
    "attribution",
    "evidence",
]


def _object_key(obj: str) -> str:
    words = [w.lower() for w in obj.split()]
    return words[-1] if words else ""


def compare_numbers(
    claims: pd.DataFrame,
    corpus: Corpus | None = None,
    *,
    by: str = "outlet",
    kinds: Sequence[str] = ("count", "percent", "money"),
) -> pd.DataFrame:
    """Line up the same quantity across groups (outlets) and flag disagreements.

    Claims are matched on a ``key`` made of the normalised ``event`` and the
    head (last word) of the ``object``, e.g. ``killed palestinians`` or
    ``wounded``.

    Parameters
    ----------
    claims : pandas.DataFrame
        The output of :func:`numeric_claims`.
    corpus : Corpus, optional
        Needed when ``claims`` has no ``by`` column: the group of each
        ``doc_id`` is read from ``corpus.docs[by]``.
    by : str, default "outlet"
        The grouping column.
    kinds : sequence of str
        Claim kinds compared (dates and years are not quantities).

    Returns
    -------
    pandas.DataFrame
        One row per (key, group): ``key`` (str), ``group`` (str),
        ``values`` (str, the group's figures as written, ``"; "``-joined),
        ``quantity_min``, ``quantity_max`` (float), ``n_claims`` (int),
        ``n_groups`` (int, groups reporting this key), ``disagree`` (bool:
        at least two groups report the key and no figure is shared by all of
        them), ``attribution`` (str, sources named), ``evidence`` (str,
        ``doc_id:start-end``). Only keys with an event or an object are kept.
        Sorted by ``n_groups`` descending, ``key``, ``group``.

    Notes
    -----
    The key is crude: ``people killed`` in Israel and ``people killed`` in
    Gaza share it, and different reporting dates give different figures
    for the same toll. Read the evidence sentences before calling a
    difference a disagreement.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"], "text": [
    ...     "More than 3,500 Palestinians have been killed.",
    ...     "Some 3,400 Palestinians were killed, officials said."]}))
    >>> compare_numbers(numeric_claims(c), c)[["key", "group", "values", "disagree"]]
                       key group           values  disagree
    0  killed palestinians     X  More than 3,500      True
    1  killed palestinians     Y       Some 3,400      True
    """
    cl = claims[claims["kind"].isin(list(kinds))].copy()
    if by not in cl.columns:
        if corpus is None:
            raise CorpusValueError(
                f"claims have no column {by!r}; pass the corpus (compare_numbers(claims, corpus)) "
                "so the group of each doc_id can be looked up."
            )
        cl[by] = cl["doc_id"].map(group_labels(corpus, by))
    cl["group"] = [group_label(v) for v in cl[by].tolist()]
    cl["key"] = [
        " ".join(x for x in (ev, _object_key(ob)) if x)
        for ev, ob in zip(cl["event"].tolist(), cl["object"].tolist(), strict=False)
    ]
    cl = cl[cl["key"] != ""]
    cl = cl.sort_values(["key", "group", "doc_id", "start"], kind="mergesort")
    # one aggregation per (key, group) over the whole table (was a sub-DataFrame per pair)
    cl = cl.assign(
        _text=[_spaces(t) for t in cl["text"].tolist()],
        _ev=[
            f"{d}:{a}-{b}"
            for d, a, b in zip(
                cl["doc_id"].tolist(), cl["start"].tolist(), cl["end"].tolist(), strict=True
            )
        ],
    )
    grouped = cl.groupby(["key", "group"], sort=True)
    per = grouped.agg(
        values=("_text", "; ".join),
        quantity_min=("quantity", "min"),
        quantity_max=("quantity", "max"),
        n_claims=("_text", "size"),
        attribution=("attribution", lambda a: "; ".join(x for x in dict.fromkeys(a) if x)),
        evidence=("_ev", "; ".join),
    ).reset_index()
    n_groups = per.groupby("key", sort=False)["group"].transform("size")
    # a figure is shared when every group of the key reports it
    dq = cl[["key", "group", "quantity"]].dropna().drop_duplicates()
    per_value = dq.groupby(["key", "quantity"], sort=False)["group"].size()
    groups_of_key = per.groupby("key", sort=False)["group"].size()
    shared = per_value.reset_index(level="quantity", drop=True)
    has_common = (shared == groups_of_key.reindex(shared.index)).groupby(level=0).any()
    common = per["key"].map(has_common).fillna(False).astype(bool)
    per["n_groups"] = n_groups
    per["disagree"] = (n_groups >= 2) & ~common
    rows = {c: per[c].tolist() for c in COMPARE_NUMBERS_COLUMNS}
    out = pd.DataFrame(rows, columns=COMPARE_NUMBERS_COLUMNS)
    for c in ("n_claims", "n_groups"):
        out[c] = out[c].astype("int64")
    for c in ("quantity_min", "quantity_max"):
        out[c] = out[c].astype(float)
    out["disagree"] = out["disagree"].astype(bool)
    for c in ("key", "group", "values", "attribution", "evidence"):
        out[c] = out[c].astype(object)
    return _sort(out, ["n_groups", "key", "group"], [False, True, True])


# ------------------------------------------------------------------- naming
NAMING_COLUMNS = [
    "doc_id",
    "group",
    "actor",
    "alias",
    "label",
    "label_type",
    "start",
    "end",
    "mention_start",
    "mention_end",
    "sent_id",
    "evidence",
]
_DETERMINERS = {"the", "a", "an"}
_VERB_NEXT = {
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "to",
    "it",
    "on",
    "in",
    "with",
    "for",
    "by",
    "as",
    "at",
    "from",
}
_NOT_LABELS = {
    "said",
    "says",
    "told",
    "say",
    "has",
    "had",
    "was",
    "is",
    "are",
    "were",
    "also",
    "later",
    "then",
    "now",
    "still",
    "again",
    "recently",
    "however",
}


def _literal_mentions(corpus: Corpus, actors: Mapping[str, Sequence[str]]) -> pd.DataFrame:
    parts = []
    for actor, aliases in actors.items():
        hits = kwic(corpus, list(aliases), window=0)
        if hits.empty:
            continue
        parts.append(
            pd.DataFrame(
                {
                    "doc_id": hits["doc_id"],
                    "actor": str(actor),
                    "alias": hits["match"],
                    "start": hits["start"],
                    "end": hits["end"],
                    "sent_id": hits["sent_id"],
                    "resolution": "name",
                }
            )
        )
    if not parts:
        return pd.DataFrame(
            columns=["doc_id", "actor", "alias", "start", "end", "sent_id", "resolution"]
        )
    return pd.concat(parts, ignore_index=True)


def _labels_for_mention(
    text: str,
    lowers: list[str],
    starts: list[int],
    ends: list[int],
    words: list[bool],
    stops: list[bool],
    sents: list[int],
    i0: int,
    i1: int,
) -> list[tuple[str, int, int]]:
    """Labels around the mention occupying tokens [i0, i1): (label_type, start, end)."""
    out: list[tuple[str, int, int]] = []
    sent = sents[i0]
    # pre-modifier run closed by a determiner: "the radical Palestinian movement Hamas"
    j = i0 - 1
    while j >= 0 and i0 - j <= 4 and sents[j] == sent and words[j] and not stops[j]:
        if (
            (lowers[j].endswith(("ing", "ed")) and "-" not in lowers[j])
            or lowers[j][:1].isdigit()
            or lowers[j] in _UNITS
            or lowers[j] in _TENS
        ):
            break
        j -= 1
    if j < i0 - 1 and j >= 0 and sents[j] == sent and lowers[j] in _DETERMINERS:
        out.append(("premodifier", starts[j + 1], ends[i0 - 1]))
    # appositive: "Hamas, the radical Palestinian movement,"
    n = len(lowers)
    if i1 + 2 < n and lowers[i1] == "," and lowers[i1 + 1] in _DETERMINERS and sents[i1] == sent:
        k = i1 + 2
        while k < n and k - (i1 + 2) < 6 and words[k] and sents[k] == sent:
            k += 1
        if k > i1 + 2 and (k == n or not words[k]):
            out.append(("appositive", starts[i1 + 2], ends[k - 1]))
    # compound head: "Hamas militants", "Hamas leader"
    if i1 < n and words[i1] and not stops[i1] and sents[i1] == sent:
        w = text[starts[i1] : ends[i1]]
        verb_like = (
            w.endswith(("ed", "ing"))
            or lowers[i1] in _NOT_LABELS
            or (i1 + 1 < n and lowers[i1 + 1] in _VERB_NEXT)
        )
        if w[:1].islower() and not verb_like:
            out.append(("compound", starts[i1], ends[i1]))
    return out


def naming(
    corpus: Corpus,
    actors: Sequence[str] | Mapping[str, Sequence[str]] | None = None,
    *,
    by: str = "outlet",
    gazetteer: Any = None,
) -> pd.DataFrame:
    """How each group (outlet) labels the same actor: the words attached to its mentions.

    For every actor mention (from :func:`corpus_tools.actor_mentions`, or
    from literal aliases you pass) the function collects

    * ``premodifier``: the content words between a determiner and the name
      (``the radical Palestinian movement Hamas`` -> ``radical Palestinian
      movement``),
    * ``appositive``: a noun phrase after a comma and a determiner
      (``Hamas, the militant group that ...`` -> ``militant group that``),
    * ``compound``: a lower-case content word right after the name
      (``Hamas militants`` -> ``militants``; not after demonyms, and not
      when it looks like a verb: ``-ed``/``-ing``, or followed by a
      determiner or preposition),
    * ``title``: the title part of a person's alias (``Deputy Foreign
      Minister Mikhail Bogdanov`` -> ``Deputy Foreign Minister``).

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus.
    actors : sequence of str or mapping, optional
        ``None``: every actor found by :func:`corpus_tools.actor_mentions`.
        A list of canonical actor names keeps those actors (names the
        gazetteer does not know are matched literally). A mapping
        ``{actor: [alias, ...]}`` matches the aliases literally (case
        insensitive) instead of using the gazetteer.
    by : str, default "outlet"
        A ``corpus.docs`` column reported as ``group``.
    gazetteer : optional
        Passed to :func:`corpus_tools.actor_mentions`.

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, ``group``, ``actor``, ``alias`` (str, the mention as
        written), ``label`` (str, the label as written), ``label_type``
        (str, see above), ``start``/``end`` (int, offsets of the label),
        ``mention_start``/``mention_end`` (int, offsets of the mention),
        ``sent_id`` (int), ``evidence`` (str, the sentence). Sorted by
        ``actor``, ``group``, ``doc_id``, ``start``.

    Notes
    -----
    Surface rules without a parser: a compound can be a verb (``Hamas
    runs``), an appositive can run into a relative clause, and labels given
    in another sentence (``The group said...``) are missed. Count labels per
    outlet only with the evidence sentences at hand.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": [
    ...     "Militants from the radical Palestinian movement Hamas attacked. "
    ...     "Hamas, the Islamist group, said Hamas fighters would return."]}))
    >>> naming(c, {"Hamas": ["Hamas"]})[["label", "label_type", "start", "end"]]
                              label   label_type  start  end
    0  radical Palestinian movement  premodifier     19   47
    1                Islamist group   appositive     75   89
    2                      fighters     compound    102  110
    """
    if actors is None or (not isinstance(actors, Mapping) and not isinstance(actors, str)):
        from .actors import actor_mentions  # later pipeline stage, imported lazily

        ment = (
            actor_mentions(corpus, gazetteer) if gazetteer is not None else actor_mentions(corpus)
        )
        ment = ment[ment["type"] != "location"]
        if actors is not None:
            wanted = [str(a) for a in actors]
            known = set(ment["actor"].tolist())
            missing = [a for a in wanted if a not in known]
            ment = ment[ment["actor"].isin(wanted)]
            if missing:
                extra = _literal_mentions(corpus, {a: [a] for a in missing})
                ment = pd.concat([ment, extra], ignore_index=True)
    elif isinstance(actors, Mapping):
        ment = _literal_mentions(corpus, actors)
    else:
        raise CorpusValueError(
            f"actors={actors!r}: pass a list of actor names or a mapping "
            "{actor: [aliases]}, not a single string; e.g. actors=['Hamas']."
        )
    groups = group_labels(corpus, by)
    tok = corpus.tokens()
    sents = corpus.sentences().set_index(["doc_id", "sent_id"])["text"]
    texts = dict(iter(corpus))
    rows: dict[str, list] = {c: [] for c in NAMING_COLUMNS}
    # token positions per document once (no sub-DataFrame per document)
    where = tok.groupby("doc_id", sort=False).indices
    col_lower = tok["lower"].to_numpy(dtype=object)
    col_start = tok["start"].to_numpy()
    col_end = tok["end"].to_numpy()
    col_word = tok["is_word"].to_numpy()
    col_stop = tok["is_stop"].to_numpy()
    col_sent = tok["sent_id"].to_numpy()
    for doc_id, ms in ment.groupby("doc_id", sort=True):
        pos = where.get(doc_id)
        if pos is None:
            continue
        text = texts[doc_id]
        lowers = col_lower[pos].tolist()
        s_arr = col_start[pos]
        e_arr = col_end[pos]
        starts = s_arr.tolist()
        ends = e_arr.tolist()
        words = col_word[pos].tolist()
        stops = col_stop[pos].tolist()
        sids = col_sent[pos].tolist()
        for m in ms.itertuples(index=False):
            i0 = int(np.searchsorted(s_arr, m.start, side="left"))
            i1 = int(np.searchsorted(e_arr, m.end, side="left")) + 1
            i1 = min(max(i1, i0 + 1), len(lowers))
            if i0 >= len(lowers) or starts[i0] != m.start or ends[i1 - 1] != m.end:
                # part of a hyphenated token ("Israel-Hamas conflict"): no label
                continue
            # the possessive 's after a name is not a label
            if i1 < len(lowers) and lowers[i1] in ("'s", "'"):
                i1 += 1
            found = _labels_for_mention(text, lowers, starts, ends, words, stops, sids, i0, i1)
            if getattr(m, "type", "") == "demonym":
                # "Russian citizens": the noun is who is described, not a label of Russia
                found = [f for f in found if f[0] != "compound"]
            alias = str(m.alias)
            if getattr(m, "resolution", "") == "title" and alias.lower().endswith(
                str(m.actor).split()[-1].lower()
            ):
                name_words = len(str(m.actor).split())
                parts = alias.split()
                if len(parts) > name_words:
                    title = " ".join(parts[: len(parts) - name_words])
                    found.insert(0, ("title", int(m.start), int(m.start) + len(title)))
            for label_type, ls, le in found:
                rows["doc_id"].append(doc_id)
                rows["group"].append(groups[doc_id])
                rows["actor"].append(str(m.actor))
                rows["alias"].append(alias)
                rows["label"].append(_spaces(text[ls:le]))
                rows["label_type"].append(label_type)
                rows["start"].append(ls)
                rows["end"].append(le)
                rows["mention_start"].append(int(m.start))
                rows["mention_end"].append(int(m.end))
                sid = sids[i0]
                rows["sent_id"].append(sid)
                rows["evidence"].append(_spaces(str(sents.get((doc_id, sid), ""))))
    out = pd.DataFrame(rows, columns=NAMING_COLUMNS)
    for c in ("start", "end", "mention_start", "mention_end", "sent_id"):
        out[c] = out[c].astype("int64")
    for c in ("doc_id", "group", "actor", "alias", "label", "label_type", "evidence"):
        out[c] = out[c].astype(object)
    out = out.drop_duplicates(["doc_id", "actor", "start", "end", "label_type"])
    return _sort(out, ["actor", "group", "doc_id", "start"], [True, True, True, True])
