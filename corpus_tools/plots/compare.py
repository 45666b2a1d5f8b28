"""Figures for source comparison (notebook 02): keyness, similarity, shared passages.

Each function takes a table from :mod:`corpus_tools.keyness`,
:mod:`corpus_tools.similarity` or :mod:`corpus_tools.reuse` and returns a
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
import os
import re
from collections import Counter
from typing import Any, NamedTuple

import pandas as pd

from ..errors import check_table
from ..narrate import own_name_terms
from ..reuse import REUSE_COLUMNS
from ._base import (
    OKABE_ITO,
    PALETTE_SIZE,
    cap_phrase,
    check_top_n,
    figure_note,
    label_tag,
    message_figure,
    middle_label,
    plot_label,
    shown_colors,
    source_note,
    text_color_on,
    top_by_size,
    whole_table,
)

__all__ = [
    "plot_keyness",
    "plot_similarity",
    "plot_reuse_share",
    "reuse_side_by_side",
    "HTMLFragment",
]


def _need(table: pd.DataFrame, cols: list[str], fn: str, source: str) -> None:
    check_table(table, cols, fn, source, bare_ok=False)


_note = figure_note


def plot_keyness(
    table: pd.DataFrame,
    *,
    top_n: int = 10,
    corpus_name: str | None = None,
    n_docs: int | None = None,
    top_groups: int = 12,
) -> Any:
    """Small multiples: the most distinctive terms of the largest groups, side by side.

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
    top_groups : int, default 12
        Panels drawn: the groups with most documents (``n_docs_group``; the
        summed term counts when that column is absent), largest first. The
        title says "top 12 of N groups" and the note how many documents the
        other groups hold; their terms stay in the table.

    Returns
    -------
    matplotlib.figure.Figure
        One panel per shown group (largest first, ties by name), bars =
        z-score, labelled with the term's count in the group; panels share
        the x axis so groups can be compared.

    Notes
    -----
    z is a ranking device, not a test (docs/methods.md); with one document per
    group each panel shows one article's vocabulary.
    """
    import matplotlib.pyplot as plt

    _need(table, ["group", "term", "count", "z"], "plot_keyness", "corpus_tools.keyness()")
    check_top_n(top_n)
    check_top_n(top_groups, "top_groups")
    if not len(table):  # keyness compares groups: one group (or none) gives no row at all
        return message_figure(
            "Distinctive terms per group, each vs the rest"
            + (f" (n = {n_docs:,} documents)" if n_docs else ""),
            "The keyness table is empty: nothing to show. It needs two or more groups\n"
            "to compare (group by a column with two or more values; by='doc_id' compares documents).",
        )
    p = _keyness_panels(table, top_n, top_groups, n_docs)
    groups = p.groups
    title = f"Distinctive terms per group, each vs the rest (n = {p.n_docs:,} documents"
    title += (
        f"; {cap_phrase(len(groups), p.n_groups, 'group')})" if len(groups) < p.n_groups else ")"
    )
    if not groups:
        return message_figure(title, "No term passed the filters: nothing to show.")
    colors = shown_colors(p.size_of, groups)
    per_group = dict(tuple(p.terms.groupby("group", sort=False)))
    ncols = min(3, len(groups))
    nrows = math.ceil(len(groups) / ncols)
    height = round(1.4 + nrows * (0.9 + 0.28 * top_n), 1)
    fig, axes = plt.subplots(nrows, ncols, figsize=(11.0, height), sharex=True, squeeze=False)
    zmax = float(p.terms["z"].max())
    slots = max(len(d) for d in per_group.values())  # rows per panel: bars the same height
    for k, ax in enumerate(axes.ravel()):
        if k >= len(groups):
            ax.set_axis_off()
            continue
        g = groups[k]
        ndoc = int(p.size_of.get(g, 0)) if p.has_docs else 0
        _keyness_panel(ax, per_group[g], colors[g], zmax, slots)
        ax.set_title(f"{plot_label(g, 32)} ({ndoc:,} doc{'s' if ndoc != 1 else ''})", fontsize=10)
        if k // ncols == nrows - 1 or k + ncols >= len(groups):
            _bottom_axis(ax)
    fig.suptitle(plot_label(title, None))
    _note(fig, _keyness_note(p, corpus_name))
    return fig


def _bottom_axis(ax: Any) -> None:
    """Axis title and tick numbers of a panel with no panel below it.

    A shared x axis hides tick labels above the last row, so with 5 groups in 3 columns the
    third panel of the first row had an axis title and no numbers.
    """
    ax.set_xlabel("z-score (weighted log-odds vs rest)")
    ax.xaxis.set_tick_params(labelbottom=True)


class _KeynessPanels(NamedTuple):
    """What :func:`plot_keyness` draws: the shown groups and their top terms."""

    terms: pd.DataFrame  # rows drawn: top_n terms with z > 0 per shown group
    groups: list[str]  # shown groups, largest first
    size_of: dict[str, int]  # group -> documents (or summed counts without n_docs_group)
    n_groups: int  # groups in the table (those without a row are counted in no_row)
    has_docs: bool  # the table has n_docs_group
    n_docs: int  # documents in the corpus, for the title and note
    no_row: tuple[int, int] = (0, 0)  # groups of the corpus without a row, and their documents


def _keyness_panels(
    table: pd.DataFrame, top_n: int, top_groups: int, n_docs: int | None
) -> _KeynessPanels:
    groups_all = table["group"].astype(str)
    has_docs = "n_docs_group" in table.columns
    if has_docs:
        sizes = table.assign(group=groups_all).drop_duplicates("group")
        size_of = dict(zip(sizes["group"], sizes["n_docs_group"].astype(int), strict=False))
    else:
        size_of = table.assign(group=groups_all).groupby("group")["count"].sum().to_dict()
    in_table = int(sum(size_of.values())) if has_docs else 0
    if n_docs is None and has_docs:
        # keyness() says how many documents and groups its corpus had: groups whose terms
        # all fail the filters have no row (UCI headlines: 494 of 499 documents in the table)
        n_docs = max(int(table.attrs.get("n_docs") or 0), in_table)
    no_row = (0, 0)
    if has_docs and n_docs:
        no_row = (max(int(table.attrs.get("n_groups") or 0) - len(size_of), 0), n_docs - in_table)
    t = table[table["z"] > 0].assign(group=lambda d: d["group"].astype(str))
    with_terms = {g: size_of.get(g, 0) for g in t["group"].unique().tolist()}
    groups = top_by_size(with_terms, top_groups)
    t = t[t["group"].isin(groups)]
    t = t.sort_values(["group", "z", "term"], ascending=[True, False, True], kind="mergesort")
    t = t.groupby("group", sort=True).head(top_n)
    return _KeynessPanels(t, groups, size_of, len(size_of), has_docs, n_docs or 0, no_row)


def _in_parens(label: str) -> str:
    """``(label)``, or the label as it is when it already reads ``(missing)``."""
    return label if label.startswith("(") and label.endswith(")") else f"({label})"


def _middle_cut(label: str, max_len: int) -> str:
    """``label`` for an axis, shortened in the middle: its end is usually what tells rows apart.

    ``"theguardian.com · guardian_vs_300#248"`` (37 characters) becomes
    ``"theguardian.com ·…uardian_vs_300#248"``, not ``"theguardian.com · guardian_vs_300#2…"``.
    """
    text = plot_label(label, None)
    if len(text) <= max_len:
        return text
    head = (max_len - 1) // 2
    return f"{text[:head]}…{text[len(text) - (max_len - 1 - head) :]}"


def _two_lines(label: str, width: int) -> str:
    """``label`` for an axis: on two lines of at most ``width`` characters when longer.

    Broken after a `` · `` (outlet · document id) or at the last space that fits; the second
    line, when still too long, is cut in the middle. Cut to one line, the documents of one
    outlet all read ``"The New York Time…28a2a028b"`` (1,324 NYT snippets, 20 rows): the
    outlet lost its name and the id most of itself.

    >>> print(_two_lines("The New York Times · 5ac71af4068401528a3989", 36))
    The New York Times ·
    5ac71af4068401528a3989
    >>> _two_lines("TASS · 002_b694c181", 36)
    'TASS · 002_b694c181'
    >>> print(_two_lines("x" * 40, 36))
    xxxxxxxxxxxxxxxxx…xxxxxxxxxxxxxxxxxx
    """
    text = str(label)
    if len(text) <= width:
        return plot_label(text, None)
    cut = text.rfind(" \u00b7 ", 0, width)
    cut = cut + 2 if cut > 0 else text.rfind(" ", width // 3, width + 1)
    if cut <= 0:
        return _middle_cut(text, width)
    return f"{plot_label(text[:cut].rstrip(), None)}\n{_middle_cut(text[cut:].strip(), width)}"


def common_folder(names: list[str]) -> str:
    """The folder path every name begins with (up to and with its last ``/``), or ``""``.

    A folder of files gives ids such as ``plain.html/test/a1QTd...-152.txt.plain``: cut to 36
    characters for an axis, every label began ``plain.html/test/a…`` and only its last 18
    characters told two rows apart.

    >>> common_folder(["plain.html/test/a1-152.txt", "plain.html/test/b7-9.txt"])
    'plain.html/test/'
    >>> common_folder(["news/a.txt", "blogs/b.txt"]), common_folder(["a/x.txt"])
    ('', '')
    """
    if len(names) < 2:
        return ""
    head = os.path.commonprefix(names)
    return head[: head.rfind("/") + 1]


def _distinct_names(ids: list[str], labels: dict[str, str]) -> tuple[list[str], str]:
    """Axis labels for ``ids``: the given label, or the id itself where two labels collide,
    without the folder path all of them begin with (returned second, for the note).

    A label shortened by the caller (``d[:12]``) can name two documents; such
    an item is labelled by its full id (or, when that is too long, its label
    and :func:`label_tag` of the id), so no two rows of a figure read the same.
    """
    given = [labels.get(d, d) for d in ids]
    folder = common_folder(given)
    names = [_two_lines(g[len(folder) :], 36) for g in given]
    seen = Counter(names)
    for i, d in enumerate(ids):
        if seen[names[i]] > 1:
            full = plot_label(d, 36)
            names[i] = full if full == plot_label(d, None) else f"{names[i][:28]} #{label_tag(d)}"
    again = Counter(names)  # ids that still collide once shortened get a tag of the full id
    return [
        f"{n[:28]} #{label_tag(d)}" if again[n] > 1 else n for n, d in zip(names, ids, strict=True)
    ], folder


def _keyness_panel(ax: Any, d: pd.DataFrame, color: Any, zmax: float, slots: int) -> None:
    """One group's bars, strongest on top, in ``slots`` rows of the same height in every panel.

    Sized to its own terms, a panel with one term drew a single bar as tall as the panel.
    """
    terms = [plot_label(x, 28) for x in d["term"].tolist()]
    ys = [slots - 1 - i for i in range(len(terms))]
    zs, counts = d["z"].tolist(), d["count"].tolist()
    bars = ax.barh(ys, zs, height=0.8, color=color)
    for bar, own in zip(bars, own_name_terms(d).tolist(), strict=False):
        if own:  # the group's own name: drawn pale and hatched, see _keyness_note
            bar.set_alpha(0.35)
            bar.set_hatch("///")
    for y, z, c in zip(ys, zs, counts, strict=False):
        ax.text(z, y, f" {c}", va="center", fontsize=7, color="#333333")
    ax.set_yticks(ys[::-1], terms[::-1], fontsize=8)  # ticks listed bottom to top
    ax.set_ylim(-0.5, slots - 0.5)
    ax.set_xlim(0, zmax * 1.25)
    ax.grid(axis="x", color="#dddddd")


def _keyness_note(p: _KeynessPanels, corpus_name: str | None) -> str:
    note = source_note(p.n_docs, corpus_name) + " Bar label = count of the term in the group."
    if own_name_terms(p.terms).any():
        note += (
            "\nPale hatched bars: the group's own name or a word of it (the texts carry it, e.g. "
            "as a source suffix or byline): it tells the groups apart, not what they say."
        )
    if len(p.groups) < p.n_groups:
        rest = p.n_groups - len(p.groups)
        shown = set(p.groups)
        rest_docs = int(sum(v for k, v in p.size_of.items() if k not in shown))
        what = f" with {rest_docs:,} documents" if p.has_docs else ""
        note += f"\nLeft out: {rest:,} smaller groups{what}.\n"
        note += whole_table("corpus_tools.keyness()", "Their terms are")
    n_groups, n_docs = p.no_row
    if n_docs > 0:
        groups = f"{n_groups:,} group{'s' if n_groups != 1 else ''}, " if n_groups else ""
        note += (
            f"\nNo row in the table: {groups}{n_docs:,} document{'s' if n_docs != 1 else ''} "
            "(none of their terms passes the filters min_count / min_docs)."
        )
    return note


def plot_similarity(
    table: pd.DataFrame,
    *,
    corpus_name: str | None = None,
    labels: dict[str, str] | None = None,
    top_n: int = 20,
    sizes: Any = None,
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
    top_n : int, default 20
        Rows and columns drawn. With ``sizes`` (a mapping id -> size, e.g.
        documents per outlet) the largest items are kept; otherwise the
        items with the strongest pair (highest cosine to any other item).
        The title says "top 20 of N items".
    sizes : dict or pandas.Series, optional
        See ``top_n``.

    Returns
    -------
    matplotlib.figure.Figure
        Rows and columns sorted by id; the diagonal (an item with itself) is a
        plain grey cell, so a printed 1.00 always means two items with the same
        profile; pairs missing from the table (e.g. below a top-k cut) are blank.
        Without ``sizes``, pairs with the same profile (cosine 1.00, duplicates)
        do not choose the items when other pairs exist: on 3,000 cybersecurity
        descriptions with 32 such pairs, all 20 items drawn were duplicates, and
        the figure repeated the duplicates table.
    """
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.patches import Rectangle

    _need(table, ["a", "b", "cosine"], "plot_similarity", "corpus_tools.similarity()")
    check_top_n(top_n)
    a_ids = table["a"].astype(str).to_numpy()
    b_ids = table["b"].astype(str).to_numpy()
    cos = table["cosine"].astype(float).to_numpy()
    all_ids = set(a_ids.tolist()) | set(b_ids.tolist())
    groups = _group_sizes(table)  # groups (outlets): their documents choose and label them
    chosen, how = _similarity_items(
        a_ids, b_ids, cos, all_ids, top_n, groups if sizes is None else sizes
    )
    ids = sorted(chosen)
    n_all = len(all_ids)
    title = f"TF-IDF cosine similarity (n = {n_all:,} items"
    title += f"; {_drawn_phrase(len(ids), how)})" if len(ids) < n_all else ")"
    if len(ids) < 2:
        return message_figure(title, "Fewer than two documents or groups: nothing to compare.")
    mat = _similarity_matrix(ids, a_ids, b_ids, cos)
    names, folder = _distinct_names(ids, labels or {})
    if groups:
        names = [f"{n} (n={groups.get(i, 0):,})" for n, i in zip(names, ids, strict=True)]
    size = round(min(10.0, 3.5 + 0.6 * len(ids)), 1)
    fig, ax = plt.subplots(figsize=(size + 1.5, size + 0.4))
    im = ax.imshow(np.ma.masked_invalid(mat), cmap="Blues", vmin=0, vmax=1)
    for i in range(len(ids)):  # an item with itself: not a finding, so no value and no blue
        ax.add_patch(Rectangle((i - 0.5, i - 0.5), 1, 1, facecolor="#e6e6e6", edgecolor="none"))
    if len(ids) <= 20:
        _label_cells(ax, im, mat)
    ax.set_xticks(range(len(ids)), names, rotation=45, ha="right", fontsize=8)
    ax.set_yticks(range(len(ids)), names, fontsize=8)
    ax.set_title(plot_label(title, None))
    cbar = fig.colorbar(im, ax=ax, fraction=0.046, pad=0.04)
    cbar.set_label("cosine similarity (0 = no shared terms, 1 = same profile)")
    _note(fig, _similarity_note(table, mat, cos, n_all, corpus_name, folder, how, groups))
    return fig


