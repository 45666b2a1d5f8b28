"""Keyword in context: every occurrence of a word or phrase with its neighbours.

Matching runs over the toolkit's own tokens (:func:`corpus_tools.tokens`, the
case-folded, quote- and dash-folded ``lower`` view), so a search term is split
by the same tokenizer as the text (:func:`term_key`) and ``U.S.``, ``Iran's``
and curly apostrophes match the way they are counted everywhere else. Every
row carries ``doc_id`` and half-open ``start``/``end`` offsets into the
cleaned text. An acronym query (``US``, ``WHO``) matches case-sensitively by
default, so ``US`` does not list the pronoun ``us`` (``case=``).
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd

from ._patterns import NO_SPACE_SCRIPT_RE
from ._tables import frame_from_rows, one_space
from .corpus import group_labels, require_corpus
from .errors import CorpusToolsWarning, CorpusValueError
from .tokenize import doc_tokens, fold

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = ["kwic"]

KWIC_COLUMNS = ["doc_id", "sent_id", "token_id", "start", "end", "left", "match", "right"]
_TYPES = (
    {c: "int64" for c in ("sent_id", "token_id", "start", "end")}
    | {c: object for c in ("doc_id", "left", "match", "right", "term")}
    | {"joined": bool}
)


def term_key(term: str) -> list[str]:
    """Split a search term into the casefolded token sequence used for matching.

    >>> term_key("Foreign  Ministry's")
    ['foreign', 'ministry', "'s"]
    """
    text = str(term)
    spans = [(s, e) for _, s, e in doc_tokens(text)]
    view = fold(text)
    return [view[s:e].casefold() for s, e in spans]


def is_acronym(term: str) -> bool:
    """True for a one-token term whose letters (two or more) are all capitals.

    >>> [is_acronym(t) for t in ["US", "U.S.", "WHO", "Us", "A", "UN envoy", "G7"]]
    [True, True, True, False, False, False, False]
    """
    if len(term_key(term)) != 1:
        return False
    letters = [ch for ch in str(term) if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def kwic(
    corpus: Corpus,
    term: str | Sequence[str],
    *,
    window: int = 8,
    by: str | None = None,
    case: bool | None = None,
    joined: bool = True,
) -> pd.DataFrame:
    """Keyword in context: every occurrence of a word or phrase with its neighbours.

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus.
    term : str or sequence of str
        A word or a phrase (``"Foreign Ministry"``), or several of them.
        Matching runs on the folded token view, token by token
        (``"gaza"`` never matches inside ``"gazans"``; ``"U.S."`` matches
        ``U.S.``; curly and straight apostrophes are the same).
    window : int, default 8
        Number of tokens (words and punctuation) shown on each side.
    by : str, optional
        A ``corpus.docs`` column; adds a ``group`` column with its value.
    case : bool, optional
        Letter case. ``None`` (default): an acronym query, one token whose two or more
        letters are all capitals (``"US"``, ``"U.S."``, ``"WHO"``, ``"IT"``), matches only as
        written (``"US"`` is not the pronoun ``us``); any other query matches in any case.
        ``True``: every query matches only as written; ``False``: every query matches in any
        case (also ``"US"``). A query with no match as written but some in another case gets
        a warning saying how many.
    joined : bool, default True
        Also match the term as a part of a word joined by hyphens or dashes: ``"Hamas"`` in
        ``"Israel-Hamas"`` and ``"Hamas-led"``, ``"Men's Wearhouse"`` in
        ``"TIMELINE-Men's Wearhouse"``; such rows have ``joined`` True. ``False``: whole
        tokens only (the tokens that term counts and keyness count).

    Returns
    -------
    pandas.DataFrame
        ``doc_id`` (str), ``sent_id`` (int, sentence of the first matched
        token), ``token_id`` (int, first matched token), ``start``/``end``
        (int, offsets of the match in the cleaned text), ``left``,
        ``match``, ``right`` (str; whitespace collapsed to single spaces),
        ``term`` (str, the query that matched), ``joined`` (bool, the match
        is a part of a hyphen-joined word), then ``group`` (str) when
        ``by`` is given. One row per occurrence, sorted by ``doc_id`` then
        ``start``.

    Notes
    -----
    The window counts tokens, not words, and crosses sentence boundaries,
    so context may begin in the previous sentence. A phrase must match
    consecutive tokens: ``"Foreign Ministry"`` does not match
    ``Foreign-Ministry`` (one hyphenated token). A joined part begins or ends a match, never
    sits inside a phrase.

    Chinese, Japanese, Thai, Lao, Khmer and Burmese are written without spaces, so a run of
    them is one token; a term in those scripts also matches inside longer tokens, and its
    context is ``2 * window`` characters on each side (``"外交部"`` in ``"中国外交部发言人表示"``).

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
    _check_args(corpus, window, case)
    queries = _queries(term, case)
    out, warned, searched = _all_hits(corpus, queries, window, joined)
    if out.empty:
        unwarned = [q for q in queries if q.term not in warned]
        warn_inside_tokens(unwarned, (t for d, t in corpus if d in searched))
    if by is not None:
        out["group"] = out["doc_id"].map(group_labels(corpus, by)).astype(object)
    return out


