"""Figures for quotes, reporting verbs, frames and tone toward actors.

Each function takes a tidy table produced by ``corpus_tools.quotes``, ``.sentiment`` or
``corpus_tools.framing`` and returns a matplotlib ``Figure``; none computes
analysis. Titles carry the n behind the figure, axes carry units, outlets
get their fixed colours from :func:`outlet_colors`.
"""

from __future__ import annotations

import textwrap
from typing import Any, NamedTuple

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ..errors import check_table
from ._base import (
    CATEGORY_PALETTE,
    PALETTE_SIZE,
    cap_phrase,
    check_top_n,
    distinct_colors,
    plot_label,
    shown_colors,
    text_color_on,
    tight,
    top_by_size,
    whole_table,
)

__all__ = ["plot_share_bars", "plot_frame_heatmap", "plot_target_sentiment"]


def _need(table: pd.DataFrame, cols: list[str], fn: str, source: str) -> None:
    check_table(table, cols, fn, source, bare_ok=False)


def _left_out(fig: Figure, text: str) -> None:
    lines = "\n".join(plot_label(line, None) for line in text.split("\n"))
    fig.text(0.01, 0.01, lines, fontsize=8, color="#555555", va="bottom")


def plot_share_bars(
    table: pd.DataFrame,
    *,
    category: str,
    group: str = "group",
    count: str = "count",
    title: str = "Share by group",
    xlabel: str = "share of quotes (%)",
    top_n: int = 15,
    top_categories: int = 10,
    sizes: Any = None,
) -> Figure:
    """Horizontal 100 % stacked bars: the share of each category within each group.

    Parameters
    ----------
    table : DataFrame
        Tidy counts with columns ``group``, ``category`` and ``count`` (names
        configurable), e.g. :func:`corpus_tools.cue_rates` or a
        ``groupby(["group", "voice_type"]).size()`` table.
    category, group, count : str
        Column names.
    title, xlabel : str
        Title (the group totals n are appended per bar label) and x label.
    top_n : int, default 15
        Bars drawn: the groups with the largest totals (or ``sizes``), largest on
        top (ties by name); the title says "top 15 of N groups".
    top_categories : int, default 10
        Categories drawn separately (largest overall); the rest are pooled
        as "other".
    sizes : dict or pandas.Series, optional
        Group -> size (documents per group, ``docs["group"].value_counts()``): the bars are
        ordered and capped by it, largest on top (ties by name), the order of a table sorted
        with :func:`corpus_tools.largest_groups_first` beside the figure. Default: by the
        groups' totals in ``table``.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> t = pd.DataFrame({"group": ["A", "A", "B"], "cue_class": ["neutral", "assertive", "neutral"],
    ...                   "count": [3, 1, 2]})
    >>> fig = plot_share_bars(t, category="cue_class", title="Reporting verbs")
    >>> [lab.get_text() for lab in fig.axes[0].get_yticklabels()]
    ['A (n = 4)', 'B (n = 2)']
    >>> fig = plot_share_bars(t, category="cue_class", sizes={"A": 1, "B": 5})
    >>> [lab.get_text() for lab in fig.axes[0].get_yticklabels()]
    ['B (n = 2)', 'A (n = 4)']
    """
    _need(
        table,
        [group, category, count],
        "plot_share_bars",
        "corpus_tools.cue_rates() or a table of counts per group and category",
    )
    check_top_n(top_n)
    check_top_n(top_categories, "top_categories")
    if table.empty:
        fig, ax = plt.subplots(figsize=(8, 4.5))
        ax.text(0.5, 0.5, "nothing to show", ha="center", va="center", transform=ax.transAxes)
        ax.set_title(plot_label(title, None))
        return fig
    st = _share_table(
        table[[group, category, count]], group, category, count, top_n, top_categories, sizes
    )
    fig, ax = plt.subplots(figsize=(8, round(max(3.0, min(12.0, 1.8 + 0.4 * len(st.order))), 1)))
    _draw_share_bars(ax, st)
    _label_share_bars(fig, ax, st, title, xlabel)
    return fig


def _label_share_bars(fig: Figure, ax: Any, st: _ShareTable, title: str, xlabel: str) -> None:
    """The share bars' x label, title with n (and the cap), legend and left-out note; laid out."""
    ax.set_xlabel(xlabel)
    full = f"{title} (n = {int(st.totals.sum()):,}"
    capped = len(st.order) < st.n_groups
    full += f"; {cap_phrase(len(st.order), st.n_groups, 'group')})" if capped else ")"
    ax.set_title(plot_label(full, None))
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False, fontsize=8)
    if capped:
        rest = int(st.totals.sum() - st.shown_tot.sum())
        _left_out(
            fig,
            f"Left out: {_count(st.n_groups - len(st.order), 'smaller group')} with n = {rest:,}.",
        )
        tight(fig, rect=(0, 0.5 / fig.get_figheight(), 1, 1))
    else:
        tight(fig)


