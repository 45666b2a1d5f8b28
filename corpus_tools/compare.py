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
strings; documents whose value is missing form the group ``"(missing)"``.

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
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from .errors import CorpusValueError, invalid_option
from .tokenize import doc_tokens, fold, load_stopwords

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = [
    "MISSING_GROUP",
    "kwic",
    "term_frequencies",
    # @@MORE@@
]

MISSING_GROUP = "(missing)"

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
def _group_of_docs(corpus: Corpus, by: str) -> pd.Series:
    """Return a Series doc_id -> group label (str) for a docs column."""
    docs = corpus.docs
    if by not in docs.columns:
        raise CorpusValueError(
            f"by={by!r} is not a column of corpus.docs; choose one of {list(docs.columns)} "
            "or add the column to your metadata."
        )
    values = docs[by]
    labels = [MISSING_GROUP if _isna(v) else _label(v) for v in values.tolist()]
    return pd.Series(labels, index=docs["doc_id"].tolist(), dtype=object)


def _isna(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _label(value: object) -> str:
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d") if value == value.normalize() else value.isoformat()
    return str(value)


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
    for doc_id, sub in tok.groupby("doc_id", sort=False):
        lowers = sub["lower"].tolist()
        starts = sub["start"].tolist()
        ends = sub["end"].tolist()
        sents = sub["sent_id"].tolist()
        tids = sub["token_id"].tolist()
        text = texts[doc_id]
        n = len(lowers)
        firsts: dict[str, list[int]] = {}
        for i, low in enumerate(lowers):
            firsts.setdefault(low, []).append(i)
        for t, k in keys:
            for i in firsts.get(k[0], []):
                j = i + len(k)
                if j > n or lowers[i:j] != k:
                    continue
                lo = max(0, i - window)
                hi = min(n, j + window)
                s, e = starts[i], ends[j - 1]
                rows["doc_id"].append(doc_id)
                rows["sent_id"].append(sents[i])
                rows["token_id"].append(tids[i])
                rows["start"].append(s)
                rows["end"].append(e)
                rows["left"].append(_spaces(text[starts[lo] : s]).strip() if lo < i else "")
                rows["match"].append(_spaces(text[s:e]))
                rows["right"].append(_spaces(text[e : ends[hi - 1]]).strip() if hi > j else "")
                rows["term"].append(t)
    out = pd.DataFrame(rows, columns=[*KWIC_COLUMNS, "term"])
    for c in ("sent_id", "token_id", "start", "end"):
        out[c] = out[c].astype("int64")
    for c in ("doc_id", "left", "match", "right", "term"):
        out[c] = out[c].astype(object)
    out = out.sort_values(["doc_id", "start", "end", "term"], kind="mergesort")
    out = out.drop_duplicates(["doc_id", "start", "end"]).reset_index(drop=True)
    if by is not None:
        groups = _group_of_docs(corpus, by)
        out["group"] = out["doc_id"].map(groups).astype(object)
    return out


# --------------------------------------------------------- term frequencies
def _term_rows(
    corpus: Corpus, *, ngram: int, stopwords: bool
) -> tuple[pd.DataFrame, pd.Series]:
    """Return (one row per term occurrence: doc_id, term, start, end; word tokens per doc)."""
    if ngram not in (1, 2):
        raise invalid_option("ngram", ngram, [1, 2])
    tok = corpus.tokens()
    words = tok[tok["is_word"]]
    n_words = words.groupby("doc_id", sort=False).size()
    n_words = n_words.reindex(corpus.doc_ids, fill_value=0).astype("int64")
    if ngram == 1:
        occ = words if stopwords else words[~words["is_stop"]]
        occ = occ[["doc_id", "lower", "start", "end"]].rename(columns={"lower": "term"})
        return occ.reset_index(drop=True), n_words
    # bigrams: two consecutive tokens of the same sentence, both words
    nxt = tok.shift(-1)
    ok = (
        tok["is_word"].to_numpy()
        & nxt["is_word"].fillna(False).astype(bool).to_numpy()
        & (tok["doc_id"].to_numpy() == nxt["doc_id"].to_numpy())
        & (tok["sent_id"].to_numpy() == nxt["sent_id"].to_numpy())
    )
    if not stopwords:
        ok &= ~tok["is_stop"].to_numpy() & ~nxt["is_stop"].fillna(True).astype(bool).to_numpy()
    first = tok[ok]
    second = nxt[ok]
    occ = pd.DataFrame(
        {
            "doc_id": first["doc_id"].to_numpy(),
            "term": (first["lower"] + " " + second["lower"]).to_numpy(),
            "start": first["start"].to_numpy(),
            "end": second["end"].astype("int64").to_numpy(),
        }
    )
    return occ, n_words


def term_frequencies(
    corpus: Corpus,
    by: str = "outlet",
    *,
    ngram: int = 1,
    stopwords: bool = True,
    min_count: int = 1,
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
    METHODS.md section 3.1.

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
    groups = _group_of_docs(corpus, by)
    occ, n_words = _term_rows(corpus, ngram=ngram, stopwords=stopwords)
    return _freq_table(occ, n_words, groups, min_count=min_count)


def _freq_table(
    occ: pd.DataFrame, n_words: pd.Series, groups: pd.Series, *, min_count: int
) -> pd.DataFrame:
    doc_group = pd.DataFrame({"doc_id": n_words.index, "n_words": n_words.to_numpy()})
    doc_group["group"] = doc_group["doc_id"].map(groups)
    g_tokens = doc_group.groupby("group", sort=True)["n_words"].sum()
    g_docs = doc_group.groupby("group", sort=True).size()
    per_doc = occ.groupby(["doc_id", "term"], sort=False).size().rename("c").reset_index()
    per_doc["group"] = per_doc["doc_id"].map(groups)
    per_doc["doc_rate"] = 10000.0 * per_doc["c"] / per_doc["doc_id"].map(n_words).clip(lower=1)
    agg = per_doc.groupby(["group", "term"], sort=False).agg(
        count=("c", "sum"), n_docs=("doc_id", "size"), rate_sum=("doc_rate", "sum")
    )
    agg = agg.reset_index()
    agg["n_docs_group"] = agg["group"].map(g_docs).astype("int64")
    agg["n_tokens_group"] = agg["group"].map(g_tokens).astype("int64")
    agg["rate_per_10k"] = 10000.0 * agg["count"] / agg["n_tokens_group"].clip(lower=1)
    agg["mean_doc_rate_per_10k"] = agg["rate_sum"] / agg["n_docs_group"]
    agg = agg[agg["count"] >= min_count]
    out = agg[FREQ_COLUMNS].copy()
    for c in ("count", "n_docs", "n_docs_group", "n_tokens_group"):
        out[c] = out[c].astype("int64")
    for c in ("group", "term"):
        out[c] = out[c].astype(object)
    out = _sort(out, ["group", "count", "term"], [True, False, True])
    return out


def _sort(df: pd.DataFrame, keys: list[str], ascending: list[bool]) -> pd.DataFrame:
    return df.sort_values(keys, ascending=ascending, kind="mergesort").reset_index(drop=True)
