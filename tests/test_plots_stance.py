"""Tests for corpus_tools.plots.stance: figures built from stance/framing tables."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import plots


def test_share_bars_labels_and_shares():
    t = pd.DataFrame(
        {
            "group": ["A", "A", "B"],
            "cue_class": ["neutral", "assertive", "neutral"],
            "count": [3, 1, 2],
        }
    )
    fig = plots.plot_share_bars(t, category="cue_class", title="Reporting verbs")
    ax = fig.axes[0]
    assert ax.get_title() == "Reporting verbs (n = 6)"
    widths = sorted(round(p.get_width(), 1) for p in ax.patches)
    assert widths == [0.0, 25.0, 75.0, 100.0]
    assert ax.get_xlabel() == "share of quotes (%)"
    plt.close(fig)


def test_frame_heatmap_from_summary(seed_corpus):
    s = ct.frame_summary(ct.frames(seed_corpus), seed_corpus, by="outlet")
    fig = plots.plot_frame_heatmap(s)
    ax = fig.axes[0]
    assert len(ax.texts) == s["group"].nunique() * s["frame"].nunique()
    row = s.iloc[0]
    assert ax.texts[0].get_text() == f"{row['sentences_with_frame']}/{row['n_sentences']}"
    assert "n = 5 documents" in ax.get_title()
    plt.close(fig)


def test_target_sentiment_plot():
    s = pd.DataFrame(
        {
            "group": ["A", "B"],
            "target": ["Russia", "Russia"],
            "mean_compound": [-0.2, 0.1],
            "ci_low": [-0.5, None],
            "ci_high": [0.1, None],
            "n_sentences": [4, 2],
            "n_docs": [2, 1],
        }
    )
    fig = plots.plot_target_sentiment(s)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Russia"]
    assert len(ax.collections) == 1  # one interval (B has one article: no interval)
    assert "n = 6" in ax.get_title()
    plt.close(fig)


def test_plots_reject_wrong_table():
    with pytest.raises(ct.CorpusValueError, match="lacks column"):
        plots.plot_frame_heatmap(pd.DataFrame({"x": [1]}))


def test_empty_tables_do_not_crash():
    empty = pd.DataFrame(columns=["group", "cue_class", "count"])
    fig = plots.plot_share_bars(empty, category="cue_class")
    assert fig.axes[0].texts[0].get_text() == "nothing to show"
    plt.close(fig)
