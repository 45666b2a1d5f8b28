"""Small helpers every analysis table shares: stable sorting and one-line strings.

The names here are public (no underscore) so any module may import them;
they are not part of :data:`corpus_tools.__all__`.
"""

from __future__ import annotations

import re

import pandas as pd

__all__ = ["sort_rows", "one_space"]

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
