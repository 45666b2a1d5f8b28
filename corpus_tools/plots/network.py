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

import io
import math
import textwrap
import warnings
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib import patheffects
from matplotlib.figure import Figure as _MplFigure
from matplotlib.lines import Line2D

from ..errors import CorpusValueError, check_table
from ._base import (
    OKABE_ITO,
    PALETTE,
    PALETTE_SIZE,
    cap_phrase,
    check_top_n,
    distinct_colors,
    plot_label,
    plotly_text,
    shown_colors,
    text_color_on,
    tight,
    top_by_size,
)

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


_OTHER = "#999999"  # actor types past the palette share this grey and one legend entry


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
    check_table(
        cooc,
        ["actor_a", "actor_b", "count", value],
        "plot_cooccurrence_heatmap",
        "cooccurrence(corpus)",
    )
    if counts is not None:
        check_table(
            counts, ["actor", "n_mentions"], "plot_cooccurrence_heatmap", "actor_counts(mentions)"
        )
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
                        j,
                        i,
                        str(cnt[i, j]),
                        ha="center",
                        va="center",
                        fontsize=7,
                        color=text_color_on(im.cmap(im.norm(mat[i, j]))),
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


def need_graph(g: Any, fn: str) -> None:
    """Raise a ``CorpusValueError`` naming ``fn`` unless ``g`` is a networkx graph."""
    if not isinstance(g, nx.Graph):
        raise CorpusValueError(
            f"{fn}: g= is a {type(g).__name__}; pass the graph of "
            "network(cooccurrence(corpus), actor_mentions(corpus))."
        )


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
    return _induced(g, set(ranked[:top_n]))


def _induced(g: nx.Graph, keep: set) -> nx.Graph:
    """The subgraph on ``keep`` with nodes and ties in ``g``'s order.

    ``g.subgraph(nodes).copy()`` walks the kept *set* when it is less than
    half the graph, so its node and edge order (and with it the spring
    layout and the drawing order) changed with Python's string hashing from
    one run to the next.
    """
    h = nx.Graph()
    h.graph.update(g.graph)
    h.add_nodes_from((n, dict(d)) for n, d in g.nodes(data=True) if n in keep)
    h.add_edges_from((a, b, dict(d)) for a, b, d in g.edges(data=True) if a in keep and b in keep)
    return h


def _type_of(g: nx.Graph, n: Any) -> str:
    return str(g.nodes[n].get("type") or "(no type)")


def _type_colours(types: Any) -> dict[str, str]:
    """Colour per actor type: the usual six keep theirs, others get unused colours, then grey."""
    return distinct_colors(types, _TYPE_COLOURS, other=_OTHER)


def _type_handles(colours: dict[str, str]) -> list[Line2D]:
    """Legend entries, one per colour: types past the palette pooled as "other (N types)"."""
    grey = [t for t, c in colours.items() if c == _OTHER]
    handles = [
        Line2D([], [], marker="o", linestyle="", color=c, label=plot_label(t, 20))
        for t, c in colours.items()
        if c != _OTHER
    ]
    if grey:
        label = plot_label(grey[0], 20) if len(grey) == 1 else f"other ({len(grey)} types)"
        handles.append(Line2D([], [], marker="o", linestyle="", color=_OTHER, label=label))
    return handles


def _packed(
    pos: dict[str, tuple[float, float]], g: nx.Graph, *, gap: float = 0.8, aspect: float = 1.6
) -> tuple[dict[str, tuple[float, float]], list[str]]:
    """Lay each connected component of ``g`` out in its own box and pack the boxes.

    Each component with a tie keeps the shape it has in ``pos`` (the seeded
    spring layout), centred and scaled so that its longer side is the square
    root of its number of nodes (area grows with size). Boxes are packed
    left to right in rows about ``aspect`` times wider than tall, largest
    first, each centred on its row. A detached component or a lone node thus
    cannot squeeze the main one into a corner. Nodes without a tie are not
    placed: they are returned, sorted, to be listed in a note.
    """
    comps = [sorted(map(str, c)) for c in nx.connected_components(g) if len(c) > 1]
    comps.sort(key=lambda c: (-len(c), c[0]))
    by_str = {str(n): n for n in g.nodes}
    placed = {n for c in comps for n in c}
    isolated = sorted(n for n in by_str if n not in placed)
    boxes = []
    for comp in comps:
        xy = np.array([pos[by_str[n]] for n in comp], dtype=float)
        lo, hi = xy.min(axis=0), xy.max(axis=0)
        span = float(max((hi - lo).max(), 1e-9))
        xy = (xy - (lo + hi) / 2) / span * math.sqrt(len(comp))
        w, h = (xy.max(axis=0) - xy.min(axis=0)).tolist()
        boxes.append((comp, xy, w, h))
    if not boxes:
        return {}, isolated
    area = sum((w + gap) * (h + gap) for _, _, w, h in boxes)
    row_width = max(boxes[0][2], math.sqrt(area * aspect))
    rows: list[list[tuple[list[str], Any, float, float]]] = [[]]
    x = 0.0
    for box in boxes:
        if rows[-1] and x + box[2] > row_width + 1e-9:
            rows.append([])
            x = 0.0
        rows[-1].append(box)
        x += box[2] + gap
    out: dict[str, tuple[float, float]] = {}
    top = 0.0
    for row in rows:
        row_h = max(h for *_, h in row)
        x = 0.0
        for comp, xy, w, _ in row:
            cx, cy = x + w / 2, top - row_h / 2
            for n, (px, py) in zip(comp, xy.tolist(), strict=True):
                # 2 decimals (under a pixel): float noise in the spring layout never moves a node
                out[by_str[n]] = (round(px + cx, 2) + 0.0, round(py + cy, 2) + 0.0)
            x += w + gap
        top -= row_h + gap
    return out, isolated


