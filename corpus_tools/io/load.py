"""The loading engine: inputs to documents, cleaning, sidecar join, ids, the Corpus.

:func:`iter_documents` streams documents; :func:`load_corpus` collects them
into a :class:`~corpus_tools.corpus.Corpus` with outlet templates removed and
duplicates flagged (:mod:`corpus_tools.dedup`).
"""

from __future__ import annotations

import difflib
import functools
import inspect
import os
import posixpath
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator
from types import FrameType
from typing import Any, ParamSpec, TypeVar

import pandas as pd

from .._parallel import check_n_jobs, paused_gc, release_memory
from ..clean import clean_text
from ..corpus import DOC_COLUMNS, LOG_COLUMNS, SKIPPED_COLUMNS, Corpus
from ..errors import (
    CorpusLoadError,
    CorpusToolsError,
    CorpusToolsWarning,
    CorpusValueError,
    MetadataError,
)
from .batches import ReadJob, cleaned, crash_reason, text_facts
from .collect import Collected, LogColumns
from .columns import EXTRA_COLUMNS, META_COLUMNS, PAGE_SOURCE, SOURCED_COLUMNS, is_missing
from .dates import url_date
from .decode import MIXED_MARK, NUL_MARK, SUSPECT_MARK, garbled_message, split_encoding
from .discover import (
    COLUMN_EXTENSIONS,
    HTML_EXTENSIONS,
    TABLE_EXTENSIONS,
    Plan,
    display_name,
    plan_inputs,
)
from .files import InputSkipped
from .html import SITE_NAME_MAX_WORDS, url_host
from .outlets import (
    TITLE_SITE_SOURCE,
    FolderGroups,
    FolderOutlets,
    bare_hosts,
    folder_note,
    is_redirector,
    merge_note,
    merge_spellings,
    redirect_target,
    redirector_note,
    shared_title_sites,
    url_parts,
)
from .readers import (
    DATE_FORMAT_KEY,
    GARBLED_KEY,
    RECORDS_KEY,
    TABLE_OPTIONS,
    LoadOptions,
    collect_table_repeats,
    file_docs,
    repeated_table_notes,
    table_docs,
)
from .sidecar import Sidecar, load_sidecar
from .wires import name_wire_outlets


def _progress(items: list[Any], enabled: bool, desc: str) -> Iterable[Any]:
    disable = (
        not enabled
        or os.environ.get("TQDM_DISABLE", "").lower() in ("1", "true", "yes")
        or not sys.stderr.isatty()
    )
    if disable:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=desc, unit="file", file=sys.stderr, leave=False)


class _Ids:
    """The doc_ids given so far; a clash gets the file extension, then ``~2``, ``~3``...

    The next free suffix is remembered per base id, so n rows with one id
    cost O(n), and one warning sums up every rename (:meth:`warning`).
    """

    def __init__(self) -> None:
        self.seen: set[str] = set()
        self.next: dict[str, int] = {}
        self.renamed = 0
        self.example: tuple[str, str, str] | None = None

    def claim(self, doc_id: str, base: dict[str, Any]) -> str:
        if doc_id not in self.seen:
            self.seen.add(doc_id)
            return doc_id
        source = base["source"]
        alt = source if base.get("path") and "#" not in source else doc_id
        if alt not in self.seen:
            cand = alt
        else:
            k = self.next.get(alt, 2)
            while f"{alt}~{k}" in self.seen:
                k += 1
            cand = f"{alt}~{k}"
            self.next[alt] = k + 1
        self.seen.add(cand)
        self.renamed += 1
        if self.example is None:
            self.example = (doc_id, source, cand)
        return cand

    def warning(self) -> str | None:
        if self.example is None:
            return None
        doc_id, source, cand = self.example
        return (
            f"doc_id {doc_id!r} occurs more than once; {source} gets {cand!r} "
            f"({self.renamed:,} doc_id(s) renamed in all: a repeated id gets the file "
            "extension, then ~2, ~3...). Give every document its own id to keep yours."
        )


