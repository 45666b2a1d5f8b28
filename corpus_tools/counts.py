"""Document x term counts: the one counts object behind frequencies, keyness and similarity.

:class:`DocTermCounts` holds, for a corpus, a sparse document x term matrix of
counts (``scipy.sparse`` CSR, ``int32``), the vocabulary, the document ids,
the word tokens of every document (the denominator of every rate) and a group
label per document (:func:`corpus_tools.group_labels`). It is built straight
from the text, without a token table: a batch of documents is split at
whitespace and its chunks coded in one pass (Arrow's ``ascii_split_whitespace``
and ``dictionary_encode``), each distinct chunk is tokenized once with the one
token definition (:func:`corpus_tools.tokenize.token_spans`:
:data:`~corpus_tools.tokenize.TOKEN_RE` on the folded view, a possessive
``'s`` split off, computed with array operations), each distinct token
string gets its term once (:func:`piece_ids`), and documents x chunks
times chunks x terms gives the counts (sparse products). A term is a token's ``lower`` form, exactly as in
:func:`corpus_tools.tokens`; the tests check the counts against the token
table.

Evidence is found on demand: :meth:`DocTermCounts.occurrences` and
:meth:`DocTermCounts.evidence` re-tokenize only the few documents that hold
the terms asked for, so every keyness row still carries ``doc_id:start-end``
offsets without keeping an offset for every token of the corpus.

:func:`term_frequencies`, :func:`corpus_tools.keyness` (which accepts a
``DocTermCounts``), :func:`corpus_tools.similarity` and the streaming and Dask
counts (:func:`corpus_tools.stream.count_documents`) all build on it.

References
----------
docs/methods.md, section "Frequencies and keyness".
"""

from __future__ import annotations

import mmap
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import chain
from typing import TYPE_CHECKING, Any, NamedTuple, overload

import numpy as np
import pandas as pd
import scipy.sparse as sp

