"""Figures for source comparison (notebook 02): keyness, similarity, shared passages.

Each function takes a table from :mod:`corpus_tools.compare` and returns a
figure (or an HTML fragment) without showing it; none computes analysis.
Every figure states its n in the title, labels its axes with units, colours
groups with :func:`outlet_colors` and carries a source note. Corpus text in
HTML output is escaped (``html.escape``): corpus text is untrusted.

References
----------
Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words.
*Political Analysis*, 16(4), 372-403.
"""

from __future__ import annotations

import difflib
import html
import math
import re
from typing import Any

import pandas as pd

from ..compare import REUSE_COLUMNS
from ..errors import CorpusValueError
from ._base import outlet_colors, source_note

__all__ = [
    "plot_keyness",
    "plot_similarity",
    "plot_reuse_share",
    "reuse_side_by_side",
    "HTMLFragment",
]


def _need(table: pd.DataFrame, cols: list[str], fn: str, source: str) -> None:
    missing = [c for c in cols if c not in table.columns]
    if missing:
        raise CorpusValueError(
            f"{fn}: the table lacks column(s) {missing}; pass the table from {source}."
        )


def _note(fig: Any, text: str) -> None:
    fig.text(0.01, 0.01, text, fontsize=8, color="#555555", ha="left", va="bottom")


def _empty_figure(title: str, message: str) -> Any:
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8.0, 3.0))
    ax.set_axis_off()
    ax.set_title(title)
    ax.text(0.5, 0.5, message, ha="center", va="center", color="#555555")
    return fig


def plot_keyness(
    table: pd.DataFrame,
    *,
    top_n: int = 10,
    corpus_name: str | None = None,
    n_docs: int | None = None,
) -> Any:
    """Small multiples: the most distinctive terms of every group, side by side.

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`corpus_tools.keyness` (``group, term, count, z``).
    top_n : int, default 10
        Terms shown per group (highest ``z`` first; only ``z > 0``).
    corpus_name : str, optional
        Name used in the source note.
    n_docs : int, optional
        Documents in the corpus, for the source note (default: the sum of
        ``n_docs_group`` over groups).

    Returns
    -------
    matplotlib.figure.Figure
        One panel per group (sorted by name), bars = z-score, labelled with
        the term's count in the group; panels share the x axis so groups can
        be compared.

    Notes
    -----
    z is a ranking device, not a test (METHODS 3.3); with one document per
    group each panel shows one article's vocabulary.
    """
    import matplotlib.pyplot as plt

    _need(table, ["group", "term", "count", "z"], "plot_keyness", "corpus_tools.keyness()")
    t = table[table["z"] > 0]
    t = t.sort_values(["group", "z", "term"], ascending=[True, False, True], kind="mergesort")
    t = t.groupby("group", sort=True).head(top_n)
    groups = sorted(t["group"].astype(str).unique().tolist())
    if n_docs is None and "n_docs_group" in table.columns:
        n_docs = int(table.drop_duplicates("group")["n_docs_group"].sum())
    n_docs = n_docs or 0
    title = f"Distinctive terms per group, each vs the rest (n = {n_docs} documents)"
    if not groups:
        return _empty_figure(title, "No term passed the filters: nothing to show.")
    colors = outlet_colors(groups)
    ncols = min(3, len(groups))
    nrows = math.ceil(len(groups) / ncols)
    height = round(1.2 + nrows * (0.9 + 0.28 * top_n), 1)
    fig, axes = plt.subplots(nrows, ncols, figsize=(11.0, height), sharex=True, squeeze=False)
    zmax = float(t["z"].max())
    for k, ax in enumerate(axes.ravel()):
        if k >= len(groups):
            ax.set_axis_off()
            continue
        g = groups[k]
        d = t[t["group"].astype(str) == g]
        terms = d["term"].tolist()[::-1]
        zs = d["z"].tolist()[::-1]
        counts = d["count"].tolist()[::-1]
        ax.barh(range(len(terms)), zs, color=colors[g])
        for y, (z, c) in enumerate(zip(zs, counts, strict=False)):
            ax.text(z, y, f" {c}", va="center", fontsize=7, color="#333333")
        ax.set_yticks(range(len(terms)), terms, fontsize=8)
        ax.set_xlim(0, zmax * 1.25)
        ndoc = int(d["n_docs_group"].iloc[0]) if "n_docs_group" in d.columns and len(d) else 0
        ax.set_title(f"{g} ({ndoc} doc{'s' if ndoc != 1 else ''})", fontsize=10)
        ax.grid(axis="x", color="#dddddd")
        if k // ncols == nrows - 1 or k + ncols >= len(groups):
            ax.set_xlabel("z-score (weighted log-odds vs rest)")
    fig.suptitle(title)
    _note(fig, source_note(n_docs, corpus_name) + " Bar label = count of the term in the group.")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig


def plot_similarity(
    table: pd.DataFrame, *, corpus_name: str | None = None, labels: dict[str, str] | None = None
) -> Any:
    """Heatmap of pairwise TF-IDF cosine similarity, with the values printed.

    Parameters
    ----------
    table : pandas.DataFrame
        :func:`corpus_tools.similarity` (``a, b, cosine``).
    corpus_name : str, optional
        Name used in the source note.
    labels : dict, optional
        Display names for the ids (e.g. ``{doc_id: "TASS"}``).

    Returns
    -------
    matplotlib.figure.Figure
        Rows and columns sorted by id; the diagonal is 1.
    """
    import matplotlib.pyplot as plt
    import numpy as np

    _need(table, ["a", "b", "cosine"], "plot_similarity", "corpus_tools.similarity()")
    ids = sorted(set(table["a"].astype(str)) | set(table["b"].astype(str)))
    title = f"TF-IDF cosine similarity (n = {len(ids)} items)"
    if len(ids) < 2:
        return _empty_figure(title, "Fewer than two documents or groups: nothing to compare.")
    pos = {d: i for i, d in enumerate(ids)}
    mat = np.eye(len(ids))
    for a, b, v in zip(
        table["a"].astype(str), table["b"].astype(str), table["cosine"], strict=False
    ):
        mat[pos[a], pos[b]] = mat[pos[b], pos[a]] = float(v)
    names = [(labels or {}).get(d, d) for d in ids]
    size = round(min(10.0, 3.5 + 0.6 * len(ids)), 1)
    fig, ax = plt.subplots(figsize=(size + 1.5, size))
    im = ax.imshow(mat, cmap="Blues", vmin=0, vmax=1)
    if len(ids) <= 20:
        for i in range(len(ids)):
            for j in range(len(ids)):
                ax.text(
                    j,
                    i,
                    f"{mat[i, j]:.2f}",
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="white" if mat[i, j] > 0.6 else "black",
                )
    ax.set_xticks(range(len(ids)), names, rotation=45, ha="right", fontsize=8)
    ax.set_yticks(range(len(ids)), names, fontsize=8)
    ax.set_title(title)
    cbar = fig.colorbar(im, ax=ax, fraction=0.046, pad=0.04)
    cbar.set_label("cosine similarity (0 = no shared terms, 1 = same profile)")
    _note(fig, source_note(len(ids), corpus_name) + " Stopwords excluded.")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig


def plot_reuse_share(summary: pd.DataFrame, *, corpus_name: str | None = None) -> Any:
    """Bar chart: the share of each document's words found in another document.

    Parameters
    ----------
    summary : pandas.DataFrame
        :func:`corpus_tools.reuse_summary` (``doc_id, group, n_words, reused_share``).
    corpus_name : str, optional
        Name used in the source note.

    Returns
    -------
    matplotlib.figure.Figure
        One bar per document (largest share on top, at most 30), coloured
        by group, labelled with reused / total words.
    """
    import matplotlib.pyplot as plt

    _need(
        summary,
        ["doc_id", "group", "n_words", "reused_words", "reused_share"],
        "plot_reuse_share",
        "corpus_tools.reuse_summary()",
    )
    n = len(summary)
    title = f"Share of each document shared with another document (n = {n} documents)"
    if n == 0:
        return _empty_figure(title, "No documents.")
    t = summary.sort_values(
        ["reused_share", "doc_id"], ascending=[False, True], kind="mergesort"
    ).head(30)
    colors = outlet_colors(summary["group"].astype(str))
    height = round(max(3.0, min(12.0, 1.6 + 0.4 * len(t))), 1)
    fig, ax = plt.subplots(figsize=(8.0, height))
    names = [f"{d} ({g})" for d, g in zip(t["doc_id"], t["group"], strict=False)][::-1]
    shares = (100 * t["reused_share"]).tolist()[::-1]
    ax.barh(range(len(t)), shares, color=[colors[str(g)] for g in t["group"]][::-1])
    for y, (s, r, w) in enumerate(
        zip(shares, t["reused_words"].tolist()[::-1], t["n_words"].tolist()[::-1], strict=False)
    ):
        ax.text(s, y, f" {r}/{w}", va="center", fontsize=8)
    ax.set_yticks(range(len(t)), names, fontsize=8)
    ax.set_xlim(0, max(10.0, max(shares) * 1.3))
    ax.set_xlabel("Words inside shared passages (% of the document's words)")
    ax.set_ylabel("Document (group)")
    ax.set_title(title)
    ax.grid(axis="x", color="#dddddd")
    _note(fig, source_note(n, corpus_name) + " Label = shared words / all words.")
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    return fig


