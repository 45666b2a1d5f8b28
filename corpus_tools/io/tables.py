"""Parsing table files: CSV/TSV (the csv module, field counts checked), JSON, JSONL and Parquet.

:func:`read_table` returns the columns, the records and their 1-based row
numbers, plus one skip per bad row (``file.csv#row=N`` with the reason),
never shifting a row.
"""

from __future__ import annotations

import csv
import io as _stdio
import itertools
import json
import re
import sys
import warnings
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
import pandas as pd

from ..errors import CorpusToolsWarning
from . import limits
from .columns import column_key, name_forms
from .decode import bytes_to_text, forced_garbles_utf8, garbled_message
from .files import InputSkipped
from .json_shapes import json_records
from .limits import megabytes


def pick_column(
    columns: Sequence[Any], candidates: Sequence[str], given: str | None, what: str, where: str
) -> Any:
    """The column for ``what``: ``given`` (which must exist), else the first of ``candidates``.

    Names match as :func:`~corpus_tools.io.columns.column_key` reads them (case,
    spaces, hyphens, camelCase and a trailing ``(...)`` aside; a name as written
    first); None when none matches. ``given`` may differ from its column in the
    same way when no other column reads the same.

    >>> pick_column(["ID", "Body"], ("doc_id", "id"), None, "id", "t.csv")
    'ID'
    >>> pick_column(["Headline", "Pub Date (UTC)"], ("date", "pub_date"), None, "date", "t.csv")
    'Pub Date (UTC)'
    >>> pick_column(["Headline Text ", "Link"], (), "headline text", "text", "t.csv")
    'Headline Text '
    """
    if given is not None:
        if given in columns:
            return given
        same = [c for c in columns if column_key(c) == column_key(given)]
        if len(same) != 1:
            raise InputSkipped(
                f"{where}: no column {given!r} for the {what}; columns found: {list(columns)}"
            )
        return same[0]
    lower: dict[str, Any] = {}
    keys: dict[str, Any] = {}
    for c in columns:
        low, key = name_forms(c)
        lower[low] = c  # the last of two names that differ only in case or spaces, as before
        keys.setdefault(key, c)
    exact = set(map(str, columns))
    for cand in candidates:
        if cand in exact:  # 'text' itself before 'Text' or ' TEXT ' (a header written twice)
            return next(c for c in columns if str(c) == cand)
        if cand in lower:
            return lower[cand]
        if cand in keys:
            return keys[cand]
    return _leaf_match(columns, candidates) if what in _LEAF_FIELDS else None


#: the fields also found by the last part of a dotted column (``properties.title``, made from
#: nested JSON objects); not the id (``source.id`` names the outlet, not the article)
_LEAF_FIELDS = ("text", "title", "outlet", "date", "url")


def _leaf_match(columns: Sequence[Any], candidates: Sequence[str]) -> Any:
    """The one dotted column whose last part is the first candidate any of them has, else None.

    >>> _leaf_match(["key.kind", "properties.title", "properties.link"], ("title", "headline"))
    'properties.title'
    >>> _leaf_match(["a.title", "b.title"], ("title",)) is None
    True
    """
    dotted = [(c, name_forms(str(c).rsplit(".", 1)[-1])) for c in columns if "." in str(c)]
    for cand in candidates if dotted else ():
        hits = [c for c, forms in dotted if cand in forms]
        if hits:
            return hits[0] if len(hits) == 1 else None
    return None


def sniff_delimiter(text: str) -> str:
    """The delimiter of a CSV text: the most frequent of ``, ; tab |`` in its header (``,`` on ties).

    >>> sniff_delimiter("a;b;c\\n1;2;3"), sniff_delimiter("text")
    (';', ',')
    """
    header = text[: text.find("\n")] if "\n" in text else text
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


#: records parsed with each quote character to choose one (the first 1 MB at most)
_QUOTE_SAMPLE_ROWS = 200
_QUOTE_SAMPLE_CHARS = 1 << 20


def sniff_quote(text: str, sep: str) -> str:
    """The quote character of a CSV text: ``'`` when fields open with it right after a
    delimiter or a line start and the first records parse into more rows of the header's
    width with ``'`` than with ``"``, or as many and, read with ``"``, every header name
    or 4 in 5 records (2 at least) hold a field in ``'`` (``'id';'title'``); else ``"``.

    >>> sniff_quote("label;text\\nWelt;'ja; sicher'\\n", ";")
    "'"
    >>> sniff_quote("'title','text'\\n'A','B'\\n", ",")
    "'"
    >>> sniff_quote("title,text\\nA,'tis here\\nB,it's\\n", ",")
    '"'
    >>> sniff_quote("date,title\\n2020,'No comment'\\n2021,Rain\\n", ",")
    '"'
    """
    sample = text[:_QUOTE_SAMPLE_CHARS]
    if not re.search(f"(?:^|{re.escape(sep)})'", sample, re.MULTILINE):
        return '"'
    if len(text) > len(sample) and "\n" in sample:
        sample = sample[: sample.rfind("\n") + 1]  # whole lines only
    double, header, in_single = _well_formed_rows(sample, sep, '"')
    single = _well_formed_rows(sample, sep, "'")[0]
    quoted = bool(header) and all(len(h) > 1 and h[0] == h[-1] == "'" for h in header)
    tie_single = quoted or (in_single[0] >= 2 and 5 * in_single[0] >= 4 * in_single[1])
    return "'" if single > double or (single == double and tie_single) else '"'


