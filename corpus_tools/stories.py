"""Stories: documents that report the same event.

A story is a group of documents with similar content published close in
time: TF-IDF cosine (Salton & Buckley 1988) between documents at most
``window_days`` apart, a link for each pair at or above ``threshold`` among
each document's ``top_k`` nearest neighbours and close to the best cosine of
one of its two documents (``relative``), and stories as the connected
components of those links (single-link event clustering, as in topic
detection and tracking: Allan et al. 1998; Yang, Pierce & Carbonell 1998).

Cost: documents are sorted by date and compared only with documents in the
same or the next block of ``window_days`` days, in chunks of rows, keeping
the ``top_k`` best neighbours of each (a sparse product, never a full
document x document matrix). Time is O(n x m), m = documents within the
window; memory is O(n x top_k). The output depends only on the input
(stable sorts, ties broken by corpus order).

Two documents are linked only when they share at least ``MIN_SHARED_TERMS``
(2) content terms: one shared word ("erupt", "Tesla") gives two headlines a
cosine above the threshold and chained unrelated events. Two shared terms that stand next
to each other in both texts are one phrase and count as one term: 'sneak peek', 'release
date' or 'looks like' linked headlines of unrelated events (UCI News Aggregator headlines,
the development half: pairwise precision of the stories against the aggregator's own
0.475 -> 0.777, recall 0.401 -> 0.398). Two short texts
need a higher cosine than two articles (``SHORT_TEXT_TERMS``): a couple of
shared common words already give two headlines a cosine of 0.3. Undated documents
are all compared with each other, and on months of undated news unrelated
events chain into one large story (a warning says so from 1,000 undated
documents). A block of 5,000 documents or more (all undated ones, or one
window) whose pairs share a term less than 15 % of the time (headlines: 4 %)
is compared pair by pair from the sparse product, never as a grid: 39,149
undated headlines took 3.2 CPU s instead of 10.6 and a peak of 351 MB against
the grid's 365 (a million pairs a product), with the same stories and links;
the time still grows with the square of their number. From 20,000 undated documents
(``_CANDIDATES_FROM``) they are no longer compared all with all, an approximation: only
candidate pairs are scored, those in which one document's signature (its 30 highest TF-IDF
weights among terms in at most 100 documents) holds a rare term of the other, so the pairs
and the time grow linearly with the documents (at most 30 x 100 candidates per signature). A
pair that shares no rare high-weight term is never scored: neither a link nor a document's
best cosine (``relative``) comes from it. On 20,000 undated long articles, against all with
all: 99.95 % of the links, the same 294 stories (adjusted Rand index 1.0), 62.4 CPU s. Dated
documents, and fewer than 20,000 undated ones, are compared as before. A document keeps
its ``top_k`` best neighbours and any tied with the ``top_k``-th (copies of
one wire story tie), on either path.

References
----------
Allan, J., Carbonell, J., Doddington, G., Yamron, J., & Yang, Y. (1998).
Topic detection and tracking pilot study: final report. *DARPA Broadcast News
Transcription and Understanding Workshop*, 194-218.
Yang, Y., Pierce, T., & Carbonell, J. (1998). A study of retrospective and
on-line event detection. *SIGIR '98*, 28-36.
Zelnik-Manor, L., & Perona, P. (2004). Self-tuning spectral clustering.
*NIPS 2004*, 1601-1608.
Salton, G., & Buckley, C. (1988). Term-weighting approaches in automatic text
retrieval. *Information Processing & Management*, 24(5), 513-523.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd

from .corpus import group_label, require_corpus
from .errors import CorpusToolsWarning, CorpusValueError, check_whole
from .languages import analysis_language, mixed_language
from .tokenize import load_stopwords

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = ["stories", "with_stories", "Stories", "STORY_COLUMNS", "STORY_LINK_COLUMNS"]

STORY_COLUMNS = [
    "story_id",
    "label",
    "first_date",
    "last_date",
    "n_docs",
    "n_outlets",
    "doc_id",
    "outlet",
    "published",
]
STORY_LINK_COLUMNS = [
    "story_id",
    "doc_a",
    "doc_b",
    "score",
    "days_apart",
    "shared_terms",
    "best_a",
    "best_b",
]


class Stories(NamedTuple):
    """Result of :func:`stories`: one row per document, and the links behind each story."""

    table: pd.DataFrame
    links: pd.DataFrame


def _check(name: str, value: float, lo: float, hi: float) -> None:
    if not isinstance(value, (int, float)) or not lo <= value <= hi:
        raise CorpusValueError(f"{name}={value!r} is out of range; use a number in [{lo}, {hi}].")


def _check_options(
    corpus: Any,
    window_days: int,
    threshold: float,
    top_k: int,
    relative: float,
    max_df: float,
    n_label_terms: int = 4,
) -> None:
    require_corpus(corpus, "stories")
    _check("threshold", threshold, 0.0, 1.0)
    _check("max_df", max_df, 0.0, 1.0)
    if max_df == 0:  # no term is in at most 0% of the documents: every vector would be empty
        raise CorpusValueError(
            "max_df=0 keeps no term; use a share of documents in (0, 1], e.g. 0.5."
        )
    _check("relative", relative, 0.0, 1.0)
    if not isinstance(window_days, (int, np.integer)) or window_days < 0:
        raise CorpusValueError(f"window_days={window_days!r}; use a whole number of days >= 0.")
    if not isinstance(top_k, (int, np.integer)) or top_k < 1:
        raise CorpusValueError(f"top_k={top_k!r}; use a whole number >= 1.")
    check_whole("n_label_terms", n_label_terms, 0)


def _stopwords(language: str) -> frozenset[str]:
    """The stopwords :func:`_tfidf` leaves out for ``language``; ``"de+en"`` (a mixed corpus,
    :func:`corpus_tools.languages.mixed_language`): every named language's list."""
    out: set[str] = set()
    for code in language.split("+"):
        if code == "en":
            from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

            out |= ENGLISH_STOP_WORDS
        else:
            out |= set(load_stopwords(code))
    return frozenset(out)