_UNTIED = "No tie with a positive association score and min_count shared windows to a drawn actor"


def _isolated_note(isolated: list[str], limit: int = 12, *, lead: str = "") -> str:
    """One line listing the actors not drawn for want of a tie (shortened past ``limit`` names).

    :func:`corpus_tools.network` keeps a tie only with a positive association score
    (and ``min_count`` shared windows): "No tie to a drawn actor" under a heatmap that
    shows Donald Trump and the United States in 3 shared sentences (NPMI below 0) read
    as a contradiction, so the note names the rule. ``lead`` replaces that rule's
    sentence (for actors whose ties were cut by ``max_edges``).
    """
    if not isolated:
        return ""
    names = ", ".join(plot_label(n, 24) for n in isolated[:limit])
    more = f" and {len(isolated) - limit:,} more" if len(isolated) > limit else ""
    text = f"{lead or _UNTIED} (not drawn): {names}{more}"
    return text if text.endswith("\u2026") else text + "."


def _node_size(d: dict[str, Any]) -> float:
    return 40 + 25 * math.sqrt(d.get("mentions", 1))


def _label_order(g: nx.Graph, first: str | None = None) -> list[Any]:
    """Nodes in labelling order: ``first``, then most mentions, most ties, name."""
    return sorted(
        g.nodes,
        key=lambda n: (
            n != first,
            -float(g.nodes[n].get("mentions", 0)),
            -g.degree(n),
            str(n),
        ),
    )


def _draw(
    ax: Any,
    g: nx.Graph,
    pos: dict[str, tuple[float, float]],
    *,
    label: bool = True,
    highlight: str | None = None,
    max_labels: int = 15,
    colours: dict[str, str] | None = None,
) -> None:
    """Draw ``g`` at ``pos`` (nodes missing from ``pos`` are skipped); queue labels.

    Labels are attached to ``ax`` as ``ax._ct_labels`` (node, annotation,
    marker size) for :func:`_declutter`, which must run after the figure's
    final layout.
    """
    if g.number_of_nodes() == 0:
        ax.text(
            0.5,
            0.5,
            "no actor pairs above min_count",
            ha="center",
            va="center",
            transform=ax.transAxes,
        )
    colours = colours or _type_colours(_type_of(g, n) for n in g.nodes)
    max_c = max([d.get("count", 1) for _, _, d in g.edges(data=True)] or [1])
    for a, b, d in sorted(g.edges(data=True), key=lambda t: (t[0], t[1])):
        if a not in pos or b not in pos:
            continue
        (x0, y0), (x1, y1) = pos[a], pos[b]
        ax.plot(
            [x0, x1],
            [y0, y1],
            color="#777777",
            linewidth=0.5 + 3.5 * d.get("count", 1) / max_c,
            alpha=0.6,
            zorder=1,
        )
    drawn = [n for n in sorted(g.nodes) if n in pos]
    for n in drawn:
        d = g.nodes[n]
        x, y = pos[n]
        ax.scatter(
            [x],
            [y],
            s=_node_size(d),
            color=colours[_type_of(g, n)],
            edgecolor="black" if n == highlight else "white",
            linewidth=2 if n == highlight else 0.5,
            zorder=2,
        )
    queued = []
    if label:
        for n in [n for n in _label_order(g, highlight) if n in pos][:max_labels]:
            radius = math.sqrt(_node_size(g.nodes[n])) / 2  # points
            ann = ax.annotate(
                plot_label(n, 20),
                pos[n],
                fontsize=7,
                ha="center",
                va="bottom",
                xytext=(0, radius + _NEAR),
                textcoords="offset points",
                zorder=3,
                path_effects=_HALO,
            )
            queued.append((n, ann, _node_size(g.nodes[n])))
    ax._ct_labels = queued
    ax._ct_points = [(pos[n], _node_size(g.nodes[n]), n) for n in drawn]
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():  # positions have no scale: an axis line reads as one
        spine.set_visible(False)
    ax.set_aspect("equal", adjustable="datalim")
    ax.margins(0.12)


# where a label may sit around its node: direction (dx, dy), ha, va; the offset is the node's
# radius plus _NEAR points, or plus _FAR points with a thin leader line to the node
_SPOTS = [
    ((0.0, 1.0), "center", "bottom"),
    ((0.0, -1.0), "center", "top"),
    ((1.0, 0.0), "left", "center"),
    ((-1.0, 0.0), "right", "center"),
    ((0.7, 0.7), "left", "bottom"),
    ((-0.7, 0.7), "right", "bottom"),
    ((0.7, -0.7), "left", "top"),
    ((-0.7, -0.7), "right", "top"),
]
_NEAR, _FAR = 2.0, (16.0, 32.0)
_CLEAR = 8.0  # points between a label set apart and any other node
# a thin white outline: a label stays readable over edges and over its own node
_HALO = [patheffects.withStroke(linewidth=2.0, foreground="white")]
_LEADER = {"arrowstyle": "-", "color": "#444444", "linewidth": 0.7, "shrinkA": 0}