def _well_formed_rows(sample: str, sep: str, quote: str) -> tuple[int, list[str], list[int]]:
    """How many of the first records of ``sample`` have the header's number of fields; the
    header's fields; [records with a field that opens with ``'`` and one that closes with
    ``'``, records] after the header."""
    reader = csv.reader(
        _stdio.StringIO(sample, newline=""), delimiter=sep, quotechar=quote, strict=True
    )
    header: list[str] = []
    good = 0
    in_single = [0, 0]
    try:
        for fields in itertools.islice(reader, _QUOTE_SAMPLE_ROWS):
            if not fields:
                continue
            if not header:
                header = fields
                continue
            good += len(fields) == len(header)
            in_single[1] += 1
            opens = any(f.startswith("'") for f in fields)
            in_single[0] += opens and any(f.endswith("'") for f in fields)
    except csv.Error:
        pass  # the records before the one that failed count
    return good, header, in_single


_SEP_LINE_RE = re.compile(r'\A"?sep=([^\r\n"])"?[ ]*\r?\n', re.IGNORECASE)


def excel_sep_line(text: str) -> tuple[str, str | None]:
    """Excel's delimiter hint: a first line ``sep=;`` (Excel writes and reads it; it is not a
    header) gives the delimiter, and the line is blanked so line numbers stay as in the file.

    >>> excel_sep_line("sep=;\\r\\ntitle;text\\r\\n")
    ('\\ntitle;text\\r\\n', ';')
    >>> excel_sep_line("title,text\\n")
    ('title,text\\n', None)
    """
    m = _SEP_LINE_RE.match(text)
    if m is None:
        return text, None
    return "\n" + text[m.end() :], m.group(1)


class CsvSyntaxError(Exception):
    """Internal: quoting that cannot be parsed, at physical ``line``.

    ``start`` is the first line of the record that failed (an unbalanced quote
    opens there and the field runs on to ``line``); ``header`` and ``rows`` are
    what was parsed before it, as :func:`_csv_rows` returns them.
    """

    def __init__(
        self,
        line: int,
        msg: str,
        start: int = 0,
        header: list[str] | None = None,
        rows: list[tuple[int, int, list[str]]] | None = None,
    ) -> None:
        super().__init__(msg)
        self.line, self.start = line, start or line
        self.msg = msg.replace("'\t'", "a tab")  # (the csv module shows the tab itself)
        self.header, self.rows = header or [], rows or []

    def where(self) -> str:
        """``"line 4"``, or ``"lines 2-4"`` when the record that failed spans lines."""
        return f"line {self.line}" if self.start >= self.line else f"lines {self.start}-{self.line}"


_CSV_FIELD_LIMIT = 2**31 - 1  # a field may be a whole article (the csv default is 128 KB)


def csv_reader(text: str, sep: str, quote: str) -> Any:
    """A strict :func:`csv.reader` of ``text``; ``quote=""``: no quote character (a quote
    is text like any other character, as in many tab-separated exports).

    >>> [r for r in csv_reader('a\\t"b\\n1\\t"Hi" he said\\n', "\\t", "")]
    [['a', '"b'], ['1', '"Hi" he said']]
    """
    if not quote:
        return csv.reader(
            _stdio.StringIO(text, newline=""), delimiter=sep, quoting=csv.QUOTE_NONE, strict=True
        )
    return csv.reader(
        _stdio.StringIO(text, newline=""), delimiter=sep, quotechar=quote, strict=True
    )


def _csv_rows(
    text: str, sep: str, quote: str = '"'
) -> tuple[list[str], list[tuple[int, int, list[str]]]]:
    """Header and ``(data row number, first physical line, fields)`` of each CSV record.

    Parsed with the :mod:`csv` module (RFC 4180 quoting, strict), so a row's
    fields are exactly what the file says: nothing becomes an index, nothing
    shifts. Blank lines are skipped and not counted as rows. Header names are
    made unique as pandas does (``x``, ``x.1``; an empty name is
    ``Unnamed: <i>``). Raises ``CsvSyntaxError`` for quoting that cannot be parsed.
    """
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    reader = csv_reader(text, sep, quote)
    header: list[str] | None = None
    out: list[tuple[int, int, list[str]]] = []
    start = 1
    try:
        for fields in reader:
            line, start = start, reader.line_num + 1
            if not fields or (len(fields) == 1 and not fields[0].strip()):
                continue
            if header is None:
                header = _unique_names(fields)
            else:
                out.append((len(out) + 1, line, fields))
    except csv.Error as exc:
        raise CsvSyntaxError(reader.line_num, str(exc), start, header, out) from None
    return header or [], out


def _unique_names(fields: list[str]) -> list[str]:
    names: list[str] = []
    used: set[str] = set()
    count: dict[str, int] = {}
    for i, field in enumerate(fields):
        name = field if field else f"Unnamed: {i}"
        if name in used:
            k = count.get(name, 0) + 1
            while f"{name}.{k}" in used:
                k += 1
            count[name] = k
            name = f"{name}.{k}"
        used.add(name)
        names.append(name)
    return names


