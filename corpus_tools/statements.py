"""Statements: sentences in different documents that carry the same claim.

Text reuse (:func:`corpus_tools.text_reuse`) finds passages shared word for
word. Outlets also carry one statement in different words: a ministry's
readout quoted by one agency and paraphrased by another ("an early
cessation to hostilities, preventing the conflict from escalating" / "an
early end to hostilities, preventing further escalation"). This module
compares sentences by their content *stems* (Snowball stemmer, shipped
with NLTK: no download), numbers and capitalised names, so inflection and
derivation (escalating / escalation, releasing / release) match, and
reports the words both sentences share in order (a word alignment).

Method. Each sentence becomes a bag of content stems (stopwords dropped),
weighted by inverse document frequency over sentences. Candidate pairs come
from an index keyed by pairs of each sentence's ``prefix`` rarest stems
(found in at most ``max_df`` sentences; a pair of stems shared by more than 100
sentences is a stock phrase and skipped), so the cost is linear in the number
of sentences plus the candidates found (never all pairs). A pair is kept when the two sentences are in
different documents, share at least ``min_shared`` indexed stems, and their
weighted Dice overlap ``2 * w(shared) / (w(A) + w(B))`` reaches
``min_score``; when both sentences state numbers and none agree, the pair is
dropped (same words, different figures: different claims). Verbatim pairs
(alignment covering >= 90% of the shorter) and paraphrases are told apart in
``kind``.

References
----------
Chaudhuri, S., Ganti, V., & Kaushik, R. (2006). A primitive operator for
similarity joins in data cleaning. *ICDE 2006*.
Porter, M. F. (1980). An algorithm for suffix stripping. *Program*, 14(3),
130-137 (the Snowball English stemmer is its revision).
Clough, P., Gaizauskas, R., Piao, S. S. L., & Wilks, Y. (2002). METER:
MEasuring TExt Reuse. *ACL 2002*, 152-159.
Dolan, B., Quirk, C., & Brockett, C. (2004). Unsupervised construction of
large paraphrase corpora: exploiting massively parallel news sources.
*COLING 2004*.
"""

from __future__ import annotations

import difflib
import math
import re
import warnings
from array import array
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd

from ._tables import sorted_unique
from .corpus import MISSING, require_corpus
from .errors import CorpusToolsWarning, CorpusValueError, check_whole
from .reuse import one_series_note
from .tokenize import fold, load_stopwords

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = ["statements", "STATEMENT_COLUMNS"]

STATEMENT_COLUMNS = [
    "score",
    "kind",
    "n_shared",
    "shared",
    "doc_a",
    "sent_a",
    "a_start",
    "a_end",
    "text_a",
    "in_quote_a",
    "doc_b",
    "sent_b",
    "b_start",
    "b_end",
    "text_b",
    "in_quote_b",
]

