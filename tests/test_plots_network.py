"""Tests for corpus_tools.plots.network: figure content, labels, determinism."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import corpus_tools as ct  # noqa: E402
from corpus_tools import plots  # noqa: E402

TEXT = {
    "a": "Russia and China met. Russia and China agreed. Iran waited. Iran and Russia spoke.",
    "b": "China and Iran talked. China and Iran agreed. <b>Hamas</b> and Israel fought.",
}


@pytest.fixture()
def parts(corpus_from_texts):
    c = corpus_from_texts(
        TEXT, outlet={"a": "X", "b": "Y"}, published={"a": "2023-10-19", "b": "2023-10-20"}
    )
    m = ct.actor_mentions(c)
    co = ct.cooccurrence(c, measure="count", min_count=1)
    g = ct.network(co, m, min_mentions=1, min_count=1)
    return c, m, co, g


def test_heatmap(parts):
    _, m, co, _ = parts
    fig = plots.plot_cooccurrence_heatmap(co, ct.actor_counts(m))
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()][:3] == ["China", "Iran", "Russia"]
    assert "n = 4 pairs" in ax.get_title() and ax.get_xlabel().startswith("actor")


def test_interactive_network_hover_evidence_escaped(parts):
    _, _, _, g = parts
    fig = plots.plot_network_interactive(g)
    hover = [t for tr in fig.data for t in (tr.hovertext or [])]
    assert any("shared windows: 2" in h and "b:0:" in h for h in hover)
    assert all("<b>Hamas" not in h for h in hover)
    assert fig.to_json() == plots.plot_network_interactive(g).to_json()  # seeded layout
    assert "hover for evidence" in fig.layout.title.text


def test_static_small_multiples_ego_and_time(parts):
    c, m, co, g = parts
    f1 = plots.plot_network(g)
    assert "4 ties" in f1.axes[0].get_title() or "ties" in f1.axes[0].get_title()
    graphs = ct.group_networks(c, by="outlet", measure="count", min_count=1, mentions=m)
    layout = ct.network_layout(list(graphs.values()))
    f2 = plots.plot_network_small_multiples(graphs, layout)
    # Y has more ties than X: panels run largest first
    assert [a.get_title().split(":")[0] for a in f2.axes[:2]] == ["Y", "X"]
    f3 = plots.plot_ego_network(g, "Russia", layout=ct.network_layout(g))
    assert f3.axes[0].get_title() == "Ego network of Russia: 2 neighbours"
    f4 = plots.plot_mentions_over_time(ct.actor_counts(m, c, by="published"))
    assert f4.axes[0].get_ylabel() == "mentions per day (count)"
    assert f4.axes[0].get_title() == "Mentions over time, top 5 actors, n = 13 mentions"


def test_figures_are_not_registered_with_pyplot(parts):
    """Plot functions build matplotlib.figure.Figure directly: nothing to close in a notebook."""
    c, m, co, g = parts
    before = plt.get_fignums()
    figs = [
        plots.plot_cooccurrence_heatmap(co, ct.actor_counts(m)),
        plots.plot_network(g),
        plots.plot_network_small_multiples({"X": g}, ct.network_layout(g)),
        plots.plot_ego_network(g, "Russia"),
        plots.plot_mentions_over_time(ct.actor_counts(m, c, by="published")),
    ]
    assert plt.get_fignums() == before
    for fig in figs:
        assert type(fig).__name__ == "Figure" and fig.canvas.manager is None
        assert fig.axes[0].get_title()  # every figure has a title


@pytest.mark.parametrize(("min_dates", "linestyle"), [(10, "None"), (2, "-")])
def test_mentions_over_time_joins_points_only_with_enough_dates(parts, min_dates, linestyle):
    c, m, _, _ = parts  # two dates
    fig = plots.plot_mentions_over_time(
        ct.actor_counts(m, c, by="published"), min_dates_for_lines=min_dates
    )
    assert {ln.get_linestyle() for ln in fig.axes[0].get_lines()} == {linestyle}


def test_figure_displays_as_png_without_pyplot(parts):
    _, _, _, g = parts
    fig = plots.plot_network(g)
    assert fig._repr_png_()[:8] == b"\x89PNG\r\n\x1a\n"
    assert repr(fig) == "<Figure size 800x600 with 1 Axes>"


def test_mentions_over_time_leaves_out_undated_groups():
    counts = pd.DataFrame(
        {
            "group": ["2023-10-19", "(missing)", "2023-10-20"],
            "actor": ["Russia", "Russia", "Russia"],
            "n_mentions": [2, 5, 1],
        }
    )
    fig = plots.plot_mentions_over_time(counts)
    xs = fig.axes[0].lines[0].get_xdata()
    assert len(xs) == 2


_HASH_SCRIPT = """
import hashlib, io, sys
import matplotlib
matplotlib.use("Agg")
import corpus_tools as ct
from corpus_tools import plots
c = ct.load_corpus(sys.argv[1])
m = ct.actor_mentions(c)
g = ct.network(ct.cooccurrence(c, measure="count", min_count=1, mentions=m), m,
               min_mentions=1, min_count=1)
graphs = ct.group_networks(c, by="outlet", measure="count", min_count=1, mentions=m)
fig = plots.plot_network_small_multiples(graphs, ct.network_layout(list(graphs.values())),
                                         top_n=2, top_nodes=4)
buf = io.BytesIO()
fig.savefig(buf, format="png")
inter = plots.plot_network_interactive(g, top_n=5, max_edges=3).to_json()
print(hashlib.sha256(inter.encode()).hexdigest(), hashlib.sha256(buf.getvalue()).hexdigest())
g = ct.network(ct.cooccurrence(c), m, min_mentions=1, min_count=1)
layout = ct.network_layout(g, seed=42)
top = m.groupby("actor").size().sort_values(ascending=False, kind="mergesort").index[:3]
for actor in top:  # ego networks: nx.ego_graph walked a set of nodes too
    buf = io.BytesIO()
    plots.plot_ego_network(g, actor, layout).savefig(buf, format="png")
    print(hashlib.sha256(buf.getvalue()).hexdigest())
"""


def test_capped_networks_do_not_depend_on_string_hashing(seeds_path):
    """A few actors kept out of many: same figure whatever PYTHONHASHSEED a run gets.

    (``Graph.subgraph(nodes).copy()`` walks the kept set when it is small, so the
    layout and drawing order used to follow Python's per-process string hashing.)
    """
    import os
    import subprocess
    import sys

    out = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", _HASH_SCRIPT, str(seeds_path)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        out.append(run.stdout.split())
    assert len(out[0]) == 5 and out[0] == out[1] == out[2]