def _group_sizes(table: pd.DataFrame) -> dict[str, int] | None:
    """Documents per item when :func:`corpus_tools.similarity` compared groups (``n_docs_a``,
    ``n_docs_b``, some above 1), else None (documents compared one by one)."""
    if not {"n_docs_a", "n_docs_b"} <= set(table.columns) or not len(table):
        return None
    sizes: dict[str, int] = {}
    for side in ("a", "b"):
        pairs = zip(table[side].astype(str), table[f"n_docs_{side}"], strict=True)
        sizes.update((k, int(v)) for k, v in pairs if pd.notna(v))
    return sizes if sizes and max(sizes.values()) > 1 else None


def _similarity_note(
    table: pd.DataFrame,
    mat: Any,
    cos: Any,
    n_all: int,
    corpus_name: str | None,
    folder: str,
    how: str,
    groups: dict[str, int] | None = None,
) -> str:
    """The note under :func:`plot_similarity`'s heatmap of ``mat`` (``n_all`` items in all;
    ``groups``: the documents of each item when the items are groups of documents)."""
    import numpy as np

    n_drawn = len(mat)
    if groups:  # n counts documents: the items are groups of them
        note = source_note(sum(groups.values()), corpus_name)[:-1] + f" in {n_all:,} groups."
    else:
        note = source_note(n_all, corpus_name)
    note += " Stopwords excluded. Grey: an item with itself."
    if np.isnan(mat[~np.eye(n_drawn, dtype=bool)]).any():  # white reads as 0 on the scale
        top_k = table.attrs.get("similarity_top_k")
        cut = f"not among either item's {top_k} nearest, or " if top_k else ""
        cut += "no shared term"
        note += f"\nBlank: a pair the table does not hold ({cut})."
    if folder:
        note += f" Labels leave out the folder every one is in: {plot_label(folder, 60)}"
    if how.endswith("below 1.00"):  # the title stays one line; the duplicates are named here
        n_same = int((cos >= _SAME_PROFILE).sum())
        # both items of a duplicate pair can be drawn for their other pairs (63 Citi headlines:
        # two 1.00 cells under a note that said the duplicates were not drawn)
        drawn = int((np.nan_to_num(np.triu(mat, 1)) >= _SAME_PROFILE).sum())
        how_drawn = f"{drawn:,} drawn (their items have other pairs)" if drawn else "not drawn"
        note += (
            f"\nPairs with the same profile (cosine 1.00): {n_same:,}, in {_SIM_TABLE}, "
            f"{how_drawn}."
        )
    if n_drawn < n_all:
        note += f"\nLeft out: {n_all - n_drawn:,} items.\n" + whole_table(_SIM, "Their pairs are")
    return note


