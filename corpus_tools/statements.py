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
from array import array
from collections import defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import pandas as pd

from .errors import CorpusValueError
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
            out.append("#" + re.sub(r"[,.](?=\d{3}\b)", "", w))
            continue
        low = w.lower().replace("\u2019", "'")
        low = re.sub(r"'s$", "", low)
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


def _candidates(
    bags: list[list[str]], df: dict[str, int], max_df: int, prefix: int
) -> tuple[np.ndarray, np.ndarray]:
    """Sentence pairs (i < j) sharing two of their ``prefix`` rarest indexed stems.

    Each sentence is keyed by every pair of its rarest stems (document
    frequency 2..``max_df``); two sentences meet only under a shared key, so
    the cost is linear in the number of sentences (``prefix`` choose 2 keys
    each) plus the pairs found, never all pairs (prefix filtering, as in
    set-similarity joins: Chaudhuri, Ganti & Kaushik 2006).
    """
    vocab: dict[str, int] = {}
    keys = array("q")  # 8 bytes a key, not a Python int each
    owners = array("q")
    for i, bag in enumerate(bags):
        rare = sorted({t for t in bag if 1 < df[t] <= max_df}, key=lambda t: (df[t], t))[:prefix]
        ids = sorted(vocab.setdefault(t, len(vocab)) for t in rare)
        for x in range(len(ids)):
            for y in range(x + 1, len(ids)):
                keys.append(ids[x] * 4_000_000_000 + ids[y])
                owners.append(i)
    if not keys:
        empty = np.array([], dtype=np.int64)
        return empty, empty
    k = np.frombuffer(keys, dtype=np.int64)
    o = np.frombuffer(owners, dtype=np.int64)
    order = np.argsort(k, kind="stable")
    k, o = k[order], o[order]
    starts = np.flatnonzero(np.r_[True, k[1:] != k[:-1]])
    ends = np.r_[starts[1:], len(k)]
    multi = np.flatnonzero((ends - starts >= 2) & (ends - starts <= _KEY_GROUP_CAP))
    pi: list[np.ndarray] = []
    pj: list[np.ndarray] = []
    for g in multi.tolist():
        members = o[starts[g] : ends[g]]
        a, b = np.triu_indices(len(members), 1)
        pi.append(members[a])
        pj.append(members[b])
    if not pi:
        empty = np.array([], dtype=np.int64)
        return empty, empty
    n = len(bags)
    pair = np.unique(np.concatenate(pi) * n + np.concatenate(pj))
    return pair // n, pair % n


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
        are kept (reuse across outlets). Default: any two documents.
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
    sent = _sentence_bags(corpus)
    limit = int(max_df) if max_df is not None else max(50, len(sent.bags) // 1000)
    ci, cj = _cross_candidates(corpus, sent, by, limit, int(prefix))
    doc_pos = {d: i for i, d in enumerate(corpus.docs["doc_id"].astype(str))}
    quote_cache: dict[str, list[tuple[int, int]]] = {}
    rows = []
    for i, j in zip(ci.tolist(), cj.tolist(), strict=True):
        scored = _score(sent, i, j, int(min_shared), float(min_score))
        if scored is None:
            continue
        rows.append(_pair_row(sent, *_in_corpus_order(sent, doc_pos, i, j), scored, quote_cache))
    return _statement_frame(rows, doc_pos, int(max_pairs))


class _Sentences(NamedTuple):
    """Every sentence of a corpus with its content stems and their weights."""

    doc: list[str]  # doc_id of each sentence
    start: list[int]
    end: list[int]
    sent_id: list[int]
    texts: dict[str, str]
    bags: list[list[str]]  # content stems in text order
    df: dict[str, int]  # sentences containing each stem
    idf: dict[str, float]


def _in_corpus_order(sent: _Sentences, doc_pos: dict[str, int], i: int, j: int) -> tuple[int, int]:
    """``(i, j)`` with ``i`` first in corpus order (then by offset)."""
    if doc_pos[sent.doc[j]] < doc_pos[sent.doc[i]] or (
        sent.doc[i] == sent.doc[j] and sent.start[j] < sent.start[i]
    ):
        return j, i
    return i, j


class _Score(NamedTuple):
    score: float
    n_shared: int
    common: set[str]


def _check_options(
    corpus: Corpus, min_score: float, min_shared: int, max_df: int | None, by: str | None
) -> None:
    if not 0.0 <= float(min_score) <= 1.0:
        raise CorpusValueError(f"min_score={min_score!r}; use a number in [0, 1].")
    if int(min_shared) < 1 or (max_df is not None and int(max_df) < 2):
        raise CorpusValueError("min_shared must be >= 1 and max_df >= 2.")
    docs = corpus.docs
    if by is not None and by not in docs.columns:
        raise CorpusValueError(
            f"no column {by!r} in corpus.docs; choose one of {list(docs.columns)}."
        )


def _sentence_bags(corpus: Corpus) -> _Sentences:
    stop = load_stopwords()
    sents = corpus.sentences()
    texts = dict(iter(corpus))
    sd = sents["doc_id"].astype(str).tolist()
    ss = sents["start"].astype(int).tolist()
    se = sents["end"].astype(int).tolist()
    bags = [_content(texts[d][s:e], stop) for d, s, e in zip(sd, ss, se, strict=True)]
    n = len(bags)
    df: dict[str, int] = defaultdict(int)
    for bag in bags:
        for t in set(bag):
            df[t] += 1
    idf = {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}
    sid = sents["sent_id"].astype(int).tolist()
    return _Sentences(sd, ss, se, sid, texts, bags, df, idf)


def _cross_candidates(
    corpus: Corpus, sent: _Sentences, by: str | None, limit: int, prefix: int
) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs from different documents (and different ``by`` groups)."""
    ci, cj = _candidates(sent.bags, sent.df, limit, prefix)
    doc_code = np.unique(np.asarray(sent.doc, dtype=object), return_inverse=True)[1]
    grp_code = doc_code
    if by:
        docs = corpus.docs
        group = dict(zip(docs["doc_id"].astype(str), corpus.group_labels(by).tolist(), strict=True))
        labels = np.asarray([group[d] for d in sent.doc], dtype=object)
        grp_code = np.unique(labels, return_inverse=True)[1]
    keep = (doc_code[ci] != doc_code[cj]) & (grp_code[ci] != grp_code[cj])
    return ci[keep], cj[keep]


def _score(sent: _Sentences, i: int, j: int, min_shared: int, min_score: float) -> _Score | None:
    """Weighted Dice overlap of two sentences' stems, or None below the thresholds."""
    a, b = set(sent.bags[i]), set(sent.bags[j])
    common = a & b
    if len(common) < min_shared:
        return None
    idf = sent.idf
    wa = sum(idf[t] for t in a)
    wb = sum(idf[t] for t in b)
    score = 2 * sum(idf[t] for t in common) / (wa + wb) if wa + wb else 0.0
    if score < min_score:
        return None
    na = {t for t in a if t.startswith("#")}
    nb = {t for t in b if t.startswith("#")}
    if na and nb and not na & nb:
        return None  # same words, different figures
    return _Score(score, len(common), common)


def _pair_row(
    sent: _Sentences, i: int, j: int, sc: _Score, quote_cache: dict[str, list[tuple[int, int]]]
) -> tuple:
    """One output row: the aligned stems, then both sentences with offsets."""
    bags = sent.bags
    sm = difflib.SequenceMatcher(None, bags[i], bags[j], autojunk=False)
    aligned = [t for blk in sm.get_matching_blocks() for t in bags[i][blk.a : blk.a + blk.size]]
    cover = len(aligned) / max(1, min(len(bags[i]), len(bags[j])))
    sides: list[Any] = []
    for k in (i, j):
        d, s, e = sent.doc[k], sent.start[k], sent.end[k]
        if d not in quote_cache:
            quote_cache[d] = _quote_spans(sent.texts[d])
        sides += [d, sent.sent_id[k], s, e, sent.texts[d][s:e], _inside(quote_cache[d], s, e)]
    return (
        round(sc.score, 3),
        "verbatim" if cover >= 0.9 else "paraphrase",
        sc.n_shared,
        " ".join(aligned) if aligned else " ".join(sorted(sc.common)),
        *sides,
    )


def _statement_frame(rows: list[tuple], doc_pos: dict[str, int], max_pairs: int) -> pd.DataFrame:
    out = pd.DataFrame(rows, columns=STATEMENT_COLUMNS)
    if out.empty:
        return out.astype(
            {"score": float, "n_shared": "int64", "in_quote_a": bool, "in_quote_b": bool}
        )
    out["_pa"] = out["doc_a"].map(doc_pos)
    out["_pb"] = out["doc_b"].map(doc_pos)
    out = out.sort_values(
        ["score", "_pa", "a_start", "_pb", "b_start"],
        ascending=[False, True, True, True, True],
        kind="mergesort",
    )
    out = out.drop(columns=["_pa", "_pb"]).head(max_pairs).reset_index(drop=True)
    out["n_shared"] = out["n_shared"].astype("int64")
    for col in ("sent_a", "a_start", "a_end", "sent_b", "b_start", "b_end"):
        out[col] = out[col].astype(np.int64)
    return out