def _candidate_tokens(
    corpus: Corpus, queries: list[Query]
) -> Iterator[tuple[pd.DataFrame, dict[str, str]]]:
    """The token tables the queries are matched on, each with the texts of its documents.

    The corpus's own table when it is built already; otherwise the tokens of only the
    documents whose folded text holds every word of some query (a match, whole, joined or
    inside a token, needs them all as substrings), :data:`_BATCH_DOCS` documents at a time,
    so one term in a corpus of 100,000 long articles neither tokenizes all of them nor holds
    the tokens of all that hold it. Tokens, sentences and offsets are per document: a
    document's rows are the same in a batch as in the whole corpus.
    """
    from .tokenize import TOKENS_CACHE_KEY, cached_tokens, tokens

    keys = [[w for w in q.key if w] for q in queries]
    if corpus.is_cached(TOKENS_CACHE_KEY) or not all(keys):
        yield cached_tokens(corpus), dict(iter(corpus))
        return
    texts: dict[str, str] = {}
    for doc_id, text in corpus:
        view = fold(text).casefold() if isinstance(text, str) else ""
        if any(all(w in view for w in key) for key in keys):
            texts[doc_id] = text
        if len(texts) == _BATCH_DOCS:
            yield tokens(corpus.subset(list(texts))), texts
            texts = {}
    if texts:
        yield tokens(corpus.subset(list(texts))), texts


#: documents tokenized at a time by :func:`kwic` (tokens of 2,000 long articles: ~150 MB)
_BATCH_DOCS = 2_000


def _batch_rows(
    arr: TokenArrays,
    queries: list[Query],
    window: int,
    joined: bool,
    texts: dict[str, str],
    counts: tuple[Counter[str], Counter[str]],
) -> list[tuple]:
    """:func:`kwic`'s rows of one token table; each query's matches and those kept (in the
    letter case it must have) are added to ``counts``."""
    hits = list(_find(arr, queries, window))
    kept = [h for h in hits if _case_matches(arr, h, texts)]
    counts[0].update(h.query.term for h in hits)
    counts[1].update(h.query.term for h in kept)
    rows = [_hit_row(arr, h, texts) for h in kept]
    rows += find_joined(arr, queries, window, texts) if joined else []
    return rows + find_inside_tokens(arr, queries, window, texts)


