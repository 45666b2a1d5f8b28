"""Tests for corpus_tools.plots.compare: figure content, labels, escaping."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import corpus_tools as ct  # noqa: E402
from corpus_tools import plots  # noqa: E402
from corpus_tools.errors import CorpusValueError  # noqa: E402


@pytest.fixture()
def small_corpus(corpus_from_texts):
    return corpus_from_texts(
        {
            "a": "Militants fired rockets. Militants fired again at the border.",
            "b": "Militants left the border. Talks resumed in Doha.",
            "c": "Troops left the border. Troops fired. Talks resumed.",
        },
        outlet={"a": "X", "b": "X", "c": "Y"},
    )


def test_plot_keyness_panels_per_group(small_corpus):
    k = ct.keyness(small_corpus, min_count=1, min_docs=1)
    fig = plots.plot_keyness(k, top_n=3)
    axes = [ax for ax in fig.axes if ax.get_visible() and ax.axison]
    assert [ax.get_title() for ax in axes] == ["X (2 docs)", "Y (1 doc)"]
    # bars are the top positive z terms, highest at the top
    x_terms = [t.get_text() for t in axes[0].get_yticklabels()][::-1]
    expected = k[(k["group"] == "X") & (k["z"] > 0)]["term"].head(3).tolist()
    assert x_terms == expected
    assert "n = 3 documents" in fig._suptitle.get_text()
    assert axes[-1].get_xlabel().startswith("z-score")
    plt.close(fig)


def test_plot_keyness_empty_and_bad_table():
    empty = pd.DataFrame({"group": [], "term": [], "count": [], "z": []})
    fig = plots.plot_keyness(empty)
    assert "nothing to show" in fig.axes[0].texts[0].get_text()
    plt.close(fig)
    with pytest.raises(CorpusValueError, match="keyness"):
        plots.plot_keyness(pd.DataFrame({"term": ["x"]}))


def test_plot_similarity_matrix_values(small_corpus):
    sim = ct.similarity(small_corpus)
    fig = plots.plot_similarity(sim, labels={"a": "A-doc"})
    ax = fig.axes[0]
    img = ax.images[0].get_array()
    ab = sim[(sim["a"] == "a") & (sim["b"] == "b")]["cosine"].iloc[0]
    assert img[0, 1] == pytest.approx(ab) and img[1, 0] == pytest.approx(ab)
    assert np.ma.getmaskarray(img).diagonal().all()  # an item with itself: grey, no value
    cell_labels = [t for t in ax.texts if t.get_text()[:2] in ("0.", "1.")]
    assert len(cell_labels) == int((~np.ma.getmaskarray(img)).sum()) == 6
    assert [t.get_text() for t in ax.get_xticklabels()] == ["A-doc", "b", "c"]
    assert "n = 3 items" in ax.get_title()
    plt.close(fig)


def test_plot_reuse_share(corpus_from_texts):
    passage = "the ministry said it was ready to work with all parties to end the violence"
    c = corpus_from_texts(
        {"a": passage + ".", "b": "Officials said " + passage + "."}, outlet={"a": "X", "b": "Y"}
    )
    s = ct.reuse_summary(ct.text_reuse(c), c)
    fig = plots.plot_reuse_share(s)
    ax = fig.axes[0]
    widths = sorted(round(p.get_width(), 1) for p in ax.patches)
    assert widths == [round(100 * 15 / 17, 1), 100.0]
    assert "%" in ax.get_xlabel()
    plt.close(fig)


def test_reuse_side_by_side_escapes_and_marks_differences():
    r = pd.DataFrame(
        {
            "doc_a": ["<x>"],
            "a_start": [0],
            "a_end": [30],
            "doc_b": ["b"],
            "b_start": [5],
            "b_end": [35],
            "n_words": [5],
            "identity": [0.83],
            "text_a": ["Moscow & Beijing <will> coordinate closely"],
            "text_b": ["Moscow & Beijing <will> coordinate very closely"],
            "in_quotes_a": [True],
            "in_quotes_b": [False],
        }
    )
    frag = plots.reuse_side_by_side(r)
    assert repr(frag) == "<1 shared passage shown side by side>"
    assert "<will>" not in frag.html and "&lt;will&gt;" in frag.html
    assert "&amp;" in frag.html and "&lt;x&gt;" in frag.html
    assert '<mark style="background:#E69F00">very</mark>' in frag.html
    assert "inside quotation marks" in frag.html
    empty = plots.reuse_side_by_side(r.iloc[0:0])
    assert repr(empty) == "<0 shared passages shown side by side>"
