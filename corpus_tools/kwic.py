"""Keyword in context: every occurrence of a word or phrase with its neighbours.

Matching runs over the toolkit's own tokens (:func:`corpus_tools.tokens`, the
case-folded, quote- and dash-folded ``lower`` view), so a search term is split
by the same tokenizer as the text (:func:`term_key`) and ``U.S.``, ``Iran's``
and curly apostrophes match the way they are counted everywhere else. Every
row carries ``doc_id`` and half-open ``start``/``end`` offsets into the
cleaned text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ._tables import one_space
from .corpus import group_labels
from .errors import CorpusValueError
from .tokenize import doc_tokens, fold

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = ["kwic"]

KWIC_COLUMNS = ["doc_id", "sent_id", "token_id", "start", "end", "left", "match", "right"]


def term_key(term: str) -> list[str]:
    """Split a search term into the casefolded token sequence used for matching.

    >>> term_key("Foreign  Ministry's")
    ['foreign', 'ministry', "'s"]
    """
    text = str(term)
    spans = [(s, e) for _, s, e in doc_tokens(text)]
    view = fold(text)
    return [view[s:e].casefold() for s, e in spans]


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
    keys = [(t, term_key(t)) for t in terms]
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
            rows["left"].append(one_space(text[int(t_start[lo]) : s]).strip() if lo < i else "")
            rows["match"].append(one_space(text[s:e]))
            rows["right"].append(one_space(text[e : int(t_end[hi - 1])]).strip() if hi > j else "")
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