def _gap(box: Any, node: Any) -> float:
    """Pixels between a label box and a node's disc (0 when they touch or overlap)."""
    cx, cy = (node.x0 + node.x1) / 2, (node.y0 + node.y1) / 2
    dx = max(box.x0 - cx, 0.0, cx - box.x1)
    dy = max(box.y0 - cy, 0.0, cy - box.y1)
    return max(0.0, math.hypot(dx, dy) - node.width / 2)


def _label_fits(
    cand: Any, span: Any, n: Any, frame: Any, taken: list[Any], nodes: dict, rule: str, clear: float
) -> bool:
    """Whether a label box ``cand`` may stand: inside the axes, ``span`` (the box with its leader
    line) on no other label, and by ``rule``: "near" (its own node is the nearest: a label beside
    a neighbour reads as the neighbour's; 10kGNAD's "United States" sat under the European Union
    node), "clear" (``clear`` px or more from any other node, its leader line through none), "on"
    (centred on its own node) or "any" (beside it); "on" and "any": over no other node's centre,
    the label's centre nearer its own node's than any other."""
    inside = (
        cand.x0 >= frame.x0 and cand.x1 <= frame.x1 and cand.y0 >= frame.y0 and cand.y1 <= frame.y1
    )
    if not inside or any(span.overlaps(t) for t in taken):
        return False
    others = [b for m, b in nodes.items() if m != n]
    if rule == "near":
        own = _gap(cand, nodes[n]) if n in nodes else 0.0
        return all(_gap(cand, b) > own for b in others)
    if rule in ("on", "any"):
        own_c, mid = _centre(nodes[n]) if n in nodes else _centre(cand), _centre(cand)
        d_own = math.dist(own_c, mid)
        return not any(
            cand.contains(*_centre(b))
            or math.dist(_centre(b), mid) <= d_own
            or math.dist(_centre(b), mid) < b.width / 2  # on another disc: Iran under the US
            for b in others
        )
    if any(_gap(cand, b) < clear for b in others):  # set apart, but not beside another node
        return False
    if n not in nodes:
        return True
    (x0, y0), (x1, y1) = _centre(nodes[n]), _centre(cand)
    return not any(_crosses(x0, y0, x1, y1, b) for b in others)


def _centre(b: Any) -> tuple[float, float]:
    return (b.x0 + b.x1) / 2, (b.y0 + b.y1) / 2


def _crosses(x0: float, y0: float, x1: float, y1: float, node: Any) -> bool:
    """Whether the segment (x0, y0)-(x1, y1) passes through a node's disc."""
    cx, cy = _centre(node)
    dx, dy = x1 - x0, y1 - y0
    t = ((cx - x0) * dx + (cy - y0) * dy) / max(dx * dx + dy * dy, 1e-9)
    t = min(1.0, max(0.0, t))
    return math.hypot(x0 + t * dx - cx, y0 + t * dy - cy) < node.width / 2


def _place_label(ann: Any, radius: float, renderer: Any, test: Any, rules: tuple) -> Any:
    """The first spot ``test`` takes, near the node, then far (with a leader line): its box
    (text and leader line) and whether it is far; None when no spot fits."""
    from matplotlib.text import Text
    from matplotlib.transforms import Bbox

    gaps = {"clear": _FAR, "on": (-radius,)}
    tries = [(rule, gap) for rule in rules for gap in gaps.get(rule, (_NEAR,))]
    for rule, gap in tries:
        far = rule == "clear"
        for (dx, dy), ha, va in _SPOTS if rule != "on" else [((0.0, 0.0), "center", "center")]:
            step = radius + gap
            ann.set_position((dx * step, dy * step))
            ann.set_ha(ha)
            ann.set_va(va)
            ann.update_positions(renderer)
            cand = Text.get_window_extent(ann, renderer).expanded(1.04, 1.1)
            span = Bbox.union([cand, test.node_box]) if far and test.node_box else cand
            if test(cand, span, rule):
                return span, far
    return None


def _redrawn(ax: Any, ann: Any, leader: float | None) -> Any:
    """``ann`` drawn again where it was placed; with a thin line from its text to its node
    when ``leader`` (the node's radius in points) is given: a label set apart."""
    new = ax.annotate(
        ann.get_text(),
        ann.xy,
        fontsize=ann.get_fontsize(),
        ha=ann.get_ha(),
        va=ann.get_va(),
        xytext=ann.get_position(),
        textcoords="offset points",
        zorder=ann.get_zorder(),
        arrowprops=None if leader is None else {**_LEADER, "shrinkB": leader},
        path_effects=_HALO,
    )
    ann.remove()
    return new


class _Fits:
    """The test _place_label applies to one label: _label_fits with its node and the boxes
    taken so far (``node_box``: the node's own box, which a leader line reaches)."""

    def __init__(self, n: Any, frame: Any, taken: list[Any], nodes: dict, clear: float) -> None:
        self.n, self.frame, self.taken, self.nodes = n, frame, taken, nodes
        self.node_box, self.clear = nodes.get(n), clear

    def __call__(self, cand: Any, span: Any, rule: str) -> bool:
        return _label_fits(cand, span, self.n, self.frame, self.taken, self.nodes, rule, self.clear)


