"""Tests for corpus_tools.plots.overview: titles with n, labelled axes, data, colours."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import corpus_tools as ct  # noqa: E402
from corpus_tools import plots  # noqa: E402


@pytest.fixture()
def table():
    return pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d"],
            "outlet": ["TASS", "SCMP", "TASS", None],
            "published": pd.to_datetime(["2023-10-19", "2023-10-20", None, "2020-01-09"]),
            "date_precision": ["day", "week", None, "day"],
            "title": ["<script>alert(1)</script>", "B", "C", "D"],
            "n_words": [300, 410, 120, 385],
        }
    )


@pytest.fixture()
def by_doc():
    return pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "outlet": ["TASS", "SCMP", None],
            "chrome_share": [0.25, 0.1, 0.0],
        }
    )


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_timeline_matplotlib(table):
    fig = plots.plot_timeline(table)
    ax = fig.axes[0]
    assert ax.get_title() == "Publication dates by outlet (n = 3 documents; 1 without a date)"
    assert ax.get_xlabel() == "Publication date (calendar day)"
    assert ax.get_ylabel() == "Outlet"
    # biggest outlet on top (tick labels run bottom to top), ties by name
    assert [t.get_text() for t in ax.get_yticklabels()] == ["SCMP", "(missing)", "TASS"]
    n_points = sum(len(c.get_offsets()) for c in ax.collections)
    assert n_points == 3
    assert any("n = 4 documents" in t.get_text() for t in fig.texts)


def test_timeline_plotly(table):
    fig = plots.plot_timeline(table, interactive=True)
    title = "Publication dates by outlet (n = 3 documents; 1 without a date)"
    assert fig.layout.title.text == title
    assert fig.layout.xaxis.title.text == "Publication date (calendar day)"
    assert fig.layout.yaxis.title.text == "Outlet"
    names = [t.name for t in fig.data]
    assert names == ["TASS", "(missing)", "SCMP"]  # most documents first, ties by name
    tass = fig.data[0]
    assert list(tass.x) == ["2023-10-19"] and list(tass.marker.symbol) == ["circle"]
    assert list(fig.data[2].marker.symbol) == ["circle-open"]  # week precision
    colors = ct.plots.outlet_colors(["TASS", "SCMP"])
    assert tass.marker.color == colors["TASS"] and fig.data[2].marker.color == colors["SCMP"]
    # corpus text in hover labels is escaped
    assert "<script>" not in tass.text[0] and "&lt;script&gt;" in tass.text[0]


@pytest.mark.parametrize("fn", [plots.plot_timeline, plots.plot_doc_lengths])
def test_plotly_escapes_outlet_names(table, fn):
    table = table.assign(outlet=["<b>Evil</b> Times", "SCMP", "<b>Evil</b> Times", None])
    fig = fn(table, interactive=True)
    labels = [v for t in fig.data for v in t.y] + [t.name for t in fig.data]
    labels += list(fig.layout.yaxis.categoryarray)
    assert "&lt;b&gt;Evil&lt;/b&gt; Times" in labels
    assert not any("<b>" in str(v) for v in labels)


def test_doc_lengths(table):
    fig = plots.plot_doc_lengths(table)
    ax = fig.axes[0]
    assert ax.get_title() == "Document length by outlet (n = 4 documents, 3 outlets)"
    assert ax.get_xlabel().startswith("Document length (words)")
    pfig = plots.plot_doc_lengths(table, interactive=True)
    assert [list(t.x) for t in pfig.data] == [[300, 120], [385], [410]]
    assert pfig.layout.xaxis.title.text == "Document length (words)"


def test_cleaning_plots(by_doc):
    fig = plots.plot_cleaning(by_doc)
    ax = fig.axes[0]
    # a page with nothing removed has no bar; the title counts it
    title = "Share of each page removed as chrome (n = 2 documents; 1 with nothing removed)"
    assert ax.get_title() == title
    assert ax.get_xlabel() == "Removed as chrome (% of raw characters)"
    widths = [p.get_width() for p in ax.patches]
    assert widths == [10.0, 25.0]  # bottom to top: lowest share at the bottom
    top1 = plots.plot_cleaning(by_doc, top=1, interactive=True)
    assert top1.layout.title.text == (
        "Share of each page removed as chrome (top 1 of 2; 1 with nothing removed)"
    )
    assert sorted(v for t in top1.data for v in t.x) == [25.0]


def test_cleaning_rules_plot():
    summary = pd.DataFrame(
        {
            "rule": ["share_button", "signup_newsletter"],
            "n_edits": [2, 1],
            "removed_chars": [21, 58],
        }
    )
    fig = plots.plot_cleaning_rules(summary, n_docs=5)
    ax = fig.axes[0]
    assert ax.get_title() == "Characters removed or changed per cleaning rule (n = 3 edits)"
    assert ax.get_ylabel() == "Cleaning rule"
    assert [t.get_text() for t in ax.get_yticklabels()] == ["share_button", "signup_newsletter"]
    assert [p.get_width() for p in ax.patches] == [21, 58]


@pytest.mark.parametrize("fn", [plots.plot_timeline, plots.plot_doc_lengths, plots.plot_cleaning])
def test_wrong_table_names_the_source(fn):
    with pytest.raises(ct.CorpusValueError, match="lacks column"):
        fn(pd.DataFrame({"x": [1]}))


def test_empty_tables_do_not_crash():
    empty = pd.DataFrame(
        {"doc_id": [], "outlet": [], "published": pd.to_datetime([]), "n_words": []}
    )
    assert "n = 0 documents" in plots.plot_timeline(empty).axes[0].get_title()
    assert "n = 0 documents" in plots.plot_doc_lengths(empty).axes[0].get_title()