def _tfidf(
    texts: Iterable[str], max_df: float, language: str = "en", n: int | None = None
) -> tuple[Any, np.ndarray]:
    """TF-IDF rows of ``texts`` (read once: an iterator works; then pass ``n``, their number)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if n is None:
        texts = list(texts)
        n = len(texts)

    # English: scikit-learn's list, as always; another language: its shipped list; a mixed
    # corpus: the lists of all its languages (English 'the, and, of' linked German pages)
    stop: Any = "english" if language == "en" else sorted(_stopwords(language))
    vec = TfidfVectorizer(
        lowercase=True,
        token_pattern=r"(?u)\b[^\W\d_][\w'-]*[^\W_]\b",
        stop_words=stop,
        sublinear_tf=True,
        min_df=2 if n >= 50 else 1,
        max_df=max_df if n >= 50 else 1.0,
        dtype=np.float32,
    )
    try:
        with warnings.catch_warnings():  # a shipped list holds one-letter words the pattern skips
            warnings.filterwarnings("ignore", message="Your stop_words may be inconsistent")
            x = vec.fit_transform(texts)
    except ValueError:  # no term left (empty or stop-word-only documents)
        return None, np.array([], dtype=object)
    return x.tocsr(), vec.get_feature_names_out()


_MAX_CELLS = 4_000_000
#: Content terms two documents must share to be linked: one shared word ("erupt", "Tesla")
#: gives short texts such as headlines a cosine above the threshold and chained unrelated
#: events into one story.
MIN_SHARED_TERMS = 2
#: A link between short texts needs a higher cosine: when the shorter of its two documents has
#: fewer distinct content terms than this, ``threshold`` is multiplied by
#: ``sqrt(SHORT_TEXT_TERMS / terms)``. Two headlines of six terms that share two common words
#: reach a cosine of about 0.3, so with one threshold for headlines and articles, 2,800 of 3,243
#: UCI News Aggregator headlines chained into one story (adjusted Rand index 0.007; 0.52 with
#: this rule) while full articles (ECB+) needed the threshold as it is.
SHORT_TEXT_TERMS = 18


def _short_text_need(x: Any, i: np.ndarray, j: np.ndarray, threshold: float) -> np.ndarray:
    """The cosine each pair ``(i[k], j[k])`` needs: ``threshold``, raised for short texts."""
    terms = np.diff(x.indptr)
    shorter = np.maximum(np.minimum(terms[i], terms[j]), 1).astype(np.float64)
    return threshold * np.sqrt(np.maximum(1.0, SHORT_TEXT_TERMS / shorter))


#: pairs whose rows are gathered at once by :func:`_pair_products` (a row of a long article holds
#: ~250 terms, 8 bytes each, twice: the 82,464 candidate pairs of 20,000 undated long documents
#: at once took 206 MB; linear in the documents' pairs, gigabytes at 100,000)
_PAIR_ROWS = 10_000


def _pair_products(x: Any, i: np.ndarray, j: np.ndarray) -> Iterator[Any]:
    """``x[i].multiply(x[j])`` (CSR, one row per pair), :data:`_PAIR_ROWS` pairs at a time."""
    for a in range(0, len(i), _PAIR_ROWS):
        yield x[i[a : a + _PAIR_ROWS]].multiply(x[j[a : a + _PAIR_ROWS]]).tocsr()


def _shared_terms(x: Any, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """How many terms each pair of rows ``(i[k], j[k])`` of ``x`` has in common (linear)."""
    if not len(i):
        return np.zeros(0, dtype=np.int64)
    return np.concatenate([np.diff(both.indptr) for both in _pair_products(x, i, j)])


#: words as the vectors read them, and numbers (a number between two terms breaks a phrase)
_SEQ_RE = re.compile(r"(?u)\b\w[\w'-]*\w\b|\b\w\b")


def _content_sequence(text: str, vocab: dict[str, int], stop: frozenset[str]) -> list[int]:
    """The text's words as term numbers in text order: stopwords skipped, every other word out
    of the vocabulary (a number, a rare word) kept as -1, a break between two terms."""
    return [vocab.get(w, -1) for w in _SEQ_RE.findall(text.lower()) if w not in stop]


def _texts_at(col: pd.Series, pos: np.ndarray, rows: np.ndarray) -> dict[int, str]:
    """``row -> text`` of ``col`` at ``pos[row]`` for each of ``rows`` (missing: ``""``): the
    texts a step reads, not the corpus's (every text as a Python string: ~0.4 GB at 100,000
    long documents)."""
    got = col.iloc[pos[rows]].tolist()
    return {r: t if isinstance(t, str) else "" for r, t in zip(rows.tolist(), got, strict=True)}


def _one_phrase(
    x: Any,
    i: np.ndarray,
    j: np.ndarray,
    texts: Mapping[int, str],
    terms: np.ndarray,
    stop: frozenset[str],
) -> np.ndarray:
    """Whether the two terms each pair ``(i[k], j[k])`` shares stand next to each other, in the
    same order, in both texts (stopwords between them allowed): one shared phrase ('sneak peek',
    'release date', 'looks like', 'things we learned'), one piece of evidence, not two."""
    vocab = {t: k for k, t in enumerate(terms)}
    seqs: dict[int, set[tuple[int, int]]] = {}
    ptr, ind = x.indptr, x.indices
    out = np.zeros(len(i), dtype=bool)
    for k, (a, b) in enumerate(zip(i.tolist(), j.tolist(), strict=True)):
        for r in (a, b):
            if r not in seqs:
                sq = _content_sequence(texts[r], vocab, stop)
                seqs[r] = set(zip(sq, sq[1:], strict=False))
        u, w = sorted(
            set(ind[ptr[a] : ptr[a + 1]].tolist()) & set(ind[ptr[b] : ptr[b + 1]].tolist())
        )
        out[k] = (u, w) in seqs[a] and (u, w) in seqs[b] or (w, u) in seqs[a] and (w, u) in seqs[b]
    return out


#: a block (documents within one window, or all undated ones) this large is compared pair by
#: pair among documents that share a term (:func:`_sparse_neighbours`), not as a dense grid:
#: 6,366 undated headlines share a term in 3.6 % of their pairs
_SPARSE_FROM = 5000


#: ... when fewer than this share of its pairs share a term (the grid was faster at 0.37:
#: 20,000 BBC paragraphs, 7.5 against 11.0 CPU s; the pairs at 0.04: 11,488 headlines,
#: 1.4 against 0.9 s); both give the same links
_SPARSE_SHARE = 0.15


def _sparse_share(x: Any, xc: Any, rows: np.ndarray, probe: int = 256) -> float:
    """The share of pairs that share a term, between the first ``probe`` of ``rows`` and all."""
    p = x[rows[:probe]] @ xc
    return p.nnz / max(1, p.shape[0] * p.shape[1])


#: pairs scored in one sparse product of :func:`_sparse_neighbours` (each costs ~30 bytes
#: in its transient arrays: 4 million took the pairs path ~110 MB over the grid at 39,149
#: headlines)
_PAIR_CELLS = 1_000_000


def _sparse_neighbours(
    x: Any,
    xc: Any,
    order: np.ndarray,
    lo: int,
    hi: int,
    cand: np.ndarray,
    best: np.ndarray,
    top_k: int,
    threshold: float,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Links ``(i, j, score)`` of the rows ``order[lo:hi]`` among ``cand`` (which starts with
    them), from the sparse product alone: cost and memory follow the pairs that share a term.

    Each row keeps its ``top_k`` best pairs and those tied with the ``top_k``-th, at or above
    ``threshold``; ``best`` is raised in place for rows and candidates, as the dense grid does.
    """
    out_i: list[np.ndarray] = []
    out_j: list[np.ndarray] = []
    out_v: list[np.ndarray] = []
    chunk = 256
    s = lo
    while s < hi:
        rows = order[s : min(s + chunk, hi)]
        p = (x[rows] @ xc).tocsr()
        r = np.repeat(np.arange(len(rows), dtype=np.int32), np.diff(p.indptr))
        own = p.indices == r + (s - lo)  # rows are cand[s - lo :]: no link to itself
        if own.any():  # (masked in place: setdiag rebuilt the whole product)
            p.data[own] = 0.0
            p.eliminate_zeros()
            r = np.repeat(np.arange(len(rows), dtype=np.int32), np.diff(p.indptr))
        del own
        if p.nnz:
            best[rows] = np.maximum(best[rows], p.max(axis=1).toarray().ravel())
            best[cand] = np.maximum(best[cand], p.max(axis=0).toarray().ravel())
            above = p.data >= threshold  # a pair below the threshold is never a link
            r, c, v = r[above], p.indices[above], p.data[above]
            srt = np.lexsort((-v, r))
            rank = np.arange(len(srt)) - np.searchsorted(r[srt], r[srt])  # place in its row
            kth = np.full(len(rows), -np.inf, dtype=np.float64)
            at_k = srt[rank == top_k - 1]
            kth[r[at_k]] = v[at_k]
            top = np.sort(srt[v[srt] >= kth[r[srt]]])  # the k best and ties, row-major order
            ii, jj = rows[r[top]], cand[c[top]]
            out_i.append(np.minimum(ii, jj))
            out_j.append(np.maximum(ii, jj))
            out_v.append(v[top])
        s += len(rows)
        # about a million pairs a product: the next chunk sized by this one's density
        chunk = int(min(8192, max(16, _PAIR_CELLS * len(rows) // max(1, p.nnz))))
        del p
    if not out_i:
        empty = np.array([], dtype=np.int64)
        return empty, empty, np.array([], dtype=np.float32)
    return np.concatenate(out_i), np.concatenate(out_j), np.concatenate(out_v)


#: an undated block this large is compared only among candidate pairs (:func:`_candidate_pairs`):
#: all with all, 20,000 undated long articles took 52.7 CPU s and 100,000 had not finished
#: after 13 CPU minutes (the time grows with the square)
_CANDIDATES_FROM = 20_000
#: a document's signature: its this many highest TF-IDF terms among the rare ones ...
_SIGNATURE_TERMS = 30
#: ... terms in at most this many documents: each signature term brings at most this many
#: candidates, so the candidates (and the time) grow linearly with the documents
_RARE_DF = 100


def _signatures(x: Any) -> tuple[Any, Any]:
    """Each row's rare terms (in at most :data:`_RARE_DF` documents) and its signature, the
    :data:`_SIGNATURE_TERMS` of them with the highest weights (ties: lower column), as 0/1
    CSR matrices of the shape of ``x``."""
    import scipy.sparse as sp

    n = x.shape[0]
    rare = np.bincount(x.indices, minlength=x.shape[1])[x.indices] <= _RARE_DF
    w = np.where(rare, x.data, 0.0)
    r = np.repeat(np.arange(n), np.diff(x.indptr))
    srt = np.lexsort((x.indices, -w, r))
    rank = np.arange(len(srt)) - x.indptr[r[srt]]
    keep = np.sort(srt[(rank < _SIGNATURE_TERMS) & (w[srt] > 0)])
    ones = np.ones(len(keep), dtype=np.float32)
    sig = sp.csr_matrix((ones, (r[keep], x.indices[keep])), shape=x.shape)
    cols = x.indices[rare]
    ptr = np.concatenate([[0], np.cumsum(np.bincount(r[rare], minlength=n))])
    terms = sp.csr_matrix((np.ones(len(cols), dtype=np.float32), cols, ptr), shape=x.shape)
    return terms, sig


def _candidate_pairs(
    x: Any, top_k: int, threshold: float, chunk: int = 2048
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """:func:`_neighbours` of one block of undated documents, among candidate pairs only: the
    pairs in which one document's signature holds a rare term of the other (:func:`_signatures`;
    a signature alone misses an article's first half: its highest weights are the terms the
    whole article holds once), scored exactly (their cosine).

    A pair that shares no rare high-weight term is never scored, so neither a link nor a
    document's best cosine (the ``relative`` rule) can come from it. Each document keeps its
    ``top_k`` best pairs at or above ``threshold`` and those tied with the ``top_k``-th.
    """
    n = x.shape[0]
    rare, sig = _signatures(x)
    rare_t, sig_t = rare.T.tocsr(), sig.T.tocsr()
    best = np.zeros(n, dtype=np.float32)
    out: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []
    for a in range(0, n, chunk):
        # a row's signature in another's rare terms, or another's signature in the row's
        p = (sig[a : a + chunk] @ rare_t + rare[a : a + chunk] @ sig_t).tocsr()
        r = np.repeat(np.arange(a, min(a + chunk, n)), np.diff(p.indptr))
        later = p.indices > r  # each pair once; no document with itself
        i, j = r[later], p.indices[later].astype(np.int64)
        del p, r, later
        v = np.concatenate(
            [np.asarray(both.sum(axis=1)).ravel() for both in _pair_products(x, i, j)]
            or [np.zeros(0)]
        ).astype(np.float32)
        np.maximum.at(best, i, v)
        np.maximum.at(best, j, v)
        above = v >= threshold
        out.append((i[above], j[above], v[above]))
    i, j, v = (np.concatenate([o[k] for o in out]) for k in range(3))
    rows, cols, vals = np.concatenate([i, j]), np.concatenate([j, i]), np.concatenate([v, v])
    srt = np.lexsort((-vals, rows))
    rank = np.arange(len(srt)) - np.searchsorted(rows[srt], rows[srt])  # place in its row
    kth = np.full(n, -np.inf, dtype=np.float64)
    at_k = srt[rank == top_k - 1]
    kth[rows[at_k]] = vals[at_k]
    keep = vals >= kth[rows]  # each document's k best and ties, from either end
    ii, jj, vv = np.minimum(rows, cols)[keep], np.maximum(rows, cols)[keep], vals[keep]
    _, first = np.unique(ii * n + jj, return_index=True)
    return ii[first], jj[first], vv[first], best


def _neighbours(
    x, days: np.ndarray, window_days: int, top_k: int, threshold: float, chunk: int = 2048
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Links (i, j, score), i < j, among documents at most ``window_days`` apart.

    Also returns each document's best cosine with any other document in its
    window (0 when it has none), whether or not that pair became a link.
    """
    n = x.shape[0]
    best = np.zeros(n, dtype=np.float32)
    order = np.argsort(days, kind="stable")
    d_sorted = days[order]
    rows_i: list[np.ndarray] = []
    rows_j: list[np.ndarray] = []
    scores: list[np.ndarray] = []
    width = max(1, int(window_days))
    block = (d_sorted - d_sorted[0]) // width if n else d_sorted
    bounds = np.searchsorted(block, np.arange(int(block[-1]) + 2) if n else [0])
    for b in range(len(bounds) - 1):
        lo, hi = bounds[b], bounds[b + 1]
        if lo == hi:
            continue
        hi2 = bounds[min(b + 2, len(bounds) - 1)]  # this block and the next one
        cand = order[lo:hi2]
        # the candidates' columns as CSR: the product made this copy anew from CSC each time
        whole = len(cand) == n and bool((cand == np.arange(n)).all())
        xc = (x if whole else x[cand]).T.tocsr()
        if (
            len(cand) >= _SPARSE_FROM
            and d_sorted[hi2 - 1] - d_sorted[lo] <= window_days
            and _sparse_share(x, xc, order[lo:hi]) < _SPARSE_SHARE
        ):
            # a large block with no day gaps to mask (undated documents are one): only the
            # pairs that share a term, never a rows x candidates grid
            got = _sparse_neighbours(x, xc, order, lo, hi, cand, best, top_k, threshold)
            rows_i.append(got[0])
            rows_j.append(got[1])
            scores.append(got[2])
            continue
        # rows x candidates dense at once: at most ~4 million cells (undated documents are
        # one block: 2048 x 100,000 was 0.8 GB of scores and 1.6 GB of day gaps)
        chunk = max(1, min(chunk, _MAX_CELLS // max(1, len(cand))))
        for s in range(lo, hi, chunk):
            rows = order[s : min(s + chunk, hi)]
            sim = (x[rows] @ xc).toarray()
            if d_sorted[hi2 - 1] - d_sorted[lo] > window_days:  # (undated: one day, no gap)
                gap = np.abs(days[rows][:, None] - days[cand][None, :])
                sim[gap > window_days] = 0.0
            own = np.arange(len(rows))
            sim[own, s - lo + own] = 0.0  # rows are cand[s - lo :]: no link to itself
            if sim.size:  # a pair in the window is seen from one side only: update both
                best[rows] = np.maximum(best[rows], sim.max(axis=1))
                best[cand] = np.maximum(best[cand], sim.max(axis=0))
            k = min(top_k, sim.shape[1])
            if k == 0:
                continue
            # each row's k best, and any pair tied with the k-th (one rule, whichever path)
            kth = -np.partition(-sim, k - 1, axis=1)[:, k - 1]
            keep = (sim >= kth[:, None]) & (sim >= threshold) & (sim > 0)
            r, c = np.nonzero(keep)
            ii, jj = rows[r], cand[c]
            rows_i.append(np.minimum(ii, jj))
            rows_j.append(np.maximum(ii, jj))
            scores.append(sim[r, c])
    if not rows_i:
        empty = np.array([], dtype=np.int64)
        return empty, empty, np.array([], dtype=np.float32), best
    i = np.concatenate(rows_i)
    j = np.concatenate(rows_j)
    v = np.concatenate(scores)
    # one row per pair (a pair can be found from both ends)
    key = i.astype(np.int64) * n + j
    _, first = np.unique(key, return_index=True)
    return i[first], j[first], v[first], best


def stories(
    corpus: Corpus,
    *,
    window_days: int = 3,
    threshold: float = 0.25,
    top_k: int = 10,
    relative: float = 0.7,
    max_df: float = 0.5,
    n_label_terms: int = 4,
    language: str | None = None,
) -> Stories:
    """Group documents that report the same event into stories.

    Parameters
    ----------
    corpus : Corpus
    window_days : int
        Two documents can be linked only if their ``published`` dates are at most this many days
        apart. Undated documents are compared only with each other (as if published on one day).
    threshold : float
        Minimum TF-IDF cosine for a link (0-1). Higher: purer, smaller stories. Short texts need
        more: when the shorter document of a pair has fewer than :data:`SHORT_TEXT_TERMS` (18)
        distinct content terms, as headlines do, the link needs ``threshold * sqrt(18 / terms)``
        (0.43 for six terms).
    top_k : int
        Links kept per document (its nearest neighbours above ``threshold``).
    relative : float
        A link is kept only when its cosine is at least ``relative`` times the best cosine of one of
        its two documents (that document's nearest neighbour in the window): a document joins the
        documents it is most like, not every document above ``threshold``, so a running topic does
        not chain its separate events into one story (local scaling of the threshold, as in
        Zelnik-Manor & Perona 2004). 0 keeps every link above ``threshold``.
    max_df : float
        Terms in more than this share of documents are ignored (from 50 documents; fewer keep all).
    language : str, optional
        Whose stopwords the vectors leave out; default the corpus' language, English when unclear
        (:func:`corpus_tools.languages.analysis_language`); in ``table.attrs``.
    n_label_terms : int
        Terms in each story's label.

    Returns
    -------
    Stories
        ``table``: one row per document, columns ``STORY_COLUMNS``: ``story_id`` (``S0001``...,
        numbered by first date, then corpus order; a document with no link is a story of its
        own), ``label`` (top terms by summed TF-IDF, then the date span), ``first_date``,
        ``last_date``, ``n_docs``, ``n_outlets``, ``doc_id``, ``outlet``, ``published``; sorted
        by ``story_id`` then corpus order. ``links``: the evidence, one row per link, columns
        ``STORY_LINK_COLUMNS``: ``doc_a``, ``doc_b``, ``score`` (cosine, rounded to 3),
        ``days_apart``, ``shared_terms`` (the five terms contributing most to the score),
        ``best_a`` and ``best_b`` (each document's best cosine in its window: the link was
        kept because ``score >= relative * min(best_a, best_b)``).

    Notes
    -----
    Stories are connected components: one link joins two groups. The ``relative`` rule stops
    most chaining of a running topic (daily reports on one trial share names but are different
    events), yet two events can join when a document is about equally like both (a week's
    round-up), and a short wire brief may stay alone. Read the ``links`` of any large story;
    raise ``threshold`` or ``relative`` or lower ``window_days`` to split. 20,000 undated
    documents or more: only pairs sharing a rare term are compared (see the module's notes).

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a", "b", "c"], "text": [
    ...     "Flood waters rose in Dhaka after monsoon rains; thousands fled the flood.",
    ...     "Thousands fled Dhaka as monsoon flood waters rose.",
    ...     "The central bank raised interest rates by half a point."]}))
    >>> ct.stories(c).table[["story_id", "doc_id", "n_docs"]].values.tolist()
    [['S1', 'a', 2], ['S1', 'b', 2], ['S2', 'c', 1]]
    """
    _check_options(corpus, window_days, threshold, top_k, relative, max_df, n_label_terms)
    lang = mixed_language(corpus, analysis_language(corpus, language), language) or "en"
    d = _doc_vectors(corpus, max_df, lang)
    links = _links(d, int(window_days), int(top_k), float(threshold), float(relative))
    comp, name = _components(d, links)
    table = _story_table(d, comp, name, n_label_terms)
    table.attrs["stopword_language"] = lang
    return Stories(table, _link_table(d, links, comp, name))


_MANY_UNDATED = 1000


def _warn_undated(n_undated: int, n: int) -> None:
    """Warn that many undated documents are compared all with all (slow, chaining stories)."""
    if n_undated >= _MANY_UNDATED:
        warnings.warn(
            f"stories: {n_undated:,} of {n:,} documents have no publication date; they are "
            "compared with each other as if published on one day, so the time grows with the "
            f"square of their number (from {_CANDIDATES_FROM:,} on, only pairs sharing a rare "
            "term are scored) and unrelated events chain into large stories. Load the "
            "dates (load_corpus(date_column=...), --date-column) or run stories on the dated "
            "documents (corpus.subset(...)).",
            CorpusToolsWarning,
            stacklevel=4,
        )


#: an undated story this large (and at least a tenth of the undated documents) is named in a warning
_UNDATED_CHAIN_DOCS = 20


def _warn_undated_chain(d: _Docs, comp: np.ndarray) -> None:
    """Warn when undated documents chained into one large story (single links, no time window).

    Below :data:`_MANY_UNDATED` undated documents no warning said so: on 499 undated
    headlines of 314 outlets one "story" held 200 headlines of 130 outlets.
    """
    undated = d.day_num.isna().to_numpy()
    if undated.sum() < _UNDATED_CHAIN_DOCS:
        return
    sizes = np.bincount(comp[undated])
    big = int(sizes.argmax())
    n_big = int(sizes[big])
    if n_big < max(_UNDATED_CHAIN_DOCS, 0.1 * undated.sum()):
        return
    outlets = d.docs["outlet"][comp == big].nunique() if "outlet" in d.docs else 0
    warnings.warn(
        f"stories: {n_big:,} of the {int(undated.sum()):,} undated documents form one story "
        f"({outlets:,} outlets): with no dates there is no time window, and single links chain "
        "documents that share a few words into one group. Read its links before calling it one "
        "event; load the dates (load_corpus(date_column=...), --date-column) or raise threshold "
        "or relative to split it.",
        CorpusToolsWarning,
        stacklevel=4,
    )


class _Docs(NamedTuple):
    """The documents as TF-IDF rows with their day numbers."""

    docs: pd.DataFrame
    ids: np.ndarray
    pub: pd.Series  # published, as UTC timestamps (NaT when missing)
    day_num: pd.Series  # days since 1970-01-01 (NaN when undated)
    x: Any  # sparse TF-IDF rows, or None when no term is left
    terms: np.ndarray
    stop: frozenset[str] = frozenset()  # the stopwords the vectors left out


class _Links(NamedTuple):
    i: np.ndarray  # document positions, i < j
    j: np.ndarray
    score: np.ndarray
    best: np.ndarray  # each document's best cosine in its window (0: none)


def _doc_vectors(corpus: Corpus, max_df: float, language: str = "en") -> _Docs:
    docs = corpus.docs
    pub = pd.to_datetime(docs["published"], errors="coerce", utc=True)
    day_num = (pub.dt.tz_convert(None).dt.normalize() - pd.Timestamp("1970-01-01")).dt.days
    _warn_undated(int(day_num.isna().sum()), len(docs))
    x, terms = _tfidf(_batched_texts(docs["text"]), max_df, language, n=len(docs))
    return _Docs(
        docs, docs["doc_id"].astype(str).to_numpy(), pub, day_num, x, terms, _stopwords(language)
    )


_TEXT_BATCH = 2000


def _batched_texts(col: pd.Series) -> Iterator[str]:
    """Each text of ``col`` (missing: ``""``), read :data:`_TEXT_BATCH` at a time: an Arrow
    text column makes a Python string per text on each read; the vectoriser reads each once."""
    for a in range(0, len(col), _TEXT_BATCH):
        for t in col.iloc[a : a + _TEXT_BATCH].tolist():
            yield t if isinstance(t, str) else ""


def _links(
    d: _Docs, window_days: int, top_k: int, threshold: float, relative: float = 0.0
) -> _Links:
    """Links among dated documents (within the window) and among undated ones.

    A candidate link is kept when its cosine is at least ``relative`` times
    the best cosine of one of its two documents.
    """
    links_i: list[np.ndarray] = []
    links_j: list[np.ndarray] = []
    links_v: list[np.ndarray] = []
    best = np.zeros(len(d.ids), dtype=np.float32)
    dated = d.day_num.notna().to_numpy()
    if d.x is not None and len(d.ids):
        for mask in (dated, ~dated):
            pos = np.flatnonzero(mask)
            if len(pos) < 2:
                continue
            days = (
                d.day_num.to_numpy()[pos].astype(np.int64)
                if mask is dated
                else np.zeros(len(pos), np.int64)
            )
            xp = d.x if len(pos) == len(d.ids) else d.x[pos]  # one copy at most
            if mask is dated or len(pos) < _CANDIDATES_FROM:
                i, j, v, b = _neighbours(xp, days, window_days, top_k, threshold)
            else:  # many undated documents: candidate pairs, not all with all
                i, j, v, b = _candidate_pairs(xp, top_k, threshold)
            best[pos] = b
            shared = _shared_terms(xp, i, j)
            near = (
                (v >= relative * np.minimum(b[i], b[j]))
                & (shared >= MIN_SHARED_TERMS)
                & (v >= _short_text_need(xp, i, j, threshold))
            )
            two = np.flatnonzero(near & (shared == 2))
            if len(two):  # two shared terms that are one phrase of both texts: one term
                texts = _texts_at(d.docs["text"], pos, np.union1d(i[two], j[two]))
                near[two] = ~_one_phrase(xp, i[two], j[two], texts, d.terms, d.stop)
            links_i.append(pos[i[near]])
            links_j.append(pos[j[near]])
            links_v.append(v[near])
    return _Links(
        np.concatenate(links_i) if links_i else np.array([], dtype=np.int64),
        np.concatenate(links_j) if links_j else np.array([], dtype=np.int64),
        np.concatenate(links_v) if links_v else np.array([], dtype=np.float32),
        best,
    )


def _components(d: _Docs, links: _Links) -> tuple[np.ndarray, dict[int, str]]:
    """Connected components, named ``S1``... by first date (undated last), then corpus order."""
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    n = len(d.ids)
    graph = coo_matrix((np.ones(len(links.i)), (links.i, links.j)), shape=(n, n))
    _, comp = connected_components(graph, directed=False)
    _warn_undated_chain(d, comp)
    first_day = pd.Series(d.day_num.to_numpy(), dtype="float64").groupby(comp).min()
    first_pos = pd.Series(np.arange(n)).groupby(comp).min()
    key = pd.DataFrame({"day": first_day.fillna(np.inf), "pos": first_pos})
    rank = key.sort_values(["day", "pos"], kind="mergesort").index
    width = len(str(len(rank)))
    return comp, {c: f"S{r + 1:0{width}d}" for r, c in enumerate(rank)}


#: date precisions from the finest (a day) to the coarsest, for story labels
_PRECISIONS = ("day", "month", "year")
_COARSENESS = {p: k for k, p in enumerate(_PRECISIONS)}


def _story_table(
    d: _Docs, comp: np.ndarray, name: dict[int, str], n_label_terms: int
) -> pd.DataFrame:
    n = len(d.ids)
    table = pd.DataFrame(
        {
            "story_id": np.array([name[c] for c in comp], dtype=object),
            "doc_id": d.ids,
            "outlet": d.docs["outlet"].to_numpy(),
            "published": d.docs["published"].to_numpy(),
            "_pos": np.arange(n),
            "_day": d.pub.dt.tz_convert(None).dt.normalize().to_numpy() if n else [],
        }
    )
    g = table.groupby("story_id", sort=False)
    table["n_docs"] = g["doc_id"].transform("size").astype("int64")
    table["n_outlets"] = g["outlet"].transform("nunique").astype("int64")
    table["first_date"] = g["_day"].transform("min")
    table["last_date"] = g["_day"].transform("max")
    words = _label_terms(d, comp, name, n_label_terms)
    # a story's dates are written at the coarsest precision of its documents' dates
    # (known to the year only: '1946', not '1946-01-01')
    prec = d.docs["date_precision"] if "date_precision" in d.docs.columns else [None] * n
    table["_coarse"] = [_COARSENESS.get(p, 0) if isinstance(p, str) else 0 for p in prec]
    spans = table.groupby("story_id", sort=False)[["first_date", "last_date", "_coarse"]]
    labels: dict[str, str] = {}
    for sid, (f, last, coarse) in spans.agg(
        {"first_date": "first", "last_date": "first", "_coarse": "max"}
    ).iterrows():
        p = _PRECISIONS[int(coarse)]
        if pd.isna(f):
            when = "undated"
        elif group_label(f, p) == group_label(last, p):
            when = group_label(f, p)
        else:
            when = f"{group_label(f, p)} to {group_label(last, p)}"
        labels[sid] = f"{words[sid]} ({when})" if words.get(sid) else f"({when})"
    table["label"] = table["story_id"].map(labels)
    table = table.sort_values(["story_id", "_pos"], kind="mergesort").reset_index(drop=True)
    return table[STORY_COLUMNS]


def _label_terms(
    d: _Docs, comp: np.ndarray, name: dict[int, str], n_label_terms: int
) -> dict[str, str]:
    """Top terms of each story by summed TF-IDF (ties by term order)."""
    n = len(d.ids)
    if d.x is None or not n:
        return {}
    from scipy.sparse import csr_matrix

    member = csr_matrix((np.ones(n), (comp, np.arange(n))), shape=(comp.max() + 1, n))
    weight = (member @ d.x).tocsr()
    out = {}
    for c in range(weight.shape[0]):
        row = weight.getrow(c)
        top = row.indices[np.lexsort((row.indices, -row.data))][:n_label_terms]
        out[name[c]] = " ".join(str(d.terms[t]) for t in top)
    return out


def _top_shared_terms(x: Any, i: np.ndarray, j: np.ndarray, k: int = 5) -> list[np.ndarray]:
    """For each pair ``(i[n], j[n])`` of rows of ``x``: the columns of the ``k`` terms whose
    product adds most to their cosine (ties by column). One sparse product per
    :data:`_PAIR_ROWS` pairs (one per pair took ~0.1 ms: 4.2 s of 20,000 undated documents'
    41,908 links)."""
    out: list[np.ndarray] = []
    for prod in _pair_products(x, i, j):
        prod.sort_indices()
        row = np.repeat(np.arange(prod.shape[0]), np.diff(prod.indptr))
        order = np.lexsort((prod.indices, -prod.data, row))
        rank = np.arange(len(order)) - prod.indptr[row[order]]
        keep = order[rank < k]
        per_row = np.bincount(row[keep], minlength=prod.shape[0])
        out += np.split(prod.indices[keep], np.cumsum(per_row)[:-1])
    return out


def _link_table(d: _Docs, links: _Links, comp: np.ndarray, name: dict[int, str]) -> pd.DataFrame:
    """The evidence: each link with its days apart and the shared terms behind the score."""
    i, j = links.i.astype(np.int64), links.j.astype(np.int64)
    shared = _top_shared_terms(d.x, i, j) if len(i) else []
    words = [", ".join(str(w) for w in d.terms[cols]) for cols in shared]
    day = d.day_num.to_numpy(dtype="float64")
    gap = np.abs(day[i] - day[j]) if len(i) else np.zeros(0)
    out = pd.DataFrame(
        {
            "story_id": [name[c] for c in comp[i].tolist()],
            "doc_a": d.ids[i],
            "doc_b": d.ids[j],
            "score": [round(float(v), 3) for v in links.score.tolist()],
            "days_apart": pd.array(
                [None if np.isnan(g) else int(g) for g in gap.tolist()], dtype="Int64"
            ),
            "shared_terms": words,
            "best_a": [round(float(v), 3) for v in links.best[i].tolist()],
            "best_b": [round(float(v), 3) for v in links.best[j].tolist()],
        },
        columns=STORY_LINK_COLUMNS,
    )
    return out.sort_values(
        ["story_id", "score", "doc_a", "doc_b"],
        ascending=[True, False, True, True],
        kind="mergesort",
    ).reset_index(drop=True)


def with_stories(corpus: Corpus, **options: object) -> Corpus:
    """Return a copy of ``corpus`` whose docs carry ``story`` and ``story_label`` columns.

    Every function with a ``by=`` parameter accepts any docs column, so after
    ``corpus = ct.with_stories(corpus)`` you can compare outlets within
    stories (``ct.keyness(corpus, by="story")``) or loop over them
    (``for sid, sub in corpus.by("story")``). ``options`` go to
    :func:`stories`.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a", "b"], "text": [
    ...     "Monsoon flood in Dhaka.", "Dhaka monsoon flood."]}))
    >>> ct.with_stories(c).docs["story"].tolist()
    ['S1', 'S1']
    """
    import inspect

    from .corpus import Corpus

    known = [p for p in inspect.signature(stories).parameters if p != "corpus"]
    unknown = sorted(set(options) - set(known))
    if unknown:
        raise CorpusValueError(
            f"with_stories: unknown option(s) {unknown}; its options go to stories(): "
            f"{', '.join(known)}."
        )
    res = stories(corpus, **options)  # type: ignore[arg-type]
    lookup = res.table.set_index("doc_id")
    docs = corpus.docs.copy()
    key = docs["doc_id"].astype(str)
    docs["story"] = key.map(lookup["story_id"]).to_numpy()
    docs["story_label"] = key.map(lookup["label"]).to_numpy()
    return Corpus(docs, corpus.cleaning_log, corpus.skipped, root=corpus.root)