def _all_hits(
    corpus: Corpus, queries: list[Query], window: int, joined: bool
) -> tuple[pd.DataFrame, set[str], set[str]]:
    """:func:`kwic`'s rows in order, the queries warned as found only in another case, and
    the documents searched."""
    rows: list[tuple] = []
    hits: Counter[str] = Counter()
    kept: Counter[str] = Counter()
    searched: set[str] = set()
    for tok, texts in _candidate_tokens(corpus, queries):
        rows += _batch_rows(token_arrays(tok), queries, window, joined, texts, (hits, kept))
        searched.update(texts)
    warned = _warn_other_case(hits, kept) if kept.total() < hits.total() else set()
    out = _hits_frame(rows)
    out = out.sort_values(["doc_id", "start", "end", "term"], kind="mergesort")
    return out.drop_duplicates(["doc_id", "start", "end"]).reset_index(drop=True), warned, searched


def _check_args(corpus: Corpus, window: Any, case: Any) -> None:
    """CorpusValueError for a bad ``window`` or ``case`` of :func:`kwic`."""
    require_corpus(corpus, "kwic")
    if isinstance(window, bool) or not isinstance(window, int | np.integer) or window < 0:
        raise CorpusValueError(f"window must be a whole number >= 0 tokens, got {window!r}.")
    if case is not None and not isinstance(case, bool):
        raise CorpusValueError(f"case must be None, True or False, got {case!r}.")


# scripts written without spaces between words: a token of them is a phrase or a sentence
_NO_SPACE_SCRIPT = NO_SPACE_SCRIPT_RE


def find_inside_tokens(
    arr: TokenArrays, queries: Sequence[Query], window: int, texts: dict[str, str]
) -> list[tuple]:
    """Rows (as :func:`kwic` builds them) for terms written without spaces, found anywhere in
    the text (inside longer tokens too); the context is ``2 * window`` characters each side.

    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["zh"], "text": ["中国外交部发言人表示。外交部还说。"]}))
    >>> ct.kwic(c, "外交部", window=2)[["start", "end", "left", "match", "right"]]
       start  end  left match right
    0      2    5    中国   外交部  发言人表
    1     11   14  人表示。   外交部   还说。
    """
    wanted = [(q, fold(q.term).casefold().strip()) for q in queries]
    wanted = [(q, n) for q, n in wanted if _NO_SPACE_SCRIPT.search(n)]
    if not wanted:
        return []
    rows = []
    for code, doc_id in enumerate(arr.names):
        text = texts[doc_id]
        view = fold(text).casefold()
        lo, hi = int(arr.bounds[code]), int(arr.bounds[code + 1])
        if len(view) != len(text) or lo == hi:
            continue  # folding changed the length: offsets would be wrong
        for q, needle in wanted:
            pos = view.find(needle)
            while pos >= 0:
                s, e = pos, pos + len(needle)
                i = lo + max(0, int(np.searchsorted(arr.start[lo:hi], s, side="right")) - 1)
                left = one_space(text[max(0, s - 2 * window) : s]).strip()
                right = one_space(text[e : e + 2 * window]).strip()
                sent, tid = int(arr.sent_id[i]), int(arr.token_id[i])
                rows.append((doc_id, sent, tid, s, e, left, text[s:e], right, q.term, False))
                pos = view.find(needle, e)
    return rows


def warn_inside_tokens(queries: Sequence[Query], texts: Iterable[str]) -> None:
    """Warn when a term with no whole-token match occurs inside longer tokens.

    "gaza" is never found inside "gazans", so a concordance can be empty
    although the text holds the term: say so instead of an empty table alone.
    (Terms in scripts written without spaces are found inside tokens:
    :func:`find_inside_tokens`.)
    """
    needles = [fold(q.term).casefold() for q in queries]
    found = [0] * len(queries)
    for t in texts:  # one folded text at a time, not a folded copy of the corpus
        view = fold(t).casefold()
        for k, needle in enumerate(needles):
            found[k] += view.count(needle) if needle else 0
    for q, n in zip(queries, found, strict=True):
        if n:
            warnings.warn(
                f"kwic: {q.term!r} is never a whole token but occurs {n:,} time(s) inside longer "
                "tokens (as 'gaza' in 'gazans'); search the whole word, or find "
                f"the documents with corpus.docs.text.str.contains({q.term!r}).",
                CorpusToolsWarning,
                stacklevel=3,
            )


