"""Every figure is bounded: top N by size, stated in the title; labels are drawn literally.

Many-group tables (40-100 groups/items) check that each plot function draws at
most its cap, says "top N of M" in the title and names what was left out;
hostile labels (``$``, ``_``, ``^``, scripts DejaVu Sans cannot draw, very long
names, line breaks) render to PNG with no exception and no warning.
"""

from __future__ import annotations

import io
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from corpus_tools import plots  # noqa: E402
from corpus_tools.errors import CorpusValueError  # noqa: E402
from corpus_tools.plots._base import PLACEHOLDER, cap_phrase, plot_label, top_by_size  # noqa: E402

HOSTILE = [
    "$x^$ Post",
    "Le_Monde^2 $5",
    "新华社 Xinhua",
    "📰 Daily",
    "A" * 90,
    "line\nbreak\ttab",
]


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def _render(fig) -> bytes:
    """Draw the figure to PNG with every warning turned into an error."""
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(buf, format="png")
    return buf.getvalue()


def _texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(matplotlib.text.Text)]


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------
def test_plot_label_escapes_shortens_and_replaces():
    assert plot_label("$x^$ Post") == r"\$x^\$ Post"
    assert plot_label(r"\$x") == r"\$x"  # idempotent
    assert plot_label("新华社 Xinhua") == PLACEHOLDER * 3 + " Xinhua"
    assert plot_label("A" * 90, 20) == "A" * 19 + "…"
    assert len(plot_label("A" * 90)) == 40
    assert plot_label("line\nbreak\ttab") == "line break tab"
    assert plot_label("A" * 90, None) == "A" * 90


def test_top_by_size_and_cap_phrase():
    assert top_by_size(pd.Series({"b": 2, "a": 2, "c": 5}), 2) == ["c", "a"]
    assert top_by_size({"b": 2, "a": 2}, None) == ["a", "b"]
    assert cap_phrase(12, 756, "outlet") == "top 12 of 756 outlets"
    assert cap_phrase(5, 5, "outlet") == "5 outlets"


@pytest.mark.parametrize("bad", [0, -1, 2.5, True, "3"])
def test_caps_must_be_positive_integers(bad):
    t = pd.DataFrame({"doc_id": ["a"], "outlet": ["X"], "n_words": [3]})
    with pytest.raises(CorpusValueError, match="top_n"):
        plots.plot_doc_lengths(t, top_n=bad)


# --------------------------------------------------------------------------
# overview
# --------------------------------------------------------------------------
def _overview_table(n_outlets: int = 40) -> pd.DataFrame:
    rows = []
    for k in range(n_outlets):
        for j in range(k + 1):  # outlet k has k + 1 documents
            rows.append((f"d{k}_{j}", f"Outlet {k:02d}", f"2023-10-{1 + j % 28:02d}", 100 + j))
    t = pd.DataFrame(rows, columns=["doc_id", "outlet", "published", "n_words"])
    t["published"] = pd.to_datetime(t["published"])
    t["date_precision"] = "day"
    return t


def test_doc_lengths_top_outlets_largest_first():
    t = _overview_table()
    fig = plots.plot_doc_lengths(t, top_n=12)
    ax = fig.axes[0]
    ticks = [x.get_text() for x in ax.get_yticklabels()]
    assert ticks[::-1] == [f"Outlet {k:02d}" for k in range(39, 27, -1)]  # largest on top
    assert ax.get_title() == "Document length by outlet (n = 820 documents, top 12 of 40 outlets)"
    # left out: outlets 00..27 with 1 + ... + 28 = 406 documents
    assert any("Left out: 28 smaller outlets with 406 documents" in s for s in _texts(fig))
    pfig = plots.plot_doc_lengths(t, top_n=12, interactive=True)
    assert len(pfig.data) == 12 and "top 12 of 40 outlets" in pfig.layout.title.text


