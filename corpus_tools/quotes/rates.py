"""Reporting-verb rates: the share of each cue class per outlet or speaker."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from ..corpus import doc_groups, group_label
from ..errors import CorpusValueError, check_table

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import Corpus

__all__ = ["cue_rates"]


def cue_rates(
    quotes_table: pd.DataFrame, corpus: Corpus | None = None, *, by: str = "outlet"
) -> pd.DataFrame:
    """Share of each reporting-verb class per group (outlet, speaker...).

    Parameters
    ----------
    quotes_table : DataFrame
        The output of :func:`corpus_tools.quotes`.
    corpus : Corpus, optional
        Needed when ``by`` is a docs column (``outlet``); not needed for
        ``by="speaker_canonical"``, ``"doc_id"`` or another quotes column.
    by : str
        Grouping column.

    Returns
    -------
    pandas.DataFrame
        ``group, cue_class, count, n_quotes, share`` (share = count /
        n_quotes in the group; quotes without a cue count as ``(no cue)``).
        Sorted by group, then count descending, then cue_class.

    Examples
    --------
    >>> q = pd.DataFrame({"doc_id": ["a", "a"], "cue_class": ["neutral", "distancing"],
    ...                   "speaker_canonical": ["X", "X"]})
    >>> cue_rates(q, by="speaker_canonical")[["group", "cue_class", "share"]].values.tolist()
    [['X', 'distancing', 0.5], ['X', 'neutral', 0.5]]
    """
    check_table(quotes_table, ["doc_id", "cue_class"], "cue_rates", "quotes(corpus)")
    q = quotes_table.copy()
    columns = ["group", "cue_class", "count", "n_quotes", "share"]
    if by in q.columns:
        q["group"] = [group_label(v) for v in q[by].tolist()]
    elif corpus is not None:
        q["group"] = doc_groups(corpus, q["doc_id"], by)
    else:
        raise CorpusValueError(
            f"by={by!r} is not a quotes column; pass the corpus to group by a docs column."
        )
    if q.empty:  # a corpus without a quote: an empty table, not a pandas error
        empty = {"count": "int64", "n_quotes": "int64", "share": "float64"}
        return pd.DataFrame({c: pd.Series(dtype=empty.get(c, object)) for c in columns})
    q["cue_class"] = q["cue_class"].astype(object).where(q["cue_class"].notna(), "(no cue)")
    counts = q.groupby(["group", "cue_class"], sort=True).size().rename("count").reset_index()
    totals = q.groupby("group").size().rename("n_quotes")
    counts = counts.merge(totals, left_on="group", right_index=True)
    counts["share"] = (counts["count"] / counts["n_quotes"]).round(3)
    counts["count"] = counts["count"].astype("int64")
    counts["n_quotes"] = counts["n_quotes"].astype("int64")
    counts = counts.sort_values(
        ["group", "count", "cue_class"], ascending=[True, False, True], kind="mergesort"
    )
    return counts[columns].reset_index(drop=True)