class Query(NamedTuple):
    """One search term, its token sequence (:func:`term_key`) and, when it must match
    as written, its folded tokens in their own case (``exact``)."""

    term: str
    key: list[str]
    exact: tuple[str, ...] | None = None


def _exact_tokens(term: str) -> tuple[str, ...]:
    """The term's tokens on the folded view, letter case kept (:func:`term_key` without casefold)."""
    text = str(term)
    view = fold(text)
    return tuple(view[s:e] for _, s, e in doc_tokens(text))


def _case_matches(arr: TokenArrays, h: _Hit, texts: dict[str, str]) -> bool:
    """True unless the hit's query must match as written and a token differs in case."""
    exact = h.query.exact
    if exact is None:
        return True
    text = texts[arr.names[int(arr.codes[h.i])]]
    got = (fold(text[int(arr.start[k]) : int(arr.end[k])]) for k in range(h.i, h.j))
    return all(g == w for g, w in zip(got, exact, strict=True))


def _warn_other_case(hits: Counter[str], kept: Counter[str]) -> set[str]:
    """Warn for each case-sensitive query whose every match was in another case; return them."""
    other = {t: n for t, n in hits.items() if t not in kept}
    for t, n in other.items():
        warnings.warn(
            f"kwic: {t!r} matches only as written (an acronym, or case=True) and is never "
            f"written so, but occurs {n:,} time(s) in another letter case; pass case=False "
            "to list them.",
            CorpusToolsWarning,
            stacklevel=4,
        )
    return set(other)


class TokenArrays(NamedTuple):
    """The token table as arrays with each document's tokens contiguous.

    ``names[codes[i]]`` is the document of token ``i``; the tokens of
    document code ``c`` are ``bounds[c]:bounds[c + 1]``.
    """

    codes: np.ndarray
    names: pd.Index
    lower: np.ndarray
    start: np.ndarray
    end: np.ndarray
    sent_id: np.ndarray
    token_id: np.ndarray
    bounds: np.ndarray


class _Hit(NamedTuple):
    """One match: tokens ``[i, j)`` in :class:`TokenArrays`, context ``[lo, hi)``."""

    query: Query
    i: int
    j: int
    lo: int
    hi: int


def _queries(term: str | Sequence[str], case: bool | None = False) -> list[Query]:
    """The search terms with at least one token; an error when there is none."""
    if not isinstance(term, (str, list, tuple, set, pd.Series, np.ndarray)):
        raise CorpusValueError(
            f"term={term!r}: give a word or phrase (str) or a list of them, e.g. term='minister'."
        )
    terms = [term] if isinstance(term, str) else list(term)
    if not all(isinstance(t, str) for t in terms):
        raise CorpusValueError(f"term={term!r}: every search term must be a str.")
    queries = [
        Query(
            t, term_key(t), _exact_tokens(t) if case or (case is None and is_acronym(t)) else None
        )
        for t in terms
    ]
    queries = [q for q in queries if q.key]
    if not queries:
        raise CorpusValueError(f"term {term!r} contains no token to search for.")
    return queries


def token_arrays(tok: pd.DataFrame) -> TokenArrays:
    """Arrays of a :func:`corpus_tools.tokens` table, documents contiguous, table order kept.

    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["b", "a"], "text": ["Yes.", "No way"]}))
    >>> a = token_arrays(c.tokens())
    >>> list(a.names), a.bounds.tolist(), a.lower.tolist()
    (['b', 'a'], [0, 2, 4], ['yes', '.', 'no', 'way'])
    """
    codes, names = pd.factorize(tok["doc_id"], sort=False)
    order = np.argsort(codes, kind="stable")
    codes = codes[order]
    return TokenArrays(
        codes=codes,
        names=names,
        lower=tok["lower"].to_numpy(dtype=object)[order],
        start=tok["start"].to_numpy()[order],
        end=tok["end"].to_numpy()[order],
        sent_id=tok["sent_id"].to_numpy()[order],
        token_id=tok["token_id"].to_numpy()[order],
        bounds=np.searchsorted(codes, np.arange(len(names) + 1), side="left"),
    )