def test_timeline_top_outlets():
    fig = plots.plot_timeline(_overview_table(), top_n=5)
    ax = fig.axes[0]
    assert len(ax.get_yticklabels()) == 5
    assert ax.get_title() == "Publication dates by outlet (n = 820 documents; top 5 of 40 outlets)"
    assert sum(len(c.get_offsets()) for c in ax.collections) == 40 + 39 + 38 + 37 + 36


def test_cleaning_rules_capped():
    s = pd.DataFrame(
        {"rule": [f"rule_{i}" for i in range(30)], "n_edits": 1, "removed_chars": range(30)}
    )
    fig = plots.plot_cleaning_rules(s, top_n=10)
    assert len(fig.axes[0].patches) == 10
    assert "top 10 of 30 rules" in fig.axes[0].get_title()


# --------------------------------------------------------------------------
# compare
# --------------------------------------------------------------------------
def _keyness_table(n_groups: int = 40) -> pd.DataFrame:
    rows = []
    for k in range(n_groups):
        for j in range(5):
            rows.append((f"G{k:02d}", f"term{j}", 10 - j, 5.0 - j, k + 1))
    return pd.DataFrame(rows, columns=["group", "term", "count", "z", "n_docs_group"])


def test_keyness_panels_capped_to_largest_groups():
    fig = plots.plot_keyness(_keyness_table(), top_n=3, top_groups=12)
    axes = [ax for ax in fig.axes if ax.axison]
    assert len(axes) == 12
    assert [ax.get_title() for ax in axes[:2]] == ["G39 (40 docs)", "G38 (39 docs)"]
    assert all(len(ax.patches) == 3 for ax in axes)
    assert fig._suptitle.get_text() == (
        "Distinctive terms per group, each vs the rest (n = 820 documents; top 12 of 40 groups)"
    )
    assert any("Left out: 28 smaller groups with 406 documents" in s for s in _texts(fig))


def test_similarity_heatmap_capped():
    ids = [f"doc{i:03d}" for i in range(50)]
    rows = [
        (a, b, 0.01 * (i + j) / 2) for i, a in enumerate(ids) for j, b in enumerate(ids) if i < j
    ]
    sim = pd.DataFrame(rows, columns=["a", "b", "cosine"])
    fig = plots.plot_similarity(sim, top_n=20)
    ax = fig.axes[0]
    assert ax.images[0].get_array().shape == (20, 20)
    assert "n = 50 items; drawn: the 20 with the strongest pairs" in ax.get_title()
    # the strongest pairs involve the highest ids
    assert [t.get_text() for t in ax.get_yticklabels()][-1] == "doc049"
    sizes = {i: n for n, i in enumerate(ids)}
    fig2 = plots.plot_similarity(sim, top_n=5, sizes=sizes)
    assert [t.get_text() for t in fig2.axes[0].get_yticklabels()] == ids[-5:]
    assert "n = 50 items; the 5 largest drawn" in fig2.axes[0].get_title()


def test_reuse_share_capped():
    s = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(50)],
            "group": "X",
            "n_words": 100,
            "reused_words": range(50),
            "reused_share": np.arange(50) / 100,
        }
    )
    fig = plots.plot_reuse_share(s, top_n=10)
    assert len(fig.axes[0].patches) == 10
    # d0 shares nothing: 49 documents have a bar (session 27: the cap counts those)
    assert "(n = 50 documents; top 10 of 49 documents with a shared passage)" in (
        fig.axes[0].get_title()
    )


# --------------------------------------------------------------------------
# stance
# --------------------------------------------------------------------------
def test_share_bars_capped_groups_and_categories():
    rows = [(f"G{g:02d}", f"c{c}", g + c) for g in range(30) for c in range(14)]
    t = pd.DataFrame(rows, columns=["group", "cat", "count"])
    fig = plots.plot_share_bars(t, category="cat", top_n=8, top_categories=5)
    ax = fig.axes[0]
    labels = [x.get_text() for x in ax.get_yticklabels()]
    assert len(labels) == 8 and labels[0].startswith("G29 (n = ")
    legend = [x.get_text() for x in ax.get_legend().get_texts()]
    assert len(legend) == 6 and legend[-1] == "(9 more categories)"
    assert "top 8 of 30 groups" in ax.get_title()