def _similarity_matrix(ids: list[str], a_ids: Any, b_ids: Any, cos: Any) -> Any:
    """The symmetric matrix of ``ids``' cosines; NaN where no pair (and on the diagonal,
    drawn grey)."""
    import numpy as np

    pos = {d: i for i, d in enumerate(ids)}
    mat = np.full((len(ids), len(ids)), np.nan)
    keep = np.isin(a_ids, ids) & np.isin(b_ids, ids)
    for a, b, v in zip(
        a_ids[keep].tolist(), b_ids[keep].tolist(), cos[keep].tolist(), strict=False
    ):
        mat[pos[a], pos[b]] = mat[pos[b], pos[a]] = float(v)
    return mat


_SAME_PROFILE = 0.9995  # prints as 1.00 (same word profile): a duplicate, not a likeness


def _drawn_phrase(n_drawn: int, how: str) -> str:
    """Say which items the heatmap draws, after the title's ``n = N items``.

    Examples
    --------
    >>> _drawn_phrase(20, "largest"), _drawn_phrase(20, "with the strongest pair below 1.00")
    ('the 20 largest drawn', 'drawn: the 20 with the strongest pairs below 1.00')
    """
    if how == "largest":
        return f"the {n_drawn:,} largest drawn"
    return f"drawn: the {n_drawn:,} {how.replace('strongest pair', 'strongest pairs')}"


