"""What a reader sees of the report on users' corpora (session 42): notebook 01 on a corpus
with no date at all, read from the notebook's own source cells."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
from conftest import make_corpus  # noqa: E402

import corpus_tools as ct  # noqa: E402
from corpus_tools import plots  # noqa: E402

NB01 = Path(__file__).resolve().parents[1] / "notebooks" / "01_corpus_overview.py"


def _code_cell(marker: str) -> str:
    """The code cell of notebook 01's source that contains ``marker``."""
    cells = NB01.read_text(encoding="utf-8").split("\n# %%")
    (cell,) = [c for c in cells if marker in c and not c.startswith(" [markdown]")]
    return cell


def _run(cell: str, names: dict) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(cell, str(NB01), "exec"), names)  # noqa: S102
    return out.getvalue()


def _timeline_cells(corpus: ct.Corpus) -> tuple[str, str, dict]:
    names = {"ct": ct, "pd": pd, "plots": plots, "INTERACTIVE_MAX": 5000}
    names["table"] = ct.overview(corpus)
    timeline = _run(_code_cell('div_id="nb01-timeline"'), names)
    markers = _run(_code_cell("what the markers mean"), names)
    return timeline, markers, names


def test_an_undated_corpus_gets_one_line_and_no_empty_timeline() -> None:
    # 400 BBC texts without a sidecar (session 41): the section drew an empty figure saying
    # "No document has a publication date", then printed it again under the outlet cell
    corpus = make_corpus({"a": "One short text here.", "b": "Another short text."})
    timeline, markers, names = _timeline_cells(corpus)
    assert names["fig"] is None
    assert timeline == (
        "No timeline to draw (no document has a date). Add dates with a metadata.csv (columns "
        "file, published), or name a table's date column: --date-column NAME "
        "(load_corpus(date_column=...)).\n"
    )
    assert markers == ""


def test_a_dated_corpus_still_gets_its_timeline_and_the_markers_line() -> None:
    corpus = make_corpus(
        {"a": "One short text here.", "b": "Another short text."},
        outlet={"a": "X", "b": "Y"},
        published={"a": "2024-01-02", "b": "2024-01-09"},
        date_precision={"a": "day", "b": "week"},
    )
    timeline, markers, names = _timeline_cells(corpus)
    assert timeline == ""
    assert isinstance(names["fig"], plots.PlotlyHTML)
    assert markers.startswith(
        "2 of 2 documents have a date; 1 of them are not known to the day (open markers"
    )


def test_missing_values_show_as_empty_cells_in_notebook_tables() -> None:
    # nb03 on Reuters (session 41): 'None' in the quote table's speaker and source columns
    # (21 cells), 'NaN' in the tone table's intervals and its group x target pivot (16)
    from corpus_tools.notebook import readable_table, table_html

    quotes = pd.DataFrame(
        {
            "speaker": pd.Series(["Ann Lee", None], dtype=object),  # as ct.quotes gives it
            "quote": ["We will act.", "It was\tcalm."],
            "ci_low": [0.125, float("nan")],
            "day": pd.to_datetime(["2024-01-02", None]),
        }
    )
    cells = re.findall(r"<td>([^<]*)</td>", table_html(quotes))
    assert cells == ["Ann Lee", "We will act.", "0.125", "2024-01-02", "", "It was calm.", "", ""]
    assert quotes["speaker"].iloc[1] is None  # the data keep their values
    assert readable_table(quotes["speaker"]).tolist() == ["Ann Lee", ""]
    # a table without a missing cell is pandas' own display, byte for byte
    full = quotes.dropna()
    assert table_html(full) == full._repr_html_()


def test_a_text_column_holding_whole_pages_is_not_called_unused() -> None:
    # a JSON-lines crawl dump with whole HTML pages in column 'html': its rows are read by the
    # page extractor (format 'html'), and the report said "--text-column has no effect"
    from corpus_tools.cli import unused_load_options

    rows = pd.DataFrame(
        {
            "doc_id": ["bbc_01", "bbc_02"],
            "text": ["Rise in bedroom entrepreneurs.", "Japan's market rises."],
            "format": ["html", "html"],
            "path": ["crawl.jsonl", "crawl.jsonl"],
        }
    )
    assert unused_load_options(ct.Corpus(rows), {"text_column": "html", "quotechar": None}) == []
    pages = rows.assign(path=["p/01.html", "p/02.html"])  # a folder of saved pages: still said
    assert unused_load_options(ct.Corpus(pages), {"text_column": "html", "quotechar": None}) == [
        "text_column='html' (--text-column) has no effect: it names a column of a table (.csv "
        ".tsv .jsonl .ndjson .json .parquet), and every document here came from a text or HTML "
        "file; drop it, or point at the table."
    ]
