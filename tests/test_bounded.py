"""Bounded computations and figures on a many-group corpus (3,000 headlines, 300 outlets).

The corpus is the ``headline_table`` fixture (real BBC sentences, uneven outlet
sizes). Checks: all-pairs tables are capped (top-k neighbours), per-group figures
draw the top N groups and say so, and nothing warns while building or drawing.
"""

from __future__ import annotations

import io
import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import corpus_tools as ct  # noqa: E402
from corpus_tools import plots  # noqa: E402
from corpus_tools.errors import CorpusValueError  # noqa: E402


@pytest.fixture(scope="module")
def headlines(headline_table):
    return ct.load_corpus(headline_table)


@pytest.fixture(autouse=True)
def _close():
    yield
    plt.close("all")


def test_similarity_top_k_neighbours_instead_of_all_pairs(corpus_from_texts):
    texts = {
        f"d{i:02d}": f"talks on {w} and {v} in the capital"
        for i, (w, v) in enumerate(
            (a, b) for a in ("gas", "oil", "grain", "arms", "aid") for b in ("Doha", "Gaza", "Kyiv")
        )
    }
    c = corpus_from_texts(texts)
    full = ct.similarity(c, all_pairs_up_to=100)
    assert len(full) == 15 * 14 // 2
    assert full.attrs["similarity_cap"] == "all 105 pairs of 15 items"
    assert full.attrs["similarity_top_k"] is None
    top = ct.similarity(c, top_k=2, all_pairs_up_to=10)
    assert top.attrs["similarity_top_k"] == 2
    assert top.attrs["similarity_cap"] == (
        f"each of 15 items with its 2 most similar (cosine > 0); {len(top)} of 105 pairs"
    )
    assert len(top) <= 15 * 2 and (top["cosine"] > 0).all()
    kept = set(zip(top["a"], top["b"], strict=True))
    for d in texts:  # every item's two best partners (ties by name) are kept
        mine = full[(full["a"] == d) | (full["b"] == d)]
        mine = mine.assign(
            other=[b if a == d else a for a, b in zip(mine["a"], mine["b"], strict=True)]
        )
        best = mine.sort_values(
            ["cosine", "other"], ascending=[False, True], kind="mergesort"
        ).head(2)
        assert set(zip(best["a"], best["b"], strict=True)) <= kept
    # the rows that are kept are the same numbers as in the full table
    merged = top.merge(full, on=["a", "b"], suffixes=("", "_full"))
    assert len(merged) == len(top)
    assert (merged["cosine"] - merged["cosine_full"]).abs().max() < 1e-12
    assert (merged["top_terms"] == merged["top_terms_full"]).all()
    with pytest.raises(CorpusValueError, match="top_k"):
        ct.similarity(c, top_k=0)


def test_similarity_on_300_outlets_is_bounded(headlines):
    sim = ct.similarity(headlines, by="outlet")
    assert sim["a"].nunique() + sim["b"].nunique() > 100
    assert len(sim) <= 300 * 10  # not 44,850 pairs
    assert sim.attrs["similarity_cap"].startswith("each of 300 items with its 10 most similar")
    docs = ct.similarity(headlines, by="doc_id")
    assert len(docs) <= 3000 * 10


def _draw(fig) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(io.BytesIO(), format="png")


def test_figures_on_300_outlets_are_capped_and_warning_free(headlines):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table = ct.overview(headlines)
        figs = {
            "lengths": plots.plot_doc_lengths(table),
            "timeline": plots.plot_timeline(table),
        }
        key = ct.keyness(headlines, by="outlet", min_count=1, min_docs=1)
        figs["keyness"] = plots.plot_keyness(key, top_n=5)
        sizes = headlines.docs["outlet"].value_counts()
        figs["similarity"] = plots.plot_similarity(
            ct.similarity(headlines, by="outlet"), sizes=sizes
        )
        hits = ct.frames(headlines)
        figs["frames"] = plots.plot_frame_heatmap(ct.frame_summary(hits, headlines, by="outlet"))
    assert figs["lengths"].axes[0].get_title().endswith("top 15 of 300 outlets)")
    assert len(figs["lengths"].axes[0].get_yticklabels()) == 15
    assert "top 15 of 300 outlets" in figs["timeline"].axes[0].get_title()
    assert "top 12 of 300 groups" in figs["keyness"]._suptitle.get_text()
    assert sum(ax.axison for ax in figs["keyness"].axes) == 12
    biggest = sizes.sort_index().sort_values(ascending=False, kind="mergesort").index[0]
    assert figs["keyness"].axes[0].get_title().startswith(biggest)
    assert "n = 300 items; the 20 largest drawn" in figs["similarity"].axes[0].get_title()
    assert figs["frames"].axes[0].images[0].get_array().shape[0] == 20
    for fig in figs.values():
        _draw(fig)


def test_network_tables_bounded_on_300_outlets(headlines):
    mentions = ct.actor_mentions(headlines)
    comp = ct.compare_networks(headlines, by="outlet", mentions=mentions, min_count=1)
    n_pairs = len(comp[["actor_a", "actor_b"]].drop_duplicates())
    assert len(comp) == n_pairs * 300
    assert len(ct.network_overlap(comp)) == 30 * 29 // 2
    graphs = ct.group_networks(headlines, by="outlet", mentions=mentions, min_count=1)
    assert len(graphs) == 300
    fig = plots.plot_network_small_multiples(graphs, ct.network_layout(list(graphs.values())))
    assert sum(1 for ax in fig.axes if ax.get_title()) == 9
    assert "top 9 of 300 groups" in fig._suptitle.get_text()
    _draw(fig)
    assert isinstance(pd.DataFrame(), pd.DataFrame)


def test_report_benchmark_headline_table_loads_with_every_outlet(tmp_path):
    """benchmarks/bench_report.py: Zipf-sized outlets, each present, label-hostile names kept."""
    import importlib.util
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "benchmarks"
    spec = importlib.util.spec_from_file_location("bench_report", root / "bench_report.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # its dataclasses look their module up there
    try:
        spec.loader.exec_module(mod)
    finally:
        del sys.modules[spec.name]
    path = mod.write_headlines(tmp_path / "h.csv", 400, 50)
    c = ct.load_corpus(path)
    sizes = c.docs["outlet"].value_counts()
    assert len(c) == 400 and len(sizes) == 50
    assert sizes.iloc[0] > 10 * sizes.iloc[-1]  # a few large outlets, many small ones
    assert set(mod.HOSTILE_OUTLETS) <= set(sizes.index)
    assert c.skipped.empty
    assert c.docs["outlet"].tolist() == mod.assign_outlets(400, 50)  # deterministic, row order


def test_keyness_top_n_is_the_head_of_the_full_table(headlines):
    """top_n cuts each group's sorted terms before any table is built: same rows as the head."""
    full = ct.keyness(headlines, by="outlet", min_count=1, min_docs=1)
    top = ct.keyness(headlines, by="outlet", min_count=1, min_docs=1, top_n=3)
    head = full.groupby("group", sort=False).head(3).reset_index(drop=True)
    pd.testing.assert_frame_equal(top, head)
    assert top.groupby("group").size().max() == 3