def _find(arr: TokenArrays, queries: list[Query], window: int) -> Iterator[_Hit]:
    """Every match of every query, in token order.

    Only tokens equal to a query's first word are looked at (one vectorised
    ``isin`` over the token table), so the cost is one pass in C plus the
    candidate hits, not a Python loop over every token of every document.
    """
    by_first: dict[str, list[Query]] = {}
    for q in queries:
        by_first.setdefault(q.key[0], []).append(q)
    cand = np.flatnonzero(pd.Series(arr.lower).isin(list(by_first)).to_numpy())
    for i in cand.tolist():
        code = int(arr.codes[i])
        lo_doc, hi_doc = int(arr.bounds[code]), int(arr.bounds[code + 1])
        for q in by_first[arr.lower[i]]:
            j = i + len(q.key)
            if j > hi_doc or (len(q.key) > 1 and arr.lower[i:j].tolist() != q.key):
                continue
            yield _Hit(q, i, j, max(lo_doc, i - window), min(hi_doc, j + window))


def _hit_row(arr: TokenArrays, h: _Hit, texts: dict[str, str]) -> tuple:
    """One output row (``KWIC_COLUMNS`` then ``term``) for a match."""
    doc_id = arr.names[int(arr.codes[h.i])]
    text = texts[doc_id]
    s, e = int(arr.start[h.i]), int(arr.end[h.j - 1])
    left = one_space(text[int(arr.start[h.lo]) : s]).strip() if h.lo < h.i else ""
    right = one_space(text[e : int(arr.end[h.hi - 1])]).strip() if h.hi > h.j else ""
    sent, tid = int(arr.sent_id[h.i]), int(arr.token_id[h.i])
    return (doc_id, sent, tid, s, e, left, one_space(text[s:e]), right, h.query.term, False)


def _hits_frame(rows: list[tuple]) -> pd.DataFrame:
    """The rows as a table with the documented column types."""
    return frame_from_rows(rows, [*KWIC_COLUMNS, "term", "joined"], _TYPES)


def _parts(word: str) -> list[tuple[str, int, int]]:
    """The hyphen-separated parts of a token's lower form with their offsets in it."""
    out, at = [], 0
    for p in word.split("-"):
        out.append((p, at, at + len(p)))
        at += len(p) + 1
    return out


def find_joined(
    arr: TokenArrays, queries: Sequence[Query], window: int, texts: dict[str, str]
) -> list[tuple]:
    """Rows (as :func:`kwic` builds them, ``joined`` True) for terms matching a part of a
    hyphen-joined token: a one-word term any part (``hamas`` in ``israel-hamas``); a phrase
    may begin with a token's last part and end with a token's first part, whole tokens
    between (``men 's wearhouse`` in ``timeline-men 's wearhouse-jos``).

    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["The Israel-Hamas war went on."]}))
    >>> ct.kwic(c, "Hamas", window=2)[["start", "end", "left", "match", "right", "joined"]]
       start  end         left  match     right  joined
    0     11   16  The Israel-  Hamas  war went    True
    """
    ends = {q.key[0] for q in queries} | {q.key[-1] for q in queries}
    rows: list[tuple] = []
    for t in _hyphen_tokens(arr.lower):
        word = arr.lower[t]
        s0 = int(arr.start[t])
        if len(word) != int(arr.end[t]) - s0 or not ends.intersection(word.split("-")):
            continue  # casefolding changed the length, or no query word is a part
        parts = _parts(word)
        for q in queries:
            for units in _joined_units(arr, q.key, t, parts):
                row = _joined_row(arr, q, units, window, texts)
                if row is not None:
                    rows.append(row)
    return rows


