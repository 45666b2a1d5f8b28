"""Figures for actor tables: co-occurrence heatmap, networks, small multiples, ego network, time.

Every network drawing uses positions from
:func:`corpus_tools.network_layout` (seeded spring layout on the union
graph), so the same corpus gives the same picture, and small multiples share
positions. Drawings of networks are easy to over-read (McGrath, Blythe &
Krackhardt 1997): pair each with the heatmap and the edge table.

Figures are built with :class:`matplotlib.figure.Figure`, not pyplot, so they
are never registered with pyplot: nothing to close, no memory growth in
loops, and in a notebook the figure is shown by ending the cell with ``fig``.
"""

from __future__ import annotations

import html
import io
import math
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib.figure import Figure as _MplFigure
from matplotlib.lines import Line2D

from ._base import OKABE_ITO, cap_phrase, check_top_n, outlet_colors, plot_label, tight, top_by_size

__all__ = [
    "plot_cooccurrence_heatmap",
    "plot_network",
    "plot_network_interactive",
    "plot_network_small_multiples",
    "plot_ego_network",
    "plot_mentions_over_time",
]


class Figure(_MplFigure):
    """A matplotlib Figure that shows itself in IPython/Jupyter without pyplot.

    Built directly (not with ``plt.subplots``), it is never registered with
    pyplot, so there is nothing to close; ``_repr_png_`` lets a notebook cell
    display it by ending with ``fig`` even when no pyplot backend was loaded.
    """

    def _repr_png_(self) -> bytes:
        buf = io.BytesIO()
        self.savefig(buf, format="png", bbox_inches="tight")
        return buf.getvalue()


_TYPE_COLOURS = {
    "country": OKABE_ITO[0],
    "person": OKABE_ITO[1],
    "organisation": OKABE_ITO[2],
    "armed_group": OKABE_ITO[5],
    "government": OKABE_ITO[3],
    "demonym": OKABE_ITO[4],
}


def _order(cooc: pd.DataFrame, counts: pd.DataFrame | None, top: int) -> list[str]:
    if counts is not None and not counts.empty:
        names = set(cooc["actor_a"]) | set(cooc["actor_b"])
        c = counts[counts["actor"].isin(names)]
        return c.sort_values(["n_mentions", "actor"], ascending=[False, True], kind="mergesort")[
            "actor"
        ].tolist()[:top]
    tot = pd.concat(
        [
            cooc[["actor_a", "count"]].rename(columns={"actor_a": "actor"}),
            cooc[["actor_b", "count"]].rename(columns={"actor_b": "actor"}),
        ]
    )
    s = tot.groupby("actor")["count"].sum().reset_index()
    return s.sort_values(["count", "actor"], ascending=[False, True], kind="mergesort")[
        "actor"
    ].tolist()[:top]


def plot_cooccurrence_heatmap(
    cooc: pd.DataFrame,
    counts: pd.DataFrame | None = None,
    *,
    value: str = "count",
    top: int = 15,
    title: str | None = None,
) -> Figure:
    """Heatmap of a co-occurrence table, actors ordered by mentions (or total co-occurrence).

    Cells show ``value`` (``"count"`` or ``"score"``) with the count written
    in each non-empty cell; empty cells are pairs below ``min_count``. At most
    ``top`` actors are drawn; the title says "top 15 of N actors".
    """
    check_top_n(top, "top")
    order = _order(cooc, counts, top)
    n_actors = len(set(cooc["actor_a"]) | set(cooc["actor_b"]))
    n = len(order)
    mat = np.full((n, n), np.nan)
    cnt = np.zeros((n, n), dtype=int)
    idx = {a: i for i, a in enumerate(order)}
    inside = cooc[cooc["actor_a"].isin(idx) & cooc["actor_b"].isin(idx)]
    for a, b, v, c in zip(
        inside["actor_a"], inside["actor_b"], inside[value], inside["count"], strict=False
    ):
        i, j = idx[a], idx[b]
        mat[i, j] = mat[j, i] = float(v)
        cnt[i, j] = cnt[j, i] = int(c)
    size = max(4.0, 0.45 * n + 2.5)
    fig = Figure(figsize=(size + 1.5, size))
    ax = fig.subplots()
    if n:
        im = ax.imshow(mat, cmap="viridis", aspect="equal")
        fig.colorbar(
            im,
            ax=ax,
            label=(
                "windows with both (count)"
                if value == "count"
                else f"{cooc['measure'].iloc[0]} score"
            ),
        )
        for i in range(n):
            for j in range(n):
                if cnt[i, j]:
                    ax.text(
                        j, i, str(cnt[i, j]), ha="center", va="center", fontsize=7, color="white"
                    )
    names = [plot_label(a, 28) for a in order]
    ax.set_xticks(range(n), names, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(n), names, fontsize=8)
    ax.set_xlabel("actor (ordered by number of mentions)")
    ax.set_ylabel("actor")
    shown = f"top {n} actors" if n >= n_actors else cap_phrase(n, n_actors, "actor")
    ax.set_title(
        plot_label(
            title or f"Actor co-occurrence ({value}), n = {len(cooc):,} pairs, {shown}", None
        )
    )
    tight(fig)
    return fig