def _field_count_reason(
    what: str, row: int, line: int, n: int, header: list[str], sep: str, quote: str = '"'
) -> str:
    shown = ", ".join(header[:8]) + (", ..." if len(header) > 8 else "")
    name = "a tab" if sep == "\t" else repr(sep)
    if not quote:  # read with no quote character (quotechar=''): a field cannot hold sep
        return (
            f"{what} row {row} (line {line}): {n} fields but the header has {len(header)} "
            f"({shown}); with quotechar='' no field can hold {name} or a line break: fix the "
            "row, or give the file's quote character (quotechar='\"')"
        )
    example = "" if sep == "\t" else f" ({quote}like{sep} this{quote})"
    return (
        f"{what} row {row} (line {line}): {n} fields but the header has {len(header)} "
        f"({shown}); quote fields that contain {name} or a line break{example}, or fix the row"
    )


def checked_csv(
    text: str, sep: str, what: str, quote: str = '"'
) -> tuple[list[str], list[dict[str, str]], list[int], list[tuple[int, str]]]:
    """(header, records, row numbers, [(row, reason)] for rows with a wrong field count)."""
    header, recs = _csv_rows(text, sep, quote)
    return checked_rows(header, recs, sep, what, quote)


def checked_rows(
    header: list[str],
    recs: list[tuple[int, int, list[str]]],
    sep: str,
    what: str,
    quote: str = '"',
) -> tuple[list[str], list[dict[str, str]], list[int], list[tuple[int, str]]]:
    """:func:`checked_csv` on rows already parsed (those before a ``CsvSyntaxError``)."""
    width = len(header)
    records: list[dict[str, str]] = []
    rows: list[int] = []
    bad: list[tuple[int, str]] = []
    for n, line, fields in recs:
        if len(fields) > width and not any(f.strip() for f in fields[width:]):
            fields = fields[:width]  # empty trailing fields (a delimiter at the end of the row)
        if len(fields) != width:
            bad.append((n, _field_count_reason(what, n, line, len(fields), header, sep, quote)))
            continue
        records.append(dict(zip(header, fields, strict=True)))
        rows.append(n)
    return header, records, rows, bad


def _one_json_list(text: str) -> bool:
    """True when a JSON Lines text is really one JSON list written over lines (``[`` alone on
    its first line: a pretty-printed list saved as .jsonl) and parses as one.

    >>> _one_json_list('[\\n{"text": "a"},\\n{"text": "b"}\\n]\\n'), _one_json_list('{"text": "a"}\\n')
    (True, False)
    >>> _one_json_list('["a"]\\n["b"]\\n')  # lists, one per line: JSON Lines (rows are skipped)
    False
    """
    head = text.lstrip()
    if not head.startswith("[") or head[1:].split("\n", 1)[0].strip():
        return False
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _json_value_error(exc: ValueError) -> str:
    msg = str(exc)
    if "integer string conversion" in msg or "Exceeds the limit" in msg:
        return (
            f"a number with more than {sys.get_int_max_str_digits()} digits; write it as a "
            "string (in quotes)"
        )
    return msg


class RepeatedKeys:
    """An ``object_pairs_hook`` for :func:`json_load` that notes objects with a key written
    twice (``{"text": "a", "text": "b"}``): JSON keeps the last value without a word, so the
    loader names the file, the line (or list item) and the key in one warning per file.
    """

    def __init__(self) -> None:
        self.line = 0  # the JSONL line being parsed (0: a whole JSON file)
        self.n = 0  # lines (or files) with a repeated key
        self.first: tuple[int, str, int] | None = None  # (line, key, times) of the first
        self.obj: dict[Any, Any] | None = None  # the first object with one (a JSON file)
        self._seen_line = -1

    def __call__(self, pairs: list[tuple[Any, Any]]) -> dict[Any, Any]:
        obj = dict(pairs)
        if len(obj) != len(pairs):
            if self._seen_line != self.line or self.first is None:
                self.n += 1
                self._seen_line = self.line
            if self.first is None:
                keys = [k for k, _ in pairs]
                key = next(k for k in keys if keys.count(k) > 1)
                self.first, self.obj = (self.line, key, keys.count(key)), obj
        return obj

    def warning(self, where: str, records: list[Any]) -> str | None:
        """The warning naming ``where``, the first line (or item) and key, or None."""
        if self.first is None:
            return None
        line, key, times = self.first
        if line:
            at = f"line {line}"
        else:
            item = next((i for i, r in enumerate(records, 1) if r is self.obj), None)
            at = f"item {item}" if item is not None else "an object"
        more = f" ({self.n:,} lines with a repeated key in all)" if self.n > 1 else ""
        return (
            f"{where}, {at}: key {key!r} is written {times} times in one object{more}; the last "
            "value is kept (as every JSON reader does) and the others are not loaded. Remove "
            "the repeated key, or rename it if the first value is the one you meant."
        )


