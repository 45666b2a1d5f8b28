"""Text reuse: passages shared near-verbatim between documents, with offsets in both.

Method (:func:`text_reuse`): word n-gram shingles are hashed (blake2b, 64
bits) into an inverted index; shingles found in more than ``max_df``
documents are dropped; document pairs sharing at least ``min_match``
shingles are aligned by chaining shared shingles on the same diagonal into
exact runs, and runs separated by at most ``gap`` words on both sides are
merged into one passage (edited wire copy: a changed word, an inserted
clause).

Matching is on lower-cased word tokens of the folded view (punctuation
ignored, curly and straight quotes equal). Translation and paraphrase are
invisible to shingles; boilerplate left in the text shows up as reuse
between pages of one site unless ``series`` separates them. Page furniture
shared by two series (the share bar of two editions of one site) is left
out: a passage found in two or more different texts of each series (texts
sharing at most half of their shingles: not versions of one story) and
standing mostly on lines of at most four words (menus, buttons), never a
prose passage, so wire copies and stock paragraphs stay reuse. The cost is
linear in the number of words plus the sum of squared posting-list lengths
(bounded by ``max_df``): no all-pairs comparison. See the README, section
"Sentences and words, offline".

References
----------
Broder, A. Z. (1997). On the resemblance and containment of documents.
*Compression and Complexity of SEQUENCES 1997*, 21-29.

Smith, D. A., Cordell, R., & Dillon, E. M. (2013). Infectious texts:
Modeling text reuse in nineteenth-century newspapers. *IEEE Big Data*, 86-94.
"""

from __future__ import annotations

import hashlib
import re
import warnings
from array import array
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

import numpy as np
import pandas as pd

from ._tables import cast_columns, frame_from_rows, sort_rows, sorted_unique
from .corpus import MISSING, group_labels, require_corpus
from .errors import CorpusToolsWarning, CorpusValueError, check_table, check_whole
from .tokenize import TOKENS_CACHE_KEY, cached_tokens, doc_tokens, fold

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = ["text_reuse", "reuse_summary"]

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
_REUSE_TYPES = (
    {c: "int64" for c in REUSE_COLUMNS}
    | {c: object for c in ("doc_a", "doc_b", "text_a", "text_b")}
    | {"identity": float, "in_quotes_a": bool, "in_quotes_b": bool}
)
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


#: a letter or digit (``str.isalnum``): ``\w`` is those and the underscore
_ALNUM = re.compile(r"[^\W_]")


def _doc_words(text: str) -> tuple[list[str], list[int], list[int]]:
    """Word tokens of one text: (casefolded folded forms, starts, ends); punctuation dropped."""
    view = fold(text)
    spans = [(s, e) for _, s, e in doc_tokens(text) if _ALNUM.search(view, s, e)]
    if not spans:
        return [], [], []
    starts, ends = (list(x) for x in zip(*spans, strict=True))
    return [view[s:e].casefold() for s, e in spans], starts, ends


