"""QA session 24: figures of the report on UCI News Aggregator headlines (314 outlets)."""

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd

from corpus_tools import plots


def _tone_summary() -> pd.DataFrame:
    """Nine outlets on 'United States' (2-8 sentences); 'Ukraine' only in a 1-sentence outlet."""
    rows = [(f"Outlet{i}", "United States", -0.1 * i, 2 + i) for i in range(9)]
    rows += [("Outlet0", "China", -0.4, 3), ("Tiny", "Ukraine", 0.2, 1), ("Tiny", "EU", 0.1, 1)]
    t = pd.DataFrame(rows, columns=["group", "target", "mean_compound", "n_sentences"])
    return t.assign(ci_low=None, ci_high=None, n_docs=1)


def test_tone_figure_draws_no_empty_target_row() -> None:
    # UCI: rows for European Union, Ukraine and United Kingdom were drawn with no point,
    # since none of the 8 drawn outlets had a sentence on them
    fig = plots.plot_target_sentiment(_tone_summary(), top_n=8)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["China", "United States"]
    note = "\n".join(t.get_text() for t in fig.texts)
    assert (
        "2 targets only the left-out groups mention.\nAll are in the whole table, "
        "corpus_tools.target_sentiment().summary; a page prints only its first rows." in note
    )
    assert "top 8 of 10 groups" in ax.get_title().replace("\n", " ")  # wrapped (session 29)
    plt.close(fig)


def test_tone_figure_keeps_every_target_when_every_group_is_drawn() -> None:
    fig = plots.plot_target_sentiment(_tone_summary(), top_n=10)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels == ["China", "EU", "Ukraine", "United States"]
    assert not fig.texts  # nothing left out, no note
    plt.close(fig)


def _frames(no_cue_sentences: int) -> pd.DataFrame:
    rows = []
    for i in range(4):
        rows += [(f"Big{i}", "economic", 3, 20), (f"Big{i}", "conflict", 1, 20)]
    for i in range(6):
        n = no_cue_sentences + i % 2
        rows += [(f"None{i}", "economic", 0, n), (f"None{i}", "conflict", 0, n)]
    t = pd.DataFrame(rows, columns=["group", "frame", "sentences_with_frame", "n_sentences"])
    return t.assign(sentence_share=t["sentences_with_frame"] / t["n_sentences"])


def test_frame_heatmap_asks_about_language_only_for_large_groups_without_cues() -> None:
    # UCI: '185 groups with no cue sentence (is the codebook in their language?)' about English
    # outlets with one or two headlines each
    fig = plots.plot_frame_heatmap(_frames(1), top_n=3)
    note = "\n".join(t.get_text() for t in fig.texts)
    assert "6 groups with no cue sentence (1 to 2 sentences each)" in note
    assert "language" not in note
    plt.close(fig)
    fig = plots.plot_frame_heatmap(_frames(40), top_n=3)
    note = "\n".join(t.get_text() for t in fig.texts)
    assert (
        "6 groups with no cue sentence (40 to 41 sentences each: is the codebook in their "
        "language?)" in note
    )
    plt.close(fig)


def test_lengths_title_says_no_outlet_when_no_document_has_one() -> None:
    # 10kGNAD (1,028 articles, no outlet column): 'Document length by outlet (n = 1,028
    # documents, 1 outlet)' counted the '(missing)' row as an outlet
    t = pd.DataFrame({"doc_id": ["a", "b", "c"], "outlet": [None] * 3, "n_words": [5, 9, 20]})
    fig = plots.plot_doc_lengths(t)
    assert fig.axes[0].get_title() == "Document length by outlet (n = 3 documents, no outlet)"
    plt.close(fig)
    fig = plots.plot_doc_lengths(t.assign(outlet=["X", "X", None]))
    assert "no outlet" not in fig.axes[0].get_title()
    plt.close(fig)
