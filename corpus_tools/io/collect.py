"""What a load adds up to, kept compact until the tables are built.

A corpus of 100,000 articles is mostly text: the raw and the clean text of
every document, and the text of every cleaning-log row. :class:`Collected`
keeps the two big text columns in chunks of ``CHUNK`` documents of Arrow
strings (the storage of the pandas ``str`` dtype, UTF-8: half the size of
Python strings holding any character beyond Latin-1). Texts cleaned in a
batch arrive as slices of the batch's Arrow arrays
(:class:`~corpus_tools.io.batches.TextRef`), so no Python string is made for
them here; a raw chunk that is the clean chunk (``clean=False``) is shared,
not copied. The cleaning log is kept as one list per column rather than one
dict per row. Template lines are counted as documents arrive
(:class:`~corpus_tools.templates.TemplateLearner`), so no second pass over
the raw texts is needed to learn them. The tables are the ones
``pd.DataFrame(rows)`` would give: same columns, order, dtypes and values.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, overload

import numpy as np
import pandas as pd

from ..clean import as_rules, clean_text, reconstruct_text
from ..dedup import DuplicateFinder, flag_duplicates, signatures
from ..templates import TemplateLearner, group_key, has_template_line, table_to_sets
from .batches import SIGNED_KEY, TEMPLATE_KEYS, SigRef, TextRef, as_text

__all__ = ["Collected", "StrColumn", "LogColumns", "CHUNK"]

#: documents per chunk of a text column
CHUNK = 2048
#: documents handed to the near-duplicate search together (it searches 2,048 at a time)
FIND_DOCS = 256
#: in ``Collected.signed``: the document's signature is with the near-duplicate search
_FED: Any = ("fed",)


def _arrow_str_dtype() -> Any:
    """The dtype pandas infers for a list of str when it is Arrow-backed, else None."""
    dtype = pd.Series(["x"]).dtype
    if isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow":
        return dtype
    return None


class StrColumn(Sequence[Any]):
    """A column of document texts, appended one by one, stored in compact chunks.

    Full chunks become Arrow ``large_string`` arrays when pandas stores
    ``str`` columns in Arrow and every value is a str; otherwise (an older
    pandas, a value that is not a str) the values stay Python objects and
    :meth:`series` lets pandas infer the dtype as it always did.
    """

    def __init__(self, twin: StrColumn | None = None) -> None:
        self.dtype = _arrow_str_dtype()
        self.chunks: list[Any] = []
        self.starts: list[int] = []
        self.tail: list[Any] = []
        self.n = 0
        #: a column appended in step with this one, frozen just before it: a chunk of the
        #: same array slices as its last chunk (raw = clean text) is its chunk, not a copy
        self.twin = twin
        self.last_refs: list[tuple[int, int]] | None = None

    def append(self, value: Any) -> None:
        self.tail.append(value)
        self.n += 1
        if len(self.tail) >= CHUNK:
            self._freeze()

    def _freeze(self) -> None:
        if not self.tail:
            return
        self.starts.append(self.n - len(self.tail))
        refs = _ref_keys(self.tail)
        twin = self.twin
        if refs is not None and twin is not None and twin.last_refs == refs and twin.n == self.n:
            self.chunks.append(twin.chunks[-1])
        else:
            self.chunks.append(self._frozen(self.tail))
        self.last_refs = refs
        self.tail = []

    def __len__(self) -> int:
        return self.n

    @overload
    def __getitem__(self, i: int) -> Any: ...

    @overload
    def __getitem__(self, i: slice) -> list[Any]: ...

    def __getitem__(self, i: int | slice) -> Any:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError(i)
        frozen = self.n - len(self.tail)
        if i >= frozen:
            return as_text(self.tail[i - frozen])
        c = bisect.bisect_right(self.starts, i) - 1
        chunk = self.chunks[c]
        v = chunk[i - self.starts[c]]
        return v if isinstance(chunk, list) else v.as_py()

    def __iter__(self) -> Iterator[Any]:
        for chunk in self.chunks:
            yield from (chunk if isinstance(chunk, list) else chunk.to_pylist())
        yield from map(as_text, self.tail)

    def replace(self, values: dict[int, Any]) -> None:
        """Set ``self[i] = v`` for every ``i: v`` (rebuilding only the chunks touched)."""
        self._freeze()
        self.last_refs = None  # a twin must not take a chunk changed here
        by_chunk: dict[int, list[int]] = {}
        for i in values:
            by_chunk.setdefault(bisect.bisect_right(self.starts, i) - 1, []).append(i)
        for c, idx in by_chunk.items():
            chunk = self.chunks[c]
            vals = list(chunk) if isinstance(chunk, list) else chunk.to_pylist()
            for i in idx:
                vals[i - self.starts[c]] = values[i]
            self.chunks[c] = self._frozen(vals)

    def _frozen(self, vals: list[Any]) -> Any:
        """``vals`` as an Arrow array when the column is Arrow-backed and all are str
        (texts packed by a worker, :class:`~corpus_tools.io.batches.TextRef`, are sliced
        out of their batch's array, not encoded again)."""
        if self.dtype is None or not all(type(v) is str or type(v) is TextRef for v in vals):
            return [as_text(v) for v in vals]
        import pyarrow as pa

        pieces = []
        a = 0
        while a < len(vals):
            b = a + 1
            if type(vals[a]) is TextRef:
                arr, k = vals[a].array, vals[a].k
                while b < len(vals) and _next_ref(vals[b], arr, k + b - a):
                    b += 1
                pieces.append(arr.slice(k, b - a))
            else:
                while b < len(vals) and type(vals[b]) is str:
                    b += 1
                pieces.append(pa.array(vals[a:b], type=pa.large_string()))
            a = b
        return pieces[0] if len(pieces) == 1 else pa.concat_arrays(pieces)

    def series(self) -> pd.Series:
        """The column as a Series (zero-copy over the Arrow chunks when all are Arrow)."""
        self._freeze()
        if self.dtype is not None and all(not isinstance(c, list) for c in self.chunks):
            import pyarrow as pa

            chunked = pa.chunked_array(self.chunks, type=pa.large_string())
            return pd.Series(pd.array(chunked, dtype=self.dtype))
        return pd.Series(list(self))


def _next_ref(v: Any, arr: Any, k: int) -> bool:
    """True when ``v`` is the :class:`TextRef` of item ``k`` of ``arr``."""
    return type(v) is TextRef and v.k == k and v.array is arr


def _next_sig(v: Any, batch: Any, k: int) -> bool:
    """True when ``v`` is the :class:`SigRef` of item ``k`` of ``batch``."""
    return type(v) is SigRef and v.k == k and v.batch is batch


def _stacked(
    signed: list[Any], release: bool = False
) -> tuple[list[bytes | None], np.ndarray, np.ndarray]:
    """The signatures of ``signed`` (:class:`SigRef` or ``(digest, sig, count)``, none None) as
    :func:`~corpus_tools.dedup.signatures` gives them; with ``release``, each entry becomes
    None once copied (a batch's matrix is freed as soon as its last document is copied)."""
    n = len(signed)
    sigs = np.empty((n, 64), dtype=np.uint64)
    counts = np.empty(n, dtype=np.int64)
    digests: list[bytes | None] = []
    i = 0
    while i < n:
        x = signed[i]
        if isinstance(x, SigRef):
            b, k = x.batch, x.k
            j = i + 1
            while j < n and _next_sig(signed[j], b, k + j - i):
                j += 1
            sigs[i:j] = b.sigs[k : k + j - i]
            counts[i:j] = b.n_sh[k : k + j - i]
            digests += b.digests[k : k + j - i]
            if release:
                signed[i:j] = [None] * (j - i)
            i = j
            continue
        digests.append(x[0])
        sigs[i], counts[i] = x[1], x[2]
        if release:
            signed[i] = None
        i += 1
    return digests, sigs, counts


def _ref_keys(vals: list[Any]) -> list[tuple[int, int]] | None:
    """``(id(array), k)`` of every value when all are :class:`TextRef`, else None."""
    if not all(type(v) is TextRef for v in vals):
        return None
    return [(id(v.array), v.k) for v in vals]


class LogColumns:
    """Cleaning-log rows as one list per key (keys in order of first appearance)."""

    def __init__(self) -> None:
        self.cols: dict[str, list[Any]] = {}
        self.n = 0

    def extend(self, doc_id: str, rows: Sequence[dict[str, Any]]) -> None:
        """Add ``{"doc_id": doc_id, **row}`` for every row.

        Rows with the keys the columns have already (the usual case: every row
        of the cleaner has the same keys) are added a column at a time.
        """
        if not rows:
            return
        keys = rows[0].keys()
        cols = self.cols
        if (
            len(cols) == len(keys) + 1
            and "doc_id" in cols
            and "doc_id" not in keys
            and all(k in cols for k in keys)
            and all(r.keys() == keys for r in rows)
        ):
            for k, col in cols.items():
                if k == "doc_id":
                    col.extend([doc_id] * len(rows))
                else:
                    col.extend([r[k] for r in rows])
            self.n += len(rows)
            return
        for r in rows:
            self.add({"doc_id": doc_id, **r})

    def add(self, row: dict[str, Any]) -> None:
        cols = self.cols
        for k, v in row.items():
            col = cols.get(k)
            if col is None:  # a new key: earlier rows lack it (NaN, as DataFrame(records))
                col = cols[k] = [np.nan] * self.n
            col.append(v)
        self.n += 1
        for col in cols.values():
            if len(col) < self.n:
                col.append(np.nan)

    def rows(self) -> Iterator[dict[str, Any]]:
        keys = list(self.cols)
        for vals in zip(*self.cols.values(), strict=True):
            yield dict(zip(keys, vals, strict=True))

    def frame(self) -> pd.DataFrame:
        return pd.DataFrame(self.cols) if self.cols else pd.DataFrame([])


class Collected:
    """Document rows, text columns, log columns, skips and the root name of one load.

    With ``clean=True`` and template learning on in the rules (the default),
    template lines are counted as documents are added and :meth:`apply_templates`
    re-cleans the documents that hold one.
    """

    def __init__(self, clean: bool, rules: Any, keep_raw: bool = True) -> None:
        self.clean, self.rules = clean, rules
        self.meta: list[dict[str, Any]] = []
        self.text = StrColumn()
        #: the raw texts; None with ``keep_raw=False`` (rebuilt from text + log: :meth:`raw_of`)
        self.raw: StrColumn | None = StrColumn(twin=self.text) if keep_raw else None
        self.logs = LogColumns()
        #: per document, the position of its first row in ``logs``
        self.log_at: list[int] = []
        self.groups: list[str] = []
        self.skipped: list[tuple[str, str]] = []
        self.root: str | None = None
        self.learner: TemplateLearner | None = None
        #: per document: (digest, MinHash signature, 5-gram count), see dedup.signatures
        #: (a batch's signatures stay in the batch, :class:`SigRef`, until :meth:`signatures`)
        self.signed: list[tuple[bytes | None, np.ndarray, int] | SigRef | None] = []
        #: the near-duplicate search, run as documents are added (None: at the end)
        self.finder: DuplicateFinder | None = DuplicateFinder(self.text)
        #: the documents whose text :meth:`apply_templates` changed
        self.changed: set[int] = set()

    def add(self, row: dict[str, Any], log_rows: Sequence[dict[str, Any]]) -> None:
        """One loaded document (its ``text`` and ``raw_text`` move to the text columns)."""
        if not self.meta and self.clean:  # the rules were read by clean_text already
            rs = as_rules(self.rules)
            if rs.enabled("template") and rs.templates is None:
                self.learner = TemplateLearner()
        group = group_key(row.get("outlet"), row.get("url"))
        sig = row.pop(SIGNED_KEY, None)
        self.signed.append(sig)
        keys = row.pop(TEMPLATE_KEYS, None)
        raw = row.pop("raw_text")
        if self.learner is not None and row.get("format") != "html":
            if keys is not None:  # computed with the cleaning
                self.learner.add_keys(group, *keys)
            elif raw:
                self.learner.add(group, str(raw))
        self.groups.append(group)
        self.text.append(row.pop("text"))
        if self.raw is not None:
            self.raw.append(raw)  # after the text: a chunk equal to the text's is shared
        self.meta.append(row)
        self.log_at.append(self.logs.n)
        self.logs.extend(row["doc_id"], log_rows)
        if self.finder is not None and len(self.signed) - self.finder.n >= FIND_DOCS:
            self._find()

    def raw_of(self, k: int) -> Any:
        """The raw text of document ``k``: kept, or rebuilt from its text and log rows."""
        if self.raw is not None:
            return self.raw[k]
        text = self.text[k]
        if not isinstance(text, str):
            return text
        a = self.log_at[k]
        b = self.log_at[k + 1] if k + 1 < len(self.log_at) else self.logs.n
        cols = self.logs.cols
        rows = [
            {c: cols[c][i] for c in ("start", "end", "text", "replacement")} for i in range(a, b)
        ]
        return reconstruct_text(text, rows)

    def __len__(self) -> int:
        return len(self.meta)

    def _template_sets(self) -> Mapping[str, frozenset[str]] | None:
        rs = as_rules(self.rules)
        if not rs.enabled("template") or not self.meta:
            return None
        if rs.templates is not None:
            return rs.templates
        table = self.learner.table() if self.learner is not None else None
        if table is None or not len(table):
            return None
        return table_to_sets(table)

    def apply_templates(self) -> None:
        """Re-clean the text documents that hold a template line of their group.

        A document whose text does not change keeps its log; one that changes
        gets its new log rows in place of its old ones.
        """
        sets = self._template_sets() if self.clean else None
        if not sets:
            return
        rs = as_rules(self.rules)
        texts: dict[int, str] = {}
        changed: dict[str, list[dict[str, Any]]] = {}
        for k, (row, group) in enumerate(zip(self.meta, self.groups, strict=True)):
            tpl = sets.get(group)
            if not tpl or row.get("format") == "html":
                continue
            raw = self.raw_of(k)
            if not isinstance(raw, str) or not has_template_line(raw, tpl):
                continue
            text, new_rows = clean_text(raw, rules=rs, template=tpl)
            if text == self.text[k]:
                continue
            texts[k] = text
            row["n_chars"] = len(text)
            row["n_cleaning_edits"] = len(new_rows)
            row["empty_after_cleaning"] = not text.strip()
            changed[row["doc_id"]] = [{"doc_id": row["doc_id"], **x} for x in new_rows]
        if changed:
            self.text.replace(texts)
            self._replace_logs(changed)
            new = signatures(list(texts.values()))
            for n, k in enumerate(texts):
                self.signed[k] = (new[0][n], new[1][n], int(new[2][n]))
            self.changed.update(texts)

    def signatures(self) -> tuple[list[bytes | None], np.ndarray, np.ndarray] | None:
        """The duplicate signatures of every document, or None when some are missing.

        Consecutive documents of one packed batch are copied a slice at a time,
        and each document's entry is dropped once copied (``self.signed`` is
        empty afterwards), so a batch's matrix is freed as soon as it is copied
        instead of every batch staying beside the whole matrix.
        """
        signed, self.signed = self.signed, []
        if any(x is None or x is _FED for x in signed):  # (_FED: the search kept it)
            return None
        return _stacked(signed, release=True)

    def _find(self) -> None:
        """Hand the documents added since the last call to the near-duplicate search."""
        finder = self.finder
        if finder is None:
            return
        at = finder.n
        new = self.signed[at:]
        if any(x is None for x in new):  # a document without a signature: search at the end
            self.finder = None
        elif new:
            finder.add(*_stacked(new))
            # the finder keeps them now: the batches' signature matrices can go
            self.signed[at:] = [_FED] * len(new)

    def duplicate_flags(self, doc_ids: Sequence[str]) -> tuple[list[str | None], list[str | None]]:
        """``dedup.flag_duplicates`` of the texts: searched as documents arrived (documents
        that :meth:`apply_templates` changed searched again), else now."""
        fresh = {k: self.signed[k] for k in self.changed}  # apply_templates' new signatures
        self._find()
        finder, self.finder = self.finder, None
        if finder is None:  # some document has no signature: flag_duplicates computes them
            return flag_duplicates(self.text, doc_ids, signed=self.signatures())
        self.signed = []
        if not self.changed and not finder.collision:
            return finder.flags(doc_ids)
        digests, sigs, counts = finder.signatures()
        for k, x in fresh.items():
            assert isinstance(x, tuple)
            digests[k], sigs[k], counts[k] = x
        return finder.flags(doc_ids, (digests, sigs, counts), self.changed)

    def _replace_logs(self, changed: dict[str, list[dict[str, Any]]]) -> None:
        """A changed document's rows go where its first old row was (at the end if none)."""
        out = LogColumns()
        done: set[str] = set()
        for r in self.logs.rows():
            d = r["doc_id"]
            if d in changed:
                if d not in done:
                    for x in changed[d]:
                        out.add(x)
                    done.add(d)
                continue
            out.add(r)
        for d, new in changed.items():
            if d not in done:
                for x in new:
                    out.add(x)
        self.logs = out