def _shingle_hashes(words: list[str], n: int, vocab: dict[str, int]) -> np.ndarray:
    """64-bit hashes of the word n-grams of one document (signed int64): each distinct word
    hashed once (blake2b, kept in ``vocab``), the n word hashes of a shingle combined by a
    polynomial and a splitmix64 finish (vectorised; only equality of shingles is used)."""
    k = len(words) - n + 1
    if k <= 0:
        return np.empty(0, dtype=np.int64)
    for w in set(words).difference(vocab):
        vocab[w] = int.from_bytes(
            hashlib.blake2b(w.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little"
        )
    wh = np.fromiter(map(vocab.__getitem__, words), dtype=np.uint64, count=len(words))
    h = np.zeros(k, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(n):
            h = h * _MUL + wh[j : j + k]
        h ^= h >> np.uint64(30)
        h *= np.uint64(0xBF58476D1CE4E5B9)
        h ^= h >> np.uint64(27)
        h *= np.uint64(0x94D049BB133111EB)
        h ^= h >> np.uint64(31)
    return h.view(np.int64)


#: the odd multiplier that combines a shingle's word hashes (a 64-bit golden-ratio constant)
_MUL = np.uint64(0x9E3779B97F4A7C15)


def _in_quotes(text: str, start: int, end: int) -> bool:
    """True when the middle of [start, end) lies inside double quotes of its paragraph
    (curly and straight quotes alike: counted on the :func:`fold` view of that stretch only;
    fold keeps lengths and never changes a line break)."""
    mid = (start + end) // 2
    para = text.rfind("\n", 0, start) + 1
    return fold(text[para:mid]).count('"') % 2 == 1


class _SeedIndex(NamedTuple):
    """The holders of the shingles two documents of different series can share, in (shingle,
    document, position) order: ``doc``/``pos`` per holder (int32, 8 bytes a holder) and
    ``bounds``, where each shingle's holders start, then their number. A seed pairs a holder
    with a later holder of the same shingle."""

    doc: np.ndarray
    pos: np.ndarray
    bounds: np.ndarray


def _seed_index(hashes: list[np.ndarray], max_df: int) -> _SeedIndex:
    """:class:`_SeedIndex` of the shingles found in 2 to ``max_df`` documents, built one part
    of the hash space (the top bits) at a time into arrays made once: memory is the index and
    one part's holders, not every repeated shingle with its sort order and sorted copies, nor
    the parts' pieces and their joined copy."""
    total = sum(len(h) for h in hashes)
    doc = np.empty(total, dtype=np.int32)
    pos = np.empty(total, dtype=np.int32)
    bounds = [np.zeros(1, dtype=np.int64)]
    kept = 0
    for part in range(_HASH_PARTS):
        d, p, sizes = _kept_holders(*_part_holders(hashes, part), max_df)
        doc[kept : kept + len(d)] = d
        pos[kept : kept + len(d)] = p
        bounds.append(kept + np.cumsum(sizes, dtype=np.int64))
        kept += len(d)
    return _SeedIndex(doc[:kept], pos[:kept], np.concatenate(bounds))


def _part_holders(hashes: list[np.ndarray], part: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The shingles whose top bits are ``part``: (hash, document, position), in document and
    position order."""
    hs, ds, ps = [], [], []
    top = np.uint64(part)
    for doc, h in enumerate(hashes):
        where = np.flatnonzero((h.view(np.uint64) >> np.uint64(60)) == top)
        if len(where):
            hs.append(h[where])
            ds.append(np.full(len(where), doc, dtype=np.int32))
            ps.append(where.astype(np.int32))
    return _joined(hs, np.int64), _joined(ds, np.int32), _joined(ps, np.int32)


def _kept_holders(
    h: np.ndarray, d: np.ndarray, p: np.ndarray, max_df: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The holders (document, position) of the shingles found in 2 to ``max_df`` documents, in
    (hash, document, position) order, and the number of holders of each kept shingle."""
    order = np.argsort(h, kind="stable")  # d, p come in document and position order
    h, d, p = h[order], d[order], p[order]
    del order
    new_hd = np.ones(len(h), dtype=bool)  # document frequency per hash (distinct documents)
    new_hd[1:] = (h[1:] != h[:-1]) | (d[1:] != d[:-1])
    bounds = np.flatnonzero(np.r_[True, h[1:] != h[:-1]]) if len(h) else np.empty(0, np.int64)
    del h
    sizes = np.diff(np.r_[bounds, len(d)])
    df = np.add.reduceat(new_hd.astype(np.int32), bounds) if len(d) else sizes
    del new_hd
    keep_group = (df >= 2) & (df <= max_df)
    keep = np.repeat(keep_group, sizes)
    return d[keep], p[keep], sizes[keep_group]


def _joined(pieces: list[np.ndarray], dtype: type) -> np.ndarray:
    """The pieces as one array of ``dtype``, emptied as joined."""
    out: np.ndarray = (
        np.concatenate(pieces).astype(dtype, copy=False) if pieces else np.empty(0, dtype)
    )
    pieces.clear()
    return out


def _later_holders(bounds: np.ndarray, at: np.ndarray) -> np.ndarray:
    """For holders ``at`` of the index: how many holders of the same shingle come after."""
    return bounds[np.searchsorted(bounds, at, side="right")] - at - 1


def _holders_of(d: np.ndarray, lo: int, hi: int) -> np.ndarray:
    """The holders of documents ``lo`` to ``hi - 1``, in index order (a chunk at a time: no
    holder-long temporaries)."""
    got = []
    for a in range(0, len(d), _PAIR_CHUNK):
        c = d[a : a + _PAIR_CHUNK]
        got.append(np.flatnonzero((c >= lo) & (c < hi)) + a)
    return np.concatenate(got)


def _seed_blocks(
    index: _SeedIndex, series: np.ndarray, n_docs: int
) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """The seeds (doc_a, pos_a, doc_b, pos_b; doc_a < doc_b, different series) in blocks of
    consecutive ``doc_a`` holding about :data:`_PAIR_CHUNK` pairs each: every seed of a
    document pair is in one block, and only one block's seeds exist at a time."""
    d, p, bounds = index
    if not len(d):
        return
    per_doc = np.zeros(n_docs, dtype=np.int64)  # pairs each document starts, a slice at a time
    for a in range(0, len(d), _PAIR_CHUNK):
        later = _later_holders(bounds, np.arange(a, min(a + _PAIR_CHUNK, len(d))))
        per_doc += np.bincount(d[a : a + _PAIR_CHUNK], weights=later, minlength=n_docs).astype(
            np.int64
        )
    lo = 0
    cum = np.cumsum(per_doc)
    while lo < n_docs:
        base = int(cum[lo - 1]) if lo else 0
        hi = max(lo + 1, int(np.searchsorted(cum, base + _PAIR_CHUNK, side="right")))
        hi = min(hi, n_docs)
        e = _holders_of(d, lo, hi)
        k = _later_holders(bounds, e)
        e, k = e[k > 0], k[k > 0]
        lo = hi
        if not len(e):
            continue
        ii = np.repeat(e, k)
        jj = ii + 1 + np.arange(len(ii)) - np.repeat(np.cumsum(k) - k, k)
        da, db = d[ii], d[jj]
        ok = (da != db) & (series[da] != series[db])
        yield da[ok], p[ii][ok], db[ok], p[jj][ok]


#: seed pairs made at a time (a block of documents) in :func:`_seed_blocks`
_PAIR_CHUNK = 1 << 22


#: the hash space is split on its top bits into this many parts to find the shared shingles
#: (memory: one part's holders and sorted copies at a time)
_HASH_PARTS = 16


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
    max_passages: int | None = None,
) -> pd.DataFrame:
    """Passages shared near-verbatim between documents, with offsets in both.

    Method, limits and cost: the module docstring (:mod:`corpus_tools.reuse`).

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
        compared (an outlet's own template is not reuse); a missing value is
        a series of its own; ``None`` compares all pairs (one value for all
        documents warns: nothing is compared).

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
    require_corpus(corpus, "text_reuse")
    _check_reuse_args(min_words, ngram, gap, max_df, min_match)
    if max_passages is not None:
        check_whole("max_passages", max_passages, 1)
    n = min(ngram, min_words)
    docs = _reuse_docs(corpus, series)
    offsets = _all_offsets(corpus, docs)
    # with max_passages only the rows' documents are tokenized again for their offsets
    hashes = _all_hashes(corpus, docs, offsets, n, keep=max_passages is None)
    limits = (gap, max_df, min_match, min_words)
    passages, found = _found_passages(docs, offsets, hashes, n, limits, max_passages)
    del hashes
    return _reuse_table(passages, docs, offsets, max_passages, found)


def _reuse_table(
    passages: list[_Passage],
    docs: _ReuseDocs,
    offsets: _Offsets,
    max_passages: int | None,
    found: int,
) -> pd.DataFrame:
    """The rows of ``passages`` (at most ``max_passages``, noted when ``found`` passages were
    more), sorted; the list is emptied."""
    cut = max_passages is not None and found > max_passages
    if cut:
        passages[:] = _first_passages(passages, docs, int(max_passages or 0))
    rows = [_passage_row(p, docs, offsets) for p in passages]
    passages.clear()
    out = sort_rows(
        _reuse_frame(rows),
        ["n_words", "doc_a", "a_start", "doc_b", "b_start"],
        [False, True, True, True, True],
    )
    if cut:
        _note_cut(out, found)
    return out


def _first_passages(passages: list[_Passage], docs: _ReuseDocs, k: int) -> list[_Passage]:
    """The ``k`` passages that come first in the table's order (``n_words`` descending, then
    ``doc_a``, ``a_start``, ``doc_b``, ``b_start``; ties in the order found), in the order
    found. A document's word positions are in the order of its offsets."""
    ids = np.asarray(docs.ids, dtype=object)
    rank = np.empty(len(ids), dtype=np.int64)
    rank[np.argsort(ids, kind="stable")] = np.arange(len(ids))
    ia = np.fromiter((p.ia for p in passages), np.int64, len(passages))
    ib = np.fromiter((p.ib for p in passages), np.int64, len(passages))
    a0 = np.fromiter((p.a0 for p in passages), np.int64, len(passages))
    b0 = np.fromiter((p.b0 for p in passages), np.int64, len(passages))
    words = np.fromiter((p.matched for p in passages), np.int64, len(passages))
    order = np.lexsort((b0, rank[ib], a0, rank[ia], -words))
    return [passages[j] for j in np.sort(order[:k]).tolist()]


def _note_cut(out: pd.DataFrame, found: int) -> None:
    """Record and say that only the first ``len(out)`` of ``found`` passages were kept."""
    out.attrs["passages_found"] = found
    out.attrs["passages_kept"] = len(out)
    warnings.warn(
        f"text_reuse: {found:,} passages found, the first {len(out):,} kept (max_passages="
        f"{len(out):,}; the longest: the shortest kept has {int(out['n_words'].iloc[-1]):,} "
        "words). The others are not in the table; for them compare smaller parts (one outlet "
        "against the rest with corpus.subset), or raise min_words or max_passages "
        "(attrs['passages_found'], attrs['passages_kept']).",
        CorpusToolsWarning,
        stacklevel=4,
    )


def _found_passages(
    docs: _ReuseDocs,
    offsets: _Offsets,
    hashes: list[np.ndarray],
    n: int,
    limits: tuple[int, int, int, int],
    max_passages: int | None = None,
) -> tuple[list[_Passage], int]:
    """:func:`text_reuse`'s passages of at least ``min_words`` matching words, page
    furniture left out, in the order found, and how many there are; ``limits`` is
    ``(gap, max_df, min_match, min_words)``.

    With ``max_passages`` only the passages that can still be among the first
    ``max_passages`` of the table are kept from block to block (:func:`_first_kept`; page
    furniture is decided per passage, so the candidates for it are kept apart until the
    end): the memory is that many passages and a block's, not every passage found."""
    gap, max_df, min_match, min_words = limits
    index = _seed_index(hashes, max_df)
    menus = _MenuLines(docs.texts, offsets)
    plain: list[_Passage] = []
    seqs = array("q")  # each plain passage's number in the order found
    maybe: list[tuple[int, _Passage]] = []
    n_plain = seq = 0
    for seeds in _seed_blocks(index, docs.series, len(docs.ids)):
        # fewer than min_words words in a pair's runs: no passage of it is kept
        for p in _passages(seeds, len(docs.ids), n, gap=gap, min_match=min_match, floor=min_words):
            if p.matched < min_words:
                continue
            if menus.both_short(p):
                maybe.append((seq, p))
            else:
                plain.append(p)
                seqs.append(seq)
                n_plain += 1
            seq += 1
        if max_passages is not None and len(plain) > 2 * max_passages:
            plain, seqs = _first_kept(plain, seqs, max_passages)
    del index
    kept = _drop_templates(maybe, hashes, docs.series, n)
    found = n_plain + len(kept)
    if kept:  # back in the order found
        plain = [p for _, p in sorted([*zip(seqs, plain, strict=True), *kept])]
    return plain, found


def _first_kept(found: list[_Passage], seqs: array, k: int) -> tuple[list[_Passage], array]:
    """The ``k`` passages of ``found`` (numbered ``seqs``) that come first in the table's
    order (``n_words`` descending, then ``doc_a``, ``a_start``, ``doc_b``, ``b_start``, ties
    in the order found: document numbers follow ``doc_id`` order and a document's word
    positions its offsets), in the order found, with their numbers."""
    cols = np.array([(-p.matched, p.ia, p.a0, p.ib, p.b0) for p in found], dtype=np.int64)
    num = np.frombuffer(seqs, dtype=np.int64)
    order = np.sort(np.lexsort((num, *cols.T[::-1]))[:k])
    return [found[j] for j in order.tolist()], array("q", num[order].tolist())


def _check_reuse_args(min_words: int, ngram: int, gap: int, max_df: int, min_match: int) -> None:
    # whole numbers first: True (== 1) found 11,596 one-word "passages" in the seeds, '8' a TypeError
    for name, value, low in (
        ("min_words", min_words, 1),
        ("ngram", ngram, 1),
        ("gap", gap, 0),
        ("max_df", max_df, 2),
        ("min_match", min_match, 1),
    ):
        check_whole(name, value, low)
    if min_words < 1 or ngram < 1 or gap < 0 or max_df < 2 or min_match < 1:
        raise CorpusValueError(
            "text_reuse needs min_words >= 1, ngram >= 1, gap >= 0, max_df >= 2 and "
            f"min_match >= 1; got min_words={min_words}, ngram={ngram}, gap={gap}, "
            f"max_df={max_df}, min_match={min_match}."
        )


class _Texts:
    """The cleaned texts in ``doc_id`` order, each made a Python string when it is asked for
    (the corpus' text column stays the only copy: a list of 100,000 long texts is 0.4-0.8 GB)."""

    def __init__(self, column: pd.Series, order: list[int]) -> None:
        self.column = column
        self.order = order

    def __len__(self) -> int:
        return len(self.order)

    def __getitem__(self, i: int) -> str:
        return str(self.column.iat[self.order[i]])


class _ReuseDocs(NamedTuple):
    """The documents of a reuse search, sorted by ``doc_id``.

    ``series[i]`` is the series code of document ``i``: documents with the
    same code are never compared (a missing value is a series of its own).
    """

    ids: list[str]
    texts: _Texts
    series: np.ndarray


class _WordOffsets(NamedTuple):
    """The word tokens of one text (:func:`_doc_words`): forms and character offsets."""

    words: list[str]
    starts: np.ndarray
    ends: np.ndarray


class _Passage(NamedTuple):
    """A passage shared by documents ``ia < ib``: word positions ``[a0, a1)`` and ``[b0, b1)``."""

    ia: int
    ib: int
    a0: int
    a1: int
    b0: int
    b1: int
    matched: int


def _reuse_docs(corpus: Corpus, series: str | None) -> _ReuseDocs:
    """The corpus in ``doc_id`` order with a series code per document."""
    docs = corpus.docs
    ids = docs["doc_id"].astype(str).tolist()
    order = sorted(range(len(ids)), key=lambda i: ids[i])
    ids = [ids[i] for i in order]
    texts = _Texts(docs["text"], order)
    if series is None:
        return _ReuseDocs(ids, texts, np.arange(len(ids), dtype=np.int64))
    _check_series(series, docs)
    labels = group_labels(corpus, series)
    codes: dict[str, int] = {}
    ser_l = []
    for i, d in enumerate(ids):
        lab = labels[d]
        ser_l.append(-1 - i if lab == MISSING else codes.setdefault(lab, len(codes)))
    if len(ids) > 1 and len(set(ser_l)) == 1:
        one_series_note("text_reuse", len(ids), series, str(labels[ids[0]]), "series=None")
    return _ReuseDocs(ids, texts, np.array(ser_l, dtype=np.int64))


def _check_series(series: object, docs: pd.DataFrame) -> None:
    """A clear error for a ``series=`` that is not a column (it named ``by=`` before)."""
    if series == "doc_id" or (isinstance(series, str) and series in docs.columns):
        return
    cols = [c for c in docs.columns if c not in ("text", "raw_text")]
    raise CorpusValueError(
        f"series={series!r} is not a column of corpus.docs; choose one of {cols}, "
        "or series=None to compare every pair of documents."
    )


def one_series_note(what: str, n_docs: int, column: str, value: str, fix: str) -> None:
    """Warn that every document has the same ``column`` value, so no pair is compared and
    the table is empty (a one-outlet corpus with the default ``series="outlet"``).

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     one_series_note("text_reuse", 3, "outlet", "nyt", "series=None")
    >>> print(w[0].message)
    text_reuse: all 3 documents have outlet 'nyt', and documents with the same outlet are never compared, so the table is empty; pass series=None to compare every pair of documents.
    """
    warnings.warn(
        f"{what}: all {n_docs:,} documents have {column} {value!r}, and documents with the "
        f"same {column} are never compared, so the table is empty; pass {fix} to compare "
        "every pair of documents.",
        CorpusToolsWarning,
        stacklevel=4,
    )


class _Offsets:
    """Each document's :class:`_WordOffsets`, made when asked for (from the corpus' token
    table when it is built, else by tokenizing the text) and kept without the word forms
    (memory: the offsets of the documents asked for, not every word of the corpus)."""

    def __init__(self, docs: _ReuseDocs, spans: dict[str, tuple[np.ndarray, np.ndarray]] | None):
        self.docs = docs
        self.spans = spans
        self.kept: dict[int, _WordOffsets] = {}
        #: each document's words on short lines (:class:`_MenuLines`), when offsets are not kept
        self.short: dict[int, np.ndarray] = {}

    def words(self, i: int) -> _WordOffsets:
        """Document ``i``'s word forms and offsets (not kept)."""
        text = self.docs.texts[i]
        if self.spans is None:
            return _word_offsets(text)
        empty = np.empty(0, dtype=np.int64)
        return _span_offsets(text, *self.spans.get(self.docs.ids[i], (empty, empty)))

    def __getitem__(self, i: int) -> _WordOffsets:
        if i not in self.kept:
            w = self.words(i)
            self.kept[i] = _WordOffsets([], w.starts, w.ends)
        return self.kept[i]


def _all_offsets(corpus: Corpus, docs: _ReuseDocs) -> _Offsets:
    """:func:`_word_offsets` of every document, on demand (:class:`_Offsets`)."""
    return _Offsets(docs, _cached_spans(corpus))


def _all_hashes(
    corpus: Corpus, docs: _ReuseDocs, offsets: _Offsets, n: int, *, keep: bool = True
) -> list[np.ndarray]:
    """:func:`_shingle_hashes` of every document, one document's words at a time; their word
    counts are left on the corpus for :func:`reuse_summary`. ``keep``: the offsets are kept
    (int32), else only which words stand on short lines (1 byte a word, for
    :class:`_MenuLines`)."""
    vocab: dict[str, int] = {}
    hashes = []
    n_words = []
    for i in range(len(docs.ids)):
        w = offsets.words(i)
        n_words.append(len(w.words))
        hashes.append(_shingle_hashes(w.words, n, vocab))
        if keep:
            # offsets kept as int32 (8 bytes a word): tokenizing a passage's documents again
            # cost +45 % CPU on 3,000 long documents
            offsets.kept[i] = _WordOffsets([], w.starts.astype(np.int32), w.ends.astype(np.int32))
        else:
            offsets.short[i] = _line_words(docs.texts[i], w.starts) <= _SHORT_LINE
    corpus.cached(_N_WORDS, lambda: dict(zip(docs.ids, n_words, strict=True)))
    return hashes


def _cached_spans(corpus: Corpus) -> dict[str, tuple[np.ndarray, np.ndarray]] | None:
    """Each document's token ``starts, ends`` from the corpus's token table when it is
    already built (by ``Corpus.tokens()``, counts, keyness, ...): the same tokens as
    :func:`~corpus_tools.tokenize.doc_tokens` without splitting the sentences again; None
    when the table is not built (it is not built here: it is large)."""
    if not corpus.is_cached(TOKENS_CACHE_KEY):
        return None
    table = cached_tokens(corpus)
    ids = table["doc_id"].to_numpy()
    st = table["start"].to_numpy(dtype=np.int64)
    en = table["end"].to_numpy(dtype=np.int64)
    if not len(ids):
        return {}
    cut = np.flatnonzero(ids[1:] != ids[:-1]) + 1
    bounds = np.concatenate(([0], cut, [len(ids)]))
    return {
        str(ids[a]): (st[a:b], en[a:b])
        for a, b in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True)
    }


