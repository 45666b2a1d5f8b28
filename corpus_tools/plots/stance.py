"""Figures for quotes, reporting verbs, frames and tone toward actors.

Each function takes a tidy table produced by ``corpus_tools.stance`` or
``corpus_tools.framing`` and returns a matplotlib ``Figure``; none computes
analysis. Titles carry the n behind the figure, axes carry units, outlets
get their fixed colours from :func:`outlet_colors`.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from ._base import OKABE_ITO, outlet_colors

__all__ = ["plot_share_bars", "plot_frame_heatmap", "plot_target_sentiment"]


def _need(table: pd.DataFrame, cols: list[str], fn: str) -> None:
    missing = [c for c in cols if c not in table.columns]
    if missing:
        from ..errors import CorpusValueError

        raise CorpusValueError(
            f"{fn}: table lacks column(s) {missing}; pass the table documented for it."
        )


def plot_share_bars(
    table: pd.DataFrame,
    *,
    category: str,
    group: str = "group",
    count: str = "count",
    title: str = "Share by group",
    xlabel: str = "share of quotes (%)",
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
    """
    _need(table, [group, category, count], "plot_share_bars")
    fig, ax = plt.subplots(figsize=(8, 4.5))
    if table.empty:
        ax.text(0.5, 0.5, "nothing to show", ha="center", va="center", transform=ax.transAxes)
        ax.set_title(title)
        return fig
    piv = table.pivot_table(
        index=group, columns=category, values=count, aggfunc="sum", fill_value=0
    )
    piv = piv.sort_index(axis=0).sort_index(axis=1)
    totals = piv.sum(axis=1)
    shares = piv.div(totals.where(totals > 0, 1), axis=0) * 100
    palette = OKABE_ITO[:7] + ["#999999", "#332288", "#88CCEE", "#44AA99", "#117733"]
    left = np.zeros(len(shares))
    ylabels = [f"{g} (n = {int(n)})" for g, n in totals.items()]
    y = np.arange(len(shares))
    for i, cat in enumerate(shares.columns):
        vals = shares[cat].to_numpy()
        ax.barh(
            y, vals, left=left, color=palette[i % len(palette)], label=str(cat), edgecolor="white"
        )
        left += vals
    ax.set_yticks(y, ylabels)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel(xlabel)
    ax.set_title(f"{title} (n = {int(totals.sum())})")
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False, fontsize=8)
    fig.tight_layout()
    return fig


def plot_frame_heatmap(
    summary: pd.DataFrame, *, value: str = "sentence_share", title: str | None = None
) -> Figure:
    """Group x frame heatmap of :func:`corpus_tools.frame_summary`, cells labelled ``k/n``.

    Each cell is coloured by ``value`` (default the share of sentences with
    a cue of the frame) and labelled ``sentences_with_frame / n_sentences``.

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
    )
    frames_order = list(dict.fromkeys(summary["frame"].tolist()))
    groups = sorted(dict.fromkeys(summary["group"].astype(str).tolist()))
    fig, ax = plt.subplots(
        figsize=(max(6, 0.9 * len(frames_order) + 2), max(3, 0.6 * len(groups) + 2))
    )
    if summary.empty:
        ax.text(0.5, 0.5, "nothing to show", ha="center", va="center", transform=ax.transAxes)
        return fig
    s = summary.assign(group=summary["group"].astype(str))
    piv = s.pivot_table(index="group", columns="frame", values=value, aggfunc="first").reindex(
        index=groups, columns=frames_order
    )
    k = s.pivot_table(
        index="group", columns="frame", values="sentences_with_frame", aggfunc="first"
    ).reindex(index=groups, columns=frames_order)
    n = s.pivot_table(
        index="group", columns="frame", values="n_sentences", aggfunc="first"
    ).reindex(index=groups, columns=frames_order)
    data = piv.to_numpy(dtype=float)
    im = ax.imshow(
        np.nan_to_num(data),
        cmap="Blues",
        vmin=0,
        vmax=max(0.01, float(np.nanmax(data)) if data.size else 1),
    )
    for i in range(len(groups)):
        for j in range(len(frames_order)):
            kk, nn = k.iloc[i, j], n.iloc[i, j]
            txt = f"{int(kk)}/{int(nn)}" if pd.notna(kk) and pd.notna(nn) else ""
            dark = (
                data[i, j] > 0.6 * np.nanmax(data) if data.size and np.nanmax(data) > 0 else False
            )
            ax.text(
                j, i, txt, ha="center", va="center", fontsize=8, color="white" if dark else "black"
            )
    ax.set_xticks(
        range(len(frames_order)),
        [f.replace("_", " ") for f in frames_order],
        rotation=40,
        ha="right",
    )
    ax.set_yticks(range(len(groups)), groups)
    n_docs = int(s.drop_duplicates("group")["n_docs"].sum()) if "n_docs" in s else None
    label = "share of sentences with a frame cue" if value == "sentence_share" else value
    fig.colorbar(im, ax=ax, label=label)
    ax.set_xlabel("frame (dictionary cues: an approximation)")
    ax.set_ylabel("group")
    ax.set_title(
        title or f"Frame cues by group (n = {n_docs} documents; cells: cue sentences / sentences)"
    )
    fig.tight_layout()
    return fig


def plot_target_sentiment(summary: pd.DataFrame, *, title: str | None = None) -> Figure:
    """Mean VADER compound per target and group with bootstrap intervals.

    Takes ``TargetSentiment.summary``. One row of points per target, one
    colour per group (outlet); horizontal bars are the 95 % cluster
    bootstrap interval (absent with one article); labels give n sentences.

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
    )
    targets = sorted(summary["target"].astype(str).unique().tolist())
    groups = sorted(summary["group"].astype(str).unique().tolist())
    colors = outlet_colors(groups)
    fig, ax = plt.subplots(figsize=(8, max(3, 0.8 * len(targets) + 1.5)))
    if summary.empty:
        ax.text(0.5, 0.5, "nothing to show", ha="center", va="center", transform=ax.transAxes)
        return fig
    width = 0.8 / max(1, len(groups))
    for gi, g in enumerate(groups):
        sub = summary[summary["group"].astype(str) == g]
        for r in sub.itertuples():
            y = targets.index(str(r.target)) + (gi - (len(groups) - 1) / 2) * width
            if pd.notna(r.ci_low) and pd.notna(r.ci_high):
                ax.hlines(y, r.ci_low, r.ci_high, color=colors[g], linewidth=2)
            ax.plot(r.mean_compound, y, "o", color=colors[g])
            ax.annotate(
                f"n={int(r.n_sentences)}",
                (r.mean_compound, y),
                xytext=(4, 2),
                textcoords="offset points",
                fontsize=7,
            )
        ax.plot([], [], "o", color=colors[g], label=g)
    ax.axvline(0, color="#000000", linewidth=0.8)
    ax.set_yticks(range(len(targets)), targets)
    ax.invert_yaxis()
    ax.set_xlim(-1, 1)
    ax.set_xlabel("mean VADER compound of sentences mentioning the target (-1 to 1)")
    ax.set_ylabel("target actor")
    n_sent = int(summary["n_sentences"].sum())
    ax.set_title(
        title
        or f"Tone of coverage in which each actor appears (n = {n_sent} sentence-target pairs)"
    )
    ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False, fontsize=8)
    fig.tight_layout()
    return fig
