"""Project exceptions and warnings.

Every exception subclasses a builtin (``ValueError`` or ``OSError``) so
ordinary ``except`` clauses keep working. Messages say what went wrong,
where (path, row, doc_id, key) and what to do about it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

import numpy as np

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CorpusToolsError",
    "CorpusValueError",
    "CorpusLoadError",
    "MetadataError",
    "DataFileError",
    "CorpusToolsWarning",
    "invalid_option",
    "check_whole",
    "check_table",
]


class CorpusToolsError(Exception):
    """Base class of all corpus_tools errors."""


class CorpusValueError(CorpusToolsError, ValueError):
    """A bad argument value (unknown column, option, doc_id...)."""


class CorpusLoadError(CorpusToolsError, OSError):
    """A corpus source cannot be read at all (missing path, empty folder...)."""


class MetadataError(CorpusToolsError, ValueError):
    """A metadata sidecar or table row is wrong (unknown file, bad date...)."""


class DataFileError(CorpusToolsError, ValueError):
    """A shipped or user-supplied data file (YAML codebook, gazetteer...) is invalid."""


class CorpusToolsWarning(UserWarning):
    """Something worth knowing that did not stop the work."""


def check_whole(name: str, value: object, low: int, *, none_ok: bool = False) -> None:
    """Raise a ``CorpusValueError`` naming ``name`` unless ``value`` is a whole number >= ``low``.

    Examples
    --------
    >>> check_whole("top_n", 5, 1)
    >>> check_whole("top_n", -1, 1, none_ok=True)
    Traceback (most recent call last):
    ...
    corpus_tools.errors.CorpusValueError: top_n=-1 must be a whole number >= 1 or None.
    """
    if value is None and none_ok:
        return
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < low:
        alt = " or None" if none_ok else ""
        raise CorpusValueError(f"{name}={value!r} must be a whole number >= {low}{alt}.")


def check_table(
    table: object, columns: Iterable[str], fn: str, source: str, *, bare_ok: bool = True
) -> pd.DataFrame:
    """Return ``table`` if it is a DataFrame with ``columns``, else raise a ``CorpusValueError`` naming ``fn``.

    ``source`` says which call returns the expected table. A table with no
    columns at all (``pandas.DataFrame()``) passes, read as empty: an empty
    table with ``columns`` is returned in its place, so the caller can use
    them. With ``bare_ok=False`` it is refused (figures need their columns
    even to draw nothing).

    Examples
    --------
    >>> import pandas as pd
    >>> check_table(pd.DataFrame({"a": [1]}), ["a"], "describe_x", "x(corpus)").shape
    (1, 1)
    >>> check_table(pd.DataFrame(), ["a", "b"], "describe_x", "x(corpus)").columns.tolist()
    ['a', 'b']
    >>> check_table(pd.DataFrame({"b": [1]}), ["a"], "describe_x", "x(corpus)")
    Traceback (most recent call last):
    ...
    corpus_tools.errors.CorpusValueError: describe_x: the table lacks column(s) ['a']; pass the table from x(corpus).
    >>> check_table([1, 2], ["a"], "describe_x", "x(corpus)")
    Traceback (most recent call last):
    ...
    corpus_tools.errors.CorpusValueError: describe_x: expected the table from x(corpus) (a pandas DataFrame), got a list.
    """
    cols = getattr(table, "columns", None)
    if cols is None or not hasattr(table, "empty"):
        raise CorpusValueError(
            f"{fn}: expected the table from {source} (a pandas DataFrame), "
            f"got a {type(table).__name__}."
        )
    columns = list(columns)
    if len(cols) == 0 and bare_ok:
        import pandas as pd

        return pd.DataFrame({c: pd.Series([], dtype=object) for c in columns})
    missing = [c for c in columns if c not in cols]
    if missing:
        raise CorpusValueError(
            f"{fn}: the table lacks column(s) {missing}; pass the table from {source}."
        )
    return cast("pd.DataFrame", table)


def invalid_option(name: str, value: object, valid: Iterable[object]) -> CorpusValueError:
    """Return a ``CorpusValueError`` naming the argument, the bad value and the valid set.

    Examples
    --------
    >>> str(invalid_option("method", "chi", ["g2", "log_odds_dirichlet"]))
    "method='chi' is not valid; choose one of: 'g2', 'log_odds_dirichlet'."
    """
    choices = ", ".join(repr(v) for v in valid)
    return CorpusValueError(f"{name}={value!r} is not valid; choose one of: {choices}.")