def _span_offsets(text: str, starts: np.ndarray, ends: np.ndarray) -> _WordOffsets:
    """:func:`_word_offsets` of ``text`` from its token spans (punctuation dropped)."""
    view = fold(text)
    keep = [
        k
        for k, (s, e) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True))
        if _ALNUM.search(view, s, e)
    ]
    st, en = starts[keep], ends[keep]
    return _WordOffsets(
        [view[s:e].casefold() for s, e in zip(st.tolist(), en.tolist(), strict=True)], st, en
    )


def _word_offsets(text: str) -> _WordOffsets:
    """Word forms and offsets as int64 arrays (memory proportional to the words)."""
    w, st, en = _doc_words(text)
    return _WordOffsets(w, np.asarray(st, dtype=np.int64), np.asarray(en, dtype=np.int64))


def _passages(
    seeds: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray],
    n_docs: int,
    n: int,
    *,
    gap: int,
    min_match: int,
    floor: int = 0,
) -> Iterator[_Passage]:
    """Align the seeds of each document pair with ``min_match`` seeds or more, pair by pair;
    pairs whose runs hold fewer than ``floor`` words in all (no passage of theirs can match
    more words than that) are not aligned."""
    da, pa, db, pb = seeds
    if not len(da):
        return
    pair = da.astype(np.int64) * n_docs + db
    diag = pb - pa
    order = np.lexsort((pa, diag, pair))
    pair, pa, diag = pair[order], pa[order], diag[order]
    seeds_of = np.diff(np.r_[np.flatnonzero(np.r_[True, pair[1:] != pair[:-1]]), len(pair)])
    # a run: seeds of one pair on one diagonal, each starting at most n words after the last
    new = np.r_[True, (pair[1:] != pair[:-1]) | (diag[1:] != diag[:-1]) | (pa[1:] > pa[:-1] + n)]
    rs = np.flatnonzero(new)
    rpair, a0, a1 = pair[rs], pa[rs], pa[np.r_[rs[1:], len(pa)] - 1] + n
    b0, b1 = a0 + diag[rs], a1 + diag[rs]
    ro = np.lexsort((b1, b0, a1, a0, rpair))  # runs of a pair in (a0, a1, b0, b1) order
    rpair, a0, a1, b0, b1 = (x[ro] for x in (rpair, a0, a1, b0, b1))
    bounds = np.flatnonzero(np.r_[True, rpair[1:] != rpair[:-1]])
    # a passage's matched words are at most its runs' words (_merge_runs)
    keep = (seeds_of >= min_match) & (np.add.reduceat(a1 - a0, bounds) >= floor)
    sel = np.repeat(keep, np.diff(np.r_[bounds, len(rpair)]))
    rpair, a0, a1, b0, b1 = (x[sel] for x in (rpair, a0, a1, b0, b1))
    if not len(rpair):
        return
    runs = list(zip(a0.tolist(), a1.tolist(), b0.tolist(), b1.tolist(), strict=True))
    bounds = np.flatnonzero(np.r_[True, rpair[1:] != rpair[:-1]])
    ends = np.r_[bounds[1:], len(rpair)]
    for s, e in zip(bounds.tolist(), ends.tolist(), strict=True):
        ia, ib = divmod(int(rpair[s]), n_docs)
        for run in _merge_runs(runs[s:e], gap, n):
            yield _Passage(ia, ib, *run)