def _declutter(fig: Any, must_label: int = 5) -> None:
    """Keep each queued label only where it is plainly its own node's and overlaps no other label.

    Labels are tried in priority order (most mentions first) around their node, using the
    rendered text extents: first beside it, where its own node must be the nearest one;
    then set apart on no node, joined to its node by a thin leader line; the first
    ``must_label`` may then cover a node when nothing else fits. A label that fits nowhere
    is removed (the actor stays in the table and in the hover text of the interactive
    figure). Run after the final layout.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.transforms import Bbox

    if not isinstance(fig.canvas, FigureCanvasAgg):
        FigureCanvasAgg(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        queued = getattr(ax, "_ct_labels", [])
        if not queued:
            continue
        frame = ax.get_window_extent(renderer)
        to_px = fig.dpi / 72.0
        nodes = {}
        for (x, y), size, n in getattr(ax, "_ct_points", []):
            px, py = ax.transData.transform((x, y))
            r = math.sqrt(size) / 2 * to_px
            nodes[n] = Bbox([[px - r, py - r], [px + r, py + r]])
        taken: list[Any] = []
        kept = []
        for rank, (n, ann, size) in enumerate(queued):
            rules = ("near", "clear", "on", "any") if rank < must_label else ("near", "clear", "on")
            radius = math.sqrt(size) / 2
            fits = _Fits(n, frame, taken, nodes, _CLEAR * to_px)
            placed = _place_label(ann, radius, renderer, fits, rules)
            if placed is None:
                ann.remove()
                continue
            taken.append(placed[0])
            kept.append((n, ann, size, radius if placed[1] else None))
        # drawn again in priority order, a label set apart with its leader line
        ax._ct_labels = [(n, _redrawn(ax, ann, leader), size) for n, ann, size, leader in kept]


def plot_network(
    g: nx.Graph,
    layout: pd.DataFrame | None = None,
    *,
    seed: int = 42,
    title: str | None = None,
    top_n: int = 40,
    max_labels: int = 20,
) -> Figure:
    """Static network: node size = mentions, colour = actor type, edge width = count.

    Only the ``top_n`` actors with most mentions (and the ties among them)
    are drawn; the title says "top 40 of N actors" when some are left out.
    Each connected component gets its own box, packed largest first;
    actors without a tie are listed under the figure, not drawn. At most
    ``max_labels`` actors are labelled (most mentions first), and only
    where the label overlaps no other label or node; every actor is in
    the table and in the hover text of :func:`plot_network_interactive`.
    """
    need_graph(g, "plot_network")
    check_top_n(top_n)
    check_top_n(max_labels, "max_labels")
    full = g
    g = _top_nodes(g, top_n, tied_first=True)
    pos, isolated = _packed(_pos(layout, g, seed), g)
    fig = Figure(figsize=(8, 6))
    ax = fig.subplots()
    colours = _type_colours(_type_of(g, n) for n in g.nodes if n in pos)
    _draw(ax, g, pos, max_labels=max_labels, colours=colours)
    shown = (
        _capped_shown(len(pos), full, g.number_of_edges())
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
    if colours:
        ax.legend(
            handles=_type_handles(colours),
            title="actor type",
            fontsize=7,
            title_fontsize=7,
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            frameon=False,
        )
    note = (
        "Position: seeded spring layout, one box per connected group of actors, largest first "
        "(distances carry no precise meaning). Labels: the actors with most mentions, beside "
        "their node or joined to it by a thin line, where they fit; all actors are in the table. "
        + _isolated_note(isolated)
    )
    ax.set_xlabel("\n".join(textwrap.wrap(note.strip(), 100)), fontsize=8)
    tight(fig)
    _declutter(fig)
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
    max_labels: int = 15,
) -> Any:
    """Plotly network with hover text: node mentions; edge count, score and evidence ids.

    Hover text is HTML-escaped (actor names can come from user data). Only
    the ``top_n`` actors with most mentions and, among them, the
    ``max_edges`` ties with the highest count are drawn; the title says so
    when some are left out. Components are packed as in :func:`plot_network`,
    actors without a tie are listed under the figure, and only the
    ``max_labels`` actors with most mentions whose labels (above the node,
    or else below, right or left of it) overprint neither a larger actor's
    label nor another actor's marker carry a label: the others show their
    name on hover.
    """
    need_graph(g, "plot_network_interactive")
    import plotly.graph_objects as go

    check_top_n(top_n)
    check_top_n(max_edges, "max_edges")
    check_top_n(max_labels, "max_labels")
    full = g
    top = _top_nodes(g, top_n, tied_first=True)
    g = _top_edges(top, max_edges)
    pos, isolated = _packed(_pos(layout, g, seed), g)
    tied = {str(n) for n, d in top.degree if d}  # their ties were cut by max_edges
    note = " ".join(
        _isolated_note([n for n in isolated if (n in tied) == cut], lead=lead)
        for cut, lead in [
            (False, _UNTIED),
            (True, f"Ties only beyond the {max_edges:,} drawn, which have the highest counts"),
        ]
    )
    sizes = {n: _marker_px(g.nodes[n]) for n in pos}
    labelled = _fitting_labels(_label_order(g.subgraph(pos)), pos, max_labels, sizes)
    colours = _type_colours(_type_of(g, n) for n in pos)
    fig = go.Figure([*_edge_traces(g, pos, max_evidence), *_node_traces(g, pos, colours, labelled)])
    if g.number_of_nodes() < full.number_of_nodes() or g.number_of_edges() < full.number_of_edges():
        shown = _capped_shown(len(pos), full, g.number_of_edges())
    else:
        shown = f"{g.number_of_nodes()} actors, {g.number_of_edges()} ties"
    fig.update_layout(
        title=plotly_text(title) if title else f"Actor network: {shown} (hover for evidence)",
        xaxis={"visible": False},
        yaxis={"visible": False},
        template="plotly_white",
        height=550,
        legend_title_text="actor type",
    )
    if isolated:  # wrapped: one line of 27 left-out actors ran past the figure's edge
        lines = textwrap.wrap(note.strip(), 130)
        fig.add_annotation(
            text="<br>".join(plotly_text(line) for line in lines),
            xref="paper",
            yref="paper",
            x=0,
            y=-0.06,
            showarrow=False,
            xanchor="left",
            yanchor="top",
            font={"size": 11},
        )
        fig.update_layout(margin={"b": 74 + 16 * len(lines)})  # 90 for one line
    return fig


def _capped_shown(drawn: int, full: nx.Graph, n_edges: int) -> str:
    """Title words of a capped network: the actors actually drawn, and the ties.

    3,000 cybersecurity headlines: 'top 60 of 67 actors, 46 of 49 ties' over a drawing of
    28 actors: 32 actors without a tie took places among the 60 (and are not drawn), and
    pushed out actors whose ties were then lost. The places now go to actors with a tie
    first, and the title counts the drawn ones: '35 of 67 actors drawn, all 49 ties'.
    """
    n_all = full.number_of_edges()
    ties = f"all {n_all:,} ties" if n_edges == n_all else f"{n_edges:,} of {n_all:,} ties"
    return f"{drawn:,} of {full.number_of_nodes():,} actors drawn, {ties}"


def _marker_px(d: dict[str, Any]) -> float:
    """Marker diameter in px of the interactive network: the static figure's (area _node_size)."""
    return round(math.sqrt(_node_size(d)), 1)


