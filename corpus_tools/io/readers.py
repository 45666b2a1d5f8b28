"""Documents from one input: a text or HTML file, or the rows of a table or DataFrame.

Each reader yields ``("doc", row, None)`` for a document (the fields of a
``docs`` row before cleaning) and ``("skip", path, reason)`` for a row not
loaded; a whole input that cannot be read raises
:class:`~corpus_tools.io.files.InputSkipped`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .columns import (
    DATE_COLUMNS,
    ID_COLUMNS,
    OUTLET_COLUMNS,
    RESERVED_COLUMNS,
    TEXT_COLUMNS,
    TITLE_COLUMNS,
    is_missing,
    surrogate_in,
)
from .dates import check_precision, parse_date
from .decode import bytes_to_text
from .discover import HTML_EXTENSIONS, TABLE_EXTENSIONS, Entry, read_entry
from .files import InputSkipped
from .html import extract_html
from .tables import pick_column, read_table


def table_docs(
    rel: str, ext: str, data: bytes | None, frame: pd.DataFrame | None, opts: LoadOptions
) -> Iterator[tuple[str, Any, Any]]:
    """Yield ("doc", base_row, None) / ("skip", path, reason) for one table source."""
    cols, records, rows, enc, bad = read_table(rel, ext, data, frame, opts.encoding)
    kind = "dataframe" if frame is not None else ext.lstrip(".")
    where = rel if frame is None else "DataFrame"
    if not records and not bad and frame is None:
        raise InputSkipped("no rows (only a header or an empty list); nothing to load")
    tcol = pick_column(cols, TEXT_COLUMNS, opts.text_column, "text", where)
    if tcol is None:
        raise InputSkipped(
            f"{where}: no text column; columns found: {[str(c) for c in cols]}; pass "
            f"text_column= (looked for {', '.join(TEXT_COLUMNS)})"
        )
    idcol = pick_column(cols, ID_COLUMNS, opts.id_column, "id", where)
    title_col = pick_column(cols, TITLE_COLUMNS, None, "title", where)
    outlet_col = pick_column(cols, OUTLET_COLUMNS, None, "outlet", where)
    date_col = pick_column(cols, DATE_COLUMNS, None, "date", where)
    prec_col = pick_column(cols, ("date_precision",), None, "date precision", where)
    mapped = {tcol, idcol, title_col, outlet_col, date_col, prec_col} - {None}
    extra = [c for c in cols if c not in mapped]
    stem = rel.rsplit(".", 2 if rel.lower().endswith(".gz") else 1)[0] if frame is None else "row"
    # JSON escapes and DataFrames can hold lone surrogates (\udc00), which no encoder accepts
    check_unicode = kind in ("json", "jsonl", "ndjson", "dataframe")
    skips = dict(bad)
    items: list[tuple[int, Any]] = list(zip(rows, records, strict=True))
    items += [(int(p.rsplit("=", 1)[1]), ("skip", p)) for p in skips]
    items.sort(key=lambda t: t[0])
    unit = "line" if ext in (".jsonl", ".ndjson") else "row"
    for row_no, rec in items:
        if isinstance(rec, tuple):
            yield "skip", rec[1], skips[rec[1]]
            continue
        src = f"{rel}#{unit}={row_no}"
        if check_unicode:
            broken = next(((c, s) for c in cols if (s := surrogate_in(rec.get(c)))), None)
            if broken is not None:
                esc = broken[1].encode("unicode_escape").decode("ascii")
                yield (
                    "skip",
                    src,
                    f"{kind.upper()} {unit} {row_no}, column {str(broken[0])!r}: a lone "
                    f"surrogate ({esc}) is not valid Unicode; fix the text (a broken \\u escape "
                    "or a bad decode)",
                )
                continue
        text = rec.get(tcol)
        if is_missing(text):
            yield "skip", src, f"{kind.upper()} {unit} {row_no}: missing text"
            continue
        text = str(text)
        id_value = rec.get(idcol) if idcol is not None else None
        title = rec.get(title_col) if title_col is not None else None
        outlet = rec.get(outlet_col) if outlet_col is not None else None
        base: dict[str, Any] = {
            "doc_id": str(id_value).strip() if not is_missing(id_value) else f"{stem}#{row_no}",
            "source": src,
            "path": rel if frame is None else None,
            "encoding": enc if frame is None else "n/a",
            "format": kind,
            "raw_text": text,
            "title": None if is_missing(title) else str(title).strip(),
            "outlet": None if is_missing(outlet) else str(outlet).strip(),
        }
        if date_col is not None:
            ts, prec = parse_date(
                rec.get(date_col),
                where=where,
                row=row_no,
                column=str(date_col),
                unit=unit,
                date_format=opts.date_format,
            )
            base["published"], base["date_precision"] = ts, prec
        if prec_col is not None and not is_missing(rec.get(prec_col)):
            base["date_precision"] = check_precision(rec[prec_col], where, row_no, unit)
        for c in extra:
            if c in rec:
                name = str(c)
                key = f"user_{name}" if name in RESERVED_COLUMNS or name.startswith("__") else name
                base[key] = rec[c]
        yield "doc", base, None


def _looks_like_headline(line: str) -> bool:
    s = line.strip()
    return (
        0 < len(s) <= 200
        and len(s.split()) <= 25
        and s[-1] not in ".!?:;,"
        and any(ch.isalpha() for ch in s)
    )


def first_line_title(text: str) -> str | None:
    start = 0
    n = len(text)
    while start < n:
        end = text.find("\n", start)
        end = n if end == -1 else end
        line = text[start:end]
        if line.strip():
            rest = text[end : end + 2000]
            return line.strip() if _looks_like_headline(line) and rest.strip() else None
        start = end + 1
    return None


def file_docs(entry: Entry, opts: LoadOptions) -> Iterator[tuple[str, Any, Any]]:
    data = read_entry(entry)
    if entry.ext in TABLE_EXTENSIONS:
        yield from table_docs(entry.rel, entry.ext, data, None, opts)
        return
    text, enc = bytes_to_text(data, opts.encoding)
    stem = entry.rel.rsplit(".", 2 if entry.gz else 1)[0]
    page: dict[str, Any] = {}
    if entry.ext in HTML_EXTENSIONS:
        raw, page = extract_html(text)
        title, fmt = page.pop("title", None), "html"
    else:
        raw, title, fmt = text, None, "text"  # title: first line of the CLEAN text (_finish)
    yield (
        "doc",
        {
            "doc_id": stem,
            "source": entry.rel,
            "path": entry.rel,
            "encoding": enc,
            "format": fmt,
            "raw_text": raw,
            "title": title,
            **page,
        },
        None,
    )


@dataclass
class LoadOptions:
    clean: bool = True
    rules: Any = None
    text_column: str | None = None
    id_column: str | None = None
    encoding: str | None = None
    date_format: str | None = None