#: two documents of one series that share at most this share of the shorter one's shingles are
#: different texts (not versions of one story)
_OTHER_TEXT = 0.5


class _Shingles:
    """Which documents hold the shingles ``wanted``, and how much two documents share, computed
    on demand (memory: the wanted shingles' postings, not the corpus' shingles)."""

    def __init__(self, hashes: list[np.ndarray], wanted: np.ndarray) -> None:
        self.hashes = hashes
        self.sets: dict[int, np.ndarray] = {}
        hs: list[np.ndarray] = []
        ds: list[np.ndarray] = []
        for d, h in enumerate(hashes):
            pos = np.minimum(np.searchsorted(wanted, h), max(0, len(wanted) - 1))
            got = sorted_unique(h[wanted[pos] == h], in_place=True) if len(wanted) else h[:0]
            if len(got):
                hs.append(got)
                ds.append(np.full(len(got), d, dtype=np.int64))
        h_all = np.concatenate(hs) if hs else np.empty(0, np.int64)
        d_all = np.concatenate(ds) if ds else np.empty(0, np.int64)
        order = np.lexsort((d_all, h_all))
        self.h, self.d = h_all[order], d_all[order]
        self.shared: dict[tuple[int, int], float] = {}

    def holders(self, hs: np.ndarray) -> np.ndarray:
        """Documents holding at least half of the distinct shingles ``hs``."""
        hs = sorted_unique(hs)
        lo = np.searchsorted(self.h, hs, side="left")
        hi = np.searchsorted(self.h, hs, side="right")
        pieces = [self.d[x:y] for x, y in zip(lo.tolist(), hi.tolist(), strict=True)]
        docs = np.concatenate(pieces) if pieces else np.empty(0, np.int64)
        got, k = np.unique(docs, return_counts=True)
        return got[2 * k >= max(1, len(hs))]

    def _set(self, doc: int) -> np.ndarray:
        if doc not in self.sets:
            self.sets[doc] = sorted_unique(self.hashes[doc])
        return self.sets[doc]

    def containment(self, a: int, b: int) -> float:
        """Shingles two documents share, as a share of the shorter one's."""
        key = (min(a, b), max(a, b))
        if key not in self.shared:
            sa, sb = self._set(a), self._set(b)
            both = len(np.intersect1d(sa, sb, assume_unique=True))
            self.shared[key] = both / max(1, min(len(sa), len(sb)))
        return self.shared[key]


