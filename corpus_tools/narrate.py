"""Sentences that read a result table, written from the table itself.

A teaching notebook interprets each number it shows ("the most similar pair
is A and B"). Written by hand, such a sentence is true of one corpus only;
run on another corpus it describes numbers that are not on the page. These
small pure functions take the table a notebook has just printed and return
the interpretation as plain text, so the sentence is true on every corpus.

Each function takes the table returned by the matching analysis function,
reads only the columns named in its docstring, breaks ties by a stable sort
on explicit keys (so the sentence is the same on every run) and returns a
``str``. None of them prints or changes its input.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from .corpus import MISSING, group_label
from .errors import CorpusValueError, check_table, check_whole
from .sentiment import N_NEGATIVE, N_ROWS, NOT_ENGLISH

__all__ = [
    "describe_cleaning",
    "describe_corpus",
    "describe_duplicates",
    "describe_empty_columns",
    "describe_frames",
    "describe_keyness",
    "describe_mentions",
    "describe_most_negative",
    "describe_numbers",
    "describe_reuse",
    "describe_share_uncertainty",
    "describe_similarity",
    "describe_stories",
    "describe_tone",
    "describe_top_terms",
    "describe_voices",
    "empty_columns",
    "why_no_mentions",
]


def _plural(n: int, word: str, plural: str | None = None) -> str:
    """``3 documents`` / ``1 document``.

    >>> _plural(1, "pair"), _plural(2, "pass", "passes")
    ('1 pair', '2 passes')
    """
    return f"{n:,} {word if n == 1 else (plural or word + 's')}"


def _label(value: Any, labels: Mapping[Any, str] | None) -> str:
    if labels is not None and value in labels:
        return str(labels[value])
    return str(value)


def _listing(items: Sequence[str]) -> str:
    """Join with commas and a final "and".

    >>> _listing(["a"]), _listing(["a", "b"]), _listing(["a", "b", "c"])
    ('a', 'a and b', 'a, b and c')
    """
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _terms(top_terms: Any, k: int = 3) -> list[str]:
    """Words of a ``top_terms`` string such as ``"east (0.031); gaza (0.026)"``."""
    if not isinstance(top_terms, str) or not top_terms.strip():
        return []
    return [t.split(" (")[0].strip() for t in top_terms.split(";")[:k] if t.strip()]


def describe_corpus(docs: pd.DataFrame, by: str = "outlet") -> str:
    """Say how many documents and groups a corpus has, and when they were published.

    Parameters
    ----------
    docs : pandas.DataFrame
        One row per document with ``doc_id``, the grouping column ``by``
        (missing values count as one group, ``(missing)``) and, if present,
        ``published`` (datetime).
    by : str, default "outlet"
        The grouping column.

    Returns
    -------
    str

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "Y", "Y"],
    ...                      "published": pd.to_datetime(["2021-03-01", None, "2021-03-05"])})
    >>> print(describe_corpus(docs))
    3 documents in 2 groups by 'outlet' (1 to 2 documents per group). Published from 2021-03-01 to 2021-03-05 (2 distinct dates); 1 document undated.
    >>> print(describe_corpus(docs.iloc[:2]))
    2 documents in 2 groups by 'outlet'. Every group is a single document, so a comparison of groups is a comparison of single documents. Published on 2021-03-01; 1 document undated.
    """
    if not isinstance(docs, pd.DataFrame) and isinstance(getattr(docs, "docs", None), pd.DataFrame):
        docs = docs.docs  # a Corpus: its docs table
    check_table(docs, [], "describe_corpus", "corpus.docs")
    n = len(docs)
    if n == 0:
        return "The corpus has no documents."
    groups = pd.Series([group_label(v) for v in docs[by].tolist()]) if by in docs else None
    parts = []
    if groups is None:
        parts.append(f"{_plural(n, 'document')}; there is no {by!r} column to group by.")
    else:
        sizes = groups.value_counts()
        k = len(sizes)
        head = f"{_plural(n, 'document')} in {_plural(k, 'group')} by {by!r}"
        if k == 1:
            parts.append(f"{head}: there is no other group to compare with.")
        elif sizes.max() == 1:
            parts.append(
                f"{head}. Every group is a single document, so a comparison of groups "
                "is a comparison of single documents."
            )
        else:
            lo, hi = int(sizes.min()), int(sizes.max())
            parts.append(f"{head} ({lo:,} to {hi:,} documents per group).")
    if "published" in docs:
        parts.append(_published_phrase(docs, n))
    return " ".join(parts)


#: date precisions whose day is made up (the first of the month or year), with the strftime
#: that says no more; a week's date is an estimate of a day and is written as a day
_COARSE_DATES = {"month": "%Y-%m", "year": "%Y"}


def _published_phrase(docs: pd.DataFrame, n: int) -> str:
    """When the documents were published, at the precision the dates have.

    State of the Union paragraphs dated by year read 'Published from 1946-01-01 to
    2000-01-01 (53 distinct dates)': days the data does not know.

    >>> d = pd.DataFrame({"published": pd.to_datetime(["1946-01-01", "2000-01-01", None]),
    ...                   "date_precision": ["year", "year", None]})
    >>> _published_phrase(d, 3)
    'Published from 1946 to 2000 (2 distinct years; dates known to the year only); 1 document undated.'
    >>> _published_phrase(d.assign(date_precision=["day", "year", None]), 3)
    'Published from 1946-01-01 to 2000-01-01 (2 distinct dates; 1 of them known only to the year, given as its first day); 1 document undated.'
    """
    dates = pd.to_datetime(docs["published"], errors="coerce")
    known = dates.dropna()
    undated = n - len(known)
    if not len(known):
        return "No document has a publication date."
    prec = (
        docs.loc[known.index, "date_precision"].astype("string").fillna("")
        if "date_precision" in docs
        else pd.Series("", index=known.index)
    )
    coarse = prec[prec.isin(list(_COARSE_DATES))]
    unit = str(coarse.iloc[0]) if len(coarse) == len(known) and coarse.nunique() == 1 else "day"
    fmt = _COARSE_DATES.get(unit, "%Y-%m-%d")
    first, last = known.min().strftime(fmt), known.max().strftime(fmt)
    n_dates = known.dt.strftime(fmt).nunique()
    noun = "date" if unit == "day" else unit
    extra = ""
    if unit != "day":
        extra = f"; dates known to the {unit} only"
    elif len(coarse):  # some dates are estimates: say how many, and how coarse
        kinds = " or ".join(sorted(set(coarse), key=list(_COARSE_DATES).index))
        extra = f"; {len(coarse):,} of them known only to the {kinds}, given as its first day"
    if first == last:
        when = f"Published on {first}" + (f" ({extra[2:]})" if extra else "")
    else:
        when = f"Published from {first} to {last} ({_plural(n_dates, 'distinct ' + noun)}{extra})"
    when += f"; {_plural(undated, 'document')} undated." if undated else "."
    return when + _far_dates(known, fmt)


def far_dates_note(published: pd.Series) -> str:
    """``_far_dates`` of a column of dates, without its leading space ('' when none are far):
    the report header's 'dates' row says it too."""
    known = pd.to_datetime(published, errors="coerce").dropna()
    return _far_dates(known, "%Y-%m-%d").strip()