def _fitting_labels(
    order: list[Any],
    pos: dict[str, tuple[float, float]],
    max_labels: int,
    sizes: dict[Any, float] | None = None,
) -> dict[Any, str]:
    """Label positions of the first ``max_labels`` nodes whose label fits beside them.

    A node of ``order`` gets the first of "top center", "bottom center",
    "middle right" and "middle left" where its label overprints no label kept
    before it and no other node's marker (a label on a neighbour's disc reads
    as that neighbour's name); a node whose centre lies on a labelled node's
    disc gets none. The first five labelled nodes (the most mentioned) that
    find no such place take the one covering fewest markers ("middle center":
    on their own disc) that overprints no label: in a crowded centre the
    largest actors were otherwise the ones left unnamed.

    Boxes are estimated for the interactive figure's plot area (about 650 x 420
    px, 7 px per character of 12 px text, 16 px high); an actor left without a
    label still shows its name on hover. ``sizes`` are marker diameters in px
    (plotly draws a label beyond the marker's edge).
    """
    if not pos:
        return {}
    sizes = sizes or {}
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    sx = 650 / max(max(xs) - min(xs), 1e-9)
    sy = 420 / max(max(ys) - min(ys), 1e-9)
    discs = {n: (p[0] * sx, p[1] * sy, sizes.get(n, 8.0) / 2) for n, p in pos.items()}
    kept: list[tuple[float, float, float, float]] = []
    out: dict[Any, str] = {}
    for n in order:
        if len(out) >= max_labels:
            break
        x, y, r = discs[n]
        if any(_box_on_disc((x, x, y, y), discs[m]) for m in out):
            continue  # its centre is on a labelled actor's disc: a label would name either
        first = len(out) < _FIRST_LABELS
        free = [
            (sum(_box_on_disc(box, d) for m, d in discs.items() if m != n), i, where, box)
            for i, (where, box) in enumerate(_label_boxes(x, y, 3.5 * len(str(n)), r))
            if (first or where != "middle center") and not any(_boxes_overlap(box, k) for k in kept)
        ]
        # beside its node on no other marker; the first few actors (the most mentioned,
        # else unlabelled in a crowded centre) also where their label covers fewest markers
        best = min(free, default=None)
        if best is not None and (best[0] == 0 or first):
            kept.append(best[3])
            out[n] = best[2]
    return out


#: actors labelled even where every place beside their node covers another marker
_FIRST_LABELS = 5


def _label_boxes(
    x: float, y: float, half: float, r: float
) -> list[tuple[str, tuple[float, float, float, float]]]:
    """Candidate label boxes (x0, x1, y0, y1) in px around a node at (x, y) of radius ``r``."""
    return [
        ("top center", (x - half, x + half, y + r + 2, y + r + 18)),
        ("bottom center", (x - half, x + half, y - r - 18, y - r - 2)),
        ("middle right", (x + r + 2, x + r + 2 + 2 * half, y - 8, y + 8)),
        ("middle left", (x - r - 2 - 2 * half, x - r - 2, y - 8, y + 8)),
        ("middle center", (x - half, x + half, y - 8, y + 8)),  # on its own disc
    ]