class _Joiner:
    """Gives each document its doc_id and joins its sidecar rows, in corpus order.

    Called as documents come back from reading and cleaning (``io.batches``),
    in the order the inputs were planned; :meth:`finished` passes the load's
    events through and, at the end, warns about renamed ids and checks that
    every sidecar row named a loaded (or skipped) document.
    """

    def __init__(
        self,
        sidecar: Callable[[], Sidecar | None],
        track: bool,
        table_only: dict[str, str] | None = None,
        date_format: str | None = None,
        outlet_from: str | None = None,
    ) -> None:
        #: reads the metadata file at the first document (or at the end when there is none):
        #: in a pool, while the workers clean their first batches (:func:`cleaned`'s ``started``)
        self.load_sidecar: Callable[[], Sidecar | None] | None = sidecar
        self.sidecar: Sidecar | None = None
        #: outlet_from="folder": each document's first folder below the corpus folder
        self.folders = FolderOutlets() if outlet_from == "folder" else None
        #: date_format until a date was read by it (warned about at the end if none was)
        self.date_format = date_format
        #: options that name a table column (text_column, id_column): warned about when no
        #: document (or skipped input) came from a table
        self.table_only = table_only or {}
        self.from_table = False
        self.n_docs = 0
        self.index: dict[str, list[int]] | None = None
        self.used: set[int] = set()
        self.seen = _Ids()
        self.track = track  # skipped paths excuse their sidecar rows (folders and files)
        self.skipped_paths: set[str] = set()
        self.mixed: dict[str, str] = {}  # file -> its encoding, for files of mixed encodings
        self.garbled: dict[str, str] = {}  # file -> the forced encoding that garbles its UTF-8
        self.nuls: dict[str, str] = {}  # file -> NUL bytes removed (a count, as text)
        self.suspect: dict[str, str] = {}  # file read as cp1252 whose words look like another
        self.dumps: dict[str, str] = {}  # file -> its records, for files of many articles

    def read_sidecar(self) -> None:
        """Read the metadata file (once): its rows indexed by key, ``date_format`` settled."""
        load, self.load_sidecar = self.load_sidecar, None
        if load is None:
            return
        sidecar = self.sidecar = load()
        if sidecar is not None:
            if sidecar.format_hit:
                self.date_format = None
            self.index = {}
            for i, k in enumerate(sidecar.keys):
                self.index.setdefault(k, []).append(i)

    def __call__(self, base: dict[str, Any]) -> dict[str, Any]:
        if self.load_sidecar is not None:
            self.read_sidecar()
        self.n_docs += 1
        if _table_row(base):
            self.from_table = True
        if base.pop(DATE_FORMAT_KEY, False):
            self.date_format = None
        forced = base.pop(GARBLED_KEY, None)
        if forced is not None:
            self.garbled.setdefault(base.get("path") or base["source"], forced)
        records = base.pop(RECORDS_KEY, None)
        if records is not None:
            self.dumps.setdefault(base.get("path") or base["source"], records)
        enc = base.get("encoding")
        if isinstance(enc, str) and NUL_MARK in enc:
            enc, nuls = enc.split(NUL_MARK, 1)
            self.nuls.setdefault(base.get("path") or base["source"], nuls.rstrip(")"))
        if isinstance(enc, str) and MIXED_MARK in enc:
            self.mixed.setdefault(base.get("path") or base["source"], enc)
        if isinstance(enc, str) and SUSPECT_MARK in enc:
            self.suspect.setdefault(base.get("path") or base["source"], enc)
        codec, note = split_encoding(base.get("encoding"))
        if note is not None:
            base["encoding"], base["encoding_note"] = codec, note
        if self.folders is not None:
            self.folders.apply(base)  # before the sidecar join: the metadata file wins
        return _join(base, self.seen, self.index, self.sidecar, self.used)

    def finished(self, events: Iterator[tuple[str, Any, Any]]) -> Iterator[tuple[str, Any, Any]]:
        for ev in events:
            if ev[0] == "skip" and self.track:
                self.skipped_paths.add(ev[1])
                name = str(ev[1]).split("#", 1)[0].lower().removesuffix(".gz")
                self.from_table = self.from_table or name.endswith(COLUMN_EXTENSIONS)
            elif ev[0] == "root":
                self.read_sidecar()  # (no document was loaded: its rows are checked all the same)
                for message in (
                    self.seen.warning(),
                    _mixed_warning(self.mixed),
                    _suspect_warning(self.suspect),
                    self._garbled(),
                    _nul_warning(self.nuls),
                    _dump_warning(self.dumps),
                    self.folders.finished() if self.folders is not None else None,
                    self._unused(),
                    self._format_unused(),
                ):
                    if message is not None:
                        warnings.warn(message, CorpusToolsWarning, stacklevel=outside_level())
                _check_sidecar_used(self.sidecar, self.used, self.skipped_paths)
            yield ev

    def _garbled(self) -> str | None:
        """The warning naming a UTF-8 file garbled by a forced encoding, or None."""
        if not self.garbled:
            return None
        path, enc = next(iter(self.garbled.items()))
        return garbled_message(path, enc, len(self.garbled))

    def _unused(self) -> str | None:
        """The warning about table-column options that no table used, or None."""
        if self.from_table or not self.n_docs or not self.table_only:
            return None
        given = ", ".join(f"{k}={v!r}" for k, v in self.table_only.items())
        return (
            f"{given} had no effect: {'it names' if len(self.table_only) == 1 else 'each names'} "
            f"a column of a table ({' '.join(COLUMN_EXTENSIONS)}), "
            "and every document here came from a text or HTML file (one document per file); "
            "drop it, or point load_corpus at the table."
        )

    def _format_unused(self) -> str | None:
        """The warning about a date_format that read no date, or None."""
        if self.date_format is None or not self.n_docs:
            return None
        return (
            f"date_format={self.date_format!r} had no effect: no date in a table's date column "
            "or the metadata file's 'published' column was read by it (an ISO date "
            "YYYY-MM-DD is read as ISO, dates on HTML pages and in text files never use it); "
            "drop it, or check the format against the dates."
        )


def _repeated_warning(repeated: tuple[str, ...]) -> str:
    """The warning about files a list of paths named more than once (each is loaded once)."""
    more = f" and {len(repeated) - 1:,} more" if len(repeated) > 1 else ""
    return (
        f"{repeated[0]}{more}: named more than once in the list of paths (directly or inside "
        "a listed folder); each file is loaded once."
    )


def _nul_warning(nuls: dict[str, str]) -> str | None:
    """One warning naming the files read without their stray NUL bytes, or None."""
    if not nuls:
        return None
    path, n = next(iter(nuls.items()))
    return (
        f"{path}: {n} NUL byte(s) removed before reading it as text ({len(nuls):,} such file(s) "
        "in all; docs.encoding_note says how many each). Check the file, or strip them yourself: "
        "tr -d '\\000' < file > new_file."
    )