def main_date_range(known: pd.Series) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    """The first and last day of the dates most documents share, when a few lie far outside
    them; None when none does (or fewer than 10 distinct days).

    The range runs from the 1st to the 99th percentile of the dates, widened over dates that
    continue it (no jump longer than a tenth of it); the dates outside it count as far only
    when it covers less than half of the whole span. A document dated on the last day, at any
    hour, is inside.

    >>> d = pd.Series(pd.to_datetime([f"2020-{m:02d}-01" for m in range(1, 13)] * 9 + ["2050-09-30"]))
    >>> [t.strftime("%Y-%m-%d") for t in main_date_range(d)]
    ['2020-01-01', '2020-12-01']
    >>> main_date_range(d.iloc[:-1]) is None
    True
    """
    known = pd.to_datetime(known, errors="coerce").dropna()
    per = known.dt.normalize().value_counts().sort_index()
    if len(per) < 10:
        return None
    cum = (per.cumsum() / per.sum()).to_numpy()
    i = int(np.searchsorted(cum, 0.01, side="left"))
    j = int(np.searchsorted(cum, 0.99, side="left"))
    dates = list(per.index)
    full = (dates[-1] - dates[0]).days
    if full <= 0 or (dates[j] - dates[i]).days * 2 >= full:
        return None
    step = pd.Timedelta(days=max(7, (dates[j] - dates[i]).days // 10))
    while i > 0 and dates[i] - dates[i - 1] <= step:
        i -= 1
    while j < len(dates) - 1 and dates[j + 1] - dates[j] <= step:
        j += 1
    if i == 0 and j == len(dates) - 1:
        return None
    return dates[i], dates[j]


def _far_dates(known: pd.Series, fmt: str) -> str:
    """' N documents lie far outside the rest ...: check them.' ('' when none do).

    The rest is the range from the 1st to the 99th percentile of the dates, widened over
    dates that continue it (no jump longer than a tenth of it); outside it count only when it
    covers less than half of the whole span: 3,000 AllSides articles 2012-2020 read
    'Published from 2001-10-23 to 2050-09-30' (a two-digit year '9/30/50') with no remark.

    >>> d = pd.Series(pd.to_datetime([f"2020-{m:02d}-01" for m in range(1, 13)] * 9 + ["2050-09-30"]))
    >>> _far_dates(d, "%Y-%m-%d")
    ' 1 document lies far outside the rest, which run from 2020-01-01 to 2020-12-01: 2050-09-30; check it.'
    """
    span = main_date_range(known)
    if span is None:
        return ""
    first, last = span
    far = known[(known < first) | (known >= last + pd.Timedelta(days=1))].sort_values()
    shown = list(dict.fromkeys(far.dt.strftime(fmt)))
    listed = ", ".join(shown[:5]) + (
        f" and {len(shown) - 5:,} more dates" if len(shown) > 5 else ""
    )
    verb = "lies" if len(far) == 1 else "lie"
    return (
        f" {_plural(len(far), 'document')} {verb} far outside the rest, which run from "
        f"{first.strftime(fmt)} to {last.strftime(fmt)}: {listed}; check "
        f"{'it' if len(far) == 1 else 'them'}."
    )


def describe_cleaning(by_doc: pd.DataFrame, *, label: str = "outlet") -> str:
    """Say how much of each page cleaning removed, from least to most.

    Parameters
    ----------
    by_doc : pandas.DataFrame
        ``cleaning_summary(corpus, by="doc_id")``: ``doc_id``, ``chrome_share``
        and optionally the ``label`` column.
    label : str, default "outlet"
        Column shown next to the doc_id when present.

    Examples
    --------
    >>> t = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": ["X", "Y", "Z"],
    ...                   "chrome_share": [0.263, 0.008, 0.1]})
    >>> print(describe_cleaning(t))
    Chrome was 0.8% to 26.3% of a page (median 10.0%, 3 documents): least in b (Y), most in a (X).
    >>> print(describe_cleaning(t.iloc[:0]))
    Cleaning removed nothing from any document.

    Edits that changed characters without removing any are counted:

    >>> t3 = pd.DataFrame({"doc_id": ["a", "b"], "n_edits": [3, 0], "chrome_share": [0.0, 0.0]})
    >>> print(describe_cleaning(t3))  # doctest: +NORMALIZE_WHITESPACE
    Cleaning removed nothing from any document. 3 edits in 1 document changed characters in
    place (entities, Unicode repairs): the rule table names them.

    Documents with nothing removed are counted, not named as the least:

    >>> t2 = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "chrome_share": [0.0, 0.11, 0.0, 0.009]})
    >>> print(describe_cleaning(t2))
    Cleaning removed nothing from 2 of 4 documents. In the other 2, chrome was 0.9% to 11.0% of a page: least in d, most in b.
    """
    check_table(
        by_doc,
        ["doc_id", "chrome_share"],
        "describe_cleaning",
        'cleaning_summary(corpus, by="doc_id")',
    )
    if by_doc.empty or float(by_doc["chrome_share"].max()) == 0.0:
        out = "Cleaning removed nothing from any document."
        if "n_edits" in by_doc and int(by_doc["n_edits"].sum()) > 0:  # repairs, not removals
            edited = by_doc[by_doc["n_edits"] > 0]
            out += (
                f" {_plural(int(edited['n_edits'].sum()), 'edit')} in "
                f"{_plural(len(edited), 'document')} changed characters in place "
                "(entities, Unicode repairs): the rule table names them."
            )
        return out
    t = by_doc.sort_values("doc_id", kind="mergesort")
    t = t.sort_values("chrome_share", kind="mergesort")

    def name(row: pd.Series) -> str:
        extra = row.get(label)
        return f"{row['doc_id']} ({extra})" if isinstance(extra, str) and extra else row["doc_id"]

    n_clean = int((t["chrome_share"] == 0.0).sum())
    if n_clean:  # the least of many untouched pages would be an arbitrary one of them
        n_all = len(t)
        t = t[t["chrome_share"] > 0.0]
        lo, hi = t.iloc[0], t.iloc[-1]
        head = f"Cleaning removed nothing from {n_clean:,} of {_plural(n_all, 'document')}"
        if len(t) == 1:
            return f"{head}; in {name(hi)}, chrome was {hi['chrome_share']:.1%} of the page."
        return (
            f"{head}. In the other {len(t):,}, chrome was {lo['chrome_share']:.1%} to "
            f"{hi['chrome_share']:.1%} of a page: least in {name(lo)}, most in {name(hi)}."
        )
    lo, hi = t.iloc[0], t.iloc[-1]
    if len(t) == 1:
        return f"Chrome was {hi['chrome_share']:.1%} of the only document, {name(hi)}."
    med = float(t["chrome_share"].median())
    return (
        f"Chrome was {lo['chrome_share']:.1%} to {hi['chrome_share']:.1%} of a page "
        f"(median {med:.1%}, {_plural(len(t), 'document')}): least in {name(lo)}, "
        f"most in {name(hi)}."
    )


def describe_duplicates(dups: pd.DataFrame, threshold: float) -> str:
    """Say how many pairs of documents are exact or near duplicates.

    Parameters
    ----------
    dups : pandas.DataFrame
        ``duplicates(corpus, threshold=...)``: ``doc_a``, ``doc_b``, ``kind``
        (``exact`` or ``near``) and ``jaccard``.
    threshold : float
        The resemblance used, repeated in the sentence.

    Examples
    --------
    >>> d = pd.DataFrame({"doc_a": ["a", "a", "c"], "doc_b": ["b", "d", "e"],
    ...                   "kind": ["exact", "near", "exact"], "jaccard": [1.0, 0.85, 1.0]})
    >>> print(describe_duplicates(d, 0.8))
    3 pairs reach a resemblance of 0.8: 2 exact copies and 1 near-duplicate, among 5 documents.
    >>> print(describe_duplicates(d.iloc[:0], 0.8))
    No pair of documents reaches a resemblance of 0.8: no exact copies and no near-duplicates.
    """
    check_table(dups, ["doc_a", "doc_b", "kind"], "describe_duplicates", "duplicates(corpus)")
    if isinstance(threshold, bool) or not isinstance(threshold, int | float):
        raise CorpusValueError(
            f"describe_duplicates: threshold={threshold!r}; pass the number given to duplicates(), "
            "e.g. 0.8."
        )
    if dups.empty:
        return (
            f"No pair of documents reaches a resemblance of {threshold:g}: "
            "no exact copies and no near-duplicates."
        )
    n_exact = int((dups["kind"] == "exact").sum())
    n_near = len(dups) - n_exact
    docs = pd.unique(pd.concat([dups["doc_a"], dups["doc_b"]], ignore_index=True))
    return (
        f"{_plural(len(dups), 'pair')} reach{'es' if len(dups) == 1 else ''} a resemblance of "
        f"{threshold:g}: {_plural(n_exact, 'exact copy', 'exact copies')} and "
        f"{_plural(n_near, 'near-duplicate')}, among {_plural(len(docs), 'document')}."
    )


def empty_columns(table: pd.DataFrame) -> list[str]:
    """The columns of ``table`` with no value in any row (all None, NaN or NaT), in order.

    A corpus without outlets or dates gives tables whose ``outlet``,
    ``outlet_a``/``outlet_b``, ``published`` or ``date_precision`` columns read
    ``None`` or ``NaT`` in every row: a reader sees a column of blanks and
    wonders what went wrong. A notebook leaves such columns out and says so
    with :func:`describe_empty_columns`. An empty table has no empty columns
    (nothing is known about them), so its header stays as it is.

    Examples
    --------
    >>> t = pd.DataFrame({"doc_a": ["a", "c"], "outlet_a": [None, None], "jaccard": [1.0, None]})
    >>> empty_columns(t)
    ['outlet_a']
    >>> empty_columns(t.iloc[:0])
    []
    """
    if not isinstance(table, pd.DataFrame):
        raise CorpusValueError(
            f"empty_columns: expected a pandas DataFrame, got {type(table).__name__}."
        )
    if table.empty:
        return []
    return [str(c) for c in table.columns if bool(table[c].isna().all())]


def describe_empty_columns(table: pd.DataFrame) -> str:
    """Say which columns of ``table`` are left out because no row has a value ('' when none).

    Examples
    --------
    >>> t = pd.DataFrame({"doc_a": ["a"], "outlet_a": [None], "outlet_b": [None]})
    >>> print(describe_empty_columns(t))
    Not shown, as no row has a value: outlet_a, outlet_b.
    >>> describe_empty_columns(t[["doc_a"]])
    ''
    """
    empty = empty_columns(table)
    if not empty:
        return ""
    return f"Not shown, as no row has a value: {', '.join(empty)}."


def describe_similarity(sim: pd.DataFrame, labels: Mapping[Any, str] | None = None) -> str:
    """Name the most and least similar pairs and the words behind the top one.

    Parameters
    ----------
    sim : pandas.DataFrame
        ``similarity(corpus, ...)``: ``a``, ``b``, ``cosine`` and
        ``top_terms`` (``"word (contribution); ..."``).
    labels : mapping, optional
        Display names for the ids in ``a`` and ``b``.

    Examples
    --------
    >>> s = pd.DataFrame({"a": ["x", "x", "y"], "b": ["y", "z", "z"],
    ...                   "cosine": [0.35, 0.15, 0.2],
    ...                   "top_terms": ["gaza (0.03); talks (0.02)", "", "aid (0.01)"]})
    >>> print(describe_similarity(s))
    The most similar pair is x and y (cosine 0.350), sharing above all gaza and talks; the least similar is x and z (0.150). Across 3 pairs the cosines span 0.150 to 0.350.
    >>> print(describe_similarity(s.assign(cosine=0.0, top_terms="")))
    No pair shares a content word: all 3 cosines are 0, so there is no similar pair to name.
    >>> s.attrs["similarity_cap"] = "each of 300 items with its 10 most similar (cosine > 0); 3 of 44,850 pairs"
    >>> s.attrs["similarity_top_k"] = 10
    >>> print(describe_similarity(s))  # doctest: +NORMALIZE_WHITESPACE
    The most similar pair is x and y (cosine 0.350), sharing above all gaza and talks. Only
    nearest neighbours were kept, each of 300 items with its 10 most similar (cosine > 0); 3 of
    44,850 pairs: among these the cosines span 0.150 to 0.350; the pairs left out are less
    similar, so no least similar pair is named.

    Pairs with the same word profile (duplicated texts) are counted, not named:

    >>> dup = pd.concat([s, pd.DataFrame({"a": ["v"], "b": ["w"], "cosine": [1.0],
    ...                                   "top_terms": ["amen (1.0)"]})], ignore_index=True)
    >>> print(describe_similarity(dup))  # doctest: +NORMALIZE_WHITESPACE
    1 pair has the same word profile (cosine 1.000: usually the same text, a duplicate); of
    the other pairs, the most similar pair is x and y (cosine 0.350), sharing above all gaza and
    talks; the least similar is x and z (0.150). Across 3 pairs the cosines span 0.150 to 0.350.
    """
    check_table(sim, ["a", "b", "cosine"], "describe_similarity", "similarity(corpus)")
    if sim.empty:
        return "Fewer than two documents or groups: there is no pair to compare."
    t = sim.sort_values(["a", "b"], kind="mergesort")
    t = t.sort_values("cosine", ascending=False, kind="mergesort")
    hi, lo = t.iloc[0], t.iloc[-1]
    cap = str(sim.attrs.get("similarity_cap", ""))
    # only each item's nearest neighbours were kept
    capped = sim.attrs.get("similarity_top_k") is not None
    if float(hi["cosine"]) == 0.0:
        return (
            f"No pair shares a content word: all {_plural(len(t), 'cosine')} are 0, "
            "so there is no similar pair to name."
        )
    same = _same_profile(t)
    if same:  # duplicates set aside: the sentence is about the other pairs
        rest = describe_similarity(_other_pairs(t, sim), labels)
        return same + rest[0].lower() + rest[1:]
    words = _terms(hi.get("top_terms"))
    sharing = f", sharing above all {_listing(words)}" if words else ""
    out = (
        f"The most similar pair is {_label(hi['a'], labels)} and {_label(hi['b'], labels)} "
        f"(cosine {hi['cosine']:.3f}){sharing}"
    )
    if capped:
        return out + (
            f". Only nearest neighbours were kept, {cap}: among these the cosines span "
            f"{lo['cosine']:.3f} to {hi['cosine']:.3f}; the pairs left out are less similar, "
            "so no least similar pair is named."
        )
    if len(t) == 1:
        return out + "; it is the only pair."
    return (
        out + f"; the least similar is {_label(lo['a'], labels)} and {_label(lo['b'], labels)} "
        f"({lo['cosine']:.3f}). Across {_plural(len(t), 'pair')} the cosines span "
        f"{lo['cosine']:.3f} to {hi['cosine']:.3f}."
    )


_SAME_PROFILE = 0.9995  # shown as cosine 1.000: the same words in the same proportions


def _same_profile(t: pd.DataFrame) -> str:
    """The opening that sets aside pairs of identical word profiles, or "" (none, or all).

    Named as "the most similar pair", a duplicated text says nothing about which
    different documents are close (the FakeNewsCorpus sample: 39 copies in one outlet).
    """
    same = t["cosine"] >= _SAME_PROFILE
    n = int(same.sum())
    if n == 0 or n == len(t):
        return ""
    verb = "has" if n == 1 else "have"
    return (
        f"{_plural(n, 'pair')} {verb} the same word profile (cosine 1.000: usually the same "
        "text, a duplicate); of the other pairs, "
    )


def _other_pairs(t: pd.DataFrame, sim: pd.DataFrame) -> pd.DataFrame:
    rest = t[t["cosine"] < _SAME_PROFILE].copy()
    rest.attrs = dict(sim.attrs)
    return rest


def describe_reuse(reuse: pd.DataFrame, labels: Mapping[Any, str] | None = None) -> str:
    """Say how many passages are shared, between whom, and how many are quotations.

    Parameters
    ----------
    reuse : pandas.DataFrame
        ``text_reuse(corpus, ...)``: ``doc_a``, ``doc_b``, ``n_words``,
        ``in_quotes_a`` and ``in_quotes_b``.
    labels : mapping, optional
        Display names for the doc ids.

    Examples
    --------
    >>> r = pd.DataFrame({"doc_a": ["a", "a"], "doc_b": ["b", "c"], "n_words": [24, 11],
    ...                   "in_quotes_a": [True, False], "in_quotes_b": [True, False]})
    >>> print(describe_reuse(r))
    2 shared passages between 3 documents (2 pairs); the longest, 24 words, is between a and b. 1 of 2 is inside quotation marks in both documents (a quoted common source); 1 is not (possible copying, or a shared press release or wire story).
    >>> print(describe_reuse(r.iloc[:0]))
    No passage is shared between documents of different groups.
    """
    cols = ["doc_a", "doc_b", "n_words", "in_quotes_a", "in_quotes_b"]
    check_table(reuse, cols, "describe_reuse", "text_reuse(corpus)")
    if reuse.empty:
        return "No passage is shared between documents of different groups."
    t = reuse.sort_values(["doc_a", "doc_b"], kind="mergesort")
    t = t.sort_values("n_words", ascending=False, kind="mergesort")
    docs = pd.unique(pd.concat([t["doc_a"], t["doc_b"]], ignore_index=True))
    n_pairs = len(t[["doc_a", "doc_b"]].drop_duplicates())
    top = t.iloc[0]
    quoted = int((t["in_quotes_a"].astype(bool) & t["in_quotes_b"].astype(bool)).sum())
    n = len(t)
    out = (
        f"{_plural(n, 'shared passage')} between {_plural(len(docs), 'document')} "
        f"({_plural(n_pairs, 'pair')}); the longest, {int(top['n_words']):,} words, is between "
        f"{_label(top['doc_a'], labels)} and {_label(top['doc_b'], labels)}. "
    )
    if quoted == n:
        return out + (
            f"{'It is' if n == 1 else f'All {n:,} are'} inside quotation marks in both documents: "
            "a quoted common source, not copying between outlets."
        )
    rest = n - quoted
    return out + (
        f"{quoted:,} of {n:,} {'is' if quoted == 1 else 'are'} inside quotation marks in both "
        f"documents (a quoted common source); {rest:,} {'is' if rest == 1 else 'are'} not "
        "(possible copying, or a shared press release or wire story)."
    )


def _stopword_note(table: pd.DataFrame) -> str:
    """``"Stopwords left out: the German list. "`` when the stopwords are not English.

    Tables that leave out stopwords record the list's language in
    ``attrs["stopword_language"]``; English, the default, is not named.

    >>> t = pd.DataFrame()
    >>> t.attrs["stopword_language"] = "de"
    >>> _stopword_note(t)
    'Stopwords left out: the German list. '
    >>> t.attrs["stopword_language"] = "en"
    >>> _stopword_note(t)
    ''
    >>> t.attrs["stopword_language"] = "en+ar+es"  # a mixed corpus
    >>> print(_stopword_note(t))  # doctest: +NORMALIZE_WHITESPACE
    Stopwords left out: the English list, and in their own documents the Arabic and Spanish
    lists. A group written in another language than the rest has that language's words as its
    distinctive terms: they tell the languages apart, not what the group says.
    """
    from .tokenize import STOPWORD_LANGUAGES

    lang = table.attrs.get("stopword_language")
    if not lang or lang == "en":
        return ""
    first, *others = [STOPWORD_LANGUAGES.get(p, p) for p in str(lang).split("+")]
    if not others:
        return f"Stopwords left out: the {first} list. "
    more = others[0] if len(others) == 1 else ", ".join(others[:-1]) + " and " + others[-1]
    lists = "list" if len(others) == 1 else "lists"
    # 10,000 real articles, 87 of them German (Der Standard): its strongest terms were 'mehr,
    # sei, zwei, immer, wurde' (German words, outside the German stopword list)
    return (
        f"Stopwords left out: the {first} list, and in their own documents the {more} {lists}. "
        "A group written in another language than the rest has that language's words as its "
        "distinctive terms: they tell the languages apart, not what the group says. "
    )


#: a strongest term used by fewer documents of its group than this is named with a caveat
_FEW_TERM_DOCS = 10


def _empty_keyness(key: pd.DataFrame) -> str:
    """Why a keyness table is empty, from its ``attrs["n_groups"]`` when it has it."""
    n_groups = key.attrs.get("n_groups")
    if isinstance(n_groups, int) and n_groups < 2:
        return (
            f"The corpus has {_plural(n_groups, 'group')}, so there is no other group to compare "
            "with and no distinctive term to read (group by a column with two or more values; "
            "by='doc_id' compares documents)."
        )
    if isinstance(n_groups, int):
        return (
            "The table is empty, so there is no distinctive term to read: no term passed the "
            "filters (min_count, min_docs)."
        )
    return (
        "The table is empty, so there is no distinctive term to read: either the corpus "
        "has fewer than two groups to compare, or no term passed the filters "
        "(min_count, min_docs)."
    )


def _few_documents(top: pd.Series) -> str:
    """A caveat when the strongest term rests on a handful of the group's documents."""
    n = top.get("n_docs")
    if n is None or pd.isna(n) or int(n) >= _FEW_TERM_DOCS:
        return ""
    if int(n) == 1:
        return (
            ", used in only 1 document of the group: one document's story can make a word "
            "distinctive, so read it before calling it the group's word"
        )
    return (
        f", used in only {int(n):,} documents of the group: a few documents on one story can "
        "make a word distinctive, so read them before calling it the group's word"
    )


def describe_top_terms(tops: pd.DataFrame, sizes: pd.Series, k: int) -> str:
    """Say which groups' top-word lists are short or empty, and why ("" when none is).

    ``tops`` has one row per group and a column per list (``"without stopwords"`` is
    read), each a comma-separated string of the words that occur at least twice, missing
    when none does; ``sizes`` gives each group's documents; ``k`` is the longest list.
    A 5-document group of snippets listed its first words of count 1 in alphabetical
    order ("affordable, ample, available, ..."), which read as if they were its top words.

    Examples
    --------
    >>> import pandas as pd
    >>> tops = pd.DataFrame({"without stopwords": ["gaza, talks, aid", None, "rain"]},
    ...                     index=["Big", "Small", "Mid"])
    >>> print(describe_top_terms(tops, pd.Series({"Big": 900, "Small": 5, "Mid": 40}), 3))
    No word other than stopwords occurs twice in 1 of 3 groups, so it has no top words: Small (5 documents). 1 more group has fewer than 3 words that occur twice: Mid (40 documents). A word that occurs once is not listed.
    >>> describe_top_terms(tops.iloc[:1], pd.Series({"Big": 900}), 3)
    ''
    """
    col = tops["without stopwords"] if "without stopwords" in tops else tops.iloc[:, -1]
    words = col.map(lambda v: len(str(v).split(", ")) if isinstance(v, str) and v else 0)
    none, short = words.index[words == 0], words.index[(words > 0) & (words < k)]
    if not len(none) and not len(short):
        return ""

    def named(groups: pd.Index) -> str:
        shown = [f"{g} ({_plural(int(sizes.get(g, 0)), 'document')})" for g in groups[:3]]
        return _listing(shown + ([f"{len(groups) - 3:,} more"] if len(groups) > 3 else []))

    parts = []
    if len(none):
        it = "it has" if len(none) == 1 else "they have"
        parts.append(
            f"No word other than stopwords occurs twice in {len(none):,} of {len(tops):,} "
            f"groups, so {it} no top words: {named(none)}."
        )
    if len(short):
        more = "more " if len(none) else ""
        has = "has" if len(short) == 1 else "have"
        parts.append(
            f"{_plural(len(short), more + 'group')} {has} fewer than {k} words that occur "
            f"twice: {named(short)}."
        )
    return " ".join(parts) + " A word that occurs once is not listed."


def describe_keyness(key: pd.DataFrame) -> str:
    """Name the strongest term overall and say how strong the evidence is.

    Parameters
    ----------
    key : pandas.DataFrame
        ``keyness(corpus, ...)``: ``group``, ``term``, ``count``,
        ``count_rest`` and ``z``.

    Examples
    --------
    >>> k = pd.DataFrame({"group": ["A", "B"], "term": ["iran", "zhai"], "count": [8, 6],
    ...                   "count_rest": [1, 2], "z": [2.41, 1.79]})
    >>> print(describe_keyness(k))
    The strongest term is 'iran' for A (z = 2.41: 8 times in the group, 1 in the rest). No z reaches 3, so no single word is strong evidence on its own: read the counts with every z.
    >>> print(describe_keyness(k.iloc[:0]))  # doctest: +NORMALIZE_WHITESPACE
    The table is empty, so there is no distinctive term to read: either the corpus has fewer
    than two groups to compare, or no term passed the filters (min_count, min_docs).
    """
    cols = ["group", "term", "count", "count_rest", "z"]
    check_table(key, cols, "describe_keyness", "keyness(corpus)")
    if key.empty:
        return _empty_keyness(key)
    t = key.sort_values(["group", "term"], kind="mergesort")
    t = t.sort_values("z", ascending=False, kind="mergesort")
    top = t.iloc[0]
    out = (
        f"The strongest term is {top['term']!r} for {top['group']} (z = {top['z']:.2f}: "
        f"{_plural(int(top['count']), 'time')} in the group, {int(top['count_rest']):,} in the rest)"
        f"{_few_documents(top)}."
    )
    out = _stopword_note(key) + out + _lopsided_note(key) + _own_name_note(t)
    out += _missing_group_note(t) + _number_term_note(t)
    strong = int((t["z"] >= 3).sum())
    if strong == 0:
        return out + (
            " No z reaches 3, so no single word is strong evidence on its own: "
            "read the counts with every z."
        )
    groups = t.loc[t["z"] >= 3, "group"].nunique()
    return out + (
        f" {_plural(strong, 'term')} in {_plural(groups, 'group')} "
        f"{'reaches' if strong == 1 else 'reach'} z = 3 or more; "
        "read each with its evidence sentences before calling it distinctive."
    )


_NAME_WORD = re.compile(r"[^\W_]+")


def own_name_terms(table: pd.DataFrame) -> pd.Series:
    """Whether each row's ``term`` is its ``group``'s own name or a word of it (3+ letters, no stopword).

    Google News headlines end in their outlet's name ('... - Yahoo Finance'): the strongest
    terms of 49 outlets were 'yahoo', 'cnbc', 'reuters', 'fool', 'investopedia', ... The
    name tells the groups apart and says nothing about what they report.

    Examples
    --------
    >>> t = pd.DataFrame({"group": ["Yahoo Finance", "MarketWatch", "Barron's", "CNN", "The Fool"],
    ...                   "term": ["yahoo", "marketwatch", "barron", "trump", "the"]})
    >>> own_name_terms(t).tolist()
    [True, True, True, False, False]
    """
    from .tokenize import load_stopwords

    stop = load_stopwords("en")  # 'the' of 'The Motley Fool' is nobody's name
    names: dict[str, set[str]] = {}
    for g in table["group"].astype(str).unique().tolist():
        words = [w.lower() for w in _NAME_WORD.findall(g)]
        names[g] = {w for w in words if len(w) >= 3 and w not in stop} | {"".join(words)}
    return pd.Series(
        [
            str(term).lower() in names[str(g)]
            for g, term in zip(table["group"], table["term"], strict=False)
        ],
        index=table.index,
        dtype=bool,
    )


def _own_name_note(ranked: pd.DataFrame, shown: int = 3) -> str:
    """Say in how many groups the strongest term is the group's own name ('' in none).

    ``ranked``: the keyness table sorted by ``z``, highest first.
    """
    top = ranked[ranked["z"] > 0].drop_duplicates("group")
    own = top[own_name_terms(top)]
    if own.empty:
        return ""
    named = "; ".join(f"{g}: {t!r}" for g, t in zip(own["group"], own["term"], strict=False))
    if len(own) > shown:
        named = "; ".join(named.split("; ")[:shown]) + f"; and {len(own) - shown:,} more"
    return (
        f" In {len(own):,} of {_plural(len(top), 'group')} the strongest term is the group's own "
        f"name ({named}): the texts carry their outlet's name (a source suffix such as "
        "' - Reuters', a byline or a signature), which tells the groups apart without saying "
        "anything about what they report; read those groups' other terms."
    )


def _missing_group_note(ranked: pd.DataFrame) -> str:
    """Say that the '(missing)' group is no source: it pools the documents without a value.

    A Google-News scrape of 573 headlines, some without an outlet: '(missing)' stood among the
    outlets of the keyness table as if it were one, its terms those of unrelated headlines.
    """
    from .corpus import MISSING

    if not (ranked["group"].astype(str) == MISSING).any():
        return ""
    return (
        f" {MISSING!r} is not a source: it pools the documents without a value in the grouping "
        "column, so its terms are what those documents happen to share."
    )


def _number_term_note(ranked: pd.DataFrame, shown: int = 3) -> str:
    """Say in how many groups the strongest term is a number ('1', '3', '2020'), if any.

    Headlines carry counts, scores and years ('3 killed', '1 of 5'): in a scrape of 573
    headlines, '1' and '3' were some outlets' strongest terms, a figure, not a word choice.
    """
    first = ranked.groupby("group", sort=False).head(1)
    numbers = first[first["term"].astype(str).str.fullmatch(r"[\d.,:%/-]*\d[\d.,:%/-]*")]
    if numbers.empty:
        return ""
    terms = ", ".join(repr(str(t)) for t in numbers["term"].drop_duplicates().head(shown))
    n = len(numbers)
    whose = "group's" if n == 1 else "groups'"
    return (
        f" In {_plural(n, 'group')} the strongest term is a number ({terms}): a figure the "
        f"{whose} documents report, not a word choice; read it in "
        "its sentences."
    )


#: a group holding this share of the documents has too small a rest to be compared with
_LOPSIDED_SHARE = 0.95


def _lopsided_note(key: pd.DataFrame) -> str:
    """Say when one group holds nearly every document, so 'the rest' is a handful.

    4,782 HuffPost descriptions whose outlet came from their links: one malformed link made a
    second outlet of 1 document, and every z of the 4,781-document group was 0.00 beside it.
    """
    if "n_docs_group" not in key.columns:
        return ""
    sizes = key.drop_duplicates("group").set_index("group")["n_docs_group"].astype(int)
    total = max(int(key.attrs.get("n_docs") or 0), int(sizes.sum()))
    big = sizes.sort_index().sort_values(ascending=False, kind="mergesort")
    if not len(big) or total <= 0 or big.iloc[0] < _LOPSIDED_SHARE * total:
        return ""
    rest = total - int(big.iloc[0])
    return (
        f" {big.index[0]} holds {int(big.iloc[0]):,} of {total:,} documents, so the rest it is "
        f"compared with is {_plural(rest, 'document')}: too little to tell its words apart "
        "(check that the other groups are real outlets)."
    )


def describe_stories(stories: Any, n_docs: int | None = None) -> str:
    """Say how many stories the documents form and how many join two or more documents.

    Parameters
    ----------
    stories : Stories or pandas.DataFrame
        ``ct.stories(...)`` or its ``table`` (one row per document, with
        ``story_id`` and ``n_docs``).
    n_docs : int, optional
        Documents the stories were built from (default: the table's rows).

    Examples
    --------
    >>> t = pd.DataFrame({"story_id": ["S1", "S1", "S2"], "n_docs": [2, 2, 1]})
    >>> describe_stories(t)
    '3 documents form 2 stories; 1 has two or more documents, the largest has 2.'
    >>> describe_stories(t.iloc[2:])
    '1 document forms 1 story; 0 have two or more documents, the largest has 1.'
    >>> describe_stories(pd.DataFrame({"story_id": ["S1", "S2"], "n_docs": [1, 1]}))
    '2 documents: each is a story of its own (no two report one event).'
    """
    table = getattr(stories, "table", stories)
    n = len(table) if n_docs is None else int(n_docs)
    sizes = table.drop_duplicates("story_id")["n_docs"]
    if sizes.empty:
        return f"{_plural(n, 'document')}: no story was formed."
    n_multi = int((sizes > 1).sum())
    if n_multi == 0 and len(sizes) > 1:  # no link at all: not "0 have ..., the largest has 1"
        return f"{n:,} documents: each is a story of its own (no two report one event)."
    return (
        f"{n:,} document{' forms' if n == 1 else 's form'} "
        f"{len(sizes):,} stor{'y' if len(sizes) == 1 else 'ies'}; {n_multi:,} "
        f"{'has' if n_multi == 1 else 'have'} two or more documents, the largest has "
        f"{int(sizes.max()):,}."
    )


def describe_numbers(lined_up: pd.DataFrame, *, examples: int = 2) -> str:
    """Say which quantities several groups report within one story, and where their figures differ.

    Parameters
    ----------
    lined_up : pandas.DataFrame
        ``compare_numbers(claims, corpus, by=...)``: ``key``, ``group``,
        ``values``, ``n_groups`` and ``disagree``; its ``story`` column, when
        there is one, says which figures were lined up together: a quantity is
        counted once per story, and stories are named when there are several.
    examples : int, default 2
        Differing quantities spelled out.

    Examples
    --------
    >>> t = pd.DataFrame({"key": ["killed", "killed", "wounded", "wounded"],
    ...                   "group": ["A", "B", "A", "B"],
    ...                   "values": ["3,500", "3,400", "12,000", "12,000"],
    ...                   "n_groups": [2, 2, 2, 2], "disagree": [True, True, False, False]})
    >>> print(describe_numbers(t))
    2 quantities are reported by two or more groups; the figures differ for 1: killed (A: 3,500; B: 3,400). Read the sentences before calling a difference a disagreement: figures change over time.
    """
    cols = ["key", "group", "values", "n_groups", "disagree"]
    check_table(lined_up, cols, "describe_numbers", "compare_numbers(claims, corpus)")
    check_whole("examples", examples, 1)
    if lined_up.empty:
        return "No quantity is reported by two or more groups, so there is nothing to line up."
    story = (
        lined_up["story"].astype(str)
        if "story" in lined_up.columns
        else pd.Series("", index=lined_up.index)
    )
    n_stories = max(int(lined_up.attrs.get("n_stories") or 0), int(story.nunique()))
    shared = lined_up[lined_up["n_groups"] >= 2]
    if shared.empty:
        if n_stories >= 2 and lined_up["group"].nunique() >= 2:
            return (
                "No story has the same quantity from two or more groups, so there is nothing to "
                "line up (figures of different stories are not compared)."
            )
        return "No quantity is reported by two or more groups, so there is nothing to line up."
    units = list(zip(story[shared.index], shared["key"], strict=True))
    several = len({s for s, _ in units}) >= 2
    keys = sorted(set(units), key=lambda u: (u[1], u[0]))
    flags = shared["disagree"].astype(bool).tolist()
    differ = sorted({u for u, f in zip(units, flags, strict=True) if f}, key=lambda u: (u[1], u[0]))
    out = (
        f"{_plural(len(keys), 'quantity', 'quantities')} {'is' if len(keys) == 1 else 'are'} "
        f"reported by two or more groups{' within one story' if several else ''}; "
    )
    if not differ:
        return out + "the groups give the same figures for all of them."
    shown = []
    for s, k in differ[:examples]:
        rows = shared[(story[shared.index] == s) & (shared["key"] == k)]
        rows = rows.sort_values("group", kind="mergesort")
        pairs = "; ".join(f"{g}: {v}" for g, v in zip(rows["group"], rows["values"], strict=True))
        shown.append(f"{k}{f' in story {s}' if several else ''} ({pairs})")
    more = f" and {len(differ) - examples:,} more" if len(differ) > examples else ""
    return out + (
        f"the figures differ for {len(differ):,}: {', '.join(shown)}{more}. Read the sentences "
        "before calling a difference a disagreement: figures change over time."
    )


_VOICE_KINDS = ("official", "armed_group", "international", "expert", "citizen", "other")


def describe_voices(voices: pd.DataFrame, *, top: int = 3) -> str:
    """Say whose words are quoted: kinds of voice, their countries, and which kinds are absent.

    Parameters
    ----------
    voices : pandas.DataFrame
        ``quote_voices(quotes)``: ``voice_type`` and ``voice_country``.
    top : int, default 3
        Countries of official voices named.

    Examples
    --------
    >>> v = pd.DataFrame({"voice_type": ["official", "official", "official", "expert"],
    ...                   "voice_country": ["Russia", "Russia", None, None]})
    >>> print(describe_voices(v))
    4 quotes: 3 from officials (Russia 2, no country 1), 1 from experts. No quote comes from armed groups, international bodies, citizens or other voices.
    """
    check_table(voices, ["voice_type", "voice_country"], "describe_voices", "quote_voices(quotes)")
    check_whole("top", top, 1)
    if voices.empty:
        return "No quotes were found, so no voice can be described."
    names = {
        "official": "officials",
        "armed_group": "armed groups",
        "international": "international bodies",
        "expert": "experts",
        "citizen": "citizens",
        "other": "other voices",
        "unattributed": "no identified speaker",
    }
    counts = voices["voice_type"].fillna("unattributed").value_counts()
    order = sorted(counts.index, key=lambda k: (-int(counts[k]), str(k)))
    parts = []
    for kind in order:
        piece = f"{int(counts[kind]):,} from {names.get(kind, kind)}"
        if kind == "official":
            ctry = voices.loc[voices["voice_type"] == "official", "voice_country"]
            placed = ctry[ctry.notna() & (ctry != "")]
            cc = placed.value_counts()
            cc_order = sorted(cc.index, key=lambda k: (-int(cc[k]), str(k)))
            shown = [f"{c} {int(cc[c]):,}" for c in cc_order[:top]]
            if len(cc_order) > top:
                rest = int(cc[cc_order[top:]].sum())
                shown.append(
                    f"{len(cc_order) - top:,} more {'country' if len(cc_order) - top == 1 else 'countries'} {rest:,}"
                )
            if len(placed) < len(ctry):
                shown.append(f"no country {len(ctry) - len(placed):,}")
            piece += f" ({', '.join(shown)})"
        parts.append(piece)
    absent = [names[k] for k in _VOICE_KINDS if k not in counts.index]
    out = f"{_plural(len(voices), 'quote')}: {', '.join(parts)}."
    if absent:
        out += f" No quote comes from {_or_listing(absent)}."
    return out


def _or_listing(items: Sequence[str]) -> str:
    """Join with commas and a final "or".

    >>> _or_listing(["a", "b", "c"])
    'a, b or c'
    """
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


_FRAME_GROUP_SENTENCES = 30  # a share named first rests on a group of at least this many
_FRAME_LARGEST_GROUPS = 10  # with no such group, it is named among this many largest groups


def _wilson_half(n: int, z: float = 1.96) -> float:
    """Half the width of the 95 % Wilson interval of a share of 0.5 out of ``n``.

    >>> round(_wilson_half(9), 3), round(_wilson_half(400), 3)
    (0.273, 0.049)
    """
    return z * math.sqrt(0.25 / n + z * z / (4 * n * n)) / (1 + z * z / n)


def describe_share_uncertainty(n: pd.Series, unit: str = "sentences") -> str:
    """How uncertain a share is, from the counts it rests on ("" when there are none).

    ``n`` holds each group's denominator (its sentences, its quotes). A table of shares
    with 9 to 20 sentences per group gives 0.667 and 0.500 as if they differed; at these
    sizes a share near one half is uncertain by about ±0.2 to ±0.3 (95 % Wilson interval),
    and by more, because the sentences of one document are not independent draws.

    Examples
    --------
    >>> print(describe_share_uncertainty(pd.Series({"A": 9, "B": 20, "C": 12})))
    Each share rests on 9 to 20 sentences of a group: a share near 0.5 is uncertain by ±0.27 with 9 and by ±0.20 with 20 (95 % Wilson interval), and by more, because the sentences of one document are not independent draws.
    >>> print(describe_share_uncertainty(pd.Series([400]), "quotes"))
    Each share rests on 400 quotes of a group: a share near 0.5 is uncertain by ±0.05 (95 % Wilson interval), and by more, because the quotes of one document are not independent draws.
    >>> describe_share_uncertainty(pd.Series([0, 0]))
    ''
    """
    sizes = pd.to_numeric(pd.Series(n), errors="coerce").dropna().astype(int)
    sizes = sizes[sizes > 0]
    if sizes.empty:
        return ""
    lo, hi = int(sizes.min()), int(sizes.max())

    def half(n: int) -> str:  # 91,420 sentences printed '±0.00', as if there were no error
        h = _wilson_half(n)
        return f"±{h:.2f}" if h >= 0.01 else f"±{h:.1g}"

    if lo == hi:
        rests, by = f"{lo:,} {unit}", half(lo)
    else:
        rests = f"{lo:,} to {hi:,} {unit}"
        by = f"{half(lo)} with {lo:,} and by {half(hi)} with {hi:,}"
    return (
        f"Each share rests on {rests} of a group: a share near 0.5 is uncertain by {by} "
        f"(95 % Wilson interval), and by more, because the {unit} of one document are not "
        "independent draws."
    )


def describe_frames(summary: pd.DataFrame) -> str:
    """Name the largest frame share and count the empty cells.

    A share resting on a single cue sentence (1 of 1) is passed over when
    some cell has two or more, and the sentence says so. When some group has
    30 or more sentences, the share is named among such groups (with hundreds
    of small outlets the largest share is otherwise always 2 of 2 sentences
    of an outlet with one short document).

    Parameters
    ----------
    summary : pandas.DataFrame
        ``frame_summary(hits, corpus, by=...)``: ``group``, ``frame``,
        ``sentences_with_frame``, ``n_sentences`` and ``sentence_share``.

    Examples
    --------
    >>> s = pd.DataFrame({"group": ["A", "A", "B", "B"], "frame": ["conflict", "political"] * 2,
    ...                   "sentences_with_frame": [1, 6, 0, 2], "n_sentences": [9, 9, 10, 10],
    ...                   "sentence_share": [0.111, 0.667, 0.0, 0.2]})
    >>> print(describe_frames(s))
    The largest share is political in A (0.667: 6 of 9 sentences). 1 of 4 group-frame cells has no cue sentence at all.
    >>> print(describe_frames(s.assign(sentences_with_frame=[0, 1, 0, 1], n_sentences=[1, 1, 4, 4],
    ...                                sentence_share=[0.0, 1.0, 0.0, 0.25])))
    The largest share is political in A (1.000: 1 of 1 sentences); no cell has more than one cue sentence, so every share rests on one sentence. 2 of 4 group-frame cells have no cue sentence at all.
    >>> big = pd.DataFrame({"group": ["tiny", "tiny", "wire", "wire"], "frame": ["conflict", "political"] * 2,
    ...                     "sentences_with_frame": [2, 0, 12, 20], "n_sentences": [2, 2, 40, 40],
    ...                     "sentence_share": [1.0, 0.0, 0.3, 0.5]})
    >>> print(describe_frames(big))
    The largest share (among groups with 30 or more sentences) is political in wire (0.500: 20 of 40 sentences). 1 of 4 group-frame cells has no cue sentence at all.
    >>> print(describe_frames(s.assign(sentences_with_frame=0, sentence_share=0.0)))
    No frame cue in any group: none of the 4 group-frame cells has a cue sentence, so there is no share to compare.
    """
    cols = ["group", "frame", "sentences_with_frame", "n_sentences", "sentence_share"]
    check_table(summary, cols, "describe_frames", "frame_summary(hits, corpus, by=...)")
    if summary.empty:
        return "No frame cue was found in any group."
    t = summary.sort_values(["group", "frame"], kind="mergesort")
    # shares are rounded to 3 places: on a 1.5 MB Arabic dump 1 of 4,672 sentences is 0.000,
    # tied with the frames that have none, and 'conflict (0.000: 0 of 4,672)' came first
    t = t.sort_values(["sentence_share", "sentences_with_frame"], ascending=False, kind="mergesort")
    top = t.iloc[0]
    if int(t["sentences_with_frame"].sum()) == 0:
        return (
            f"No frame cue in any group: none of the {_plural(len(t), 'group-frame cell')} "
            "has a cue sentence, so there is no share to compare."
        )
    empty = int((t["sentences_with_frame"] == 0).sum())
    scarce = _other_language_frames(summary) + _scarce_frames(t)
    if t["group"].nunique() == 1:  # 10kGNAD, no outlet: 'the largest share is X in (missing)'
        return scarce + _one_group_frames(top, empty, len(t))
    solid = t[t["sentences_with_frame"] >= 2]
    big = solid[solid["n_sentences"] >= _FRAME_GROUP_SENTENCES]
    note = ""
    single = ""
    if int(top["sentences_with_frame"]) < 2 and len(solid):  # 1 of 1: one headline, not a share
        top = solid.iloc[0]
        note = " (among cells with two or more cue sentences)"
    elif not len(solid):
        single = "; no cell has more than one cue sentence, so every share rests on one sentence"
    if len(big) and int(top["n_sentences"]) < _FRAME_GROUP_SENTENCES:  # 2 of 2 in a tiny outlet
        top = big.iloc[0]
        note = f" (among groups with {_FRAME_GROUP_SENTENCES} or more sentences)"
    elif len(solid) and not len(big):  # no group has 30: name it among the largest groups
        top, note = _among_largest_groups(t, solid, top, note)
    return scarce + (
        f"The largest share{note} is {top['frame']} in {top['group']} "
        f"({top['sentence_share']:.3f}: {int(top['sentences_with_frame']):,} of "
        f"{int(top['n_sentences']):,} sentences){single}. "
        f"{empty:,} of {len(t):,} group-frame cells {'has' if empty == 1 else 'have'} no cue "
        "sentence at all."
    )


def _other_language_frames(summary: pd.DataFrame) -> str:
    """A warning when most documents are not in English and the codebook is (the shipped
    one: ``frame_summary`` counts them in ``attrs``), else ''.

    On 1,028 German articles (10kGNAD) the summary read 'the most frequent frame is
    security_defense' under a warning that English cues find only chance matches there
    (German 'war', 'was', is a security cue).
    """
    other, n = summary.attrs.get("other_language_docs", 0), summary.attrs.get("n_docs", 0)
    if not n or other * 2 <= n:
        return ""
    return (
        f"{other:,} of {_plural(n, 'document')} are not in English, and the frame codebook "
        "is: the shares below count English cue words in other languages (chance matches), "
        "not frames. "
    )


def _scarce_frames(t: pd.DataFrame) -> str:
    """A warning when frame cues are almost absent (under 1 % of the sentences), else ''.

    On 664 Moroccan Arabic articles the English codebook matched 2 of 5,209 sentences and
    the report said 'The largest share ... is external_regulation_reputation in Febrayer
    (0.000: 2 of 4,850 sentences)' as if it were a finding.
    """
    n_sentences = int(t.drop_duplicates("group")["n_sentences"].sum())
    hits = int(t["sentences_with_frame"].sum())
    if n_sentences == 0 or hits / n_sentences >= 0.01:
        return ""
    return (
        f"Frame cues are almost absent ({_plural(hits, 'sentence-frame hit')} in "
        f"{_plural(n_sentences, 'sentence')}, under 1 %): every share below rests on a "
        "handful of sentences; is the codebook in the corpus's language? "
    )


def _one_group_frames(top: pd.Series, empty: int, n_frames: int) -> str:
    """describe_frames when the summary has one group: its most frequent frame (``top``)
    and how many of its ``n_frames`` frames have no cue sentence (``empty``)."""
    one = (
        "No document has a group (outlet)"
        if top["group"] == MISSING
        else f"All documents are one group, {top['group']}"
    )
    rest = (
        "Every frame has a cue sentence."
        if empty == 0
        else f"{empty:,} of {_plural(n_frames, 'frame')} {'has' if empty == 1 else 'have'} no "
        "cue sentence at all."
    )
    return (
        f"{one}, so no share can be compared across groups; the most frequent frame is "
        f"{top['frame']} ({top['sentence_share']:.3f}: {int(top['sentences_with_frame']):,} "
        f"of {int(top['n_sentences']):,} sentences). " + rest
    )


def _among_largest_groups(
    t: pd.DataFrame, solid: pd.DataFrame, top: pd.Series, note: str
) -> tuple[pd.Series, str]:
    """describe_frames when no group has 30 sentences: the share among the largest groups.

    UCI News Aggregator headlines (499 from 314 outlets, the largest 19 sentences) led
    with 'economic_consequences in CNNMoney (1.000: 2 of 2 sentences)'. The groups
    at least as large as the tenth largest (ties included) are the pool; with ten
    groups or fewer every group is in it and nothing changes.
    """
    sizes = t.drop_duplicates("group").set_index("group")["n_sentences"].astype(int)
    ranked = sorted(sizes.tolist(), reverse=True)
    if len(ranked) <= _FRAME_LARGEST_GROUPS:
        return top, note
    floor = ranked[_FRAME_LARGEST_GROUPS - 1]
    if int(top["n_sentences"]) >= floor:
        return top, note
    pool = solid[solid["n_sentences"] >= floor]
    if not len(pool):
        return top, note
    k = int((sizes >= floor).sum())
    return pool.iloc[0], (
        f" (among the {k} largest groups, {floor:,} or more sentences each; no group has "
        f"{_FRAME_GROUP_SENTENCES})"
    )


def _extremes(lo: float, hi: float) -> tuple[str, str]:
    """Words for the lowest and highest mean: 'least negative' when no mean is above 0.

    A mean of 0.000 is neither negative nor positive: on Portuguese news 'most positive:
    Brazil in entretenimento (0.000 over 2)' named a row VADER scored no word of, and
    'least negative: Iraq (0.000 over 1)' called a neutral row negative. An extreme that
    rounds to 0.000 is called 'highest' or 'lowest' (the sentence adds that no mean is
    above or below 0).

    >>> _extremes(-0.4, -0.1), _extremes(-0.2, 0.3), _extremes(0.1, 0.5)
    (('most negative', 'least negative'), ('most negative', 'most positive'), ('least positive', 'most positive'))
    >>> _extremes(-0.5, 0.0), _extremes(0.0, 0.4), _extremes(-0.5, 0.0004)
    (('most negative', 'highest'), ('lowest', 'most positive'), ('most negative', 'highest'))
    """
    low = "lowest" if round(lo, 3) == 0 else "most negative" if lo < 0 else "least positive"
    high = "highest" if round(hi, 3) == 0 else "most positive" if hi > 0 else "least negative"
    return low, high


def _zero_note(word: str) -> str:
    """What an extreme of 0.000 means, added inside its parentheses ('' for the others)."""
    if word == "highest":
        return "; no mean is above 0"
    if word == "lowest":
        return "; no mean is below 0"
    return ""


def _all_zero(t: pd.DataFrame) -> str:
    """describe_tone when every mean is 0: the lexicon scored no word ('' otherwise)."""
    if len(t) == 0 or not (t["mean_compound"].round(3) == 0).all():
        return ""
    return (
        f"Every mean is 0.000 ({_plural(len(t), 'row')}): the tone lexicon scored no word of "
        "these sentences, so there is no tone to compare (is the lexicon in their language?)."
    )


def describe_tone(summary: pd.DataFrame) -> str:
    """Name the most negative and most positive (group, target) means and count the intervals.

    When only some rows have a bootstrap interval (two or more documents),
    the extremes are named among those: with hundreds of small outlets the
    extremes of all rows are always single headlines.

    Parameters
    ----------
    summary : pandas.DataFrame
        ``target_sentiment(...).summary``: ``group``, ``target``,
        ``n_sentences``, ``mean_compound`` and ``ci_low``.

    Examples
    --------
    >>> s = pd.DataFrame({"group": ["A", "A", "B"], "target": ["X", "Y", "X"],
    ...                   "n_sentences": [4, 2, 3], "mean_compound": [-0.5, 0.3, 0.1],
    ...                   "ci_low": [None, None, -0.2]})
    >>> print(describe_tone(s))
    Only X in B has a bootstrap interval (mean 0.100 over 3 sentences). The other 2 rows come from a single document (means from -0.500 to 0.300): one article's wording.
    >>> print(describe_tone(s.assign(ci_low=None)))
    Most negative: X in A (mean -0.500 over 4 sentences); most positive: Y in A (0.300 over 2). None of the 3 rows has a bootstrap interval: each comes from a single document.
    """
    cols = ["group", "target", "n_sentences", "mean_compound", "ci_low"]
    check_table(summary, cols, "describe_tone", "target_sentiment(corpus).summary")
    left_out = summary.attrs.get(NOT_ENGLISH)
    if summary.empty:
        if left_out:
            return (
                f"No sentence of an English document mentions any of the targets; {left_out} "
                "were left out as not English (the tone lexicon, VADER, is English)."
            )
        return "No sentence mentions any of the targets."
    text = _tone_sentences(summary)
    if left_out:
        text += f" Left out as not English (the tone lexicon is English): {left_out}."
    return text + _not_scored_note(summary)


#: ``summary.attrs`` key (set by ``target_sentiment``): the groups with no row because every
#: one of their documents was left out as not English
_NOT_SCORED = "not_scored_groups"


def _not_scored_note(summary: pd.DataFrame) -> str:
    """' Not scored (...): A, B.' for groups whose every document is not English; '' if none.

    Such a group has no row at all, so without this a reader takes its absence for "no
    mention of any target" rather than "not read".
    """
    groups = [str(g) for g in summary.attrs.get(_NOT_SCORED) or ()]
    if not groups:
        return ""
    if len(groups) > 8:
        shown = f"{', '.join(groups[:8])} and {len(groups) - 8:,} more"
    else:
        shown = _listing(groups)
    return (
        f" Not scored, every document in a language other than English: {shown} "
        f"({'it has' if len(groups) == 1 else 'they have'} no row, which is not a neutral tone)."
    )


def _tone_sentences(summary: pd.DataFrame) -> str:
    """describe_tone of a summary with rows."""
    t = summary.sort_values(["target", "group"], kind="mergesort")
    t = t.sort_values("mean_compound", kind="mergesort")
    if _all_zero(t):
        return _all_zero(t)
    with_ci = int(t["ci_low"].notna().sum())
    # extremes of one-article rows are one article's wording; of many rows, of the smallest;
    # rows with intervals are named with them (five rows with intervals were named without)
    if with_ci:
        return _tone_with_intervals(t, with_ci)
    lo, hi = t.iloc[0], t.iloc[-1]
    if len(t) == 1:  # "most negative: X; least negative: X. None of the 1 row ..."
        return (
            f"One row: {_who(t, lo)} (mean {lo['mean_compound']:.3f} over "
            f"{_plural(int(lo['n_sentences']), 'sentence')}), from a single document, so no "
            "bootstrap interval: one article's wording."
        )
    low, high = _extremes(float(lo["mean_compound"]), float(hi["mean_compound"]))
    out = (
        f"{low.capitalize()}: {_who(t, lo)} (mean {lo['mean_compound']:.3f} "
        f"over {_plural(int(lo['n_sentences']), 'sentence')}{_zero_note(low)}); {high}: "
        f"{_who(t, hi)} ({hi['mean_compound']:.3f} over {int(hi['n_sentences']):,}"
        f"{_zero_note(high)}). "
    )
    return out + (
        f"None of the {_plural(len(t), 'row')} has a bootstrap interval: each comes from a "
        "single document."
    )


def _who(t: pd.DataFrame, row: pd.Series) -> str:
    """``target in group``, or the target alone when the summary has one group (a corpus without
    outlets is one group, ``(missing)``: "China in (missing)" says nothing)."""
    if t["group"].nunique() == 1:
        return str(row["target"])
    return f"{row['target']} in {row['group']}"


def _tone_with_intervals(t: pd.DataFrame, with_ci: int) -> str:
    """describe_tone when some rows rest on two or more documents: name the extremes among those.

    With more than ten such rows the extremes are named among the rows with the most
    documents (at least as many as the tenth row, ties included), each with its interval:
    on 3,000 cybersecurity headlines from 563 outlets the extremes of the 99 rows with an
    interval were two-document rows ('United Kingdom in Financial Times (mean -0.774 over
    2 sentences)').
    """
    pool = t[t["ci_low"].notna()]
    rest = len(t) - with_ci
    single = t[t["ci_low"].isna()]["mean_compound"]
    tail = ""
    if rest == 1:
        tail = (
            f"The other row comes from a single document (mean {single.iloc[0]:.3f}): one "
            "article's wording."
        )
    elif rest:
        tail = (
            f"The other {_plural(rest, 'row')} come from a single document (means from "
            f"{single.min():.3f} to {single.max():.3f}): one article's wording."
        )
    if with_ci == 1:
        lo = pool.iloc[0]
        if len(t) == 1:
            return f"One row: {_who(t, lo)} ({_tone_numbers(lo, True)})."
        return f"Only {_who(t, lo)} has a bootstrap interval ({_tone_numbers(lo, True)}). " + tail
    lead = (
        f"Among the {with_ci:,} of {len(t):,} rows with a bootstrap interval (two or more "
        "documents)"
        if rest
        else f"Every one of the {len(t):,} rows has a bootstrap interval; among them"
    )
    pool, largest = _best_supported(pool)
    lo, hi = pool.iloc[0], pool.iloc[-1]
    low, high = _extremes(float(lo["mean_compound"]), float(hi["mean_compound"]))
    return (
        f"{lead}{largest}, {low}: {_who(t, lo)} ({_tone_numbers(lo, True)}{_zero_note(low)}); "
        f"{high}: {_who(t, hi)} ({_tone_numbers(hi, False)}{_zero_note(high)}). " + tail
    ).rstrip()


_TONE_LARGEST_ROWS = 10  # extremes among this many rows with the most documents


def _best_supported(pool: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """The rows with the most documents when there are more than ten, and the words for it."""
    size = "n_docs" if "n_docs" in pool.columns else "n_sentences"
    if len(pool) <= _TONE_LARGEST_ROWS:
        return pool, ""
    floor = int(sorted(pool[size].astype(int), reverse=True)[_TONE_LARGEST_ROWS - 1])
    kept = pool[pool[size].astype(int) >= floor]
    what = "documents" if size == "n_docs" else "sentences"
    return kept, f", the {len(kept):,} with the most {what} ({floor:,} or more each)"


def _tone_numbers(row: pd.Series, first: bool) -> str:
    """'mean -0.300, interval -0.500 to -0.100, over 12 sentences in 5 documents' (the
    highest: '0.200, ..., over 25 in 10 documents')."""
    out = f"mean {row['mean_compound']:.3f}" if first else f"{row['mean_compound']:.3f}"
    if "ci_high" in row.index and pd.notna(row["ci_low"]) and pd.notna(row["ci_high"]):
        out += f", interval {row['ci_low']:.3f} to {row['ci_high']:.3f}"
    n = int(row["n_sentences"])
    out += "," if ", interval" in out else ""
    out += f" over {_plural(n, 'sentence')}" if first else f" over {n:,}"
    if "n_docs" in row.index and pd.notna(row["n_docs"]):
        out += f" in {int(row['n_docs']):,} documents"
    return out


def describe_most_negative(table: pd.DataFrame) -> str:
    """Say how many negative sentences there are behind a :func:`most_negative` table.

    Examples
    --------
    >>> t = pd.DataFrame({"compound": [-0.9, -0.5]})
    >>> t.attrs.update({"n_negative": 58, "n_rows": 108})
    >>> print(describe_most_negative(t))
    The 2 most negative of 58 negative sentence-target rows (compound -0.05 or lower; 108 rows in all).
    >>> t.attrs.update({"n_negative": 2, "n_rows": 40})
    >>> print(describe_most_negative(t))
    Only 2 of 40 sentence-target rows are negative (compound -0.05 or lower); both are shown.
    >>> print(describe_most_negative(t.iloc[:0]))
    No sentence-target row is negative (compound -0.05 or lower): there is nothing to show.
    """
    check_table(table, ["compound"], "describe_most_negative", "most_negative(sentences)")
    n_neg = int(table.attrs.get(N_NEGATIVE, len(table)))
    n_rows = int(table.attrs.get(N_ROWS, len(table)))
    cut = "compound -0.05 or lower"
    if n_neg == 0 or table.empty:
        return f"No sentence-target row is negative ({cut}): there is nothing to show."
    if n_neg > len(table):
        return (
            f"The {len(table):,} most negative of {_plural(n_neg, 'negative sentence-target row')}"
            f" ({cut}; {n_rows:,} rows in all)."
        )
    if n_neg == n_rows:
        return f"Every one of the {_plural(n_rows, 'sentence-target row')} is negative ({cut})."
    shown = "it is" if n_neg == 1 else "both are" if n_neg == 2 else "all are"
    verb = "is" if n_neg == 1 else "are"
    return (
        f"Only {n_neg:,} of {_plural(n_rows, 'sentence-target row')} {verb} negative ({cut}); "
        f"{shown} shown."
    )


def describe_mentions(counts: pd.DataFrame, *, top: int = 3) -> str:
    """Name the most mentioned actors with their counts.

    Parameters
    ----------
    counts : pandas.DataFrame
        ``actor_counts(mentions)``: ``actor``, ``n_mentions`` and ``n_docs``.
    top : int, default 3
        Actors named.

    Examples
    --------
    >>> c = pd.DataFrame({"actor": ["China", "Russia", "Qatar"], "n_mentions": [26, 44, 2],
    ...                   "n_docs": [4, 5, 1]})
    >>> print(describe_mentions(c, top=2))
    3 actors found. The most mentioned are Russia (44 mentions in 5 documents) and China (26 in 4).
    """
    check_table(
        counts, ["actor", "n_mentions", "n_docs"], "describe_mentions", "actor_counts(mentions)"
    )
    check_whole("top", top, 1)
    if counts.empty:
        return "No actor from the gazetteer is mentioned in this corpus."
    t = counts.sort_values("actor", kind="mergesort")
    t = t.sort_values("n_mentions", ascending=False, kind="mergesort").head(top)
    first = t.iloc[0]
    items = [
        f"{first['actor']} ({_plural(int(first['n_mentions']), 'mention')} in "
        f"{_plural(int(first['n_docs']), 'document')})"
    ]
    items += [
        f"{r.actor} ({int(r.n_mentions):,} in {int(r.n_docs):,})" for r in t.iloc[1:].itertuples()
    ]
    verb = "is" if len(items) == 1 else "are"
    return f"{_plural(len(counts), 'actor')} found. The most mentioned {verb} {_listing(items)}."


_FEW_MENTIONS = 0.1  # mentions per document under which the reasons are given too


def why_no_mentions(corpus: Any, mentions: pd.DataFrame) -> str:
    """Say in one short line why a corpus has no actor mention: its letter case or its language.

    The 21,295 all-lower-case ABC headlines ("bush chirac hold first meeting since iraq")
    gave "0 mentions of 0 actors" with nothing to say why: names are found by their
    capitals, in English. The reasons are the report header's "letter case" and
    "language" rows (:func:`corpus_tools.report.case_note`,
    :func:`corpus_tools.report.language_note`), read only when ``mentions`` is empty or few. The
    line keeps each row's finding (its first clause) and the one consequence for actors;
    it once repeated both rows in full (290 characters on a lower-case corpus), which the
    header of every report page already shows. With a few mentions (under one per ten
    documents: 4 in 686 Arabic articles, Latin-script names inside Arabic text) the line
    says "Why so few actors are found" with the count. ``''`` with more mentions, or no reason.

    Parameters
    ----------
    corpus : Corpus
        The corpus the mentions were looked for in.
    mentions : pandas.DataFrame
        ``actor_mentions(corpus)``: only its length is read.

    Examples
    --------
    >>> import corpus_tools as ct
    >>> low = ct.load_corpus(pd.DataFrame({"text": ["the leaders met and talked about the war"] * 3}))
    >>> why_no_mentions(low, ct.actor_mentions(low))
    'Why no actor is found: the text is in lower case (3 of 3 documents have no capital letter), and names are found by their capitals.'
    >>> c = ct.load_corpus(pd.DataFrame({"text": ["The leaders of Russia and China met."] * 3}))
    >>> why_no_mentions(c, ct.actor_mentions(c))
    ''
    """
    from .report import case_note, language_note

    if len(corpus) == 0 or len(mentions) >= _FEW_MENTIONS * len(corpus):
        return ""
    found = []
    case = case_note(corpus)
    if case:  # "lower case: 3 of 3 documents have no capital letter; actors, ..."
        which, _, counted = case.split(";")[0].partition(": ")
        found.append(f"the text is in {which} ({counted}), and names are found by their capitals")
    lang = language_note(corpus)
    if lang:  # "German (de): the quote cues ..." / "mostly English, but 8 of 28 ...: ..."
        found.append(f"the language is {lang.split(': ')[0]}, and the actor names are English")
    if not found:
        return ""
    if not len(mentions):
        return f"Why no actor is found: {'; '.join(found)}."
    n = f"{_plural(len(mentions), 'mention')} in {_plural(len(corpus), 'document')}"
    return f"Why so few actors are found ({n}): {'; '.join(found)}."
