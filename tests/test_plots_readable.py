"""Readable figures: network packing and labels, heatmap text contrast, distinct colours.

What can be checked from the drawn figure is checked on the rendered
figure (text extents from the Agg renderer), on the seeds and on a
generated many-actor graph with long names, several components and
actors without a tie.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import random  # noqa: E402

import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.text import Annotation  # noqa: E402

import corpus_tools as ct  # noqa: E402
from corpus_tools import plots  # noqa: E402
from corpus_tools.plots._base import contrast_ratio, distinct_colors, text_color_on  # noqa: E402
from corpus_tools.plots.network import _packed  # noqa: E402

TYPES = ["country", "person", "organisation", "armed_group", "government", "demonym"]
NEW_TYPES = ["militia", "church", "union", "court", "party"]


def _many(seed: int = 3) -> nx.Graph:
    """60 actors: a 40-actor component, an 8-actor one, 3 pairs, 6 without a tie."""
    rng = random.Random(seed)
    g = nx.Graph()
    names = [f"Actor {i:02d} of a generated corpus with a long name" for i in range(60)]
    for i, n in enumerate(names):
        g.add_node(n, mentions=60 - i, n_docs=1, type=(TYPES + NEW_TYPES)[i % 11])

    def tie(a: int, b: int) -> None:
        g.add_edge(
            names[a], names[b], count=rng.randint(1, 9), score=0.3, measure="npmi", evidence=[]
        )

    for i in range(1, 40):  # a random tree plus extra ties: one component
        tie(i, rng.randrange(i))
    for _ in range(30):
        a, b = rng.sample(range(40), 2)
        tie(a, b)
    for i in range(41, 48):
        tie(i, rng.randrange(40, i))
    for a in (48, 50, 52):
        tie(a, a + 1)
    return g  # 54..59 have no tie


def _labels(ax) -> list[Annotation]:
    return [t for t in ax.texts if isinstance(t, Annotation)]


def _assert_no_overlap(fig) -> int:
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    n = 0
    for ax in fig.axes:
        boxes = [t.get_window_extent(r) for t in _labels(ax)]
        frame = ax.get_window_extent(r)
        for i, a in enumerate(boxes):
            assert frame.x0 <= a.x0 and a.x1 <= frame.x1 and frame.y0 <= a.y0 and a.y1 <= frame.y1
            for b in boxes[i + 1 :]:
                assert not a.overlaps(b), (a, b)
        n += len(boxes)
    return n


def _node_xy(ax) -> np.ndarray:
    return np.vstack([c.get_offsets() for c in ax.collections if len(c.get_offsets())])


# --------------------------------------------------------------------------
# network layout
# --------------------------------------------------------------------------
def test_components_packed_largest_first_without_overlap():
    g = _many()
    pos = {a: (x, y) for a, x, y in ct.network_layout(g).itertuples(index=False)}
    packed, isolated = _packed(pos, g)
    assert isolated == sorted(
        f"Actor {i:02d} of a generated corpus with a long name" for i in range(54, 60)
    )
    comps = sorted(
        (sorted(c) for c in nx.connected_components(g) if len(c) > 1), key=len, reverse=True
    )
    assert [len(c) for c in comps] == [40, 8, 2, 2, 2]
    boxes = []
    for c in comps:
        xy = np.array([packed[n] for n in c])
        boxes.append((xy.min(axis=0), xy.max(axis=0)))
    for i, (lo_a, hi_a) in enumerate(boxes):
        for lo_b, hi_b in boxes[i + 1 :]:  # no two components' boxes overlap
            assert (hi_a < lo_b).any() or (hi_b < lo_a).any()
    # largest first: the main component starts at the left edge, its box is the widest
    assert boxes[0][0][0] == pytest.approx(min(b[0][0] for b in boxes))
    assert boxes[0][1][0] - boxes[0][0][0] == pytest.approx(np.sqrt(40), rel=1e-3) or (
        boxes[0][1][1] - boxes[0][0][1] == pytest.approx(np.sqrt(40), rel=1e-3)
    )
    assert _packed(pos, g) == (packed, isolated)  # deterministic


def test_plot_network_lists_isolated_and_labels_without_overlap():
    g = _many()
    fig = plots.plot_network(g, top_n=60, max_labels=25)
    ax = fig.axes[0]
    assert len(_node_xy(ax)) == 54  # the six actors without a tie are not drawn ...
    assert "(not drawn): Actor 54 of a generated" in ax.get_xlabel().replace("\n", " ")
    n = _assert_no_overlap(fig)  # ... and no label overlaps another or leaves the frame
    assert 5 <= n <= 25
    texts = [t.get_text() for t in _labels(ax)]
    assert all(len(t) <= 20 and t.endswith("\u2026") for t in texts)  # shortened
    # labels go in order of mentions, each plainly its own node's (session 28: a label beside a
    # neighbour read as the neighbour's): in this 54-actor hairball the two most mentioned sit
    # in the crowded centre where no label of theirs would be unambiguous, so they go unlabelled
    assert texts[:3] == [f"Actor {i:02d} of a gener\u2026" for i in (2, 3, 4)]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert len(legend) == len(set(legend)) == 11
    colours = [to_hex(h.get_color()) for h in ax.get_legend().legend_handles]
    assert len(set(colours)) == 11  # eleven types, eleven colours


def test_plot_network_on_seeds_is_readable(seed_corpus):
    m = ct.actor_mentions(seed_corpus)
    co = ct.cooccurrence(seed_corpus, measure="npmi", min_count=2, mentions=m)
    g = ct.network(co, m, min_mentions=2, min_count=2)
    fig = plots.plot_network(g, ct.network_layout(g, seed=42))
    ax = fig.axes[0]
    lone = sorted(n for n in g.nodes if g.degree(n) == 0)
    assert lone  # the seeds have an actor without a tie (Syria)
    assert len(_node_xy(ax)) == g.number_of_nodes() - len(lone)
    assert all(name in ax.get_xlabel().replace("\n", " ") for name in lone)
    assert _assert_no_overlap(fig) >= 10
    # the second component sits beside the main one, not below it in a corner
    pos, _ = _packed({a: (x, y) for a, x, y in ct.network_layout(g).itertuples(index=False)}, g)
    comps = sorted((list(c) for c in nx.connected_components(g) if len(c) > 1), key=len)
    if len(comps) > 1:
        main = np.array([pos[n] for n in comps[-1]])
        other = np.array([pos[n] for n in comps[-2]])
        assert other[:, 0].min() > main[:, 0].max()


def test_ego_and_small_multiples_keep_positions_and_labels_apart():
    g = _many()
    fig = plots.plot_ego_network(g, "Actor 00 of a generated corpus with a long name")
    assert _assert_no_overlap(fig) >= 1
    assert _labels(fig.axes[0])[0].get_text() == "Actor 00 of a gener\u2026"  # ego labelled
    graphs = {"A": g, "B": g.subgraph(list(g.nodes)[:30]).copy()}
    layout = ct.network_layout(list(graphs.values()), seed=42)
    fig = plots.plot_network_small_multiples(graphs, layout, top_nodes=30)
    _assert_no_overlap(fig)
    panels = [ax for ax in fig.axes if ax.get_title()]
    xy = [
        {tuple(np.round(p, 6)) for p in _node_xy(ax)} for ax in panels
    ]  # B's nodes sit where A draws them
    assert xy[1] <= xy[0]


def test_interactive_labels_top_actors_and_hovers_all():
    g = _many()
    fig = plots.plot_network_interactive(g, top_n=60, max_labels=12)
    nodes = [tr for tr in fig.data if tr.mode == "markers+text"]
    texts = [t for tr in nodes for t in tr.text]
    assert sum(1 for t in texts if t) == 12
    assert sum(len(tr.hovertext) for tr in nodes) == 54
    assert "Actor 59 of a generated" in fig.layout.annotations[0].text
    colours = [tr.marker.color for tr in nodes]
    assert len(colours) == len(set(colours)) == 11


# --------------------------------------------------------------------------
# heatmap text contrast (WCAG 2: at least 4.5:1)
# --------------------------------------------------------------------------
def _cell_contrasts(ax) -> list[float]:
    im = ax.images[0]
    arr = np.ma.filled(np.ma.asarray(im.get_array()).astype(float), np.nan)
    out = []
    for t in ax.texts:
        x, y = t.get_position()
        v = arr[int(round(y)), int(round(x))]
        cell = im.cmap(im.norm(np.nan_to_num(v)))
        out.append(contrast_ratio(t.get_color(), cell))
    return out


def test_heatmap_text_contrast(seed_corpus):
    m = ct.actor_mentions(seed_corpus)
    co = ct.cooccurrence(seed_corpus, measure="npmi", min_count=2, mentions=m)
    figs = [
        plots.plot_cooccurrence_heatmap(co, ct.actor_counts(m, seed_corpus), top=10),
        plots.plot_similarity(ct.similarity(seed_corpus)),
        plots.plot_frame_heatmap(
            ct.frame_summary(ct.frames(seed_corpus), seed_corpus, by="outlet")
        ),
    ]
    for fig in figs:
        ratios = _cell_contrasts(fig.axes[0])
        assert len(ratios) >= 5 and min(ratios) >= 4.5
    heat = figs[0].axes[0]
    strongest = max(heat.texts, key=lambda t: int(t.get_text()))
    assert strongest.get_color() == "black"  # the top of viridis is yellow: dark text


@pytest.mark.parametrize(
    ("cell", "text"),
    [
        ("#fde725", "black"),
        ("#440154", "white"),
        ("#21918c", "black"),
        ("#08306b", "white"),
        ("#f7fbff", "black"),
    ],
)
def test_text_color_on(cell, text):
    assert text_color_on(cell) == text
    assert contrast_ratio(cell, text) >= 4.5


# --------------------------------------------------------------------------
# palettes
# --------------------------------------------------------------------------
def test_distinct_colors_past_the_palette():
    names = [f"c{i:02d}" for i in range(25)]
    colours = distinct_colors(names, {"c00": "#0072B2"})
    real = [c for c in colours.values() if c != "#999999"]
    assert len(real) == len(set(real)) == 17  # the whole palette, each colour once
    assert sum(c == "#999999" for c in colours.values()) == 8  # the rest: one "other" grey
    assert colours["c00"] == "#0072B2"
    # a fixed colour is never handed to another name, even when its owner is absent
    assert "#0072B2" not in distinct_colors(["x", "y"], {"z": "#0072B2"}).values()


def test_share_bars_categories_never_share_a_colour():
    rows = [(g, f"category {k:02d}", 1 + k) for g in ("A", "B") for k in range(25)]
    t = pd.DataFrame(rows, columns=["group", "cat", "count"])
    fig = plots.plot_share_bars(t, category="cat", top_categories=25)
    ax = fig.axes[0]
    by_label: dict[str, set[str]] = {}
    for bars in ax.containers:
        by_label.setdefault(bars.get_label(), set()).update(to_hex(p.get_facecolor()) for p in bars)
    assert len(by_label) == 18  # 17 categories (as many as colours) and one pooled bar
    assert "(8 more categories)" in by_label
    colours = [next(iter(c)) for c in by_label.values()]
    assert len(set(colours)) == len(colours)