class _ShareTable(NamedTuple):
    """Shares (%) of the drawn groups x categories, with the totals they come from."""

    shares: pd.DataFrame  # drawn groups (largest first) x categories, in percent
    shown_tot: pd.Series  # n of each drawn group
    totals: pd.Series  # n of every group
    order: list  # drawn groups
    n_groups: int
    cats: list  # categories drawn in their own colour
    pooled: str | None  # the label of the pooled smaller categories, if any


def _share_table(
    t: pd.DataFrame,
    group: str,
    category: str,
    count: str,
    top_n: int,
    top_categories: int,
    sizes: Any = None,
) -> _ShareTable:
    t = t.copy()
    t[group] = t[group].astype(str)
    t[category] = t[category].astype(str)
    cat_tot = t.groupby(category)[count].sum()
    # no more categories than distinct colours: the rest are pooled in grey
    cats = top_by_size(cat_tot, min(top_categories, PALETTE_SIZE))
    pooled = None
    if len(cats) < len(cat_tot):  # a name no real category has, drawn last in grey
        pooled = f"({len(cat_tot) - len(cats)} more categories)"
        t.loc[~t[category].isin(cats), category] = pooled
    piv = t.pivot_table(index=group, columns=category, values=count, aggfunc="sum", fill_value=0)
    piv = piv.reindex(columns=sorted(cats) + ([pooled] if pooled else []), fill_value=0)
    totals = piv.sum(axis=1)
    if sizes is None:
        order = top_by_size(totals, top_n)
    else:  # the order of the tables beside the figure: documents per group, not its total
        size_of = {str(k): v for k, v in dict(sizes).items()}
        order = top_by_size({g: size_of.get(str(g), 0) for g in totals.index}, top_n)
    piv = piv.loc[order]
    shown_tot = totals.loc[order]
    shares = piv.div(shown_tot.where(shown_tot > 0, 1), axis=0) * 100
    return _ShareTable(shares, shown_tot, totals, order, len(totals), cats, pooled)


def _draw_share_bars(ax: Any, st: _ShareTable) -> None:
    palette = distinct_colors(st.cats, palette=CATEGORY_PALETTE)
    left = np.zeros(len(st.shares))
    ylabels = [f"{plot_label(g, 30)} (n = {int(n):,})" for g, n in st.shown_tot.items()]
    y = np.arange(len(st.shares))
    for cat in st.shares.columns:
        vals = st.shares[cat].to_numpy()
        if not vals.any():  # not in any drawn group: no bar, so no legend entry either
            continue
        ax.barh(
            y,
            vals,
            left=left,
            color="#BBBBBB" if cat == st.pooled else palette[cat],
            label=plot_label(cat, 30),
            edgecolor="white",
        )
        left += vals
    ax.set_yticks(y, ylabels)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)


def plot_frame_heatmap(
    summary: pd.DataFrame,
    *,
    value: str = "sentence_share",
    title: str | None = None,
    top_n: int = 20,
    top_frames: int = 15,
) -> Figure:
    """Group x frame heatmap of :func:`corpus_tools.frame_summary`, cells labelled ``k/n``.

    Each cell is coloured by ``value`` (default the share of sentences with
    a cue of the frame) and labelled ``sentences_with_frame / n_sentences``.
    Rows are the ``top_n`` groups with most sentences (largest first, ties
    by name), columns the ``top_frames`` frames with most cue sentences (in
    the table's order); the title says what was left out.

    Examples
    --------
    >>> s = pd.DataFrame({"group": ["A", "A"], "frame": ["conflict", "morality"], "sentence_share": [0.5, 0.0],
    ...                   "sentences_with_frame": [2, 0], "n_sentences": [4, 4], "n_docs": [1, 1]})
    >>> fig = plot_frame_heatmap(s)
    >>> fig.axes[0].texts[0].get_text()
    '2/4'
    """
    _need(
        summary,
        ["group", "frame", value, "sentences_with_frame", "n_sentences"],
        "plot_frame_heatmap",
        "corpus_tools.frame_summary()",
    )
    check_top_n(top_n)
    check_top_n(top_frames, "top_frames")
    s = summary.assign(group=summary["group"].astype(str), frame=summary["frame"].astype(str))
    grid = _heat_grid(s, top_n, top_frames)
    fig, ax = plt.subplots(
        figsize=(max(6, 0.9 * len(grid.frames) + 2.5), max(3, 0.45 * len(grid.groups) + 2.5))
    )
    if summary.empty:
        ax.text(0.5, 0.5, "nothing to show", ha="center", va="center", transform=ax.transAxes)
        return fig
    im = _draw_heat_cells(
        ax, s[s["group"].isin(grid.groups) & s["frame"].isin(grid.frames)], grid, value
    )
    n_docs = int(summary.drop_duplicates("group")["n_docs"].sum()) if "n_docs" in summary else None
    label = "share of sentences with a frame cue" if value == "sentence_share" else value
    fig.colorbar(im, ax=ax, label=label)
    ax.set_xlabel("frame (dictionary cues: an approximation)")
    ax.set_ylabel("group")
    _heat_title(fig, ax, grid, title, n_docs)
    return fig