def _pos(layout: pd.DataFrame | None, g: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    if layout is None:
        from ..cooccur import network_layout

        layout = network_layout(g, seed=seed)
    return {a: (x, y) for a, x, y in layout[["actor", "x", "y"]].itertuples(index=False)}


def _top_nodes(
    g: nx.Graph, top_n: int | None, keep: str | None = None, *, tied_first: bool = False
) -> nx.Graph:
    """The subgraph of the ``top_n`` nodes with most mentions (ties by name); ``keep`` always in.

    With ``tied_first``, nodes with at least one tie come before isolated ones.
    """
    if top_n is None or g.number_of_nodes() <= top_n:
        return g
    sizes = {n: float(g.nodes[n].get("mentions", 0)) for n in g.nodes}
    if keep is not None and keep in sizes:
        sizes[keep] = float("inf")
    tied = {n: (0 if (tied_first and g.degree(n) > 0) else 1) for n in g.nodes}
    ranked = sorted(sizes, key=lambda n: (tied[n], -sizes[n], str(n)))
    return g.subgraph(ranked[:top_n]).copy()


def _draw(
    ax: Any,
    g: nx.Graph,
    pos: dict[str, tuple[float, float]],
    *,
    label: bool = True,
    highlight: str | None = None,
) -> None:
    if g.number_of_nodes() == 0:
        ax.text(
            0.5,
            0.5,
            "no actor pairs above min_count",
            ha="center",
            va="center",
            transform=ax.transAxes,
        )
    max_c = max([d.get("count", 1) for _, _, d in g.edges(data=True)] or [1])
    for a, b, d in sorted(g.edges(data=True), key=lambda t: (t[0], t[1])):
        (x0, y0), (x1, y1) = pos[a], pos[b]
        ax.plot(
            [x0, x1],
            [y0, y1],
            color="#777777",
            linewidth=0.5 + 3.5 * d.get("count", 1) / max_c,
            alpha=0.6,
            zorder=1,
        )
    for n in sorted(g.nodes):
        d = g.nodes[n]
        x, y = pos[n]
        colour = _TYPE_COLOURS.get(d.get("type", ""), "#999999")
        ax.scatter(
            [x],
            [y],
            s=40 + 25 * math.sqrt(d.get("mentions", 1)),
            color=colour,
            edgecolor="black" if n == highlight else "white",
            linewidth=2 if n == highlight else 0.5,
            zorder=2,
        )
        if label:
            ax.annotate(
                plot_label(n, 24),
                (x, y),
                fontsize=7,
                ha="center",
                va="bottom",
                xytext=(0, 5),
                textcoords="offset points",
            )
    ax.set_xticks([])
    ax.set_yticks([])
    ax.margins(0.15)


def plot_network(
    g: nx.Graph,
    layout: pd.DataFrame | None = None,
    *,
    seed: int = 42,
    title: str | None = None,
    top_n: int = 40,
) -> Figure:
    """Static network: node size = mentions, colour = actor type, edge width = count.

    Only the ``top_n`` actors with most mentions (and the ties among them)
    are drawn; the title says "top 40 of N actors" when some are left out.
    """
    check_top_n(top_n)
    full = g
    g = _top_nodes(g, top_n)
    fig = Figure(figsize=(8, 6))
    ax = fig.subplots()
    _draw(ax, g, _pos(layout, g, seed))
    shown = (
        f"{cap_phrase(g.number_of_nodes(), full.number_of_nodes(), 'actor')}, "
        f"{g.number_of_edges()} of {full.number_of_edges()} ties"
        if g.number_of_nodes() < full.number_of_nodes()
        else f"{g.number_of_nodes()} actors, {g.number_of_edges()} ties"
    )
    ax.set_title(
        plot_label(
            title
            or f"Actor network: {shown} (node size = mentions, edge width = shared sentences)",
            None,
        ),
        fontsize=10,
    )
    handles = [
        Line2D([], [], marker="o", linestyle="", color=c, label=t) for t, c in _TYPE_COLOURS.items()
    ]
    ax.legend(handles=handles, fontsize=7, loc="lower left", frameon=False)
    ax.set_xlabel("position from a seeded spring layout (distances carry no precise meaning)")
    tight(fig)
    return fig


def plot_network_interactive(
    g: nx.Graph,
    layout: pd.DataFrame | None = None,
    *,
    seed: int = 42,
    title: str | None = None,
    max_evidence: int = 5,
    top_n: int = 60,
    max_edges: int = 300,
) -> Any:
    """Plotly network with hover text: node mentions; edge count, score and evidence ids.

    Hover text is HTML-escaped (actor names can come from user data). Only
    the ``top_n`` actors with most mentions and, among them, the
    ``max_edges`` ties with the highest count are drawn; the title says so
    when some are left out.
    """
    import plotly.graph_objects as go

    check_top_n(top_n)
    check_top_n(max_edges, "max_edges")
    full = g
    g = _top_nodes(g, top_n)
    if g.number_of_edges() > max_edges:
        ranked = sorted(g.edges(data=True), key=lambda t: (-t[2].get("count", 1), t[0], t[1]))
        h = nx.Graph()
        h.add_nodes_from(g.nodes(data=True))
        h.add_edges_from(ranked[:max_edges])
        g = h
    pos = _pos(layout, g, seed)
    traces = []
    mx, my, mtext = [], [], []
    for a, b, d in sorted(g.edges(data=True), key=lambda t: (t[0], t[1])):
        (x0, y0), (x1, y1) = pos[a], pos[b]
        traces.append(
            go.Scatter(
                x=[x0, x1],
                y=[y0, y1],
                mode="lines",
                hoverinfo="skip",
                showlegend=False,
                line={"width": 1 + 2 * math.log1p(d["count"]), "color": "#999999"},
            )
        )
        ev = d.get("evidence", [])
        shown = "<br>".join(html.escape(str(e)) for e in ev[:max_evidence])
        more = f"<br>... {len(ev) - max_evidence} more" if len(ev) > max_evidence else ""
        mx.append((x0 + x1) / 2)
        my.append((y0 + y1) / 2)
        mtext.append(
            f"{html.escape(a)} – {html.escape(b)}<br>shared windows: {d['count']}<br>"
            f"{html.escape(str(d.get('measure', '')))}: {d['score']:.3f}<br>evidence (doc:sent:start-end):<br>"
            f"{shown}{more}"
        )
    traces.append(
        go.Scatter(
            x=mx,
            y=my,
            mode="markers",
            marker={"size": 6, "color": "rgba(0,0,0,0.15)"},
            hovertext=mtext,
            hoverinfo="text",
            name="ties (hover)",
            showlegend=False,
        )
    )
    for typ in sorted({g.nodes[n].get("type", "") for n in g.nodes}):
        nodes = sorted(n for n in g.nodes if g.nodes[n].get("type", "") == typ)
        traces.append(
            go.Scatter(
                x=[pos[n][0] for n in nodes],
                y=[pos[n][1] for n in nodes],
                mode="markers+text",
                name=typ,
                text=[html.escape(n) for n in nodes],
                textposition="top center",
                marker={
                    "size": [8 + 3 * math.sqrt(g.nodes[n]["mentions"]) for n in nodes],
                    "color": _TYPE_COLOURS.get(typ, "#999999"),
                },
                hovertext=[
                    f"{html.escape(n)}<br>mentions: {g.nodes[n]['mentions']}<br>documents: {g.nodes[n]['n_docs']}"
                    for n in nodes
                ],
                hoverinfo="text",
            )
        )
    fig = go.Figure(traces)
    if g.number_of_nodes() < full.number_of_nodes() or g.number_of_edges() < full.number_of_edges():
        shown = (
            f"{cap_phrase(g.number_of_nodes(), full.number_of_nodes(), 'actor')}, "
            f"{g.number_of_edges()} of {full.number_of_edges()} ties"
        )
    else:
        shown = f"{g.number_of_nodes()} actors, {g.number_of_edges()} ties"
    fig.update_layout(
        title=html.escape(title) if title else f"Actor network: {shown} (hover for evidence)",
        xaxis={"visible": False},
        yaxis={"visible": False},
        template="plotly_white",
        height=550,
        legend_title_text="actor type",
    )
    return fig


def plot_network_small_multiples(
    graphs: dict[str, nx.Graph],
    layout: pd.DataFrame,
    *,
    title: str | None = None,
    top_n: int = 9,
    top_nodes: int = 15,
) -> Figure:
    """One panel per group (e.g. outlet), all with the same node positions.

    Only the ``top_n`` groups with most ties (then most actors, then by
    name) get a panel, each with at most ``top_nodes`` actors (those with
    ties first, then most mentions); the title says "top 9 of N groups"
    when some are left out.
    """
    check_top_n(top_n)
    check_top_n(top_nodes, "top_nodes")
    size = {
        str(k): g.number_of_edges() * 1_000_000 + g.number_of_nodes() for k, g in graphs.items()
    }
    names = top_by_size(size, top_n)
    by_name = {str(k): g for k, g in graphs.items()}
    k = max(len(names), 1)
    cols = min(k, 3)
    rows = math.ceil(k / cols)
    fig = Figure(figsize=(4.2 * cols, 3.8 * rows + 0.4))
    axes = fig.subplots(rows, cols, squeeze=False)
    pos = {a: (x, y) for a, x, y in layout[["actor", "x", "y"]].itertuples(index=False)}
    colours = outlet_colors(size)
    for ax, name in zip(axes.flat, names, strict=False):
        full = by_name[name]
        g = _top_nodes(full, top_nodes, tied_first=True)
        _draw(ax, g, pos, label=True)
        more = (
            f" (top {g.number_of_nodes()} of {full.number_of_nodes()})"
            if g.number_of_nodes() < full.number_of_nodes()
            else ""
        )
        n_e = full.number_of_edges()
        ax.set_title(
            f"{plot_label(name, 28)}: {full.number_of_nodes()} actors{more}, "
            f"{n_e} tie{'' if n_e == 1 else 's'}",
            fontsize=9,
        )
        for side in ("top", "bottom", "left", "right"):
            ax.spines[side].set_color(colours[name])
    for ax in list(axes.flat)[len(names) :]:
        ax.axis("off")
    head = title or "Actor networks by group (same positions in every panel)"
    if len(names) < len(graphs):
        head += f"; {cap_phrase(len(names), len(graphs), 'group')} by number of ties"
    fig.suptitle(plot_label(head, None))
    tight(fig)
    return fig


def plot_ego_network(
    g: nx.Graph,
    actor: str,
    layout: pd.DataFrame | None = None,
    *,
    seed: int = 42,
    title: str | None = None,
    top_n: int = 20,
) -> Figure:
    """The ego network of one actor: the actor, its neighbours and the ties among them.

    Only the ``top_n`` neighbours with most mentions are drawn; the title
    says "top 20 of N neighbours" when some are left out.
    """
    check_top_n(top_n)
    ego = nx.ego_graph(g, actor) if actor in g else nx.Graph()
    n_nb = max(ego.number_of_nodes() - 1, 0)
    ego = _top_nodes(ego, top_n + 1, keep=actor)
    fig = Figure(figsize=(7, 5.5))
    ax = fig.subplots()
    _draw(
        ax,
        ego,
        _pos(layout, ego, seed) if layout is None else _pos(layout, g, seed),
        highlight=actor,
    )
    shown = max(ego.number_of_nodes() - 1, 0)
    nb = cap_phrase(shown, n_nb, "neighbour") if shown < n_nb else f"{n_nb} neighbours"
    ax.set_title(plot_label(title or f"Ego network of {actor}: {nb}", None))
    ax.set_xlabel("position from a seeded spring layout")
    tight(fig)
    return fig


def plot_mentions_over_time(
    counts: pd.DataFrame, *, top: int = 6, title: str | None = None, min_dates_for_lines: int = 10
) -> Figure:
    """Mentions per actor per date from ``actor_counts(..., by="published")`` (top actors overall).

    With fewer than ``min_dates_for_lines`` distinct dates the points are not
    joined: a line across a gap of months would suggest a trend that a
    handful of articles cannot show. Undated documents (group ``"(missing)"``
    or any value that is not a date) are left out of the figure.
    """
    fig = Figure(figsize=(8, 4.5))
    dated = pd.to_datetime(counts["group"], errors="coerce")
    counts = counts.assign(group=dated)[dated.notna()]
    joined = counts["group"].nunique() >= min_dates_for_lines
    ax = fig.subplots()
    tot = counts.groupby("actor")["n_mentions"].sum().reset_index()
    keep = tot.sort_values(["n_mentions", "actor"], ascending=[False, True], kind="mergesort")[
        "actor"
    ].head(top)
    palette = OKABE_ITO + ["#999999"]
    for i, actor in enumerate(keep):
        d = counts[counts["actor"] == actor].sort_values("group", kind="mergesort")
        ax.plot(
            pd.to_datetime(d["group"]),
            d["n_mentions"],
            marker="o",
            linestyle="-" if joined else "none",
            label=plot_label(actor, 30),
            color=palette[i % len(palette)],
        )
    ax.set_xlabel("publication date")
    ax.set_ylabel("mentions per day (count)")
    n_act = int(counts["actor"].nunique())
    shown = (
        cap_phrase(len(keep), n_act, "actor") if len(keep) < n_act else f"top {len(keep)} actors"
    )
    ax.set_title(
        plot_label(
            title
            or f"Mentions over time, {shown}, n = {int(counts['n_mentions'].sum()):,} mentions",
            None,
        )
    )
    ax.legend(fontsize=8, frameon=False)
    fig.autofmt_xdate()
    tight(fig)
    return fig