def json_load(text: str, where: str, pairs: RepeatedKeys | None = None) -> Any:
    """``json.loads`` with every failure as ``InputSkipped`` naming ``where`` (``""`` or ``" on line 3"``);
    ``pairs`` notes objects with a repeated key."""
    try:
        return json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        fix = _trailing_comma(text, exc.pos)
        if where:
            raise InputSkipped(f"bad JSON{where}: {exc.msg}{fix}") from None
        raise InputSkipped(
            f"bad JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}){fix}"
        ) from None
    except RecursionError:
        raise InputSkipped(f"JSON nested too deeply{where}; flatten it") from None
    except ValueError as exc:
        raise InputSkipped(f"bad JSON{where}: {_json_value_error(exc)}") from None


def _trailing_comma(text: str, pos: int) -> str:
    """The fix when a JSON error at ``pos`` is a comma before ``]`` or ``}``, else "".

    >>> _trailing_comma('[{"text": "a"},]', 15)
    '; a comma stands before ], which JSON does not allow: remove it'
    >>> _trailing_comma('[{"text": "a"} x]', 15)
    ''
    """
    closing = text[pos : pos + 1]
    if closing not in ("]", "}"):
        return ""
    before = text[max(0, pos - 1000) : pos].rstrip()
    if not before.endswith(","):
        return ""
    return f"; a comma stands before {closing}, which JSON does not allow: remove it"


def _json_lines_hint(text: str) -> str:
    """For a ``.json`` file that does not parse: the fix when it is JSON Lines (its first two
    non-blank lines each one JSON object), else "".

    >>> _json_lines_hint('{"text": "a"}\\n{"text": "b"}\\n')
    '; the file holds one JSON object per line (JSON Lines): rename it to end in .jsonl'
    >>> _json_lines_hint('{"text": "a",}')
    ''
    """
    lines: list[str] = []
    pos = 0
    while len(lines) < 2 and pos < len(text):  # the first two non-blank lines, not a copy of all
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if text[pos:end].strip():
            lines.append(text[pos:end])
        pos = end + 1
    if len(lines) < 2:
        return ""
    for line in lines:
        try:
            if not isinstance(json.loads(line), dict):
                return ""
        except ValueError:
            return ""
    return "; the file holds one JSON object per line (JSON Lines): rename it to end in .jsonl"


def _too_large_json() -> str:
    return (
        f"JSON too large to parse at once (> {megabytes(limits.MAX_JSON_BYTES)} limit); split it into "
        "smaller files"
    )


def columns_of(records: list[dict[str, Any]]) -> list[Any]:
    """Keys of ``records`` in first-seen order."""
    seen: dict[Any, None] = {}
    for rec in records:
        for k in rec:
            if k not in seen:
                seen[k] = None
    return list(seen)


#: rows of a Parquet file converted to records at a time (bounded memory while streaming)
PARQUET_BATCH_ROWS = 1024
#: rows per batch when the decoded size is summed (the size check of every release)
_SIZE_BATCH_ROWS = 1024
#: decoded bytes of a file kept from the size check for :meth:`ParquetRows.batches` (a file
#: that decodes to more is decoded again there, a batch at a time)
_KEEP_DECODED_BYTES = 64 * 1024 * 1024