class HTMLFragment:
    """An HTML snippet for notebooks: ``_repr_html_`` plus a stable text repr."""

    def __init__(self, html_text: str, summary: str) -> None:
        self.html = html_text
        self.summary = summary

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.summary


_WORD = re.compile(r"\S+")


def _diff_html(a: str, b: str) -> tuple[str, str]:
    """Escape both passages, marking words that differ (word-level diff)."""
    wa, wb = _WORD.findall(a), _WORD.findall(b)
    norm = [w.casefold().strip(".,;:!?\"'“”‘’()") for w in wa]
    normb = [w.casefold().strip(".,;:!?\"'“”‘’()") for w in wb]
    sm = difflib.SequenceMatcher(a=norm, b=normb, autojunk=False)
    out_a: list[str] = []
    out_b: list[str] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        ta = html.escape(" ".join(wa[i1:i2]))
        tb = html.escape(" ".join(wb[j1:j2]))
        if op == "equal":
            out_a.append(ta)
            out_b.append(tb)
        else:
            if ta:
                out_a.append(f'<mark style="background:#E69F00">{ta}</mark>')
            if tb:
                out_b.append(f'<mark style="background:#E69F00">{tb}</mark>')
    return " ".join(out_a), " ".join(out_b)


def reuse_side_by_side(
    reuse: pd.DataFrame, *, top_n: int = 5, labels: dict[str, str] | None = None
) -> HTMLFragment:
    """Shared passages side by side, words that differ highlighted (escaped HTML).

    Parameters
    ----------
    reuse : pandas.DataFrame
        :func:`corpus_tools.text_reuse` rows (the first ``top_n`` are shown).
    top_n : int, default 5
        Passages shown.
    labels : dict, optional
        Display names for doc ids (e.g. ``{doc_id: "TASS"}``).

    Returns
    -------
    HTMLFragment
        Displays as a two-column table in Jupyter; its text repr names how
        many passages it shows.

    Examples
    --------
    >>> import pandas as pd
    >>> r = pd.DataFrame({"doc_a": ["a"], "a_start": [0], "a_end": [9], "doc_b": ["b"],
    ...     "b_start": [4], "b_end": [13], "n_words": [2], "identity": [1.0],
    ...     "text_a": ["<b>x</b> y"], "text_b": ["<b>x</b> y"],
    ...     "in_quotes_a": [False], "in_quotes_b": [True]})
    >>> frag = reuse_side_by_side(r)
    >>> frag
    <1 shared passage shown side by side>
    >>> "&lt;b&gt;" in frag.html and "<b>x" not in frag.html
    True
    """
    _need(
        reuse,
        REUSE_COLUMNS[: REUSE_COLUMNS.index("in_quotes_b") + 1],
        "reuse_side_by_side",
        "corpus_tools.text_reuse()",
    )
    rows = reuse.head(top_n)
    names = labels or {}
    parts = [
        '<table style="border-collapse:collapse;width:100%;table-layout:fixed">',
        "<tr><th style='text-align:left'>document A</th>"
        "<th style='text-align:left'>document B</th></tr>",
    ]
    for r in rows.itertuples(index=False):
        ha, hb = _diff_html(str(r.text_a), str(r.text_b))
        qa = " · inside quotation marks" if r.in_quotes_a else ""
        qb = " · inside quotation marks" if r.in_quotes_b else ""
        head_a = html.escape(f"{names.get(r.doc_a, r.doc_a)} [{r.a_start}:{r.a_end}]{qa}")
        head_b = html.escape(f"{names.get(r.doc_b, r.doc_b)} [{r.b_start}:{r.b_end}]{qb}")
        info = html.escape(f"{r.n_words} matching words, identity {r.identity:.2f}")
        parts.append(
            "<tr style='border-top:1px solid #ccc'>"
            f"<td style='vertical-align:top;padding:4px'><b>{head_a}</b><br>{ha}</td>"
            f"<td style='vertical-align:top;padding:4px'><b>{head_b}</b><br>{hb}"
            f"<br><small>{info}</small></td></tr>"
        )
    parts.append("</table>")
    k = len(rows)
    summary = f"<{k} shared passage{'s' if k != 1 else ''} shown side by side>"
    if k == 0:
        return HTMLFragment("<p>No shared passages.</p>", summary)
    return HTMLFragment("\n".join(parts), summary)