def _similarity_items(
    a_ids: Any, b_ids: Any, cos: Any, all_ids: set[str], top_n: int, sizes: Any
) -> tuple[list[str], str]:
    """The items :func:`plot_similarity` draws, and how they were chosen."""
    if sizes is not None:
        chosen = top_by_size({k: v for k, v in dict(sizes).items() if str(k) in all_ids}, top_n)
        chosen += sorted(all_ids - set(chosen))[: max(top_n - len(chosen), 0)]
        return chosen, "largest"
    if len(all_ids) <= top_n:
        return sorted(all_ids), ""
    same = cos >= _SAME_PROFILE
    n_same = int(same.sum()) if not same.all() else 0
    # duplicates are their own table: the other pairs choose the items, duplicates fill up
    chosen = _pair_items(a_ids[~same], b_ids[~same], cos[~same], top_n, [])
    chosen = _pair_items(a_ids, b_ids, cos, top_n, chosen)
    how = "with the strongest pair below 1.00" if n_same else "with the strongest pair"
    return chosen, how


def _pair_items(a_ids: Any, b_ids: Any, cos: Any, top_n: int, chosen: list[str]) -> list[str]:
    """``chosen`` and the items of the strongest pairs, both items of a pair or neither.

    Chosen one item at a time (each item's best cosine), the last of 20 items could miss
    its partner (a tie at the cut, or a partner among the duplicates left out): its row
    and column drew only the grey diagonal, an empty row. A pair that would cross the cut
    is skipped for a weaker one that fits, so every drawn item has a drawn pair.

    >>> import numpy as np
    >>> a, b = np.array(["x", "y", "p"]), np.array(["z", "w", "q"])
    >>> _pair_items(a, b, np.array([0.9, 0.8, 0.8]), 3, [])
    ['x', 'z']
    >>> _pair_items(a, b, np.array([0.9, 0.8, 0.8]), 4, [])
    ['x', 'z', 'p', 'q']
    """
    import numpy as np

    start = list(chosen)
    # the strongest pairs first; a full sort of 1,000,000 nearest-neighbour pairs took 12.6 CPU s,
    # so the 64 x top_n strongest (ties at the cut included) are sorted first, all only if needed
    head = 64 * max(top_n, 1)
    if len(cos) > head:
        cut = np.partition(cos, len(cos) - head)[len(cos) - head]
        top = np.flatnonzero(cos >= cut)
        chosen = _take_pairs(a_ids[top], b_ids[top], cos[top], top_n, list(start))
        if len(chosen) >= top_n:
            return chosen
    return _take_pairs(a_ids, b_ids, cos, top_n, list(start))