class _HeatGrid(NamedTuple):
    """The rows and columns a heatmap draws, and how many there were."""

    groups: list  # drawn groups, most sentences first
    frames: list  # drawn frames, in the table's order
    n_groups: int
    n_frames: int
    n_no_cue: int = 0  # groups left out because no sentence of theirs has any cue
    no_cue_sizes: tuple[int, int] = (0, 0)  # fewest and most sentences of such a group


def _heat_grid(s: pd.DataFrame, top_n: int, top_frames: int) -> _HeatGrid:
    """Rows and columns to draw.

    When groups must be left out, a group none of whose sentences has a cue of any
    frame (often one written in a language the codebook does not read) is left out
    before one with cues: its row would be all zeros, drawn in place of a group with
    something to show. With every group drawn, such rows stay.
    """
    all_frames = list(dict.fromkeys(s["frame"].tolist()))
    frame_tot = s.groupby("frame", sort=False)["sentences_with_frame"].sum()
    keep_frames = set(top_by_size(frame_tot, top_frames))
    group_size = s.drop_duplicates("group").set_index("group")["n_sentences"]
    frames = [f for f in all_frames if f in keep_frames]
    n_no_cue = 0
    sizes = (0, 0)
    if len(group_size) > top_n:
        cues = s.groupby("group", sort=False)["sentences_with_frame"].sum()
        with_cue = cues.reindex(group_size.index).fillna(0) > 0
        if with_cue.any():
            n_no_cue = int((~with_cue).sum())
            if n_no_cue:
                none = group_size[~with_cue].astype(int)
                sizes = (int(none.min()), int(none.max()))
            group_size = group_size[with_cue]
    groups = top_by_size(group_size, top_n)
    return _HeatGrid(groups, frames, len(group_size) + n_no_cue, len(all_frames), n_no_cue, sizes)


_NO_CUE_LANGUAGE = 30  # a group this large with no cue at all: the codebook may not read it


def _no_cue_phrase(n: int, sizes: tuple[int, int]) -> str:
    """The left-out note's words for groups without any cue sentence, with their sizes.

    UCI headlines: '185 groups with no cue sentence (is the codebook in their language?)'
    asked about the language of English outlets with one or two headlines each. The
    question is asked only when such a group has 30 or more sentences.

    >>> _no_cue_phrase(185, (1, 3))
    '185 groups with no cue sentence (1 to 3 sentences each)'
    >>> _no_cue_phrase(1, (40, 40))
    '1 group with no cue sentence (40 sentences: is the codebook in its language?)'
    """
    lo, hi = sizes
    span = f"{lo:,} to {hi:,} sentences" if lo != hi else _count(hi, "sentence")
    if hi >= _NO_CUE_LANGUAGE:
        whose = "its" if n == 1 else "their"
        tail = f"{span}{'' if n == 1 else ' each'}: is the codebook in {whose} language?"
    else:
        tail = f"{span}{'' if n == 1 else ' each'}"
    return f"{_count(n, 'group')} with no cue sentence ({tail})"


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}{'' if n == 1 else 's'}"


