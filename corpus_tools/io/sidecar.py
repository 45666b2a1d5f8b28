"""The metadata sidecar (``metadata.csv`` / ``metadata.json``, a path or a DataFrame)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ..errors import (
    MetadataError,
)
from .columns import RESERVED_COLUMNS, SIDECAR_COLUMNS, is_missing, surrogate_in
from .dates import check_precision, parse_date
from .decode import bytes_to_text
from .discover import Entry, read_entry
from .files import InputSkipped, read_bytes
from .tables import CsvSyntaxError, checked_csv, columns_of, json_load, sniff_delimiter


@dataclass
class Sidecar:
    name: str
    rows: list[dict[str, Any]]  # parsed values per sidecar row (keys: outlet, published...)
    keys: list[str]  # the key (file / doc_id / path) per row
    line_of: list[int]  # 1-based data row number per row


def load_sidecar(
    metadata: Any, default: Entry | None, date_format: str | None = None
) -> Sidecar | None:
    if metadata is False:
        return None
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
            data = read_entry(default)
        except InputSkipped as exc:
            raise MetadataError(f"{name}: {exc.reason}") from None
    elif not isinstance(metadata, pd.DataFrame):
        p = Path(metadata)
        name = p.name
        if not os.path.exists(p):
            raise MetadataError(f"{metadata}: metadata file not found; check the path.")
        try:
            data = read_bytes(p, False)
        except InputSkipped as exc:
            raise MetadataError(f"{name}: {exc.reason}") from None
    if isinstance(metadata, pd.DataFrame):
        name = "metadata DataFrame"
        cols: list[Any] = list(metadata.columns)
        records: list[dict[Any, Any]] = metadata.to_dict("records")
    else:
        try:
            text, _ = bytes_to_text(data, None)
        except InputSkipped as exc:
            raise MetadataError(f"{name}: {exc.reason}") from None
        if name.lower().endswith(".json"):
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
            cols, records = columns_of(obj), obj
        else:
            try:
                cols, records, _rows, wrong = checked_csv(text, sniff_delimiter(text), name)
            except CsvSyntaxError as exc:
                raise MetadataError(
                    f"{name}: cannot parse the CSV (line {exc.line}: {exc.msg}); check for "
                    "unbalanced quotes."
                ) from None
            if wrong:
                raise MetadataError(f"{wrong[0][1]}.")
    key = next((c for c in ("file", "doc_id", "path") if c in cols), None)
    if key is None:
        raise MetadataError(
            f"{name}: no key column; add a column 'file' (relative path of each "
            f"document) — columns found: {[str(c) for c in cols]}."
        )
    for c in cols:
        if c != key and str(c) in RESERVED_COLUMNS and str(c) not in SIDECAR_COLUMNS:
            raise MetadataError(f"{name}: column {c!r} is reserved for the loader; rename it.")
    rows, keys, lines = [], [], []
    for i, rec in enumerate(records, start=1):
        rec = dict(rec)
        k = rec.pop(key, None)
        if is_missing(k):
            raise MetadataError(f"{name} row {i}, column {key!r}: empty key; name the file.")
        vals: dict[str, Any] = {}
        for c, v in rec.items():
            if is_missing(v):
                continue
            if c == "published":
                vals["published"], prec = parse_date(
                    v, where=name, row=i, column="published", date_format=date_format
                )
                vals.setdefault("date_precision", prec)
            elif c == "date_precision":
                vals["date_precision"] = check_precision(v, name, i)
            elif c in ("outlet", "title"):
                vals[c] = str(v).strip()
            else:
                vals[str(c)] = v
        rows.append(vals)
        key_text = str(k).strip().replace("\\", "/")
        keys.append(key_text[2:] if key_text.startswith("./") else key_text)
        lines.append(i)
    return Sidecar(name, rows, keys, lines)