class ParquetRows:
    """The rows of one Parquet file as records, a bounded batch at a time.

    ``source`` is a binary file object (an open file: only the parts read are
    in memory) or the bytes of the file. Opening checks the row count and the
    size the file declares, then finds each column's nulls and bounds its
    in-memory size (a small file that expands through dictionary and run-length
    encoding is refused before any row is given out, as a whole): from the
    footer's statistics where they suffice (numbers, dates, text stored without
    a dictionary), else by decoding that column once, batch by batch. :meth:`batches` then
    gives the records ``PARQUET_BATCH_ROWS`` rows at a time: from the batches that check
    decoded when it decoded every column and they came to at most ``_KEEP_DECODED_BYTES``
    (a file is decoded once), else decoding them again; every column gets the pandas dtype
    the whole table would get (an integer column with a null anywhere is
    float64 in every batch), so the records are those of
    ``pd.read_parquet(file).to_dict("records")``. Raises
    :class:`~corpus_tools.io.files.InputSkipped` for a file that cannot be read.
    """

    def __init__(self, source: Any) -> None:
        import pyarrow.parquet as pq

        limit = limits.MAX_DECOMPRESSED_BYTES
        self.too_big = (
            f"Parquet too large when decoded (> {megabytes(limit)} limit); split it into "
            "smaller files"
        )
        try:
            self.file = pq.ParquetFile(  # no read-ahead of whole row groups: bounded memory
                _stdio.BytesIO(source) if isinstance(source, bytes) else source,
                pre_buffer=False,
                buffer_size=1 << 20,
            )
            md = self.file.metadata
            if md.num_rows > limits.MAX_TABLE_ROWS:
                raise InputSkipped(
                    f"Parquet file with {md.num_rows:,} rows (> {limits.MAX_TABLE_ROWS:,} limit); "
                    "split it into smaller files"
                )
            if sum(md.row_group(i).total_byte_size for i in range(md.num_row_groups)) > limit:
                raise InputSkipped(self.too_big)
            self.num_rows = md.num_rows
            self._kept: list[Any] | None = None  # decoded batches of the size check, in order
            self._kept_rows = 0  # their rows per batch
            self.dtypes = self._whole_dtypes(self._null_counts(limit))
        except InputSkipped:
            raise
        except Exception as exc:  # pyarrow raises several unrelated types
            raise InputSkipped(f"not a readable Parquet file ({exc})") from None
        self.columns = list(self.dtypes.index)

    def _null_counts(self, limit: int) -> list[int]:
        """Nulls per column over the whole file; InputSkipped past the decoded-size limit.

        A column is decoded (in batches, never kept) only when the footer cannot give both
        its null count and a bound on its decoded size (:func:`_footer_facts`); a file whose
        footer gives them for every column is not read at all here.
        """
        nulls, bounded, todo = _footer_facts(self.file)
        if bounded > limit:  # the bound is loose: decode the whole file to know
            nulls, bounded, todo = [None] * len(nulls), 0, list(range(len(nulls)))
        if not todo:
            return [int(n or 0) for n in nulls]
        names = [self.file.schema_arrow.field(i).name for i in todo]
        total = bounded
        counts = [0] * len(todo)
        columns = None if len(todo) == len(nulls) else names
        # every column decoded: the batches are those batches() gives, kept while small
        kept: list[Any] | None = [] if columns is None else None
        size = PARQUET_BATCH_ROWS if columns is None else _SIZE_BATCH_ROWS
        for batch in self.file.iter_batches(batch_size=size, columns=columns):
            total += batch.nbytes
            if total > limit:
                raise InputSkipped(self.too_big)
            if kept is not None:
                if total <= _KEEP_DECODED_BYTES:
                    kept.append(batch)
                else:  # too large to hold: batches() decodes the file again
                    kept = None
            for k, col in enumerate(batch.columns):
                counts[k] += col.null_count
        for k, i in enumerate(todo):
            nulls[i] = counts[k]
        if kept is not None:
            self._kept = kept
            self._kept_rows = size
        return [int(n or 0) for n in nulls]

    def _whole_dtypes(self, nulls: list[int]) -> pd.Series:
        """The dtype of each column in ``pd.read_parquet(file)``: those of a one-row table
        that holds a null in each column with a null anywhere in the file."""
        import pyarrow as pa

        schema = self.file.schema_arrow
        self._nulls: dict[Any, Any] | None = None
        if self._kept:
            first = self._kept[0]
        else:
            first = next(self.file.iter_batches(batch_size=1), None)
        if first is None:  # no rows: the dtypes of the empty table
            return schema.empty_table().to_pandas().dtypes
        arrays = [
            pa.nulls(1, field.type) if nulls[i] else first.column(i).slice(0, 1)
            for i, field in enumerate(schema)
        ]
        df = pa.Table.from_arrays(arrays, schema=schema).to_pandas()
        if _all_text(schema) and list(df.columns) == schema.names:
            # each column's null as pandas gives it (NaN for its str dtype, None for object)
            row = df.to_dict("records")[0]
            self._nulls = {c: row[c] for c, n in zip(schema.names, nulls, strict=True) if n}
        return df.dtypes

    def batches(self) -> Iterator[list[dict[Any, Any]]]:
        """The records of the file in row order, ``PARQUET_BATCH_ROWS`` at a time."""
        import pyarrow as pa

        schema = self.file.schema_arrow
        kept, self._kept = self._kept, None  # given out once (a second call decodes again)
        if kept is not None and self._kept_rows == PARQUET_BATCH_ROWS:
            source: Iterator[Any] = _drain(kept)
        else:
            source = self.file.iter_batches(batch_size=PARQUET_BATCH_ROWS)
        try:
            for batch in source:
                records = None if self._nulls is None else _text_records(batch, self._nulls)
                if records is not None:
                    yield records
                    continue
                df = pa.Table.from_batches([batch], schema=schema).to_pandas()
                for col, dtype in self.dtypes.items():
                    if _widened(df[col].dtype, dtype):
                        df[col] = df[col].astype(dtype)
                yield df.to_dict("records")
        except Exception as exc:  # the file changed or broke between the two passes
            raise InputSkipped(f"not a readable Parquet file ({exc})") from None


def _drain(kept: list[Any]) -> Iterator[Any]:
    """The batches of ``kept`` in order, each let go (from the list) as it is given out."""
    kept.reverse()
    while kept:
        yield kept.pop()


def _all_text(schema: Any) -> bool:
    """Every column is text (string or large_string), there is one, and no two share a name."""
    import pyarrow as pa

    names = schema.names
    return (
        len(names) > 0
        and len(set(names)) == len(names)
        and all(pa.types.is_string(f.type) or pa.types.is_large_string(f.type) for f in schema)
    )


def _text_records(batch: Any, nulls: dict[Any, Any]) -> list[dict[Any, Any]] | None:
    """The records of a batch whose columns are all text, as pandas gives them
    (``Table.to_pandas().to_dict("records")``: the same str values; a null is ``nulls[column]``,
    what pandas gives for it), about three times faster than through a DataFrame. None when
    a column holds a null the file's null counts did not announce (a footer that lies)."""
    names = batch.schema.names
    cols = []
    for name, col in zip(names, batch.columns, strict=True):
        values = col.to_pylist()
        if col.null_count:
            if name not in nulls:
                return None
            na = nulls[name]
            values = [na if v is None else v for v in values]
        cols.append(values)
    return [dict(zip(names, row, strict=True)) for row in zip(*cols, strict=True)]