def _draw_heat_cells(ax: Any, s: pd.DataFrame, grid: _HeatGrid, value: str) -> Any:
    """Colour each cell by ``value`` and label it ``k/n``; returns the image (for the colour bar)."""

    def cells(col: str) -> pd.DataFrame:
        return s.pivot_table(index="group", columns="frame", values=col, aggfunc="first").reindex(
            index=grid.groups, columns=grid.frames
        )

    piv, k, n = cells(value), cells("sentences_with_frame"), cells("n_sentences")
    data = piv.to_numpy(dtype=float)
    top = float(np.nanmax(data)) if data.size and not np.isnan(data).all() else 0.0
    im = ax.imshow(np.nan_to_num(data), cmap="Blues", vmin=0, vmax=max(0.01, top), aspect="auto")
    for i in range(len(grid.groups)):
        for j in range(len(grid.frames)):
            kk, nn = k.iloc[i, j], n.iloc[i, j]
            txt = f"{int(kk)}/{int(nn)}" if pd.notna(kk) and pd.notna(nn) else ""
            ax.text(
                j,
                i,
                txt,
                ha="center",
                va="center",
                fontsize=8,
                color=text_color_on(im.cmap(im.norm(np.nan_to_num(data[i, j])))),
            )
    ax.set_xticks(
        range(len(grid.frames)),
        [plot_label(f.replace("_", " "), 24) for f in grid.frames],
        rotation=40,
        ha="right",
    )
    ax.set_yticks(range(len(grid.groups)), [plot_label(g, 30) for g in grid.groups])
    return im


def _heat_title(
    fig: Figure, ax: Any, grid: _HeatGrid, title: str | None, n_docs: int | None
) -> None:
    """The title (n and what was capped) and the left-out note."""
    caps = []
    if len(grid.groups) < grid.n_groups:
        caps.append(cap_phrase(len(grid.groups), grid.n_groups, "group"))
    if len(grid.frames) < grid.n_frames:
        caps.append(cap_phrase(len(grid.frames), grid.n_frames, "frame"))
    n_txt = f"{n_docs:,}" if n_docs is not None else "?"
    default = f"Frame cues by group (n = {n_txt} documents; cells: cue sentences / sentences)"
    if caps:
        default = default[:-1] + "; " + ", ".join(caps) + ")"
    ax.set_title(plot_label(title or default, None))
    if caps:
        what = []
        fewer = grid.n_groups - grid.n_no_cue - len(grid.groups)
        if fewer:
            what.append(f"{fewer:,} group{'' if fewer == 1 else 's'} with fewer sentences")
        if grid.n_no_cue:
            what.append(_no_cue_phrase(grid.n_no_cue, grid.no_cue_sizes))
        if len(grid.frames) < grid.n_frames:
            what.append(f"{grid.n_frames - len(grid.frames)} frames with fewer cue sentences")
        tail = ".\n" + whole_table("corpus_tools.frame_summary()")
        _left_out(fig, "Left out: " + " and ".join(what) + tail)
        tight(fig, rect=(0, 0.55 / fig.get_figheight(), 1, 1))
    else:
        tight(fig)


def plot_target_sentiment(
    summary: pd.DataFrame,
    *,
    title: str | None = None,
    top_n: int = 8,
    top_targets: int = 15,
) -> Figure:
    """Mean VADER compound per target and group with bootstrap intervals.

    Takes ``TargetSentiment.summary``. One row of points per target, one
    colour per group (outlet); horizontal bars are the 95 % cluster
    bootstrap interval (absent with one article); labels give n sentences.
    Only the ``top_n`` groups and ``top_targets`` targets with most
    sentences are drawn (the title says so when some are left out).

    Examples
    --------
    >>> s = pd.DataFrame({"group": ["A", "B"], "target": ["Russia", "Russia"], "mean_compound": [-0.2, 0.1],
    ...                   "ci_low": [-0.5, None], "ci_high": [0.1, None], "n_sentences": [4, 2], "n_docs": [2, 1]})
    >>> fig = plot_target_sentiment(s)
    >>> fig.axes[0].get_xlabel()
    'mean VADER compound of sentences mentioning the target (-1 to 1)'
    """
    _need(
        summary,
        ["group", "target", "mean_compound", "ci_low", "ci_high", "n_sentences"],
        "plot_target_sentiment",
        "corpus_tools.target_sentiment(corpus).summary",
    )
    check_top_n(top_n)
    check_top_n(top_targets, "top_targets")
    s = summary.assign(group=summary["group"].astype(str), target=summary["target"].astype(str))
    t_size = s.groupby("target")["n_sentences"].sum()
    g_size = s.groupby("group")["n_sentences"].sum()
    groups = sorted(top_by_size(g_size, top_n))
    # targets are ranked within the drawn groups: UCI headlines (125 outlets) drew rows for
    # European Union, Ukraine and United Kingdom with no point, none of the 8 drawn
    # outlets having a sentence on them
    drawn_size = s[s["group"].isin(groups)].groupby("target")["n_sentences"].sum()
    targets = sorted(top_by_size(drawn_size, top_targets))
    n_absent = len(t_size) - len(drawn_size)  # targets only the left-out groups mention
    colors = shown_colors(g_size.index, groups)
    # a target's row holds one point per group: above five groups the row grows so that
    # the points' "n=" labels (7 pt) do not overprint each other
    row_height = 0.8 if len(groups) <= 5 else 0.18 * len(groups)
    fig, ax = plt.subplots(figsize=(8, round(max(3, row_height * len(targets) + 1.5), 2)))
    if summary.empty:
        ax.text(0.5, 0.5, "nothing to show", ha="center", va="center", transform=ax.transAxes)
        return fig
    _draw_target_points(ax, s, groups, targets, colors)
    ax.axvline(0, color="#000000", linewidth=0.8)
    _target_rows(ax, targets, parted=len(groups) > 1)
    ax.set_xlim(-1, 1)
    ax.set_xlabel("mean VADER compound of sentences mentioning the target (-1 to 1)")
    ax.set_ylabel("target actor")
    n_sent = int(summary["n_sentences"].sum())
    caps = []
    if len(groups) < len(g_size):
        caps.append(cap_phrase(len(groups), len(g_size), "group"))
    if len(targets) < len(t_size):
        caps.append(cap_phrase(len(targets), len(t_size), "target"))
    default = f"Tone of coverage in which each actor appears (n = {n_sent:,} sentence-target pairs"
    default += "; " + ", ".join(caps) + ")" if caps else ")"
    # wrapped to the 8-inch figure: a saved PNG cut 'Tone of coverage ... top 15 of 16 targets)'
    ax.set_title("\n".join(textwrap.wrap(plot_label(title or default, None), 80)))
    if len(groups) > 1:  # one group, '(missing)' for a corpus without outlets: no legend to read
        ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False, fontsize=8)
    if caps:
        left = (len(g_size) - len(groups), len(t_size) - len(targets), n_absent)
        _left_out(fig, _tone_left_out(*left))
        tight(fig, rect=(0, 0.55 / fig.get_figheight(), 1, 1))
    else:
        tight(fig)
    return fig