def _take_pairs(a_ids: Any, b_ids: Any, cos: Any, top_n: int, chosen: list[str]) -> list[str]:
    """:func:`_pair_items` over the pairs given, strongest first (ties by the items' ids)."""
    taken = set(chosen)
    order = sorted(
        zip(cos.tolist(), a_ids.tolist(), b_ids.tolist(), strict=False),
        key=lambda t: (-t[0], t[1], t[2]),
    )
    for _, a, b in order:
        if len(chosen) >= top_n:
            break
        new = [x for x in dict.fromkeys((a, b)) if x not in taken]
        if not new or len(chosen) + len(new) > top_n:
            continue
        chosen.extend(new)
        taken.update(new)
    return chosen


def _label_cells(ax: Any, im: Any, mat: Any) -> None:
    """Print each cell's value, in a colour readable on the cell."""
    import numpy as np

    n = len(mat)
    for i in range(n):
        for j in range(n):
            if np.isnan(mat[i, j]):
                continue
            ax.text(
                j,
                i,
                _cell_text(float(mat[i, j])),
                ha="center",
                va="center",
                fontsize=8 if n <= 12 else 6,
                color=text_color_on(im.cmap(im.norm(mat[i, j]))),
            )


def _cell_text(value: float) -> str:
    """A cell's value to 2 decimals, or 3 where 2 would print a likeness as a duplicate's 1.00.

    2,095 BBC articles: drawn pairs of cosine 0.998 read "1.00" under a title and a note
    saying the pairs of 1.00 were not drawn.

    >>> _cell_text(0.8123), _cell_text(0.998), _cell_text(1.0)
    ('0.81', '0.998', '1.00')
    """
    text = f"{value:.2f}"
    if text == "1.00" and value < _SAME_PROFILE:
        return f"{value:.3f}"
    return text