def _boxes_overlap(
    a: tuple[float, float, float, float], b: tuple[float, float, float, float]
) -> bool:
    """Whether two (x0, x1, y0, y1) boxes share area (touching edges do not)."""
    return a[0] < b[1] and b[0] < a[1] and a[2] < b[3] and b[2] < a[3]


def _box_on_disc(box: tuple[float, float, float, float], disc: tuple[float, float, float]) -> bool:
    """Whether a (x0, x1, y0, y1) box covers part of a disc (x, y, r)."""
    x, y, r = disc
    dx = x - min(max(x, box[0]), box[1])
    dy = y - min(max(y, box[2]), box[3])
    return dx * dx + dy * dy < r * r


def _top_edges(g: nx.Graph, max_edges: int) -> nx.Graph:
    """``g`` with only its ``max_edges`` ties of highest count (then by names); all nodes kept."""
    if g.number_of_edges() <= max_edges:
        return g
    ranked = sorted(g.edges(data=True), key=lambda t: (-t[2].get("count", 1), t[0], t[1]))
    h = nx.Graph()
    h.add_nodes_from(g.nodes(data=True))
    h.add_edges_from(ranked[:max_edges])
    return h


def _edge_hover(a: str, b: str, d: dict[str, Any], max_evidence: int) -> str:
    """Hover text of one tie: actors, shared windows, score and evidence ids (escaped)."""
    ev = d.get("evidence", [])
    shown = "<br>".join(plotly_text(str(e)) for e in ev[:max_evidence])
    more = f"<br>... {len(ev) - max_evidence} more" if len(ev) > max_evidence else ""
    return (
        f"{plotly_text(a)} – {plotly_text(b)}<br>shared windows: {d['count']}<br>"
        f"{plotly_text(str(d.get('measure', '')))}: {d['score']:.3f}<br>evidence (doc:sent:start-end):<br>"
        f"{shown}{more}"
    )


def _edge_traces(g: nx.Graph, pos: dict[str, tuple[float, float]], max_evidence: int) -> list:
    """One line per tie (width by count), then one marker trace at tie midpoints for hover."""
    import plotly.graph_objects as go

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
        mx.append((x0 + x1) / 2)
        my.append((y0 + y1) / 2)
        mtext.append(_edge_hover(a, b, d, max_evidence))
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
    return traces


def _node_traces(
    g: nx.Graph,
    pos: dict[str, tuple[float, float]],
    colours: dict[str, str],
    labelled: dict[Any, str],
) -> list:
    """One marker trace per actor type (a legend entry), labels on the ``labelled`` actors.

    ``labelled`` maps an actor to its label position ("top center", "middle right", ...).
    """
    import plotly.graph_objects as go

    traces = []
    for typ, colour in colours.items():
        nodes = sorted(n for n in pos if _type_of(g, n) == typ)
        traces.append(
            go.Scatter(
                x=[pos[n][0] for n in nodes],
                y=[pos[n][1] for n in nodes],
                mode="markers+text",
                name=typ,
                text=[plotly_text(str(n)) if n in labelled else "" for n in nodes],
                textposition=[labelled.get(n, "top center") for n in nodes],
                marker={
                    # diameter = the static figure's (its marker area is _node_size): 8 px at
                    # 1 mention, 29 px at 1,000, 75 px at 50,000 (was 8 + 3 * sqrt: 680 px)
                    "size": [_marker_px(g.nodes[n]) for n in nodes],
                    "color": colour,
                },
                hovertext=[
                    f"{plotly_text(n)}<br>mentions: {g.nodes[n]['mentions']}<br>documents: {g.nodes[n]['n_docs']}"
                    for n in nodes
                ],
                hoverinfo="text",
            )
        )
    return traces


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
    when some are left out. A group without a tie has nothing to draw (an
    actor without a tie has no place in the layout) and gets no panel; the
    note says how many; with no tie in any group the figure says so.
    """
    for name, graph in graphs.items():
        need_graph(graph, f"plot_network_small_multiples (group {name!r})")
    check_table(
        layout, ["actor", "x", "y"], "plot_network_small_multiples", "network_layout(graph)"
    )
    check_top_n(top_n)
    check_top_n(top_nodes, "top_nodes")
    size = {
        str(k): g.number_of_edges() * 1_000_000 + g.number_of_nodes() for k, g in graphs.items()
    }
    by_name = {str(k): g for k, g in graphs.items()}
    names = top_by_size({k: v for k, v in size.items() if by_name[k].number_of_edges()}, top_n)
    if not names:
        return _no_ties_figure(title, len(graphs))
    cols = min(max(len(names), 1), 3)
    rows = math.ceil(max(len(names), 1) / cols)
    fig = Figure(figsize=(4.2 * cols, 3.8 * rows + 0.4))
    axes = fig.subplots(rows, cols, squeeze=False)
    pos, isolated = _shared_positions(graphs, layout)
    types = _type_colours(_type_of(gr, n) for gr in graphs.values() for n in gr.nodes if n in pos)
    colours = shown_colors(size, names)
    for ax, name in zip(axes.flat, names, strict=False):
        _draw_panel(ax, name, by_name[name], pos, types, colours[name], top_nodes)
    for ax in list(axes.flat)[len(names) :]:
        ax.axis("off")
    head = title or "Actor networks by group (same positions in every panel)"
    if len(names) < len(graphs):
        head += f"; {cap_phrase(len(names), len(graphs), 'group')} by number of ties"
    fig.suptitle(plot_label(head, None))
    untied = sum(1 for g in graphs.values() if not g.number_of_edges())
    note = (
        "Same positions in every panel: one box per connected group of actors (all groups "
        "together), largest first. Labels: the actors with most mentions, beside their node or "
        "joined to it by a thin line, where they fit. "
        + (f"{untied:,} group(s) without a tie have no panel. " if untied else "")
        + _isolated_note(isolated)
    )
    width = int(fig.get_figwidth() * 15)  # characters of 7-point text per line
    lines = textwrap.wrap(note.strip(), width)
    fig.text(0.01, 0.005, "\n".join(lines), fontsize=7, va="bottom")
    if types:
        fig.legend(
            handles=_type_handles(types),
            loc="upper center",
            bbox_to_anchor=(0.5, 1 - 0.4 / fig.get_figheight()),
            ncols=min(len(types), 6),
            fontsize=7,
            frameon=False,
            title="actor type",
            title_fontsize=7,
        )
    height = fig.get_figheight()
    tight(fig, rect=(0, (0.05 + 0.11 * len(lines)) / height, 1, 1 - 0.75 / height))
    _declutter(fig)
    return fig


def _no_ties_figure(title: str | None, n_groups: int) -> Figure:
    """The small-multiples figure when no group has a tie: a sentence instead of empty panels."""
    fig = Figure(figsize=(7.0, 2.2))
    ax = fig.subplots()
    ax.axis("off")
    head = title or "Actor networks by group"
    ax.set_title(plot_label(f"{head} ({n_groups:,} group{'s' if n_groups != 1 else ''})", None))
    ax.text(
        0.5,
        0.5,
        "No group has a tie between two actors (at the minimum count): nothing to draw.\n"
        "Each group's actors are in the table; lower min_count or use a wider window.",
        ha="center",
        va="center",
        fontsize=9,
        transform=ax.transAxes,
    )
    return fig


def _shared_positions(
    graphs: dict[str, nx.Graph], layout: pd.DataFrame
) -> tuple[dict[str, tuple[float, float]], list[str]]:
    """One packing of every group's actors and ties (in ``layout``), shared by all panels."""
    given = {a: (x, y) for a, x, y in layout[["actor", "x", "y"]].itertuples(index=False)}
    union = nx.Graph()
    for gr in graphs.values():
        union.add_nodes_from(n for n in gr.nodes if n in given)
        union.add_edges_from((a, b) for a, b in gr.edges if a in given and b in given)
    return _packed(given, union)