def test_frame_heatmap_capped():
    rows = [(f"G{g:02d}", f"frame_{f}", 0.1, f, 10 + g, 1) for g in range(30) for f in range(20)]
    s = pd.DataFrame(
        rows,
        columns=[
            "group",
            "frame",
            "sentence_share",
            "sentences_with_frame",
            "n_sentences",
            "n_docs",
        ],
    )
    fig = plots.plot_frame_heatmap(s, top_n=10, top_frames=6)
    ax = fig.axes[0]
    assert ax.images[0].get_array().shape == (10, 6)
    assert "top 10 of 30 groups, top 6 of 20 frames" in ax.get_title()
    assert [t.get_text() for t in ax.get_yticklabels()][0] == "G29"


def test_target_sentiment_capped():
    rows = [
        (f"G{g:02d}", f"T{t}", 0.1, None, None, g + t + 1, 1) for g in range(20) for t in range(30)
    ]
    s = pd.DataFrame(
        rows,
        columns=["group", "target", "mean_compound", "ci_low", "ci_high", "n_sentences", "n_docs"],
    )
    fig = plots.plot_target_sentiment(s, top_n=4, top_targets=7)
    ax = fig.axes[0]
    assert len(ax.get_yticklabels()) == 7
    assert len(ax.get_legend().get_texts()) == 4
    assert "top 4 of 20 groups, top 7 of 30 targets" in ax.get_title()


# --------------------------------------------------------------------------
# networks
# --------------------------------------------------------------------------
def _graph(n: int = 100) -> nx.Graph:
    g = nx.Graph()
    for i in range(n):
        g.add_node(f"A{i:03d}", mentions=i + 1, n_docs=1, type="person")
    for i in range(n - 1):
        g.add_edge(
            f"A{i:03d}", f"A{i + 1:03d}", count=i + 1, score=0.5, measure="npmi", evidence=[]
        )
    return g


def test_network_figures_capped():
    g = _graph()
    fig = plots.plot_network(g, top_n=40)
    ax = fig.axes[0]
    n_nodes = sum(len(c.get_offsets()) for c in ax.collections)
    assert n_nodes == 40
    assert "40 of 100 actors drawn, 39 of 99 ties" in ax.get_title()
    pfig = plots.plot_network_interactive(g, top_n=30, max_edges=10)
    edges = [tr for tr in pfig.data if tr.mode == "lines"]
    # the 10 strongest ties join 11 actors: the title counts those, not the 30 selected
    # (the other 19 are named under the figure: their ties are beyond the 10 drawn)
    assert len(edges) == 10 and "11 of 100 actors drawn, 10 of 99 ties" in pfig.layout.title.text
    ego = plots.plot_ego_network(nx.star_graph(30), 0, top_n=5)
    assert ego.axes[0].get_title() == "Ego network of 0: top 5 of 30 neighbours"


def test_small_multiples_capped():
    graphs = {f"G{k:02d}": _graph(2 + k) for k in range(20)}
    layout = pd.DataFrame(
        [(f"A{i:03d}", float(i), float(i % 7)) for i in range(30)], columns=["actor", "x", "y"]
    )
    fig = plots.plot_network_small_multiples(graphs, layout, top_n=4, top_nodes=10)
    titled = [ax.get_title() for ax in fig.axes if ax.get_title()]
    assert titled == [
        "G19: 21 actors (top 10 of 21), 20 ties",
        "G18: 20 actors (top 10 of 20), 19 ties",
        "G17: 19 actors (top 10 of 19), 18 ties",
        "G16: 18 actors (top 10 of 18), 17 ties",
    ]
    assert "top 4 of 20 groups by number of ties" in fig._suptitle.get_text()


