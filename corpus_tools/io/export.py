"""Writing tables for spreadsheets without formula injection."""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path
from typing import Any

import pandas as pd

from .._output import new_file
from ..errors import CorpusValueError

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
    target = new_file(path, overwrite=overwrite)
    _check_regular(target)
    out = df.copy()
    if not isinstance(out.columns, pd.MultiIndex):
        out.columns = [_neutralise(c) for c in out.columns]  # a header cell is a cell too
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(_neutralise)
    _write_whole(out, target, overwrite)


def _check_regular(target: Path) -> None:
    """Refuse a path that exists as something other than a file (a device, a pipe, a socket):
    replacing ``/dev/null`` or a named pipe with a table would destroy it."""
    try:
        mode = os.lstat(target).st_mode
    except OSError:
        return  # nothing there yet
    if not (stat.S_ISREG(mode) or stat.S_ISLNK(mode)):
        raise CorpusValueError(
            f"path={str(target)!r} is not a regular file (a device, pipe or socket); give the "
            "path of a new .csv file."
        )


def _write_whole(out: pd.DataFrame, target: Path, overwrite: bool) -> None:
    """Write ``out`` to a hidden file beside ``target`` and move it into place only once it is
    whole: a full disk or a write error leaves no half table and never a half-replaced file
    (a symlink at ``target`` is replaced, its own target left alone). Without ``overwrite`` a
    file made at ``target`` meanwhile is not replaced."""
    part: str | None = None
    claimed = False
    try:
        part = str(target.parent / f".{target.name}.{secrets.token_hex(6)}.part")
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # mode as open() makes
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            out.to_csv(fh, index=False, lineterminator="\r\n")  # RFC 4180
        if not overwrite:  # claim the name: fails if a file appeared since new_file checked
            os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
            claimed = True
        os.replace(part, target)
        part, claimed = None, False
    except FileExistsError:
        raise CorpusValueError(
            f"path={str(target)!r} already exists and would be overwritten (it appeared while "
            "the table was written); give a new file name, or pass overwrite=True to replace it."
        ) from None
    except OSError as exc:
        raise CorpusValueError(
            f"path={str(target)!r}: the table could not be written ({exc.strerror or exc}); "
            "nothing was written there. Choose a folder you can write to, with room for it."
        ) from None
    finally:
        if part is not None and os.path.exists(part):
            os.unlink(part)
        if claimed:  # the empty file that held the name
            os.unlink(target)