def _template_in(sh: _Shingles, doc: int, holders: np.ndarray, ser: np.ndarray) -> bool:
    """The passage of ``doc`` (held by ``holders``) recurs in another document of its series
    that is a different text (sharing at most :data:`_OTHER_TEXT` of the shorter one's
    shingles): page furniture of the series, not a version of the same story."""
    same = holders[(ser[holders] == ser[doc]) & (holders != doc)]
    return any(sh.containment(doc, int(o)) <= _OTHER_TEXT for o in same.tolist())


#: a line of at most this many words is a menu or button line ('Tweet this', '- Share this')
_SHORT_LINE = 4


def _line_words(text: str, starts: np.ndarray) -> np.ndarray:
    """For each word, how many words its whole line holds."""
    breaks = np.array([m.start() for m in re.finditer("\n", text)], dtype=np.int64)
    line = np.searchsorted(breaks, starts)
    return np.bincount(line)[line] if len(line) else np.zeros(0, dtype=np.int64)


class _MenuLines:
    """Whether a passage stands mostly on short lines (at most :data:`_SHORT_LINE` words) in
    both documents: a candidate for page furniture. Each document's word flags are kept."""

    def __init__(self, texts: _Texts, offsets: _Offsets) -> None:
        self.texts = texts
        self.offsets = offsets
        self.lines = offsets.short

    def short(self, doc: int, w0: int, w1: int) -> bool:
        if doc not in self.lines:
            self.lines[doc] = _line_words(self.texts[doc], self.offsets[doc].starts) <= _SHORT_LINE
        return w1 > w0 and 2 * int(self.lines[doc][w0:w1].sum()) >= w1 - w0

    def both_short(self, p: _Passage) -> bool:
        return self.short(p.ia, p.a0, p.a1) and self.short(p.ib, p.b0, p.b1)