def _hyphen_tokens(lower: np.ndarray) -> Iterator[int]:
    """Positions of the tokens holding a hyphen, by one regex pass over the tokens joined
    by NUL (a Python test per token costs seconds on millions of tokens)."""
    words = lower.tolist()
    big = "\0" + "\0".join(words)
    if big.count("\0") != len(words):  # a token holds a NUL: test each token
        yield from (t for t, w in enumerate(words) if "-" in w)
        return
    seps, at = 0, 0  # NULs in big[:at]; the token after the k-th NUL is token k - 1
    for m in _HYPHEN_TOKEN.finditer(big):
        seps += big.count("\0", at, m.start() + 1)
        at = m.start() + 1
        yield seps - 1


#: a token (after its NUL separator) that holds a hyphen
_HYPHEN_TOKEN = re.compile("\0[^\0-]*-")


def _joined_units(
    arr: TokenArrays, key: list[str], t: int, parts: list[tuple[str, int, int]]
) -> Iterator[list[tuple[int, int, int]]]:
    """Matches of ``key`` using a part of joined token ``t``: (token, start, end) per word."""
    s0 = int(arr.start[t])
    code = int(arr.codes[t])
    lo_doc, hi_doc = int(arr.bounds[code]), int(arr.bounds[code + 1])
    m = len(key)
    if m == 1:
        for p, a, b in parts:
            if p == key[0]:
                yield [(t, s0 + a, s0 + b)]
        return
    p, a, b = parts[-1]  # the phrase begins with the token's last part
    if p == key[0] and t + m <= hi_doc and arr.lower[t + 1 : t + m - 1].tolist() == key[1:-1]:
        last = _whole_or_first(arr, t + m - 1, key[-1])
        if last is not None:
            mid = [(k, int(arr.start[k]), int(arr.end[k])) for k in range(t + 1, t + m - 1)]
            yield [(t, s0 + a, s0 + b), *mid, last]
    p, a, b = parts[0]  # the phrase ends with the token's first part, whole tokens before
    if p == key[-1] and t - m + 1 >= lo_doc and arr.lower[t - m + 1 : t].tolist() == key[:-1]:
        before = [(k, int(arr.start[k]), int(arr.end[k])) for k in range(t - m + 1, t)]
        yield [*before, (t, s0 + a, s0 + b)]


def _whole_or_first(arr: TokenArrays, k: int, word: str) -> tuple[int, int, int] | None:
    """Token ``k`` as the phrase's last word: the whole token, or its first joined part."""
    s, e = int(arr.start[k]), int(arr.end[k])
    low = arr.lower[k]
    if low == word:
        return (k, s, e)
    if "-" in low and len(low) == e - s and low.split("-")[0] == word:
        return (k, s, s + len(word))
    return None


def _joined_row(
    arr: TokenArrays,
    q: Query,
    units: list[tuple[int, int, int]],
    window: int,
    texts: dict[str, str],
) -> tuple | None:
    """The output row of one joined match, or None when it must match as written and does not."""
    i, j = units[0][0], units[-1][0] + 1
    code = int(arr.codes[i])
    doc_id = arr.names[code]
    text = texts[doc_id]
    if q.exact is not None and [fold(text[a:b]) for _, a, b in units] != list(q.exact):
        return None
    s, e = units[0][1], units[-1][2]
    lo = max(int(arr.bounds[code]), i - window)
    hi = min(int(arr.bounds[code + 1]), j + window)
    left = one_space(text[int(arr.start[lo]) : s]).strip()
    right = one_space(text[e : int(arr.end[hi - 1])]).strip()
    sent, tid = int(arr.sent_id[i]), int(arr.token_id[i])
    return (doc_id, sent, tid, s, e, left, one_space(text[s:e]), right, q.term, True)
