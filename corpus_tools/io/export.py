"""Writing tables for spreadsheets without formula injection."""

from __future__ import annotations

import os
from typing import Any

import pandas as pd

from .._output import new_file, whole_file

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _neutralise(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def to_csv_safe(df: pd.DataFrame, path: str | os.PathLike[str], *, overwrite: bool = False) -> None:
    """Write ``df`` to CSV (UTF-8, no index) with spreadsheet formulas neutralised.

    Text cells and column names starting with ``= + - @``, a tab or a carriage
    return get a leading apostrophe, so a spreadsheet shows them as text instead of running
    them (CSV/formula injection, OWASP). Numbers are left alone.

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> to_csv_safe(pd.DataFrame({"a": ["=1+1", "ok"], "n": [-1, 2]}), p)
    >>> p.read_text().splitlines()
    ['a,n', "'=1+1,-1", 'ok,2']
    """
    new_file(path, overwrite=overwrite)  # refused before the copy of a large table
    out = df.copy()
    if not isinstance(out.columns, pd.MultiIndex):
        out.columns = [_neutralise(c) for c in out.columns]  # a header cell is a cell too
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(_neutralise)
    # a hidden .part file moved into place once whole: a full disk, an error or Ctrl-C leaves
    # no half table, a symlink at path is replaced (not written through), a device refused
    with whole_file(path, overwrite=overwrite, text=True, what="table") as fh:
        out.to_csv(fh, index=False, lineterminator="\r\n")  # RFC 4180
