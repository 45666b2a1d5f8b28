"""A bounded, stable sample of documents for the detail analyses of a large corpus.

Counting analyses (term frequencies, keyness, actor counts, the overview)
read every document. The per-sentence detail analyses (quotes and their
speakers, stance triples, frames and their evidence, hedges, keyword in
context) cost time and memory per sentence and produce tables a reader
browses, not totals; on a corpus of 100,000 articles they run on a sample.

:func:`detail_sample` draws that sample:

* **bounded**: at most ``max_docs`` documents; a corpus that small is
  returned as it is (the same object), so small corpora are unaffected;
* **stratified** by a docs column (``outlet`` by default): every group keeps
  at least one document while there is room, the rest of the room is shared
  out in proportion to group size (largest remainder), so the sample has
  the corpus's mix of outlets;
* **stable**: within a group the documents with the smallest hash of their
  ``doc_id`` are taken, so the sample depends only on the documents, not on
  their order, the machine or a random seed, and a document in the sample
  of a corpus stays in it when other groups grow.

:func:`sample_note` says in words what a table was computed on ("a sample
of 5,000 of 100,000 documents, stratified by outlet"), for page headers and
captions.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .corpus import require_corpus
from .errors import CorpusValueError

if TYPE_CHECKING:  # pragma: no cover
    from .corpus import Corpus

__all__ = ["detail_sample", "sample_note", "print_sample_note", "DETAIL_DOCS"]

DETAIL_DOCS = 5000
"""Default bound of :func:`detail_sample` (documents)."""


def doc_hash(doc_id: object) -> int:
    """Return a stable 64-bit hash of a doc_id (blake2b of its text), the sampling order.

    Examples
    --------
    >>> doc_hash("a") == doc_hash("a"), doc_hash("a") == doc_hash("b")
    (True, False)
    """
    digest = hashlib.blake2b(str(doc_id).encode("utf-8", "surrogatepass"), digest_size=8)
    return int.from_bytes(digest.digest(), "big")


def allocate(sizes: pd.Series, total: int) -> pd.Series:
    """Share ``total`` places among groups of ``sizes``: one each while there is room, then by size.

    Every group first gets one place (when ``total`` allows one for every
    group; otherwise the largest groups get one); the remaining places are
    shared in proportion to the documents left in each group, by largest
    remainder (ties: larger group, then :func:`doc_hash` of the label, so
    which of many equal groups get a place is stable but not alphabetical:
    with ``by="doc_id"`` the sample is not the first ids). No group gets more
    places than documents. Returns places per group, same index as ``sizes``.

    Examples
    --------
    >>> allocate(pd.Series({"A": 90, "B": 9, "C": 1}), 10).to_dict()
    {'A': 7, 'B': 2, 'C': 1}
    >>> allocate(pd.Series({"A": 5, "B": 5, "C": 5}), 2).to_dict()
    {'A': 1, 'B': 0, 'C': 1}
    """
    order = sorted(sizes.index, key=lambda g: (-int(sizes[g]), doc_hash(g), str(g)))
    places = pd.Series(0, index=sizes.index, dtype="int64")
    first = order[: min(total, len(order))]
    places[first] = 1
    left = total - len(first)
    rest = (sizes - places).clip(lower=0)
    if left <= 0 or rest.sum() == 0:
        return places
    share = rest * (left / float(rest.sum()))
    whole = np.minimum(np.floor(share).astype("int64"), rest)
    places += whole
    spare = left - int(whole.sum())
    frac = share - whole
    position = {g: i for i, g in enumerate(order)}
    ranked = sorted(
        (g for g in order if places[g] < sizes[g]), key=lambda g: (-float(frac[g]), position[g])
    )
    for g in ranked[:spare]:
        places[g] += 1
    return places


def detail_sample(
    corpus: Corpus, max_docs: int | None = DETAIL_DOCS, *, by: str | None = "outlet"
) -> Corpus:
    """Return at most ``max_docs`` documents of ``corpus``, stratified by ``by``, stable.

    Parameters
    ----------
    corpus : Corpus
        A loaded corpus.
    max_docs : int or None, default 5000
        Most documents in the sample. ``None`` (or a corpus of at most
        ``max_docs`` documents) returns ``corpus`` itself, unchanged.
    by : str or None, default "outlet"
        Docs column to stratify by (documents without a value form one
        group, as in :func:`corpus_tools.group_labels`); ``None``: no strata.

    Returns
    -------
    Corpus
        A sub-corpus (documents in corpus order, with their cleaning log).
        Every group keeps at least one document while ``max_docs`` allows;
        the rest is shared in proportion to group size; within a group the
        documents with the smallest :func:`doc_hash` of their ``doc_id`` are
        taken, so the same corpus always gives the same sample.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> docs = pd.DataFrame({"doc_id": [f"d{i}" for i in range(10)],
    ...                      "outlet": ["A"] * 8 + ["B"] * 2, "text": ["Talks."] * 10})
    >>> c = ct.Corpus(docs)
    >>> s = detail_sample(c, 4)
    >>> len(s), s.docs["outlet"].value_counts().to_dict()
    (4, {'A': 3, 'B': 1})
    >>> detail_sample(c, 4).doc_ids == s.doc_ids, detail_sample(c, 10) is c
    (True, True)
    >>> sample_note(s, c)
    'a sample of 4 of 10 documents, stratified by outlet'
    """
    require_corpus(corpus, "detail_sample")
    if max_docs is not None and (isinstance(max_docs, bool) or not isinstance(max_docs, int)):
        raise CorpusValueError(f"max_docs={max_docs!r}: give a whole number of documents or None.")
    if max_docs is not None and max_docs < 1:
        raise CorpusValueError(f"max_docs={max_docs!r}: give at least 1 document (None = all).")
    n = len(corpus)
    if max_docs is None or n <= max_docs:
        return corpus
    ids = corpus.docs["doc_id"]
    if by is None:
        groups = pd.Series("", index=ids.index)
    elif by not in corpus.docs.columns:
        known = ", ".join(map(str, corpus.docs.columns))
        raise CorpusValueError(f"by={by!r} is not a docs column; give one of: {known}, or None.")
    else:
        groups = corpus.group_labels(by).reset_index(drop=True)
        groups.index = ids.index
    table = pd.DataFrame({"doc_id": ids, "group": groups, "h": [doc_hash(d) for d in ids]})
    places = allocate(table["group"].value_counts(sort=False), max_docs)
    table = table.sort_values(["group", "h"], kind="mergesort")
    rank = table.groupby("group", sort=False).cumcount()
    keep = table[rank.to_numpy() < places.reindex(table["group"]).to_numpy()]
    return corpus.subset(keep["doc_id"].tolist())


def sample_note(sample: Corpus, corpus: Corpus, *, by: str | None = "outlet") -> str:
    """Say what a detail table was computed on: the sample or all documents.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a", "b"], "text": ["x", "y"]}))
    >>> sample_note(c, c)
    'all 2 documents'
    >>> sample_note(detail_sample(c, 1), c)  # no outlet column: no strata to name
    'a sample of 1 of 2 documents'
    """
    require_corpus(sample, "sample_note", arg="sample")
    require_corpus(corpus, "sample_note")
    n, k = len(corpus), len(sample)
    if k >= n:
        return f"all {n:,} document{'s' if n != 1 else ''}"
    docs = corpus.docs
    grouped = bool(by) and by in docs.columns and bool(docs[by].notna().any())
    strata = f", stratified by {by}" if grouped else ""  # no outlets: nothing was stratified
    return f"a sample of {k:,} of {n:,} documents{strata}"


def print_sample_note(
    sample: Corpus, corpus: Corpus, what: str = "Detail analyses", *, by: str | None = "outlet"
) -> None:
    """Print what a detail table was computed on, only when it is a sample.

    Notebooks call it next to each table computed on :func:`detail_sample`:
    on a corpus small enough to be used whole nothing is printed, so the
    page reads as before.

    Examples
    --------
    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": list("abcd"), "outlet": list("XXYY"),
    ...                             "text": ["Talks."] * 4}))
    >>> print_sample_note(detail_sample(c, 2), c, "Quotes")
    Quotes: a sample of 2 of 4 documents, stratified by outlet.
    >>> print_sample_note(c, c, "Quotes")
    """
    require_corpus(sample, "print_sample_note", arg="sample")
    require_corpus(corpus, "print_sample_note")
    if len(sample) < len(corpus):
        print(f"{what}: {sample_note(sample, corpus, by=by)}.")