from . import languages
from ._parallel import check_n_jobs, ordered_map, release_memory
from ._tables import chunk_takes, sorted_unique
from .corpus import MISSING, group_labels, require_corpus
from .errors import CorpusValueError, invalid_option
from .tokenize import (
    fold,
    is_stopword,
    is_word,
    load_stopwords,
    sentence_spans,
    token_batch,
    token_codes,
    token_spans,
)

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = [
    "MISSING_GROUP",
    "DocTermCounts",
    "count_texts",
    "doc_term_counts",
    "term_frequencies",
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

_MAX_CHUNKS = 500_000  # distinct chunks (and token strings) kept between batches
_BATCH = 2000  # documents per counting batch (bounded memory for the token strings)
# what is_word looks for is [^\W_]: deleting every other character but the separator
# leaves an empty string exactly for the tokens that are not words
_NOT_ALNUM_RE = re.compile(r"[^\w\n]|_")


# --------------------------------------------------------------------------
# token strings -> terms
# --------------------------------------------------------------------------
class TermTable:
    """Token strings -> term ids, with each string's attributes computed once.

    Token strings are tokens as :func:`corpus_tools.tokens` lists them. A
    token counts as a term when it is a word (and, with ``stopwords=False``,
    not a stopword); its term is its ``lower`` form. Term ids are given in
    order of first appearance.

    With ``split=True`` stopwords are kept apart instead of dropped: a word
    whose ``lower`` is on the stopword list but which is not a stopword (an
    all-caps acronym such as ``US``) gets its own id, so one count over the
    text gives the counts with stopwords (ids of one ``lower`` added up) and
    without them (ids whose ``is_stop`` is true left out).

    >>> t = TermTable(stopwords=False)  # "'s" and "the" are stopwords, "US" is not
    >>> [t.piece(p) for p in ["Iran", "'s", "the", "US", "—"]], t.terms
    ([(0, True), (-1, True), (-1, True), (1, True), (-1, False)], ['iran', 'us'])
    >>> t = TermTable(split=True)
    >>> [t.piece(p)[0] for p in ["it", "IT", "It", "iran"]], t.terms, t.is_stop
    ([0, 1, 0, 2], ['it', 'it', 'iran'], [True, False, False])
    """

    def __init__(self, stopwords: bool = True, split: bool = False) -> None:
        self.stopwords = stopwords
        self.split = split
        self.stop = load_stopwords()
        self.term_index: dict[Any, int] = {}
        self.terms: list[str] = []
        self.is_stop: list[bool] = []
        self._piece: dict[str, tuple[int, bool]] = {}

    def piece(self, tok: str) -> tuple[int, bool]:
        """``(term id or -1, is a word)`` of one token string."""
        hit = self._piece.get(tok)
        if hit is None:
            if len(self._piece) > _MAX_CHUNKS:  # a cache only (term ids stay)
                self._piece.clear()
            hit = self._piece[tok] = self._new_piece(tok)
        return hit

    def _new_piece(self, tok: str) -> tuple[int, bool]:
        low = fold(tok).casefold()
        word = is_word(tok)
        if not word:
            return -1, word
        stop = is_stopword(tok, low, self.stop)
        if not self.split and not self.stopwords and stop:
            return -1, word
        # split: an acronym of a stopword ("US") is its own id beside the stopword ("us")
        key: Any = (low,) if self.split and not stop and low in self.stop else low
        tid = self.term_index.get(key)
        if tid is None:
            tid = self.term_index[key] = len(self.terms)
            self.terms.append(low)
            self.is_stop.append(stop and self.split)
        return tid, word

    def ids_of(self, toks: list[str], lows: list[str], words: np.ndarray) -> np.ndarray:
        """Term ids (-1: not a term) of distinct tokens, given their ``lower`` and is-word.

        :meth:`piece` for many strings at once (see :func:`piece_ids`).
        """
        word_at = np.flatnonzero(words).tolist()
        keys: list[Any] = [lows[k] for k in word_at]
        stop_set = self.stop
        in_stop = [i for i, low in enumerate(keys) if low in stop_set]
        # is_stopword: lower on the list, unless the token is an all-caps acronym
        acronym = [i for i in in_stop if len(toks[word_at[i]]) > 1 and toks[word_at[i]].isupper()]
        stop = set(in_stop).difference(acronym)  # positions in keys
        if self.split:  # an acronym of a stopword ("US") is its own key beside "us"
            for i in acronym:
                keys[i] = (keys[i],)
        elif not self.stopwords and stop:
            kept = [i for i in range(len(keys)) if i not in stop]
            word_at, keys = [word_at[i] for i in kept], [keys[i] for i in kept]
        index = self.term_index
        found: list[Any] = list(map(index.get, keys))
        for i in [i for i, tid in enumerate(found) if tid is None]:
            key = keys[i]
            tid = index.get(key)
            if tid is None:
                tid = index[key] = len(self.terms)
                self.terms.append(lows[word_at[i]])
                self.is_stop.append(self.split and i in stop)
            found[i] = tid
        out = np.full(len(toks), -1, dtype=np.int64)
        out[np.asarray(word_at, dtype=np.int64)] = found
        return out


def piece_ids(uniq: Sequence[str], table: TermTable) -> tuple[np.ndarray, np.ndarray]:
    """``(term id or -1, is a word)`` arrays for distinct token (piece) strings ``uniq``.

    Equal to :meth:`TermTable.piece` on each string in turn (new terms get
    ids in the order of ``uniq``), with the per-string work done on all of
    them at once: one :func:`fold` and one ``casefold`` of the strings joined
    by newlines (both map characters one by one, and no token holds
    whitespace), one regex pass for :func:`is_word`, and a dictionary lookup
    per string. The stopword test runs only for strings whose ``lower`` is on
    the list.

    >>> t = TermTable(split=True)
    >>> tids, words = piece_ids(["it", "IT", "—", "Iran", "iran"], t)
    >>> tids.tolist(), words.tolist(), t.terms, t.is_stop
    ([0, 1, -1, 2, 2], [True, True, False, True, True], ['it', 'it', 'iran'], [True, False, False])
    """
    n = len(uniq)
    toks = uniq if isinstance(uniq, list) else list(uniq)
    joined = "\n".join(toks)
    lows = fold(joined).casefold().split("\n")
    alnum = _NOT_ALNUM_RE.sub("", joined).split("\n")
    if len(lows) != n or len(alnum) != n:  # a string with a newline: one at a time
        attrs = [table.piece(u) for u in toks]
        tids = np.fromiter((t for t, _ in attrs), dtype=np.int64, count=n)
        return tids, np.fromiter((w for _, w in attrs), dtype=bool, count=n)
    words = np.fromiter(map(len, alnum), dtype=np.int64, count=n) > 0
    return table.ids_of(toks, lows, words), words


class _BatchChunks(NamedTuple):
    """A batch's (document x distinct chunk) counts and those chunks.

    ``chunks`` is an Arrow string array (the batch's dictionary of chunks) or,
    on the Python fallback, a list of str.
    """

    matrix: sp.csr_matrix
    chunks: Any


# every character below U+3001 and a few near-spaces Unicode tables disagree about
_SPACE_PROBE = "".join(map(chr, range(1, 0x3001))) + "\u180e\u200b\u2060\ufeff"


@lru_cache(maxsize=1)
def arrow_splits_at_whitespace() -> bool:
    """True if pyarrow's ``ascii_split_whitespace`` splits only where ``str.isspace()``.

    Checked once; when it does not hold, counting splits in Python (same
    result, slower). The test suite checks every code point.
    """
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:  # pragma: no cover - pyarrow is a dependency
        return False
    probes = ["a" + c + "a" for c in _SPACE_PROBE]
    parts = pc.list_value_length(pc.ascii_split_whitespace(pa.array(probes))).to_pylist()
    return all(n == 1 or c.isspace() for c, n in zip(_SPACE_PROBE, parts, strict=True))


def _split_python(texts: list[str]) -> tuple[np.ndarray, np.ndarray, list[str]]:
    per_doc = [t.split() for t in texts]
    lens = np.fromiter(map(len, per_doc), dtype=np.int64, count=len(per_doc))
    flat = np.array(list(chain.from_iterable(per_doc)) + [""], dtype=object)[:-1]
    del per_doc
    codes, uniq = pd.factorize(flat, sort=False)
    return np.repeat(np.arange(len(texts), dtype=np.int32), lens), codes, list(uniq)


def transient_arrow(texts: list[str]) -> Any:
    r"""``texts`` as one Arrow string array, for texts dropped right after counting.

    Arrow reads a Python ``str`` through its UTF-8 form, which Python then
    keeps inside every non-ASCII ``str`` for as long as it lives (:func:`batch_chunks`
    encodes a list itself to avoid that). For a streamed batch, whose texts go
    with the batch, that copy costs nothing and converting directly is about
    four times cheaper. A text that is not valid UTF-8 (a lone surrogate)
    gives back the list, which counting then handles as it does any list.

    >>> transient_arrow(["a b", "é"]).to_pylist(), transient_arrow(["\ud800"])
    (['a b', 'é'], ['\ud800'])
    """
    import pyarrow as pa

    try:
        return pa.array(texts, type=pa.large_string())
    except (UnicodeError, ValueError, pa.ArrowException):
        return texts


def _split_arrow(texts: Any) -> tuple[np.ndarray, np.ndarray, Any]:
    import pyarrow as pa
    import pyarrow.compute as pc

    if isinstance(texts, list):
        # encoded here, not by Arrow: Arrow would keep a UTF-8 copy inside each str
        raw = pa.array([t.encode("utf-8") for t in texts], type=pa.large_binary())
        texts = raw.cast(pa.large_string())
    lists = pc.ascii_split_whitespace(texts)
    doc = np.repeat(np.arange(len(texts), dtype=np.int32), np.diff(lists.offsets.to_numpy()))
    # "" (whitespace at the edges) is a chunk without tokens: it changes no count
    enc = pc.dictionary_encode(lists.flatten())
    codes = enc.indices.to_numpy(zero_copy_only=False)
    return doc, codes, enc.dictionary


def _chunk_codes(texts: Any) -> tuple[np.ndarray, np.ndarray, Any]:
    """:func:`split_chunks`, with the distinct chunks as an Arrow array when Arrow split them."""
    if arrow_splits_at_whitespace():
        try:
            return _split_arrow(texts)
        except (UnicodeError, ValueError):  # lone surrogates cannot be UTF-8
            pass
    return _split_python(texts if isinstance(texts, list) else texts.to_pylist())


def split_chunks(texts: Any) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Chunks of ``texts`` split at whitespace: the text of each chunk, codes, distinct chunks.

    ``texts`` is a list of str or an Arrow string array. Codes are in
    first-seen order. Arrow splits at ASCII whitespace only (a chunk may
    hold a no-break space) and keeps empty chunks at the edges; neither
    changes a count, because a chunk is tokenized as a whole and no token
    contains whitespace. Python's ``str.split()`` is the fallback.

    >>> doc, codes, uniq = split_chunks(["a b a", "b c"])
    >>> doc.tolist(), codes.tolist(), uniq
    ([0, 0, 0, 1, 1], [0, 1, 0, 1, 2], ['a', 'b', 'c'])
    """
    doc, codes, uniq = _chunk_codes(texts)
    return doc, codes, uniq if isinstance(uniq, list) else uniq.to_pylist()


def batch_chunks(texts: Any) -> _BatchChunks:
    """Count the whitespace-separated chunks of a batch of documents (pure: run in workers)."""
    doc, codes, uniq = _chunk_codes(texts)
    # one entry per chunk occurrence (repeated, unsorted columns): the sparse products
    # below add repeats up, so no sort is needed here
    indptr = np.zeros(len(texts) + 1, dtype=np.int64)
    np.cumsum(np.bincount(doc, minlength=len(texts)), out=indptr[1:])
    ones = np.ones(len(codes), dtype=np.int32)
    mat = sp.csr_matrix((ones, codes.astype(np.int32), indptr), shape=(len(texts), len(uniq)))
    return _BatchChunks(mat, uniq)


def _chunk_keys(chunks: Any) -> Any:
    """Chunks as Arrow binary keys: their UTF-8 bytes (a lone surrogate kept as is)."""
    import pyarrow as pa

    if isinstance(chunks, list):
        return pa.array([c.encode("utf-8", "surrogatepass") for c in chunks], pa.large_binary())
    return chunks.cast(pa.large_binary())


_HASH_MUL = np.uint64(0x100000001B3)  # odd: powers of it are units mod 2**64
_POWERS = [np.ones(1, dtype=np.uint64)]  # _HASH_MUL ** k mod 2**64, grown on demand


def _hash_powers(n: int) -> np.ndarray:
    """``_HASH_MUL ** k`` for ``k < n`` (mod 2**64), computed by doubling and kept."""
    pw = _POWERS[0]
    while len(pw) < n:
        step = pw[-1] * _HASH_MUL  # _HASH_MUL ** len(pw)
        pw = np.concatenate([pw, pw * step])
    _POWERS[0] = pw
    return pw


def binary_hashes(keys: Any) -> np.ndarray:
    """A 64-bit hash (``uint64``) of each value of an Arrow binary array, with array operations.

    A polynomial of the bytes mod 2**64 mixed with the length (then murmur's
    finalizer): equal bytes give equal hashes; different bytes usually give
    different ones, and :class:`ChunkTerms` checks every hash hit against the
    bytes, so a collision costs time, never a wrong id.

    >>> import pyarrow as pa
    >>> h = binary_hashes(pa.array([b"ab", b"", b"ab", b"ba"], pa.large_binary()))
    >>> bool(h[0] == h[2]), bool(h[0] == h[3]), h.dtype.name
    (True, False, 'uint64')
    """
    import pyarrow as pa

    if keys.type != pa.large_binary():
        keys = keys.cast(pa.large_binary())
    n = len(keys)
    bufs = keys.buffers()
    offsets = np.frombuffer(bufs[1], dtype=np.int64)[keys.offset : keys.offset + n + 1]
    lens = np.diff(offsets).astype(np.uint64)
    h = lens * np.uint64(0x9E3779B97F4A7C15)
    if n and offsets[-1] > offsets[0]:
        data = np.frombuffer(bufs[2], dtype=np.uint8)[offsets[0] : offsets[-1]]
        local = offsets[:-1] - offsets[0]
        ln = lens.astype(np.int64)
        pos = np.arange(len(data), dtype=np.int64) - np.repeat(local, ln)
        with np.errstate(over="ignore"):
            terms = (data.astype(np.uint64) + np.uint64(1)) * _hash_powers(int(ln.max()))[pos]
            full = np.flatnonzero(ln)
            h[full] += np.add.reduceat(terms, local[full])
    with np.errstate(over="ignore"):  # murmur3's 64-bit finalizer
        h ^= h >> np.uint64(33)
        h *= np.uint64(0xFF51AFD7ED558CCD)
        h ^= h >> np.uint64(33)
        h *= np.uint64(0xC4CEB93FE53A4E63)
        h ^= h >> np.uint64(33)
    return h


class ChunkTerms:
    """Every distinct chunk seen so far -> its terms, as a sparse chunk x term matrix.

    A chunk is a run of non-whitespace. No alternative of :data:`TOKEN_RE`
    matches whitespace and none looks behind, and :func:`fold` maps
    whitespace to whitespace only, so the tokens of a text are the tokens of
    its chunks, in order: the pattern runs once per distinct chunk (all new
    chunks of a batch joined by spaces, one :func:`token_spans` pass), not
    once per token. The known chunks are kept as Arrow arrays, with a sorted
    array of their 64-bit hashes (:func:`binary_hashes`) that lives as long
    as they do: a batch finds its chunks by hashing them and one binary
    search, each hit confirmed by comparing bytes (no hash table is rebuilt
    per batch), and only the new chunks become Python strings.

    Past ``_MAX_CHUNKS`` known chunks the cache keeps the half used in the
    most batches (:meth:`_evict`) instead of starting empty: the next batches
    then tokenize the chunks they are the first to see, not again the common
    chunks every batch holds. Which chunks are kept changes no count and no
    term id (term ids live in the :class:`TermTable`).
    """

    def __init__(self, table: TermTable) -> None:
        self.table = table
        self._reset()

    def _reset(self) -> None:
        self.known: list[Any] = []  # Arrow binary arrays: chunk id -> bytes, in id order
        self.hashes = np.empty(0, dtype=np.uint64)  # hashes of the known chunks, sorted
        self.hash_ids = np.empty(0, dtype=np.int64)  # the chunk id of each sorted hash
        self.indptr = np.zeros(1, dtype=np.int64)
        self.indices = np.empty(0, dtype=np.int64)
        self.words = np.empty(0, dtype=np.int64)
        self.uses = np.empty(0, dtype=np.int32)  # batches each known chunk was in (aged)

    def ids(self, chunks: Any) -> np.ndarray:
        """The chunk id of every (distinct) chunk in ``chunks``; new chunks are added."""
        keys = _chunk_keys(chunks)
        if len(self.known) > 1:
            self.known = [pa_concat(self.known)]
        if len(self.words) > _MAX_CHUNKS:  # a cache only: memory stays bounded
            self._evict(_MAX_CHUNKS // 2)
        hashes = binary_hashes(keys)
        ids = self._lookup(keys, hashes)
        new = np.flatnonzero(ids < 0)
        if len(new):
            base = len(self.words)
            if isinstance(chunks, list):
                fresh = [chunks[k] for k in new.tolist()]
            else:
                fresh = chunks.take(new).to_pylist()
            self._add(fresh)
            self.known.append(keys.take(new))
            ids[new] = np.arange(base, base + len(new))
            self._add_hashes(hashes[new], ids[new])
            self.uses = np.concatenate([self.uses, np.zeros(len(new), dtype=np.int32)])
        self.uses[ids] += 1
        return ids

    def _evict(self, keep: int) -> None:
        """Keep the ``keep`` chunks used in the most batches (ties: the older), ids renumbered.

        Kept chunks keep their order; the hashes stay sorted (a subset of a sorted
        array); the use counts are halved, so chunks common long ago give way.
        """
        import pyarrow as pa

        n = len(self.words)
        rank = np.lexsort((np.arange(n), -self.uses.astype(np.int64)))
        kept = np.sort(rank[:keep])
        new_id = np.full(n, -1, dtype=np.int64)
        new_id[kept] = np.arange(len(kept))
        self.known = [self.known[0].take(pa.array(kept))] if self.known else []
        mapped = new_id[self.hash_ids]
        self.hashes, self.hash_ids = self.hashes[mapped >= 0], mapped[mapped >= 0]
        lens = np.diff(self.indptr)
        self.indices = self.indices[np.repeat(new_id >= 0, lens)]
        self.indptr = np.concatenate([[0], np.cumsum(lens[kept])]).astype(np.int64)
        self.words = self.words[kept]
        self.uses = self.uses[kept] >> 1

    def _lookup(self, keys: Any, hashes: np.ndarray) -> np.ndarray:
        """Known chunk ids of ``keys`` (-1: new): hash, binary search, bytes compared."""
        import pyarrow as pa
        import pyarrow.compute as pc

        ids = np.full(len(keys), -1, dtype=np.int64)
        if not len(self.hashes) or not len(keys):
            return ids
        # searched in hash order: each search starts near the last (half the cache misses)
        order = np.argsort(hashes)
        pos = np.empty_like(order)
        pos[order] = np.searchsorted(self.hashes, hashes[order])
        pos = pos.clip(0, len(self.hashes) - 1)
        hit = np.flatnonzero(self.hashes[pos] == hashes)
        cand = self.hash_ids[pos[hit]]
        same = pc.equal(keys.take(pa.array(hit)), self.known[0].take(pa.array(cand)))
        ok = np.asarray(same.to_numpy(zero_copy_only=False), dtype=bool)
        ids[hit[ok]] = cand[ok]
        if not ok.all():  # two chunks share a hash: an exact lookup for these few
            bad = hit[~ok]
            found = pc.fill_null(pc.index_in(keys.take(pa.array(bad)), self.known[0]), -1)
            ids[bad] = np.asarray(found.to_numpy(zero_copy_only=False), dtype=np.int64)
        return ids

    def _add_hashes(self, hashes: np.ndarray, ids: np.ndarray) -> None:
        """Insert new chunks' hashes into the sorted hash array (no sort of the old ones)."""
        order = np.argsort(hashes, kind="stable")
        at = np.searchsorted(self.hashes, hashes[order])
        self.hashes = np.insert(self.hashes, at, hashes[order])
        self.hash_ids = np.insert(self.hash_ids, at, ids[order])

    def matrix(self) -> sp.csr_matrix:
        """Chunk x term counts of every known chunk (columns: term ids so far)."""
        shape = (len(self.words), len(self.table.terms))
        data = np.ones(len(self.indices), dtype=np.int32)
        return sp.csr_matrix((data, self.indices, self.indptr), shape=shape)

    def rows(self, chunks: Any) -> tuple[sp.csr_matrix, np.ndarray]:
        """``(chunk x term counts, words per chunk)`` for ``chunks``."""
        ids = self.ids(chunks)
        return self.matrix()[ids], self.words[ids]

    def _add(self, fresh: list[str]) -> None:
        """Rows of new (distinct) chunks: one tokenizer pass over all of them joined by spaces."""
        joined = " ".join(fresh)
        starts, ends = token_spans(fold(joined))
        lens = np.fromiter(map(len, fresh), dtype=np.int64, count=len(fresh))
        chunk_start = np.cumsum(lens + 1) - lens - 1
        owner = np.searchsorted(chunk_start, starts, side="right") - 1
        codes, uniq = _token_types(joined, starts, ends)
        tids, word = piece_ids(uniq, self.table)
        tid, owner_word = tids[codes], word[codes]
        words = np.bincount(owner[owner_word], minlength=len(fresh)).astype(np.int64)
        counted = tid >= 0
        n_per = np.bincount(owner[counted], minlength=len(fresh))
        self.indptr = np.concatenate([self.indptr, self.indptr[-1] + np.cumsum(n_per)])
        self.indices = np.concatenate([self.indices, tid[counted]])  # owner order: sorted
        self.words = np.concatenate([self.words, words])


def _token_types(text: str, starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """``(codes, distinct token strings)`` of the spans of ``text`` (first-use order).

    The strings are the raw text's (what :func:`is_word` and the stopword
    test read; :func:`piece_ids` folds them). Hashed by Arrow; a lone
    surrogate (not UTF-8) makes them Python strings.
    """
    try:
        return token_codes(text, starts, ends)
    except UnicodeError:
        pieces = [text[a:b] for a, b in zip(starts.tolist(), ends.tolist(), strict=True)]
        codes, uniq = pd.factorize(np.array(pieces + [""], dtype=object)[:-1], sort=False)
        return codes, list(uniq)


def pa_concat(arrays: list[Any]) -> Any:
    """One Arrow array from several of one type."""
    import pyarrow as pa

    return pa.concat_arrays(arrays)


def chunk_counts(batch: _BatchChunks, chunks: ChunkTerms) -> tuple[sp.csr_matrix, np.ndarray]:
    """A batch's document x term counts (columns: ids so far) and word tokens per document.

    The batch's chunk columns are renumbered to chunk ids, and one sparse
    product with the chunk x term matrix of every known chunk gives the counts.
    """
    ids = chunks.ids(batch.chunks)
    m = batch.matrix
    n_known = len(chunks.words)
    by_id = sp.csr_matrix((m.data, ids[m.indices], m.indptr), shape=(m.shape[0], n_known))
    counts = sp.csr_matrix(by_id @ chunks.matrix(), dtype=np.int32)
    n_words = np.asarray(by_id @ chunks.words).ravel().astype(np.int64)
    return counts, n_words


# --------------------------------------------------------------------------
# bigrams: two consecutive word tokens of one sentence
# --------------------------------------------------------------------------
def _bigram_batch(
    args: tuple[list[str], tuple[np.ndarray, np.ndarray] | None], table: TermTable
) -> Any:
    texts, spans = args
    b = token_batch(texts, spans)
    toks = b["token"]
    doc, sent = b["doc"], b["sent_id"]
    codes, uniq = pd.factorize(np.array(toks + [""], dtype=object)[:-1], sort=False)
    low_u, word_u = piece_ids(uniq, table)
    n_words = np.bincount(doc[word_u[codes]], minlength=len(texts)).astype(np.int64)
    low = low_u[codes]
    ok = low >= 0
    pair = ok[:-1] & ok[1:] & (doc[:-1] == doc[1:]) & (sent[:-1] == sent[1:])
    idx = np.flatnonzero(pair)
    return doc[idx], low[idx], low[idx + 1], n_words


class _Bigrams:
    """Bigram term ids: pairs of unigram ids -> ``"a b"`` terms (first-seen order)."""

    def __init__(self, table: TermTable) -> None:
        self.table = table
        self.index: dict[tuple[int, int], int] = {}
        self.terms: list[str] = []
        self.is_stop: list[bool] = []  # a stopword on either side (split tables)

    def ids(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        key = a.astype(np.int64) * (1 << 31) + b
        codes, uniq = pd.factorize(key, sort=False)
        names = self.table.terms
        gmap = np.empty(len(uniq), dtype=np.int64)
        for k, u in enumerate(uniq.tolist()):
            pair = (u >> 31, u & ((1 << 31) - 1))
            tid = self.index.get(pair)
            if tid is None:
                tid = self.index[pair] = len(self.terms)
                self.terms.append(f"{names[pair[0]]} {names[pair[1]]}")
                stop = self.table.is_stop
                self.is_stop.append(stop[pair[0]] or stop[pair[1]])
            gmap[k] = tid
        return gmap[codes] if len(codes) else np.empty(0, np.int64)


# --------------------------------------------------------------------------
# building the matrix
# --------------------------------------------------------------------------
def _batch_bounds(n_docs: int, n_jobs: int) -> list[tuple[int, int]]:
    """Document ranges per batch: ``_BATCH``, or smaller so a pool gets >= 4 batches each."""
    size = _BATCH if n_jobs == 1 else max(250, min(_BATCH, -(-n_docs // (4 * n_jobs))))
    return [(i, min(i + size, n_docs)) for i in range(0, n_docs, size)]


_BATCH_CHARS = 16_000_000  # characters per counting batch (~3M tokens of strings at a time)


def _char_bounds(lengths: np.ndarray, n_jobs: int) -> list[tuple[int, int]]:
    """Document ranges of about ``_BATCH_CHARS`` characters (>= 4 batches per process)."""
    n = len(lengths)
    total = int(lengths.sum())
    budget = _BATCH_CHARS if n_jobs == 1 else min(_BATCH_CHARS, total // (4 * n_jobs) + 1)
    ends = np.searchsorted(np.cumsum(lengths), np.arange(budget, total, budget), side="left")
    cuts = sorted_unique(np.concatenate([[0], ends + 1, [n]]).clip(0, n), in_place=True)
    return [(int(a), int(b)) for a, b in zip(cuts[:-1], cuts[1:], strict=True)]


class TextColumn(Sequence[str]):
    """The texts behind counts: one Arrow string array when they come as one, else a list.

    A corpus keeps its ``text`` column in Arrow; counting reads it batch by
    batch from there, and a Python ``str`` is made only for a document asked
    for (evidence re-reads a few), so the counts do not hold a second copy of
    the corpus text.

    >>> col = TextColumn(pd.Series(["Gaza talks.", "Talks."], dtype="string[pyarrow]"))
    >>> len(col), col[1], col.take([1, 0]), col.lengths().tolist()
    (2, 'Talks.', ['Talks.', 'Gaza talks.'], [11, 6])
    """

    def __init__(self, texts: Any) -> None:
        if isinstance(texts, str):
            raise CorpusValueError(
                f"texts={texts[:40]!r}...: give a list of texts, not one str; e.g. texts=[text]."
            )
        self.arrow = _arrow_strings(texts)
        self.strings: list[str] = [] if self.arrow is not None else [str(t) for t in texts]

    def __len__(self) -> int:
        return len(self.arrow) if self.arrow is not None else len(self.strings)

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if self.arrow is None:
            return self.strings[i]
        if isinstance(i, slice):
            return self.take(range(len(self))[i])
        return str(self.arrow[i].as_py())

    def take(self, rows: Sequence[int] | np.ndarray) -> list[str]:
        """The texts of ``rows``, as Python strings."""
        pos = np.asarray(rows, dtype=np.int64)
        if self.arrow is None:
            return [self.strings[r] for r in pos.tolist()]
        return arrow_take(self.arrow, pos)

    def batch(self, i: int, j: int, compact: bool = False) -> Any:
        """Documents ``i:j`` as counting takes them (``compact``: own buffers, for a worker)."""
        if self.arrow is None:
            return self.strings[i:j]
        import pyarrow as pa

        part = self.arrow.slice(i, j - i)
        if isinstance(part, pa.ChunkedArray):  # a batch is one array; only it is copied
            part = part.chunk(0) if part.num_chunks == 1 else part.combine_chunks()
        if compact:  # a slice would pickle the whole column's buffers
            part = pa.concat_arrays([part])
        return part

    def lengths(self) -> np.ndarray:
        """Characters (code points) per text."""
        if self.arrow is None:
            return np.fromiter(map(len, self.strings), dtype=np.int64, count=len(self.strings))
        import pyarrow.compute as pc

        return np.asarray(pc.utf8_length(self.arrow).to_numpy(zero_copy_only=False), np.int64)


def arrow_take(arr: Any, rows: np.ndarray) -> list[str]:
    """``arr[rows]`` as Python strings, each chunk of a chunked array taken on its own.

    Arrow's ``take`` on a chunked string array first concatenates every chunk
    (pyarrow 26: a transient copy of the whole corpus text, 450 MB at 100,000
    generated documents); here only the wanted rows are copied.

    >>> import pyarrow as pa
    >>> col = pa.chunked_array([["a", "b"], ["c"], ["d", "e"]], type=pa.large_string())
    >>> arrow_take(col, np.array([4, 0, 2, 0]))
    ['e', 'a', 'c', 'a']
    """
    import pyarrow as pa

    if not isinstance(arr, pa.ChunkedArray):
        return [str(t) for t in arr.take(pa.array(rows, type=pa.int64())).to_pylist()]
    out: list[str] = [""] * len(rows)
    for where, taken in chunk_takes(arr, rows):
        for at, text in zip(where, taken.to_pylist(), strict=True):
            out[at] = str(text)
    return out


def _arrow_strings(texts: Any) -> Any:
    """``texts`` as Arrow ``large_string`` (array or chunked) if they are Arrow-backed, else None.

    A chunked column (as the loader builds it) stays chunked: the cast shares
    the text bytes, so no copy of the corpus text is made here.
    """
    if isinstance(texts, TextColumn):
        return texts.arrow
    if not isinstance(texts, pd.Series) or not isinstance(texts.dtype, pd.StringDtype):
        return None
    if texts.dtype.storage != "pyarrow" or texts.isna().any():
        return None
    import pyarrow as pa

    arr = pa.array(texts.array)
    return arr.cast(pa.large_string())


def _own_pages(values: np.ndarray) -> np.ndarray:
    """A copy of ``values`` in its own anonymous memory map (large arrays only).

    Freeing it hands the pages back to the system at once; freed heap memory
    may stay with the process and be counted in its resident set.
    """
    if values.nbytes < 1 << 20:
        return values
    out = np.frombuffer(mmap.mmap(-1, values.nbytes), dtype=values.dtype, count=values.size)
    out[:] = values
    return out


def _paged(mat: sp.csr_matrix) -> sp.csr_matrix:
    """A batch's counts, kept until every batch is counted, with its entries in own pages.

    :func:`_stack` copies the batches into the final matrix one by one; each
    copied batch is then returned to the system, so the peak is the final
    matrix plus one batch, not the final matrix plus all batches.
    """
    mat.data = _own_pages(mat.data)
    mat.indices = _own_pages(mat.indices)
    return mat


def _unigram_parts(
    texts: TextColumn, table: TermTable, n_jobs: int
) -> Iterator[tuple[sp.csr_matrix, np.ndarray]]:
    bounds = _char_bounds(texts.lengths(), n_jobs)
    jobs = n_jobs if len(bounds) > 1 else 1
    chunks = ChunkTerms(table)
    batches = (texts.batch(i, j, compact=jobs > 1) for i, j in bounds)
    for batch in ordered_map(batch_chunks, batches, jobs):
        counts, n_words = chunk_counts(batch, chunks)
        del batch
        paged = _paged(counts)
        del counts
        release_memory()  # a batch's freed heap pages: without this the process grows by them
        yield paged, n_words


def _bigram_parts(
    texts: TextColumn, table: TermTable, bigrams: _Bigrams, spans: Any
) -> Iterator[tuple[sp.csr_matrix, np.ndarray]]:
    for i, j in _batch_bounds(len(texts), 1):
        part = None
        if spans is not None:
            rows, first = spans
            part = (rows[first[i] : first[j]], first[i : j + 1] - first[i])
        doc, a, b, n_words = _bigram_batch((texts.take(range(i, j)), part), table)
        cols = bigrams.ids(a, b)
        mat = sp.csr_matrix(
            (np.ones(len(doc), dtype=np.int32), (doc, cols)),
            shape=(j - i, max(len(bigrams.terms), 1)),
            dtype=np.int32,
        )
        paged = _paged(mat)
        del mat, doc, a, b, cols
        release_memory()
        yield paged, n_words


def _stack(parts: list[sp.csr_matrix], column: np.ndarray, n_cols: int) -> sp.csr_matrix:
    """One CSR matrix from the batches, term ids mapped to ``column``, indices sorted.

    Ids mapped to one column are added up. The batches are copied into
    arrays allocated once and dropped one by one, so the peak is the matrix
    plus one batch, not twice the matrix.
    """
    n_docs = sum(m.shape[0] for m in parts)
    nnz = sum(m.nnz for m in parts)
    data = np.empty(nnz, dtype=np.int32)
    indices = np.empty(nnz, dtype=np.int32)
    indptr = np.zeros(n_docs + 1, dtype=np.int64)
    row = pos = 0
    while parts:
        m = parts.pop(0)
        data[pos : pos + m.nnz] = m.data
        indices[pos : pos + m.nnz] = column[m.indices]
        indptr[row + 1 : row + 1 + m.shape[0]] = pos + m.indptr[1:]
        row, pos = row + m.shape[0], pos + m.nnz
        del m
    mat = sp.csr_matrix((data, indices, indptr), shape=(n_docs, n_cols))
    mat.has_sorted_indices = False
    mat.has_canonical_format = False
    mat.sum_duplicates()  # sorts; "it" and "IT" (two ids, one term) add up
    return mat


def _extract(
    parts: list[sp.csr_matrix], key_mask: np.ndarray, column: np.ndarray, n_cols: int
) -> sp.csr_matrix:
    """The entries of the ids in ``key_mask`` (few), as a matrix with ``column`` per id."""
    rows, cols, data = [np.empty(0, np.int64)], [np.empty(0, np.int64)], [np.empty(0, np.int32)]
    row0 = 0
    for m in parts:
        hit = np.flatnonzero(key_mask[m.indices]) if len(key_mask) else np.empty(0, np.int64)
        rows.append(np.searchsorted(m.indptr, hit, side="right") - 1 + row0)
        cols.append(column[m.indices[hit]])
        data.append(m.data[hit])
        row0 += m.shape[0]
    coo = (np.concatenate(data), (np.concatenate(rows), np.concatenate(cols)))
    return sp.csr_matrix(coo, shape=(row0, n_cols), dtype=np.int32)


def _str_order(values: Sequence[str]) -> np.ndarray:
    """``np.argsort(values, kind="stable")`` for strings, sorted by Arrow.

    Arrow compares UTF-8 bytes, and UTF-8 byte order is code point order,
    Python's string order; a lone surrogate (not UTF-8) falls back to numpy.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        arr = pa.array(values if isinstance(values, list) else list(values), pa.large_string())
    except (UnicodeError, pa.ArrowException):
        return np.argsort(object_array(values), kind="stable")
    return np.asarray(pc.array_sort_indices(arr).to_numpy(), dtype=np.int64)


def _unique_strings(values: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(values, return_inverse=True)`` for strings: distinct values sorted, codes.

    >>> u, inv = _unique_strings(["b", "a", "b", "c"])
    >>> u.tolist(), inv.tolist()
    (['a', 'b', 'c'], [1, 0, 1, 2])
    """
    codes, uniq = pd.factorize(object_array(values), sort=False)
    order = _str_order(list(uniq))
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order), dtype=np.int64)
    return object_array(uniq[order]), rank[codes].astype(np.int64)


def _dense_rank(values: np.ndarray) -> np.ndarray:
    """Rank of each value (0 = smallest; values distinct)."""
    rank = np.empty(len(values), dtype=np.int64)
    rank[np.argsort(values, kind="stable")] = np.arange(len(values), dtype=np.int64)
    return rank


class StopParts(NamedTuple):
    """What turns counts with stopwords into counts without them, with no second count.

    Columns are those of the counts with stopwords. ``pure``: the term never
    occurs as a stopword, so its column carries over. ``keep``: the term
    occurs as a non-stopword (a column of the counts without stopwords).
    ``extra``: documents x kept columns, the non-stopword occurrences of the
    terms that are stopwords elsewhere (``IT`` beside ``it``). ``first_seen``:
    the order of first appearance of the kept columns (None when the counts
    have no such order). :func:`corpus_tools.languages.stopword_parts` gives
    the parts of any language's list.
    """

    pure: np.ndarray
    keep: np.ndarray
    extra: sp.csr_matrix
    first_seen: np.ndarray | None


def _assemble(
    parts: list[sp.csr_matrix], names: list[str], is_stop: list[bool]
) -> tuple[sp.csr_matrix, np.ndarray, np.ndarray, StopParts]:
    """Counts with stopwords (terms alphabetical), their first-seen order and stop parts.

    ``names`` and ``is_stop`` describe the ids of a split :class:`TermTable`
    (ids in order of first appearance; one term may have two ids).
    """
    n_keys = len(names)
    terms, column = _unique_strings(names)
    stop = np.array(is_stop, dtype=bool)
    n_cols = len(terms)
    ids = np.arange(n_keys, dtype=np.int64)
    first = np.full(n_cols, n_keys, dtype=np.int64)
    np.minimum.at(first, column, ids)
    first_kept = np.full(n_cols, n_keys, dtype=np.int64)
    np.minimum.at(first_kept, column[~stop], ids[~stop])
    has_stop = np.bincount(column[stop], minlength=n_cols) > 0
    keep = np.bincount(column[~stop], minlength=n_cols) > 0
    kept_column = np.cumsum(keep) - 1
    extra = _extract(parts, ~stop & has_stop[column], kept_column[column], int(keep.sum()))
    matrix = _stack(parts, column.astype(np.int32), n_cols)
    parts_ = StopParts(keep & ~has_stop, keep, extra, _dense_rank(first_kept[keep]))
    return matrix, terms, _dense_rank(first), parts_


def _keep_columns(
    mat: sp.csr_matrix,
    col_mask: np.ndarray,
    new_col: np.ndarray,
    n_new: int,
    extra: sp.csr_matrix | None = None,
) -> sp.csr_matrix:
    """The columns of ``mat`` in ``col_mask``, numbered ``new_col`` (increasing), plus ``extra``.

    ``extra`` (rows x ``n_new``, canonical) holds entries in columns no kept
    column maps to. Rows are merged block by block into arrays allocated
    once, so the result costs one matrix, not a copy and a sum.
    """
    n_rows = mat.shape[0]
    if extra is None:
        extra = sp.csr_matrix((n_rows, n_new), dtype=np.int32)
    per_col = np.bincount(mat.indices, minlength=len(col_mask))
    total = int(per_col[col_mask].sum()) + extra.nnz
    data = np.empty(total, dtype=np.int32)
    indices = np.empty(total, dtype=np.int32)
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    pos = 0
    for r0, r1 in _row_blocks(mat.indptr, 2 * _CELL_CHUNK):
        parts = []
        for m, cols in ((mat, None), (extra, True)):
            a, b = int(m.indptr[r0]), int(m.indptr[r1])
            rows = np.repeat(np.arange(r1 - r0), np.diff(m.indptr[r0 : r1 + 1]))
            ind, val = m.indices[a:b], m.data[a:b]
            if cols is None:
                k = col_mask[ind]
                rows, ind, val = rows[k], new_col[ind[k]], val[k]
            parts.append((rows, ind, val))
        rows, ind, val = (np.concatenate(c) for c in zip(*parts, strict=True))
        if len(parts[1][0]):
            order = np.lexsort((ind, rows))
            rows, ind, val = rows[order], ind[order], val[order]
        n = len(rows)
        indptr[r0 + 1 : r1 + 1] = pos + np.cumsum(np.bincount(rows, minlength=r1 - r0))
        data[pos : pos + n] = val
        indices[pos : pos + n] = ind
        pos += n
    return sp.csr_matrix((data, indices, indptr), shape=(n_rows, n_new))


def count_texts(
    texts: Sequence[str] | pd.Series,
    doc_ids: Sequence[Any] | None = None,
    *,
    groups: Sequence[Any] | None = None,
    by: str = "doc_id",
    ngram: int = 1,
    stopwords: bool = True,
    n_jobs: int = 1,
    spans: tuple[np.ndarray, np.ndarray] | None = None,
) -> DocTermCounts:
    """Count the terms of a list of (cleaned) texts.

    Parameters
    ----------
    texts : sequence of str or pandas.Series
        One cleaned text per document (an Arrow-backed string Series is
        read in place, not copied into Python strings).
    doc_ids : sequence, optional
        Document ids (default ``"0"``, ``"1"``, ...).
    groups : sequence, optional
        A group label per document (default: the document id).
    by : str, default "doc_id"
        The name of the grouping, kept on the result.
    ngram : {1, 2}, default 1
        Unigrams, or bigrams (two consecutive word tokens of one sentence).
    stopwords : bool, default True
        Count stopwords as terms (they always count in ``n_words``). Either
        way the text is counted once; without stopwords is derived from
        with them (:meth:`DocTermCounts.without_stopwords`).
    n_jobs : int, default 1
        Processes matching batches of documents (unigrams); the result does
        not depend on it.
    spans : tuple, optional
        Sentence spans of ``texts`` (``(rows, first)`` as kept by
        :func:`corpus_tools.tokenize.sentence_spans`), used for bigrams.

    Examples
    --------
    >>> c = count_texts(["Iran's envoy left.", "The envoy stayed."], ["a", "b"])
    >>> c.terms.tolist(), c.matrix.toarray().tolist(), c.n_words.tolist()
    (["'s", 'envoy', 'iran', 'left', 'stayed', 'the'], [[1, 1, 1, 1, 0, 0], [0, 1, 0, 0, 1, 1]], [4, 3])
    >>> c.without_stopwords().terms.tolist()
    ['envoy', 'iran', 'left', 'stayed']
    """
    check_n_jobs(n_jobs)
    if ngram not in (1, 2):
        raise invalid_option("ngram", ngram, [1, 2])
    col = TextColumn(texts)
    ids = [str(i) for i in range(len(col))] if doc_ids is None else [str(d) for d in doc_ids]
    table = TermTable(split=True)
    if ngram == 1:
        mats, words = (
            zip(*_unigram_parts(col, table, n_jobs), strict=True) if len(col) else ((), ())
        )
        names, is_stop = table.terms, table.is_stop
    else:
        bigrams = _Bigrams(table)
        parts = list(_bigram_parts(col, table, bigrams, spans))
        mats, words = zip(*parts, strict=True) if parts else ((), ())
        names, is_stop = bigrams.terms, bigrams.is_stop
    batches = list(mats)
    del mats  # _stack drops the batches one by one
    table.term_index.clear()  # the term lookup (~100 bytes a term) is done with
    matrix, terms, first_seen, stop_parts = _assemble(batches, names, is_stop)
    release_memory()
    counts = DocTermCounts(
        matrix=matrix,
        terms=terms,
        doc_ids=object_array(ids),
        n_words=np.concatenate(words) if words else np.zeros(0, dtype=np.int64),
        groups=object_array(ids if groups is None else [str(g) for g in groups]),
        by=by,
        ngram=ngram,
        stopwords=True,
        texts=col,
        first_seen=first_seen,
        stop_parts=stop_parts,
    )
    return counts if stopwords else counts.without_stopwords()


def object_array(values: Sequence[str]) -> np.ndarray:
    """``values`` as a 1-D object array (a list of tuples would not stay 1-D; filled in
    place: no second list of the values)."""
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def doc_term_counts(
    corpus: Corpus,
    by: str = "outlet",
    *,
    ngram: int = 1,
    stopwords: bool = True,
    n_jobs: int = 1,
) -> DocTermCounts:
    """The document x term counts of a corpus, grouped ``by`` a column (kept on the Corpus).

    The matrix is built once per ``Corpus`` and ``ngram`` (cache key
    ``counts.doc_term:ngram=...``), with stopwords; ``stopwords=False``
    derives the counts without them from it
    (:meth:`DocTermCounts.without_stopwords`, not kept), so both tables
    cost one count and one matrix. ``by`` only attaches labels from
    :func:`corpus_tools.group_labels`.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a", "b"], "outlet": ["X", "Y"],
    ...     "text": ["Militants fired.", "Troops left."]}))
    >>> counts = doc_term_counts(c)
    >>> counts.groups.tolist(), counts.terms.tolist(), int(counts.matrix.sum())
    (['X', 'Y'], ['fired', 'left', 'militants', 'troops'], 4)
    """
    require_corpus(corpus, "doc_term_counts")
    check_n_jobs(n_jobs)
    if ngram not in (1, 2):
        raise invalid_option("ngram", ngram, [1, 2])

    def build() -> DocTermCounts:
        spans = sentence_spans(corpus, n_jobs) if ngram == 2 else None
        texts = corpus.docs["text"]
        return count_texts(texts, corpus.doc_ids, ngram=ngram, n_jobs=n_jobs, spans=spans)

    base = corpus.cached(f"counts.doc_term:ngram={ngram}", build)
    labels = group_labels(corpus, by)
    if not np.array_equal(labels.index.to_numpy(dtype=object), base.doc_ids):
        labels = labels.reindex(list(base.doc_ids))
    out = base.with_groups(labels.tolist(), by)
    return out if stopwords else out.without_stopwords()


# --------------------------------------------------------------------------
# the counts object
# --------------------------------------------------------------------------
class GroupTermCounts(NamedTuple):
    """Counts summed per group: what keyness needs (in-memory, streaming and Dask alike).

    ``counts`` and ``docs`` are sparse groups x terms matrices (occurrences,
    and documents containing the term); ``groups`` are the labels in sorted
    order; ``group_tokens`` / ``group_docs`` the word tokens and documents
    of each group.
    """

    groups: list[str]
    terms: np.ndarray
    counts: sp.csr_matrix
    docs: sp.csr_matrix
    group_tokens: np.ndarray
    group_docs: np.ndarray


@dataclass(frozen=True, eq=False)
class DocTermCounts:
    """Sparse document x term counts with a group per document and evidence on demand.

    Attributes
    ----------
    matrix : scipy.sparse.csr_matrix
        ``int32`` counts, one row per document (corpus order), one column per
        term (``terms``, alphabetical).
    terms : numpy.ndarray
        Term strings (``lower`` forms; ``"a b"`` for bigrams).
    doc_ids : numpy.ndarray
        Document ids (str), one per row.
    n_words : numpy.ndarray
        Word tokens per document (``int64``, stopwords included): rate denominators.
    groups : numpy.ndarray
        Group label per document (str, from :func:`corpus_tools.group_labels`).
    by, ngram, stopwords
        How it was built.
    texts : sequence of str, optional
        The texts, for :meth:`occurrences` and :meth:`evidence`.
    first_seen : numpy.ndarray, optional
        Each term's rank in order of first appearance in the corpus (the
        column order of scikit-learn's vectorizers before they sort terms).
    stop_parts : StopParts, optional
        For counts with stopwords: what :meth:`without_stopwords` needs.

    Examples
    --------
    >>> c = count_texts(["Gaza talks.", "Talks in Gaza, talks."], ["a", "b"], groups=["X", "Y"])
    >>> c.occurrences(["talks"])[["doc_id", "sent_id", "start", "end", "term"]].values.tolist()
    [['a', 0, 5, 10, 'talks'], ['b', 0, 0, 5, 'talks'], ['b', 0, 15, 20, 'talks']]
    """

    matrix: sp.csr_matrix
    terms: np.ndarray
    doc_ids: np.ndarray
    n_words: np.ndarray
    groups: np.ndarray
    by: str = "doc_id"
    ngram: int = 1
    stopwords: bool = True
    texts: Sequence[str] | None = None
    first_seen: np.ndarray | None = None
    stop_parts: StopParts | None = None

    def __repr__(self) -> str:
        return (
            f"DocTermCounts({self.matrix.shape[0]:,} documents x {self.matrix.shape[1]:,} terms, "
            f"{self.matrix.nnz:,} non-zero; by={self.by!r}, ngram={self.ngram}, "
            f"stopwords={self.stopwords})"
        )

    def with_groups(self, labels: Sequence[Any], by: str) -> DocTermCounts:
        """The same counts with other group labels (one per document)."""
        return replace(self, groups=object_array([str(g) for g in labels]), by=by)

    def without_stopwords(self, parts: StopParts | None = None) -> DocTermCounts:
        """The counts without stopwords as terms (``n_words`` unchanged), from these.

        Columns of terms that never occur as a stopword are taken over; a
        term that is also a stopword keeps only its other occurrences (an
        acronym: ``IT`` beside ``it``). Equal to counting with
        ``stopwords=False``. ``parts`` (default: the English list as decided
        when counting, ``stop_parts``) says what to leave out: another
        language's are :func:`corpus_tools.languages.stopword_parts`.

        >>> c = count_texts(["IT and it."], ["a"])
        >>> c.terms.tolist(), c.without_stopwords().matrix.toarray().tolist()
        (['and', 'it'], [[1]])
        """
        if parts is None:
            if not self.stopwords:
                return self
            if self.stop_parts is None:
                raise invalid_option("stop_parts", None, ["counts built by count_texts"])
            parts = self.stop_parts
        p = parts
        n_kept = int(np.count_nonzero(p.keep))
        new_col = (np.cumsum(p.keep) - 1).astype(np.int32)
        matrix = _keep_columns(self.matrix, p.pure, new_col, n_kept, p.extra)
        release_memory()
        return replace(
            self,
            matrix=matrix,
            terms=self.terms[p.keep],
            stopwords=False,
            first_seen=p.first_seen,
            stop_parts=None,
        )

    def group_codes(self) -> tuple[np.ndarray, list[str]]:
        """Group index: a code per document into the sorted group labels."""
        codes, uniq = pd.factorize(object_array([str(g) for g in self.groups]), sort=False)
        order = _str_order([str(g) for g in uniq])
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order), dtype=np.int64)
        return rank[codes], [str(uniq[k]) for k in order.tolist()]

    def group_counts(self) -> GroupTermCounts:
        """Occurrences and documents per (group, term), summed with sparse products.

        Documents per cell come from the matrix's structure with ones, taken a
        block of rows at a time (no second matrix of the corpus' size).
        """
        codes, names = self.group_codes()
        n_docs = len(codes)
        ind = sp.csr_matrix(
            (np.ones(n_docs, dtype=np.int32), (codes, np.arange(n_docs))),
            shape=(len(names), n_docs),
        )
        mat = self.matrix
        docs = sp.csr_matrix((len(names), mat.shape[1]), dtype=np.int64)
        for r0, r1 in _row_blocks(mat.indptr, 8 * _CELL_CHUNK):
            a, b = int(mat.indptr[r0]), int(mat.indptr[r1])
            present = sp.csr_matrix(
                (np.ones(b - a, dtype=np.int32), mat.indices[a:b], mat.indptr[r0 : r1 + 1] - a),
                shape=(r1 - r0, mat.shape[1]),
            )
            docs = sp.csr_matrix(docs + ind[:, r0:r1] @ present, dtype=np.int64)
        release_memory()
        tokens = np.bincount(codes, weights=self.n_words, minlength=len(names))
        return GroupTermCounts(
            groups=names,
            terms=self.terms,
            counts=sp.csr_matrix(ind @ mat, dtype=np.int64),
            docs=docs,
            group_tokens=tokens.astype(np.int64),
            group_docs=np.bincount(codes, minlength=len(names)).astype(np.int64),
        )

    def term_table(self, min_count: int = 1) -> pd.DataFrame:
        """The :func:`term_frequencies` table of these counts."""
        return _freq_table(self, min_count)

    def occurrences(
        self, terms: Sequence[str], doc_ids: Sequence[str] | None = None
    ) -> pd.DataFrame:
        """Every occurrence of ``terms``: ``doc_id, sent_id, start, end, term``.

        Only the documents that hold one of the terms (and are in ``doc_ids``,
        when given) are tokenized again; offsets are half-open character
        offsets into the text, ``sent_id`` as in :func:`corpus_tools.tokens`.
        """
        tids = pd.Index(self.terms, dtype=object).get_indexer(list(terms))
        wanted = np.zeros(len(self.terms), dtype=bool)
        wanted[tids[tids >= 0]] = True
        mat = self.matrix
        hit = np.flatnonzero(wanted[mat.indices]) if mat.nnz else np.empty(0, np.int64)
        docs = sorted_unique(
            np.searchsorted(mat.indptr, hit, side="right") - 1, in_place=True
        ).astype(np.int64)
        if doc_ids is not None:
            docs = docs[np.isin(self.doc_ids[docs], np.asarray(list(doc_ids), dtype=object))]
        occ = _occurrences(self, docs, wanted)
        return pd.DataFrame(
            {
                "doc_id": pd.Series(self.doc_ids[occ.doc], dtype=object),
                "sent_id": occ.sent.astype(np.int64),
                "start": occ.start.astype(np.int64),
                "end": occ.end.astype(np.int64),
                "term": pd.Series(self.terms[occ.term], dtype=object),
            }
        )

    def evidence(self, groups: Sequence[str], terms: Sequence[str], n: int = 3) -> list[str]:
        """For each ``(group, term)`` row, its first ``n`` occurrences as ``'doc:start-end'``.

        "First" is in ``doc_id`` (string) order, then by offset; occurrences
        are separated by ``"; "``. Only the documents needed to find them are
        tokenized again.
        """
        refs = _evidence_refs(self, list(groups), list(terms), n)
        return refs if isinstance(refs, list) else refs.to_pylist()

    def evidence_column(self, groups: Sequence[str], terms: Sequence[str], n: int = 3) -> Any:
        """:meth:`evidence` as a column: an Arrow-backed string array
        (``pd.StringDtype("pyarrow")``) built in Arrow from the occurrences' offsets, with no
        Python string per row (2 million rows at 100,000 documents by ``doc_id``); an object
        array only when a ``doc_id`` cannot be held by Arrow (a lone surrogate). Same values.

        >>> c = count_texts(["Gaza talks.", "Talks in Gaza."], ["a", "b"], groups=["X", "X"])
        >>> col = c.evidence_column(pd.Series(["X", "Y"]), pd.Series(["talks", "gaza"]))
        >>> str(col.dtype), col.tolist()
        ('string', ['a:5-10; b:0-5', ''])
        """
        refs = _evidence_refs(self, groups, terms, n)
        if isinstance(refs, list):
            return np.asarray(refs, dtype=object)
        return pd.arrays.ArrowStringArray(refs)


class _Occ(NamedTuple):
    """Occurrences as arrays: document row, term column, offsets, sentence id."""

    doc: np.ndarray
    term: np.ndarray
    start: np.ndarray
    end: np.ndarray
    sent: np.ndarray


def _plain_tokens(texts: list[str]) -> dict[str, Any]:
    """:func:`corpus_tools.tokenize.token_batch` without sentences (``sent_id`` -1).

    Tokens come as ``codes`` into their distinct strings ``types`` (no Python
    string per token).
    """
    joined = "\n".join(texts)
    starts, ends = token_spans(fold(joined))
    codes, types = _token_types(joined, starts, ends)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
    doc_start = np.cumsum(lengths + 1) - lengths - 1
    doc = np.searchsorted(doc_start, starts, side="right") - 1
    return {
        "doc": doc,
        "start": starts - doc_start[doc],
        "end": ends - doc_start[doc],
        "codes": codes,
        "types": types,
        "sent_id": np.full(len(starts), -1, dtype=np.int64),
    }


def _wanted_ids(uniq: list[str], table: TermTable, words: set[str]) -> np.ndarray:
    """:func:`piece_ids` term ids of the strings whose ``lower`` is in ``words``; -1 for the rest.

    Evidence looks for a few terms: the other strings of the documents it
    re-reads need no term id.

    >>> t = TermTable()
    >>> _wanted_ids(["Gaza", "talks", "GAZA", "."], t, {"gaza"}).tolist(), t.terms
    ([0, -1, 0, -1], ['gaza'])
    """
    lows = fold("\n".join(uniq)).casefold().split("\n")
    if len(lows) != len(uniq):  # a string with a newline
        return piece_ids(uniq, table)[0]
    pick = [k for k, low in enumerate(lows) if low in words]
    out = np.full(len(uniq), -1, dtype=np.int64)
    if pick:
        out[pick] = piece_ids([uniq[k] for k in pick], table)[0]
    return out


def _occurrence_batches(
    counts: DocTermCounts, docs: np.ndarray, wanted: np.ndarray, sentences: bool = True
) -> Iterator[_Occ]:
    """Occurrences of the ``wanted`` terms (bool per column) in document rows ``docs``, a batch
    of ``_EVIDENCE_CHARS`` characters (at most ``_BATCH`` documents) at a time, in the order
    of ``docs`` and by offset within a document (tokenizing costs ~25 bytes per character).

    Bigrams need sentences; ``sentences=False`` leaves ``sent`` at -1 for unigrams.
    """
    if counts.texts is None:
        raise invalid_option("texts", None, ["the texts the counts were built from"])
    table = TermTable(counts.stopwords)
    index = pd.Index(counts.terms, dtype=object)
    words = {w for t in counts.terms[wanted].tolist() for w in t.split(" ")}  # bigram halves
    texts_of = counts.texts
    lengths = (
        texts_of.lengths()[docs]
        if isinstance(texts_of, TextColumn)
        else np.fromiter((len(texts_of[d]) for d in docs.tolist()), np.int64, len(docs))
    )
    for lo, hi in _blocks(lengths, _EVIDENCE_CHARS, _BATCH):
        rows = docs[lo:hi]
        texts = (
            counts.texts.take(rows)
            if isinstance(counts.texts, TextColumn)
            else [counts.texts[d] for d in rows.tolist()]
        )
        if sentences or counts.ngram == 2:
            b = token_batch(texts)
            codes, uniq = pd.factorize(np.array(b["token"] + [""], dtype=object)[:-1], sort=False)
            types = list(uniq)
        else:
            b = _plain_tokens(texts)
            codes, types = b["codes"], b["types"]
        local = _wanted_ids(types, table, words)
        low = local[codes] if len(codes) else np.empty(0, np.int64)
        doc, start, end, sent = b["doc"], b["start"], b["end"], b["sent_id"]
        if counts.ngram == 1:
            idx, last, names = np.flatnonzero(low >= 0), np.flatnonzero(low >= 0), table.terms
            term_local = low[idx]
        else:
            ok = (low[:-1] >= 0) & (low[1:] >= 0) & (doc[:-1] == doc[1:]) & (sent[:-1] == sent[1:])
            idx = np.flatnonzero(ok)
            last = idx + 1
            pair_names = [
                f"{table.terms[a]} {table.terms[c]}"
                for a, c in zip(low[idx].tolist(), low[last].tolist(), strict=True)
            ]
            term_local, names = np.arange(len(idx)), pair_names
        glob = index.get_indexer(np.array(list(names) + [""], dtype=object)[:-1])
        term = glob[term_local] if len(term_local) else np.empty(0, np.int64)
        keep = term >= 0
        keep[keep] = wanted[term[keep]]
        yield _Occ(
            *(
                np.asarray(col, dtype=np.int64)
                for col in (
                    rows[doc[idx][keep]],
                    term[keep],
                    start[idx][keep],
                    end[last][keep],
                    sent[idx][keep],
                )
            )
        )


def _occurrences(
    counts: DocTermCounts, docs: np.ndarray, wanted: np.ndarray, sentences: bool = True
) -> _Occ:
    """Occurrences of the ``wanted`` terms (bool per column) in document rows ``docs`` (sorted).

    Bigrams need sentences; ``sentences=False`` leaves ``sent`` at -1 for unigrams.
    """
    parts = list(_occurrence_batches(counts, docs, wanted, sentences))
    if not parts:
        empty = np.empty(0, dtype=np.int64)
        return _Occ(empty, empty, empty, empty, empty)
    return _Occ(*(np.concatenate(col) for col in zip(*parts, strict=True)))


# --------------------------------------------------------------------------
# evidence on demand
# --------------------------------------------------------------------------
# (document, term) entries, or occurrences, handled at a time by the evidence of many rows
_EVIDENCE_ENTRIES = 1 << 20
_EVIDENCE_CHARS = 2_000_000  # characters of text re-tokenized at a time for evidence


def _doc_rank(doc_ids: np.ndarray) -> np.ndarray:
    """Position of every document in ``doc_id`` string order."""
    order = _str_order(doc_ids.tolist())
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(len(order))
    return rank


def _run_starts(sorted_keys: np.ndarray) -> np.ndarray:
    """Positions where a run of equal values starts in ``sorted_keys``.

    >>> _run_starts(np.array([3, 3, 5, 7, 7, 7])).tolist()
    [0, 2, 3]
    """
    if not len(sorted_keys):
        return np.empty(0, dtype=np.int64)
    return np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])


def _key_positions(req: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Position of every key in the sorted distinct ``req``; -1 for a key not there.

    >>> _key_positions(np.array([2, 5, 9]), np.array([5, 1, 9, 10])).tolist()
    [1, -1, 2, -1]
    """
    pos = np.searchsorted(req, keys)
    if not len(req):
        return np.full(len(keys), -1, dtype=np.int64)
    pos = np.minimum(pos, len(req) - 1)
    return np.where(req[pos] == keys, pos, -1).astype(np.int64)


def _blocks(sizes: np.ndarray, size: int, max_items: int | None = None) -> list[tuple[int, int]]:
    """``(lo, hi)`` bounds of consecutive items of about ``size`` in all (and at most
    ``max_items`` items); an item larger than ``size`` is a block of its own.

    >>> _blocks(np.array([1, 2, 1, 2]), 3), _blocks(np.array([1, 1, 1]), 10, 2)
    ([(0, 1), (1, 3), (3, 4)], [(0, 2), (2, 3)])
    """
    block = np.cumsum(sizes) // size
    if max_items is not None:
        block = block + np.arange(len(sizes)) // max_items
    bounds = [0, *(np.flatnonzero(np.diff(block)) + 1).tolist(), len(sizes)]
    return [(lo, hi) for lo, hi in zip(bounds[:-1], bounds[1:], strict=True) if hi > lo]


def _needed_docs(counts: DocTermCounts, codes: np.ndarray, req: np.ndarray, n: int) -> np.ndarray:
    """Rows of the documents holding the first ``n`` occurrences of each requested key.

    ``req``: sorted distinct ``group * n_terms + term`` keys. The documents are
    read in ``doc_id`` order, a block of rows at a time; a document is needed
    when one of its keys has fewer than ``n`` occurrences in the documents
    before it, so the first ``n`` occurrences over the needed documents are
    the first ``n`` over the whole group (memory: one block, a count per key).
    """
    mat = counts.matrix
    n_terms = mat.shape[1]
    wanted = np.zeros(n_terms, dtype=bool)
    wanted[req % n_terms] = True
    seen = np.zeros(len(req), dtype=np.int64)
    need: list[np.ndarray] = []
    order = np.argsort(_doc_rank(counts.doc_ids))
    for lo, hi in _blocks(np.diff(mat.indptr)[order], _EVIDENCE_ENTRIES):
        rows = order[lo:hi]
        sub = mat[rows]
        local = np.repeat(np.arange(len(rows)), np.diff(sub.indptr))
        hit = np.flatnonzero(wanted[sub.indices])
        local, term = local[hit], sub.indices[hit].astype(np.int64)
        pos = _key_positions(req, codes[rows[local]] * n_terms + term)
        ok = pos >= 0
        srt = np.argsort(pos[ok], kind="stable")  # doc_id order kept within a key
        local, pos, c = local[ok][srt], pos[ok][srt], sub.data[hit][ok][srt].astype(np.int64)
        if not len(pos):
            continue
        starts = _run_starts(pos)
        cum = np.cumsum(c)
        run_id = np.zeros(len(pos), dtype=np.int64)
        run_id[starts] = 1
        run_id = np.cumsum(run_id) - 1
        before = cum - c - (cum[starts] - c[starts])[run_id] + seen[pos]
        need.append(rows[local[before < n]])
        seen[pos[starts]] += np.add.reduceat(c, starts)
    return (
        sorted_unique(np.concatenate(need), in_place=True) if need else np.empty(0, dtype=np.int64)
    )


def _within_run(sorted_keys: np.ndarray) -> np.ndarray:
    """Each position's index within its run of equal values of ``sorted_keys``.

    >>> _within_run(np.array([3, 3, 5, 7, 7, 7])).tolist()
    [0, 1, 0, 0, 1, 2]
    """
    idx = np.arange(len(sorted_keys), dtype=np.int64)
    first = np.zeros(len(sorted_keys), dtype=np.int64)
    starts = _run_starts(sorted_keys)
    first[starts] = starts
    return idx - np.maximum.accumulate(first) if len(idx) else idx


def _first_occurrences(
    counts: DocTermCounts, codes: np.ndarray, req: np.ndarray, n: int
) -> tuple[np.ndarray, ...]:
    """``(doc, start, end, key)`` of the first ``n`` occurrences of every requested key,
    sorted by key, then ``doc_id``, then offset.

    The needed documents are tokenized a batch at a time in ``doc_id`` order,
    so a key's first ``n`` occurrences are the first ``n`` met: once a key has
    them, its later occurrences are dropped as they come (memory: ``n`` per
    key and one batch, not every occurrence of the terms).
    """
    n_terms = len(counts.terms)
    wanted = np.zeros(n_terms, dtype=bool)
    wanted[req % n_terms] = True
    docs = _needed_docs(counts, codes, req, n)
    docs = docs[np.argsort(_doc_rank(counts.doc_ids)[docs], kind="stable")]
    taken = np.zeros(len(req), dtype=np.int64)
    parts: list[tuple[np.ndarray, ...]] = []
    for occ in _occurrence_batches(counts, docs, wanted, False):
        pos = _key_positions(req, codes[occ.doc] * n_terms + occ.term)
        sel = np.flatnonzero(pos >= 0)
        srt = np.argsort(pos[sel], kind="stable")  # by key, in doc_id then offset order
        sel, ps = sel[srt], pos[sel][srt]
        ok = (_within_run(ps) + taken[ps]) < n
        sel, ps = sel[ok], ps[ok]
        starts = _run_starts(ps)
        taken[ps[starts]] += np.diff(np.r_[starts, len(ps)])
        parts.append((occ.doc[sel], occ.start[sel], occ.end[sel], req[ps]))
    if not parts:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, empty, empty
    # one column at a time, each batch's piece dropped once joined: a copy of one column, not
    # of all four, at the peak (6 M occurrences at 100,000 documents by doc_id)
    cols = [list(col) for col in zip(*parts, strict=True)]
    del parts
    key = np.concatenate(cols.pop())
    order = np.argsort(key, kind="stable")  # batches come in doc_id order
    key = key[order]
    out = []
    for pieces in cols:
        joined = _narrow(np.concatenate(pieces))
        pieces.clear()
        out.append(joined[order])
        del joined
    return out[0], out[1], out[2], key


def _narrow(values: np.ndarray) -> np.ndarray:
    """Document rows or character offsets as int32 when they fit (half the memory of the
    evidence's occurrences), else as they are.

    >>> _narrow(np.array([0, 7])).dtype.name, _narrow(np.array([2**40])).dtype.name
    ('int32', 'int64')
    """
    if not len(values) or (values.min() >= 0 and values.max() < 2**31):
        return values.astype(np.int32)
    return values


def _pa() -> Any:
    """The ``pyarrow`` module (imported when evidence is built)."""
    import pyarrow

    return pyarrow


def _as_strings(values: Sequence[Any]) -> np.ndarray:
    """``values`` as an object array of ``str`` (as given when they all are: no copy of the
    strings, no list of a table's rows)."""
    arr = np.asarray(values, dtype=object)
    if pd.api.types.infer_dtype(arr, skipna=False) == "string":
        return arr
    return np.asarray([str(v) for v in arr.tolist()], dtype=object)


def _row_keys(
    counts: DocTermCounts, names: list[str], groups: Sequence[Any], terms: Sequence[Any]
) -> np.ndarray:
    """``group * n_terms + term`` of each (group, term) row (``names``: the sorted group
    labels), -1 when either is not in the counts (groups compared as ``str``; looked up by
    hash, a column at a time)."""
    g_rows = pd.Index(names, dtype=object).get_indexer(_as_strings(groups)).astype(np.int64)
    t_rows = pd.Index(counts.terms, dtype=object).get_indexer(np.asarray(terms, dtype=object))
    n_terms = len(counts.terms)
    ok = (g_rows >= 0) & (t_rows >= 0)
    g_rows *= n_terms
    g_rows += t_rows
    g_rows[~ok] = -1
    return g_rows


def _evidence_refs(
    counts: DocTermCounts, groups: Sequence[Any], terms: Sequence[Any], n: int
) -> Any:
    """``'doc:start-end; ...'`` for each (group, term) row (see :meth:`DocTermCounts.evidence`):
    an Arrow ``large_string`` array, or a list of ``str`` when a ``doc_id`` cannot be held
    by Arrow."""
    pa = _pa()
    n_rows = len(terms)
    if n <= 0 or not n_rows:
        return pa.chunked_array([pa.nulls(n_rows, pa.large_string()).fill_null("")])
    codes, names = counts.group_codes()
    row_keys = _row_keys(counts, names, groups, terms)
    req = sorted_unique(row_keys[row_keys >= 0], in_place=True)
    if not len(req):
        return pa.chunked_array([pa.nulls(n_rows, pa.large_string()).fill_null("")])
    doc, start, end, ks = _first_occurrences(counts, codes, req, n)
    del codes, req
    release_memory()
    try:
        return _joined_refs(counts.doc_ids, doc, start, end, ks, row_keys)
    except (UnicodeError, TypeError, ValueError):  # a doc_id Arrow cannot hold (a lone surrogate)
        return _joined_refs_python(counts.doc_ids, doc, start, end, ks, row_keys)


_REF_ROWS = 1 << 18  # table rows whose evidence strings are built at a time


def _joined_refs(
    doc_ids: np.ndarray,
    doc: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    ks: np.ndarray,
    row_keys: np.ndarray,
) -> Any:
    """``'doc:start-end'`` of each occurrence, ``"; "``-joined per key (``ks`` sorted), per row.

    Built in Arrow (a ``large_string`` chunked array; no Python string per occurrence or row),
    directly in the rows' order, ``_REF_ROWS`` rows at a time: the strings of one block of
    rows are the only temporary ones, and no copy of the whole column is taken to reorder it.

    >>> ids = np.array(["a", "b"], dtype=object)
    >>> _joined_refs(ids, np.array([0, 1, 1]), np.array([0, 4, 9]), np.array([3, 7, 12]),
    ...              np.array([5, 5, 8]), np.array([8, -1, 5, 6])).to_pylist()
    ['b:9-12', '', 'a:0-3; b:4-7', '']
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    n_rows = len(row_keys)
    if not len(ks):
        return pa.chunked_array([pa.nulls(n_rows, pa.large_string()).fill_null("")])
    starts = _run_starts(ks)
    run_len = np.diff(np.r_[starts, len(ks)])
    key_pos = _key_positions(ks[starts], row_keys)
    key_pos[row_keys < 0] = -1
    has = key_pos >= 0
    row_len = np.where(has, run_len[np.where(has, key_pos, 0)], 0)
    row_first = np.where(has, starts[np.where(has, key_pos, 0)], 0)
    del starts, run_len, key_pos, has
    ids = pa.array(doc_ids.tolist(), pa.large_string())

    def sep(text: str) -> Any:
        return pa.scalar(text, pa.large_string())

    def text(values: np.ndarray) -> Any:
        return pc.cast(pa.array(values), pa.large_string())

    chunks = []
    for a in range(0, max(n_rows, 1), _REF_ROWS):
        ln = row_len[a : a + _REF_ROWS]
        bounds = np.r_[0, np.cumsum(ln)]
        occ = np.arange(bounds[-1]) + np.repeat(row_first[a : a + _REF_ROWS] - bounds[:-1], ln)
        refs = ids.take(pa.array(doc[occ], pa.int64()))
        refs = pc.binary_join_element_wise(refs, text(start[occ]), sep(":"))
        refs = pc.binary_join_element_wise(refs, text(end[occ]), sep("-"))
        lists = pa.LargeListArray.from_arrays(pa.array(bounds, pa.int64()), refs)
        del refs, occ
        chunks.append(pc.binary_join(lists, sep("; ")))
        del lists
    return pa.chunked_array(chunks, pa.large_string())


def _joined_refs_python(
    doc_ids: np.ndarray,
    doc: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    ks: np.ndarray,
    row_keys: np.ndarray,
) -> list[str]:
    """:func:`_joined_refs` with Python strings (doc_ids that Arrow cannot hold).

    >>> ids = np.array(["a", "b"], dtype=object)
    >>> _joined_refs_python(ids, np.array([0, 1, 1]), np.array([0, 4, 9]), np.array([3, 7, 12]),
    ...                     np.array([5, 5, 8]), np.array([8, -1, 5, 6]))
    ['b:9-12', '', 'a:0-3; b:4-7', '']
    """
    refs = [
        f"{doc_ids[d]}:{a}-{b}"
        for d, a, b in zip(doc.tolist(), start.tolist(), end.tolist(), strict=True)
    ]
    bounds = [*_run_starts(ks).tolist(), len(ks)]
    lookup = {
        int(ks[a]): "; ".join(refs[a:b]) for a, b in zip(bounds[:-1], bounds[1:], strict=True)
    }
    return [lookup.get(k, "") for k in row_keys.tolist()]


# --------------------------------------------------------------------------
# term frequencies
# --------------------------------------------------------------------------
_CELL_CHUNK = 1 << 19  # (document, term) entries per group-by: bounded temporary memory


class _Cells(NamedTuple):
    """Non-zero ``(group, term)`` cells: codes and sums, in (group, term) order per term range."""

    group: np.ndarray
    term: np.ndarray
    occurrences: np.ndarray
    n_docs: np.ndarray
    rate_sum: np.ndarray


def _term_ranges(mat: sp.csr_matrix, size: int) -> list[tuple[int, int]]:
    """Column ranges holding about ``size`` entries each (a column is never split)."""
    n_terms = mat.shape[1]
    per_term = np.zeros(n_terms, dtype=np.int64)
    step = max(size, n_terms, 1)  # bincount casts to int64: a slice at a time, not every entry
    for a in range(0, mat.nnz, step):
        per_term += np.bincount(mat.indices[a : a + step], minlength=n_terms)
    before = np.zeros(n_terms + 1, dtype=np.int64)
    np.cumsum(per_term, out=before[1:])
    starts = np.searchsorted(before, np.arange(0, mat.nnz, size))
    cuts = sorted_unique(np.append(starts, n_terms), in_place=True).tolist()
    return list(zip(cuts[:-1], cuts[1:], strict=True))


def _row_blocks(indptr: np.ndarray, size: int) -> list[tuple[int, int]]:
    """Row ranges holding about ``size`` entries each (at least one row each)."""
    n_rows = len(indptr) - 1
    starts = np.searchsorted(indptr, np.arange(0, int(indptr[-1]), size), side="right") - 1
    cuts = sorted_unique(
        np.concatenate([starts.clip(0, n_rows), [0, n_rows]]), in_place=True
    ).tolist()
    return list(zip(cuts[:-1], cuts[1:], strict=True))


def _range_lengths(mat: sp.csr_matrix, ranges: list[tuple[int, int]]) -> np.ndarray:
    """Entries of every row in every column range: ``(ranges, rows)`` int32.

    Indices are sorted within a row, so a row's entries of one range are
    contiguous and follow those of the range before: with these lengths each
    range's entries are found without reading the others (one pass in row
    blocks here, instead of a column slice over the whole matrix per range).
    """
    n_rows, n_ranges = mat.shape[0], len(ranges)
    bounds = np.array([hi for _, hi in ranges[:-1]], dtype=np.int64)
    out = np.zeros((n_ranges, n_rows), dtype=np.int32)
    for r0, r1 in _row_blocks(mat.indptr, _CELL_CHUNK):
        a, b = int(mat.indptr[r0]), int(mat.indptr[r1])
        rid = np.searchsorted(bounds, mat.indices[a:b], side="right")
        local = np.repeat(np.arange(r1 - r0, dtype=np.int64), np.diff(mat.indptr[r0 : r1 + 1]))
        key = rid * (r1 - r0) + local
        out[:, r0:r1] = np.bincount(key, minlength=n_ranges * (r1 - r0)).reshape(n_ranges, r1 - r0)
    return out


def _range_entries(starts: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rows and matrix positions of one range's entries, in (row, column) order."""
    rows = np.flatnonzero(lengths)
    n = lengths[rows].astype(np.int64)
    first = np.cumsum(n) - n
    pos = np.repeat(starts[rows] - first, n) + np.arange(int(n.sum()), dtype=np.int64)
    return np.repeat(rows, n), pos


def _freq_cells(
    mat: sp.csr_matrix,
    n_words: np.ndarray,
    codes: np.ndarray,
    min_count: int = 1,
    column: np.ndarray | None = None,
    drop: tuple[np.ndarray, np.ndarray] | None = None,
) -> _Cells:
    """Count, documents and sum of per-document rates of every (group, term) cell with a count.

    The matrix is read one term range (about ``_CELL_CHUNK`` entries) at a
    time, so each cell lies in one range and its documents come in corpus
    order: the float sums are the sums of one group-by over every (document,
    term) pair, and the temporary memory is one range's entries. Cells below
    ``min_count`` are dropped per range. ``column`` (optional) renumbers the
    columns; a column mapped to -1 is left out. ``drop`` (optional): ``(lang, cols)`` of
    :func:`corpus_tools.languages.own_list_masks`: a document's entries in its own
    language's stopword columns (renumbered ones) are left out.
    """
    if not mat.has_sorted_indices:
        mat = mat.sorted_indices()
    words = np.clip(n_words, 1, None)
    ranges = _term_ranges(mat, _CELL_CHUNK)
    lengths = _range_lengths(mat, ranges)
    starts = mat.indptr[:-1].astype(np.int64)
    parts: list[list[np.ndarray]] = []
    for k, (lo, hi) in enumerate(ranges):
        doc, pos = _range_entries(starts, lengths[k])
        starts += lengths[k]
        if column is not None:
            sel = column[mat.indices[pos]] >= 0
            doc, pos = doc[sel], pos[sel]
        if drop is not None:
            out = mat.indices[pos] if column is None else column[mat.indices[pos]]
            sel = ~drop[1][drop[0][doc], out]
            doc, pos = doc[sel], pos[sel]
            del out, sel
        c = mat.data[pos].astype(np.int64)
        key = codes[doc] * (hi - lo) + (mat.indices[pos] - lo)  # (group, term) order
        per = pd.DataFrame({"c": c, "doc_rate": 10000.0 * c / words[doc]}, copy=False)
        del doc, pos, c
        agg = per.groupby(key, sort=True).agg(
            count=("c", "sum"), n_docs=("c", "size"), rate_sum=("doc_rate", "sum")
        )
        del per, key
        occ = agg["count"].to_numpy(dtype=np.int64)
        keep = np.flatnonzero(occ >= min_count)
        cell = agg.index.to_numpy(dtype=np.int64)[keep]
        term = lo + cell % (hi - lo)
        parts.append(
            [
                (cell // (hi - lo)).astype(np.int32),
                (term if column is None else column[term]).astype(np.int32),
                occ[keep],
                agg["n_docs"].to_numpy(dtype=np.int64)[keep],
                agg["rate_sum"].to_numpy(dtype=np.float64)[keep],
            ]
        )
    return _Cells(*_concat_columns(parts, [np.int32, np.int32, np.int64, np.int64, np.float64]))


def _cells_without_stopwords(
    counts: DocTermCounts,
    codes: np.ndarray,
    min_count: int,
    p: StopParts,
    drop: tuple[np.ndarray, np.ndarray] | None = None,
) -> _Cells:
    """The cells of ``counts.without_stopwords(p)``, read from the counts with stopwords.

    Its columns are the pure columns of these counts (renumbered) and the
    acronym counts of ``p.extra``; no column is in both, so the
    cells of each are its cells, and the derived matrix is never built.
    """
    column = np.where(p.pure, np.cumsum(p.keep) - 1, -1).astype(np.int32)
    pure = _freq_cells(counts.matrix, counts.n_words, codes, min_count, column, drop)
    extra = _freq_cells(p.extra, counts.n_words, codes, min_count, drop=drop)
    return _Cells(*(np.concatenate(pair) for pair in zip(pure, extra, strict=True)))


def _concat_columns(parts: list[list[np.ndarray]], dtypes: list[Any]) -> list[np.ndarray]:
    """Each column of ``parts`` concatenated, each part's column dropped once copied."""
    out = []
    for i, dtype in enumerate(dtypes):
        out.append(np.concatenate([p[i] for p in parts] or [np.empty(0, dtype=dtype)]))
        for p in parts:
            p[i] = p[i][:0]
    return out


#: :func:`term_frequencies` returns at most this many rows (one per group and term; ~64 bytes
#: a row in the table and ~85 while it is built: 15 M rows ~1.3 GB); above it a clear error
#: points to the sparse counts. 100,000 long articles by document are 34.4 M rows (table
#: 2.1 GB, peak 3.5 GB; Arrow strings and int32 counts: table 1.94 GB, the same peak)
MAX_TABLE_ROWS = 15_000_000


def _check_table_rows(n_rows: int, counts: DocTermCounts, max_rows: int | None) -> None:
    """A clear error when the table would hold more than ``max_rows`` rows."""
    if max_rows is None or n_rows <= max_rows:
        return
    raise CorpusValueError(
        f"term_frequencies(by={counts.by!r}) would return {n_rows:,} rows (one per group and "
        f"term; about {n_rows * 85 / 2**20:,.0f} MB while it is built), more than "
        f"{max_rows:,}. Use ct.doc_term_counts(corpus, by={counts.by!r}) for the same counts "
        "as a sparse document x term matrix (its .matrix, .terms, .doc_ids), raise min_count, "
        "or count a part of the corpus (corpus.subset(doc_ids)); "
        "ct.doc_term_counts(...).term_table() builds the whole table regardless."
    )


def _freq_table(
    counts: DocTermCounts,
    min_count: int,
    parts: StopParts | None = None,
    drop: tuple[np.ndarray, np.ndarray] | None = None,
    max_rows: int | None = None,
) -> pd.DataFrame:
    """The frequency table (of ``counts.without_stopwords(parts)`` when ``parts`` are given,
    and without each document's own language's list when ``drop`` is, without building
    those counts), sorted by group, count (descending), term; a clear error above
    ``max_rows`` rows (checked before the cells are made when each group is one document and
    every column is counted: a cell per matrix entry of at least ``min_count``).

    Groups and terms are sorted strings, so their codes sort like the strings:
    the rows are ordered on integer codes and each column is built once, in
    that order, and handed to the table without a copy (no sort of the
    finished table, no string comparisons, no second copy of its columns).
    """
    codes, names = counts.group_codes()
    g_docs = np.bincount(codes, minlength=len(names)).astype(np.int64)
    g_tokens = np.bincount(codes, weights=counts.n_words, minlength=len(names)).astype(np.int64)
    if parts is None and drop is None and len(g_docs) and int(g_docs.max()) <= 1:
        rows = int(np.count_nonzero(counts.matrix.data >= min_count))
        _check_table_rows(rows, counts, max_rows)
    if parts is not None:  # the table of counts.without_stopwords(parts)
        cells = _cells_without_stopwords(counts, codes, min_count, parts, drop)
        terms = counts.terms[parts.keep]
    else:
        terms = counts.terms
        cells = _freq_cells(counts.matrix, counts.n_words, codes, min_count, drop=drop)
    _check_table_rows(len(cells.group), counts, max_rows)
    cols = dict(cells._asdict())
    del cells  # each cell column is dropped once its table column is gathered
    order = np.lexsort((cols["term"], -cols["occurrences"], cols["group"]))
    g = cols.pop("group")[order]
    term = pd.Series(terms[cols.pop("term")[order]], dtype=object, copy=False)
    count = cols.pop("occurrences")[order]
    n_docs = cols.pop("n_docs")[order]
    mean_rate = cols.pop("rate_sum")[order]
    del order
    mean_rate /= g_docs[g]
    n_tokens = g_tokens[g]
    rate = np.multiply(count, 10000.0)  # 10000 * count / max(n_tokens, 1), in place:
    np.divide(rate, np.maximum(g_tokens, 1)[g], out=rate)  # one row-long temporary, not three
    columns = {
        "group": pd.Series(object_array(names)[g], dtype=object, copy=False),
        "term": term,
        "count": count,
        "rate_per_10k": rate,
        "n_docs": n_docs,
        "n_docs_group": g_docs[g],
        "n_tokens_group": n_tokens,
        "mean_doc_rate_per_10k": mean_rate,
    }
    del g, term, count, n_docs, mean_rate, n_tokens, rate
    out = pd.DataFrame(columns, copy=False)
    del columns
    release_memory()
    return out


def as_counts(
    corpus: Corpus | DocTermCounts,
    by: str,
    *,
    ngram: int = 1,
    stopwords: bool = True,
    n_jobs: int = 1,
) -> DocTermCounts:
    """``corpus`` itself if it is a :class:`DocTermCounts`, else :func:`doc_term_counts` of it."""
    if isinstance(corpus, DocTermCounts):
        return corpus
    return doc_term_counts(corpus, by, ngram=ngram, stopwords=stopwords, n_jobs=n_jobs)


def term_frequencies(
    corpus: Corpus | DocTermCounts,
    by: str = "outlet",
    *,
    ngram: int = 1,
    stopwords: bool = True,
    min_count: int = 1,
    n_jobs: int = 1,
    language: str | None = None,
) -> pd.DataFrame:
    """Count terms per group, with rates per 10,000 word tokens.

    Parameters
    ----------
    corpus : Corpus or DocTermCounts
        A loaded corpus, or its counts (:func:`doc_term_counts`; then
        ``by``, ``ngram``, ``stopwords`` and ``n_jobs`` are those it was built with).
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
        Processes for counting, the first time this ``Corpus`` is counted
        (the counts are kept on it); the table does not depend on it.
    language : str, optional
        Whose stopwords ``stopwords=False`` leaves out (``"fr"``, ``"German"``);
        default the corpus' language (:func:`corpus_tools.languages.analysis_language`).
        Stated in ``attrs["stopword_language"]`` (None when stopwords are kept). Not given,
        in a mixed corpus each document also loses its own language's list (``"en+es"``:
        :func:`corpus_tools.languages.counts_for`).

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
    ``by="doc_id"`` gives a row per (document, term), tens of millions for 100,000 long
    articles: more than :data:`MAX_TABLE_ROWS` (15 million) rows raise a ``CorpusValueError``
    pointing to :func:`doc_term_counts` (a sparse document x term matrix).
    See the README (Sentences and words, offline).

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
    require_corpus(corpus, "term_frequencies")
    if isinstance(corpus, DocTermCounts):
        return corpus.term_table(min_count)
    counts = as_counts(corpus, by, ngram=ngram, n_jobs=n_jobs)  # kept on the corpus
    lang = None if stopwords else languages.analysis_language(corpus, language)
    return _table_without(corpus, counts, min_count, lang, language)


def _table_without(
    corpus: Corpus, counts: DocTermCounts, min_count: int, lang: str | None, language: str | None
) -> pd.DataFrame:
    """:func:`term_frequencies`' table of ``counts`` (kept on ``corpus``) without ``lang``'s
    stopwords, and in a mixed corpus each document's own language's too
    (:func:`corpus_tools.languages.mixed_language`)."""
    named = languages.mixed_language(corpus, lang, language)  # "en+es": each doc its own too
    parts = languages.stopword_parts(counts, lang)
    drop = None
    if named != lang and lang is not None:  # the entries of counts_for's counts, no matrix
        own = languages.own_language_rows(corpus, lang)
        terms = counts.terms if parts is None else counts.terms[parts.keep]
        drop = languages.own_list_masks(terms.tolist(), own, counts.matrix.shape[0])
    out = _freq_table(counts, min_count, parts, drop, MAX_TABLE_ROWS)  # counts kept on corpus
    out.attrs["stopword_language"] = named
    return out