# --------------------------------------------------------------------------
# hostile labels: every figure renders without error or warning
# --------------------------------------------------------------------------
def _hostile_figures():
    n = len(HOSTILE)
    ov = pd.DataFrame(
        {
            "doc_id": HOSTILE,
            "outlet": HOSTILE,
            "published": pd.to_datetime(["2023-10-19"] * n),
            "date_precision": "day",
            "n_words": range(1, n + 1),
        }
    )
    yield plots.plot_timeline(ov)
    yield plots.plot_doc_lengths(ov)
    yield plots.plot_cleaning(ov.assign(chrome_share=0.1))
    yield plots.plot_cleaning_rules(
        pd.DataFrame({"rule": HOSTILE, "n_edits": 1, "removed_chars": range(n)})
    )
    key = pd.DataFrame({"group": HOSTILE, "term": HOSTILE, "count": 3, "z": 2.0, "n_docs_group": 1})
    yield plots.plot_keyness(key)
    sim = pd.DataFrame({"a": HOSTILE[:-1], "b": HOSTILE[1:], "cosine": 0.5})
    yield plots.plot_similarity(sim)
    yield plots.plot_reuse_share(
        pd.DataFrame(
            {
                "doc_id": HOSTILE,
                "group": HOSTILE,
                "n_words": 10,
                "reused_words": 1,
                "reused_share": 0.1,
            }
        )
    )
    yield plots.plot_share_bars(
        pd.DataFrame({"group": HOSTILE, "cat": HOSTILE, "count": 1}), category="cat", title="$q$"
    )
    yield plots.plot_frame_heatmap(
        pd.DataFrame(
            {
                "group": HOSTILE,
                "frame": HOSTILE,
                "sentence_share": 0.5,
                "sentences_with_frame": 1,
                "n_sentences": 2,
                "n_docs": 1,
            }
        )
    )
    yield plots.plot_target_sentiment(
        pd.DataFrame(
            {
                "group": HOSTILE,
                "target": HOSTILE,
                "mean_compound": 0.1,
                "ci_low": -0.1,
                "ci_high": 0.2,
                "n_sentences": 2,
            }
        )
    )
    g = nx.Graph()
    for name in HOSTILE:
        g.add_node(name, mentions=2, n_docs=1, type="person")
    for a, b in zip(HOSTILE[:-1], HOSTILE[1:], strict=True):
        g.add_edge(a, b, count=2, score=0.3, measure="npmi", evidence=[])
    yield plots.plot_network(g)
    yield plots.plot_ego_network(g, HOSTILE[0])
    yield plots.plot_network_small_multiples(
        {HOSTILE[0]: g, HOSTILE[2]: g},
        pd.DataFrame(
            [(a, float(i), 0.0) for i, a in enumerate(HOSTILE)], columns=["actor", "x", "y"]
        ),
    )
    cooc = pd.DataFrame(
        {
            "actor_a": HOSTILE[:-1],
            "actor_b": HOSTILE[1:],
            "count": 2,
            "score": 0.3,
            "measure": "npmi",
        }
    )
    yield plots.plot_cooccurrence_heatmap(cooc)
    yield plots.plot_mentions_over_time(
        pd.DataFrame({"group": "2023-10-19", "actor": HOSTILE, "n_mentions": range(1, n + 1)})
    )


def test_hostile_labels_render_without_error_or_warning():
    n = 0
    figs = _hostile_figures()
    while True:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # building the figure warns about nothing either
            fig = next(figs, None)
        if fig is None:
            break
        png = _render(fig)
        assert png.startswith(b"\x89PNG")
        texts = _texts(fig)
        assert not any("新" in s or "📰" in s for s in texts)  # replaced, never drawn
        assert not any("\n" in s and "break" in s for s in texts)
        n += 1
    assert n == 15
