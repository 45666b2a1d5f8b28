"""Regression tests for what the stop-18 QA pass found on real corpora and misuse.

Each test builds a small corpus in ``tmp_path`` (or a small table) that reproduces one
finding; the real corpora it came from are named in the test.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

import nbformat
import networkx as nx
import numpy as np
import pandas as pd
import pytest
from markupsafe import Markup

import corpus_tools as ct
from corpus_tools import cli, plots, report


@pytest.mark.parametrize(
    ("fn", "source"),
    [
        (
            functools.partial(plots.plot_share_bars, category="cue_class"),
            "corpus_tools.cue_rates() or a table of counts per group and category",
        ),
        (plots.plot_frame_heatmap, "corpus_tools.frame_summary()"),
        (plots.plot_target_sentiment, "corpus_tools.target_sentiment(corpus).summary"),
    ],
)
def test_stance_figures_name_the_call_whose_table_they_expect(fn: Any, source: str) -> None:
    # the three stance figures said "pass the table documented for it"; every other figure
    # names the call that returns its table
    name = getattr(fn, "func", fn).__name__
    with pytest.raises(ct.CorpusValueError) as err:
        fn(pd.DataFrame({"x": [1]}))
    assert str(err.value).startswith(f"{name}: the table lacks column(s) [")
    assert str(err.value).endswith(f"; pass the table from {source}.")
    with pytest.raises(ct.CorpusValueError) as err:
        fn([1, 2])
    assert str(err.value) == (
        f"{name}: expected the table from {source} (a pandas DataFrame), got a list."
    )


def test_info_gives_the_command_line_option_a_skip_reason_asks_for(tmp_path: Path) -> None:
    # fwd/news headlines as JSONL (text in `title`): `corpus-tools info` listed the skip
    # reason "... pass text_column= ..." with no word of --text-column (a `title` column is
    # read as the text since session 22, so the test names its column `caption`)
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "h.jsonl").write_text(
        '{"caption": "Talks end in Geneva", "domain": "example.com"}\n', encoding="utf-8"
    )
    with pytest.warns(ct.CorpusToolsWarning, match="no document could be loaded"):
        corpus = ct.load_corpus(folder)
    lines = cli.summary(corpus).splitlines()
    skip = lines[lines.index("Skipped: 1") + 1]
    assert skip.startswith("  1 x h.jsonl: no text column; columns found: ['caption', 'domain']")
    assert skip.endswith("(on the command line: --text-column caption) (e.g. h.jsonl)")


def test_report_index_puts_the_title_above_the_run_on_block(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.csv").write_text(
        "text,outlet\nTalks end in Geneva.,Gazette\nMarkets rise again.,\n", encoding="utf-8"
    )
    context = report.prepare_corpus(folder, None)
    header = report._header_html(context["header"], hidden=None, seeds=False)
    assert '<td style="padding:.1rem 0">1 outlet (1 document without an outlet)</td>' in header
    extra = {"corpus_name": "news", "version": "0", "notebooks": [], "run_info": Markup(header)}
    page = report._render_index(context | extra | {"n_total": 0, "n_ok": 0, "n_failed": 0})
    body = page[page.index("<body>") :]
    assert body.index("<h1>corpus_tools report</h1>") < body.index("Corpus: <code>news</code>")
    assert body.index("Corpus: <code>news</code>") < body.index('<header class="ct-run-info"')
    assert body.index('<header class="ct-run-info"') < body.index("<h2>The corpus</h2>")


def test_overview_lists_table_rows_in_number_order_not_as_strings() -> None:
    # 9,666 fwd/news headlines as JSONL: page 01's first table began fwd_headlines#1, #10,
    # #100, #1000, #1001 ... (doc_id sorted as strings)
    texts = [f"Headline number {i} about the talks." for i in range(1, 13)]
    corpus = ct.load_corpus(pd.DataFrame({"text": texts}))
    got = ct.overview(corpus)["doc_id"].tolist()
    assert got == [f"row#{i}" for i in range(1, 13)]
    assert ct.overview(corpus)["n_words"].tolist()[:2] == [6, 6]


def test_timeline_fills_markers_of_dates_exact_to_the_minute() -> None:
    # fwd/news headlines carry "July 8, 2022 12:25 AM" (precision 'time'): every marker
    # was drawn open, the key for "week/month estimate"
    table = pd.DataFrame(
        {
            "doc_id": ["a", "b", "c"],
            "outlet": ["X", "X", "X"],
            "published": pd.to_datetime(
                ["2022-07-08 00:25", "2022-07-09 00:00", "2022-07-04 00:00"]
            ),
            "date_precision": ["time", "day", "week"],
        }
    )
    fig = plots.plot_timeline(table)
    faces = [c.get_facecolors()[:, :3].tolist() for c in fig.axes[0].collections]
    assert [len(f) for f in faces] == [1, 1]
    assert fig.axes[0].collections[0].get_offsets().shape == (2, 2)  # filled: time + day
    assert faces[1] == [[1.0, 1.0, 1.0]]  # open (white face): the week estimate
    plotly_fig = plots.plot_timeline(table, interactive=True)
    assert list(plotly_fig.data[0].marker.symbol) == ["circle-open", "circle", "circle"]


def test_sample_note_names_strata_only_when_the_corpus_has_outlets() -> None:
    # 9,666 headlines without an outlet: page 01 said "a sample of 5,000 of 9,666 documents,
    # stratified by outlet"
    texts = [f"Headline {i} about the talks." for i in range(10)]
    plain = ct.load_corpus(pd.DataFrame({"text": texts}))
    assert ct.sampling.sample_note(ct.detail_sample(plain, 4), plain) == (
        "a sample of 4 of 10 documents"
    )
    with_outlets = ct.load_corpus(pd.DataFrame({"text": texts, "outlet": ["A", "B"] * 5}))
    assert ct.sampling.sample_note(ct.detail_sample(with_outlets, 4), with_outlets) == (
        "a sample of 4 of 10 documents, stratified by outlet"
    )


def test_similarity_heatmap_shortens_long_labels_in_the_middle_keeping_the_doc_number() -> None:
    # 488 Guardian headlines + 300 outlets of 1-3: rows read "theguardian.com ·
    # guardian_vs_300#8…" and "...#9…" (the number cut off) next to rows with no outlet
    labels = {
        "t#248": "theguardian.com · guardian_vs_300#248",
        "t#249": "theguardian.com · guardian_vs_300#249",
        "d#3": "dawn.com · guardian_vs_300#3",
    }
    sim = pd.DataFrame({"a": ["t#248", "t#249"], "b": ["t#249", "d#3"], "cosine": [0.9, 0.2]})
    fig = plots.plot_similarity(sim, labels=labels)
    got = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert sorted(got) == [
        "dawn.com · guardian_vs_300#3",
        "theguardian.com ·\nguardian_vs_300#248",  # two lines since session 40: nothing cut
        "theguardian.com ·\nguardian_vs_300#249",
    ]


def test_report_pages_show_bidi_controls_from_the_corpus_as_question_marks(
    tmp_path: Path,
) -> None:
    # a folder of mixed .txt with a metadata outlet "Reuters\u202e" and text
    # "\u202eSTNEMUCOD TERCES\u202c": pandas tables on the report pages kept the controls, so a
    # cell holding the stored "STNEMUCOD TERCES" was displayed as "SECRET DOCUMENTS"
    nb = nbformat.v4.new_notebook()
    table = pd.DataFrame({"outlet": ["Reuters\u202e"], "text": ["\u202eSTNEMUCOD TERCES\u202c"]})
    cell = nbformat.v4.new_code_cell("table")
    cell.outputs = [
        nbformat.v4.new_output(
            "execute_result",
            data={"text/html": table.to_html(), "text/plain": repr(table)},
            execution_count=1,
        )
    ]
    nb.cells = [nbformat.v4.new_markdown_cell("# Title"), cell]
    page = report.export_html(nb, title="t", header="")
    assert "<td>?STNEMUCOD TERCES?</td>" in page and "<td>Reuters?</td>" in page
    assert not re.search("[\u202a-\u202e\u2066-\u2069]", page)
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.csv").write_text(
        "text,outlet\nTalks end in Geneva.,Reuters\u202e\n", encoding="utf-8"
    )
    context = report.prepare_corpus(folder, None)
    extra = {"corpus_name": "news", "version": "0", "notebooks": [], "run_info": ""}
    index = report._render_index(context | extra | {"n_total": 0, "n_ok": 0, "n_failed": 0})
    assert "</span>Reuters?</td>" in index and "\u202e" not in index


def test_detail_docs_below_zero_is_refused_with_the_range(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # "--detail-docs -5" said "'-5': give a whole number": -5 is one
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["report", "seeds", "--out", "x", "--detail-docs", "-5"])
    assert exit_info.value.code == 2
    assert (
        "argument --detail-docs: '-5': give a whole number, 0 or more (0 = every document)"
        in capsys.readouterr().err
    )


def test_interactive_network_node_size_stays_bounded_as_mentions_grow() -> None:
    # 9,666 fwd/news headlines: Russia (1,000+ mentions) was drawn 100+ px wide and
    # covered the centre of the network; the diameter grew with sqrt(mentions) (680 px at
    # 50,000). It now matches the static figure (area 40 + 25 * sqrt(mentions) points^2).
    g = nx.Graph()
    g.add_node("Russia", mentions=50_000, n_docs=40_000, type="country")
    g.add_node("Chad", mentions=1, n_docs=1, type="country")
    g.add_node("Ukraine", mentions=1_000, n_docs=900, type="country")
    g.add_edge("Russia", "Ukraine", count=3, score=0.5, evidence=[])
    g.add_edge("Russia", "Chad", count=1, score=0.1, evidence=[])
    fig = plots.plot_network_interactive(g)
    sizes = {
        name: size
        for trace in fig.data
        if trace.mode == "markers+text"
        for name, size in zip(trace.text, trace.marker.size, strict=True)
    }
    assert sizes == {"Chad": 8.1, "Russia": 75.0, "Ukraine": 28.8}


def test_mentions_over_time_leaves_weeks_without_any_mention_as_gaps_and_counts_all_actors() -> (
    None
):
    # fwd/news headlines were collected Nov-Dec 2021, Feb 2022 and Jun-Jul 2022: the lines
    # fell to 0 for the three months with no document, as if nobody mentioned Russia; and
    # the title said "top 6 actors" without the number of actors
    weeks = pd.date_range("2021-11-01", periods=6, freq="W-MON").tolist()
    weeks += pd.date_range("2022-06-06", periods=6, freq="W-MON").tolist()
    rows = [(d, "Russia", 10) for d in weeks] + [(d, "Chad", 1) for d in weeks[::2]]
    counts = pd.DataFrame(rows, columns=["group", "actor", "n_mentions"])
    ax = plots.plot_mentions_over_time(counts, top=1).axes[0]
    y = ax.lines[0].get_ydata()
    assert len(y) == 37  # every week from 1 November 2021 to 11 July 2022
    assert int(np.isnan(y).sum()) == 25 and np.nansum(y) == 120
    assert ax.get_xlabel() == "publication date (gaps: 25 weeks in which no actor is mentioned)"
    assert ax.get_title() == "Mentions over time, top 1 of 2 actors, n = 120 mentions"


def test_describe_tone_names_extremes_among_rows_with_an_interval() -> None:
    # J2 (1,566 outlets): "Most negative: Russia in donkeyjunk.com (mean -0.902 over 1
    # sentence); most positive: United States in goodnewspilipinas.com (0.971 over 1)"
    summary = pd.DataFrame(
        {
            "group": ["donkeyjunk.com", "theguardian.com", "reuters.com", "good.ph"],
            "target": ["Russia", "Russia", "Russia", "United States"],
            "n_sentences": [1, 36, 20, 1],
            "mean_compound": [-0.902, -0.2, 0.05, 0.971],
            "ci_low": [None, -0.4, -0.1, None],
        }
    )
    assert ct.describe_tone(summary) == (
        "Among the 2 of 4 rows with a bootstrap interval (two or more documents), most "
        "negative: Russia in theguardian.com (mean -0.200 over 36 sentences); most positive: "
        "Russia in reuters.com (0.050 over 20). The other 2 rows come from a single document "
        "(means from -0.902 to 0.971): one article's wording."
    )


def test_describe_frames_passes_over_a_share_of_one_sentence() -> None:
    # C2 (Guardian + 300 outlets of 1-3 headlines): "The largest share is health_safety in
    # 8newsnow.com (1.000: 1 of 1 sentences)"
    summary = pd.DataFrame(
        {
            "group": ["8newsnow.com", "theguardian.com", "theguardian.com"],
            "frame": ["health_safety", "security_defense", "conflict"],
            "sentences_with_frame": [1, 25, 0],
            "n_sentences": [1, 500, 500],
            "sentence_share": [1.0, 0.05, 0.0],
        }
    )
    assert ct.describe_frames(summary) == (
        "The largest share (among cells with two or more cue sentences) is security_defense in "
        "theguardian.com (0.050: 25 of 500 sentences). 1 of 3 group-frame cells has no cue "
        "sentence at all."
    )
    only_single = summary.assign(sentences_with_frame=[1, 1, 0], sentence_share=[1.0, 0.002, 0.0])
    said = ct.describe_frames(only_single)
    # 2 cue sentences in 501: the sentence first says the cues are almost absent (9433778)
    assert said.startswith("Frame cues are almost absent (2 sentence-frame hits in 501 sentences")
    assert (
        "The largest share is health_safety in 8newsnow.com (1.000: 1 of 1 sentences); no cell "
        "has more than one cue sentence, so every share rests on one sentence."
    ) in said


def test_interactive_network_labels_only_actors_whose_label_fits() -> None:
    # 9,666 fwd/news headlines: "Donald Trump", "Canada", "Joe Biden" and "Vladimir Putin"
    # were printed over each other in the centre of the interactive network
    from corpus_tools.plots import network

    pos = {
        "Donald Trump": (0.0, 0.0),
        "Canada": (0.01, 0.005),  # 6 px right, 2 px up: under Donald Trump's label
        "Iran": (0.0, 0.0),  # on Donald Trump's disc: no label of its own
        "Russia": (1.0, 1.0),
        "Chad": (0.0, 0.2),  # 84 px higher: clear
    }
    order = ["Donald Trump", "Canada", "Iran", "Russia", "Chad"]
    # session 29: a label covers no other marker either; above Donald Trump it would touch
    # Canada's, so his goes below and Canada's above
    assert network._fitting_labels(order, pos, 15) == {
        "Donald Trump": "bottom center",
        "Canada": "top center",
        "Russia": "top center",
        "Chad": "top center",
    }
    assert network._fitting_labels(order, pos, 2) == {
        "Donald Trump": "bottom center",
        "Canada": "top center",
    }