def _drop_templates(
    menus: list[tuple[int, _Passage]], hashes: list[np.ndarray], series: np.ndarray, n: int
) -> list[tuple[int, _Passage]]:
    """The passages standing mostly on short lines in both documents (:class:`_MenuLines`)
    less those that are page furniture of both series: found in two or more different texts
    of each document's series ('Tweet this - Link this - Share this - Digg this - Reprints' on
    the pages of two Reuters editions). Prose is never furniture, and versions of one story
    (texts sharing more than :data:`_OTHER_TEXT` of their shingles) do not count as different
    texts."""
    if not menus:  # (nearly always: reused prose)
        return menus
    spans = [hashes[p.ia][p.a0 : max(p.a0 + 1, p.a1 - n + 1)] for _, p in menus]
    sh = _Shingles(hashes, sorted_unique(np.concatenate(spans), in_place=True))
    out = []
    for (s, p), hs in zip(menus, spans, strict=True):
        holders = sh.holders(hs)
        if not (
            _template_in(sh, p.ia, holders, series) and _template_in(sh, p.ib, holders, series)
        ):
            out.append((s, p))
    return out


def _passage_row(p: _Passage, docs: _ReuseDocs, offsets: _Offsets) -> tuple:
    """One output row (``REUSE_COLUMNS``)."""
    oa, ob = offsets[p.ia], offsets[p.ib]
    cs_a, ce_a = int(oa.starts[p.a0]), int(oa.ends[p.a1 - 1])
    cs_b, ce_b = int(ob.starts[p.b0]), int(ob.ends[p.b1 - 1])
    ta, tb = docs.texts[p.ia], docs.texts[p.ib]
    identity = p.matched / max(p.a1 - p.a0, p.b1 - p.b0)
    return (
        *(docs.ids[p.ia], cs_a, ce_a, docs.ids[p.ib], cs_b, ce_b, p.matched, identity),
        *(ta[cs_a:ce_a], tb[cs_b:ce_b], _in_quotes(ta, cs_a, ce_a), _in_quotes(tb, cs_b, ce_b)),
        *(p.a0, p.a1, p.b0, p.b1),
    )


