"""The metadata sidecar (``metadata.csv`` / ``metadata.json``, a path or a DataFrame)."""

from __future__ import annotations

import os
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import CorpusToolsWarning, MetadataError
from .columns import (
    RESERVED_COLUMNS,
    SIDECAR_COLUMNS,
    column_names,
    error_value,
    error_value_note,
    is_missing,
    surrogate_in,
)
from .dates import check_precision, format_matched, parse_date
from .decode import bytes_to_text
from .discover import Entry, read_entry
from .files import InputSkipped, read_bytes
from .tables import (
    CsvSyntaxError,
    checked_csv,
    columns_of,
    json_load,
    pick_column,
    sniff_delimiter,
    sniff_quote,
)


@dataclass
class Sidecar:
    """A parsed metadata sidecar: one dict of values, one key and one row number per row."""

    name: str
    rows: list[dict[str, Any]]  # parsed values per sidecar row (keys: outlet, published...)
    keys: list[str]  # the key (file / doc_id / path) per row
    line_of: list[int]  # 1-based data row number per row
    format_hit: bool = False  # a 'published' value was read by date_format


def load_sidecar(
    metadata: Any, default: Entry | None, date_format: str | None = None
) -> Sidecar | None:
    """Read and check the metadata to join; None when there is none.

    ``metadata`` is ``load_corpus``'s argument (None: the ``default`` sidecar
    found in the corpus folder, if any; False: none; a path; a DataFrame).
    Every problem is a :class:`~corpus_tools.errors.MetadataError` naming the
    file, the row and the column: a missing key column, a reserved column, an
    empty key, a bad date or precision, unparseable CSV or JSON.

    Examples
    --------
    >>> import pandas as pd
    >>> side = load_sidecar(pd.DataFrame({"file": ["./a.txt"], "published": ["2023-10"]}), None)
    >>> side.keys, side.rows
    (['a.txt'], [{'published': Timestamp('2023-10-01 00:00:00'), 'date_precision': 'month'}])
    """
    if metadata is False:
        return None
    if isinstance(metadata, pd.DataFrame):
        name = "metadata DataFrame"
        cols: list[Any] = list(metadata.columns)
        records: list[dict[Any, Any]] = metadata.to_dict("records")
    else:
        found = _sidecar_bytes(metadata, default)
        if found is None:
            return None
        name, data = found
        cols, records = _sidecar_records(name, data)
    key = next((c for c in ("file", "doc_id", "path") if c in cols), None)
    if key is None:
        raise MetadataError(
            f"{name}: no key column; add a column 'file' (relative path of each "
            f"document) — columns found: {[str(c) for c in cols]}."
        )
    dcol: Any = "published"
    if "published" not in cols:  # a date column named as a table's would be ('date', 'Datum')
        dcol = pick_column([c for c in cols if c != key], column_names("date"), None, "date", name)
        if dcol is not None:
            records = [
                {("published" if k == dcol else k): v for k, v in r.items()} for r in records
            ]
            cols = ["published" if c == dcol else c for c in cols]
    for c in cols:
        if c != key and str(c) in RESERVED_COLUMNS and str(c) not in SIDECAR_COLUMNS:
            raise MetadataError(f"{name}: column {c!r} is reserved for the loader; rename it.")
    _drop_error_values(name, records)
    rows, keys, lines = [], [], []
    unread: list[tuple[int, str, Any]] = []
    for i, rec in enumerate(records, start=1):
        rec = dict(rec)
        k = rec.pop(key, None)
        if is_missing(k):
            raise MetadataError(f"{name} row {i}, column {key!r}: empty key; name the file.")
        rows.append(_sidecar_values(rec, name, i, date_format, unread))
        key_text = str(k).strip().replace("\\", "/")
        keys.append(key_text[2:] if key_text.startswith("./") else key_text)
        lines.append(i)
    if unread:
        _warn_unread(name, str(dcol), unread, len(records))
    hit = date_format is not None and any(
        format_matched(rec.get("published"), date_format) for rec in records
    )
    return Sidecar(name, rows, keys, lines, hit)


def _sidecar_bytes(metadata: Any, default: Entry | None) -> tuple[str, bytes] | None:
    """``(name, bytes)`` of the sidecar file: ``metadata`` (a path) or the one found; None if none."""
    if metadata is None:
        if default is None:
            return None
        if default.skip is not None:
            raise MetadataError(
                f"{default.rel}: {default.skip} (put the metadata file itself in the corpus "
                "folder, or pass metadata=PATH)"
            )
        name = default.rel
        try:
            return name, read_entry(default)
        except InputSkipped as exc:
            raise MetadataError(f"{name}: {exc.reason}") from None
    p = Path(metadata)
    if not os.path.exists(p):
        raise MetadataError(f"{metadata}: metadata file not found; check the path.")
    try:
        return p.name, read_bytes(p, False)
    except InputSkipped as exc:
        raise MetadataError(f"{p.name}: {exc.reason}") from None


