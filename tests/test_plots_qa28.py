"""QA session 28: the timeline's x label says what a bar is; network labels are their own node's;
tone figure notes count what they leave out; one gap period in the singular."""

import math

import matplotlib

matplotlib.use("Agg")
import networkx as nx
import pandas as pd
from matplotlib.text import Text
from matplotlib.transforms import Bbox
from test_plots_qa27 import _yearly

from corpus_tools import plots
from corpus_tools.plots import network


def test_timeline_x_label_names_the_bar_unit() -> None:
    # State of the Union paragraphs 1946-2000, 55 yearly bars: the x label said "calendar day"
    fig = plots.plot_timeline(_yearly())
    assert fig.axes[0].get_xlabel() == "Publication date (one bar a year)"
    inter = plots.plot_timeline(_yearly(), interactive=True)
    assert inter.layout.xaxis.title.text == "Publication date (one marker a year)"
    # a dense row beside a sparse one: both kinds of mark are named
    mixed = pd.concat([_yearly(), _yearly(3, 2).assign(outlet="Small")], ignore_index=True)
    assert plots.plot_timeline(mixed).axes[0].get_xlabel() == (
        "Publication date (dense rows: one bar a year; others: one marker a document)"
    )
    # no dense row (the seeds): unchanged
    small = plots.plot_timeline(_yearly(3, 2).assign(date_precision="day"))
    assert small.axes[0].get_xlabel() == "Publication date (calendar day)"


def _crowded() -> tuple[nx.Graph, dict[str, tuple[float, float]]]:
    """10kGNAD-like: 'United States' right under the 'European Union' node, a dense cluster."""
    g = nx.Graph()
    names = [
        "United States", "European Union", "Germany", "Austria", "France", "Russia", "China",
        "Ukraine", "Vienna", "Berlin", "Donald Trump", "Angela Merkel", "Sebastian Kurz",
        "Italy", "Turkey",
    ]  # fmt: skip
    for i, n in enumerate(names):
        g.add_node(n, mentions=100 - 6 * i, type="place" if i % 3 else "person")
    for i in range(1, len(names)):
        g.add_edge(names[i], names[(i * 7) % i], count=1 + i % 9)
    pos = {
        n: (math.cos(i * 2.4) * 0.03 * (1 + i / 8), math.sin(i * 2.4) * 0.03 * (1 + i / 8))
        for i, n in enumerate(names)
    }
    pos["United States"], pos["European Union"] = (0.6, 0.6), (0.6, 0.63)
    return g, pos


def _drawn_labels(g: nx.Graph, pos: dict) -> tuple[list, dict[str, Bbox], object]:
    fig = network.Figure(figsize=(8, 6))
    ax = fig.subplots()
    network._draw(ax, g, pos, max_labels=20)
    fig.tight_layout()
    network._declutter(fig)
    fig.canvas.draw()
    r = fig.canvas.get_renderer()
    nodes = {}
    for n, (x, y) in pos.items():
        px, py = ax.transData.transform((x, y))
        rad = math.sqrt(network._node_size(g.nodes[n])) / 2 * fig.dpi / 72
        nodes[n] = Bbox([[px - rad, py - rad], [px + rad, py + rad]])
    return ax._ct_labels, nodes, r