def _dump_warning(dumps: dict[str, str]) -> str | None:
    """One warning naming the text files that hold many articles each, or None."""
    if not dumps:
        return None
    path, records = next(iter(dumps.items()))
    more = f" and {len(dumps) - 1:,} more file(s) like it" if len(dumps) > 1 else ""
    return (
        f"{path}{more}: looks like many articles in one file ({records}), but a text file is "
        "loaded as ONE document, so every per-document count, duplicate check and analysis "
        "reads it as one article. Pass split='records' to load_corpus (command line: --split "
        "records) to load one document per article, split it into one file per article, or "
        "convert it to JSONL (one object per article with a 'text' field and its url/title/date)."
    )


def _mixed_warning(mixed: dict[str, str]) -> str | None:
    """One warning naming the files read as UTF-8 with some lines in cp1252, or None."""
    if not mixed:
        return None
    path, enc = next(iter(mixed.items()))
    lines = enc.split(MIXED_MARK, 1)[1].rstrip(")")
    return (
        f"{path}: not valid UTF-8 on line{lines}; those bytes were read as cp1252, the "
        f"rest as UTF-8 ({len(mixed):,} file(s) in all; see docs.encoding_note). Check these "
        "lines, or re-save the file as UTF-8."
    )


def _suspect_warning(suspect: dict[str, str]) -> str | None:
    """One warning naming the files read as cp1252 whose words look like another code page."""
    if not suspect:
        return None
    path, enc = next(iter(suspect.items()))
    western, note = enc.split(SUSPECT_MARK, 1)
    more = (
        f" ({len(suspect):,} such files in all; see docs.encoding_note)" if len(suspect) > 1 else ""
    )
    return (
        f"{path}: read as {western}, but {note.rstrip(')')} hold a character that words of "
        f"a Western language rarely do: the file may be in another code page{more}. If its "
        "text looks wrong, pass the file's encoding= (command line: --encoding), e.g. "
        "'cp1250' (Central European), 'cp1254' (Turkish), 'cp1257' (Baltic), 'cp1258' "
        "(Vietnamese), 'iso8859_2', 'cp850' (DOS), or re-save the file as UTF-8."
    )


def _join(
    base: dict[str, Any],
    seen_ids: _Ids,
    sidecar_index: dict[str, list[int]] | None,
    sidecar: Sidecar | None,
    used: set[int],
) -> dict[str, Any]:
    """Give the document its doc_id and join its sidecar rows (the sidecar wins)."""
    doc_id = seen_ids.claim(base["doc_id"], base)
    base["doc_id"] = doc_id
    if sidecar is not None and sidecar_index is not None:
        hits: list[int] = []
        path, source = base.get("path"), base["source"]
        for key in (path, source if source != path else None, doc_id):
            if key:
                hits += sidecar_index.get(key, ())
        for i in sorted(set(hits)) if len(hits) > 1 else hits:
            used.add(i)
            row = sidecar.rows[i]
            own_label = base.get("published_source")
            base.update(row)
            if "published" not in row and not is_missing(base.get("published")):
                base["published_source"] = own_label  # an unread sidecar date: the page's stays
            for field, label in _SOURCE_LABELS:  # the sidecar wins over the page and says so
                if field in row:
                    base[label] = "sidecar"
    return base


#: each sourced column with the column that says where its value came from
_SOURCE_LABELS = tuple((field, f"{field}_source") for field in SOURCED_COLUMNS)