def _footer_facts(file: Any) -> tuple[list[int | None], int, list[int]]:
    """What a Parquet file's footer says without decoding a page: each column's null count
    (None when a row group has no statistics), a bound on the decoded size of the columns it
    can bound, and the columns that must be decoded (no null count, or no bound).

    The footer bounds a column of fixed width (numbers, dates, booleans: rows x width) and a
    text or binary column stored without a dictionary (its uncompressed bytes plus offsets).
    A dictionary-encoded text column can expand without limit (one long value repeated), so
    it is decoded to measure it. Nested columns (lists, structs) and duplicate names: every
    column is decoded.
    """
    import pyarrow as pa

    md, schema = file.metadata, file.schema_arrow
    n_fields = len(schema)
    everything: tuple[list[int | None], int, list[int]] = (
        [None] * n_fields,
        0,
        list(range(n_fields)),
    )
    names = [schema.field(i).name for i in range(n_fields)]
    if md.num_columns != n_fields or len(set(names)) != n_fields:
        return everything
    if any(md.schema.column(i).path != names[i] for i in range(n_fields)):
        return everything
    nulls: list[int | None] = []
    bounded = 0
    todo: list[int] = []
    rows = md.num_rows
    for i in range(n_fields):
        typ = schema.field(i).type
        if pa.types.is_nested(typ):
            return everything
        chunks = [md.row_group(g).column(i) for g in range(md.num_row_groups)]
        stats = [c.statistics if c.is_stats_set else None for c in chunks]
        known = all(st is not None and st.has_null_count for st in stats)
        nulls.append(sum(st.null_count for st in stats) if known else None)  # type: ignore[union-attr]
        width = _fixed_width(typ)
        if width is not None:
            bound: int | None = rows * width + rows // 8 + 64
        elif (
            pa.types.is_string(typ)
            or pa.types.is_binary(typ)
            or pa.types.is_large_string(typ)
            or pa.types.is_large_binary(typ)
        ) and not any(c.has_dictionary_page for c in chunks):
            bound = sum(c.total_uncompressed_size for c in chunks) + 8 * (rows + 1) + rows // 8 + 64
        else:
            bound = None
        if bound is None or not known:
            todo.append(i)
        else:
            bounded += bound
    return nulls, bounded, todo