def _reuse_frame(rows: list[tuple]) -> pd.DataFrame:
    """The rows as a table with the documented column types; ``rows`` is emptied.

    Each column is made with its type (``frame_from_rows`` lets pandas infer the text columns
    as Arrow strings and casts them back: two more copies of every passage's text)."""
    if not rows:
        return frame_from_rows(rows, REUSE_COLUMNS, _REUSE_TYPES)
    cols = list(zip(*rows, strict=True))
    rows.clear()
    data = {}
    for k, c in enumerate(REUSE_COLUMNS):
        data[c] = pd.Series(cols[k], dtype=_REUSE_TYPES[c])
        cols[k] = ()
    return pd.DataFrame(data, columns=REUSE_COLUMNS)


def _doc_spans(
    reuse: pd.DataFrame,
) -> tuple[dict[str, list[tuple[int, int]]], dict[str, set[str]], dict[str, int]]:
    """Per document of a reuse table: its passages' word spans, its partners, its passages."""
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
    return spans, partners, counts


#: the corpus cache key of each document's word count (:func:`text_reuse` leaves it for
#: :func:`reuse_summary`, which would otherwise tokenize every document again)
_N_WORDS = "reuse.n_words"


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
    cols = ["doc_a", "doc_b", "a_word_start", "a_word_end", "b_word_start", "b_word_end"]
    reuse = check_table(reuse, cols, "reuse_summary", "text_reuse(corpus)")
    require_corpus(corpus, "reuse_summary")
    groups = group_labels(corpus, by)
    spans, partners, counts = _doc_spans(reuse)
    rows: dict[str, list] = {c: [] for c in REUSE_SUMMARY_COLUMNS}
    n_words_of = corpus.cached(
        _N_WORDS, lambda: {str(d): len(_doc_words(str(t))[0]) for d, t in corpus}
    )
    for doc_id, _ in corpus:
        n_words = n_words_of[str(doc_id)]
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
    cast_columns(out, {c: "int64" for c in ("n_words", "reused_words", "n_passages", "n_partners")})
    cast_columns(
        out, {"reused_share": float, "doc_id": object, "group": object, "partners": object}
    )
    return sort_rows(out, ["reused_share", "doc_id"], [False, True])
