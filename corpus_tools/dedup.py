"""Exact and near-duplicate documents: a content digest and MinHash LSH over word 5-grams.

:func:`flag_duplicates` marks each document that repeats an earlier one,
``exact`` (same text) or ``near`` (Jaccard similarity of word 5-gram sets at
least 0.9; Broder 1997), in time linear in the corpus: candidates come from
locality-sensitive hashing of MinHash signatures and each is verified with
the exact Jaccard.

References
----------
Broder, A. Z. (1997). On the resemblance and containment of documents.
*Compression and Complexity of Sequences*.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import chain
from typing import Any

import numpy as np

from ._tables import sorted_unique
from .tokenize import WORD_CONT

__all__ = ["flag_duplicates", "signatures", "join_signatures", "DuplicateFinder"]

# A word for shingling is rf"\w[\w{WORD_CONT}]*(?:['’]\w[\w{WORD_CONT}]*)*" on the
# lower-cased text: a run of word characters and the combining marks and joiners after
# them (tokenize.WORD_CONT: 'हुए' is one word), with an apostrophe joining two runs. Words are found and
# hashed in numpy over the code points of a batch of documents (no Python
# object per word): word characters are looked up in a table filled lazily
# per new code point with the ``\w`` regex itself, and each word gets a
# polynomial hash from prefix sums (wrapping uint64 arithmetic, i.e. modulo
# 2**64), finished with the splitmix64 mixer. Shingles and MinHash signatures
# are computed for the whole batch at once.
_WORD_CHAR_RE = re.compile(r"\w")
_CONT_RE = re.compile(f"[{WORD_CONT}]")
# a class byte per code point: _WORD (a word character), _CONT (a mark or joiner), or
# _UNSEEN until the code point is first met (then read with the two regexes)
_WORD, _CONT, _UNSEEN = 1, 2, 4
_CP_CLASS = np.full(0x110000, _UNSEEN, dtype=np.uint8)


def _learn_classes(cps: np.ndarray) -> None:
    """Fill :data:`_CP_CLASS` for the code points ``cps``."""
    _CP_CLASS[cps] = [
        (_WORD if _WORD_CHAR_RE.match(chr(c)) else 0) | (_CONT if _CONT_RE.match(chr(c)) else 0)
        for c in cps.tolist()
    ]


_learn_classes(np.arange(256))
_LATIN1_CLASS = _CP_CLASS[:256].tobytes()  # the classes below U+0100, a bytes.translate table
_WORD_CHUNK = 1 << 18
_BATCH_CHARS = 1 << 20
#: characters hashed together to verify candidates (in the loading process, whose heap
#: is the user's: a group's arrays of ~1 MB, not ~8, are reused by malloc instead of
#: mapped and faulted in anew each time; see DuplicateFinder.search)
_VERIFY_BATCH_CHARS = 1 << 17
_SPACE_RE = re.compile(r"\s")
_SHINGLE = 5
_SIG_CHUNK = 4096  # shingles per MinHash block: (64, 4096) uint64 stays in cache
_N_PERM = 64
_BANDS = 16
_BUCKET_CAP = 32  # documents kept per LSH bucket (bounded candidates per document)
_NEAR_BLOCK = 2048  # documents whose candidates are collected together
_VERIFY_CHARS = 1 << 22  # characters of text hashed together to verify candidates
#: bytes of shingle sets kept for candidates read again (8 bytes a distinct 5-gram). With
#: each set dropped after its last use, 100,000 article-length texts sharing paragraphs
#: keep at most 91 MB of sets still needed: at 64 MB, 50,118 texts were hashed for the
#: 27,140 read (5.1 CPU s), at 128 MB each once (3.7-4.1 s)
_SHINGLE_BUDGET = 128 * 1024 * 1024
_RNG = np.random.default_rng(20231019)
_PERM_A = _RNG.integers(1, 2**63 - 1, size=_N_PERM, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_PERM_B = _RNG.integers(0, 2**63 - 1, size=_N_PERM, dtype=np.uint64)
_MIX = np.uint64(0x9E3779B97F4A7C15)
_MAX64 = np.iinfo(np.uint64).max
_POLY = np.uint64(0x100000001B3)  # odd, so it has an inverse modulo 2**64
_POLY_INV = np.uint64(pow(0x100000001B3, -1, 1 << 64))
_POW_CACHE_MAX = _BATCH_CHARS + 2 * _WORD_CHUNK
#: power tables by base (the polynomial hash and its inverse), see _power_table
_pow_caches: dict[np.uint64, np.ndarray] = {}


def _word_chunks(text: str) -> Iterator[tuple[int, int]]:
    """``[a, b)`` slices of ``text`` cut at whitespace (no word spans a cut), ~256k chars each.

    A word never contains whitespace, so hashing chunk by chunk gives the same
    words as one pass over the text, with bounded memory on huge documents.
    """
    n = len(text)
    a = 0
    while a < n:
        b = a + _WORD_CHUNK
        if b >= n:
            yield a, n
            return
        m = _SPACE_RE.search(text, b)
        b = m.start() if m else n
        yield a, b
        a = b


def _power_table(base: np.uint64, n: int) -> np.ndarray:
    """``base**k`` modulo 2**64 for ``k`` in ``range(n)``, cached per base up to ~1.5M."""
    cached = _pow_caches.get(base)
    if cached is not None and len(cached) >= n:
        return cached[:n]
    out = np.full(n, base, dtype=np.uint64)
    out[0] = 1
    np.cumprod(out, out=out)  # integer overflow wraps: arithmetic modulo 2**64
    if n <= _POW_CACHE_MAX:
        _pow_caches[base] = out
    return out


def _powers(n: int) -> np.ndarray:
    """``_POLY**k`` modulo 2**64 for ``k`` in ``range(n)``."""
    return _power_table(_POLY, n)


def _inv_powers(n: int) -> np.ndarray:
    """``_POLY_INV**k`` modulo 2**64 for ``k`` in ``range(n)``."""
    return _power_table(_POLY_INV, n)


def _splitmix(z: np.ndarray) -> np.ndarray:
    """The splitmix64 finaliser of every value of ``z`` (uint64), computed in ``z`` itself
    (the caller's own array; one temporary) and returned.

    >>> _splitmix(np.array([0, 1], dtype=np.uint64)).tolist()
    [0, 6238072747940578789]
    """
    t = z >> np.uint64(30)
    z ^= t
    z *= np.uint64(0xBF58476D1CE4E5B9)
    np.right_shift(z, np.uint64(27), out=t)
    z ^= t
    z *= np.uint64(0x94D049BB133111EB)
    np.right_shift(z, np.uint64(31), out=t)
    z ^= t
    return z


def _classes(cps: np.ndarray) -> np.ndarray:
    """The class byte (:data:`_CP_CLASS`) of every code point of ``cps`` (uint8 or uint32).

    Code points below U+0100 (nearly all of a news text) are looked up by one
    ``bytes.translate`` of their low bytes, the few others in the table (a NumPy
    look-up of every code point widens each index to 64 bits first).

    >>> _classes(np.array([97, 32, 0x301, 0x905], dtype=np.uint32)).tolist()
    [1, 0, 2, 1]
    """
    low = cps if cps.dtype == np.uint8 else cps.astype(np.uint8)  # right below U+0100
    cls = np.frombuffer(bytearray(low.tobytes().translate(_LATIN1_CLASS)), dtype=np.uint8)
    if cps.dtype != np.uint8:
        wide = np.flatnonzero(cps > 0xFF)
        if len(wide):
            wcp = cps[wide]
            got = _CP_CLASS[wcp]
            if int(got.max()) & _UNSEEN:
                _learn_classes(np.unique(wcp[(got & _UNSEEN) != 0]))
                got = _CP_CLASS[wcp]
            cls[wide] = got
    return cls


def _hash_pieces(pieces: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Word hashes (uint64, text order) of the strings ``pieces``, and words per piece."""
    joined = "\n".join(pieces)  # "\n" is not a word character: words never cross pieces
    if joined.isascii():  # a byte per character: a quarter of the memory to read
        cps = np.frombuffer(joined.encode("ascii"), dtype=np.uint8)
    else:
        cps = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    n = len(cps)
    cls = _classes(cps)
    padded = np.zeros(n + 2, dtype=bool)  # a non-word character before and after
    inword = padded[1:-1]
    np.bitwise_and(cls, _WORD, out=inword.view(np.uint8))
    if n and int(cls.max()) & _CONT:  # (no mark below U+0300: ASCII/Latin-1 skip this)
        _join_marks(inword, (cls & _CONT) != 0)
    if n > 2:  # an apostrophe between two word characters joins them
        mid = cps[1:-1]
        inword[1:-1] |= ((mid == 39) | (mid == 0x2019)) & inword[:-2] & inword[2:]
    edges = np.flatnonzero(padded[1:] != padded[:-1])  # where a word starts or ends
    starts, ends = edges[0::2], edges[1::2]
    # prefix sums of (code point + 1) * _POLY**i, made in one array (no temporary per step)
    prefix = np.empty(n + 1, dtype=np.uint64)
    prefix[0] = 0
    body = prefix[1:]
    np.add(cps, np.uint64(1), out=body, dtype=np.uint64)
    body *= _powers(n)
    np.cumsum(body, out=body)
    # (prefix[end] - prefix[start]) / _POLY**start: the hash of the word wherever it stands
    words = prefix[ends]
    words -= prefix[starts]
    words *= _inv_powers(n + 1)[starts]
    words = _splitmix(words)
    lens = np.fromiter(map(len, pieces), np.int64, len(pieces))
    piece_end = np.cumsum(lens + 1) - 1
    counts = np.diff(np.searchsorted(starts, piece_end), prepend=0)
    return words, counts


def _join_marks(inword: np.ndarray, cont: np.ndarray) -> None:
    r"""Add to ``inword`` the marks/joiners ``cont`` after a word character (through other marks).

    In a run of word characters and marks, the marks from its first word
    character on belong to the word (``\w[\w{WORD_CONT}]*``); marks before it
    (after a space or a symbol) do not. So a mark joins when the nearest
    character before it that is not such a mark is a word character. Marks are
    rare, so only their positions are looked at (a batch of a million characters
    with a few marks took 16 ms as two running maxima over every character).

    >>> w = np.array([1, 0, 0, 0, 0, 1, 0], bool); _join_marks(w, np.array([0, 1, 1, 0, 1, 0, 1], bool))
    >>> w.astype(int).tolist()
    [1, 1, 1, 0, 0, 1, 1]
    """
    marks = np.flatnonzero(cont & ~inword)
    if not len(marks):
        return
    # the first mark of each run of consecutive marks, for every mark
    starts = np.ones(len(marks), dtype=bool)
    starts[1:] = marks[1:] != marks[:-1] + 1
    first = marks[np.maximum.accumulate(np.where(starts, np.arange(len(marks)), 0))]
    before = first - 1  # not a mark: a word character, or a character that ends the run
    joined = np.zeros(len(marks), dtype=bool)
    ok = before >= 0
    joined[ok] = inword[before[ok]]
    inword[marks[joined]] = True


def _text_words(lower: str) -> np.ndarray:
    """Word hashes of one (lower-cased) text, hashed piece by piece (bounded memory)."""
    parts = [_hash_pieces([lower[a:b]])[0] for a, b in _word_chunks(lower)]
    return parts[0] if len(parts) == 1 else np.concatenate(parts or [np.empty(0, np.uint64)])


def _batches(
    texts: Iterable[str], batch_chars: int = _BATCH_CHARS
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Yield ``(word hashes, words per text)`` for consecutive groups of texts (about
    ``batch_chars`` characters each; the hashes do not depend on the grouping).

    Texts are lower-cased; a text longer than ``_WORD_CHUNK`` is a group of its
    own, hashed in pieces cut at whitespace, so memory stays bounded whatever
    the document sizes.
    """
    pending: list[str] = []
    size = 0
    for text in texts:
        lower = text.lower()
        if len(lower) > _WORD_CHUNK:
            if pending:
                yield _hash_pieces(pending)
                pending, size = [], 0
            words = _text_words(lower)
            yield words, np.array([len(words)], dtype=np.int64)
            continue
        pending.append(lower)
        size += len(lower)
        if size >= batch_chars:
            yield _hash_pieces(pending)
            pending, size = [], 0
    if pending:
        yield _hash_pieces(pending)


def _ngrams(words: np.ndarray, n: int = _SHINGLE) -> np.ndarray:
    """Hashes of every word ``n``-gram of ``words`` (position order, not unique)."""
    m = len(words) - n + 1
    if m <= 0:
        return np.empty(0, dtype=np.uint64)
    out = words[:m].copy()
    for k in range(1, n):
        out *= _MIX  # (in place: the same values as out * _MIX + words[k : k + m])
        out += words[k : k + m]
    return out


def _overlap(a: np.ndarray, b: np.ndarray) -> int:
    """How many values two sorted arrays of unique values share (``len(np.intersect1d(a, b))``).

    Both are sorted together: a value of both stands next to its copy
    (``np.intersect1d``'s own method, without its checks and copies).

    >>> _overlap(np.array([1, 3, 5, 7], dtype=np.uint64), np.array([3, 4, 7], dtype=np.uint64))
    2
    """
    if not len(a) or not len(b):
        return 0
    # each value is unique within its array, so a value both hold is sorted next to its
    # copy: one (SIMD) sort of both, a fifth less time than a binary search of each value
    # of the shorter array in the longer (~700 values each, article-length documents)
    both = np.concatenate((a, b))
    both.sort()
    return int(np.count_nonzero(both[1:] == both[:-1]))


def _shingle_set(text: str) -> np.ndarray:
    """Sorted unique word 5-gram hashes of one document (for the exact Jaccard)."""
    return sorted_unique(_ngrams(_text_words(text.lower())))


def _permuted(sh: np.ndarray, buf: np.ndarray) -> np.ndarray:
    """``_PERM_A * sh + _PERM_B`` for every permutation (rows), written into ``buf``.

    ``buf`` is allocated once per batch: a new (64, 4096) array per chunk of
    shingles costs its page faults every time (2 MB, above malloc's mmap threshold).
    """
    vals = buf[:, : len(sh)]
    np.multiply(_PERM_A[:, None], sh[None, :], out=vals)
    vals += _PERM_B[:, None]
    return vals


def _minhash(sh: np.ndarray, buf: np.ndarray | None = None) -> np.ndarray:
    sig = np.full(_N_PERM, _MAX64, dtype=np.uint64)
    if buf is None:
        buf = np.empty((_N_PERM, _SIG_CHUNK), dtype=np.uint64)
    for i in range(0, len(sh), _SIG_CHUNK):
        np.minimum(sig, _permuted(sh[i : i + _SIG_CHUNK], buf).min(axis=1), out=sig)
    return sig


def _signatures(words: np.ndarray, counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """MinHash signatures ``(k, _N_PERM)`` and shingle counts of a batch of ``k`` texts.

    The minimum over a multiset equals the minimum over its set, so shingles
    need not be made unique here.
    """
    k = len(counts)
    ends = np.cumsum(counts)
    sh = _ngrams(words)
    if len(sh) and k > 1:  # drop the n-grams that run from one text into the next
        cross = (ends[:-1, None] - np.arange(1, _SHINGLE)[None, :]).ravel()
        keep = np.ones(len(sh), dtype=bool)
        keep[cross[(cross >= 0) & (cross < len(sh))]] = False
        sh = sh[keep]
    n_sh = np.maximum(counts - _SHINGLE + 1, 0)
    bounds = np.concatenate(([0], np.cumsum(n_sh)))
    sigs = np.full((k, _N_PERM), _MAX64, dtype=np.uint64)
    buf = np.empty((_N_PERM, _SIG_CHUNK), dtype=np.uint64)
    t = 0
    while t < k:
        u = max(t + 1, int(np.searchsorted(bounds, bounds[t] + _SIG_CHUNK, side="right")) - 1)
        lo, hi = int(bounds[t]), int(bounds[u])
        if hi - lo > _SIG_CHUNK:  # one long text
            sigs[t] = _minhash(sh[lo:hi], buf)
        elif hi > lo:
            nz = np.flatnonzero(n_sh[t:u]) + t
            vals = _permuted(sh[lo:hi], buf)
            sigs[nz] = np.minimum.reduceat(vals, bounds[nz] - lo, axis=1).T
        t = u
    return sigs, n_sh


def _band_keys(sigs: np.ndarray) -> list[list[bytes]]:
    """The LSH band keys of each signature: the bytes of its ``_BANDS`` bands of rows."""
    rows = _N_PERM // _BANDS
    arr = np.ascontiguousarray(sigs, dtype=np.uint64).reshape(len(sigs), _BANDS, rows)
    keys = arr.view(np.dtype((np.void, rows * 8))).reshape(-1, _BANDS).tolist()
    return keys  # type: ignore[return-value]  # void items come back as bytes


def _shingle_sets(texts: list[str]) -> list[np.ndarray]:
    """:func:`_shingle_set` of every text, the words hashed and the 5-grams made a batch at a time."""
    out: list[np.ndarray] = []
    for words, counts in _batches(texts, _VERIFY_BATCH_CHARS):
        sh = _ngrams(words)  # n-grams of the batch: those of text d start at its first word
        ends = np.cumsum(counts)
        n_sh = np.maximum(counts - _SHINGLE + 1, 0)  # the ones that stay within text d
        firsts = (ends - counts).tolist()
        for a, n in zip(firsts, n_sh.tolist(), strict=True):
            sh[a : a + n].sort()  # each text's n-grams sorted in place (no copy, no call per text)
        # a value equal to the one before it in the same text is a repeat
        new = np.ones(len(sh), dtype=bool)
        np.not_equal(sh[1:], sh[:-1], out=new[1:])
        for a, n in zip(firsts, n_sh.tolist(), strict=True):
            seg = sh[a : a + n]
            keep = new[a : a + n].copy()
            keep[:1] = True
            out.append(seg[keep])
    return out


def _band_mix(cols: np.ndarray) -> np.ndarray:
    """A 64-bit mix of each row of a band's columns (equal rows, equal mix)."""
    mixed = cols[:, 0].copy()
    for c in range(1, cols.shape[1]):
        mixed *= _MIX
        mixed += cols[:, c]
    return mixed


def _band_order(cols: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Documents ordered so equal bands are adjacent, in corpus order within a band, and
    where each band's group begins (``new``).

    One stable sort of a 64-bit mix of the band's rows (a fifth of the time of a
    sort on the rows themselves); when two different bands share a mix (about one
    corpus in 10^9) the rows decide, as they always did.
    """
    m = len(cols)
    mixed = _band_mix(cols)
    o = np.argsort(mixed, kind="stable")
    s = cols[o]
    new = np.ones(m, dtype=bool)
    new[1:] = (s[1:] != s[:-1]).any(axis=1)
    hm = mixed[o]
    if (new[1:] & (hm[1:] == hm[:-1])).any():  # one mix, two bands: sort on the rows
        pos = np.arange(m)
        o = np.lexsort((pos, *[cols[:, c] for c in range(cols.shape[1] - 1, -1, -1)]))
        s = cols[o]
        new[1:] = (s[1:] != s[:-1]).any(axis=1)
    return o, new


class _Buckets:
    """The LSH buckets of documents in corpus order, built with array sorts, not a dict per band.

    A document's candidates are the members of its buckets that came before
    it among the first ``_BUCKET_CAP`` of the bucket (what :meth:`_Near.block`
    collects, bucket by bucket, as documents arrive): in each band, the
    documents are sorted by their band (then corpus order); a document of
    rank ``r`` in its band's group has the first ``min(r, _BUCKET_CAP)`` of
    the group as candidates.
    """

    def __init__(self, sigs: np.ndarray) -> None:
        m = len(sigs)
        rows = _N_PERM // _BANDS
        pos = np.arange(m)
        index = np.int32 if m < 2**31 else np.int64  # 12 bytes a document and band, not 24
        self.order = np.empty((_BANDS, m), dtype=index)
        self.start = np.empty((_BANDS, m), dtype=index)  # of the group, in ``order``
        self.rank = np.empty((_BANDS, m), dtype=index)
        for b in range(_BANDS):
            cols = sigs[:, b * rows : (b + 1) * rows]
            o, new = _band_order(cols)
            gs = np.maximum.accumulate(np.where(new, pos, 0))
            self.order[b] = o
            self.start[b, o] = gs
            self.rank[b, o] = pos - gs

    def pairs(self, lo: int, hi: int) -> list[tuple[int, list[int]]]:
        """``(q, sorted candidates)`` for the documents ``q`` in ``[lo, hi)`` that have any."""
        return _grouped(*self.pair_arrays(lo, hi))

    def pair_arrays(self, lo: int, hi: int) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`pairs` as two arrays: queries (ascending) and their candidates (ascending
        within a query), one entry per pair."""
        qs, cs = [], []
        q = np.arange(lo, hi)
        for b in range(_BANDS):
            cnt = np.minimum(self.rank[b, lo:hi], _BUCKET_CAP)
            total = int(cnt.sum())
            if not total:
                continue
            first = np.repeat(self.start[b, lo:hi] - (np.cumsum(cnt) - cnt), cnt)
            qs.append(np.repeat(q, cnt))
            cs.append(self.order[b, first + np.arange(total)])
        if not qs:
            return np.empty(0, np.int64), np.empty(0, np.int64)
        key = sorted_unique(np.concatenate(qs) * len(self.order[0]) + np.concatenate(cs))
        qq, cc = np.divmod(key, len(self.order[0]))
        return qq, cc


def _grouped(qq: np.ndarray, cc: np.ndarray) -> list[tuple[int, list[int]]]:
    """``(q, candidates)`` per run of equal queries ``qq``: one list of candidates cut at each
    new query (no array per query).

    >>> _grouped(np.array([2, 2, 5]), np.array([0, 1, 3]))
    [(2, [0, 1]), (5, [3])]
    """
    if not len(qq):
        return []
    bounds = [0, *(np.flatnonzero(np.diff(qq)) + 1).tolist(), len(qq)]
    firsts, cands = qq[bounds[:-1]].tolist(), cc.tolist()
    return [(q, cands[a:b]) for q, a, b in zip(firsts, bounds, bounds[1:], strict=False)]


class _Near:
    """Near-duplicate search over LSH buckets, in corpus order, a block of documents at a time.

    A document's candidates are the earlier members of its buckets, which do
    not depend on which documents were flagged; so each block's candidates
    are collected first, the shingle sets they need are hashed together, and
    the candidates are then verified document by document, in order.
    """

    def __init__(
        self,
        texts: Sequence[str],
        doc_ids: Sequence[Any],  # or indices (DuplicateFinder)
        threshold: float,
        dup_of: list[Any],
        kind: list[str | None],
        sig_rows: np.ndarray | None = None,
    ) -> None:
        self.texts, self.doc_ids, self.threshold = texts, doc_ids, threshold
        self.dup_of, self.kind = dup_of, kind
        self.buckets: list[dict[bytes, list[int]]] = [{} for _ in range(_BANDS)]
        # the low 16 bits of every document's MinHash values, to skip hopeless candidates:
        # given (the signed path has them all), else filled block by block
        self.sig_rows: np.ndarray = (
            sig_rows if sig_rows is not None else np.zeros((len(texts), _N_PERM), dtype=np.uint16)
        )
        self.min_agree = _min_agreement(threshold)
        # bucket members come back as candidates again and again (a bucket keeps its first
        # _BUCKET_CAP documents), so their shingle sets are cached, within a bounded size
        self.member_shingles = _ShingleCache(texts)

    def block(self, js: Sequence[int], sigs: np.ndarray, n_sh: Sequence[int]) -> None:
        """Check documents ``js`` (signatures ``sigs``, shingle counts ``n_sh``) in order."""
        pairs: list[tuple[int, list[int]]] = []
        self.sig_rows[list(js)] = sigs.astype(np.uint16)
        for j, keys, n in zip(js, _band_keys(sigs), n_sh, strict=True):
            if n == 0:
                continue
            cands: set[int] = set()
            for bucket, key in zip(self.buckets, keys, strict=True):
                members = bucket.get(key)
                if members is None:
                    bucket[key] = [j]
                    continue
                cands.update(members)
                if len(members) < _BUCKET_CAP:
                    members.append(j)
            if cands:
                pairs.append((j, sorted(cands)))
        if pairs:
            self._verify(pairs)

    def _plausible(self, pairs: list[tuple[int, list[int]]]) -> list[tuple[int, list[int]]]:
        """The pairs without the candidates whose MinHash values agree too rarely.

        The share of the 64 values two documents agree on estimates their
        Jaccard (a binomial count); a candidate more than 4.5 standard deviations
        below the threshold is not verified (a pair exactly at the default
        threshold 0.9 is dropped about once in 100,000; one above it, more rarely). Documents that share a few paragraphs fill the
        buckets: at 40,000 article-length texts built from shared paragraphs,
        96,298 candidates were verified by their shingle sets for 2,425 copies.
        """
        if self.min_agree <= 0 or not pairs:
            return pairs
        lens = [len(c) for _, c in pairs]
        qs = np.repeat(np.array([j for j, _ in pairs]), lens)
        cs = np.fromiter(chain.from_iterable(c for _, c in pairs), dtype=np.int64, count=sum(lens))
        agree = (self.sig_rows[qs] == self.sig_rows[cs]).sum(axis=1) >= self.min_agree
        out, k = [], 0
        for (j, cands), n in zip(pairs, lens, strict=True):
            keep = [c for c, ok in zip(cands, agree[k : k + n].tolist(), strict=True) if ok]
            k += n
            if keep:
                out.append((j, keep))
        return out

    def _plausible_arrays(self, qs: np.ndarray, cs: np.ndarray) -> list[tuple[int, list[int]]]:
        """:meth:`_plausible` of the pairs ``qs[k], cs[k]`` (queries ascending, candidates
        ascending within a query), filtered as arrays before any list is made."""
        if self.min_agree > 0 and len(qs):
            agree = (self.sig_rows[qs] == self.sig_rows[cs]).sum(axis=1) >= self.min_agree
            qs, cs = qs[agree], cs[agree]
        return _grouped(qs, cs)

    def _verify(self, pairs: list[tuple[int, list[int]]]) -> None:
        """Verify the plausible pairs in order (see :meth:`_check`)."""
        self._check(self._plausible(pairs))

    def _check(self, pairs: list[tuple[int, list[int]]], release: bool = False) -> None:
        """Verify the pairs in order, hashing the texts of about ``_VERIFY_CHARS`` at a time.

        With ``release`` (``pairs`` are all there will be), a document's shingle set
        leaves the cache after the last pair that reads it, so the cache's budget holds
        the sets still needed: on 100,000 article-length texts sharing paragraphs,
        27,140 documents are read by 23,421 pairs, and a least-recently-used cache
        alone hashed 63,886 texts for them.
        """
        last = _last_uses(pairs) if release else None
        cached = self.member_shingles.cache
        start, size = 0, 0
        texts: dict[int, str] = {}
        for k, (j, cands) in enumerate(pairs):
            for i in (j, *cands):
                if i not in texts and i not in cached:
                    texts[i] = self.texts[i]
                    size += len(texts[i])
            if size >= _VERIFY_CHARS or k == len(pairs) - 1:
                self._verify_group(pairs[start : k + 1], texts, start, last)
                start, size, texts = k + 1, 0, {}

    def _verify_group(
        self,
        pairs: list[tuple[int, list[int]]],
        texts: dict[int, str],
        at: int = 0,
        last: dict[int, int] | None = None,
    ) -> None:
        """Flag each ``j`` with its first candidate (corpus order) of Jaccard >= threshold.

        ``pairs`` start at pair ``at``; a document whose ``last`` pair this is leaves the cache.
        """
        cache = self.member_shingles
        sets = dict(zip(texts, _shingle_sets(list(texts.values())), strict=True))
        for i, sh in sets.items():
            cache.put(i, sh)
        thr = self.threshold
        for n, (j, cands) in enumerate(pairs, start=at):
            sh = sets[j] if j in sets else cache(j)
            ls = len(sh)
            for i in cands:
                other = sets[i] if i in sets else cache(i)
                lo = len(other)
                # J <= min/max: a pair of too unequal sizes cannot reach the threshold
                if (lo if lo < ls else ls) < thr * (ls if lo < ls else lo):
                    continue
                inter = _overlap(sh, other)
                if inter / (ls + lo - inter) >= thr:
                    self.dup_of[j], self.kind[j] = self.doc_ids[i], "near"
                    break
            if last is not None:
                for i in (j, *cands):
                    if last[i] == n:
                        cache.drop(i)


def _last_uses(pairs: list[tuple[int, list[int]]]) -> dict[int, int]:
    """The index of the last pair that reads each document (as query or candidate).

    >>> _last_uses([(3, [0, 1]), (4, [1])])
    {3: 0, 0: 0, 1: 1, 4: 1}
    """
    last: dict[int, int] = {}
    for k, (j, cands) in enumerate(pairs):
        last[j] = k
        for i in cands:
            last[i] = k
    return last


class _ShingleCache:
    """Shingle sets of documents by index, least recently used first out, within a byte budget."""

    def __init__(self, texts: Sequence[str], budget: int = _SHINGLE_BUDGET) -> None:
        self.texts, self.budget, self.size = texts, budget, 0
        self.cache: OrderedDict[int, np.ndarray] = OrderedDict()

    def __call__(self, i: int) -> np.ndarray:
        hit = self.cache.get(i)
        if hit is not None:
            self.cache.move_to_end(i)
            return hit
        sh = _shingle_set(self.texts[i])
        self.put(i, sh)
        return sh

    def drop(self, i: int) -> None:
        """Forget the shingle set of document ``i`` (no longer needed)."""
        sh = self.cache.pop(i, None)
        if sh is not None:
            self.size -= sh.nbytes

    def put(self, i: int, sh: np.ndarray) -> None:
        """Keep ``sh`` as the shingle set of document ``i`` (the oldest out past the budget)."""
        if i in self.cache:
            return
        self.cache[i] = sh
        self.size += sh.nbytes
        while self.size > self.budget and len(self.cache) > 1:
            _, old = self.cache.popitem(last=False)
            self.size -= old.nbytes


def _min_agreement(threshold: float) -> int:
    """Fewest of the ``_N_PERM`` MinHash values a pair of Jaccard ``threshold`` shares, less
    4.5 standard deviations of the binomial count (0: no candidate is skipped)."""
    mean = _N_PERM * threshold
    return max(0, math.floor(mean - 4.5 * math.sqrt(mean * max(0.0, 1.0 - threshold))))


def _digest(text: str) -> bytes | None:
    """The exact-duplicate key of a text (None for a text of no word: never a duplicate).

    A text without a word character (blank, or only symbols such as ``***`` or
    ``--``) has no word and no 5-gram: two such texts share no content, so they
    are neither exact nor near copies of each other.

    >>> _digest("***") is None, _digest("  ") is None, len(_digest("A b."))
    (True, True, 16)
    """
    if _WORD_CHAR_RE.search(text) is None:  # blank or wordless (every word starts with \w)
        return None
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def signatures(texts: Sequence[str]) -> tuple[list[bytes | None], np.ndarray, np.ndarray]:
    """What :func:`flag_duplicates` needs of each text, computed text by text.

    Returns ``(digests, sigs, n_shingles)``: the blake2b digest (None for a
    text of no word: blank, or symbols only), the MinHash signature (row of ``sigs``, shape ``(n, 64)``;
    all-max for a text of no word) and the number of word 5-grams. Each text's
    values depend on that text alone, so batches of a corpus can be signed
    in separate processes and joined (:func:`join_signatures`).

    Examples
    --------
    >>> digests, sigs, n_sh = signatures(["one two three four five six", " "])
    >>> digests[1], sigs.shape, n_sh.tolist()
    (None, (2, 64), [2, 0])
    """
    digests = [_digest(t) for t in texts]
    sigs = np.full((len(texts), _N_PERM), _MAX64, dtype=np.uint64)
    n_sh = np.zeros(len(texts), dtype=np.int64)
    todo = [j for j, d in enumerate(digests) if d is not None]
    pos = 0
    for words, counts in _batches(texts[j] for j in todo):
        s, n = _signatures(words, counts)
        idx = todo[pos : pos + len(counts)]
        sigs[idx], n_sh[idx] = s, n
        pos += len(counts)
    return digests, sigs, n_sh


def join_signatures(
    parts: Sequence[tuple[list[bytes | None], np.ndarray, np.ndarray]],
) -> tuple[list[bytes | None], np.ndarray, np.ndarray]:
    """The :func:`signatures` of consecutive batches as those of the whole corpus."""
    digests = [d for p in parts for d in p[0]]
    if not parts:
        return digests, np.empty((0, _N_PERM), np.uint64), np.empty(0, np.int64)
    return digests, np.concatenate([p[1] for p in parts]), np.concatenate([p[2] for p in parts])


def _exact(
    digests: Iterable[bytes | None],
    doc_ids: Sequence[str],
    dup_of: list[str | None],
    kind: list[str | None],
    at: int = 0,
    first: dict[bytes, int] | None = None,
) -> list[int]:
    """Flag the exact copies among documents ``at, at + 1, ...`` (``first``: each digest's
    first document so far) and return the others that have a word (the near-duplicate
    search's documents)."""
    first = {} if first is None else first
    todo: list[int] = []
    for j, digest in enumerate(digests, start=at):
        if digest is None:
            continue
        if digest in first:
            dup_of[j], kind[j] = doc_ids[first[digest]], "exact"
            continue
        first[digest] = j
        todo.append(j)
    return todo


def _near_signed(
    texts: Sequence[str],
    doc_ids: Sequence[str],
    threshold: float,
    signed: tuple[list[bytes | None], np.ndarray, np.ndarray],
    todo: list[int],
    dup_of: list[str | None],
    kind: list[str | None],
    known: Callable[[int, list[int]], int | None | bool] | None = None,
) -> None:
    """The near duplicates among the documents ``todo`` (signed path of :func:`flag_duplicates`).

    ``known(j, candidates)``: document ``j``'s result when it was found before
    with these candidates (the candidate's index, or None: no near copy), else False.
    """
    rows16 = signed[1].astype(np.uint16)
    near = _Near(texts, doc_ids, threshold, dup_of, kind, sig_rows=rows16)
    live = [j for j, n in zip(todo, signed[2][todo].tolist(), strict=True) if n > 0]
    # every document live (no exact copy, no empty text): the matrix as it is, no copy
    buckets = _Buckets(signed[1] if len(live) == len(signed[1]) else signed[1][live])
    at = np.array(live, dtype=np.int64)  # ascending: corpus order kept
    found: list[tuple[int, list[int]]] = []  # every plausible pair first: see _Near._check
    for k in range(0, len(live), _NEAR_BLOCK):
        qq, cc = buckets.pair_arrays(k, min(k + _NEAR_BLOCK, len(live)))
        found += near._plausible_arrays(at[qq], at[cc])
    if known is not None:
        todo_pairs = []
        for j, cands in found:
            got = known(j, cands)
            if got is False:
                todo_pairs.append((j, cands))
            elif got is not None:
                dup_of[j], kind[j] = doc_ids[got], "near"
        found = todo_pairs
    near._check(found, release=True)


def flag_duplicates(
    texts: Sequence[str],
    doc_ids: Sequence[str],
    threshold: float = 0.9,
    *,
    signed: tuple[list[bytes | None], np.ndarray, np.ndarray] | None = None,
) -> tuple[list[str | None], list[str | None]]:
    """Return ``(duplicate_of, duplicate_kind)`` per document (later docs point to earlier ones).

    Exact = same clean text (blake2b digest). Near = Jaccard of word 5-gram sets
    >= ``threshold``, candidates from MinHash LSH (64 permutations, 16 bands of
    4 rows), each candidate verified with the exact Jaccard (shingle sets are
    recomputed for the pair, so memory holds no shingle set per document).
    An LSH bucket keeps its first ``_BUCKET_CAP`` documents: thousands of
    near-identical rows then cost O(n), not O(n^2) (a document whose only near
    copy is beyond the first ``_BUCKET_CAP`` of every shared bucket is missed).
    Texts of no word (empty, blank, or symbols only such as ``***``) are never
    duplicates. :func:`~corpus_tools.load_corpus` fills
    ``duplicate_of`` / ``duplicate_kind`` with it, passing ``signed``: the
    :func:`signatures` of ``texts``, computed while cleaning (same result).

    Examples
    --------
    >>> story = " ".join(f"word{i}" for i in range(200))
    >>> flag_duplicates([story, story, story.replace("word99", "other"), "", "Other text."],
    ...                 ["a", "b", "c", "d", "e"])
    ([None, 'a', 'a', None, None], [None, 'exact', 'near', None, None])
    """
    dup_of: list[str | None] = [None] * len(texts)
    kind: list[str | None] = [None] * len(texts)
    digests = signed[0] if signed is not None else map(_digest, texts)
    todo = _exact(digests, doc_ids, dup_of, kind)
    if signed is not None:
        _near_signed(texts, doc_ids, threshold, signed, todo, dup_of, kind)
        return dup_of, kind
    near = _Near(texts, doc_ids, threshold, dup_of, kind)
    pos = 0
    wanted = np.zeros(len(texts), dtype=bool)
    wanted[todo] = True
    firsts = (t for t, w in zip(texts, wanted.tolist(), strict=True) if w)
    for words, counts in _batches(firsts):
        sigs, n_sh = _signatures(words, counts)
        near.block(todo[pos : pos + len(counts)], sigs, n_sh.tolist())
        pos += len(counts)
    return dup_of, kind


#: documents' indices as their own ids (results of :class:`DuplicateFinder` are indices)
_INDEX = range(2**62)


class DuplicateFinder:
    """:func:`flag_duplicates` with ``signed``, found a block of documents at a time as they come.

    ``texts`` holds the documents added so far (it grows; only candidates'
    texts are read). :meth:`add` takes the next documents' :func:`signatures`;
    every ``_NEAR_BLOCK`` documents, their exact copies are flagged and their
    LSH candidates (earlier documents, the same ones :func:`flag_duplicates`
    finds: each band's documents kept sorted by a 64-bit mix of the band, then
    corpus order) verified, so in a load this runs while the pool cleans the
    next batches. :meth:`flags` gives :func:`flag_duplicates`'s result.

    Examples
    --------
    >>> story = " ".join(f"word{i}" for i in range(200))
    >>> texts = [story, story, story.replace("word99", "other"), "", "Other text."]
    >>> finder = DuplicateFinder(texts)
    >>> for t in texts:
    ...     finder.add(*signatures([t]))
    >>> finder.flags(["a", "b", "c", "d", "e"], signatures(texts))
    ([None, 'a', 'a', None, None], [None, 'exact', 'near', None, None])
    """

    def __init__(self, texts: Sequence[str], threshold: float = 0.9) -> None:
        self.texts, self.threshold = texts, threshold
        self.dup: list[int | None] = []  # the earlier copy's index
        self.kind: list[str | None] = []
        self.first: dict[bytes, int] = {}
        self.sigs = np.empty((0, _N_PERM), dtype=np.uint64)
        # each band: the mixes of the documents searched (ascending) and their indices
        self.keys = [np.empty(0, dtype=np.uint64) for _ in range(_BANDS)]
        self.docs = [np.empty(0, dtype=np.int64) for _ in range(_BANDS)]
        #: the plausible candidates each document was verified against
        self.checked: dict[int, list[int]] = {}
        #: two different bands of one mix met (about one corpus in 10^9): search again at the end
        self.collision = False
        self.rows16 = np.empty((0, _N_PERM), dtype=np.uint16)  # what _Near compares
        self.near = _Near(texts, _INDEX, threshold, self.dup, self.kind, sig_rows=self.rows16)
        self.pending: list[tuple[list[bytes | None], np.ndarray, np.ndarray]] = []
        self.n = 0  # documents added
        #: every searched document's digest and 5-gram count (with ``sigs``: its signature)
        self.digests: list[bytes | None] = []
        self.counts = np.empty(0, dtype=np.int64)

    def add(self, digests: list[bytes | None], sigs: np.ndarray, n_sh: np.ndarray) -> None:
        """The next documents' :func:`signatures` (searched once a block of them waits)."""
        self.pending.append((digests, sigs, n_sh))
        self.n += len(digests)
        if self.n - len(self.dup) >= _NEAR_BLOCK:
            self.search()

    def search(self) -> None:
        """Flag the waiting documents' exact copies, then find and verify their near ones."""
        if not self.pending:
            return
        digests, sigs, n_sh = join_signatures(self.pending)
        self.pending = []
        lo, hi = len(self.dup), self.n
        self.dup += [None] * (hi - lo)
        self.kind += [None] * (hi - lo)
        for rows, dtype in ((self.sigs, np.uint64), (self.rows16, np.uint16)):
            rows.resize((hi, _N_PERM), refcheck=False)  # realloc: no copy of the rows so far
            rows[lo:hi] = sigs.astype(dtype, copy=False)
        self.digests += digests
        self.counts.resize(hi, refcheck=False)
        self.counts[lo:] = n_sh
        todo = _exact(digests, _INDEX, self.dup, self.kind, lo, self.first)  # type: ignore[arg-type]
        live = np.array([j for j in todo if n_sh[j - lo] > 0], dtype=np.int64)
        if not len(live):
            return
        qs, cs = [], []
        for b in range(_BANDS):
            q, c = self._band_pairs(b, live)
            qs.append(q)
            cs.append(c)
        key = sorted_unique((np.concatenate(qs) << 32) | np.concatenate(cs))
        pairs = self.near._plausible_arrays(key >> 32, key & 0xFFFFFFFF)
        self.checked.update(pairs)
        self.near._check(pairs)

    def _band_pairs(self, b: int, live: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Band ``b``'s pairs (document, candidate) of the documents ``live`` (ascending,
        after every document searched before): in a group of equal bands, a document's
        candidates are the group's first ``min(rank, _BUCKET_CAP)`` (as :class:`_Buckets`)."""
        rows = _N_PERM // _BANDS
        mixed = _band_mix(self.sigs[live, b * rows : (b + 1) * rows])
        o = np.argsort(mixed, kind="stable")
        new_keys, new_docs = mixed[o], live[o]
        pos = np.searchsorted(self.keys[b], new_keys, side="right")  # after earlier documents
        keys = self.keys[b] = np.insert(self.keys[b], pos, new_keys)
        docs = self.docs[b] = np.insert(self.docs[b], pos, new_docs)
        start = np.searchsorted(keys, new_keys, side="left")
        cnt = np.minimum(pos + np.arange(len(pos)) - start, _BUCKET_CAP)
        total = int(cnt.sum())
        first = np.repeat(start - (np.cumsum(cnt) - cnt), cnt) + np.arange(total)
        q, c = np.repeat(new_docs, cnt), docs[first]
        band = slice(b * rows, (b + 1) * rows)
        if not (self.sigs[q, band] == self.sigs[c, band]).all():
            self.collision = True  # one mix, two bands: flags() searches again
        return q, c

    def signatures(self) -> tuple[list[bytes | None], np.ndarray, np.ndarray]:
        """The :func:`signatures` of every document added (copies), as :meth:`add` got them."""
        self.search()
        return list(self.digests), self.sigs.copy(), self.counts.copy()

    def flags(
        self,
        doc_ids: Sequence[str],
        signed: tuple[list[bytes | None], np.ndarray, np.ndarray] | None = None,
        changed: set[int] | frozenset[int] = frozenset(),
    ) -> tuple[list[str | None], list[str | None]]:
        """``flag_duplicates(texts, doc_ids, signed=signed)``, ``signed`` of every document.

        Documents whose text (and signature) ``changed`` since they were added are
        searched again, with every document whose candidates are not exactly those it
        was verified against or include a changed one; the others keep their result.
        ``signed`` is only read then, or after a :attr:`collision`.
        """
        self.search()
        if not changed and not self.collision:
            return [None if i is None else doc_ids[i] for i in self.dup], list(self.kind)
        if signed is None:
            raise ValueError("flags() needs every document's signatures to search again")
        dup_of: list[str | None] = [None] * len(doc_ids)
        kind: list[str | None] = [None] * len(doc_ids)
        todo = _exact(signed[0], doc_ids, dup_of, kind)

        def known(j: int, cands: list[int]) -> int | None | bool:
            if self.collision or j in changed or self.checked.get(j) != cands:
                return False
            if not changed.isdisjoint(cands):
                return False
            return self.dup[j] if self.kind[j] == "near" else None

        _near_signed(self.texts, doc_ids, self.threshold, signed, todo, dup_of, kind, known)
        return dup_of, kind