def _fixed_width(typ: Any) -> int | None:
    """Bytes per value of a fixed-width Arrow type (a boolean counts 1), or None."""
    try:
        bits = typ.bit_width
    except Exception:  # ValueError: not fixed width (strings, dictionaries)
        return None
    return max(1, (bits + 7) // 8)


def _widened(have: Any, whole: Any) -> bool:
    """True when a batch's integer or bool column is float64 or object in the whole file
    (it has a null in another batch); other dtypes do not depend on the batch's values."""
    return (
        isinstance(have, np.dtype)
        and isinstance(whole, np.dtype)
        and have.kind in "iub"
        and whole.kind in "fO"
    )


def _read_as(quote: str, given: bool) -> str:
    """How the quote character was chosen, for a skip reason ("" for the default ``"``)."""
    if given:
        return f" (read with quotechar={quote!r}, as given)"
    return "" if quote == '"' else f" (read with {quote} as the quote character)"


def _quote_fix(quote: str, given: bool) -> str:
    """The fix for quoting that could not be parsed with ``quote``."""
    if not quote:
        return "quotechar='' cannot break quoting: check the delimiter"  # (not reached)
    own = (
        f"a field that opens with {quote} must close with {quote}; write a quote inside a "
        f"quoted field as {quote}{quote}"
    )
    other = '"' if quote == "'" else "'"
    alt = "" if given else f", or pass quotechar={other!r} if the file quotes with {other}"
    return f"{own}; or pass quotechar='' if quotes in this file are text, never quoting{alt}"


def check_quotechar(quote: str | None, sep: str) -> None:
    """Raise InputSkipped when the quote character cannot read a file separated by ``sep``.

    >>> check_quotechar(";", ";")
    Traceback (most recent call last):
    ...
    corpus_tools.io.files.InputSkipped: quotechar=';' is this file's delimiter too; give the character that wraps fields holding ';' (often '"'), or quotechar='' for none
    """
    if quote and quote == sep:
        name = "a tab" if sep == "\t" else repr(sep)
        raise InputSkipped(
            f"quotechar={quote!r} is this file's delimiter too; give the character that wraps "
            f"fields holding {name} (often '\"'), or quotechar='' for none"
        )


def _csv_table(
    rel: str, text: str, sep: str, what: str, quotechar: str | None = None
) -> tuple[list[Any], list[dict[Any, Any]], list[int], list[tuple[str, str]]]:
    """Columns, records, row numbers and row skips of a CSV; InputSkipped if no row parses.

    The quote character is ``quotechar`` when given (``""``: none), else ``"`` unless
    :func:`sniff_quote` finds the file quoted with ``'``. Quoting that cannot be parsed
    (an unbalanced quote runs to the end of the file) stops the parse: the rows before
    that record are kept and the rest of the file is one skip naming the line where the
    record starts and the fix (``quotechar=``).
    """
    given = quotechar is not None
    check_quotechar(quotechar, sep)
    quote = quotechar if quotechar is not None else sniff_quote(text, sep)
    read_as = _read_as(quote, given)
    try:
        cols, records, rows, wrong = checked_csv(text, sep, what, quote)
        failed = None
    except CsvSyntaxError as exc:
        if not exc.rows:
            raise InputSkipped(
                f"{what} could not be parsed ({exc.where()}: {exc.msg}){read_as}; check for "
                f"an unbalanced quote on line {exc.start} ({_quote_fix(quote, given)}), or "
                "a wrong number of fields"
            ) from None
        cols, records, rows, wrong = checked_rows(exc.header, exc.rows, sep, what, quote)
        failed = exc
    if len(cols) == 1 and len(wrong) >= max(2, len(records)):
        _title_above_header(text, sep, quote, what)
    _warn_repeated_names(rel, what, cols, text, sep, quote)
    bad = [(f"{rel}#row={n}", reason + read_as) for n, reason in wrong]
    if failed is not None:
        n = len(failed.rows) + 1
        bad.append(
            (
                f"{rel}#row={n}",
                f"{what} row {n} and every row after it not loaded: {failed.where()} could not "
                f"be parsed ({failed.msg}){read_as}; check for an unbalanced quote on line "
                f"{failed.start} ({_quote_fix(quote, given)})",
            )
        )
    return cols, records, rows, bad


def _warn_repeated_names(
    rel: str, what: str, cols: list[Any], text: str, sep: str, quote: str
) -> None:
    """One warning when the header names a column twice (``text``, ``text``: read as ``text``
    and ``text.1``, as pandas reads them): the first is the one taken by its name."""
    try:
        raw: list[str] = next(
            (f for f in csv_reader(text, sep, quote) if any(x.strip() for x in f)), []
        )
    except csv.Error:
        return
    if len(set(raw)) == len(raw):
        return
    renamed = [
        (c, base)
        for c in cols
        if isinstance(c, str)
        and (m := re.fullmatch(r"(.+)\.([1-9]\d*)", c)) is not None
        and (base := m.group(1)) in cols
    ]
    if not renamed:
        return
    shown = ", ".join(f"{base!r} (the later one read as {c!r})" for c, base in renamed[:3])
    example = renamed[0][0]
    warnings.warn(
        f"{rel}: the {what} header names a column twice: {shown}; a column taken by its name "
        f"is the first one. If the other is meant, pass its name (e.g. text_column="
        f"{example!r}, date_column=, title_column=), or rename the column in the file.",
        CorpusToolsWarning,
        stacklevel=5,
    )


def sentence_like_name(name: Any) -> bool:
    """A column name that reads like a sentence of text (6+ words, or 4+ ending in . ! ?), i.e.
    the first row of a table without a header line.

    >>> [sentence_like_name(n) for n in ("Talks end after two days.", "Pub Date (UTC)", 3)]
    [True, False, False]
    """
    if not isinstance(name, str):
        return False
    words = sum(1 for w in name.split() if wordish(w))
    return words >= 6 or (words >= 4 and name.rstrip().endswith((".", "!", "?")))


def wordish(token: str) -> bool:
    """A token with a letter and no digit (``don't``, ``"Talks``, ``end,``)."""
    return any(ch.isalpha() for ch in token) and not any(ch.isdigit() for ch in token)


#: lines looked at for the header of a table with a title above it
_PREAMBLE_LINES = 30


def _title_above_header(text: str, sep: str, quote: str, what: str) -> None:
    """InputSkipped naming the header line when the first line of a table is a title (a report
    or CMS export: 'News export generated 2024-01-02', a blank line, then the header): a later
    line has the field count most of the lines after it share; else nothing.

    >>> _title_above_header("News export\\n\\nid,text\\n1,A\\n2,B\\n", ",", '"', "CSV")
    Traceback (most recent call last):
    ...
    corpus_tools.io.files.InputSkipped: CSV line 1 ('News export') is a title, not the header: line 3 ('id,text') reads like the header, and the rows below it have 2 fields; delete the 2 line(s) above it, or read it with pandas.read_csv(path, skiprows=2) and pass the DataFrame
    """
    lines = text.split("\n")
    starts, counts = _record_widths(text, sep, quote)
    for i in range(1, len(counts) - 1):
        k = counts[i]
        after = [c for c in counts[i + 1 :] if c]
        if k >= 2 and after and sum(c == k for c in after) * 2 > len(after):
            above = starts[i] - 1
            first = f"{what} line 1 ({lines[0].strip()[:60]!r}) is a title, not the header: line "
            shown = f"{starts[i]} ({lines[above].strip()[:80]!r})"
            if _reads_like_data(next(csv_reader("\n".join(lines[above:]), sep, quote))):
                raise InputSkipped(
                    f"{first}{shown} reads like data, so no header line was found (the rows "
                    f"have {k} fields); replace the {above} line(s) above it with a line naming "
                    f"the {k} columns, separated as the rows are, or read it with pandas.read_csv(path, "
                    f"skiprows={above}, header=None, names=[...]) and pass the DataFrame"
                )
            raise InputSkipped(
                f"{first}{shown} reads like the header, and the rows below it have {k} fields; "
                f"delete the {above} line(s) above it, or read it with "
                f"pandas.read_csv(path, skiprows={above}) and pass the DataFrame"
            )


#: a field that is a date (2024-01-02, 02/01/2024, 2.1.24) or a number (an id, a count)
_DATE_FIELD = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b")
_NUMBER_FIELD = re.compile(r"[+-]?\d+(?:[.,]\d+)*")


def _reads_like_data(fields: list[str]) -> bool:
    """True for a table's line that reads like a row of data, not column names: a field is a
    sentence or a date, or the first field a number (an id; years as the later columns' names
    stay names: 'country,2019,2020').

    >>> _reads_like_data(["1", "Talks ended.", "x"]), _reads_like_data(["country", "2019"])
    (True, False)
    """
    if fields and _NUMBER_FIELD.fullmatch(fields[0].strip()):
        return True
    return any(sentence_like_name(f) or _DATE_FIELD.search(f) for f in fields)


def _record_widths(text: str, sep: str, quote: str) -> tuple[list[int], list[int]]:
    """The first line and the number of fields (without empty ones at the end) of each of the
    first ``_PREAMBLE_LINES`` records of a CSV text (a quoted field may span lines); a line
    that cannot be parsed counts 0 fields, and records stop there."""
    reader = csv_reader(text, sep, quote)
    starts: list[int] = []
    counts: list[int] = []
    start = 1
    try:
        for fields in reader:
            while fields and not fields[-1].strip():
                fields = fields[:-1]
            starts.append(start)
            counts.append(len(fields))
            start = reader.line_num + 1
            if len(counts) >= _PREAMBLE_LINES:
                break
    except csv.Error:
        starts.append(start)
        counts.append(0)
    return starts, counts


def _warn_repeated(repeated: RepeatedKeys, where: str, records: list[Any]) -> None:
    message = repeated.warning(where, records)
    if message is not None:
        warnings.warn(message, CorpusToolsWarning, stacklevel=4)


def read_table(
    entry_rel: str,
    ext: str,
    data: bytes | None,
    frame: pd.DataFrame | None,
    encoding: str | None,
    quotechar: str | None = None,
) -> tuple[list[Any], list[dict[Any, Any]], list[int], str, list[tuple[str, str]]]:
    """Return (columns, records, row numbers, encoding, row-level skips) for one table.

    ``quotechar`` is the quote character of a CSV/TSV (``""``: none; default: sniffed).

    Row numbers are 1-based: CSV data row, JSON list item, Parquet or
    DataFrame row, or the physical line (JSONL). They are kept beside the
    records, never in a column, so a user column of any name is data.
    """
    bad: list[tuple[str, str]] = []
    enc = "n/a"
    if frame is not None:
        cols = list(frame.columns)
        records = frame.to_dict("records")
        return cols, records, list(range(1, len(records) + 1)), enc, bad
    assert data is not None
    if ext == ".parquet":
        pq_rows = ParquetRows(data)
        records = [r for part in pq_rows.batches() for r in part]
        return pq_rows.columns, records, list(range(1, len(records) + 1)), "parquet", bad
    text, enc = bytes_to_text(data, encoding)
    if encoding and forced_garbles_utf8(data, encoding):
        warnings.warn(garbled_message(entry_rel, encoding), CorpusToolsWarning, stacklevel=2)
    if ext in (".csv", ".tsv"):
        text, hinted = excel_sep_line(text)
        sep = hinted or ("\t" if ext == ".tsv" else sniff_delimiter(text))
        what = ext.lstrip(".").upper()
        cols, records, rows, bad = _csv_table(entry_rel, text, sep, what, quotechar)
        return cols, records, rows, enc, bad
    if len(text) > limits.MAX_JSON_BYTES:
        raise InputSkipped(_too_large_json())
    records, rows = [], []
    repeated = RepeatedKeys()
    if ext in (".jsonl", ".ndjson") and _one_json_list(text):
        warnings.warn(
            f"{entry_rel}: holds one JSON list over many lines, not one object per line (JSON "
            "Lines); read as a .json file. Rename it to end in .json.",
            CorpusToolsWarning,
            stacklevel=2,
        )
        ext = ".json"
    if ext in (".jsonl", ".ndjson"):
        for i, line in enumerate(text.split("\n"), start=1):
            if not line.strip():
                continue
            repeated.line = i
            try:
                obj = json_load(line, f" on line {i}", repeated)
            except InputSkipped as exc:
                bad.append((f"{entry_rel}#line={i}", exc.reason))
                continue
            if not isinstance(obj, dict):
                bad.append(
                    (
                        f"{entry_rel}#line={i}",
                        f"line {i} is a JSON {type(obj).__name__}, not an object",
                    )
                )
                continue
            records.append(obj)
            rows.append(i)
        _warn_repeated(repeated, entry_rel, records)
        return columns_of(records), records, rows, enc, bad
    try:
        obj = json_load(text, "", repeated)
    except InputSkipped as exc:
        raise InputSkipped(exc.reason + _json_lines_hint(text)) from None
    obj = json_records(obj)  # a list of objects, a wrapper, a map of ids, columns...
    _warn_repeated(repeated, entry_rel, obj)
    return columns_of(obj), obj, list(range(1, len(obj) + 1)), enc, bad