def _target_rows(ax: Any, targets: list, *, parted: bool) -> None:
    """One labelled row per target, shown whole, parted from the next by a thin line.

    24 Google News outlets: the top row was cut in half (its one point far below its
    label), and the points of one target read as the next one's.
    """
    ax.set_yticks(range(len(targets)), [plot_label(t, 30) for t in targets])
    ax.set_ylim(len(targets) - 0.5, -0.5)
    if parted:
        for i in range(len(targets) - 1):
            ax.axhline(i + 0.5, color="#cccccc", linewidth=0.6, zorder=0)


def _tone_left_out(n_groups: int, n_targets: int, n_absent: int) -> str:
    """The tone figure's note on what it leaves out, counted (it said 'groups and targets').

    >>> print(_tone_left_out(160, 0, 2))
    Left out: 160 groups with fewer sentences; 2 targets only the left-out groups mention.
    All are in the whole table, corpus_tools.target_sentiment().summary; a page prints only its first rows.
    """
    left = [_count(n, what) for n, what in ((n_groups, "group"), (n_targets, "target")) if n]
    note = f"Left out: {' and '.join(left)} with fewer sentences"
    if n_absent:
        note += f"; {_count(n_absent, 'target')} only the left-out groups mention"
    return note + ".\n" + whole_table("corpus_tools.target_sentiment().summary")


def _draw_target_points(
    ax: Any, s: pd.DataFrame, groups: list, targets: list, colors: dict
) -> None:
    """One point (and interval bar) per target and group, groups side by side in a target's row."""
    width = 0.8 / max(1, len(groups))
    row = {t: i for i, t in enumerate(targets)}
    s = s[s["group"].isin(groups) & s["target"].isin(row)]
    per_group = dict(tuple(s.groupby("group", sort=False)))
    for gi, g in enumerate(groups):
        sub = per_group.get(g, s.iloc[:0])
        for r in sub.itertuples():
            y = row[str(r.target)] + (gi - (len(groups) - 1) / 2) * width
            if pd.notna(r.ci_low) and pd.notna(r.ci_high):
                ax.hlines(y, r.ci_low, r.ci_high, color=colors[g], linewidth=2)
            ax.plot(r.mean_compound, y, "o", color=colors[g])
            # right of the interval's end (on the bar the label hid it), else of the point
            right = r.ci_high if pd.notna(r.ci_high) else r.mean_compound
            ax.annotate(
                f"n={int(r.n_sentences):,}",
                (max(float(right), float(r.mean_compound)), y),
                xytext=(4, 0),
                textcoords="offset points",
                fontsize=7,
                va="center",
            )
        ax.plot([], [], "o", color=colors[g], label=plot_label(g, 30))