def _sidecar_records(name: str, data: bytes) -> tuple[list[Any], list[dict[Any, Any]]]:
    """Columns and records of a sidecar file: JSON (by its name) or CSV."""
    try:
        text, _ = bytes_to_text(data, None)
    except InputSkipped as exc:
        raise MetadataError(f"{name}: {exc.reason}") from None
    if name.lower().endswith(".json"):
        return _json_records(name, text)
    try:
        sep = sniff_delimiter(text)
        cols, records, _rows, wrong = checked_csv(text, sep, name, sniff_quote(text, sep))
    except CsvSyntaxError as exc:
        raise MetadataError(
            f"{name}: cannot parse the CSV ({exc.where()}: {exc.msg}); check for unbalanced quotes."
        ) from None
    if wrong:
        raise MetadataError(f"{wrong[0][1]}.")
    return cols, records


def _json_records(name: str, text: str) -> tuple[list[Any], list[dict[Any, Any]]]:
    """A JSON sidecar: a list of objects, or ``{file: {...}}`` (the file name becomes ``file``)."""
    try:
        obj = json_load(text, "")
    except InputSkipped as exc:
        raise MetadataError(f"{name}: {exc.reason}.") from None
    if isinstance(obj, dict):
        obj = [{"file": k, **(v if isinstance(v, dict) else {})} for k, v in obj.items()]
    if not isinstance(obj, list) or not all(isinstance(o, dict) for o in obj):
        raise MetadataError(f"{name}: expected a list of objects or {{file: {{...}}}}.")
    bad = next(((i, s) for i, o in enumerate(obj, 1) if (s := surrogate_in(o))), None)
    if bad is not None:
        esc = bad[1].encode("unicode_escape").decode("ascii")
        raise MetadataError(
            f"{name} row {bad[0]}: a lone surrogate ({esc}) is not valid Unicode; fix "
            "the broken \\u escape."
        )
    return columns_of(obj), obj


def _warn_unread(name: str, col: str, unread: list[tuple[int, str, Any]], n_rows: int) -> None:
    """One warning for the sidecar rows whose date names no day (a placeholder such as year 1,
    'yesterday, 4:25'): their documents keep their own date, if any, as a table's rows load
    undated."""
    from .load import outside_level  # load imports this module

    rows = ", ".join(f"{r:,}" for r, _, _ in unread[:3]) + (", ..." if len(unread) > 3 else "")
    values = list(dict.fromkeys(v for _, v, _ in unread))
    shown = ", ".join(repr(v) for v in values[:3]) + (", ..." if len(values) > 3 else "")
    one = len(unread) == 1
    warnings.warn(
        f"{name}: {len(unread):,} of {n_rows:,} rows {'gives' if one else 'give'} a date that "
        f"names no day (row{'' if one else 's'} {rows}, column {col!r}: {shown}); "
        f"{'its document is' if one else 'their documents are'} loaded without it (a "
        f"document's own date, if it has one, stays). The first: {unread[0][2]}",
        CorpusToolsWarning,
        stacklevel=outside_level(),
    )


def _drop_error_values(name: str, records: list[dict[Any, Any]]) -> None:
    """Empty the outlet, title, author and url cells that hold a spreadsheet's or a scraper's
    error value ('#N/A', '#ALL_SELECTORS_RETURN_NULL'), with one warning per column."""
    from .load import outside_level  # load imports this module

    found: dict[str, list[Any]] = {}  # column -> [first row, rows, value]
    for i, rec in enumerate(records, start=1):
        for c in ("outlet", "title", "author", "url"):
            if error_value(rec.get(c)):
                note = found.setdefault(c, [i, 0, rec[c].strip()])
                note[1] += 1
                rec[c] = None
    for c, (first, n, value) in found.items():
        warnings.warn(
            error_value_note(name, c, n, "row", c, value, first),
            CorpusToolsWarning,
            stacklevel=outside_level(),
        )


def _sidecar_values(
    rec: dict[Any, Any],
    name: str,
    row: int,
    date_format: str | None,
    unread: list[tuple[int, str, Any]] | None = None,
) -> dict[str, Any]:
    """The values of one sidecar row (key removed): dates parsed, precision checked, text stripped."""
    vals: dict[str, Any] = {}
    for c, v in rec.items():
        if is_missing(v):
            continue
        if c == "published":
            ts, prec = parse_date(
                v, where=name, row=row, column="published", date_format=date_format, unread=unread
            )
            if ts is pd.NaT:  # a date that names no day (recorded in unread), a placeholder
                # (year 1, 9999) too: no value, and none from the URL's path, as in a table
                vals["published_source"] = None
                continue
            vals["published"] = ts
            vals.setdefault("date_precision", prec)
        elif c == "date_precision":
            vals["date_precision"] = check_precision(v, name, row)
        elif c in ("outlet", "title"):
            vals[c] = str(v).strip()
        else:
            vals[str(c)] = v
    return vals