def _draw_panel(
    ax: Any,
    name: str,
    full: nx.Graph,
    pos: dict[str, tuple[float, float]],
    types: dict[str, str],
    colour: str,
    top_nodes: int,
) -> None:
    """One group's panel: its top actors drawn, a title with its counts, a frame in its colour."""
    g = _top_nodes(full, top_nodes, tied_first=True)
    _draw(ax, g, pos, label=True, max_labels=8, colours=types)
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
    for side in ("top", "bottom", "left", "right"):  # a whole frame in the group's colour
        ax.spines[side].set_visible(True)
        ax.spines[side].set_color(colour)


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
    need_graph(g, "plot_ego_network")
    check_top_n(top_n)
    ego = _induced(g, set(nx.ego_graph(g, actor))) if actor in g else nx.Graph()
    n_nb = max(ego.number_of_nodes() - 1, 0)
    ego = _top_nodes(ego, top_n + 1, keep=actor)
    fig = Figure(figsize=(7, 5.5))
    ax = fig.subplots()
    pos, isolated = _packed(
        _pos(layout, ego, seed) if layout is None else _pos(layout, g, seed), ego
    )
    if actor in ego and actor not in pos:  # an actor with no tie: drawn alone in the middle
        pos[actor] = (0.0, 0.0)
    _draw(ax, ego, pos, highlight=actor)
    shown = max(ego.number_of_nodes() - 1, 0)
    nb = cap_phrase(shown, n_nb, "neighbour") if shown < n_nb else f"{n_nb} neighbours"
    ax.set_title(plot_label(title or f"Ego network of {actor}: {nb}", None))
    ax.set_xlabel("position from a seeded spring layout; labels where they fit", fontsize=8)
    tight(fig)
    _declutter(fig)
    return fig


def _binned_mentions(counts: pd.DataFrame, actors: list[str]) -> tuple[pd.DataFrame, str, int]:
    """Mentions per actor per day, week (span over 60 days), month (over two years) or year (20).

    Every period between the first and the last date is present for every
    actor in ``actors``: 0 when it has no mention while other actors of
    ``counts`` have some, missing (a gap in the line) when no actor of
    ``counts`` is mentioned at all -- then the corpus most likely has no
    document there, and a 0 would read as silence. Returns the table
    (``group`` = period start), the unit's name and the number of gap periods.
    """
    span = (counts["group"].max() - counts["group"].min()).days if len(counts) else 0
    period, freq, unit = ("D", "D", "day")
    if span > 7305:  # 20 years: State of the Union paragraphs 1946-2000, dated 1 January,
        # had 660 months of which 596 were gaps, and every line was single points: invisible
        period, freq, unit = ("Y", "YS", "year")
    elif span > 731:
        period, freq, unit = ("M", "MS", "month")
    elif span > 60:
        period, freq, unit = ("W-SUN", "W-MON", "week")
    start = counts["group"].dt.to_period(period).dt.start_time
    active = set(start[counts["n_mentions"] > 0])
    counts = counts.assign(group=start)
    binned = counts[counts["actor"].isin(actors)].groupby(["actor", "group"])["n_mentions"].sum()
    periods = pd.date_range(start.min(), start.max(), freq=freq)
    full = pd.MultiIndex.from_product([actors, periods], names=["actor", "group"])
    out = binned.reindex(full, fill_value=0).astype("float64").reset_index()
    out.loc[~out["group"].isin(active), "n_mentions"] = np.nan
    return out, unit, sum(1 for p in periods if p not in active)