def test_every_network_label_is_plainly_its_own_nodes() -> None:
    g, pos = _crowded()
    labels, nodes, r = _drawn_labels(g, pos)
    assert len(labels) >= 8
    boxes = []
    for n, ann, _ in labels:
        box = Text.get_window_extent(ann, r)
        boxes.append(box)
        others = [b for m, b in nodes.items() if m != n]
        if ann.arrow_patch is not None:  # set apart: on no other node, 8 pt or more from it
            assert all(network._gap(box, b) >= 8 * 100 / 72 - 0.01 for b in others), n
            continue
        centre = ((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)
        own = network._gap(box, nodes[n])
        nearest = min(network._gap(box, b) for b in others)
        # beside its node: the node is the nearest; on or over it: no other centre under it,
        # the label's centre nearest its own node's
        assert nearest > own or (
            not any(box.contains(*network._centre(b)) for b in others)
            and all(
                math.dist(network._centre(b), centre) > math.dist(network._centre(nodes[n]), centre)
                for b in others
            )
        ), n
    for i, a in enumerate(boxes):  # no label on another
        assert not any(a.overlaps(b) for b in boxes[i + 1 :])
    # the 10kGNAD case: 'United States' is not written right under 'European Union' any more
    us = next(Text.get_window_extent(a, r) for n, a, _ in labels if n == "United States")
    assert network._gap(us, nodes["United States"]) < network._gap(us, nodes["European Union"])


def test_a_crowded_label_is_joined_to_its_node_by_a_line() -> None:
    g, pos = _crowded()
    labels, _, _ = _drawn_labels(g, pos)
    leaders = [n for n, ann, _ in labels if ann.arrow_patch is not None]
    assert leaders == ["Germany", "China"]  # set apart in the dense cluster, each with its line
    assert all(a.arrow_patch.get_visible() for n, a, _ in labels if n in leaders)


def test_tone_figure_note_counts_what_it_leaves_out() -> None:
    rows = [
        (f"Outlet {k}", t, 20 - k, 0.1, -0.1, 0.3) for k in range(10) for t in "ABCDEFGHIJKLMNOPQ"
    ]
    summary = pd.DataFrame(
        rows, columns=["group", "target", "n_sentences", "mean_compound", "ci_low", "ci_high"]
    )
    fig = plots.plot_target_sentiment(summary)
    text = "\n".join(t.get_text() for t in fig.texts)
    assert "Left out: 2 groups and 2 targets with fewer sentences" in text, text


def test_one_gap_period_is_singular() -> None:
    # ABP: 'gaps: 1 months in which no actor is mentioned'
    years = [y for y in range(1946, 2001) if y != 1973]
    counts = pd.DataFrame({"group": [f"{y}-01-01" for y in years], "actor": "X", "n_mentions": 3})
    ax = plots.plot_mentions_over_time(counts).axes[0]
    assert ax.get_xlabel() == "publication date (gaps: 1 year in which no actor is mentioned)"


def test_timeline_draws_no_empty_row_for_an_outlet_without_dates() -> None:
    # AllSides: 'BBC News' (66 documents, none dated) was drawn as an empty row
    rows = []
    for k, (outlet, n, dated) in enumerate(
        [("Big", 30, True), ("Undated", 20, False), ("Small", 5, True)]
    ):
        for i in range(n):
            rows.append(
                {
                    "doc_id": f"{k}-{i}",
                    "outlet": outlet,
                    "published": pd.Timestamp("2020-01-01") + pd.Timedelta(days=i)
                    if dated
                    else pd.NaT,
                    "date_precision": "day" if dated else None,
                }
            )
    fig = plots.plot_timeline(pd.DataFrame(rows), top_n=2)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Small", "Big"]
    assert ax.get_title() == "Publication dates by outlet (n = 35 documents; 20 without a date)"
    note = "\n".join(t.get_text() for t in fig.texts)
    assert "Not drawn: 1 outlet without a dated document (Undated)." in note


def test_no_label_on_a_node_hidden_under_a_bigger_one() -> None:
    # AllSides ego network: 'Iran' (its node under the United States disc) was written on the
    # United States node
    g = nx.Graph()
    g.add_node("United States", mentions=900, type="country")
    g.add_node("Iran", mentions=30, type="country")
    g.add_node("Canada", mentions=20, type="country")
    g.add_edge("United States", "Iran", count=5)
    g.add_edge("United States", "Canada", count=2)
    pos = {"United States": (0.0, 0.0), "Iran": (0.01, 0.01), "Canada": (1.0, 1.0)}
    labels, nodes, r = _drawn_labels(g, pos)
    us = nodes["United States"]
    for n, ann, _ in labels:
        box = Text.get_window_extent(ann, r)
        if n != "United States":  # no other label's centre on the United States disc
            mid = ((box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2)
            assert math.dist(mid, network._centre(us)) >= us.width / 2, n
    assert "United States" in [n for n, _, _ in labels]
