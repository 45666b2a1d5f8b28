"""Small helpers every analysis table shares: stable sorting and one-line strings.

The names here are public (no underscore) so any module may import them;
they are not part of :data:`corpus_tools.__all__`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

__all__ = ["sort_rows", "one_space", "frame_from_rows", "cast_columns"]

_WHITESPACE = re.compile(r"\s+")


def sort_rows(df: pd.DataFrame, keys: list[str], ascending: list[bool]) -> pd.DataFrame:
    """Sort a table by ``keys`` (stable mergesort) and number its rows from 0.

    Every table of the package is sorted this way, so ties keep the order in
    which rows were built and a re-run gives the same row order.

    >>> df = pd.DataFrame({"g": ["b", "a", "a"], "n": [1, 1, 2]})
    >>> sort_rows(df, ["g", "n"], [True, False]).values.tolist()
    [['a', 2], ['a', 1], ['b', 1]]
    """
    return df.sort_values(keys, ascending=ascending, kind="mergesort").reset_index(drop=True)


def one_space(text: str) -> str:
    """Collapse runs of whitespace (line breaks in context strings) to one space.

    >>> one_space("Gaza\\n  City")
    'Gaza City'
    """
    return _WHITESPACE.sub(" ", text)


def cast_columns(df: pd.DataFrame, types: Mapping[str, Any]) -> pd.DataFrame:
    """Cast each column named in ``types`` to its type (in place) and return the table.

    Tables built from Python lists get their documented types this way even
    when they are empty (an empty column would otherwise be ``object``).

    >>> cast_columns(pd.DataFrame({"n": []}), {"n": "int64"}).dtypes.tolist()
    [dtype('int64')]
    """
    for c, t in types.items():
        df[c] = df[c].astype(t)
    return df


def frame_from_rows(
    rows: Sequence[Sequence[Any]], columns: Sequence[str], types: Mapping[str, Any]
) -> pd.DataFrame:
    """A table from row tuples (values in ``columns`` order), columns cast with ``types``.

    >>> t = frame_from_rows([("a", 1)], ["doc_id", "n"], {"doc_id": object, "n": "int64"})
    >>> t.values.tolist(), t.dtypes.tolist()
    ([['a', 1]], [dtype('O'), dtype('int64')])
    """
    cols = list(columns)
    out = pd.DataFrame({c: [r[k] for r in rows] for k, c in enumerate(cols)}, columns=cols)
    return cast_columns(out, types)