def _core_dates(counts: pd.DataFrame, share: float = 0.01) -> tuple[pd.DataFrame, str]:
    """Leave out the few mentions whose dates stretch the axis far beyond the rest.

    The core is the range between the ``share`` and ``1 - share`` quantiles of the
    mention-weighted dates; mentions outside it are left out only when the core covers
    less than half of the whole span (one page misdated by 15 years squeezed a year of
    news into the last few pixels). Returns the kept rows and a note ("" when none left out).
    """
    per_date = counts.groupby("group")["n_mentions"].sum().sort_index()
    total = float(per_date.sum())
    if len(per_date) < 3 or total <= 0:
        return counts, ""
    cum = per_date.cumsum() / total
    lo = per_date.index[int(np.searchsorted(cum.to_numpy(), share, side="left"))]
    hi = per_date.index[int(np.searchsorted(cum.to_numpy(), 1 - share, side="left"))]
    full = (per_date.index[-1] - per_date.index[0]).days
    if full <= 0 or (hi - lo).days * 2 >= full:
        return counts, ""
    # widen the core over dates that continue it (no jump longer than a tenth of the core)
    step = pd.Timedelta(days=max(7, (hi - lo).days // 10))
    dates = list(per_date.index)
    i, j = dates.index(lo), dates.index(hi)
    while i > 0 and dates[i] - dates[i - 1] <= step:
        i -= 1
    while j < len(dates) - 1 and dates[j + 1] - dates[j] <= step:
        j += 1
    lo, hi = dates[i], dates[j]
    inside = (counts["group"] >= lo) & (counts["group"] <= hi)
    out = counts[~inside]
    n_out, n_dates = int(out["n_mentions"].sum()), int(out["group"].nunique())
    note = (
        f"; left out: {n_out:,} mention{'' if n_out == 1 else 's'} on {n_dates:,} "
        f"date{'' if n_dates == 1 else 's'} outside {lo.date()} to {hi.date()}, far from the rest"
    )
    return counts[inside], note


def plot_mentions_over_time(
    counts: pd.DataFrame, *, top: int = 6, title: str | None = None, min_dates_for_lines: int = 10
) -> Figure:
    """Mentions per actor per date from ``actor_counts(..., by="published")`` (top actors overall).

    With fewer than ``min_dates_for_lines`` distinct dates the points are not
    joined: a line across a gap of months would suggest a trend that a
    handful of articles cannot show. Undated documents (group ``"(missing)"``
    or any value that is not a date) are left out of the figure. Lines count
    mentions per day, per week when the dates span more than 60 days, per
    month above two years, per year above twenty, and drop to 0 in a period without a mention of
    the actor; a period in which no actor of ``counts`` is mentioned (most
    likely no document was collected then) is a gap in every line, named in
    the x label.
    """
    source = 'actor_counts(mentions, by="published")'
    check_table(counts, ["group", "actor", "n_mentions"], "plot_mentions_over_time", source)
    fig = Figure(figsize=(8, 4.5))
    with warnings.catch_warnings():  # "(missing)" among dates: pandas warns it cannot infer
        warnings.simplefilter("ignore", UserWarning)  # a format; it is left out as NaT
        dated = pd.to_datetime(counts["group"], errors="coerce")
    counts, far_note = _core_dates(counts.assign(group=dated)[dated.notna()])
    joined = counts["group"].nunique() >= min_dates_for_lines
    ax = fig.subplots()
    tot = counts.groupby("actor")["n_mentions"].sum().reset_index()
    keep = tot.sort_values(["n_mentions", "actor"], ascending=[False, True], kind="mergesort")[
        "actor"
    ].head(min(top, PALETTE_SIZE))  # one distinct colour per line
    palette = PALETTE
    unit, gaps = "day", 0
    n_act = int(counts["actor"].nunique())
    if joined:  # lines: binned to a readable number of points, periods without a mention = 0
        counts, unit, gaps = _binned_mentions(counts, list(keep))
    for i, actor in enumerate(keep):
        d = counts[counts["actor"] == actor].sort_values("group", kind="mergesort")
        ax.plot(
            pd.to_datetime(d["group"]),
            d["n_mentions"],
            marker="o" if len(d) <= 60 else "",  # a long line needs no marker per period
            linestyle="-" if joined else "none",
            label=plot_label(actor, 30),
            color=palette[i % len(palette)],
        )
    gap_note = (
        f"gaps: {gaps:,} {unit}{'s' * (gaps != 1)} in which no actor is mentioned" if gaps else ""
    )
    notes = (gap_note + far_note).lstrip("; ")
    ax.set_xlabel("publication date" + (f" ({notes})" if notes else ""), wrap=True)
    ax.set_ylabel(f"mentions per {unit} (count)")
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