_SIM = "corpus_tools.similarity()"
_SIM_TABLE = f"the table from {_SIM}"


def _reuse_title(n: int, shown: int, n_reused: int) -> str:
    """The share figure's title; its cap counts the documents with a bar (a shared passage).

    10kGNAD read 'top 30 of 1,028 documents' over 30 bars when 32 documents share a passage.

    >>> _reuse_title(1028, 30, 32)
    'Share of each document shared with another document (n = 1,028 documents; top 30 of 32 documents with a shared passage)'
    """
    title = f"Share of each document shared with another document (n = {n:,} documents"
    if 0 < n_reused < n:
        return title + f"; {cap_phrase(shown, n_reused, 'document')} with a shared passage)"
    return title + (
        f"; {cap_phrase(shown, n, 'document')})" if 0 < shown < n else ")"
    )  # no "top 0"


def plot_reuse_share(
    summary: pd.DataFrame, *, corpus_name: str | None = None, top_n: int = 30
) -> Any:
    """Bar chart: the share of each document's words found in another document.

    Parameters
    ----------
    summary : pandas.DataFrame
        :func:`corpus_tools.reuse_summary` (``doc_id, group, n_words, reused_share``).
    corpus_name : str, optional
        Name used in the source note.
    top_n : int, default 30
        Bars drawn (largest shares); the title says "top 30 of N documents".
        Documents sharing nothing get no bar (the note says how many).

    Returns
    -------
    matplotlib.figure.Figure
        One bar per document (largest share on top), coloured by group,
        labelled with reused / total words.
    """
    import matplotlib.pyplot as plt

    _need(
        summary,
        ["doc_id", "group", "n_words", "reused_words", "reused_share"],
        "plot_reuse_share",
        "corpus_tools.reuse_summary()",
    )
    check_top_n(top_n)
    n = len(summary)
    n_reused = int((summary["reused_share"] > 0).sum())  # documents with a bar to draw
    shown = min(n_reused, top_n)
    title = _reuse_title(n, shown, n_reused)
    if n == 0:
        return message_figure(title, "No documents.")
    if n_reused == 0:
        return message_figure(title, "No passage is shared between documents: nothing to draw.")
    t = (
        summary[summary["reused_share"] > 0]
        .sort_values(["reused_share", "doc_id"], ascending=[False, True], kind="mergesort")
        .head(top_n)
    )
    colors = shown_colors(summary["group"].astype(str), t["group"].astype(str))
    if t["group"].astype(str).nunique() > PALETTE_SIZE:  # colours would repeat: the label names it
        colors = dict.fromkeys(colors, OKABE_ITO[0])
    height = round(max(3.0, min(12.0, 1.6 + 0.4 * len(t))), 1)
    fig, ax = plt.subplots(figsize=(8.0, height))
    one_group = summary["group"].astype(str).nunique() <= 1  # e.g. no outlet anywhere: "(missing)"
    names = [
        middle_label(d, 30)
        if one_group
        else f"{middle_label(d, 30)} {_in_parens(plot_label(g, 20))}"
        for d, g in zip(t["doc_id"], t["group"], strict=False)
    ][::-1]
    shares = (100 * t["reused_share"]).tolist()[::-1]
    ax.barh(range(len(t)), shares, color=[colors[str(g)] for g in t["group"]][::-1])
    for y, (s, r, w) in enumerate(
        zip(shares, t["reused_words"].tolist()[::-1], t["n_words"].tolist()[::-1], strict=False)
    ):
        ax.text(s, y, f" {int(r):,}/{int(w):,}", va="center", fontsize=8)
    ax.set_yticks(range(len(t)), names, fontsize=8)
    ax.set_xlim(0, max(10.0, max(shares) * 1.3))
    ax.set_xticks([x for x in ax.get_xticks() if 0 <= x <= 100])  # no share past 100 %
    ax.set_xlabel("Words inside shared passages (% of the document's words)")
    ax.set_ylabel("Document" if one_group else "Document (group)")
    ax.set_title(plot_label(title, None))
    ax.grid(axis="x", color="#dddddd")
    note = source_note(n, corpus_name) + " Label = shared words / all words."
    if shown < n_reused:
        cut = float(t["reused_share"].iloc[-1])
        tied = int((summary["reused_share"] == cut).sum()) - int((t["reused_share"] == cut).sum())
        smaller = f"{n_reused - shown:,} documents with smaller shares"
        if tied:  # the cut falls inside a tie: "smaller" would be wrong for these
            smaller = f"{n_reused - shown:,} documents, {tied:,} of them also at {100 * cut:.0f} %"
        note += f"\nLeft out: {smaller}.\n" + whole_table("corpus_tools.reuse_summary()")
    if n_reused < n:
        note += f"\n{n - n_reused:,} documents share no passage (0 %): no bar."
    _note(fig, note)
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


