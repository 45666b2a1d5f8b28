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

from collections.abc import Iterator, Sequence
from typing import Any

import pandas as pd

from .errors import CorpusValueError

__all__ = ["Corpus", "DOC_COLUMNS", "LOG_COLUMNS", "SKIPPED_COLUMNS"]

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


def _empty(columns: Sequence[str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in columns})


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
    ) -> None:
        missing = [c for c in ("doc_id", "text") if c not in docs.columns]
        if missing:
            raise CorpusValueError(
                f"docs table lacks column(s) {missing}; a Corpus needs at least "
                "'doc_id' and 'text'. Build it with load_corpus() instead."
            )
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
        if docs["raw_text"].isna().any():
            docs["raw_text"] = docs["raw_text"].where(docs["raw_text"].notna(), docs["text"])
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
    def doc_ids(self) -> list[str]:
        """Document ids in corpus order."""
        return self._docs["doc_id"].tolist()

    def __len__(self) -> int:
        return len(self._docs)

    def __iter__(self) -> Iterator[tuple[str, str]]:
        """Iterate ``(doc_id, text)`` pairs in corpus order."""
        return iter(zip(self._docs["doc_id"].tolist(), self._docs["text"].tolist(), strict=False))

    def __repr__(self) -> str:
        outlets = self._docs["outlet"].dropna().nunique()
        return (
            f"<Corpus: {len(self)} documents, {outlets} outlets, "
            f"{len(self._log)} cleaning edits, {len(self._skipped)} skipped>"
        )

    # --------------------------------------------------------------- accessors
    def _row(self, doc_id: str) -> pd.Series:
        hit = self._docs.index[self._docs["doc_id"] == doc_id]
        if len(hit) == 0:
            raise CorpusValueError(
                f"unknown doc_id {doc_id!r}; see corpus.doc_ids for the {len(self)} valid ids."
            )
        return self._docs.loc[hit[0]]

    def text(self, doc_id: str) -> str:
        """Return the cleaned text of one document."""
        return str(self._row(doc_id)["text"])

    def raw(self, doc_id: str) -> str:
        """Return the raw text of one document, as read (after decoding)."""
        return str(self._row(doc_id)["raw_text"])

    def log_for(self, doc_id: str) -> pd.DataFrame:
        """Return the cleaning-log rows of one document, in raw-text order."""
        self._row(doc_id)
        return self._log[self._log["doc_id"] == doc_id].reset_index(drop=True)

    # ----------------------------------------------------------- derived tables
    def sentences(self) -> pd.DataFrame:
        """Return :func:`corpus_tools.sentences` of this corpus (cached, copied)."""
        if "sentences" not in self._cache:
            from .tokenize import sentences

            self._cache["sentences"] = sentences(self)
        out: pd.DataFrame = self._cache["sentences"].copy()
        return out

    def tokens(self) -> pd.DataFrame:
        """Return :func:`corpus_tools.tokens` of this corpus (cached, copied)."""
        if "tokens" not in self._cache:
            from .tokenize import tokens

            self._cache["tokens"] = tokens(self)
        out: pd.DataFrame = self._cache["tokens"].copy()
        return out

    # ----------------------------------------------------------------- subsets
    def subset(self, doc_ids: Sequence[str]) -> Corpus:
        """Return a new Corpus with only ``doc_ids`` (corpus order kept)."""
        wanted = set(doc_ids)
        unknown = sorted(wanted - set(self.doc_ids))
        if unknown:
            raise CorpusValueError(f"unknown doc_id(s) {unknown[:5]}; see corpus.doc_ids.")
        docs = self._docs[self._docs["doc_id"].isin(wanted)]
        log = self._log[self._log["doc_id"].isin(wanted)]
        return Corpus(docs, log, self._skipped, root=self.root)

    def by(self, column: str) -> Iterator[tuple[Any, Corpus]]:
        """Iterate ``(value, sub-corpus)`` for each value of a docs column, sorted by value.

        Documents whose value is missing are grouped under ``None`` (last).
        """
        if column not in self._docs.columns:
            raise CorpusValueError(
                f"no column {column!r} in corpus.docs; choose one of {list(self._docs.columns)}."
            )
        values = self._docs[column]
        keys = sorted({v for v in values.dropna().tolist()}, key=lambda v: (str(type(v)), v))
        for key in keys:
            yield key, self.subset(self._docs.loc[values == key, "doc_id"].tolist())
        if values.isna().any():
            yield None, self.subset(self._docs.loc[values.isna(), "doc_id"].tolist())
