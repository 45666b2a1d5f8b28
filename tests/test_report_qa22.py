"""Session 22 QA of the report on corpora it had never seen.

Two real corpora: 30 news pages from a scraping library's test suite (CNN, Wired, Time, Fox 13,
cleveland.com, AP, Yahoo, and pages in Chinese, Japanese, Arabic, Spanish, Thai, Burmese,
Latvian and Korean sites) and 500 Brazilian Portuguese articles in five topic folders.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd

import corpus_tools as ct
from corpus_tools import plots, report
from corpus_tools.plots.compare import _diff_html

GERMAN = (
    "Die Regierung hat am Montag gesagt, dass sie die Steuern nicht erhöhen wird, "
    "und der Minister ist auch nicht mehr da."
)
ENGLISH = "The government said on Monday that it would not raise taxes, and the minister left."


def _corpus(texts: list[str]) -> ct.Corpus:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return ct.load_corpus(pd.DataFrame({"text": texts}))


# --- a mostly English corpus with documents in other languages --------------------------


def test_language_note_counts_other_languages_in_a_mostly_english_corpus() -> None:
    # 28 pages, 8 of them Chinese, Japanese, Arabic, Spanish or Thai: no language row at all
    note = report.language_note(_corpus([ENGLISH] * 8 + [GERMAN] * 2))
    assert note.startswith(
        "mostly English, but 2 of 10 documents are in other languages (de 2): the quote cues,"
    )
    assert note.endswith("keep their function words (English stopwords only)")


def test_language_note_stays_empty_under_a_tenth_or_a_single_document() -> None:
    assert report.language_note(_corpus([ENGLISH] * 19 + [GERMAN])) == ""
    assert report.language_note(_corpus([ENGLISH] * 30 + [GERMAN] * 2)) == ""
    assert report.language_note(_corpus([ENGLISH] * 5)) == ""


def test_header_carries_the_other_languages_row() -> None:
    corpus = _corpus([ENGLISH] * 3 + [GERMAN] * 2)
    info = {"corpus": "x", "documents": "5", "outlets": "0", "skipped": "0"}
    info["language_note"] = report.language_note(corpus)
    page = report._header_html(info, hidden=None, seeds=False)
    assert ">language</th>" in page
    assert "mostly English, but 2 of 5 documents are in other languages (de 2)" in page


# --- a folder corpus without outlets: the fix the header gives works ---------------------


def test_folder_note_names_the_outlet_from_option_and_the_option_clears_it(tmp_path) -> None:
    for sub in ("economia", "esportes"):
        (tmp_path / sub).mkdir()
        for i in range(2):
            (tmp_path / sub / f"{i}.txt").write_text(f"O ministro disse que {sub} {i} cresce.")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        plain = ct.load_corpus(tmp_path)
        by_folder = ct.load_corpus(tmp_path, outlet_from="folder")
    note = report.folder_note(plain)
    assert "run the report again with --outlet-from folder" in note
    assert note.startswith("no document has an outlet, so every comparison below has one group")
    assert sorted(by_folder.docs["outlet"].unique()) == ["economia", "esportes"]
    assert report.folder_note(by_folder) == ""


# --- the interactive figures' notes are not cut off ----------------------------------------


def test_interactive_timeline_margin_holds_the_left_out_line() -> None:
    n = 20
    table = pd.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(n)],
            # two documents of one outlet on one day: the "larger marker" line
            "outlet": ["Outlet 00"] + [f"Outlet {i:02d}" for i in range(n - 1)],
            "published": pd.to_datetime(["2024-01-01"] * n)
            + pd.to_timedelta([0] + list(range(n - 1)), "D"),
            "date_precision": ["day"] * n,
            "title": ["t"] * n,
            "n_words": [10] * n,
        }
    )
    fig = plots.plot_timeline(table, interactive=True)
    note = fig.layout.annotations[0].text
    # session 27: the left-out line is followed by where they are (the whole table)
    assert note.count("<br>") == 3 and "Left out: 4 more outlets, none larger than" in note
    assert "All are in the whole table, corpus_tools.overview();" in note
    assert fig.layout.margin.b == 123  # was 95: the third line fell below the figure
    two_lines = plots.plot_timeline(table.head(4), interactive=True)
    assert two_lines.layout.annotations[0].text.count("<br>") == 1
    assert two_lines.layout.margin.b == 95


# --- shared passages: long identical runs are cut, differences kept ------------------------


def _reuse_row(text_a: str, text_b: str) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_a": ["economia/30"],
            "a_start": [0],
            "a_end": [len(text_a)],
            "doc_b": ["economia/58"],
            "b_start": [0],
            "b_end": [len(text_b)],
            "n_words": [len(text_a.split())],
            "identity": [0.99],
            "text_a": [text_a],
            "text_b": [text_b],
            "in_quotes_a": [False],
            "in_quotes_b": [False],
        }
    )


def test_reuse_side_by_side_cuts_long_identical_runs_around_the_differences() -> None:
    # an 812-word shared passage was printed in full twice, three passages to a cell
    words = [f"palavra{i}" for i in range(400)]
    a = " ".join(words[:200] + ["<b>antes</b>"] + words[200:])
    b = " ".join(words[:200] + ["depois"] + words[200:])
    frag = plots.reuse_side_by_side(_reuse_row(a, b))
    assert frag.html.count("[… 180 identical words not shown …]") == 4  # both runs, both sides
    assert '<mark style="background:#E69F00">&lt;b&gt;antes&lt;/b&gt;</mark>' in frag.html
    assert '<mark style="background:#E69F00">depois</mark>' in frag.html
    assert "palavra180 " in frag.html and "palavra219 " in frag.html  # 20 words each side
    assert "palavra179 " not in frag.html and "palavra220 " not in frag.html
    assert len(frag.html) < len(a) + len(b)


def test_reuse_side_by_side_keeps_short_passages_whole() -> None:
    text = " ".join(f"w{i}" for i in range(50))  # 2 * 20 + 10: not cut
    ha, hb = _diff_html(text, text)
    assert ha == hb == text
    whole = " ".join(f"w{i}" for i in range(51))
    ha, _ = _diff_html(whole, whole)
    assert ha.startswith("w0 w1 ") and ha.endswith(" w49 w50")
    assert "[… 11 identical words not shown …]" in ha


# --- a cell timeout names the cell that ran out of time ------------------------------------


def _timed_out_notebook(started: int) -> object:
    from nbformat.v4 import new_code_cell, new_notebook

    cells = [new_code_cell("import pandas as pd"), new_code_cell("CORPUS = 'x'")]
    cells[1].metadata["tags"] = ["injected-parameters"]
    cells += [new_code_cell(f"step_{i} = {i}") for i in range(3)]
    for cell in [c for c in cells if "injected-parameters" not in c.metadata.get("tags", [])][
        :started
    ]:
        cell["execution_count"] = 1
    return new_notebook(cells=cells)


def test_failed_cell_of_a_timeout_is_the_last_cell_the_kernel_started() -> None:
    # --timeout 1 on real pages: two of four index rows said "Failed in code cell None"
    assert report._failed_cell(_timed_out_notebook(1), TimeoutError()) == (
        1,
        "import pandas as pd",
    )
    assert report._failed_cell(_timed_out_notebook(3), TimeoutError()) == (3, "step_1 = 1")
    assert report._failed_cell(_timed_out_notebook(0), TimeoutError()) == (None, "")
    # any other error without an error output is not guessed
    assert report._failed_cell(_timed_out_notebook(2), RuntimeError()) == (None, "")


def test_index_row_of_a_failure_without_a_cell_number_says_no_none() -> None:
    from corpus_tools.report import NotebookResult

    failed = NotebookResult(name="02.ipynb", title="02", ok=False, error="kernel died")
    numbered = NotebookResult(
        name="01.ipynb", title="01", ok=False, error="x", cell_number=4, cell_first_line="a = 1"
    )
    context = report._summary_context(Path("news"), _corpus([ENGLISH] * 2))
    extra = {"corpus_name": "news", "version": "0", "notebooks": [failed, numbered]}
    page = report._render_index(
        context | extra | {"run_info": "", "n_total": 2, "n_ok": 0, "n_failed": 2}
    )
    assert "code cell None" not in page
    assert "Failed:" in page
    assert "Failed in code cell 4 (<code>a = 1</code>):" in page


# --- an all-lower-case corpus: say why no actor or speaker is found ------------------------


def test_case_note_names_a_lower_case_headline_corpus() -> None:
    # ABC's million headlines: 'bush chirac hold first meeting since iraq'; 0 actor mentions
    heads = ["bush chirac hold first meeting since iraq", "howard vows to stay on as pm"]
    note = report.case_note(_corpus(heads * 3 + ["Qantas records 353 million profit"]))
    assert note.startswith("lower case: 6 of 7 documents have no capital letter; actors,")
    assert "the actor and co-occurrence sections find only unambiguous names" in note
    shouting = report.case_note(_corpus(["BUSH MEETS BLAIR IN LONDON"] * 2))
    assert shouting.startswith("capitals: 2 of 2 documents have no small letter")


def test_case_note_is_empty_for_normal_case_and_for_scripts_without_case() -> None:
    assert report.case_note(_corpus([ENGLISH] * 3)) == ""
    assert report.case_note(_corpus(["bush meets blair"] + [ENGLISH] * 2)) == ""  # 1 of 3
    assert report.case_note(_corpus(["中国和俄罗斯呼吁停火。"] * 3 + [ENGLISH])) == ""
    assert report.case_note(ct.load_corpus("seeds")) == ""


def test_header_and_summary_context_carry_the_case_row(tmp_path) -> None:
    corpus = _corpus(["israeli forces push into gaza strip <b>"] * 3)
    context = report._summary_context(tmp_path, corpus)
    assert context["header"]["case_note"].startswith("lower case: 3 of 3 documents")
    info = {"corpus": "x", "documents": "3", "outlets": "0", "skipped": "0"}
    page = report._header_html(info | {"case_note": "lower <b>"}, hidden=None, seeds=False)
    assert ">letter case</th>" in page and "lower &lt;b&gt;" in page
    assert ">letter case<" not in report._header_html(info, hidden=None, seeds=False)


# --- a timeline row of thousands of documents: a bar a day, not one black band -------------


def _dated_table(n_big: int, n_small: int) -> pd.DataFrame:
    days = pd.to_datetime("2003-02-19") + pd.to_timedelta([i % 5 for i in range(n_big)], "D")
    return pd.DataFrame(
        {
            "doc_id": [f"b{i}" for i in range(n_big)] + [f"s{i}" for i in range(n_small)],
            "outlet": [None] * n_big + ["Small"] * n_small,
            "published": list(days) + [pd.Timestamp("2003-02-20")] * n_small,
            "date_precision": ["day"] * (n_big + n_small),
        }
    )


def test_static_timeline_draws_a_dense_row_as_a_bar_a_day() -> None:
    import matplotlib.pyplot as plt

    fig = plots.plot_timeline(_dated_table(1000, 3))  # 200 documents on each of 5 days
    ax = fig.axes[0]
    assert len(ax.patches) == 5  # one bar a day for the 1,000-document row
    assert len(ax.collections) == 1  # the 3-document row keeps its markers
    heights = sorted(round(p.get_height(), 2) for p in ax.patches)
    assert heights == [0.8] * 5
    note = fig.texts[0].get_text()
    assert "Rows of more than 200 documents: one bar a day" in note
    assert "(tallest: 200)" in note
    assert "several documents of one outlet on one day (up to 3)" in note
    plt.close(fig)
    small = plots.plot_timeline(_dated_table(40, 3))  # under 50 documents: markers
    assert not small.axes[0].patches and "one bar a day" not in small.texts[0].get_text()
    plt.close(small)
    # 150 documents on 5 days (30 a day) drew markers grown to their cap, one blob a day that
    # ran into the rows beside it (9,643 headlines, rows of 101-178 documents on 80 days)
    crowded = plots.plot_timeline(_dated_table(150, 3))
    assert len(crowded.axes[0].patches) == 5
    assert "Rows of 50+ documents at 1.5+ a publication day: one bar a day" in (
        crowded.texts[0].get_text()
    )
    plt.close(crowded)
    interactive = plots.plot_timeline(_dated_table(1000, 3), interactive=True)
    assert "one bar a day" not in interactive.layout.annotations[0].text


# --- every load option of the command line reaches the report ------------------------------


def test_report_accepts_every_load_option_the_command_line_offers() -> None:
    # `corpus-tools report c/ptbr --outlet-from folder` (the header's own advice) stopped with
    # "load_options: unknown option 'outlet_from'"
    from corpus_tools import cli

    assert set(report._LOAD_OPTIONS) == set(cli._LOAD_FLAGS)
    assert report._checked_load_options({"outlet_from": "folder", "split": "records"}) == {
        "outlet_from": "folder",
        "split": "records",
    }
    # --quotechar '' (quote marks read as text) is a load option of the report too
    assert report._checked_load_options({"quotechar": ""}) == {"quotechar": ""}
    assert report._checked_load_options({"quotechar": "'"}) == {"quotechar": "'"}


def test_prepare_corpus_groups_a_folder_corpus_by_folder(tmp_path) -> None:
    corpus = tmp_path / "news"
    for sub in ("economia", "esportes"):
        (corpus / sub).mkdir(parents=True)
        (corpus / sub / "1.txt").write_text(f"O ministro disse que {sub} cresce.")
    context = report.prepare_corpus(corpus, None, {"outlet_from": "folder"})
    assert "load_error" not in context
    assert context["header"]["outlets"] == "2" and context["header"]["folder_note"] == ""


# --- keyness panels: every panel at the bottom of its column has numbers on its axis ---------


def test_keyness_panel_without_a_panel_below_shows_its_tick_labels() -> None:
    import matplotlib.pyplot as plt

    rows = []
    for g in ["esportes", "ciencia", "entretenimento", "politica", "economia"]:
        for i in range(3):
            rows.append(
                {
                    "group": g,
                    "term": f"{g}{i}",
                    "count": 9 - i,
                    "count_rest": 1,
                    "n_docs": 3,
                    "n_docs_group": 5,
                    "rate_per_10k": 1.0,
                    "z": 5.0 - i,
                }
            )
    fig = plots.plot_keyness(pd.DataFrame(rows), top_n=3)
    fig.canvas.draw()
    labelled = [
        bool([t for t in ax.get_xticklabels() if t.get_visible() and t.get_text()])
        for ax in fig.axes[:5]
    ]
    # 3 columns, 2 rows: the third panel of the first row has nothing below it
    assert labelled == [False, False, True, True, True]
    assert fig.axes[2].get_xlabel() == "z-score (weighted log-odds vs rest)"
    plt.close(fig)


def test_interactive_timeline_draws_a_dense_row_as_a_marker_a_day() -> None:
    fig = plots.plot_timeline(_dated_table(1000, 3), interactive=True)
    by_name = {tr.name: tr for tr in fig.data}
    day_row = by_name["(missing)"]
    assert len(day_row.x) == 5 and list(day_row.marker.size) == [14.0] * 5
    assert day_row.text[0] == "(missing) | 2003-02-19: 200 documents"
    assert list(by_name["Small"].marker.size) == _grow_size(3)
    note = fig.layout.annotations[0].text
    assert "one marker a day, its size the number of documents that day (largest: 200)" in note
    assert fig.layout.margin.b == 109  # three note lines fit


def _grow_size(n: int) -> list[float]:
    return [round(6 * n**0.5, 1)] * n  # n documents on one day, over 100 dated: 6 x sqrt(n)
