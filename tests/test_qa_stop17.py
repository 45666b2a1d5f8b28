"""Regression tests for what the stop-17 QA pass found on real corpora and misuse.

Each test builds a small corpus in ``tmp_path`` that reproduces one finding.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import corpus_tools as ct
from corpus_tools import cli, plots, report


def _headlines_only(folder: Path) -> Path:
    folder.mkdir()
    (folder / "headlines.csv").write_text(
        # (a column named headline/title is read as the text since session 22; 'blurb' is not)
        "blurb\nTalks end in Geneva without a deal\nMarkets rise again after the talks\n",
        encoding="utf-8",
    )
    return folder


def test_report_on_a_corpus_whose_every_input_is_skipped_stops_with_the_reason(
    tmp_path: Path,
) -> None:
    # a CSV whose text is in `blurb` loads no document: the report used to run all four
    # notebooks on an empty corpus (two failed with pandas errors)
    corpus = _headlines_only(tmp_path / "news")
    context = report.prepare_corpus(corpus, None)
    name, message = context["load_error"]
    assert name == "CorpusLoadError"
    assert message.startswith(
        "news: no document could be loaded, so there is nothing to report on; 1 input skipped: "
        "headlines.csv: no text column; columns found: ['blurb']; pass text_column="
    )
    with pytest.raises(ct.CorpusLoadError, match="nothing to report on"):
        report._raise_load_error(context)


def test_cli_report_on_an_all_skipped_corpus_exits_2_names_the_option_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = _headlines_only(tmp_path / "news")
    out = tmp_path / "rep"
    assert cli.main(["report", str(corpus), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("corpus-tools: error: news: no document could be loaded")
    assert err.endswith("(on the command line: --text-column blurb)")
    assert not out.exists()
    assert sorted(p.name for p in corpus.iterdir()) == ["headlines.csv"]


def test_no_documents_message_caps_the_reasons_it_lists(tmp_path: Path) -> None:
    folder = tmp_path / "dump"
    folder.mkdir()
    for i in range(5):
        (folder / f"e{i}.txt").write_bytes(b"")
    with pytest.warns(ct.CorpusToolsWarning, match="no document could be loaded"):
        corpus = ct.load_corpus(folder)
    message = report.no_documents_message(folder, corpus)
    assert message == (
        "dump: no document could be loaded, so there is nothing to report on; 5 inputs skipped: "
        "e0.txt: empty file (0 bytes); nothing to load: save or download the article's text into "
        "it again, or delete it; e1.txt: empty file (0 bytes); nothing to load: save or download "
        "the article's text into it again, or delete it; e2.txt: empty file (0 bytes); nothing "
        "to load: save or download the article's text into it again, or delete it (and 2 more; "
        "run corpus-tools info to list them)"
    )


def _table(n: int, *, dated: bool, share: float) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "doc_id": [f"h#{i}" for i in range(n)],
            "outlet": [None] * n,
            "published": ["2015-03-01" if dated else None] * n,
            "date_precision": ["day" if dated else None] * n,
            "n_words": [10] * n,
            "chrome_share": [share] * n,
        }
    )


@pytest.mark.parametrize("interactive", [False, True])
def test_timeline_without_any_date_says_so_instead_of_empty_axes_around_1970(
    interactive: bool,
) -> None:
    fig = plots.plot_timeline(_table(40, dated=False, share=0.0), interactive=interactive)
    if interactive:
        title = fig.layout.title.text
        text = fig.layout.annotations[0].text
        assert len(fig.data) == 0
    else:
        ax = fig.axes[0]
        title, text = ax.get_title(), ax.texts[0].get_text()
        assert not ax.axison and not ax.collections
    assert title == "Publication dates by outlet (none of 40 documents has a date)"
    assert text.startswith("No document has a publication date: nothing to place on a time axis.")


def test_cleaning_figure_draws_only_pages_with_chrome_and_counts_the_rest() -> None:
    table = pd.concat(
        [_table(3, dated=True, share=0.0), _table(2, dated=True, share=0.25)], ignore_index=True
    )
    table["doc_id"] = [f"d{i}" for i in range(5)]
    ax = plots.plot_cleaning(table).axes[0]
    assert ax.get_title() == (
        "Share of each page removed as chrome (n = 2 documents; 3 with nothing removed)"
    )
    assert [t.get_text() for t in ax.get_yticklabels()] == ["d4", "d3"]
    nothing = plots.plot_cleaning(_table(4, dated=True, share=0.0)).axes[0]
    assert nothing.get_title() == "Share of each page removed as chrome (n = 4 documents)"
    assert nothing.texts[0].get_text() == (
        "Cleaning removed no chrome from any of the 4 documents: nothing to draw."
    )


def test_keyness_figure_of_an_empty_table_says_why_not_n_0_documents() -> None:
    empty = pd.DataFrame(columns=["group", "term", "count", "z", "n_docs_group"])
    fig = plots.plot_keyness(empty, n_docs=10_000)
    assert (
        fig.axes[0].get_title()
        == "Distinctive terms per group, each vs the rest (n = 10,000 documents)"
    )
    assert (
        fig.axes[0]
        .texts[0]
        .get_text()
        .startswith("The keyness table is empty: nothing to show. It needs two or more groups\n")
    )


def test_similarity_heatmap_never_gives_two_rows_the_same_label() -> None:
    # notebook 02 labels documents `group · doc_id[:12]`: headlines#22 and headlines#221 collide
    sim = pd.DataFrame({"a": ["headlines#22", "headlines#22"], "b": ["headlines#221", "x"]})
    sim["cosine"] = [0.9, 0.5]
    labels = {d: f"(missing) · {d[:12]}" for d in ["headlines#22", "headlines#221", "x"]}
    ax = plots.plot_similarity(sim, labels=labels).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "headlines#22",
        "headlines#221",
        "(missing) · x",
    ]


def test_reuse_share_labels_a_missing_group_once_in_parentheses() -> None:
    summary = pd.DataFrame(
        {
            "doc_id": ["h#1", "h#2"],
            "group": ["(missing)", "Post"],
            "reused_share": [0.5, 0.25],
            "reused_words": [5, 2],
            "n_words": [10, 8],
        }
    )
    ax = plots.plot_reuse_share(summary).axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["h#2 (Post)", "h#1 (missing)"]


def test_tone_figure_rows_grow_with_the_groups_so_labels_do_not_overprint() -> None:
    def summary(n_groups: int) -> pd.DataFrame:
        rows = [
            {"group": f"Outlet {g}", "target": t, "mean_compound": 0.0, "ci_low": None}
            | {"ci_high": None, "n_sentences": 1, "n_docs": 1}
            for g in range(n_groups)
            for t in ["Canada", "France", "India"]
        ]
        return pd.DataFrame(rows)

    assert plots.plot_target_sentiment(summary(5)).get_figheight() == pytest.approx(3.9)
    fig = plots.plot_target_sentiment(summary(8))
    assert fig.get_figheight() == pytest.approx(3 * 0.18 * 8 + 1.5)
    ax = fig.axes[0]
    ys = sorted(line.get_ydata()[0] for line in ax.lines if len(line.get_ydata()) == 1)
    gap_inches = (ys[1] - ys[0]) / (ax.get_ylim()[0] - ax.get_ylim()[1]) * ax.bbox.height / fig.dpi
    assert gap_inches * 72 > 9  # points of neighbouring groups sit more than a 7 pt label apart


def test_mentions_over_time_bins_a_year_by_week_and_draws_silent_weeks_as_zero() -> None:
    days = ["2015-01-05", "2015-01-06", "2015-01-20", "2015-03-02"] + [
        f"2015-{m:02d}-15" for m in range(4, 13)
    ]
    counts = pd.DataFrame({"group": days, "actor": "India", "n_mentions": 2})
    # another actor is mentioned in week two: India is silent there (0); weeks in which no
    # actor is mentioned are gaps (stop 18: most likely no document was collected then)
    other = pd.DataFrame({"group": ["2015-01-13"], "actor": ["Chad"], "n_mentions": [1]})
    ax = plots.plot_mentions_over_time(pd.concat([counts, other])).axes[0]
    assert ax.get_ylabel() == "mentions per week (count)"
    x, y = ax.lines[0].get_data()
    assert len(x) == 50  # Monday 5 January to Monday 14 December 2015, every week
    assert list(y[:3]) == [4, 0, 2]  # two days of week one summed; week two silent
    assert np.isnan(y[3]) and np.nansum(y) == 26
    assert ax.get_xlabel() == "publication date (gaps: 37 weeks in which no actor is mentioned)"


def test_mentions_over_time_keeps_days_over_a_short_span_and_points_for_few_dates() -> None:
    days = [f"2015-01-{d:02d}" for d in range(1, 31, 3)]  # ten dates over a month
    counts = pd.DataFrame({"group": days, "actor": "India", "n_mentions": 1})
    ax = plots.plot_mentions_over_time(counts).axes[0]
    assert ax.get_ylabel() == "mentions per day (count)"
    y = ax.lines[0].get_ydata()
    assert len(y) == 28 and np.nansum(y) == 10 and int(np.isnan(y).sum()) == 18
    few = plots.plot_mentions_over_time(counts.head(3)).axes[0]
    assert list(few.lines[0].get_ydata()) == [1, 1, 1]  # not joined: no zeros added


def test_report_refuses_an_unwritable_output_before_loading_the_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import tempfile

    def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, "Read-only file system")

    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Talks ended in Geneva without a deal.\n", encoding="utf-8")
    loaded: list[object] = []
    monkeypatch.setattr(report, "_prepare_in_child", lambda *a, **k: loaded.append(a))
    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    out = tmp_path / "ro" / "rep"
    with pytest.raises(ct.CorpusValueError) as err:
        report.run_report(str(corpus), str(out), progress=False)
    assert str(err.value) == (
        f"--out {out}: cannot write in {tmp_path} (Read-only file system); "
        "choose a folder you can write to."
    )
    assert not loaded and not out.exists()


def test_sigterm_half_way_removes_the_partial_output_and_exits_143(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import os
    import signal

    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Talks ended in Geneva without a deal.\n", encoding="utf-8")

    def killed(*args: object, **kwargs: object) -> None:  # `kill PID` while the tables are written
        os.kill(os.getpid(), signal.SIGTERM)

    monkeypatch.setattr(cli, "to_csv_safe", killed)
    before = signal.getsignal(signal.SIGTERM)
    assert cli.main(["clean", str(corpus), "--out", str(tmp_path / "out")]) == 143
    assert capsys.readouterr().err.strip().endswith("corpus-tools: terminated")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news"]  # no out, tmp copy or lock
    assert signal.getsignal(signal.SIGTERM) == before


def test_report_index_does_not_count_the_missing_row_as_an_outlet(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    folder.mkdir()
    rows = ["text,outlet"] + [
        f"Story number {i} about the talks.,Outlet {i:02d}" for i in range(55)
    ]
    rows += ["An article without an outlet.,", "Another one without an outlet.,"]
    (folder / "a.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    context = report.prepare_corpus(folder, None)
    assert (context["n_outlets"], context["n_outlet_rows"], context["missing_row"]) == (
        55,
        56,
        True,
    )
    assert context["outlets"][0]["outlet"] == "(missing)"
    extra = {"corpus_name": "news", "version": "0", "notebooks": [], "run_info": ""}
    page = report._render_index(context | extra | {"n_total": 0, "n_ok": 0, "n_failed": 0})
    assert (
        "Showing the 50 largest of 56 rows: 55 outlets and the documents without an outlet." in page
    )


def test_cleaning_figure_draws_missing_outlets_black_among_many_outlets() -> None:
    n = 40  # more outlets than the palette holds
    table = pd.DataFrame(
        {
            "doc_id": [f"d{i:02d}" for i in range(n + 1)],
            "outlet": [f"Outlet {i:02d}" for i in range(n)] + [None],
            "chrome_share": [0.01] * n + [0.5],
        }
    )
    ax = plots.plot_cleaning(table, top=5).axes[0]
    top_bar = max(ax.patches, key=lambda p: p.get_width())
    assert top_bar.get_facecolor()[:3] == (0.0, 0.0, 0.0)
    legend = {
        t.get_text(): h
        for t, h in zip(ax.get_legend().get_texts(), ax.get_legend().legend_handles, strict=True)
    }
    assert legend["(missing)"].get_facecolor()[:3] == (0.0, 0.0, 0.0)


def test_mentions_over_time_over_many_periods_draws_lines_without_markers() -> None:
    counts = pd.DataFrame(
        {"group": [f"{y}-06-01" for y in range(2008, 2020)], "actor": "India", "n_mentions": 1}
    )
    ax = plots.plot_mentions_over_time(counts).axes[0]
    assert ax.get_ylabel() == "mentions per month (count)"
    assert len(ax.lines[0].get_xdata()) == 133 and ax.lines[0].get_marker() in ("", "None")


def test_mentions_over_time_with_a_missing_date_group_raises_no_pandas_warning() -> None:
    import warnings

    counts = pd.DataFrame(
        {
            "group": ["(missing)", "2019-11-18", "2019-11-20", "2008-06-01"],
            "actor": ["Iran", "Iran", "Iran", "Iran"],
            "n_mentions": [11, 2, 3, 1],
        }
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ax = plots.plot_mentions_over_time(counts).axes[0]
    assert list(ax.lines[0].get_ydata()) == [1, 2, 3]  # undated mentions left out


def test_detail_note_says_stratified_by_outlet_only_when_there_are_outlets() -> None:
    plain = report._detail_note({"n_docs": 10_000, "no_outlet": 10_000}, 5000)
    assert plain.startswith("a sample of 5,000 of 10,000 documents (quotes, speakers,")
    some = report._detail_note({"n_docs": 10_000, "no_outlet": 12}, 5000)
    assert some.startswith("a sample of 5,000 of 10,000 documents, stratified by outlet (quotes")


def test_numbers_read_n_years_ago_as_a_date_not_a_quantity_to_compare() -> None:
    texts = [
        "17 Things That Happened 10 Years Ago Today.",
        "What life was like two decades ago.",
        "23 Americans died 3 days ago in the attack.",
    ]
    corpus = ct.load_corpus(pd.DataFrame({"text": texts, "outlet": ["A", "A", "B"]}))
    claims = ct.numeric_claims(corpus)
    got = list(zip(claims["text"], claims["kind"], strict=True))
    assert got == [("17", "count"), ("10", "date"), ("two", "date"), ("23", "count"), ("3", "date")]


def test_a_cell_over_the_time_budget_prints_no_raw_papermill_log_line(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from notebook_cells import code, new_notebook, setup_cell, write

    nb = write(
        new_notebook([setup_cell(), code("import time\ntime.sleep(60)")]), tmp_path / "s.ipynb"
    )
    executed, exc = report._run_one(nb, tmp_path / "out.ipynb", {}, timeout=2)
    assert exc is not None and "Timeout" in type(exc).__name__ + str(exc)
    assert "Timeout waiting for execute reply" not in capfd.readouterr().err


def test_an_unused_text_column_is_noted_once_with_its_flag(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import warnings

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks ended in Geneva without a deal.\n", encoding="utf-8")
    assert cli.main(["info", str(folder), "--text-column", "body"]) == 0
    lines = [
        ln
        for ln in capsys.readouterr().err.splitlines()
        if "had no effect" in ln or "has no effect" in ln
    ]
    assert lines == [
        "corpus-tools: warning: text_column='body' (--text-column) has no effect: it names a column "
        "of a table (.csv .tsv .jsonl .ndjson .json .parquet), and every document here came from a "
        "text or HTML file; drop it, or point at the table."
    ]
    snap = tmp_path / "c.pickle"
    context = report.prepare_corpus(folder, snap, {"text_column": "body"})
    assert len(context["option_notes"]) == 1
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ct.load_snapshot(snap)
    notes = [str(w.message) for w in caught if "effect" in str(w.message)]
    assert len(notes) == 1 and notes[0].startswith("text_column='body' (--text-column) has no")