def _complete(
    base: dict[str, Any], text: str, rows: list[dict[str, Any]]
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The document row once cleaned: text, title from the first line, counts, defaults."""
    titled = base.get("format") == "text" and not base.get("title")
    n_chars, blank, title = text_facts(text, titled)  # computed with the cleaning when packed
    base["text"] = text
    if titled:
        base["title"] = title
        if title:
            base["title_source"] = "first_line"
    _fill_sources(base)
    base["n_chars"] = n_chars
    base["n_cleaning_edits"] = len(rows)
    base["empty_after_cleaning"] = blank
    base.setdefault("published", pd.NaT)
    base.setdefault("date_precision", None)
    base.setdefault("outlet", None)
    return base, rows


def _table_row(base: dict[str, Any]) -> bool:
    """True for a document read from a table's row (also one whose cell held a whole page,
    read as a page: format ``html``, ``text_source`` ``html_page:<column>``)."""
    return base.get("format") not in ("text", "html") or str(
        base.get("text_source") or ""
    ).startswith(PAGE_SOURCE)


def _fill_sources(base: dict[str, Any]) -> None:
    """Label table-given values ``table``; outlet from the URL's host and date from the URL's
    path (``/2022/07/18/``) when nothing else gives one."""
    if _table_row(base):
        for k in SOURCED_COLUMNS:
            v = base.get(k)
            if v is not None and v is not pd.NaT and f"{k}_source" not in base:
                base[f"{k}_source"] = "table"
    if is_missing(base.get("outlet")):
        host = url_host(base.get("url"))
        if host is not None:
            base["outlet"], base["outlet_source"] = host, "url"
    if is_missing(base.get("published")) and "published_source" not in base:
        dated = url_date(base.get("url"))  # no date written anywhere: the one in the URL's path
        if dated is not None:
            base["published"], base["date_precision"] = dated
            base["published_source"] = "url"
    for col in META_COLUMNS:
        base.setdefault(col, None)


def _events(
    source: Any, plan: Plan, opts: LoadOptions, progress: bool
) -> Iterator[tuple[str, Any, Any]]:
    """The load's inputs in corpus order, nothing read ahead of its turn.

    Yields ``("file", ReadJob, None)`` for a text or HTML file of a folder or
    list (read where it is cleaned, maybe in a pool worker), ``("doc", row,
    None)`` for a table row or a single file (read here; not joined, not
    cleaned), ``("skip", path, reason)``, and ``("root", name, None)`` last.
    """
    if isinstance(source, pd.DataFrame):
        try:
            yield from table_docs("dataframe", ".dataframe", None, source, opts)
        except InputSkipped as exc:
            raise CorpusValueError(exc.reason) from None
        yield "root", plan.root_name, None
        return
    for entry in _progress(plan.entries, progress, "loading"):
        if entry.skip is not None:
            if plan.single_file:
                raise CorpusLoadError(f"{entry.rel}: {entry.skip}")
            yield "skip", entry.rel, entry.skip
            continue
        in_pool = opts.split is None or entry.ext in HTML_EXTENSIONS  # records: split here
        if not plan.single_file and entry.ext not in TABLE_EXTENSIONS and in_pool:
            yield "file", ReadJob(entry, opts.encoding), None
            continue
        try:
            yield from file_docs(entry, opts)
        except InputSkipped as exc:
            if plan.single_file:
                raise CorpusLoadError(_named(entry.rel, exc.reason)) from None
            yield "skip", entry.rel, exc.reason
        except CorpusToolsError:
            raise
        except Exception as exc:  # isolation: one file's failure never stops the load
            if plan.single_file:
                raise CorpusLoadError(f"{entry.rel}: {crash_reason(exc)}") from exc
            yield "skip", entry.rel, crash_reason(exc)
    yield "root", plan.root_name, None


def _named(rel: str, reason: str) -> str:
    """``"rel: reason"``, the file named once (a table's reason may name it already)."""
    return reason if reason.startswith(f"{rel}: ") else f"{rel}: {reason}"


def _check_sidecar_used(sidecar: Sidecar | None, used: set[int], skipped_paths: set[str]) -> None:
    """Raise when a sidecar row names no loaded document (a skipped file is fine)."""
    if sidecar is None:
        return
    unknown = [
        i
        for i in range(len(sidecar.keys))
        if i not in used and sidecar.keys[i] not in skipped_paths
    ]
    if unknown:
        i = unknown[0]
        raise MetadataError(
            f"{sidecar.name} row {sidecar.line_of[i]}, column 'file': {sidecar.keys[i]!r} "
            f"names no loaded document ({len(unknown)} such row(s)); fix the name (a path "
            "relative to the corpus folder, or a doc_id) or delete the row."
        )


_P = ParamSpec("_P")
_R = TypeVar("_R")


def options_by_name(func: Callable[_P, _R]) -> Callable[_P, _R]:
    """``func`` with Python's errors for a misspelt option or an option passed by position
    made to name the option meant (``text_col=`` -> ``text_column=``). Still a TypeError,
    raised before anything is read; the signature is ``func``'s (``inspect.signature``).
    """
    params = inspect.signature(func).parameters
    names = [n for n, p in params.items() if p.kind is inspect.Parameter.KEYWORD_ONLY]
    known = frozenset(params)

    @functools.wraps(func)
    def checked(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        if len(args) > 1:
            raise TypeError(
                f"{func.__name__}() takes the source as its only positional argument, and "
                f"{len(args)} were given; pass the options by name, e.g. "
                f"{func.__name__}(source, text_column='body')"
            )
        for key in kwargs:
            if key not in known:
                close = [n for n in names if key.lower() in n.split("_")][:3]  # date: date_*
                close = close or difflib.get_close_matches(key, names, n=1, cutoff=0.8)
                meant = f"; did you mean {' or '.join(c + '=' for c in close)}?" if close else ""
                raise TypeError(
                    f"{func.__name__}() got an unexpected keyword argument {key!r}{meant} "
                    f"(its options: {', '.join(names)})"
                )
        return func(*args, **kwargs)

    return checked


@options_by_name
def iter_documents(
    source: Any,
    *,
    metadata: Any = None,
    clean: bool = True,
    rules: Any = None,
    text_column: str | None = None,
    id_column: str | None = None,
    encoding: str | None = None,
    date_format: str | None = None,
    progress: bool = False,
    title_column: str | None = None,
    outlet_column: str | None = None,
    date_column: str | None = None,
    on_skip: Callable[[str, str], None] | None = None,
    n_jobs: int | None = 1,
    keep_raw: bool = True,
    outlet_from: str | None = None,
    split: str | None = None,
    quotechar: str | None = None,
) -> Iterator[dict[str, Any]]:
    """Stream documents one by one (same fields as ``load_corpus().docs`` rows).

    Use it for corpora too large for one DataFrame. Duplicate flags are not computed (they
    need the whole corpus); each document's cleaning-log rows are its ``"cleaning_log"`` (dicts).

    Parameters
    ----------
    source, metadata, clean, rules, text_column, id_column, encoding, date_format, progress
        As in :func:`load_corpus`; so are ``title_column``, ``outlet_column``, ``date_column``,
        ``outlet_from``, ``split`` and ``quotechar`` (the warning about a corpus sorted into
        folders with no outlet comes once the last document was read).
    on_skip : callable, optional
        Called as ``on_skip(path, reason)`` for every input not loaded.
    n_jobs : int or None, default 1
        As in :func:`load_corpus` (default here: one process, documents
        cleaned in batches of up to 256 as they are read).
    keep_raw : bool, default True
        ``False``: each document's ``"raw_text"`` is None (rebuild it with
        ``corpus_tools.clean.reconstruct_text(doc["text"], doc["cleaning_log"])``);
        a pool worker does not send it back.

    Examples
    --------
    >>> import pandas as pd
    >>> docs = iter_documents(pd.DataFrame({"text": ["One.", "Two."]}))
    >>> [d["doc_id"] for d in docs]
    ['row#1', 'row#2']
    """
    columns = (title_column, outlet_column, date_column)
    opts = LoadOptions(
        clean,
        rules,
        text_column,
        id_column,
        encoding,
        date_format,
        keep_raw,
        *columns,
        outlet_from=outlet_from,
        split=split,
        quotechar=quotechar,
    )
    groups = FolderGroups() if outlet_from is None else None
    huge = _HugeDocs()
    for kind, a, b in _stream(source, metadata, opts, progress, n_jobs):
        if kind == "doc":
            a["raw_text"] = a["raw_text"] if keep_raw else None
            a.pop(TITLE_TAG_KEY, None)  # the whole <title>: for load_corpus's outlet pass only
            a["cleaning_log"] = b
            if groups is not None:
                groups.add(a.get("path"), a.get("outlet"))
            huge.add(a)
            yield a
        elif kind == "skip" and on_skip is not None:
            on_skip(display_name(a), display_name(b))
        elif kind == "root":
            for note in (groups.note() if groups is not None else None, huge.note()):
                if note is not None:
                    warnings.warn(note, CorpusToolsWarning, stacklevel=outside_level())


class _HugeDocs:
    """The streamed documents of ``HUGE_CHARS`` or more (the first three named, all counted)."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, int]] = []
        self.n = 0

    def add(self, doc: dict[str, Any]) -> None:
        if (doc.get("n_chars") or 0) >= HUGE_CHARS:
            self.n += 1
            if len(self.shown) < 3:
                self.shown.append((str(doc["source"]), int(doc["n_chars"])))

    def note(self) -> str | None:
        return _huge_message(self.shown, self.n) if self.n else None


@options_by_name
def load_corpus(
    source: Any,
    *,
    metadata: Any = None,
    clean: bool = True,
    rules: Any = None,
    text_column: str | None = None,
    id_column: str | None = None,
    encoding: str | None = None,
    date_format: str | None = None,
    progress: bool = False,
    title_column: str | None = None,
    outlet_column: str | None = None,
    date_column: str | None = None,
    n_jobs: int | None = None,
    keep_raw: bool = True,
    outlet_from: str | None = None,
    split: str | None = None,
    quotechar: str | None = None,
    url_column: str | None = None,
) -> Corpus:
    """Load a corpus from a folder, a file, a list of paths or a DataFrame.

    Parameters
    ----------
    source : str, os.PathLike, list of paths, or pandas.DataFrame
        A folder (searched recursively), one file (``.txt .text .md .sgm .html .htm .csv .tsv
        .jsonl .ndjson .json .parquet``, or ``.gz``), a list of them, or a DataFrame.
    metadata : path, DataFrame or False, optional
        Metadata to join (key ``file``, ``doc_id`` or ``path``; ``outlet, published, title``...).
        Default: ``metadata.csv`` / ``.json`` in the corpus folder if present; ``False``: none.
    clean, rules : bool (default True), optional rules
        Run :func:`corpus_tools.clean_text` (with ``rules``, optional) on every document.
    text_column, id_column, title_column, outlet_column, date_column : str, optional
        Columns of table sources (default: found by common names, whatever their case,
        spaces, hyphens, camelCase or a trailing ``(UTC)``; see :mod:`corpus_tools.io`).
    encoding, date_format : str, optional
        One encoding for every text file (default: detect per file); a ``strptime`` format every
        sidecar and table date must match (``"%d/%m/%Y"``; ``%d``: day, ``%H``: time precision).
    progress, n_jobs : bool (default False), int or None (default None)
        A tqdm progress bar on stderr (on a terminal, unless ``TQDM_DISABLE=1``). Processes that
        read and clean (results never depend on it): ``None`` a pool of one per core (at most 4)
        after 2,000 documents (sooner when known ahead), ``1`` none.
    keep_raw : bool, default True
        ``False`` (half the memory on pages with chrome): ``docs["raw_text"]`` is None;
        ``corpus.raw(doc_id)``, ``corpus.iter_raw()`` and :func:`corpus_tools.reconstruct` rebuild
        it exactly from the text and the cleaning log. Every other table is the same.
    outlet_from, split, quotechar, url_column : str, optional
        ``"folder"``: outlet = first folder; ``"records"``: split crawler dumps (docs/loading.md);
        the CSV/TSV quote character (default ``"``, or ``'`` if so quoted; ``""``: none); the
        column of each article's own link (its host is the outlet when there is no outlet column).

    Returns
    -------
    Corpus
        ``docs``: ``DOC_COLUMNS`` (``published``: naive UTC datetime64[ns]), ``EXTRA_COLUMNS``,
        ``META_COLUMNS``, user metadata columns; rows in relative-path then row order. ``skipped``:
        ``path, reason``. ``cleaning_log``: ``LOG_COLUMNS``. Near-duplicates: word 5-gram Jaccard
        >= 0.9 (Broder 1997; :mod:`corpus_tools.dedup`); other loading rules: :mod:`corpus_tools.io`.

    Raises
    ------
    CorpusLoadError
        Missing path, empty folder or list, or a single file that cannot be loaded.
    MetadataError
        A metadata row names an unknown file, or a date is unparseable, ambiguous
        (``02/11/2023``) or out of range (year 1); naming file, row, column and fix.
    CorpusValueError
        A DataFrame source without a text column.

    Examples
    --------
    >>> import pandas as pd
    >>> c = load_corpus(pd.DataFrame({"id": ["a", "b"], "text": ["Talks ended.", "Talks ended."]}))
    >>> c.docs[["doc_id", "duplicate_of", "duplicate_kind"]].values.tolist()
    [['a', None, None], ['b', 'a', 'exact']]
    """
    cols = (title_column, outlet_column, date_column, outlet_from, split, quotechar, url_column)
    opts = LoadOptions(clean, rules, text_column, id_column, encoding, date_format, keep_raw, *cols)
    return _load(source, metadata, opts, progress, n_jobs)


def _load(
    source: Any, metadata: Any, opts: LoadOptions, progress: bool, n_jobs: int | None
) -> Corpus:
    """The body of :func:`load_corpus`: collect the cleaned documents, then build the tables."""
    with paused_gc():  # nothing to collect: every row made here is kept
        corpus = _load_tables(source, metadata, opts, progress, n_jobs)
    release_memory()  # the freed heap of the load back to the system
    return corpus


def _load_tables(
    source: Any, metadata: Any, opts: LoadOptions, progress: bool, n_jobs: int | None
) -> Corpus:
    got = Collected(opts.clean, opts.rules, opts.keep_raw)
    token = collect_table_repeats()  # many tables with the same warning: one, then a sum
    try:
        for kind, a, b in _stream(source, metadata, opts, progress, n_jobs, sign=True):
            if kind == "doc":
                got.add(a, b)
            elif kind == "skip":
                got.skipped.append((display_name(a), display_name(b)))
            else:
                got.root = a
    finally:
        repeats = repeated_table_notes(token)
    for repeat in repeats:
        warnings.warn(repeat, CorpusToolsWarning, stacklevel=outside_level())
    got.apply_templates()  # lines that recur on many pages of one outlet: its template
    if not len(got):
        _warn_nothing_loaded(got.skipped)
    skipped = pd.DataFrame(got.skipped, columns=SKIPPED_COLUMNS).astype(object)
    docs = _docs_frame(got)
    log = _log_frame(got.logs)
    _warn_gutted(docs, log)
    _warn_huge(docs)
    if opts.outlet_from is None and len(docs):
        note = folder_note(docs["path"].tolist(), docs["outlet"].tolist())
        if note is not None:
            warnings.warn(note, CorpusToolsWarning, stacklevel=outside_level())
    return Corpus(docs, log, skipped, root=got.root, keep_raw=opts.keep_raw)


def _stream(
    source: Any,
    metadata: Any,
    opts: LoadOptions,
    progress: bool,
    n_jobs: int | None,
    sign: bool = False,
) -> Iterator[tuple[str, Any, Any]]:
    """The load's events with every file read and every document joined and cleaned
    (in batches, maybe in a pool: ``io.batches``)."""
    if n_jobs is not None:
        check_n_jobs(n_jobs)
    frame = isinstance(source, pd.DataFrame)
    plan = Plan([], None, None, True) if frame else plan_inputs(source)
    if plan.repeated:
        warnings.warn(
            _repeated_warning(plan.repeated), CorpusToolsWarning, stacklevel=outside_level()
        )
    table_only = {k: getattr(opts, k) for k in TABLE_OPTIONS if getattr(opts, k)}

    def sidecar() -> Sidecar | None:
        return load_sidecar(metadata, plan.sidecar, opts.date_format)

    joiner = _Joiner(sidecar, not frame, table_only, opts.date_format, opts.outlet_from)
    events = cleaned(
        _events(source, plan, opts, progress),
        clean=opts.clean,
        rules=opts.rules,
        n_jobs=n_jobs,
        complete=_complete,
        join=joiner,
        cleaner=clean_text,  # looked up here, so a patched clean_text is used
        sign=sign,  # duplicate signatures computed with the cleaning (in the pool)
        keep_raw=opts.keep_raw,
        expected=len(source) if frame else expected_work(plan.entries),
    )
    return joiner.finished(events)


#: what reading one HTML page costs, in documents of text: trafilatura's extraction and the
#: page's metadata take ~0.1-0.3 CPU s a page (WCXB pages, ~300 KB) against ~1-2 ms to read
#: and clean a text file, so a folder of 40 pages is worth a pool (``io.batches.INLINE_DOCS``)
HTML_PAGE_DOCS = 50


def expected_work(entries: Iterable[Any]) -> int:
    """The documents the files to read are worth for ``io.batches.cleaned(expected=...)``:
    one a file, :data:`HTML_PAGE_DOCS` an HTML page (the pool starts for a few dozen pages,
    not only for thousands of files; the output never depends on it)."""
    return sum(HTML_PAGE_DOCS if e.ext in HTML_EXTENSIONS else 1 for e in entries if e.skip is None)


def outside_level() -> int:
    """The ``stacklevel`` of a warning that points at the first caller outside this package."""
    package = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    frame: FrameType | None = sys._getframe(1)
    level = 1
    while frame is not None and frame.f_code.co_filename.startswith(package):
        frame, level = frame.f_back, level + 1
    return level


#: a document of at least this many raw characters that cleaning leaves below
#: GUTTED_SHARE of is reported (many pages, or a whole site, saved as one file)
GUTTED_MIN_CHARS = 1_000_000
GUTTED_SHARE = 0.10


def _warn_gutted(docs: pd.DataFrame, log: pd.DataFrame) -> None:
    """Warn, naming the documents, when cleaning kept under 10 % of a very long one.

    A crawler dump of many pages saved as one file looks like one article with a
    mountain of page chrome: the cleaner removes nearly all of it (every removal is
    in the cleaning log), and every analysis then reads the few kept lines as one
    article. Raw lengths come from the log: kept characters plus removed minus added.
    """
    if not len(log) or not len(docs) or "n_chars" not in docs.columns:
        return
    delta = log["end"] - log["start"] - log["replacement"].fillna("").str.len()
    removed = delta.groupby(log["doc_id"], sort=False).sum()
    kept = docs.set_index("doc_id")["n_chars"].reindex(removed.index).fillna(0)
    raw = kept + removed
    gutted = raw[(raw >= GUTTED_MIN_CHARS) & (kept < GUTTED_SHARE * raw)]
    if not len(gutted):
        return
    shown = ", ".join(
        f"{d!r} ({int(raw[d]):,} -> {int(kept[d]):,} characters)" for d in gutted.index[:3]
    )
    more = f" and {len(gutted) - 3:,} more" if len(gutted) > 3 else ""
    warnings.warn(
        f"cleaning kept less than {GUTTED_SHARE:.0%} of {len(gutted):,} very long "
        f"document(s): {shown}{more}. A file this long with so little kept is usually many "
        "pages or a whole site saved as one file: split it into one article per file "
        "(corpus.cleaning_log lists every removed line).",
        CorpusToolsWarning,
        stacklevel=outside_level(),
    )


#: a cleaned document of at least this many characters (about 800,000 words; the longest
#: news features run to some 100,000 characters) is named in a warning
HUGE_CHARS = 5_000_000


def _warn_huge(docs: pd.DataFrame) -> None:
    """Warn, naming them, about documents too long to be one article (a crawl saved as one
    file, a dump on one line): kept, as the cleaning kept them, but every analysis reads
    each as one article."""
    if not len(docs) or "n_chars" not in docs.columns:
        return
    huge = docs.loc[docs["n_chars"] >= HUGE_CHARS, ["source", "n_chars"]]
    if len(huge):
        rows = [(str(s), int(n)) for s, n in huge.head(3).values.tolist()]
        warnings.warn(
            _huge_message(rows, len(huge)), CorpusToolsWarning, stacklevel=outside_level()
        )


def _huge_message(shown_rows: list[tuple[str, int]], n_huge: int) -> str:
    """The warning about ``n_huge`` documents of ``HUGE_CHARS`` or more (the first named)."""
    shown = ", ".join(f"{s} ({n:,} characters)" for s, n in shown_rows[:3])
    more = f" and {n_huge - 3:,} more" if n_huge > 3 else ""
    return (
        f"{n_huge:,} document(s) of over {HUGE_CHARS:,} characters after cleaning: {shown}"
        f"{more}. No news article is this long: such a file is usually many articles or a "
        "whole site saved as one file (every analysis reads it as one article). Split it into "
        "one article per file, or per line of a JSONL file (split='records' reads a crawler "
        "dump with URL:/Title: headers, separator lines or 'content:' lines)."
    )


def _warn_nothing_loaded(skipped: list[tuple[str, str]]) -> None:
    """Warn, at the caller of :func:`load_corpus`, that no document could be loaded (the
    first skip's reason named: with one kind of input, it is usually every file's)."""
    first = ""
    if skipped:
        path, reason = skipped[0]
        reason = reason if len(reason) <= 400 else reason[:397] + "..."
        first = f"; the first, {reason if reason.startswith(f'{path}: ') else f'{path}: {reason}'}"
    warnings.warn(
        f"no document could be loaded ({len(skipped)} input(s) skipped{first}); see "
        "corpus.skipped for the reasons.",
        CorpusToolsWarning,
        stacklevel=outside_level(),
    )


def _docs_frame(got: Collected) -> pd.DataFrame:
    """The ``docs`` table: every loader column present and typed, duplicates flagged, user columns last."""
    docs = pd.DataFrame(got.meta)
    got.meta = []  # the frame holds the values now
    if len(docs):
        docs["text"] = got.text.series()
        if got.raw is not None:
            docs["raw_text"] = got.raw.series()
    for col in DOC_COLUMNS + EXTRA_COLUMNS + META_COLUMNS:
        if col not in docs.columns:
            docs[col] = pd.Series([None] * len(docs), dtype=object)
    docs["published"] = pd.to_datetime(docs["published"]).astype("datetime64[ns]")
    docs["doc_id"] = docs["doc_id"].astype(object)
    docs["empty_after_cleaning"] = docs["empty_after_cleaning"].astype(bool)
    docs["n_cleaning_edits"] = docs["n_cleaning_edits"].fillna(0).astype("int64")
    dup_of, dup_kind = got.duplicate_flags(docs["doc_id"].tolist())
    docs["duplicate_of"] = pd.Series(dup_of, dtype=object)
    docs["duplicate_kind"] = pd.Series(dup_kind, dtype=object)
    for col in ("outlet", "title", "date_precision", "path", "source", "encoding", "format"):
        docs[col] = docs[col].astype(object).where(docs[col].notna(), None)
    if "encoding_note" in docs.columns:  # only when some file's encoding has a note
        docs["encoding_note"] = (
            docs["encoding_note"].astype(object).where(docs["encoding_note"].notna(), None)
        )
    for col in META_COLUMNS:
        docs[col] = docs[col].astype(object).where(docs[col].notna(), None)
    _title_site_outlets(docs)
    wire_note = name_wire_outlets(docs) if len(docs) else None  # "WASHINGTON (Reuters) -"
    if wire_note is not None:
        warnings.warn(wire_note, CorpusToolsWarning, stacklevel=outside_level())
    _warn_redirected(docs)
    _merge_outlet_spellings(docs)
    first = DOC_COLUMNS + EXTRA_COLUMNS + META_COLUMNS
    return docs[first + [c for c in docs.columns if c not in first]]


#: the column a page's whole ``<title>`` travels in from the page reader to the outlet pass
#: (dropped from ``docs``: the ``title`` column holds the headline)
TITLE_TAG_KEY = "_title_tag"


def _title_site_outlets(docs: pd.DataFrame) -> None:
    """Outlets of HTML pages that name none (no page metadata, table, folder option or URL)
    from the end of their ``<title>`` when it names the site of the pages of their folder (or
    URL host): "Storm hits coast - BBC News" on three and a fifth of a folder's pages
    (:func:`~corpus_tools.io.outlets.shared_title_sites`), ``outlet_source``
    ``page:title:shared``. Titles are left as they are."""
    tags = docs.pop(TITLE_TAG_KEY) if TITLE_TAG_KEY in docs.columns else docs["title"]
    pages = (docs["format"] == "html").to_numpy()
    if not pages.any() or not docs.loc[pages, "outlet"].isna().any():
        return
    at = [i for i, page in enumerate(pages) if page]
    urls, paths = docs["url"].tolist(), docs["path"].tolist()
    groups = [
        ("url", host)
        if (host := url_host(urls[i])) is not None
        else ("folder", posixpath.dirname(str(paths[i]).replace("\\", "/")))
        for i in at
    ]
    tag_list = tags.tolist()
    found = shared_title_sites(groups, [tag_list[i] for i in at], SITE_NAME_MAX_WORDS)
    outlets, sources = docs["outlet"].tolist(), docs["outlet_source"].tolist()
    for k, name in found.items():
        if outlets[at[k]] is None:
            outlets[at[k]], sources[at[k]] = name, TITLE_SITE_SOURCE
    docs["outlet"] = pd.Series(outlets, index=docs.index, dtype=object)
    docs["outlet_source"] = pd.Series(sources, index=docs.index, dtype=object)


def _warn_redirected(docs: pd.DataFrame) -> None:
    """Warn when every URL of the corpus's files (a sidecar's or a page's; tables warn on
    their own) is a redirector's with no address of its own, and none of them has an outlet."""
    files = docs["format"].isin(["text", "html"]) & docs["url"].notna()
    if not files.any() or docs.loc[files, "outlet"].notna().any():
        return
    for url in docs.loc[files, "url"].tolist():
        host = url_parts(url)[0]
        if host is None or not is_redirector(host) or redirect_target(url) is not None:
            return
    warnings.warn(
        redirector_note("the corpus's files", "document", int(files.sum())),
        CorpusToolsWarning,
        stacklevel=outside_level(),
    )


def _merge_outlet_spellings(docs: pd.DataFrame) -> None:
    """One spelling per outlet (``io.outlets``): the replaced names kept in ``outlet_as_written``
    (a column added only when some name was replaced) and named in a warning."""
    names = docs["outlet"].tolist()
    hosts = bare_hosts(names)  # 'www.newsmax.com' -> 'newsmax.com', as a URL's host is named
    spelled = merge_spellings([hosts.get(n, n) if n is not None else None for n in names])
    merged = {}
    for name in dict.fromkeys(n for n in names if isinstance(n, str)):
        bare = hosts.get(name, name)
        final = spelled.get(bare, bare)
        if final != name:
            merged[name] = final
    if not merged:
        return
    written = docs["outlet"]
    replaced = written.isin(list(merged))
    docs["outlet_as_written"] = written.where(replaced, None)
    docs["outlet"] = written.map(lambda name: merged.get(name, name) if name is not None else None)
    counts = written[replaced].value_counts().to_dict()
    note = merge_note(merged, counts)
    if hosts:
        first = next(iter(hosts.items()))
        note += (
            f" Web hosts lose a leading 'www.' as the hosts of URLs do ({len(hosts):,} "
            f"name(s), e.g. {first[0]!r} -> {first[1]!r})."
        )
    warnings.warn(note, CorpusToolsWarning, stacklevel=outside_level())


def _log_frame(logs: LogColumns) -> pd.DataFrame:
    """The ``cleaning_log`` table: ``LOG_COLUMNS`` (+ ``category`` when the cleaner gives it) first."""
    log_cols = LOG_COLUMNS + (["category"] if "category" in logs.cols else [])
    log = logs.frame()
    for col in log_cols:
        if col not in log.columns:
            log[col] = pd.Series(dtype=object)
    return log[log_cols + [c for c in log.columns if c not in log_cols]]
