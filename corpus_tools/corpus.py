"""The ``Corpus`` object: a thin, immutable front over three tidy tables.

A ``Corpus`` holds

* ``docs``: one row per loaded document (cleaned ``text`` and ``raw_text``),
* ``cleaning_log``: one row per span of raw text that cleaning removed or changed,
* ``skipped``: one row per input that was not loaded, with the reason.

Its methods are one-line calls to the module functions of the same name
(``Corpus.sentences()`` is ``corpus_tools.sentences(corpus)``), so notebooks,
scripts and Dask partitions run the same code.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

import numpy as np
import pandas as pd

from ._tables import chunk_takes
from .errors import CorpusValueError

__all__ = [
    "Corpus",
    "DOC_COLUMNS",
    "LOG_COLUMNS",
    "MISSING",
    "SKIPPED_COLUMNS",
    "group_label",
    "group_labels",
    "doc_groups",
]

#: The group label of a document whose ``by`` value is missing (None, NaN, NaT).
MISSING = "(missing)"
#: documents read at a time when a Corpus is iterated
_ITER_BATCH = 2000

DOC_COLUMNS = [
    "doc_id",
    "source",
    "outlet",
    "published",
    "title",
    "text",
    "raw_text",
    "path",
    "encoding",
    "n_chars",
]
LOG_COLUMNS = ["doc_id", "line_no", "start", "end", "rule", "text", "replacement"]
SKIPPED_COLUMNS = ["path", "reason"]

_T = TypeVar("_T")


def _is_missing(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # list-like cell: a value, not a missing one
        return False


#: strftime format of a date label per ``date_precision`` (the loader's column). A
#: "week" date is a best estimate of the day, known to within a week: it keeps its day
#: (a calendar-week label would move it across week boundaries and is not a date).
_DATE_FORMATS = {"year": "%Y", "month": "%Y-%m", "week": "%Y-%m-%d", "day": "%Y-%m-%d"}


def _date_label(value: Any, precision: object) -> str:
    """A date labelled by its precision; without one, by what the value shows."""
    ts = pd.Timestamp(value)
    fmt = _DATE_FORMATS.get(precision) if isinstance(precision, str) else None
    if fmt is not None:
        return ts.strftime(fmt)
    if precision == "time" or ts != ts.normalize():
        return ts.isoformat()
    return ts.strftime("%Y-%m-%d")


def group_label(value: object, precision: object = None) -> str:
    """The group label of one value, by the convention of :func:`group_labels`.

    For values that do not come from ``corpus.docs`` (a column of a quotes
    or claims table, a streamed batch); ``precision`` is a ``date_precision``.

    >>> group_label(None), group_label(pd.Timestamp("2023-10-01"), "month"), group_label(7.0)
    ('(missing)', '2023-10', '7')
    """
    if _is_missing(value):
        return MISSING
    if isinstance(value, (pd.Timestamp, np.datetime64, datetime.datetime, datetime.date)):
        return _date_label(value, precision)
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return str(int(value))  # an integer column with a gap is read as float
    return str(value)


def require_corpus(obj: object, func: str, *, arg: str = "corpus") -> None:
    """Raise a clear error when a public function is given something that is not a corpus.

    A DataFrame, a path, a list of texts or None fail deep inside with an
    AttributeError otherwise; this says what to pass instead.

    Examples
    --------
    >>> require_corpus(pd.DataFrame({"text": ["a"]}), "overview")
    Traceback (most recent call last):
    ...
    corpus_tools.errors.CorpusValueError: overview() needs a Corpus as corpus=, got a pandas DataFrame; build one with ct.load_corpus(df) (a DataFrame with a text column loads directly).
    """
    if isinstance(obj, pd.DataFrame):
        how = "ct.load_corpus(df) (a DataFrame with a text column loads directly)"
    elif isinstance(obj, (str, bytes, os.PathLike)):
        how = f"ct.load_corpus({str(obj)[:80]!r})"
    elif obj is None or isinstance(obj, (pd.Series, list, tuple, dict, set, int, float)):
        how = "ct.load_corpus(...) (a folder, a file or a DataFrame with a text column)"
    else:
        return
    kind = "pandas DataFrame" if isinstance(obj, pd.DataFrame) else type(obj).__name__
    raise CorpusValueError(
        f"{func}() needs a Corpus as {arg}=, got a {kind}; build one with {how}."
    )


def group_labels(corpus: Corpus, by: str) -> pd.Series:
    """Return the group label of every document for ``by=``: the one grouping path.

    Every function that takes ``by=`` (keyness, term frequencies, frames,
    quotes, hedges, sentiment, co-occurrence, streaming...) labels its groups
    with this function, so the same ``by`` gives the same labels in every
    table and results can be joined across functions.

    Label convention
    ----------------
    * missing values (None, NaN, NaT) are the one label :data:`MISSING`,
      ``"(missing)"``;
    * dates are labelled by their precision: with the loader's
      ``date_precision`` column (for ``by="published"``) a day reads
      ``'2023-10-19'``, a month ``'2023-10'``, a year ``'2023'``, a time
      its ISO form ``'2023-10-19T08:00:00'``; a week-precision date (a day
      estimated to within a week) keeps its day ``'2023-10-19'``; without a
      precision a date at midnight reads as its day, any other as its ISO
      form;
    * strings as they are; numbers as ``str`` (a whole float such as
      ``2023.0``, from an integer column with a gap, reads ``'2023'``);
    * ``by="doc_id"`` gives each document its own id (as ``str``).

    Parameters
    ----------
    corpus : Corpus
    by : str
        ``"doc_id"`` or a column of ``corpus.docs`` other than ``text`` and
        ``raw_text`` (``outlet``, ``published``, a user metadata column).

    Returns
    -------
    pandas.Series
        ``str`` labels (object dtype), one per document in corpus order,
        indexed by ``doc_id`` (the index is named ``doc_id``, the Series
        ``by``).

    Raises
    ------
    CorpusValueError
        When ``by`` is not a column of ``corpus.docs``.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "text": ["x", "y", "z"],
    ...                      "published": pd.to_datetime(["2023-10-19", "2023-10-01", None]),
    ...                      "date_precision": ["day", "month", None]})
    >>> group_labels(Corpus(docs), "published").tolist()
    ['2023-10-19', '2023-10', '(missing)']
    """
    docs = corpus.docs
    if by != "doc_id" and (by not in docs.columns or by in ("text", "raw_text")):
        choices = ["doc_id", *[c for c in docs.columns if c not in ("doc_id", "text", "raw_text")]]
        raise CorpusValueError(
            f"by={by!r} is not a column of corpus.docs; choose one of {choices} "
            "or add the column to your metadata."
        )
    values = docs[by].tolist()
    if by == "published" and "date_precision" in docs.columns:
        precisions = docs["date_precision"].tolist()
    else:
        precisions = [None] * len(values)
    labels = [group_label(v, p) for v, p in zip(values, precisions, strict=True)]
    index = pd.Index(docs["doc_id"].tolist(), name="doc_id", dtype=object)
    return pd.Series(labels, index=index, dtype=object, name=by)


def doc_groups(corpus: Corpus, doc_ids: pd.Series, by: str) -> pd.Series:
    """The :func:`group_labels` label of each doc_id in ``doc_ids`` (``str``).

    A doc_id the corpus does not hold gets the missing label.

    >>> import pandas as pd, corpus_tools as ct
    >>> c = ct.Corpus(pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "text": ["x"]}))
    >>> doc_groups(c, pd.Series(["a", "zz"]), "outlet").tolist()
    ['X', '(missing)']
    """
    labels = doc_ids.map(group_labels(corpus, by)).astype(object)
    return labels.where(labels.notna(), MISSING)


def _empty(columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})


def _take_rows(values: pd.Series, pos: np.ndarray) -> list[Any]:
    """``values.array.take(pos).tolist()``, costing the rows asked for on a chunked Arrow column.

    pyarrow's ``take`` on a chunked array concatenates every chunk first (a
    copy of the whole column per call); here each chunk's rows are taken from
    that chunk alone and read through the column's own dtype, so the values
    (and their types) are the same.

    >>> import pyarrow as pa
    >>> col = pd.Series(pd.arrays.ArrowStringArray(pa.chunked_array([["a", "b"], [], ["c", None]])))
    >>> _take_rows(col, np.array([3, 0, 2, 1]))
    [<NA>, 'a', 'c', 'b']
    """
    arr = values.array
    data = arr.__arrow_array__() if hasattr(arr, "__arrow_array__") else None
    if data is None or getattr(data, "num_chunks", 1) <= 1 or not len(pos):
        return list(arr.take(pos).tolist())
    out: list[Any] = [None] * len(pos)
    for where, taken in chunk_takes(data, pos):  # only each chunk's own rows are copied
        values_k = pd.array(taken, dtype=arr.dtype).tolist()  # as pandas gives them
        for at, v in zip(where, values_k, strict=True):
            out[at] = v
    return out


def _check_ids_and_texts(docs: pd.DataFrame) -> None:
    """Every row has a doc_id and a text string; else an error naming the rows and the fix.

    A missing id (NaN) was kept as a document id, and a missing text failed deep in pandas
    (``IntCastingNaNError`` counting its characters).
    """
    no_id = np.flatnonzero(docs["doc_id"].isna().to_numpy())
    if len(no_id):
        rows = ", ".join(str(int(i)) for i in no_id[:5])
        raise CorpusValueError(
            f"doc_id is missing in {len(no_id):,} row(s) (rows {rows}); every document needs "
            "an id: fill them, or build the corpus with load_corpus(), which numbers them."
        )
    text = docs["text"]
    if text.isna().any() or pd.api.types.infer_dtype(text, skipna=True) not in ("string", "empty"):
        bad = np.flatnonzero(~text.map(lambda t: isinstance(t, str)).to_numpy(dtype=bool))
        if not len(bad):
            return
        ids = ", ".join(repr(docs["doc_id"].iloc[i]) for i in bad[:5])
        first = text.iloc[bad[0]]
        what = "missing" if pd.isna(first) else f"a {type(first).__name__}"
        raise CorpusValueError(
            f"text is not a string in {len(bad):,} row(s) (doc_id {ids}; the first is "
            f"{what}); fill or drop them "
            "(docs['text'].fillna('') makes a missing text empty), or build the corpus with "
            "load_corpus(), which lists each document it cannot load in corpus.skipped."
        )


class Corpus:
    """A loaded news corpus: documents, cleaning log and skipped inputs.

    Build one with :func:`corpus_tools.load_corpus`; the constructor is for
    library code that already has the three tables.

    Parameters
    ----------
    docs : pandas.DataFrame
        Must contain at least ``doc_id`` and ``text``; the other columns of
        ``DOC_COLUMNS`` are filled with defaults when missing.
    cleaning_log : pandas.DataFrame, optional
        Columns ``LOG_COLUMNS``.
    skipped : pandas.DataFrame, optional
        Columns ``path, reason``.
    root : str, optional
        The folder the corpus was loaded from (for display only; never part
        of any table).
    keep_raw : bool, default True
        ``False``: the corpus holds no raw text. ``docs["raw_text"]`` is
        None in every row and :meth:`raw` rebuilds a document's raw text from
        its clean text and its cleaning-log rows (exact, as
        :func:`corpus_tools.reconstruct`); a raw text given in ``docs`` is
        dropped. This is what ``load_corpus(..., keep_raw=False)`` builds.

    Notes
    -----
    Treat a ``Corpus`` as immutable. ``sentences()`` and ``tokens()`` are
    computed once per ``Corpus`` object and cached on it (the cache is keyed
    on the object, whose tables never change); each call returns a copy, so
    changing a returned table never changes the corpus.

    Examples
    --------
    >>> import pandas as pd
    >>> c = Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["Talks ended. Envoys left."]}))
    >>> len(c), c.sentences()["text"].tolist()
    (1, ['Talks ended.', 'Envoys left.'])
    """

    def __init__(
        self,
        docs: pd.DataFrame,
        cleaning_log: pd.DataFrame | None = None,
        skipped: pd.DataFrame | None = None,
        *,
        root: str | None = None,
        keep_raw: bool = True,
    ) -> None:
        if not isinstance(docs, pd.DataFrame):
            raise CorpusValueError(
                f"Corpus(docs) needs a pandas DataFrame with 'doc_id' and 'text' columns, got "
                f"{type(docs).__name__}; for a list of texts: "
                "ct.load_corpus(pd.DataFrame({'text': texts}))."
            )
        missing = [c for c in ("doc_id", "text") if c not in docs.columns]
        if missing:
            raise CorpusValueError(
                f"docs table lacks column(s) {missing}; a Corpus needs at least "
                "'doc_id' and 'text'. Build it with load_corpus() instead."
            )
        _check_ids_and_texts(docs)
        if pd.api.types.infer_dtype(docs["doc_id"], skipna=True) not in ("string", "empty"):
            # ids as text, as load_corpus makes them: tables built from the texts (mentions,
            # stories, similarity) give str ids, and kwic gave the int back (no join matched)
            docs = docs.assign(doc_id=docs["doc_id"].astype(str))
            if cleaning_log is not None and "doc_id" in cleaning_log.columns:
                cleaning_log = cleaning_log.assign(doc_id=cleaning_log["doc_id"].astype(str))
        if docs["doc_id"].duplicated().any():
            dup = docs.loc[docs["doc_id"].duplicated(), "doc_id"].iloc[0]
            raise CorpusValueError(f"doc_id {dup!r} occurs more than once; doc_ids must be unique.")
        docs = docs.copy()
        defaults: dict[str, Any] = {
            "source": None,
            "outlet": None,
            "published": pd.NaT,
            "title": None,
            "raw_text": None,
            "path": None,
            "encoding": None,
        }
        for col, val in defaults.items():
            if col not in docs.columns:
                docs[col] = val
        if not keep_raw:  # rebuilt from text + log on demand (raw()): no second copy held
            docs["raw_text"] = pd.Series([None] * len(docs), index=docs.index, dtype=object)
        elif docs["raw_text"].isna().all():  # the text column itself (its buffers are shared):
            # where() made a Python copy of every text (+640 MB at 100k long documents)
            docs["raw_text"] = docs["text"]
        elif docs["raw_text"].isna().any():
            docs["raw_text"] = docs["raw_text"].where(docs["raw_text"].notna(), docs["text"])
        if not len(docs):  # pd.DataFrame({"doc_id": [], "text": []}) holds float columns
            docs = docs.astype({"doc_id": object, "text": object})
        docs["n_chars"] = docs["text"].str.len().astype("int64")
        extra = [c for c in docs.columns if c not in DOC_COLUMNS]
        self._docs = docs[DOC_COLUMNS + extra].reset_index(drop=True)
        self._log = (cleaning_log if cleaning_log is not None else _empty(LOG_COLUMNS)).reset_index(
            drop=True
        )
        self._skipped = (skipped if skipped is not None else _empty(SKIPPED_COLUMNS)).reset_index(
            drop=True
        )
        self.root = root
        self._keep_raw = bool(keep_raw)
        self._cache: dict[str, Any] = {}

    # ------------------------------------------------------------------ tables
    @property
    def docs(self) -> pd.DataFrame:
        """One row per document (see ``DOC_COLUMNS``; user metadata columns follow)."""
        return self._docs

    @property
    def cleaning_log(self) -> pd.DataFrame:
        """One row per removed or changed span of raw text (offsets into ``raw_text``)."""
        return self._log

    @property
    def skipped(self) -> pd.DataFrame:
        """One row per input that was not loaded: ``path, reason``."""
        return self._skipped

    @property
    def keep_raw(self) -> bool:
        """Whether ``docs["raw_text"]`` holds the raw texts (``False``: rebuilt on demand
        from the clean text and the cleaning log by :meth:`raw`; the column is None)."""
        return self._keep_raw

    @property
    def doc_ids(self) -> list[str]:
        """Document ids in corpus order."""
        return self._docs["doc_id"].tolist()

    def __len__(self) -> int:
        return len(self._docs)

    def __iter__(self) -> Iterator[tuple[str, str]]:
        """Iterate ``(doc_id, text)`` pairs in corpus order.

        The columns are read ``_ITER_BATCH`` documents at a time: an
        Arrow-backed text column makes a new Python string per document on
        every read, so a whole-column read would hold every text twice.
        """
        ids, texts = self._docs["doc_id"], self._docs["text"]
        for i in range(0, len(ids), _ITER_BATCH):
            j = i + _ITER_BATCH
            yield from zip(ids.iloc[i:j].tolist(), texts.iloc[i:j].tolist(), strict=False)

    def __repr__(self) -> str:
        outlets = self._docs["outlet"].dropna().nunique()
        return (
            f"<Corpus: {len(self)} documents, {outlets} outlets, "
            f"{len(self._log)} cleaning edits, {len(self._skipped)} skipped>"
        )

    # --------------------------------------------------------------- accessors
    def _doc_index(self, rebuild: bool = False) -> dict[Any, int]:
        """``doc_id -> row position`` in ``docs``, built once (again if the table grew)."""
        index: dict[Any, int] | None = self._cache.get("doc_pos")
        if rebuild or index is None or len(index) != len(self._docs):
            index = {d: i for i, d in enumerate(self._docs["doc_id"].tolist())}
            self._cache["doc_pos"] = index
        return index

    def _doc_pos(self, doc_id: str) -> int:
        """Row position of ``doc_id`` in ``docs``: a dict built once, O(1) per call.

        The dict is checked on every hit (the row at that position must still
        carry ``doc_id``) and rebuilt on a miss or a mismatch, so a table
        edited in place is never answered from a stale index.
        """
        ids = self._docs["doc_id"]
        if not isinstance(doc_id, str) and doc_id is not None:  # ids are text (1 -> "1")
            doc_id = str(doc_id)
        for rebuild in (False, True):
            pos = self._doc_index(rebuild).get(doc_id)
            if pos is not None and pos < len(ids) and ids.iat[pos] == doc_id:
                return pos
        raise CorpusValueError(
            f"unknown doc_id {doc_id!r}; see corpus.doc_ids for the {len(self)} valid ids."
        )

    def _log_index(self) -> dict[Any, np.ndarray]:
        """``doc_id -> positions`` of its rows in the cleaning log (log order), built once.

        Keyed on the log object and its length: a log replaced or grown in
        place is indexed again. One stable sort of the factorized ids, so the
        build is O(L log L) once and each lookup O(edits of that document).
        """
        key = (id(self._log), len(self._log))
        cached = self._cache.get("log_index")
        if cached is not None and cached[0] == key:
            index: dict[Any, np.ndarray] = cached[1]
            return index
        index = {}
        if len(self._log):
            codes, uniques = pd.factorize(self._log["doc_id"], use_na_sentinel=True)
            order = np.argsort(codes, kind="stable")
            bounds = np.cumsum(np.bincount(codes[codes >= 0], minlength=len(uniques)))
            n_na = int((codes < 0).sum())
            start = n_na  # NA codes (-1) sort first; they belong to no document
            for k, doc_id in enumerate(uniques.tolist()):
                end = n_na + int(bounds[k])
                index[doc_id] = order[start:end]
                start = end
        self._cache["log_index"] = (key, index)
        return index

    def _log_positions(self, doc_id: str) -> np.ndarray:
        """Positions of the log rows of ``doc_id`` (checked against the live table)."""
        self._doc_pos(doc_id)
        pos = self._log_index().get(doc_id)
        if pos is None:
            return np.empty(0, dtype=np.intp)
        if len(pos) and any(d != doc_id for d in _take_rows(self._log["doc_id"], pos)):
            self._cache.pop("log_index", None)  # edited in place: index again
            pos = self._log_index().get(doc_id, np.empty(0, dtype=np.intp))
        return pos

    def log_records(self, doc_id: str, columns: Sequence[str]) -> list[dict[str, Any]]:
        """Return the cleaning-log rows of ``doc_id`` as dicts of ``columns``, in log order.

        Like :meth:`log_for` without building a DataFrame: read from the live
        table through the per-corpus index, so a call costs O(edits of that
        document) (what :func:`~corpus_tools.clean.reconstruct` needs per call).

        Examples
        --------
        >>> log = pd.DataFrame({"doc_id": ["a"], "line_no": [1], "start": [0], "end": [4],
        ...                     "rule": ["r"], "text": ["Ad. "], "replacement": [""]})
        >>> c = Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["Hi."]}), log)
        >>> c.log_records("a", ["rule", "text"])
        [{'rule': 'r', 'text': 'Ad. '}]
        """
        pos = self._log_positions(doc_id)
        if not len(pos):
            return []
        # gathers k values (``to_numpy`` would copy a whole Arrow column)
        cols = [_take_rows(self._log[c], pos) for c in columns]
        return [dict(zip(columns, vals, strict=True)) for vals in zip(*cols, strict=True)]

    def text(self, doc_id: str) -> str:
        """Return the cleaned text of one document."""
        return str(self._docs["text"].iat[self._doc_pos(doc_id)])

    def raw(self, doc_id: str) -> str:
        """Return the raw text of one document, as read (after decoding).

        With ``keep_raw=False`` it is rebuilt from the clean text and the
        document's cleaning-log rows (O(length of the document)).

        >>> log = pd.DataFrame({"doc_id": ["a"], "line_no": [2], "start": [4], "end": [10],
        ...                     "rule": ["r"], "text": ["\\nShare"], "replacement": [""]})
        >>> lean = Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["Hi."]}), log, keep_raw=False)
        >>> lean.raw("a"), lean.docs["raw_text"].tolist()
        ('Hi.\\nShare', [None])
        """
        pos = self._doc_pos(doc_id)
        if self._keep_raw:
            return str(self._docs["raw_text"].iat[pos])
        from .clean import reconstruct_text

        rows = self.log_records(doc_id, ("start", "end", "text", "replacement"))
        return reconstruct_text(str(self._docs["text"].iat[pos]), rows)

    def iter_raw(self) -> Iterator[tuple[str, str]]:
        """Iterate ``(doc_id, raw text)`` pairs in corpus order (rebuilt when not kept).

        Read ``_ITER_BATCH`` documents at a time, like iterating the corpus.

        >>> c = Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["Hi."], "raw_text": ["Hi. "]}))
        >>> list(c.iter_raw())
        [('a', 'Hi. ')]
        """
        if self._keep_raw:
            ids, raws = self._docs["doc_id"], self._docs["raw_text"]
            for i in range(0, len(ids), _ITER_BATCH):
                j = i + _ITER_BATCH
                yield from zip(ids.iloc[i:j].tolist(), raws.iloc[i:j].tolist(), strict=True)
            return
        for i in range(0, len(self), _ITER_BATCH):
            yield from self._rebuilt(i, i + _ITER_BATCH)

    def _rebuilt(self, i: int, j: int) -> Iterator[tuple[str, str]]:
        """``(doc_id, raw text)`` of documents ``i:j`` rebuilt from text + log, with one
        gather per log column for the whole batch."""
        from .clean import reconstruct_text

        ids = self._docs["doc_id"].iloc[i:j].tolist()
        texts = self._docs["text"].iloc[i:j].tolist()
        index = self._log_index()
        none = np.empty(0, dtype=np.intp)
        parts = [index.get(d, none) for d in ids]
        pos = np.concatenate(parts) if parts else none
        keys = ("start", "end", "text", "replacement")
        cols = [_take_rows(self._log[c], pos) if len(pos) else [] for c in keys]
        rows = [dict(zip(keys, vals, strict=True)) for vals in zip(*cols, strict=True)]
        at = 0
        for doc_id, text, part in zip(ids, texts, parts, strict=True):
            yield doc_id, reconstruct_text(str(text), rows[at : at + len(part)])
            at += len(part)

    def raw_lengths(self) -> pd.Series:
        """Return the length of every document's raw text (int64, indexed by ``doc_id``).

        Without the raw texts (``keep_raw=False``) it is computed from the
        clean text and the log: each row stands ``replacement`` for ``text``.

        >>> log = pd.DataFrame({"doc_id": ["a"], "line_no": [1], "start": [0], "end": [4],
        ...                     "rule": ["r"], "text": ["Ad. "], "replacement": [""]})
        >>> docs = pd.DataFrame({"doc_id": ["a", "b"], "text": ["Hi.", "Yo."]})
        >>> Corpus(docs, log, keep_raw=False).raw_lengths().tolist()
        [7, 3]
        """
        docs = self._docs
        index = pd.Index(docs["doc_id"].tolist(), name="doc_id", dtype=object)
        if self._keep_raw:
            raw = docs["raw_text"].where(docs["raw_text"].notna(), docs["text"])
            lengths = raw.astype(str).str.len().to_numpy(dtype=np.int64)
            return pd.Series(lengths, index=index, name="raw_chars")
        lengths = docs["text"].astype(str).str.len().to_numpy(dtype=np.int64)
        log = self._log
        if len(log):
            removed = (
                log["text"].astype(str).str.len()
                - log["replacement"].fillna("").astype(str).str.len()
            )
            delta = removed.groupby(log["doc_id"].to_numpy(), sort=False).sum()
            lengths = lengths + delta.reindex(index, fill_value=0).to_numpy(dtype=np.int64)
        return pd.Series(lengths, index=index, name="raw_chars")

    def log_for(self, doc_id: str) -> pd.DataFrame:
        """Return the cleaning-log rows of one document, in raw-text order.

        Indexed once per corpus, so a call costs O(edits of that document),
        not a scan of the whole log.
        """
        return self._log.iloc[self._log_positions(doc_id)].reset_index(drop=True)

    # ------------------------------------------------------------------ caches
    def cached(self, key: str, build: Callable[[], _T]) -> _T:
        """Return the value cached on this corpus under ``key``, building it once.

        The first call runs ``build()`` and keeps its result; later calls with
        the same ``key`` return that very object without calling ``build``.
        This is how modules keep derived data (sentence spans, token tables,
        counts, the corpus' language) on the corpus they were computed from,
        instead of writing into its private attributes.

        Rules:

        * ``key`` names what is cached; use ``"module.what"`` (e.g.
          ``"tokenize.sentence_spans"``) so modules never collide. A key must
          stand for one computation of the corpus alone: put any option that
          changes the result into the key.
        * The cache lives and dies with this ``Corpus`` object. A ``Corpus``
          is treated as immutable, so nothing is invalidated automatically;
          :meth:`subset`, :meth:`by` and every new ``Corpus`` start empty.
          After editing ``docs`` or ``cleaning_log`` in place, call
          :meth:`clear_cache`.
        * The cached object is returned as is: callers that hand it to users
          return a copy (as :meth:`tokens` does), so no one edits the cache.
        * If ``build`` raises, nothing is cached and the error propagates.

        Examples
        --------
        >>> c = Corpus(pd.DataFrame({"doc_id": ["a"], "text": ["Hi."]}))
        >>> c.cached("demo.length", lambda: len(c.text("a")))
        3
        >>> c.cached("demo.length", lambda: 0)  # built once: not called again
        3
        >>> c.is_cached("demo.length"), c.clear_cache(), c.is_cached("demo.length")
        (True, None, False)
        """
        if key in self._cache:
            value: _T = self._cache[key]
            return value
        value = build()
        self._cache[key] = value
        return value

    def is_cached(self, key: str) -> bool:
        """Return whether :meth:`cached` holds a value for ``key`` (nothing is built)."""
        return key in self._cache

    def clear_cache(self, key: str | None = None) -> None:
        """Forget the value cached under ``key``, or every cached value when ``key`` is None.

        Call it after editing ``docs`` or ``cleaning_log`` in place; the next
        call that needs a derived value computes it again from the live tables.
        A missing ``key`` is not an error.
        """
        if key is None:
            self._cache.clear()
        else:
            self._cache.pop(key, None)

    # ----------------------------------------------------------- derived tables
    def sentences(self) -> pd.DataFrame:
        """Return :func:`corpus_tools.sentences` of this corpus (cached, copied)."""
        from .tokenize import sentences

        out: pd.DataFrame = self.cached("corpus.sentences", lambda: sentences(self)).copy()
        return out

    def tokens(self) -> pd.DataFrame:
        """Return :func:`corpus_tools.tokens` of this corpus (cached, copied)."""
        from .tokenize import cached_tokens

        out: pd.DataFrame = cached_tokens(self).copy()
        return out

    # ----------------------------------------------------------------- subsets
    def subset(self, doc_ids: Sequence[str]) -> Corpus:
        """Return a new Corpus with only ``doc_ids`` (corpus order kept).

        Costs O(size of the subset) once the doc_id indexes exist, so
        :meth:`by` over many groups stays linear in the corpus.
        """
        if isinstance(doc_ids, str) or pd.api.types.is_bool_dtype(getattr(doc_ids, "dtype", None)):
            raise CorpusValueError(
                f"doc_ids= takes a list of doc ids, got {type(doc_ids).__name__}; for a mask pass "
                "corpus.docs.loc[mask, 'doc_id'], for one document [doc_id]."
            )
        wanted = list(
            dict.fromkeys(d if isinstance(d, str) or d is None else str(d) for d in doc_ids)
        )
        index = self._doc_index()
        unknown = sorted(str(d) for d in wanted if d not in index)
        if unknown:
            raise CorpusValueError(f"unknown doc_id(s) {unknown[:5]}; see corpus.doc_ids.")
        return self._subset_at(np.sort(np.fromiter((self._doc_pos(d) for d in wanted), np.intp)))

    def _subset_at(self, positions: np.ndarray) -> Corpus:
        """A new Corpus of the documents at ``positions`` (sorted) and their log rows."""
        docs = self._docs.iloc[positions]
        ids = docs["doc_id"].tolist()
        parts = [self._log_positions(d) for d in ids]
        log_pos = np.sort(np.concatenate(parts)) if parts else np.empty(0, dtype=np.intp)
        log = self._log.iloc[log_pos]
        return Corpus(docs, log, self._skipped, root=self.root, keep_raw=self._keep_raw)

    def group_labels(self, by: str) -> pd.Series:
        """Return :func:`group_labels` of this corpus: one ``str`` label per document."""
        return group_labels(self, by)

    def by(self, column: str) -> Iterator[tuple[Any, Corpus]]:
        """Iterate ``(value, sub-corpus)`` for each value of a docs column, sorted by value.

        Documents whose value is missing are grouped under ``None`` (last).
        The keys are the raw values; :meth:`group_labels` gives the ``str``
        labels that analysis tables use for the same documents.
        The column is grouped once (one stable sort), so iterating all the
        groups costs O(corpus), however many groups there are.
        """
        if column not in self._docs.columns:
            raise CorpusValueError(
                f"no column {column!r} in corpus.docs; choose one of {list(self._docs.columns)}."
            )
        codes, uniques = pd.factorize(self._docs[column], use_na_sentinel=True)
        order = np.argsort(codes, kind="stable")  # corpus order within each group
        counts = np.bincount(codes + 1, minlength=len(uniques) + 1)  # slot 0: missing
        bounds = np.concatenate([[0], np.cumsum(counts)])
        values = list(uniques)
        ranked = sorted(range(len(values)), key=lambda k: (str(type(values[k])), values[k]))
        for k in ranked:
            yield values[k], self._subset_at(order[bounds[k + 1] : bounds[k + 2]])
        if counts[0]:
            yield None, self._subset_at(order[: bounds[1]])