_WORD = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_][\w'\u2019-]*")
_NUM = re.compile(r"\d[\d,.]*\d|\d")
_THOUSANDS = re.compile(r"[,.](?=\d{3}\b)")


@lru_cache(maxsize=1)
def _stemmer() -> Any:
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return str(_stemmer().stem(word))


@lru_cache(maxsize=1)
def _frame_words() -> frozenset[str]:
    """Attribution words (reporting verbs, ``according``, ``statement``): not the claim."""
    from .quotes.cues import load_reporting_verbs

    words = {w for form in load_reporting_verbs()["form"] for w in form.split()}
    words |= {"according", "statement", "readout", "quoted", "spokesman", "spokeswoman"}
    return frozenset(words)


@lru_cache(maxsize=200_000)
def _stem_word(low: str) -> str:
    st = _stem(low)
    if len(st) > 4 and st.endswith("our"):
        st = st[:-3] + "or"  # British and American spelling: favour / favor
    return st


def _content(text: str, stop: frozenset[str]) -> list[str]:
    """Content stems of a sentence in text order; numbers as ``#1400``."""
    frame = _frame_words()
    out = []
    for m in _WORD.finditer(fold(text)):
        w = m.group()
        if w[0].isdigit():
            out.append("#" + _THOUSANDS.sub("", w))
            continue
        low = w.lower().replace("\u2019", "'")
        if low.endswith("'s"):
            low = low[:-2]
        if len(low) < 3 or low in stop or low in frame:
            continue
        out.append(_stem_word(low))
    return out


def _quote_spans(text: str) -> list[tuple[int, int]]:
    from .quotes.marks import pair_marks

    return [(s.start, s.end) for s in pair_marks(text)]


def _inside(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    """Half or more of ``[s, e)`` lies inside quotation marks."""
    covered = sum(max(0, min(e, b) - max(s, a)) for a, b in spans)
    return covered * 2 >= max(1, e - s)


_KEY_GROUP_CAP = 100  # two stems found together in more sentences: a stock phrase, not a claim
_DOC_BATCH = 1_000  # documents whose text is read at once
_KEY_BATCH = 4_000_000  # candidate keys sorted at once (bounds the index's memory)
_PAIR_BATCH = 250_000  # candidate pairs scored at once


class _Sentences(NamedTuple):
    """Every sentence of a corpus as a sparse row of its distinct content stems.

    Sentences are numbered in corpus order (document, then position), so a
    lower number is earlier in the corpus. About 40 bytes per sentence plus
    4 bytes per distinct stem: no sentence text is kept.
    """

    doc: np.ndarray  # document position of each sentence
    start: np.ndarray  # offsets into the cleaned text
    end: np.ndarray
    first: np.ndarray  # first sentence of each document (one more entry than documents)
    indptr: np.ndarray  # stems of sentence k: ids[indptr[k]:indptr[k + 1]], sorted
    ids: np.ndarray
    terms: list[str]  # the stem of each id
    df: np.ndarray  # sentences containing each stem
    idf: np.ndarray


def _sentence_stems(corpus: Corpus) -> _Sentences:
    """Content stems of every sentence, read a batch of documents at a time."""
    from .tokenize import sentence_spans

    rows, first = sentence_spans(corpus)
    stop = load_stopwords()
    vocab: dict[str, int] = {}
    ids = array("i")
    sizes = array("q")
    col = corpus.docs["text"]
    n_docs = len(col)
    for a in range(0, n_docs, _DOC_BATCH):
        b = min(a + _DOC_BATCH, n_docs)
        texts = col.iloc[a:b].tolist()
        base = int(first[a])
        spans = rows[base : int(first[b]), 1:].tolist()
        for d in range(a, b):
            view = fold(texts[d - a])
            for s, e in spans[int(first[d]) - base : int(first[d + 1]) - base]:
                u = sorted({vocab.setdefault(t, len(vocab)) for t in _content(view[s:e], stop)})
                ids.extend(u)
                sizes.append(len(u))
    indptr = np.zeros(len(sizes) + 1, dtype=np.int64)
    np.cumsum(np.frombuffer(sizes, dtype=np.int64), out=indptr[1:])
    id_arr = np.frombuffer(ids, dtype=np.int32) if len(ids) else np.zeros(0, np.int32)
    df = np.bincount(id_arr, minlength=len(vocab))
    n = len(sizes)
    idf = np.array([math.log((n + 1) / (c + 0.5)) for c in df.tolist()], dtype=np.float64)
    doc = np.repeat(np.arange(n_docs), np.diff(first))
    return _Sentences(doc, rows[:, 1], rows[:, 2], first, indptr, id_arr, list(vocab), df, idf)


def _group_codes(corpus: Corpus, sent: _Sentences, by: str | None) -> np.ndarray:
    """A code per sentence: its document, or its ``by`` group when given (a document
    with a missing ``by`` value is a group of its own, as in :func:`~corpus_tools.text_reuse`).
    """
    if not by:
        return sent.doc
    labels = corpus.group_labels(by).tolist()
    codes: dict[str, int] = {}
    doc_codes = [
        -1 - i if lab == MISSING else codes.setdefault(lab, len(codes))
        for i, lab in enumerate(labels)
    ]
    if len(labels) > 1 and len(set(doc_codes)) == 1:
        one_series_note("statements", len(labels), by, str(labels[0]), "by=None")
    return np.asarray(doc_codes, dtype=np.int64)[sent.doc]


def _prefix_ranks(sent: _Sentences, max_df: int, prefix: int) -> np.ndarray:
    """The ``prefix`` rarest indexed stems of each sentence, as ranks (-1: none).

    A stem is indexed when 2..``max_df`` sentences hold it; rarer comes first
    (ties by the stem's spelling). Returns an ``n x prefix`` int32 array of
    ranks, ascending within each row.
    """
    n, v = len(sent.doc), len(sent.terms)
    order = sorted(range(v), key=lambda t: (int(sent.df[t]), sent.terms[t]))
    rank = np.empty(v, dtype=np.int64)
    rank[np.asarray(order, dtype=np.int64)] = np.arange(v)
    indexed = (sent.df > 1) & (sent.df <= max_df)
    out = np.full((n, max(prefix, 0)), -1, dtype=np.int32)
    step = 100_000  # sentences at a time (about 1.5M stem entries: ~60 MB of work arrays)
    for a in range(0, n if prefix > 0 else 0, step):
        b = min(a + step, n)
        lo, hi = sent.indptr[a], sent.indptr[b]
        row = np.repeat(np.arange(a, b), np.diff(sent.indptr[a : b + 1]))
        ids = sent.ids[lo:hi]
        keep = indexed[ids]
        row, r = row[keep], rank[ids[keep]]
        o = np.lexsort((r, row))
        row, r = row[o], r[o]
        starts = np.searchsorted(row, np.arange(a, b))
        pos = np.arange(len(row)) - starts[row - a]
        top = pos < prefix
        out[row[top], pos[top]] = r[top]
    return out


def _candidates(
    sent: _Sentences, max_df: int, prefix: int, group: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Sentence pairs (i < j) in different groups sharing two of their ``prefix`` rarest stems.

    Each sentence is keyed by every pair of its rarest stems (document
    frequency 2..``max_df``); two sentences meet only under a shared key, so
    the cost is linear in the number of sentences (``prefix`` choose 2 keys
    each) plus the pairs found, never all pairs (prefix filtering, as in
    set-similarity joins: Chaudhuri, Ganti & Kaushik 2006). The keys are
    sorted in slices (by key modulo the number of slices), so memory stays
    bounded whatever the corpus size.
    """
    pre = _prefix_ranks(sent, max_df, prefix)
    v = max(1, len(sent.terms))
    combos = [(x, y) for x in range(pre.shape[1]) for y in range(x + 1, pre.shape[1])]
    n_keys = sum(int((pre[:, y] >= 0).sum()) for _, y in combos)
    n_slices = max(1, -(-n_keys // _KEY_BATCH))
    found: list[np.ndarray] = []
    for part in range(n_slices):
        keys, owners = [], []
        for x, y in combos:
            rows = np.flatnonzero(pre[:, y] >= 0)  # ranks ascend, so column x is set too
            k = pre[rows, x].astype(np.int64) * v + pre[rows, y]
            sel = k % n_slices == part
            keys.append(k[sel])
            owners.append(rows[sel])
        found.append(_pairs_under_keys(np.concatenate(keys), np.concatenate(owners), group))
    n = len(sent.doc)
    pair = sorted_unique(np.concatenate(found), in_place=True) if found else np.zeros(0, np.int64)
    return pair // max(n, 1), pair % max(n, 1)


def _pairs_under_keys(keys: np.ndarray, owners: np.ndarray, group: np.ndarray) -> np.ndarray:
    """``i * n + j`` (i < j, different groups) for sentences sharing a key of 2-100 sentences."""
    n = len(group)
    order = np.lexsort((owners, keys))
    k, o = keys[order], owners[order]
    starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]]) if len(k) else np.zeros(0, np.int64)
    size = np.diff(np.r_[starts, len(k)])
    out: list[np.ndarray] = []
    for s in sorted_unique(size[(size >= 2) & (size <= _KEY_GROUP_CAP)], in_place=True).tolist():
        members = o[starts[size == s][:, None] + np.arange(s)]  # groups x s, ascending
        a, b = np.triu_indices(s, 1)
        i, j = members[:, a].ravel(), members[:, b].ravel()
        keep = group[i] != group[j]
        out.append(sorted_unique(i[keep].astype(np.int64) * n + j[keep], in_place=True))
    return np.concatenate(out) if out else np.zeros(0, np.int64)


class _Found(NamedTuple):
    """Scored pairs above the thresholds (sentence numbers, i < j)."""

    i: np.ndarray
    j: np.ndarray
    score: np.ndarray
    n_shared: np.ndarray


def _score_pairs(
    sent: _Sentences, ci: np.ndarray, cj: np.ndarray, min_shared: int, min_score: float
) -> _Found:
    """Weighted Dice overlap of each candidate pair's stems, kept above the thresholds.

    Sparse row products in batches of pairs: the shared stems of a pair are
    the product of its two binary rows; their IDF weight, their count and
    the numbers among them are that product times a vector. When both
    sentences state numbers and none agree, the pair is dropped (same words,
    different figures).
    """
    from scipy.sparse import csr_matrix

    n, v = len(sent.doc), len(sent.terms)
    ones = np.ones(len(sent.ids), dtype=np.float64)
    m = csr_matrix((ones, sent.ids, sent.indptr), shape=(n, v))
    is_num = np.array([t.startswith("#") for t in sent.terms], dtype=np.float64)
    weight = m @ sent.idf if v else np.zeros(n)
    n_num = m @ is_num if v else np.zeros(n)
    keep_i, keep_j, keep_s, keep_n = [], [], [], []
    for a in range(0, len(ci), _PAIR_BATCH):
        i, j = ci[a : a + _PAIR_BATCH], cj[a : a + _PAIR_BATCH]
        common = m[i].multiply(m[j]).tocsr()
        shared = np.asarray(common.sum(axis=1)).ravel()
        wsum = weight[i] + weight[j]
        safe = np.where(wsum > 0, wsum, 1.0)
        score = np.where(wsum > 0, 2 * (common @ sent.idf) / safe, 0.0)
        numbers_differ = (n_num[i] > 0) & (n_num[j] > 0) & (common @ is_num == 0)
        ok = (shared >= min_shared) & (score >= min_score) & ~numbers_differ
        keep_i.append(i[ok])
        keep_j.append(j[ok])
        keep_s.append(score[ok])
        keep_n.append(shared[ok].astype(np.int64))
    cat = lambda parts, dt: np.concatenate(parts) if parts else np.zeros(0, dt)  # noqa: E731
    return _Found(
        cat(keep_i, np.int64), cat(keep_j, np.int64), cat(keep_s, float), cat(keep_n, np.int64)
    )


def _statement_frame(
    corpus: Corpus, sent: _Sentences, found: _Found, max_pairs: int
) -> pd.DataFrame:
    """The best ``max_pairs`` pairs as table rows (only these are read and aligned)."""
    rounded = np.array([round(float(x), 3) for x in found.score.tolist()], dtype=float)
    order = np.lexsort((found.j, found.i, -rounded))[:max_pairs]
    ids = corpus.docs["doc_id"].astype(str).tolist()
    text_col = corpus.docs["text"]
    stop = load_stopwords()
    cache: dict[int, tuple[str, list[tuple[int, int]]]] = {}
    bag_of: dict[int, list[str]] = {}  # a sentence is in many pairs: its stems read once
    rows = []
    for k in order.tolist():
        sides: list[Any] = []
        bags = []
        for x in (int(found.i[k]), int(found.j[k])):
            d = int(sent.doc[x])
            if d not in cache:
                text = str(text_col.iat[d])
                cache[d] = (text, _quote_spans(text))
            text, spans = cache[d]
            s, e = int(sent.start[x]), int(sent.end[x])
            if x not in bag_of:
                bag_of[x] = _content(text[s:e], stop)
            bags.append(bag_of[x])
            sid = x - int(sent.first[d])
            sides += [ids[d], sid, s, e, text[s:e], _inside(spans, s, e)]
        rows.append((rounded[k], *_alignment(bags[0], bags[1]), int(found.n_shared[k]), *sides))
    return _typed_frame(rows)


def _alignment(a: list[str], b: list[str]) -> tuple[str, str]:
    """``kind`` and ``shared``: the content stems both sentences give in the same order."""
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    aligned = [t for blk in sm.get_matching_blocks() for t in a[blk.a : blk.a + blk.size]]
    cover = len(aligned) / max(1, min(len(a), len(b)))
    shared = " ".join(aligned) if aligned else " ".join(sorted(set(a) & set(b)))
    return "verbatim" if cover >= 0.9 else "paraphrase", shared


def _typed_frame(rows: list[tuple]) -> pd.DataFrame:
    cols = ["score", "kind", "shared", "n_shared"] + STATEMENT_COLUMNS[4:]
    out = pd.DataFrame(rows, columns=cols)[STATEMENT_COLUMNS]
    if out.empty:
        return out.astype(
            {"score": float, "n_shared": "int64", "in_quote_a": bool, "in_quote_b": bool}
        )
    out["n_shared"] = out["n_shared"].astype("int64")
    for col in ("sent_a", "a_start", "a_end", "sent_b", "b_start", "b_end"):
        out[col] = out[col].astype(np.int64)
    return out


def statements(
    corpus: Corpus,
    *,
    min_score: float = 0.5,
    min_shared: int = 4,
    max_df: int | None = None,
    prefix: int = 6,
    by: str | None = None,
    max_pairs: int = 100_000,
) -> pd.DataFrame:
    """Pairs of sentences in different documents that carry the same claim.

    Parameters
    ----------
    corpus : Corpus
    min_score : float
        Minimum weighted Dice overlap of content stems (0-1).
    min_shared : int
        Minimum number of shared content stems/numbers.
    max_df : int, optional
        Stems in more sentences than this are not used to find candidates
        (they still count in the score). Default: 50, or one sentence in
        1,000 in larger corpora, so stems rare in a big corpus stay usable.
        Two stems found together in more than 100 sentences never make a
        candidate (a stock phrase); this bounds the cost.
    prefix : int
        Candidates share two of each other's ``prefix`` rarest stems.
    by : str, optional
        A docs column (e.g. ``"outlet"``): only pairs from different values
        are kept (reuse across outlets); a document with a missing value is
        compared with every other (a group of its own); when all documents
        have one value nothing is compared, and a warning says so. Default:
        any two documents.
    max_pairs : int
        At most this many rows (best scores first).

    Returns
    -------
    pandas.DataFrame
        One row per sentence pair, columns ``STATEMENT_COLUMNS``: ``score``
        (rounded to 3), ``kind`` (``verbatim`` when the in-order shared words
        cover >= 90% of the shorter sentence's content (one repeats the other, or
        quotes it inside a longer sentence), else ``paraphrase``),
        ``n_shared``, ``shared`` (the aligned content stems, in order of
        sentence A), then for each side the ``doc``, ``sent`` id, offsets
        into the cleaned text, the sentence and ``in_quote`` (half or more
        of it inside quotation marks: the outlet quotes the words rather
        than paraphrasing them). Sorted by score (descending), then
        ``doc_a``, ``a_start``, ``doc_b``, ``b_start``; ``doc_a`` comes first
        in corpus order.

    Notes
    -----
    Shared stems are not shared meaning: two sentences on one topic with
    the same names and verbs can pass the score without making the same
    claim, and a paraphrase with different words (synonyms, "cessation" /
    "end") scores lower than one that keeps them. Read ``shared`` and
    both sentences before counting a pair as the same statement.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a", "b"], "text": [
    ...     "The ministry urged an early cessation of hostilities and the release of hostages.",
    ...     "The ministry called for an early end to hostilities and for releasing hostages."]}))
    >>> ct.statements(c, min_shared=4)[["score", "kind", "shared"]].values.tolist()
    [[0.568, 'paraphrase', 'ministri earli hostil releas hostag']]
    """
    _check_options(corpus, min_score, min_shared, max_df, by)
    check_whole("prefix", prefix, 2)
    check_whole("max_pairs", max_pairs, 1)
    sent = _sentence_stems(corpus)
    limit = int(max_df) if max_df is not None else max(50, len(sent.doc) // 1000)
    ci, cj = _candidates(sent, limit, int(prefix), _group_codes(corpus, sent, by))
    found = _score_pairs(sent, ci, cj, int(min_shared), float(min_score))
    out = _statement_frame(corpus, sent, found, int(max_pairs))
    warn_if_capped(out, len(found.score), int(max_pairs))
    return out


def warn_if_capped(out: pd.DataFrame, n_found: int, max_pairs: int) -> None:
    """Say when the table is the best ``max_pairs`` of more pairs (a silent cut read as "all").

    ``out.attrs["statements_cap"]`` keeps the sentence for a caption (absent when nothing was cut).
    """
    if n_found <= max_pairs:
        return
    lowest = float(out["score"].min()) if len(out) else float("nan")
    note = (
        f"statements: {n_found:,} sentence pairs passed min_score; the table keeps the best "
        f"{max_pairs:,} (score >= {lowest:.3f}), so counts from it are not totals; raise "
        "max_pairs= to see more of them, or min_score= to keep only closer pairs."
    )
    out.attrs["statements_cap"] = note
    warnings.warn(note, CorpusToolsWarning, stacklevel=3)


def _check_options(
    corpus: Corpus, min_score: float, min_shared: int, max_df: int | None, by: str | None
) -> None:
    require_corpus(corpus, "statements")
    if not 0.0 <= float(min_score) <= 1.0:
        raise CorpusValueError(f"min_score={min_score!r}; use a number in [0, 1].")
    if int(min_shared) < 1 or (max_df is not None and int(max_df) < 2):
        raise CorpusValueError("min_shared must be >= 1 and max_df >= 2.")
    docs = corpus.docs
    if by is not None and by not in docs.columns:
        raise CorpusValueError(
            f"no column {by!r} in corpus.docs; choose one of {list(docs.columns)}."
        )