#: Words kept at each end of a run of identical words; longer runs are cut in the middle.
DIFF_CONTEXT = 20
_ELIDED = '<span style="color:#555555">[… {n:,} identical words not shown …]</span>'


def _equal_run(words: list[str], at_start: bool, at_end: bool, context: int) -> str:
    """Escaped identical words; a run longer than ``2 * context + 10`` words is cut in the middle.

    A shared passage of 812 words was printed in full, twice, three passages to a cell: the
    words that differ (the point of the view) were lost in pages of text. Only identical words
    are cut; where the run opens or closes the passage, its outer end is cut too.
    """
    if len(words) <= 2 * context + 10:
        return html.escape(" ".join(words))
    head = [] if at_start else words[:context]
    tail = [] if at_end else words[-context:]
    if at_start and at_end:  # the whole passage is one identical run: its ends
        head, tail = words[:context], words[-context:]
    cut = len(words) - len(head) - len(tail)
    return " ".join(
        part
        for part in (
            html.escape(" ".join(head)),
            _ELIDED.format(n=cut),
            html.escape(" ".join(tail)),
        )
        if part
    )


def _diff_html(a: str, b: str, context: int = DIFF_CONTEXT) -> tuple[str, str]:
    """Escape both passages, marking words that differ (word-level diff).

    Runs of identical words longer than ``2 * context + 10`` keep ``context`` words next
    to each difference (:func:`_equal_run`).

    >>> long = " ".join(f"w{i}" for i in range(100))
    >>> ha, hb = _diff_html(long + " end", long + " fin", context=3)
    >>> ha.split("</span> ")[1]
    'w97 w98 w99 <mark style="background:#E69F00">end</mark>'
    >>> "97 identical words" in ha and "97 identical words" in hb
    True
    """
    wa, wb = _WORD.findall(a), _WORD.findall(b)
    norm = [w.casefold().strip(".,;:!?\"'“”‘’()") for w in wa]
    normb = [w.casefold().strip(".,;:!?\"'“”‘’()") for w in wb]
    sm = difflib.SequenceMatcher(a=norm, b=normb, autojunk=False)
    out_a: list[str] = []
    out_b: list[str] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            first, last = i1 == 0 and j1 == 0, i2 == len(wa) and j2 == len(wb)
            out_a.append(_equal_run(wa[i1:i2], first, last, context))
            out_b.append(_equal_run(wb[j1:j2], first, last, context))
        else:
            ta = html.escape(" ".join(wa[i1:i2]))
            tb = html.escape(" ".join(wb[j1:j2]))
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
