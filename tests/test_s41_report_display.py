"""Session 41: what a reader of a report on a real corpus sees (tables, stop messages)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from corpus_tools import cli, notebook, report


def test_a_tab_and_an_escaped_bar_are_shown_as_a_reader_reads_them() -> None:
    # a saved sports page's weather box and an extractor's Markdown menu (L3S-GN1 pages)
    table = pd.DataFrame(
        {
            "doc_id": ["sjsu", "us"],
            "n": [543, 12],
            "text": [
                "FORECAST\xa0\xa0\t\t\t\t01/19 \t\t\t\xa0\xa0\t7:00 PM",
                "World News \\| Home |",
            ],
        }
    )
    shown = notebook.readable_table(table)
    assert shown["text"].tolist() == ["FORECAST 01/19 7:00 PM", "World News | Home |"]
    assert shown["n"].tolist() == [543, 12] and shown["doc_id"].tolist() == ["sjsu", "us"]
    # the data keep their characters
    assert table["text"][0] == "FORECAST\xa0\xa0\t\t\t\t01/19 \t\t\t\xa0\xa0\t7:00 PM"
    series = notebook.readable_table(table["text"])
    assert isinstance(series, pd.Series) and series.name == "text"
    assert series.tolist() == ["FORECAST 01/19 7:00 PM", "World News | Home |"]


def test_a_table_with_nothing_to_change_is_displayed_exactly_as_pandas_does() -> None:
    table = pd.DataFrame(
        {
            "term": ["a  b", "c"],
            "z": [1.5, 2.0],
            "when": pd.to_datetime(["2020-01-02", "2021-03-04"]),
        }
    )
    assert notebook.readable_table(table) is table


def test_the_notebook_shell_shows_tables_readably() -> None:
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    try:
        assert notebook.show_tables_readably() is True
        table = pd.DataFrame({"text": ["a\tb", "one\n\ntwo"]})
        data, _ = shell.display_formatter.format(table)
        assert "\\t" not in data["text/html"] and "\\n" not in data["text/html"]
        assert "<td>a b</td>" in data["text/html"] and "<td>one two</td>" in data["text/html"]
        assert data["text/plain"] == repr(pd.DataFrame({"text": ["a b", "one two"]}))
        plain = pd.DataFrame({"text": ["no tab"], "n": [3]})
        data, _ = shell.display_formatter.format(plain)
        assert data["text/html"] == plain._repr_html_() and data["text/plain"] == repr(plain)
        data, _ = shell.display_formatter.format(pd.Series(["x\ty"], name="s"))
        assert data["text/plain"] == "0    x y\nName: s, dtype: str"
    finally:
        InteractiveShell.clear_instance()


def test_clean_and_report_stop_with_one_message_naming_each_file_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a JSON Lines export whose rows have no text: the line was named twice,
    # "rows.jsonl#line=1: JSONL line 1: missing text"
    folder = tmp_path / "bins"
    folder.mkdir()
    (folder / "rows.jsonl").write_text(
        '{"text": "", "title": "a"}\n{"text": "", "title": "b"}\n', encoding="utf-8"
    )
    assert cli.main(["clean", str(folder), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    reason = "missing text; the row has 'title': pass text_column='title' to analyse headlines"
    assert err == (
        "corpus-tools: error: bins: no document could be loaded, so there is nothing to clean; "
        f"2 inputs skipped: rows.jsonl: JSONL line 1: {reason}; rows.jsonl: JSONL line 2: "
        f"{reason} (on the command line: --text-column title)"
    )
    assert cli.main(["report", str(folder), "--out", str(tmp_path / "rep")]) == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith(
        "corpus-tools: error: bins: no document could be loaded, so there is nothing to report "
        "on; 2 inputs skipped: rows.jsonl: JSONL line 1: missing text;"
    )
    assert not (tmp_path / "out").exists() and not (tmp_path / "rep").exists()


def test_skip_line_names_a_row_or_line_once() -> None:
    assert report.skip_line("a.jsonl#line=7", "JSONL line 7: missing text") == (
        "a.jsonl: JSONL line 7: missing text"
    )
    # a reason about another line keeps the path's line
    assert report.skip_line("a.jsonl#line=7", "JSONL line 8: missing text") == (
        "a.jsonl#line=7: JSONL line 8: missing text"
    )


def test_only_changed_cells_are_replaced_so_missing_values_display_as_before() -> None:
    # nb03's quote table: a string column's NaN displayed as None once the column was mapped
    table = pd.DataFrame({"speaker": pd.array(["Ann", None, "Bo\tB"], dtype="str")})
    table["kind"] = pd.Categorical(["a\tb", "c", "c"])
    shown = notebook.readable_table(table)
    assert shown["speaker"].tolist()[0] == "Ann" and pd.isna(shown["speaker"][1])
    assert shown["speaker"][2] == "Bo B" and shown["speaker"].dtype == table["speaker"].dtype
    assert shown["kind"].tolist() == ["a b", "c", "c"]
    assert "NaN" in repr(shown) and "None" not in repr(shown)
    # a removed line of the cleaning log keeps no line break at its end
    log = pd.DataFrame({"text": ["Sign up to get this in your inbox\n\n"]})
    assert notebook.readable_table(log)["text"][0] == "Sign up to get this in your inbox"


def test_a_text_of_line_breaks_alone_stays_visible() -> None:
    # nb01's cleaning view: a rejoined line's log text is the '\n\n' it replaced; as spaces
    # the cell was blank
    log = pd.DataFrame({"rule": ["rejoin_broken_line", "x"], "text": ["\n\n", "Shr 8.43 cts\n\n"]})
    assert notebook.readable_table(log)["text"].tolist() == ["\n\n", "Shr 8.43 cts"]
    assert "<td>\\n\\n</td>" in notebook.readable_table(log)._repr_html_()


def test_a_wide_table_scrolls_in_its_box_and_printed_text_breaks_between_words() -> None:
    # nb03's frame shares by outlet (11 frame columns) lost its last two columns past the
    # output area's edge (overflow hidden); printed notes broke 'undated' as 'u' / 'ndated'
    import nbformat

    from corpus_tools.report import export_html

    wide = pd.DataFrame([[0.1] * 11], columns=[f"frame_number_{i}" for i in range(11)])
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("wide")
    cell.outputs = [
        nbformat.v4.new_output(
            "execute_result",
            data={"text/html": wide._repr_html_(), "text/plain": repr(wide)},
            execution_count=1,
        )
    ]
    nb.cells.append(cell)
    page = export_html(nb, title="t")
    head = page[: page.index("</head>")]
    assert (
        ".jp-RenderedHTMLCommon > div:has(> table), .jp-RenderedHTMLCommon > table "
        "{ overflow-x: auto; max-width: 100%; }" in head
    )
    assert ".jp-RenderedHTMLCommon > table { display: block; }" in head
    assert ".jp-OutputArea-output pre { word-break: normal; overflow-wrap: anywhere; }" in head
    assert "frame_number_10" in page


def test_the_index_of_an_undated_corpus_has_no_columns_of_unknown_dates() -> None:
    # 1,166 headlines of 158 outlets, no date column: 50 rows of 'unknown | unknown'
    import corpus_tools as ct

    frame = pd.DataFrame(
        {
            "text": ["Gaza talks resume today.", "Israel strikes Rafah again.", "Aid trucks wait."],
            "outlet": ["BBC", "Reuters", "BBC"],
        }
    )
    context = report._summary_context(Path("heads"), ct.load_corpus(frame))
    extra = {"corpus_name": "heads", "version": "0", "notebooks": [], "run_info": ""}
    page = report._render_index(context | extra | {"n_total": 0, "n_ok": 0, "n_failed": 0})
    assert context["outlets_dated"] is False
    assert "<th>outlet</th><th>documents</th><th>words</th></tr>" in page
    assert "first date</th>" not in page and '<td class="date">' not in page
    dated = ct.load_corpus(frame.assign(published=["2024-01-02", None, "2024-01-05"]))
    context = report._summary_context(Path("heads"), dated)
    page = report._render_index(context | extra | {"n_total": 0, "n_ok": 0, "n_failed": 0})
    assert "<th>first date</th><th>last date</th>" in page
    # a date stays on one line: 50 outlets of saved pages broke "2025-10-" / "30"
    assert '<td class="date">2024-01-02</td><td class="date">2024-01-05</td>' in page
    assert '<td class="date">unknown</td>' in page and "td.date { white-space: nowrap; }" in page


def test_the_index_of_a_corpus_without_outlets_has_no_one_row_outlet_table() -> None:
    # 400 BBC texts with no metadata: a table of one '(missing)' row under the summary
    import corpus_tools as ct

    frame = pd.DataFrame({"text": ["Gaza talks resume today.", "Aid trucks wait at the border."]})
    context = report._summary_context(Path("bbc"), ct.load_corpus(frame))
    extra = {"corpus_name": "bbc", "version": "0", "notebooks": [], "run_info": ""}
    page = report._render_index(context | extra | {"n_total": 0, "n_ok": 0, "n_failed": 0})
    assert context["n_outlets"] == 0 and len(context["outlets"]) == 1
    assert "<th>outlet</th>" not in page and "(missing)" not in page
    assert '<tr><td>documents without outlet</td><td class="num">2</td></tr>' in page


def test_the_index_lists_outlets_of_equal_size_alphabetically_whatever_their_case() -> None:
    # 50 saved pages of 48 sites: 'amazon.co.uk' and 'delta.com' came after 'Wooding Electric'
    table = pd.DataFrame(
        {
            "doc_id": ["1", "2", "3", "4", "5"],
            "outlet": ["Wooding Electric", "amazon.co.uk", "BBC News", "delta.com", "BBC News"],
            "n_words": [10, 20, 30, 40, 50],
            "published": pd.to_datetime([None, None, None, None, None]),
        }
    )
    rows = report._outlet_rows(table)
    assert rows["outlet"].tolist() == ["BBC News", "amazon.co.uk", "delta.com", "Wooding Electric"]
    assert rows["n_docs"].tolist() == [2, 1, 1, 1] and rows["n_words"].tolist() == [80, 20, 40, 10]


def test_a_long_table_is_fixed_only_where_pandas_shows_it() -> None:
    from corpus_tools.notebook import readable_table

    n = 100_000
    table = pd.DataFrame({"text": pd.Series(["FORECAST\t01/19"] * n, dtype=object)})
    shown = readable_table(table)
    assert "\\t" not in repr(shown) and "FORECAST 01/19" in repr(shown)
    assert shown["text"].iloc[0] == shown["text"].iloc[-1] == "FORECAST 01/19"
    assert shown["text"].iloc[n // 2] == "FORECAST\t01/19"  # never shown: not read
    assert table["text"].iloc[0] == "FORECAST\t01/19"  # the data keep their tab


def test_a_long_arrow_text_column_is_shown_as_pandas_shows_it() -> None:
    from corpus_tools.notebook import readable_table

    table = pd.DataFrame({"text": pd.array(["a\tb"] * 100_000, dtype="str")})
    assert readable_table(table) is table  # not rebuilt (400 MB of text at 100k articles)
    short = pd.DataFrame({"text": pd.array(["a\tb"] * 5, dtype="str")})
    assert readable_table(short)["text"].tolist() == ["a b"] * 5
