"""QA session 27: the page header says dates at the precision the corpus has them."""

from pathlib import Path

from corpus_tools import report


def _header(tmp_path: Path, rows: list[str], **load: str) -> str:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "t.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    context = report.prepare_corpus(folder, None, load or None)
    return report._header_html(context["header"], hidden=None, seeds=False)


def test_year_dates_in_the_header(tmp_path: Path) -> None:
    # State of the Union paragraphs with a year column: '1946-01-01 to 2000-01-01' on every page
    rows = ["year,text"] + [f"{y},Paragraph of the address in {y}." for y in (1946, 1973, 2000)]
    page = _header(tmp_path, rows, date_column="year")
    assert ">1946 to 2000 (known to the year only)</td>" in page


def test_one_day_in_the_header(tmp_path: Path) -> None:
    rows = ["published,outlet,text", "2000-01-27,A,One text.", "2000-01-27,B,Another text."]
    page = _header(tmp_path, rows)
    assert ">2000-01-27 (one day)</td>" in page
